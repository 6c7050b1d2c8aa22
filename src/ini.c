/* ini.c - INI files through iniparser, with line numbers for every problem
 *
 * iniparser 4.1 loses line numbers, and it rejects the whole file (returning NULL) on a
 * UTF-8 BOM, on one line over 1,022 bytes or on one syntax error (LIBNOTES 3.3). So we
 * scan the file ourselves first: every line is checked, each problem is reported as
 * FILE:LINE, and a cleaned copy that holds only the sound lines (one per logical line,
 * no BOM, no CR, continuations joined) goes to iniparser in a temporary file. iniparser
 * then does the value parsing it is good at (quotes, inline comments, trimming), and
 * the scan's record of where each key was lets callers report bad values with a line.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif
#include <unistr.h>

#include "lede/ini.h"
#include "lede/util.h"

/* A config or theme file larger than this is a mistake (a corpus given to -c). */
#define INI_MAXSIZE (1024 * 1024)

/* iniparser prints its complaints to stderr unless told otherwise; nothing may print
 * while curses owns the screen, and our scan has reported everything already. */
static int
ini_swallow(const char *fmt, ...)
{
	return 0;
}

const char *
ini_quote(const char *s, char *buf, size_t len)
{
	size_t o = 0, n = strlen(s), i = 0;
	ucs4_t uc;
	int k;

	if (len == 0)
		return buf;
	while (i < n && o + 8 < len && o < 60) {
		k = u8_mbtoucr(&uc, (const uint8_t *)s + i, n - i);
		if (k <= 0 || uc < 0x20 || uc == 0x7f || (uc >= 0x80 && uc < 0xa0)) {
			buf[o++] = '?';
			i += k > 0 ? (size_t)k : 1;
			continue;
		}
		memcpy(buf + o, s + i, (size_t)k);
		o += (size_t)k;
		i += (size_t)k;
	}
	if (i < n && o + 4 <= len) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}

void
ini_problem(struct ini *ini, size_t line, const char *fmt, ...)
{
	char msg[LEDE_ERRLEN], *full;
	va_list ap;

	ini->problems++;
	if (ini->warn == NULL || ini->reported >= INI_MAXREPORT)
		return;
	ini->reported++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		full = xasprintf("%s:%zu: %s", ini->file, line, msg);
	else
		full = xasprintf("%s: %s", ini->file, msg);
	ini->warn(full, ini->ctx);
	free(full);
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static void
lower_ascii(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s += 'a' - 'A';
}

/* The next physical line from *pos, without its '\n' and a CR before it. */
static const char *
next_line(const char *data, size_t len, size_t *pos, size_t *n)
{
	const char *s = data + *pos, *nl;

	nl = memchr(s, '\n', len - *pos);
	*n = nl != NULL ? (size_t)(nl - s) : len - *pos;
	*pos += *n + (nl != NULL);
	if (*n > 0 && s[*n - 1] == '\r')
		(*n)--;
	return s;
}

/* Trim blanks from both ends of s[0..*n); returns the new start. */
static const char *
trim(const char *s, size_t *n)
{
	while (*n > 0 && is_blank(*s)) {
		s++;
		(*n)--;
	}
	while (*n > 0 && is_blank(s[*n - 1]))
		(*n)--;
	return s;
}

static int
starts_comment(const char *s, size_t n)
{
	return n == 0 || *s == ';' || *s == '#';
}

static void
add_section(struct ini *ini, const char *name, size_t line)
{
	size_t i;

	for (i = 0; i < ini->nsections; i++)
		if (strcmp(ini->sections[i].name, name) == 0)
			return;
	ini->sections = xreallocarray(ini->sections, ini->nsections + 1,
	    sizeof *ini->sections);
	ini->sections[ini->nsections].name = xstrdup(name);
	ini->sections[ini->nsections++].line = line;
}

/* A section header t[0..n) starting with '['. Returns the name (owned) or NULL. */
static char *
scan_section(struct ini *ini, const char *t, size_t n, size_t line)
{
	const char *close, *name, *rest;
	size_t nn, rn;
	char *s;

	if ((close = memchr(t, ']', n)) == NULL) {
		ini_problem(ini, line, "syntax error: '[' without ']'; section ignored");
		return NULL;
	}
	nn = (size_t)(close - t - 1);
	name = trim(t + 1, &nn);
	rn = n - (size_t)(close + 1 - t);
	rest = trim(close + 1, &rn);
	if (nn == 0) {
		ini_problem(ini, line, "syntax error: empty section name; section ignored");
		return NULL;
	}
	if (memchr(name, ':', nn) != NULL) {
		ini_problem(ini, line, "syntax error: ':' in a section name; section ignored");
		return NULL;
	}
	if (!starts_comment(rest, rn)) {
		ini_problem(ini, line, "syntax error: text after ']'; section ignored");
		return NULL;
	}
	s = xstrndup(name, nn);
	lower_ascii(s);
	return s;
}

/* A value as written: a quoted one must close and have at most a comment after it. */
static int
check_quotes(struct ini *ini, const char *v, size_t n, size_t line)
{
	const char *close, *rest;
	size_t rn;

	if (n == 0 || (*v != '"' && *v != '\''))
		return 0;
	if ((close = memchr(v + 1, *v, n - 1)) == NULL) {
		ini_problem(ini, line, "syntax error: unclosed quote; line ignored");
		return -1;
	}
	rn = n - (size_t)(close + 1 - v);
	rest = trim(close + 1, &rn);
	if (!starts_comment(rest, rn)) {
		ini_problem(ini, line, "syntax error: text after the closing quote; line ignored");
		return -1;
	}
	return 0;
}

/* Scan data, report its problems, record sections and keys, write the cleaned copy. */
static void
scan(struct ini *ini, const char *data, size_t len, const char *implicit, struct buf *out)
{
	struct buf l = { 0 };
	const char *s, *t, *eq, *k, *v;
	char *section = NULL, *key;
	size_t pos = 0, lineno = 0, first, n, tn, kn, vn;
	int bad, skipping = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		ini_problem(ini, 1, "UTF-8 byte order mark ignored");
		pos = 3;
	}
	if (implicit != NULL) {
		/* keys before the first header belong here; line 0: never named */
		section = xstrdup(implicit);
		add_section(ini, section, 0);
		buf_addf(out, "[%s]\n", section);
	}
	while (pos < len) {
		first = ++lineno;
		l.len = 0;
		s = next_line(data, len, &pos, &n);
		buf_add(&l, s, n);
		bad = memchr(s, '\0', n) != NULL;
		/* A trailing '\' on a key line joins the next line, as iniparser does. */
		for (;;) {
			tn = l.len;
			t = trim(l.s, &tn);
			if (tn == 0 || starts_comment(t, tn) || *t == '[' || t[tn - 1] != '\\')
				break;
			l.len = (size_t)(t - l.s) + tn - 1;
			l.s[l.len] = '\0';
			if (pos >= len)
				break;
			lineno++;
			s = next_line(data, len, &pos, &n);
			buf_add(&l, s, n);
			bad |= memchr(s, '\0', n) != NULL;
		}
		tn = l.len;
		t = trim(l.s, &tn);
		if (bad) {
			ini_problem(ini, first, "NUL byte; line ignored");
			continue;
		}
		if (tn > INI_MAXLINE) {
			ini_problem(ini, first, "line too long (%zu bytes, at most %d); %s ignored",
			    tn, INI_MAXLINE, *t == '[' ? "section" : "line");
			if (*t == '[')
				skipping = 1;
			continue;
		}
		if (starts_comment(t, tn))
			continue;
		if (*t == '[') {
			free(section);
			section = scan_section(ini, t, tn, first);
			skipping = section == NULL;
			if (section != NULL) {
				add_section(ini, section, first);
				buf_addf(out, "[%s]\n", section);
			}
			continue;
		}
		if ((eq = memchr(t, '=', tn)) == NULL) {
			ini_problem(ini, first, "syntax error: expected 'key = value', '[section]' "
			    "or a comment; line ignored");
			continue;
		}
		kn = (size_t)(eq - t);
		k = trim(t, &kn);
		vn = tn - (size_t)(eq + 1 - t);
		v = trim(eq + 1, &vn);
		if (kn == 0) {
			ini_problem(ini, first, "syntax error: no name before '='; line ignored");
			continue;
		}
		if (skipping)
			continue;
		if (section == NULL) {
			char q[80];

			key = xstrndup(k, kn);
			ini_problem(ini, first, "'%s' is outside any [section]; ignored",
			    ini_quote(key, q, sizeof q));
			free(key);
			continue;
		}
		if (check_quotes(ini, v, vn, first) == -1)
			continue;
		key = xstrndup(k, kn);
		lower_ascii(key);
		ini->entries = xreallocarray(ini->entries, ini->nentries + 1,
		    sizeof *ini->entries);
		ini->entries[ini->nentries++] = (struct ini_entry){ xstrdup(section), key,
		    first, 0 };
		/* "key=value" is never longer than the line it came from */
		buf_add(out, k, kn);
		buf_addc(out, '=');
		buf_add(out, v, vn);
		buf_addc(out, '\n');
	}
	free(section);
	buf_free(&l);
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct ini_entry *x = *(const struct ini_entry *const *)a;
	const struct ini_entry *y = *(const struct ini_entry *const *)b;
	int c;

	if ((c = strcmp(x->section, y->section)) != 0)
		return c;
	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* iniparser silently keeps the last of two equal keys: say so, and mark the others. */
static void
find_duplicates(struct ini *ini)
{
	struct ini_entry **v;
	char q[80];
	size_t i;

	if (ini->nentries < 2)
		return;
	v = xreallocarray(NULL, ini->nentries, sizeof *v);
	for (i = 0; i < ini->nentries; i++)
		v[i] = &ini->entries[i];
	if (ini->nentries > 1)
		qsort(v, ini->nentries, sizeof *v, entry_cmp);
	for (i = 1; i < ini->nentries; i++) {
		if (strcmp(v[i]->section, v[i - 1]->section) != 0 ||
		    strcmp(v[i]->key, v[i - 1]->key) != 0)
			continue;
		v[i - 1]->superseded = 1;
		ini_problem(ini, v[i]->line, "'%s' was already set on line %zu; "
		    "this later value counts", ini_quote(v[i]->key, q, sizeof q), v[i - 1]->line);
	}
	free(v);
}

/* iniparser reads only named files: hand it the cleaned copy in a temporary one. */
static void *
load_copy(struct ini *ini, const struct buf *copy)
{
	const char *tmp = getenv("TMPDIR");
	dictionary *d;
	char *path;
	int fd, e;

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	path = xasprintf("%s/lede-ini-XXXXXX", tmp);
	if ((fd = mkstemp(path)) == -1) {
		ini_problem(ini, 0, "cannot make a temporary copy in %s: %s", tmp,
		    strerror(errno));
		free(path);
		return NULL;
	}
	if (copy->len > 0 && write(fd, copy->s, copy->len) != (ssize_t)copy->len) {
		e = errno;
		close(fd);
		unlink(path);
		ini_problem(ini, 0, "cannot write a temporary copy in %s: %s", tmp,
		    strerror(e));
		free(path);
		return NULL;
	}
	close(fd);
	iniparser_set_error_callback(ini_swallow);
	d = iniparser_load(path);
	unlink(path);
	free(path);
	if (d == NULL)
		ini_problem(ini, 0, "iniparser could not read the cleaned copy");
	return d;
}

int
ini_open(struct ini *ini, const char *path, const char *implicit, int missing_ok,
    config_warn_fn warn, void *ctx)
{
	struct buf copy = { 0 };
	struct stat st;
	char err[LEDE_ERRLEN], *data;
	size_t len;

	memset(ini, 0, sizeof *ini);
	ini->file = xstrdup(path);
	ini->warn = warn;
	ini->ctx = ctx;
	if (missing_ok && stat(path, &st) == -1 && errno == ENOENT)
		return 1;
	/* a bounded read (a device never ends); up to 64 MB the check below
	 * says how large */
	if (read_file_max(path, (size_t)64 << 20, &data, &len, err, sizeof err) == -1) {
		/* read_file's message already starts with the path */
		ini->problems++;
		ini->reported++;
		if (warn != NULL)
			warn(err, ctx);
		return -1;
	}
	if (len > INI_MAXSIZE) {
		ini_problem(ini, 0, "too large (%zu bytes, at most %d); ignored", len,
		    INI_MAXSIZE);
		free(data);
		return -1;
	}
	scan(ini, data, len, implicit, &copy);
	free(data);
	find_duplicates(ini);
	ini->dict = load_copy(ini, &copy);
	buf_free(&copy);
	return ini->dict != NULL ? 0 : -1;
}

const char *
ini_value(const struct ini *ini, const struct ini_entry *e)
{
	const char *v;
	char *k;

	if (ini->dict == NULL)
		return "";
	k = xasprintf("%s:%s", e->section, e->key);
	v = iniparser_getstring(ini->dict, k, NULL);
	free(k);
	return v != NULL ? v : "";
}

void
ini_close(struct ini *ini)
{
	size_t i;

	if (ini->problems > ini->reported && ini->warn != NULL) {
		char *msg = xasprintf("%s: %d more problems not shown", ini->file,
		    ini->problems - ini->reported);

		ini->warn(msg, ini->ctx);
		free(msg);
	}
	for (i = 0; i < ini->nentries; i++) {
		free(ini->entries[i].section);
		free(ini->entries[i].key);
	}
	free(ini->entries);
	for (i = 0; i < ini->nsections; i++)
		free(ini->sections[i].name);
	free(ini->sections);
	if (ini->dict != NULL)
		iniparser_freedict(ini->dict);
	free(ini->file);
	memset(ini, 0, sizeof *ini);
}
