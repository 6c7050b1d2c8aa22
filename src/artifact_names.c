/* artifact_names.c - name variants: a spelling of a name that is near a better-attested
 * spelling of a name of the same type in the same article ("Poutin" beside "Putin"),
 * found after entity extraction from its mentions; needs no list. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lede/artifact.h"
#include "lede/util.h"

#define KEY_MAX		64	/* longer forms are not compared */
#define FORMS_MAX	4096	/* distinct forms compared pairwise per article */
#define NEAR_SCORE	0.85	/* agree after the transliteration rules */
#define EDIT_SCORE	0.7	/* one edit apart */

static int
alpha(unsigned char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static int
vowel(unsigned char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* The form as the transliteration rules see it: lowercase letters only (a word
 * split or a hyphen is no difference), ou -> u, j -> y -> i, ph -> f, ck -> k,
 * an h after a consonant dropped, a doubled letter single. Returns its length,
 * or 0 when the form is too long. */
static size_t
translit_key(const char *s, size_t n, char *k)
{
	size_t i, m = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '-' || c == '\'' || c == '.')
			continue;
		if (m == KEY_MAX)
			return 0;
		if (c < 0x80)
			c = (unsigned char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
		if (c == 'j' || c == 'y')
			c = 'i';
		if (m > 0 && c == 'u' && k[m - 1] == 'o') {
			k[m - 1] = 'u';
			continue;
		}
		if (m > 0 && c == 'h' && k[m - 1] == 'p') {
			k[m - 1] = 'f';
			continue;
		}
		if (m > 0 && c == 'k' && k[m - 1] == 'c') {
			k[m - 1] = 'k';
			continue;
		}
		if (m > 0 && c == 'h' && alpha((unsigned char)k[m - 1]) &&
		    !vowel((unsigned char)k[m - 1]))
			continue;
		if (m > 0 && c == (unsigned char)k[m - 1])
			continue;
		k[m++] = (char)c;
	}
	return m;
}

/* Lowercased letters and bytes, spaces and hyphens kept: for the edit distance. */
static size_t
plain_key(const char *s, size_t n, char *k)
{
	size_t i;

	if (n > KEY_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		k[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	return n;
}

/* One ends as the other with an s, or an 's: a plural or a possessive. */
static int
inflected(const char *a, size_t an, const char *b, size_t bn)
{
	if (an > bn)
		return inflected(b, bn, a, an);
	return (bn == an + 1 && (b[an] | 32) == 's') ||
	    (bn == an + 2 && b[an] == '\'' && (b[an + 1] | 32) == 's');
}

int
name_near(const char *a, size_t an, const char *b, size_t bn)
{
	char ka[KEY_MAX], kb[KEY_MAX];
	size_t na, nb, lo = an < bn ? an : bn, hi = an < bn ? bn : an;

	if (lo < 4 || inflected(a, an, b, bn))
		return 0;
	na = translit_key(a, an, ka);
	nb = translit_key(b, bn, kb);
	if (na == 0 || nb == 0)
		return 0;
	if (na == nb && memcmp(ka, kb, na) == 0)
		return 2;
	/* one edit: only between forms long enough that one letter is not a
	 * different name ("Iran", "Iraq") */
	if (hi < 5)
		return 0;
	na = plain_key(a, an, ka);
	nb = plain_key(b, bn, kb);
	if (na == 0 || nb == 0)
		return 0;
	/* a last letter changed, added or dropped is an ending in many languages
	 * (Systeme, Systemen), not a misspelling */
	if (memcmp(ka, kb, lo - 1) == 0)
		return 0;
	return edit_distance(ka, na, kb, nb, 1, 1) <= 1 ? 1 : 0;
}

/* The two forms differ only in doubled letters ("Garett", "Garrett"): a common
 * typo in any news, and two spellings of one family name as often. */
static int
doubling_only(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	while (i < an && j < bn) {
		if ((a[i] | 32) != (b[j] | 32))
			return 0;
		while (i + 1 < an && (a[i + 1] | 32) == (a[i] | 32))
			i++;
		while (j + 1 < bn && (b[j + 1] | 32) == (b[j] | 32))
			j++;
		i++;
		j++;
	}
	return i == an && j == bn;
}

/* --- forms of the article's names ------------------------------------------------ */

struct occ {
	size_t		 s, e;
	enum entity_type type;
	int		 whole;		/* a whole mention, not one of its words */
	uint64_t	 h;		/* hash of the lowercased form */
	size_t		 form;		/* index into the distinct forms */
};

struct form {
	size_t		 s, e;		/* first occurrence */
	uint64_t	 key;		/* hash of the transliteration key */
	size_t		 first;		/* its first occurrence */
	enum entity_type type;
	size_t		 n;		/* occurrences */
	long		 sugg;		/* the form it is a variant of, or -1 */
	int		 near;
};

static uint64_t
fold_hash(const char *t, size_t s, size_t e)
{
	char k[KEY_MAX];
	size_t n = plain_key(t + s, e - s, k);

	return hash_bytes(k, n);
}

static int
by_start(const void *x, const void *y)
{
	const struct occ *p = x, *q = y;

	if (p->s != q->s)
		return p->s < q->s ? -1 : 1;
	return p->e > q->e ? -1 : p->e < q->e;	/* the longer first */
}

/* A word that can be a name: capitalised, or not ASCII. */
static int
name_word(const char *t, size_t s, size_t e)
{
	unsigned char c = (unsigned char)t[s];

	return e - s >= 4 && e - s <= KEY_MAX && ((c >= 'A' && c <= 'Z') || c >= 0x80);
}

static void
occ_add(struct occ **v, size_t *n, size_t *cap, size_t s, size_t e, enum entity_type type,
    int whole, const char *t)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n] = (struct occ){ s, e, type, whole, fold_hash(t, s, e), 0 };
	(*n)++;
}

void
artifact_merge(struct clean_result *c, struct artifact *add, size_t nadd)
{
	struct artifact *m = xcalloc(c->narts + nadd + 1, sizeof *m);
	size_t i = 0, j = 0, k = 0;

	while (i < c->narts || j < nadd) {
		if (j == nadd || (i < c->narts && c->arts[i].start <= add[j].start)) {
			m[k++] = c->arts[i++];
			continue;
		}
		if ((k > 0 && m[k - 1].end > add[j].start) ||
		    (i < c->narts && c->arts[i].start < add[j].end)) {
			free(add[j].suggestion);
			free(add[j].note);
			j++;
			continue;
		}
		m[k++] = add[j++];
	}
	free(c->arts);
	c->arts = m;
	c->narts = k;
}

void
artifact_names(const struct article *a, const struct entity_result *er,
    struct clean_result *c)
{
	const char *t = a->text;
	struct occ *o = NULL;
	struct form *f = NULL;
	struct artifact *add = NULL;
	size_t no = 0, ocap = 0, nf = 0, nadd = 0, natt = 0, i, j, k, ja, *att = NULL;
	size_t *tab = NULL, tmask;
	int gated = !artifact_mt_evidence(c, t);

	for (i = 0; i < er->nents; i++) {
		const struct entity *en = &er->ents[i];
		for (j = 0; j < en->nmentions; j++) {
			size_t s = en->mentions[j].start, e = en->mentions[j].end, w;
			int multi = memchr(t + s, ' ', e - s) != NULL;
			if (e - s > KEY_MAX)
				continue;
			if (multi)
				occ_add(&o, &no, &ocap, s, e, en->type, 1, t);
			for (w = s; w < e;) {
				size_t we = w;
				while (we < e && t[we] != ' ')
					we++;
				if (name_word(t, w, we))
					occ_add(&o, &no, &ocap, w, we, en->type, !multi, t);
				w = we + 1;
			}
		}
	}
	if (no < 3)
		goto done;
	/* the distinct forms, by an open hash on type and folded form (no sort: an
	 * article has hundreds of mentions and this runs on every one) */
	f = xcalloc(no, sizeof *f);
	for (tmask = 63; tmask < 2 * no; tmask = tmask * 2 + 1)
		;
	tab = xcalloc(tmask + 1, sizeof *tab);
	for (i = 0; i < no; i++) {
		uint64_t h = o[i].h ^ (uint64_t)o[i].type * 0x9e3779b97f4a7c15ULL;
		size_t x = (size_t)(h ^ h >> 29) & tmask;
		while (tab[x] != 0 && (f[tab[x] - 1].type != o[i].type ||
		    o[f[tab[x] - 1].first].h != o[i].h))
			x = (x + 1) & tmask;
		if (tab[x] == 0) {
			char k[KEY_MAX];
			size_t kn = translit_key(t + o[i].s, o[i].e - o[i].s, k);
			f[nf] = (struct form){ o[i].s, o[i].e, hash_bytes(k, kn), i, o[i].type,
			    0, -1, 0 };
			tab[x] = ++nf;
		}
		o[i].form = tab[x] - 1;
		f[tab[x] - 1].n++;
	}
	if (nf > FORMS_MAX)
		goto done;
	/* a form is a variant of a form of its type seen at least twice and at least
	 * twice as often; the nearest, then the most often seen, wins */
	/* the forms that can be better attested: seen at least twice, a few */
	att = xreallocarray(NULL, nf, sizeof *att);
	for (i = 0; i < nf; i++)
		if (f[i].n >= 2)
			att[natt++] = i;
	for (i = 0; i < nf; i++)
		for (ja = 0; ja < natt; ja++) {
			int nr;
			size_t li = f[i].e - f[i].s, lj;
			j = att[ja];
			lj = f[j].e - f[j].s;
			if (i == j || f[j].type != f[i].type || f[j].n < 2 * f[i].n)
				continue;
			/* only forms that agree after the rules, or one edit apart,
			 * are near: most pairs are told apart here */
			if (f[i].key != f[j].key && (gated || li > lj + 1 || lj > li + 1 ||
			    ((t[f[i].s] | 32) != (t[f[j].s] | 32) &&
			    (t[f[i].e - 1] | 32) != (t[f[j].e - 1] | 32))))
				continue;	/* one edit leaves the first or the last letter */
			nr = name_near(t + f[i].s, f[i].e - f[i].s, t + f[j].s,
			    f[j].e - f[j].s);
			/* one edit between two names is common in professional news
			 * (Iceland, Ireland), and so is a doubled letter */
			if (gated && (nr == 1 || doubling_only(t + f[i].s, f[i].e - f[i].s,
			    t + f[j].s, f[j].e - f[j].s)))
				nr = 0;
			if (nr > f[i].near || (nr > 0 && nr == f[i].near &&
			    f[j].n > f[(size_t)f[i].sugg].n)) {
				f[i].near = nr;
				f[i].sugg = (long)j;
			}
		}
	/* the flagged occurrences, in order of start, the longer first */
	for (i = 0, k = 0; i < no; i++)
		if (f[o[i].form].sugg >= 0)
			o[k++] = o[i];
	if (k == 0)
		goto done;
	qsort(o, k, sizeof *o, by_start);
	add = xcalloc(k, sizeof *add);
	for (i = 0; i < k; i++) {
		const struct form *v = &f[o[i].form], *g;
		if (nadd > 0 && add[nadd - 1].end > o[i].s)
			continue;
		g = &f[(size_t)v->sugg];
		add[nadd].start = o[i].s;
		add[nadd].end = o[i].e;
		add[nadd].kind = AK_NAME_VARIANT;
		add[nadd].suggestion = xstrndup(t + g->s, g->e - g->s);
		add[nadd].note = xasprintf("near-spelling of a name seen %zu times in "
		    "the article%s", g->n, v->near == 2 ? " (transliteration)" : "");
		add[nadd].score = v->near == 2 ? NEAR_SCORE : EDIT_SCORE;
		nadd++;
	}
	if (nadd > 0)
		artifact_merge(c, add, nadd);
done:
	free(tab);
	free(att);
	free(add);
	free(f);
	free(o);
}
