/* test_ner.c - the name labeller's decoder on hand-made sentences, and its model
 * loader on broken files */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lede/entity.h"
#include "lede/ner.h"
#include "lede/token.h"
#include "lede/util.h"
#include "t.h"

#define PER(pos)	NER_TAG(0, pos)
#define PLA(pos)	NER_TAG(1, pos)
#define ORG(pos)	NER_TAG(2, pos)

static float em[16 * NER_STRIDE], trans[NER_STRIDE * NER_STRIDE];
static unsigned char bp[16 * NER_STRIDE], open_[16], tags[16];

/* Emission scores favouring one tag per token (by 2), others 0. */
static void
favour(const int *want, size_t n)
{
	size_t i;

	memset(em, 0, sizeof em);
	for (i = 0; i < n; i++)
		em[i * NER_STRIDE + want[i]] = 2;
	memset(open_, 1, sizeof open_);
}

static void
test_viterbi(void)
{
	/* "Vladimir Putin said in Geneva": B-PER L-PER O O U-PLACE */
	int s1[] = { PER(0), PER(2), NER_O, NER_O, PLA(3) };
	/* a B with no L after it is no name: the decoder must end it or drop it */
	int s2[] = { ORG(0), NER_O, NER_O };
	/* types may not change inside a name: B-PER then L-ORG */
	int s3[] = { PER(0), ORG(2) };
	size_t i;

	memset(trans, 0, sizeof trans);
	favour(s1, 5);
	ner_viterbi(em, trans, open_, 5, bp, tags);
	for (i = 0; i < 5; i++)
		T_EQ_INT(tags[i], s1[i]);

	favour(s2, 3);
	ner_viterbi(em, trans, open_, 3, bp, tags);
	T_CHECK(tags[0] == ORG(3) || tags[0] == NER_O);

	favour(s3, 2);
	ner_viterbi(em, trans, open_, 2, bp, tags);
	T_CHECK(NER_TYPE(tags[0]) == NER_TYPE(tags[1]) || tags[0] == NER_O ||
	    NER_POS(tags[0]) == 3);
	for (i = 0; i + 1 < 2; i++)
		T_CHECK(ner_trans_ok(tags[i], tags[i + 1]));

	/* a closed token is O whatever its scores say */
	favour(s1, 5);
	open_[4] = 0;
	ner_viterbi(em, trans, open_, 5, bp, tags);
	T_EQ_INT(tags[4], NER_O);
	T_EQ_INT(tags[0], PER(0));

	/* transitions decide between readings the emissions leave open */
	memset(em, 0, sizeof em);
	memset(open_, 1, sizeof open_);
	trans[NER_O * NER_STRIDE + PLA(3)] = 1;
	ner_viterbi(em, trans, open_, 1, bp, tags);
	T_EQ_INT(tags[0], PLA(3));
}

static void
test_trans(void)
{
	T_CHECK(ner_trans_ok(NER_O, PER(0)));
	T_CHECK(ner_trans_ok(NER_O, PER(3)));
	T_CHECK(!ner_trans_ok(NER_O, PER(1)));
	T_CHECK(!ner_trans_ok(NER_O, PER(2)));
	T_CHECK(ner_trans_ok(PER(0), PER(2)));
	T_CHECK(!ner_trans_ok(PER(0), ORG(2)));
	T_CHECK(!ner_trans_ok(PER(0), NER_O));
	T_CHECK(ner_trans_ok(PER(2), ORG(0)));
	T_CHECK(ner_trans_ok(PLA(3), NER_O));
}

/* The features of a token depend on its neighbours, and only on what is given. */
static void
test_features(void)
{
	struct ner_tok t[3];
	uint32_t f1[NER_MAXF], f2[NER_MAXF];
	size_t n1, n2, i, same = 0;

	memset(t, 0, sizeof t);
	t[0].s = "Mr";
	t[0].len = 2;
	t[0].flags = TK_WORD | TK_UPPER;
	t[1].s = "Smith";
	t[1].len = 5;
	t[1].flags = TK_WORD | TK_UPPER;
	t[2].s = "said";
	t[2].len = 4;
	t[2].flags = TK_WORD | TK_LOWER;
	ner_prepare(t, 3);
	n1 = ner_features(t, 3, 1, 16, f1);
	T_CHECK(n1 > 10 && n1 <= NER_MAXF);
	n2 = ner_features(t, 3, 1, 16, f2);
	T_EQ_INT(n2, n1);
	T_CHECK(memcmp(f1, f2, n1 * sizeof *f1) == 0);
	t[2].s = "went";
	ner_prepare(t, 3);
	n2 = ner_features(t, 3, 1, 16, f2);
	for (i = 0; i < n1; i++)
		same += f1[i] == f2[i];
	T_CHECK(same < n1);	/* the next word is a feature */
	for (i = 0; i < n1; i++)
		T_CHECK(f1[i] < (1u << 16));
}

static int nwarn;
static char lastwarn[LEDE_ERRLEN];

static void
warn(const char *msg, void *ctx)
{
	(void)ctx;
	nwarn++;
	snprintf(lastwarn, sizeof lastwarn, "%s", msg);
}

static char dir[] = "/tmp/lede-test-ner.XXXXXX";

static void
put(const char *name, const void *p, size_t n)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");

	T_CHECK(f != NULL);
	if (f) {
		fwrite(p, 1, n, f);
		fclose(f);
	}
	free(path);
}

/* A valid model of 8-bit features, no inner words, weights w. */
static char *
make_model(size_t *len, uint32_t featver)
{
	struct ner_header h;
	size_t nw = (size_t)256 * NER_STRIDE, off;
	char *m;
	uint64_t sum;

	memset(&h, 0, sizeof h);
	memcpy(h.magic, NER_MAGIC, 8);
	h.featver = featver;
	h.ntags = NER_NTAGS;
	h.nbits = 8;
	h.scale = 1;
	h.temp = 1;
	*len = sizeof h + NER_STRIDE * NER_STRIDE * sizeof(float) + nw * 2 + 8;
	m = xcalloc(1, *len);
	memcpy(m, &h, sizeof h);
	off = *len - 8;
	sum = ner_checksum(m, off);
	memcpy(m + off, &sum, 8);
	return m;
}

static void
test_loader(void)
{
	char err[LEDE_ERRLEN], *m, *path;
	size_t len;
	struct ner_model *nm;
	struct entity_kb *kb;
	struct entity_result r;
	struct article art;

	T_CHECK(mkdtemp(dir) != NULL);
	path = xasprintf("%s/ner.model", dir);
	m = make_model(&len, NER_FEATVER);
	put("ner.model", m, len);
	nm = ner_model_load(path, err, sizeof err);
	T_CHECK(nm != NULL);
	T_EQ_INT(nm ? ner_model_bits(nm) : 0, 8);
	ner_model_free(nm);

	/* truncated */
	put("ner.model", m, len - 100);
	T_CHECK(ner_model_load(path, err, sizeof err) == NULL);
	T_CHECK(strstr(err, path) != NULL && strstr(err, "truncated") != NULL);
	T_CHECK(strchr(err, '\n') == NULL);
	/* one byte changed */
	m[len / 2] ^= 1;
	put("ner.model", m, len);
	T_CHECK(ner_model_load(path, err, sizeof err) == NULL);
	T_CHECK(strstr(err, path) != NULL && strstr(err, "corrupt") != NULL);
	m[len / 2] ^= 1;
	/* not a model */
	put("ner.model", "hello\n", 6);
	T_CHECK(ner_model_load(path, err, sizeof err) == NULL);
	T_CHECK(strstr(err, path) != NULL);
	put("ner.model", "LEDENER\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 40);
	T_CHECK(ner_model_load(path, err, sizeof err) == NULL);
	T_CHECK(strstr(err, path) != NULL);
	/* of another version of the features */
	free(m);
	m = make_model(&len, NER_FEATVER + 1);
	put("ner.model", m, len);
	T_CHECK(ner_model_load(path, err, sizeof err) == NULL);
	T_CHECK(strstr(err, path) != NULL && strstr(err, "version") != NULL);

	/* the kb says so in one line, and finds no entities; lede goes on */
	put("gazetteer.tsv", "", 0);
	nwarn = 0;
	kb = entity_kb_load(dir, NULL, warn, NULL);
	T_CHECK(kb != NULL);
	T_EQ_INT(nwarn, 1);
	T_CHECK(strstr(lastwarn, path) != NULL && strstr(lastwarn, "entities are off"));
	T_CHECK(!entity_kb_has_model(kb));
	memset(&art, 0, sizeof art);
	art.text = (char *)"Vladimir Putin met Joe Biden in Geneva.";
	art.len = strlen(art.text);
	entity_extract(kb, &art, NULL, &r);
	T_EQ_INT(r.nents, 0);
	entity_result_free(&r);
	entity_kb_free(kb);

	/* no model file: the rules alone, no message */
	unlink(path);
	nwarn = 0;
	kb = entity_kb_load(dir, NULL, warn, NULL);
	T_EQ_INT(nwarn, 0);
	entity_extract(kb, &art, NULL, &r);
	T_CHECK(r.nents > 0);
	entity_result_free(&r);
	entity_kb_free(kb);

	free(m);
	m = xasprintf("%s/gazetteer.tsv", dir);
	unlink(m);
	free(m);
	rmdir(dir);
	free(path);
}

int
main(void)
{
	test_trans();
	test_viterbi();
	test_features();
	test_loader();
	return t_done();
}
