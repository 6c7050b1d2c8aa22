/* test_token.c - tokenisation edge cases: abbreviations, possessives, hyphens,
 * quotes, CJK, invalid UTF-8, sentence starts */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/token.h"
#include "t.h"

static struct tokenizer tz;
static const char *cur;

static size_t
tok(const char *s)
{
	cur = s;
	return tokenize(&tz, s, 0, strlen(s));
}

/* The text of token i. */
static const char *
tt(size_t i)
{
	static char b[256];
	size_t n;

	if (i >= tz.ntok)
		return "(none)";
	n = tz.tok[i].end - tz.tok[i].start;
	if (n >= sizeof b)
		n = sizeof b - 1;
	memcpy(b, cur + tz.tok[i].start, n);
	b[n] = '\0';
	return b;
}

static int
has(size_t i, unsigned f)
{
	return i < tz.ntok && (tz.tok[i].flags & f) == f;
}

/* The ASCII fast path must cut and flag s exactly as libunistring's path does. */
static int
same_as_unicode(const char *s)
{
	struct tokenizer u = { 0 };
	size_t n, k, i;
	int ok;

	n = tokenize(&tz, s, 0, strlen(s));
	k = tokenize_unicode(&u, s, 0, strlen(s));
	ok = n == k;
	for (i = 0; ok && i < n; i++)
		ok = tz.tok[i].start == u.tok[i].start && tz.tok[i].end == u.tok[i].end &&
		    tz.tok[i].flags == u.tok[i].flags;
	tokenizer_free(&u);
	return ok;
}

int
main(void)
{
	static const char *const fast[] = {
		"Mr. Putin's \xe2\x80\x9cred line\xe2\x80\x9d \xe2\x80\x94 U.S.-Russia talks",
		"He left. Then Bob came on Dec. 5 with L. Ron Hubbard! Why?",
		"NATO and NASA, the UN's WHO; 3.5 million, 1,200;300 at 10:30 a.m. or 5:pm",
		"_init __x x_y A_B 9a a9 9.a a.9 e.g. i.e.: O'Neill o'clock rock'n'roll",
		("Ukraine\xe2\x80\x99s O\xe2\x80\x99" "Brien \xe2\x80\x99quoted\xe2\x80\x99 end\xe2\x80\x99"),
		"tabs\tand\rcarriage\fand\vvert \xc2\xa0nbsp\xc2\xa0here \xe2\x80\xa6 etc.",
		"Beixi-2 and Russia-US ties, Hau Lung-bin - mayor ALL-CAPS-Word x--y",
		"trailing. 'quote' \"dq\" (paren) [br] {c} <a> #tag @user $5 100% a/b a\\b",
		"A B C D. E. F.-G. X.Y.Z. x.y. Ab.Cd. 1.2.3. a:b: :a 1;2 ;1 1, 2",
		/* (a lone "_" is a word here but punctuation there; output relies
		 * on the former, so it is left out) */
		"", " ", "a", "A", ".", "Z.", "s's", "x's'", "It\xe2\x80\x99s"
	};
	size_t k;
	size_t n, i;
	char *big;

	/* libunistring gives "U.S" + "."; the period belongs to the abbreviation */
	n = tok("Mr. Putin's \xe2\x80\x9cred line\xe2\x80\x9d \xe2\x80\x94 U.S.-Russia talks");
	T_EQ_STR(tt(0), "Mr.");
	T_CHECK(has(0, TK_ABBR | TK_UPPER | TK_SENT));
	T_EQ_STR(tt(1), "Putin");
	T_CHECK(has(1, TK_POSS | TK_SPACE));
	T_CHECK(!has(1, TK_SENT));		/* no sentence ends after "Mr." */
	T_EQ_STR(tt(2), "\xe2\x80\x9c");
	T_CHECK(!has(2, TK_WORD));
	T_EQ_STR(tt(3), "red");
	T_CHECK(has(3, TK_LOWER));
	T_EQ_STR(tt(7), "U.S.");
	T_CHECK(has(7, TK_ABBR | TK_ALLCAPS));
	T_EQ_STR(tt(8), "-");
	T_EQ_STR(tt(9), "Russia");
	T_EQ_INT(n, 11);

	/* curly possessive, apostrophe inside a name */
	n = tok("Ukraine\xe2\x80\x99s army and O\xe2\x80\x99" "Brien's dog");
	T_EQ_STR(tt(0), "Ukraine");
	T_CHECK(has(0, TK_POSS));
	T_EQ_STR(tt(3), "O\xe2\x80\x99" "Brien");
	T_CHECK(has(3, TK_POSS | TK_UPPER));

	/* hyphenated names stay whole; a spaced dash does not join */
	n = tok("Beixi-2 and Russia-US ties, Hau Lung-bin - mayor");
	T_EQ_STR(tt(0), "Beixi-2");
	T_CHECK(has(0, TK_HYPH));
	T_EQ_STR(tt(2), "Russia-US");
	T_CHECK(has(2, TK_HYPH | TK_UPPER));
	T_CHECK(!has(2, TK_ALLCAPS));
	T_EQ_STR(tt(6), "Lung-bin");
	T_EQ_STR(tt(7), "-");
	T_EQ_STR(tt(8), "mayor");
	T_EQ_INT(n, 9);

	/* sentences, initials, month abbreviations */
	n = tok("He left. Then Bob came on Dec. 5 with L. Ron Hubbard! Why?");
	T_CHECK(has(0, TK_SENT));
	T_EQ_STR(tt(3), "Then");
	T_CHECK(has(3, TK_SENT));
	T_CHECK(!has(4, TK_SENT));
	T_EQ_STR(tt(7), "Dec.");
	T_CHECK(has(7, TK_ABBR));
	T_CHECK(has(8, TK_DIGIT));
	T_EQ_STR(tt(10), "L.");
	T_CHECK(has(10, TK_ABBR));
	T_CHECK(!has(11, TK_SENT));
	T_EQ_STR(tt(14), "Why");
	T_CHECK(has(14, TK_SENT));
	/* a lower-case word before a period is no abbreviation */
	n = tok("in the end. It");
	T_EQ_STR(tt(2), "end");
	T_EQ_STR(tt(3), ".");

	/* CJK: one word per ideograph, no case */
	n = tok("\xe6\x9d\xb1\xe4\xba\xac Tokyo");
	T_EQ_INT(n, 3);
	T_CHECK(has(0, TK_WORD));
	T_CHECK(!has(0, TK_UPPER) && !has(0, TK_LOWER));
	T_CHECK(has(2, TK_UPPER));

	/* invalid UTF-8 never crashes and offsets stay inside the text */
	n = tok("A\xc3" "B\xff" "c \xe2\x80 Zed \xf0\x9f");
	T_CHECK(n >= 2);
	for (i = 0; i < n; i++)
		T_CHECK(tz.tok[i].start < tz.tok[i].end && tz.tok[i].end <= strlen(cur));
	T_EQ_STR(tt(n - 2), "Zed");

	/* an all-caps word, a title-case letter, empty input */
	n = tok("NATO and \xc7\x85ungla");
	T_CHECK(has(0, TK_ALLCAPS | TK_UPPER));
	T_CHECK(has(2, TK_UPPER));
	T_EQ_INT(tok(""), 0);
	T_EQ_INT(tok("   "), 0);

	/* a huge line */
	big = malloc(2000001);
	for (i = 0; i < 2000000; i += 2)
		memcpy(big + i, "a ", 2);
	big[2000000] = '\0';
	T_EQ_INT(tok(big), 1000000);
	free(big);

	for (k = 0; k < sizeof fast / sizeof fast[0]; k++)
		T_CHECK(same_as_unicode(fast[k]));
	/* Every prefix too, so that each kind of word also ends a line: the scan
	 * of the last word of a line is not the scan of the others. */
	for (k = 0; k < sizeof fast / sizeof fast[0]; k++) {
		char *p = strdup(fast[k]);
		size_t m, len = strlen(p), bad = 0;

		for (m = len; m > 0; m--) {
			p[m] = '\0';
			/* (a lone "_" at the end: see above) */
			if (p[m - 1] != '_')
				bad += !same_as_unicode(p);
		}
		T_EQ_INT(bad, 0);
		free(p);
	}

	T_CHECK(token_is_abbrev("Mr", 2));
	T_CHECK(!token_is_abbrev("mr", 2));
	tokenizer_free(&tz);
	return t_done();
}
