/* entity.c - people, places and organizations. Placeholder until the entity work
 * lands: finds nothing. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/entity.h"
#include "lede/util.h"

struct entity_kb {
	int	unused;
};

const char *
entity_type_name(enum entity_type t)
{
	switch (t) {
	case ENT_PERSON:
		return "PERSON";
	case ENT_PLACE:
		return "PLACE";
	case ENT_ORG:
	default:
		return "ORG";
	}
}

struct entity_kb *
entity_kb_load(const char *datadir, const char *userdir,
    void (*warn)(const char *, void *), void *ctx)
{
	return xcalloc(1, sizeof(struct entity_kb));
}

void
entity_kb_free(struct entity_kb *kb)
{
	free(kb);
}

void
entity_extract(const struct entity_kb *kb, const struct article *a,
    const struct clean_result *c, struct entity_result *out)
{
	memset(out, 0, sizeof *out);
}

void
entity_result_free(struct entity_result *r)
{
	size_t i;

	for (i = 0; i < r->nents; i++) {
		free(r->ents[i].canonical);
		free(r->ents[i].mentions);
	}
	free(r->ents);
	memset(r, 0, sizeof *r);
}
