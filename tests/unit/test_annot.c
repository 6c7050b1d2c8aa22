/* test_annot.c - the annotation store: round trip, migrations, refusals, concurrency */
#include <config.h>

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lede/annot.h"
#include "lede/export.h"
#include "lede/ingest.h"
#include "lede/util.h"
#include "t.h"

static char dir[] = "/tmp/lede-test-annot.XXXXXX";

static char *
dbfile(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static struct article *
article(const char *name, const char *text)
{
	char *path = dbfile(name), err[LEDE_ERRLEN];
	struct article *a;

	if (write_file_atomic(path, text, strlen(text), err, sizeof err) == -1) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	a = ingest_txt_article(path, xstrdup(text), strlen(text));
	free(path);
	return a;
}

/* Add an annotation on the first occurrence of quote; returns its id or 0. */
static int64_t
add(struct annot_store *st, const struct article *art, const char *quote,
    enum annot_kind kind, const char *note, const char *tags)
{
	struct annot a;
	char err[LEDE_ERRLEN];
	size_t s = at(art->text, quote);
	int64_t id;

	if (annot_init(&a, art, s, s + strlen(quote), kind, note, tags, err,
	    sizeof err) == -1) {
		fprintf(stderr, "annot_init: %s\n", err);
		return 0;
	}
	if (annot_store_add(st, &a, err, sizeof err) == -1) {
		annot_clear(&a);
		return 0;
	}
	id = a.id;
	annot_clear(&a);
	return id;
}

static long long
sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

static int
sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

static void
test_helpers(void)
{
	char *t = annot_tags_normalize(" key claim, check ,,key claim,check\t,x\ty ");
	enum annot_kind k;

	T_EQ_STR(t, "key claim,check,x y");
	free(t);
	t = annot_tags_normalize("");
	T_EQ_STR(t, "");
	free(t);
	t = annot_tags_normalize("ab,a,b,ab");
	T_EQ_STR(t, "ab,a,b");
	free(t);
	T_CHECK(annot_kind_parse("note", &k) == 0 && k == ANNOT_NOTE);
	T_CHECK(annot_kind_parse("tag", &k) == 0 && k == ANNOT_TAG);
	T_CHECK(annot_kind_parse("Note", &k) == -1);
	T_EQ_STR(annot_kind_name(ANNOT_HIGHLIGHT), "highlight");
	T_EQ_STR(annot_status_name(ANNOT_ORPHAN), "orphan");
	t = annot_article_path("-");
	T_EQ_STR(t, "-");
	free(t);
	t = annot_article_path("no/such/file.txt");
	T_CHECK(t[0] == '/' && strstr(t, "/no/such/file.txt") != NULL);
	free(t);
}

static void
test_init(void)
{
	/* 40 code points before the span: the prefix keeps the last 32 */
	struct article *art = article("init.txt",
	    "0123456789😀😀😀😀😀😀😀😀😀😀abcdefghijklmnopqrst[SPAN]東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京");
	struct annot a;
	char err[LEDE_ERRLEN];
	size_t s = at(art->text, "[SPAN]");

	T_EQ_INT(annot_init(&a, art, s, s + 6, ANNOT_NOTE, "n", "b,a", err, sizeof err), 0);
	T_EQ_STR(a.quote, "[SPAN]");
	/* 40 code points precede it: the first 8 digits fall off */
	T_EQ_STR(a.prefix, "89😀😀😀😀😀😀😀😀😀😀abcdefghijklmnopqrst");
	T_EQ_INT(strlen(a.suffix), 32 * 3);
	T_EQ_STR(a.tags, "b,a");
	T_CHECK(a.path[0] == '/');
	T_CHECK(a.doc == NULL);
	T_CHECK(a.hash == art->hash);
	annot_clear(&a);
	/* bad spans */
	T_EQ_INT(annot_init(&a, art, 5, 5, ANNOT_NOTE, NULL, NULL, err, sizeof err), -1);
	T_EQ_INT(annot_init(&a, art, 5, art->len + 1, ANNOT_NOTE, NULL, NULL, err,
	    sizeof err), -1);
	T_EQ_INT(annot_init(&a, art, 11, 14, ANNOT_NOTE, NULL, NULL, err, sizeof err), -1);
	T_CHECK(strstr(err, "splits a character") != NULL);
	article_free(art);
}

static void
test_round_trip(void)
{
	char *path = dbfile("rt.db"), err[LEDE_ERRLEN];
	struct article *art = article("rt.txt",
	    "Title\n\nPutin met Biden in Geneva. The talks were short. Biden left.");
	struct annot_store *st = annot_store_open(path, 0, err, sizeof err);
	struct annot_list l = { 0 };
	struct annot a;
	struct annot_tag *tags;
	struct annot_counts c;
	size_t n;
	int64_t id1, id2, id3;

	T_CHECK(st != NULL);
	if (st == NULL)
		return;
	T_EQ_STR(err, "");
	T_EQ_INT(annot_store_readonly(st), 0);
	id1 = add(st, art, "Putin met Biden", ANNOT_NOTE, "check \"this\"\nline 2",
	    "key claim, check");
	id2 = add(st, art, "The talks were short.", ANNOT_HIGHLIGHT, NULL, NULL);
	id3 = add(st, art, "Biden left", ANNOT_TAG, NULL, "check");
	T_CHECK(id1 > 0 && id2 > id1 && id3 > id2);
	T_EQ_INT(sql_int(path, "PRAGMA user_version"), ANNOT_SCHEMA_VERSION);

	T_EQ_INT(annot_store_list_article(st, art, &l, err, sizeof err), 0);
	T_EQ_INT(l.n, 3);
	if (l.n == 3) {
		T_EQ_INT(l.v[0].id, id1);
		T_EQ_STR(l.v[0].quote, "Putin met Biden");
		T_EQ_STR(l.v[0].note, "check \"this\"\nline 2");
		T_EQ_STR(l.v[0].tags, "key claim,check");
		T_EQ_INT(l.v[0].kind, ANNOT_NOTE);
		T_EQ_INT(l.v[0].status, ANNOT_ANCHORED);
		T_EQ_INT(l.v[0].start, at(art->text, "Putin"));
		T_CHECK(l.v[0].hash == art->hash);
		T_CHECK(strlen(l.v[0].created) == 20 && l.v[0].created[19] == 'Z');
		T_EQ_INT(l.v[1].kind, ANNOT_HIGHLIGHT);
		T_EQ_STR(l.v[1].tags, "");
		T_EQ_STR(l.v[2].prefix, "n Geneva. The talks were short. ");	/* 32 */
		/* the reader's helpers */
		T_CHECK(annot_at(&l, at(art->text, "met")) == &l.v[0]);
		T_CHECK(annot_at(&l, at(art->text, " in Geneva")) == NULL);
		T_CHECK(annot_next(&l, 0) == &l.v[0]);
		T_CHECK(annot_next(&l, l.v[0].cur_start) == &l.v[1]);
		T_CHECK(annot_prev(&l, l.v[2].cur_start) == &l.v[1]);
		T_CHECK(annot_prev(&l, l.v[0].cur_start) == NULL);
		T_CHECK(annot_next(&l, l.v[2].cur_start) == NULL);
	}
	annot_list_free(&l);

	/* tags in use, most used first; counts per article */
	T_EQ_INT(annot_store_tags(st, &tags, &n, err, sizeof err), 0);
	T_EQ_INT(n, 2);
	if (n == 2) {
		T_EQ_STR(tags[0].name, "check");
		T_EQ_INT(tags[0].count, 2);
		T_EQ_STR(tags[1].name, "key claim");
	}
	annot_tags_free(tags, n);
	T_EQ_INT(annot_store_counts(st, &c, err, sizeof err), 0);
	{
		char *p = annot_article_path(art->path);

		T_EQ_INT(annot_counts_find(&c, p, NULL), 3);
		T_EQ_INT(annot_counts_find(&c, p, "x"), 0);
		T_EQ_INT(annot_counts_find(&c, "/nowhere", NULL), 0);
		free(p);
	}
	annot_counts_free(&c);

	/* update: note only, then tags only */
	T_EQ_INT(annot_store_update(st, id2, "now a note", NULL, err, sizeof err), 0);
	T_EQ_INT(annot_store_get(st, id2, &a, err, sizeof err), 0);
	T_EQ_STR(a.note, "now a note");
	T_EQ_STR(a.tags, "");
	annot_clear(&a);
	T_EQ_INT(annot_store_update(st, id1, NULL, "x,y", err, sizeof err), 0);
	T_EQ_INT(annot_store_get(st, id1, &a, err, sizeof err), 0);
	T_EQ_STR(a.note, "check \"this\"\nline 2");
	T_EQ_STR(a.tags, "x,y");
	annot_clear(&a);
	T_EQ_INT(annot_store_update(st, 9999, "x", NULL, err, sizeof err), -1);
	T_CHECK(strstr(err, "no annotation 9999") != NULL);

	/* delete takes its tags along */
	T_EQ_INT(annot_store_delete(st, id1, err, sizeof err), 0);
	T_EQ_INT(annot_store_delete(st, id1, err, sizeof err), -1);
	T_EQ_INT(annot_store_get(st, id1, &a, err, sizeof err), -1);
	T_EQ_INT(sql_int(path, "SELECT count(*) FROM tag WHERE name IN ('x', 'y')"), 0);
	T_EQ_INT(annot_store_list(st, NULL, NULL, &l, err, sizeof err), 0);
	T_EQ_INT(l.n, 2);
	annot_list_free(&l);
	T_EQ_INT(annot_store_check(st, err, sizeof err), 0);
	annot_store_close(st);

	/* reopened: still there, and re-anchored after an edit before them */
	st = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(st != NULL);
	{
		const char *t2 = "Title\n\nUPDATED.\n\nPutin met Biden in Geneva. The talks "
		    "were short. Everyone went home.";
		struct article *art2 = ingest_txt_article(art->path, xstrdup(t2), strlen(t2));

		T_EQ_INT(annot_store_list_article(st, art2, &l, err, sizeof err), 0);
		T_EQ_INT(l.n, 2);
		if (l.n == 2) {
			T_EQ_INT(l.v[0].status, ANNOT_MOVED);
			T_EQ_INT(l.v[0].cur_start, at(t2, "The talks"));
			/* "Biden left" is gone: an orphan, listed last */
			T_EQ_INT(l.v[1].status, ANNOT_ORPHAN);
			T_EQ_STR(l.v[1].quote, "Biden left");
			T_CHECK(annot_at(&l, 0) == NULL);
			/* the moved one becomes the stored state; the orphan cannot */
			T_EQ_INT(annot_store_rebase(st, &l.v[0], art2, err, sizeof err), 0);
			T_EQ_INT(l.v[0].start, at(t2, "The talks"));
			T_EQ_INT(annot_store_rebase(st, &l.v[1], art2, err, sizeof err), -1);
		}
		annot_list_free(&l);
		T_EQ_INT(annot_store_list(st, art2->path, NULL, &l, err, sizeof err), 0);
		T_EQ_INT(l.n, 2);
		if (l.n == 2) {
			/* ordered by stored start: the moved one now comes first */
			T_EQ_INT(l.v[0].start, at(t2, "The talks"));
			T_CHECK(l.v[0].hash == art2->hash);
			T_EQ_STR(l.v[0].prefix, "ED.\n\nPutin met Biden in Geneva. ");
			T_EQ_STR(l.v[1].quote, "Biden left");	/* the orphan, untouched */
			T_EQ_INT(l.v[1].start, 56);
		}
		annot_list_free(&l);
		article_free(art2);
	}
	annot_store_close(st);
	article_free(art);
	free(path);
}

static void
test_migration(void)
{
	char *path = dbfile("v1.db"), err[LEDE_ERRLEN];
	struct annot_store *st;
	struct annot_list l = { 0 };

	/* the version 1 schema as it shipped, with tags in one column */
	T_EQ_INT(sql_exec(path,
	    "CREATE TABLE annotation (id INTEGER PRIMARY KEY, path TEXT NOT NULL,"
	    " doc TEXT NOT NULL DEFAULT '', hash TEXT NOT NULL,"
	    " byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,"
	    " quote TEXT NOT NULL, prefix TEXT NOT NULL DEFAULT '',"
	    " suffix TEXT NOT NULL DEFAULT '',"
	    " kind TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'tag')),"
	    " note TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '',"
	    " created TEXT NOT NULL, updated TEXT NOT NULL);"
	    "CREATE INDEX annotation_article ON annotation (path, doc);"
	    "INSERT INTO annotation VALUES (1, '/a.txt', '', '00000000000000ff', 0, 5,"
	    " 'Hello', '', ' world', 'tag', 'old note', 'one, two ,three',"
	    " '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
	    "INSERT INTO annotation VALUES (2, '/a.txt', '', '00000000000000ff', 6, 11,"
	    " 'world', 'Hello ', '', 'highlight', '', '',"
	    " '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
	    "PRAGMA user_version = 1;"), 0);
	st = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(st != NULL);
	if (st == NULL)
		return;
	T_EQ_STR(err, "");
	T_EQ_INT(sql_int(path, "PRAGMA user_version"), 2);
	T_EQ_INT(sql_int(path, "SELECT count(*) FROM pragma_table_info('annotation')"
	    " WHERE name = 'tags'"), 0);
	T_EQ_INT(annot_store_list(st, "/a.txt", NULL, &l, err, sizeof err), 0);
	T_EQ_INT(l.n, 2);
	if (l.n == 2) {
		T_EQ_STR(l.v[0].tags, "one,two,three");
		T_EQ_STR(l.v[0].note, "old note");
		T_EQ_INT(l.v[0].kind, ANNOT_TAG);
		T_CHECK(l.v[0].hash == 0xff);
		T_EQ_STR(l.v[1].tags, "");
		T_EQ_STR(l.v[1].prefix, "Hello ");
	}
	annot_list_free(&l);
	annot_store_close(st);
	free(path);
}

static void
test_refusals(void)
{
	char *path, err[LEDE_ERRLEN];
	struct annot_store *st;
	struct article *art = article("ref.txt", "Some text to annotate here.");
	struct annot_list l = { 0 };

	/* a newer schema: read-only, with a message, and what it holds still readable */
	path = dbfile("newer.db");
	st = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(st != NULL && add(st, art, "text", ANNOT_HIGHLIGHT, NULL, "t") > 0);
	annot_store_close(st);
	T_EQ_INT(sql_exec(path, "PRAGMA user_version = 7"), 0);
	st = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(st != NULL);
	if (st != NULL) {
		T_CHECK(strstr(err, "newer lede (schema 7") != NULL);
		T_CHECK(strstr(err, "read-only") != NULL);
		T_EQ_INT(annot_store_readonly(st), 1);
		T_EQ_INT(add(st, art, "annotate", ANNOT_NOTE, "no", NULL), 0);
		T_EQ_INT(annot_store_list(st, NULL, NULL, &l, err, sizeof err), 0);
		T_EQ_INT(l.n, 1);
		annot_list_free(&l);
		T_EQ_INT(annot_store_delete(st, 1, err, sizeof err), -1);
		T_CHECK(strstr(err, "read-only") != NULL);
		annot_store_close(st);
	}
	T_EQ_INT(sql_int(path, "SELECT count(*) FROM annotation"), 1);
	T_EQ_INT(sql_int(path, "PRAGMA user_version"), 7);
	free(path);

	/* not a database at all: off, with a message, and the file untouched */
	path = dbfile("garbage.db");
	T_EQ_INT(write_file_atomic(path, "this is not sqlite, not at all, no no no no "
	    "no no no no no no no no no no no no no no no no no no no no no no no no",
	    100, err, sizeof err), 0);
	st = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(st == NULL);
	T_CHECK(strstr(err, "annotations are off") != NULL);
	{
		struct stat sb;

		T_CHECK(stat(path, &sb) == 0 && sb.st_size == 100);
	}
	free(path);

	/* somebody else's database: refused, not converted */
	path = dbfile("other.db");
	T_EQ_INT(sql_exec(path, "CREATE TABLE mine (x); INSERT INTO mine VALUES (1)"), 0);
	st = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(st == NULL);
	T_CHECK(strstr(err, "not a lede annotation database") != NULL);
	T_EQ_INT(sql_int(path, "SELECT count(*) FROM mine"), 1);
	free(path);

	/* damaged pages: read-only with a message, never rewritten */
	path = dbfile("damaged.db");
	st = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(st != NULL);
	{
		int i;
		char q[32];

		for (i = 0; i < 200; i++) {
			snprintf(q, sizeof q, "annotate");
			add(st, art, q, ANNOT_NOTE, "a fairly long note to fill pages "
			    "a fairly long note to fill pages", "x");
		}
	}
	annot_store_close(st);	/* the last close checkpoints the log into the file */
	{
		FILE *f = fopen(path, "r+b");
		char junk[4096];

		memset(junk, 0x5a, sizeof junk);
		T_CHECK(f != NULL);
		if (f != NULL) {
			fseek(f, 4096 * 2, SEEK_SET);
			fwrite(junk, 1, sizeof junk, f);
			fclose(f);
		}
	}
	st = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(st == NULL || annot_store_readonly(st));
	T_CHECK(strstr(err, "damaged") != NULL || strstr(err, "malformed") != NULL);
	if (st != NULL) {
		T_EQ_INT(add(st, art, "text", ANNOT_NOTE, NULL, NULL), 0);
		annot_store_close(st);
	}
	free(path);

	/* explicitly read-only: a missing database is an empty store, not created */
	path = dbfile("missing.db");
	st = annot_store_open(path, ANNOT_OPEN_READONLY, err, sizeof err);
	T_CHECK(st != NULL && annot_store_readonly(st));
	if (st != NULL) {
		T_EQ_INT(annot_store_list(st, NULL, NULL, &l, err, sizeof err), 0);
		T_EQ_INT(l.n, 0);
		T_EQ_INT(add(st, art, "text", ANNOT_NOTE, NULL, NULL), 0);
		annot_store_close(st);
	}
	T_CHECK(access(path, F_OK) == -1);
	free(path);

	/* a file the user may not write (meaningless for root, who may) */
	if (geteuid() != 0) {
		path = dbfile("ro.db");
		st = annot_store_open(path, 0, err, sizeof err);
		T_CHECK(st != NULL && add(st, art, "text", ANNOT_NOTE, NULL, NULL) > 0);
		annot_store_close(st);
		chmod(path, 0444);
		st = annot_store_open(path, 0, err, sizeof err);
		T_CHECK(st != NULL && annot_store_readonly(st));
		T_CHECK(strstr(err, "not writable") != NULL);
		if (st != NULL) {
			T_EQ_INT(annot_store_list(st, NULL, NULL, &l, err, sizeof err), 0);
			T_EQ_INT(l.n, 1);
			annot_list_free(&l);
		}
		annot_store_close(st);
		free(path);
	}
	/* a directory that cannot be created */
	path = dbfile("ref.txt/sub/a.db");
	st = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(st == NULL);
	T_CHECK(strstr(err, "annotations are off") != NULL);
	free(path);
	article_free(art);
}

static void
test_two_connections(void)
{
	char *path = dbfile("two.db"), err[LEDE_ERRLEN];
	struct annot_store *a, *b;
	struct article *art = article("two.txt", "One two three four five six.");
	struct annot_list l = { 0 };
	sqlite3 *x;

	a = annot_store_open(path, 0, err, sizeof err);
	b = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(a != NULL && b != NULL);
	if (a == NULL || b == NULL)
		return;
	{
		char *wal = xasprintf("%s-wal", path);

		T_EQ_INT(access(wal, F_OK), 0);	/* WAL mode */
		free(wal);
	}
	T_EQ_INT(annot_store_changed(b), 0);
	T_CHECK(add(a, art, "two", ANNOT_NOTE, "from a", NULL) > 0);
	/* b learns that a committed; a's own commit does not count for a */
	T_EQ_INT(annot_store_changed(b), 1);
	T_EQ_INT(annot_store_changed(b), 0);
	T_EQ_INT(annot_store_changed(a), 0);
	T_CHECK(add(b, art, "four", ANNOT_NOTE, "from b", NULL) > 0);
	T_EQ_INT(annot_store_changed(a), 1);
	T_EQ_INT(annot_store_list_article(a, art, &l, err, sizeof err), 0);
	T_EQ_INT(l.n, 2);
	annot_list_free(&l);
	T_EQ_INT(annot_store_list_article(b, art, &l, err, sizeof err), 0);
	T_EQ_INT(l.n, 2);
	annot_list_free(&l);

	/* another writer holds the lock: the change fails cleanly, then succeeds */
	T_EQ_INT(sqlite3_open(path, &x), SQLITE_OK);
	T_EQ_INT(sqlite3_exec(x, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	annot_store_set_timeout(a, 50);
	{
		struct annot n;
		size_t s = at(art->text, "six");

		T_EQ_INT(annot_init(&n, art, s, s + 3, ANNOT_NOTE, "locked", NULL, err,
		    sizeof err), 0);
		T_EQ_INT(annot_store_add(a, &n, err, sizeof err), -1);
		T_CHECK(strstr(err, "locked") != NULL);
		T_EQ_INT(n.id, 0);
		/* readers are not blocked by a writer in WAL mode */
		T_EQ_INT(annot_store_list_article(b, art, &l, err, sizeof err), 0);
		T_EQ_INT(l.n, 2);
		annot_list_free(&l);
		sqlite3_exec(x, "ROLLBACK", NULL, NULL, NULL);
		T_EQ_INT(annot_store_add(a, &n, err, sizeof err), 0);
		T_CHECK(n.id > 0);
		annot_clear(&n);
	}
	sqlite3_close(x);
	T_EQ_INT(annot_store_list_article(b, art, &l, err, sizeof err), 0);
	T_EQ_INT(l.n, 3);
	annot_list_free(&l);
	T_EQ_INT(sql_int(path, "SELECT count(*) FROM annotation"), 3);
	annot_store_close(a);
	annot_store_close(b);

	/* held with an exclusive lock at open: a clear message, no hang */
	T_EQ_INT(sqlite3_open(path, &x), SQLITE_OK);
	sqlite3_exec(x, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
	    " INSERT INTO tag VALUES (1, 99, 'lock'); COMMIT;", NULL, NULL, NULL);
	a = annot_store_open(path, ANNOT_OPEN_NOWAIT, err, sizeof err);
	T_CHECK(a == NULL || annot_store_readonly(a));
	T_CHECK(strstr(err, "locked") != NULL);
	annot_store_close(a);
	sqlite3_close(x);
	a = annot_store_open(path, 0, err, sizeof err);
	T_CHECK(a != NULL && !annot_store_readonly(a));
	annot_store_close(a);
	article_free(art);
	free(path);
}

static void
test_jsonl_identity(void)
{
	char *path = dbfile("doc.db"), err[LEDE_ERRLEN];
	struct annot_store *st = annot_store_open(path, 0, err, sizeof err);
	struct article *a1 = article("feed.jsonl", "Same text in two articles.");
	struct article *a2 = ingest_txt_article(a1->path, xstrdup(a1->text), a1->len);
	struct annot_list l = { 0 };
	struct annot_counts c;
	char *canon = annot_article_path(a1->path);

	a1->id = xstrdup("first");
	a2->id = xstrdup("second");
	T_CHECK(add(st, a1, "two", ANNOT_NOTE, "1", NULL) > 0);
	T_CHECK(add(st, a2, "text", ANNOT_NOTE, "2", NULL) > 0);
	T_CHECK(add(st, a2, "articles", ANNOT_NOTE, "3", NULL) > 0);
	T_EQ_INT(annot_store_list_article(st, a1, &l, err, sizeof err), 0);
	T_EQ_INT(l.n, 1);
	if (l.n == 1)
		T_EQ_STR(l.v[0].doc, "first");
	annot_list_free(&l);
	T_EQ_INT(annot_store_counts(st, &c, err, sizeof err), 0);
	T_EQ_INT(annot_counts_find(&c, canon, "second"), 2);
	T_EQ_INT(annot_counts_find(&c, canon, "first"), 1);
	T_EQ_INT(annot_counts_find(&c, canon, NULL), 0);
	annot_counts_free(&c);
	annot_store_close(st);
	free(canon);
	article_free(a1);
	article_free(a2);
	free(path);
}

/* brat lines for a text with emoji and CJK, counted by hand */
static void
test_brat(void)
{
	/* "A😀 東京\nB" : A=0, 😀=1 (UTF-16 1-2), space, 東 京, newline, B */
	const char *text = "A😀 東京\nB";
	struct article *art = ingest_txt_article("/x/y.txt", xstrdup(text), strlen(text));
	struct annot a[2];
	struct annot_list l = { a, 2 };
	struct buf b = { 0 };
	char err[LEDE_ERRLEN], *stem;
	size_t skipped;

	T_EQ_INT(annot_init(&a[0], art, at(text, "東"), strlen(text), ANNOT_NOTE,
	    "a\tnote\nhere", "key claim,x", err, sizeof err), 0);
	T_EQ_INT(annot_init(&a[1], art, 0, 1, ANNOT_HIGHLIGHT, NULL, NULL, err,
	    sizeof err), 0);
	annot_list_reanchor(&l, text, strlen(text));
	export_brat_ann(&b, art, &l, BRAT_CODEPOINT, &skipped);
	T_EQ_STR(b.s, "T1\tHighlight 0 1\tA\n"
	    "T2\tNote 3 5;6 7\t東京 B\n#1\tAnnotatorNotes T2\ta note here\n"
	    "A1\tTag T2 key_claim\nA2\tTag T2 x\n");
	T_EQ_INT(skipped, 0);
	buf_free(&b);
	export_brat_ann(&b, art, &l, BRAT_UTF16, &skipped);
	T_CHECK(strstr(b.s, "T2\tNote 4 6;7 8\t") != NULL);
	buf_free(&b);
	/* sorted by position: the highlight came first */
	T_EQ_INT(a[0].kind, ANNOT_HIGHLIGHT);
	a[0].status = ANNOT_ORPHAN;
	export_brat_ann(&b, art, &l, BRAT_UTF16, &skipped);
	T_EQ_INT(skipped, 1);
	T_CHECK(strstr(b.s, "Highlight") == NULL);
	buf_free(&b);
	annot_clear(&a[0]);
	annot_clear(&a[1]);
	stem = export_brat_stem("/a/b/c d.v2.jsonl", "id/1");
	T_EQ_STR(stem, "c_d.v2-id_1");
	free(stem);
	stem = export_brat_stem("/a/.txt", NULL);
	T_EQ_STR(stem, "_txt");
	free(stem);
	article_free(art);
}

int
main(void)
{
	char cmd[128];
	int rc;

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_helpers();
	test_init();
	test_round_trip();
	test_migration();
	test_refusals();
	test_two_connections();
	test_jsonl_identity();
	test_brat();
	rc = t_done();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return rc;
}
