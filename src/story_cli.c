/* story_cli.c - lede stories PATH..., and lede analyze with the other articles of
 * each story as evidence */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lede/analysis.h"
#include "lede/ingest.h"
#include "lede/msg.h"
#include "lede/paths.h"
#include "lede/story.h"
#include "lede/story_cli.h"
#include "lede/util.h"

struct coll {
	struct knowledge	 k;
	struct analysis		*an;
	size_t			 n, cap;
	struct story_set	*set;
	double			 t_analyse, t_group;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
coll_article(struct article *a, void *ctx)
{
	struct coll *c = ctx;
	double t0 = now(), t1;

	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->an = xreallocarray(c->an, c->cap, sizeof *c->an);
	}
	analysis_run(&c->k, a, &c->an[c->n]);
	t1 = now();
	story_add(c->set, &c->an[c->n++]);
	c->t_analyse += t1 - t0;
	c->t_group += now() - t1;
}

/* Articles of each story, stories in order of their first article. */
struct groups {
	size_t	 nstories;
	size_t	*order;		/* article indexes, story by story */
	size_t	*end;		/* story i is order[end[i-1], end[i]) */
};

static void
groups_make(struct coll *c, struct groups *g)
{
	size_t *story, i;
	size_t *count;

	g->nstories = story_assign(c->set, &story);
	count = xcalloc(g->nstories + 1, sizeof *count);
	for (i = 0; i < c->n; i++)
		count[story[i] + 1]++;
	for (i = 0; i < g->nstories; i++)
		count[i + 1] += count[i];
	g->end = xreallocarray(NULL, g->nstories + 1, sizeof *g->end);
	g->order = xreallocarray(NULL, c->n + 1, sizeof *g->order);
	for (i = 0; i < c->n; i++)
		g->order[count[story[i]]++] = i;
	for (i = 0; i < g->nstories; i++)
		g->end[i] = count[i];
	free(count);
	free(story);
}

/* Run over every story: compare its articles, then hand them over. */
static int
run(int argc, char **argv, int analyze, int timing, int phrases)
{
	struct coll c = { 0 };
	struct ingest_cb cb = { .article = coll_article, .error = msg_cb, .ctx = &c,
	    .no_hash = 1 };
	struct groups g;
	struct buf out = { 0 };
	const struct analysis **ptrs;
	char *datadir = paths_resource("data"), *userdir = paths_config_dir();
	size_t i, j, s0;
	int problems = 0;
	double t_cmp = 0, t0;

	knowledge_load(&c.k, datadir, userdir, msg_cb, NULL);
	c.set = story_set_new();
	for (i = 1; i < (size_t)argc; i++)
		problems += ingest_path(argv[i], &cb);
	groups_make(&c, &g);
	ptrs = xreallocarray(NULL, c.n + 1, sizeof *ptrs);
	for (i = s0 = 0; i < g.nstories; s0 = g.end[i++]) {
		struct story_cmp cmp;
		size_t n = g.end[i] - s0;
		for (j = 0; j < n; j++)
			ptrs[j] = &c.an[g.order[s0 + j]];
		t0 = now();
		story_compare(ptrs, n, &cmp);
		t_cmp += now() - t0;
		if (analyze)
			for (j = 0; j < n; j++) {
				struct analysis *an = &c.an[g.order[s0 + j]];
				/* a name-variant flag merges the name into the right entity */
				if (story_add_artifacts(an, &cmp, j, phrases) > 0) {
					entity_result_free(&an->ents);
					entity_extract(c.k.kb, an->art, &an->clean, &an->ents);
				}
			}
		else {
			out.len = 0;
			story_json(&out, i, ptrs, n, &cmp);
			fwrite(out.s, 1, out.len, stdout);
		}
		story_cmp_free(&cmp);
	}
	for (i = 0; i < c.n; i++) {
		if (analyze) {
			out.len = 0;
			analysis_json(&out, &c.an[i]);
			fwrite(out.s, 1, out.len, stdout);
		}
		struct article *a = (struct article *)c.an[i].art;
		analysis_free(&c.an[i]);
		article_free(a);
	}
	if (timing)
		fprintf(stderr, "lede stories: %zu articles, %zu stories; analysis %.2f s, "
		    "grouping %.2f s, comparing %.2f s\n", c.n, g.nstories, c.t_analyse,
		    c.t_group, t_cmp);
	free(ptrs);
	free(g.order);
	free(g.end);
	free(c.an);
	story_set_free(c.set);
	knowledge_free(&c.k);
	buf_free(&out);
	free(datadir);
	free(userdir);
	return msg_exit_status(problems > 0);
}

/* Take the options out of argv (argv[0] is the subcommand); -1 for a bad one. */
static int
take_opts(int *argc, char **argv, int *stories, int *no_stories, int *phrases,
    int *timing)
{
	int i, k = 1, dashdash = 0;

	for (i = 1; i < *argc; i++) {
		if (!dashdash && strcmp(argv[i], "--stories") == 0 && stories != NULL)
			*stories = 1;
		else if (!dashdash && strcmp(argv[i], "--no-stories") == 0 &&
		    no_stories != NULL)
			*no_stories = 1;
		else if (!dashdash && strcmp(argv[i], "--story-phrases") == 0 &&
		    phrases != NULL)
			*phrases = *stories = 1;
		else if (!dashdash && strcmp(argv[i], "--timing") == 0 && timing != NULL)
			*timing = 1;
		else if (!dashdash && strcmp(argv[i], "--") == 0)
			dashdash = 1;
		else if (!dashdash && argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "lede %s: unknown option '%s'\n", argv[0], argv[i]);
			return -1;
		} else
			argv[k++] = argv[i];
	}
	*argc = k;
	argv[k] = NULL;
	return 0;
}

int
story_cli(int argc, char **argv)
{
	int timing = 0;

	if (take_opts(&argc, argv, NULL, NULL, NULL, &timing) < 0)
		return 2;
	if (argc < 2) {
		fprintf(stderr, "lede stories: no PATH given\n"
		    "usage: lede stories [--timing] PATH...\n");
		return 2;
	}
	return run(argc, argv, 0, timing, 0);
}

int
story_analyze(int *argc, char **argv)
{
	int stories = 0, no_stories = 0, phrases = 0, i, files = 0;

	if (take_opts(argc, argv, &stories, &no_stories, &phrases, NULL) < 0)
		return 2;
	for (i = 1; i < *argc; i++)
		files += strcmp(argv[i], "-") != 0;
	if (no_stories || *argc < 2 || (files == 0 && !stories))
		return -1;	/* one article at a time */
	return run(*argc, argv, 1, 0, phrases);
}
