/* ui_reader.c - the reading view: paragraphs wrapped lazily, a cursor, search, flags */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "lede/paths.h"
#include "lede/util.h"

#define MAX_SPANS	128

static void
rows_reset(struct doc *d)
{
	if (d->tw_active)
		text_wrap_free(&d->tw);
	d->tw_active = 0;
	d->nrows = 0;
	d->wrap_line = 0;
	d->all_wrapped = 0;
}

/* Produce one more display row; 0 when the article is wrapped to its end. */
static int
more_rows(struct doc *d)
{
	const char *text = d->e->art->text;
	struct text_row r;
	struct dline *l;

	for (;;) {
		if (d->tw_active) {
			l = &d->lines[d->wrap_line - 1];
			if (text_wrap_next(&d->tw, &r)) {
				if (d->nrows == d->rows_cap) {
					d->rows_cap = d->rows_cap ? d->rows_cap * 2 : 256;
					d->rows = xreallocarray(d->rows, d->rows_cap,
					    sizeof *d->rows);
				}
				d->rows[d->nrows++] = (struct drow){ l->start + r.start,
				    l->start + r.end, d->wrap_line - 1, r.width };
				return 1;
			}
			text_wrap_free(&d->tw);
			d->tw_active = 0;
		}
		if (d->wrap_line >= d->nlines) {
			d->all_wrapped = 1;
			return 0;
		}
		l = &d->lines[d->wrap_line++];
		text_wrap_init(&d->tw, text + l->start, l->end - l->start, d->wrap_width);
		sugg_wrap(d, &d->tw, l->start);
		d->tw_active = 1;
	}
}

/* Make row idx exist if the article has that many. */
static int
have_row(struct doc *d, size_t idx)
{
	while (d->nrows <= idx)
		if (!more_rows(d))
			return 0;
	return 1;
}

static void
all_rows(struct doc *d)
{
	while (more_rows(d))
		;
}

/* The row that shows byte offset pos (the last row starting at or before it). */
static size_t
row_of(struct doc *d, size_t pos)
{
	size_t lo = 0, hi;

	while (!d->all_wrapped && (d->nrows == 0 || d->rows[d->nrows - 1].end <= pos))
		if (!more_rows(d))
			break;
	if (d->nrows == 0)
		return 0;
	hi = d->nrows;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->rows[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Iterate glyphs of one row; offsets in g are made absolute. */
static void
row_iter(struct doc *d, const struct drow *r, struct text_iter *it)
{
	const struct dline *l = &d->lines[r->line];

	text_iter_init(it, d->e->art->text + l->start, l->end - l->start,
	    r->start - l->start);
}

static int
row_next(struct doc *d, const struct drow *r, struct text_iter *it, struct glyph *g)
{
	size_t base = d->lines[r->line].start;

	if (!text_iter_next(it, g))
		return 0;
	g->start += base;
	g->end += base;
	return g->start < r->end;
}

static int
col_of(struct doc *d, size_t row, size_t pos)
{
	struct text_iter it;
	struct glyph g;
	int col = 0;

	row_iter(d, &d->rows[row], &it);
	while (row_next(d, &d->rows[row], &it, &g) && g.end <= pos)
		col += g.width + sugg_after(d, &g);
	text_iter_free(&it);
	return col;
}

/* The glyph start in row at display column col (or the row's last glyph). */
static size_t
pos_at_col(struct doc *d, size_t row, int col)
{
	const struct drow *r = &d->rows[row];
	struct text_iter it;
	struct glyph g;
	size_t pos = r->start;
	int c = 0;

	row_iter(d, r, &it);
	while (row_next(d, r, &it, &g)) {
		pos = g.start;
		if (c + g.width > col)
			break;
		c += g.width + sugg_after(d, &g);
	}
	text_iter_free(&it);
	return pos;
}

static int
content_h(struct ui *ui)
{
	int h = ui->panes[P_READER].h - 1;

	return h < 1 ? 1 : h;
}

static void
keep_visible(struct ui *ui)
{
	struct doc *d = &ui->doc;
	size_t cr = row_of(d, d->cursor);
	size_t h = (size_t)content_h(ui);

	if (cr < d->top)
		d->top = cr;
	else if (cr >= d->top + h)
		d->top = cr - h + 1;
}

/* Put the cursor on a byte offset and scroll to it. */
static void
goto_pos(struct ui *ui, size_t pos)
{
	struct doc *d = &ui->doc;
	size_t r;

	r = row_of(d, pos);
	d->cursor = pos;
	if (d->nrows > 0 && pos < d->rows[r].start)
		d->cursor = d->rows[r].start;
	d->goal_col = d->nrows > 0 ? col_of(d, r, d->cursor) : 0;
	keep_visible(ui);
}

static void
goto_row(struct ui *ui, size_t row)
{
	struct doc *d = &ui->doc;

	if (!have_row(d, row)) {
		if (d->nrows == 0)
			return;
		row = d->nrows - 1;
	}
	d->cursor = pos_at_col(d, row, d->goal_col);
	keep_visible(ui);
}

static int
elem_for(const struct doc *d, enum line_class c)
{
	switch (c) {
	case LC_TITLE:
		return TH_TITLE;
	case LC_SUBHEADING:
		return TH_SUBHEADING;
	case LC_BOILERPLATE:
	case LC_TITLE_REPEAT:
	case LC_CAPTION:
	case LC_CREDIT:
		return TH_DIM;
	default:
		return TH_NORMAL;
	}
}

void
reader_rebuild(struct ui *ui)
{
	struct doc *d = &ui->doc;
	const struct article *a = d->e->art;
	struct line_span *ls;
	size_t i, n;
	int prev_empty = 1;

	rows_reset(d);
	free(d->lines);
	d->lines = NULL;
	d->nlines = 0;
	if (d->raw || !d->analysed) {
		n = lines_split(a->text, a->len, &ls);
		d->lines = xcalloc(n ? n : 1, sizeof *d->lines);
		for (i = 0; i < n; i++)
			d->lines[d->nlines++] = (struct dline){ ls[i].start, ls[i].end,
			    TH_NORMAL };
		free(ls);
	} else {
		const struct clean_result *c = &d->an.clean;

		d->lines = xcalloc(c->nlines ? c->nlines : 1, sizeof *d->lines);
		for (i = 0; i < c->nlines; i++) {
			const struct cline *cl = &c->lines[i];

			if (line_class_hidden(cl->cls) && !d->show_bp)
				continue;
			/* runs of empty lines show as one */
			if (cl->cls == LC_EMPTY) {
				if (prev_empty)
					continue;
				prev_empty = 1;
			} else
				prev_empty = 0;
			d->lines[d->nlines++] = (struct dline){ cl->start, cl->end,
			    elem_for(d, cl->cls) };
		}
	}
	if (d->nlines == 0) {
		/* an empty article still has one (empty) row */
		d->lines[0] = (struct dline){ 0, 0, TH_NORMAL };
		d->nlines = 1;
	}
	/* the cursor stays where it was when that text is still shown */
	if (d->cursor < d->lines[0].start)
		d->cursor = d->lines[0].start;
	d->top = 0;
	goto_pos(ui, d->cursor);
	ui->panes[P_READER].dirty = 1;
}

/* Put the cursor on byte pos (annotations jump there). */
void
reader_goto(struct ui *ui, size_t pos)
{
	if (!ui->have_doc)
		return;
	goto_pos(ui, pos);
	ui->panes[P_READER].dirty = 1;
}

void
reader_layout(struct ui *ui, int width)
{
	struct doc *d = &ui->doc;

	if (width < 1)
		width = 1;
	ui->reader_width = width;
	if (!ui->have_doc || d->wrap_width == width)
		return;
	d->wrap_width = width;
	rows_reset(d);
	d->top = 0;
	goto_pos(ui, d->cursor);
}

void
reader_close(struct ui *ui)
{
	struct doc *d = &ui->doc;

	if (!ui->have_doc)
		return;
	annui_doc_close(ui);
	rows_reset(d);
	free(d->rows);
	free(d->lines);
	if (d->analysed)
		analysis_free(&d->an);
	/* a text file is read again when opened again: only one stays in memory */
	if (!d->e->from_jsonl) {
		article_free(d->e->art);
		d->e->art = NULL;
	}
	free(d->pat);
	sugg_free(d);
	memset(d, 0, sizeof *d);
	ui->have_doc = 0;
}

static void
warn_cb(const char *msg, void *ctx)
{
	ui_message(ctx, MSG_PROBLEM, "%s", msg);
}

void
reader_open(struct ui *ui, size_t i)
{
	struct doc *d = &ui->doc;
	struct entry *e;
	char *pat = NULL;
	int width = ui->reader_width, busy;
	int sugg = ui->have_doc && d->sugg != NULL;	/* so does S */

	if (ui->have_doc && d->pat != NULL)
		pat = xstrdup(d->pat);	/* the search carries over, as in a pager */
	reader_close(ui);
	if (i >= ui->nents || entry_load(ui, i) == -1) {
		free(pat);
		ui->panes[P_READER].dirty = 1;
		return;
	}
	e = &ui->ents[i];
	/* say what takes time, unless a problem with the file is being shown */
	busy = (!ui->k_loaded || e->art->len > (4u << 20)) && ui->status_msg == NULL;
	if (busy)
		ui_busy(ui, "analysing %s (%zu KB)\xe2\x80\xa6", e->path, e->art->len / 1024);
	if (!ui->k_loaded) {
		char *datadir = paths_resource("data");
		char *userdir = paths_config_dir();

		knowledge_load(&ui->k, datadir, userdir, warn_cb, ui);
		ui->k_loaded = 1;
		free(datadir);
		free(userdir);
	}
	memset(d, 0, sizeof *d);
	d->e = e;
	d->eidx = i;
	d->wrap_width = width > 0 ? width : 40;
	d->show_bp = ui->cfg.show_boilerplate;
	d->match = (size_t)-1;
	d->pat = pat;
	analysis_run(&ui->k, e->art, &d->an);
	d->analysed = 1;
	if (sugg)
		sugg_build(d);
	if (busy) {
		free(ui->status_msg);
		ui->status_msg = NULL;
		ui->status_dirty = 1;
	}
	entry_analysed(e, &d->an);
	ui->have_doc = 1;
	reader_rebuild(ui);
	ent_doc_opened(ui);
	ui->panes[P_LIST].dirty = 1;
	annui_doc_open(ui);
}

/* Search matches that overlap [from, to) inside one paragraph: starts in ms, ends
 * in me. A match is at most 4 bytes per pattern byte long (case mapping). */
static size_t
matches(struct doc *d, const struct dline *l, size_t from, size_t to, size_t *ms,
    size_t *me, size_t max)
{
	const char *text = d->e->art->text;
	size_t plen, pos, n = 0, ml;

	if (d->pat == NULL || (plen = strlen(d->pat)) == 0)
		return 0;
	pos = from >= l->start + 4 * plen ? from - 4 * plen + 1 : l->start;
	while (n < max && (pos = text_find(text, l->end, pos, d->pat, plen, &ml)) !=
	    (size_t)-1 && pos < to) {
		if (pos + ml > from) {
			ms[n] = pos;
			me[n++] = pos + ml;
		}
		pos++;
	}
	return n;
}

/* The first artifact that ends after pos. */
static size_t
art_from(const struct clean_result *c, size_t pos)
{
	size_t lo = 0, hi = c->narts;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->arts[mid].end <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The kinds [ui] flag_kinds turns off are neither drawn nor jumped to. */
static int
flag_shown(const struct ui *ui, const struct artifact *a)
{
	return (ui->cfg.flag_kinds >> a->kind) & 1u;
}

/* Names and meaning stand out; form nits, and guesses of low confidence, are
 * drawn quietly, so that a wrong name never looks like a casing slip. */
static int
flag_elem(const struct artifact *a)
{
	switch (a->kind) {
	case AK_NAME_VARIANT:
	case AK_WRONG_REFERENT:
		return a->score >= 0.5 ? TH_FLAG_NAME : TH_FLAG;
	case AK_MISTRANSLATION:
	case AK_GARBLED:
		return a->score >= 0.5 ? TH_FLAG : TH_FLAG_MINOR;
	default:
		return TH_FLAG_MINOR;
	}
}

static const struct artifact *
art_at(struct ui *ui, struct doc *d, size_t pos)
{
	size_t i;

	if (!d->analysed || d->raw)
		return NULL;
	i = art_from(&d->an.clean, pos);
	if (i < d->an.clean.narts && d->an.clean.arts[i].start <= pos &&
	    flag_shown(ui, &d->an.clean.arts[i]))
		return &d->an.clean.arts[i];
	return NULL;
}

static void
draw_row(struct ui *ui, WINDOW *w, int y, int x0, int width, const struct drow *r,
    int focused)
{
	struct doc *d = &ui->doc;
	const struct dline *l = &d->lines[r->line];
	const struct clean_result *c = &d->an.clean;
	size_t ms[MAX_SPANS], me[MAX_SPANS], nm, mi = 0, ai;
	struct text_iter it;
	struct glyph g;
	int x = x0, elem, flagged = 0;

	nm = matches(d, l, r->start, r->end, ms, me, MAX_SPANS);
	ai = (d->analysed && !d->raw) ? art_from(c, r->start) : c->narts;
	for (mi = ai; mi < c->narts && c->arts[mi].start < r->end && !flagged; mi++)
		flagged = flag_shown(ui, &c->arts[mi]);
	mi = 0;
	if (flagged) {
		ui_style(ui, w, TH_MARGIN, 0);
		mvwaddstr(w, y, x0 - 1, "\xe2\x96\x8c");	/* left half block */
	}
	wmove(w, y, x0);
	row_iter(d, r, &it);
	while (row_next(d, r, &it, &g)) {
		attr_t extra = 0;

		if (x + g.width > x0 + width)
			break;
		elem = l->elem;
		while (ai < c->narts && c->arts[ai].end <= g.start)
			ai++;
		if (!d->raw && d->analysed && ai < c->narts && c->arts[ai].start < g.end &&
		    flag_shown(ui, &c->arts[ai]))
			elem = flag_elem(&c->arts[ai]);
		elem = ent_elem(ui, g.start, elem);
		if (g.kind == GLYPH_PLACEHOLDER || g.kind == GLYPH_INVALID || g.in_escape)
			elem = TH_PLACEHOLDER;
		while (mi < nm && me[mi] <= g.start)
			mi++;
		elem = annui_elem(ui, g.start, g.end, elem);
		if (mi < nm && ms[mi] < g.end)
			elem = TH_SEARCH;
		if (g.start <= d->cursor && d->cursor < g.end) {
			if (focused)
				elem = TH_CURSOR;
			else
				extra = A_UNDERLINE;
		}
		ui_style(ui, w, elem, extra);
		switch (g.kind) {
		case GLYPH_HIDDEN:
			break;
		case GLYPH_TEXT:
			if (g.show[0] != '\0') {
				waddch(w, (chtype)(unsigned char)g.show[0]);
				break;
			}
			ui_draw_cluster(w, d->e->art->text + g.start, g.end - g.start,
			    g.width, ui->attr[elem] | extra, ui->pair[elem]);
			break;
		case GLYPH_INVALID:
			ui_draw_cluster(w, g.show, strlen(g.show), 1, ui->attr[elem] | extra,
			    ui->pair[elem]);
			break;
		default:
			waddstr(w, g.show);
			break;
		}
		x += g.width;
		x += sugg_draw(ui, w, &g, x0 + width - x);
	}
	text_iter_free(&it);
	/* the cursor at the end of a row (an empty line) is shown as a block */
	if (focused && d->cursor >= r->start && d->cursor == r->end && r->start == r->end) {
		ui_style(ui, w, TH_CURSOR, 0);
		waddch(w, ' ');
	}
}

void
reader_draw(struct ui *ui, struct pane *p)
{
	struct doc *d = &ui->doc;
	WINDOW *w = p->win;
	int y, h = p->h - 1, width;
	int last = (p->x + p->w == COLS);
	size_t row;

	width = p->w - 2 - (last ? 1 : 0);
	if (width < 1)
		return;
	if (!ui->have_doc) {
		ui_style(ui, w, TH_DIM, 0);
		mvwaddnstr(w, 1, 2, "Enter opens an article", width);
		return;
	}
	for (y = 0; y < h; y++) {
		row = d->top + (size_t)y;
		if (!have_row(d, row))
			break;
		draw_row(ui, w, y + 1, 2, width, &d->rows[row],
		    ui->focus == P_READER && ui->mode != M_PROMPT);
	}
}

static void
search_from(struct ui *ui, int dir, size_t start)
{
	struct doc *d = &ui->doc;
	const char *text = d->e->art->text;
	size_t len = d->e->art->len, plen = strlen(d->pat), pos, li, ml = 0;
	int wrapped = 0;

	for (;;) {
		if (dir > 0)
			pos = text_find(text, len, start, d->pat, plen, &ml);
		else
			pos = text_rfind(text, len, start, d->pat, plen, &ml);
		if (pos == (size_t)-1) {
			if (wrapped) {
				ui_message(ui, 1, "Pattern not found: %s", d->pat);
				d->match = (size_t)-1;
				return;
			}
			wrapped = 1;
			start = dir > 0 ? 0 : len;
			continue;
		}
		/* only matches inside one shown paragraph count */
		for (li = 0; li < d->nlines; li++)
			if (d->lines[li].start <= pos && pos + ml <= d->lines[li].end)
				break;
		if (li < d->nlines)
			break;
		if (dir > 0)
			start = pos + 1;
		else if ((start = pos) == 0) {
			if (wrapped) {
				ui_message(ui, 1, "Pattern not found: %s", d->pat);
				return;
			}
			wrapped = 1;
			start = len;
		}
	}
	d->match = pos;
	goto_pos(ui, pos);
	if (wrapped)
		ui_message(ui, 0, "search wrapped");
}

void
reader_search(struct ui *ui, int dir, int from_cursor)
{
	struct doc *d = &ui->doc;

	if (!ui->have_doc)
		return;
	if (d->pat == NULL || d->pat[0] == '\0') {
		ui_message(ui, 1, "no search pattern: / searches");
		return;
	}
	if (dir > 0)
		search_from(ui, 1, from_cursor ? d->cursor : d->cursor + 1);
	else
		search_from(ui, -1, d->cursor);
	ui->panes[P_READER].dirty = 1;
}

/* Whether byte pos is in a paragraph the view shows. */
static int
pos_shown(const struct doc *d, size_t pos)
{
	size_t lo = 0, hi = d->nlines;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->lines[mid].end < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nlines && d->lines[lo].start <= pos;
}

static void
flag_jump(struct ui *ui, int dir)
{
	struct doc *d = &ui->doc;
	const struct clean_result *c = &d->an.clean;
	size_t i;

	if (!d->analysed || d->raw || c->narts == 0) {
		ui_message(ui, 0, d->raw ? "no flags in the raw view" :
		    "no flagged artifacts in this article");
		return;
	}
	/* flags in hidden boilerplate are skipped until B shows it, and kinds
	 * that [ui] flag_kinds leaves out always */
	if (dir > 0) {
		for (i = 0; i < c->narts && (c->arts[i].start <= d->cursor ||
		    !pos_shown(d, c->arts[i].start) || !flag_shown(ui, &c->arts[i])); i++)
			;
		if (i == c->narts) {
			ui_message(ui, 0, "no more flags below");
			return;
		}
	} else {
		for (i = c->narts; i > 0 && (c->arts[i - 1].start >= d->cursor ||
		    !pos_shown(d, c->arts[i - 1].start) || !flag_shown(ui, &c->arts[i - 1]));
		    i--)
			;
		if (i == 0) {
			ui_message(ui, 0, "no more flags above");
			return;
		}
		i--;
	}
	goto_pos(ui, c->arts[i].start);
}

int
reader_key(struct ui *ui, int action)
{
	struct doc *d = &ui->doc;
	size_t cr, h = (size_t)content_h(ui);

	if (!ui->have_doc)
		return 0;
	cr = row_of(d, d->cursor);
	switch (action) {
	case ACT_DOWN:
		goto_row(ui, cr + 1);
		break;
	case ACT_UP:
		if (cr > 0)
			goto_row(ui, cr - 1);
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN: {
		size_t step = action == ACT_PAGE_DOWN ? (h > 2 ? h - 1 : 1) : (h + 1) / 2;

		/* scroll the page and the cursor together, as a pager does */
		if (have_row(d, d->top + step + h - 1))
			d->top += step;
		else if (d->nrows > h)
			d->top = d->nrows - h;
		goto_row(ui, cr + step);
		break;
	}
	case ACT_PAGE_UP:
	case ACT_HALF_UP: {
		size_t step = action == ACT_PAGE_UP ? (h > 2 ? h - 1 : 1) : (h + 1) / 2;

		d->top = d->top > step ? d->top - step : 0;
		goto_row(ui, cr > step ? cr - step : 0);
		break;
	}
	case ACT_TOP:
		d->goal_col = 0;
		d->top = 0;
		goto_row(ui, 0);
		break;
	case ACT_BOTTOM:
		all_rows(d);
		d->goal_col = 0;
		goto_row(ui, d->nrows ? d->nrows - 1 : 0);
		break;
	case ACT_SEARCH_NEXT:
		reader_search(ui, 1, 0);
		break;
	case ACT_SEARCH_PREV:
		reader_search(ui, -1, 0);
		break;
	case ACT_FLAG_NEXT:
		flag_jump(ui, 1);
		break;
	case ACT_FLAG_PREV:
		flag_jump(ui, -1);
		break;
	case ACT_BOILERPLATE:
		d->show_bp = !d->show_bp;
		if (d->raw)
			d->raw = 0;
		reader_rebuild(ui);
		ui_message(ui, 0, d->show_bp ? "boilerplate shown (dimmed)" :
		    "boilerplate hidden");
		break;
	case ACT_SUGGESTIONS: {
		size_t off = cr >= d->top ? cr - d->top : 0;

		sugg_toggle(ui);
		/* rows change width: wrap again, the cursor keeps its screen row */
		rows_reset(d);
		cr = row_of(d, d->cursor);
		d->top = cr > off ? cr - off : 0;
		goto_pos(ui, d->cursor);
		break;
	}
	case ACT_RAW:
		d->raw = !d->raw;
		reader_rebuild(ui);
		ui_message(ui, 0, d->raw ? "raw file" : "cleaned view");
		break;
	default:
		return 0;
	}
	ui->panes[P_READER].dirty = 1;
	ui->status_dirty = 1;
	return H_HANDLED;
}

void
reader_status(struct ui *ui, char *buf, size_t len)
{
	struct doc *d = &ui->doc;
	const struct artifact *a;
	const char *path, *base;
	size_t cr;
	char *san;
	int nf;

	if (!ui->have_doc) {
		snprintf(buf, len, "%zu articles", ui->nents);
		return;
	}
	if (annui_status(ui, buf, len))
		return;
	if ((a = art_at(ui, d, d->cursor)) != NULL) {
		char *note = text_sanitize(a->note ? a->note : "", a->note ?
		    strlen(a->note) : 0, 60);
		char *sugg = text_sanitize(a->suggestion ? a->suggestion : "",
		    a->suggestion ? strlen(a->suggestion) : 0, 40);
		size_t k, at = 0, shown = 0;

		/* which of the flags shown this is: "flag: casing 3/46" */
		for (k = 0; k < d->an.clean.narts; k++)
			if (flag_shown(ui, &d->an.clean.arts[k])) {
				shown++;
				if (&d->an.clean.arts[k] == a)
					at = shown;
			}
		snprintf(buf, len, "flag: %s %zu/%zu%s%s%s%s", artifact_kind_name(a->kind),
		    at, shown, note[0] ? " \xc2\xb7 " : "", note,
		    sugg[0] ? " \xe2\x86\x92 " : "", sugg);
		free(note);
		free(sugg);
		return;
	}
	path = d->e->art->path ? d->e->art->path : d->e->path;
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	san = text_sanitize(base, strlen(base), 30);
	cr = row_of(d, d->cursor);
	nf = d->e->nflags < 0 ? 0 : d->e->nflags;
	snprintf(buf, len, "%s \xc2\xb7 %d flag%s%s \xc2\xb7 row %zu", san, nf,
	    nf == 1 ? "" : "s", d->raw ? " \xc2\xb7 raw" : d->show_bp ?
	    " \xc2\xb7 boilerplate shown" : "", cr + 1);
	if (d->all_wrapped) {
		size_t l = strlen(buf);

		snprintf(buf + l, len - l, "/%zu", d->nrows);
	}
	free(san);
}

/* For the entity panel's mention jumps. */
void
reader_cursor_to(struct ui *ui, size_t pos)
{
	if (!ui->have_doc)
		return;
	goto_pos(ui, pos);
	ui->panes[P_READER].dirty = 1;
	ui->status_dirty = 1;
}

int
reader_shown(struct ui *ui, size_t pos)
{
	return ui->have_doc && pos_shown(&ui->doc, pos);
}
