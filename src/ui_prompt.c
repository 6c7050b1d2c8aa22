/* ui_prompt.c - a one-line editor drawn in the status line
 *
 * The cursor is a byte offset that is always on a grapheme boundary, so Left,
 * Right, Backspace and Delete move over what the reader sees as one character
 * (an accented letter made of two code points, an emoji sequence). Text wider than
 * the space it has scrolls sideways to keep the cursor in view. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "lede/util.h"

#define LE_MAX	4096	/* bytes: a note is a line, not a document */

void
le_init(struct lineedit *le, const char *label, const char *text)
{
	memset(le, 0, sizeof *le);
	snprintf(le->label, sizeof le->label, "%s", label);
	le->cap = 64;
	le->s = xmalloc(le->cap);
	le->s[0] = '\0';
	if (text != NULL)
		le_replace(le, 0, 0, text);
}

void
le_free(struct lineedit *le)
{
	free(le->s);
	memset(le, 0, sizeof *le);
}

/* Replace s[from..to) by t; the cursor goes after the new text. */
void
le_replace(struct lineedit *le, size_t from, size_t to, const char *t)
{
	size_t n = strlen(t);

	if (from > le->len || to > le->len || from > to)
		return;
	if (le->len - (to - from) + n > LE_MAX)
		return;
	if (le->len - (to - from) + n + 1 > le->cap) {
		le->cap = le->len - (to - from) + n + 64;
		le->s = xrealloc(le->s, le->cap);
	}
	memmove(le->s + from + n, le->s + to, le->len - to + 1);
	memcpy(le->s + from, t, n);
	le->len = le->len - (to - from) + n;
	le->cur = from + n;
}

static size_t
next_boundary(const struct lineedit *le, size_t pos)
{
	struct text_iter it;
	struct glyph g;
	size_t r = le->len;

	if (pos >= le->len)
		return le->len;
	text_iter_init(&it, le->s, le->len, pos);
	if (text_iter_next(&it, &g))
		r = g.end;
	text_iter_free(&it);
	return r;
}

static size_t
prev_boundary(const struct lineedit *le, size_t pos)
{
	struct text_iter it;
	struct glyph g;
	size_t r = 0;

	text_iter_init(&it, le->s, le->len, 0);
	while (text_iter_next(&it, &g) && g.start < pos)
		r = g.start;
	text_iter_free(&it);
	return r;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static void
utf8_put(int key, char u[8])
{
	unsigned c = (unsigned)key;

	if (c < 0x80) {
		u[0] = (char)c;
		u[1] = '\0';
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		u[2] = '\0';
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		u[3] = '\0';
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		u[4] = '\0';
	}
}

int
le_key(struct lineedit *le, int key)
{
	size_t p;
	char u[8];

	switch (key) {
	case KEY_ESC:
	case KEY_CTRL('g'):
		return LE_CANCEL;
	case KEY_ENTER_C:
	case '\n':
		return LE_DONE;
	case KEY_TAB:
		return LE_TAB;
	case KEYC_LEFT:
	case KEY_CTRL('b'):
		le->cur = prev_boundary(le, le->cur);
		break;
	case KEYC_RIGHT:
	case KEY_CTRL('f'):
		le->cur = next_boundary(le, le->cur);
		break;
	case KEYC_HOME:
	case KEY_CTRL('a'):
		le->cur = 0;
		break;
	case KEYC_END:
	case KEY_CTRL('e'):
		le->cur = le->len;
		break;
	case KEYC_BACKSPACE:
		if (le->cur > 0)
			le_replace(le, prev_boundary(le, le->cur), le->cur, "");
		break;
	case KEYC_DELETE:
	case KEY_CTRL('d'):
		p = le->cur;
		le_replace(le, p, next_boundary(le, p), "");
		le->cur = p;
		break;
	case KEY_CTRL('u'):
		le_replace(le, 0, le->cur, "");
		break;
	case KEY_CTRL('k'):
		le->s[le->cur] = '\0';
		le->len = le->cur;
		break;
	case KEY_CTRL('w'):
		/* the word before the cursor and the blanks after it */
		p = le->cur;
		while (p > 0 && is_blank(le->s[p - 1]))
			p--;
		while (p > 0 && !is_blank(le->s[p - 1]))
			p--;
		le_replace(le, p, le->cur, "");
		break;
	default:
		if (key >= 0x20 && key < 0x110000 && key != 0x7f &&
		    !(key >= 0x80 && key < 0xa0) && !(key >= 0xd800 && key < 0xe000)) {
			utf8_put(key, u);
			le_replace(le, le->cur, le->cur, u);
		}
		break;
	}
	return LE_GOING;
}

/* The label, then the text scrolled so the cursor shows; the cursor is drawn in
 * the cursor style (a block after the last character). */
void
le_draw(struct ui *ui, struct lineedit *le, WINDOW *w, int x, int width)
{
	struct text_iter it;
	struct glyph g;
	int lw = text_width(le->label, strlen(le->label)), tw, col = 0, ccol = -1;
	int total, elem;
	attr_t cur = A_REVERSE;

	ui_style(ui, w, TH_STATUS, 0);
	mvwaddnstr(w, 0, x, le->label, width);
	tw = width - lw;
	if (tw < 2)
		return;
	/* columns of the cursor and of the whole text */
	text_iter_init(&it, le->s, le->len, 0);
	while (text_iter_next(&it, &g)) {
		if (g.start == le->cur)
			ccol = col;
		col += g.width;
	}
	text_iter_free(&it);
	total = col;
	if (ccol < 0)
		ccol = total;
	if (ccol < le->scroll)
		le->scroll = ccol;
	else if (ccol >= le->scroll + tw)
		le->scroll = ccol - tw + 1;
	if (le->scroll > 0 && total + 1 - le->scroll < tw)
		le->scroll = total + 1 > tw ? total + 1 - tw : 0;

	col = 0;
	wmove(w, 0, x + lw);
	text_iter_init(&it, le->s, le->len, 0);
	while (text_iter_next(&it, &g)) {
		int c0 = col;

		col += g.width;
		if (c0 < le->scroll)
			continue;
		if (col > le->scroll + tw)
			break;
		elem = g.start == le->cur ? TH_CURSOR : TH_STATUS;
		ui_style(ui, w, elem, elem == TH_CURSOR ? cur : 0);
		if (g.kind == GLYPH_TEXT && g.show[0] == '\0')
			ui_draw_cluster(w, le->s + g.start, g.end - g.start, g.width,
			    ui->attr[elem] | (elem == TH_CURSOR ? cur : 0), ui->pair[elem]);
		else if (g.kind == GLYPH_SPACE || g.show[0] == '\0')
			for (c0 = 0; c0 < g.width; c0++)
				waddch(w, ' ');
		else
			waddnstr(w, g.show, GLYPH_SHOW_MAX);
	}
	text_iter_free(&it);
	if (le->cur == le->len) {
		ui_style(ui, w, TH_CURSOR, cur);
		waddch(w, ' ');
	}
	ui_style(ui, w, TH_STATUS, 0);
}
