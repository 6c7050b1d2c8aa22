/* fuzz_html.c - libFuzzer target for the HTML path: charset detection, libxml2's
 * parser, the DOM walk, metadata and classes. Any input must give an article (or
 * a one-line error) without a crash, a leak or undefined behaviour, and the
 * article's invariants must hold. */
#include <config.h>

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lede/html.h"
#include "lede/util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[LEDE_ERRLEN];
	struct article *a;
	struct line_span *ls;
	size_t n, i;

	if (size > HTML_MAX_BYTES)
		return 0;
	a = html_article("fuzz.html", (const char *)data, size, err, sizeof err);
	if (a == NULL)
		return 0;
	/* one html line per text line, links inside the text */
	n = lines_split(a->text, a->len, &ls);
	assert(a->html != NULL && a->html->nlines == n);
	assert(memchr(a->text, '\0', a->len) == NULL);
	for (i = 0; i < a->html->nlinks; i++)
		assert(a->html->links[i].start <= a->html->links[i].end &&
		    a->html->links[i].end <= a->len);
	free(ls);
	article_free(a);
	return 0;
}
