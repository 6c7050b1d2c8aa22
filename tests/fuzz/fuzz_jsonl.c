/* fuzz_jsonl.c - JSON Lines ingest: the parser, records, odd bytes */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "lede/article.h"
#include "lede/ingest.h"
#include "lede/json.h"

static void
take(struct article *a, void *ctx)
{
	(void)ctx;
	article_free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ingest_cb cb = { .article = take, .error = fuzz_quiet };
	struct json *j;
	FILE *f;

	/* one value, as annotations add --stdin reads it */
	j = json_parse((const char *)data, size, NULL, 0);
	json_free(j);
	if (size == 0 || (f = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	ingest_jsonl_stream(f, "fuzz.jsonl", &cb);
	fclose(f);
	return 0;
}
