/* main.c - lede: the reader, and its command-line interface */
#include <config.h>

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede/analysis.h"
#include "lede/cli.h"
#include "lede/ingest.h"
#include "lede/msg.h"
#include "lede/paths.h"
#include "lede/story_cli.h"
#include "lede/ui.h"
#include "lede/util.h"

static const char usage_text[] =
    "usage: lede [-c FILE] [PATH...]        open the reader\n"
    "       lede analyze [--no-stories|--stories|--story-phrases] PATH...\n"
    "                                       one JSON object per article (JSON Lines)\n"
    "       lede stories PATH...            one JSON object per story\n"
    "       lede extract PATH...            the cleaned article body as plain text\n"
    "       lede annotations list [PATH...]\n"
    "       lede annotations export --format w3c|brat|markdown [--out DIR] [PATH...]\n"
    "       lede --help | --version\n"
    "A PATH is a file or a directory (read recursively); - reads JSON Lines from\n"
    "standard input.\n";

static void
usage(FILE *f)
{
	fputs(usage_text, f);
}

struct batch {
	struct knowledge	k;
	int			extract;
	struct buf		out;	/* one article's JSON, reused */
};

static void
batch_article(struct article *a, void *ctx)
{
	struct batch *b = ctx;
	struct analysis an;

	analysis_run(&b->k, a, &an);
	if (b->extract)
		analysis_write_extract(stdout, &an);
	else {
		b->out.len = 0;
		analysis_json(&b->out, &an);
		fwrite(b->out.s, 1, b->out.len, stdout);
	}
	analysis_free(&an);
	article_free(a);
}

/* lede analyze|extract PATH... */
static int
batch_main(int argc, char **argv, int extract)
{
	struct batch b = { .extract = extract };
	struct ingest_cb cb = { .article = batch_article, .error = msg_cb,
	    .ctx = &b, .no_hash = 1 };
	char *datadir, *userdir;
	int i, problems = 0;

	if (argc < 2) {
		fprintf(stderr, "lede %s: no PATH given\n", argv[0]);
		usage(stderr);
		return 2;
	}
	datadir = paths_resource("data");
	userdir = paths_config_dir();
	if (extract)	/* the body needs the cleaning rules, not the gazetteer */
		b.k.rules = clean_rules_load(datadir, userdir, msg_cb, NULL);
	else
		knowledge_load(&b.k, datadir, userdir, msg_cb, NULL);
	for (i = 1; i < argc; i++)
		problems += ingest_path(argv[i], &cb);
	knowledge_free(&b.k);
	buf_free(&b.out);
	free(datadir);
	free(userdir);
	return msg_exit_status(problems > 0);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "config", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct ui_opts o = { 0 };
	int ch;

	setlocale(LC_ALL, "");
	/* find the user's directories now: without a home lede refuses here,
	 * before the terminal is set up */
	free(paths_config_dir());
	free(paths_data_dir());
	if (argc > 1 && strcmp(argv[1], "analyze") == 0) {
		int n = argc - 1, r = story_analyze(&n, argv + 1);
		return r >= 0 ? r : batch_main(n, argv + 1, 0);
	}
	if (argc > 1 && strcmp(argv[1], "stories") == 0)
		return story_cli(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "extract") == 0)
		return batch_main(argc - 1, argv + 1, 1);
	if (argc > 1 && strcmp(argv[1], "annotations") == 0)
		return annot_cli(argc - 1, argv + 1);

	while ((ch = getopt_long(argc, argv, "c:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			o.config = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("lede %s\n", PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	o.paths = argv + optind;
	o.npaths = (size_t)(argc - optind);
	return ui_main(&o);
}
