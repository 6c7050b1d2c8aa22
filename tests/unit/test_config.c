/* test_config.c - config.ini: values, and a FILE:LINE message for every broken file */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lede/config.h"
#include "lede/util.h"
#include "t.h"
#include "tmsg.h"

static char dir[] = "/tmp/lede-test-config-XXXXXX";

static const char *const actions[] = {
	"quit", "next_article", "search", "down", "up", NULL
};

/* Single printable ASCII characters, C-x, and a few names: enough to tell good from bad. */
static int
valid_key(const char *k)
{
	static const char *const names[] = { "Down", "Up", "Enter", "Tab", "F1", NULL };
	int i;

	if (strlen(k) == 1 && k[0] > ' ' && k[0] < 0x7f)
		return 1;
	if (strlen(k) == 3 && k[0] == 'C' && k[1] == '-' && k[2] >= 'a' && k[2] <= 'z')
		return 1;
	for (i = 0; names[i] != NULL; i++)
		if (strcmp(k, names[i]) == 0)
			return 1;
	return 0;
}

static char *
fixture(const char *name, const char *data, size_t len)
{
	char err[LEDE_ERRLEN], *path = xasprintf("%s/%s", dir, name);

	if (write_file_atomic(path, data, len, err, sizeof err) == -1) {
		fprintf(stderr, "%s\n", err);
		exit(99);
	}
	return path;
}

static int
load_bytes(struct config *c, struct msgs *w, const char *name, const char *data, size_t len)
{
	char *path = fixture(name, data, len);
	int r;

	config_free(c);
	config_init(c);
	msgs_reset(w);
	r = config_load(c, path, actions, valid_key, collect, w);
	free(path);
	return r;
}

static int
load(struct config *c, struct msgs *w, const char *name, const char *data)
{
	return load_bytes(c, w, name, data, strlen(data));
}

/* Message i is exactly "<dir>/rest". */
#define T_MSG(w, i, rest) do {						\
	char *t_e = xasprintf("%s/%s", dir, rest);			\
	T_EQ_STR((i) < (w)->n ? (w)->m[i] : NULL, t_e);			\
	free(t_e);							\
} while (0)

static const struct config_binding *
binding(const struct config *c, const char *action)
{
	size_t i;

	for (i = 0; i < c->nbindings; i++)
		if (strcmp(c->bindings[i].action, action) == 0)
			return &c->bindings[i];
	return NULL;
}

static void
test_good(struct config *c, struct msgs *w)
{
	const struct config_binding *b;
	char *s;

	T_EQ_INT(load(c, w, "good.ini",
	    "; lede\n"
	    "[ui]\n"
	    "list_width = 30\n"
	    "entity_width = 24\n"
	    "theme = dark\n"
	    "show_boilerplate = on\n"
	    "\n"
	    "[corpus]\n"
	    "paths = /data/news:relative/dir::~/feeds\n"
	    "\n"
	    "[keys]\n"
	    "quit = q, C-c\n"
	    "next_article = J\n"
	    "search = \"/\"\n"), 0);
	T_EQ_INT(w->n, 0);
	T_EQ_INT(c->list_width, 30);
	T_EQ_INT(c->entity_width, 24);
	T_EQ_STR(c->theme, "dark");
	T_EQ_INT(c->show_boilerplate, 1);
	T_EQ_INT(c->ncorpus, 3);
	if (c->ncorpus == 3) {
		T_EQ_STR(c->corpus[0], "/data/news");
		s = xasprintf("%s/relative/dir", dir);
		T_EQ_STR(c->corpus[1], s);
		free(s);
		s = xasprintf("%s/feeds", dir);		/* HOME is dir */
		T_EQ_STR(c->corpus[2], s);
		free(s);
	}
	T_EQ_INT(c->nbindings, 3);
	T_CHECK((b = binding(c, "quit")) != NULL);
	if (b != NULL && b->nkeys == 2) {
		T_EQ_STR(b->keys[0], "q");
		T_EQ_STR(b->keys[1], "C-c");
	} else
		T_CHECK(!"quit has two keys");
	T_CHECK((b = binding(c, "next_article")) != NULL && b->nkeys == 1 &&
	    strcmp(b->keys[0], "J") == 0);
	T_CHECK((b = binding(c, "search")) != NULL && b->nkeys == 1 &&
	    strcmp(b->keys[0], "/") == 0);
}

static void
test_broken(struct config *c, struct msgs *w)
{
	const struct config_binding *b;
	struct buf big = { 0 };
	int i;

	/* BOM: reported on line 1, the rest is read */
	T_EQ_INT(load(c, w, "bom.ini", "\xef\xbb\xbf[ui]\nlist_width = 40\n"), 1);
	T_EQ_INT(w->n, 1);
	T_MSG(w, 0, "bom.ini:1: UTF-8 byte order mark ignored");
	T_EQ_INT(c->list_width, 40);

	/* a 1,100-byte line: iniparser would drop the whole file */
	buf_adds(&big, "[ui]\nlist_width = 31\ntheme = ");
	for (i = 0; i < 1092; i++)
		buf_addc(&big, 'x');
	buf_adds(&big, "\nentity_width = 20\n");
	T_EQ_INT(load(c, w, "long.ini", big.s), 1);
	T_MSG(w, 0, "long.ini:3: line too long (1100 bytes, at most 1022); line ignored");
	T_EQ_INT(c->list_width, 31);
	T_EQ_INT(c->entity_width, 20);
	T_EQ_STR(c->theme, "default");
	buf_free(&big);

	/* syntax errors: the line, or the section, is skipped; the rest survives */
	T_EQ_INT(load(c, w, "syntax.ini",
	    "[ui]\n"
	    "list_width 30\n"
	    "entity_width = 22\n"
	    "[broken\n"
	    "show_boilerplate = yes\n"
	    "[ui]\n"
	    "theme = light\n"
	    "= 5\n"
	    "theme2 = \"unclosed\n"), 4);
	T_EQ_INT(w->n, 4);
	T_MSG(w, 0, "syntax.ini:2: syntax error: expected 'key = value', '[section]' or a "
	    "comment; line ignored");
	T_MSG(w, 1, "syntax.ini:4: syntax error: '[' without ']'; section ignored");
	T_MSG(w, 2, "syntax.ini:8: syntax error: no name before '='; line ignored");
	T_MSG(w, 3, "syntax.ini:9: syntax error: unclosed quote; line ignored");
	T_EQ_INT(c->list_width, 0);
	T_EQ_INT(c->entity_width, 22);
	T_EQ_INT(c->show_boilerplate, 0);
	T_EQ_STR(c->theme, "light");

	/* an unknown action, and an unknown key name among good ones */
	T_EQ_INT(load(c, w, "action.ini", "[keys]\nquit = q\nfly = f\ndown = j, Hyper-x, Down\n"),
	    2);
	T_MSG(w, 0, "action.ini:3: unknown action 'fly'");
	T_MSG(w, 1, "action.ini:4: unknown key 'Hyper-x'");
	T_CHECK(binding(c, "fly") == NULL);
	T_CHECK((b = binding(c, "quit")) != NULL && b->nkeys == 1);
	T_CHECK((b = binding(c, "down")) != NULL && b->nkeys == 2 &&
	    strcmp(b->keys[1], "Down") == 0);

	/* only bad names: the default stays; an empty list unbinds */
	T_EQ_INT(load(c, w, "keyname.ini", "[keys]\nup = Hyper-k\nquit =\nsearch = /,\n"), 2);
	T_MSG(w, 0, "keyname.ini:2: unknown key 'Hyper-k'");
	T_MSG(w, 1, "keyname.ini:4: empty key name in the list for 'search'");
	T_CHECK(binding(c, "up") == NULL);
	T_CHECK((b = binding(c, "quit")) != NULL && b->nkeys == 0);
	T_CHECK((b = binding(c, "search")) != NULL && b->nkeys == 1);

	/* "042" is 42, not octal 34; hex and trailing junk are refused */
	T_EQ_INT(load(c, w, "octal.ini",
	    "[ui]\nlist_width = 042\nentity_width = 0x1F\nentity_width = 12abc\n"), 2);
	T_EQ_INT(c->list_width, 42);
	T_MSG(w, 0, "octal.ini:4: 'entity_width' was already set on line 3; this later value "
	    "counts");
	T_MSG(w, 1, "octal.ini:4: entity_width: '12abc' is not a whole number from 0 to 1000; "
	    "default kept");
	T_EQ_INT(c->entity_width, 0);
	T_EQ_INT(load(c, w, "range.ini", "[ui]\nlist_width = 1001\nentity_width = 0x1F\n"
	    "entity_width2 = -1\n"), 3);
	T_MSG(w, 0, "range.ini:2: list_width: '1001' is not a whole number from 0 to 1000; "
	    "default kept");
	T_MSG(w, 1, "range.ini:3: entity_width: '0x1F' is not a whole number from 0 to 1000; "
	    "default kept");
	T_MSG(w, 2, "range.ini:4: unknown setting 'entity_width2' in [ui]; ignored");
	T_EQ_INT(c->entity_width, 0);
	T_EQ_INT(c->list_width, 0);

	/* ';' and '#' inside quotes stay; outside they start a comment */
	T_EQ_INT(load(c, w, "quoted.ini",
	    "[ui]\n"
	    "theme = \"my;theme#1\" ; a comment\n"
	    "[keys]\n"
	    "search = \"/, #, ;\"\n"
	    "quit = q ; the quit key\n"
	    "up = \"k\" junk\n"), 1);
	T_MSG(w, 0, "quoted.ini:6: syntax error: text after the closing quote; line ignored");
	T_EQ_STR(c->theme, "my;theme#1");
	T_CHECK((b = binding(c, "search")) != NULL && b->nkeys == 3 &&
	    strcmp(b->keys[1], "#") == 0 && strcmp(b->keys[2], ";") == 0);
	T_CHECK((b = binding(c, "quit")) != NULL && b->nkeys == 1 &&
	    strcmp(b->keys[0], "q") == 0);
	T_CHECK(binding(c, "up") == NULL);

	/* duplicate keys: iniparser keeps the last; we say so, with both lines */
	T_EQ_INT(load(c, w, "dup.ini",
	    "[ui]\nlist_width = 10\ntheme = dark\nlist_width = 20\n[keys]\nquit = x\n"
	    "[UI]\nLIST_WIDTH = 25\n"), 2);
	T_MSG(w, 0, "dup.ini:4: 'list_width' was already set on line 2; this later value "
	    "counts");
	T_MSG(w, 1, "dup.ini:8: 'list_width' was already set on line 4; this later value "
	    "counts");
	T_EQ_INT(c->list_width, 25);
	T_EQ_STR(c->theme, "dark");

	/* CRLF line ends leave no '\r' in values */
	T_EQ_INT(load(c, w, "crlf.ini",
	    "[ui]\r\nlist_width = 12\r\ntheme = mono\r\n[keys]\r\nquit = q, C-c\r\n"), 0);
	T_EQ_INT(c->list_width, 12);
	T_EQ_STR(c->theme, "mono");
	T_CHECK((b = binding(c, "quit")) != NULL && b->nkeys == 2 &&
	    strcmp(b->keys[1], "C-c") == 0);

	/* unknown sections and settings; keys before any section */
	T_EQ_INT(load(c, w, "unknown.ini",
	    "list_width = 5\n[ui]\ncolour = red\n[extras]\nfoo = 1\n[corpus]\nfiles = x\n"), 4);
	T_MSG(w, 0, "unknown.ini:1: 'list_width' is outside any [section]; ignored");
	T_MSG(w, 1, "unknown.ini:4: unknown section [extras]; ignored");
	T_MSG(w, 2, "unknown.ini:3: unknown setting 'colour' in [ui]; ignored");
	T_MSG(w, 3, "unknown.ini:7: unknown setting 'files' in [corpus]; ignored");
	T_EQ_INT(c->list_width, 0);

	/* a trailing '\' continues the line; later line numbers stay right */
	T_EQ_INT(load(c, w, "cont.ini", "[keys]\nquit = q, \\\n   C-c\n[bad\n"), 1);
	T_MSG(w, 0, "cont.ini:4: syntax error: '[' without ']'; section ignored");
	T_CHECK((b = binding(c, "quit")) != NULL && b->nkeys == 2 &&
	    strcmp(b->keys[1], "C-c") == 0);

	/* a NUL byte */
	T_EQ_INT(load_bytes(c, w, "nul.ini", "[ui]\nlist_width = 1\0 2\ntheme = x\n", 33), 1);
	T_MSG(w, 0, "nul.ini:2: NUL byte; line ignored");
	T_EQ_STR(c->theme, "x");
	T_EQ_INT(c->list_width, 0);

	/* a flood of problems: 20 reported, the rest counted */
	for (i = 0; i < 30; i++)
		buf_adds(&big, "nonsense\n");
	T_EQ_INT(load(c, w, "flood.ini", big.s), 30);
	T_EQ_INT(w->n, 21);
	T_MSG(w, 19, "flood.ini:20: syntax error: expected 'key = value', '[section]' or a "
	    "comment; line ignored");
	T_MSG(w, 20, "flood.ini: 10 more problems not shown");
	buf_free(&big);

	/* control characters and bad UTF-8 never reach a message */
	T_EQ_INT(load(c, w, "esc.ini", "[keys]\nquit = \"\x1b]0;pwned\x07\xff\"\n"), 1);
	T_MSG(w, 0, "esc.ini:2: unknown key '?]0;pwned?\?'");

	/* empty file */
	T_EQ_INT(load(c, w, "empty.ini", ""), 0);
	T_EQ_INT(w->n, 0);
	T_EQ_STR(c->theme, "default");
}

static void
test_bools(struct config *c, struct msgs *w)
{
	static const struct {
		const char	*v;
		int		 want;
	} cases[] = {
		{ "yes", 1 }, { "no", 0 }, { "true", 1 }, { "false", 0 }, { "on", 1 },
		{ "off", 0 }, { "1", 1 }, { "0", 0 }, { "YES", 1 }, { "Off", 0 }
	};
	char *data, *path;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		data = xasprintf("[ui]\nshow_boilerplate = %s\n", cases[i].v);
		path = fixture("bool.ini", data, strlen(data));
		config_free(c);
		config_init(c);
		/* start from the opposite so that a value that is not applied shows */
		c->show_boilerplate = !cases[i].want;
		T_EQ_INT(config_load(c, path, actions, valid_key, NULL, NULL), 0);
		T_EQ_INT(c->show_boilerplate, cases[i].want);
		free(data);
		free(path);
	}
	T_EQ_INT(load(c, w, "bool.ini", "[ui]\nshow_boilerplate = y\n"), 1);
	T_MSG(w, 0, "bool.ini:2: show_boilerplate: 'y' is not yes/no, true/false, on/off or "
	    "1/0; default kept");
}

static void
test_files(struct config *c, struct msgs *w)
{
	char err[LEDE_ERRLEN], *xdg, *p;

	/* a -c file that does not exist is a problem; defaults stay */
	config_free(c);
	config_init(c);
	msgs_reset(w);
	p = xasprintf("%s/nope.ini", dir);
	T_EQ_INT(config_load(c, p, actions, valid_key, collect, w), 1);
	T_MSG(w, 0, "nope.ini: No such file or directory");
	T_EQ_STR(c->theme, "default");
	free(p);

	/* the XDG file may be absent, silently */
	xdg = xasprintf("%s/xdg", dir);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	msgs_reset(w);
	T_EQ_INT(config_load(c, NULL, actions, valid_key, collect, w), 0);
	T_EQ_INT(w->n, 0);

	/* and is read when present */
	p = xasprintf("%s/xdg/lede", dir);
	T_EQ_INT(mkdir_p(p, err, sizeof err), 0);
	free(p);
	p = fixture("xdg/lede/config.ini", "[ui]\nlist_width = 50\n[bogus]\n", 29);
	T_EQ_INT(config_load(c, NULL, actions, valid_key, collect, w), 1);
	T_MSG(w, 0, "xdg/lede/config.ini:3: unknown section [bogus]; ignored");
	T_EQ_INT(c->list_width, 50);
	free(p);
	free(xdg);

	/* a file far too large for a config */
	{
		size_t n = 2 * 1024 * 1024;
		char *big = xmalloc(n);

		memset(big, '\n', n);
		T_EQ_INT(load_bytes(c, w, "huge.ini", big, n), 1);
		T_MSG(w, 0, "huge.ini: too large (2097152 bytes, at most 1048576); ignored");
		free(big);
	}
}

/* Garbage built from the characters INI cares about: no crash, and no control
 * character or invalid UTF-8 ever reaches a message. */
static void
test_garbage(void)
{
	static const char alphabet[] = "[]=;#\"'\\\r\n\n\n\t ,ab:Qk\x1b\xff\xc3\xa9";
	struct config c;
	struct msgs w = { { 0 }, 0 };
	unsigned long seed = 12345;
	char *path = xasprintf("%s/garbage.ini", dir), data[3000];
	size_t len, j, k;
	FILE *f;
	int i, clean = 1, r;

	for (i = 0; i < 300; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		len = (size_t)(seed >> 33) % sizeof data;
		for (j = 0; j < len; j++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			data[j] = alphabet[(seed >> 33) % (sizeof alphabet - 1)];
		}
		if (i % 3 == 0 && len > 5)
			memcpy(data, "[keys]", 6);
		if ((f = fopen(path, "wb")) == NULL || fwrite(data, 1, len, f) != len ||
		    fclose(f) != 0)
			exit(99);
		config_init(&c);
		r = config_load(&c, path, actions, valid_key, collect, &w);
		clean &= r >= 0 && r >= (w.n > 0);
		for (k = 0; k < (size_t)w.n && k < MAXMSG; k++) {
			const unsigned char *m = (const unsigned char *)w.m[k];

			for (; *m != '\0'; m++)
				clean &= *m >= 0x20 && *m != 0x7f && *m != 0xff;
		}
		msgs_reset(&w);
		config_free(&c);
	}
	T_CHECK(clean);
	free(path);
}

int
main(void)
{
	struct config c;
	struct msgs w = { { 0 }, 0 };
	char *cmd;

	if (mkdtemp(dir) == NULL)
		return 99;
	setenv("HOME", dir, 1);
	config_init(&c);
	test_good(&c, &w);
	test_broken(&c, &w);
	test_bools(&c, &w);
	test_files(&c, &w);
	test_garbage();
	config_free(&c);
	msgs_reset(&w);
	cmd = xasprintf("rm -rf '%s'", dir);
	T_EQ_INT(system(cmd), 0);
	free(cmd);
	return t_done();
}
