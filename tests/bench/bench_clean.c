/* bench_clean.c - cleaning throughput over a large generated corpus, on one core.
 * usage: bench_clean DATADIR MEGABYTES FILE... (the files seed the generator) */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lede/clean.h"
#include "lede/util.h"

static unsigned long long rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void
warn(const char *msg, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "%s\n", msg);
}

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct clean_rules *r;
	struct buf *arts;
	char **lines = NULL, err[256];
	size_t nlines = 0, narts = 0, total = 0, want, i, k, nflags = 0;
	double t0, t1, best = 0;
	int a;

	if (argc < 4) {
		fprintf(stderr, "usage: bench_clean DATADIR MEGABYTES FILE...\n");
		return 2;
	}
	want = (size_t)atol(argv[2]) * 1000 * 1000;
	/* the lines of the seed files are the material */
	for (a = 3; a < argc; a++) {
		char *data, *p, *q;
		size_t len;
		if (read_file(argv[a], &data, &len, err, sizeof err) != 0) {
			fprintf(stderr, "%s\n", err);
			continue;
		}
		for (p = data; p < data + len; p = q + 1) {
			q = memchr(p, '\n', (size_t)(data + len - p));
			if (q == NULL)
				q = data + len;
			lines = xreallocarray(lines, nlines + 1, sizeof *lines);
			lines[nlines++] = xstrndup(p, (size_t)(q - p));
		}
		free(data);
	}
	if (nlines == 0)
		return 1;
	/* articles of 20 to 120 lines: runs of seed lines with some perturbed
	 * (a word dropped, a line doubled, a menu block) */
	arts = NULL;
	while (total < want) {
		struct buf b = { 0 };
		size_t n = 20 + rnd(100), at = rnd((unsigned)nlines);
		for (k = 0; k < n; k++) {
			const char *l = lines[(at + k) % nlines];
			switch (rnd(16)) {
			case 0:
				buf_adds(&b, "  \xe2\x80\xa2 Home\n  \xe2\x80\xa2 World\n"
				    "  \xe2\x80\xa2 Politics\n");
				break;
			case 1:
				buf_adds(&b, l);
				buf_addc(&b, '\n');
				break;
			case 2:
				if (strlen(l) > 10) {
					buf_adds(&b, l + strlen(l) / 3);
					buf_addc(&b, '\n');
					continue;
				}
				break;
			}
			buf_adds(&b, l);
			buf_addc(&b, '\n');
		}
		arts = xreallocarray(arts, narts + 1, sizeof *arts);
		arts[narts++] = b;
		total += b.len;
	}
	r = clean_rules_load(argv[1], NULL, warn, NULL);
	/* three rounds; the best one is the figure (other load on the machine only
	 * ever makes a round slower) */
	for (a = 0; a < 3; a++) {
		nflags = 0;
		t0 = cpu_now();
		for (i = 0; i < narts; i++) {
			struct article art;
			struct clean_result cr;
			memset(&art, 0, sizeof art);
			art.text = arts[i].s;
			art.len = arts[i].len;
			clean_article(r, &art, &cr);
			nflags += cr.narts;
			clean_result_free(&cr);
		}
		t1 = cpu_now();
		if (a == 0 || t1 - t0 < best)
			best = t1 - t0;
		printf("round %d: %.3f s, %.1f MB/s\n", a + 1, t1 - t0,
		    total / 1e6 / (t1 - t0));
	}
	printf("articles=%zu bytes=%zu flags=%zu best_seconds=%.3f MB/s=%.1f\n", narts,
	    total, nflags, best, total / 1e6 / best);
	for (i = 0; i < narts; i++)
		buf_free(&arts[i]);
	free(arts);
	for (i = 0; i < nlines; i++)
		free(lines[i]);
	free(lines);
	clean_rules_free(r);
	return 0;
}
