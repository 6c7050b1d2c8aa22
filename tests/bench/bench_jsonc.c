/* bench_jsonc.c - JSON Lines records parsed by lede's parser or by json-c, the
 * "text" and "id" of each read: MB/s on one core. Built and run by bench_jsonc.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

size_t	bench_lede_record(const char *, size_t);

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static size_t
jsonc_record(const char *p, size_t len)
{
	struct json_tokener *tk = json_tokener_new();
	struct json_object *o = json_tokener_parse_ex(tk, p, (int)len), *v;
	size_t n = 0;

	if (o != NULL) {
		if (json_object_object_get_ex(o, "text", &v))
			n = (size_t)json_object_get_string_len(v);
		(void)json_object_object_get_ex(o, "id", &v);
		json_object_put(o);
	}
	json_tokener_free(tk);
	return n;
}

int
main(int argc, char **argv)
{
	FILE *f;
	char *buf;
	long n;
	int which, reps, r;
	size_t tot = 0;
	double t0, t;

	if (argc != 4 || (f = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: bench_jsonc FILE lede|json-c REPEATS\n");
		return 2;
	}
	which = strcmp(argv[2], "json-c") == 0;
	reps = atoi(argv[3]);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
		return 1;
	fclose(f);
	t0 = now();
	for (r = 0; r < reps; r++) {
		char *p = buf, *e = buf + n, *nl;

		for (; p < e; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
				nl = e;
			tot += which ? jsonc_record(p, (size_t)(nl - p)) :
			    bench_lede_record(p, (size_t)(nl - p));
		}
	}
	t = now() - t0;
	printf("%s: %.0f MB/s (%zu text bytes)\n", argv[2],
	    (double)n * reps / t / 1048576, tot);
	free(buf);
	return 0;
}
