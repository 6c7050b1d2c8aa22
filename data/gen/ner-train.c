/* ner-train.c - train lede's name labeller (data/ner.model) from annotated text.
 *
 * An averaged structured perceptron over BILOU tags, with the features and the
 * Viterbi decoder of src/ner.c, on what entity.c shows the labeller (tokens, the
 * gazetteer's types, the rules' reading). Deterministic: one fixed shuffle seed.
 * Built by hand after lede (never at build or test time):
 *
 *   cc -O2 -Iinclude -I_build -o _build/ner-train data/gen/ner-train.c \
 *       _build/src/liblede.a -lunistring -liniparser -lpthread
 *   _build/ner-train -d data -o data/ner.model --cv \
 *       ../shared/train/ner/gum-train.jsonl ../shared/train/ner/wikigold.jsonl
 *
 * Input: JSON Lines {"doc", "text", "entities": [{"start", "end", "type"}]}, offsets
 * in code points, types PERSON PLACE ORG. --cv prints the scores of leaving out
 * each genre in turn (the doc name's second part for GUM_genre_..., else its
 * first); --dev FILE scores the final model on FILE as well (never training on it);
 * -x GENRE leaves a genre out of the final model, to measure lede on it. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede/analysis.h"
#include "lede/entity.h"
#include "lede/json.h"
#include "lede/ner.h"
#include "lede/token.h"
#include "lede/util.h"

struct span {
	size_t	a, b;		/* tokens of the line, b exclusive */
	int	type;
};

struct line {
	size_t	doc;
	size_t	t0, n;		/* tokens in the global arrays */
};

struct doc {
	char		*name, *genre;
	struct article	 art;
	size_t		*gs, *ge;	/* gold byte offsets */
	int		*gt;
	size_t		 ngold, nlost;	/* gold spans no token boundary fits */
	size_t		 l0, nl;	/* lines */
	int		 dev;		/* scored, never trained on */
};

static struct {
	struct doc	*docs;
	size_t		 ndocs;
	struct line	*lines;
	size_t		 nlines, linecap;
	struct ner_tok	*tok;
	unsigned char	*gold, *open;
	uint32_t	*feat;		/* NER_MAXF per token */
	unsigned char	*nfeat;
	size_t		 ntok, tokcap;
	size_t		 cur;		/* the doc being read */
	uint64_t	*inner;
	size_t		 ninner;
	unsigned	 nbits;
} T;

static void
die(const char *msg)
{
	fprintf(stderr, "ner-train: %s\n", msg);
	exit(1);
}

static void
warn(const char *msg, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "ner-train: %s\n", msg);
}

/* Byte offset of code point cp in s. */
static size_t
cp_to_byte(const char *s, size_t len, size_t cp)
{
	size_t i = 0;

	while (i < len && cp > 0) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		cp--;
	}
	return i;
}

static int
type_code(const char *t)
{
	if (t == NULL)
		return -1;
	if (strcmp(t, "PERSON") == 0)
		return 0;
	if (strcmp(t, "PLACE") == 0)
		return 1;
	if (strcmp(t, "ORG") == 0)
		return 2;
	return -1;
}

static char *
genre_of(const char *name)
{
	const char *p = strchr(name, '_'), *q;

	if (p && strncmp(name, "GUM_", 4) == 0 && (q = strchr(p + 1, '_')) != NULL)
		return xstrndup(p + 1, (size_t)(q - p - 1));
	return p ? xstrndup(name, (size_t)(p - name)) : xstrdup(name);
}

static void
read_docs(const char *path)
{
	char *data, err[LEDE_ERRLEN], *p, *e, *nl;
	size_t len, i, n;
	struct json *j;
	const struct json *ents, *en, *v;
	struct doc *d;

	if (read_file(path, &data, &len, err, sizeof err) == -1)
		die(err);
	for (p = data, e = data + len; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (nl == p)
			continue;
		if ((j = json_parse(p, (size_t)(nl - p), err, sizeof err)) == NULL) {
			fprintf(stderr, "ner-train: %s: %s\n", path, err);
			continue;
		}
		v = json_get(j, "text");
		if (v == NULL || v->type != JSON_STRING) {
			json_free(j);
			continue;
		}
		T.docs = xreallocarray(T.docs, T.ndocs + 1, sizeof *T.docs);
		d = &T.docs[T.ndocs++];
		memset(d, 0, sizeof *d);
		d->name = xstrdup(json_get_str(j, "doc") ? json_get_str(j, "doc") : "?");
		d->genre = genre_of(d->name);
		d->art.path = d->name;
		d->art.format = ARTICLE_JSONL;
		d->art.text = xstrndup(v->str, v->len);
		d->art.len = v->len;
		ents = json_get(j, "entities");
		n = ents && ents->type == JSON_ARRAY ? ents->n : 0;
		d->gs = xreallocarray(NULL, n + 1, sizeof *d->gs);
		d->ge = xreallocarray(NULL, n + 1, sizeof *d->ge);
		d->gt = xreallocarray(NULL, n + 1, sizeof *d->gt);
		for (i = 0; i < n; i++) {
			const struct json *s, *t;

			en = &ents->items[i];
			s = json_get(en, "start");
			t = json_get(en, "end");
			if (s == NULL || t == NULL || type_code(json_get_str(en, "type")) < 0)
				continue;
			d->gs[d->ngold] = cp_to_byte(d->art.text, d->art.len, (size_t)s->num);
			d->ge[d->ngold] = cp_to_byte(d->art.text, d->art.len, (size_t)t->num);
			d->gt[d->ngold++] = type_code(json_get_str(en, "type"));
		}
		json_free(j);
		if (nl == e)
			break;
	}
	free(data);
}

/* One line from entity.c: its tokens, and the gold tags that fit them. */
static void
take_line(struct ner_tok *t, size_t n, void *ctx)
{
	struct doc *d = &T.docs[T.cur];
	size_t i, k, a, b;

	(void)ctx;
	if (T.ntok + n > T.tokcap) {
		T.tokcap = (T.ntok + n) * 2;
		T.tok = xreallocarray(T.tok, T.tokcap, sizeof *T.tok);
		T.gold = xrealloc(T.gold, T.tokcap);
		T.open = xrealloc(T.open, T.tokcap);
	}
	memcpy(T.tok + T.ntok, t, n * sizeof *t);
	memset(T.gold + T.ntok, NER_O, n);
	for (k = 0; k < d->ngold; k++) {
		size_t gs = d->gs[k], ge = d->ge[k];
		const char *base = d->art.text;

		if (n == 0 || gs < (size_t)(t[0].s - base) ||
		    ge > (size_t)(t[n - 1].s - base) + t[n - 1].len)
			continue;
		for (a = 0; a < n && (size_t)(t[a].s - base) < gs; a++)
			;
		for (b = a; b < n && (size_t)(t[b].s - base) + t[b].len < ge; b++)
			;
		if (a == n || b == n || (size_t)(t[a].s - base) != gs ||
		    (size_t)(t[b].s - base) + t[b].len != ge) {
			d->nlost++;
			continue;
		}
		for (i = a; i <= b; i++)
			T.gold[T.ntok + i] = (unsigned char)NER_TAG(d->gt[k], a == b ? 3 :
			    i == a ? 0 : i == b ? 2 : 1);
	}
	if (T.nlines == T.linecap) {
		T.linecap = T.linecap ? T.linecap * 2 : 1024;
		T.lines = xreallocarray(T.lines, T.linecap, sizeof *T.lines);
	}
	T.lines[T.nlines].doc = T.cur;
	T.lines[T.nlines].t0 = T.ntok;
	T.lines[T.nlines++].n = n;
	d->nl++;
	T.ntok += n;
}

/* Lower-case words and signs that training finds inside names often enough, at
 * least INNER_MIN times and in one of INNER_RATIO of their uses, may be inside one. */
#define INNER_MIN	3
#define INNER_RATIO	50

struct use {
	uint64_t	h;
	int		in;
};

static int
cmp_use(const void *a, const void *b)
{
	uint64_t x = ((const struct use *)a)->h, y = ((const struct use *)b)->h;

	return x < y ? -1 : x > y;
}

static void
find_inner(void)
{
	struct use *u = xreallocarray(NULL, T.ntok + 1, sizeof *u);
	size_t i, n = 0, k, in, all;
	struct ner_tok t;

	for (i = 0; i < T.ntok; i++) {
		t = T.tok[i];
		t.rule = 0;
		if (!(t.flags & (TK_UPPER | TK_DIGIT)) && t.len <= NER_INNER_MAX) {
			u[n].h = ner_inner_hash(&t);
			u[n++].in = T.gold[i] != NER_O;
		}
	}
	qsort(u, n, sizeof *u, cmp_use);
	T.inner = xreallocarray(NULL, n + 1, sizeof *T.inner);
	for (i = 0; i < n; i = k) {
		for (k = i, in = all = 0; k < n && u[k].h == u[i].h; k++) {
			all++;
			in += (size_t)u[k].in;
		}
		if (in >= INNER_MIN && in * INNER_RATIO >= all)
			T.inner[T.ninner++] = u[i].h;
	}
	free(u);
}

/* Features and open tokens; a gold name over a closed token cannot be found and
 * is dropped from the gold tags (it still counts as missed in the scores). */
static void
prepare(void)
{
	size_t l, i, a, b;
	struct line *ln;

	T.feat = xreallocarray(NULL, T.ntok + 1, NER_MAXF * sizeof *T.feat);
	T.nfeat = xmalloc(T.ntok + 1);
	for (l = 0; l < T.nlines; l++) {
		ln = &T.lines[l];
		ner_prepare(T.tok + ln->t0, ln->n);
		for (i = 0; i < ln->n; i++) {
			T.open[ln->t0 + i] = (unsigned char)ner_open_in(T.inner, T.ninner,
			    &T.tok[ln->t0 + i]);
			T.nfeat[ln->t0 + i] = (unsigned char)ner_features(T.tok + ln->t0,
			    ln->n, i, T.nbits, T.feat + (ln->t0 + i) * NER_MAXF);
		}
		for (a = 0; a < ln->n; a = b) {
			b = a + 1;
			if (T.gold[ln->t0 + a] == NER_O)
				continue;
			while (b < ln->n && NER_POS(T.gold[ln->t0 + b - 1]) < 2)
				b++;
			for (i = a; i < b && T.open[ln->t0 + i]; i++)
				;
			if (i < b)
				memset(T.gold + ln->t0 + a, NER_O, b - a);
		}
	}
}

/* ---- the perceptron ------------------------------------------------------------ */

struct weights {
	float	*w, *u;		/* weights, and the sum of step * update */
	float	 tr[NER_STRIDE * NER_STRIDE], tu[NER_STRIDE * NER_STRIDE];
	double	 step;
};

static void
emissions(const float *w, size_t t0, size_t n, float *em)
{
	size_t i, k;
	const float *row;
	int j;

	for (i = 0; i < n; i++) {
		float *e = em + i * NER_STRIDE;

		memset(e, 0, NER_STRIDE * sizeof *e);
		if (!T.open[t0 + i])
			continue;
		for (k = 0; k < T.nfeat[t0 + i]; k++) {
			row = w + (size_t)T.feat[(t0 + i) * NER_MAXF + k] * NER_STRIDE;
			for (j = 0; j < NER_STRIDE; j++)
				e[j] += row[j];
		}
	}
}

static unsigned char *pred_buf, *bp_buf;
static float *em_buf;
static size_t buf_cap;

/* The best tags of a line under w and tr, in a buffer the next call reuses. */
static unsigned char *
decode_line(const float *w, const float *tr, const struct line *ln)
{
	if (ln->n > buf_cap || pred_buf == NULL) {
		buf_cap = ln->n * 2 + 16;
		em_buf = xreallocarray(em_buf, buf_cap, NER_STRIDE * sizeof *em_buf);
		bp_buf = xrealloc(bp_buf, buf_cap * NER_STRIDE);
		pred_buf = xrealloc(pred_buf, buf_cap);
	}
	emissions(w, ln->t0, ln->n, em_buf);
	ner_viterbi(em_buf, tr, T.open + ln->t0, ln->n, bp_buf, pred_buf);
	return pred_buf;
}

static void
update(struct weights *W, size_t tok, int tag, float d)
{
	size_t k;

	for (k = 0; k < T.nfeat[tok]; k++) {
		size_t at = (size_t)T.feat[tok * NER_MAXF + k] * NER_STRIDE + tag;

		W->w[at] += d;
		W->u[at] += (float)(W->step * d);
	}
}

static void
update_tr(struct weights *W, int from, int to, float d)
{
	W->tr[from * NER_STRIDE + to] += d;
	W->tu[from * NER_STRIDE + to] += (float)(W->step * d);
}

static uint64_t rng = 0x2545F4914F6CDD1DULL;

static size_t
rnd(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (size_t)(rng % n);
}

/* Train on the lines of documents whose genre is not skip (NULL: all), then
 * average into w and tr. */
static void
train(const char *skip, int epochs, float *w, float *tr)
{
	struct weights W;
	size_t *order, no = 0, i, k, e, nw = ((size_t)1 << T.nbits) * NER_STRIDE;
	const struct line *ln;
	unsigned char *pred;
	int gp, pp, g, p;

	memset(&W, 0, sizeof W);
	W.w = xcalloc(nw, sizeof *W.w);
	W.u = xcalloc(nw, sizeof *W.u);
	W.step = 1;
	order = xreallocarray(NULL, T.nlines + 1, sizeof *order);
	for (i = 0; i < T.nlines; i++)
		if ((skip == NULL || strcmp(T.docs[T.lines[i].doc].genre, skip) != 0) &&
		    !T.docs[T.lines[i].doc].dev)
			order[no++] = i;
	rng = 0x2545F4914F6CDD1DULL;
	for (e = 0; e < (size_t)epochs; e++) {
		for (i = no; i > 1; i--) {
			k = rnd(i);
			size_t t = order[i - 1];
			order[i - 1] = order[k];
			order[k] = t;
		}
		for (i = 0; i < no; i++) {
			ln = &T.lines[order[i]];
			pred = decode_line(W.w, W.tr, ln);
			gp = pp = NER_O;
			for (k = 0; k <= ln->n; k++) {
				g = k < ln->n ? T.gold[ln->t0 + k] : NER_O;
				p = k < ln->n ? pred[k] : NER_O;
				if (k < ln->n && g != p) {
					update(&W, ln->t0 + k, g, 1);
					update(&W, ln->t0 + k, p, -1);
				}
				if (g != p || gp != pp) {
					update_tr(&W, gp, g, 1);
					update_tr(&W, pp, p, -1);
				}
				gp = g;
				pp = p;
			}
			W.step++;
		}
	}
	for (i = 0; i < nw; i++)
		w[i] = W.w[i] - W.u[i] / (float)W.step;
	for (i = 0; i < NER_STRIDE * NER_STRIDE; i++)
		tr[i] = W.tr[i] - W.tu[i] / (float)W.step;
	free(W.w);
	free(W.u);
	free(order);
}

/* A name's first or only word gets bonus more (the bias feature's row, which
 * every token has): a perceptron trained to make few mistakes leaves names out
 * more often than it invents them. */
static float bonus;

static void
add_bonus(float *w)
{
	struct ner_tok t;
	uint32_t f[NER_MAXF];
	int ty;

	memset(&t, 0, sizeof t);
	t.s = "";
	ner_prepare(&t, 1);
	ner_features(&t, 1, 0, T.nbits, f);	/* f[0] is the bias feature */
	for (ty = 0; ty < 3; ty++) {
		w[(size_t)f[0] * NER_STRIDE + NER_TAG(ty, 0)] += bonus;
		w[(size_t)f[0] * NER_STRIDE + NER_TAG(ty, 3)] += bonus;
	}
}

/* ---- scores -------------------------------------------------------------------- */

struct score {
	size_t	tp[3], fp[3], fn[3];
};

static void
score_doc(const float *w, const float *tr, size_t di, struct score *s)
{
	struct doc *d = &T.docs[di];
	size_t l, a, b, i, ngold = 0;
	const struct line *ln;
	unsigned char *pred;

	for (l = d->l0; l < d->l0 + d->nl; l++) {
		ln = &T.lines[l];
		pred = decode_line(w, tr, ln);
		/* predicted spans: right when gold has the same span and type */
		for (a = 0; a < ln->n; a = b) {
			b = a + 1;
			if (pred[a] == NER_O)
				continue;
			while (b < ln->n && NER_POS(pred[b - 1]) < 2)
				b++;
			for (i = a; i < b && T.gold[ln->t0 + i] == pred[i]; i++)
				;
			if (i == b && (b == ln->n || T.gold[ln->t0 + b] == NER_O ||
			    NER_POS(T.gold[ln->t0 + b]) == 0 || NER_POS(T.gold[ln->t0 + b]) == 3))
				s->tp[NER_TYPE(pred[a])]++;
			else
				s->fp[NER_TYPE(pred[a])]++;
		}
	}
	/* misses: every gold name less those found */
	(void)ngold;
	for (i = 0; i < d->ngold; i++)
		s->fn[d->gt[i]]++;
}

static void
score_fix(struct score *s)
{
	int t;

	for (t = 0; t < 3; t++)
		s->fn[t] = s->fn[t] > s->tp[t] ? s->fn[t] - s->tp[t] : 0;
}

static void
print_score(const char *what, const struct score *s)
{
	size_t tp = 0, fp = 0, fn = 0;
	double p, r;
	int t;

	for (t = 0; t < 3; t++) {
		tp += s->tp[t];
		fp += s->fp[t];
		fn += s->fn[t];
	}
	p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
	r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
	printf("%-14s names %5zu  P %.3f  R %.3f  F1 %.3f", what, tp + fn, p, r,
	    p + r > 0 ? 2 * p * r / (p + r) : 0);
	for (t = 0; t < 3; t++) {
		size_t g = s->tp[t] + s->fn[t], y = s->tp[t] + s->fp[t];
		double f = g + y ? 2.0 * (double)s->tp[t] / (double)(g + y) : 0;

		printf("  %s %.3f", t == 0 ? "PER" : t == 1 ? "PLA" : "ORG", f);
	}
	printf("\n");
}

static void
score_add(struct score *a, const struct score *b)
{
	int t;

	for (t = 0; t < 3; t++) {
		a->tp[t] += b->tp[t];
		a->fp[t] += b->fp[t];
		a->fn[t] += b->fn[t];
	}
}

/* ---- the model file ------------------------------------------------------------ */

/* The confidence's temperature: the mean margin between the best and the second
 * emission score of the tokens in names, so that a typical name scores about
 * 1 / (1 + e^-1) against its nearest rival. */
static float
margin_temp(const float *w, const float *tr)
{
	double sum = 0;
	size_t l, i, n = 0;
	float b1, b2, *e;
	int j;

	(void)tr;
	for (l = 0; l < T.nlines; l++) {
		const struct line *ln = &T.lines[l];

		if (ln->n > buf_cap || em_buf == NULL) {
			buf_cap = ln->n * 2 + 16;
			em_buf = xreallocarray(em_buf, buf_cap, NER_STRIDE * sizeof *em_buf);
			bp_buf = xrealloc(bp_buf, buf_cap * NER_STRIDE);
			pred_buf = xrealloc(pred_buf, buf_cap);
		}
		emissions(w, ln->t0, ln->n, em_buf);
		for (i = 0; i < ln->n; i++) {
			if (T.gold[ln->t0 + i] == NER_O)
				continue;
			e = em_buf + i * NER_STRIDE;
			b1 = b2 = -1e30f;
			for (j = 0; j < NER_NTAGS; j++) {
				if (e[j] > b1) {
					b2 = b1;
					b1 = e[j];
				} else if (e[j] > b2)
					b2 = e[j];
			}
			sum += b1 - b2;
			n++;
		}
	}
	return n && sum > 0 ? (float)(sum / (double)n) : 1;
}

static void
write_model(const char *path, const float *w, const float *tr)
{
	struct ner_header h;
	size_t nw = ((size_t)1 << T.nbits) * NER_STRIDE, i, len, off;
	float mx = 0;
	char *out, err[LEDE_ERRLEN];
	int16_t *q;
	uint64_t sum;

	for (i = 0; i < nw; i++)
		if (w[i] > mx || -w[i] > mx)
			mx = w[i] > 0 ? w[i] : -w[i];
	memset(&h, 0, sizeof h);
	memcpy(h.magic, NER_MAGIC, 8);
	h.featver = NER_FEATVER;
	h.ntags = NER_NTAGS;
	h.nbits = T.nbits;
	h.ninner = (uint32_t)T.ninner;
	h.scale = mx > 0 ? 32767.0f / mx : 1;
	h.temp = margin_temp(w, tr);
	len = sizeof h + NER_STRIDE * NER_STRIDE * sizeof(float) + nw * sizeof(int16_t) +
	    T.ninner * sizeof(uint64_t) + sizeof sum;
	out = xcalloc(1, len);
	memcpy(out, &h, sizeof h);
	off = sizeof h;
	memcpy(out + off, tr, NER_STRIDE * NER_STRIDE * sizeof(float));
	off += NER_STRIDE * NER_STRIDE * sizeof(float);
	q = (int16_t *)(void *)(out + off);
	for (i = 0; i < nw; i++) {
		float v = w[i] * h.scale;

		q[i] = (int16_t)(v < 0 ? v - 0.5f : v + 0.5f);
	}
	off += nw * sizeof(int16_t);
	memcpy(out + off, T.inner, T.ninner * sizeof(uint64_t));
	off += T.ninner * sizeof(uint64_t);
	sum = ner_checksum(out, off);
	memcpy(out + off, &sum, sizeof sum);
	if (write_file_atomic(path, out, len, err, sizeof err) == -1)
		die(err);
	free(out);
	fprintf(stderr, "ner-train: %s: %zu bytes, %u-bit features, %zu inner words\n",
	    path, len, T.nbits, T.ninner);
}

static void
free_all(void)
{
	size_t d;

	for (d = 0; d < T.ndocs; d++) {
		free(T.docs[d].name);
		free(T.docs[d].genre);
		free(T.docs[d].art.text);
		free(T.docs[d].gs);
		free(T.docs[d].ge);
		free(T.docs[d].gt);
	}
	free(T.docs);
	free(T.lines);
	free(T.tok);
	free(T.gold);
	free(T.open);
	free(T.feat);
	free(T.nfeat);
	free(T.inner);
	free(em_buf);
	free(bp_buf);
	free(pred_buf);
}

/* ---- main ---------------------------------------------------------------------- */

static void
load_all(struct knowledge *k, size_t from)
{
	struct clean_result c;
	size_t i;

	for (i = from; i < T.ndocs; i++) {
		T.cur = i;
		T.docs[i].l0 = T.nlines;
		clean_article(k->rules, &T.docs[i].art, &c);
		entity_ner_lines(k->kb, &T.docs[i].art, &c, take_line, NULL);
		clean_result_free(&c);
	}
}

int
main(int argc, char **argv)
{
	const char *datadir = "data", *out = NULL, *dev = NULL, *hold = NULL;
	int epochs = 10, cv = 0, i;
	size_t ntrain, g, d, nw, lost = 0, ng = 0;
	struct knowledge k;
	float *w, tr[NER_STRIDE * NER_STRIDE];
	char **genres = NULL;
	struct score s, all;

	T.nbits = 16;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-d") == 0 && i + 1 < argc)
			datadir = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "-e") == 0 && i + 1 < argc)
			epochs = atoi(argv[++i]);
		else if (strcmp(argv[i], "-b") == 0 && i + 1 < argc)
			T.nbits = (unsigned)atoi(argv[++i]);
		else if (strcmp(argv[i], "--dev") == 0 && i + 1 < argc)
			dev = argv[++i];
		else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
			bonus = (float)atof(argv[++i]);
		else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc)
			ner_feat_off = strtoull(argv[++i], NULL, 0);
		else if (strcmp(argv[i], "-x") == 0 && i + 1 < argc)
			hold = argv[++i];
		else if (strcmp(argv[i], "--cv") == 0)
			cv = 1;
		else
			break;
	}
	if (i == argc || T.nbits < 8 || T.nbits > 24 || epochs < 1) {
		fprintf(stderr, "usage: ner-train [-d DATADIR] [-o MODEL] [-e EPOCHS] "
		    "[-b BITS] [-x GENRE] [--cv] [--dev FILE] TRAIN.jsonl...\n");
		return 2;
	}
	for (; i < argc; i++)
		read_docs(argv[i]);
	ntrain = T.ndocs;
	if (dev)
		read_docs(dev);
	for (d = ntrain; d < T.ndocs; d++)
		T.docs[d].dev = 1;
	/* the rules as lede runs them, without a model (none is loaded from -d
	 * unless it is there; the rules' reading does not depend on it) */
	knowledge_load(&k, datadir, NULL, warn, NULL);
	load_all(&k, 0);
	knowledge_free(&k);
	for (d = 0; d < ntrain; d++)
		lost += T.docs[d].nlost, ng += T.docs[d].ngold;
	fprintf(stderr, "ner-train: %zu documents, %zu lines, %zu tokens, %zu names "
	    "(%zu fit no token boundary)\n", ntrain, T.nlines, T.ntok, ng, lost);
	/* inner words from the training documents only */
	{
		size_t keep = T.ntok;

		T.ntok = ntrain < T.ndocs ? T.lines[T.docs[ntrain].l0].t0 : T.ntok;
		find_inner();
		T.ntok = keep;
	}
	prepare();
	nw = ((size_t)1 << T.nbits) * NER_STRIDE;
	w = xcalloc(nw, sizeof *w);
	if (cv) {
		memset(&all, 0, sizeof all);
		for (d = 0; d < ntrain; d++) {
			for (g = 0; genres && genres[g]; g++)
				if (strcmp(genres[g], T.docs[d].genre) == 0)
					break;
			if (genres && genres[g])
				continue;
			genres = xreallocarray(genres, g + 2, sizeof *genres);
			genres[g] = T.docs[d].genre;
			genres[g + 1] = NULL;
		}
		for (g = 0; genres && genres[g]; g++) {
			train(genres[g], epochs, w, tr);
			add_bonus(w);
			memset(&s, 0, sizeof s);
			for (d = 0; d < ntrain; d++)
				if (strcmp(T.docs[d].genre, genres[g]) == 0)
					score_doc(w, tr, d, &s);
			score_fix(&s);
			print_score(genres[g], &s);
			score_add(&all, &s);
		}
		print_score("all (held out)", &all);
	}
	/* the final model: every training document, never the dev ones */
	train(hold, epochs, w, tr);
	add_bonus(w);
	if (dev) {
		memset(&s, 0, sizeof s);
		for (d = ntrain; d < T.ndocs; d++)
			score_doc(w, tr, d, &s);
		score_fix(&s);
		print_score("dev", &s);
	}
	if (out)
		write_model(out, w, tr);
	free(w);
	free(genres);
	free_all();
	return 0;
}
