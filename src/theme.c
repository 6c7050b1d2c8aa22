/* theme.c - themes (themes/NAME.ini): colours and attributes per element; no curses */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "lede/config.h"
#include "lede/ini.h"
#include "lede/util.h"

static const char *const elem_names[TH_COUNT] = {
	"normal", "border", "header", "list", "list_selected", "list_selected_inactive",
	"status", "status_error", "cursor", "title", "subheading", "dim", "search", "flag",
	"margin", "person", "place", "org", "mention_selected", "selection", "highlight",
	"note", "tag", "placeholder", "flag_name", "flag_minor"
};

#define D	(-1)		/* the terminal's default colour */
#define B	THEME_BOLD
#define U	THEME_UNDERLINE
#define R	THEME_REVERSE
#define DI	THEME_DIM
#define I	THEME_ITALIC

/* Must equal themes/default.ini (tests/unit/test_theme.c checks): 256 colours, text in
 * the terminal's own colours, hues of middle lightness that read on dark and light. */
static const struct theme_style default_styles[TH_COUNT] = {
	[TH_NORMAL] =			{ D, D, 0 },
	[TH_BORDER] =			{ 244, D, 0 },
	[TH_HEADER] =			{ D, D, B },
	[TH_LIST] =			{ D, D, 0 },
	[TH_LIST_SELECTED] =		{ 231, 25, B },
	[TH_LIST_SELECTED_INACTIVE] =	{ 231, 243, 0 },
	[TH_STATUS] =			{ 255, 238, 0 },
	[TH_STATUS_ERROR] =		{ 231, 124, B },
	[TH_CURSOR] =			{ D, D, R },
	[TH_TITLE] =			{ 33, D, B },
	[TH_SUBHEADING] =		{ D, D, B },
	[TH_DIM] =			{ 244, D, 0 },
	[TH_SEARCH] =			{ 16, 220, B },
	[TH_FLAG] =			{ 208, D, U },
	[TH_MARGIN] =			{ 208, D, B },
	[TH_PERSON] =			{ 38, D, 0 },
	[TH_PLACE] =			{ 71, D, 0 },
	[TH_ORG] =			{ 170, D, 0 },
	[TH_MENTION_SELECTED] =		{ 16, 117, 0 },
	[TH_SELECTION] =		{ 231, 61, 0 },
	[TH_HIGHLIGHT] =		{ 16, 229, 0 },
	[TH_NOTE] =			{ 16, 151, 0 },
	[TH_TAG] =			{ 16, 183, 0 },
	[TH_PLACEHOLDER] =		{ 203, D, B },
	[TH_FLAG_NAME] =		{ 197, D, B | U },
	[TH_FLAG_MINOR] =		{ 244, D, U },
};

/* Must equal themes/mono.ini: attributes only, for NO_COLOR and colourless terminals. */
static const struct theme_style mono_styles[TH_COUNT] = {
	[TH_NORMAL] =			{ D, D, 0 },
	[TH_BORDER] =			{ D, D, 0 },
	[TH_HEADER] =			{ D, D, B },
	[TH_LIST] =			{ D, D, 0 },
	[TH_LIST_SELECTED] =		{ D, D, R },
	[TH_LIST_SELECTED_INACTIVE] =	{ D, D, U },
	[TH_STATUS] =			{ D, D, R },
	[TH_STATUS_ERROR] =		{ D, D, R | B },
	[TH_CURSOR] =			{ D, D, R },
	[TH_TITLE] =			{ D, D, B },
	[TH_SUBHEADING] =		{ D, D, B },
	[TH_DIM] =			{ D, D, DI },
	[TH_SEARCH] =			{ D, D, R | B },
	[TH_FLAG] =			{ D, D, U },
	[TH_MARGIN] =			{ D, D, B },
	[TH_PERSON] =			{ D, D, B },
	[TH_PLACE] =			{ D, D, I },
	[TH_ORG] =			{ D, D, B | I },
	[TH_MENTION_SELECTED] =		{ D, D, R },
	[TH_SELECTION] =		{ D, D, R },
	[TH_HIGHLIGHT] =		{ D, D, R | U },
	[TH_NOTE] =			{ D, D, U | I },
	[TH_TAG] =			{ D, D, U | DI },
	[TH_PLACEHOLDER] =		{ D, D, R | DI },
	[TH_FLAG_NAME] =		{ D, D, B | U },
	[TH_FLAG_MINOR] =		{ D, D, DI | U },
};

#undef D
#undef B
#undef U
#undef R
#undef DI
#undef I

static const char *const color_names[16] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	"bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
	"bright-magenta", "bright-cyan", "bright-white"
};

static const struct {
	const char	*name;
	unsigned	 bit;
} attr_names[] = {
	{ "bold", THEME_BOLD }, { "underline", THEME_UNDERLINE },
	{ "reverse", THEME_REVERSE }, { "dim", THEME_DIM }, { "italic", THEME_ITALIC }
};

const char *
theme_elem_name(enum theme_elem e)
{
	return (unsigned)e < TH_COUNT ? elem_names[e] : NULL;
}

int
theme_elem_find(const char *name)
{
	int i;

	for (i = 0; i < TH_COUNT; i++)
		if (strcmp(elem_names[i], name) == 0)
			return i;
	return -1;
}

void
theme_default(struct theme *t)
{
	memcpy(t->st, default_styles, sizeof t->st);
}

void
theme_mono(struct theme *t)
{
	memcpy(t->st, mono_styles, sizeof t->st);
}

/* "default", 0-255 (decimal: "042" is 42) or one of the 16 names; -2 if none. */
int
theme_parse_color(const char *s)
{
	int i, v = 0;

	if (strcasecmp(s, "default") == 0)
		return -1;
	for (i = 0; i < 16; i++)
		if (strcasecmp(s, color_names[i]) == 0)
			return i;
	if (*s == '\0')
		return -2;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -2;
		v = v * 10 + (*s - '0');
		if (v > 255)
			return -2;
	}
	return v;
}

/* "FG BG [ATTR...]"; also accepted: attributes anywhere, BG or both colours left out
 * (then the terminal default). Fills err and returns -1 on the first bad word. */
static int
parse_style(const char *v, struct theme_style *st, char *err, size_t errlen)
{
	struct theme_style s = { -1, -1, 0 };
	char word[64], q[80];
	size_t n, i;
	int ncol = 0, c;

	for (;;) {
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v == '\0')
			break;
		n = strcspn(v, " \t");
		if (n >= sizeof word) {
			memcpy(word, v, sizeof word - 1);
			word[sizeof word - 1] = '\0';
			return seterr(err, errlen, "unknown colour or attribute '%s'",
			    ini_quote(word, q, sizeof q));
		}
		memcpy(word, v, n);
		word[n] = '\0';
		v += n;
		for (i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
			if (strcasecmp(word, attr_names[i].name) == 0)
				break;
		if (i < sizeof attr_names / sizeof attr_names[0]) {
			s.attrs |= attr_names[i].bit;
			continue;
		}
		if ((c = theme_parse_color(word)) == -2) {
			if (word[strspn(word, "0123456789")] == '\0')
				return seterr(err, errlen, "colour %s is not from 0 to 255",
				    ini_quote(word, q, sizeof q));
			return seterr(err, errlen, "unknown colour or attribute '%s'",
			    ini_quote(word, q, sizeof q));
		}
		if (ncol == 2)
			return seterr(err, errlen, "more than two colours");
		if (ncol++ == 0)
			s.fg = c;
		else
			s.bg = c;
	}
	if (ncol == 0 && s.attrs == 0)
		return seterr(err, errlen, "empty value");
	*st = s;
	return 0;
}

static int
is_file(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

int
theme_load(struct theme *t, const char *name, const char *themesdir, const char *userdir,
    config_warn_fn warn, void *ctx)
{
	struct ini ini;
	const struct ini_entry *e;
	char *path = NULL, *user = NULL, *shipped = NULL, err[LEDE_ERRLEN], q[80];
	size_t i;
	int problems, el;

	theme_default(t);
	if (name == NULL || *name == '\0')
		return 0;
	if (strchr(name, '/') != NULL || (strlen(name) > 4 &&
	    strcmp(name + strlen(name) - 4, ".ini") == 0))
		path = xstrdup(name);
	else {
		if (userdir != NULL)
			user = xasprintf("%s/themes/%s.ini", userdir, name);
		if (themesdir != NULL)
			shipped = xasprintf("%s/%s.ini", themesdir, name);
		if (user != NULL && is_file(user))
			path = xstrdup(user);
		else if (shipped != NULL && is_file(shipped))
			path = xstrdup(shipped);
		else if (strcmp(name, "default") != 0) {
			/* the name may come from anywhere: only its quoted form is shown */
			char *msg = xasprintf("theme '%s' not found (no %s.ini in %s/themes or "
			    "%s); using the default", ini_quote(name, q, sizeof q), q,
			    userdir != NULL ? userdir : "(no user dir)",
			    themesdir != NULL ? themesdir : "(no themes dir)");

			if (warn != NULL)
				warn(msg, ctx);
			free(msg);
		}
		free(user);
		free(shipped);
		/* the built-in default is themes/default.ini, so it needs no file */
		if (path == NULL)
			return strcmp(name, "default") == 0 ? 0 : -1;
	}
	if (ini_open(&ini, path, "theme", 0, warn, ctx) == -1) {
		ini_close(&ini);
		free(path);
		return -1;
	}
	free(path);
	for (i = 0; i < ini.nsections; i++)
		if (strcmp(ini.sections[i].name, "theme") != 0)
			ini_problem(&ini, ini.sections[i].line, "unknown section [%s]; ignored",
			    ini_quote(ini.sections[i].name, q, sizeof q));
	for (i = 0; i < ini.nentries; i++) {
		e = &ini.entries[i];
		if (e->superseded || strcmp(e->section, "theme") != 0)
			continue;
		if ((el = theme_elem_find(e->key)) == -1) {
			ini_problem(&ini, e->line, "unknown element '%s'; ignored",
			    ini_quote(e->key, q, sizeof q));
			continue;
		}
		if (parse_style(ini_value(&ini, e), &t->st[el], err, sizeof err) == -1)
			ini_problem(&ini, e->line, "%s: %s; default kept", e->key, err);
	}
	problems = ini.problems;
	ini_close(&ini);
	return problems;
}

/* Approximate RGB of the xterm 256-colour palette. */
static void
xterm_rgb(int c, int rgb[3])
{
	static const int basic[16][3] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
		{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
		{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
		{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 }
	};
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };
	int i;

	if (c < 16) {
		for (i = 0; i < 3; i++)
			rgb[i] = basic[c][i];
	} else if (c < 232) {
		c -= 16;
		rgb[0] = level[c / 36];
		rgb[1] = level[c / 6 % 6];
		rgb[2] = level[c % 6];
	} else
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
}

/* Weighted RGB distance: the eye is most sensitive to green, least to red. */
static long
color_distance(const int a[3], const int b[3])
{
	long dr = a[0] - b[0], dg = a[1] - b[1], db = a[2] - b[2];

	return 2 * dr * dr + 4 * dg * dg + 3 * db * db;
}

static int
nearest(int color, int n)
{
	int rgb[3], cand[3], i, best = 0;
	long d, bestd = -1;

	xterm_rgb(color, rgb);
	for (i = 0; i < n; i++) {
		xterm_rgb(i, cand);
		d = color_distance(rgb, cand);
		if (bestd < 0 || d < bestd) {
			bestd = d;
			best = i;
		}
	}
	return best;
}

int
theme_color_fallback(int color, int ncolors)
{
	if (color < 0 || color > 255 || ncolors < 8)
		return -1;
	if (ncolors >= 256 || color < 8)
		return color;
	if (ncolors >= 16)
		return color < 16 ? color : nearest(color, 16);
	/* the bright half of the 16 is its dark half with the intensity bit */
	return color < 16 ? color - 8 : nearest(color, 8);
}

void
theme_for_terminal(struct theme *out, const struct theme *in, int ncolors)
{
	int i, rgb[3], fg, bg;

	for (i = 0; i < TH_COUNT; i++) {
		const struct theme_style *s = &in->st[i];

		fg = theme_color_fallback(s->fg, ncolors);
		bg = theme_color_fallback(s->bg, ncolors);
		if ((s->fg >= 0 && fg < 0) || (s->bg >= 0 && bg < 0)) {
			/* the colours are gone: show the element as the mono theme does */
			out->st[i] = (struct theme_style){ -1, -1, s->attrs | mono_styles[i].attrs };
			continue;
		}
		if (fg >= 0 && fg == bg && s->fg != s->bg) {
			/* two colours fell onto one: keep the background, pick a readable text */
			xterm_rgb(bg, rgb);
			fg = 2 * rgb[0] + 4 * rgb[1] + 3 * rgb[2] > 9 * 128 ? 0 : 7;
			if (fg == bg)
				fg = fg == 0 ? 7 : 0;
		}
		out->st[i] = (struct theme_style){ fg, bg, s->attrs };
	}
}
