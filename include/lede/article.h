/* article.h - one article: immutable text bytes plus what the input said about it */
#ifndef LEDE_ARTICLE_H
#define LEDE_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

struct html_info;

enum article_format {
	ARTICLE_TXT,
	ARTICLE_JSONL,
	ARTICLE_HTML
};

struct article {
	char			*path;	/* as given on the command line / found in a walk */
	char			*id;	/* JSON Lines "id" or "doc"; NULL otherwise */
	enum article_format	 format;
	char			*text;	/* immutable bytes; every offset points into this */
	size_t			 len;
	uint64_t		 hash;	/* hash_bytes(text, len); 0 if ingest_cb.no_hash */
	/* Metadata the input stated (JSON Lines fields); NULL when absent. */
	char			*title;
	char			*byline;
	char			*site;
	char			*date;
	char			*url;
	/* What the DOM said, for format html (html.h); NULL otherwise. */
	struct html_info	*html;
};

const char	*article_format_name(enum article_format);
void		 article_free(struct article *);

/* Lines as ../shared/gold/GUIDELINES.md section 1 defines them: split on '\n', the
 * newline belongs to no line, a final newline starts no new line. */
struct line_span {
	size_t	start;
	size_t	end;		/* exclusive; text[end] is '\n' or end == len */
};
size_t		 lines_split(const char *text, size_t len, struct line_span **out);

#endif
