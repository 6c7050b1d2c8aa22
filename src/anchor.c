/* anchor.c - re-anchoring annotations: kept, exact search, bounded fuzzy search */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lede/anchor.h"
#include "lede/util.h"

/* At most this many exact occurrences are weighed (a one-letter quote in a huge text). */
#define EXACT_MAX	200000
/* Work caps for the approximate search, in dynamic-programming cells. */
#define FUZZY_WHOLE_CELLS	(4u << 20)	/* search the whole text when this small */
#define FUZZY_WINDOW_CELLS	(2u << 20)	/* per window otherwise */
#define FUZZY_MAX_QUOTE		4096		/* code points; longer quotes are not fuzzed */
#define FUZZY_CENTERS		3		/* context hits tried on each side */
#define CONTEXT_PROBE		16		/* bytes of prefix/suffix looked for */

size_t
utf8_seqlen(const char *s, size_t n)
{
	size_t k = utf8_valid_len((const unsigned char *)s, n);

	return k == 0 ? 1 : k;
}

size_t
utf8_cpcount(const char *s, size_t n)
{
	size_t i = 0, c = 0;

	while (i < n) {
		i += utf8_seqlen(s + i, n - i);
		c++;
	}
	return c;
}

size_t
utf16_count(const char *s, size_t n)
{
	size_t i = 0, c = 0, k;

	while (i < n) {
		k = utf8_seqlen(s + i, n - i);
		c += k == 4 ? 2 : 1;
		i += k;
	}
	return c;
}

int
utf8_boundary(const char *s, size_t len, size_t pos)
{
	size_t k;

	if (pos == 0 || pos >= len)
		return 1;
	for (k = 1; k <= 3 && k <= pos; k++) {
		if (utf8_valid_len((const unsigned char *)s + pos - k, len - (pos - k)) > k)
			return 0;
	}
	return 1;
}

size_t
utf8_back(const char *s, size_t len, size_t pos, size_t ncp)
{
	size_t k;

	if (pos > len)
		pos = len;
	while (ncp-- > 0 && pos > 0) {
		for (k = 1; k <= 4 && k <= pos; k++) {
			if (utf8_valid_len((const unsigned char *)s + pos - k,
			    len - (pos - k)) == k)
				break;
		}
		pos -= (k <= 4 && k <= pos) ? k : 1;
	}
	return pos;
}

size_t
utf8_fwd(const char *s, size_t len, size_t pos, size_t ncp)
{
	while (ncp-- > 0 && pos < len)
		pos += utf8_seqlen(s + pos, len - pos);
	return pos > len ? len : pos;
}

const char *
anchor_status_name(enum anchor_status s)
{
	switch (s) {
	case ANCHOR_KEPT:
		return "anchored";
	case ANCHOR_MOVED:
		return "moved";
	case ANCHOR_FUZZY:
		return "fuzzy";
	case ANCHOR_ORPHAN:
		break;
	}
	return "orphan";
}

static size_t
absdiff(size_t a, size_t b)
{
	return a > b ? a - b : b - a;
}

/* Bytes of the stored prefix that the text just before pos still agrees with. */
static size_t
agree_before(const char *text, size_t pos, const struct anchor_target *t)
{
	size_t i = 0;

	while (i < t->plen && i < pos && text[pos - 1 - i] == t->prefix[t->plen - 1 - i])
		i++;
	return i;
}

/* Bytes of the stored suffix that the text from pos on still agrees with. */
static size_t
agree_after(const char *text, size_t len, size_t pos, const struct anchor_target *t)
{
	size_t i = 0;

	while (i < t->slen && pos + i < len && text[pos + i] == t->suffix[i])
		i++;
	return i;
}

static int
find_exact(const char *text, size_t len, const struct anchor_target *t,
    struct anchor_result *r)
{
	const char *p, *end = text + len;
	size_t pos, agree, dist, best_agree = 0, best_dist = 0, n = 0;
	int found = 0;

	for (p = memmem(text, len, t->quote, t->qlen); p != NULL && n < EXACT_MAX;
	    p = memmem(p + 1, (size_t)(end - p - 1), t->quote, t->qlen)) {
		pos = (size_t)(p - text);
		n++;
		if (!utf8_boundary(text, len, pos) ||
		    !utf8_boundary(text, len, pos + t->qlen))
			continue;
		agree = agree_before(text, pos, t) +
		    agree_after(text, len, pos + t->qlen, t);
		dist = absdiff(pos, t->start);
		if (!found || agree > best_agree ||
		    (agree == best_agree && dist < best_dist)) {
			found = 1;
			best_agree = agree;
			best_dist = dist;
			r->start = pos;
		}
		if (p + 1 >= end)
			break;
	}
	if (found)
		r->end = r->start + t->qlen;
	return found;
}

/* Code points of s[0..n) with the byte offset of each (off has n+1 room). */
static size_t
decode(const char *s, size_t n, uint32_t *cp, size_t *off)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, c = 0, k;

	while (i < n) {
		k = utf8_valid_len(u + i, n - i);
		if (off != NULL)
			off[c] = i;
		if (k == 0) {
			/* a bad byte: a value no valid sequence decodes to */
			cp[c++] = 0xdc00u + u[i];
			i++;
			continue;
		}
		switch (k) {
		case 1:
			cp[c] = u[i];
			break;
		case 2:
			cp[c] = ((u[i] & 0x1fu) << 6) | (u[i + 1] & 0x3fu);
			break;
		case 3:
			cp[c] = ((u[i] & 0x0fu) << 12) | ((u[i + 1] & 0x3fu) << 6) |
			    (u[i + 2] & 0x3fu);
			break;
		default:
			cp[c] = ((u[i] & 0x07u) << 18) | ((u[i + 1] & 0x3fu) << 12) |
			    ((u[i + 2] & 0x3fu) << 6) | (u[i + 3] & 0x3fu);
			break;
		}
		c++;
		i += k;
	}
	if (off != NULL)
		off[c] = n;
	return c;
}

struct fuzzy {
	const char		*text;
	size_t			 len;
	const struct anchor_target *t;
	uint32_t		*q;		/* the quote's code points */
	size_t			 m;
	int			 found;
	size_t			 best_d, best_start, best_end;
	/* scratch, grown as needed */
	uint32_t		*w;
	size_t			*woff;
	size_t			*col, *cols, *prev, *prevs;
};

/*
 * Approximate substring match (edit distance with a free start and end in the text)
 * over text[ws..we), one column per text code point. Each cell also carries where its
 * alignment started, so the best span falls out of one pass.
 */
static void
fuzzy_window(struct fuzzy *f, size_t ws, size_t we)
{
	size_t n, i, j, m = f->m, d, s, sub, del, ins, start, end;
	size_t *tmp;

	f->w = xreallocarray(f->w, we - ws + 1, sizeof *f->w);
	f->woff = xreallocarray(f->woff, we - ws + 1, sizeof *f->woff);
	n = decode(f->text + ws, we - ws, f->w, f->woff);
	for (i = 0; i <= m; i++) {
		f->prev[i] = i;
		f->prevs[i] = 0;
	}
	for (j = 1; j <= n; j++) {
		f->col[0] = 0;
		f->cols[0] = j;
		for (i = 1; i <= m; i++) {
			sub = f->prev[i - 1] + (f->q[i - 1] != f->w[j - 1]);
			del = f->prev[i] + 1;
			ins = f->col[i - 1] + 1;
			if (sub <= del && sub <= ins) {
				d = sub;
				s = f->prevs[i - 1];
			} else if (del <= ins) {
				d = del;
				s = f->prevs[i];
			} else {
				d = ins;
				s = f->cols[i - 1];
			}
			f->col[i] = d;
			f->cols[i] = s;
		}
		d = f->col[m];
		start = ws + f->woff[f->cols[m]];
		end = ws + f->woff[j];
		if (end > start && (!f->found || d < f->best_d ||
		    (d == f->best_d && absdiff(start, f->t->start) <
		    absdiff(f->best_start, f->t->start)))) {
			f->found = 1;
			f->best_d = d;
			f->best_start = start;
			f->best_end = end;
		}
		tmp = f->prev, f->prev = f->col, f->col = tmp;
		tmp = f->prevs, f->prevs = f->cols, f->cols = tmp;
	}
}

/* A window around an expected start, sized to the cell budget, on boundaries. */
static void
fuzzy_around(struct fuzzy *f, size_t center)
{
	size_t budget_cp, slack, ws, we;

	budget_cp = FUZZY_WINDOW_CELLS / (f->m ? f->m : 1);
	slack = budget_cp > f->m ? (budget_cp - f->m) / 2 : 0;
	if (slack < f->m / 2 + 8)
		slack = f->m / 2 + 8;
	if (center > f->len)
		center = f->len;
	/* slack counts code points: step by code points so CJK windows stay fair */
	ws = utf8_back(f->text, f->len, center, slack);
	we = utf8_fwd(f->text, f->len, center, f->m + slack);
	if (we > ws)
		fuzzy_window(f, ws, we);
}

/* Up to FUZZY_CENTERS places where probe occurs, nearest to near first. */
static size_t
context_hits(const char *text, size_t len, const char *probe, size_t plen,
    size_t near, size_t *hits)
{
	const char *p, *end = text + len;
	size_t n = 0, pos, i, k, seen = 0;

	if (plen == 0)
		return 0;
	for (p = memmem(text, len, probe, plen); p != NULL && seen < EXACT_MAX;
	    p = memmem(p + 1, (size_t)(end - p - 1), probe, plen)) {
		pos = (size_t)(p - text);
		seen++;
		/* keep the FUZZY_CENTERS closest, insertion-sorted */
		for (i = 0; i < n && absdiff(hits[i], near) <= absdiff(pos, near); i++)
			;
		if (i < FUZZY_CENTERS) {
			k = n < FUZZY_CENTERS ? n : FUZZY_CENTERS - 1;
			memmove(hits + i + 1, hits + i, (k - i) * sizeof *hits);
			hits[i] = pos;
			if (n < FUZZY_CENTERS)
				n++;
		}
		if (p + 1 >= end)
			break;
	}
	return n;
}

static int
find_fuzzy(const char *text, size_t len, const struct anchor_target *t,
    struct anchor_result *r)
{
	struct fuzzy f = { .text = text, .len = len, .t = t };
	size_t hits[FUZZY_CENTERS], nh, i, k, plen, tcp;

	f.q = xreallocarray(NULL, t->qlen + 1, sizeof *f.q);
	f.m = decode(t->quote, t->qlen, f.q, NULL);
	if (f.m == 0 || f.m > FUZZY_MAX_QUOTE || len == 0) {
		free(f.q);
		return 0;
	}
	f.col = xreallocarray(NULL, f.m + 1, sizeof *f.col);
	f.cols = xreallocarray(NULL, f.m + 1, sizeof *f.cols);
	f.prev = xreallocarray(NULL, f.m + 1, sizeof *f.prev);
	f.prevs = xreallocarray(NULL, f.m + 1, sizeof *f.prevs);

	/* len bounds the code point count: a cheap test before counting */
	tcp = len <= FUZZY_WHOLE_CELLS / f.m ? utf8_cpcount(text, len) : (size_t)-1;
	if (tcp != (size_t)-1 && tcp * f.m <= FUZZY_WHOLE_CELLS)
		fuzzy_window(&f, 0, len);
	else {
		fuzzy_around(&f, t->start);
		/* where the prefix still ends, the passage probably starts */
		plen = t->plen < CONTEXT_PROBE ? t->plen : CONTEXT_PROBE;
		k = t->plen - plen;
		while (k < t->plen && !utf8_boundary(t->prefix, t->plen, k))
			k++;
		nh = context_hits(text, len, t->prefix + k, t->plen - k, t->start, hits);
		for (i = 0; i < nh; i++)
			fuzzy_around(&f, hits[i] + (t->plen - k));
		/* where the suffix still starts, the passage probably ends */
		plen = t->slen < CONTEXT_PROBE ? t->slen : CONTEXT_PROBE;
		while (plen > 0 && !utf8_boundary(t->suffix, t->slen, plen))
			plen--;
		nh = context_hits(text, len, t->suffix, plen, t->end, hits);
		for (i = 0; i < nh; i++)
			fuzzy_around(&f, hits[i] > t->qlen ? hits[i] - t->qlen : 0);
	}
	if (f.found && f.best_d * 100 <= f.m * ANCHOR_FUZZY_PERCENT) {
		r->start = f.best_start;
		r->end = f.best_end;
		r->distance = f.best_d;
	} else
		f.found = 0;
	free(f.q);
	free(f.w);
	free(f.woff);
	free(f.col);
	free(f.cols);
	free(f.prev);
	free(f.prevs);
	return f.found;
}

void
anchor_find(const char *text, size_t len, const struct anchor_target *t,
    struct anchor_result *r)
{
	memset(r, 0, sizeof *r);
	r->status = ANCHOR_ORPHAN;
	if (t->qlen == 0 || text == NULL)
		return;
	if (t->start <= len && t->end <= len && t->start < t->end &&
	    t->end - t->start == t->qlen &&
	    memcmp(text + t->start, t->quote, t->qlen) == 0) {
		r->status = ANCHOR_KEPT;
		r->start = t->start;
		r->end = t->end;
		return;
	}
	if (find_exact(text, len, t, r)) {
		r->status = ANCHOR_MOVED;
		return;
	}
	if (find_fuzzy(text, len, t, r))
		r->status = ANCHOR_FUZZY;
}
