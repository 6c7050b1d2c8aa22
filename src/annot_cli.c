/* annot_cli.c - lede annotations list|export, and add|update|delete|check for scripts */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "lede/annot.h"
#include "lede/cli.h"
#include "lede/export.h"
#include "lede/ingest.h"
#include "lede/json.h"
#include "lede/msg.h"
#include "lede/util.h"

static const char annot_usage[] =
    "usage: lede annotations list [PATH...]\n"
    "       lede annotations export --format w3c|brat|markdown [--out DIR]\n"
    "                               [--brat-offsets=codepoint|utf16] [PATH...]\n"
    "for scripts:\n"
    "       lede annotations add --path FILE [--doc ID] --start N --end N\n"
    "                            --kind highlight|note|tag [--note TEXT] [--tags A,B]\n"
    "       lede annotations add --path FILE [--doc ID] --stdin\n"
    "       lede annotations update --id N [--note TEXT] [--tags A,B]\n"
    "       lede annotations delete --id N\n"
    "       lede annotations check\n"
    "every command takes --db FILE (default $XDG_DATA_HOME/lede/annotations.db)\n";

enum format {
	FMT_LIST,
	FMT_W3C,
	FMT_BRAT,
	FMT_MARKDOWN
};

struct opts {
	const char		*db;
	enum format		 format;
	const char		*out;
	enum brat_offsets	 offsets;
	const char		*path, *doc, *note, *tags;
	long long		 start, end, id;
	int			 have_kind, from_stdin;
	enum annot_kind		 kind;
};

static int
usage_error(const char *fmt, const char *arg)
{
	msg_print("lede annotations", fmt, arg);
	fputs(annot_usage, stderr);
	return 2;
}

static int
parse_num(const char *s, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	return (errno != 0 || end == s || *end != '\0' || *out < 0) ? -1 : 0;
}

/* ---- list and export ------------------------------------------------------- */

struct out {
	struct opts		*o;
	struct annot_store	*st;
	int			 problems;
	/* brat: stems used so far, so that two articles never share a file */
	char			**stems;
	size_t			 nstems;
	/* without PATHs: the stored annotations of the file being read, by doc */
	struct annot_list	*pending;
	/* with PATHs: the files an article was read from (absolute) */
	char			**read;
	size_t			 nread;
};

static char *
unique_stem(struct out *w, const char *path, const char *doc)
{
	char *stem = export_brat_stem(path, doc), *try = xstrdup(stem);
	size_t i, k = 1;

	for (i = 0; i < w->nstems; i++) {
		if (strcmp(w->stems[i], try) == 0) {
			free(try);
			try = xasprintf("%s-%zu", stem, ++k);
			i = (size_t)-1;
		}
	}
	free(stem);
	w->stems = xreallocarray(w->stems, w->nstems + 1, sizeof *w->stems);
	w->stems[w->nstems++] = xstrdup(try);
	return try;
}

static void
write_brat(struct out *w, const struct article *art, const char *path,
    const char *doc, const struct annot_list *l)
{
	struct buf txt = { 0 }, ann = { 0 };
	char err[LEDE_ERRLEN], *stem, *p;
	size_t skipped;

	if (art == NULL) {
		msg_print(NULL, "%s: not read, so its %zu annotation%s cannot go "
		    "into brat files", path, l->n, l->n == 1 ? "" : "s");
		return;
	}
	stem = unique_stem(w, path, doc);
	export_brat_txt(&txt, art);
	export_brat_ann(&ann, art, l, w->o->offsets, &skipped);
	buf_adds(&ann, "");
	p = xasprintf("%s/%s.txt", w->o->out, stem);
	if (write_file_atomic(p, txt.s, txt.len, err, sizeof err) == -1) {
		msg_cb(err, NULL);
		w->problems++;
	}
	free(p);
	p = xasprintf("%s/%s.ann", w->o->out, stem);
	if (write_file_atomic(p, ann.s, ann.len, err, sizeof err) == -1) {
		msg_cb(err, NULL);
		w->problems++;
	}
	free(p);
	if (skipped > 0)
		msg_print(NULL, "%s: %zu orphaned annotation%s left out of %s.ann "
		    "(brat needs a place in the text)", path, skipped,
		    skipped == 1 ? "" : "s", stem);
	free(stem);
	buf_free(&txt);
	buf_free(&ann);
}

/* Write one article's annotations (re-anchored, or unchecked when art is NULL). */
static void
emit(struct out *w, const struct article *art, const char *path, const char *doc,
    struct annot_list *l)
{
	size_t i;

	if (l->n == 0)
		return;
	switch (w->o->format) {
	case FMT_LIST:
		for (i = 0; i < l->n; i++)
			export_json(stdout, &l->v[i]);
		break;
	case FMT_W3C:
		for (i = 0; i < l->n; i++)
			export_w3c(stdout, &l->v[i], art);
		break;
	case FMT_MARKDOWN:
		export_markdown_article(stdout, art, path, doc, l);
		break;
	case FMT_BRAT:
		write_brat(w, art, path, doc, l);
		break;
	}
}

static int
same_doc_p(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
with_paths_article(struct article *art, void *ctx)
{
	struct out *w = ctx;
	struct annot_list l = { 0 };
	char err[LEDE_ERRLEN], *abs = annot_article_path(art->path);

	if (w->nread == 0 || strcmp(w->read[w->nread - 1], abs) != 0) {
		w->read = xreallocarray(w->read, w->nread + 1, sizeof *w->read);
		w->read[w->nread++] = abs;
	} else
		free(abs);
	if (annot_store_list_article(w->st, art, &l, err, sizeof err) == -1) {
		msg_cb(err, NULL);
		w->problems++;
	} else if (l.n > 0) {
		emit(w, art, l.v[0].path, art->id, &l);
	}
	annot_list_free(&l);
	article_free(art);
}

/* Whether the stored path p is PATH or inside it. */
static int
under(const char *p, const char *path)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	return strncmp(p, path, n) == 0 && (p[n] == '\0' || p[n] == '/' ||
	    (n == 1 && path[0] == '/'));
}

/* With PATHs: the stored annotations of files under them that gave no article
 * (missing, empty, binary, unreadable) are listed as orphans, not left out. */
static int
unread_orphans(struct out *w, int argc, char **argv)
{
	struct annot_list all = { 0 }, grp;
	char err[LEDE_ERRLEN], **abs = xreallocarray(NULL, (size_t)argc, sizeof *abs);
	size_t i, j, k, r;
	int a;

	for (a = 0; a < argc; a++)
		abs[a] = annot_article_path(argv[a]);
	if (annot_store_list(w->st, NULL, NULL, &all, err, sizeof err) == -1) {
		msg_cb(err, NULL);
		w->problems++;
		all.n = 0;
	}
	for (i = 0; i < all.n; i = j) {
		int mine = 0;

		for (j = i; j < all.n && strcmp(all.v[j].path, all.v[i].path) == 0 &&
		    same_doc_p(all.v[j].doc, all.v[i].doc); j++)
			;
		for (a = 0; a < argc && !mine; a++)
			mine = strcmp(all.v[i].path, "-") != 0 && under(all.v[i].path, abs[a]);
		for (r = 0; r < w->nread && mine; r++)
			if (strcmp(w->read[r], all.v[i].path) == 0)
				mine = 0;
		if (!mine)
			continue;
		grp.v = all.v + i;
		grp.n = j - i;
		for (k = 0; k < grp.n; k++)
			grp.v[k].status = ANNOT_ORPHAN;
		emit(w, NULL, grp.v[0].path, grp.v[0].doc, &grp);
	}
	annot_list_free(&all);
	for (a = 0; a < argc; a++)
		free(abs[a]);
	free(abs);
	return 0;
}

static int
same_doc(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Without PATHs: an article of a stored file; take its annotations out of pending. */
static void
stored_article(struct article *art, void *ctx)
{
	struct out *w = ctx;
	struct annot_list *p = w->pending, mine = { 0 };
	size_t i, k = 0;

	for (i = 0; i < p->n; i++) {
		if (same_doc(p->v[i].doc, art->id)) {
			mine.v = xreallocarray(mine.v, mine.n + 1, sizeof *mine.v);
			mine.v[mine.n++] = p->v[i];
		} else
			p->v[k++] = p->v[i];
	}
	p->n = k;
	if (mine.n > 0) {
		annot_list_reanchor(&mine, art->text, art->len);
		emit(w, art, mine.v[0].path, art->id, &mine);
	}
	annot_list_free(&mine);
	article_free(art);
}

static void
stored_error(const char *msg, void *ctx)
{
	struct out *w = ctx;

	msg_cb(msg, NULL);
	w->problems++;
}

/* Every stored annotation, file by file, re-anchored where the file can be read. */
static int
without_paths(struct out *w)
{
	struct annot_list all = { 0 }, one;
	struct ingest_cb cb = { .article = stored_article, .error = stored_error,
	    .ctx = w };
	char err[LEDE_ERRLEN];
	size_t i, j, k;

	if (annot_store_list(w->st, NULL, NULL, &all, err, sizeof err) == -1) {
		msg_cb(err, NULL);
		return 1;
	}
	for (i = 0; i < all.n; i = j) {
		for (j = i; j < all.n && strcmp(all.v[j].path, all.v[i].path) == 0; j++)
			;
		one.v = xreallocarray(NULL, j - i, sizeof *one.v);
		memcpy(one.v, all.v + i, (j - i) * sizeof *one.v);
		one.n = j - i;
		w->pending = &one;
		if (strcmp(one.v[0].path, "-") != 0) {
			/* a copy: the callback frees the annotations, their path too,
			 * while a JSON Lines file still has records to read */
			char *path = xstrdup(one.v[0].path);

			ingest_file(path, &cb);
			free(path);
		}
		/* what no article claimed: the file or the article is gone */
		while (one.n > 0) {
			struct annot_list same = { 0 };

			for (k = 0; k < one.n && same_doc(one.v[k].doc, one.v[0].doc); k++)
				;
			same.v = xreallocarray(NULL, k, sizeof *same.v);
			memcpy(same.v, one.v, k * sizeof *same.v);
			same.n = k;
			memmove(one.v, one.v + k, (one.n - k) * sizeof *one.v);
			one.n -= k;
			emit(w, NULL, same.v[0].path, same.v[0].doc, &same);
			annot_list_free(&same);
		}
		free(one.v);
	}
	free(all.v);	/* the annotations themselves were freed group by group */
	return 0;
}

static int
list_or_export(struct opts *o, int argc, char **argv)
{
	struct out w = { .o = o };
	struct ingest_cb cb = { .article = with_paths_article, .error = stored_error,
	    .ctx = &w };
	char err[LEDE_ERRLEN];
	int i, rc = 0;
	size_t k;

	if (o->format == FMT_BRAT && o->out == NULL)
		return usage_error("%s", "brat export writes files: give --out DIR");
	if (o->out != NULL && mkdir_p(o->out, err, sizeof err) == -1) {
		msg_cb(err, NULL);
		return 1;
	}
	w.st = annot_store_open(o->db, ANNOT_OPEN_READONLY, err, sizeof err);
	if (w.st == NULL) {
		msg_cb(err, NULL);
		return 1;
	}
	if (o->out != NULL && o->format != FMT_BRAT) {
		const char *ext = o->format == FMT_W3C ? "jsonl" :
		    o->format == FMT_MARKDOWN ? "md" : "list.jsonl";
		char *p = xasprintf("%s/annotations.%s", o->out, ext);

		if (freopen(p, "w", stdout) == NULL) {
			msg_print(NULL, "%s: %s", p, strerror(errno));
			free(p);
			annot_store_close(w.st);
			return 1;
		}
		free(p);
	}
	if (o->format == FMT_MARKDOWN)
		export_markdown_begin(stdout);
	if (argc == 0)
		rc = without_paths(&w);
	for (i = 0; i < argc; i++)
		w.problems += ingest_path(argv[i], &cb);
	if (argc > 0)
		unread_orphans(&w, argc, argv);
	for (k = 0; k < w.nread; k++)
		free(w.read[k]);
	free(w.read);
	if (o->format == FMT_BRAT) {
		struct annot_tag *tags;
		size_t n;
		struct buf conf = { 0 };
		char *p;

		if (annot_store_tags(w.st, &tags, &n, err, sizeof err) == -1) {
			msg_cb(err, NULL);
			rc = 1;
		} else {
			export_brat_conf(&conf, tags, n);
			annot_tags_free(tags, n);
			p = xasprintf("%s/annotation.conf", o->out);
			if (write_file_atomic(p, conf.s, conf.len, err, sizeof err) == -1) {
				msg_cb(err, NULL);
				rc = 1;
			}
			free(p);
			buf_free(&conf);
		}
	}
	for (k = 0; k < w.nstems; k++)
		free(w.stems[k]);
	free(w.stems);
	annot_store_close(w.st);
	return msg_exit_status(rc != 0 || w.problems > 0);
}

/* ---- add, update, delete, check ------------------------------------------- */

struct pick {
	const char	*doc;
	struct article	*art;
	size_t		 seen;
};

static void
pick_article(struct article *art, void *ctx)
{
	struct pick *p = ctx;

	p->seen++;
	if (p->art == NULL && (p->doc == NULL || (art->id != NULL &&
	    strcmp(art->id, p->doc) == 0))) {
		p->art = art;
		return;
	}
	article_free(art);
}

/* Store one annotation and print it once committed; 0, 1 (store) or 2 (bad span). */
static int
add_one(struct annot_store *st, const struct article *art, long long start,
    long long end, enum annot_kind kind, const char *note, const char *tags)
{
	struct annot a;
	char err[LEDE_ERRLEN];

	if (annot_init(&a, art, (size_t)start, (size_t)end, kind, note, tags, err,
	    sizeof err) == -1) {
		msg_cb(err, NULL);
		return 2;
	}
	if (annot_store_add(st, &a, err, sizeof err) == -1) {
		msg_cb(err, NULL);
		annot_clear(&a);
		return 1;
	}
	/* only now is it safe to say it exists */
	export_json(stdout, &a);
	annot_clear(&a);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		/* stored, but whoever asked was not told: not a success */
		msg_print(NULL, "standard output: %s; annotation stored but not confirmed",
		    strerror(errno));
		return 1;
	}
	return 0;
}

/* --stdin: one JSON object per line, {"start":N,"end":N,"kind":"note","note":"..",
 * "tags":"a,b"}; a burst of changes in one process, each confirmed as it lands. */
static int
add_stream(struct annot_store *st, const struct article *art)
{
	char *line = NULL, err[LEDE_ERRLEN];
	size_t cap = 0, n = 0;
	ssize_t len;
	int rc = 0, r;

	while ((len = getline(&line, &cap, stdin)) != -1) {
		struct json *j;
		const struct json *s, *e;
		const char *k;
		enum annot_kind kind = ANNOT_NOTE;

		n++;
		if ((j = json_parse(line, (size_t)len, err, sizeof err)) == NULL ||
		    (s = json_get(j, "start")) == NULL || s->type != JSON_NUMBER ||
		    (e = json_get(j, "end")) == NULL || e->type != JSON_NUMBER ||
		    !(s->num >= 0 && s->num <= 0x1p62) || !(e->num >= 0 && e->num <= 0x1p62) ||
		    ((k = json_get_str(j, "kind")) != NULL &&
		    annot_kind_parse(k, &kind) == -1)) {
			msg_print(NULL, "-:%zu: expected {\"start\":N,\"end\":N,...}",
			    n);
			json_free(j);
			rc = rc ? rc : 2;
			continue;
		}
		r = add_one(st, art, (long long)s->num, (long long)e->num, kind,
		    json_get_str(j, "note"), json_get_str(j, "tags"));
		json_free(j);
		if (r == 1) {
			rc = 1;
			break;
		}
		if (r != 0 && rc == 0)
			rc = r;
	}
	free(line);
	return rc;
}

static int
cmd_add(struct opts *o)
{
	struct pick p = { .doc = o->doc };
	struct ingest_cb cb = { .article = pick_article, .error = msg_cb,
	    .ctx = &p };
	struct annot_store *st;
	char err[LEDE_ERRLEN];
	int rc;

	if (o->path == NULL)
		return usage_error("%s", "add needs --path FILE");
	if (!o->from_stdin && (o->start < 0 || o->end < 0 || !o->have_kind))
		return usage_error("%s", "add needs --start, --end and --kind (or --stdin)");
	ingest_file(o->path, &cb);
	if (p.art == NULL) {
		if (o->doc != NULL)
			msg_print(NULL, "%s: no article with id %s", o->path, o->doc);
		else if (p.seen == 0)
			msg_print(NULL, "%s: no article read", o->path);
		return 1;
	}
	if (p.seen > 1 && o->doc == NULL) {
		msg_print(NULL, "%s: holds several articles; choose one with --doc",
		    o->path);
		article_free(p.art);
		return 2;
	}
	if ((st = annot_store_open(o->db, 0, err, sizeof err)) == NULL ||
	    annot_store_readonly(st)) {
		msg_cb(err, NULL);
		annot_store_close(st);
		article_free(p.art);
		return 1;
	}
	annot_store_set_timeout(st, 10000);	/* a script may wait for a busy reader */
	if (o->from_stdin)
		rc = add_stream(st, p.art);
	else
		rc = add_one(st, p.art, o->start, o->end, o->kind, o->note, o->tags);
	annot_store_close(st);
	article_free(p.art);
	return rc;
}

static int
cmd_change(struct opts *o, int delete)
{
	struct annot_store *st;
	struct annot a;
	char err[LEDE_ERRLEN];
	int rc;

	if (o->id <= 0)
		return usage_error("%s", "give the annotation with --id N");
	if ((st = annot_store_open(o->db, 0, err, sizeof err)) == NULL ||
	    annot_store_readonly(st)) {
		msg_cb(err, NULL);
		annot_store_close(st);
		return 1;
	}
	if (delete)
		rc = annot_store_delete(st, o->id, err, sizeof err);
	else
		rc = annot_store_update(st, o->id, o->note, o->tags, err, sizeof err);
	if (rc == 0 && !delete && annot_store_get(st, o->id, &a, err, sizeof err) == 0) {
		export_json(stdout, &a);
		annot_clear(&a);
	}
	if (rc == -1)
		msg_cb(err, NULL);
	annot_store_close(st);
	return rc == -1 ? 1 : 0;
}

static int
cmd_check(struct opts *o)
{
	struct annot_store *st;
	char err[LEDE_ERRLEN];
	int rc;

	if ((st = annot_store_open(o->db, ANNOT_OPEN_READONLY, err, sizeof err)) == NULL) {
		msg_cb(err, NULL);
		return 1;
	}
	rc = annot_store_check(st, err, sizeof err);
	if (rc == 0)
		printf("ok\n");
	else
		msg_cb(err, NULL);
	annot_store_close(st);
	return rc == 0 ? 0 : 1;
}

int
annot_cli(int argc, char **argv)
{
	enum { O_DB = 256, O_FORMAT, O_OUT, O_OFFSETS, O_PATH, O_DOC, O_START, O_END,
	    O_KIND, O_NOTE, O_TAGS, O_ID, O_STDIN, O_HELP };
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "out", required_argument, NULL, O_OUT },
		{ "brat-offsets", required_argument, NULL, O_OFFSETS },
		{ "path", required_argument, NULL, O_PATH },
		{ "doc", required_argument, NULL, O_DOC },
		{ "start", required_argument, NULL, O_START },
		{ "end", required_argument, NULL, O_END },
		{ "kind", required_argument, NULL, O_KIND },
		{ "note", required_argument, NULL, O_NOTE },
		{ "tags", required_argument, NULL, O_TAGS },
		{ "id", required_argument, NULL, O_ID },
		{ "stdin", no_argument, NULL, O_STDIN },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o = { .start = -1, .end = -1, .format = FMT_LIST };
	const char *cmd;
	int ch, have_format = 0;

	if (argc < 2)
		return usage_error("%s", "which command? list, export, add, update, "
		    "delete or check");
	cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		fputs(annot_usage, stdout);
		return 0;
	}
	argc--;
	argv++;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case O_DB:
			o.db = optarg;
			break;
		case O_FORMAT:
			have_format = 1;
			if (strcmp(optarg, "w3c") == 0)
				o.format = FMT_W3C;
			else if (strcmp(optarg, "brat") == 0)
				o.format = FMT_BRAT;
			else if (strcmp(optarg, "markdown") == 0)
				o.format = FMT_MARKDOWN;
			else
				return usage_error("unknown format %s", optarg);
			break;
		case O_OUT:
			o.out = optarg;
			break;
		case O_OFFSETS:
			if (strcmp(optarg, "codepoint") == 0)
				o.offsets = BRAT_CODEPOINT;
			else if (strcmp(optarg, "utf16") == 0)
				o.offsets = BRAT_UTF16;
			else
				return usage_error("--brat-offsets is codepoint or utf16, "
				    "not %s", optarg);
			break;
		case O_PATH:
			o.path = optarg;
			break;
		case O_DOC:
			o.doc = optarg;
			break;
		case O_START:
			if (parse_num(optarg, &o.start) == -1)
				return usage_error("--start needs a byte offset, not %s",
				    optarg);
			break;
		case O_END:
			if (parse_num(optarg, &o.end) == -1)
				return usage_error("--end needs a byte offset, not %s",
				    optarg);
			break;
		case O_KIND:
			if (annot_kind_parse(optarg, &o.kind) == -1)
				return usage_error("--kind is highlight, note or tag, "
				    "not %s", optarg);
			o.have_kind = 1;
			break;
		case O_NOTE:
			o.note = optarg;
			break;
		case O_TAGS:
			o.tags = optarg;
			break;
		case O_ID:
			if (parse_num(optarg, &o.id) == -1)
				return usage_error("--id needs a number, not %s", optarg);
			break;
		case O_STDIN:
			o.from_stdin = 1;
			break;
		case O_HELP:
			fputs(annot_usage, stdout);
			return 0;
		default:
			return usage_error("unknown or incomplete option %s",
			    argv[optind - 1]);
		}
	}
	argc -= optind;
	argv += optind;
	if (strcmp(cmd, "list") == 0) {
		if (have_format)
			return usage_error("%s", "list takes no --format; use export");
		return list_or_export(&o, argc, argv);
	}
	if (strcmp(cmd, "export") == 0) {
		if (!have_format)
			return usage_error("%s", "export needs --format w3c|brat|markdown");
		return list_or_export(&o, argc, argv);
	}
	if (argc > 0)
		return usage_error("unexpected argument %s", argv[0]);
	if (strcmp(cmd, "add") == 0)
		return cmd_add(&o);
	if (strcmp(cmd, "update") == 0)
		return cmd_change(&o, 0);
	if (strcmp(cmd, "delete") == 0)
		return cmd_change(&o, 1);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(&o);
	return usage_error("unknown command %s", cmd);
}
