/* corpus.h - entities across a corpus: one entry per canonical name and type, with
 * the articles that mention it (no curses) */
#ifndef LEDE_CORPUS_H
#define LEDE_CORPUS_H

#include <stddef.h>

#include "lede/entity.h"

struct corpus_entity {
	enum entity_type	 type;
	char			*canonical;	/* owned */
	size_t			 total;		/* mentions in all articles */
	size_t			*docs;		/* owned; article numbers, ascending */
	size_t			*counts;	/* owned; mentions in each of docs */
	size_t			 ndocs;
};

struct corpus_index {
	struct corpus_entity	*ents;		/* in order of first appearance */
	size_t			 nents;
	size_t			*slots;		/* open-addressing hash: index + 1, 0 free */
	size_t			 nslots;
	size_t			 ndocs;		/* articles added */
};

void	corpus_index_init(struct corpus_index *);
void	corpus_index_free(struct corpus_index *);
/* Add one article's entities under the number doc. Numbers must come in ascending
 * order; an article added twice is counted once. */
void	corpus_index_add(struct corpus_index *, size_t doc, const struct entity_result *);
/* The entity with this canonical name and type, or NULL. */
const struct corpus_entity *corpus_index_find(const struct corpus_index *,
	    const char *canonical, enum entity_type);
/* The first position in e->docs holding an article number >= doc. */
size_t	corpus_entity_lower_bound(const struct corpus_entity *, size_t doc);
/* Mentions of the entity in article doc (0 when it is not mentioned there). */
size_t	corpus_entity_count(const struct corpus_entity *, size_t doc);
/* The first article mentioning the entity after doc (dir > 0) or before it
 * (dir < 0), or (size_t)-1. */
size_t	corpus_entity_next(const struct corpus_entity *, size_t doc, int dir);
/* Indices into ents of one type, most mentioned first (ties by name); the caller
 * frees *out. */
size_t	corpus_index_sorted(const struct corpus_index *, enum entity_type, size_t **out);

#endif
