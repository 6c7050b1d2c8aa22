/* clean_int.h - what the cleaning files share: loaded rules and text helpers */
#ifndef LEDE_CLEAN_INT_H
#define LEDE_CLEAN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "lede/clean.h"

enum rule_how {
	HOW_EXACT,
	HOW_PREFIX,
	HOW_SUFFIX,
	HOW_CONTAINS,
	HOW_GLOB
};

/* One line rule of boilerplate.rules: a phrase that makes a line a class. */
struct line_rule {
	enum line_class	 cls;
	enum bp_subtype	 sub;
	enum rule_how	 how;
	int		 cased;		/* compare case-sensitively */
	char		*pat;		/* lowercased unless cased */
	size_t		 len;
	uint64_t	 bigrams[4];	/* which byte pairs a contains rule needs */
};

/* One glossary.tsv entry: a known rendering and what it should be. */
struct gloss {
	enum artifact_kind	 kind;
	char			*phrase, *sugg, *note;
	size_t			 len;
	size_t			 fs, fe;	/* the part to flag, inside the phrase */
	int			 cased;
	uint64_t		 key;		/* hash of the lowercased first word */
};

struct clean_rules {
	struct line_rule	*lr;
	size_t			 nlr;
	/* exact and prefix rules by their first byte; the others apart; both in
	 * file order, as indexes into lr */
	size_t			*byfirst[256], nbyfirst[256];
	size_t			*rest, nrest;
	struct gloss		*gl;
	size_t			 ngl;
	size_t			*slot;		/* open hash: glossary index + 1, 0 empty */
	uint64_t		 firstw[64];	/* (first byte, first word length) seen */
	size_t			 nslot;
};

/* ASCII letters and digits. */
static const unsigned char ascii_word[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	['7'] = 1, ['8'] = 1, ['9'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
	['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
	['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1
};

/* Length of the UTF-8 sequence at i (1 for a stray byte, so bad input moves on). */
static inline size_t
u8_seq(const char *t, size_t i, size_t end)
{
	unsigned char c = (unsigned char)t[i];
	size_t n, k;

	if (c < 0xc0)
		return 1;
	n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	for (k = 1; k < n; k++)
		if (i + k >= end || ((unsigned char)t[i + k] & 0xc0) != 0x80)
			return k;
	return n;
}

/* Letters and digits; of the non-ASCII, general punctuation (E2 ..: quotes, dashes),
 * Latin-1 symbols (C2 ..: NBSP, guillemets, ©), CJK punctuation (E3 80 ..) and
 * full-width forms (EF ..) are not word characters. */
static inline int
u8_wordch(const char *t, size_t i, size_t end)
{
	unsigned char c = (unsigned char)t[i];

	if (c < 0x80)
		return ascii_word[c];
	if (c == 0xe2 || c == 0xc2 || c == 0xef)
		return 0;
	if (c == 0xe3)
		return !(i + 1 < end && (unsigned char)t[i + 1] == 0x80);
	return c >= 0xc0;
}

uint64_t	 word_key(const char *, size_t s, size_t e);

/* The first rule matching text[s,e), or NULL. */
const struct line_rule *rules_match_line(const struct clean_rules *, const char *,
		    size_t s, size_t e);
/* Glossary entries that may start with the word text[s,e): calls fn for each
 * entry matching at s within the line end; returns nothing. */
void		 rules_gloss_at(const struct clean_rules *, const char *, size_t s,
		    size_t we, size_t lend,
		    void (*fn)(const struct gloss *, size_t, size_t, void *), void *);

/* Parsing one rules text, for the loader and the tests. */
int		 rules_parse_lines(struct clean_rules *, const char *file, const char *text,
		    size_t len, void (*warn)(const char *, void *), void *ctx);
int		 rules_parse_gloss(struct clean_rules *, const char *file, const char *text,
		    size_t len, void (*warn)(const char *, void *), void *ctx);
void		 rules_index(struct clean_rules *);

void		 clean_artifacts(const struct clean_rules *, const char *text, size_t len,
		    struct clean_result *, size_t title_line);

#endif
