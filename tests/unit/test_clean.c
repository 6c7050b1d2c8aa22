/* test_clean.c - line classes, metadata, artifacts and the rule-file parser, on
 * small hand-written articles */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lede/clean.h"
#include "lede/util.h"
#include "../../src/clean_int.h"
#include "t.h"

static struct clean_rules *rules;
static char warned[4096];
static int nwarn;

static void
warn(const char *msg, void *ctx)
{
	(void)ctx;
	nwarn++;
	strncat(warned, msg, sizeof warned - strlen(warned) - 2);
	strcat(warned, "\n");
}

static void
put(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");

	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
	free(p);
}

static void
unput(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);

	unlink(p);
	free(p);
}

static struct article art;

static void
run(const char *text, struct clean_result *cr)
{
	memset(&art, 0, sizeof art);
	art.text = (char *)text;
	art.len = strlen(text);
	clean_article(rules, &art, cr);
}

static const char *
cls(const struct clean_result *cr, size_t n)
{
	return n < cr->nlines ? line_class_name(cr->lines[n].cls) : "(none)";
}

static const char *
sub(const struct clean_result *cr, size_t n)
{
	return n < cr->nlines ? bp_subtype_name(cr->lines[n].sub) : "(none)";
}

/* The artifact that covers text "what" (first occurrence), or NULL. */
static const struct artifact *
art_at(const struct clean_result *cr, const char *what)
{
	const char *p = strstr(art.text, what);
	size_t i, s;

	if (p == NULL)
		return NULL;
	s = (size_t)(p - art.text);
	for (i = 0; i < cr->narts; i++)
		if (cr->arts[i].start < s + strlen(what) && s < cr->arts[i].end)
			return &cr->arts[i];
	return NULL;
}

static const char *
art_kind(const struct clean_result *cr, const char *what)
{
	const struct artifact *a = art_at(cr, what);

	return a != NULL ? artifact_kind_name(a->kind) : "(none)";
}

static void
check_sorted(const struct clean_result *cr)
{
	size_t i;

	for (i = 1; i < cr->narts; i++)
		T_CHECK(cr->arts[i - 1].end <= cr->arts[i].start);
	for (i = 0; i < cr->narts; i++)
		T_CHECK(cr->arts[i].suggestion != NULL && cr->arts[i].note != NULL);
}

#define P1 "The council voted on Tuesday to approve the new budget for the coming " \
	"year, after a long debate that lasted well into the night."
#define P2 "Members of the public spoke for and against the plan, which raises " \
	"spending on schools and roads while cutting the cost of running the offices."
#define P3 "The mayor said the vote showed that the city could agree on hard " \
	"choices, and promised to report on the spending every three months."

static void
test_structure(void)
{
	struct clean_result cr;

	/* title, byline, dateline, body, subheading, title repeat, boilerplate */
	run("Council approves budget after long debate\n"
	    "\n"
	    "By Jane Roe\n"
	    "\n"
	    "2021-12-05T09:28:38.493Z\n"
	    "\n"
	    P1 "\n"
	    "\n"
	    "What happens next\n"
	    "\n"
	    P2 "\n"
	    "\n"
	    "Council approves budget after long debate\n"
	    "\n"
	    P3 "\n"
	    "\n"
	    "See also  Another story about something else\n"
	    "\n"
	    "Leave a Comment\n"
	    "\n"
	    "\xc2\xa9 2021 Example News\n", &cr);
	T_EQ_STR(cls(&cr, 0), "title");
	T_EQ_STR(cls(&cr, 1), "empty");
	T_EQ_STR(cls(&cr, 2), "byline");
	T_EQ_STR(cls(&cr, 4), "dateline");
	T_EQ_STR(cls(&cr, 6), "body");
	T_EQ_STR(cls(&cr, 8), "subheading");
	T_EQ_STR(cls(&cr, 10), "body");
	T_EQ_STR(cls(&cr, 12), "title-repeat");
	T_EQ_STR(cls(&cr, 14), "body");
	T_EQ_STR(cls(&cr, 16), "boilerplate");
	T_EQ_STR(sub(&cr, 16), "related-links");
	T_EQ_STR(sub(&cr, 18), "comments");
	T_EQ_STR(sub(&cr, 20), "copyright");
	T_EQ_STR(cr.title, "Council approves budget after long debate");
	T_EQ_STR(cr.byline, "Jane Roe");
	T_EQ_STR(cr.date, "2021-12-05");
	T_CHECK(cr.site == NULL);
	T_CHECK(line_class_hidden(cr.lines[12].cls));
	T_CHECK(line_class_hidden(cr.lines[16].cls));
	T_CHECK(!line_class_hidden(cr.lines[6].cls));
	check_sorted(&cr);
	clean_result_free(&cr);

	/* site banner and tagline above the headline; dates in words; source line,
	 * hash-id line, a lone full stop, a breadcrumb */
	run("The Example Times\n"
	    "\n"
	    "Now you can see non-English news...\n"
	    "\n"
	    "Council approves budget after long debate\n"
	    "\n"
	    "Nov. 20, 2019, 9:28 AM UTC\n"
	    "\n"
	    P1 "\n"
	    "\n"
	    "d0c33192eb594bfc809d5799048b15f7 - Council approves budget after long debate\n"
	    "\n"
	    P2 "\n"
	    "\n"
	    ".\n"
	    "\n"
	    "Source: examplenews\n", &cr);
	T_EQ_STR(cls(&cr, 0), "boilerplate");
	T_EQ_STR(sub(&cr, 0), "site-chrome");
	T_EQ_STR(sub(&cr, 2), "site-chrome");
	T_EQ_STR(cls(&cr, 4), "title");
	T_EQ_STR(cls(&cr, 6), "dateline");
	T_EQ_STR(cr.date, "2019-11-20");
	T_EQ_STR(cr.site, "The Example Times");
	T_EQ_STR(sub(&cr, 10), "id-hash");
	T_EQ_STR(sub(&cr, 14), "other");
	T_EQ_STR(sub(&cr, 16), "source-attribution");
	clean_result_free(&cr);

	/* a breadcrumb ending in the headline; a CMS suffix; "appeared first on" */
	run("Home \xc2\xbb Politics \xc2\xbb Council approves the new city budget\n"
	    "\n"
	    "Council approves the new city budget | Politics | City | Town-Example Daily\n"
	    "\n"
	    "by admin\n"
	    "\n"
	    P1 "\n"
	    "\n"
	    P2 "\n", &cr);
	T_EQ_STR(sub(&cr, 0), "navigation");
	T_EQ_STR(cls(&cr, 2), "title");
	T_EQ_STR(cr.title, "Council approves the new city budget");
	T_EQ_STR(cr.site, "Example Daily");
	T_EQ_STR(cr.byline, "admin");
	T_EQ_STR(art_kind(&cr, " | Politics"), "other");	/* the suffix */
	T_EQ_STR(art_kind(&cr, "admin"), "other");		/* a placeholder byline */
	clean_result_free(&cr);

	run("Council approves budget after long debate\n\n" P1 "\n\n" P2 "\n\n"
	    "Source link Council approves budget after long debate\n\n"
	    "The post Council approves budget after long debate appeared first on "
	    "Example Daily.\n", &cr);
	T_EQ_STR(sub(&cr, 6), "source-attribution");
	T_EQ_STR(sub(&cr, 8), "source-attribution");
	T_EQ_STR(cr.site, "Example Daily");
	clean_result_free(&cr);

	/* a caption with its title above a photo credit; a contributor line */
	run("Council approves budget after long debate\n\n" P1 "\n\n"
	    "Budget Vote 2021\n"
	    "The mayor speaks to the council before the vote in the city hall.\n\n"
	    "John Smith / Example Agency via Getty Images\n\n" P2 "\n\n" P3 "\n\n"
	    "Ann Lee and Bob Ray contributed to this report.\n", &cr);
	T_EQ_STR(cls(&cr, 4), "caption");
	T_EQ_STR(cls(&cr, 5), "caption");
	T_EQ_STR(cls(&cr, 7), "credit");
	T_EQ_STR(cls(&cr, 13), "credit");
	T_CHECK(cr.byline == NULL);
	clean_result_free(&cr);
}

/* A page dump: menus above, the article in the middle, footers below. */
static void
test_page(void)
{
	struct clean_result cr;
	struct buf b = { 0 };
	size_t i, nbody = 0;
	int k;

	buf_adds(&b, "Skip to content\n");
	for (k = 0; k < 20; k++)
		buf_addf(&b, "  \xe2\x80\xa2 Section %d\n", k);
	buf_adds(&b, "\nCouncil approves budget after long debate\n\n");
	buf_adds(&b, P1 "\n\n" P2 "\n\n" P3 "\n\n" P1 " Again.\n\n");
	buf_adds(&b, "Related articles\n\n");
	for (k = 0; k < 10; k++)
		buf_addf(&b, "  \xe2\x80\xa2 Another headline number %d here\n", k);
	buf_adds(&b, "\nCopyright 2019 Example Media. All rights reserved.\n");
	buf_addc(&b, '\0');
	run(b.s, &cr);
	for (i = 0; i < cr.nlines; i++) {
		if (cr.lines[i].cls == LC_BODY)
			nbody++;
		if (i < 21)
			T_EQ_STR(cls(&cr, i), "boilerplate");
	}
	T_EQ_INT(nbody, 4);
	T_EQ_STR(cr.title, "Council approves budget after long debate");
	T_EQ_STR(cls(&cr, cr.nlines - 1), "boilerplate");
	T_EQ_STR(sub(&cr, cr.nlines - 1), "copyright");
	/* nested, indented teasers and a gallery counter are not the article */
	clean_result_free(&cr);
	run("Council approves budget after long debate\n\n" P1 "\n\n"
	    "    Another story that the page links to from inside the article text\n\n"
	    "1of4The mayor speaks to the council before the vote on Tuesday night.\n\n"
	    P2 "\n\n" P3 "\n", &cr);
	T_EQ_STR(cls(&cr, 4), "boilerplate");
	T_EQ_STR(cls(&cr, 6), "caption");
	T_EQ_STR(cls(&cr, 8), "body");
	clean_result_free(&cr);
	/* a paragraph that comes back down the page is a widget, the first stays */
	run("Council approves budget after long debate\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n"
	    P2 "\n\n" P1 " More.\n\n" P3 " Again.\n", &cr);
	T_EQ_STR(cls(&cr, 4), "body");
	T_EQ_STR(cls(&cr, 8), "boilerplate");
	T_EQ_STR(cls(&cr, 10), "body");
	clean_result_free(&cr);
	buf_free(&b);
}

static void
test_artifacts(void)
{
	struct clean_result cr;
	const struct artifact *a;

	run("Leaders meet for the general worship meeting in Geneva\n\n"
	    "on Tuesday, the leaders of the two countries met in Geneva to discuss the "
	    "situation, officials said.\n\n"
	    "The talks lasted two hours, and the officials said that The talks went well "
	    "for both of the sides this time.\n\n"
	    "Russia denied the reports, according to the agency.. The agency said that "
	    "the meeting was useful .\n\n"
	    "Vladimir Poutin will attend. Peskov said that the president would attend. "
	    "Peskov said that the president would attend. He gave no more details.\n\n"
	    "The two sides agreed to keep talking about the matter in the coming weeks.\n\n"
	    "The two sides will meet again next month, a spokesman for the agency said.\n\n"
	    "The meeting will discuss the deployment of troops near the front and the fronti\n",
	    &cr);
	check_sorted(&cr);
	a = art_at(&cr, "general worship meeting");
	T_CHECK(a != NULL);
	if (a != NULL) {
		T_EQ_STR(artifact_kind_name(a->kind), "mistranslation");
		T_EQ_STR(a->suggestion, "Biden\xe2\x80\x93Putin summit");
	}
	a = art_at(&cr, "on Tuesday");
	T_CHECK(a != NULL);
	if (a != NULL) {
		T_EQ_STR(artifact_kind_name(a->kind), "casing");
		T_EQ_STR(a->suggestion, "On");
		T_EQ_INT(a->end - a->start, 2);
	}
	T_EQ_STR(art_kind(&cr, "The talks went"), "casing");
	T_EQ_STR(art_kind(&cr, ".. The"), "punctuation");
	T_EQ_STR(art_kind(&cr, " .\n"), "punctuation");
	a = art_at(&cr, "Poutin");
	T_CHECK(a != NULL);
	if (a != NULL) {
		T_EQ_STR(artifact_kind_name(a->kind), "name-variant");
		T_EQ_STR(a->suggestion, "Putin");
	}
	T_EQ_STR(art_kind(&cr, "attend. He gave"), "duplicate");
	T_EQ_STR(art_kind(&cr, "fronti\n"), "truncation");
	/* sentence starts and names are not flagged */
	T_EQ_STR(art_kind(&cr, "The two sides agreed"), "(none)");
	T_EQ_STR(art_kind(&cr, "Geneva to"), "(none)");
	clean_result_free(&cr);

	/* a headline echoed as a lead-in; an image-alt counter; stray full stop */
	run("Leaders discuss the border crisis in talks\n\n"
	    "Leaders Discuss The Border Crisis \xe2\x80\x93 On Monday the leaders spoke "
	    "about the border crisis for an hour, the agency said.\n\n"
	    "Leaders discuss the border crisis in talks(1)\n\n"
	    "The minister told the leader. that the plan was ready to be put in place "
	    "by the end of the year.\n", &cr);
	check_sorted(&cr);
	T_EQ_STR(art_kind(&cr, "Leaders Discuss"), "duplicate");
	T_EQ_STR(cls(&cr, 4), "title-repeat");
	T_EQ_STR(art_kind(&cr, "(1)"), "other");
	T_EQ_STR(art_kind(&cr, ". that"), "punctuation");
	clean_result_free(&cr);

	/* signals that need no list */
	run("Leaders discuss the border crisis in talks\n\n"
	    "December 3 local time, A soldier stands in a trench near the border of the "
	    "two countries, officials said.\n\n"
	    "Peskov added, \xe2\x80\x9cthis will enable the two presidents to talk about "
	    "the issues.\xe2\x80\x9d\n\n"
	    "More than 90,000 troops are on the Russian Ukrainian border, the ministry "
	    "said on Friday. There is.\n\n"
	    "He has expressed serious concern about it. Is the reason why he wants to "
	    "prepare for the talks.\n\n"
	    "The plan includes armor and artillery, officials said. Potential invasion of "
	    "the country It will be January.\n", &cr);
	check_sorted(&cr);
	T_EQ_STR(art_kind(&cr, "A soldier"), "casing");
	T_EQ_STR(art_kind(&cr, "this will"), "casing");
	a = art_at(&cr, "Russian Ukrainian");
	T_CHECK(a != NULL);
	if (a != NULL) {
		T_EQ_STR(artifact_kind_name(a->kind), "punctuation");
		T_EQ_STR(a->suggestion, "Russian\xe2\x80\x93Ukrainian");
	}
	T_EQ_STR(art_kind(&cr, "There is"), "garbled");
	T_EQ_STR(art_kind(&cr, "Is the reason"), "garbled");
	T_EQ_STR(art_kind(&cr, "It will be"), "casing");
	T_EQ_STR(art_kind(&cr, "December"), "(none)");
	T_EQ_STR(art_kind(&cr, "Peskov"), "(none)");
	clean_result_free(&cr);

	/* a name spliced twice into one clause; an abbreviated month */
	run("Leaders talk about the border crisis again\n\n"
	    "However, senior White House officials White House spokesman said the talks "
	    "would go on, and the two will meet in this Jan. in the city.\n\n"
	    "The White House said on Monday, and the White House added, that it would "
	    "wait for the answer from the other side.\n", &cr);
	T_EQ_STR(art_kind(&cr, "White House officials White House"), "garbled");
	T_EQ_STR(art_kind(&cr, "this Jan."), "other");
	T_EQ_STR(art_kind(&cr, "added, that"), "(none)");
	clean_result_free(&cr);

	/* two names run together, in an article that shows machine translation */
	run("Leaders talk about the border crisis again\n\n"
	    "on Monday, Biden said the talks would go on. Putin said so too.\n\n"
	    "after the call, Biden said he was hopeful about the talks. Putin agreed.\n\n"
	    "in the evening, Biden said the sides would meet again soon, and Putin "
	    "said he would come.\n\n"
	    "the Biden Putin talks lasted two hours on the secure video line.\n\n"
	    "officials said the next round would take place in the spring.\n", &cr);
	check_sorted(&cr);
	a = art_at(&cr, "Biden Putin");
	T_CHECK(a != NULL);
	if (a != NULL) {
		T_EQ_STR(artifact_kind_name(a->kind), "punctuation");
		T_EQ_STR(a->suggestion, "Biden\xe2\x80\x93Putin");
	}
	clean_result_free(&cr);
	/* a two-word name that comes back is a name */
	run("Leaders talk about the border crisis again\n\n"
	    "on Monday, Taylor said the talks would go on. Swift said so too.\n\n"
	    "after the call, Taylor said she was hopeful. Swift agreed with it.\n\n"
	    "in the evening, Taylor said the sides would meet, and Swift said no.\n\n"
	    "the Taylor Swift concert was moved. The Taylor Swift fans were sad.\n\n"
	    "officials said the next round would take place in the spring.\n", &cr);
	T_EQ_STR(art_kind(&cr, "Taylor Swift"), "(none)");
	clean_result_free(&cr);

	/* no rules: structure still works, the glossary finds nothing, but a quoted
	 * lowercase phrase used again and again is flagged as a likely calque */
	{
		struct clean_rules *keep = rules;
		rules = NULL;
		run("Leaders meet for the general worship meeting in Geneva\n\n" P1 "\n",
		    &cr);
		T_EQ_STR(cls(&cr, 0), "title");
		T_EQ_STR(cls(&cr, 2), "body");
		T_EQ_STR(art_kind(&cr, "general worship"), "(none)");
		clean_result_free(&cr);
		run("The \xe2\x80\x9cwhite wave border\xe2\x80\x9d is tense again\n\n"
		    "Troops gathered at the \xe2\x80\x9cwhite wave border\xe2\x80\x9d this "
		    "week, officials said on Monday in the capital city.\n\n"
		    "The \xe2\x80\x9cwhite wave border\xe2\x80\x9d has seen clashes "
		    "before, and a \xe2\x80\x9creal price\xe2\x80\x9d was paid for them.\n",
		    &cr);
		a = art_at(&cr, "white wave border");
		T_CHECK(a != NULL);
		if (a != NULL)
			T_EQ_STR(artifact_kind_name(a->kind), "mistranslation");
		T_EQ_STR(art_kind(&cr, "real price"), "(none)");
		clean_result_free(&cr);
		rules = keep;
	}
}

static void
test_parser(const char *dir)
{
	struct clean_rules *r;

	nwarn = 0;
	warned[0] = '\0';
	put(dir, "boilerplate.rules",
	    "# comment\n"
	    "\n"
	    "related-links\tprefix\tSee also\n"
	    "no-such-subtype\tprefix\tXyz\n"
	    "comments\tsometimes\tLeave\n"
	    "share\tprefix\n"
	    "share\tprefix\tShare\tloudly\n");
	put(dir, "glossary.tsv",
	    "name-variant\tPoutin\tPutin\tFrench spelling\n"
	    "bogus\tfoo\tbar\tnote\n"
	    "mistranslation\tonly two\n"
	    "wrong-referent\t[Uzbek border\tUkraine\tunbalanced\n");
	r = clean_rules_load(dir, NULL, warn, NULL);
	T_CHECK(r != NULL);
	T_EQ_INT(nwarn, 7);
	{
		char *want = xasprintf("%s/boilerplate.rules:4: ", dir);
		T_CHECK(strstr(warned, want) != NULL);
		free(want);
		want = xasprintf("%s/boilerplate.rules:5: ", dir);
		T_CHECK(strstr(warned, want) != NULL);
		free(want);
		want = xasprintf("%s/glossary.tsv:2: unknown kind", dir);
		T_CHECK(strstr(warned, want) != NULL);
		free(want);
		want = xasprintf("%s/glossary.tsv:4: ", dir);
		T_CHECK(strstr(warned, want) != NULL);
		free(want);
	}
	/* the good lines still work */
	{
		struct clean_rules *keep = rules;
		struct clean_result cr;
		rules = r;
		run("Leaders meet for talks in the city of Geneva\n\n" P1 " Poutin said.\n\n"
		    "See also  Something else entirely\n", &cr);
		T_EQ_STR(art_kind(&cr, "Poutin"), "name-variant");
		T_EQ_STR(sub(&cr, 4), "related-links");
		clean_result_free(&cr);
		rules = keep;
	}
	clean_rules_free(r);

	/* the user's directory extends the data directory */
	put(dir, "boilerplate.rules", "related-links\tprefix\tSee also\n");
	put(dir, "glossary.tsv", "name-variant\tPoutin\tPutin\tFrench spelling\n");
	{
		char *udir = xasprintf("%s/user", dir);
		struct clean_rules *keep = rules;
		struct clean_result cr;
		{ char err[128]; mkdir_p(udir, err, sizeof err); }
		put(udir, "glossary.tsv", "name-variant\tJane Saki\tJen Psaki\tname\n");
		put(udir, "boilerplate.rules", "advert\texact\tBuy now\n");
		nwarn = 0;
		rules = clean_rules_load(dir, udir, warn, NULL);
		T_EQ_INT(nwarn, 0);
		run("Leaders meet for talks in the city of Geneva\n\n" P1
		    " Poutin and Jane Saki said.\n\nBuy now\n\n" P2 "\n", &cr);
		T_EQ_STR(art_kind(&cr, "Poutin"), "name-variant");
		T_EQ_STR(art_kind(&cr, "Jane Saki"), "name-variant");
		T_EQ_STR(sub(&cr, 4), "advert");
		clean_result_free(&cr);
		clean_rules_free(rules);
		rules = keep;
		unput(udir, "glossary.tsv");
		unput(udir, "boilerplate.rules");
		rmdir(udir);
		free(udir);
	}
	/* globs: a star at the head matches at the end of the line only, a star
	 * inside matches any run */
	put(dir, "boilerplate.rules", "comments\tglob\t* Comments\n"
	    "source-attribution\tglob\tThe post * appeared first on *\n");
	{
		struct clean_rules *keep = rules;
		struct clean_result cr;

		rules = clean_rules_load(dir, NULL, warn, NULL);
		run("Leaders meet for talks in the city of Geneva\n\n" P1 " Putin said.\n\n"
		    "12 comments\n\nComments on the talks by Putin\n\n"
		    "The post Talks in Geneva appeared first on Example News\n", &cr);
		T_EQ_STR(sub(&cr, 4), "comments");
		T_CHECK(strcmp(sub(&cr, 6), "comments") != 0);
		T_EQ_STR(sub(&cr, 8), "source-attribution");
		clean_result_free(&cr);
		clean_rules_free(rules);
		rules = keep;
	}
	unput(dir, "boilerplate.rules");
	unput(dir, "glossary.tsv");
}

/* --- fast paths against the plain loops they replace ----------------------------- */

static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33) % n;
}

/* Random text from pieces that matter to the counters: letters of both cases,
 * digits, the bytes that carry a word on (' - .), spaces, UTF-8 letters,
 * quotes, CJK, and broken sequences; with ascii, only the pieces before the
 * first non-ASCII one, so that the runs of ASCII the fast paths take whole
 * (64 bytes for line_count) come often. */
static size_t
random_text(char *buf, size_t max, int ascii)
{
	static const char *const piece[] = {
		"a", "Z", "q", "7", " ", ".", "-", "'", ",", "|", "\t", "AB", "word",
		"\xe2\x80\x99", "\xe2\x80\x9c", "\xc3\xa9", "\xe4\xb8\xad", "\xe3\x80\x82",
		"\x80", "\xff", "\xe2\x80", "\xc2\xa0", "\xf0\x9f\x98\x80", "@", "[", "`", "{"
	};
	size_t n = 0, want = rnd((unsigned)max);

	while (n < want) {
		const char *p = piece[rnd(ascii ? 13 : sizeof piece / sizeof piece[0])];
		size_t k = strlen(p);
		if (n + k > max)
			break;
		memcpy(buf + n, p, k);
		n += k;
	}
	return n;
}

/* line_count as the byte loop it replaced. */
static void
slow_count(const char *t, size_t i, size_t e, struct line_counts *lc)
{
	while (i < e) {
		unsigned char c = (unsigned char)t[i];
		size_t q;
		int w;

		lc->nch++;
		if (c < 0x80) {
			if (ascii_word[c]) {
				lc->nn++;
				if (!lc->inword)
					lc->nw++;
				lc->inword = 1;
			} else
				lc->inword = lc->inword && (c == '\'' || c == '-' || c == '.');
			i++;
			continue;
		}
		q = u8_seq(t, i, e);
		w = u8_wordch(t, i, e);
		if (c >= 0xe3)
			lc->ncjk++;
		if (w) {
			lc->nn += q;
			if (!lc->inword)
				lc->nw++;
		}
		lc->inword = w;
		i += q;
	}
}

static void
test_counts(void)
{
	char buf[300];
	size_t k, bad = 0, badcase = 0, badend = 0, words = 0;

	for (k = 0; k < 20000; k++) {
		size_t n = random_text(buf, sizeof buf, k % 2), s = n ? rnd((unsigned)n) : 0;
		struct line_counts a = { 0, 0, 0, 0, (int)rnd(2) }, b = a;
		size_t up = 0, lo = 0, up2 = 0, lo2 = 0, i;

		line_count(buf, s, n, &a);
		slow_count(buf, s, n, &b);
		bad += a.nch != b.nch || a.nw != b.nw || a.nn != b.nn || a.ncjk != b.ncjk ||
		    a.inword != b.inword;
		words += b.nw;
		count_case(buf, s, n, &up, &lo);
		for (i = s; i < n; i++) {
			up2 += buf[i] >= 'A' && buf[i] <= 'Z';
			lo2 += buf[i] >= 'a' && buf[i] <= 'z';
		}
		badcase += up != up2 || lo != lo2;
		/* the end of a run of ASCII letters and digits, from every offset */
		for (i = s; i <= n; i++)
			badend += ascii_word_end(buf, i, n) != ascii_word_end_plain(buf, i, n);
	}
	T_EQ_INT(bad, 0);
	T_EQ_INT(badcase, 0);
	T_EQ_INT(badend, 0);
	T_CHECK(words > 10000);
	/* a word runs on through "U.S." and "well-known", not through a space */
	{
		static const char txt[] = "The U.S. well-known rule, isn't it? Yes";
		struct line_counts c = { 0, 0, 0, 0, 0 };
		line_count(txt, 0, sizeof txt - 1, &c);
		T_EQ_INT(c.nw, 7);
		T_EQ_INT(c.nch, sizeof txt - 1);
	}
}

/* '*' matches any run of bytes. */
static int
slow_glob(const char *p, const char *s, size_t n)
{
	size_t i;

	if (*p == '\0')
		return n == 0;
	if (*p == '*') {
		for (i = 0; i <= n; i++)
			if (slow_glob(p + 1, s + i, n - i))
				return 1;
		return 0;
	}
	return n > 0 && *p == *s && slow_glob(p + 1, s + 1, n - 1);
}

/* The first rule in file order that matches the line, as the loader's rules read
 * (phrase rules only on lines of at most 200 bytes; anchored ones on any). */
static const struct line_rule *
slow_match(const struct clean_rules *r, const char *t, size_t n)
{
	char low[400], pat[400];
	size_t i, k;

	for (k = 0; k < n; k++)
		low[k] = (char)ascii_lower[(unsigned char)t[k]];
	for (i = 0; i < r->nlr; i++) {
		const struct line_rule *lr = &r->lr[i];
		const char *src = lr->cased ? t : low;
		int ok = 0;
		if (n == 0)
			return NULL;
		switch (lr->how) {
		case HOW_EXACT:
			ok = n == lr->len && n <= 200 && memcmp(src, lr->pat, n) == 0;
			break;
		case HOW_PREFIX:
			ok = lr->len <= n && lr->len <= 200 && memcmp(src, lr->pat, lr->len) == 0;
			break;
		case HOW_SUFFIX:
			ok = n >= lr->len && memcmp(src + n - lr->len, lr->pat, lr->len) == 0;
			break;
		case HOW_CONTAINS:
			ok = n <= 200 && memmem(src, n, lr->pat, lr->len) != NULL;
			break;
		case HOW_GLOB:
			memcpy(pat, lr->pat, lr->len + 1);
			ok = n <= 200 && slow_glob(pat, src, n);
			break;
		}
		if (ok)
			return lr;
	}
	return NULL;
}

/* The glossary's first-word filter passes the first word of every phrase, with
 * its first letter in either case, and keeps out most other words. */
static void
test_gloss_filter(void)
{
	static const char *const other[] = {
		"the", "and", "said", "President", "of", "a", "Ukraine", "2024", "to",
		"minister", "I", "is", "was", "on", "government", "It"
	};
	size_t i, bad = 0, pass = 0;

	T_CHECK(rules->ngl > 10);
	for (i = 0; i < rules->ngl; i++) {
		const struct gloss *g = &rules->gl[i];
		char w[64];
		size_t we = 0;
		while (we < g->len && u8_wordch(g->phrase, we, g->len))
			we += u8_seq(g->phrase, we, g->len);
		if (we == 0 || we >= sizeof w)
			continue;
		memcpy(w, g->phrase, we);
		bad += !gloss_first(rules, w, we);
		if (w[0] >= 'a' && w[0] <= 'z')
			w[0] -= 32;
		else if (w[0] >= 'A' && w[0] <= 'Z')
			w[0] += 32;
		bad += !gloss_first(rules, w, we);
	}
	T_EQ_INT(bad, 0);
	for (i = 0; i < sizeof other / sizeof other[0]; i++)
		pass += gloss_first(rules, other[i], strlen(other[i]));
	T_CHECK(pass <= 2);
}

static void
test_rule_index(const char *dir)
{
	static const char *const words[] = {
		"the", "The", "cookies", "COOKIES", "Cookie Policy", "uses", "All Rights",
		"reserved", "Reserved", "(Image: ", "Getty Images", "/ AFP", "AP", "(AP)",
		"comments", "Comments", "Related", "See also", "Share", "x", "X", "*", "q",
		"Akismet", "appeared first on", "The post", "News/", "2024-01-01T",
		"via Getty Images", "\xe2\x80\x99", "\xc3\xa9t\xc3\xa9", " ", " ", " ", "z"
	};
	struct clean_rules *sets[3];
	char line[400];
	size_t k, m, bad = 0, hits = 0;

	/* besides the shipped rules, kinds the shipped file lacks: one-byte and
	 * cased contains rules, an exact rule opening with '*', cased globs */
	put(dir, "boilerplate.rules",
	    "other\tcontains\tq\n"
	    "advert\tcontains\tCOOKIES\tcase\n"
	    "share\texact\t*\n"
	    "share\tprefix\t* x\n"
	    "comments\tglob\t*Comments*z\tcase\n"
	    "credit\tsuffix\tz\n"
	    "navigation\tcontains\tthe the\n");
	put(dir, "glossary.tsv", "");
	sets[0] = rules;
	sets[1] = clean_rules_load(dir, NULL, NULL, NULL);
	/* patterns of four bytes and more move a window along the line */
	put(dir, "boilerplate.rules",
	    "advert\tcontains\tCOOKIES\tcase\n"
	    "navigation\tcontains\tthe the\n"
	    "share\tcontains\ts (im\n"
	    "other\tcontains\tx x x\n"
	    "credit\tcontains\tes X\tcase\n");
	sets[2] = clean_rules_load(dir, NULL, NULL, NULL);
	for (m = 0; m < 3; m++)
		for (k = 0; k < 20000; k++) {
			size_t n = 0, want = 1 + rnd(k % 10 == 0 ? 300 : 60);
			const struct line_rule *a, *b;
			while (n < want) {
				const char *w = words[rnd(sizeof words / sizeof words[0])];
				size_t l = strlen(w);
				if (n + l > sizeof line)
					break;
				memcpy(line + n, w, l);
				n += l;
				if (n < sizeof line && rnd(2))
					line[n++] = ' ';
			}
			a = rules_match_line(sets[m], line, 0, n);
			b = slow_match(sets[m], line, n);
			bad += a != b;
			hits += b != NULL;
		}
	T_EQ_INT(bad, 0);
	T_CHECK(hits > 15000);
	clean_rules_free(sets[1]);
	clean_rules_free(sets[2]);
	unput(dir, "boilerplate.rules");
	unput(dir, "glossary.tsv");
}

/* Bad input never crashes. */
static void
test_robust(void)
{
	struct clean_result cr;
	char *big;
	size_t i, n = 3 * 1000 * 1000;

	run("", &cr);
	T_EQ_INT(cr.nlines, 0);
	T_CHECK(cr.title == NULL);
	clean_result_free(&cr);

	run("\n\n\n", &cr);
	T_EQ_INT(cr.nlines, 3);
	T_EQ_STR(cls(&cr, 0), "empty");
	clean_result_free(&cr);

	run("\xff\xfe\xc3\n\xe2\x80\n\xf0\x9f\x98 by \xe2\n. .. \xe2\x80\x9d \xe2\x80\x9c", &cr);
	T_EQ_INT(cr.nlines, 4);
	check_sorted(&cr);
	clean_result_free(&cr);

	big = xmalloc(n + 1);
	for (i = 0; i < n; i++)
		big[i] = i % 7 == 6 ? ' ' : (i % 1000 == 999 ? '.' : 'a' + (int)(i % 26));
	big[n] = '\0';
	run(big, &cr);
	T_EQ_INT(cr.nlines, 1);
	check_sorted(&cr);
	clean_result_free(&cr);
	free(big);
}

int
main(void)
{
	char tmpl[] = "/tmp/lede-test-clean.XXXXXX";
	char *dir = mkdtemp(tmpl);
	char *data;

	T_CHECK(dir != NULL);
	if (dir == NULL)
		return t_done();
	/* the installed knowledge files must load without a complaint */
	data = xasprintf("%s/data", LEDE_SRCDIR);
	nwarn = 0;
	rules = clean_rules_load(data, NULL, warn, NULL);
	if (nwarn)
		fprintf(stderr, "%s", warned);
	T_EQ_INT(nwarn, 0);
	free(data);

	test_structure();
	test_page();
	test_artifacts();
	test_robust();
	test_parser(dir);
	test_counts();
	test_rule_index(dir);
	test_gloss_filter();
	clean_rules_free(rules);
	rmdir(dir);
	return t_done();
}
