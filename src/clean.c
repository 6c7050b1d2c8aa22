/* clean.c - line classes and metadata from structure: where the article's prose
 * block lies on the page, what is short and link-like around it, what repeats the
 * headline; phrase rules from the data files name the kinds of page furniture. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede/clean.h"
#include "lede/util.h"
#include "clean_int.h"

static const char *const class_names[] = {
	"title", "title-repeat", "byline", "dateline", "subheading", "body", "caption",
	"credit", "boilerplate", "empty"
};
static const char *const subtype_names[] = {
	"", "navigation", "related-links", "comments", "cookie-privacy", "share",
	"copyright", "site-chrome", "source-attribution", "id-hash", "advert", "other"
};
static const char *const kind_names[] = {
	"mistranslation", "name-variant", "wrong-referent", "garbled", "casing",
	"punctuation", "duplicate", "truncation", "other"
};

const char *
line_class_name(enum line_class c)
{
	return (unsigned)c <= LC_EMPTY ? class_names[c] : "";
}

const char *
bp_subtype_name(enum bp_subtype s)
{
	return (unsigned)s <= BP_OTHER ? subtype_names[s] : "";
}

const char *
artifact_kind_name(enum artifact_kind k)
{
	return (unsigned)k <= AK_OTHER ? kind_names[k] : "";
}

int
line_class_hidden(enum line_class c)
{
	return c == LC_BOILERPLATE || c == LC_TITLE_REPEAT;
}

/* What one line looks like. */
#define F_EMPTY		0x001
#define F_BULLET	0x002	/* a list item: bullet, box, star */
#define F_PROSE		0x004	/* long enough to be a paragraph */
#define F_FINAL		0x008	/* ends a sentence */
#define F_NOALPHA	0x010	/* no letter at all */
#define F_BYLINE	0x020
#define F_DATE		0x040
#define F_REPEAT	0x080	/* the same text occurs elsewhere on the page */
#define F_ELLIPSIS	0x100
#define F_LINKY		0x200	/* an image address, a URL, a "a | b | c" menu */
#define F_INDENT	0x400	/* indented: a dump's nested list or block */
#define F_OPEN		0x800	/* prose length, but no sentence end */
#define F_LATER		0x1000	/* a repeat, not the first occurrence */
#define F_CAPS		0x2000	/* written in capitals */

#define CONTAINS_LINKY	300

struct linfo {
	size_t			 s, e;		/* trimmed */
	size_t			 nch, nw;
	unsigned		 f;
	const struct line_rule	*rule;
	uint64_t		 h;		/* of the letters and digits, lowercased */
	size_t			 nn;		/* how many bytes that hash covers */
	size_t			 by_s, by_e;	/* byline name */
	char			 date[11];
};

static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
is_space_at(const char *t, size_t i, size_t e, size_t *n)
{
	unsigned char c = (unsigned char)t[i];

	if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
		*n = 1;
		return 1;
	}
	if (c == 0xc2 && i + 1 < e && (unsigned char)t[i + 1] == 0xa0) {	/* NBSP */
		*n = 2;
		return 1;
	}
	return 0;
}

static void
trim(const char *t, size_t *s, size_t *e)
{
	size_t n;

	while (*s < *e && is_space_at(t, *s, *e, &n))
		*s += n;
	while (*e > *s) {
		unsigned char c = (unsigned char)t[*e - 1];
		if (c == ' ' || c == '\t' || c == '\r')
			(*e)--;
		else if (c == 0xa0 && *e - *s >= 2 && (unsigned char)t[*e - 2] == 0xc2)
			*e -= 2;
		else
			break;
	}
}

static int
starts(const char *t, size_t s, size_t e, const char *p)
{
	size_t n = strlen(p);

	return e - s >= n && memcmp(t + s, p, n) == 0;
}

static int
startsi(const char *t, size_t s, size_t e, const char *p)
{
	size_t i, n;

	/* most lines fail on the first byte: no need to measure p for them */
	if (s >= e || lc((unsigned char)t[s]) != lc((unsigned char)p[0]))
		return 0;
	n = strlen(p);
	if (e - s < n)
		return 0;
	for (i = 0; i < n; i++)
		if (lc((unsigned char)t[s + i]) != lc((unsigned char)p[i]))
			return 0;
	return 1;
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
ishex(int c)
{
	return isdig(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int
isupper_(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* --- dates ------------------------------------------------------------------ */

static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

static int
month_at(const char *t, size_t i, size_t e, size_t *end)
{
	size_t j, k;
	int m;

	for (j = i; j < e && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z')); j++)
		;
	if (j - i < 3)
		return -1;
	for (m = 0; m < 12; m++) {
		for (k = 0; k < 3; k++)
			if (lc((unsigned char)t[i + k]) != months[m][k])
				break;
		if (k == 3)
			break;
	}
	if (m == 12 || j - i > 9)
		return -1;
	if (j < e && t[j] == '.')
		j++;
	*end = j;
	return m + 1;
}

static size_t
num_at(const char *t, size_t i, size_t e, int *v, int maxd)
{
	size_t j = i;

	*v = 0;
	while (j < e && isdig((unsigned char)t[j]) && (int)(j - i) < maxd)
		*v = *v * 10 + (t[j++] - '0');
	if (j < e && isdig((unsigned char)t[j]))
		return 0;
	return j - i;
}

static size_t
skip_sep(const char *t, size_t i, size_t e)
{
	while (i < e && (t[i] == ' ' || t[i] == ',' || t[i] == '\t'))
		i++;
	return i;
}

/* A line that is a publication date: "2021-12-05T09:28:38.493Z", "Nov. 20, 2019,
 * 9:28 AM UTC", "20 November 2019", "Published: ...", "Updated ...". The year is
 * required; what follows the date must be short (a time). */
static int
parse_dateline(const char *t, size_t s, size_t e, char out[11])
{
	static const char *const lead[] = {
		"published on ", "published: ", "published ", "updated on ", "updated: ",
		"updated ", "posted on ", "posted: ", "posted ", "last updated ",
		"date: ", "on ", NULL
	};
	size_t i = s, n, me;
	int y = 0, m = 0, d = 0, k;
	unsigned char f;

	if (e - s > 64 || e - s < 8 || !(isdig((unsigned char)t[s]) ||
	    isupper_((unsigned char)t[s]) || (t[s] >= 'a' && t[s] <= 'z')))
		return 0;
	/* most lines are no date: the lead words and weekdays are only tried
	 * when the first letter can open one */
	f = (unsigned char)lc((unsigned char)t[i]);
	if (f == 'p' || f == 'u' || f == 'l' || f == 'd' || f == 'o')
		for (k = 0; lead[k] != NULL; k++)
			if (startsi(t, i, e, lead[k])) {
				i += strlen(lead[k]);
				break;
			}
	/* a weekday name */
	{
		static const char *const wd[] = { "mon", "tue", "wed", "thu", "fri", "sat",
			"sun" };
		size_t j = i;
		f = i < e ? (unsigned char)lc((unsigned char)t[i]) : 0;
		if (f == 'm' || f == 't' || f == 'w' || f == 'f' || f == 's')
			for (k = 0; k < 7; k++)
				if (startsi(t, i, e, wd[k])) {
					while (j < e && t[j] != ',' && t[j] != ' ')
						j++;
					if (j - i <= 9) {
						i = skip_sep(t, j, e);
					}
					break;
				}
	}
	if ((n = num_at(t, i, e, &y, 4)) == 4 && i + 10 <= e && t[i + 4] == '-' &&
	    num_at(t, i + 5, e, &m, 2) == 2 && t[i + 7] == '-' &&
	    num_at(t, i + 8, e, &d, 2) == 2) {
		i += 10;
	} else if ((k = month_at(t, i, e, &me)) > 0) {
		m = k;
		i = skip_sep(t, me, e);
		if ((n = num_at(t, i, e, &d, 2)) == 0)
			return 0;
		i += n;
		if (i + 1 < e && (t[i] == 's' || t[i] == 'n' || t[i] == 'r' || t[i] == 't'))
			i += 2;		/* 1st, 2nd, 3rd, 4th */
		i = skip_sep(t, i, e);
		if (num_at(t, i, e, &y, 4) != 4)
			return 0;
		i += 4;
	} else if ((n = num_at(t, i, e, &d, 2)) > 0) {
		i = skip_sep(t, i + n, e);
		if ((k = month_at(t, i, e, &me)) <= 0)
			return 0;
		m = k;
		i = skip_sep(t, me, e);
		if (num_at(t, i, e, &y, 4) != 4)
			return 0;
		i += 4;
	} else
		return 0;
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	/* the rest may only be a time and a zone */
	for (; i < e; i++) {
		unsigned char c = (unsigned char)t[i];
		if (!(isdig(c) || c == ':' || c == '.' || c == ' ' || c == ',' || c == 'T' ||
		    c == 'Z' || c == '+' || c == '-' || c == '|' || isupper_(c) ||
		    c == 'a' || c == 'p' || c == 'm' || c == 't'))
			return 0;
	}
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 1;
}

/* --- one line's features ------------------------------------------------------ */

static int
is_bullet(const char *t, size_t s, size_t e)
{
	unsigned char c = (unsigned char)t[s];

	if (c != 0xe2 && c != 0xc2 && c != '*' && c != '-')
		return 0;
	if (starts(t, s, e, "\xe2\x80\xa2") || starts(t, s, e, "\xe2\x96\xa1") ||
	    starts(t, s, e, "\xc2\xb7") || starts(t, s, e, "\xe2\x96\xaa") ||
	    starts(t, s, e, "\xe2\x97\x8f"))
		return 1;
	return e - s >= 2 && (t[s] == '*' || t[s] == '-') && t[s + 1] == ' ';
}

static int
ends_sentence(const char *t, size_t s, size_t e)
{
	while (e > s) {
		unsigned char c = (unsigned char)t[e - 1];
		if (c == '"' || c == '\'' || c == ')') {
			e--;
			continue;
		}
		if (e - s >= 3 && c >= 0x80 && (unsigned char)t[e - 3] == 0xe2) {
			/* ” ’ */
			if ((unsigned char)t[e - 2] == 0x80 &&
			    (c == 0x9d || c == 0x99)) {
				e -= 3;
				continue;
			}
			return 0;
		}
		return c == '.' || c == '!' || c == '?' || c == ':';
	}
	return 0;
}

/* "。", "！", "？" */
static int
ends_cjk_sentence(const char *t, size_t s, size_t e)
{
	if (e - s < 3)
		return 0;
	return memcmp(t + e - 3, "\xe3\x80\x82", 3) == 0 ||
	    memcmp(t + e - 3, "\xef\xbc\x81", 3) == 0 ||
	    memcmp(t + e - 3, "\xef\xbc\x9f", 3) == 0;
}

/* "By Jane Doe", "by admin", "By Jane Doe and John Roe, Reuters". */
static int
parse_byline(const char *t, size_t s, size_t e, size_t *ns, size_t *ne)
{
	size_t i, words = 1;

	if ((t[s] | 0x20) != 'b' || !(startsi(t, s, e, "by ") ||
	    startsi(t, s, e, "by\xc2\xa0")))
		return 0;
	i = s + (t[s + 2] == ' ' ? 3 : 4);
	while (i < e && t[i] == ' ')
		i++;
	if (i >= e || e - s > 100)
		return 0;
	if (t[i] == '"' || (unsigned char)t[i] == 0xe2)
		return 0;
	*ns = i;
	for (; i < e; i++)
		if (t[i] == ' ')
			words++;
	if (words > 10)
		return 0;
	/* a sentence beginning with "By" is not a byline */
	if (ends_sentence(t, *ns, e) && t[e - 1] != '.')
		return 0;
	*ne = e;
	return 1;
}

static int
is_id_hash(const char *t, size_t s, size_t e)
{
	size_t i;

	for (i = s; i < e && ishex((unsigned char)t[i]); i++)
		;
	if (i - s < 16)
		return 0;
	return i == e || t[i] == ' ' || t[i] == '-' || t[i] == ':' || t[i] == '|';
}

/* One character of line_count: an ASCII byte or a UTF-8 sequence. */
static size_t
count_one(const char *t, size_t i, size_t e, struct line_counts *lc)
{
	unsigned char c = (unsigned char)t[i];
	size_t q;
	int w;

	lc->nch++;
	if (c < 0x80) {
		if (ascii_word[c]) {
			lc->nn++;
			lc->nw += !lc->inword;
			lc->inword = 1;
		} else
			lc->inword = lc->inword && (c == '\'' || c == '-' || c == '.');
		return i + 1;
	}
	q = u8_seq(t, i, e);
	w = u8_wordch(t, i, e);
	if (c >= 0xe3)
		lc->ncjk++;
	if (w) {
		lc->nn += q;
		lc->nw += !lc->inword;
	}
	lc->inword = w;
	return i + q;
}

#ifdef __SSE2__
/* Bits set in a 64-bit mask. */
static inline unsigned
popcount64(uint64_t m)
{
	m = m - (m >> 1 & 0x5555555555555555ULL);
	m = (m & 0x3333333333333333ULL) + (m >> 2 & 0x3333333333333333ULL);
	m = (m + (m >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (unsigned)((m * ONES) >> 56);
}

/* The word bytes (letters and digits) and the joiners (' - .) of sixteen ASCII
 * bytes, a bit each, the first byte in bit 0. */
static inline void
marks16(__m128i v, uint64_t *w, uint64_t *j, int at)
{
	const __m128i bit5 = _mm_set1_epi8(0x20);
	const __m128i to_a = _mm_set1_epi8((char)(0x80 - 'a')), na = _mm_set1_epi8(-128 + 26);
	const __m128i to_0 = _mm_set1_epi8((char)(0x80 - '0')), n0 = _mm_set1_epi8(-128 + 10);
	__m128i wv, jv;

	wv = _mm_or_si128(_mm_cmpgt_epi8(na, _mm_add_epi8(_mm_or_si128(v, bit5), to_a)),
	    _mm_cmpgt_epi8(n0, _mm_add_epi8(v, to_0)));
	jv = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('.'))));
	*w |= (uint64_t)(unsigned)_mm_movemask_epi8(wv) << at;
	*j |= (uint64_t)(unsigned)_mm_movemask_epi8(jv) << at;
}

/* line_count over 64 bytes at p, when they are all ASCII (else 0 and nothing
 * counted): a bit a byte, so that a whole block of prose takes a few dozen
 * instructions. A word starts at a word byte where no word is open; a joiner
 * keeps open a word that is, through a run of joiners: adding a run's first bit
 * (when a word byte opens it) to the joiners carries through the run and
 * clears it, which marks the runs to keep open. */
static int
count_block64(const char *p, struct line_counts *c)
{
	__m128i v0, v1, v2, v3;
	uint64_t w = 0, j = 0, in = (uint64_t)c->inword, s, open;

	v0 = _mm_loadu_si128((const __m128i *)(const void *)p);
	v1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
	v2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 32));
	v3 = _mm_loadu_si128((const __m128i *)(const void *)(p + 48));
	if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(v0, v1), _mm_or_si128(v2, v3))))
		return 0;
	marks16(v0, &w, &j, 0);
	marks16(v1, &w, &j, 16);
	marks16(v2, &w, &j, 32);
	marks16(v3, &w, &j, 48);
	s = (w << 1 | in) & j;
	open = w | (j & ~(j + s));
	c->nw += popcount64(w & ~(open << 1 | in));
	c->nn += popcount64(w);
	c->nch += 64;
	c->inword = (int)(open >> 63);
	return 1;
}
#endif

void
line_count(const char *t, size_t i, size_t e, struct line_counts *lc)
{
	/* the counts live in locals while the loop runs (lc could alias t) */
	struct line_counts c = *lc;
	size_t slow = i;	/* up to where blocks of 64 are not tried again */

	while (i < e) {
		size_t end;

#ifdef __SSE2__
		if (i >= slow && e - i >= 64) {
			if (count_block64(t + i, &c)) {
				i += 64;
				continue;
			}
			/* a non-ASCII byte: these 64 go eight at a time */
			slow = i + 64;
		}
#endif
		if (e - i >= 8) {
			uint64_t v = load8(t + i), w, j, in, open, prev;
			if (!(v & HIGHS)) {
				/* eight ASCII bytes: a word starts at a letter or
				 * digit where no word is open; ' - . keep open a
				 * word that is (open is the mask after each byte,
				 * carried through a run of them one byte a round) */
				w = swar_word(v);
				in = c.inword ? 0x80 : 0;
				open = w;
				/* ' - . lie in 0x27-0x2e: one test for most blocks */
				j = swar_range(v, 0x27, 0x2e);
				if (j != 0)
					j = swar_range(v, '-', '.') |
					    swar_range(v, '\'', '\'');
				if (j != 0)
					do {
						prev = open;
						open = w | (j & (open << 8 | in));
					} while (open != prev);
				c.nw += swar_count(w & ~(open << 8 | in));
				c.nn += swar_count(w);
				c.nch += 8;
				c.inword = (int)(open >> 63);
				i += 8;
				continue;
			}
			end = i + 8;
		} else
			end = e;
		while (i < end)
			i = count_one(t, i, e, &c);
	}
	*lc = c;
}

/* Is there a " | " starting within the first lim bytes of text[s,e)? */
static int
bar_before(const char *t, size_t s, size_t e, size_t lim)
{
	const char *p = t + s, *end = t + e;

	while ((p = memchr(p, '|', (size_t)(end - p))) != NULL) {
		if (p > t + s && p + 1 < end && p[-1] == ' ' && p[1] == ' ')
			return (size_t)(p - 1 - (t + s)) < lim;
		p++;
	}
	return 0;
}

void
count_case(const char *t, size_t s, size_t e, size_t *up, size_t *lo)
{
	size_t u = 0, l = 0;

	for (; e - s >= 8; s += 8) {
		/* a byte with its high bit set is no letter: ~v clears its mark */
		uint64_t v = load8(t + s), a = v & ~HIGHS;

		u += swar_count(swar_range(a, 'A', 'Z') & ~v);
		l += swar_count(swar_range(a, 'a', 'z') & ~v);
	}
	for (; s < e; s++) {
		unsigned char c = (unsigned char)t[s];
		u += c >= 'A' && c <= 'Z';
		l += c >= 'a' && c <= 'z';
	}
	*up += u;
	*lo += l;
}

/* The bytes that do not end a word: "U.S.", "well-known", "isn't". */
static const unsigned char joiner[128] = { ['\''] = 1, ['-'] = 1, ['.'] = 1 };

/* Copies n ASCII letters and digits from src to dst, lowercased, eight at a time
 * where the line has eight bytes left (avail): those stores may write up to seven
 * bytes past dst + n, which the caller makes room for and overwrites. Setting
 * bit 5 lowercases a letter and leaves a digit as it is (0x30-0x39 have it). */
static void
copy_lower(char *dst, const char *src, size_t n, size_t avail)
{
	size_t k;

	for (k = 0; k < n && avail - k >= 8; k += 8)
		store8(dst + k, load8(src + k) | ONES * 0x20);
	for (; k < n; k++)
		dst[k] = (char)(src[k] | 0x20);
}

/* How many letters of a line its repeat hash covers. */
#define HEAD	64

static void
features(const struct clean_rules *r, const char *t, size_t s0, size_t e0,
    struct linfo *li)
{
	size_t s = s0, e = e0, i, k, ncjk = 0;
	unsigned char head[HEAD + 8];	/* room for copy_lower's last store */
	size_t nch = 0, nw = 0, nn = 0;
	uint64_t h = 1469598103934665603ULL;
	int inword = 0, alpha = 0;

	memset(li, 0, sizeof *li);
	trim(t, &s, &e);
	li->s = s;
	li->e = e;
	if (s == e) {
		li->f = F_EMPTY;
		return;
	}
	/* one pass: characters, words, letters, and a hash of the line's first
	 * letters and digits (lowercased) with their count, for repeated lines;
	 * past the hashed head and once a letter was seen, only counting is left.
	 * The counts are kept in locals: stores through li or into head could
	 * otherwise alias them in the compiler's eyes. */
	for (i = s; i < e && !(alpha && nn >= HEAD);) {
		unsigned char c = (unsigned char)t[i];
		size_t k, q;
		int w;

		if (ascii_word[c]) {
			/* a run of ASCII letters and digits */
			size_t ws = i;
			i = ascii_word_end(t, i, e);
			if (!inword)
				nw++;
			inword = 1;
			if (nn < HEAD)
				copy_lower((char *)head + nn, t + ws,
				    i - ws < HEAD - nn ? i - ws : HEAD - nn, e - ws);
			if (!alpha)
				for (k = ws; k < i && !alpha; k++)
					alpha = t[k] > '9';
			nn += i - ws;
			nch += i - ws;
			/* most runs end at a space, which ends the word */
			if (i < e && t[i] == ' ') {
				nch++;
				inword = 0;
				i++;
			}
			continue;
		}
		nch++;
		if (c < 0x80) {
			inword &= joiner[c];
			i++;
			continue;
		}
		q = u8_seq(t, i, e);
		w = u8_wordch(t, i, e);
		if (c >= 0xe3)
			ncjk++;
		if (w) {
			for (k = 0; k < q && nn + k < HEAD; k++)
				head[nn + k] = (unsigned char)t[i + k];
			nn += q;
			if (!inword)
				nw++;
			alpha = 1;
		}
		inword = w;
		i += q;
	}
	if (i < e) {
		struct line_counts cnt = { 0, 0, 0, 0, inword };
		line_count(t, i, e, &cnt);
		nch += cnt.nch;
		nw += cnt.nw;
		nn += cnt.nn;
		ncjk += cnt.ncjk;
	}
	li->nch = nch;
	li->nw = nw;
	li->nn = nn;
	/* hash the head eight bytes at a time, then the count */
	{
		size_t nh = li->nn < HEAD ? li->nn : HEAD;
		/* zeros after the head, which copy_lower may have written past */
		memset(head + nh, 0, 8);
		for (k = 0; k < nh; k += 8) {
			uint64_t v;
			memcpy(&v, head + k, 8);
			h = (h ^ v) * 0x9e3779b97f4a7c15ULL;
			h ^= h >> 29;
		}
		h = (h ^ li->nn) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 32;
	}
	if (!alpha)
		li->f |= F_NOALPHA;
	/* Chinese and Japanese write no spaces: count two characters as a word */
	if (ncjk * 2 > li->nch && li->nw < li->nch / 2)
		li->nw = li->nch / 2;
	if (is_bullet(t, s, e))
		li->f |= F_BULLET;
	if (ends_sentence(t, s, e) || ends_cjk_sentence(t, s, e))
		li->f |= F_FINAL;
	if ((e - s >= 3 && memcmp(t + e - 3, "...", 3) == 0) ||
	    (e - s >= 3 && memcmp(t + e - 3, "\xe2\x80\xa6", 3) == 0))
		li->f |= F_ELLIPSIS;
	if (s - s0 >= 3)
		li->f |= F_INDENT;
	if (t[s] == '[') {
		/* "[image-alt]" alone is an image; "[alt]Text of a paragraph" is text */
		const char *rb = memchr(t + s, ']', e - s);
		if (rb == NULL || (size_t)(t + e - rb) < 60)
			li->f |= F_LINKY;
	} else if ((t[s] | 0x20) == 'h' && startsi(t, s, e, "http"))
		li->f |= F_LINKY;
	else if (e - s <= CONTAINS_LINKY) {
		/* "News | Sport | Weather", but not "A long headline | tag | Site" */
		if (bar_before(t, s, e, 30))
			li->f |= F_LINKY;
	}
	/* a line in capitals is no paragraph; the capitals are only counted for
	 * a line that would otherwise be one */
	if (!(li->f & (F_BULLET | F_LINKY | F_INDENT)) &&
	    ((li->nw >= 13 && li->nch >= 70) ||
	    (li->nw >= 5 && li->nch >= 30 && (li->f & F_FINAL)))) {
		if (li->nw >= 3 && li->nch <= 300) {
			/* the first letters tell */
			size_t up = 0, lo = 0;
			count_case(t, s, e - s > 64 ? s + 64 : e, &up, &lo);
			if (up > 3 * lo && up >= 8)
				li->f |= F_CAPS;
		}
		if (!(li->f & F_CAPS))
			li->f |= F_PROSE;
	}
	/* A paragraph ends its sentence; a teaser headline does not. Whether the page
	 * ends its paragraphs at all is decided per page (set_prose). */
	if ((li->f & F_PROSE) && !(li->f & F_FINAL) && li->nch < 200)
		li->f |= F_OPEN;
	if (parse_byline(t, s, e, &li->by_s, &li->by_e))
		li->f |= F_BYLINE;
	else if (parse_dateline(t, s, e, li->date))
		li->f |= F_DATE;
	li->h = h;
	li->rule = rules_match_line(r, t, s, e);
}

/* --- repeated lines ------------------------------------------------------------- */

struct hcount {
	uint64_t	*h;
	uint32_t	*n;
	size_t		 mask;
};

static uint32_t *
hc_slot(struct hcount *hc, uint64_t h)
{
	size_t j;

	h |= 1;
	for (j = h & hc->mask; hc->h[j] != 0 && hc->h[j] != h; j = (j + 1) & hc->mask)
		;
	hc->h[j] = h;
	return &hc->n[j];
}

static void
mark_repeats(struct linfo *li, size_t n)
{
	struct hcount hc;
	size_t i, sz = 16, nrep = 0;

	while (sz < n * 2)
		sz *= 2;
	hc.h = xcalloc(sz, sizeof *hc.h);
	hc.n = xcalloc(sz, sizeof *hc.n);
	hc.mask = sz - 1;
	for (i = 0; i < n; i++)
		if (!(li[i].f & F_EMPTY))
			(*hc_slot(&hc, li[i].h))++;
	for (i = 0; i < n; i++)
		if (!(li[i].f & F_EMPTY) && *hc_slot(&hc, li[i].h) > 1) {
			li[i].f |= F_REPEAT;
			nrep++;
		}
	/* a line that came a few lines before: the page repeats a widget (the
	 * same question put to each person of an interview comes back further
	 * apart); most pages repeat nothing */
	if (nrep > 0) {
		size_t *last = xcalloc(sz, sizeof *last);
		for (i = 0; i < n; i++)
			if (li[i].f & F_REPEAT) {
				size_t j = (size_t)(hc_slot(&hc, li[i].h) - hc.n);
				if (last[j] != 0 && i + 1 - last[j] <= 12)
					li[i].f |= F_LATER;
				last[j] = i + 1;
			}
		free(last);
	}
	free(hc.h);
	free(hc.n);
}

/* Pages that end their paragraphs with a full stop make an unfinished line a
 * teaser or a heading; pages that never do (some scrapes drop the final stop) keep
 * long lines as paragraphs. */
static void
set_prose(struct linfo *li, size_t n)
{
	size_t i, nlong = 0, nfin = 0;

	for (i = 0; i < n; i++)
		if (li[i].nch >= 150 && (li[i].f & F_PROSE)) {
			nlong++;
			nfin += (li[i].f & F_FINAL) != 0;
		}
	if (nlong == 0 || nfin * 2 < nlong)
		return;
	for (i = 0; i < n; i++)
		if (li[i].f & F_OPEN)
			li[i].f &= ~F_PROSE;
}

/* --- the article block ------------------------------------------------------------ */

/* Page furniture is many short lines; an article is a run of paragraphs. The best
 * run is the one whose paragraphs outweigh the short lines inside it (a maximum
 * subarray over the lines, so linear). */
static long
weight(const struct linfo *l)
{
	long n = (long)l->nch;

	if (l->f & F_EMPTY)
		return 0;
	if (l->rule != NULL && l->rule->cls == LC_BOILERPLATE) {
		/* "Comments", "Related articles": the article does not go on past a
		 * section header of the page */
		if (l->rule->how == HOW_EXACT && (l->rule->sub == BP_COMMENTS ||
		    l->rule->sub == BP_RELATED_LINKS))
			return -200;
		return -60;
	}
	if (l->f & F_PROSE)
		return (l->f & F_REPEAT) ? 0 : (n > 800 ? 800 : n);
	if (l->f & (F_BULLET | F_LINKY))
		return -(30 + (n > 200 ? 200 : n) / 2);
	return -(15 + (n > 200 ? 200 : n) / 4);
}

static void
find_block(const struct linfo *li, size_t from, size_t n, size_t *bs, size_t *be)
{
	long best = 0, cur = 0, w;
	size_t i, cs = from;

	*bs = *be = SIZE_MAX;
	for (i = from; i < n; i++) {
		if (cur <= 0) {
			cur = 0;
			cs = i;
		}
		w = weight(&li[i]);
		/* the bottom fifth of a page is its footer: disclaimers and legal
		 * text read like paragraphs but count for less there */
		if (w > 0 && i * 5 > n * 4)
			w /= 3;
		cur += w;
		if (cur > best) {
			best = cur;
			*bs = cs;
			*be = i;
		}
	}
	/* start and end on a paragraph */
	if (*bs == SIZE_MAX)
		return;
	while (*bs < *be && !(li[*bs].f & F_PROSE))
		(*bs)++;
	/* a standfirst cut off before its full stop still opens the article */
	{
		size_t p = *bs;
		while (p > from && (li[p - 1].f & F_EMPTY))
			p--;
		if (p > from && (li[p - 1].f & F_OPEN) && li[p - 1].nw >= 13 &&
		    li[p - 1].rule == NULL)
			*bs = p - 1;
	}
}

/* --- the headline ------------------------------------------------------------------ */

static int
title_like(const struct linfo *l, size_t minw)
{
	if (l->f & (F_EMPTY | F_BULLET | F_LINKY | F_BYLINE | F_DATE | F_NOALPHA |
	    F_ELLIPSIS))
		return 0;
	if (l->rule != NULL)
		return 0;
	if (l->nw < minw || l->nch > 300)
		return 0;
	return 1;
}

static int
ends_with_dot(const char *t, const struct linfo *l)
{
	return l->e > l->s && t[l->e - 1] == '.';
}

static size_t
find_title(const char *t, const struct linfo *li, size_t n, size_t limit)
{
	size_t i, pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n && i <= limit; i++)
			if (title_like(&li[i], pass == 0 ? 4 : 1) &&
			    !ends_with_dot(t, &li[i]))
				return i;
	return SIZE_MAX;
}

/* The CMS suffix of a headline: " | tag | tag | Site" (two bars or more, or one
 * bar before a short part). Returns where it starts, or e. */
static size_t
title_suffix(const char *t, size_t s, size_t e)
{
	size_t i, first = e, bars = 0;

	for (i = s; i + 3 <= e; i++)
		if (t[i] == ' ' && t[i + 1] == '|' && t[i + 2] == ' ') {
			if (first == e)
				first = i;
			bars++;
		}
	if (bars >= 2 || (bars == 1 && e - first < 40 && first - s > e - first))
		return first;
	return e;
}

/* The normalized letters of the title, for comparing lines with it. */
struct tnorm {
	char	*c;
	size_t	 n;
};

static void
tnorm_make(const char *t, size_t s, size_t e, struct tnorm *tn)
{
	size_t i, k, q;

	tn->c = xmalloc(e - s + 1);
	tn->n = 0;
	for (i = s; i < e; i += q) {
		q = u8_seq(t, i, e);
		if (!u8_wordch(t, i, e))
			continue;
		for (k = 0; k < q; k++)
			tn->c[tn->n++] = (char)lc((unsigned char)t[i + k]);
	}
}

/* Is the line the headline again: equal, or equal but for a short tail like the
 * "(1)" of an image's alt text? */
static int
repeats_title(const char *t, const struct linfo *l, const struct tnorm *tn)
{
	size_t i, k, q, n = 0;

	if (tn->n < 12 || l->nn < tn->n || l->nn > tn->n + 3)
		return 0;
	/* the line's letters as tnorm_make gives them, compared as they come:
	 * no copy, and a line that differs stops at once */
	for (i = l->s; i < l->e && n < tn->n; i += q) {
		q = u8_seq(t, i, l->e);
		if (!u8_wordch(t, i, l->e))
			continue;
		for (k = 0; k < q && n < tn->n; k++)
			if ((char)lc((unsigned char)t[i + k]) != tn->c[n++])
				return 0;
	}
	return n == tn->n;
}

/* Most words capitalised: a headline (a link to another story), not a sentence. */
static int
headline_case(const char *t, size_t s, size_t e)
{
	size_t i, up = 0, lo = 0;
	int start = 1;

	for (i = s; i < e; i++) {
		unsigned char c = (unsigned char)t[i];
		if (start && isupper_(c))
			up++;
		else if (start && c >= 'a' && c <= 'z')
			lo++;
		start = c == ' ';
	}
	return up > lo;
}

/* "1of4The mayor speaks": a gallery's photo counter glued to its caption. */
static int
gallery_caption(const char *t, size_t s, size_t e)
{
	size_t i = s;

	while (i < e && isdig((unsigned char)t[i]))
		i++;
	if (i == s || i + 2 >= e || t[i] != 'o' || t[i + 1] != 'f')
		return 0;
	i += 2;
	if (i < e && t[i] == ' ')
		i++;
	return i < e && isdig((unsigned char)t[i]);
}

/* --- classes ------------------------------------------------------------------------ */

static void
set(struct cline *c, enum line_class cls, enum bp_subtype sub)
{
	c->cls = cls;
	c->sub = cls == LC_BOILERPLATE ? sub : BP_NONE;
}

static size_t
next_nonempty(const struct linfo *li, size_t i, size_t n)
{
	for (i++; i < n; i++)
		if (!(li[i].f & F_EMPTY))
			return i;
	return SIZE_MAX;
}

static size_t
prev_nonempty(const struct linfo *li, size_t i)
{
	while (i-- > 0)
		if (!(li[i].f & F_EMPTY))
			return i;
	return SIZE_MAX;
}

static enum bp_subtype
default_sub(const struct linfo *l, int before_title)
{
	if (l->f & F_NOALPHA)
		return BP_OTHER;
	if (before_title)
		return (l->f & (F_BULLET | F_LINKY)) || l->nw > 8 ? BP_NAVIGATION :
		    BP_SITE_CHROME;
	return (l->f & (F_BULLET | F_LINKY)) || l->nw >= 2 ? BP_RELATED_LINKS : BP_OTHER;
}

/* "The post X appeared first on Site." gives the site. */
static char *
appeared_site(const char *t, size_t s, size_t e)
{
	static const char key[] = "appeared first on ";
	size_t i, k = sizeof key - 1;
	const char *p;

	if (e - s <= k)
		return NULL;
	for (i = s; i + k <= e; i = (size_t)(p - t) + 1) {
		/* to each 'a' by memchr, then the whole key */
		if ((p = memchr(t + i, 'a', e - k + 1 - i)) == NULL)
			break;
		if (memcmp(p, key, k) == 0) {
			size_t a = (size_t)(p - t) + k, b = e;
			while (b > a && (t[b - 1] == '.' || t[b - 1] == ' '))
				b--;
			return b > a ? xstrndup(t + a, b - a) : NULL;
		}
	}
	return NULL;
}

static void
classify(const struct clean_rules *r, const struct article *a, struct clean_result *out,
    struct linfo *li, size_t *title_line)
{
	const char *t = a->text;
	size_t n = out->nlines, i, bs, be, ti, top_end, j, lim, dek = SIZE_MAX;
	struct tnorm tn = { NULL, 0 };
	size_t ts_end;

	mark_repeats(li, n);
	set_prose(li, n);
	/* readers' comments follow the article: the block is looked for above them */
	lim = n;
	{
		size_t prose = 0;
		for (i = 0; i < n; i++) {
			if (li[i].f & F_PROSE)
				prose += li[i].nch;
			else if (li[i].rule != NULL && li[i].rule->sub == BP_COMMENTS &&
			    prose >= 300) {
				lim = i;
				break;
			}
		}
	}
	find_block(li, 0, lim, &bs, &be);
	ti = find_title(t, li, n, bs == SIZE_MAX ? n : bs);
	if (ti != SIZE_MAX && bs != SIZE_MAX && ti >= bs) {
		find_block(li, ti + 1, lim, &bs, &be);
	}
	*title_line = ti;
	if (ti != SIZE_MAX) {
		ts_end = title_suffix(t, li[ti].s, li[ti].e);
		out->title = xstrndup(t + li[ti].s, ts_end - li[ti].s);
		tnorm_make(t, li[ti].s, ts_end, &tn);
		if (ts_end < li[ti].e) {
			/* "Tag-Site": the last part names the site */
			size_t p = li[ti].e, q;
			while (p > ts_end && t[p - 1] != '|')
				p--;
			while (p < li[ti].e && t[p] == ' ')
				p++;
			for (q = li[ti].e; q > p && t[q - 1] != '-'; q--)
				;
			if (q > p && t[q - 2] != ' ')
				p = q;
			if (p < li[ti].e)
				out->site = xstrndup(t + p, li[ti].e - p);
		}
	}
	/* the top: from the title to the first paragraphs */
	/* the top of the article: bylines and datelines may sit up to its second
	 * paragraph; a paragraph above them is the headline's dek, which a page
	 * prints between headline and byline, not the article's text */
	top_end = bs == SIZE_MAX ? n : bs;
	if (bs != SIZE_MAX) {
		size_t np = 0, meta = SIZE_MAX;
		for (i = bs; i <= be && np < 2; i++) {
			if (li[i].f & F_PROSE)
				np++;
			else if ((li[i].f & (F_BYLINE | F_DATE)) && li[i].rule == NULL)
				meta = i;
		}
		top_end = i;
		if (meta != SIZE_MAX && ti != SIZE_MAX && meta > bs) {
			for (i = bs; i < meta; i++)
				if (li[i].f & F_PROSE)
					dek = i;
			if (dek != SIZE_MAX) {
				bs = meta;
				while (bs < be && !(li[bs].f & F_PROSE))
					bs++;
			}
		}
	}
	for (i = 0; i < n; i++) {
		struct cline *c = &out->lines[i];
		const struct linfo *l = &li[i];

		if (l->f & F_EMPTY) {
			set(c, LC_EMPTY, BP_NONE);
			continue;
		}
		if (i == ti) {
			set(c, LC_TITLE, BP_NONE);
			continue;
		}
		if (is_id_hash(t, l->s, l->e)) {
			set(c, LC_BOILERPLATE, BP_ID_HASH);
			continue;
		}
		if (l->rule != NULL) {
			set(c, l->rule->cls, l->rule->sub);
			continue;
		}
		if (l->f & F_NOALPHA) {
			set(c, LC_BOILERPLATE, BP_OTHER);
			continue;
		}
		if (gallery_caption(t, l->s, l->e)) {
			set(c, LC_CAPTION, BP_NONE);
			continue;
		}
		if (ti != SIZE_MAX && repeats_title(t, l, &tn)) {
			set(c, LC_TITLE_REPEAT, BP_NONE);
			continue;
		}
		if (ti != SIZE_MAX && i < ti) {
			set(c, LC_BOILERPLATE, default_sub(l, 1));
			continue;
		}
		if (i < top_end && !(l->f & F_PROSE) && (l->f & F_BYLINE) &&
		    out->byline == NULL) {
			set(c, LC_BYLINE, BP_NONE);
			out->byline = xstrndup(t + l->by_s, l->by_e - l->by_s);
			continue;
		}
		if (i < top_end && (l->f & F_DATE)) {
			set(c, LC_DATELINE, BP_NONE);
			if (out->date == NULL)
				out->date = xstrdup(l->date);
			continue;
		}
		/* a text with no paragraph at all: what follows the title is the text */
		if (bs == SIZE_MAX && (ti == SIZE_MAX || i > ti) &&
		    !(l->f & (F_BULLET | F_LINKY | F_INDENT))) {
			set(c, LC_BODY, BP_NONE);
			continue;
		}
		if (dek != SIZE_MAX && i <= dek && i > ti && (l->f & F_PROSE)) {
			set(c, LC_CAPTION, BP_NONE);
			continue;
		}
		if (bs == SIZE_MAX || i < bs || i > be) {
			set(c, LC_BOILERPLATE, default_sub(l, 0));
			continue;
		}
		/* inside the article: a paragraph seen before is a teaser or a
		 * widget repeated down the page */
		if (l->f & F_LATER) {
			set(c, LC_BOILERPLATE, default_sub(l, 0));
			continue;
		}
		if ((l->f & F_PROSE) || ((l->f & F_OPEN) && (i == bs || l->nw >= 15))) {
			set(c, LC_BODY, BP_NONE);
			continue;
		}
		/* a list between the article's paragraphs is part of it */
		if ((l->f & F_BULLET) && !(l->f & F_INDENT) && l->nw >= 2 &&
		    !headline_case(t, l->s, l->e)) {
			set(c, LC_BODY, BP_NONE);
			continue;
		}
		if ((l->f & (F_BULLET | F_LINKY | F_INDENT)) ||
		    ((l->f & F_REPEAT) && l->nw <= 4)) {
			set(c, LC_BOILERPLATE, default_sub(l, 0));
			continue;
		}
		j = next_nonempty(li, i, n);
		/* a heading leads to a paragraph, perhaps through a second heading line */
		if (j != SIZE_MAX && !(li[j].f & F_PROSE) && li[j].nw <= 14 &&
		    li[j].rule == NULL && !ends_with_dot(t, &li[j]))
			j = next_nonempty(li, j, n);
		if (l->nw <= 14 && !ends_with_dot(t, l) && j != SIZE_MAX &&
		    (li[j].f & F_PROSE) && li[j].rule == NULL) {
			set(c, LC_SUBHEADING, BP_NONE);
			continue;
		}
		if ((l->f & F_FINAL) && l->nw >= 3) {
			set(c, LC_BODY, BP_NONE);
			continue;
		}
		set(c, LC_BOILERPLATE, default_sub(l, 0));
	}
	/* captions: the line after an image's alt text (a headline repeat or an id),
	 * and the lines just above a photo credit */
	for (i = 0; i < n; i++) {
		struct cline *c = &out->lines[i];
		if (c->cls == LC_TITLE_REPEAT || (c->cls == LC_BOILERPLATE &&
		    c->sub == BP_ID_HASH)) {
			j = next_nonempty(li, i, n);
			if (j != SIZE_MAX && (out->lines[j].cls == LC_BODY ||
			    out->lines[j].cls == LC_SUBHEADING) && !ends_with_dot(t, &li[j]) &&
			    li[j].nch < 200)
				set(&out->lines[j], LC_CAPTION, BP_NONE);
		}
		if (c->cls == LC_CREDIT && i > 0 && i < bs + 1000000) {
			size_t p = prev_nonempty(li, i), k = 0;
			while (p != SIZE_MAX && k < 3 && (out->lines[p].cls == LC_BODY ||
			    out->lines[p].cls == LC_SUBHEADING)) {
				/* only a group of lines with no blank line between */
				if (p + 1 < n && (li[p + 1].f & F_EMPTY) && k == 0 &&
				    !(p > 0 && !(li[p - 1].f & F_EMPTY)))
					break;
				set(&out->lines[p], LC_CAPTION, BP_NONE);
				k++;
				if (p == 0 || (li[p - 1].f & F_EMPTY))
					break;
				p = p - 1;
			}
		}
	}
	/* the site: a site's own line, else the headline's suffix, else a banner */
	for (i = 0; i < n; i++) {
		char *s2;
		if (out->lines[i].cls != LC_BOILERPLATE)
			continue;
		if ((s2 = appeared_site(t, li[i].s, li[i].e)) != NULL) {
			free(out->site);
			out->site = s2;
			break;
		}
	}
	if (out->site == NULL && ti != SIZE_MAX) {
		for (i = 0; i < ti; i++)
			if (out->lines[i].cls == LC_BOILERPLATE &&
			    out->lines[i].sub == BP_SITE_CHROME && li[i].nw <= 5 &&
			    !(li[i].f & F_FINAL) && isupper_((unsigned char)t[li[i].s])) {
				out->site = xstrndup(t + li[i].s, li[i].e - li[i].s);
				break;
			}
	}
	free(tn.c);
}

void
clean_article(const struct clean_rules *r, const struct article *a,
    struct clean_result *out)
{
	struct line_span *ls;
	struct linfo *li;
	size_t i, n, ti;

	memset(out, 0, sizeof *out);
	n = lines_split(a->text, a->len, &ls);
	out->lines = xcalloc(n ? n : 1, sizeof *out->lines);
	out->nlines = n;
	li = xreallocarray(NULL, n ? n : 1, sizeof *li);	/* features clears each */
	for (i = 0; i < n; i++) {
		out->lines[i].start = ls[i].start;
		out->lines[i].end = ls[i].end;
		features(r, a->text, ls[i].start, ls[i].end, &li[i]);
	}
	free(ls);
	classify(r, a, out, li, &ti);
	free(li);
	clean_artifacts(r, a->text, a->len, out, ti);
}

void
clean_result_free(struct clean_result *c)
{
	size_t i;

	for (i = 0; i < c->narts; i++) {
		free(c->arts[i].suggestion);
		free(c->arts[i].note);
	}
	free(c->arts);
	free(c->lines);
	free(c->title);
	free(c->byline);
	free(c->site);
	free(c->date);
	memset(c, 0, sizeof *c);
}
