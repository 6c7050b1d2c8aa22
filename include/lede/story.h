/* story.h - articles about one event grouped into stories; their sentences aligned
 * and compared, and where one source renders a name, number or phrase unlike the
 * others, that minority flagged (no curses) */
#ifndef LEDE_STORY_H
#define LEDE_STORY_H

#include <stddef.h>
#include <stdint.h>

#include "lede/analysis.h"
#include "lede/util.h"

/* Grouping. Articles are added one at a time and join their story at once: a
 * MinHash signature over word pairs of the cleaned body is filed under banded
 * keys, and the entities an article shares with few others are filed too; an
 * added article is compared with those that share a key. */
struct story_set;
struct story_set	*story_set_new(void);
void			 story_set_free(struct story_set *);
/* Add the article of an analysis (only its features are kept); returns its index. */
size_t			 story_add(struct story_set *, const struct analysis *);
size_t			 story_count_docs(const struct story_set *);
/* The story of each article: story[i] in [0, nstories), numbered by their first
 * article. Returns the number of stories; *story is owned by the caller. */
size_t			 story_assign(struct story_set *, size_t **story);

/* Comparison of the articles of one story. */
struct story_span {
	size_t	art;		/* index into the analyses given */
	size_t	start, end;	/* byte offsets into that article's text */
};

struct story_flag {
	size_t			 art;
	size_t			 start, end;
	enum artifact_kind	 kind;
	char			*suggestion;	/* owned: the majority rendering */
	char			*note;		/* owned: "3 of 4 sources: ..." */
	double			 score;		/* confidence 0..1, from the share agreeing */
};

struct story_cmp {
	struct story_span	*spans;		/* sentences of all alignments, in order */
	size_t			*align_end;	/* alignment i is spans[align_end[i-1], align_end[i]) */
	size_t			 naligns;
	struct story_flag	*flags;		/* sorted by art, then start */
	size_t			 nflags;
	struct story_span	*lone;		/* sentences no other source aligns with */
	size_t			 nlone;
};

/* Align the sentences of n analyses (one story) and find their disagreements. */
void	story_compare(const struct analysis *const *, size_t n, struct story_cmp *);
void	story_cmp_free(struct story_cmp *);

/* Merge an article's flags (art == which) into its artifacts: a flag that overlaps an
 * artifact already there is dropped, the rest keep the artifacts sorted. Only names
 * unless all: a phrase or number one source renders alone is a fair synonym more
 * often than an error (precision about 0.25 on held-out translations), so those
 * stay in `lede stories` and come into the artifacts on request. Returns the
 * number added. */
size_t	story_add_artifacts(struct analysis *, const struct story_cmp *, size_t which,
	    int all);

/* One JSON object on one line for a story: id, title, articles, entities,
 * alignments, disagreements, and what only one source reports (only_one_source). */
void	story_json(struct buf *, size_t id, const struct analysis *const *, size_t n,
	    const struct story_cmp *);

#endif
