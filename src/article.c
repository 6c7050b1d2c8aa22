/* article.c - the article object and the line model */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/article.h"
#include "lede/html.h"
#include "lede/util.h"

const char *
article_format_name(enum article_format f)
{
	switch (f) {
	case ARTICLE_JSONL:
		return "jsonl";
	case ARTICLE_HTML:
		return "html";
	case ARTICLE_TXT:
	default:
		return "txt";
	}
}

void
article_free(struct article *a)
{
	if (a == NULL)
		return;
	free(a->path);
	free(a->id);
	free(a->text);
	free(a->title);
	free(a->byline);
	free(a->site);
	free(a->date);
	free(a->url);
	html_info_free(a->html);
	free(a);
}

size_t
lines_split(const char *text, size_t len, struct line_span **out)
{
	struct line_span *v = NULL;
	size_t n = 0, cap = 0, start = 0;
	const char *nl;

	while (start < len) {
		nl = memchr(text + start, '\n', len - start);
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].start = start;
		v[n].end = nl ? (size_t)(nl - text) : len;
		n++;
		if (nl == NULL)
			break;
		start = (size_t)(nl - text) + 1;
	}
	*out = v;
	return n;
}
