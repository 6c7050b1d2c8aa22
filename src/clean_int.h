/* clean_int.h - what the cleaning files share: loaded rules and text helpers */
#ifndef LEDE_CLEAN_INT_H
#define LEDE_CLEAN_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
};

/* Rule indexes (into lr, in file order) under one byte. */
struct rule_list {
	size_t		*v;
	size_t		 n;
};

#define WM_TABLE	4096	/* byte pairs of the contains rules' window */

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
	/* The rules of each kind, in file order, filed so that a line only meets
	 * the ones that can match it: exact and prefix rules by their lowercased
	 * first byte, suffix rules by their lowercased last byte, contains rules by
	 * their lowercased first byte (with a bit set for their first byte pair),
	 * globs apart. The first rule in file order wins, so a line's answer is the
	 * smallest index that matches in any of them. */
	struct rule_list	 byfirst[256], bylast[256], byhead[256], globs;
	uint64_t		 heads[1024];	/* 65536 bits: first byte pairs */
	size_t			 first_contains;	/* smallest contains index */
	size_t			 wm_min;	/* shortest contains pattern */
	unsigned char		 wm_shift[WM_TABLE];	/* see contains_first */
	struct gloss		*gl;
	size_t			 ngl;
	size_t			*slot;		/* open hash: glossary index + 1, 0 empty */
	uint16_t		 gl_len[256][32];	/* see gloss_first */
	size_t			 nslot;
};

/* ASCII letters and digits (256 entries, so any byte can be looked up). */
static const unsigned char ascii_word[256] = {
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

/* ASCII lowercase by table, for the many bytes the rules and the features fold. */
static const unsigned char ascii_lower[256] = {
#define R8(b)	(b), (b) + 1, (b) + 2, (b) + 3, (b) + 4, (b) + 5, (b) + 6, (b) + 7
	R8(0x00), R8(0x08), R8(0x10), R8(0x18), R8(0x20), R8(0x28), R8(0x30), R8(0x38),
	R8(0x40 + 32), R8(0x48 + 32), R8(0x50 + 32), 0x58 + 32, 0x59 + 32, 0x5a + 32,
	0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
	R8(0x60), R8(0x68), R8(0x70), R8(0x78), R8(0x80), R8(0x88), R8(0x90), R8(0x98),
	R8(0xa0), R8(0xa8), R8(0xb0), R8(0xb8), R8(0xc0), R8(0xc8), R8(0xd0), R8(0xd8),
	R8(0xe0), R8(0xe8), R8(0xf0), R8(0xf8)
#undef R8
};

/* Eight ASCII bytes at a time: a byte's test gives its high bit (0x80). */
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* The eight bytes at p, the first in the low bits whatever the machine. */
static inline uint64_t
load8(const char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
#else
	const unsigned char *u = (const unsigned char *)p;

	return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 |
	    (uint64_t)u[3] << 24 | (uint64_t)u[4] << 32 | (uint64_t)u[5] << 40 |
	    (uint64_t)u[6] << 48 | (uint64_t)u[7] << 56;
#endif
}

/* Stores v at p as load8 reads it. */
static inline void
store8(char *p, uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(p, &v, 8);
#else
	int k;

	for (k = 0; k < 8; k++)
		p[k] = (char)(v >> 8 * k);
#endif
}

/* The bytes of v in [lo, hi]; every byte of v must be below 0x80, so that no
 * sum carries into the next byte. */
static inline uint64_t
swar_range(uint64_t v, unsigned lo, unsigned hi)
{
	return (v + ONES * (0x80 - lo)) & ~(v + ONES * (0x7f - hi)) & HIGHS;
}

/* How many bytes a mask of high bits marks. */
static inline unsigned
swar_count(uint64_t m)
{
	return (unsigned)(((m >> 7) * ONES) >> 56);
}

/* ASCII letters and digits among eight ASCII bytes. */
static inline uint64_t
swar_word(uint64_t v)
{
	return swar_range(v | ONES * 0x20, 'a', 'z') | swar_range(v, '0', '9');
}

/* The end of the run of ASCII letters and digits at text[i,e), a byte at a time. */
static inline size_t
ascii_word_end_plain(const char *t, size_t i, size_t e)
{
	while (i < e && ascii_word[(unsigned char)t[i]])
		i++;
	return i;
}

/* The same, sixteen bytes at a time where SSE2 is there (every x86-64): the
 * cleaning walks every word of the text, and a byte loop costs several
 * instructions a letter. A range test is one add and one signed compare: the add
 * moves the range to the bottom of the signed bytes (a byte from 0x80 up lands
 * above it). The last bytes of a line go by the plain loop. */
static inline size_t
ascii_word_end(const char *t, size_t i, size_t e)
{
#ifdef __SSE2__
	const __m128i bit5 = _mm_set1_epi8(0x20);
	const __m128i to_a = _mm_set1_epi8((char)(0x80 - 'a')), na = _mm_set1_epi8(-128 + 26);
	const __m128i to_0 = _mm_set1_epi8((char)(0x80 - '0')), n0 = _mm_set1_epi8(-128 + 10);
	__m128i v, w;
	unsigned m;

	for (; i + 16 <= e; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		w = _mm_or_si128(
		    _mm_cmpgt_epi8(na, _mm_add_epi8(_mm_or_si128(v, bit5), to_a)),
		    _mm_cmpgt_epi8(n0, _mm_add_epi8(v, to_0)));
		m = ~(unsigned)_mm_movemask_epi8(w) & 0xffff;
		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	return ascii_word_end_plain(t, i, e);
}

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

/* What the line features count over text[i,e): characters (a UTF-8 sequence is
 * one), words (a run of word characters, which ' - . do not end), the bytes of
 * word characters, and CJK characters; inword says whether a word was open
 * before i, and is left as it is at e. Adds to what lc holds. */
struct line_counts {
	size_t	 nch, nw, nn, ncjk;
	int	 inword;
};
void		 line_count(const char *, size_t i, size_t e, struct line_counts *);
/* Adds the ASCII capitals and small letters of text[s,e) to up and lo. */
void		 count_case(const char *, size_t s, size_t e, size_t *up, size_t *lo);

/* The first rule matching text[s,e), or NULL. */
const struct line_rule *rules_match_line(const struct clean_rules *, const char *,
		    size_t s, size_t e);
/* The quick test before hashing a word for the glossary: a table made when the
 * glossary was indexed, by the word's first byte and the low five bits of its
 * second (which do not change with a letter's case; 0 for a word of one byte),
 * holds a bit for each length (15 for any longer) of a phrase's first word. Two
 * loads and a shift, as every word of the text is asked. w points to the word;
 * the word scan has checked that r has a glossary. */
static inline int
gloss_first(const struct clean_rules *r, const char *w, size_t len)
{
	unsigned b = len > 1 ? (unsigned char)w[1] & 0x1f : 0;

	return (r->gl_len[(unsigned char)w[0]][b] >> (len > 15 ? 15 : len)) & 1;
}

static inline int
rules_gloss_maybe(const struct clean_rules *r, const char *w, size_t len)
{
	return r != NULL && r->ngl > 0 && gloss_first(r, w, len);
}

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
