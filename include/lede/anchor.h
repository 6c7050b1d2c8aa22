/* anchor.h - find an annotated passage again after its article text changed */
#ifndef LEDE_ANCHOR_H
#define LEDE_ANCHOR_H

#include <stddef.h>

/* How many code points of context are kept on each side (W3C TextQuoteSelector). */
#define ANCHOR_CONTEXT	32

/*
 * What an annotation remembers about its passage: the byte span it had, the exact
 * quote and up to ANCHOR_CONTEXT code points of text before and after it. All
 * strings are UTF-8 with explicit lengths and are borrowed.
 */
struct anchor_target {
	size_t		 start, end;	/* the old byte span, end exclusive */
	const char	*quote;
	size_t		 qlen;
	const char	*prefix;
	size_t		 plen;
	const char	*suffix;
	size_t		 slen;
};

enum anchor_status {
	ANCHOR_KEPT,	/* the old offsets still hold the quote */
	ANCHOR_MOVED,	/* the exact quote was found elsewhere */
	ANCHOR_FUZZY,	/* a close but not identical passage was found */
	ANCHOR_ORPHAN	/* nothing close enough: start/end are meaningless */
};

struct anchor_result {
	enum anchor_status	status;
	size_t			start, end;	/* byte span in the new text */
	size_t			distance;	/* edit distance in code points (fuzzy) */
};

/*
 * Re-anchor t in text[0..len). In order: the old offsets still hold the quote →
 * kept; else every exact occurrence of the quote, the best one chosen by how much
 * of the prefix and suffix agree, then by distance to the old start → moved; else a
 * bounded approximate search (edit distance in code points over windows around the
 * old position and around places where the context still occurs), accepted when at
 * most ANCHOR_FUZZY_PERCENT of the quote's code points differ → fuzzy; else orphan.
 * The result span always lies on UTF-8 sequence boundaries. Pure; never fails.
 */
#define ANCHOR_FUZZY_PERCENT	25
void	anchor_find(const char *text, size_t len, const struct anchor_target *t,
	    struct anchor_result *r);
const char	*anchor_status_name(enum anchor_status);

/*
 * UTF-8 counting under one rule shared with the JSON writer: every valid sequence is
 * one code point, and every byte that is not part of one counts as one (it becomes
 * U+FFFD on output).
 */
size_t	utf8_seqlen(const char *s, size_t n);	/* 1-4, or 1 for a bad byte; n > 0 */
size_t	utf8_cpcount(const char *s, size_t n);	/* code points */
size_t	utf16_count(const char *s, size_t n);	/* UTF-16 code units */
/* Byte offset ncp code points before (back) or after (fwd) pos, clamped. */
size_t	utf8_back(const char *s, size_t len, size_t pos, size_t ncp);
size_t	utf8_fwd(const char *s, size_t len, size_t pos, size_t ncp);
/* Is pos on a sequence boundary (0, len, or not inside a valid sequence)? */
int	utf8_boundary(const char *s, size_t len, size_t pos);

#endif
