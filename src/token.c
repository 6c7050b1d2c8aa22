/* token.c - word tokens for entity finding. libunistring finds the word breaks; it
 * splits "U.S." into "U.S" + "." and "Beixi-2" into three pieces and knows nothing of
 * sentences, so abbreviations, hyphenated names, possessives and sentence starts are
 * handled here. Offsets always point into the caller's text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "lede/token.h"
#include "lede/util.h"

static const char *const abbrevs[] = {
	"Adm", "Ave", "Blvd", "Bros", "Capt", "Cmdr", "Co", "Col", "Corp", "Dec", "Dept",
	"Dr", "Feb", "Fr", "Ft", "Gen", "Gov", "Hon", "Inc", "Insp", "Jan", "Jr", "Jul",
	"Jun", "Lt", "Ltd", "Maj", "Mar", "Messrs", "Mme", "Mr", "Mrs", "Ms", "Mt", "No",
	"Nov", "Oct", "Pres", "Prof", "Rd", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr",
	"St", "Supt", "Univ", "Aug", "Apr", "etc", "vs", "approx", "al"
};

int
token_is_abbrev(const char *s, size_t n)
{
	size_t i;

	/* the first byte before strlen: asked for every word before a full stop,
	 * most of which start with a letter no abbreviation starts with */
	if (n == 0 || n > 6 || s[0] == '\0' || strchr("ABCDFGHIJLMNOPRSUaev", s[0]) == NULL)
		return 0;
	for (i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
		if (abbrevs[i][0] == s[0] && strlen(abbrevs[i]) == n &&
		    memcmp(abbrevs[i], s, n) == 0)
			return 1;
	return 0;
}

static ucs4_t
cp_at(const char *s, size_t n, size_t *len)
{
	ucs4_t c;
	int r;

	r = u8_mbtouc(&c, (const uint8_t *)s, n);
	*len = r > 0 ? (size_t)r : 1;
	return c;
}

static int
is_upperish(ucs4_t c)
{
	return uc_is_general_category(c, uc_general_category_or(UC_CATEGORY_Lu,
	    UC_CATEGORY_Lt));
}

/* Classify a word segment: case of its first letter, all capitals, digits. */
static unsigned
word_flags(const char *s, size_t n, int *isword)
{
	unsigned f = 0;
	size_t i = 0, l;
	int letters = 0, uppers = 0, first = 1;
	ucs4_t c;

	*isword = 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];

		/* Past the first letter or digit (so *isword is set), ASCII only
		 * needs counting: the bulk of every word. */
		if (b < 0x80 && !first) {
			if (b >= 'a' && b <= 'z')
				letters++;
			else if (b >= 'A' && b <= 'Z') {
				letters++;
				uppers++;
			}
			i++;
			continue;
		}
		/* ASCII without libunistring's tables: most of the text */
		if (b < 0x80) {
			int up = b >= 'A' && b <= 'Z', lo = b >= 'a' && b <= 'z';

			if (up || lo) {
				*isword = 1;
				letters++;
				uppers += up;
				if (first) {
					f |= up ? TK_UPPER : TK_LOWER;
					first = 0;
				}
			} else if (b >= '0' && b <= '9') {
				*isword = 1;
				if (i == 0)
					f |= TK_DIGIT;
				first = 0;
			}
			i++;
			continue;
		}
		c = cp_at(s + i, n - i, &l);
		if (uc_is_alpha(c) && c != 0xFFFD) {
			*isword = 1;
			letters++;
			if (is_upperish(c))
				uppers++;
			if (first) {
				if (is_upperish(c))
					f |= TK_UPPER;
				else if (uc_is_lower(c))
					f |= TK_LOWER;
				first = 0;
			}
		} else if (uc_is_digit(c)) {
			*isword = 1;
			if (i == 0)
				f |= TK_DIGIT;
			first = 0;
		}
		i += l;
	}
	if (letters >= 2 && uppers == letters)
		f |= TK_ALLCAPS;
	return f;
}

static void
grow(struct tokenizer *t)
{
	t->cap = t->cap ? t->cap * 2 : 256;
	t->tok = xreallocarray(t->tok, t->cap, sizeof *t->tok);
}

/* Inline: once per token; growing is rare and stays out of line. */
static inline void
push(struct tokenizer *t, size_t s, size_t e, unsigned f)
{
	if (t->ntok == t->cap)
		grow(t);
	t->tok[t->ntok].start = s;
	t->tok[t->ntok].end = e;
	t->tok[t->ntok].flags = f;
	t->ntok++;
}

/* Punctuation tokens are one code point: compare the first byte before the rest.
 * c is a string literal, whose length is known here. */
#define is_char(text, k, c)	is_char_n(text, k, c, sizeof(c) - 1)

static int
is_char_n(const char *text, const struct token *k, const char *c, size_t cn)
{
	size_t n = k->end - k->start;

	return !(k->flags & TK_WORD) && text[k->start] == c[0] && cn == n &&
	    memcmp(text + k->start, c, n) == 0;
}

static int
is_hyphen(const char *text, const struct token *k)
{
	unsigned char c = (unsigned char)text[k->start];

	if (k->flags & TK_WORD)
		return 0;
	if (c == '-')
		return k->end - k->start == 1;
	if (c != 0xe2)
		return 0;
	/* ASCII hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen */
	return is_char(text, k, "-") || is_char(text, k, "\xe2\x80\x90") ||
	    is_char(text, k, "\xe2\x80\x91");
}

static int
has_dot(const char *s, size_t n)
{
	return memchr(s, '.', n) != NULL;
}

/* Typographic punctuation common in English news: its length in bytes at s, or 0.
 * *mid is set for U+2019, which stays inside a word between two letters. */
static size_t
typo_punct(const unsigned char *s, size_t n, int *mid, int *space)
{
	*mid = *space = 0;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) {
		*space = 1;
		return 2;
	}
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) {
		switch (s[2]) {
		case 0x99:
			*mid = 1;
			/* FALLTHROUGH */
		case 0x98: case 0x9C: case 0x9D: case 0x93: case 0x94: case 0xA6:
			return 3;
		}
	}
	return 0;
}

/* Classes of ASCII bytes for the pass below: word characters (letters, digits and
 * "_", as the word-break rules join them), letters, capitals, digits, white space. */
enum {
	CL_LETTER = 0x01,
	CL_LOWER = 0x02,
	CL_UPPER = 0x04,
	CL_DIGIT = 0x08,
	CL_ALNUM = 0x10,
	CL_SPACE = 0x20
};

/* Bytes from 0x80 up are 0: the scan stops there and looks closer. */
static const unsigned char cls[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 32, 0, 32, 32, 32, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 0, 0, 0, 0, 0, 0,
	0, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21,
	21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 0, 0, 0, 0, 16,
	0, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19,
	19, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19, 0, 0, 0, 0, 0
};

/* Pass 1 without libunistring for lines of ASCII and typographic punctuation: the
 * same segments as the Unicode word-break rules give there (letters and digits run
 * together; "." and apostrophes stay inside between two letters or two digits, ","
 * and ";" between digits, ":" between letters), several times faster. A word's
 * flags are counted while it is scanned, as word_flags would find them. Returns -1,
 * having pushed nothing, on any other non-ASCII character. */
static int
ascii_segments(struct tokenizer *t, const char *text, size_t start, size_t end)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = start, j, l, ntok0 = t->ntok, tail;
	unsigned space = 0, f, k, p, q, letters, lowers;
	int isword, mid, sp;

	/* The run of word characters that ends the line, if one does: a run that
	 * starts before it stops at a byte that is no word character, so that the
	 * scan of a lower-case word need not watch for the end. */
	for (tail = end; tail > start && (cls[s[tail - 1]] & CL_ALNUM); tail--)
		;

	/* One pass: every non-ASCII character reaches typo_punct below, so an
	 * unknown one is found there and what was pushed is dropped. */
	while (i < end) {
		unsigned char c = s[i];

		k = cls[c];
		if (k & CL_SPACE) {
			space = TK_SPACE;
			i++;
			continue;
		}
		if (c & 0x80) {
			if ((l = typo_punct(s + i, end - i, &mid, &sp)) == 0) {
				t->ntok = ntok0;
				return -1;
			}
			if (sp)
				space = TK_SPACE;
			else {
				push(t, i, i + l, space);
				space = 0;
			}
			i += l;
			continue;
		}
		if (!(k & CL_ALNUM)) {
			push(t, i, i + 1, space);
			space = 0;
			i++;
			continue;
		}
		/* A word that starts in lower case is no ALLCAPS word: nothing to
		 * count in it. */
		letters = 0;
		lowers = k & CL_LOWER;
		for (j = i; j < end; j++) {
			/* the run of word characters: most of the text */
			if (lowers & CL_LOWER) {
				if (j < tail)
					while (cls[s[j]] & CL_ALNUM)
						j++;
				else
					j = end;
				k = j < end ? cls[s[j]] : 0;
			} else {
				while ((k = cls[s[j]]) & CL_ALNUM) {
					letters += k & CL_LETTER;
					lowers |= k;
					if (++j == end)
						break;
				}
			}
			if (j == end || (k & CL_SPACE))
				break;	/* a space joins nothing: the common case */
			/* s[j - 1] is a word character: s[j] may join it to the next */
			l = 1;
			if (s[j] & 0x80) {
				if (typo_punct(s + j, end - j, &mid, &sp) != 3 || !mid)
					break;
				l = 3;
			}
			if (j + l >= end)
				break;
			p = cls[s[j - 1]];
			q = cls[s[j + l]];
			if ((s[j] == '.' || s[j] == '\'' || l == 3) &&
			    (((p & q) & CL_LETTER) || ((p & q) & CL_DIGIT))) {
				j += l - 1;
				continue;
			}
			if ((s[j] == ',' || s[j] == ';') && ((p & q) & CL_DIGIT))
				continue;
			if (s[j] == ':' && ((p & q) & CL_LETTER))
				continue;
			break;
		}
		/* word_flags' answer from the counts: the first character is a
		 * letter or a digit but for a leading "_" */
		k = cls[c];
		if (k & CL_LETTER)
			f = k & CL_UPPER ? TK_UPPER : TK_LOWER;
		else if (k & CL_DIGIT)
			f = TK_DIGIT;
		else
			f = word_flags(text + i, j - i, &isword) & ~TK_ALLCAPS;
		if (letters >= 2 && !(lowers & CL_LOWER))
			f |= TK_ALLCAPS;
		push(t, i, j, f | TK_WORD | space);
		space = 0;
		i = j;
		/* the space after a word, without another turn of the loop */
		if (i < end && s[i] == ' ') {
			space = TK_SPACE;
			i++;
		}
	}
	return 0;
}

static size_t
tokenize_with(struct tokenizer *t, const char *text, size_t start, size_t end, int fast)
{
	const char *s = text + start;
	size_t n = end - start, i, j, l, r, w;
	unsigned f, space = 0;
	int isword, sent;
	ucs4_t c;

	t->ntok = 0;
	if (n == 0)
		return 0;
	if (fast && ascii_segments(t, text, start, end) == 0)
		goto pass2;
	if (n > t->brkcap) {
		free(t->brk);
		t->brkcap = n;
		t->brk = xmalloc(n);
	}
	u8_wordbreaks((const uint8_t *)s, n, t->brk);

	/* Pass 1: segments between breaks; spaces become a flag on the next token. */
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && !t->brk[j]; j++)
			;
		c = cp_at(s + i, n - i, &l);
		if (uc_is_space(c) || uc_is_general_category(c, UC_CATEGORY_Zs) ||
		    c == 0xFEFF) {
			space = TK_SPACE;
			continue;
		}
		f = word_flags(s + i, j - i, &isword);
		if (isword) {
			push(t, start + i, start + j, f | TK_WORD | space);
			space = 0;
			continue;
		}
		/* Punctuation: one token per code point (or bad byte). */
		for (r = i; r < j; r += l) {
			c = cp_at(s + r, j - r, &l);
			push(t, start + r, start + r + l, space);
			space = 0;
		}
	}

pass2:
	/* Pass 2: join hyphenated words, take in abbreviation periods, cut possessives,
	 * mark sentence starts. Tokens are compacted in place (w <= i). */
	sent = 1;
	for (i = 0, w = 0; i < t->ntok; i++) {
		struct token *k;

		/* In place: most tokens stay as they are, and are moved only once
		 * joins have made room (tokens past i are still to be read). */
		if (w != i)
			t->tok[w] = t->tok[i];
		k = &t->tok[w++];
		if (k->flags & TK_WORD) {
			/* Hyphens and periods join only when they touch the word:
			 * most words are followed by a space or end the line. */
			if (i + 1 >= t->ntok || (t->tok[i + 1].flags & (TK_SPACE | TK_WORD)))
				goto poss;
			while (i + 2 < t->ntok && is_hyphen(text, &t->tok[i + 1]) &&
			    !(t->tok[i + 1].flags & TK_SPACE) &&
			    (t->tok[i + 2].flags & TK_WORD) &&
			    !(t->tok[i + 2].flags & TK_SPACE)) {
				if (!(t->tok[i + 2].flags & TK_ALLCAPS))
					k->flags &= ~TK_ALLCAPS;
				k->end = t->tok[i + 2].end;
				k->flags |= TK_HYPH;
				i += 2;
			}
			if (i + 1 < t->ntok && text[t->tok[i + 1].start] == '.' &&
			    is_char(text, &t->tok[i + 1], ".") &&
			    !(t->tok[i + 1].flags & TK_SPACE)) {
				size_t wl = k->end - k->start;
				const char *ws = text + k->start;

				if (has_dot(ws, wl) || token_is_abbrev(ws, wl) ||
				    ((k->flags & TK_UPPER) && u8_mbsnlen((const uint8_t *)ws,
				    wl) == 1)) {
					k->end = t->tok[i + 1].end;
					k->flags |= TK_ABBR;
					i++;
				}
			}
		poss:
			if (text[k->end - 1] != 's')
				;	/* no possessive: the common case */
			else if (!(k->flags & TK_ABBR) && k->end - k->start > 2 &&
			    memcmp(text + k->end - 2, "'s", 2) == 0) {
				k->end -= 2;
				k->flags |= TK_POSS;
			} else if (!(k->flags & TK_ABBR) && k->end - k->start > 4 &&
			    memcmp(text + k->end - 4, "\xe2\x80\x99s", 4) == 0) {
				k->end -= 4;
				k->flags |= TK_POSS;
			}
			if (sent)
				k->flags |= TK_SENT;
			sent = 0;
		} else if (k->end - k->start == 1) {
			char c = text[k->start];

			if (c == '.' || c == '!' || c == '?')
				sent = 1;
		} else if (is_char(text, k, "\xe2\x80\xa6") ||
		    is_char(text, k, "\xe3\x80\x82"))
			sent = 1;
	}
	t->ntok = w;
	return w;
}

size_t
tokenize(struct tokenizer *t, const char *text, size_t start, size_t end)
{
	return tokenize_with(t, text, start, end, 1);
}

size_t
tokenize_unicode(struct tokenizer *t, const char *text, size_t start, size_t end)
{
	return tokenize_with(t, text, start, end, 0);
}

void
tokenizer_free(struct tokenizer *t)
{
	free(t->tok);
	free(t->brk);
	memset(t, 0, sizeof *t);
}
