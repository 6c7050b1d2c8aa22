/* story_align.c - the sentences of one story aligned across its sources, and the
 * words where one source stands against the others */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lede/json.h"
#include "lede/story.h"
#include "story_int.h"

#define ALIGN_MIN	0.30	/* weighted overlap of words for two sentences to align */
#define SENT_MAX	160	/* longer sentences are aligned but not compared word by word */
#define SPAN_MAX	5	/* words in a flagged span, and in its counterpart */
#define MAJ_MIN		2	/* sources that must agree on the other rendering */
#define MAJ_FRAC	0.40	/* ... and that share of the aligned sources */
#define SUP_MAX		0	/* sources that may render it as this one does */
#define CMP_MAX		64	/* articles of one story compared with each other */
#define CONTENT_PER_DOC	2	/* a content word is in at most this many sentences per article */

struct ssent {
	size_t	 doc;
	size_t	 w0, nw;	/* words of the doc */
	uint64_t *set;		/* distinct word hashes, sorted */
	size_t	 nset;
	double	 weight;	/* of the set */
};

struct sdocw {
	struct sword	*w;
	size_t		 nw;
};

struct match {
	size_t	 sent;		/* the aligned sentence of another source */
	double	 sim;
};

/* A word-hash table of sentence frequencies. */
struct freq {
	uint64_t	*key;
	uint32_t	*n;
	size_t		 nslots;
};

static size_t
freq_slot(const struct freq *f, uint64_t k)
{
	size_t i = (size_t)(k | 1) & (f->nslots - 1);

	while (f->key[i] != 0 && f->key[i] != (k | 1))
		i = (i + 1) & (f->nslots - 1);
	return i;
}

static double
wt(const struct freq *f, double nsent, uint64_t k)
{
	return log((nsent + 1) / (double)f->n[freq_slot(f, k)]);
}

/* ---- words of two aligned sentences ------------------------------------------- */

/* map[i] = the word of t matched to word i of s by a longest common subsequence,
 * or -1. */
static void
lcs_map(const struct sword *s, size_t ns, const struct sword *t, size_t nt, int *map)
{
	static unsigned short dp[(SENT_MAX + 1) * (SENT_MAX + 1)];
	size_t i, j, w = nt + 1;

	for (i = 0; i <= ns; i++)
		dp[i * w + nt] = 0;
	for (j = 0; j <= nt; j++)
		dp[ns * w + j] = 0;
	for (i = ns; i-- > 0;)
		for (j = nt; j-- > 0;) {
			unsigned short a = dp[(i + 1) * w + j], b = dp[i * w + j + 1];
			dp[i * w + j] = s[i].h == t[j].h ? dp[(i + 1) * w + j + 1] + 1 :
			    a > b ? a : b;
		}
	for (i = 0; i < ns; i++)
		map[i] = -1;
	for (i = j = 0; i < ns && j < nt;) {
		if (s[i].h == t[j].h) {
			map[i++] = (int)j++;
		} else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1])
			i++;
		else
			j++;
	}
}

struct cand {
	size_t	 i0, i1;	/* words of s */
	uint64_t cp;		/* hash of the majority counterpart */
	size_t	 cpsent, j0, j1;	/* where it is, for the suggestion */
	size_t	 best, support, k;
	int	 content;	/* 0 not known yet, 1 no content word, 2 one */
};

static uint64_t
seq_hash(const struct sword *w, size_t j0, size_t j1)
{
	uint64_t h = 0x51ed27;

	for (; j0 < j1; j0++)
		h = hash_mix(h, w[j0].h);
	return h;
}

/* ---- the comparison ------------------------------------------------------------ */

struct work {
	const struct analysis *const	*an;
	size_t				 n;
	struct sdocw			*docs;
	struct ssent			*sents;
	size_t				 nsents;
	struct story_cmp		*out;
	size_t				 flagcap;
	const struct freq		*f;	/* sentence frequencies of words */
};

/* A difference in function words alone (a for the, this for our) is how
 * sources word things, not what they say: a flag needs a content word, one
 * that the story's sentences seldom use. */
static int
has_content(const struct work *wk, const struct sword *w, size_t a, size_t b)
{
	for (; a < b; a++)
		if (wk->f->n[freq_slot(wk->f, w[a].h)] <= CONTENT_PER_DOC * wk->n)
			return 1;
	return 0;
}

/* A disagreement's confidence: at least two other sources agree on every flag,
 * and it grows with the share of the story that does. */
static double
flag_score(size_t agree, size_t n)
{
	return n > 0 ? 0.6 + 0.3 * (double)agree / (double)n : 0.6;
}

static void
add_flag(struct work *wk, const struct ssent *s, const struct cand *c, size_t nsrc)
{
	const struct sword *sw = wk->docs[s->doc].w + s->w0;
	const struct ssent *o = &wk->sents[c->cpsent];
	const struct sword *ow = wk->docs[o->doc].w + o->w0;
	const char *otext = wk->an[o->doc]->art->text;
	size_t a = ow[c->j0].start, b = ow[c->j1 - 1].end, i;
	int num = 0, names = 1;
	struct story_flag *f;

	for (i = c->i0; i < c->i1; i++) {
		num |= sw[i].num;
		names &= sw[i].cap && !(sw[i].sent && i == 0);
	}
	for (i = c->j0; i < c->j1; i++) {
		num |= ow[i].num;
		names &= ow[i].cap;
	}
	if (wk->out->nflags == wk->flagcap) {
		wk->flagcap = wk->flagcap ? 2 * wk->flagcap : 16;
		wk->out->flags = xreallocarray(wk->out->flags, wk->flagcap,
		    sizeof *wk->out->flags);
	}
	f = &wk->out->flags[wk->out->nflags++];
	f->art = s->doc;
	f->start = sw[c->i0].start;
	f->end = sw[c->i1 - 1].end;
	f->kind = num ? AK_OTHER : names ? AK_NAME_VARIANT : AK_MISTRANSLATION;
	f->suggestion = xstrndup(otext + a, b - a);
	f->note = xasprintf("%zu of %zu sources: %s", c->best, nsrc, f->suggestion);
	f->score = flag_score(c->best, nsrc);
}

/* The spans of s that the aligned sentences m[] render otherwise, in agreement. */
static void
compare_sentence(struct work *wk, size_t si, const struct match *m, size_t nm)
{
	const struct ssent *s = &wk->sents[si];
	const struct sword *sw = wk->docs[s->doc].w + s->w0;
	static int maps[CMP_MAX][SENT_MAX];
	struct cand *cands = NULL;
	size_t ncand = 0, capc = 0, i, j, q, ns = s->nw;
	unsigned char taken[SENT_MAX];

	if (ns > SENT_MAX || nm < MAJ_MIN)
		return;
	for (q = 0; q < nm; q++) {
		const struct ssent *t = &wk->sents[m[q].sent];
		if (t->nw > SENT_MAX) {
			for (i = 0; i < ns; i++)
				maps[q][i] = -2;	/* not compared */
			continue;
		}
		lcs_map(sw, ns, wk->docs[t->doc].w + t->w0, t->nw, maps[q]);
	}
	/* Candidate spans: runs of unmatched words of s between matched ones. */
	for (q = 0; q < nm; q++) {
		for (i = 0; i < ns;) {
			if (maps[q][i] != -1) {
				i++;
				continue;
			}
			size_t i0 = i;
			while (i < ns && maps[q][i] == -1)
				i++;
			if (i0 == 0 || i == ns || i - i0 > SPAN_MAX)
				continue;	/* anchored on both sides, short */
			for (j = 0; j < ncand; j++)
				if (cands[j].i0 == i0 && cands[j].i1 == i)
					break;
			if (j < ncand)
				continue;
			if (ncand == capc) {
				capc = capc ? 2 * capc : 8;
				cands = xreallocarray(cands, capc, sizeof *cands);
			}
			cands[ncand++] = (struct cand){ .i0 = i0, .i1 = i };
		}
	}
	/* Count, for each, the sources agreeing with s and those agreeing elsewhere. */
	for (j = 0; j < ncand; j++) {
		struct cand *c = &cands[j];
		uint64_t cps[CMP_MAX];
		size_t cpq[CMP_MAX], ncp = 0, k = 0;

		for (q = 0; q < nm; q++) {
			const int *mp = maps[q];
			int all = 1, none = 1;
			if (mp[0] == -2)
				continue;
			k++;
			for (i = c->i0; i < c->i1; i++) {
				all &= mp[i] >= 0;
				none &= mp[i] < 0;
			}
			if (all) {
				c->support++;
				continue;
			}
			if (!none || mp[c->i0 - 1] < 0 || mp[c->i1] < 0)
				continue;
			size_t j0 = (size_t)mp[c->i0 - 1] + 1, j1 = (size_t)mp[c->i1];
			if (j1 <= j0 || j1 - j0 > SPAN_MAX)
				continue;
			const struct ssent *t = &wk->sents[m[q].sent];
			cps[ncp] = seq_hash(wk->docs[t->doc].w + t->w0, j0, j1);
			cpq[ncp++] = q;
		}
		c->k = k;
		for (i = 0; i < ncp; i++) {
			size_t same = 0;
			for (q = 0; q < ncp; q++)
				same += cps[q] == cps[i];
			if (same > c->best) {
				const int *mp = maps[cpq[i]];
				c->best = same;
				c->cp = cps[i];
				c->cpsent = m[cpq[i]].sent;
				c->j0 = (size_t)mp[c->i0 - 1] + 1;
				c->j1 = (size_t)mp[c->i1];
			}
		}
	}
	/* The strongest first, none overlapping. */
	memset(taken, 0, ns);
	for (;;) {
		struct cand *pick = NULL;
		for (j = 0; j < ncand; j++) {
			struct cand *c = &cands[j];
			if (c->best < MAJ_MIN || c->support > SUP_MAX ||
			    (double)c->best < MAJ_FRAC * (double)c->k)
				continue;
			if (!c->content) {
				const struct ssent *o = &wk->sents[c->cpsent];
				c->content = 1 + (has_content(wk, sw, c->i0, c->i1) ||
				    has_content(wk, wk->docs[o->doc].w + o->w0, c->j0, c->j1));
			}
			if (c->content != 2)
				continue;
			for (i = c->i0; i < c->i1 && !taken[i]; i++)
				;
			if (i < c->i1)
				continue;
			if (pick == NULL || c->best > pick->best ||
			    (c->best == pick->best && c->i1 - c->i0 < pick->i1 - pick->i0))
				pick = c;
		}
		if (pick == NULL)
			break;
		for (i = pick->i0; i < pick->i1; i++)
			taken[i] = 1;
		add_flag(wk, s, pick, pick->k + 1);
		pick->best = 0;
	}
	free(cands);
}


/* ---- names one source spells unlike the others ---------------------------------- */

struct capw {
	uint64_t	 h;
	size_t		 doc, w;	/* where: a word of a doc */
};

static int
cmp_capw(const void *a, const void *b)
{
	const struct capw *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return x->w < y->w ? -1 : x->w > y->w;
}

static inline unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static int
is_prefix(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i, n = na < nb ? na : nb;

	for (i = 0; i < n; i++)
		if (fold((unsigned char)a[i]) != fold((unsigned char)b[i]))
			return 0;
	return 1;
}

struct cgroup {
	size_t	 first, end;	/* entries of one word in the sorted capw array */
	size_t	 ndocs;
};

/* The capitalised word before word i of a doc, inside its sentence, or NULL. */
static const struct sword *
cap_before(const struct sdocw *d, const char *text, size_t i)
{
	size_t k;

	if (i == 0 || d->w[i].sent || !d->w[i - 1].cap)
		return NULL;
	for (k = d->w[i - 1].end; k < d->w[i].start; k++)
		if (text[k] != ' ')
			return NULL;	/* the same name: only a space between */
	return &d->w[i - 1];
}

static void
push_flag(struct work *wk, size_t doc, size_t start, size_t end, char *sugg,
    size_t agree)
{
	struct story_flag *f;

	if (wk->out->nflags == wk->flagcap) {
		wk->flagcap = wk->flagcap ? 2 * wk->flagcap : 16;
		wk->out->flags = xreallocarray(wk->out->flags, wk->flagcap,
		    sizeof *wk->out->flags);
	}
	f = &wk->out->flags[wk->out->nflags++];
	f->art = doc;
	f->start = start;
	f->end = end;
	f->kind = AK_NAME_VARIANT;
	f->suggestion = sugg;
	f->note = xasprintf("%zu of %zu sources: %s", agree, wk->n, sugg);
	f->score = flag_score(agree, wk->n);
}

/* A capitalised word that one source alone uses, a near-spelling of one that
 * others use (not a longer or shorter form of it: Russia, Russian), is that
 * name misspelt; a capitalised word just before it that the others write
 * otherwise before theirs is part of the same name. */
static void
compare_names(struct work *wk)
{
	struct capw *cw = NULL;
	struct cgroup *g = NULL;
	size_t ncw = 0, cap = 0, ng = 0, d, i, j, k;

	for (d = 0; d < wk->n; d++)
		for (i = 0; i < wk->docs[d].nw; i++) {
			const struct sword *w = &wk->docs[d].w[i];
			if (!w->cap || w->end - w->start < 4)
				continue;
			if (ncw == cap) {
				cap = cap ? 2 * cap : 256;
				cw = xreallocarray(cw, cap, sizeof *cw);
			}
			cw[ncw++] = (struct capw){ w->h, d, i };
		}
	sort_n(cw, ncw, sizeof *cw, cmp_capw);
	/* Words the story also writes in lower case are words, not names. */
	uint64_t *low = NULL;
	size_t nlow = 0, lcap = 0;
	for (d = 0; d < wk->n; d++)
		for (i = 0; i < wk->docs[d].nw; i++) {
			const struct sword *w = &wk->docs[d].w[i];
			if (w->cap || w->num)
				continue;
			if (nlow == lcap) {
				lcap = lcap ? 2 * lcap : 256;
				low = xreallocarray(low, lcap, sizeof *low);
			}
			low[nlow++] = w->h;
		}
	sort_n(low, nlow, sizeof *low, cmp_u64);
	g = xreallocarray(NULL, ncw ? ncw : 1, sizeof *g);
	for (i = 0; i < ncw; i = j) {
		size_t docs = 1;
		for (j = i + 1; j < ncw && cw[j].h == cw[i].h; j++)
			docs += cw[j].doc != cw[j - 1].doc;
		if (nlow > 0 && bsearch(&cw[i].h, low, nlow, sizeof *low, cmp_u64) != NULL)
			continue;
		g[ng++] = (struct cgroup){ i, j, docs };
	}
	for (i = 0; i < ng; i++) {
		const struct capw *a = &cw[g[i].first];
		const struct sword *aw = &wk->docs[a->doc].w[a->w];
		const char *at = wk->an[a->doc]->art->text + aw->start;
		size_t na = aw->end - aw->start, best = (size_t)-1;

		if (g[i].ndocs != 1)
			continue;
		for (k = g[i].first; k < g[i].end; k++)	/* not only as a sentence's first word */
			if (!wk->docs[cw[k].doc].w[cw[k].w].sent)
				break;
		if (k == g[i].end)
			continue;
		for (k = 0; k < ng; k++) {
			const struct capw *b = &cw[g[k].first];
			const struct sword *bw = &wk->docs[b->doc].w[b->w];
			const char *bt = wk->an[b->doc]->art->text + bw->start;
			size_t nb = bw->end - bw->start;
			if (g[k].ndocs < MAJ_MIN || is_prefix(at, na, bt, nb))
				continue;
			if (edit_distance(at, na, bt, nb, na >= 6 && nb >= 6 ? 2 : 1, 0) >
			    (na >= 6 && nb >= 6 ? 2u : 1u))
				continue;
			if (best == (size_t)-1 || g[k].ndocs > g[best].ndocs)
				best = k;
		}
		if (best == (size_t)-1)
			continue;
		/* The others' name: the word, and the capitalised word most often before it. */
		const struct capw *b = &cw[g[best].first];
		const struct sword *bw = &wk->docs[b->doc].w[b->w];
		const char *bt = wk->an[b->doc]->art->text;
		uint64_t lh[CMP_MAX];
		const struct sword *lw[CMP_MAX];
		size_t ldoc[CMP_MAX], nl = 0, q, lbest = (size_t)-1, lcount = 0;
		for (q = g[best].first; q < g[best].end && nl < CMP_MAX; q++) {
			const struct sword *p = cap_before(&wk->docs[cw[q].doc],
			    wk->an[cw[q].doc]->art->text, cw[q].w);
			if (p != NULL && (nl == 0 || ldoc[nl - 1] != cw[q].doc)) {
				lh[nl] = p->h;
				lw[nl] = p;
				ldoc[nl++] = cw[q].doc;
			}
		}
		for (q = 0; q < nl; q++) {
			size_t same = 0, r;
			for (r = 0; r < nl; r++)
				same += lh[r] == lh[q];
			if (same > lcount) {
				lcount = same;
				lbest = q;
			}
		}
		size_t others = 0;	/* the other sources that write the name so */
		for (q = g[best].first; q < g[best].end; q++)
			others += cw[q].doc != a->doc &&
			    (q == g[best].first || cw[q - 1].doc != cw[q].doc);
		for (q = g[i].first; q < g[i].end; q++) {
			const struct sdocw *dw = &wk->docs[cw[q].doc];
			const struct sword *w = &dw->w[cw[q].w];
			const struct sword *p = cap_before(dw, wk->an[cw[q].doc]->art->text,
			    cw[q].w);
			size_t start = w->start;
			char *sugg;
			if (p != NULL && lbest != (size_t)-1 && lcount >= MAJ_MIN &&
			    lh[lbest] != p->h) {
				const char *lt = wk->an[ldoc[lbest]]->art->text;
				start = p->start;
				sugg = xasprintf("%.*s %.*s",
				    (int)(lw[lbest]->end - lw[lbest]->start), lt + lw[lbest]->start,
				    (int)(bw->end - bw->start), bt + bw->start);
			} else
				sugg = xstrndup(bt + bw->start, bw->end - bw->start);
			push_flag(wk, cw[q].doc, start, w->end, sugg, others);
		}
	}
	free(low);
	free(g);
	free(cw);
}

static int
cmp_flag(const void *a, const void *b)
{
	const struct story_flag *x = a, *y = b;

	if (x->art != y->art)
		return x->art < y->art ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

static size_t
uf_find(size_t *p, size_t i)
{
	while (p[i] != i) {
		p[i] = p[p[i]];
		i = p[i];
	}
	return i;
}

static int
cmp_span(const void *a, const void *b)
{
	const size_t *x = a, *y = b;	/* (group, sentence) pairs */

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

void
story_compare(const struct analysis *const *an, size_t n, struct story_cmp *out)
{
	struct work wk = { .an = an, .n = n > CMP_MAX ? CMP_MAX : n, .out = out };
	struct freq f = { 0 };
	size_t d, i, j, cap = 0, total = 0;

	memset(out, 0, sizeof *out);
	wk.f = &f;
	if (wk.n < 2)
		return;
	wk.docs = xcalloc(wk.n, sizeof *wk.docs);
	for (d = 0; d < wk.n; d++) {
		struct sdocw *x = &wk.docs[d];
		x->nw = story_words(an[d], 0, &x->w);
		for (i = 0; i < x->nw; i = j) {
			for (j = i + 1; j < x->nw && !x->w[j].sent; j++)
				;
			if (wk.nsents == cap) {
				cap = cap ? 2 * cap : 256;
				wk.sents = xreallocarray(wk.sents, cap, sizeof *wk.sents);
			}
			wk.sents[wk.nsents++] = (struct ssent){ .doc = d, .w0 = i, .nw = j - i };
		}
	}
	/* Distinct words per sentence and how many sentences have each. */
	for (i = 0; i < wk.nsents; i++) {
		struct ssent *s = &wk.sents[i];
		const struct sword *w = wk.docs[s->doc].w + s->w0;
		s->set = xreallocarray(NULL, s->nw, sizeof *s->set);
		for (j = 0; j < s->nw; j++)
			s->set[j] = w[j].h;
		sort_n(s->set, s->nw, sizeof *s->set, cmp_u64);
		for (j = s->nset = 0; j < s->nw; j++)
			if (s->nset == 0 || s->set[s->nset - 1] != s->set[j])
				s->set[s->nset++] = s->set[j];
		total += s->nset;
	}
	for (f.nslots = 64; f.nslots < 2 * total + 2; f.nslots *= 2)
		;
	f.key = xcalloc(f.nslots, sizeof *f.key);
	f.n = xcalloc(f.nslots, sizeof *f.n);
	for (i = 0; i < wk.nsents; i++)
		for (j = 0; j < wk.sents[i].nset; j++) {
			size_t k = freq_slot(&f, wk.sents[i].set[j]);
			f.key[k] = wk.sents[i].set[j] | 1;
			f.n[k]++;
		}
	for (i = 0; i < wk.nsents; i++) {
		struct ssent *s = &wk.sents[i];
		s->weight = 0;
		for (j = 0; j < s->nset; j++)
			s->weight += wt(&f, (double)wk.nsents, s->set[j]);
	}

	/* Postings: the sentences of each word, for the candidates of each sentence. */
	uint64_t (*post)[2] = xreallocarray(NULL, total ? total : 1, sizeof *post);
	size_t np = 0;
	for (i = 0; i < wk.nsents; i++)
		for (j = 0; j < wk.sents[i].nset; j++) {
			post[np][0] = wk.sents[i].set[j];
			post[np++][1] = i;
		}
	sort_n(post, np, sizeof *post, cmp_u64);	/* by word; sentences stay grouped */

	double *shared = xcalloc(wk.nsents, sizeof *shared);
	size_t *touched = xreallocarray(NULL, wk.nsents, sizeof *touched), nt;
	struct match *best = xreallocarray(NULL, wk.n, sizeof *best);
	struct match *m = xreallocarray(NULL, wk.n, sizeof *m);
	size_t *bestof = xreallocarray(NULL, wk.nsents * wk.n, sizeof *bestof);
	size_t *parent = xreallocarray(NULL, wk.nsents, sizeof *parent);

	for (i = 0; i < wk.nsents; i++)
		parent[i] = i;
	for (i = 0; i < wk.nsents; i++) {
		const struct ssent *s = &wk.sents[i];
		nt = 0;
		for (j = 0; j < s->nset; j++) {
			uint64_t key = s->set[j];
			double w = wt(&f, (double)wk.nsents, key);
			size_t lo = 0, hi = np;
			while (lo < hi) {	/* first posting of key */
				size_t mid = lo + (hi - lo) / 2;
				if (post[mid][0] < key)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (; lo < np && post[lo][0] == key; lo++) {
				size_t o = (size_t)post[lo][1];
				if (wk.sents[o].doc == s->doc)
					continue;
				if (shared[o] == 0)
					touched[nt++] = o;
				shared[o] += w;
			}
		}
		for (d = 0; d < wk.n; d++)
			best[d] = (struct match){ (size_t)-1, 0 };
		for (j = 0; j < nt; j++) {
			size_t o = touched[j];
			const struct ssent *t = &wk.sents[o];
			double sim = shared[o] / (s->weight + t->weight - shared[o]);
			if (sim >= ALIGN_MIN && sim > best[t->doc].sim)
				best[t->doc] = (struct match){ o, sim };
			shared[o] = 0;
		}
		for (d = 0; d < wk.n; d++)
			bestof[i * wk.n + d] = best[d].sent;
	}
	/* Alignments: sentences that are each other's best match. */
	for (i = 0; i < wk.nsents; i++)
		for (d = 0; d < wk.n; d++) {
			size_t o = bestof[i * wk.n + d];
			if (o != (size_t)-1 && bestof[o * wk.n + wk.sents[i].doc] == i) {
				size_t a = uf_find(parent, i), b = uf_find(parent, o);
				if (a != b)
					parent[a < b ? b : a] = a < b ? a : b;
			}
		}
	/* Disagreements: names first, then each sentence against its best match in
	 * every other source. */
	compare_names(&wk);
	for (i = 0; i < wk.nsents; i++) {
		size_t nm = 0;
		for (d = 0; d < wk.n; d++) {
			size_t o = bestof[i * wk.n + d];
			if (o != (size_t)-1)
				m[nm++] = (struct match){ o, 0 };
		}
		compare_sentence(&wk, i, m, nm);
	}
	sort_n(out->flags, out->nflags, sizeof *out->flags, cmp_flag);
	for (i = j = 0; i < out->nflags; i++) {	/* none overlapping: the first stays */
		struct story_flag *f = &out->flags[i];
		if (j > 0 && out->flags[j - 1].art == f->art && out->flags[j - 1].end > f->start) {
			free(f->suggestion);
			free(f->note);
			continue;
		}
		out->flags[j++] = *f;
	}
	out->nflags = j;

	/* What only one source reports: sentences that align with none of the others'. */
	out->lone = xreallocarray(NULL, wk.nsents ? wk.nsents : 1, sizeof *out->lone);
	for (i = 0; i < wk.nsents; i++) {
		const struct ssent *s = &wk.sents[i];
		const struct sword *w = wk.docs[s->doc].w;
		for (d = 0; d < wk.n && bestof[i * wk.n + d] == (size_t)-1; d++)
			;
		if (d == wk.n)
			out->lone[out->nlone++] = (struct story_span){ s->doc,
			    w[s->w0].start, w[s->w0 + s->nw - 1].end };
	}
	/* Alignment groups of two sentences or more, in order of their first. */
	size_t (*gs)[2] = xreallocarray(NULL, wk.nsents, sizeof *gs);
	for (i = 0; i < wk.nsents; i++) {
		gs[i][0] = uf_find(parent, i);
		gs[i][1] = i;
	}
	sort_n(gs, wk.nsents, sizeof *gs, cmp_span);
	out->spans = xreallocarray(NULL, wk.nsents ? wk.nsents : 1, sizeof *out->spans);
	out->align_end = xreallocarray(NULL, wk.nsents ? wk.nsents : 1,
	    sizeof *out->align_end);
	size_t nspan = 0;
	for (i = 0; i < wk.nsents; i = j) {
		for (j = i + 1; j < wk.nsents && gs[j][0] == gs[i][0]; j++)
			;
		if (j - i < 2)
			continue;
		for (size_t k = i; k < j; k++) {
			const struct ssent *s = &wk.sents[gs[k][1]];
			const struct sword *w = wk.docs[s->doc].w;
			out->spans[nspan++] = (struct story_span){ s->doc,
			    w[s->w0].start, w[s->w0 + s->nw - 1].end };
		}
		out->align_end[out->naligns++] = nspan;
	}

	free(gs);
	free(parent);
	free(bestof);
	free(m);
	free(best);
	free(touched);
	free(shared);
	free(post);
	free(f.key);
	free(f.n);
	for (i = 0; i < wk.nsents; i++)
		free(wk.sents[i].set);
	free(wk.sents);
	for (d = 0; d < wk.n; d++)
		free(wk.docs[d].w);
	free(wk.docs);
}

void
story_cmp_free(struct story_cmp *c)
{
	size_t i;

	for (i = 0; i < c->nflags; i++) {
		free(c->flags[i].suggestion);
		free(c->flags[i].note);
	}
	free(c->flags);
	free(c->lone);
	free(c->spans);
	free(c->align_end);
	memset(c, 0, sizeof *c);
}

size_t
story_add_artifacts(struct analysis *an, const struct story_cmp *c, size_t which,
    int all)
{
	struct clean_result *r = &an->clean;
	size_t i, j, add = 0;

	for (i = 0; i < c->nflags; i++)
		add += c->flags[i].art == which &&
		    (all || c->flags[i].kind == AK_NAME_VARIANT);
	if (add == 0)
		return 0;
	r->arts = xreallocarray(r->arts, r->narts + add, sizeof *r->arts);
	add = 0;
	for (i = 0; i < c->nflags; i++) {
		const struct story_flag *f = &c->flags[i];
		if (f->art != which || (!all && f->kind != AK_NAME_VARIANT))
			continue;
		for (j = 0; j < r->narts; j++)
			if (r->arts[j].start < f->end && f->start < r->arts[j].end)
				break;
		if (j < r->narts)
			continue;	/* the single-article finding stands */
		for (j = r->narts; j > 0 && r->arts[j - 1].start > f->start; j--)
			r->arts[j] = r->arts[j - 1];
		r->arts[j] = (struct artifact){ .start = f->start, .end = f->end,
		    .kind = f->kind, .suggestion = xstrdup(f->suggestion),
		    .note = xstrdup(f->note), .score = f->score };
		r->narts++;
		add++;
	}
	return add;
}

/* ---- JSON ----------------------------------------------------------------------- */

static int
cmp_name(const void *a, const void *b)
{
	const struct entity *const *x = a, *const *y = b;
	int c = strcmp((*x)->canonical, (*y)->canonical);

	return c ? c : (int)(*x)->type - (int)(*y)->type;
}

static void
story_entities(struct buf *b, const struct analysis *const *an, size_t n)
{
	const struct entity **all = NULL;
	size_t nall = 0, cap = 0, i, j, k, first = 1;
	size_t *cnt;

	for (i = 0; i < n; i++)
		for (j = 0; j < an[i]->ents.nents; j++) {
			if (nall == cap) {
				cap = cap ? 2 * cap : 64;
				all = xreallocarray(all, cap, sizeof *all);
			}
			all[nall++] = &an[i]->ents.ents[j];
		}
	sort_n(all, nall, sizeof *all, cmp_name);
	/* one entry per name: how many articles name it (an entity is once per article) */
	cnt = xcalloc(nall ? nall : 1, sizeof *cnt);
	for (i = 0; i < nall; i = j) {
		for (j = i + 1; j < nall && cmp_name(&all[i], &all[j]) == 0; j++)
			;
		cnt[i] = j - i;
	}
	/* most widely named first; names alphabetical among equals */
	for (k = n; k > 0; k--)
		for (i = 0; i < nall; i++) {
			if (cnt[i] != k)
				continue;
			if (!first)
				buf_addc(b, ',');
			first = 0;
			buf_addlit(b, "{\"type\":\"");
			buf_adds(b, entity_type_name(all[i]->type));
			buf_addlit(b, "\",\"canonical\":");
			json_buf_cstr(b, all[i]->canonical);
			buf_addf(b, ",\"articles\":%zu}", k);
		}
	free(cnt);
	free(all);
}

static void
span_json(struct buf *b, const struct analysis *an, size_t art, size_t s, size_t e)
{
	buf_addf(b, "{\"article\":%zu,\"start\":%zu,\"end\":%zu,\"text\":", art, s, e);
	json_buf_string(b, an->art->text + s, e - s);
	buf_addc(b, '}');
}

void
story_json(struct buf *b, size_t id, const struct analysis *const *an, size_t n,
    const struct story_cmp *c)
{
	size_t i, j, s0;
	const char *title = NULL;

	for (i = 0; i < n && title == NULL; i++)
		title = an[i]->art->title != NULL ? an[i]->art->title : an[i]->clean.title;
	buf_addf(b, "{\"id\":\"s%zu\",\"title\":", id + 1);
	json_buf_cstr(b, title);
	buf_addlit(b, ",\"articles\":[");
	for (i = 0; i < n; i++) {
		const struct article *a = an[i]->art;
		const struct clean_result *r = &an[i]->clean;
		if (i)
			buf_addc(b, ',');
		buf_addlit(b, "{\"path\":");
		json_buf_cstr(b, a->path);
		if (a->id != NULL) {
			buf_addlit(b, ",\"id\":");
			json_buf_cstr(b, a->id);
		}
		buf_addlit(b, ",\"title\":");
		json_buf_cstr(b, a->title ? a->title : r->title);
		buf_addlit(b, ",\"site\":");
		json_buf_cstr(b, a->site ? a->site : r->site);
		buf_addlit(b, ",\"date\":");
		json_buf_cstr(b, a->date ? a->date : r->date);
		buf_addc(b, '}');
	}
	buf_addlit(b, "],\"entities\":[");
	story_entities(b, an, n);
	buf_addlit(b, "],\"alignments\":[");
	for (i = s0 = 0; i < c->naligns; s0 = c->align_end[i++]) {
		if (i)
			buf_addc(b, ',');
		buf_addc(b, '[');
		for (j = s0; j < c->align_end[i]; j++) {
			const struct story_span *s = &c->spans[j];
			if (j > s0)
				buf_addc(b, ',');
			span_json(b, an[s->art], s->art, s->start, s->end);
		}
		buf_addc(b, ']');
	}
	buf_addlit(b, "],\"disagreements\":[");
	for (i = 0; i < c->nflags; i++) {
		const struct story_flag *f = &c->flags[i];
		if (i)
			buf_addc(b, ',');
		buf_addf(b, "{\"article\":%zu,\"start\":%zu,\"end\":%zu,\"text\":",
		    f->art, f->start, f->end);
		json_buf_string(b, an[f->art]->art->text + f->start, f->end - f->start);
		buf_addlit(b, ",\"kind\":\"");
		buf_adds(b, artifact_kind_name(f->kind));
		buf_addlit(b, "\",\"suggestion\":");
		json_buf_cstr(b, f->suggestion);
		buf_addlit(b, ",\"note\":");
		json_buf_cstr(b, f->note);
		buf_addc(b, '}');
	}
	buf_addlit(b, "],\"only_one_source\":[");
	for (i = 0; i < c->nlone; i++) {
		if (i)
			buf_addc(b, ',');
		span_json(b, an[c->lone[i].art], c->lone[i].art, c->lone[i].start,
		    c->lone[i].end);
	}
	buf_addlit(b, "]}\n");
}
