/* test_theme.c - shipped themes, theme files with problems, colour fallback */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lede/config.h"
#include "lede/util.h"
#include "t.h"
#include "tmsg.h"

static char dir[] = "/tmp/lede-test-theme-XXXXXX";

static char *
fixture(const char *name, const char *data)
{
	char err[LEDE_ERRLEN], *path = xasprintf("%s/%s", dir, name);

	if (write_file_atomic(path, data, strlen(data), err, sizeof err) == -1) {
		fprintf(stderr, "%s\n", err);
		exit(99);
	}
	return path;
}

#define T_MSG(w, i, rest) do {						\
	char *t_e = xasprintf("%s/%s", dir, rest);			\
	T_EQ_STR((i) < (w)->n ? (w)->m[i] : NULL, t_e);			\
	free(t_e);							\
} while (0)

static int
same_style(const struct theme_style *a, const struct theme_style *b)
{
	return a->fg == b->fg && a->bg == b->bg && a->attrs == b->attrs;
}

/* Every element has a line of its own in the file, so nothing comes from the default. */
static void
check_names_all(const char *themesdir, const char *name)
{
	char err[LEDE_ERRLEN], *path, *data, *pat;
	size_t len;
	int i;

	path = xasprintf("%s/%s.ini", themesdir, name);
	T_EQ_INT(read_file(path, &data, &len, err, sizeof err), 0);
	if (data == NULL)
		return;
	for (i = 0; i < TH_COUNT; i++) {
		pat = xasprintf("\n%s ", theme_elem_name(i));
		if (strstr(data, pat) == NULL)
			fprintf(stderr, "%s does not name %s\n", path, theme_elem_name(i));
		T_CHECK(strstr(data, pat) != NULL);
		free(pat);
	}
	free(data);
	free(path);
}

static void
test_shipped(const char *themesdir)
{
	static const char *const names[] = { "default", "light", "dark", "mono" };
	struct msgs w = { { 0 }, 0 };
	struct theme t, ref;
	size_t k;
	int i, differs;

	for (k = 0; k < sizeof names / sizeof names[0]; k++) {
		check_names_all(themesdir, names[k]);
		T_EQ_INT(theme_load(&t, names[k], themesdir, NULL, collect, &w), 0);
		T_EQ_INT(w.n, 0);
		if (w.n > 0)
			fprintf(stderr, "%s: %s\n", names[k], w.m[0]);
		msgs_reset(&w);
		/* light and dark are not the default under another name */
		theme_default(&ref);
		differs = 0;
		for (i = 0; i < TH_COUNT; i++)
			differs |= !same_style(&t.st[i], &ref.st[i]);
		T_EQ_INT(differs, k == 1 || k == 2 || k == 3);
	}

	/* themes/default.ini and theme_default() agree, element by element */
	T_EQ_INT(theme_load(&t, "default", themesdir, NULL, collect, &w), 0);
	theme_default(&ref);
	for (i = 0; i < TH_COUNT; i++) {
		if (!same_style(&t.st[i], &ref.st[i]))
			fprintf(stderr, "default.ini and theme_default() differ on %s\n",
			    theme_elem_name(i));
		T_CHECK(same_style(&t.st[i], &ref.st[i]));
	}
	/* default uses 256 colours */
	T_CHECK(ref.st[TH_PERSON].fg >= 16);

	/* themes/mono.ini and theme_mono() agree, and mono has no colour at all */
	T_EQ_INT(theme_load(&t, "mono", themesdir, NULL, collect, &w), 0);
	theme_mono(&ref);
	for (i = 0; i < TH_COUNT; i++) {
		T_CHECK(same_style(&t.st[i], &ref.st[i]));
		T_EQ_INT(t.st[i].fg, -1);
		T_EQ_INT(t.st[i].bg, -1);
	}
	/* elements that only colour tells apart in other themes have attributes here */
	T_CHECK(ref.st[TH_PERSON].attrs != 0 && ref.st[TH_PLACE].attrs != 0 &&
	    ref.st[TH_ORG].attrs != 0 && ref.st[TH_SEARCH].attrs != 0);
	T_CHECK(ref.st[TH_PERSON].attrs != ref.st[TH_PLACE].attrs &&
	    ref.st[TH_PLACE].attrs != ref.st[TH_ORG].attrs &&
	    ref.st[TH_PERSON].attrs != ref.st[TH_ORG].attrs);
	msgs_reset(&w);
}

static void
test_broken(const char *themesdir)
{
	struct msgs w = { { 0 }, 0 };
	struct theme t, def;
	char *p, *user;

	theme_default(&def);
	p = fixture("broken.ini",
	    "[theme]\n"
	    "person = pink default\n"
	    "place = 300 default\n"
	    "org = 1 2 3\n"
	    "normal = red blue bold\n"
	    "search = =\n"
	    "bogus = red\n"
	    "title\n"
	    "[colours]\n"
	    "x = 1\n"
	    "tag = BRIGHT-Blue 042 Italic\n");
	T_EQ_INT(theme_load(&t, p, themesdir, NULL, collect, &w), 7);
	T_MSG(&w, 0, "broken.ini:8: syntax error: expected 'key = value', '[section]' or a "
	    "comment; line ignored");
	T_MSG(&w, 1, "broken.ini:9: unknown section [colours]; ignored");
	T_MSG(&w, 2, "broken.ini:2: person: unknown colour or attribute 'pink'; default kept");
	T_MSG(&w, 3, "broken.ini:3: place: colour 300 is not from 0 to 255; default kept");
	T_MSG(&w, 4, "broken.ini:4: org: more than two colours; default kept");
	T_MSG(&w, 5, "broken.ini:6: search: unknown colour or attribute '='; default kept");
	T_MSG(&w, 6, "broken.ini:7: unknown element 'bogus'; ignored");
	T_CHECK(same_style(&t.st[TH_PERSON], &def.st[TH_PERSON]));
	T_CHECK(same_style(&t.st[TH_PLACE], &def.st[TH_PLACE]));
	T_CHECK(same_style(&t.st[TH_ORG], &def.st[TH_ORG]));
	T_CHECK(same_style(&t.st[TH_SEARCH], &def.st[TH_SEARCH]));
	T_CHECK(same_style(&t.st[TH_TAG], &def.st[TH_TAG]));	/* it was in [colours] */
	T_EQ_INT(t.st[TH_NORMAL].fg, 1);
	T_EQ_INT(t.st[TH_NORMAL].bg, 4);
	T_EQ_INT(t.st[TH_NORMAL].attrs, THEME_BOLD);
	free(p);
	msgs_reset(&w);

	/* no section header, a BOM, CRLF, short forms; missing elements keep the default */
	p = fixture("loose.ini", "\xef\xbb\xbftag = BRIGHT-Blue 042 Italic\r\nflag = bold\r\n"
	    "note = red\r\n");
	T_EQ_INT(theme_load(&t, p, themesdir, NULL, collect, &w), 1);
	T_MSG(&w, 0, "loose.ini:1: UTF-8 byte order mark ignored");
	T_EQ_INT(t.st[TH_TAG].fg, 12);
	T_EQ_INT(t.st[TH_TAG].bg, 42);
	T_EQ_INT(t.st[TH_TAG].attrs, THEME_ITALIC);
	T_CHECK(t.st[TH_FLAG].fg == -1 && t.st[TH_FLAG].bg == -1 &&
	    t.st[TH_FLAG].attrs == THEME_BOLD);
	T_CHECK(t.st[TH_NOTE].fg == 1 && t.st[TH_NOTE].bg == -1 && t.st[TH_NOTE].attrs == 0);
	T_CHECK(same_style(&t.st[TH_PERSON], &def.st[TH_PERSON]));
	free(p);
	msgs_reset(&w);

	/* a name is looked up in the user's themes first, then in the shipped ones */
	user = xasprintf("%s/user/themes", dir);
	{
		char err[LEDE_ERRLEN];

		T_EQ_INT(mkdir_p(user, err, sizeof err), 0);
	}
	free(user);
	p = fixture("user/themes/light.ini", "[theme]\nperson = 1 default\n");
	free(p);
	user = xasprintf("%s/user", dir);
	T_EQ_INT(theme_load(&t, "light", themesdir, user, collect, &w), 0);
	T_EQ_INT(t.st[TH_PERSON].fg, 1);
	T_EQ_INT(theme_load(&t, "dark", themesdir, user, collect, &w), 0);
	T_CHECK(t.st[TH_PERSON].fg != 1);

	/* an unknown name: one message, the default, -1 */
	T_EQ_INT(theme_load(&t, "nosuch", themesdir, user, collect, &w), -1);
	T_EQ_INT(w.n, 1);
	T_CHECK(w.n > 0 && strncmp(w.m[0], "theme 'nosuch' not found (no nosuch.ini in ", 43) == 0);
	T_CHECK(w.n > 0 && strstr(w.m[0], "(no nosuch.ini in ") != NULL);
	T_CHECK(w.n > 0 && strstr(w.m[0], "/user/themes or ") != NULL);
	msgs_reset(&w);
	T_EQ_INT(theme_load(&t, "\x1b[2J", themesdir, user, collect, &w), -1);
	T_CHECK(w.n == 1 && strchr(w.m[0], '\x1b') == NULL);
	T_CHECK(same_style(&t.st[TH_PERSON], &def.st[TH_PERSON]));
	msgs_reset(&w);
	/* "default" needs no file */
	T_EQ_INT(theme_load(&t, "default", NULL, NULL, collect, &w), 0);
	T_EQ_INT(w.n, 0);
	/* a path that does not exist */
	p = xasprintf("%s/none.ini", dir);
	T_EQ_INT(theme_load(&t, p, themesdir, user, collect, &w), -1);
	T_MSG(&w, 0, "none.ini: No such file or directory");
	free(p);
	free(user);
	msgs_reset(&w);
}

static void
test_colors(void)
{
	struct theme t, in;

	T_EQ_INT(theme_parse_color("042"), 42);
	T_EQ_INT(theme_parse_color("bright-white"), 15);
	T_EQ_INT(theme_parse_color("RED"), 1);
	T_EQ_INT(theme_parse_color("default"), -1);
	T_EQ_INT(theme_parse_color("256"), -2);
	T_EQ_INT(theme_parse_color(""), -2);
	T_EQ_INT(theme_parse_color("-1"), -2);
	T_EQ_INT(theme_parse_color("pink"), -2);

	/* 256: unchanged */
	T_EQ_INT(theme_color_fallback(196, 256), 196);
	T_EQ_INT(theme_color_fallback(255, 256), 255);
	T_EQ_INT(theme_color_fallback(-1, 256), -1);
	/* 16: the basic 16 stay, the rest go to the nearest of them */
	T_EQ_INT(theme_color_fallback(9, 16), 9);
	T_EQ_INT(theme_color_fallback(196, 16), 9);	/* ff0000: bright red */
	T_EQ_INT(theme_color_fallback(231, 16), 15);	/* ffffff: bright white */
	T_EQ_INT(theme_color_fallback(244, 16), 8);	/* 808080: bright black (grey) */
	T_EQ_INT(theme_color_fallback(21, 16), 4);	/* 0000ff: blue */
	T_EQ_INT(theme_color_fallback(16, 16), 0);
	/* 8: bright colours lose their intensity; others go to the nearest of 8 */
	T_EQ_INT(theme_color_fallback(3, 8), 3);
	T_EQ_INT(theme_color_fallback(9, 8), 1);
	T_EQ_INT(theme_color_fallback(15, 8), 7);
	T_EQ_INT(theme_color_fallback(196, 8), 1);
	T_EQ_INT(theme_color_fallback(46, 8), 2);	/* 00ff00 */
	T_EQ_INT(theme_color_fallback(226, 8), 3);	/* ffff00 */
	T_EQ_INT(theme_color_fallback(51, 8), 6);	/* 00ffff */
	T_EQ_INT(theme_color_fallback(201, 8), 5);	/* ff00ff */
	T_EQ_INT(theme_color_fallback(232, 8), 0);	/* near black */
	T_EQ_INT(theme_color_fallback(255, 8), 7);	/* near white */
	T_EQ_INT(theme_color_fallback(208, 8), 3);	/* orange is nearer yellow than red */
	/* none (NO_COLOR, or a monochrome terminal) */
	T_EQ_INT(theme_color_fallback(5, 0), -1);
	T_EQ_INT(theme_color_fallback(200, 0), -1);
	T_EQ_INT(theme_color_fallback(1, 2), -1);
	T_EQ_INT(theme_color_fallback(300, 256), -1);

	/* the whole theme: without colours, coloured elements take mono's attributes */
	theme_default(&in);
	theme_for_terminal(&t, &in, 0);
	T_CHECK(t.st[TH_PERSON].fg == -1 && t.st[TH_PERSON].attrs == THEME_BOLD);
	T_CHECK(t.st[TH_SEARCH].bg == -1 &&
	    t.st[TH_SEARCH].attrs == (THEME_BOLD | THEME_REVERSE));
	T_CHECK(t.st[TH_NORMAL].fg == -1 && t.st[TH_NORMAL].attrs == 0);
	T_EQ_INT(t.st[TH_CURSOR].attrs, THEME_REVERSE);
	/* 8 colours: each colour mapped */
	theme_for_terminal(&t, &in, 8);
	T_EQ_INT(t.st[TH_SEARCH].fg, 0);
	T_EQ_INT(t.st[TH_SEARCH].bg, 3);
	T_EQ_INT(t.st[TH_SEARCH].attrs, THEME_BOLD);
	/* two colours that fall onto one: readable text on the background */
	in.st[TH_TAG] = (struct theme_style){ 231, 255, 0 };
	in.st[TH_NOTE] = (struct theme_style){ 17, 16, 0 };
	theme_for_terminal(&in, &in, 8);
	T_CHECK(in.st[TH_TAG].fg == 0 && in.st[TH_TAG].bg == 7);
	T_CHECK(in.st[TH_NOTE].fg == 7 && in.st[TH_NOTE].bg == 0);

	T_EQ_STR(theme_elem_name(TH_PERSON), "person");
	T_EQ_STR(theme_elem_name(TH_LIST_SELECTED_INACTIVE), "list_selected_inactive");
	T_CHECK(theme_elem_name(TH_COUNT) == NULL);
	T_EQ_INT(theme_elem_find("placeholder"), TH_PLACEHOLDER);
	T_EQ_INT(theme_elem_find("Person"), -1);
}

int
main(void)
{
	const char *top = getenv("TOP_SRCDIR");
	char *themesdir, *cmd;

	if (top == NULL || *top == '\0')
		top = LEDE_SRCDIR;
	themesdir = xasprintf("%s/themes", top);
	if (mkdtemp(dir) == NULL)
		return 99;
	test_shipped(themesdir);
	test_broken(themesdir);
	test_colors();
	cmd = xasprintf("rm -rf '%s'", dir);
	T_EQ_INT(system(cmd), 0);
	free(cmd);
	free(themesdir);
	return t_done();
}
