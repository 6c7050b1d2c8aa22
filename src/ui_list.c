/* ui_list.c - the article list: lazy titles, selection, JSON Lines expansion */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_int.h"
#include "lede/ingest.h"
#include "lede/util.h"

#define HEAD_BYTES	4096

struct collect {
	struct ui	*ui;
	struct entry	*e;
	struct article	**arts;
	size_t		 n;
	int		 problems;
};

static void
collect_article(struct article *a, void *ctx)
{
	struct collect *c = ctx;

	c->arts = xreallocarray(c->arts, c->n + 1, sizeof *c->arts);
	c->arts[c->n++] = a;
}

static void
collect_error(const char *msg, void *ctx)
{
	struct collect *c = ctx;

	/* one message per file, however often it is read */
	if (!c->e->reported)
		ui_message(c->ui, MSG_PROBLEM, "%s", msg);
	c->problems++;
}

/* A title from an article: what the input said, else the first non-empty line. */
static char *
title_of(const char *text, size_t len)
{
	size_t i = 0, e;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (;;) {
		while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
			i++;
		if (i >= len)
			return xstrdup("");
		if (text[i] != '\n')
			break;
		i++;
	}
	for (e = i; e < len && text[e] != '\n' && e - i < 1000; e++)
		;
	while (e > i && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\t'))
		e--;
	return xstrndup(text + i, e - i);
}

static void
entry_title_from_art(struct entry *e)
{
	free(e->title);
	if (e->art->title != NULL && e->art->title[0] != '\0')
		e->title = xstrdup(e->art->title);
	else
		e->title = title_of(e->art->text, e->art->len);
	e->titled = 1;
}

/* Put arts[1..n) after entry i: a JSON Lines file holds many articles. */
static void
entries_expand(struct ui *ui, size_t i, struct article **arts, size_t n)
{
	size_t k, add = n - 1;
	struct entry *e;

	if (add > 0) {
		ui->ents = xreallocarray(ui->ents, ui->nents + add, sizeof *ui->ents);
		memmove(&ui->ents[i + 1 + add], &ui->ents[i + 1],
		    (ui->nents - i - 1) * sizeof *ui->ents);
		ui->nents += add;
		for (k = 1; k < n; k++) {
			e = &ui->ents[i + k];
			memset(e, 0, sizeof *e);
			e->path = xstrdup(ui->ents[i].path);
			e->art = arts[k];
			e->from_jsonl = 1;
			e->reported = 1;
			e->nflags = -1;
			e->nnotes = -1;
			entry_title_from_art(e);
		}
		if (ui->sel > i)
			ui->sel += add;
		if (ui->have_doc && ui->doc.eidx > i)
			ui->doc.eidx += add;
	}
	if (ui->have_doc)
		ui->doc.e = &ui->ents[ui->doc.eidx];
	e = &ui->ents[i];
	e->art = arts[0];
	if (arts[0]->format == ARTICLE_JSONL)
		e->from_jsonl = 1;
	entry_title_from_art(e);
}

void
entry_analysed(struct entry *e, const struct analysis *an)
{
	const char *t = an->clean.title;

	e->nflags = (int)an->clean.narts;
	if (an->art->title != NULL && an->art->title[0] != '\0')
		return;
	if (t != NULL && t[0] != '\0') {
		free(e->title);
		e->title = xstrdup(t);
		e->titled = 1;
	}
}

int
entry_load(struct ui *ui, size_t i)
{
	struct ingest_cb cb;
	struct collect c = { 0 };
	struct entry *e = &ui->ents[i];

	if (e->art != NULL)
		return 0;
	c.ui = ui;
	c.e = e;
	cb = (struct ingest_cb){ .article = collect_article, .error = collect_error,
	    .ctx = &c };
	ingest_file(e->path, &cb);
	e = &ui->ents[i];
	if (c.problems > 0)
		e->reported = 1;
	if (c.n == 0) {
		if (!e->reported)
			ui_message(ui, MSG_PROBLEM, "%s: no article in this file", e->path);
		e->reported = 1;
		free(c.arts);
		return -1;
	}
	entries_expand(ui, i, c.arts, c.n);
	free(c.arts);
	ui->panes[P_LIST].dirty = 1;
	return 0;
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);

	return n >= k && strcmp(s + n - k, suf) == 0;
}

/* The title of a text file from its first few KB: the list never reads more. */
void
list_title(struct ui *ui, size_t i)
{
	struct entry *e = &ui->ents[i];
	char head[HEAD_BYTES];
	ssize_t n;
	size_t k;
	int fd;

	if (e->titled)
		return;
	if (e->art != NULL) {
		entry_title_from_art(e);
		return;
	}
	if (has_suffix(e->path, ".jsonl") || has_suffix(e->path, ".ndjson") ||
	    strcmp(e->path, "-") == 0)
		goto whole;
	if ((fd = open(e->path, O_RDONLY)) == -1) {
		e->title = xasprintf("(%s)", strerror(errno));
		if (!e->reported)
			ui_message(ui, MSG_PROBLEM, "%s: %s", e->path, strerror(errno));
		e->reported = 1;
		e->titled = 1;
		return;
	}
	n = read(fd, head, sizeof head);
	close(fd);
	if (n < 0) {
		e->title = xasprintf("(%s)", strerror(errno));
		e->titled = 1;
		return;
	}
	if (memchr(head, '\0', (size_t)n) != NULL) {
		e->title = xstrdup("(binary file)");
		e->titled = 1;
		return;
	}
	for (k = 0; k < (size_t)n && (head[k] == ' ' || head[k] == '\n' ||
	    head[k] == '\r' || head[k] == '\t'); k++)
		;
	if (k < (size_t)n && head[k] == '{')
		goto whole;
	e->title = title_of(head, (size_t)n);
	e->titled = 1;
	return;
whole:
	if (entry_load(ui, i) == -1) {
		e = &ui->ents[i];
		e->title = xstrdup("(no article)");
		e->titled = 1;
	}
}

static int
list_rows(struct ui *ui)
{
	int h = ui->panes[P_LIST].h - 1;

	return h < 1 ? 1 : h;
}

void
list_show_sel(struct ui *ui)
{
	size_t h = (size_t)list_rows(ui), s = filter_pos(ui, ui->sel);

	/* ltop is a row of the list as filtered, sel an entry */
	if (s < ui->ltop)
		ui->ltop = s;
	else if (s >= ui->ltop + h)
		ui->ltop = s - h + 1;
	ui->panes[P_LIST].dirty = 1;
}

void
list_draw(struct ui *ui, struct pane *p)
{
	WINDOW *w = p->win;
	int y, h = p->h - 1, last = (p->x + p->w == COLS);
	int width = p->w - 1 - (last ? 1 : 0), tw, cw;
	size_t i;
	char counts[32], *t;
	struct entry *e;

	if (width < 3)
		return;
	if (filter_len(ui) == 0) {
		ui_style(ui, w, TH_DIM, 0);
		mvwaddnstr(w, 1, 1, "no articles", width);
		return;
	}
	for (y = 0; y < h; y++) {
		int elem = TH_LIST;

		if (ui->ltop + (size_t)y >= filter_len(ui))
			break;
		i = filter_at(ui, ui->ltop + (size_t)y);
		list_title(ui, i);
		e = &ui->ents[i];
		if (e->nnotes < 0)
			annui_entry_count(ui, e);
		if (i == ui->sel)
			elem = ui->focus == P_LIST ? TH_LIST_SELECTED :
			    TH_LIST_SELECTED_INACTIVE;
		counts[0] = '\0';
		if (e->nflags > 0 && e->nnotes > 0)
			snprintf(counts, sizeof counts, " %d! %d\xe2\x9c\x8e", e->nflags,
			    e->nnotes);
		else if (e->nflags > 0)
			snprintf(counts, sizeof counts, " %d!", e->nflags);
		else if (e->nnotes > 0)
			snprintf(counts, sizeof counts, " %d\xe2\x9c\x8e", e->nnotes);
		cw = text_width(counts, strlen(counts));
		if (cw > width / 2)
			cw = 0, counts[0] = '\0';
		tw = width - 2 - cw;
		ui_style(ui, w, elem, 0);
		wmove(w, y + 1, 1);
		/* the row is painted in full so a selection bar spans the pane */
		whline(w, ' ', width);
		wmove(w, y + 1, 1);
		waddstr(w, ui->have_doc && ui->doc.eidx == i ? "\xe2\x96\xb6 " : "  ");
		t = text_sanitize(e->title ? e->title : e->path, e->title ?
		    strlen(e->title) : strlen(e->path), tw < 0 ? 0 : tw);
		waddstr(w, t);
		free(t);
		if (cw > 0) {
			ui_style(ui, w, elem == TH_LIST ? TH_FLAG : elem, 0);
			mvwaddstr(w, y + 1, 1 + width - cw, counts);
		}
	}
}

int
list_key(struct ui *ui, int action)
{
	size_t h = (size_t)list_rows(ui), n = filter_len(ui), s;

	/* s: the selection's row in the list as the entity filter shows it */
	if (n == 0)
		return 0;
	if ((s = filter_pos(ui, ui->sel)) >= n)
		s = n - 1;
	switch (action) {
	case ACT_DOWN:
		if (filter_has(ui, ui->sel) && s + 1 < n)
			s++;
		break;
	case ACT_UP:
		if (s > 0)
			s--;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN: {
		size_t step = action == ACT_PAGE_DOWN ? h : (h + 1) / 2;

		s = s + step < n ? s + step : n - 1;
		if (ui->ltop + step + h <= n)
			ui->ltop += step;
		break;
	}
	case ACT_PAGE_UP:
	case ACT_HALF_UP: {
		size_t step = action == ACT_PAGE_UP ? h : (h + 1) / 2;

		s = s > step ? s - step : 0;
		ui->ltop = ui->ltop > step ? ui->ltop - step : 0;
		break;
	}
	case ACT_TOP:
		s = 0;
		break;
	case ACT_BOTTOM:
		s = n - 1;
		break;
	case ACT_OPEN:
		reader_open(ui, ui->sel);
		if (ui->have_doc) {
			ui->focus = P_READER;
			return H_HANDLED | H_REDRAW;
		}
		return H_HANDLED;
	default:
		return 0;
	}
	ui->sel = filter_at(ui, s);
	list_show_sel(ui);
	ui->status_dirty = 1;
	return H_HANDLED;
}
