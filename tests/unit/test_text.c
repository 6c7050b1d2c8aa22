/* test_text.c - decoding, widths, sanitising and wrapping for the screen */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/text.h"
#include "t.h"

static int
w(const char *s)
{
	return text_width(s, strlen(s));
}

static int
cw(const char *s)
{
	int fb;

	return text_cluster_width(s, strlen(s), &fb);
}

static int
nglyphs(const char *s)
{
	struct text_iter it;
	struct glyph g;
	int n = 0;

	text_iter_init(&it, s, strlen(s), 0);
	while (text_iter_next(&it, &g))
		n++;
	text_iter_free(&it);
	return n;
}

static void
check_san(const char *in, size_t n, const char *want)
{
	char *s = text_sanitize(in, n, -1);

	T_EQ_STR(s, want);
	free(s);
}

/* wrap s to width; rows joined with '|'; each row's width checked */
static char *
wrap(const char *s, int width, int *maxw)
{
	static char out[4096];
	struct text_wrap tw;
	struct text_row r;
	size_t o = 0;

	*maxw = 0;
	text_wrap_init(&tw, s, strlen(s), width);
	while (text_wrap_next(&tw, &r)) {
		if (o > 0)
			out[o++] = '|';
		memcpy(out + o, s + r.start, r.end - r.start);
		o += r.end - r.start;
		if (r.width > *maxw)
			*maxw = r.width;
		/* the width reported is the width of the row without hanging spaces */
		{
			size_t e = r.end;

			while (e > r.start && s[e - 1] == ' ')
				e--;
			T_EQ_INT(r.width, text_width(s + r.start, e - r.start));
		}
	}
	text_wrap_free(&tw);
	out[o] = '\0';
	return out;
}

/* virtual text glued after glyphs: 4 columns after "bbb" (bytes 4-7) */
static int
extra4(void *ctx, size_t start, size_t end)
{
	(void)ctx;
	return start < 7 && 7 <= end ? 4 : 0;
}

static char *
wrap_extra(const char *s, int width, int *widths)
{
	static char out[256];
	struct text_wrap tw;
	struct text_row r;
	size_t o = 0, n = 0;

	text_wrap_init(&tw, s, strlen(s), width);
	tw.extra = extra4;
	while (text_wrap_next(&tw, &r)) {
		if (o > 0)
			out[o++] = '|';
		memcpy(out + o, s + r.start, r.end - r.start);
		o += r.end - r.start;
		widths[n++] = r.width;
	}
	text_wrap_free(&tw);
	out[o] = '\0';
	return out;
}

int
main(void)
{
	uint32_t c;
	int maxw;
	char *s;
	char *big;
	size_t i, n, rows;
	struct text_wrap tw;
	struct text_row r;

	/* decoding */
	T_EQ_INT(text_decode("\xc3\xa9", 2, &c), 2);
	T_EQ_INT(c, 0xe9);
	T_EQ_INT(text_decode("\xc3", 1, &c), 1);
	T_EQ_INT(c, 0xfffd);
	T_EQ_INT(text_decode("\xc0\xaf", 2, &c), 1);	/* overlong */
	T_EQ_INT(c, 0xfffd);
	T_EQ_INT(text_decode("\xed\xa0\x80", 3, &c), 1);	/* surrogate */
	T_EQ_INT(text_decode("\xf0\x9f\x91\x8d", 4, &c), 4);
	T_EQ_INT(c, 0x1f44d);

	/* widths: ASCII, CJK, combining marks */
	T_EQ_INT(w("abc"), 3);
	T_EQ_INT(w("\xe6\x9d\xb1\xe4\xba\xac"), 4);		/* 東京 */
	T_EQ_INT(w("e\xcc\x81"), 1);				/* e + U+0301 */
	T_EQ_INT(nglyphs("e\xcc\x81x"), 2);
	T_EQ_INT(w("Gene\xcc\x80ve"), 6);
	/* emoji: ZWJ family, flag, skin tone are one cluster of width 2 */
	T_EQ_INT(nglyphs("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"), 1);
	T_EQ_INT(cw("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"), 2);
	T_EQ_INT(w("\xf0\x9f\x87\xba\xf0\x9f\x87\xa6"), 2);	/* flag UA */
	T_EQ_INT(nglyphs("\xf0\x9f\x87\xba\xf0\x9f\x87\xa6"), 1);
	T_EQ_INT(w("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"), 2);	/* thumbs up, skin tone */
	T_EQ_INT(w("\xf0\x9f\x91\x8d"), 2);
	/* a mark with no base is shown on a space */
	T_EQ_INT(w("\xcc\x81"), 1);

	/* invalid UTF-8: one replacement per bad byte, offsets kept */
	T_EQ_INT(w("a\xff\xfe" "b"), 4);
	check_san("a\xff" "b", 3, "a\xef\xbf\xbd" "b");
	check_san("\xe6\x9d", 2, "\xef\xbf\xbd\xef\xbf\xbd");

	/* sanitising: nothing a terminal would interpret survives */
	check_san("a\x1b]0;pwned\x07z", 12, "a^[]0;pwned^Gz");
	check_san("\x1b[2J", 4, "^[[2J");
	check_san("\x1bP1$r\x1b\\x", 8, "^[P1$r^[\\x");
	check_san("x\xc2\x9b" "31m", 6, "x<U+009B>31m");
	check_san("\xc2\x85", 2, "<U+0085>");
	check_san("a\x7f" "b", 3, "a^?b");
	check_san("\x01\x08\x0c", 3, "^A^H^L");
	check_san("a\tb", 3, "a b");
	check_san("line\r", 5, "line");
	check_san("a\rb", 3, "a^Mb");
	check_san("two\nlines", 9, "two lines");
	check_san("\xe2\x80\xae" "abc", 6, "<U+202E>abc");	/* RLO */
	T_EQ_INT(text_escape_len("\x1b[2J", 4), 4);
	T_EQ_INT(text_escape_len("\x1b]0;t\x07rest", 10), 6);
	T_EQ_INT(text_escape_len("\x1b]0;t\x1b\\rest", 11), 7);
	T_EQ_INT(text_escape_len("\x1bP$q\x1b\\", 6), 6);
	T_EQ_INT(text_escape_len("x", 1), 0);
	/* inside a sequence everything is a placeholder */
	{
		struct text_iter it;
		struct glyph g;
		int esc = 0, all = 0;
		const char *t = "\x1b]0;title\x07ok";

		text_iter_init(&it, t, strlen(t), 0);
		while (text_iter_next(&it, &g)) {
			all++;
			esc += g.in_escape;
		}
		text_iter_free(&it);
		T_EQ_INT(all, 12);
		T_EQ_INT(esc, 10);
	}
	/* width limits with an ellipsis */
	s = text_sanitize("abcdefgh", 8, 5);
	T_EQ_STR(s, "abcd\xe2\x80\xa6");
	free(s);
	s = text_sanitize("\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1", 9, 5);
	T_EQ_STR(s, "\xe6\x9d\xb1\xe4\xba\xac\xe2\x80\xa6");
	free(s);
	s = text_sanitize("abc", 3, 5);
	T_EQ_STR(s, "abc");
	free(s);

	/* wrapping at word boundaries */
	T_EQ_STR(wrap("the quick brown fox", 10, &maxw), "the quick |brown fox");
	T_CHECK(maxw <= 10);
	T_EQ_STR(wrap("", 10, &maxw), "");
	T_EQ_STR(wrap("short", 10, &maxw), "short");
	/* a word longer than the width breaks between clusters */
	T_EQ_STR(wrap("abcdefghijkl xy", 5, &maxw), "abcde|fghij|kl xy");
	T_CHECK(maxw <= 5);
	/* CJK breaks between ideographs, and a wide glyph never straddles the edge */
	T_EQ_STR(wrap("\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac", 5, &maxw),
	    "\xe6\x9d\xb1\xe4\xba\xac|\xe6\x9d\xb1\xe4\xba\xac");
	T_EQ_INT(maxw, 4);
	/* combining marks stay with their base */
	T_EQ_STR(wrap("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, &maxw),
	    "e\xcc\x81" "e\xcc\x81|e\xcc\x81");
	/* emoji sequences are one unit of width 2 */
	T_EQ_STR(wrap("a\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd" "b", 2, &maxw),
	    "a|\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd|b");
	T_EQ_STR(wrap("ab  cd", 3, &maxw), "ab  |cd");
	/* a width of 1 with wide glyphs still makes progress */
	T_EQ_STR(wrap("\xe6\x9d\xb1\xe4\xba\xac", 1, &maxw), "\xe6\x9d\xb1|\xe4\xba\xac");

	/* a long single line: linear, bounded memory, rows cover every byte */
	n = 5 * 1024 * 1024;
	big = malloc(n);
	for (i = 0; i < n; i++)
		big[i] = (i % 7 == 6) ? ' ' : 'a' + (char)(i % 7);
	big[n / 2] = '\xff';
	rows = 0;
	text_wrap_init(&tw, big, n, 80);
	{
		size_t expect = 0;
		int ok = 1;

		while (text_wrap_next(&tw, &r)) {
			if (r.start != expect || r.width > 80)
				ok = 0;
			expect = r.end;
			rows++;
		}
		T_CHECK(ok);
		T_EQ_INT(expect, n);
	}
	text_wrap_free(&tw);
	T_CHECK(rows > n / 81);
	free(big);

	/* a long non-ASCII line crosses many break-table chunks: rows still tile the
	 * text, never exceed the width, and every row ends on a glyph boundary */
	{
		static const char *const pieces[] = { "\xe6\x9d\xb1\xe4\xba\xac", " ",
		    "e\xcc\x81", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xff",
		    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", "\x1b[2J",
		    "word", "\xf0\x9f\x87\xba\xf0\x9f\x87\xa6" };
		size_t cap = 400000, len = 0, expect = 0, k = 0;
		int ok = 1, widths = 1;

		big = malloc(cap + 64);
		while (len < cap) {
			const char *p = pieces[(k * 7 + k / 3) % 9];

			memcpy(big + len, p, strlen(p));
			len += strlen(p);
			k++;
		}
		text_wrap_init(&tw, big, len, 13);
		while (text_wrap_next(&tw, &r)) {
			if (r.start != expect || r.end <= r.start)
				ok = 0;
			if (r.width > 13 || r.width != text_width(big + r.start,
			    r.end - r.start) - (big[r.end - 1] == ' '))
				widths = 0;
			expect = r.end;
		}
		text_wrap_free(&tw);
		T_CHECK(ok);
		T_CHECK(widths);
		T_EQ_INT(expect, len);
		free(big);
	}

	/* virtual text after a glyph moves with it and counts in the row width */
	{
		int ws[8];

		T_EQ_STR(wrap_extra("aaa bbb ccc", 9, ws), "aaa |bbb |ccc");
		T_EQ_INT(ws[0], 3);
		T_EQ_INT(ws[1], 7);
		T_EQ_INT(wrap_extra("aaa bbb ccc", 11, ws)[0], 'a');
		T_EQ_STR(wrap_extra("aaa bbb ccc", 11, ws), "aaa bbb |ccc");
		T_EQ_INT(ws[0], 11);
		/* wider than the row: the glyph and its text still start a row */
		T_EQ_STR(wrap_extra("aaa bbb ccc", 5, ws), "aaa |bbb |ccc");
		T_EQ_INT(ws[1], 7);
	}

	/* search */
	T_EQ_INT(text_find("Hello World", 11, 0, "world", 5, NULL), 6);
	T_EQ_INT(text_find("Hello World", 11, 7, "world", 5, NULL), (size_t)-1);
	T_EQ_INT(text_rfind("ab ab ab", 8, 6, "ab", 2, NULL), 3);
	T_EQ_INT(text_rfind("ab ab ab", 8, 8, "ab", 2, NULL), 6);
	{
		const char *t = "in \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 and Gen\xc3\xa8ve";
		size_t ml = 0;

		/* "москва" finds "Москва"; "GENÈVE" finds "Genève" */
		T_EQ_INT(text_find(t, strlen(t), 0, "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
		    12, &ml), 3);
		T_EQ_INT(ml, 12);
		T_EQ_INT(text_find(t, strlen(t), 0, "GEN\xc3\x88VE", 7, &ml), 20);
		T_EQ_INT(ml, 7);
		/* never a match that starts inside a character */
		T_EQ_INT(text_find(t, strlen(t), 4, "\xbe", 1, NULL), (size_t)-1);
		T_EQ_INT(text_find("a\xff" "b", 3, 0, "\xff", 1, NULL), 1);
	}
	return t_done();
}
