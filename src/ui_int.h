/* ui_int.h - what the reader's files share: the model, panes and their drawing */
#ifndef LEDE_UI_INT_H
#define LEDE_UI_INT_H

#include <curses.h>
#include <stddef.h>

#include "lede/analysis.h"
#include "lede/config.h"
#include "lede/keys.h"
#include "lede/text.h"

/* What a handler changed; the loop decides what to draw. */
#define H_HANDLED	0x01
#define H_REDRAW	0x02	/* everything */
#define H_RELAYOUT	0x04
#define H_QUIT		0x08

/* One row of the article list. A text file is read only when its row is shown
 * (title) or opened (analysis); a JSON Lines file is expanded into its articles the
 * first time it is touched. */
struct entry {
	char		*path;		/* owned */
	struct article	*art;		/* owned when loaded; NULL for a lazy text file */
	char		*title;		/* owned, raw bytes (sanitised when drawn) */
	int		 titled;	/* title known (or gave up) */
	int		 from_jsonl;	/* art stays loaded: it cannot be re-read alone */
	int		 reported;	/* a problem with it was reported once already */
	int		 nflags;	/* -1 until analysed */
	int		 nnotes;	/* -1 until annotations land */
};

/* A paragraph shown in the reading view. */
struct dline {
	size_t		 start, end;	/* byte offsets into the article */
	int		 elem;		/* theme element for its text */
};

/* One display row; rows are produced lazily as the view needs them. */
struct drow {
	size_t		 start, end;	/* bytes */
	size_t		 line;		/* index into doc.lines */
	int		 width;
};

struct doc {
	struct entry	*e;		/* the entry shown (borrowed) */
	size_t		 eidx;
	struct analysis	 an;
	int		 analysed;
	int		 raw, show_bp;

	struct dline	*lines;
	size_t		 nlines;

	struct drow	*rows;
	size_t		 nrows, rows_cap;
	int		 wrap_width;
	size_t		 wrap_line;	/* next paragraph to wrap */
	struct text_wrap tw;
	int		 tw_active;
	int		 all_wrapped;

	size_t		 top;		/* first row shown */
	size_t		 cursor;	/* byte offset of the cursor glyph */
	int		 goal_col;

	char		*pat;		/* search pattern, or NULL */
	size_t		 match;		/* start of the current match, or -1 */

	struct sugg	*sugg;		/* suggestions shown inline (S), or NULL */
};

struct pane {
	WINDOW		*win;
	int		 y, x, h, w;
	int		 visible;
	int		 dirty;
	const char	*name;
};

enum { P_LIST, P_READER, P_ENTITIES, P_COUNT };

enum mode { M_NORMAL, M_HELP, M_MESSAGES, M_PROMPT, M_ANNOT };	/* M_ANNOT: ui_annot.c */

struct overlay {
	char		*title;
	char		**lines;	/* owned, sanitised */
	size_t		 n;
	size_t		 top;
};

struct ui {
	struct config	 cfg;
	struct theme	 theme;
	struct keymap	 km;
	struct knowledge k;
	int		 k_loaded;

	struct entry	*ents;
	size_t		 nents;
	size_t		 sel, ltop;	/* list selection and first row shown */

	struct doc	 doc;
	int		 have_doc;

	struct pane	 panes[P_COUNT];
	WINDOW		*status;
	int		 status_dirty;
	int		 focus;
	int		 too_small;
	int		 npanes;	/* 1, 2 or 3 by width */
	int		 reader_width;	/* columns for text in the reading view */

	enum mode	 mode;
	struct overlay	 ov;
	WINDOW		*ovwin;

	char		 prompt_kind;	/* '/' or ':' */
	char		 prompt[512];
	size_t		 prompt_len;

	int		 pending[KEYSEQ_MAX];
	int		 npending;

	char		**msgs;		/* every problem, in order */
	size_t		 nmsgs;
	char		*status_msg;	/* shown until the next key */
	int		 status_err;

	struct annui	*annui;		/* annotations (ui_annot.c) */

	int		 color;		/* colours in use */
	attr_t		 attr[TH_COUNT];
	int		 pair[TH_COUNT];

	struct entui	*eu;		/* ui_entities.c's own state */
};

/* ui.c: a message in the status line until the next key; a problem (a file or a
 * config that could not be read) is also kept for :messages and printed to stderr
 * when lede ends */
#define MSG_INFO	0
#define MSG_ERROR	1
#define MSG_PROBLEM	2
void	ui_message(struct ui *, int level, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Show a message now, before a long piece of work on the main thread. */
void	ui_busy(struct ui *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void	ui_style(struct ui *, WINDOW *, int elem, attr_t extra);
void	ui_draw_cluster(WINDOW *, const char *s, size_t n, int width, attr_t, int pair);

/* ui_reader.c, for the entity panel's jumps */
void	reader_cursor_to(struct ui *, size_t pos);
int	reader_shown(struct ui *, size_t pos);

/* ui_entities.c: the entity panel, mention marks and jumps, the entity filter */
void	ent_draw(struct ui *, struct pane *);
int	ent_action(struct ui *, int action);	/* 0: not the panel's business */
void	ent_doc_opened(struct ui *);
int	ent_elem(struct ui *, size_t pos, int elem);	/* the theme element at pos */
void	ent_status(struct ui *, char *buf, size_t len);	/* appends to buf */
int	ent_busy(struct ui *);		/* the corpus index wants loop turns */
void	ent_idle(struct ui *);
void	ent_free(struct ui *);
/* The article list as the filter shows it: positions 0..filter_len() map to entries;
 * filter_pos() is the first position at or after an entry. */
size_t	filter_len(struct ui *);
size_t	filter_at(struct ui *, size_t pos);
size_t	filter_pos(struct ui *, size_t idx);
int	filter_has(struct ui *, size_t idx);
void	filter_header(struct ui *, char *buf, size_t len);

/* ui_suggest.c: a flag's suggestion shown inline after it, as virtual text */
void	sugg_toggle(struct ui *);
void	sugg_build(struct doc *);
void	sugg_free(struct doc *);
void	sugg_wrap(struct doc *, struct text_wrap *, size_t base);
int	sugg_after(const struct doc *, const struct glyph *);	/* columns after g */
int	sugg_draw(struct ui *, WINDOW *, const struct glyph *, int avail);

/* ui_list.c */
void	list_draw(struct ui *, struct pane *);
int	list_key(struct ui *, int action);
void	list_title(struct ui *, size_t i);
int	entry_load(struct ui *, size_t i);
/* An entry's article was analysed: its flag count, and the cleaned title unless the
 * input stated one. */
void	entry_analysed(struct entry *, const struct analysis *);
void	list_show_sel(struct ui *);

/* ui_reader.c */
void	reader_open(struct ui *, size_t i);
void	reader_close(struct ui *);
void	reader_layout(struct ui *, int width);
void	reader_draw(struct ui *, struct pane *);
int	reader_key(struct ui *, int action);
void	reader_search(struct ui *, int dir, int from_cursor);
void	reader_status(struct ui *, char *buf, size_t len);
void	reader_rebuild(struct ui *);
void	reader_goto(struct ui *, size_t pos);

/* ui_prompt.c: a one-line editor for the status line (UTF-8, by grapheme) */
struct lineedit {
	char		 label[32];
	char		*s;		/* NUL-terminated */
	size_t		 len, cap, cur;	/* bytes; cur is a grapheme boundary */
	int		 scroll;	/* first column shown */
};
#define LE_GOING	0
#define LE_DONE		1	/* Enter */
#define LE_CANCEL	2	/* Esc, C-g */
#define LE_TAB		3
void	le_init(struct lineedit *, const char *label, const char *text);
int	le_key(struct lineedit *, int key);
void	le_replace(struct lineedit *, size_t from, size_t to, const char *s);
void	le_draw(struct ui *, struct lineedit *, WINDOW *, int x, int width);
void	le_free(struct lineedit *);

/* ui_annot.c: selection, annotations drawn and listed, the store */
void	annui_open(struct ui *);
void	annui_close(struct ui *);
void	annui_doc_open(struct ui *);
void	annui_doc_close(struct ui *);
int	annui_key(struct ui *, int key);	/* 0: not taken */
int	annui_action(struct ui *, int action);
int	annui_elem(struct ui *, size_t start, size_t end, int elem);
int	annui_status(struct ui *, char *buf, size_t len);
int	annui_status_draw(struct ui *, WINDOW *);
int	annui_listing(const struct ui *);
void	annui_list_draw(struct ui *);
void	annui_entry_count(struct ui *, struct entry *);

#endif
