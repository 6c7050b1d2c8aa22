/* ingest.c - read plain text and JSON Lines; walk directories */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "lede/html.h"
#include "lede/ingest.h"
#include "lede/json.h"
#include "lede/util.h"

#define WALK_MAX_DEPTH 32

static void
report(const struct ingest_cb *cb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
report(const struct ingest_cb *cb, const char *fmt, ...)
{
	va_list ap;
	char msg[LEDE_ERRLEN];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (cb->error != NULL)
		cb->error(msg, cb->ctx);
}

size_t
utf8_first_invalid(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0, k;

	/* ASCII needs no decoding: skip it eight bytes at a time (no byte with
	 * its high bit set), and check the rest a character at a time. */
	while (i < n) {
		uint64_t w;

		if (n - i >= 8) {
			memcpy(&w, p + i, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		if ((k = utf8_valid_len(p + i, n - i)) == 0)
			return i;
		i += k;
	}
	return (size_t)-1;
}

struct filelist {
	char	**v;
	size_t	  n, cap;
};

static void
filelist_add(struct filelist *l, char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = path;
}

struct dentry {
	char	*path;
	int	 regular;	/* the directory entry says regular file: no stat needed */
};

static int
cmp_dentry(const void *a, const void *b)
{
	return strcmp(((const struct dentry *)a)->path, ((const struct dentry *)b)->path);
}

/* The directories a walk has read, by device and inode: a symbolic link back to
 * one of them is not followed again (a link to "." or ".." would otherwise be
 * walked until the depth limit, 2^depth paths for two of them). */
struct dirset {
	struct dirid {
		dev_t	dev;
		ino_t	ino;
	}	*v;
	size_t	 n, cap;	/* open addressing; cap a power of two */
};

static size_t
dirid_slot(const struct dirset *ds, dev_t dev, ino_t ino)
{
	size_t h = (size_t)hash_mix((uint64_t)dev, (uint64_t)ino), mask = ds->cap - 1;

	for (h &= mask; ds->v[h].dev != 0 || ds->v[h].ino != 0; h = (h + 1) & mask)
		if (ds->v[h].dev == dev && ds->v[h].ino == ino)
			break;
	return h;
}

/* Adds the directory; returns 0 when it was there already. */
static int
dirset_add(struct dirset *ds, dev_t dev, ino_t ino)
{
	size_t i, h;

	if (dev == 0 && ino == 0)
		ino = (ino_t)-1;	/* the empty slot's key; no real directory has it */
	if (ds->n * 2 >= ds->cap) {
		struct dirset bigger = { NULL, 0, ds->cap ? ds->cap * 2 : 64 };

		bigger.v = xcalloc(bigger.cap, sizeof *bigger.v);
		for (i = 0; i < ds->cap; i++)
			if (ds->v[i].dev != 0 || ds->v[i].ino != 0)
				bigger.v[dirid_slot(&bigger, ds->v[i].dev, ds->v[i].ino)] =
				    ds->v[i];
		bigger.n = ds->n;
		free(ds->v);
		*ds = bigger;
	}
	h = dirid_slot(ds, dev, ino);
	if (ds->v[h].dev == dev && ds->v[h].ino == ino)
		return 0;
	ds->v[h].dev = dev;
	ds->v[h].ino = ino;
	ds->n++;
	return 1;
}

static int
walk(const char *dir, int depth, struct filelist *l, struct dirset *seen,
    const struct ingest_cb *cb)
{
	struct dentry *here = NULL;
	size_t n = 0, cap = 0, i, dl = strlen(dir);
	struct dirent *de;
	struct stat st;
	DIR *d;
	int problems = 0;

	if (depth > WALK_MAX_DEPTH) {
		report(cb, "%s: directories nested too deeply, skipped", dir);
		return 1;
	}
	if ((d = opendir(dir)) == NULL) {
		report(cb, "%s: %s", dir, strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			here = xreallocarray(here, cap, sizeof *here);
		}
		here[n].path = xasprintf("%s%s%s", dir,
		    (dl > 0 && dir[dl - 1] == '/') ? "" : "/", de->d_name);
		/* The entry's type saves a stat per file: 100,000 files list fast. */
		here[n].regular = de->d_type == DT_REG;
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(here, n, sizeof *here, cmp_dentry);
	for (i = 0; i < n; i++) {
		char *p = here[i].path;

		if (here[i].regular) {
			filelist_add(l, p);
		} else if (stat(p, &st) == -1) {
			report(cb, "%s: %s", p, strerror(errno));
			problems++;
			free(p);
		} else if (S_ISDIR(st.st_mode)) {
			if (dirset_add(seen, st.st_dev, st.st_ino))
				problems += walk(p, depth + 1, l, seen, cb);
			else {
				/* reached again through a symbolic link: its files
				 * are listed once */
				report(cb, "%s: a directory already read (a symbolic link "
				    "loop or a second link to it), skipped", p);
				problems++;
			}
			free(p);
		} else if (S_ISREG(st.st_mode)) {
			filelist_add(l, p);
		} else {
			report(cb, "%s: not a regular file, skipped", p);
			problems++;
			free(p);
		}
	}
	free(here);
	return problems;
}

int
ingest_list_files(const char *path, char ***files, size_t *nfiles,
    const struct ingest_cb *cb)
{
	struct filelist l = { 0 };
	struct stat st;
	int problems = 0;

	if (strcmp(path, "-") == 0) {
		filelist_add(&l, xstrdup(path));
	} else if (stat(path, &st) == -1) {
		report(cb, "%s: %s", path, strerror(errno));
		problems++;
	} else if (S_ISDIR(st.st_mode)) {
		struct dirset seen = { 0 };

		dirset_add(&seen, st.st_dev, st.st_ino);
		problems += walk(path, 0, &l, &seen, cb);
		free(seen.v);
	} else {
		filelist_add(&l, xstrdup(path));
	}
	*files = l.v;
	*nfiles = l.n;
	return problems;
}

void
ingest_free_files(char **files, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static struct article *
txt_article(const char *path, char *text, size_t len, const struct ingest_cb *cb)
{
	struct article *a = xcalloc(1, sizeof *a);

	a->path = xstrdup(path);
	a->format = ARTICLE_TXT;
	a->text = text;
	a->len = len;
	if (cb == NULL || !cb->no_hash)
		a->hash = hash_bytes(text, len);
	return a;
}

struct article *
ingest_txt_article(const char *path, char *text, size_t len)
{
	return txt_article(path, text, len, NULL);
}

static char *
dup_field(const struct json *o, const char *key)
{
	const char *s = json_get_str(o, key);

	return s != NULL ? xstrdup(s) : NULL;
}

/* A copy of s[0, n) with each NUL byte (a \u0000 in JSON) as U+FFFD: lede's text,
 * quotes and messages are C strings, which a NUL would cut short. */
static char *
nul_replaced(const char *s, size_t n, size_t *outlen)
{
	size_t i, k = 0, nul = 0;
	char *d;

	for (i = 0; i < n; i++)
		nul += s[i] == '\0';
	d = xmalloc(n + 2 * nul + 1);
	for (i = 0; i < n; i++)
		if (s[i] == '\0') {
			memcpy(d + k, "\xef\xbf\xbd", 3);
			k += 3;
		} else
			d[k++] = s[i];
	d[k] = '\0';
	*outlen = k;
	return d;
}

/* One JSON Lines record; returns 0, 1 when it was kept but reported, or -1 after
 * reporting it skipped. */
static int
jsonl_record(const char *name, size_t lineno, const char *line, size_t n,
    const struct ingest_cb *cb)
{
	char err[LEDE_ERRLEN];
	const struct json *t;
	struct json *o;
	struct article *a;
	int ret = 0;

	if ((o = json_parse(line, n, err, sizeof err)) == NULL) {
		report(cb, "%s:%zu: not JSON: %s", name, lineno, err);
		return -1;
	}
	if (o->type != JSON_OBJECT) {
		report(cb, "%s:%zu: not a JSON object", name, lineno);
		json_free(o);
		return -1;
	}
	if ((t = json_get(o, "text")) == NULL || t->type != JSON_STRING) {
		if ((t = json_get(o, "html")) != NULL && t->type == JSON_STRING)
			return html_jsonl_record(name, lineno, o, cb);	/* frees o */
		report(cb, "%s:%zu: no \"text\" or \"html\" string", name, lineno);
		json_free(o);
		return -1;
	}
	a = xcalloc(1, sizeof *a);
	a->path = xstrdup(name);
	a->format = ARTICLE_JSONL;
	if (memchr(t->str, '\0', t->len) != NULL) {
		a->text = nul_replaced(t->str, t->len, &a->len);
		report(cb, "%s:%zu: \\u0000 in \"text\"; shown as U+FFFD", name, lineno);
		ret = 1;
	} else {
		a->text = xstrndup(t->str, t->len);
		a->len = t->len;
	}
	if (!cb->no_hash)
		a->hash = hash_bytes(a->text, a->len);
	a->id = dup_field(o, "id");
	if (a->id == NULL)
		a->id = dup_field(o, "doc");
	if (a->id == NULL)
		a->id = xasprintf("%zu", lineno);
	a->title = dup_field(o, "title");
	a->byline = dup_field(o, "byline");
	a->site = dup_field(o, "site");
	a->date = dup_field(o, "date");
	a->url = dup_field(o, "url");
	json_free(o);
	cb->article(a, cb->ctx);
	return ret;
}

/* After a line too long to hold: the rest of it, up to and including its newline. */
static void
skip_line(FILE *f)
{
	int c;

	while ((c = getc(f)) != EOF && c != '\n')
		;
}

int
ingest_jsonl_stream(FILE *f, const char *name, const struct ingest_cb *cb)
{
	char *line = NULL;
	size_t cap = 0, lineno = 0, bad;
	ssize_t n;
	int problems = 0, any = 0;

	for (;;) {
		errno = 0;
		if ((n = getline(&line, &cap, f)) == -1) {
			if (feof(f) || errno != ENOMEM)
				break;
			/* one record too large for memory ends neither the input
			 * nor lede: say so and go on with the next */
			lineno++;
			report(cb, "%s:%zu: record too large to hold in memory, skipped",
			    name, lineno);
			problems++;
			clearerr(f);
			free(line);
			line = NULL;
			cap = 0;
			skip_line(f);
			continue;
		}
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		size_t i = 0;
		while (i < (size_t)n && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i == (size_t)n)
			continue;
		any = 1;
		if (lineno == 1 && n >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0)
			i += 3;
		if (memchr(line + i, '\0', (size_t)n - i) != NULL) {
			report(cb, "%s:%zu: NUL byte at byte %zu, record skipped", name,
			    lineno, (size_t)((char *)memchr(line + i, '\0', (size_t)n - i) -
			    line));
			problems++;
			continue;
		}
		if ((bad = utf8_first_invalid(line + i, (size_t)n - i)) != (size_t)-1) {
			/* as for plain text: kept, shown with U+FFFD */
			report(cb, "%s:%zu: not valid UTF-8 at byte %zu; shown with U+FFFD",
			    name, lineno, i + bad);
			problems++;
		}
		if (jsonl_record(name, lineno, line + i, (size_t)n - i, cb) != 0)
			problems++;
	}
	if (ferror(f)) {
		report(cb, "%s: %s", name, strerror(errno));
		problems++;
	} else if (!any && strcmp(name, "-") != 0) {
		report(cb, "%s: empty file, skipped", name);
		problems++;
	}
	free(line);
	return problems;
}

static int
looks_jsonl(const char *path, const char *s, size_t n)
{
	size_t i = 0;

	if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson"))
		return 1;
	if (has_suffix(path, ".txt"))
		return 0;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return i + 8 < n && s[i] == '{' && memmem(s + i, n - i < 4096 ? n - i : 4096,
	    "\"text\"", 6) != NULL;
}

int
ingest_file(const char *path, const struct ingest_cb *cb)
{
	char err[LEDE_ERRLEN], *data;
	size_t len, bad;
	const char *nul;
	FILE *f;
	int problems;

	if (strcmp(path, "-") == 0)
		return ingest_jsonl_stream(stdin, "-", cb);
	if (html_path(path))
		return html_ingest_file(path, cb);
	if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson")) {
		int fd;

		if ((fd = open_regular(path, err, sizeof err)) == -1) {
			report(cb, "%s", err);
			return 1;
		}
		if ((f = fdopen(fd, "r")) == NULL) {
			report(cb, "%s: %s", path, strerror(errno));
			close(fd);
			return 1;
		}
		problems = ingest_jsonl_stream(f, path, cb);
		fclose(f);
		return problems;
	}
	if (read_file(path, &data, &len, err, sizeof err) == -1) {
		report(cb, "%s", err);
		return 1;
	}
	if (len == 0) {
		report(cb, "%s: empty file, skipped", path);
		free(data);
		return 1;
	}
	if ((nul = memchr(data, '\0', len)) != NULL) {
		report(cb, "%s: binary file (NUL byte at %zu), skipped", path,
		    (size_t)(nul - data));
		free(data);
		return 1;
	}
	if (looks_jsonl(path, data, len)) {
		if ((f = fmemopen(data, len, "r")) == NULL) {
			report(cb, "%s: %s", path, strerror(errno));
			free(data);
			return 1;
		}
		problems = ingest_jsonl_stream(f, path, cb);
		fclose(f);
		free(data);
		return problems;
	}
	problems = 0;
	if ((bad = utf8_first_invalid(data, len)) != (size_t)-1) {
		report(cb, "%s: not valid UTF-8 at byte %zu; shown with U+FFFD", path, bad);
		problems++;
	}
	cb->article(txt_article(path, data, len, cb), cb->ctx);
	return problems;
}

int
ingest_path(const char *path, const struct ingest_cb *cb)
{
	char **files;
	size_t n, i;
	int problems;

	problems = ingest_list_files(path, &files, &n, cb);
	for (i = 0; i < n; i++)
		problems += ingest_file(files[i], cb);
	ingest_free_files(files, n);
	return problems;
}
