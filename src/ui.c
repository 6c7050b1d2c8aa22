/* ui.c - the curses reader: corpus, layout, the key loop, status line, help, colours
 *
 * One loop on the main thread: read a key, let a handler change the model and say
 * what changed (H_* flags), then ui_draw() repaints only dirty panes with
 * wnoutrefresh() and one doupdate(). ncurses' own SIGWINCH handling delivers
 * KEY_RESIZE, which re-lays out everything.
 *
 * Problems (unreadable files, a broken config) never go to stdout or stderr while
 * curses owns the screen: the newest shows in the status line, ":messages" lists
 * them all, and they are printed to stderr after the screen is given back. */
#include <config.h>

#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <unistd.h>
#include <wchar.h>

#include "ui_int.h"
#include "lede/ingest.h"
#include "lede/msg.h"
#include "lede/paths.h"
#include "lede/ui.h"
#include "lede/util.h"

#define MIN_COLS	40
#define MIN_LINES	10

static int	 curses_on;
/* Set by SIGINT, SIGTERM and SIGHUP; the loop ends and gives the terminal back. */
static volatile sig_atomic_t quit_signal;
/* Set by SIGCONT: the terminal may have been resized while lede was stopped, and
 * no SIGWINCH reaches a stopped process group. */
static volatile sig_atomic_t cont_signal;

static void
on_quit_signal(int sig)
{
	quit_signal = sig;
}

/* Resumed inside curses' own stop handler, whose read is then restarted: a timer's
 * signal (no SA_RESTART) interrupts that read soon after, so the loop looks. */
static void
on_cont_signal(int sig)
{
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };

	(void)sig;
	cont_signal = 1;
	setitimer(ITIMER_REAL, &it, NULL);
}

static void
on_alarm_signal(int sig)
{
	(void)sig;
}

/* After a resume: when the terminal's size differs from curses', resizeterm()
 * queues KEY_RESIZE, and the loop lays the panes out again. */
static void
size_recheck(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
}

static void
signals_init(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: get_wch() returns and the loop sees it */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_cont_signal;
	sigaction(SIGCONT, &sa, NULL);
	sa.sa_handler = on_alarm_signal;
	sigaction(SIGALRM, &sa, NULL);
}

void
ui_message(struct ui *ui, int level, const char *fmt, ...)
{
	va_list ap;
	char *m;

	va_start(ap, fmt);
	if (vasprintf(&m, fmt, ap) == -1)
		m = xstrdup("(out of memory)");
	va_end(ap);
	if (level == MSG_PROBLEM) {
		ui->msgs = xreallocarray(ui->msgs, ui->nmsgs + 1, sizeof *ui->msgs);
		ui->msgs[ui->nmsgs++] = xstrdup(m);
	}
	free(ui->status_msg);
	ui->status_msg = m;
	ui->status_err = level != MSG_INFO;
	ui->status_dirty = 1;
}

static void	status_draw(struct ui *);

void
ui_busy(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	char *m;

	if (!curses_on || ui->status == NULL || ui->too_small)
		return;
	va_start(ap, fmt);
	if (vasprintf(&m, fmt, ap) == -1)
		m = NULL;
	va_end(ap);
	if (m == NULL)
		return;
	free(ui->status_msg);
	ui->status_msg = m;
	ui->status_err = 0;
	status_draw(ui);
	wnoutrefresh(ui->status);
	doupdate();
	/* the message is gone with the next key, like any other */
	ui->status_dirty = 1;
}

static void
warn_cb(const char *msg, void *ctx)
{
	ui_message(ctx, MSG_PROBLEM, "%s", msg);
}

/* --- colours and styles ---------------------------------------------------------- */

static attr_t
theme_attrs(unsigned a)
{
	attr_t r = A_NORMAL;

	if (a & THEME_BOLD)
		r |= A_BOLD;
	if (a & THEME_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & THEME_REVERSE)
		r |= A_REVERSE;
	if (a & THEME_DIM)
		r |= A_DIM;
	if (a & THEME_ITALIC)
		r |= A_ITALIC;
	return r;
}

/* What an element needs to stay visible when its theme gives it nothing that shows
 * (no colours in use, or a theme that only sets colours). */
static attr_t
fallback_attrs(int elem)
{
	switch (elem) {
	case TH_SEARCH:
	case TH_MENTION_SELECTED:
		return A_BOLD | A_UNDERLINE;
	case TH_CURSOR:
	case TH_LIST_SELECTED:
	case TH_STATUS:
	case TH_SELECTION:
		return A_REVERSE;
	case TH_LIST_SELECTED_INACTIVE:
	case TH_HEADER:
	case TH_PLACEHOLDER:
	case TH_MARGIN:
	case TH_TITLE:
	case TH_STATUS_ERROR:
		return A_BOLD;
	case TH_FLAG:
	case TH_HIGHLIGHT:
		return A_UNDERLINE;
	case TH_FLAG_NAME:
		return A_BOLD | A_UNDERLINE;
	case TH_FLAG_MINOR:
		return A_DIM | A_UNDERLINE;
	case TH_NOTE:
		return A_UNDERLINE | A_ITALIC;
	case TH_TAG:
		return A_UNDERLINE | A_DIM;
	case TH_DIM:
		return A_DIM;
	default:
		return A_NORMAL;
	}
}

static void
colors_init(struct ui *ui)
{
	const char *nc = getenv("NO_COLOR");
	int i, fg, bg;

	ui->color = !(nc != NULL && nc[0] != '\0') && has_colors();
	if (ui->color) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < TH_COUNT; i++) {
		const struct theme_style *st = &ui->theme.st[i];

		ui->attr[i] = theme_attrs(st->attrs);
		ui->pair[i] = 0;
		fg = st->fg;
		bg = st->bg;
		if (ui->color && COLORS < 256) {
			fg = fg < 0 ? -1 : theme_color_fallback(fg, COLORS);
			bg = bg < 0 ? -1 : theme_color_fallback(bg, COLORS);
		}
		if (ui->color && (fg >= 0 || bg >= 0) && i + 1 < COLOR_PAIRS) {
			init_extended_pair(i + 1, fg, bg);
			ui->pair[i] = i + 1;
		}
		if (ui->attr[i] == A_NORMAL && ui->pair[i] == 0)
			ui->attr[i] = fallback_attrs(i);
	}
	/* the status line must stand out; an error in it more so */
	if (ui->pair[TH_STATUS_ERROR] == 0)
		ui->attr[TH_STATUS_ERROR] |= ui->attr[TH_STATUS];
}

void
ui_style(struct ui *ui, WINDOW *w, int elem, attr_t extra)
{
	int pair = ui->pair[elem];

	wattr_set(w, ui->attr[elem] | extra, (short)(pair < 256 ? pair : 0), &pair);
}

static int
is_dropped(uint32_t c)
{
	/* format characters the terminal might join or reorder with: not drawn */
	return c == 0xad || (c >= 0x200b && c <= 0x200f) || (c >= 0x2060 && c <= 0x2064) ||
	    c == 0xfeff || (c >= 0xfe00 && c <= 0xfe0f);
}

/* Draw one grapheme cluster in exactly width columns, whatever the terminal would
 * count: only the parts that fit (an emoji sequence shows its first emoji). */
void
ui_draw_cluster(WINDOW *w, const char *s, size_t n, int width, attr_t attr, int pair)
{
	wchar_t wc[CCHARW_MAX + 1];
	cchar_t cc;
	size_t i = 0, k;
	uint32_t c;
	int nwc = 0, used = 0, cw, stop = 0;

	while (i < n && !stop) {
		k = text_decode(s + i, n - i, &c);
		i += k;
		if (is_dropped(c))
			continue;
		cw = wcwidth((wchar_t)c);
		if (cw < 0)
			continue;
		if (cw > 0) {
			if (nwc > 0) {
				wc[nwc] = L'\0';
				setcchar(&cc, wc, attr, (short)(pair < 256 ? pair : 0), &pair);
				wadd_wch(w, &cc);
				nwc = 0;
			}
			if (used + cw > width) {
				stop = 1;
				break;
			}
			wc[nwc++] = (wchar_t)c;
			used += cw;
		} else {
			if (nwc == 0) {
				if (used + 1 > width)
					continue;
				wc[nwc++] = L' ';	/* a mark without a base */
				used++;
			}
			if (nwc < CCHARW_MAX)
				wc[nwc++] = (wchar_t)c;
		}
	}
	if (nwc > 0) {
		wc[nwc] = L'\0';
		setcchar(&cc, wc, attr, (short)(pair < 256 ? pair : 0), &pair);
		wadd_wch(w, &cc);
	}
	for (; used < width; used++)
		waddch(w, ' ');
}

/* --- layout ---------------------------------------------------------------------- */

static const char *const pane_names[P_COUNT] = { "articles", "reading view", "entities" };

static void
windows_free(struct ui *ui)
{
	int i;

	for (i = 0; i < P_COUNT; i++) {
		if (ui->panes[i].win != NULL)
			delwin(ui->panes[i].win);
		ui->panes[i].win = NULL;
		ui->panes[i].visible = 0;
	}
	if (ui->status != NULL)
		delwin(ui->status);
	if (ui->ovwin != NULL)
		delwin(ui->ovwin);
	ui->status = ui->ovwin = NULL;
}

static void
place(struct ui *ui, int p, int x, int w)
{
	struct pane *pn = &ui->panes[p];

	pn->x = x;
	pn->y = 0;
	pn->w = w;
	pn->h = LINES - 1;
	pn->visible = 1;
	pn->dirty = 1;
	pn->name = pane_names[p];
	pn->win = newwin(pn->h, pn->w, 0, x);
}

static void
layout(struct ui *ui)
{
	int W = COLS, H = LINES, lw, ew, one;
	struct pane *r;

	windows_free(ui);
	ui->too_small = W < MIN_COLS || H < MIN_LINES;
	if (ui->too_small)
		return;
	ui->npanes = W >= 100 ? 3 : W >= 60 ? 2 : 1;
	if (ui->npanes == 3) {
		ew = ui->cfg.entity_width > 0 ? ui->cfg.entity_width : W / 5;
		lw = ui->cfg.list_width > 0 ? ui->cfg.list_width : W * 28 / 100;
		if (lw + ew > W - 30)
			lw = W * 28 / 100, ew = W / 5;
		place(ui, P_LIST, 0, lw);
		place(ui, P_READER, lw, W - lw - ew);
		place(ui, P_ENTITIES, W - ew, ew);
	} else if (ui->npanes == 2) {
		lw = ui->cfg.list_width > 0 ? ui->cfg.list_width : W / 3;
		if (lw > W - 30)
			lw = W / 3;
		place(ui, P_LIST, 0, lw);
		place(ui, P_READER, lw, W - lw);
		if (ui->focus == P_ENTITIES)
			ui->focus = P_READER;
	} else {
		/* one pane: the focused one (the entity panel needs room) */
		if (ui->focus == P_ENTITIES)
			ui->focus = P_READER;
		one = ui->focus == P_READER && ui->have_doc ? P_READER : P_LIST;
		ui->focus = one;
		place(ui, one, 0, W);
	}
	ui->status = newwin(1, W, H - 1, 0);
	ui->ovwin = newwin(H - 1, W, 0, 0);
	ui->status_dirty = 1;
	r = &ui->panes[P_READER];
	if (r->visible)
		reader_layout(ui, r->w - 2 - (r->x + r->w == W ? 1 : 0));
	else	/* the width the reader will have when it shows */
		reader_layout(ui, W - 3);
	if (ui->panes[P_LIST].visible)
		list_show_sel(ui);
}

static void
all_dirty(struct ui *ui)
{
	int i;

	for (i = 0; i < P_COUNT; i++)
		ui->panes[i].dirty = 1;
	ui->status_dirty = 1;
}

/* --- drawing --------------------------------------------------------------------- */

static void
frame_draw(struct ui *ui, int p)
{
	struct pane *pn = &ui->panes[p];
	WINDOW *w = pn->win;
	int last = pn->x + pn->w == COLS;
	char hdr[160];

	werase(w);
	ui_style(ui, w, TH_BORDER, 0);
	mvwhline(w, 0, 0, ACS_HLINE, pn->w);
	mvwvline(w, 1, 0, ACS_VLINE, pn->h - 1);
	mvwaddch(w, 0, 0, pn->x == 0 ? ACS_ULCORNER : ACS_TTEE);
	if (last) {
		mvwvline(w, 1, pn->w - 1, ACS_VLINE, pn->h - 1);
		mvwaddch(w, 0, pn->w - 1, ACS_URCORNER);
	}
	if (p == P_LIST)
		filter_header(ui, hdr, sizeof hdr);
	else
		snprintf(hdr, sizeof hdr, " %s ", pn->name);
	ui_style(ui, w, TH_HEADER, ui->focus == p ? A_BOLD | A_REVERSE : 0);
	mvwaddnstr(w, 0, 1, hdr, pn->w - 2 - last);
}

/* A message that names a long path keeps its file name and the problem when the
 * status line is short: the directories give way first. */
static void
shorten_message(const char *m, int avail, char *out, size_t len)
{
	const char *colon = strstr(m, ": "), *slash = NULL, *p;

	snprintf(out, len, "%s", m);
	if (text_width(m, strlen(m)) <= avail || colon == NULL)
		return;
	for (p = m; p < colon; p++)
		if (*p == '/')
			slash = p;
	if (slash != NULL)
		snprintf(out, len, "\xe2\x80\xa6%s", slash);
}

static void
status_draw(struct ui *ui)
{
	WINDOW *w = ui->status;
	char buf[512], pend[32], name[16];
	const char *right = "? help";
	int i, elem = TH_STATUS, rw;
	char *t;

	if (annui_status_draw(ui, w))
		return;
	werase(w);
	ui_style(ui, w, TH_STATUS, 0);
	mvwhline(w, 0, 0, ' ', COLS);
	pend[0] = '\0';
	for (i = 0; i < ui->npending; i++)
		strncat(pend, keyc_name(ui->pending[i], name, sizeof name),
		    sizeof pend - strlen(pend) - 2);
	if (ui->npending > 0) {
		strcat(pend, "-");
		right = pend;
	}
	if (ui->mode == M_PROMPT) {
		snprintf(buf, sizeof buf, "%c%.*s", ui->prompt_kind, (int)ui->prompt_len,
		    ui->prompt);
		right = "";
	} else if (ui->status_msg != NULL) {
		shorten_message(ui->status_msg, COLS - (int)strlen(right) - 3, buf,
		    sizeof buf);
		if (ui->status_err)
			elem = TH_STATUS_ERROR;
	} else if (ui->mode == M_HELP)
		snprintf(buf, sizeof buf, "help \xc2\xb7 q closes");
	else if (ui->mode == M_MESSAGES)
		snprintf(buf, sizeof buf, "%zu message%s \xc2\xb7 q closes", ui->nmsgs,
		    ui->nmsgs == 1 ? "" : "s");
	else if (ui->focus == P_LIST || !ui->have_doc)
		snprintf(buf, sizeof buf, "article %zu/%zu%s", filter_len(ui) ?
		    filter_pos(ui, ui->sel) + 1 : 0, filter_len(ui),
		    ui->nmsgs ? " \xc2\xb7 :messages" : "");
	else
		reader_status(ui, buf, sizeof buf);
	if (ui->mode == M_NORMAL && ui->status_msg == NULL)
		ent_status(ui, buf, sizeof buf);
	rw = (int)strlen(right);
	t = text_sanitize(buf, strlen(buf), COLS - rw - 3 > 0 ? COLS - rw - 3 : 0);
	ui_style(ui, w, elem, 0);
	mvwaddstr(w, 0, 1, t);
	if (ui->mode == M_PROMPT) {
		ui_style(ui, w, TH_CURSOR, A_REVERSE);
		waddch(w, ' ');
	}
	free(t);
	ui_style(ui, w, TH_STATUS, 0);
	if (rw > 0)
		mvwaddstr(w, 0, COLS - rw - 1, right);
}

static void
overlay_draw(struct ui *ui)
{
	WINDOW *w = ui->ovwin;
	int y, h = LINES - 1;
	size_t i;

	werase(w);
	ui_style(ui, w, TH_BORDER, 0);
	mvwhline(w, 0, 0, ACS_HLINE, COLS);
	ui_style(ui, w, TH_HEADER, A_BOLD);
	mvwprintw(w, 0, 1, " %s ", ui->ov.title);
	for (y = 1; y < h; y++) {
		i = ui->ov.top + (size_t)(y - 1);
		if (i >= ui->ov.n)
			break;
		ui_style(ui, w, ui->ov.lines[i][0] != ' ' ? TH_HEADER : TH_NORMAL, 0);
		mvwaddstr(w, y, 1, ui->ov.lines[i]);
	}
}

static void
ui_draw(struct ui *ui)
{
	int i;

	if (ui->too_small) {
		char m[80];

		werase(stdscr);
		mvaddnstr(LINES / 2 - 1, 0, "terminal too small", COLS);
		snprintf(m, sizeof m, "%dx%d, need %dx%d", COLS, LINES, MIN_COLS, MIN_LINES);
		mvaddnstr(LINES / 2, 0, m, COLS);
		mvaddnstr(LINES / 2 + 1, 0, "(Q quits)", COLS);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	/* get_wch() refreshes stdscr when it changed (after a resize it has): make it
	 * clean first, so that refresh cannot paint a blank stdscr over the panes */
	if (is_wintouched(stdscr)) {
		werase(stdscr);
		wnoutrefresh(stdscr);
	}
	if (ui->mode == M_HELP || ui->mode == M_MESSAGES || annui_listing(ui)) {
		if (ui->panes[P_READER].dirty || ui->panes[P_LIST].dirty) {
			if (annui_listing(ui))
				annui_list_draw(ui);
			else
				overlay_draw(ui);
			wnoutrefresh(ui->ovwin);
			for (i = 0; i < P_COUNT; i++)
				ui->panes[i].dirty = 0;
		}
	} else {
		for (i = 0; i < P_COUNT; i++) {
			struct pane *p = &ui->panes[i];

			if (!p->visible || !p->dirty)
				continue;
			frame_draw(ui, i);
			if (i == P_LIST)
				list_draw(ui, p);
			else if (i == P_READER)
				reader_draw(ui, p);
			else
				ent_draw(ui, p);
			touchwin(p->win);
			wnoutrefresh(p->win);
			p->dirty = 0;
		}
	}
	if (ui->status_dirty) {
		status_draw(ui);
		wnoutrefresh(ui->status);
		ui->status_dirty = 0;
	}
	doupdate();
}

/* --- overlays: help and messages ------------------------------------------------- */

static void
overlay_free(struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->ov.n; i++)
		free(ui->ov.lines[i]);
	free(ui->ov.lines);
	free(ui->ov.title);
	memset(&ui->ov, 0, sizeof ui->ov);
}

static void
overlay_add(struct ui *ui, const char *s)
{
	ui->ov.lines = xreallocarray(ui->ov.lines, ui->ov.n + 1, sizeof *ui->ov.lines);
	ui->ov.lines[ui->ov.n++] = text_sanitize(s, strlen(s), COLS - 2);
}

/* The help screen is generated from the key table, so it shows rebound keys. */
static void
help_open(struct ui *ui)
{
	static const char *const groups[] = { "move", "articles", "search", "flags",
	    "annotations", "view" };
	size_t g;
	int a;
	char *keys, *line;

	overlay_free(ui);
	ui->ov.title = xstrdup("help: keys");
	for (g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		overlay_add(ui, groups[g]);
		for (a = 0; a < ACT_COUNT; a++) {
			if (strcmp(key_actions[a].group, groups[g]) != 0)
				continue;
			keys = keymap_describe(&ui->km, a);
			line = xasprintf("  %-20s %s", keys[0] ? keys : "(unbound)",
			    key_actions[a].help);
			overlay_add(ui, line);
			free(line);
			free(keys);
		}
	}
	ui->mode = M_HELP;
	all_dirty(ui);
}

static void
messages_open(struct ui *ui)
{
	size_t i;

	overlay_free(ui);
	ui->ov.title = xasprintf("messages (%zu)", ui->nmsgs);
	if (ui->nmsgs == 0)
		overlay_add(ui, "  no problems so far");
	for (i = 0; i < ui->nmsgs; i++) {
		char *l = xasprintf("  %s", ui->msgs[i]);

		overlay_add(ui, l);
		free(l);
	}
	ui->mode = M_MESSAGES;
	all_dirty(ui);
}

static int
overlay_key(struct ui *ui, int action)
{
	size_t h = (size_t)(LINES - 2), max = ui->ov.n > h ? ui->ov.n - h : 0;

	switch (action) {
	case ACT_DOWN:
		if (ui->ov.top < max)
			ui->ov.top++;
		break;
	case ACT_UP:
		if (ui->ov.top > 0)
			ui->ov.top--;
		break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN:
		ui->ov.top = ui->ov.top + h < max ? ui->ov.top + h : max;
		break;
	case ACT_PAGE_UP: case ACT_HALF_UP:
		ui->ov.top = ui->ov.top > h ? ui->ov.top - h : 0;
		break;
	case ACT_TOP:
		ui->ov.top = 0;
		break;
	case ACT_BOTTOM:
		ui->ov.top = max;
		break;
	case ACT_QUIT:
		return H_QUIT;
	case ACT_BACK: case ACT_HELP: case ACT_CANCEL: case ACT_OPEN:
		ui->mode = M_NORMAL;
		overlay_free(ui);
		all_dirty(ui);
		return H_REDRAW;
	default:
		return H_HANDLED;
	}
	all_dirty(ui);
	return H_HANDLED;
}

/* --- the prompt: / and : --------------------------------------------------------- */

static void
prompt_start(struct ui *ui, char kind)
{
	ui->mode = M_PROMPT;
	ui->prompt_kind = kind;
	ui->prompt_len = 0;
	ui->status_dirty = 1;
	ui->panes[P_READER].dirty = 1;
}

static int
command_run(struct ui *ui, const char *cmd)
{
	while (*cmd == ' ')
		cmd++;
	if (strcmp(cmd, "q") == 0 || strcmp(cmd, "quit") == 0)
		return H_QUIT;
	if (strncmp(cmd, "mes", 3) == 0 && strncmp(cmd, "messages", strlen(cmd)) == 0) {
		messages_open(ui);
		return H_HANDLED;
	}
	if (strcmp(cmd, "help") == 0 || strcmp(cmd, "h") == 0) {
		help_open(ui);
		return H_HANDLED;
	}
	if (*cmd != '\0')
		ui_message(ui, 1, "unknown command: %s (try :messages, :help, :quit)", cmd);
	return H_HANDLED;
}

static int
prompt_key(struct ui *ui, int key)
{
	char line[sizeof ui->prompt + 1];

	if (key == KEY_ESC || key == KEY_CTRL('g')) {
		ui->mode = M_NORMAL;
	} else if (key == KEY_ENTER_C) {
		memcpy(line, ui->prompt, ui->prompt_len);
		line[ui->prompt_len] = '\0';
		ui->mode = M_NORMAL;
		ui->status_dirty = 1;
		ui->panes[P_READER].dirty = 1;
		if (ui->prompt_kind == ':')
			return command_run(ui, line);
		if (line[0] != '\0') {
			if (!ui->have_doc) {
				reader_open(ui, ui->sel);
				if (!ui->have_doc)
					return H_HANDLED;
			}
			free(ui->doc.pat);
			ui->doc.pat = xstrdup(line);
			reader_search(ui, 1, 1);
			if (ui->panes[P_READER].visible == 0 || ui->npanes == 1) {
				ui->focus = P_READER;
				return H_RELAYOUT;
			}
			ui->focus = P_READER;
			all_dirty(ui);
		}
	} else if (key == KEYC_BACKSPACE) {
		if (ui->prompt_len == 0)
			ui->mode = M_NORMAL;
		while (ui->prompt_len > 0 &&
		    ((unsigned char)ui->prompt[--ui->prompt_len] & 0xc0) == 0x80)
			;
	} else if (key == KEY_CTRL('u')) {
		ui->prompt_len = 0;
	} else if (key >= 0x20 && key < 0x110000 && key != 0x7f) {
		char u[8];
		size_t n;

		keyc_name(key, u, sizeof u);
		if (key == ' ')
			strcpy(u, " ");
		n = strlen(u);
		if (ui->prompt_len + n < sizeof ui->prompt)
			memcpy(ui->prompt + ui->prompt_len, u, n), ui->prompt_len += n;
	}
	ui->status_dirty = 1;
	ui->panes[P_READER].dirty = 1;
	return H_HANDLED;
}

/* --- actions: a table from action to handler ------------------------------------ */

typedef int (*action_fn)(struct ui *, int action);

static int
focus_set(struct ui *ui, int p)
{
	int old = ui->focus;

	ui->focus = p;
	if (ui->npanes == 1 && old != p)
		return H_RELAYOUT;
	all_dirty(ui);
	return H_HANDLED;
}

static int
do_move(struct ui *ui, int action)
{
	if (ui->focus == P_READER)
		return reader_key(ui, action) | H_HANDLED;
	if (ui->focus == P_LIST)
		return list_key(ui, action) | H_HANDLED;
	return H_HANDLED;
}

static int
do_open(struct ui *ui, int action)
{
	int r;

	if (ui->focus != P_LIST)
		return H_HANDLED;
	r = list_key(ui, ACT_OPEN);
	if (ui->have_doc && ui->npanes == 1)
		r |= H_RELAYOUT;
	all_dirty(ui);
	return r;
}

static int
do_back(struct ui *ui, int action)
{
	if (ui->focus == P_LIST)
		return H_QUIT;
	return focus_set(ui, P_LIST);
}

static int
do_quit(struct ui *ui, int action)
{
	return H_QUIT;
}

static int
do_article(struct ui *ui, int action)
{
	size_t cur = ui->have_doc ? ui->doc.eidx : ui->sel;
	size_t n = filter_len(ui), pos = filter_pos(ui, cur);

	/* positions in the list as the entity filter shows it */
	if (n == 0)
		return H_HANDLED;
	if (action == ACT_NEXT_ARTICLE) {
		if (ui->have_doc && filter_has(ui, cur))
			pos++;
		if (pos >= n) {
			ui_message(ui, 0, "this is the last article");
			return H_HANDLED;
		}
	} else {
		if (ui->have_doc && pos == 0) {
			ui_message(ui, 0, "this is the first article");
			return H_HANDLED;
		}
		if (ui->have_doc || pos >= n)
			pos--;
	}
	ui->sel = filter_at(ui, pos);
	reader_open(ui, ui->sel);
	list_show_sel(ui);
	all_dirty(ui);
	return H_HANDLED;
}

static int
do_search(struct ui *ui, int action)
{
	prompt_start(ui, '/');
	return H_HANDLED;
}

static int
do_reader(struct ui *ui, int action)
{
	if (!ui->have_doc) {
		ui_message(ui, 0, "open an article first (Enter)");
		return H_HANDLED;
	}
	return reader_key(ui, action) | H_HANDLED;
}

static int
do_cancel(struct ui *ui, int action)
{
	if (ui->have_doc && ui->doc.pat != NULL) {
		free(ui->doc.pat);
		ui->doc.pat = NULL;
		ui->panes[P_READER].dirty = 1;
	}
	return H_HANDLED;
}

static int
do_help(struct ui *ui, int action)
{
	help_open(ui);
	return H_HANDLED;
}

static int
do_command(struct ui *ui, int action)
{
	prompt_start(ui, ':');
	return H_HANDLED;
}

static int
do_redraw(struct ui *ui, int action)
{
	clearok(curscr, TRUE);
	all_dirty(ui);
	return H_REDRAW;
}

static int
do_focus(struct ui *ui, int action)
{
	int order[P_COUNT], n = 0, i, cur = 0;

	if (ui->npanes == 1) {
		if (!ui->have_doc)
			return H_HANDLED;
		return focus_set(ui, ui->focus == P_LIST ? P_READER : P_LIST);
	}
	for (i = 0; i < P_COUNT; i++)
		if (ui->panes[i].visible)
			order[n++] = i;
	for (i = 0; i < n; i++)
		if (order[i] == ui->focus)
			cur = i;
	cur = action == ACT_FOCUS_NEXT ? (cur + 1) % n : (cur + n - 1) % n;
	return focus_set(ui, order[cur]);
}

static const action_fn handlers[ACT_COUNT] = {
	[ACT_DOWN] = do_move, [ACT_UP] = do_move, [ACT_PAGE_DOWN] = do_move,
	[ACT_PAGE_UP] = do_move, [ACT_HALF_DOWN] = do_move, [ACT_HALF_UP] = do_move,
	[ACT_TOP] = do_move, [ACT_BOTTOM] = do_move,
	[ACT_OPEN] = do_open, [ACT_BACK] = do_back, [ACT_QUIT] = do_quit,
	[ACT_NEXT_ARTICLE] = do_article, [ACT_PREV_ARTICLE] = do_article,
	[ACT_SEARCH] = do_search, [ACT_SEARCH_NEXT] = do_reader,
	[ACT_SEARCH_PREV] = do_reader,
	[ACT_MENTION_NEXT] = ent_action, [ACT_MENTION_PREV] = ent_action,
	[ACT_FLAG_NEXT] = do_reader, [ACT_FLAG_PREV] = do_reader,
	[ACT_ANNOT_NEXT] = annui_action, [ACT_ANNOT_PREV] = annui_action,
	[ACT_SELECT] = annui_action, [ACT_SELECT_PARA] = annui_action,
	[ACT_NOTE] = annui_action, [ACT_HIGHLIGHT] = annui_action, [ACT_TAG] = annui_action,
	[ACT_ANNOT_EDIT] = annui_action, [ACT_ANNOT_DELETE] = annui_action,
	[ACT_CANCEL] = do_cancel, [ACT_ANNOT_LIST] = annui_action,
	[ACT_FILTER] = ent_action, [ACT_ENTITY_SCOPE] = ent_action,
	[ACT_BOILERPLATE] = do_reader, [ACT_RAW] = do_reader,
	[ACT_SUGGESTIONS] = do_reader,
	[ACT_HELP] = do_help, [ACT_COMMAND] = do_command, [ACT_REDRAW] = do_redraw,
	[ACT_FOCUS_NEXT] = do_focus, [ACT_FOCUS_PREV] = do_focus,
};

/* A key from curses as lede's own key code, or -1. */
static int
key_from_curses(int r, wint_t ch)
{
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return KEYC_UP;
		case KEY_DOWN: return KEYC_DOWN;
		case KEY_LEFT: return KEYC_LEFT;
		case KEY_RIGHT: return KEYC_RIGHT;
		case KEY_HOME: return KEYC_HOME;
		case KEY_END: return KEYC_END;
		case KEY_PPAGE: return KEYC_PGUP;
		case KEY_NPAGE: return KEYC_PGDN;
		case KEY_BTAB: return KEYC_BTAB;
		case KEY_BACKSPACE: return KEYC_BACKSPACE;
		case KEY_DC: return KEYC_DELETE;
		case KEY_IC: return KEYC_INSERT;
		case KEY_ENTER: return KEY_ENTER_C;
		}
		if (ch >= KEY_F(1) && ch <= KEY_F(24))
			return KEYC_F0 + (int)(ch - KEY_F0);
		return -1;
	}
	if (ch == '\n' || ch == '\r')
		return KEY_ENTER_C;
	if (ch == 0x7f || ch == 0x08)
		return KEYC_BACKSPACE;
	return (int)ch;
}

static int
handle_key(struct ui *ui, int key)
{
	int keys[KEYSEQ_MAX], n, act, r;
	char name[16], name2[16];

	/* an overlay takes every key: the annotation keys under it wait */
	if (ui->mode != M_HELP && ui->mode != M_MESSAGES && (act = annui_key(ui, key)) != 0)
		return act;
	if (ui->mode == M_PROMPT)
		return prompt_key(ui, key);
	if (ui->npending > 0 && key == KEY_ESC) {
		ui->npending = 0;
		ui->status_dirty = 1;
		return H_HANDLED;
	}
	memcpy(keys, ui->pending, sizeof *keys * (size_t)ui->npending);
	n = ui->npending;
	keys[n++] = key;
	act = keymap_lookup(&ui->km, keys, n);
	ui->npending = 0;
	ui->status_dirty = 1;
	if (act == KEYMAP_PREFIX && n < KEYSEQ_MAX) {
		memcpy(ui->pending, keys, sizeof *keys * (size_t)n);
		ui->npending = n;
		return H_HANDLED;
	}
	if (act < 0) {
		if (n > 1)
			ui_message(ui, 0, "%s%s is not bound", keyc_name(keys[0], name,
			    sizeof name), keyc_name(keys[1], name2, sizeof name2));
		return H_HANDLED;
	}
	if (ui->mode == M_HELP || ui->mode == M_MESSAGES) {
		if (act != ACT_COMMAND && act != ACT_SEARCH)
			return overlay_key(ui, act);
		/* : and / mean what they mean everywhere: the overlay goes */
		ui->mode = M_NORMAL;
		overlay_free(ui);
		all_dirty(ui);
	}
	if ((r = ent_action(ui, act)) != 0)
		return r;
	return handlers[act](ui, act);
}

/* --- the corpus ------------------------------------------------------------------ */

static void
entry_add(struct ui *ui, char *path, struct article *a)
{
	struct entry *e;

	ui->ents = xreallocarray(ui->ents, ui->nents + 1, sizeof *ui->ents);
	e = &ui->ents[ui->nents++];
	memset(e, 0, sizeof *e);
	e->path = path;
	e->art = a;
	e->from_jsonl = a != NULL;
	e->nflags = -1;
	e->nnotes = -1;
}

static void
stdin_article(struct article *a, void *ctx)
{
	struct ui *ui = ctx;

	entry_add(ui, xstrdup("-"), a);
}

static void
corpus_add(struct ui *ui, const char *path)
{
	struct ingest_cb cb = { .article = stdin_article, .error = warn_cb,
	    .ctx = ui };
	char **files;
	size_t n, i;

	if (strcmp(path, "-") == 0) {
		ingest_file("-", &cb);
		return;
	}
	/* only names now: titles are read when shown, articles when opened */
	if (ingest_list_files(path, &files, &n, &cb) >= 0 || n > 0) {
		ui->ents = xreallocarray(ui->ents, ui->nents + n, sizeof *ui->ents);
		for (i = 0; i < n; i++) {
			entry_add(ui, files[i], NULL);
			files[i] = NULL;
		}
		ingest_free_files(files, n);
	}
}

static void
config_apply(struct ui *ui, const char *path)
{
	char err[256], *themes, *udir;
	size_t i;
	int a;

	config_init(&ui->cfg);
	config_load(&ui->cfg, path, key_action_names(), key_name_valid, warn_cb, ui);
	keymap_default(&ui->km);
	for (i = 0; i < ui->cfg.nbindings; i++) {
		const struct config_binding *b = &ui->cfg.bindings[i];

		if ((a = key_action_find(b->action)) == -1)
			continue;	/* config_load said so */
		if (keymap_set(&ui->km, a, (const char *const *)b->keys, b->nkeys, err,
		    sizeof err) == -1)
			ui_message(ui, MSG_PROBLEM, "%s: [keys] %s: %s", path ? path : "config.ini",
			    b->action, err);
	}
	themes = paths_resource("themes");
	udir = paths_config_dir();
	/* theme_load reports a missing or broken theme itself */
	if (theme_load(&ui->theme, ui->cfg.theme ? ui->cfg.theme : "default", themes,
	    udir, warn_cb, ui) == -1)
		theme_default(&ui->theme);
	free(themes);
	free(udir);
}

static void
ui_free(struct ui *ui)
{
	size_t i;

	reader_close(ui);
	annui_close(ui);
	overlay_free(ui);
	for (i = 0; i < ui->nents; i++) {
		free(ui->ents[i].path);
		free(ui->ents[i].title);
		article_free(ui->ents[i].art);
	}
	free(ui->ents);
	for (i = 0; i < ui->nmsgs; i++)
		free(ui->msgs[i]);
	free(ui->msgs);
	free(ui->status_msg);
	ent_free(ui);
	keymap_free(&ui->km);
	config_free(&ui->cfg);
	if (ui->k_loaded)
		knowledge_free(&ui->k);
}

/* Out of memory: leave the terminal as it was found. */
static void
restore_terminal(void)
{
	if (curses_on)
		endwin();
}

int
ui_main(const struct ui_opts *o)
{
	struct ui *ui = xcalloc(1, sizeof *ui);
	SCREEN *scr = NULL;
	FILE *tty = NULL;
	size_t i;
	int r, flags, key, uses_stdin = 0;
	wint_t ch;
	char *samples;

	if (!isatty(STDOUT_FILENO)) {
		fprintf(stderr, "lede: standard output is not a terminal (lede analyze and "
		    "lede extract write files)\n");
		free(ui);
		return 2;
	}
	ui->focus = P_LIST;
	config_apply(ui, o->config);
	for (i = 0; i < o->npaths; i++)
		uses_stdin |= strcmp(o->paths[i], "-") == 0;
	if (o->npaths > 0) {
		for (i = 0; i < o->npaths; i++)
			corpus_add(ui, o->paths[i]);
	} else if (ui->cfg.ncorpus > 0) {
		for (i = 0; i < ui->cfg.ncorpus; i++)
			corpus_add(ui, ui->cfg.corpus[i]);
	} else {
		samples = paths_resource("samples");
		corpus_add(ui, samples);
		free(samples);
	}
	annui_open(ui);
	if (ui->nmsgs > 0) {
		free(ui->status_msg);
		ui->status_msg = ui->nmsgs == 1 ? xstrdup(ui->msgs[0]) :
		    xasprintf("%s (and %zu more: :messages)", ui->msgs[0], ui->nmsgs - 1);
		ui->status_err = 1;
	}

	/* articles came on standard input: the keyboard is the terminal */
	if (uses_stdin || !isatty(STDIN_FILENO)) {
		if ((tty = fopen("/dev/tty", "r")) == NULL) {
			fprintf(stderr, "lede: no terminal to read keys from\n");
			ui_free(ui);
			free(ui);
			return 1;
		}
		scr = newterm(NULL, stdout, tty);
		if (scr == NULL) {
			fprintf(stderr, "lede: cannot start the terminal\n");
			fclose(tty);
			ui_free(ui);
			free(ui);
			return 1;
		}
		set_term(scr);
	} else if (initscr() == NULL) {
		fprintf(stderr, "lede: cannot start the terminal\n");
		return 1;
	}
	curses_on = 1;
	util_set_oom_hook(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	colors_init(ui);
	signals_init();
	layout(ui);
	all_dirty(ui);

	while (!quit_signal) {
		ui_draw(ui);
		/* the entity index works while no key comes */
		timeout(ent_busy(ui) ? 0 : -1);
		r = get_wch(&ch);
		if (quit_signal)
			break;
		if (cont_signal) {
			cont_signal = 0;
			size_recheck();
		}
		if (r == ERR) {
			ent_idle(ui);
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			size_t top = ui->ov.top;

			layout(ui);
			/* overlays are cut to the width: make them again */
			if (ui->mode == M_HELP)
				help_open(ui);
			else if (ui->mode == M_MESSAGES)
				messages_open(ui);
			ui->ov.top = top < ui->ov.n ? top : 0;
			all_dirty(ui);
			continue;
		}
		if ((key = key_from_curses(r, ch)) == -1)
			continue;
		if (ui->mode != M_PROMPT && ui->status_msg != NULL) {
			free(ui->status_msg);
			ui->status_msg = NULL;
			ui->status_dirty = 1;
		}
		if (ui->too_small) {
			if (key == 'Q')
				break;
			continue;
		}
		flags = handle_key(ui, key);
		if (flags & H_QUIT)
			break;
		if (flags & H_RELAYOUT) {
			layout(ui);
			all_dirty(ui);
		}
		if (flags & H_REDRAW)
			all_dirty(ui);
	}
	windows_free(ui);
	endwin();
	curses_on = 0;
	util_set_oom_hook(NULL);
	if (scr != NULL)
		delscreen(scr);
	if (tty != NULL)
		fclose(tty);
	/* what went wrong, now that the terminal is ours to print on */
	for (i = 0; i < ui->nmsgs; i++)
		msg_print(NULL, "%s", ui->msgs[i]);
	ui_free(ui);
	free(ui);
	/* the shell's convention for a program ended by a signal (C-c gives 130) */
	return quit_signal ? 128 + quit_signal : 0;
}
