/* fuzz_analysis.c - text analysis (cleaning, entities) of one article, with the
 * knowledge files of the source tree */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lede/analysis.h"
#include "lede/article.h"
#include "lede/ingest.h"
#include "lede/json.h"
#include "lede/util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct knowledge k;
	static int loaded;
	struct analysis an;
	struct article *a;
	struct buf out = { 0 };

	if (!loaded) {
		knowledge_load(&k, LEDE_SRCDIR "/data", NULL, fuzz_quiet, NULL);
		loaded = 1;
	}
	a = ingest_txt_article("fuzz.txt", xstrndup((const char *)data, size), size);
	analysis_run(&k, a, &an);
	analysis_json(&out, &an);
	buf_free(&out);
	analysis_free(&an);
	article_free(a);
	return 0;
}
