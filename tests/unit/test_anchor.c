/* test_anchor.c - re-anchoring: kept, moved, ties, fuzzy, orphan; UTF-8 counting */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/anchor.h"
#include "lede/util.h"
#include "t.h"

/* A target as an annotation on old[start..end) would remember it. */
static struct anchor_target
target(const char *old, size_t start, size_t end)
{
	struct anchor_target t;
	size_t len = strlen(old), ps, se;

	ps = utf8_back(old, len, start, ANCHOR_CONTEXT);
	se = utf8_fwd(old, len, end, ANCHOR_CONTEXT);
	t.start = start;
	t.end = end;
	t.quote = old + start;
	t.qlen = end - start;
	t.prefix = old + ps;
	t.plen = start - ps;
	t.suffix = old + end;
	t.slen = se - end;
	return t;
}

static struct anchor_result
reanchor(const char *old, const char *quote, const char *new)
{
	struct anchor_target t;
	struct anchor_result r;
	size_t s = at(old, quote);

	t = target(old, s, s + strlen(quote));
	anchor_find(new, strlen(new), &t, &r);
	return r;
}

static void
test_counting(void)
{
	/* "a" é 東 😀 and a bad byte: code points 5, UTF-16 units 6 */
	const char *s = "a\xc3\xa9\xe6\x9d\xb1\xf0\x9f\x98\x80\xff";
	size_t n = strlen(s);

	T_EQ_INT(utf8_cpcount(s, n), 5);
	T_EQ_INT(utf16_count(s, n), 6);
	T_EQ_INT(utf8_seqlen(s + 1, n - 1), 2);
	T_EQ_INT(utf8_seqlen(s + 6, n - 6), 4);
	T_EQ_INT(utf8_seqlen(s + 10, 1), 1);
	T_EQ_INT(utf8_seqlen("\xe6\x9d", 2), 1);	/* truncated: one bad byte */
	T_CHECK(utf8_boundary(s, n, 1));
	T_CHECK(!utf8_boundary(s, n, 2));
	T_CHECK(!utf8_boundary(s, n, 5));
	T_CHECK(!utf8_boundary(s, n, 9));
	T_CHECK(utf8_boundary(s, n, 10));
	T_EQ_INT(utf8_back(s, n, 10, 1), 6);
	T_EQ_INT(utf8_back(s, n, 10, 2), 3);
	T_EQ_INT(utf8_back(s, n, 11, 1), 10);
	T_EQ_INT(utf8_back(s, n, 11, 99), 0);
	T_EQ_INT(utf8_fwd(s, n, 0, 3), 6);
	T_EQ_INT(utf8_fwd(s, n, 6, 99), 11);
	/* a stray continuation byte after a valid sequence counts alone */
	T_EQ_INT(utf8_cpcount("\xc3\xa9\x80", 3), 2);
	T_EQ_INT(utf8_back("\xc3\xa9\x80", 3, 3, 1), 2);
	T_EQ_INT(utf8_back("\xc3\xa9\x80", 3, 2, 1), 0);
	T_EQ_INT(utf8_cpcount("", 0), 0);
}

static void
test_kept(void)
{
	const char *old = "Putin met Biden in Geneva. The talks were short.";
	const char *new = "Putin met Biden in Geneva. The talks were very short.";
	struct anchor_result r = reanchor(old, "Biden", new);

	T_EQ_INT(r.status, ANCHOR_KEPT);
	T_EQ_INT(r.start, at(old, "Biden"));
	T_EQ_INT(r.end, at(old, "Biden") + 5);
	/* the same text: kept */
	r = reanchor(old, "talks were short", old);
	T_EQ_INT(r.status, ANCHOR_KEPT);
	T_EQ_STR(anchor_status_name(r.status), "anchored");
}

static void
test_moved(void)
{
	const char *old = "Title\n\nThe minister said the plan was final. Critics disagreed.";
	const char *new = "Title\n\nUPDATE: corrected spelling.\n\nThe minister said the plan "
	    "was final. Critics disagreed.";
	struct anchor_result r = reanchor(old, "the plan was final", new);

	T_EQ_INT(r.status, ANCHOR_MOVED);
	T_EQ_INT(r.start, at(new, "the plan was final"));
	T_EQ_INT(r.end - r.start, strlen("the plan was final"));
	T_EQ_STR(anchor_status_name(r.status), "moved");
	/* deleted text before it: moved back */
	r = reanchor(new, "Critics", old);
	T_EQ_INT(r.status, ANCHOR_MOVED);
	T_EQ_INT(r.start, at(old, "Critics"));
}

static void
test_ties(void)
{
	/* "the vote" twice; the context says which one */
	const char *old = "First, the vote in Kyiv was delayed. Later, the vote in Lviv went ahead.";
	const char *new = "Intro. First, the vote in Kyiv was delayed. Later, the vote in Lviv went ahead.";
	size_t second = at(old, "Later, ") + 7;
	struct anchor_target t = target(old, second, second + 8);
	struct anchor_result r;

	anchor_find(new, strlen(new), &t, &r);
	T_EQ_INT(r.status, ANCHOR_MOVED);
	T_EQ_INT(r.start, at(new, "Later, ") + 7);
	/* the first one */
	t = target(old, at(old, "the vote"), at(old, "the vote") + 8);
	anchor_find(new, strlen(new), &t, &r);
	T_EQ_INT(r.start, at(new, "the vote"));

	/* identical contexts: distance to the old offset decides */
	{
		const char *o = "x yes yes yes y";
		const char *n2 = "xx yes yes yes y";
		/* old middle "yes" at 6; in the new text occurrences at 3, 7, 11 */
		struct anchor_target t2 = { .start = 6, .end = 9, .quote = "yes",
		    .qlen = 3 };

		anchor_find(n2, strlen(n2), &t2, &r);
		T_EQ_INT(r.status, ANCHOR_MOVED);
		T_EQ_INT(r.start, 7);
		(void)o;
	}
	/* context outweighs distance */
	{
		const char *n3 = "yes alpha. filler filler filler yes beta.";
		struct anchor_target t3 = { .start = 4, .end = 7, .quote = "yes",
		    .qlen = 3, .prefix = "filler ", .plen = 7, .suffix = " beta",
		    .slen = 5 };

		anchor_find(n3, strlen(n3), &t3, &r);
		T_EQ_INT(r.start, at(n3, "yes beta"));
	}
}

static void
test_fuzzy(void)
{
	const char *old = "Officials in Brussels confirmed on Tuesday that the sanctions "
	    "package would be adopted before the summit, according to two diplomats.";
	const char *q = "the sanctions package would be adopted before the summit";
	/* a typo fixed and a word changed inside the quote, text added before */
	const char *new = "Brussels (AFP) - Officials in Brussels confirmed on Tuesday that "
	    "the sanction package will be adopted before the summit, according to two "
	    "diplomats.";
	struct anchor_result r = reanchor(old, q, new);

	T_EQ_INT(r.status, ANCHOR_FUZZY);
	T_EQ_STR(anchor_status_name(r.status), "fuzzy");
	T_CHECK(r.distance > 0 && r.distance <= 6);
	/* the span covers the edited passage, give or take its edges */
	T_CHECK(r.start >= at(new, "that ") && r.start <= at(new, "the sanction") + 1);
	T_CHECK(r.end >= at(new, " summit") + 6 && r.end <= at(new, " summit") + 8);
}

static void
test_fuzzy_windowed(void)
{
	/* a long text forces the windowed search; the edit is near the old offset */
	struct buf b = { 0 }, nb = { 0 };
	const char *q = "the quick brown fox jumps over the lazy dog";
	const char *q2 = "the quick brown cat jumps over the lazy dog";
	size_t i, s, pos;
	struct anchor_target t;
	struct anchor_result r;

	for (i = 0; i < 40000; i++)
		buf_adds(&b, "lorem ipsum dolor ");
	s = b.len;
	buf_adds(&b, q);
	buf_adds(&b, " and more text after it. ");
	for (i = 0; i < 40000; i++)
		buf_adds(&b, "sit amet consectetur ");
	buf_adds(&nb, "A new first paragraph.\n\n");
	buf_add(&nb, b.s, s);
	pos = nb.len;
	buf_adds(&nb, q2);
	buf_adds(&nb, b.s + s + strlen(q));
	t = target(b.s, s, s + strlen(q));
	anchor_find(nb.s, nb.len, &t, &r);
	T_EQ_INT(r.status, ANCHOR_FUZZY);
	T_EQ_INT(r.start, pos);
	T_EQ_INT(r.end, pos + strlen(q2));
	T_EQ_INT(r.distance, 3);

	/* the old offset is far off but the prefix still occurs: found */
	t.start = 10;
	t.end = 10 + strlen(q);
	anchor_find(nb.s, nb.len, &t, &r);
	T_EQ_INT(r.status, ANCHOR_FUZZY);
	T_EQ_INT(r.start, pos);
	buf_free(&b);
	buf_free(&nb);
}

static void
test_orphan(void)
{
	const char *old = "The mayor resigned after the audit. Elections follow in May.";
	const char *new = "Elections follow in May. Nothing else happened.";
	struct anchor_result r = reanchor(old, "The mayor resigned after the audit.", new);

	T_EQ_INT(r.status, ANCHOR_ORPHAN);
	T_EQ_STR(anchor_status_name(r.status), "orphan");
	/* a short quote that vanished: no fuzzy guess */
	r = reanchor(old, "mayor", new);
	T_EQ_INT(r.status, ANCHOR_ORPHAN);
	/* empty text, empty quote */
	r = reanchor(old, "audit", "");
	T_EQ_INT(r.status, ANCHOR_ORPHAN);
	{
		struct anchor_target t = { .start = 0, .end = 0, .quote = "", .qlen = 0 };

		anchor_find(old, strlen(old), &t, &r);
		T_EQ_INT(r.status, ANCHOR_ORPHAN);
	}
	/* old offsets past the end of a shortened text */
	{
		struct anchor_target t = { .start = 500, .end = 505, .quote = "audit",
		    .qlen = 5 };

		anchor_find(new, strlen(new), &t, &r);
		T_EQ_INT(r.status, ANCHOR_ORPHAN);
	}
}

static void
test_unicode(void)
{
	/* emoji, CJK and combining marks before the quote; text inserted before */
	const char *old = "Reaction 👍🏽 from 東京: \"大丈夫\" said Zoë (e\xcc\x81) today.";
	const char *new = "🇺🇦 Update 🇺🇦\nReaction 👍🏽 from 東京: \"大丈夫\" said Zoë (e\xcc\x81) today.";
	struct anchor_result r = reanchor(old, "大丈夫", new);

	T_EQ_INT(r.status, ANCHOR_MOVED);
	T_EQ_INT(r.start, at(new, "大丈夫"));
	T_EQ_INT(r.end, at(new, "大丈夫") + 9);
	r = reanchor(old, "Zoë (e\xcc\x81)", new);
	T_EQ_INT(r.status, ANCHOR_MOVED);
	T_EQ_INT(r.start, at(new, "Zoë"));

	/* a CJK quote with one character changed: fuzzy, span on boundaries */
	{
		const char *o2 = "前文。东京奥运会推迟到明年举行的决定已经正式公布了。后文。";
		const char *n2 = "前文。东京奥运会延期到明年举行的决定已经正式公布了。后文。";
		const char *q = "东京奥运会推迟到明年举行的决定已经正式公布了";

		r = reanchor(o2, q, n2);
		T_EQ_INT(r.status, ANCHOR_FUZZY);
		T_EQ_INT(r.distance, 2);
		T_EQ_INT(r.start, at(n2, "东京"));
		T_EQ_INT(r.end, at(n2, "了。后文") + 3);
		T_CHECK(utf8_boundary(n2, strlen(n2), r.start));
		T_CHECK(utf8_boundary(n2, strlen(n2), r.end));
	}
	/* an exact match inside a multibyte sequence is not a match */
	{
		/* U+4E2D 中 is e4 b8 ad; search for the bytes "\xb8\xad" as a quote */
		struct anchor_target t = { .start = 1, .end = 3, .quote = "\xb8\xad",
		    .qlen = 2 };

		anchor_find("x\xe4\xb8\xadx", 5, &t, &r);
		T_CHECK(r.status != ANCHOR_MOVED && r.status != ANCHOR_KEPT);
	}
	/* invalid UTF-8 in the text does not break the search */
	{
		const char *o3 = "bad \xff byte then the important claim here.";
		const char *n3 = "new \xfe\xff bad \xff byte then the important claim here.";

		r = reanchor(o3, "the important claim", n3);
		T_EQ_INT(r.status, ANCHOR_MOVED);
		T_EQ_INT(r.start, at(n3, "the important"));
	}
}

int
main(void)
{
	test_counting();
	test_kept();
	test_moved();
	test_ties();
	test_fuzzy();
	test_fuzzy_windowed();
	test_orphan();
	test_unicode();
	return t_done();
}
