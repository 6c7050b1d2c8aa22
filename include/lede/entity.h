/* entity.h - people, places and organizations: mentions merged into entities */
#ifndef LEDE_ENTITY_H
#define LEDE_ENTITY_H

#include <stddef.h>

#include "lede/article.h"
#include "lede/clean.h"

enum entity_type {
	ENT_PERSON,
	ENT_PLACE,
	ENT_ORG
};

struct mention {
	size_t	start, end;	/* byte offsets into the article text, inside one line */
	float	score;		/* the model's confidence (0..1); < 0 when found by
				 * the rules alone (no model) */
};

struct entity {
	enum entity_type	 type;
	char			*canonical;	/* owned; proper full name */
	struct mention		*mentions;	/* owned; sorted by start */
	size_t			 nmentions;
};

struct entity_result {
	struct entity	*ents;		/* ordered by first mention */
	size_t		 nents;
};

/* Gazetteer, curated lists and context rules from the data directory (and the
 * user's directory, may be NULL). Messages go through warn(). */
struct entity_kb;
struct entity_kb	*entity_kb_load(const char *datadir, const char *userdir,
			    void (*warn)(const char *msg, void *ctx), void *ctx);
void			 entity_kb_free(struct entity_kb *);

/* Find entities in the article. The cleaning result gives line classes (mentions in
 * boilerplate lines may be skipped) and artifacts (name-variant suggestions). The kb
 * keeps working buffers from call to call: one thread at a time per kb (a call made
 * from inside another, on the same kb, takes buffers of its own). */
void		 entity_extract(const struct entity_kb *, const struct article *,
		    const struct clean_result *, struct entity_result *out);
void		 entity_result_free(struct entity_result *);

const char	*entity_type_name(enum entity_type);

/* For the trainer (data/gen/ner-train.c): what the labeller sees of each line of
 * the article, handed to cb line by line, instead of labelling it. */
struct ner_tok;
void		 entity_ner_lines(const struct entity_kb *, const struct article *,
		    const struct clean_result *,
		    void (*cb)(struct ner_tok *t, size_t n, void *ctx), void *ctx);
/* Whether the kb holds a name model (data/ner.model). */
int		 entity_kb_has_model(const struct entity_kb *);

#endif
