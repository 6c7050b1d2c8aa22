/* config.h - config.ini and themes: parsed values only, no curses */
#ifndef LEDE_CONFIG_H
#define LEDE_CONFIG_H

#include <stddef.h>

typedef void	(*config_warn_fn)(const char *msg, void *ctx);

/* One [keys] entry as written: action = key list ("j, Down, C-d", "]f"). */
struct config_binding {
	char	 *action;	/* lower-case action name */
	char	**keys;		/* key names, as written, trimmed */
	size_t	  nkeys;
};

struct config {
	int			 list_width;		/* [ui] list_width, columns; 0 = auto */
	int			 entity_width;		/* [ui] entity_width, columns; 0 = auto */
	char			*theme;			/* [ui] theme name or path; "default" */
	int			 show_boilerplate;	/* [ui] show_boilerplate: 0/1 */
	unsigned		 flag_kinds;	/* [ui] flag_kinds: bit (1 << enum artifact_kind)
						 * per kind shown and jumped to */
	char			**corpus;		/* [corpus] paths (one key "paths", ':'-separated, or path1, path2 ...) */
	size_t			 ncorpus;
	struct config_binding	*bindings;	/* nkeys 0: the action is unbound */
	size_t			 nbindings;
};

/* Set the defaults. */
void	config_init(struct config *);
/* Load path (NULL: $XDG_CONFIG_HOME/lede/config.ini, silently absent). Every problem
 * (missing -c file, BOM, overlong line, syntax error, unknown action, unknown key
 * name, bad value) is reported once through warn() as "FILE:LINE: problem" and the
 * default is kept for what could not be read. actions lists the valid action names
 * (NULL-terminated); valid_key(name) says whether a key name is known (may be NULL).
 * Returns the number of problems. */
int	config_load(struct config *, const char *path, const char *const *actions,
	    int (*valid_key)(const char *name), config_warn_fn warn, void *ctx);
void	config_free(struct config *);

/* Elements a theme colours; every element later drawn has one. */
enum theme_elem {
	TH_NORMAL,		/* article text */
	TH_BORDER,		/* pane frames */
	TH_HEADER,		/* pane titles */
	TH_LIST,		/* article list rows */
	TH_LIST_SELECTED,	/* the selected row in the focused list */
	TH_LIST_SELECTED_INACTIVE,
	TH_STATUS,		/* status line */
	TH_STATUS_ERROR,	/* messages about problems */
	TH_CURSOR,		/* the reading-view cursor */
	TH_TITLE,		/* the article's title line */
	TH_SUBHEADING,
	TH_DIM,			/* boilerplate shown dimmed, captions, credits */
	TH_SEARCH,		/* search matches */
	TH_FLAG,		/* machine-translation artifacts */
	TH_MARGIN,		/* margin markers */
	TH_PERSON,
	TH_PLACE,
	TH_ORG,
	TH_MENTION_SELECTED,	/* mentions of the selected entity */
	TH_SELECTION,		/* a passage being selected */
	TH_HIGHLIGHT,		/* annotation: highlight */
	TH_NOTE,		/* annotation: note */
	TH_TAG,			/* annotation: tag */
	TH_PLACEHOLDER,		/* neutralised control characters */
	TH_FLAG_NAME,		/* flagged names: name variants, wrong referents */
	TH_FLAG_MINOR,		/* flagged form: casing, punctuation, duplicates, cut-offs */
	TH_COUNT
};

#define THEME_BOLD	0x01u
#define THEME_UNDERLINE	0x02u
#define THEME_REVERSE	0x04u
#define THEME_DIM	0x08u
#define THEME_ITALIC	0x10u

struct theme_style {
	int		fg, bg;		/* -1: terminal default; 0-255: colour index */
	unsigned	attrs;		/* THEME_* */
};

struct theme {
	struct theme_style	st[TH_COUNT];
};

const char	*theme_elem_name(enum theme_elem);	/* "person", "list_selected", ... */
/* The built-in default theme (matches themes/default.ini). */
void		 theme_default(struct theme *);
/* Load a theme by name (looked up in the user's themes dir, then themesdir) or by
 * path; keys are element names, values "fg bg attr..." such as "196 default bold".
 * Problems are reported as "FILE:LINE: problem"; the default stays where a value was
 * bad. Returns the number of problems (-1 if the theme could not be found at all). */
int		 theme_load(struct theme *, const char *name_or_path, const char *themesdir,
		    const char *userdir, config_warn_fn warn, void *ctx);
/* Map a 0-255 colour index to what a terminal with ncolors shows (8 or 16: nearest
 * basic colour; 0 or NO_COLOR: -1). */
int		 theme_color_fallback(int color, int ncolors);

/* Added by the config work. */
/* The element called name ("person"), or -1. */
int		 theme_elem_find(const char *name);
/* The built-in attributes-only theme (matches themes/mono.ini). */
void		 theme_mono(struct theme *);
/* "default" (-1), 0-255 in decimal or a name ("red", "bright-blue"); -2 if none. */
int		 theme_parse_color(const char *);
/* in as a terminal with ncolors shows it: colours through theme_color_fallback(); a
 * foreground and background that fall onto one colour get black or white text; with
 * fewer than 8 colours (ncolors 0 for NO_COLOR) an element that had a colour takes the
 * mono theme's attributes on top of its own, so person, search etc. stay visible.
 * out may be in. */
void		 theme_for_terminal(struct theme *out, const struct theme *in, int ncolors);

#endif
