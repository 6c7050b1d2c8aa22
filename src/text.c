/* text.c - UTF-8 for the screen: decoding, grapheme widths, sanitising, wrapping */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uniwidth.h>

#include "lede/text.h"
#include "lede/util.h"

/* Break tables are computed for this many bytes at a time; a cluster or a line-break
 * context never needs more than MARGIN bytes beyond a position. */
#define CHUNK	(64 * 1024)
#define MARGIN	1024

size_t
text_decode(const char *s, size_t n, uint32_t *uc)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c;
	size_t len, i;

	if (p[0] < 0x80) {
		*uc = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		c = p[0] & 0x07;
	} else
		goto bad;
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (p[i] & 0x3f);
	}
	/* overlong, surrogate, out of range */
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*uc = c;
	return len;
bad:
	*uc = 0xfffd;
	return 1;
}

/* C1 introducers of string sequences (OSC, DCS, SOS, PM, APC) */
static int
is_string_intro(unsigned c)
{
	return c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_';
}

static size_t
string_seq_len(const unsigned char *p, size_t n, size_t i)
{
	for (; i < n; i++) {
		if (p[i] == 0x07 || p[i] == '\n')
			return i + (p[i] == 0x07);
		if (p[i] == 0x1b)
			return i + 1 + (i + 1 < n && p[i + 1] == '\\');
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] == 0x9c)
			return i + 2;
	}
	return n;
}

static size_t
csi_len(const unsigned char *p, size_t n, size_t i)
{
	while (i < n && p[i] >= 0x20 && p[i] <= 0x3f)
		i++;
	if (i < n && p[i] >= 0x40 && p[i] <= 0x7e)
		i++;
	return i;
}

size_t
text_escape_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	if (n == 0)
		return 0;
	if (p[0] == 0xc2 && n >= 2) {
		if (p[1] == 0x9b)
			return csi_len(p, n, 2);
		if (p[1] == 0x9d || p[1] == 0x90 || p[1] == 0x98 || p[1] == 0x9e ||
		    p[1] == 0x9f)
			return string_seq_len(p, n, 2);
		return 0;
	}
	if (p[0] != 0x1b)
		return 0;
	if (n == 1)
		return 1;
	if (p[1] == '[')
		return csi_len(p, n, 2);
	if (is_string_intro(p[1]))
		return string_seq_len(p, n, 2);
	if (p[1] >= 0x20 && p[1] <= 0x2f) {	/* intermediates, then a final byte */
		for (i = 1; i < n && p[i] >= 0x20 && p[i] <= 0x2f; i++)
			;
		if (i < n && p[i] >= 0x30 && p[i] <= 0x7e)
			i++;
		return i;
	}
	if (p[1] >= 0x30 && p[1] <= 0x7e)
		return 2;
	return 1;
}

static int
is_emoji_base(uint32_t c)
{
	return uc_is_property_extended_pictographic(c) || uc_is_property_emoji(c);
}

static int
is_regional(uint32_t c)
{
	return c >= 0x1f1e6 && c <= 0x1f1ff;
}

/* Code points that would reorder or split what the terminal shows. */
static int
is_format_control(uint32_t c)
{
	return (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x200e || c == 0x200f || c == 0x061c;
}

/* Zero-width characters that would hide inside a word ("Pu\u200btin" drawn as
 * "Putin"): shown as placeholders. A joiner after a pictograph is part of an
 * emoji sequence and stays. */
static int
is_hidden_zero_width(uint32_t c, uint32_t prev)
{
	if (c == 0x200b || c == 0x200c || c == 0x2060 || c == 0xfeff)
		return 1;
	if (c != 0x200d)
		return 0;
	/* an emoji joiner follows a pictograph (or its modifier or presentation
	 * selector); decided by what comes before only, so that a cluster
	 * measures the same wherever the text after it is cut */
	return !(uc_is_property_extended_pictographic(prev) || prev == 0xfe0f ||
	    (prev >= 0x1f3fb && prev <= 0x1f3ff));
}

static int
cp_width(uint32_t c)
{
	int w = uc_width(c, "UTF-8");

	return w < 0 ? 0 : w;
}

int
text_cluster_width(const char *s, size_t n, int *fallback)
{
	size_t i = 0, k;
	uint32_t c, first = 0;
	int sum = 0, ri = 0, zwj = 0, mod = 0, ncp = 0, w;

	while (i < n) {
		k = text_decode(s + i, n - i, &c);
		if (ncp++ == 0)
			first = c;
		sum += cp_width(c);
		if (c == 0x200d)
			zwj = 1;
		else if (c >= 0x1f3fb && c <= 0x1f3ff)
			mod = 1;
		else if (is_regional(c))
			ri++;
		i += k;
	}
	if (ri >= 2 || ((zwj || mod) && is_emoji_base(first)))
		w = 2;
	else if (sum == 0 && ncp > 0 && uc_is_general_category(first,
	    uc_general_category_or(UC_CATEGORY_Mn, UC_CATEGORY_Me)))
		w = 1;		/* a mark without a base: shown on a space */
	else
		w = sum;
	if (fallback != NULL)
		*fallback = (w != sum);
	return w;
}

static void
set_show(struct glyph *g, const char *s)
{
	snprintf(g->show, sizeof g->show, "%s", s);
}

static void
caret(struct glyph *g, unsigned c)
{
	g->kind = GLYPH_PLACEHOLDER;
	g->show[0] = '^';
	g->show[1] = c == 0x7f ? '?' : (char)(c + 0x40);
	g->show[2] = '\0';
	g->width = 2;
}

static void
ucode(struct glyph *g, uint32_t c)
{
	g->kind = GLYPH_PLACEHOLDER;
	snprintf(g->show, sizeof g->show, "<U+%04X>", (unsigned)c);
	g->width = (int)strlen(g->show);
}

void
text_iter_init(struct text_iter *it, const char *s, size_t n, size_t pos)
{
	memset(it, 0, sizeof *it);
	it->s = s;
	it->n = n;
	it->pos = pos;
}

void
text_iter_free(struct text_iter *it)
{
	free(it->gb);
	free(it->lb);
	it->gb = it->lb = NULL;
}

/* Make the grapheme-break table cover pos and MARGIN bytes after it. */
static void
need_gb(struct text_iter *it, size_t pos)
{
	size_t len;

	if (it->gb != NULL && pos >= it->gb_base && (pos + MARGIN <= it->gb_base +
	    it->gb_len || it->gb_base + it->gb_len == it->n))
		return;
	len = it->n - pos < CHUNK ? it->n - pos : CHUNK;
	if (it->gb == NULL)
		it->gb = xmalloc(CHUNK);
	u8_grapheme_breaks((const uint8_t *)it->s + pos, len, it->gb);
	it->gb_base = pos;
	it->gb_len = len;
}

int
text_iter_break_before(struct text_iter *it, size_t pos)
{
	size_t base, len;
	char b;

	if (pos == 0 || pos >= it->n)
		return 0;
	if (it->lb == NULL || pos <= it->lb_base || (pos + MARGIN > it->lb_base +
	    it->lb_len && it->lb_base + it->lb_len != it->n)) {
		/* start a little before pos so that its context counts */
		base = pos > 256 ? pos - 256 : 0;
		while (base > 0 && ((unsigned char)it->s[base] & 0xc0) == 0x80)
			base--;
		len = it->n - base < CHUNK ? it->n - base : CHUNK;
		if (it->lb == NULL)
			it->lb = xmalloc(CHUNK);
		u8_possible_linebreaks((const uint8_t *)it->s + base, len, "UTF-8",
		    it->lb);
		it->lb_base = base;
		it->lb_len = len;
	}
	b = it->lb[pos - it->lb_base];
	return b == UC_BREAK_POSSIBLE || b == UC_BREAK_MANDATORY ||
	    b == UC_BREAK_HYPHENATION;
}

/* Where the cluster at pos ends: at the next grapheme break, before a control
 * character or an invalid byte. */
static size_t
cluster_end(struct text_iter *it, size_t pos)
{
	size_t q, k, lim;
	uint32_t c, prev;

	need_gb(it, pos);
	lim = it->gb_base + it->gb_len;
	q = pos + text_decode(it->s + pos, it->n - pos, &c);
	while (q < lim && !it->gb[q - it->gb_base]) {
		unsigned char b = (unsigned char)it->s[q];

		if (b < 0x20 || b == 0x7f)
			break;
		prev = c;
		k = text_decode(it->s + q, it->n - q, &c);
		if ((c == 0xfffd && k == 1) || is_format_control(c) ||
		    is_hidden_zero_width(c, prev))
			break;
		q += k;
	}
	return q;
}

int
text_iter_next(struct text_iter *it, struct glyph *g)
{
	const unsigned char *p = (const unsigned char *)it->s;
	size_t pos = it->pos, k, e;
	uint32_t c;
	unsigned b;

	if (pos >= it->n)
		return 0;
	memset(g, 0, sizeof *g);
	g->start = pos;
	b = p[pos];
	g->in_escape = pos < it->esc_end;

	if (b == 0x1b) {
		e = text_escape_len(it->s + pos, it->n - pos);
		if (pos + e > it->esc_end)
			it->esc_end = pos + e;
		g->in_escape = 1;
		caret(g, b);
		g->end = pos + 1;
	} else if (b == '\t' || b == ' ') {
		g->kind = GLYPH_SPACE;
		g->width = 1;
		set_show(g, " ");
		g->end = pos + 1;
	} else if (b == '\r' && pos + 1 == it->n) {
		g->kind = GLYPH_HIDDEN;
		g->end = pos + 1;
	} else if (b < 0x20 || b == 0x7f) {
		caret(g, b);
		g->end = pos + 1;
	} else if (b < 0x80 && (g->in_escape || pos + 1 == it->n || p[pos + 1] < 0x80)) {
		/* the common case: an ASCII character that nothing combines with */
		g->kind = g->in_escape ? GLYPH_PLACEHOLDER : GLYPH_TEXT;
		g->width = 1;
		g->show[0] = (char)b;
		g->end = pos + 1;
	} else {
		k = text_decode(it->s + pos, it->n - pos, &c);
		if (c == 0xfffd && k == 1) {
			g->kind = GLYPH_INVALID;
			g->width = 1;
			set_show(g, "\xef\xbf\xbd");
			g->end = pos + 1;
		} else if (c == 0xfeff && pos == 0) {
			g->kind = GLYPH_HIDDEN;		/* a byte order mark */
			g->end = pos + k;
		} else if (is_hidden_zero_width(c, 0)) {
			/* (a joiner that starts a glyph joins nothing) */
			ucode(g, c);
			g->end = pos + k;
		} else if (is_format_control(c)) {
			e = text_escape_len(it->s + pos, it->n - pos);
			if (e > 0) {
				if (pos + e > it->esc_end)
					it->esc_end = pos + e;
				g->in_escape = 1;
			}
			ucode(g, c);
			g->end = pos + k;
		} else if (g->in_escape) {
			/* inside a sequence: one code point at a time, never combined */
			g->end = pos + k;
			g->width = cp_width(c);
			if (g->width == 0 || g->width > 2)
				ucode(g, c);
			else
				g->kind = GLYPH_TEXT;
		} else {
			g->kind = GLYPH_TEXT;
			g->end = cluster_end(it, pos);
			g->width = text_cluster_width(it->s + pos, g->end - pos,
			    &g->fallback);
		}
	}
	it->pos = g->end;
	return 1;
}

/* Move back to a glyph boundary seen before; the break tables are kept. */
static void
iter_seek(struct text_iter *it, size_t pos)
{
	it->pos = pos;
	if (pos < it->esc_end) {
		/* rescan from a point where no sequence is open */
		it->esc_end = 0;
	}
}

int
text_width(const char *s, size_t n)
{
	struct text_iter it;
	struct glyph g;
	int w = 0;

	text_iter_init(&it, s, n, 0);
	while (text_iter_next(&it, &g))
		w += g.width;
	text_iter_free(&it);
	return w;
}

static void
add_glyph(struct buf *b, const char *s, const struct glyph *g)
{
	uint32_t c;
	size_t k;

	switch (g->kind) {
	case GLYPH_TEXT:
		if (g->show[0] != '\0' && g->end - g->start == 1)
			buf_addc(b, g->show[0]);
		else if (g->fallback) {
			k = text_decode(s + g->start, g->end - g->start, &c);
			buf_add(b, s + g->start, k);
		} else
			buf_add(b, s + g->start, g->end - g->start);
		break;
	case GLYPH_HIDDEN:
		break;
	default:
		buf_adds(b, g->show);
		break;
	}
}

char *
text_sanitize(const char *s, size_t n, int maxwidth)
{
	struct buf b = { 0 };
	struct text_iter it;
	struct glyph g;
	size_t seg = 0, nl;
	int w = 0, cut = 0;

	while (seg <= n && !cut) {
		const char *q = memchr(s + seg, '\n', n - seg);

		nl = q != NULL ? (size_t)(q - s) : n;
		text_iter_init(&it, s, nl, seg);
		while (text_iter_next(&it, &g)) {
			if (maxwidth >= 0 && w + g.width > maxwidth) {
				cut = 1;
				break;
			}
			add_glyph(&b, s, &g);
			w += g.width;
		}
		text_iter_free(&it);
		if (q == NULL)
			break;
		seg = nl + 1;
		if (!cut && (maxwidth < 0 || w + 1 <= maxwidth)) {
			buf_addc(&b, ' ');
			w++;
		} else
			cut = 1;
	}
	if (cut && maxwidth > 0) {
		/* make room for the ellipsis by dropping whole glyphs from the end */
		char *r = buf_detach(&b);

		free(r);
		b = (struct buf){ 0 };
		r = text_sanitize(s, n, -1);
		{
			struct text_iter it2;
			struct glyph g2;
			int w2 = 0;

			text_iter_init(&it2, r, strlen(r), 0);
			while (text_iter_next(&it2, &g2) && w2 + g2.width <= maxwidth - 1) {
				buf_add(&b, r + g2.start, g2.end - g2.start);
				w2 += g2.width;
			}
			text_iter_free(&it2);
		}
		free(r);
		buf_adds(&b, "\xe2\x80\xa6");
	}
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

void
text_wrap_init(struct text_wrap *w, const char *s, size_t n, int width)
{
	memset(w, 0, sizeof *w);
	text_iter_init(&w->it, s, n, 0);
	w->width = width < 1 ? 1 : width;
}

void
text_wrap_free(struct text_wrap *w)
{
	text_iter_free(&w->it);
}

int
text_wrap_next(struct text_wrap *w, struct text_row *r)
{
	struct glyph g;
	size_t last_break = (size_t)-1;
	int used = 0, ink = 0, ink_at_break = 0, gw;

	if (w->done)
		return 0;
	r->start = w->have_pending ? w->pending.start : w->it.pos;
	r->end = r->start;
	for (;;) {
		if (w->have_pending) {
			g = w->pending;
			w->have_pending = 0;
		} else if (!text_iter_next(&w->it, &g)) {
			w->done = 1;
			r->width = ink;
			return 1;
		}
		if (g.kind == GLYPH_SPACE || g.kind == GLYPH_HIDDEN) {
			/* spaces hang: they never push a row over */
			used += g.width;
			r->end = g.end;
			continue;
		}
		if (g.start > r->start && text_iter_break_before(&w->it, g.start)) {
			last_break = g.start;
			ink_at_break = ink;
		}
		gw = g.width;
		if (w->extra != NULL)
			gw += w->extra(w->extra_ctx, g.start, g.end);
		/* a glyph that fits with no earlier break stays even when its glued
		 * text does not: that text is cut when drawn, not the word split */
		if (used + gw > w->width && g.start > r->start &&
		    (used + g.width > w->width ||
		    (last_break != (size_t)-1 && last_break > r->start))) {
			if (last_break != (size_t)-1 && last_break > r->start) {
				r->end = last_break;
				r->width = ink_at_break;
				iter_seek(&w->it, last_break);
			} else {
				r->width = ink;
				w->pending = g;
				w->have_pending = 1;
			}
			return 1;
		}
		used += gw;
		ink = used;
		r->end = g.end;
	}
}

/* Where a case-insensitive match of pat at s[i] ends, or 0. Code point by code
 * point (simple case mapping), so offsets stay in the original bytes. */
static size_t
match_end(const char *s, size_t n, size_t i, const char *pat, size_t plen)
{
	size_t j = 0, ka, kb;
	uint32_t ca, cb;

	while (j < plen) {
		unsigned char a, b;

		if (i >= n)
			return 0;
		a = (unsigned char)s[i];
		b = (unsigned char)pat[j];
		if (a < 0x80 && b < 0x80) {
			if (a >= 'A' && a <= 'Z')
				a += 32;
			if (b >= 'A' && b <= 'Z')
				b += 32;
			if (a != b)
				return 0;
			i++;
			j++;
			continue;
		}
		ka = text_decode(s + i, n - i, &ca);
		kb = text_decode(pat + j, plen - j, &cb);
		if (ca != cb && uc_tolower(ca) != uc_tolower(cb))
			return 0;
		i += ka;
		j += kb;
	}
	return i;
}

size_t
text_find(const char *s, size_t n, size_t from, const char *pat, size_t plen,
    size_t *mlen)
{
	size_t i, e;
	unsigned char f0, f1;

	if (plen == 0)
		return (size_t)-1;
	/* an ASCII first letter: look for its two cases before anything else */
	f0 = f1 = (unsigned char)pat[0];
	if (f0 >= 'A' && f0 <= 'Z')
		f1 = f0 + 32;
	else if (f0 >= 'a' && f0 <= 'z')
		f1 = f0 - 32;
	for (i = from; i < n; i++) {
		if (f0 < 0x80 && (unsigned char)s[i] != f0 && (unsigned char)s[i] != f1)
			continue;
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;	/* a match starts on a character */
		if ((e = match_end(s, n, i, pat, plen)) != 0) {
			if (mlen != NULL)
				*mlen = e - i;
			return i;
		}
	}
	return (size_t)-1;
}

size_t
text_rfind(const char *s, size_t n, size_t before, const char *pat, size_t plen,
    size_t *mlen)
{
	size_t i, e;

	if (plen == 0)
		return (size_t)-1;
	if (before > n)
		before = n;
	for (i = before; i-- > 0;) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if ((e = match_end(s, n, i, pat, plen)) != 0) {
			if (mlen != NULL)
				*mlen = e - i;
			return i;
		}
	}
	return (size_t)-1;
}
