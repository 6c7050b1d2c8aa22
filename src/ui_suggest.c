/* ui_suggest.c - a flag's suggestion shown inline, right after the flagged text (S).
 * The suggestion is virtual text: the row builder makes room for it (text_wrap's
 * extra hook) and draw_row draws it, but it has no bytes, so the cursor, search,
 * annotations and entity mentions keep their byte offsets into the article. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "lede/util.h"

/* One inserted text, drawn after the glyph that ends at pos. */
struct sins {
	size_t		 pos;		/* bytes into the article */
	size_t		 idx;		/* the artifact's index, to keep their order */
	char		*text;		/* " ⟨suggestion⟩", sanitised */
	int		 width;
};

struct sugg {
	struct sins	*v;
	size_t		 n;
	size_t		 base;		/* start of the paragraph being wrapped */
};

static int
sins_cmp(const void *a, const void *b)
{
	const struct sins *x = a, *y = b;

	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The insertions of the open article: one per flag with a suggestion. */
void
sugg_build(struct doc *d)
{
	const struct clean_result *c = &d->an.clean;
	const char *text = d->e->art->text;
	struct sugg *s;
	struct buf b = { 0 };
	size_t i, p;
	char *san;

	sugg_free(d);
	s = xcalloc(1, sizeof *s);
	d->sugg = s;
	if (!d->analysed || c->narts == 0)
		return;
	s->v = xcalloc(c->narts, sizeof *s->v);
	for (i = 0; i < c->narts; i++) {
		const struct artifact *a = &c->arts[i];

		if (a->suggestion == NULL || a->suggestion[0] == '\0')
			continue;
		/* after the last glyph that is not a space: spaces hang at a row's
		 * end, and the wrap glues virtual text only to glyphs that do not */
		p = a->end;
		while (p > a->start && is_blank(text[p - 1]))
			p--;
		san = text_sanitize(a->suggestion, strlen(a->suggestion), -1);
		buf_adds(&b, " \xe2\x9f\xa8");	/* U+27E8 */
		buf_adds(&b, san);
		buf_adds(&b, "\xe2\x9f\xa9");	/* U+27E9 */
		free(san);
		s->v[s->n].pos = p;
		s->v[s->n].idx = i;
		s->v[s->n].width = text_width(b.s, b.len);
		buf_addc(&b, '\0');
		s->v[s->n].text = buf_detach(&b);
		s->n++;
	}
	qsort(s->v, s->n, sizeof *s->v, sins_cmp);
}

void
sugg_free(struct doc *d)
{
	size_t i;

	if (d->sugg == NULL)
		return;
	for (i = 0; i < d->sugg->n; i++)
		free(d->sugg->v[i].text);
	free(d->sugg->v);
	free(d->sugg);
	d->sugg = NULL;
}

/* The first insertion after byte offset pos. */
static size_t
first_after(const struct sugg *s, size_t pos)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->v[mid].pos <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
shown(const struct doc *d)
{
	return d->sugg != NULL && d->sugg->n > 0 && d->analysed && !d->raw;
}

/* Columns inserted after a glyph spanning [start, end) of the article. */
static int
width_after(const struct doc *d, size_t start, size_t end)
{
	const struct sugg *s = d->sugg;
	size_t i;
	int w = 0;

	for (i = first_after(s, start); i < s->n && s->v[i].pos <= end; i++)
		w += s->v[i].width;
	return w;
}

int
sugg_after(const struct doc *d, const struct glyph *g)
{
	if (!shown(d) || g->kind == GLYPH_SPACE || g->kind == GLYPH_HIDDEN)
		return 0;
	return width_after(d, g->start, g->end);
}

static int
wrap_extra(void *ctx, size_t start, size_t end)
{
	const struct doc *d = ctx;

	return width_after(d, d->sugg->base + start, d->sugg->base + end);
}

void
sugg_wrap(struct doc *d, struct text_wrap *tw, size_t base)
{
	if (!shown(d))
		return;
	d->sugg->base = base;
	tw->extra = wrap_extra;
	tw->extra_ctx = d;
}

static void
style(struct ui *ui, WINDOW *w, attr_t attr)
{
	int pair = ui->pair[TH_FLAG];

	wattr_set(w, attr, (short)(pair < 256 ? pair : 0), &pair);
}

/* Draw what is inserted after glyph g in at most avail columns; a text the row
 * has no room for (the wrap keeps a word whole rather than split it for one) is
 * cut with an ellipsis. Returns the columns drawn. */
int
sugg_draw(struct ui *ui, WINDOW *w, const struct glyph *g, int avail)
{
	const struct doc *d = &ui->doc;
	const struct sugg *s = d->sugg;
	struct text_iter it;
	struct glyph sg;
	attr_t attr;
	size_t i;
	int used = 0, cut;

	if (sugg_after(d, g) == 0)
		return 0;
	/* the flag's colour, set apart from the article's own text */
	attr = (ui->attr[TH_FLAG] & ~A_UNDERLINE) | A_ITALIC | (ui->color ? 0 : A_DIM);
	for (i = first_after(s, g->start); i < s->n && s->v[i].pos <= g->end; i++) {
		const struct sins *in = &s->v[i];

		cut = used + in->width > avail;
		text_iter_init(&it, in->text, strlen(in->text), 0);
		while (text_iter_next(&it, &sg)) {
			if (used + sg.width > avail - (cut ? 1 : 0))
				break;
			if (sg.kind == GLYPH_TEXT && sg.show[0] == '\0')
				ui_draw_cluster(w, in->text + sg.start, sg.end - sg.start,
				    sg.width, attr, ui->pair[TH_FLAG]);
			else {
				style(ui, w, attr);
				waddstr(w, sg.show[0] != '\0' ? sg.show : " ");
			}
			used += sg.width;
		}
		text_iter_free(&it);
		if (cut) {
			if (used < avail) {
				style(ui, w, attr);
				waddstr(w, "\xe2\x80\xa6");
				used++;
			}
			break;
		}
	}
	return used;
}

void
sugg_toggle(struct ui *ui)
{
	struct doc *d = &ui->doc;

	if (d->sugg != NULL) {
		sugg_free(d);
		ui_message(ui, MSG_INFO, "suggestions off");
		return;
	}
	sugg_build(d);
	if (d->raw)
		ui_message(ui, MSG_INFO, "suggestions on (not in the raw view)");
	else if (d->sugg->n == 0)
		ui_message(ui, MSG_INFO, "suggestions on (none in this article)");
	else
		ui_message(ui, MSG_INFO, "suggestions on");
}
