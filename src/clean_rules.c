/* clean_rules.c - loading boilerplate.rules and glossary.tsv; phrase lookup */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede/clean.h"
#include "lede/util.h"
#include "clean_int.h"

static const char *const how_names[] = {
	"exact", "prefix", "suffix", "contains", "glob"
};

static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

uint64_t
word_key(const char *t, size_t s, size_t e)
{
	uint64_t h = 1469598103934665603ULL;

	for (; s < e; s++) {
		h ^= ascii_lower[(unsigned char)t[s]];
		h *= 1099511628211ULL;
	}
	return h | 1;
}

static int
eq_bytes(const char *a, const char *b, size_t n, int cased)
{
	size_t i;

	if (cased)
		return memcmp(a, b, n) == 0;
	for (i = 0; i < n; i++)
		if (lc((unsigned char)a[i]) != lc((unsigned char)b[i]))
			return 0;
	return 1;
}

/* '*' matches any run of bytes. */
static int
glob_match(const char *p, size_t pn, const char *s, size_t sn, int cased)
{
	size_t i, seg;

	while (pn > 0 && *p != '*') {
		if (sn == 0 || !eq_bytes(p, s, 1, cased))
			return 0;
		p++, pn--, s++, sn--;
	}
	if (pn == 0)
		return sn == 0;
	p++, pn--;
	if (pn == 0)
		return 1;
	for (seg = 0; seg < pn && p[seg] != '*'; seg++)
		;
	/* The last star: what follows can only match at the end ("* Comments"),
	 * so compare there instead of at every position of the line. */
	if (seg == pn)
		return sn >= pn && eq_bytes(p, s + sn - pn, pn, cased);
	for (i = 0; i + seg <= sn; i++)
		if (eq_bytes(p, s + i, seg, cased) &&
		    glob_match(p, pn, s + i, sn - i, cased))
			return 1;
	return 0;
}

/* Phrase rules are for short lines; long prose only gets the anchored kinds, which
 * keeps a long article linear in its length. */
#define CONTAINS_MAX	200

/* Where a byte pair sits in the window table. */
static unsigned
wm_hash(unsigned a, unsigned b)
{
	return (a << 4 ^ b) & (WM_TABLE - 1);
}

static int
pair_bit(const uint64_t *m, unsigned a, unsigned b)
{
	unsigned k = a << 8 | b;

	return (m[k >> 6] >> (k & 63)) & 1;
}

/* Does text equal the lowercase pat when folded to lowercase? */
static int
eq_folded(const char *t, const char *pat, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ascii_lower[(unsigned char)t[i]] != (unsigned char)pat[i])
			return 0;
	return 1;
}

/* Do the rule's lr->len bytes stand at p (folded unless the rule is cased)? */
static int
rule_eq(const struct line_rule *lr, const char *p)
{
	return lr->cased ? memcmp(p, lr->pat, lr->len) == 0 :
	    eq_folded(p, lr->pat, lr->len);
}

/* The smallest contains rule below best that opens at t[j], or best. */
static size_t
contains_at(const struct clean_rules *r, const char *t, size_t j, size_t n, size_t best)
{
	unsigned a = ascii_lower[(unsigned char)t[j]];
	unsigned b = j + 1 < n ? ascii_lower[(unsigned char)t[j + 1]] : 0;
	const struct rule_list *l;
	size_t k;

	if (!pair_bit(r->heads, a, b))
		return best;
	l = &r->byhead[a];
	for (k = 0; k < l->n && l->v[k] < best; k++) {
		const struct line_rule *lr = &r->lr[l->v[k]];
		if (lr->len <= n - j && (lr->cased ? memcmp(t + j, lr->pat, lr->len) == 0 :
		    eq_folded(t + j, lr->pat, lr->len)))
			return l->v[k];
	}
	return best;
}

/* The smallest contains rule below best that occurs in the line, or best.
 * Every pattern is at least wm_min bytes long, so a window of that many bytes
 * moves along the line; the byte pair at its end says how far it may move
 * before it could end on a pattern's first wm_min bytes (a multi-pattern
 * Horspool walk, in the manner of Wu and Manber), and only where it may not
 * move are the patterns opening at the window's start checked. Short patterns
 * leave a short window, which moves too little to gain: there every byte is
 * checked. */
static size_t
contains_first(const struct clean_rules *r, const char *t, size_t n, size_t best)
{
	size_t j, m = r->wm_min;

	if (m < 4) {
		for (j = 0; j < n && best > r->first_contains; j++)
			best = contains_at(r, t, j, n, best);
		return best;
	}
	for (j = m - 1; j < n && best > r->first_contains;) {
		unsigned sh = r->wm_shift[wm_hash(ascii_lower[(unsigned char)t[j - 1]],
		    ascii_lower[(unsigned char)t[j]])];
		if (sh == 0) {
			best = contains_at(r, t, j + 1 - m, n, best);
			sh = 1;
		}
		j += sh;
	}
	return best;
}

const struct line_rule *
rules_match_line(const struct clean_rules *r, const char *t, size_t s, size_t e)
{
	size_t k, n = e - s, nl, best = SIZE_MAX;
	const struct rule_list *l;

	if (r == NULL || n == 0)
		return NULL;
	/* the rules compare folding as they go, and most stop at a byte or two */
	nl = n < CONTAINS_MAX ? n : CONTAINS_MAX;
	l = &r->byfirst[ascii_lower[(unsigned char)t[s]]];
	for (k = 0; k < l->n; k++) {
		const struct line_rule *lr = &r->lr[l->v[k]];
		if (lr->how == HOW_EXACT ? (n != lr->len || n > nl) : lr->len > nl)
			continue;
		/* the first byte matched by the filing; most others fail on the
		 * second, checked here before the call */
		if (lr->len > 1 && ascii_lower[(unsigned char)t[s + 1]] !=
		    ascii_lower[(unsigned char)lr->pat[1]])
			continue;
		if (rule_eq(lr, t + s)) {
			best = l->v[k];
			break;
		}
	}
	l = &r->bylast[ascii_lower[(unsigned char)t[e - 1]]];
	for (k = 0; k < l->n && l->v[k] < best; k++) {
		const struct line_rule *lr = &r->lr[l->v[k]];
		if (n >= lr->len && rule_eq(lr, t + e - lr->len)) {
			best = l->v[k];
			break;
		}
	}
	if (n > CONTAINS_MAX)
		return best != SIZE_MAX ? &r->lr[best] : NULL;
	for (k = 0; k < r->globs.n && r->globs.v[k] < best; k++) {
		const struct line_rule *lr = &r->lr[r->globs.v[k]];
		/* the literal bytes at either end, before any folding */
		if ((lr->pat[0] != '*' && ascii_lower[(unsigned char)t[s]] !=
		    ascii_lower[(unsigned char)lr->pat[0]]) ||
		    (lr->pat[lr->len - 1] != '*' && ascii_lower[(unsigned char)t[e - 1]] !=
		    ascii_lower[(unsigned char)lr->pat[lr->len - 1]]))
			continue;
		/* folding as it compares: most globs only look at a few bytes
		 * ("* Comments" at the line's end), so a lowercased copy of the
		 * line would cost more than it saves */
		if (glob_match(lr->pat, lr->len, t + s, n, lr->cased)) {
			best = r->globs.v[k];
			break;
		}
	}
	if (r->first_contains < best)
		best = contains_first(r, t + s, n, best);
	return best != SIZE_MAX ? &r->lr[best] : NULL;
}

/* Splits a line on tabs (runs of tabs count as one); returns the field count. */
static size_t
split_tabs(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *p = line;

	while (*p != '\0' && n < max) {
		while (*p == '\t')
			p++;
		if (*p == '\0')
			break;
		f[n++] = p;
		while (*p != '\0' && *p != '\t')
			p++;
		if (*p == '\t')
			*p++ = '\0';
	}
	while (*p == '\t')
		p++;
	if (*p != '\0')
		return max + 1;
	return n;
}

static void
complain(void (*warn)(const char *, void *), void *ctx, const char *file,
    size_t lineno, const char *what)
{
	char *m;

	if (warn == NULL)
		return;
	m = xasprintf("%s:%zu: %s", file, lineno, what);
	warn(m, ctx);
	free(m);
}

static int
find_name(const char *s, const char *(*name)(int), int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(s, name(i)) == 0)
			return i;
	return -1;
}

static const char *
cls_name(int i)
{
	return line_class_name((enum line_class)i);
}

static const char *
sub_name(int i)
{
	return bp_subtype_name((enum bp_subtype)i);
}

static const char *
kind_name(int i)
{
	return artifact_kind_name((enum artifact_kind)i);
}

static const char *
how_name(int i)
{
	return how_names[i];
}

/* Calls fn for each line of text with its number; strips \r and trailing blanks. */
static int
each_line(const char *text, size_t len, int (*fn)(char *, size_t, void *), void *arg)
{
	size_t s = 0, e, lineno = 0;
	int bad = 0;
	char *buf;

	while (s < len) {
		lineno++;
		for (e = s; e < len && text[e] != '\n'; e++)
			;
		buf = xstrndup(text + s, e - s);
		{
			size_t n = strlen(buf);
			while (n > 0 && (buf[n - 1] == '\r' || buf[n - 1] == ' '))
				buf[--n] = '\0';
		}
		if (buf[0] != '\0' && buf[0] != '#')
			bad += fn(buf, lineno, arg) != 0;
		free(buf);
		s = e + 1;
	}
	return bad ? -1 : 0;
}

struct parse_ctx {
	struct clean_rules	*r;
	const char		*file;
	void			(*warn)(const char *, void *);
	void			*ctx;
};

static int
one_line_rule(char *line, size_t lineno, void *arg)
{
	struct parse_ctx *pc = arg;
	struct line_rule lr;
	char *f[5];
	size_t n;
	int c, h;

	n = split_tabs(line, f, 4);
	if (n < 3 || n > 4) {
		complain(pc->warn, pc->ctx, pc->file, lineno,
		    "expected CLASS<TAB>HOW<TAB>PHRASE[<TAB>case]");
		return -1;
	}
	memset(&lr, 0, sizeof lr);
	if ((c = find_name(f[0], sub_name, BP_OTHER + 1)) > 0) {
		lr.cls = LC_BOILERPLATE;
		lr.sub = (enum bp_subtype)c;
	} else if ((c = find_name(f[0], cls_name, LC_EMPTY + 1)) >= 0 &&
	    c != LC_BOILERPLATE && c != LC_EMPTY && c != LC_TITLE) {
		lr.cls = (enum line_class)c;
		lr.sub = BP_NONE;
	} else {
		char *m = xasprintf("unknown class or subtype \"%s\"", f[0]);
		complain(pc->warn, pc->ctx, pc->file, lineno, m);
		free(m);
		return -1;
	}
	if ((h = find_name(f[1], how_name, HOW_GLOB + 1)) < 0) {
		char *m = xasprintf("unknown match \"%s\" (exact, prefix, suffix, "
		    "contains, glob)", f[1]);
		complain(pc->warn, pc->ctx, pc->file, lineno, m);
		free(m);
		return -1;
	}
	lr.how = (enum rule_how)h;
	if (n == 4) {
		if (strcmp(f[3], "case") != 0) {
			complain(pc->warn, pc->ctx, pc->file, lineno,
			    "the fourth field can only be \"case\"");
			return -1;
		}
		lr.cased = 1;
	}
	lr.pat = xstrdup(f[2]);
	lr.len = strlen(lr.pat);
	if (!lr.cased)
		for (c = 0; c < (int)lr.len; c++)
			lr.pat[c] = (char)lc((unsigned char)lr.pat[c]);
	pc->r->lr = xreallocarray(pc->r->lr, pc->r->nlr + 1, sizeof *pc->r->lr);
	pc->r->lr[pc->r->nlr++] = lr;
	return 0;
}

static int
has_upper(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			return 1;
	return 0;
}

static int
one_gloss(char *line, size_t lineno, void *arg)
{
	struct parse_ctx *pc = arg;
	struct gloss g;
	char *f[5];
	size_t n, we;
	int k;

	n = split_tabs(line, f, 4);
	if (n < 3 || n > 4) {
		complain(pc->warn, pc->ctx, pc->file, lineno,
		    "expected KIND<TAB>PHRASE<TAB>SUGGESTION<TAB>NOTE");
		return -1;
	}
	memset(&g, 0, sizeof g);
	if ((k = find_name(f[0], kind_name, AK_OTHER + 1)) < 0) {
		char *m = xasprintf("unknown kind \"%s\"", f[0]);
		complain(pc->warn, pc->ctx, pc->file, lineno, m);
		free(m);
		return -1;
	}
	g.kind = (enum artifact_kind)k;
	/* "[Uzbekistan]'s Defense Minister": flag only the bracketed part */
	{
		char *lb = strchr(f[1], '['), *rb = strchr(f[1], ']');
		if ((lb == NULL) != (rb == NULL) || (lb != NULL && rb < lb)) {
			complain(pc->warn, pc->ctx, pc->file, lineno,
			    "unbalanced [ ] in the phrase");
			return -1;
		}
		if (lb != NULL) {
			g.fs = (size_t)(lb - f[1]);
			g.fe = (size_t)(rb - f[1]) - 1;
			memmove(rb, rb + 1, strlen(rb + 1) + 1);
			memmove(lb, lb + 1, strlen(lb + 1) + 1);
		}
	}
	g.len = strlen(f[1]);
	if (g.fe <= g.fs) {
		g.fs = 0;
		g.fe = g.len;
	}
	for (we = 0; we < g.len && u8_wordch(f[1], we, g.len); we += u8_seq(f[1], we, g.len))
		;
	if (we == 0) {
		complain(pc->warn, pc->ctx, pc->file, lineno,
		    "the phrase must begin with a letter or digit");
		return -1;
	}
	g.phrase = xstrdup(f[1]);
	g.sugg = xstrdup(strcmp(f[2], "-") == 0 ? "" : f[2]);
	g.note = xstrdup(n == 4 ? f[3] : "");
	/* A lowercase phrase is a wording, whatever its case in the text; a cased one
	 * is a name, and a casing entry is about case itself. */
	g.cased = g.kind == AK_CASING || has_upper(g.phrase);
	g.key = word_key(g.phrase, 0, we);
	pc->r->gl = xreallocarray(pc->r->gl, pc->r->ngl + 1, sizeof *pc->r->gl);
	pc->r->gl[pc->r->ngl++] = g;
	return 0;
}

int
rules_parse_lines(struct clean_rules *r, const char *file, const char *text, size_t len,
    void (*warn)(const char *, void *), void *ctx)
{
	struct parse_ctx pc = { r, file, warn, ctx };

	return each_line(text, len, one_line_rule, &pc);
}

int
rules_parse_gloss(struct clean_rules *r, const char *file, const char *text, size_t len,
    void (*warn)(const char *, void *), void *ctx)
{
	struct parse_ctx pc = { r, file, warn, ctx };

	return each_line(text, len, one_gloss, &pc);
}

/* Longest phrase first within one first word, so "Beixi 2" wins over "Beixi". */
static int
by_len(const void *a, const void *b)
{
	const struct gloss *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->len > y->len ? -1 : x->len < y->len;
}

static int
swap_case(int c)
{
	if (c >= 'a' && c <= 'z')
		return c - 32;
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static void
list_clear(struct rule_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static void
list_add(struct rule_list *l, size_t i)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = i;
}

void
rules_index(struct clean_rules *r)
{
	size_t i, j;

	/* line rules: a cased rule is filed under its lowercased byte too, since
	 * lines are looked up by their lowercased bytes */
	for (i = 0; i < 256; i++) {
		list_clear(&r->byfirst[i]);
		list_clear(&r->bylast[i]);
		list_clear(&r->byhead[i]);
	}
	list_clear(&r->globs);
	memset(r->heads, 0, sizeof r->heads);
	r->first_contains = SIZE_MAX;
	r->wm_min = SIZE_MAX;
	for (i = 0; i < r->nlr; i++) {
		const struct line_rule *lr = &r->lr[i];
		unsigned f = ascii_lower[(unsigned char)lr->pat[0]];
		switch (lr->how) {
		case HOW_EXACT:
		case HOW_PREFIX:
			list_add(&r->byfirst[f], i);
			break;
		case HOW_SUFFIX:
			list_add(&r->bylast[ascii_lower[(unsigned char)lr->pat[lr->len - 1]]], i);
			break;
		case HOW_CONTAINS:
			list_add(&r->byhead[f], i);
			if (r->first_contains == SIZE_MAX)
				r->first_contains = i;
			if (lr->len < r->wm_min)
				r->wm_min = lr->len;
			/* a one-byte pattern opens with every pair of its byte */
			for (j = 0; j < 256; j++) {
				unsigned k = f << 8 | (unsigned)(lr->len > 1 ?
				    ascii_lower[(unsigned char)lr->pat[1]] : j);
				r->heads[k >> 6] |= 1ULL << (k & 63);
			}
			break;
		case HOW_GLOB:
			list_add(&r->globs, i);
			break;
		}
	}

	/* the window table: how far a window ending on a byte pair may move before
	 * it could end on the first wm_min bytes of a pattern (on a collision of
	 * two pairs, the nearer) */
	if (r->wm_min != SIZE_MAX && r->wm_min >= 4) {
		size_t m = r->wm_min, q;
		memset(r->wm_shift, (int)(m - 1 < 255 ? m - 1 : 255), sizeof r->wm_shift);
		for (i = 0; i < r->nlr; i++) {
			const struct line_rule *lr = &r->lr[i];
			if (lr->how != HOW_CONTAINS)
				continue;
			for (q = 0; q + 1 < m; q++) {
				unsigned h = wm_hash(ascii_lower[(unsigned char)lr->pat[q]],
				    ascii_lower[(unsigned char)lr->pat[q + 1]]);
				if (m - 2 - q < r->wm_shift[h])
					r->wm_shift[h] = (unsigned char)(m - 2 - q);
			}
		}
	}

	free(r->slot);
	if (r->ngl > 1)
		qsort(r->gl, r->ngl, sizeof *r->gl, by_len);
	memset(r->gl_len, 0, sizeof r->gl_len);
	for (i = 0; i < r->ngl; i++) {
		const struct gloss *g = &r->gl[i];
		size_t we = 0;
		unsigned b;
		while (we < g->len && u8_wordch(g->phrase, we, g->len))
			we += u8_seq(g->phrase, we, g->len);
		/* the text's word is looked up as it is: file both casings of the
		 * first letter (the second byte's five bits are the same in both) */
		b = we > 1 ? (unsigned char)g->phrase[1] & 0x1f : 0;
		for (j = 0; j < 2; j++) {
			unsigned a = (unsigned char)(j ? swap_case(g->phrase[0]) :
			    g->phrase[0]);
			r->gl_len[a][b] |= (uint16_t)(1u << (we > 15 ? 15 : we));
		}
	}
	r->nslot = 16;
	while (r->nslot < r->ngl * 2)
		r->nslot *= 2;
	r->slot = xcalloc(r->nslot, sizeof *r->slot);
	/* each slot holds the first entry of a run with one key */
	for (i = 0; i < r->ngl; i++) {
		if (i > 0 && r->gl[i - 1].key == r->gl[i].key)
			continue;
		j = r->gl[i].key & (r->nslot - 1);
		while (r->slot[j] != 0)
			j = (j + 1) & (r->nslot - 1);
		r->slot[j] = i + 1;
	}
}

void
rules_gloss_at(const struct clean_rules *r, const char *t, size_t s, size_t we,
    size_t lend, void (*fn)(const struct gloss *, size_t, size_t, void *), void *arg)
{
	uint64_t key;
	size_t j, i;

	if (r == NULL || r->ngl == 0)
		return;
	if (!rules_gloss_maybe(r, t + s, we - s))
		return;
	key = word_key(t, s, we);
	for (j = key & (r->nslot - 1); r->slot[j] != 0; j = (j + 1) & (r->nslot - 1)) {
		if (r->gl[r->slot[j] - 1].key != key)
			continue;
		for (i = r->slot[j] - 1; i < r->ngl && r->gl[i].key == key; i++) {
			const struct gloss *g = &r->gl[i];
			size_t e = s + g->len;
			/* a lowercase phrase may open a sentence: only its first
			 * letter may differ in case ("East Wing" is a name) */
			if (e > lend || lc((unsigned char)t[s]) != lc((unsigned char)g->phrase[0]) ||
			    !eq_bytes(t + s + 1, g->phrase + 1, g->len - 1, 1))
				continue;
			if (e < lend && u8_wordch(t, e, lend) &&
			    u8_wordch(g->phrase, g->len - 1, g->len))
				continue;
			fn(g, s, e, arg);
			return;
		}
		return;
	}
}

static void
load_file(struct clean_rules *r, const char *dir, const char *name, int gloss,
    void (*warn)(const char *, void *), void *ctx)
{
	char err[256], *path, *data;
	size_t len;

	if (dir == NULL)
		return;
	path = xasprintf("%s/%s", dir, name);
	if (read_file(path, &data, &len, err, sizeof err) == 0) {
		if (gloss)
			rules_parse_gloss(r, path, data, len, warn, ctx);
		else
			rules_parse_lines(r, path, data, len, warn, ctx);
		free(data);
	}
	free(path);
}

/* LEDE_NO_GLOSSARY: measure the signals that need no list without the list. */
static int
no_glossary(void)
{
	const char *v = getenv("LEDE_NO_GLOSSARY");

	return v != NULL && *v != '\0';
}

struct clean_rules *
clean_rules_load(const char *datadir, const char *userdir,
    void (*warn)(const char *, void *), void *ctx)
{
	struct clean_rules *r = xcalloc(1, sizeof *r);

	/* the first matching line rule wins: the user's come first */
	load_file(r, userdir, "boilerplate.rules", 0, warn, ctx);
	load_file(r, datadir, "boilerplate.rules", 0, warn, ctx);
	if (!no_glossary()) {
		load_file(r, datadir, "glossary.tsv", 1, warn, ctx);
		load_file(r, userdir, "glossary.tsv", 1, warn, ctx);
	}
	rules_index(r);
	return r;
}

void
clean_rules_free(struct clean_rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nlr; i++)
		free(r->lr[i].pat);
	for (i = 0; i < r->ngl; i++) {
		free(r->gl[i].phrase);
		free(r->gl[i].sugg);
		free(r->gl[i].note);
	}
	for (i = 0; i < 256; i++) {
		list_clear(&r->byfirst[i]);
		list_clear(&r->bylast[i]);
		list_clear(&r->byhead[i]);
	}
	list_clear(&r->globs);
	free(r->lr);
	free(r->gl);
	free(r->slot);
	free(r);
}
