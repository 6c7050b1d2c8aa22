/* ner.c - the learned name labeller: features hashed once per token into flat
 * weight rows (one int16 per tag), Viterbi over BILOU tags, run only over the
 * stretches of a line where a name can be (capitals, digits, the rules' names). */
#include <config.h>

#include <math.h>	/* INFINITY only: no libm */
#include <stdlib.h>
#include <string.h>

#include "lede/ner.h"
#include "lede/token.h"
#include "lede/util.h"

struct ner_model {
	char		*data;		/* the file */
	size_t		 len;
	unsigned	 nbits;
	float		 scale, temp;
	const float	*trans;		/* [NER_STRIDE][NER_STRIDE] */
	const int16_t	*w;		/* [1 << nbits][NER_STRIDE] */
	const uint64_t	*inner;		/* sorted */
	size_t		 ninner;
};

uint64_t
ner_checksum(const void *p, size_t n)
{
	const char *s = p;
	uint64_t h = 0x6c656465u, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = hash_mix(h, w);
	}
	w = 0;
	memcpy(&w, s + i, n - i);
	return hash_mix(hash_mix(h, w), n);
}

struct ner_model *
ner_model_load(const char *path, char *err, size_t errlen)
{
	struct ner_model *m;
	struct ner_header h;
	char *data, e[LEDE_ERRLEN];
	size_t len, need, off;
	uint64_t sum;

	if (read_file(path, &data, &len, e, sizeof e) == -1) {
		seterr(err, errlen, "%s", e);
		return NULL;
	}
	if (len < sizeof h) {
		seterr(err, errlen, "%s: not a name model (%zu bytes)", path, len);
		free(data);
		return NULL;
	}
	memcpy(&h, data, sizeof h);
	if (memcmp(h.magic, NER_MAGIC, 8) != 0) {
		seterr(err, errlen, "%s: not a name model (bad magic)", path);
		free(data);
		return NULL;
	}
	if (h.featver != NER_FEATVER || h.ntags != NER_NTAGS || h.nbits < 8 ||
	    h.nbits > 24 || !(h.scale > 0) || !(h.temp > 0)) {
		seterr(err, errlen, "%s: a name model of another version (features %u, "
		    "this lede reads %u); retrain it", path, h.featver, NER_FEATVER);
		free(data);
		return NULL;
	}
	need = sizeof h + NER_STRIDE * NER_STRIDE * sizeof(float) +
	    ((size_t)1 << h.nbits) * NER_STRIDE * sizeof(int16_t) +
	    (size_t)h.ninner * sizeof(uint64_t) + sizeof sum;
	if (len != need) {
		seterr(err, errlen, "%s: truncated or padded name model (%zu bytes, "
		    "expected %zu)", path, len, need);
		free(data);
		return NULL;
	}
	memcpy(&sum, data + len - sizeof sum, sizeof sum);
	if (sum != ner_checksum(data, len - sizeof sum)) {
		seterr(err, errlen, "%s: corrupt name model (checksum)", path);
		free(data);
		return NULL;
	}
	m = xcalloc(1, sizeof *m);
	m->data = data;
	m->len = len;
	m->nbits = h.nbits;
	m->scale = h.scale;
	m->temp = h.temp;
	off = sizeof h;
	m->trans = (const float *)(const void *)(data + off);
	off += NER_STRIDE * NER_STRIDE * sizeof(float);
	m->w = (const int16_t *)(const void *)(data + off);
	off += ((size_t)1 << h.nbits) * NER_STRIDE * sizeof(int16_t);
	m->inner = (const uint64_t *)(const void *)(data + off);
	m->ninner = h.ninner;
	return m;
}

void
ner_model_free(struct ner_model *m)
{
	if (m == NULL)
		return;
	free(m->data);
	free(m);
}

unsigned
ner_model_bits(const struct ner_model *m)
{
	return m->nbits;
}

const int16_t *
ner_model_weights(const struct ner_model *m, const float **trans, float *scale)
{
	if (trans)
		*trans = m->trans;
	if (scale)
		*scale = m->scale;
	return m->w;
}

/* ---- per-token hashes ----------------------------------------------------------- */

static uint64_t
hash_str(uint64_t seed, const char *s, size_t n, int lower)
{
	uint64_t h = seed, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = hash_mix(h, lower ? lower8(w) : w);
	}
	if (i < n) {
		w = 0;
		memcpy(&w, s + i, n - i);
		h = hash_mix(h, lower ? lower8(w) : w);
	}
	return hash_mix(h, n);
}

/* Up to eight bytes as one number, ASCII lowered if asked (feat() mixes it). */
static inline uint64_t
pack8(const char *s, size_t n, int lower)
{
	uint64_t w = 0;

	memcpy(&w, s, n);
	return lower ? lower8(w) : w;
}

/* The word's shape: X x d for capitals, small letters and digits, signs as they
 * are, runs of one class written once, at most eight. */
static uint64_t
shape_hash(const struct ner_tok *t)
{
	char sh[8] = { 0 };
	size_t i, n = 0;
	unsigned char c;
	char k, last = 0;

	for (i = 0; i < t->len && n < sizeof sh; i++) {
		c = (unsigned char)t->s[i];
		if (c >= 'A' && c <= 'Z')
			k = 'X';
		else if (c >= 'a' && c <= 'z')
			k = 'x';
		else if (c >= '0' && c <= '9')
			k = 'd';
		else if (c >= 0xc0)	/* a letter beyond ASCII: its case from the flags */
			k = i == 0 && (t->flags & TK_UPPER) ? 'X' : 'x';
		else if (c >= 0x80)
			continue;
		else
			k = (char)c;
		if (k == last)
			continue;
		sh[n++] = last = k;
	}
	return pack8(sh, n, 0);
}

void
ner_prepare(struct ner_tok *t, size_t n)
{
	size_t i, k;

	/* short words (most) are their own bytes; longer ones hashed */
	for (i = 0; i < n; i++) {
		if (t[i].len <= 7) {
			t[i].hexact = pack8(t[i].s, t[i].len, 0);
			t[i].hlow = lower8(t[i].hexact);
		} else {
			t[i].hlow = hash_str(0x4c, t[i].s, t[i].len, 1);
			t[i].hexact = hash_str(0x45, t[i].s, t[i].len, 0);
		}
		t[i].hshape = shape_hash(&t[i]);
		k = t[i].len < 3 ? t[i].len : 3;
		t[i].hpre = pack8(t[i].s, k, 1);
		t[i].hsuf = pack8(t[i].s + t[i].len - k, k, 1);
	}
}

uint64_t
ner_inner_hash(const struct ner_tok *t)
{
	return pack8(t->s, t->len < 8 ? t->len : 8, 0);
}

int
ner_open_in(const uint64_t *inner, size_t ninner, const struct ner_tok *t)
{
	uint64_t h;
	size_t lo, hi, mid;

	if ((t->flags & (TK_UPPER | TK_DIGIT)) || t->rule)
		return 1;
	if (t->len > NER_INNER_MAX)
		return 0;
	h = ner_inner_hash(t);
	lo = 0;
	hi = ninner;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (inner[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ninner && inner[lo] == h;
}

int
ner_open(const struct ner_model *m, const struct ner_tok *t)
{
	return ner_open_in(m->inner, m->ninner, t);
}

uint64_t ner_feat_off;

/* ---- features ------------------------------------------------------------------- */

static inline uint32_t
feat(unsigned tmpl, uint64_t v, unsigned nbits)
{
	uint64_t h = hash_mix(v ^ (0x9E3779B97F4A7C15ULL * (tmpl + 1)), tmpl);

	return (uint32_t)(h >> 7) & ((1u << nbits) - 1);
}

/* Feature tm of value v, unless the trainer left that template out. */
static inline size_t
put(uint32_t *out, size_t k, unsigned tm, uint64_t v, unsigned nbits)
{
	if (!(ner_feat_off >> tm & 1))
		out[k++] = feat(tm, v, nbits);
	return k;
}

size_t
ner_features(const struct ner_tok *t, size_t n, size_t i, unsigned nbits, uint32_t *out)
{
	const struct ner_tok *c = &t[i];
	uint64_t lp1 = i >= 1 ? t[i - 1].hlow : 1, lp2 = i >= 2 ? t[i - 2].hlow : 2;
	uint64_t ln1 = i + 1 < n ? t[i + 1].hlow : 3, ln2 = i + 2 < n ? t[i + 2].hlow : 4;
	uint64_t sp1 = i >= 1 ? t[i - 1].hshape : 5, sn1 = i + 1 < n ? t[i + 1].hshape : 6;
	uint64_t rp1 = i >= 1 ? t[i - 1].rule : 99, rn1 = i + 1 < n ? t[i + 1].rule : 98;
	uint64_t fl = (c->flags & (TK_SENT | TK_POSS | TK_HYPH | TK_ABBR | TK_ALLCAPS)) |
	    (uint64_t)c->ctx << 16;
	size_t k = 0;

	k = put(out, k, 0, 0, nbits);
	k = put(out, k, 1, c->hlow, nbits);
	k = put(out, k, 2, c->hexact, nbits);
	k = put(out, k, 3, c->hshape, nbits);
	k = put(out, k, 4, c->hpre, nbits);
	k = put(out, k, 5, c->hsuf, nbits);
	k = put(out, k, 6, lp1, nbits);
	k = put(out, k, 7, ln1, nbits);
	k = put(out, k, 8, lp2, nbits);
	k = put(out, k, 9, ln2, nbits);
	k = put(out, k, 10, hash_mix(sp1, c->hshape), nbits);
	k = put(out, k, 11, hash_mix(c->hshape, sn1), nbits);
	k = put(out, k, 12, c->gz, nbits);
	k = put(out, k, 13, c->rule, nbits);
	k = put(out, k, 14, rp1 << 8 | c->rule, nbits);
	k = put(out, k, 15, (uint64_t)c->rule << 8 | rn1, nbits);
	k = put(out, k, 16, fl, nbits);
	k = put(out, k, 17, hash_mix(lp1, c->hshape), nbits);
	k = put(out, k, 18, hash_mix(c->hshape, ln1), nbits);
	k = put(out, k, 19, (uint64_t)c->gz << 8 | c->rule, nbits);
	k = put(out, k, 20, c->gzs, nbits);
	k = put(out, k, 21, (uint64_t)c->rule << 32 | (c->hshape & 0xffffffff), nbits);
	k = put(out, k, 22, (uint64_t)c->art << 8 | (c->flags & TK_SENT ? 1 : 0), nbits);
	k = put(out, k, 23, (uint64_t)c->art << 8 | c->rule, nbits);
	return k;
}

/* ---- decoding ------------------------------------------------------------------- */

int
ner_trans_ok(int from, int to)
{
	int pf = from == NER_O ? 3 : NER_POS(from), pt = to == NER_O ? 3 : NER_POS(to);

	/* after O, L or U: O, B or U; after B or I: I or L of the same type */
	if (pf == 2 || pf == 3)
		return to == NER_O || pt == 0 || pt == 3;
	return to != NER_O && (pt == 1 || pt == 2) && NER_TYPE(from) == NER_TYPE(to);
}

/* The tags each tag may follow (ner_trans_ok, written out): O, L and U end a name,
 * so O, B and U follow them; I and L follow B and I of their type. */
static const struct {
	int		n;
	unsigned char	p[7];
} preds[NER_NTAGS] = {
	{ 7, { 0, 3, 4, 7, 8, 11, 12 } },
	{ 7, { 0, 3, 4, 7, 8, 11, 12 } },
	{ 2, { 1, 2 } },
	{ 2, { 1, 2 } },
	{ 7, { 0, 3, 4, 7, 8, 11, 12 } },
	{ 7, { 0, 3, 4, 7, 8, 11, 12 } },
	{ 2, { 5, 6 } },
	{ 2, { 5, 6 } },
	{ 7, { 0, 3, 4, 7, 8, 11, 12 } },
	{ 7, { 0, 3, 4, 7, 8, 11, 12 } },
	{ 2, { 9, 10 } },
	{ 2, { 9, 10 } },
	{ 7, { 0, 3, 4, 7, 8, 11, 12 } },
};

void
ner_viterbi(const float *em, const float *trans, const unsigned char *open, size_t n,
    unsigned char *bp, unsigned char *tags)
{
	float d[NER_STRIDE], nd[NER_STRIDE], best, s;
	size_t i;
	int t, p, bt, k;

	if (n == 0)
		return;
	for (t = 0; t < NER_NTAGS; t++)
		d[t] = ner_trans_ok(NER_O, t) && (open[0] || t == NER_O) ?
		    trans[NER_O * NER_STRIDE + t] + em[t] : -INFINITY;
	for (i = 1; i < n; i++) {
		for (t = 0; t < NER_NTAGS; t++) {
			best = -INFINITY;
			bt = 0;
			if (open[i] || t == NER_O)
				for (k = 0; k < preds[t].n; k++) {
					p = preds[t].p[k];
					s = d[p] + trans[p * NER_STRIDE + t];
					if (s > best) {
						best = s;
						bt = p;
					}
				}
			nd[t] = best + em[i * NER_STRIDE + t];
			bp[i * NER_STRIDE + t] = (unsigned char)bt;
		}
		memcpy(d, nd, sizeof d);
	}
	best = -INFINITY;
	bt = 0;
	for (t = 0; t < NER_NTAGS; t++) {
		if (!ner_trans_ok(t, NER_O))
			continue;
		s = d[t] + trans[t * NER_STRIDE + NER_O];
		if (s > best) {
			best = s;
			bt = t;
		}
	}
	for (i = n; i-- > 0;) {
		tags[i] = (unsigned char)bt;
		if (i > 0)
			bt = bp[i * NER_STRIDE + bt];
	}
}

void
ner_work_free(struct ner_work *w)
{
	free(w->em);
	free(w->bp);
	free(w->open);
	memset(w, 0, sizeof *w);
}

/* Emission scores of token i. */
static void
emission(const struct ner_model *m, const struct ner_tok *t, size_t n, size_t i,
    float *em)
{
	uint32_t f[NER_MAXF];
	int32_t acc[NER_STRIDE];
	size_t k, nf = ner_features(t, n, i, m->nbits, f);
	const int16_t *row;
	int j;

	memset(acc, 0, sizeof acc);
	for (k = 0; k < nf; k++) {
		row = m->w + (size_t)f[k] * NER_STRIDE;
		for (j = 0; j < NER_STRIDE; j++)
			acc[j] += row[j];
	}
	for (j = 0; j < NER_STRIDE; j++)
		em[j] = (float)acc[j] / m->scale;
}

/* e^x for x <= 0, to a few parts in a thousand: enough for a confidence, and no
 * libm. */
static float
exp_neg(float x)
{
	float y;
	int i;

	if (x < -30)
		return 0;
	y = 1 + x / 1024;
	for (i = 0; i < 10; i++)
		y *= y;
	return y;
}

/* A stretch longer than this is decoded in pieces (a line of capitals). */
#define SEG_MAX	512

void
ner_label(const struct ner_model *m, struct ner_work *w, struct ner_tok *t, size_t n,
    unsigned char *tags, float *conf)
{
	size_t i, a, b, p0, p1, prepared = 0;
	float *em, sum, mx;
	int j;

	memset(tags, NER_O, n);
	if (n > w->cap) {
		ner_work_free(w);
		w->cap = n * 2;
		w->open = xmalloc(w->cap);
	}
	if (w->em == NULL) {
		w->em = xreallocarray(NULL, SEG_MAX * NER_STRIDE, sizeof *w->em);
		w->bp = xmalloc(SEG_MAX * NER_STRIDE);
	}
	for (i = 0; i < n; i++)
		w->open[i] = (unsigned char)ner_open(m, &t[i]);
	for (a = 0; a < n;) {
		if (!w->open[a]) {
			a++;
			continue;
		}
		for (b = a; b < n && w->open[b] && b - a < SEG_MAX; b++)
			;
		/* hashes of the stretch and the two tokens either side */
		p0 = a >= 2 ? a - 2 : 0;
		if (p0 < prepared)
			p0 = prepared;
		p1 = b + 2 < n ? b + 2 : n;
		if (p1 > p0)
			ner_prepare(t + p0, p1 - p0);
		prepared = p1 > prepared ? p1 : prepared;
		for (i = a; i < b; i++)
			emission(m, t, n, i, w->em + (i - a) * NER_STRIDE);
		ner_viterbi(w->em, m->trans, w->open + a, b - a, w->bp, tags + a);
		for (i = a; i < b; i++) {
			if (tags[i] == NER_O)
				continue;
			em = w->em + (i - a) * NER_STRIDE;
			for (j = 0, mx = em[0]; j < NER_NTAGS; j++)
				if (em[j] > mx)
					mx = em[j];
			for (j = 0, sum = 0; j < NER_NTAGS; j++)
				sum += exp_neg((em[j] - mx) / m->temp);
			conf[i] = exp_neg((em[tags[i]] - mx) / m->temp) / sum;
		}
		a = b;
	}
}
