/* annot.c - annotations: the SQLite store, creation from a span, re-anchoring */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <inttypes.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lede/anchor.h"
#include "lede/annot.h"
#include "lede/paths.h"
#include "lede/util.h"

#define DEFAULT_TIMEOUT_MS	2000
#define NOWAIT_TIMEOUT_MS	50

struct annot_store {
	sqlite3	*db;		/* NULL: a read-only store over a missing database */
	char	*path;
	int	 readonly;
	char	*why;		/* why it is read-only */
	long long data_version;	/* for annot_store_changed */
};

/*
 * Schema history; migration i takes user_version i to i + 1. Never edit a shipped
 * step: add one. Version 1 kept tags as one comma-separated column; version 2 moved
 * them to their own table so that completion and counts are one query.
 */
static const char *const migrations[ANNOT_SCHEMA_VERSION] = {
	"CREATE TABLE annotation ("
	" id INTEGER PRIMARY KEY,"
	" path TEXT NOT NULL,"
	" doc TEXT NOT NULL DEFAULT '',"
	" hash TEXT NOT NULL,"
	" byte_start INTEGER NOT NULL,"
	" byte_end INTEGER NOT NULL,"
	" quote TEXT NOT NULL,"
	" prefix TEXT NOT NULL DEFAULT '',"
	" suffix TEXT NOT NULL DEFAULT '',"
	" kind TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'tag')),"
	" note TEXT NOT NULL DEFAULT '',"
	" tags TEXT NOT NULL DEFAULT '',"
	" created TEXT NOT NULL,"
	" updated TEXT NOT NULL);"
	"CREATE INDEX annotation_article ON annotation (path, doc);",

	"CREATE TABLE tag ("
	" annotation INTEGER NOT NULL REFERENCES annotation (id) ON DELETE CASCADE,"
	" pos INTEGER NOT NULL,"
	" name TEXT NOT NULL,"
	" PRIMARY KEY (annotation, pos)) WITHOUT ROWID;"
	"CREATE INDEX tag_name ON tag (name);"
	"WITH RECURSIVE split (annotation, pos, name, rest) AS ("
	" SELECT id, 0, '', tags || ',' FROM annotation WHERE tags <> ''"
	" UNION ALL"
	" SELECT annotation, pos + 1, trim(substr(rest, 1, instr(rest, ',') - 1)),"
	"  substr(rest, instr(rest, ',') + 1) FROM split WHERE rest <> '')"
	" INSERT INTO tag SELECT annotation, pos, name FROM split WHERE name <> '';"
	"ALTER TABLE annotation DROP COLUMN tags;"
};

static const char select_cols[] =
    "SELECT a.id, a.path, a.doc, a.hash, a.byte_start, a.byte_end, a.quote, a.prefix,"
    " a.suffix, a.kind, a.note, a.created, a.updated,"
    " (SELECT group_concat(name, ',') FROM"
    "  (SELECT name FROM tag t WHERE t.annotation = a.id ORDER BY t.pos))"
    " FROM annotation a";

const char *
annot_kind_name(enum annot_kind k)
{
	switch (k) {
	case ANNOT_NOTE:
		return "note";
	case ANNOT_TAG:
		return "tag";
	case ANNOT_HIGHLIGHT:
		break;
	}
	return "highlight";
}

int
annot_kind_parse(const char *s, enum annot_kind *k)
{
	if (strcmp(s, "highlight") == 0)
		*k = ANNOT_HIGHLIGHT;
	else if (strcmp(s, "note") == 0)
		*k = ANNOT_NOTE;
	else if (strcmp(s, "tag") == 0)
		*k = ANNOT_TAG;
	else
		return -1;
	return 0;
}

const char *
annot_status_name(enum annot_status s)
{
	switch (s) {
	case ANNOT_UNCHECKED:
		return "unchecked";
	case ANNOT_ANCHORED:
		return "anchored";
	case ANNOT_MOVED:
		return "moved";
	case ANNOT_FUZZY:
		return "fuzzy";
	case ANNOT_ORPHAN:
		break;
	}
	return "orphan";
}

char *
annot_article_path(const char *path)
{
	char buf[PATH_MAX], cwd[PATH_MAX];

	if (strcmp(path, "-") == 0)
		return xstrdup(path);
	if (realpath(path, buf) != NULL)
		return xstrdup(buf);
	if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
		return xstrdup(path);
	return xasprintf("%s/%s", cwd, path);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *
annot_tags_normalize(const char *tags)
{
	struct buf out = { 0 };
	const char *p = tags, *s, *e;
	char *one, *q, *hit;
	size_t n;

	buf_adds(&out, "");
	while (p != NULL && *p != '\0') {
		s = p;
		e = strchr(p, ',');
		p = e != NULL ? e + 1 : NULL;
		if (e == NULL)
			e = s + strlen(s);
		while (s < e && is_space(*s))
			s++;
		while (e > s && is_space(e[-1]))
			e--;
		if (e == s)
			continue;
		one = xstrndup(s, (size_t)(e - s));
		for (q = one; *q != '\0'; q++) {
			if (is_space(*q))
				*q = ' ';
		}
		/* already there as a whole item? */
		n = strlen(one);
		for (hit = out.s; (hit = strstr(hit, one)) != NULL; hit++) {
			if ((hit == out.s || hit[-1] == ',') &&
			    (hit[n] == ',' || hit[n] == '\0'))
				break;
		}
		if (hit == NULL) {
			if (out.len > 0)
				buf_addc(&out, ',');
			buf_adds(&out, one);
		}
		free(one);
	}
	return buf_detach(&out);
}

int
annot_init(struct annot *a, const struct article *art, size_t start, size_t end,
    enum annot_kind kind, const char *note, const char *tags, char *err,
    size_t errlen)
{
	size_t ps, se;

	memset(a, 0, sizeof *a);
	if (start >= end || end > art->len)
		return seterr(err, errlen, "%s: span %zu-%zu is empty or past the end "
		    "(%zu bytes)", art->path, start, end, art->len);
	if (!utf8_boundary(art->text, art->len, start) ||
	    !utf8_boundary(art->text, art->len, end))
		return seterr(err, errlen, "%s: span %zu-%zu splits a character",
		    art->path, start, end);
	ps = utf8_back(art->text, art->len, start, ANCHOR_CONTEXT);
	se = utf8_fwd(art->text, art->len, end, ANCHOR_CONTEXT);
	a->path = annot_article_path(art->path);
	a->doc = art->id != NULL ? xstrdup(art->id) : NULL;
	a->hash = art->hash;
	a->start = a->cur_start = start;
	a->end = a->cur_end = end;
	a->quote = xstrndup(art->text + start, end - start);
	a->prefix = xstrndup(art->text + ps, start - ps);
	a->suffix = xstrndup(art->text + end, se - end);
	a->kind = kind;
	a->note = xstrdup(note != NULL ? note : "");
	a->tags = annot_tags_normalize(tags != NULL ? tags : "");
	a->status = ANNOT_ANCHORED;
	return 0;
}

void
annot_clear(struct annot *a)
{
	if (a == NULL)
		return;
	free(a->path);
	free(a->doc);
	free(a->quote);
	free(a->prefix);
	free(a->suffix);
	free(a->note);
	free(a->tags);
	memset(a, 0, sizeof *a);
}

void
annot_list_free(struct annot_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		annot_clear(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void
annot_reanchor(struct annot *a, const char *text, size_t len)
{
	struct anchor_target t = {
		.start = a->start, .end = a->end,
		.quote = a->quote, .qlen = strlen(a->quote),
		.prefix = a->prefix, .plen = strlen(a->prefix),
		.suffix = a->suffix, .slen = strlen(a->suffix)
	};
	struct anchor_result r;

	anchor_find(text, len, &t, &r);
	a->cur_start = r.start;
	a->cur_end = r.end;
	switch (r.status) {
	case ANCHOR_KEPT:
		a->status = ANNOT_ANCHORED;
		break;
	case ANCHOR_MOVED:
		a->status = ANNOT_MOVED;
		break;
	case ANCHOR_FUZZY:
		a->status = ANNOT_FUZZY;
		break;
	case ANCHOR_ORPHAN:
		a->status = ANNOT_ORPHAN;
		a->cur_start = a->cur_end = 0;
		break;
	}
}

static int
cmp_current(const void *x, const void *y)
{
	const struct annot *a = x, *b = y;
	int ao = a->status == ANNOT_ORPHAN, bo = b->status == ANNOT_ORPHAN;

	if (ao != bo)
		return ao - bo;
	if (a->cur_start != b->cur_start)
		return a->cur_start < b->cur_start ? -1 : 1;
	if (a->cur_end != b->cur_end)
		return a->cur_end < b->cur_end ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

void
annot_list_reanchor(struct annot_list *l, const char *text, size_t len)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		annot_reanchor(&l->v[i], text, len);
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, cmp_current);
}

const struct annot *
annot_at(const struct annot_list *l, size_t offset)
{
	const struct annot *best = NULL;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct annot *a = &l->v[i];

		if (a->status == ANNOT_ORPHAN || a->cur_start > offset ||
		    offset >= a->cur_end)
			continue;
		if (best == NULL ||
		    a->cur_end - a->cur_start < best->cur_end - best->cur_start)
			best = a;
	}
	return best;
}

const struct annot *
annot_next(const struct annot_list *l, size_t offset)
{
	const struct annot *best = NULL;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct annot *a = &l->v[i];

		if (a->status == ANNOT_ORPHAN || a->cur_start <= offset)
			continue;
		if (best == NULL || a->cur_start < best->cur_start)
			best = a;
	}
	return best;
}

const struct annot *
annot_prev(const struct annot_list *l, size_t offset)
{
	const struct annot *best = NULL;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct annot *a = &l->v[i];

		if (a->status == ANNOT_ORPHAN || a->cur_start >= offset)
			continue;
		if (best == NULL || a->cur_start > best->cur_start)
			best = a;
	}
	return best;
}

/* ---- the store ------------------------------------------------------------- */

char *
annot_default_db(void)
{
	char *dir = paths_data_dir(), *p;

	p = xasprintf("%s/annotations.db", dir);
	free(dir);
	return p;
}

static int
dberr(struct annot_store *st, char *err, size_t errlen, const char *what)
{
	return seterr(err, errlen, "%s: %s: %s", st->path, what,
	    st->db != NULL ? sqlite3_errmsg(st->db) : "no database");
}

static int
exec(struct annot_store *st, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		seterr(err, errlen, "%s: %s", st->path, msg != NULL ? msg :
		    sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* One integer from a one-row query such as PRAGMA user_version; -1 on error. */
static int
query_int(struct annot_store *st, const char *sql, long long *out)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

static void
set_readonly(struct annot_store *st, char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
set_readonly(struct annot_store *st, char *err, size_t errlen, const char *fmt, ...)
{
	char msg[LEDE_ERRLEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	st->readonly = 1;
	free(st->why);
	st->why = xasprintf("%s: %s; annotations are read-only", st->path, msg);
	seterr(err, errlen, "%s", st->why);
}

/* Bring the schema to ANNOT_SCHEMA_VERSION in one transaction. */
static int
migrate(struct annot_store *st, char *err, size_t errlen)
{
	long long v, tables;
	char sql[64];
	int i;

	if (exec(st, "BEGIN IMMEDIATE", err, errlen) == -1)
		return -1;
	/* another process may have upgraded it while we waited */
	if (query_int(st, "PRAGMA user_version", &v) == -1 ||
	    query_int(st, "SELECT count(*) FROM sqlite_schema", &tables) == -1) {
		dberr(st, err, errlen, "reading the schema");
		goto fail;
	}
	if (v == 0 && tables > 0) {
		seterr(err, errlen, "%s: not a lede annotation database", st->path);
		goto fail;
	}
	for (i = (int)v; i < ANNOT_SCHEMA_VERSION; i++) {
		if (exec(st, migrations[i], err, errlen) == -1)
			goto fail;
	}
	if (v < ANNOT_SCHEMA_VERSION) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", ANNOT_SCHEMA_VERSION);
		if (exec(st, sql, err, errlen) == -1)
			goto fail;
	}
	if (exec(st, "COMMIT", err, errlen) == -1)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static int
file_exists(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0;
}

static int
reopen_readonly(struct annot_store *st, int ms)
{
	sqlite3_close(st->db);
	st->db = NULL;
	if (sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(st->db, ms);
	return 0;
}

/* A database in WAL mode that cannot be written (nor its -shm made beside it) is
 * read as immutable: SQLite then needs no shared memory file. Returns 0 when the
 * header could be read that way. */
static int
reopen_immutable(struct annot_store *st, long long *v)
{
	struct buf uri = { 0 };
	const char *p;

	sqlite3_close(st->db);
	st->db = NULL;
	buf_addlit(&uri, "file:");
	for (p = st->path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			buf_addf(&uri, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&uri, *p);
	}
	buf_addlit(&uri, "?immutable=1");
	if (sqlite3_open_v2(uri.s, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
	    NULL) != SQLITE_OK) {
		buf_free(&uri);
		return -1;
	}
	buf_free(&uri);
	sqlite3_extended_result_codes(st->db, 1);
	return query_int(st, "PRAGMA user_version", v);
}

struct annot_store *
annot_store_open(const char *dbpath, int flags, char *err, size_t errlen)
{
	struct annot_store *st = xcalloc(1, sizeof *st);
	char *dir, *slash, msg[LEDE_ERRLEN];
	long long v = 0;
	int existed, rc, ms;

	ms = (flags & ANNOT_OPEN_NOWAIT) ? NOWAIT_TIMEOUT_MS : DEFAULT_TIMEOUT_MS;
	seterr(err, errlen, "%s", "");
	st->path = dbpath != NULL ? xstrdup(dbpath) : annot_default_db();
	existed = file_exists(st->path);
	if (flags & ANNOT_OPEN_READONLY) {
		st->readonly = 1;
		st->why = xasprintf("%s: opened read-only", st->path);
		if (!existed)
			return st;	/* nothing stored yet: an empty store */
		rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY, NULL);
	} else {
		if (!existed && (slash = strrchr(st->path, '/')) != NULL &&
		    slash != st->path) {
			dir = xstrndup(st->path, (size_t)(slash - st->path));
			rc = mkdir_p(dir, msg, sizeof msg);
			free(dir);
			if (rc == -1) {
				seterr(err, errlen, "annotations are off: %s", msg);
				goto fail;
			}
		}
		rc = sqlite3_open_v2(st->path, &st->db,
		    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	}
	if (rc != SQLITE_OK) {
		seterr(err, errlen, "%s: %s; annotations are off", st->path,
		    st->db != NULL ? sqlite3_errmsg(st->db) : "cannot open");
		goto fail;
	}
	sqlite3_busy_timeout(st->db, ms);
	sqlite3_extended_result_codes(st->db, 1);

	/* reading the header tells a database from anything else */
	if (query_int(st, "PRAGMA user_version", &v) == -1) {
		int code = sqlite3_extended_errcode(st->db);

		snprintf(msg, sizeof msg, "%s", sqlite3_errmsg(st->db));
		if (((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN) &&
		    access(st->path, W_OK) == -1 && reopen_immutable(st, &v) == 0) {
			st->readonly = 1;
			set_readonly(st, err, errlen, "neither it nor its directory can be "
			    "written: read as it is on disk");
		} else {
			seterr(err, errlen, "%s: %s; annotations are off", st->path, msg);
			goto fail;
		}
	}
	if (!st->readonly && sqlite3_db_readonly(st->db, "main") == 1)
		set_readonly(st, err, errlen, "the file is not writable");
	if (v > ANNOT_SCHEMA_VERSION) {
		if (!st->readonly && reopen_readonly(st, ms) == -1) {
			seterr(err, errlen, "%s: cannot reopen read-only", st->path);
			goto fail;
		}
		set_readonly(st, err, errlen, "made by a newer lede (schema %lld, this "
		    "one knows %d)", v, ANNOT_SCHEMA_VERSION);
		return st;
	}
	if (!st->readonly) {
		/*
		 * WAL: readers and one writer at a time across processes, and a commit is
		 * one append. synchronous=FULL syncs the log at every commit: NORMAL would
		 * already survive kill -9 (the OS has the bytes), but not a power cut, and
		 * a commit is one human action, so the cost is nothing.
		 */
		if (exec(st, "PRAGMA journal_mode = WAL", msg, sizeof msg) == -1) {
			set_readonly(st, err, errlen, "cannot switch to WAL (%s)", msg);
		}
	}
	if (!st->readonly && v < ANNOT_SCHEMA_VERSION &&
	    migrate(st, msg, sizeof msg) == -1) {
		if (strstr(msg, "not a lede annotation database") != NULL) {
			seterr(err, errlen, "%s; annotations are off", msg);
			goto fail;
		}
		set_readonly(st, err, errlen, "cannot upgrade the schema (%s)", msg);
		if (query_int(st, "PRAGMA user_version", &v) == -1)
			v = 0;
	}
	if (st->readonly && v < ANNOT_SCHEMA_VERSION && v != 0) {
		seterr(err, errlen, "%s: schema %lld needs an upgrade that cannot be "
		    "written now; annotations are off", st->path, v);
		goto fail;
	}
	if (st->readonly && v == 0) {
		/* an empty database that could not be set up: nothing to read */
		sqlite3_close(st->db);
		st->db = NULL;
		return st;
	}
	sqlite3_exec(st->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (existed) {
		char *bad = NULL;
		sqlite3_stmt *s;

		if (sqlite3_prepare_v2(st->db, "PRAGMA quick_check(1)", -1, &s, NULL) ==
		    SQLITE_OK) {
			if (sqlite3_step(s) != SQLITE_ROW)
				bad = xstrdup(sqlite3_errmsg(st->db));
			else if (strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0)
				bad = xstrdup((const char *)sqlite3_column_text(s, 0));
			sqlite3_finalize(s);
		} else
			bad = xstrdup(sqlite3_errmsg(st->db));
		if (bad != NULL) {
			snprintf(msg, sizeof msg, "damaged (%s); keep a copy before "
			    "trying sqlite3 .recover", bad);
			free(bad);
			if (!st->readonly)
				reopen_readonly(st, ms);
			set_readonly(st, err, errlen, "%s", msg);
		}
	}
	annot_store_changed(st);	/* start from the state just read */
	return st;
fail:
	annot_store_close(st);
	return NULL;
}

void
annot_store_close(struct annot_store *st)
{
	if (st == NULL)
		return;
	if (st->db != NULL)
		sqlite3_close(st->db);
	free(st->path);
	free(st->why);
	free(st);
}

int
annot_store_readonly(const struct annot_store *st)
{
	return st->readonly;
}

const char *
annot_store_path(const struct annot_store *st)
{
	return st->path;
}

void
annot_store_set_timeout(struct annot_store *st, int ms)
{
	if (st->db != NULL)
		sqlite3_busy_timeout(st->db, ms);
}

static int
writable(struct annot_store *st, char *err, size_t errlen)
{
	if (st->readonly || st->db == NULL)
		return seterr(err, errlen, "%s", st->why != NULL ? st->why :
		    "annotations are read-only");
	return 0;
}

static void
now_iso(char out[24])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int
prepare(struct annot_store *st, const char *sql, sqlite3_stmt **s, char *err,
    size_t errlen)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK)
		return dberr(st, err, errlen, "query");
	return 0;
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	sqlite3_bind_text(s, i, v != NULL ? v : "", -1, SQLITE_TRANSIENT);
}

static int
insert_tags(struct annot_store *st, int64_t id, const char *tags, char *err,
    size_t errlen)
{
	sqlite3_stmt *s;
	const char *p = tags, *e;
	int pos = 0, rc = 0;

	if (tags == NULL || *tags == '\0')
		return 0;
	if (prepare(st, "INSERT INTO tag (annotation, pos, name) VALUES (?, ?, ?)", &s,
	    err, errlen) == -1)
		return -1;
	while (p != NULL && *p != '\0') {
		e = strchr(p, ',');
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, pos++);
		sqlite3_bind_text(s, 3, p, e != NULL ? (int)(e - p) : -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) != SQLITE_DONE) {
			rc = dberr(st, err, errlen, "storing tags");
			break;
		}
		sqlite3_reset(s);
		p = e != NULL ? e + 1 : NULL;
	}
	sqlite3_finalize(s);
	return rc;
}

static int
commit(struct annot_store *st, char *err, size_t errlen)
{
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		dberr(st, err, errlen, "commit");
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

static int
rollback(struct annot_store *st)
{
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int
annot_store_add(struct annot_store *st, struct annot *a, char *err, size_t errlen)
{
	static const char sql[] =
	    "INSERT INTO annotation (path, doc, hash, byte_start, byte_end, quote, prefix,"
	    " suffix, kind, note, created, updated)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *s;
	char hash[17], now[24], *tags;
	int rc;

	if (writable(st, err, errlen) == -1)
		return -1;
	if (a->quote == NULL || a->path == NULL || a->start >= a->end)
		return seterr(err, errlen, "an annotation needs a path and a passage");
	tags = annot_tags_normalize(a->tags);
	now_iso(now);
	snprintf(hash, sizeof hash, "%016" PRIx64, a->hash);
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		free(tags);
		return dberr(st, err, errlen, "cannot start a change");
	}
	if (prepare(st, sql, &s, err, errlen) == -1) {
		free(tags);
		return rollback(st);
	}
	bind_text(s, 1, a->path);
	bind_text(s, 2, a->doc);
	bind_text(s, 3, hash);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)a->start);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)a->end);
	bind_text(s, 6, a->quote);
	bind_text(s, 7, a->prefix);
	bind_text(s, 8, a->suffix);
	bind_text(s, 9, annot_kind_name(a->kind));
	bind_text(s, 10, a->note);
	bind_text(s, 11, now);
	bind_text(s, 12, now);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		dberr(st, err, errlen, "storing the annotation");
		free(tags);
		return rollback(st);
	}
	a->id = sqlite3_last_insert_rowid(st->db);
	if (insert_tags(st, a->id, tags, err, errlen) == -1) {
		free(tags);
		a->id = 0;
		return rollback(st);
	}
	if (commit(st, err, errlen) == -1) {
		free(tags);
		a->id = 0;
		return -1;
	}
	free(a->tags);
	a->tags = tags;
	memcpy(a->created, now, sizeof now);
	memcpy(a->updated, now, sizeof now);
	return 0;
}

int
annot_store_update(struct annot_store *st, int64_t id, const char *note,
    const char *tags, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	char now[24], *nt = NULL;
	int rc;

	if (writable(st, err, errlen) == -1)
		return -1;
	now_iso(now);
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return dberr(st, err, errlen, "cannot start a change");
	if (prepare(st, "UPDATE annotation SET note = coalesce(?, note), updated = ?"
	    " WHERE id = ?", &s, err, errlen) == -1)
		return rollback(st);
	if (note != NULL)
		bind_text(s, 1, note);
	bind_text(s, 2, now);
	sqlite3_bind_int64(s, 3, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		dberr(st, err, errlen, "updating the annotation");
		return rollback(st);
	}
	if (sqlite3_changes(st->db) == 0) {
		seterr(err, errlen, "no annotation %" PRId64, id);
		return rollback(st);
	}
	if (tags != NULL) {
		nt = annot_tags_normalize(tags);
		if (prepare(st, "DELETE FROM tag WHERE annotation = ?", &s, err,
		    errlen) == -1) {
			free(nt);
			return rollback(st);
		}
		sqlite3_bind_int64(s, 1, id);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE || insert_tags(st, id, nt, err, errlen) == -1) {
			if (rc != SQLITE_DONE)
				dberr(st, err, errlen, "updating tags");
			free(nt);
			return rollback(st);
		}
		free(nt);
	}
	return commit(st, err, errlen);
}

int
annot_store_delete(struct annot_store *st, int64_t id, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int rc;

	if (writable(st, err, errlen) == -1)
		return -1;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return dberr(st, err, errlen, "cannot start a change");
	/* tags go by the foreign key's cascade */
	if (prepare(st, "DELETE FROM annotation WHERE id = ?", &s, err, errlen) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		dberr(st, err, errlen, "deleting the annotation");
		return rollback(st);
	}
	if (sqlite3_changes(st->db) == 0) {
		seterr(err, errlen, "no annotation %" PRId64, id);
		return rollback(st);
	}
	return commit(st, err, errlen);
}

int
annot_store_rebase(struct annot_store *st, struct annot *a, const struct article *art,
    char *err, size_t errlen)
{
	struct annot fresh;
	sqlite3_stmt *s;
	char hash[17], now[24];
	int rc;

	if (writable(st, err, errlen) == -1)
		return -1;
	if (a->status != ANNOT_MOVED && a->status != ANNOT_FUZZY &&
	    a->status != ANNOT_ANCHORED)
		return seterr(err, errlen, "annotation %" PRId64 " has no place in the "
		    "text to move to", a->id);
	if (annot_init(&fresh, art, a->cur_start, a->cur_end, a->kind, NULL, NULL, err,
	    errlen) == -1)
		return -1;
	now_iso(now);
	snprintf(hash, sizeof hash, "%016" PRIx64, art->hash);
	if (prepare(st, "UPDATE annotation SET hash = ?, byte_start = ?, byte_end = ?,"
	    " quote = ?, prefix = ?, suffix = ?, updated = ? WHERE id = ?", &s, err,
	    errlen) == -1) {
		annot_clear(&fresh);
		return -1;
	}
	bind_text(s, 1, hash);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)fresh.start);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)fresh.end);
	bind_text(s, 4, fresh.quote);
	bind_text(s, 5, fresh.prefix);
	bind_text(s, 6, fresh.suffix);
	bind_text(s, 7, now);
	sqlite3_bind_int64(s, 8, a->id);
	/* one statement outside BEGIN is its own transaction: committed on DONE */
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE || sqlite3_changes(st->db) == 0) {
		if (rc != SQLITE_DONE)
			dberr(st, err, errlen, "moving the annotation");
		else
			seterr(err, errlen, "no annotation %" PRId64, a->id);
		annot_clear(&fresh);
		return -1;
	}
	a->hash = art->hash;
	a->start = fresh.start;
	a->end = fresh.end;
	free(a->quote);
	free(a->prefix);
	free(a->suffix);
	a->quote = fresh.quote;
	a->prefix = fresh.prefix;
	a->suffix = fresh.suffix;
	fresh.quote = fresh.prefix = fresh.suffix = NULL;
	memcpy(a->updated, now, sizeof now);
	a->status = ANNOT_ANCHORED;
	annot_clear(&fresh);
	return 0;
}

static char *
col_str(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return xstrndup(t != NULL ? (const char *)t : "", (size_t)sqlite3_column_bytes(s, i));
}

static void
row_to_annot(sqlite3_stmt *s, struct annot *a)
{
	const unsigned char *t;
	long long v;

	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	a->path = col_str(s, 1);
	a->doc = col_str(s, 2);
	if (*a->doc == '\0') {
		free(a->doc);
		a->doc = NULL;
	}
	t = sqlite3_column_text(s, 3);
	a->hash = t != NULL ? strtoull((const char *)t, NULL, 16) : 0;
	v = sqlite3_column_int64(s, 4);
	a->start = v > 0 ? (size_t)v : 0;
	v = sqlite3_column_int64(s, 5);
	a->end = v > 0 ? (size_t)v : 0;
	a->quote = col_str(s, 6);
	a->prefix = col_str(s, 7);
	a->suffix = col_str(s, 8);
	t = sqlite3_column_text(s, 9);
	if (t == NULL || annot_kind_parse((const char *)t, &a->kind) == -1)
		a->kind = ANNOT_HIGHLIGHT;
	a->note = col_str(s, 10);
	t = sqlite3_column_text(s, 11);
	snprintf(a->created, sizeof a->created, "%s", t != NULL ? (const char *)t : "");
	t = sqlite3_column_text(s, 12);
	snprintf(a->updated, sizeof a->updated, "%s", t != NULL ? (const char *)t : "");
	a->tags = col_str(s, 13);
	a->status = ANNOT_UNCHECKED;
	a->cur_start = a->start;
	a->cur_end = a->end;
}

static int
collect(struct annot_store *st, sqlite3_stmt *s, struct annot_list *out, char *err,
    size_t errlen)
{
	size_t cap = 0;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		row_to_annot(s, &out->v[out->n++]);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		annot_list_free(out);
		return dberr(st, err, errlen, "reading annotations");
	}
	return 0;
}

int
annot_store_get(struct annot_store *st, int64_t id, struct annot *out, char *err,
    size_t errlen)
{
	struct annot_list l = { 0 };
	sqlite3_stmt *s;
	char *sql;
	int rc;

	if (st->db == NULL)
		return seterr(err, errlen, "no annotation %" PRId64, id);
	sql = xasprintf("%s WHERE a.id = ?", select_cols);
	rc = prepare(st, sql, &s, err, errlen);
	free(sql);
	if (rc == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (collect(st, s, &l, err, errlen) == -1)
		return -1;
	if (l.n == 0) {
		free(l.v);
		return seterr(err, errlen, "no annotation %" PRId64, id);
	}
	*out = l.v[0];
	free(l.v);
	return 0;
}

int
annot_store_list(struct annot_store *st, const char *path, const char *doc,
    struct annot_list *out, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	char *sql;
	int rc;

	out->v = NULL;
	out->n = 0;
	if (st->db == NULL)
		return 0;
	if (path == NULL)
		sql = xasprintf("%s ORDER BY a.path, a.doc, a.byte_start, a.id",
		    select_cols);
	else
		sql = xasprintf("%s WHERE a.path = ? AND a.doc = ?"
		    " ORDER BY a.byte_start, a.id", select_cols);
	rc = prepare(st, sql, &s, err, errlen);
	free(sql);
	if (rc == -1)
		return -1;
	if (path != NULL) {
		bind_text(s, 1, path);
		bind_text(s, 2, doc);
	}
	return collect(st, s, out, err, errlen);
}

int
annot_store_list_article(struct annot_store *st, const struct article *art,
    struct annot_list *out, char *err, size_t errlen)
{
	char *path = annot_article_path(art->path);
	int rc;

	rc = annot_store_list(st, path, art->id, out, err, errlen);
	free(path);
	if (rc == 0)
		annot_list_reanchor(out, art->text, art->len);
	return rc;
}

int
annot_store_tags(struct annot_store *st, struct annot_tag **tags, size_t *n,
    char *err, size_t errlen)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*tags = NULL;
	*n = 0;
	if (st->db == NULL)
		return 0;
	if (prepare(st, "SELECT name, count(*) AS c FROM tag GROUP BY name"
	    " ORDER BY c DESC, name", &s, err, errlen) == -1)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*tags = xreallocarray(*tags, cap, sizeof **tags);
		}
		(*tags)[*n].name = col_str(s, 0);
		(*tags)[*n].count = (size_t)sqlite3_column_int64(s, 1);
		(*n)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		annot_tags_free(*tags, *n);
		*tags = NULL;
		*n = 0;
		return dberr(st, err, errlen, "reading tags");
	}
	return 0;
}

void
annot_tags_free(struct annot_tag *tags, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(tags[i].name);
	free(tags);
}

int
annot_store_counts(struct annot_store *st, struct annot_counts *c, char *err,
    size_t errlen)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	c->v = NULL;
	c->n = 0;
	if (st->db == NULL)
		return 0;
	/* BINARY collation orders like strcmp, which annot_counts_find relies on */
	if (prepare(st, "SELECT path, doc, count(*) FROM annotation GROUP BY path, doc"
	    " ORDER BY path, doc", &s, err, errlen) == -1)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (c->n == cap) {
			cap = cap ? cap * 2 : 16;
			c->v = xreallocarray(c->v, cap, sizeof *c->v);
		}
		c->v[c->n].path = col_str(s, 0);
		c->v[c->n].doc = col_str(s, 1);
		c->v[c->n].count = (size_t)sqlite3_column_int64(s, 2);
		c->n++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		annot_counts_free(c);
		return dberr(st, err, errlen, "counting annotations");
	}
	return 0;
}

size_t
annot_counts_find(const struct annot_counts *c, const char *path, const char *doc)
{
	size_t lo = 0, hi = c->n, mid;
	int d;

	if (doc == NULL)
		doc = "";
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		d = strcmp(c->v[mid].path, path);
		if (d == 0)
			d = strcmp(c->v[mid].doc, doc);
		if (d == 0)
			return c->v[mid].count;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

void
annot_counts_free(struct annot_counts *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->v[i].path);
		free(c->v[i].doc);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

int
annot_store_changed(struct annot_store *st)
{
	long long v;

	/* data_version moves only for commits by other connections */
	if (st->db == NULL || query_int(st, "PRAGMA data_version", &v) == -1)
		return 0;
	if (v == st->data_version)
		return 0;
	st->data_version = v;
	return 1;
}

int
annot_store_check(struct annot_store *st, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int rc, ok = 0;

	if (st->db == NULL)
		return 0;
	if (prepare(st, "PRAGMA integrity_check(1)", &s, err, errlen) == -1)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);

		ok = t != NULL && strcmp(t, "ok") == 0;
		if (!ok)
			seterr(err, errlen, "%s: %s", st->path, t != NULL ? t : "?");
	} else
		dberr(st, err, errlen, "integrity check");
	sqlite3_finalize(s);
	return ok ? 0 : -1;
}
