/* ui_entities.c - the entity panel, mention highlighting and jumps, the entity
 * filter of the article list, and the corpus-wide index behind them
 *
 * The panel lists the current article's entities, or the whole corpus's (c). The
 * corpus index is built on the main thread a few articles per loop turn: the loop
 * reads keys without blocking while ent_busy() says there is work, and calls
 * ent_idle() when no key came, so the screen never freezes.
 *
 * The "selected entity" is a canonical name and a type, not a row: it survives
 * opening another article (which may not mention it), so that * can go on into the
 * next article that does. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_int.h"
#include "lede/corpus.h"
#include "lede/paths.h"
#include "lede/util.h"

#define IDLE_BUDGET_NS	20000000L	/* work per loop turn before looking at keys */

struct item {
	int		 heading;	/* a PEOPLE / PLACES / ORGANIZATIONS line */
	enum entity_type type;
	const char	*name;		/* borrowed: the doc's analysis or the index */
	size_t		 count;
};

/* A mention of the open article, for colouring. */
struct dmention {
	size_t		 start, end;
	size_t		 ent;		/* index into doc.an.ents */
};

struct entui {
	/* the selected entity */
	char		*sel_name;	/* owned, or NULL */
	enum entity_type sel_type;
	int		 mention_mode;	/* n and N go through mentions, not matches */

	/* the panel */
	int		 corpus;	/* whole corpus, not the current article */
	struct item	*items;
	size_t		 nitems;
	size_t		 pcur;		/* the panel's cursor: an entity row */
	size_t		 ptop;

	/* the open article */
	struct dmention	*dm;
	size_t		 ndm;
	size_t		 doc_gen;	/* bumped when another article opens */
	size_t		 loc_gen, loc_sel_gen;
	size_t		 loc;		/* the selected entity in doc.an.ents, or -1 */
	size_t		 sel_gen;	/* bumped when the selection may have changed */

	/* the corpus index */
	struct corpus_index ci;
	int		 indexing;	/* started */
	size_t		 next;		/* next entry to index */

	/* the list filter */
	char		*filt_name;	/* owned, or NULL */
	enum entity_type filt_type;
};

static const char *const headings[] = { "PEOPLE", "PLACES", "ORGANIZATIONS" };
static const int type_elem[] = { TH_PERSON, TH_PLACE, TH_ORG };

static struct entui *
eu_get(struct ui *ui)
{
	if (ui->eu == NULL) {
		ui->eu = xcalloc(1, sizeof *ui->eu);
		ui->eu->loc = (size_t)-1;
		ui->eu->loc_gen = (size_t)-1;
		corpus_index_init(&ui->eu->ci);
	}
	return ui->eu;
}

void
ent_free(struct ui *ui)
{
	struct entui *eu = ui->eu;

	if (eu == NULL)
		return;
	free(eu->sel_name);
	free(eu->filt_name);
	free(eu->items);
	free(eu->dm);
	corpus_index_free(&eu->ci);
	free(eu);
	ui->eu = NULL;
}

/* --- the corpus index ------------------------------------------------------------ */

static void
warn_cb(const char *msg, void *ctx)
{
	ui_message(ctx, MSG_PROBLEM, "%s", msg);
}

static void
knowledge_ensure(struct ui *ui)
{
	char *datadir, *userdir;

	if (ui->k_loaded)
		return;
	datadir = paths_resource("data");
	userdir = paths_config_dir();
	knowledge_load(&ui->k, datadir, userdir, warn_cb, ui);
	ui->k_loaded = 1;
	free(datadir);
	free(userdir);
}

static int
index_done(struct ui *ui)
{
	struct entui *eu = eu_get(ui);

	return eu->indexing && eu->next >= ui->nents;
}

static void
index_start(struct ui *ui)
{
	struct entui *eu = eu_get(ui);

	if (eu->indexing)
		return;
	eu->indexing = 1;
	eu->next = 0;
}

/* Analyse one more article into the index. Entries are taken in order, so a JSON
 * Lines file expanding into many entries only moves entries not indexed yet. */
static void
index_one(struct ui *ui)
{
	struct entui *eu = eu_get(ui);
	size_t i = eu->next;
	struct analysis an;
	struct entry *e;
	int open = ui->have_doc && ui->doc.eidx == i;

	if (i >= ui->nents)
		return;
	if (open && ui->doc.analysed) {
		corpus_index_add(&eu->ci, i, &ui->doc.an.ents);
	} else if (entry_load(ui, i) == 0) {
		knowledge_ensure(ui);
		e = &ui->ents[i];
		analysis_run(&ui->k, e->art, &an);
		corpus_index_add(&eu->ci, i, &an.ents);
		entry_analysed(e, &an);
		analysis_free(&an);
		/* only the open article stays in memory, as when reading */
		if (!e->from_jsonl && !open) {
			article_free(e->art);
			e->art = NULL;
		}
	}
	eu->next = i + 1;
}

int
ent_busy(struct ui *ui)
{
	return ui->eu != NULL && ui->eu->indexing && !index_done(ui);
}

static void items_build(struct ui *);
static void filter_fix_sel(struct ui *);

void
ent_idle(struct ui *ui)
{
	struct timespec t0, t;
	long ns;

	if (!ent_busy(ui))
		return;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		index_one(ui);
		clock_gettime(CLOCK_MONOTONIC, &t);
		ns = (t.tv_sec - t0.tv_sec) * 1000000000L + (t.tv_nsec - t0.tv_nsec);
	} while (ent_busy(ui) && ns < IDLE_BUDGET_NS);
	if (ui->eu->corpus)
		items_build(ui);
	if (ui->eu->filt_name != NULL)
		filter_fix_sel(ui);
	ui->panes[P_ENTITIES].dirty = 1;
	ui->panes[P_LIST].dirty = 1;
	ui->status_dirty = 1;
}

/* --- the filter ------------------------------------------------------------------ */

static const struct corpus_entity *
filter_ent(struct ui *ui)
{
	struct entui *eu = ui->eu;

	if (eu == NULL || eu->filt_name == NULL)
		return NULL;
	return corpus_index_find(&eu->ci, eu->filt_name, eu->filt_type);
}

static int
filtering(struct ui *ui)
{
	return ui->eu != NULL && ui->eu->filt_name != NULL;
}

size_t
filter_len(struct ui *ui)
{
	const struct corpus_entity *ce;

	if (!filtering(ui))
		return ui->nents;
	ce = filter_ent(ui);
	return ce != NULL ? ce->ndocs : 0;
}

size_t
filter_at(struct ui *ui, size_t pos)
{
	const struct corpus_entity *ce;

	if (!filtering(ui))
		return pos;
	ce = filter_ent(ui);
	return ce != NULL && pos < ce->ndocs ? ce->docs[pos] : (size_t)-1;
}

size_t
filter_pos(struct ui *ui, size_t idx)
{
	const struct corpus_entity *ce;

	if (!filtering(ui))
		return idx;
	if ((ce = filter_ent(ui)) == NULL)
		return 0;
	return corpus_entity_lower_bound(ce, idx);
}

int
filter_has(struct ui *ui, size_t idx)
{
	size_t pos;

	if (!filtering(ui))
		return idx < ui->nents;
	pos = filter_pos(ui, idx);
	return pos < filter_len(ui) && filter_at(ui, pos) == idx;
}

void
filter_header(struct ui *ui, char *buf, size_t len)
{
	struct entui *eu = ui->eu;
	char *name;

	if (!filtering(ui)) {
		snprintf(buf, len, " articles (%zu) ", ui->nents);
		return;
	}
	name = text_sanitize(eu->filt_name, strlen(eu->filt_name), 30);
	snprintf(buf, len, " articles (%zu%s) \xc2\xb7 %s ", filter_len(ui),
	    index_done(ui) ? "" : "\xe2\x80\xa6", name);
	free(name);
}

/* The list's selection must be a row the list shows, when there is one. */
static void
filter_fix_sel(struct ui *ui)
{
	size_t n = filter_len(ui), pos;

	if (n == 0 || filter_has(ui, ui->sel))
		return;
	pos = filter_pos(ui, ui->sel);
	ui->sel = filter_at(ui, pos < n ? pos : n - 1);
	list_show_sel(ui);
}

static void
filter_clear(struct ui *ui)
{
	struct entui *eu = eu_get(ui);

	free(eu->filt_name);
	eu->filt_name = NULL;
	ui->ltop = 0;
	list_show_sel(ui);
	ui->panes[P_LIST].dirty = 1;
	ui->status_dirty = 1;
}

/* --- the panel's rows ------------------------------------------------------------ */

static int
by_count(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int
is_sel(struct entui *eu, const struct item *it)
{
	return eu->sel_name != NULL && !it->heading && it->type == eu->sel_type &&
	    strcmp(it->name, eu->sel_name) == 0;
}

/* Rows for the panel: three headings, each followed by its entities, most
 * mentioned first. */
static void
items_build(struct ui *ui)
{
	struct entui *eu = eu_get(ui);
	struct item *it;
	size_t i, k, n, *idx, start, cap;
	int t;

	free(eu->items);
	eu->items = NULL;
	eu->nitems = 0;
	if (eu->corpus)
		cap = eu->ci.nents;
	else
		cap = ui->have_doc ? ui->doc.an.ents.nents : 0;
	eu->items = xcalloc(cap + 3, sizeof *eu->items);
	for (t = ENT_PERSON; t <= ENT_ORG; t++) {
		it = &eu->items[eu->nitems++];
		it->heading = 1;
		it->type = (enum entity_type)t;
		it->name = headings[t];
		start = eu->nitems;
		if (eu->corpus) {
			n = corpus_index_sorted(&eu->ci, (enum entity_type)t, &idx);
			for (k = 0; k < n; k++) {
				const struct corpus_entity *ce = &eu->ci.ents[idx[k]];

				eu->items[eu->nitems++] = (struct item){ 0, ce->type,
				    ce->canonical, ce->total };
			}
			free(idx);
			continue;
		}
		for (i = 0; ui->have_doc && i < ui->doc.an.ents.nents; i++) {
			const struct entity *en = &ui->doc.an.ents.ents[i];

			if ((int)en->type != t || en->canonical == NULL)
				continue;
			eu->items[eu->nitems++] = (struct item){ 0, en->type, en->canonical,
			    en->nmentions };
		}
		qsort(eu->items + start, eu->nitems - start, sizeof *eu->items, by_count);
	}
	/* the cursor follows the selected entity when it is listed */
	for (i = 0; i < eu->nitems; i++)
		if (is_sel(eu, &eu->items[i]))
			break;
	if (i < eu->nitems)
		eu->pcur = i;
	else if (eu->pcur >= eu->nitems || eu->items[eu->pcur].heading) {
		for (eu->pcur = 0; eu->pcur < eu->nitems && eu->items[eu->pcur].heading;
		    eu->pcur++)
			;
	}
	eu->sel_gen++;
}

/* The panel's cursor is on an entity; article rows borrow the open article's
 * names, so they count only while it is open. */
static int
has_entities(struct ui *ui)
{
	struct entui *eu = eu_get(ui);

	return (eu->corpus || ui->have_doc) && eu->pcur < eu->nitems &&
	    !eu->items[eu->pcur].heading;
}

/* --- the selected entity --------------------------------------------------------- */

/* What the reader marks: the panel's cursor while the panel has focus, else the
 * selected entity. */
static int
cur_sel(struct ui *ui, const char **name, enum entity_type *type)
{
	struct entui *eu = eu_get(ui);

	if (ui->focus == P_ENTITIES && ui->panes[P_ENTITIES].visible &&
	    has_entities(ui)) {
		*name = eu->items[eu->pcur].name;
		*type = eu->items[eu->pcur].type;
		return 1;
	}
	if (eu->sel_name == NULL)
		return 0;
	*name = eu->sel_name;
	*type = eu->sel_type;
	return 1;
}

static void
select_set(struct ui *ui, const char *name, enum entity_type type)
{
	struct entui *eu = eu_get(ui);
	char *old = eu->sel_name;

	if (old != NULL && old != name && type == eu->sel_type && strcmp(old, name) == 0)
		return;
	eu->sel_name = xstrdup(name);
	eu->sel_type = type;
	free(old);
	eu->sel_gen++;
	ui->panes[P_READER].dirty = 1;
	ui->panes[P_ENTITIES].dirty = 1;
	ui->status_dirty = 1;
}

/* Make what the reader marks the selected entity; 0 when there is none. */
static int
select_current(struct ui *ui)
{
	const char *name;
	enum entity_type type;

	if (!cur_sel(ui, &name, &type))
		return 0;
	select_set(ui, name, type);
	return 1;
}

/* The open article's entity with this name and type, or -1. */
static size_t
doc_entity(struct ui *ui, const char *name, enum entity_type type)
{
	const struct entity_result *r = &ui->doc.an.ents;
	size_t i;

	if (!ui->have_doc || !ui->doc.analysed)
		return (size_t)-1;
	for (i = 0; i < r->nents; i++)
		if (r->ents[i].type == type && r->ents[i].canonical != NULL &&
		    strcmp(r->ents[i].canonical, name) == 0)
			return i;
	return (size_t)-1;
}

/* The marked entity in the open article, cached between glyphs. */
static size_t
marked_local(struct ui *ui)
{
	struct entui *eu = eu_get(ui);
	const char *name;
	enum entity_type type;
	size_t g = eu->sel_gen * 2 + (ui->focus == P_ENTITIES);

	if (eu->loc_gen == eu->doc_gen && eu->loc_sel_gen == g)
		return eu->loc;
	eu->loc_gen = eu->doc_gen;
	eu->loc_sel_gen = g;
	eu->loc = cur_sel(ui, &name, &type) ? doc_entity(ui, name, type) : (size_t)-1;
	return eu->loc;
}

static int
by_start(const void *a, const void *b)
{
	const struct dmention *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

void
ent_doc_opened(struct ui *ui)
{
	struct entui *eu = eu_get(ui);
	const struct entity_result *r = &ui->doc.an.ents;
	size_t i, k, n = 0;

	free(eu->dm);
	eu->dm = NULL;
	eu->ndm = 0;
	eu->doc_gen++;
	for (i = 0; i < r->nents; i++)
		n += r->ents[i].nmentions;
	eu->dm = xcalloc(n ? n : 1, sizeof *eu->dm);
	for (i = 0; i < r->nents; i++)
		for (k = 0; k < r->ents[i].nmentions; k++)
			eu->dm[eu->ndm++] = (struct dmention){ r->ents[i].mentions[k].start,
			    r->ents[i].mentions[k].end, i };
	qsort(eu->dm, eu->ndm, sizeof *eu->dm, by_start);
	if (!eu->corpus)
		items_build(ui);
	ui->panes[P_ENTITIES].dirty = 1;
}

int
ent_elem(struct ui *ui, size_t pos, int elem)
{
	struct entui *eu = ui->eu;
	size_t lo = 0, hi;
	const struct dmention *m;

	if (eu == NULL || !ui->have_doc || eu->ndm == 0)
		return elem;
	hi = eu->ndm;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (eu->dm[mid].start <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return elem;
	m = &eu->dm[lo - 1];
	if (pos >= m->end)
		return elem;
	if (m->ent == marked_local(ui))
		return TH_MENTION_SELECTED;
	/* a flag stays visible over a mere type colour */
	if (elem == TH_FLAG || elem == TH_FLAG_NAME || elem == TH_FLAG_MINOR)
		return elem;
	return type_elem[ui->doc.an.ents.ents[m->ent].type];
}

/* --- mention jumps --------------------------------------------------------------- */

/* The next (dir > 0) or previous shown mention of entity k from pos, exclusive;
 * pos (size_t)-1 with dir > 0 finds the first. */
static size_t
mention_from(struct ui *ui, size_t k, size_t pos, int dir)
{
	const struct entity *en = &ui->doc.an.ents.ents[k];
	size_t i;

	if (dir > 0) {
		for (i = 0; i < en->nmentions; i++)
			if ((pos == (size_t)-1 || en->mentions[i].start > pos) &&
			    reader_shown(ui, en->mentions[i].start))
				return en->mentions[i].start;
	} else {
		for (i = en->nmentions; i > 0; i--)
			if (en->mentions[i - 1].start < pos &&
			    reader_shown(ui, en->mentions[i - 1].start))
				return en->mentions[i - 1].start;
	}
	return (size_t)-1;
}

/* The next article after (dir > 0) or before from that mentions the entity and
 * that the list shows; indexes as far as it has to. */
static size_t
article_with(struct ui *ui, const char *name, enum entity_type type, size_t from,
    int dir)
{
	struct entui *eu = eu_get(ui);
	const struct corpus_entity *ce;
	size_t a;

	index_start(ui);
	/* the articles before from, all of them; after it, only as far as needed */
	while (dir < 0 && eu->next < from && !index_done(ui))
		index_one(ui);
	for (;;) {
		ce = corpus_index_find(&eu->ci, name, type);
		a = corpus_entity_next(ce, from, dir);
		if (a != (size_t)-1) {
			if (!filter_has(ui, a)) {
				from = a;
				continue;
			}
			return a;
		}
		if (dir < 0 || index_done(ui))
			return (size_t)-1;
		index_one(ui);
	}
}

/* The next (dir > 0) or previous mention of the selected entity from the cursor,
 * then on into the articles after or before; with here 0, the articles after or
 * before from only ((size_t)-1: from the first). */
static int
mention_jump_from(struct ui *ui, int dir, int here, size_t from)
{
	struct entui *eu = eu_get(ui);
	const char *name;
	enum entity_type type;
	size_t k, pos, a;
	char *san;

	if (!select_current(ui)) {
		ui_message(ui, 0, "no entity selected: Tab to the entity panel, j and k "
		    "choose one");
		return H_HANDLED;
	}
	name = eu->sel_name;
	type = eu->sel_type;
	eu->mention_mode = 1;
	if (here && ui->have_doc &&
	    (k = doc_entity(ui, name, type)) != (size_t)-1) {
		pos = mention_from(ui, k, ui->doc.cursor, dir);
		if (pos != (size_t)-1) {
			reader_cursor_to(ui, pos);
			ui->status_dirty = 1;
			return H_HANDLED;
		}
	}
	/* on into the next article that mentions it */
	if (!here)
		;
	else if (ui->have_doc)
		from = ui->doc.eidx;
	else
		from = dir > 0 ? ui->sel - 1 : ui->sel + 1;	/* sel itself counts */
	for (;;) {
		a = article_with(ui, name, type, from, dir);
		if (a == (size_t)-1) {
			san = text_sanitize(name, strlen(name), 40);
			ui_message(ui, 0, "no more mentions of %s %s", san, dir > 0 ?
			    "below" : "above");
			free(san);
			ui->status_dirty = 1;
			return H_HANDLED;
		}
		reader_open(ui, a);
		if (!ui->have_doc)
			return H_HANDLED;
		ui->sel = a;
		list_show_sel(ui);
		k = doc_entity(ui, name, type);
		/* from the top going down, from the end going up */
		pos = k == (size_t)-1 ? (size_t)-1 :
		    mention_from(ui, k, dir > 0 ? (size_t)-1 : (size_t)-1 / 2, dir);
		if (pos != (size_t)-1)
			break;
		from = a;	/* all its mentions hidden: on to the next */
	}
	reader_cursor_to(ui, pos);
	if (ui->npanes == 1 && ui->focus != P_READER) {
		ui->focus = P_READER;
		return H_HANDLED | H_RELAYOUT;
	}
	return H_HANDLED | H_REDRAW;
}

static int
mention_jump(struct ui *ui, int dir)
{
	return mention_jump_from(ui, dir, 1, 0);
}

/* --- keys ------------------------------------------------------------------------ */

static int
panel_rows(struct ui *ui)
{
	int h = ui->panes[P_ENTITIES].h - 1;

	return h < 1 ? 1 : h;
}

static void
panel_move(struct ui *ui, int action)
{
	struct entui *eu = eu_get(ui);
	size_t i = eu->pcur, step, h = (size_t)panel_rows(ui);

	if (!has_entities(ui))
		return;
	switch (action) {
	case ACT_DOWN:
		for (i = eu->pcur + 1; i < eu->nitems && eu->items[i].heading; i++)
			;
		break;
	case ACT_UP:
		for (i = eu->pcur; i > 0 && eu->items[i - 1].heading; i--)
			;
		i = i > 0 ? i - 1 : eu->pcur;
		break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN:
		step = action == ACT_PAGE_DOWN ? h : (h + 1) / 2;
		i = eu->pcur + step < eu->nitems ? eu->pcur + step : eu->nitems - 1;
		break;
	case ACT_PAGE_UP: case ACT_HALF_UP:
		step = action == ACT_PAGE_UP ? h : (h + 1) / 2;
		i = eu->pcur > step ? eu->pcur - step : 0;
		break;
	case ACT_TOP:
		i = 0;
		break;
	case ACT_BOTTOM:
		i = eu->nitems - 1;
		break;
	}
	/* land on an entity row, looking forward first */
	if (i >= eu->nitems)
		i = eu->pcur;
	while (i < eu->nitems && eu->items[i].heading)
		i++;
	if (i >= eu->nitems)
		for (i = eu->nitems; i > 0 && eu->items[i - 1].heading; i--)
			;
	if (i >= eu->nitems || eu->items[i].heading)
		return;
	eu->pcur = i;
	select_set(ui, eu->items[i].name, eu->items[i].type);
}

static int
do_filter(struct ui *ui)
{
	struct entui *eu = eu_get(ui);

	if (!select_current(ui)) {
		ui_message(ui, 0, "no entity selected: Tab to the entity panel, j and k "
		    "choose one");
		return H_HANDLED;
	}
	free(eu->filt_name);
	eu->filt_name = xstrdup(eu->sel_name);
	eu->filt_type = eu->sel_type;
	index_start(ui);
	ui->ltop = 0;
	filter_fix_sel(ui);
	list_show_sel(ui);
	ui->panes[P_LIST].dirty = 1;
	ui->status_dirty = 1;
	return H_HANDLED;
}

int
ent_action(struct ui *ui, int action)
{
	struct entui *eu = eu_get(ui);
	size_t k, pos;
	int r;

	switch (action) {
	case ACT_MENTION_NEXT:
	case ACT_MENTION_PREV:
		return mention_jump(ui, action == ACT_MENTION_NEXT ? 1 : -1);
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV:
		if (!eu->mention_mode || eu->sel_name == NULL)
			return 0;
		return mention_jump(ui, action == ACT_SEARCH_NEXT ? 1 : -1);
	case ACT_SEARCH:
		eu->mention_mode = 0;
		return 0;
	case ACT_FILTER:
		return do_filter(ui);
	case ACT_ENTITY_SCOPE:
		eu->corpus = !eu->corpus;
		if (eu->corpus)
			index_start(ui);
		items_build(ui);
		eu->ptop = 0;
		ui->panes[P_ENTITIES].dirty = 1;
		ui->panes[P_READER].dirty = 1;
		ui->status_dirty = 1;
		if (!ui->panes[P_ENTITIES].visible)
			ui_message(ui, 0, "entity panel: %s (the terminal is too narrow to "
			    "show it)", eu->corpus ? "whole corpus" : "this article");
		return H_HANDLED;
	case ACT_CANCEL:
		eu->mention_mode = 0;
		if (filtering(ui))
			filter_clear(ui);
		else if (eu->sel_name != NULL) {
			free(eu->sel_name);
			eu->sel_name = NULL;
			eu->sel_gen++;
			ui->panes[P_READER].dirty = 1;
			ui->panes[P_ENTITIES].dirty = 1;
		}
		return 0;	/* the search highlight goes too */
	}
	if (ui->focus != P_ENTITIES)
		return 0;
	switch (action) {
	case ACT_DOWN: case ACT_UP: case ACT_PAGE_DOWN: case ACT_PAGE_UP:
	case ACT_HALF_DOWN: case ACT_HALF_UP: case ACT_TOP: case ACT_BOTTOM:
		panel_move(ui, action);
		ui->panes[P_ENTITIES].dirty = 1;
		ui->panes[P_READER].dirty = 1;
		ui->status_dirty = 1;
		return H_HANDLED;
	case ACT_OPEN:
		/* the first mention in this article, or the next article with one */
		if (!select_current(ui))
			return H_HANDLED;
		k = doc_entity(ui, eu->sel_name, eu->sel_type);
		if (k != (size_t)-1 &&
		    (pos = mention_from(ui, k, (size_t)-1, 1)) != (size_t)-1) {
			eu->mention_mode = 1;
			reader_cursor_to(ui, pos);
			r = H_HANDLED;
		} else	/* not here: the first article that mentions it */
			r = mention_jump_from(ui, 1, 0, (size_t)-1);
		if (ui->have_doc) {
			ui->focus = P_READER;
			r |= H_REDRAW;
		}
		return r;
	}
	return 0;
}

/* --- drawing --------------------------------------------------------------------- */

void
ent_status(struct ui *ui, char *buf, size_t len)
{
	struct entui *eu = ui->eu;
	const struct corpus_entity *ce;
	const char *name;
	enum entity_type type;
	size_t k, i, at = 0, n = 0, l = strlen(buf);
	char *san;

	if (eu == NULL)
		return;
	if (cur_sel(ui, &name, &type)) {
		if ((k = doc_entity(ui, name, type)) != (size_t)-1) {
			const struct entity *en = &ui->doc.an.ents.ents[k];

			n = en->nmentions;
			for (i = 0; i < n; i++)
				if (en->mentions[i].start <= ui->doc.cursor)
					at = i + 1;
		}
		san = text_sanitize(name, strlen(name), 30);
		if (ui->have_doc)
			snprintf(buf + l, len - l, " \xc2\xb7 %s %zu/%zu", san, at, n);
		else
			snprintf(buf + l, len - l, " \xc2\xb7 %s", san);
		free(san);
		l = strlen(buf);
		/* with the panel on the corpus, the corpus-wide figures too */
		if (eu->corpus && (ce = corpus_index_find(&eu->ci, name, type)) != NULL) {
			snprintf(buf + l, len - l, " (%zu in %zu article%s)", ce->total,
			    ce->ndocs, ce->ndocs == 1 ? "" : "s");
			l = strlen(buf);
		}
	}
	if (ent_busy(ui))
		snprintf(buf + l, len - l, " \xc2\xb7 indexing %zu/%zu", eu->next, ui->nents);
}

void
ent_draw(struct ui *ui, struct pane *p)
{
	struct entui *eu = eu_get(ui);
	WINDOW *w = p->win;
	int y, h = p->h - 1, last = (p->x + p->w == COLS);
	int width = p->w - 1 - (last ? 1 : 0), cw, nw, elem;
	size_t i;
	char hdr[64], cnt[24], *t;
	const char *name;
	enum entity_type type;
	int marked;

	if (eu->corpus) {
		/* the frame said "entities"; this says whose */
		if (!index_done(ui))
			snprintf(hdr, sizeof hdr, " corpus \xc2\xb7 indexing %zu/%zu ",
			    eu->next, ui->nents);
		else
			snprintf(hdr, sizeof hdr, " corpus \xc2\xb7 %zu article%s ",
			    ui->nents, ui->nents == 1 ? "" : "s");
		if (text_width(hdr, strlen(hdr)) > width - 1) {
			if (index_done(ui))
				snprintf(hdr, sizeof hdr, " corpus (%zu) ", ui->nents);
			else
				snprintf(hdr, sizeof hdr, " corpus %zu/%zu ", eu->next,
				    ui->nents);
		}
		ui_style(ui, w, TH_HEADER, ui->focus == P_ENTITIES ? A_BOLD | A_REVERSE : 0);
		t = text_sanitize(hdr, strlen(hdr), width - 1 > 0 ? width - 1 : 0);
		mvwaddstr(w, 0, 1, t);
		free(t);
	}
	if (width < 4)
		return;
	if (!eu->corpus && !ui->have_doc) {
		ui_style(ui, w, TH_DIM, 0);
		mvwaddnstr(w, 1, 1, " open an article", width);
		return;
	}
	if (eu->nitems == 0)
		items_build(ui);
	marked = cur_sel(ui, &name, &type);
	/* keep the cursor row in view */
	if (eu->pcur < eu->ptop)
		eu->ptop = eu->pcur > 0 && eu->items[eu->pcur - 1].heading ? eu->pcur - 1 :
		    eu->pcur;
	else if (eu->pcur >= eu->ptop + (size_t)h)
		eu->ptop = eu->pcur - (size_t)h + 1;
	for (y = 0; y < h; y++) {
		const struct item *it;

		i = eu->ptop + (size_t)y;
		if (i >= eu->nitems)
			break;
		it = &eu->items[i];
		wmove(w, y + 1, 1);
		if (it->heading) {
			ui_style(ui, w, TH_HEADER, 0);
			t = text_sanitize(it->name, strlen(it->name), width - 1);
			waddstr(w, " ");
			waddstr(w, t);
			free(t);
			continue;
		}
		elem = type_elem[it->type];
		if (i == eu->pcur && ui->focus == P_ENTITIES)
			elem = TH_LIST_SELECTED;
		else if (marked && it->type == type && strcmp(it->name, name) == 0)
			elem = TH_LIST_SELECTED_INACTIVE;
		snprintf(cnt, sizeof cnt, " %zu", it->count);
		cw = (int)strlen(cnt);
		nw = width - 2 - cw;
		ui_style(ui, w, elem, 0);
		whline(w, ' ', width);
		wmove(w, y + 1, 2);
		if (nw > 0) {
			t = text_sanitize(it->name, strlen(it->name), nw);
			waddstr(w, t);
			free(t);
		}
		mvwaddstr(w, y + 1, 1 + width - cw - 1, cnt);
	}
}
