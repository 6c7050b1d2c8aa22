/* test_entity.c - each entity rule, merging, the gazetteer loader (on a fixture in
 * tests/data/ner and on the real data/ lists) */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <unicase.h>
#include <uninorm.h>

#include "lede/entity.h"
#include "lede/gazetteer.h"
#include "lede/util.h"
#include "t.h"

#define FIX	LEDE_SRCDIR "/tests/data/ner"

static struct entity_kb *kb;
static struct entity_result res;
static struct article art;
static int nwarn;

static void
warn(const char *msg, void *ctx)
{
	(void)ctx;
	(void)msg;
	nwarn++;
}

static void
run_with(const char *text, const struct clean_result *c)
{
	entity_result_free(&res);
	free(art.text);
	memset(&art, 0, sizeof art);
	art.text = xstrdup(text);
	art.len = strlen(text);
	entity_extract(kb, &art, c, &res);
}

static void
run(const char *text)
{
	run_with(text, NULL);
}

/* The entity that has a mention with exactly this text ("" when none). */
static const struct entity *
ent(const char *mention)
{
	size_t i, j, n = strlen(mention);

	for (i = 0; i < res.nents; i++)
		for (j = 0; j < res.ents[i].nmentions; j++) {
			const struct mention *m = &res.ents[i].mentions[j];

			if (m->end - m->start == n && memcmp(art.text + m->start, mention,
			    n) == 0)
				return &res.ents[i];
		}
	return NULL;
}

static const char *
type_of(const char *mention)
{
	const struct entity *e = ent(mention);

	return e ? entity_type_name(e->type) : "none";
}

static const char *
canon(const char *mention)
{
	const struct entity *e = ent(mention);

	return e ? e->canonical : "none";
}

/* Mentions overall. */
static size_t
nmentions(void)
{
	size_t i, n = 0;

	for (i = 0; i < res.nents; i++)
		n += res.ents[i].nmentions;
	return n;
}

/* Words the article writes in lower case are hashed eight bytes at a time, capitals
 * lowered: a word of any length, with capitals inside, that the article also
 * writes in lower case is no unknown person's surname after a capitalised common
 * word. */
static void
test_lower_words(void)
{
	static const char *const w[] = {
		"Qv", "Qvx", "Qvxz", "Quorvexa", "Quorvexan", "Quorvexanderstrombe"
	};
	char text[256], low[32], name[64];
	size_t k, n;

	for (k = 0; k < sizeof w / sizeof w[0]; k++) {
		snprintf(name, sizeof name, "Officials %s", w[k]);
		snprintf(text, sizeof text, "He joined %s in May.", name);
		run(text);
		T_EQ_STR(type_of(name), "PERSON");
		/* "qV...": lower case for the tokenizer, the same word folded */
		n = strlen(w[k]);
		memcpy(low, w[k], n + 1);
		low[0] = 'q';
		low[n - 1] = (char)(low[n - 1] - 32);
		snprintf(text + strlen(text), sizeof text - strlen(text), " Some %s stayed.",
		    low);
		run(text);
		T_CHECK(strcmp(type_of(name), "PERSON") != 0);
		/* one letter more is another word */
		text[strlen(text) - strlen(" stayed.")] = '\0';
		strcat(text, "s stayed.");
		run(text);
		T_EQ_STR(type_of(name), "PERSON");
	}
}

/* The buffers the kb keeps between articles: a long article, then a short one,
 * answer as a fresh kb does. */
static void
test_reuse(void)
{
	struct entity_kb *fresh = entity_kb_load(FIX, FIX "/user", NULL, NULL);
	struct entity_result r;
	struct buf big = { 0 };
	size_t i, k;
	int same;

	for (i = 0; i < 300; i++)
		buf_adds(&big, "Vladimir Putin met Joe Biden in Geneva and Quorvex staff. ");
	run(big.s);
	T_EQ_INT(nmentions(), 900);
	run("Putin spoke.\nVladimir Putin and the U.S. talked in Zorbavia.");
	memset(&r, 0, sizeof r);
	entity_extract(fresh, &art, NULL, &r);
	same = r.nents == res.nents;
	for (i = 0; same && i < r.nents; i++) {
		same = r.ents[i].type == res.ents[i].type &&
		    strcmp(r.ents[i].canonical, res.ents[i].canonical) == 0 &&
		    r.ents[i].nmentions == res.ents[i].nmentions;
		for (k = 0; same && k < r.ents[i].nmentions; k++)
			same = r.ents[i].mentions[k].start == res.ents[i].mentions[k].start &&
			    r.ents[i].mentions[k].end == res.ents[i].mentions[k].end;
	}
	T_CHECK(same);
	T_CHECK(res.nents >= 2);
	entity_result_free(&r);
	entity_kb_free(fresh);
	buf_free(&big);
}

static void
test_loader(void)
{
	struct gazetteer *g = gz_new();
	const struct gz_row *r;
	char err[LEDE_ERRLEN];
	long n;

	nwarn = 0;
	n = gz_load_file(g, FIX "/gazetteer.tsv", "gaz", warn, NULL, err, sizeof err);
	T_EQ_INT(n, 24);
	T_EQ_INT(nwarn, 1);			/* the bad line */
	T_CHECK(gz_lookup(g, "PUTIN", 5, NULL) & GZ_BIT(GZ_PERSON));
	r = gz_find(g, "putin", 5, GZ_PERSON);
	T_CHECK(r != NULL && r->canonlen == 14 && memcmp(r->canon, "Vladimir Putin", 14) == 0);
	/* casefolding beyond ASCII, typographic apostrophe */
	T_CHECK(gz_lookup(g, "Z\xc3\x9cRICH", 7, NULL) & GZ_BIT(GZ_PLACE));
	T_CHECK(gz_lookup(g, "O\xe2\x80\x99" "Brien", 9, NULL) & GZ_BIT(GZ_SURNAME));
	/* two types for one name, none for an unknown one */
	T_EQ_INT(gz_lookup(g, "White House", 11, NULL),
	    GZ_BIT(GZ_ORG) | GZ_BIT(GZ_PLACE));
	T_EQ_INT(gz_lookup(g, "Atlantis", 8, NULL), 0);
	T_EQ_INT(gz_lookup(g, "", 0, NULL), 0);
	T_EQ_INT(gz_load_file(g, FIX "/missing.tsv", "gaz", warn, NULL, err, sizeof err),
	    -1);
	T_CHECK(strstr(err, "missing.tsv") != NULL);
	n = gz_load_file(g, FIX "/glossary.tsv", "glossary", warn, NULL, err, sizeof err);
	T_EQ_INT(n, 4);				/* the bracketed row is not a name */
	r = gz_find(g, "poutin", 6, GZ_VARIANT);
	T_CHECK(r != NULL && r->canonlen == 5);
	T_EQ_INT(gz_lookup(g, "general worship meeting", 23, NULL), GZ_BIT(GZ_MT));
	gz_free(g);
}

/* gz_lookup hashes and compares eight bytes at a time, the last eight overlapping
 * the others, or for short names in halves: every length must find its name in
 * any ASCII case, and miss a name that differs in one byte anywhere. */
static void
test_key_lengths(void)
{
	static const char alpha[] = "Abcdefghijklmnopqrstuvwxyz-Ab'cdefghijklmnopqrstuvwxyz";
	struct gazetteer *g = gz_new();
	char up[64], other[64];
	size_t n, i;
	int found = 0, missed = 0, tries = 0;

	for (n = 1; n <= 40; n++)
		gz_add(g, alpha, n, GZ_ORG, GZS_CURATED, NULL, 0);
	for (n = 1; n <= 40; n++) {
		for (i = 0; i < n; i++)
			up[i] = alpha[i] >= 'a' && alpha[i] <= 'z' ? alpha[i] - 32 :
			    alpha[i] >= 'A' && alpha[i] <= 'Z' ? alpha[i] + 32 : alpha[i];
		found += (gz_lookup(g, up, n, NULL) == GZ_BIT(GZ_ORG));
		for (i = 0; i < n; i++) {
			memcpy(other, alpha, n);
			other[i] = other[i] == '#' ? '%' : '#';
			missed += gz_lookup(g, other, n, NULL) == 0;
			tries++;
		}
	}
	T_EQ_INT(found, 40);
	T_EQ_INT(missed, tries);
	/* a non-ASCII name takes the folding path to the same keys */
	gz_add(g, "Z\xc3\xbcrich", 7, GZ_PLACE, GZS_CURATED, NULL, 0);
	T_EQ_INT(gz_lookup(g, "Z\xc3\x9cRICH", 7, NULL), GZ_BIT(GZ_PLACE));
	T_EQ_INT(gz_lookup(g, "Z\xc3\x9cRICK", 7, NULL), 0);
	gz_free(g);
}

/* A title phrase of several words has its first words and last word listed
 * (GZ_TPREFIX, GZ_TLAST), from whichever file it comes: title_at relies on it. */
static void
test_title_words(void)
{
	struct gazetteer *g = gz_new();
	char path[] = "/tmp/test_entity.XXXXXX", err[LEDE_ERRLEN];
	int fd = mkstemp(path);
	FILE *f = fd == -1 ? NULL : fdopen(fd, "w");

	T_CHECK(f != NULL);
	if (f == NULL)
		return;
	fputs("deputy head of mission\ttitle\nAtlantis\tPLACE\n", f);
	fclose(f);
	T_EQ_INT(gz_load_file(g, path, "gaz", warn, NULL, err, sizeof err), 2);
	unlink(path);
	T_CHECK(gz_lookup(g, "Deputy Head of Mission", 22, NULL) & GZ_BIT(GZ_TITLE));
	T_CHECK(gz_lookup(g, "deputy", 6, NULL) & GZ_BIT(GZ_TPREFIX));
	T_CHECK(gz_lookup(g, "deputy head of", 14, NULL) & GZ_BIT(GZ_TPREFIX));
	T_EQ_INT(gz_lookup(g, "mission", 7, NULL), GZ_BIT(GZ_TLAST));
	T_EQ_INT(gz_lookup(g, "Atlantis", 8, NULL), GZ_BIT(GZ_PLACE));
	gz_free(g);
}

/* gz_fold folds Latin-1 and Latin Extended-A by hand: it must agree with
 * libunistring's casefold (to NFC), letter alone and inside a name. */
static void
test_fold(void)
{
	struct buf b = { 0 };
	char in[64];
	uint8_t *want;
	size_t n, wn, bad = 0;
	unsigned cp;

	for (cp = 0xC0; cp < 0x180; cp++) {
		char u[3];
		int k;

		if (cp == 0xD7 || cp == 0xF7)	/* the multiplication and division signs */
			continue;
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		for (k = 0; k < 3; k++) {
			if (k == 0)
				n = (size_t)snprintf(in, sizeof in, "%.2s", u);
			else if (k == 1)
				n = (size_t)snprintf(in, sizeof in, "W%.2sa%.2s\xc3\x84Z", u, u);
			else
				n = (size_t)snprintf(in, sizeof in, "%.2s%.2s x", u, u);
			gz_fold(in, n, &b);
			want = u8_casefold((const uint8_t *)in, n, NULL, UNINORM_NFC, NULL, &wn);
			if (want == NULL || wn != b.len || memcmp(want, b.s, wn) != 0) {
				if (bad++ < 3)
					fprintf(stderr, "gz_fold differs for U+%04X\n", cp);
			}
			free(want);
		}
	}
	T_EQ_INT(bad, 0);
	/* dashes, quotes and the ellipsis fold to themselves, by hand as there */
	{
		static const char *const punct[] = {
			"Biden\xe2\x80\x93Putin Summit", "A \xe2\x80\x94 \xc3\x89 \xe2\x80\x98x\xe2\x80\x9d",
			"\xe2\x80\x9cHome\xe2\x80\x9d\xe2\x80\xa6", "\xe2\x80\x93\xcc\x81",
			"\xe2\x80\x9c\xc4\x80\xe2\x80\x9d \xe1\xb8\xa8"
		};
		size_t k;

		for (k = 0; k < sizeof punct / sizeof punct[0]; k++) {
			gz_fold(punct[k], strlen(punct[k]), &b);
			want = u8_casefold((const uint8_t *)punct[k], strlen(punct[k]), NULL,
			    UNINORM_NFC, NULL, &wn);
			T_CHECK(want != NULL && wn == b.len && memcmp(want, b.s, wn) == 0);
			free(want);
		}
	}
	/* and the ASCII apostrophe for the typographic one */
	gz_fold("O\xe2\x80\x99" "\xc5\x81\xc3\x93" "D\xc5\xb9", 11, &b);
	T_EQ_STR(b.s, "o'\xc5\x82\xc3\xb3" "d\xc5\xba");
	buf_free(&b);
}

/* The real lists: loaded fast and with the names the rules rely on. */
static void
test_real_data(void)
{
	struct entity_kb *k;
	struct timespec t0, t1;
	const char *dir = LEDE_SRCDIR "/data";
	FILE *f;
	char path[1024];

	snprintf(path, sizeof path, "%s/gazetteer.tsv", dir);
	if ((f = fopen(path, "r")) == NULL)
		return;
	fclose(f);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	k = entity_kb_load(dir, NULL, warn, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "real lists loaded in %.1f ms\n", (t1.tv_sec - t0.tv_sec) * 1e3 +
	    (t1.tv_nsec - t0.tv_nsec) / 1e6);
	entity_kb_free(kb);
	kb = k;
	run("US President Joe Biden spoke with Vladimir Putin about Ukraine.");
	T_EQ_STR(type_of("US"), "PLACE");
	T_EQ_STR(canon("US"), "United States");
	T_EQ_STR(type_of("Joe Biden"), "PERSON");
	T_EQ_STR(type_of("Vladimir Putin"), "PERSON");
	T_EQ_STR(type_of("Ukraine"), "PLACE");
	T_EQ_INT(nmentions(), 4);
}

int
main(void)
{
	struct clean_result c;
	struct cline lines[3];
	struct artifact arts[2];
	const char *s;

	test_loader();
	test_key_lengths();
	test_title_words();

	nwarn = 0;
	kb = entity_kb_load(FIX, FIX "/user", warn, NULL);
	T_EQ_INT(nwarn, 1);

	/* titles and honorifics stay out; a country before a title is a place */
	run("US President Joe Biden met Mr. Putin in Geneva.");
	T_EQ_STR(type_of("US"), "PLACE");
	T_EQ_STR(canon("US"), "United States");
	T_EQ_STR(type_of("Joe Biden"), "PERSON");
	T_EQ_STR(type_of("Putin"), "PERSON");
	T_EQ_STR(canon("Putin"), "Vladimir Putin");
	T_EQ_STR(type_of("Geneva"), "PLACE");
	T_EQ_STR(type_of("President Joe Biden"), "none");
	T_EQ_INT(res.nents, 4);
	/* entities in order of first mention */
	T_EQ_STR(res.ents[0].canonical, "United States");

	/* a surname joins its full name, also when it comes first; US = U.S. =
	 * United States */
	run("Putin spoke.\nVladimir Putin and the U.S. talked. The United States and "
	    "US officials agree.");
	T_CHECK(ent("Putin") != NULL && ent("Putin") == ent("Vladimir Putin"));
	T_CHECK(ent("U.S.") != NULL && ent("U.S.") == ent("United States") &&
	    ent("US") == ent("U.S."));
	T_EQ_INT(res.nents, 2);

	/* a surname the lists give to several people names none of them */
	run("Martin said the plan was fine.");
	T_EQ_STR(type_of("Martin"), "PERSON");
	T_EQ_STR(canon("Martin"), "Martin");

	/* possessives and quotation marks are left out; demonyms are no entities */
	run("Ukraine\xe2\x80\x99s army and Russian troops met \xe2\x80\x9cNATO\xe2\x80\x9d.");
	T_EQ_STR(type_of("Ukraine"), "PLACE");
	T_EQ_STR(type_of("NATO"), "ORG");
	T_EQ_STR(type_of("Russian"), "none");
	T_EQ_INT(res.nents, 2);

	/* demonym inside an organisation's name */
	run("A statement by the Ukrainian Ministry of Defense followed.");
	T_EQ_STR(type_of("Ukrainian Ministry of Defense"), "ORG");
	T_EQ_INT(res.nents, 1);

	/* hyphenated pairs: one mention per name; demonym pairs give nothing */
	run("The Russia-US talks and the Russian-Ukrainian border.");
	T_EQ_STR(type_of("Russia"), "PLACE");
	T_EQ_STR(type_of("US"), "PLACE");
	T_EQ_INT(nmentions(), 2);

	/* "The" only where the official name has it; White House is an ORG */
	run("The Washington Post said the White House and the Kremlin disagree.");
	T_EQ_STR(type_of("The Washington Post"), "ORG");
	T_EQ_STR(type_of("White House"), "ORG");
	T_EQ_STR(type_of("Kremlin"), "ORG");

	/* apposition and speech verbs make an unknown name a person */
	run("Peskov, the Kremlin spokesman, spoke. Later Zandor Quill said no.");
	T_EQ_STR(type_of("Peskov"), "PERSON");
	T_EQ_STR(canon("Peskov"), "Dmitry Peskov");
	T_EQ_STR(type_of("Kremlin"), "ORG");
	T_EQ_STR(type_of("Zandor Quill"), "PERSON");

	/* a title before an unknown word; a given name before a capitalised word */
	run("They met spokesman Quarnby and then Dmitry Zorkin in Moscowa.");
	T_EQ_STR(type_of("Quarnby"), "PERSON");
	T_EQ_STR(type_of("Dmitry Zorkin"), "PERSON");
	T_EQ_STR(type_of("Moscowa"), "PLACE");	/* place cue "in" */

	/* organisation and place heads */
	run("the Quorvath Agency and the Ministry of Quorvath met at Blenford Stadium.");
	T_EQ_STR(type_of("Quorvath Agency"), "ORG");
	T_EQ_STR(type_of("Ministry of Quorvath"), "ORG");
	T_EQ_STR(type_of("Blenford Stadium"), "PLACE");

	/* sentence-initial common words; a small town named like a common word */
	run("However, Officials said. Police came and police left.");
	T_EQ_INT(res.nents, 0);

	/* two names side by side, and connectors that join two names */
	run("He thanked the United States Hamdullah Mohib and Russia and Ukraine.");
	T_EQ_STR(type_of("United States"), "PLACE");
	T_EQ_STR(type_of("Hamdullah Mohib"), "PERSON");
	T_EQ_STR(type_of("Russia"), "PLACE");
	T_EQ_STR(type_of("Ukraine"), "PLACE");

	/* "the West", compass-led demonyms, currencies, numbers and events */
	run("The West and Eastern European states paid US$ 5 to Russia.");
	T_EQ_STR(type_of("West"), "none");
	T_EQ_STR(type_of("Eastern European"), "none");
	T_EQ_STR(type_of("US"), "none");
	T_EQ_STR(type_of("Russia"), "PLACE");
	run("Part XVII of the Geneva Summit and the Quorvath Festival in East Geneva.");
	T_EQ_STR(type_of("XVII"), "none");
	T_EQ_STR(type_of("Geneva"), "PLACE");	/* a place inside an event's name */
	T_EQ_STR(type_of("Quorvath Festival"), "none");
	T_EQ_STR(type_of("East Geneva"), "PLACE");

	/* a photo credit names the photographer without the pool */
	run("Photo: Zandor Quill-Pool / Interfax");
	T_EQ_STR(type_of("Zandor Quill"), "PERSON");
	T_EQ_STR(type_of("Interfax"), "ORG");

	/* repetition alone types no unknown word (the rule that made it an
	 * organisation fitted its development texts, not unseen ones) */
	run("He joined Quorvex in May. Later Quorvex grew, and the staff of Quorvex "
	    "left.");
	T_EQ_STR(type_of("Quorvex"), "none");
	test_lower_words();
	test_reuse();

	/* a possessive title precedes no name; a common word among unknown ones
	 * leaves each word to itself, the longest known names first */
	run("During Prime Minister's Questions they met Zorg Officials Ukraine "
	    "United States delegates.");
	T_EQ_STR(type_of("Questions"), "none");
	T_EQ_STR(type_of("United States"), "PLACE");
	T_EQ_STR(type_of("Ukraine"), "PLACE");
	T_EQ_STR(type_of("Zorg Officials Ukraine United States"), "none");

	/* an acronym joins its expansion */
	run("The World Health Organisation (WHO) says the WHO will act.");
	T_CHECK(ent("WHO") != NULL && ent("WHO") == ent("World Health Organisation"));

	/* variant spellings: the glossary and near spellings of a known name */
	run("Vladimir Poutin arrived; Jane Saki spoke; later Putin left.");
	T_EQ_STR(canon("Vladimir Poutin"), "Vladimir Putin");
	T_CHECK(ent("Putin") == ent("Vladimir Poutin"));
	T_EQ_STR(canon("Jane Saki"), "Jen Psaki");
	T_EQ_STR(type_of("Jane Saki"), "PERSON");

	/* a literal translation is an entity only when it renders a known name */
	run("He told the Russian Satellite News Agency about the general worship meeting.");
	T_EQ_STR(type_of("Russian Satellite News Agency"), "ORG");
	T_EQ_STR(canon("Russian Satellite News Agency"), "Interfax");
	T_EQ_INT(res.nents, 1);

	/* the user's list adds names */
	run("Troops gathered near Zorbavia.");
	T_EQ_STR(canon("Zorbavia"), "Zorbavia");

	/* the cleaner's artifacts: wrong referent, and boilerplate lines skipped */
	s = "Uzbekistan\xe2\x80\x99s Defense Minister Oleksi Reznikov visited Ukraine.\n"
	    "Share this on Russia Today\n"
	    "Then Ukraine replied.";
	memset(&c, 0, sizeof c);
	lines[0] = (struct cline){ 0, 69, LC_BODY, BP_NONE };
	lines[1] = (struct cline){ 70, 96, LC_BOILERPLATE, BP_SHARE };
	lines[2] = (struct cline){ 97, 117, LC_BODY, BP_NONE };
	arts[0] = (struct artifact){ 0, 10, AK_WRONG_REFERENT, "Ukraine", "", 0 };
	c.lines = lines;
	c.nlines = 3;
	c.arts = arts;
	c.narts = 1;
	run_with(s, &c);
	T_EQ_STR(canon("Uzbekistan"), "Ukraine");
	T_CHECK(ent("Uzbekistan") == ent("Ukraine"));
	T_EQ_INT(ent("Ukraine") ? ent("Ukraine")->nmentions : 0, 3);
	T_EQ_STR(type_of("Oleksi Reznikov"), "PERSON");
	T_EQ_STR(type_of("Russia"), "none");	/* only in the boilerplate line */
	T_EQ_STR(type_of("Defense Minister"), "none");

	/* a lower-case rendering the cleaner flagged */
	s = "According to the russian satellite network, jabarov said so.";
	memset(&c, 0, sizeof c);
	lines[0] = (struct cline){ 0, strlen(s), LC_BODY, BP_NONE };
	arts[0] = (struct artifact){ 17, 42, AK_MISTRANSLATION, "Interfax", "", 0 };
	c.lines = lines;
	c.nlines = 1;
	c.arts = arts;
	c.narts = 1;
	run_with(s, &c);
	T_EQ_STR(type_of("russian satellite network"), "ORG");
	T_EQ_STR(canon("russian satellite network"), "Interfax");
	arts[0] = (struct artifact){ 17, 42, AK_MISTRANSLATION, "satellite net", "", 0 };
	run_with(s, &c);
	T_EQ_INT(res.nents, 0);

	/* casing fixes that restore a name, with its "The" when the name has one */
	s = "Even The washington post said so, and us too.";
	lines[0] = (struct cline){ 0, strlen(s), LC_BODY, BP_NONE };
	arts[0] = (struct artifact){ 9, 24, AK_CASING, "Washington Post", "", 0 };
	arts[1] = (struct artifact){ 39, 41, AK_CASING, "US", "", 0 };
	c.arts = arts;
	c.narts = 2;
	run_with(s, &c);
	T_EQ_STR(type_of("The washington post"), "ORG");
	T_EQ_STR(canon("The washington post"), "The Washington Post");
	T_EQ_STR(canon("us"), "United States");
	arts[0] = (struct artifact){ 9, 24, AK_CASING, "washington", "", 0 };
	c.narts = 1;
	run_with(s, &c);
	T_EQ_INT(res.nents, 0);

	/* bad input: empty text, invalid UTF-8, no knowledge at all */
	run("");
	T_EQ_INT(res.nents, 0);
	run("\xff\xfe Geneva \xc3 NATO\xe2\x80");
	T_EQ_STR(type_of("Geneva"), "PLACE");
	entity_kb_free(kb);
	kb = entity_kb_load(NULL, NULL, NULL, NULL);
	run("Joe Biden met Vladimir Putin.");
	T_CHECK(res.nents <= 2);

	test_fold();
	test_real_data();

	entity_result_free(&res);
	free(art.text);
	entity_kb_free(kb);
	return t_done();
}
