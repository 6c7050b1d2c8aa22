/* story.c - grouping articles into stories: MinHash over word pairs of the cleaned
 * body, banded into keys; entities shared by few articles; dates close together */
#include <config.h>

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede/story.h"
#include "story_int.h"

#define SIG_K		64	/* MinHash values per article */
#define BAND_ROWS	4	/* values per banded key: SIG_K / BAND_ROWS keys */
#define NBANDS		(SIG_K / BAND_ROWS)
#define BUCKET_MAX	256	/* articles compared per key; more means a common key */
#define RARE_MAX	24	/* an entity in more articles than this is not rare */
#define DATE_NEAR	7	/* days: dates further apart need a much closer body */
#define SIG_WORDS	5000	/* the signature reads the body's first words (a huge
				 * article costs no more than a long one) */

/* Joining: body similarity alone, or a weaker one with many rare entities in
 * common (tuned on the mixed development corpus). */
#define SIM_ALONE	0.30
#define SIM_WITH_ENTS	0.04
#define ENTS_MIN	3
#define ENTS_SHARE	0.45	/* of the entities of the article that has fewer */
#define SIM_FAR_DATE	0.50

int
story_line_kept(enum line_class c)
{
	return c == LC_TITLE || c == LC_SUBHEADING || c == LC_BODY;
}

static inline int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

/* The right single quotation mark U+2019, used as an apostrophe. */
static inline int
is_rsquo(const unsigned char *p, const unsigned char *end)
{
	return end - p >= 3 && p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0x99;
}

/* Bytes from 0x80 count as letters, but not the punctuation of U+2000-U+206F
 * (dashes, quotes, ellipsis) that news text uses between words. */
static inline size_t
punct_len(const unsigned char *p, const unsigned char *end)
{
	if (end - p >= 3 && p[0] == 0xe2 && (p[1] == 0x80 || p[1] == 0x81))
		return 3;
	if (end - p >= 2 && p[0] == 0xc2 && (p[1] == 0xa0 || p[1] == 0xab ||
	    p[1] == 0xbb || p[1] == 0xb7))
		return 2;
	return 0;
}

/* 's or ’s ending a word. */
static inline int
possessive(const unsigned char *p, const unsigned char *end)
{
	size_t k = *p == '\'' ? 1 : is_rsquo(p, end) ? 3 : 0;

	return k > 0 && end - p > (ptrdiff_t)k && (p[k] == 's' || p[k] == 'S') &&
	    (end - p == (ptrdiff_t)k + 1 || !word_byte(p[k + 1]) ||
	    punct_len(p + k + 1, end) > 0);
}

static void
line_words(const char *text, size_t ls, size_t le, struct sword **w, size_t *n,
    size_t *cap, size_t max)
{
	const unsigned char *base = (const unsigned char *)text;
	const unsigned char *p = base + ls, *end = base + le;
	int sent = 1;

	while (p < end && (max == 0 || *n < max)) {
		size_t k;
		if (!word_byte(*p) || (k = punct_len(p, end)) > 0) {
			if ((*p == '.' || *p == '!' || *p == '?') &&
			    (p + 1 == end || p[1] == ' ' || p[1] == '"' || p[1] == '\t'))
				sent = 1;
			p += (*p >= 0x80 && (k = punct_len(p, end)) > 0) ? k : 1;
			continue;
		}
		const unsigned char *s = p;
		uint64_t h = 0xcbf29ce484222325ULL;
		while (p < end) {
			if (word_byte(*p) && punct_len(p, end) == 0) {
				unsigned char c = *p;
				if (c >= 'A' && c <= 'Z')
					c = (unsigned char)(c + 32);
				h = (h ^ c) * 0x100000001b3ULL;
				p++;
			} else if (possessive(p, end)) {
				break;	/* Russia's is Russia and s */
			} else if ((*p == '\'' || *p == ',' || *p == '.') && p + 1 < end &&
			    word_byte(p[1]) && punct_len(p + 1, end) == 0 &&
			    (*p == '\'' || (*s >= '0' && *s <= '9' && p[1] >= '0' &&
			    p[1] <= '9'))) {
				h = (h ^ *p) * 0x100000001b3ULL;	/* don't, 1,000, 2.5 */
				p++;
			} else if (is_rsquo(p, end) && p + 3 < end && word_byte(p[3]) &&
			    punct_len(p + 3, end) == 0) {
				h = (h ^ '\'') * 0x100000001b3ULL;
				p += 3;
			} else
				break;
		}
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 256;
			*w = xreallocarray(*w, *cap, sizeof **w);
		}
		struct sword *x = &(*w)[(*n)++];
		x->start = (size_t)(s - base);
		x->end = (size_t)(p - base);
		x->h = hash_mix(h, x->end - x->start);
		x->cap = *s >= 'A' && *s <= 'Z';
		x->num = *s >= '0' && *s <= '9';
		x->sent = sent;
		sent = 0;
	}
}

size_t
story_words(const struct analysis *an, size_t max, struct sword **out)
{
	const struct clean_result *c = &an->clean;
	size_t i, n = 0, cap = 0;

	*out = NULL;
	for (i = 0; i < c->nlines; i++) {
		if (!story_line_kept(c->lines[i].cls))
			continue;
		/* a line ends a sentence: line_words starts each line with one */
		line_words(an->art->text, c->lines[i].start, c->lines[i].end, out, &n, &cap,
		    max);
		if (max != 0 && n >= max)
			break;
	}
	return n;
}

/* ---- the set ---------------------------------------------------------------- */

struct sdoc {
	uint32_t	 sig[SIG_K];
	uint64_t	*ents;		/* sorted hashes of type and folded canonical name */
	size_t		 nents;
	long		 day;		/* days since 1970-01-01, LONG_MIN when unknown */
	size_t		 parent;	/* union-find */
	int		 empty;		/* no word pairs: joins nothing by body */
};

/* A hash table from a 64-bit key to a list of article indexes. */
struct klist {
	uint64_t	 key;
	uint32_t	*ids;
	uint32_t	 n, cap;	/* cap == UINT32_MAX: full (common key) */
};

struct ktable {
	struct klist	*slots;
	size_t		 nslots, used;
};

struct story_set {
	struct sdoc	*docs;
	size_t		 ndocs, cap;
	struct ktable	 bands, ents;
	uint32_t	*seen;		/* last query that met each article */
	uint32_t	 query;
};

static struct klist *
ktable_get(struct ktable *t, uint64_t key, int add)
{
	size_t i;

	if (add && (t->used + 1) * 2 > t->nslots) {
		struct ktable g = { xcalloc(t->nslots ? 2 * t->nslots : 1024,
		    sizeof *g.slots), t->nslots ? 2 * t->nslots : 1024, t->used };
		for (i = 0; i < t->nslots; i++) {
			if (t->slots[i].ids == NULL && t->slots[i].cap == 0)
				continue;
			size_t j = t->slots[i].key & (g.nslots - 1);
			while (g.slots[j].cap != 0)
				j = (j + 1) & (g.nslots - 1);
			g.slots[j] = t->slots[i];
		}
		free(t->slots);
		*t = g;
	}
	if (t->nslots == 0)
		return NULL;
	key |= 1;	/* never 0 */
	i = key & (t->nslots - 1);
	while (t->slots[i].cap != 0) {
		if (t->slots[i].key == key)
			return &t->slots[i];
		i = (i + 1) & (t->nslots - 1);
	}
	if (!add)
		return NULL;
	t->used++;
	t->slots[i].key = key;
	t->slots[i].ids = NULL;
	t->slots[i].n = 0;
	t->slots[i].cap = 1;	/* in use, no room yet */
	return &t->slots[i];
}

static void
klist_push(struct klist *l, uint32_t id, uint32_t max)
{
	if (l->cap == UINT32_MAX)
		return;
	if (l->n >= max) {	/* too common to say anything: forget it */
		free(l->ids);
		l->ids = NULL;
		l->n = 0;
		l->cap = UINT32_MAX;
		return;
	}
	if (l->ids == NULL || l->n + 1 > l->cap) {
		l->cap = l->ids == NULL ? 4 : 2 * l->cap;
		l->ids = xreallocarray(l->ids, l->cap, sizeof *l->ids);
	}
	l->ids[l->n++] = id;
}

static void
ktable_free(struct ktable *t)
{
	size_t i;

	for (i = 0; i < t->nslots; i++)
		if (t->slots[i].cap != UINT32_MAX)
			free(t->slots[i].ids);
	free(t->slots);
}

struct story_set *
story_set_new(void)
{
	return xcalloc(1, sizeof(struct story_set));
}

void
story_set_free(struct story_set *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ndocs; i++)
		free(s->docs[i].ents);
	free(s->docs);
	free(s->seen);
	ktable_free(&s->bands);
	ktable_free(&s->ents);
	free(s);
}

size_t
story_count_docs(const struct story_set *s)
{
	return s->ndocs;
}

static size_t
uf_find(struct sdoc *d, size_t i)
{
	while (d[i].parent != i) {
		d[i].parent = d[d[i].parent].parent;
		i = d[i].parent;
	}
	return i;
}

static void
uf_union(struct sdoc *d, size_t a, size_t b)
{
	a = uf_find(d, a);
	b = uf_find(d, b);
	if (a == b)
		return;
	if (a < b)	/* the older article stays the root */
		d[b].parent = a;
	else
		d[a].parent = b;
}

/* Days since 1970-01-01 of "YYYY-MM-DD" (the civil calendar), LONG_MIN if not one. */
static long
parse_day(const char *s)
{
	int y, m, d;
	char tail;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return LONG_MIN;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static uint64_t
fold_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		h = (h ^ c) * 0x100000001b3ULL;
	}
	return h;
}

static void
doc_features(struct sdoc *d, const struct analysis *an)
{
	struct sword *w;
	size_t n = story_words(an, SIG_WORDS, &w), i, k;
	const char *date = an->art->date != NULL ? an->art->date : an->clean.date;

	for (k = 0; k < SIG_K; k++)
		d->sig[k] = UINT32_MAX;
	d->empty = n < 2;
	for (i = 0; i + 1 < n; i++) {
		uint64_t sh = hash_mix(w[i].h, w[i + 1].h);
		for (k = 0; k < SIG_K; k++) {
			uint64_t v = hash_mix(sh, 0x9e3779b97f4a7c15ULL * (k + 1));
			uint32_t v32 = (uint32_t)(v >> 32);
			if (v32 < d->sig[k])
				d->sig[k] = v32;
		}
	}
	free(w);

	d->nents = an->ents.nents;
	d->ents = d->nents ? xreallocarray(NULL, d->nents, sizeof *d->ents) : NULL;
	for (i = 0; i < d->nents; i++)
		d->ents[i] = hash_mix(fold_hash(an->ents.ents[i].canonical),
		    (uint64_t)an->ents.ents[i].type + 1);
	sort_n(d->ents, d->nents, sizeof *d->ents, cmp_u64);
	for (i = k = 0; i < d->nents; i++)	/* one per referent */
		if (k == 0 || d->ents[k - 1] != d->ents[i])
			d->ents[k++] = d->ents[i];
	d->nents = k;
	d->day = parse_day(date);
}

static double
sig_sim(const struct sdoc *a, const struct sdoc *b)
{
	size_t k, same = 0;

	if (a->empty || b->empty)
		return 0;
	for (k = 0; k < SIG_K; k++)
		same += a->sig[k] == b->sig[k];
	return (double)same / SIG_K;
}

/* Entities both articles name that few articles name. */
static size_t
rare_shared(struct story_set *s, const struct sdoc *a, const struct sdoc *b)
{
	size_t i = 0, j = 0, n = 0;

	while (i < a->nents && j < b->nents) {
		if (a->ents[i] < b->ents[j])
			i++;
		else if (a->ents[i] > b->ents[j])
			j++;
		else {
			struct klist *l = ktable_get(&s->ents, a->ents[i], 0);
			n += l != NULL && l->cap != UINT32_MAX;
			i++;
			j++;
		}
	}
	return n;
}

static int
joins(struct story_set *s, const struct sdoc *a, const struct sdoc *b)
{
	double sim = sig_sim(a, b);
	int far = a->day != LONG_MIN && b->day != LONG_MIN &&
	    labs(a->day - b->day) > DATE_NEAR;

	if (far)
		return sim >= SIM_FAR_DATE;
	if (sim >= SIM_ALONE)
		return 1;
	if (sim < SIM_WITH_ENTS)
		return 0;
	size_t r = rare_shared(s, a, b), fewer = a->nents < b->nents ? a->nents : b->nents;
	return r >= ENTS_MIN && (double)r >= ENTS_SHARE * (double)fewer;
}

static void
consider(struct story_set *s, size_t me, const struct klist *l)
{
	uint32_t i;

	if (l == NULL || l->cap == UINT32_MAX)
		return;
	for (i = 0; i < l->n; i++) {
		uint32_t o = l->ids[i];
		if (o == me || s->seen[o] == s->query)
			continue;
		s->seen[o] = s->query;
		if (uf_find(s->docs, o) != uf_find(s->docs, me) &&
		    joins(s, &s->docs[me], &s->docs[o]))
			uf_union(s->docs, me, o);
	}
}

size_t
story_add(struct story_set *s, const struct analysis *an)
{
	size_t me = s->ndocs, b, i;
	struct sdoc *d;
	uint64_t keys[NBANDS];

	if (s->ndocs == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->docs = xreallocarray(s->docs, s->cap, sizeof *s->docs);
		s->seen = xreallocarray(s->seen, s->cap, sizeof *s->seen);
	}
	d = &s->docs[s->ndocs++];
	memset(d, 0, sizeof *d);
	d->parent = me;
	s->seen[me] = 0;
	doc_features(d, an);

	/* File the entities first: the rare count must see this article too. */
	for (i = 0; i < d->nents; i++)
		klist_push(ktable_get(&s->ents, d->ents[i], 1), (uint32_t)me, RARE_MAX);
	for (b = 0; b < NBANDS; b++) {
		uint64_t h = b + 1;
		for (i = 0; i < BAND_ROWS; i++)
			h = hash_mix(h, d->sig[b * BAND_ROWS + i]);
		keys[b] = h;
	}
	if (++s->query == 0) {	/* wrapped: forget who met whom */
		memset(s->seen, 0, s->ndocs * sizeof *s->seen);
		s->query = 1;
	}
	if (!d->empty)
		for (b = 0; b < NBANDS; b++)
			consider(s, me, ktable_get(&s->bands, keys[b], 0));
	for (i = 0; i < d->nents; i++)
		consider(s, me, ktable_get(&s->ents, d->ents[i], 0));
	if (!d->empty)
		for (b = 0; b < NBANDS; b++)
			klist_push(ktable_get(&s->bands, keys[b], 1), (uint32_t)me, BUCKET_MAX);
	return me;
}

size_t
story_assign(struct story_set *s, size_t **story)
{
	size_t i, n = 0;
	size_t *out = xreallocarray(NULL, s->ndocs ? s->ndocs : 1, sizeof *out);

	for (i = 0; i < s->ndocs; i++) {
		size_t r = uf_find(s->docs, i);
		out[i] = r == i ? n++ : out[r];	/* the root is the first article */
	}
	*story = out;
	return n;
}
