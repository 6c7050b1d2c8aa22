/* keys.h - the key table as data: actions, default keys, help, key names (no curses) */
#ifndef LEDE_KEYS_H
#define LEDE_KEYS_H

#include <stddef.h>

/* A key is a Unicode code point (control characters are C-a..C-z, Esc is 27, Enter
 * 13, Tab 9) or one of these named keys above the Unicode range. */
enum {
	KEYC_BASE = 0x200000,
	KEYC_UP, KEYC_DOWN, KEYC_LEFT, KEYC_RIGHT,
	KEYC_HOME, KEYC_END, KEYC_PGUP, KEYC_PGDN,
	KEYC_BTAB, KEYC_BACKSPACE, KEYC_DELETE, KEYC_INSERT,
	KEYC_F0 = KEYC_BASE + 0x100	/* KEYC_F0 + n is Fn, n = 1..24 */
};
#define KEY_ESC		27
#define KEY_ENTER_C	13
#define KEY_TAB		9
#define KEY_CTRL(c)	((c) & 0x1f)

enum action {
	ACT_DOWN, ACT_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_HALF_DOWN, ACT_HALF_UP,
	ACT_TOP, ACT_BOTTOM, ACT_OPEN, ACT_BACK, ACT_QUIT,
	ACT_NEXT_ARTICLE, ACT_PREV_ARTICLE,
	ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV,
	ACT_MENTION_NEXT, ACT_MENTION_PREV, ACT_ENTITY_SCOPE,
	ACT_FLAG_NEXT, ACT_FLAG_PREV, ACT_ANNOT_NEXT, ACT_ANNOT_PREV,
	ACT_SELECT, ACT_SELECT_PARA, ACT_NOTE, ACT_HIGHLIGHT, ACT_TAG, ACT_CANCEL,
	ACT_ANNOT_LIST, ACT_FILTER,
	ACT_ANNOT_EDIT, ACT_ANNOT_DELETE,
	ACT_BOILERPLATE, ACT_RAW,
	ACT_SUGGESTIONS,
	ACT_HELP, ACT_COMMAND, ACT_REDRAW, ACT_FOCUS_NEXT, ACT_FOCUS_PREV,
	ACT_COUNT
};

struct key_action {
	const char	*name;		/* as in [keys] of config.ini */
	const char	*keys;		/* default key names, space-separated */
	const char	*help;		/* one line for the help screen */
	const char	*group;		/* heading on the help screen */
};

extern const struct key_action key_actions[ACT_COUNT];

/* NULL-terminated list of action names (for config_load). */
const char *const	*key_action_names(void);
/* Action by name, or -1. */
int	key_action_find(const char *name);

#define KEYSEQ_MAX	2

/* Parse a key name: "j", "Down", "C-d", "^D", "Space", "PgDn", "S-Tab", "Enter", "Esc",
 * "F5", or a two-key sequence "]f" / "g g". Returns the number of keys (1-2) or -1. */
int	key_parse(const char *name, int keys[KEYSEQ_MAX]);
/* 1 when key_parse accepts name (for config_load). */
int	key_name_valid(const char *name);
/* The canonical name of one key ("C-d", "PgDn", "]"); returns buf. */
char	*keyc_name(int key, char *buf, size_t len);

struct key_binding {
	int	keys[KEYSEQ_MAX];
	int	nkeys;
	int	action;
};

struct keymap {
	struct key_binding	*b;
	size_t			 n;
};

#define KEYMAP_NONE	(-1)
#define KEYMAP_PREFIX	(-2)

/* The defaults from key_actions. */
void	keymap_default(struct keymap *);
/* Replace the keys of one action with a list of key names (comma or space separated;
 * "Space" names the space key). Returns 0, or -1 with the first bad name in err. */
int	keymap_set(struct keymap *, int action, const char *const *names, size_t nnames,
	    char *err, size_t errlen);
/* The action bound to keys[0..n), KEYMAP_PREFIX when more keys may follow, or
 * KEYMAP_NONE. */
int	keymap_lookup(const struct keymap *, const int *keys, int n);
/* The keys bound to an action, as text ("j, Down"), for the help screen. */
char	*keymap_describe(const struct keymap *, int action);
void	keymap_free(struct keymap *);

#endif
