/* story_int.h - what story.c and story_align.c share: words of the cleaned body */
#ifndef LEDE_STORY_INT_H
#define LEDE_STORY_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "lede/analysis.h"

struct sword {
	size_t		 start, end;	/* byte offsets into the article text */
	uint64_t	 h;		/* hash of the word, ASCII lowered */
	unsigned	 cap : 1;	/* starts with a capital letter */
	unsigned	 num : 1;	/* starts with a digit */
	unsigned	 sent : 1;	/* first word of a sentence */
};

/* qsort, which must not be given a null array even when it is empty. */
static inline void
sort_n(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

/* qsort order of 64-bit hashes. */
static inline int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* A line the comparison reads: title, subheading or body. */
int	story_line_kept(enum line_class);

/* The words of the kept lines, in order, at most max of them (0: all); *out owned
 * by the caller. */
size_t	story_words(const struct analysis *, size_t max, struct sword **out);

#endif
