/* artifact_words.c - words no English word list knows: non-words and names written in
 * lower case, from data/words.txt (built by data/gen/build-words.py); no curses */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede/artifact.h"
#include "lede/util.h"

#define WORD_MAX	32	/* longer runs of letters are not looked up */
#define NONWORD_MIN	6	/* shorter unknown words are mostly slang and clippings */
#define ENGLISH_SHARE	0.9	/* of an article's lower-case words the list must know */
#define NONWORD_SCORE	0.45
/* flags per 1,000 words of body that make machine translation likely: on the
 * development sets scraped machine-translated news shows 6 to 60, professional
 * news at most 4.2 (aex-dev-txt bodies, GUM dev) and mt-dev's talks 1.5 */
#define EVIDENCE_PER_1000	5
/* below this confidence a flag is kept only with that evidence */
#define GATE_SCORE	0.6
#define LOWNAME_SCORE	0.5

/* Eight bytes, so that the table of the whole list stays near a megabyte: one
 * lookup per word of every article goes there. */
struct wslot {
	uint32_t	 tag;	/* the hash's high half, never 0; 0: empty */
	uint32_t	 ol;	/* offset into data << 6 | length << 1 | only capitalised */
};
#define OFF_MAX		(1u << 26)

struct wordlist {
	char		*data;
	struct wslot	*slot;
	size_t		 mask, n;
};

/* The hash of a word lowercased; the words looked up in articles are lowercase
 * already and skip the copy. */
static uint64_t
lower_hash(const char *s, size_t n)
{
	uint64_t h = hash_bytes(s, n);

	return h != 0 ? h : 1;
}

static uint64_t
word_hash(const char *s, size_t n)
{
	char k[WORD_MAX];
	size_t i;

	for (i = 0; i < n; i++)
		k[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
	return lower_hash(k, n);
}

/* FNV's low bits cluster on short words: mixed before they choose a slot. */
static inline size_t
slot_of_hash(uint64_t h, size_t mask)
{
	h ^= h >> 31;
	h *= 0x9e3779b97f4a7c15ULL;
	return (size_t)(h >> 32) & mask;
}

static int
same_folded(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((a[i] | 32) != (b[i] | 32))
			return 0;
	return 1;
}

/* The slot of a word, or NULL; lower: s is lowercase already. */
static const struct wslot *
word_find_h(const struct wordlist *w, const char *s, size_t n, int lower)
{
	uint64_t h;
	uint32_t tag;
	size_t i;

	if (n == 0 || n >= WORD_MAX)
		return NULL;
	h = lower ? lower_hash(s, n) : word_hash(s, n);
	tag = (uint32_t)(h >> 32) | 1;
	for (i = slot_of_hash(h, w->mask); w->slot[i].tag != 0; i = (i + 1) & w->mask)
		if (w->slot[i].tag == tag && (w->slot[i].ol >> 1 & 31) == n &&
		    same_folded(w->data + (w->slot[i].ol >> 6), s, n))
			return &w->slot[i];
	return NULL;
}

static const struct wslot *
word_find(const struct wordlist *w, const char *s, size_t n)
{
	return word_find_h(w, s, n, 0);
}

/* A lowercase word of the list: what the article's lowercase runs ask. */
static int
has_lower(const struct wordlist *w, const char *s, size_t n)
{
	const struct wslot *x = word_find_h(w, s, n, 1);

	return x != NULL && !(x->ol & 1);
}

struct wordlist *
wordlist_load(const char *datadir, void (*warn)(const char *, void *), void *ctx)
{
	struct wordlist *w;
	char err[256], *path, *p, *end;
	size_t len, lines = 0, ln = 0;

	if (datadir == NULL)
		return NULL;
	w = xcalloc(1, sizeof *w);
	path = xasprintf("%s/words.txt", datadir);
	if (read_file(path, &w->data, &len, err, sizeof err) == -1) {
		if (warn != NULL) {
			char *m = xasprintf("%s; non-words are not flagged", err);
			warn(m, ctx);
			free(m);
		}
		free(path);
		free(w);
		return NULL;
	}
	for (p = w->data, end = w->data + len; p < end; p++)
		lines += *p == '\n';
	if (len >= OFF_MAX) {
		if (warn != NULL) {
			char *m = xasprintf("%s: over %u bytes; non-words are not flagged",
			    path, OFF_MAX);
			warn(m, ctx);
			free(m);
		}
		free(path);
		free(w->data);
		free(w);
		return NULL;
	}
	for (w->mask = 1023; 2 * w->mask < 3 * lines; w->mask = w->mask * 2 + 1)
		;
	w->slot = xcalloc(w->mask + 1, sizeof *w->slot);
	for (p = w->data; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
		size_t n = (size_t)(e - p), i, k;
		int ok = n > 0 && n < WORD_MAX && *p != '#';

		ln++;
		for (k = 0; ok && k < n; k++)
			ok = ((p[k] | 32) >= 'a' && (p[k] | 32) <= 'z');
		/* the list is made sorted and unique: no look-up before the insert */
		if (ok) {
			uint64_t h = word_hash(p, n);
			for (i = slot_of_hash(h, w->mask); w->slot[i].tag != 0;
			    i = (i + 1) & w->mask)
				;
			w->slot[i] = (struct wslot){ (uint32_t)(h >> 32) | 1,
			    (uint32_t)(p - w->data) << 6 | (uint32_t)n << 1 |
			    (uint32_t)(*p >= 'A' && *p <= 'Z') };
			w->n++;
		} else if (!ok && n > 0 && *p != '#' && warn != NULL) {
			char *m = xasprintf("%s:%zu: not a word of ASCII letters; skipped",
			    path, ln);
			warn(m, ctx);
			free(m);
		}
		p = e + 1;
	}
	free(path);
	return w;
}

void
wordlist_free(struct wordlist *w)
{
	if (w == NULL)
		return;
	free(w->data);
	free(w->slot);
	free(w);
}

int
wordlist_has(const struct wordlist *w, const char *s, size_t n)
{
	const struct wslot *x = word_find(w, s, n);

	return x != NULL && !(x->ol & 1);
}

/* --- a word the list does not have may be made of one it has --------------------- */

static const char *const suffixes[] = {
	"s", "es", "ed", "d", "ing", "ly", "er", "ers", "est", "ness", "ment", "ments",
	"able", "ism", "ist", "ists", "ity", "ization", "ize", "ized", "izing", "ise",
	"ised", "al", "ally", "ful", "less", "ship", "ian", "ians", "ic", NULL
};
static const char *const prefixes[] = {
	"un", "re", "non", "pre", "over", "under", "anti", "co", "mis", "inter", "sub",
	"super", "multi", "post", "counter", "semi", "micro", "mega", "cyber", "de", "dis",
	"out", "up", "self", NULL
};

/* The word less a suffix, the stem as the list may have it: "e" restored, a
 * doubled consonant single, "i" back to "y". */
static int
stem_known(const struct wordlist *w, const char *s, size_t n)
{
	char b[WORD_MAX + 1];
	size_t k, m;

	for (k = 0; suffixes[k] != NULL; k++) {
		m = strlen(suffixes[k]);
		if (n < m + 3 || memcmp(s + n - m, suffixes[k], m) != 0)
			continue;
		m = n - m;
		if (has_lower(w, s, m))
			return 1;
		memcpy(b, s, m);
		b[m] = 'e';
		if (has_lower(w, b, m + 1))
			return 1;
		if (m > 3 && b[m - 1] == b[m - 2] && has_lower(w, b, m - 1))
			return 1;
		if (b[m - 1] == 'i') {
			b[m - 1] = 'y';
			if (has_lower(w, b, m))
				return 1;
		}
	}
	return 0;
}

static int
known(const struct wordlist *w, const char *s, size_t n)
{
	size_t k, m;

	if (has_lower(w, s, n) || stem_known(w, s, n))
		return 1;
	for (k = 0; prefixes[k] != NULL; k++) {
		m = strlen(prefixes[k]);
		if (n >= m + 3 && memcmp(s, prefixes[k], m) == 0 &&
		    (has_lower(w, s + m, n - m) || stem_known(w, s + m, n - m)))
			return 1;
	}
	/* two words written as one ("groundwater", "tradeoffs") */
	for (m = 3; n >= 6 && m + 3 <= n; m++)
		if (has_lower(w, s, m) && (has_lower(w, s + m, n - m) ||
		    stem_known(w, s + m, n - m)))
			return 1;
	return 0;
}

/* --- the pass ---------------------------------------------------------------------- */

struct cand {
	size_t		 s, e;
	uint64_t	 h;
	int		 name;	/* the list knows it capitalised */
};

static int
lower_ascii(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* Bytes that make a run of letters part of something else: a handle, an address,
 * a path, a number, a contraction, a word with capitals or accents. */
static int
glue(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@' || c == '/' ||
	    c == '_' || c == '#' || c == '\\' || c == '=' || c == '&' || c == '\'' ||
	    c >= 0x80;
}

int
artifact_mt_evidence(const struct clean_result *c, const char *t)
{
	size_t i, words = 0;
	unsigned kinds = 0;

	for (i = 0; i < c->narts; i++)
		kinds |= 1u << c->arts[i].kind;
	if (c->narts < 3 || (kinds & (kinds - 1)) == 0)
		return 0;
	for (i = 0; i < c->nlines; i++) {
		const char *p = t + c->lines[i].start, *e = t + c->lines[i].end;
		if (c->lines[i].cls != LC_BODY)
			continue;
		words++;
		while ((p = memchr(p, ' ', (size_t)(e - p))) != NULL) {
			words++;
			p++;
		}
		if (c->narts * 1000 < EVIDENCE_PER_1000 * words)
			return 0;	/* already too many words for the flags */
	}
	return 1;
}

void
artifact_gate(struct clean_result *c, const char *t)
{
	size_t i, k = 0;

	if (artifact_mt_evidence(c, t))
		return;
	for (i = 0; i < c->narts; i++) {
		if (c->arts[i].score < GATE_SCORE) {
			free(c->arts[i].suggestion);
			free(c->arts[i].note);
			continue;
		}
		c->arts[k++] = c->arts[i];
	}
	c->narts = k;
}

static int
by_hash(const void *x, const void *y)
{
	const struct cand *p = x, *q = y;

	if (p->h != q->h)
		return p->h < q->h ? -1 : 1;
	return p->s < q->s ? -1 : p->s > q->s;
}

static int
by_start(const void *x, const void *y)
{
	const struct artifact *p = x, *q = y;

	return p->start < q->start ? -1 : p->start > q->start;
}

/* The answers for the article's most frequent words ("with", "said"), so that
 * they do not go to the big table each time: by hash, direct-mapped. */
#define MEMO_SIZE	256

struct memo {
	uint64_t	 h[MEMO_SIZE];	/* words known to the list; 0: none */
};

void
artifact_words(const struct wordlist *w, const struct article *a,
    struct clean_result *c)
{
	struct memo memo;
	const char *t = a->text;
	struct cand *v = NULL;
	struct artifact *add = NULL;
	size_t nv = 0, cap = 0, nknown = 0, nwords = 0, i, j, nadd = 0;
	int evidence;

	if (w == NULL)
		return;
	evidence = artifact_mt_evidence(c, t);
	memset(memo.h, 0, sizeof memo.h);
	for (i = 0; i < c->nlines; i++) {
		size_t s = c->lines[i].start, e = c->lines[i].end, p;
		if (c->lines[i].cls != LC_BODY)
			continue;
		for (p = s; p < e;) {
			size_t q, mi;
			uint64_t h;
			if (!lower_ascii((unsigned char)t[p])) {
				p++;
				continue;
			}
			for (q = p; q < e && lower_ascii((unsigned char)t[q]); q++)
				;
			/* a run glued to a capital, a digit, an address or a dotted
			 * name ("example.com") is not a word of the sentence */
			if ((p > s && (glue((unsigned char)t[p - 1]) ||
			    (t[p - 1] == '.' && p - 1 > s && t[p - 2] != ' '))) ||
			    (q < e && (glue((unsigned char)t[q]) ||
			    (t[q] == '.' && q + 1 < e && lower_ascii((unsigned char)t[q + 1]))))) {
				while (q < e && t[q] != ' ')
					q++;
				p = q;
				continue;
			}
			/* short words are mostly function words: not asked */
			if (q - p < 4) {
				p = q;
				continue;
			}
			nwords++;
			if (q - p >= WORD_MAX) {
				nknown++;	/* not asked */
				p = q;
				continue;
			}
			h = lower_hash(t + p, q - p);
			mi = (size_t)(h >> 56);
			if (memo.h[mi] == h) {
				nknown++;
				p = q;
				continue;
			}
			if (known(w, t + p, q - p)) {
				memo.h[mi] = h;
				nknown++;
			} else {
				const struct wslot *x = word_find_h(w, t + p, q - p, 1);
				nknown += x != NULL;	/* an English name */
				if (nv == cap) {
					cap = cap ? cap * 2 : 32;
					v = xreallocarray(v, cap, sizeof *v);
				}
				v[nv++] = (struct cand){ p, q, h,
				    x != NULL && (x->ol & 1) };
			}
			p = q;
		}
	}
	/* an article not mostly in English words says nothing about English */
	if (nv == 0 || (double)nknown < ENGLISH_SHARE * (double)nwords)
		goto done;
	qsort(v, nv, sizeof *v, by_hash);
	add = xcalloc(nv, sizeof *add);
	for (i = 0; i < nv; i = j) {
		for (j = i + 1; j < nv && v[j].h == v[i].h; j++)
			;
		if (v[i].name) {
			/* every time: a name the list knows only capitalised */
			size_t k;
			for (k = i; k < j; k++) {
				char *sg = xstrndup(t + v[k].s, v[k].e - v[k].s);
				sg[0] = (char)(sg[0] - 32);
				add[nadd++] = (struct artifact){ v[k].s, v[k].e, AK_CASING, sg,
				    xstrdup("a name written in lower case"), LOWNAME_SCORE };
			}
		} else if (j - i == 1 && evidence && v[i].e - v[i].s >= NONWORD_MIN) {
			/* once in the article: a word used again is a term the list lacks */
			add[nadd++] = (struct artifact){ v[i].s, v[i].e, AK_GARBLED,
			    xstrdup(""), xstrdup("not an English word: a word left "
			    "untranslated or garbled"), NONWORD_SCORE };
		}
	}
	if (nadd > 0) {
		qsort(add, nadd, sizeof *add, by_start);
		artifact_merge(c, add, nadd);
	}
done:
	free(add);
	free(v);
}
