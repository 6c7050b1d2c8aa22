/* test_prompt.c - the one-line editor: editing by grapheme, the kill keys, limits */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "t.h"

/* le_draw draws through these; the editing tested here never calls them */
void
ui_style(struct ui *ui, WINDOW *w, int elem, attr_t extra)
{
}

void
ui_draw_cluster(WINDOW *w, const char *s, size_t n, int width, attr_t attr, int pair)
{
}

static void
type(struct lineedit *le, const char *s)
{
	uint32_t c;
	size_t k;

	while (*s != '\0') {
		k = text_decode(s, strlen(s), &c);
		T_EQ_INT(le_key(le, (int)c), LE_GOING);
		s += k;
	}
}

int
main(void)
{
	struct lineedit le;
	size_t i;

	le_init(&le, "note: ", NULL);
	T_EQ_STR(le.s, "");
	T_EQ_INT(le.cur, 0);
	type(&le, "prüfen");
	T_EQ_STR(le.s, "prüfen");
	T_EQ_INT(le.cur, 7);
	/* Backspace takes the whole ü (two bytes) */
	le_key(&le, KEYC_LEFT);
	le_key(&le, KEYC_LEFT);
	le_key(&le, KEYC_LEFT);
	T_EQ_INT(le.cur, 4);
	le_key(&le, KEYC_BACKSPACE);
	T_EQ_STR(le.s, "prfen");
	T_EQ_INT(le.cur, 2);
	type(&le, "ü");
	T_EQ_STR(le.s, "prüfen");
	/* e + combining acute is one grapheme: one Left, one Delete */
	le_key(&le, KEY_CTRL('e'));
	type(&le, " cafe\xcc\x81!");
	le_key(&le, KEYC_LEFT);
	le_key(&le, KEYC_LEFT);
	T_EQ_INT(le.cur, strlen("prüfen caf"));
	le_key(&le, KEYC_DELETE);
	T_EQ_STR(le.s, "prüfen caf!");
	/* an emoji sequence (ZWJ) goes with one Backspace */
	le_key(&le, KEY_CTRL('e'));
	type(&le, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
	le_key(&le, KEYC_BACKSPACE);
	T_EQ_STR(le.s, "prüfen caf!");
	/* C-a, C-e, Home, End, Right at the end stays */
	le_key(&le, KEY_CTRL('a'));
	T_EQ_INT(le.cur, 0);
	le_key(&le, KEYC_LEFT);
	T_EQ_INT(le.cur, 0);
	le_key(&le, KEYC_BACKSPACE);
	T_EQ_STR(le.s, "prüfen caf!");
	le_key(&le, KEYC_END);
	T_EQ_INT(le.cur, le.len);
	le_key(&le, KEYC_RIGHT);
	T_EQ_INT(le.cur, le.len);
	le_key(&le, KEYC_DELETE);
	T_EQ_STR(le.s, "prüfen caf!");
	/* C-w: the word before the cursor and the blanks after it */
	type(&le, "  ");
	le_key(&le, KEY_CTRL('w'));
	T_EQ_STR(le.s, "prüfen ");
	le_key(&le, KEY_CTRL('w'));
	T_EQ_STR(le.s, "");
	le_key(&le, KEY_CTRL('w'));
	T_EQ_STR(le.s, "");
	/* C-u kills to the start, C-k to the end */
	type(&le, "one two");
	le_key(&le, KEYC_LEFT);
	le_key(&le, KEYC_LEFT);
	le_key(&le, KEYC_LEFT);
	le_key(&le, KEY_CTRL('u'));
	T_EQ_STR(le.s, "two");
	T_EQ_INT(le.cur, 0);
	le_key(&le, KEYC_RIGHT);
	le_key(&le, KEY_CTRL('k'));
	T_EQ_STR(le.s, "t");
	/* control characters, C1 and surrogates are not typed */
	T_EQ_INT(le_key(&le, 0x01), LE_GOING);
	T_EQ_INT(le_key(&le, 0x7f), LE_GOING);
	T_EQ_INT(le_key(&le, 0x9b), LE_GOING);
	T_EQ_INT(le_key(&le, 0xd800), LE_GOING);
	T_EQ_STR(le.s, "t");
	/* what ends editing */
	T_EQ_INT(le_key(&le, KEY_ENTER_C), LE_DONE);
	T_EQ_INT(le_key(&le, KEY_ESC), LE_CANCEL);
	T_EQ_INT(le_key(&le, KEY_CTRL('g')), LE_CANCEL);
	T_EQ_INT(le_key(&le, KEY_TAB), LE_TAB);
	T_EQ_STR(le.s, "t");
	/* a bounded line: typing past the limit changes nothing */
	for (i = 0; i < 5000; i++)
		le_key(&le, 'x');
	T_CHECK(le.len <= 4096);
	T_CHECK(le.len > 4000);
	T_EQ_INT(strlen(le.s), le.len);
	le_free(&le);

	/* le_replace: completion replaces a word, the cursor after it */
	le_init(&le, "tags: ", "news, ke");
	T_EQ_INT(le.cur, 8);
	le_replace(&le, 6, 8, "key claim");
	T_EQ_STR(le.s, "news, key claim");
	T_EQ_INT(le.cur, 15);
	le_replace(&le, 20, 30, "bad");	/* out of range: nothing */
	T_EQ_STR(le.s, "news, key claim");
	le_free(&le);
	return t_done();
}
