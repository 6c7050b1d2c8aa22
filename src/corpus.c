/* corpus.c - a corpus-wide entity index: the same canonical name and type in two
 * articles is one entity */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/corpus.h"
#include "lede/util.h"

void
corpus_index_init(struct corpus_index *ci)
{
	memset(ci, 0, sizeof *ci);
}

void
corpus_index_free(struct corpus_index *ci)
{
	size_t i;

	for (i = 0; i < ci->nents; i++) {
		free(ci->ents[i].canonical);
		free(ci->ents[i].docs);
		free(ci->ents[i].counts);
	}
	free(ci->ents);
	free(ci->slots);
	memset(ci, 0, sizeof *ci);
}

static size_t
key_hash(const char *name, enum entity_type type)
{
	return hash_bytes(name, strlen(name)) * 3 + (size_t)type;
}

/* The slot holding the entity, or the free slot where it would go. */
static size_t
slot_of(const struct corpus_index *ci, const char *name, enum entity_type type)
{
	size_t mask = ci->nslots - 1, s = key_hash(name, type) & mask, k;

	while ((k = ci->slots[s]) != 0) {
		const struct corpus_entity *e = &ci->ents[k - 1];

		if (e->type == type && strcmp(e->canonical, name) == 0)
			break;
		s = (s + 1) & mask;
	}
	return s;
}

static void
rehash(struct corpus_index *ci)
{
	size_t i;

	free(ci->slots);
	ci->nslots = ci->nslots ? ci->nslots * 2 : 64;
	ci->slots = xcalloc(ci->nslots, sizeof *ci->slots);
	for (i = 0; i < ci->nents; i++)
		ci->slots[slot_of(ci, ci->ents[i].canonical, ci->ents[i].type)] = i + 1;
}

const struct corpus_entity *
corpus_index_find(const struct corpus_index *ci, const char *canonical,
    enum entity_type type)
{
	size_t s;

	if (ci->nslots == 0 || canonical == NULL)
		return NULL;
	s = slot_of(ci, canonical, type);
	return ci->slots[s] ? &ci->ents[ci->slots[s] - 1] : NULL;
}

static void
add_one(struct corpus_index *ci, size_t doc, const struct entity *en)
{
	struct corpus_entity *e;
	size_t s;

	if (en->canonical == NULL || en->nmentions == 0)
		return;
	if ((ci->nents + 1) * 2 > ci->nslots)
		rehash(ci);
	s = slot_of(ci, en->canonical, en->type);
	if (ci->slots[s] == 0) {
		ci->ents = xreallocarray(ci->ents, ci->nents + 1, sizeof *ci->ents);
		e = &ci->ents[ci->nents++];
		memset(e, 0, sizeof *e);
		e->type = en->type;
		e->canonical = xstrdup(en->canonical);
		ci->slots[s] = ci->nents;
	}
	e = &ci->ents[ci->slots[s] - 1];
	/* an article may hold two entities with one canonical name: one row */
	if (e->ndocs > 0 && e->docs[e->ndocs - 1] == doc) {
		e->counts[e->ndocs - 1] += en->nmentions;
	} else {
		e->docs = xreallocarray(e->docs, e->ndocs + 1, sizeof *e->docs);
		e->counts = xreallocarray(e->counts, e->ndocs + 1, sizeof *e->counts);
		e->docs[e->ndocs] = doc;
		e->counts[e->ndocs++] = en->nmentions;
	}
	e->total += en->nmentions;
}

void
corpus_index_add(struct corpus_index *ci, size_t doc, const struct entity_result *r)
{
	size_t i;

	/* numbers come in order: a number at or below the last one was added already */
	if (ci->ndocs > 0 && doc < ci->ndocs)
		return;
	for (i = 0; i < r->nents; i++)
		add_one(ci, doc, &r->ents[i]);
	ci->ndocs = doc + 1;
}

size_t
corpus_entity_lower_bound(const struct corpus_entity *e, size_t doc)
{
	size_t lo = 0, hi = e->ndocs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (e->docs[mid] < doc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
corpus_entity_count(const struct corpus_entity *e, size_t doc)
{
	size_t i;

	if (e == NULL)
		return 0;
	i = corpus_entity_lower_bound(e, doc);
	return i < e->ndocs && e->docs[i] == doc ? e->counts[i] : 0;
}

size_t
corpus_entity_next(const struct corpus_entity *e, size_t doc, int dir)
{
	size_t i;

	if (e == NULL)
		return (size_t)-1;
	if (dir > 0) {
		i = doc == (size_t)-1 ? 0 : corpus_entity_lower_bound(e, doc + 1);
		return i < e->ndocs ? e->docs[i] : (size_t)-1;
	}
	i = corpus_entity_lower_bound(e, doc);
	return i > 0 ? e->docs[i - 1] : (size_t)-1;
}

static const struct corpus_index *sort_ci;

static int
by_total(const void *a, const void *b)
{
	const struct corpus_entity *x = &sort_ci->ents[*(const size_t *)a];
	const struct corpus_entity *y = &sort_ci->ents[*(const size_t *)b];

	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return strcmp(x->canonical, y->canonical);
}

size_t
corpus_index_sorted(const struct corpus_index *ci, enum entity_type type, size_t **out)
{
	size_t i, n = 0;

	*out = xcalloc(ci->nents ? ci->nents : 1, sizeof **out);
	for (i = 0; i < ci->nents; i++)
		if (ci->ents[i].type == type)
			(*out)[n++] = i;
	/* qsort has no context argument in C11: the index sorted is kept aside */
	sort_ci = ci;
	qsort(*out, n, sizeof **out, by_total);
	sort_ci = NULL;
	return n;
}
