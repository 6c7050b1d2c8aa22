/* ui_annot.c - annotations in the reader: selection, notes, highlights and tags,
 * drawn in place, listed under A, counted in the article list
 *
 * The store commits every change before it returns, and only then does the screen
 * say "saved": what the status line confirms is on disk. A store that cannot be
 * written (missing, locked while it needed an upgrade, damaged, from a newer lede)
 * never stops the corpus from opening; the keys that would write say why they
 * cannot.
 *
 * A selection runs from an anchor (where v was pressed) to the cursor, both
 * included: every key that moves the cursor extends it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_int.h"
#include "lede/annot.h"
#include "lede/ingest.h"
#include "lede/util.h"

#define NONE	((size_t)-1)

enum asub { AS_NONE, AS_PROMPT, AS_CONFIRM, AS_LIST };
enum pwhat { PW_NOTE, PW_TAGS, PW_EDIT };

struct arow {
	int	 hdr;		/* an article heading (whole-corpus list) */
	size_t	 i;		/* index into the list shown */
};

struct annui {
	struct annot_store	*st;
	char			 why[LEDE_ERRLEN + 64];	/* why nothing can be written */
	int			 retry;		/* the store was locked: open it again */
	time_t			 last_try;
	struct annot_counts	 counts;
	struct annot_list	 list;		/* the open article's, re-anchored */
	const struct article	*art;		/* the article list belongs to */

	int			 sel;		/* a selection is going on */
	size_t			 anchor;
	size_t			 lo, hi, c_cur, c_anchor;	/* drawn span, cached */
	int			 c_valid;

	enum asub		 sub;
	struct lineedit		 le;
	enum pwhat		 pw;
	enum annot_kind		 tkind;		/* of the annotation edited or deleted */
	int64_t			 target;
	int			 in_list;	/* the edit came from the list: back to it */
	char			 question[256];

	/* tag completion: the word being completed, where it starts, the cycle */
	struct annot_tag	*tags;
	size_t			 ntags;
	char			*cword;
	size_t			 cfrom, cidx;
	int			 cycling;

	/* the list under A */
	int			 all;
	struct annot_list	 alist;
	struct arow		*rows;
	size_t			 nrows, asel, atop;
};

static void
dirty_all(struct ui *ui)
{
	int i;

	for (i = 0; i < P_COUNT; i++)
		ui->panes[i].dirty = 1;
	ui->status_dirty = 1;
}

static int
have_list(const struct ui *ui)
{
	const struct annui *an = ui->annui;

	return an != NULL && ui->have_doc && an->art != NULL && an->art == ui->doc.e->art;
}

/* --- moving over what the reading view shows ----------------------------------- */

/* The shown paragraph holding pos (or the last one starting before it). */
static size_t
line_of(const struct doc *d, size_t pos)
{
	size_t lo = 0, hi = d->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->lines[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The end of the glyph at pos inside line l. */
static size_t
glyph_end(const struct doc *d, const struct dline *l, size_t pos)
{
	struct text_iter it;
	struct glyph g;
	size_t r = pos;

	if (pos < l->start || pos >= l->end)
		return pos;
	text_iter_init(&it, d->e->art->text + l->start, l->end - l->start, pos - l->start);
	if (text_iter_next(&it, &g))
		r = l->start + g.end;
	text_iter_free(&it);
	return r;
}

/* The start of the last glyph of l that starts before pos. */
static size_t
glyph_before(const struct doc *d, const struct dline *l, size_t pos)
{
	struct text_iter it;
	struct glyph g;
	size_t r = l->start;

	text_iter_init(&it, d->e->art->text + l->start, l->end - l->start, 0);
	while (text_iter_next(&it, &g) && l->start + g.start < pos)
		r = l->start + g.start;
	text_iter_free(&it);
	return r;
}

static size_t
g_next(const struct doc *d, size_t pos)
{
	size_t li = line_of(d, pos), e;
	const struct dline *l = &d->lines[li];

	if (pos >= l->start && pos < l->end && (e = glyph_end(d, l, pos)) < l->end)
		return e;
	return li + 1 < d->nlines ? d->lines[li + 1].start : NONE;
}

static size_t
g_prev(const struct doc *d, size_t pos)
{
	size_t li = line_of(d, pos);
	const struct dline *l = &d->lines[li];

	if (pos > l->start)
		return glyph_before(d, l, pos < l->end ? pos : l->end);
	if (li == 0)
		return NONE;
	l = &d->lines[li - 1];
	return glyph_before(d, l, l->end);
}

static int
is_gap(const struct doc *d, size_t pos)
{
	const struct dline *l = &d->lines[line_of(d, pos)];
	char c;

	if (l->start == l->end || pos >= l->end)
		return 1;
	c = d->e->art->text[pos];
	return c == ' ' || c == '\t' || c == '\r';
}

/* To the last character of the next word (vi's e): v then w selects a word. */
static size_t
word_fwd(const struct doc *d, size_t pos)
{
	size_t p = g_next(d, pos), q;

	while (p != NONE && is_gap(d, p))
		p = g_next(d, p);
	if (p == NONE)
		return NONE;
	while ((q = g_next(d, p)) != NONE && line_of(d, q) == line_of(d, p) &&
	    !is_gap(d, q))
		p = q;
	return p;
}

/* To the first character of the previous word (vi's b). */
static size_t
word_back(const struct doc *d, size_t pos)
{
	size_t p = g_prev(d, pos), q;

	while (p != NONE && is_gap(d, p))
		p = g_prev(d, p);
	if (p == NONE)
		return NONE;
	while ((q = g_prev(d, p)) != NONE && line_of(d, q) == line_of(d, p) &&
	    !is_gap(d, q))
		p = q;
	return p;
}

/* The selection as drawn: anchor to cursor, the glyph under each included. */
static void
sel_drawn(struct ui *ui)
{
	struct annui *an = ui->annui;
	struct doc *d = &ui->doc;
	size_t a, b;

	if (an->c_valid && an->c_cur == d->cursor && an->c_anchor == an->anchor)
		return;
	a = an->anchor < d->cursor ? an->anchor : d->cursor;
	b = an->anchor < d->cursor ? d->cursor : an->anchor;
	an->lo = a;
	an->hi = glyph_end(d, &d->lines[line_of(d, b)], b);
	if (an->hi <= b)
		an->hi = b + 1 <= d->e->art->len ? b + 1 : b;
	an->c_cur = d->cursor;
	an->c_anchor = an->anchor;
	an->c_valid = 1;
}

static int
is_space_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The span to store: what is drawn, without blanks at either end. */
static int
sel_span(struct ui *ui, size_t *lo, size_t *hi)
{
	struct annui *an = ui->annui;
	const char *t = ui->doc.e->art->text;
	size_t a, b;

	sel_drawn(ui);
	a = an->lo;
	b = an->hi;
	while (a < b && is_space_byte(t[a]))
		a++;
	while (b > a && is_space_byte(t[b - 1]))
		b--;
	*lo = a;
	*hi = b;
	return a < b;
}

/* --- the store ------------------------------------------------------------------- */

static void
counts_reload(struct ui *ui)
{
	struct annui *an = ui->annui;
	char err[LEDE_ERRLEN];
	size_t i;

	annot_counts_free(&an->counts);
	if (an->st != NULL && annot_store_counts(an->st, &an->counts, err, sizeof err) == -1)
		ui_message(ui, MSG_ERROR, "%s", err);
	for (i = 0; i < ui->nents; i++)
		ui->ents[i].nnotes = -1;
	if (have_list(ui))
		ui->doc.e->nnotes = (int)an->list.n;
	ui->panes[P_LIST].dirty = 1;
}

static void
list_reload(struct ui *ui)
{
	struct annui *an = ui->annui;
	char err[LEDE_ERRLEN];

	annot_list_free(&an->list);
	an->art = NULL;
	if (!ui->have_doc)
		return;
	an->art = ui->doc.e->art;
	if (an->st != NULL && annot_store_list_article(an->st, an->art, &an->list, err,
	    sizeof err) == -1)
		ui_message(ui, MSG_ERROR, "%s", err);
	ui->doc.e->nnotes = (int)an->list.n;
	ui->panes[P_READER].dirty = 1;
	ui->status_dirty = 1;
}

void
annui_open(struct ui *ui)
{
	struct annui *an = xcalloc(1, sizeof *an);
	char err[LEDE_ERRLEN];

	ui->annui = an;
	err[0] = '\0';
	an->st = annot_store_open(NULL, 0, err, sizeof err);
	/* another lede holding the lock now is no reason to go without
	 * annotations all session: annui_key tries again */
	an->retry = strstr(err, "locked") != NULL || strstr(err, "busy") != NULL;
	an->last_try = time(NULL);
	if (an->st == NULL) {
		snprintf(an->why, sizeof an->why, "annotations unavailable: %s", err);
		ui_message(ui, MSG_PROBLEM, "%s", an->why);
		return;
	}
	if (err[0] != '\0') {
		snprintf(an->why, sizeof an->why, "%s", err);
		ui_message(ui, MSG_PROBLEM, "%s", an->why);
	}
	counts_reload(ui);
}

static void
prompt_close(struct ui *ui)
{
	struct annui *an = ui->annui;

	le_free(&an->le);
	annot_tags_free(an->tags, an->ntags);
	an->tags = NULL;
	an->ntags = 0;
	free(an->cword);
	an->cword = NULL;
	an->cycling = 0;
	an->sub = AS_NONE;
	ui->mode = M_NORMAL;
	dirty_all(ui);
}

static void
rows_free(struct annui *an)
{
	free(an->rows);
	an->rows = NULL;
	an->nrows = 0;
	annot_list_free(&an->alist);
}

void
annui_close(struct ui *ui)
{
	struct annui *an = ui->annui;

	if (an == NULL)
		return;
	if (an->sub == AS_PROMPT)
		prompt_close(ui);
	rows_free(an);
	annot_list_free(&an->list);
	annot_counts_free(&an->counts);
	annot_store_close(an->st);
	free(an);
	ui->annui = NULL;
}

void
annui_doc_open(struct ui *ui)
{
	struct annui *an = ui->annui;
	size_t i, moved = 0, orphans = 0;

	if (an == NULL)
		return;
	an->sel = 0;
	an->c_valid = 0;
	list_reload(ui);
	/* say once what re-anchoring found: the reader should know */
	for (i = 0; i < an->list.n; i++) {
		if (an->list.v[i].status == ANNOT_ORPHAN)
			orphans++;
		else if (an->list.v[i].status != ANNOT_ANCHORED)
			moved++;
	}
	if (orphans > 0 || moved > 0)
		ui_message(ui, MSG_INFO, "the text changed: %zu annotation%s moved, %zu "
		    "orphan%s (A lists them)", moved, moved == 1 ? "" : "s", orphans,
		    orphans == 1 ? "" : "s");
}

void
annui_doc_close(struct ui *ui)
{
	struct annui *an = ui->annui;

	if (an == NULL)
		return;
	an->sel = 0;
	an->c_valid = 0;
	annot_list_free(&an->list);
	an->art = NULL;
}

void
annui_entry_count(struct ui *ui, struct entry *e)
{
	struct annui *an = ui->annui;
	char *p;

	if (an == NULL || an->st == NULL || an->counts.n == 0) {
		e->nnotes = 0;
		return;
	}
	p = annot_article_path(e->path);
	e->nnotes = (int)annot_counts_find(&an->counts, p, e->art ? e->art->id : NULL);
	free(p);
}

static int
writable(struct ui *ui)
{
	struct annui *an = ui->annui;

	if (an->st == NULL || annot_store_readonly(an->st)) {
		ui_message(ui, MSG_ERROR, "%s", an->why[0] ? an->why :
		    "annotations are read-only");
		return 0;
	}
	return 1;
}

/* Store the selection; only a commit clears it, so a failure loses nothing.
 * Returns -1 when the store refused it. */
static int
commit(struct ui *ui, enum annot_kind kind, const char *note, const char *tags)
{
	struct annui *an = ui->annui;
	struct annot a;
	char err[LEDE_ERRLEN];
	size_t lo, hi;

	memset(&a, 0, sizeof a);
	if (!sel_span(ui, &lo, &hi)) {
		ui_message(ui, MSG_ERROR, "the selection is only blank space");
		return 0;
	}
	if (annot_init(&a, ui->doc.e->art, lo, hi, kind, note, tags, err,
	    sizeof err) == -1 || annot_store_add(an->st, &a, err, sizeof err) == -1) {
		annot_clear(&a);
		ui_message(ui, MSG_ERROR, "not saved: %s", err);
		return -1;
	}
	annot_clear(&a);
	an->sel = 0;
	list_reload(ui);
	counts_reload(ui);
	ui_message(ui, MSG_INFO, "%s saved", annot_kind_name(kind));
	return 0;
}

static int
blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!is_space_byte(*s))
			return 0;
	return 1;
}

/* --- the prompt: note, tags, edits ------------------------------------------------ */

static const char *
kind_label(enum annot_kind k)
{
	return k == ANNOT_NOTE ? "note" : k == ANNOT_TAG ? "tag" : "highlight";
}

static void prompt_open(struct ui *, enum pwhat, const char *, const char *);

/* e: a prompt holding the note (the tags of a tag); d: a y/n question. */
static void
edit_or_delete(struct ui *ui, const struct annot *a, int action)
{
	struct annui *an = ui->annui;
	char *q;

	if (!writable(ui))
		return;
	an->target = a->id;
	an->tkind = a->kind;
	if (action == ACT_ANNOT_EDIT) {
		prompt_open(ui, PW_EDIT, a->kind == ANNOT_TAG ? "tags: " : "note: ",
		    a->kind == ANNOT_TAG ? a->tags : a->note);
		return;
	}
	q = text_sanitize(a->quote, strlen(a->quote), 30);
	snprintf(an->question, sizeof an->question, "delete this %s on "
	    "\xe2\x80\x9c%s\xe2\x80\x9d? (y/n)", kind_label(a->kind), q);
	free(q);
	an->sub = AS_CONFIRM;
	ui->mode = M_ANNOT;
	ui->status_dirty = 1;
}

static void rows_build(struct ui *);

/* After an edit or a deletion started from the list, the list again. */
static void
back_to_list(struct ui *ui)
{
	struct annui *an = ui->annui;

	if (!an->in_list)
		return;
	an->in_list = 0;
	rows_build(ui);
	an->sub = AS_LIST;
	ui->mode = M_ANNOT;
	dirty_all(ui);
}

static void
prompt_open(struct ui *ui, enum pwhat pw, const char *label, const char *text)
{
	struct annui *an = ui->annui;

	le_init(&an->le, label, text);
	an->pw = pw;
	an->sub = AS_PROMPT;
	an->cycling = 0;
	ui->mode = M_ANNOT;
	ui->status_dirty = 1;
}

static int
prefix_match(const char *name, const char *word)
{
	size_t i;

	for (i = 0; word[i] != '\0'; i++) {
		char a = name[i], b = word[i];

		if (a == '\0')
			return 0;
		if (a >= 'A' && a <= 'Z')
			a += 32;
		if (b >= 'A' && b <= 'Z')
			b += 32;
		if (a != b)
			return 0;
	}
	return 1;
}

/* Tab: the tag word before the cursor becomes the first used tag that starts
 * with it (most used first); Tab again gives the next one. */
static void
complete(struct ui *ui)
{
	struct annui *an = ui->annui;
	struct lineedit *le = &an->le;
	char err[LEDE_ERRLEN];
	size_t from, i, n = 0, want;

	if (!an->cycling) {
		from = le->cur;
		while (from > 0 && le->s[from - 1] != ',')
			from--;
		while (from < le->cur && le->s[from] == ' ')
			from++;
		free(an->cword);
		an->cword = xstrndup(le->s + from, le->cur - from);
		an->cfrom = from;
		an->cidx = 0;
		annot_tags_free(an->tags, an->ntags);
		an->tags = NULL;
		an->ntags = 0;
		if (an->st != NULL && annot_store_tags(an->st, &an->tags, &an->ntags, err,
		    sizeof err) == -1) {
			ui_message(ui, MSG_ERROR, "%s", err);
			return;
		}
	}
	for (i = 0; i < an->ntags; i++)
		n += prefix_match(an->tags[i].name, an->cword);
	if (n == 0) {
		ui_message(ui, MSG_INFO, an->ntags == 0 ? "no tags used yet" :
		    "no tag starts with \"%s\"", an->cword);
		an->cycling = 0;
		return;
	}
	want = an->cidx % n;
	for (i = 0; i < an->ntags; i++)
		if (prefix_match(an->tags[i].name, an->cword) && want-- == 0)
			break;
	le_replace(le, an->cfrom, le->cur, an->tags[i].name);
	an->cidx++;
	an->cycling = 1;
	if (n > 1)
		ui_message(ui, MSG_INFO, "%zu/%zu (Tab: next)", (an->cidx - 1) % n + 1, n);
}

/* Returns -1 when the store refused what was typed (it stays in the prompt). */
static int
prompt_done(struct ui *ui, char *text)
{
	struct annui *an = ui->annui;
	char err[LEDE_ERRLEN], *norm = NULL;
	int rc = 0, failed = 0;

	switch (an->pw) {
	case PW_NOTE:
		if (blank(text))
			ui_message(ui, MSG_INFO, "an empty note is not saved (H highlights)");
		else
			failed = commit(ui, ANNOT_NOTE, text, NULL);
		break;
	case PW_TAGS:
		norm = annot_tags_normalize(text);
		if (norm[0] == '\0')
			ui_message(ui, MSG_INFO, "no tag given: nothing saved");
		else
			failed = commit(ui, ANNOT_TAG, NULL, norm);
		break;
	case PW_EDIT:
		if (an->tkind == ANNOT_TAG) {
			norm = annot_tags_normalize(text);
			if (norm[0] == '\0') {
				ui_message(ui, MSG_INFO, "a tag needs a name: unchanged (d "
				    "deletes it)");
				break;
			}
			rc = annot_store_update(an->st, an->target, NULL, norm, err,
			    sizeof err);
		} else
			rc = annot_store_update(an->st, an->target, text, NULL, err,
			    sizeof err);
		if (rc == -1) {
			ui_message(ui, MSG_ERROR, "not saved: %s", err);
			failed = -1;
			break;
		}
		list_reload(ui);
		ui_message(ui, MSG_INFO, "%s updated", annot_kind_name(an->tkind));
		break;
	}
	free(norm);
	return failed;
}

static int
prompt_key(struct ui *ui, int key)
{
	struct annui *an = ui->annui;
	char *text;
	int r;

	r = le_key(&an->le, key);
	if (r != LE_TAB)
		an->cycling = 0;
	switch (r) {
	case LE_TAB:
		if (an->pw == PW_TAGS || (an->pw == PW_EDIT && an->tkind == ANNOT_TAG))
			complete(ui);
		break;
	case LE_CANCEL:
		prompt_close(ui);
		ui_message(ui, MSG_INFO, "cancelled");
		back_to_list(ui);
		break;
	case LE_DONE:
		text = xstrdup(an->le.s);
		/* a failed save keeps the prompt and what was typed: Enter tries
		 * again, Esc gives up */
		if (prompt_done(ui, text) == 0) {
			prompt_close(ui);
			back_to_list(ui);
		}
		free(text);
		break;
	}
	ui->status_dirty = 1;
	return H_HANDLED;
}

static int
confirm_key(struct ui *ui, int key)
{
	struct annui *an = ui->annui;
	char err[LEDE_ERRLEN];

	an->sub = AS_NONE;
	ui->mode = M_NORMAL;
	dirty_all(ui);
	if (key != 'y' && key != 'Y')
		ui_message(ui, MSG_INFO, "not deleted");
	else if (annot_store_delete(an->st, an->target, err, sizeof err) == -1)
		ui_message(ui, MSG_ERROR, "not deleted: %s", err);
	else {
		list_reload(ui);
		counts_reload(ui);
		ui_message(ui, MSG_INFO, "%s deleted", annot_kind_name(an->tkind));
	}
	back_to_list(ui);
	return H_HANDLED;
}

int
annui_status_draw(struct ui *ui, WINDOW *w)
{
	struct annui *an = ui->annui;
	char *t;
	int mw = 0;

	if (an == NULL || (an->sub != AS_PROMPT && an->sub != AS_CONFIRM))
		return 0;
	werase(w);
	ui_style(ui, w, TH_STATUS, 0);
	mvwhline(w, 0, 0, ' ', COLS);
	if (an->sub == AS_CONFIRM) {
		t = text_sanitize(an->question, strlen(an->question), COLS - 2);
		mvwaddstr(w, 0, 1, t);
		free(t);
		return 1;
	}
	if (ui->status_msg != NULL) {
		t = text_sanitize(ui->status_msg, strlen(ui->status_msg), COLS / 3);
		mw = text_width(t, strlen(t)) + 2;
		ui_style(ui, w, ui->status_err ? TH_STATUS_ERROR : TH_STATUS, 0);
		mvwaddstr(w, 0, COLS - mw + 1, t);
		free(t);
	}
	le_draw(ui, &an->le, w, 1, COLS - 2 - mw);
	return 1;
}

/* --- the list under A -------------------------------------------------------------- */

static const struct annot *
row_annot(const struct annui *an, size_t r)
{
	const struct annot_list *l = an->all ? &an->alist : &an->list;

	return &l->v[an->rows[r].i];
}

static int
same_article(const struct annot *a, const struct annot *b)
{
	return strcmp(a->path, b->path) == 0 && (a->doc == NULL ? b->doc == NULL :
	    b->doc != NULL && strcmp(a->doc, b->doc) == 0);
}

/* Where an annotation is in the open article, when it is one of its. */
static const struct annot *
in_open(const struct annui *an, int64_t id)
{
	size_t i;

	for (i = 0; i < an->list.n; i++)
		if (an->list.v[i].id == id)
			return &an->list.v[i];
	return NULL;
}

static void
rows_add(struct annui *an, int hdr, size_t i)
{
	an->rows = xreallocarray(an->rows, an->nrows + 1, sizeof *an->rows);
	an->rows[an->nrows++] = (struct arow){ hdr, i };
}

struct find_art {
	const char	*doc;
	struct article	*found;
};

static void
find_article(struct article *a, void *ctx)
{
	struct find_art *f = ctx;

	if (f->found == NULL && (f->doc == NULL ||
	    (a->id != NULL && strcmp(a->id, f->doc) == 0)))
		f->found = a;
	else
		article_free(a);
}

static void
find_error(const char *msg, void *ctx)
{
	/* the article list reports unreadable files already */
}

/* The whole-corpus list against each article's current text, read once per
 * article, so that orphans are marked there too (the open one is known). */
static void
alist_reanchor(struct ui *ui)
{
	struct annui *an = ui->annui;
	struct annot *v = an->alist.v;
	size_t i, j, k, n = an->alist.n;
	struct find_art f;
	struct ingest_cb cb = { .article = find_article, .error = find_error,
	    .ctx = &f };

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && same_article(&v[i], &v[j]); j++)
			;
		if (in_open(an, v[i].id) != NULL || strcmp(v[i].path, "-") == 0)
			continue;
		f.doc = v[i].doc;
		f.found = NULL;
		ingest_file(v[i].path, &cb);
		if (f.found == NULL)
			continue;
		for (k = i; k < j; k++)
			annot_reanchor(&v[k], f.found->text, f.found->len);
		article_free(f.found);
	}
}

static void
rows_build(struct ui *ui)
{
	struct annui *an = ui->annui;
	char err[LEDE_ERRLEN];
	size_t i;

	rows_free(an);
	if (!an->all) {
		for (i = 0; i < an->list.n; i++)
			rows_add(an, 0, i);
	} else {
		if (an->st != NULL && annot_store_list(an->st, NULL, NULL, &an->alist, err,
		    sizeof err) == -1)
			ui_message(ui, MSG_ERROR, "%s", err);
		alist_reanchor(ui);
		for (i = 0; i < an->alist.n; i++) {
			if (i == 0 || !same_article(&an->alist.v[i - 1], &an->alist.v[i]))
				rows_add(an, 1, i);
			rows_add(an, 0, i);
		}
	}
	if (an->asel >= an->nrows)
		an->asel = an->nrows ? an->nrows - 1 : 0;
	while (an->asel + 1 < an->nrows && an->rows[an->asel].hdr)
		an->asel++;
}

static char *
row_text(const struct annui *an, size_t r, int width)
{
	const struct annot *a = row_annot(an, r), *o;
	enum annot_status st = a->status;
	char *q, *n, *line, *t;
	const char *base, *mark = "";

	if (an->rows[r].hdr) {
		base = strrchr(a->path, '/');
		base = base ? base + 1 : a->path;
		line = xasprintf("%s%s%s", base, a->doc ? " #" : "", a->doc ? a->doc : "");
		t = text_sanitize(line, strlen(line), width);
		free(line);
		return t;
	}
	if (an->all)
		st = (o = in_open(an, a->id)) != NULL ? o->status : a->status;
	if (st == ANNOT_ORPHAN)
		mark = "orphan ";
	else if (st == ANNOT_MOVED || st == ANNOT_FUZZY)
		mark = "moved ";
	q = text_sanitize(a->quote, strlen(a->quote), 40);
	n = text_sanitize(a->note, strlen(a->note), 60);
	line = xasprintf("  %-9s %s\xe2\x80\x9c%s\xe2\x80\x9d%s%s%s%s",
	    annot_kind_name(a->kind), mark, q, n[0] ? "  " : "", n,
	    a->tags[0] ? "  tags: " : "", a->tags);
	t = text_sanitize(line, strlen(line), width);
	free(q);
	free(n);
	free(line);
	return t;
}

int
annui_listing(const struct ui *ui)
{
	/* the list stays up under a question or prompt that came from it */
	return ui->annui != NULL && (ui->annui->sub == AS_LIST || ui->annui->in_list);
}

void
annui_list_draw(struct ui *ui)
{
	struct annui *an = ui->annui;
	WINDOW *w = ui->ovwin;
	int y, h = LINES - 1, elem;
	size_t r, n = an->all ? an->alist.n : an->list.n;
	char *t;

	werase(w);
	ui_style(ui, w, TH_BORDER, 0);
	mvwhline(w, 0, 0, ACS_HLINE, COLS);
	t = xasprintf(" annotations: %s (%zu) \xc2\xb7 A: %s \xc2\xb7 Enter jumps \xc2\xb7 "
	    "e edits \xc2\xb7 d deletes \xc2\xb7 q closes ", an->all ? "all articles" : "this article", n,
	    an->all ? "this article" : "all articles");
	ui_style(ui, w, TH_HEADER, A_BOLD);
	mvwaddnstr(w, 0, 1, t, COLS - 2);
	free(t);
	if (an->nrows == 0) {
		ui_style(ui, w, TH_DIM, 0);
		mvwaddnstr(w, 2, 2, an->st == NULL ? an->why :
		    "no annotations yet: v selects a passage, then a, H or t", COLS - 3);
		return;
	}
	if (h < 2)
		return;
	if (an->asel < an->atop)
		an->atop = an->asel;
	else if (an->asel >= an->atop + (size_t)(h - 1))
		an->atop = an->asel - (size_t)(h - 2);
	for (y = 1; y < h; y++) {
		r = an->atop + (size_t)(y - 1);
		if (r >= an->nrows)
			break;
		elem = an->rows[r].hdr ? TH_HEADER : r == an->asel ? TH_LIST_SELECTED :
		    TH_NORMAL;
		ui_style(ui, w, elem, 0);
		wmove(w, y, 1);
		whline(w, ' ', COLS - 2);
		t = row_text(an, r, COLS - 3);
		mvwaddstr(w, y, 1, t);
		free(t);
	}
}

static int
alist_close(struct ui *ui)
{
	struct annui *an = ui->annui;

	rows_free(an);
	an->sub = AS_NONE;
	ui->mode = M_NORMAL;
	dirty_all(ui);
	return H_HANDLED | H_REDRAW;
}

static void
alist_open(struct ui *ui)
{
	struct annui *an = ui->annui;
	const struct annot *cur;
	size_t i;

	an->all = !have_list(ui);
	an->asel = an->atop = 0;
	rows_build(ui);
	/* start on the annotation under the cursor */
	if (!an->all && (cur = annot_at(&an->list, ui->doc.cursor)) != NULL)
		for (i = 0; i < an->nrows; i++)
			if (row_annot(an, i) == cur)
				an->asel = i;
	an->sub = AS_LIST;
	ui->mode = M_ANNOT;
	dirty_all(ui);
}

/* The entry showing an article, or NONE. */
static size_t
entry_find(struct ui *ui, const char *path, const char *doc)
{
	size_t i, j;
	char *p;
	int eq;

	for (i = 0; i < ui->nents; i++) {
		p = annot_article_path(ui->ents[i].path);
		eq = strcmp(p, path) == 0;
		free(p);
		if (!eq)
			continue;
		if (doc == NULL)
			return i;
		/* a JSON Lines file: its articles are entries once it is read */
		if (entry_load(ui, i) == -1)
			continue;
		for (j = i; j < ui->nents && strcmp(ui->ents[j].path, ui->ents[i].path) == 0;
		    j++)
			if (ui->ents[j].art != NULL && ui->ents[j].art->id != NULL &&
			    strcmp(ui->ents[j].art->id, doc) == 0)
				return j;
		i = j - 1;
	}
	return NONE;
}

static int
alist_jump(struct ui *ui)
{
	struct annui *an = ui->annui;
	const struct annot *a, *o;
	char *path, *doc;
	int64_t id;
	size_t idx;
	int open;

	if (an->nrows == 0 || an->rows[an->asel].hdr)
		return H_HANDLED;
	a = row_annot(an, an->asel);
	id = a->id;
	open = have_list(ui) && in_open(an, id) != NULL;
	path = xstrdup(a->path);
	doc = a->doc ? xstrdup(a->doc) : NULL;
	alist_close(ui);
	if (!open) {
		if ((idx = entry_find(ui, path, doc)) == NONE) {
			ui_message(ui, MSG_ERROR, "%s%s%s is not in this corpus", path,
			    doc ? " #" : "", doc ? doc : "");
			free(path);
			free(doc);
			return H_HANDLED | H_REDRAW;
		}
		reader_open(ui, idx);
		ui->sel = idx;
		list_show_sel(ui);
	}
	free(path);
	free(doc);
	if (!have_list(ui) || (o = in_open(an, id)) == NULL)
		return H_HANDLED | H_REDRAW;
	ui->focus = P_READER;
	if (o->status == ANNOT_ORPHAN)
		ui_message(ui, MSG_INFO, "an orphan: its passage is no longer in the text");
	else
		reader_goto(ui, o->cur_start);
	dirty_all(ui);
	return H_HANDLED | H_RELAYOUT;
}

static int
alist_key(struct ui *ui, int key)
{
	struct annui *an = ui->annui;
	int act = keymap_lookup(&ui->km, &key, 1);
	size_t h = LINES > 3 ? (size_t)(LINES - 3) : 1, i;

	if (key == KEY_ESC || act == ACT_BACK || act == ACT_CANCEL)
		return alist_close(ui);
	if (act == ACT_QUIT)
		return H_QUIT;
	if (key == KEY_ENTER_C || act == ACT_OPEN)
		return alist_jump(ui);
	switch (act) {
	case ACT_ANNOT_EDIT:
	case ACT_ANNOT_DELETE:
		/* the way to an orphan, which no cursor can reach */
		if (an->nrows == 0 || an->rows[an->asel].hdr)
			break;
		an->in_list = 1;
		edit_or_delete(ui, row_annot(an, an->asel), act);
		if (an->sub == AS_LIST)
			an->in_list = 0;	/* refused: stay in the list */
		return H_HANDLED;
	case ACT_ANNOT_LIST:
		an->all = have_list(ui) ? !an->all : 1;
		an->asel = an->atop = 0;
		rows_build(ui);
		break;
	case ACT_DOWN:
		for (i = an->asel + 1; i < an->nrows && an->rows[i].hdr; i++)
			;
		if (i < an->nrows)
			an->asel = i;
		break;
	case ACT_UP:
		for (i = an->asel; i > 0 && an->rows[i - 1].hdr; i--)
			;
		if (i > 0)
			an->asel = i - 1;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
	case ACT_BOTTOM:
		an->asel = act == ACT_BOTTOM || an->asel + h >= an->nrows ?
		    (an->nrows ? an->nrows - 1 : 0) : an->asel + h;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
	case ACT_TOP:
		an->asel = act == ACT_TOP || an->asel < h ? 0 : an->asel - h;
		while (an->asel + 1 < an->nrows && an->rows[an->asel].hdr)
			an->asel++;
		break;
	default:
		return H_HANDLED;
	}
	dirty_all(ui);
	return H_HANDLED;
}

/* --- keys ---------------------------------------------------------------------- */

/* The store was locked when the reader started: open it again now, without
 * waiting, and say so when it works. */
static void
store_retry(struct ui *ui)
{
	struct annui *an = ui->annui;
	struct annot_store *st;
	char err[LEDE_ERRLEN];

	an->last_try = time(NULL);
	err[0] = '\0';
	if ((st = annot_store_open(NULL, ANNOT_OPEN_NOWAIT, err, sizeof err)) == NULL)
		return;
	if (annot_store_readonly(st)) {
		annot_store_close(st);
		return;
	}
	annot_store_close(an->st);
	an->st = st;
	an->retry = 0;
	an->why[0] = '\0';
	counts_reload(ui);
	if (have_list(ui))
		list_reload(ui);
	ui_message(ui, MSG_INFO, "annotations available again");
}

int
annui_key(struct ui *ui, int key)
{
	struct annui *an = ui->annui;
	struct doc *d = &ui->doc;
	size_t p;

	if (an == NULL)
		return 0;
	if (an->retry && time(NULL) != an->last_try)
		store_retry(ui);
	/* another lede committed something: show it */
	if (an->st != NULL && annot_store_changed(an->st)) {
		if (have_list(ui))
			list_reload(ui);
		counts_reload(ui);
		if (an->sub == AS_LIST || an->in_list)
			rows_build(ui);
	}
	switch (an->sub) {
	case AS_PROMPT:
		return prompt_key(ui, key);
	case AS_CONFIRM:
		return confirm_key(ui, key);
	case AS_LIST:
		return alist_key(ui, key);
	case AS_NONE:
		break;
	}
	if (!an->sel || ui->npending > 0 || !ui->have_doc || ui->focus != P_READER ||
	    ui->mode != M_NORMAL)
		return 0;
	switch (key) {
	case 'h':
	case KEYC_LEFT:
		p = g_prev(d, d->cursor);
		break;
	case 'l':
	case KEYC_RIGHT:
		p = g_next(d, d->cursor);
		break;
	case 'w':
		p = word_fwd(d, d->cursor);
		break;
	case 'b':
		p = word_back(d, d->cursor);
		break;
	case KEY_ESC:
		an->sel = 0;
		ui_message(ui, MSG_INFO, "selection cancelled");
		ui->panes[P_READER].dirty = 1;
		return H_HANDLED;
	default:
		return 0;
	}
	if (p != NONE)
		reader_goto(ui, p);
	ui->status_dirty = 1;
	return H_HANDLED;
}


int
annui_action(struct ui *ui, int action)
{
	struct annui *an = ui->annui;
	struct doc *d = &ui->doc;
	const struct annot *a;
	const struct dline *l;
	int r = H_HANDLED;

	if (an == NULL)
		return H_HANDLED;
	if (action == ACT_ANNOT_LIST) {
		alist_open(ui);
		return H_HANDLED;
	}
	if (!ui->have_doc) {
		ui_message(ui, MSG_INFO, "open an article first (Enter)");
		return H_HANDLED;
	}
	if (ui->focus != P_READER) {
		ui->focus = P_READER;
		r |= H_RELAYOUT;
	}
	switch (action) {
	case ACT_SELECT:
		if (an->sel) {
			an->sel = 0;
			ui_message(ui, MSG_INFO, "selection cancelled");
			break;
		}
		an->sel = 1;
		an->anchor = d->cursor;
		break;
	case ACT_SELECT_PARA:
		l = &d->lines[line_of(d, d->cursor)];
		if (l->start == l->end) {
			ui_message(ui, MSG_INFO, "no paragraph here");
			break;
		}
		an->sel = 1;
		an->anchor = l->start;
		reader_goto(ui, glyph_before(d, l, l->end));
		break;
	case ACT_NOTE:
	case ACT_HIGHLIGHT:
	case ACT_TAG:
		if (!an->sel) {
			ui_message(ui, MSG_INFO, "select a passage first (v, or V for the "
			    "paragraph)");
			break;
		}
		if (!writable(ui))
			break;
		if (action == ACT_HIGHLIGHT)
			commit(ui, ANNOT_HIGHLIGHT, NULL, NULL);
		else if (action == ACT_NOTE)
			prompt_open(ui, PW_NOTE, "note: ", "");
		else
			prompt_open(ui, PW_TAGS, "tags (Tab completes): ", "");
		break;
	case ACT_ANNOT_NEXT:
	case ACT_ANNOT_PREV:
		a = action == ACT_ANNOT_NEXT ? annot_next(&an->list, d->cursor) :
		    annot_prev(&an->list, d->cursor);
		if (a == NULL)
			ui_message(ui, MSG_INFO, an->list.n == 0 ?
			    "no annotations in this article" : action == ACT_ANNOT_NEXT ?
			    "no more annotations below" : "no more annotations above");
		else
			reader_goto(ui, a->cur_start);
		break;
	case ACT_ANNOT_EDIT:
	case ACT_ANNOT_DELETE:
		if ((a = annot_at(&an->list, d->cursor)) == NULL) {
			ui_message(ui, MSG_INFO, "no annotation at the cursor (]a finds one)");
			break;
		}
		an->in_list = 0;
		edit_or_delete(ui, a, action);
		break;
	}
	ui->panes[P_READER].dirty = 1;
	ui->status_dirty = 1;
	return r;
}

/* --- drawing in the reading view ------------------------------------------------ */

int
annui_elem(struct ui *ui, size_t start, size_t end, int elem)
{
	struct annui *an = ui->annui;
	const struct annot *a;

	if (an == NULL || !ui->have_doc)
		return elem;
	if (an->sel) {
		sel_drawn(ui);
		if (start < an->hi && end > an->lo)
			return TH_SELECTION;
	}
	if (have_list(ui) && an->list.n > 0 && (a = annot_at(&an->list, start)) != NULL)
		return a->kind == ANNOT_NOTE ? TH_NOTE : a->kind == ANNOT_TAG ? TH_TAG :
		    TH_HIGHLIGHT;
	return elem;
}

int
annui_status(struct ui *ui, char *buf, size_t len)
{
	struct annui *an = ui->annui;
	const struct annot *a;
	size_t lo, hi, n = 0, i;
	char *note, *tags;

	if (an == NULL || !ui->have_doc)
		return 0;
	if (an->sel) {
		if (sel_span(ui, &lo, &hi))
			for (i = lo; i < hi; i++)
				n += ((unsigned char)ui->doc.e->art->text[i] & 0xc0) != 0x80;
		snprintf(buf, len, "selection: %zu character%s \xc2\xb7 a note \xc2\xb7 "
		    "H highlight \xc2\xb7 t tag \xc2\xb7 Esc cancels", n, n == 1 ? "" : "s");
		return 1;
	}
	if (!have_list(ui) || (a = annot_at(&an->list, ui->doc.cursor)) == NULL)
		return 0;
	note = text_sanitize(a->note, strlen(a->note), 80);
	tags = text_sanitize(a->tags, strlen(a->tags), 40);
	snprintf(buf, len, "%s%s%s%s%s%s \xc2\xb7 e edits \xc2\xb7 d deletes",
	    kind_label(a->kind), note[0] ? ": " : "", note, tags[0] ? " \xc2\xb7 tags: " : "",
	    tags, a->status == ANNOT_MOVED || a->status == ANNOT_FUZZY ?
	    " \xc2\xb7 moved" : "");
	free(note);
	free(tags);
	return 1;
}
