/* test_artifact.c - name variants on hand-built entity results: which spellings are
 * near, and which mentions are flagged with which suggestion */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <stdio.h>
#include <unistd.h>

#include "lede/artifact.h"
#include "lede/config.h"
#include "lede/util.h"
#include "t.h"

#define NEAR(a, b)	name_near(a, strlen(a), b, strlen(b))

static void
test_near(void)
{
	T_EQ_INT(NEAR("Poutin", "Putin"), 2);		/* ou/u */
	T_EQ_INT(NEAR("Jablonski", "Yablonski"), 2);	/* j/y */
	T_EQ_INT(NEAR("Mukin", "Mukhin"), 2);		/* dropped h */
	T_EQ_INT(NEAR("Reznikkov", "Reznikov"), 2);	/* doubled letter */
	T_EQ_INT(NEAR("Lagrange", "La Grange"), 2);	/* word split */
	T_EQ_INT(NEAR("Saki", "Psaki"), 1);		/* a dropped letter */
	T_EQ_INT(NEAR("Sulivan", "Sullivan"), 2);	/* dropped letter */
	T_EQ_INT(NEAR("Sullyvan", "Sullivan"), 2);	/* y/i */
	T_EQ_INT(NEAR("Sallivan", "Sullivan"), 1);	/* one letter */
	T_EQ_INT(NEAR("Iran", "Iraq"), 0);		/* short: another name */
	T_EQ_INT(NEAR("Biden", "Bidens"), 0);		/* plural */
	T_EQ_INT(NEAR("Biden", "Biden's"), 0);		/* possessive */
	T_EQ_INT(NEAR("Austria", "Australia"), 0);	/* two edits */
	T_EQ_INT(NEAR("Putin", "Putin"), 2);
	T_EQ_INT(NEAR("Systeme", "Systemen"), 0);	/* an ending, not a slip */
	T_EQ_INT(NEAR("Maliki", "Malik"), 0);
	T_EQ_INT(NEAR("Sullivam", "Sullivan"), 0);
}

static struct mention ms[8][8];

static void
ent(struct entity_result *r, enum entity_type type, const char *text, const char *name)
{
	struct entity *e = &r->ents[r->nents];
	const char *p = text;
	size_t n = strlen(name);

	e->type = type;
	e->canonical = (char *)name;
	e->mentions = ms[r->nents];
	e->nmentions = 0;
	while ((p = strstr(p, name)) != NULL) {
		e->mentions[e->nmentions].start = (size_t)(p - text);
		e->mentions[e->nmentions].end = (size_t)(p - text) + n;
		e->nmentions++;
		p += n;
	}
	r->nents++;
}

static void
test_flags(void)
{
	static char text[] = "Putin met Biden. Putin spoke. Later Poutin left. "
	    "Biden stayed in Paris. Parris is a town.";
	struct article a = { 0 };
	struct entity ents[8];
	struct entity_result r = { ents, 0 };
	struct clean_result c = { 0 };
	size_t i;

	a.text = text;
	a.len = strlen(text);
	ent(&r, ENT_PERSON, text, "Putin");
	ent(&r, ENT_PERSON, text, "Biden");
	ent(&r, ENT_PERSON, text, "Poutin");
	ent(&r, ENT_PLACE, text, "Paris");
	ent(&r, ENT_PLACE, text, "Parris");
	artifact_names(&a, &r, &c);
	T_EQ_INT(c.narts, 1);
	if (c.narts == 1) {
		T_EQ_INT(c.arts[0].start, at(text, "Poutin"));
		T_EQ_INT(c.arts[0].end, at(text, "Poutin") + 6);
		T_EQ_INT(c.arts[0].kind, AK_NAME_VARIANT);
		T_EQ_STR(c.arts[0].suggestion, "Putin");
		T_CHECK(c.arts[0].score > 0.5 && c.arts[0].score <= 1);
	}
	/* Paris is seen once: no better-attested spelling for Parris */
	for (i = 0; i < c.narts; i++)
		T_CHECK(c.arts[i].start != at(text, "Parris"));
	clean_result_free(&c);

	/* a mention already flagged keeps its flag */
	memset(&c, 0, sizeof c);
	c.arts = xcalloc(1, sizeof *c.arts);
	c.arts[0] = (struct artifact){ at(text, "Poutin"), at(text, "Poutin") + 6,
	    AK_WRONG_REFERENT, xstrdup("x"), xstrdup("known"), 0.95 };
	c.narts = 1;
	artifact_names(&a, &r, &c);
	T_EQ_INT(c.narts, 1);
	T_EQ_INT(c.arts[0].kind, AK_WRONG_REFERENT);
	clean_result_free(&c);

	/* one edit, or a doubled letter, only where other signals show machine
	 * translation: three flags of two kinds */
	{
		static char t2[] = "Sallivan came. Sullivan spoke. Sullivan left. "
		    "Garett and Garrett and Garrett. x y z";
		struct artifact *ev;
		a.text = t2;
		a.len = strlen(t2);
		r.nents = 0;
		ent(&r, ENT_PERSON, t2, "Sallivan");
		ent(&r, ENT_PERSON, t2, "Sullivan");
		ent(&r, ENT_PERSON, t2, "Garett");
		ent(&r, ENT_PERSON, t2, "Garrett");
		memset(&c, 0, sizeof c);
		artifact_names(&a, &r, &c);
		T_EQ_INT(c.narts, 0);
		clean_result_free(&c);
		memset(&c, 0, sizeof c);
		ev = c.arts = xcalloc(3, sizeof *c.arts);
		ev[0] = (struct artifact){ at(t2, "x"), at(t2, "x") + 1, AK_CASING,
		    xstrdup(""), xstrdup(""), 0.35 };
		ev[1] = (struct artifact){ at(t2, "y"), at(t2, "y") + 1, AK_CASING,
		    xstrdup(""), xstrdup(""), 0.35 };
		ev[2] = (struct artifact){ at(t2, "z"), at(t2, "z") + 1, AK_PUNCTUATION,
		    xstrdup(""), xstrdup(""), 0.35 };
		c.narts = 3;
		artifact_names(&a, &r, &c);
		T_EQ_INT(c.narts, 5);
		if (c.narts == 5) {
			T_EQ_INT(c.arts[0].start, 0);
			T_EQ_STR(c.arts[0].suggestion, "Sullivan");
			T_EQ_INT(c.arts[1].start, at(t2, "Garett"));
			T_EQ_STR(c.arts[1].suggestion, "Garrett");
		}
		clean_result_free(&c);
		a.text = text;
		a.len = strlen(text);
	}

	/* types apart: a place spelled near a person is not a variant of it */
	r.nents = 0;
	ent(&r, ENT_PERSON, text, "Putin");
	ent(&r, ENT_PLACE, text, "Poutin");
	memset(&c, 0, sizeof c);
	artifact_names(&a, &r, &c);
	T_EQ_INT(c.narts, 0);
	clean_result_free(&c);
}

static char cmsg[512];

static void
cwarn(const char *msg, void *ctx)
{
	(void)ctx;
	snprintf(cmsg, sizeof cmsg, "%s", msg);
}

/* [ui] flag_kinds: which kinds the reader shows and ]f visits */
static unsigned
kinds(const char *value, int *problems)
{
	char path[] = "/tmp/lede-test-artifact-XXXXXX";
	int fd = mkstemp(path);
	struct config c;
	unsigned m;
	FILE *f;

	if (fd == -1 || (f = fdopen(fd, "w")) == NULL)
		exit(99);
	if (value != NULL)
		fprintf(f, "[ui]\nflag_kinds = %s\n", value);
	fclose(f);
	config_init(&c);
	cmsg[0] = '\0';
	*problems = config_load(&c, path, NULL, NULL, cwarn, NULL);
	m = c.flag_kinds;
	config_free(&c);
	unlink(path);
	return m;
}

static void
test_kinds(void)
{
	unsigned all = (1u << (AK_OTHER + 1)) - 1;
	int np;

	T_EQ_INT(kinds(NULL, &np), all & ~(1u << AK_CASING));	/* casing off */
	T_EQ_INT(np, 0);
	T_EQ_INT(kinds("all", &np), all);
	T_EQ_INT(kinds("none", &np), 0);
	T_EQ_INT(kinds("name-variant, casing", &np),
	    (1u << AK_NAME_VARIANT) | (1u << AK_CASING));
	T_EQ_INT(kinds("wrong-referent mistranslation", &np),
	    (1u << AK_WRONG_REFERENT) | (1u << AK_MISTRANSLATION));
	T_EQ_INT(kinds("mistranslation, typo", &np), all & ~(1u << AK_CASING));
	T_EQ_INT(np, 1);
	T_CHECK(strstr(cmsg, ":2: flag_kinds: 'typo' is not an artifact kind") != NULL);
}

/* A word list of a few words, in a directory of its own. */
static struct wordlist *
small_list(char *dir, const char *words)
{
	char *path;
	FILE *f;
	struct wordlist *w;

	if (mkdtemp(dir) == NULL)
		exit(99);
	path = xasprintf("%s/words.txt", dir);
	if ((f = fopen(path, "w")) == NULL)
		exit(99);
	fputs(words, f);
	fclose(f);
	cmsg[0] = '\0';
	w = wordlist_load(dir, cwarn, NULL);
	unlink(path);
	rmdir(dir);
	free(path);
	return w;
}

static size_t
words_on(const struct wordlist *w, char *text, int evidence, struct clean_result *c)
{
	struct article a = { 0 };

	memset(c, 0, sizeof *c);
	a.text = text;
	a.len = strlen(text);
	c->lines = xcalloc(1, sizeof *c->lines);
	c->lines[0] = (struct cline){ 0, a.len, LC_BODY, BP_NONE };
	c->nlines = 1;
	if (evidence) {
		/* three flags of two kinds on the first three bytes */
		size_t k;
		c->arts = xcalloc(3, sizeof *c->arts);
		for (k = 0; k < 3; k++)
			c->arts[k] = (struct artifact){ k, k + 1, k ? AK_CASING :
			    AK_PUNCTUATION, xstrdup(""), xstrdup(""), 0.35 };
		c->narts = 3;
	}
	artifact_words(w, &a, c);
	return c->narts - (evidence ? 3 : 0);
}

/* known words of four letters and more: the article is in English */
#define TAIL	" with water with ground with water with happy with walk."

static void
test_words(void)
{
	char dir[] = "/tmp/lede-test-words-XXXXXX";
	struct wordlist *w = small_list(dir, "# a list\nthe\ncat\nsat\nwith\nground\n"
	    "water\nand\nmat\nwalk\nParis\nhappy\nnot a word\nin\non\n");
	struct clean_result c;
	char t1[] = "... the cat sat with the cat in paris and the mat." TAIL;
	char t2[] = "... the cat sat with groundwater, the cats walked happily." TAIL;
	char t3[] = "... the cat sat with the qwzxkly and the mat and the cat." TAIL;
	char t4[] = "... the cat sat with the qwzxkly and the qwzxkly and the cat." TAIL;
	char t5[] = "... the cat ab12cd sat on qwzxkly.com with @qwzxkly and the cat." TAIL;
	char t6[] = "... die katze und der hund sind nicht mit the geschichte.";

	T_CHECK(w != NULL);
	if (w == NULL)
		return;
	T_CHECK(strstr(cmsg, "words.txt:13: not a word of ASCII letters") != NULL);
	T_CHECK(wordlist_has(w, "cat", 3));
	T_CHECK(!wordlist_has(w, "paris", 5));	/* known only capitalised */

	/* a name the list knows capitalised, in lower case: with or without evidence */
	T_EQ_INT(words_on(w, t1, 0, &c), 1);
	if (c.narts == 1) {
		T_EQ_INT(c.arts[0].start, at(t1, "paris"));
		T_EQ_INT(c.arts[0].kind, AK_CASING);
		T_EQ_STR(c.arts[0].suggestion, "Paris");
	}
	clean_result_free(&c);
	/* words made of words: suffixes, prefixes, two words as one */
	T_EQ_INT(words_on(w, t2, 1, &c), 0);
	clean_result_free(&c);
	/* a non-word once: only with evidence */
	T_EQ_INT(words_on(w, t3, 0, &c), 0);
	clean_result_free(&c);
	T_EQ_INT(words_on(w, t3, 1, &c), 1);
	if (c.narts == 4) {
		T_EQ_INT(c.arts[3].start, at(t3, "qwzxkly"));
		T_EQ_INT(c.arts[3].kind, AK_GARBLED);
		T_CHECK(c.arts[3].score > 0 && c.arts[3].score < 0.5);
	}
	clean_result_free(&c);
	/* used twice: a term the list lacks */
	T_EQ_INT(words_on(w, t4, 1, &c), 0);
	clean_result_free(&c);
	/* glued to digits, a domain or a handle: not a word of the sentence */
	T_EQ_INT(words_on(w, t5, 1, &c), 0);
	clean_result_free(&c);
	/* an article not in English says nothing */
	T_EQ_INT(words_on(w, t6, 1, &c), 0);
	clean_result_free(&c);
	wordlist_free(w);
	/* no list: a message naming the file, and no signal */
	cmsg[0] = '\0';
	T_CHECK(wordlist_load("/nonexistent-lede-dir", cwarn, NULL) == NULL);
	T_CHECK(strstr(cmsg, "/nonexistent-lede-dir/words.txt") != NULL);
	T_EQ_INT(words_on(NULL, t3, 1, &c), 0);
	clean_result_free(&c);
}

/* n flags on a body of 1,000 words: the first a known rendering, the others
 * casing and punctuation guesses */
static size_t
gated_on(size_t n)
{
	struct clean_result c = { 0 };
	struct buf b = { 0 };
	size_t i, k;
	char *t;

	for (i = 0; i < 1000; i++)
		buf_adds(&b, i ? " word" : "word");
	t = buf_detach(&b);
	c.lines = xcalloc(1, sizeof *c.lines);
	c.lines[0] = (struct cline){ 0, strlen(t), LC_BODY, BP_NONE };
	c.nlines = 1;
	c.arts = xcalloc(n, sizeof *c.arts);
	for (i = 0; i < n; i++)
		c.arts[i] = (struct artifact){ i * 5, i * 5 + 4, i == 0 ? AK_MISTRANSLATION :
		    i % 2 ? AK_CASING : AK_PUNCTUATION, xstrdup(""), xstrdup(""),
		    i == 0 ? 0.95 : 0.35 };
	c.narts = n;
	artifact_gate(&c, t);
	k = c.narts;
	clean_result_free(&c);
	free(t);
	return k;
}

static void
test_gate(void)
{
	/* a few flags in a long article: only the known rendering stays */
	T_EQ_INT(gated_on(4), 1);
	/* five per 1,000 words, of three kinds: machine translation, all stay */
	T_EQ_INT(gated_on(5), 5);
	T_EQ_INT(gated_on(12), 12);
}

int
main(void)
{
	test_gate();
	test_near();
	test_flags();
	test_kinds();
	test_words();
	return t_done();
}
