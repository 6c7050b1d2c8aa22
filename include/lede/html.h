/* html.h - HTML pages into articles: visible text, line classes, metadata, links */
#ifndef LEDE_HTML_H
#define LEDE_HTML_H

#include <stddef.h>

#include "lede/article.h"
#include "lede/clean.h"
#include "lede/ingest.h"
#include "lede/util.h"

/* A page is read up to this size (a real one is a few MB; the DOM takes about
 * ten times the page's size in memory). */
#define HTML_MAX_BYTES	(16u << 20)

/* What the DOM said about one line of the article text. */
struct html_line {
	size_t		 start, end;		/* the line in the article text */
	enum line_class	 cls;
	enum bp_subtype	 sub;
	size_t		 src_start, src_end;	/* the line's element in the page's bytes */
};

/* One link: its text in the article text and its target as the page gave it. */
struct html_link {
	size_t	 start, end;
	char	*href;		/* owned */
};

struct html_info {
	struct html_line	*lines;		/* one per line of article->text */
	size_t			 nlines;
	struct html_link	*links;
	size_t			 nlinks;
	char			*encoding;	/* the charset the page was read as */
};

/* The page's bytes (any charset) into an article of format html: the visible text in
 * reading order, one block a line, with a->html filled and metadata from JSON-LD,
 * OpenGraph and <meta>. Never fails on content: a page with no text gives an empty
 * article; returns NULL only with err filled (nothing readable at all). */
struct article	*html_article(const char *path, const char *data, size_t len,
		    char *err, size_t errlen);
/* Read a file, gunzipping it when its name ends in .gz; 0 or -1 with err filled. */
int		 html_read_file(const char *path, char **data, size_t *len,
		    char *err, size_t errlen);
/* Read an HTML file and hand its article to cb; returns the number of problems
 * reported (an empty, binary or unreadable file is one, and skipped). */
int		 html_ingest_file(const char *path, const struct ingest_cb *);
/* A JSON Lines record with "html" and no "text": the page's article, with what the
 * record states ("id" or "doc", "title", "byline", "site", "date", "url") winning
 * over the page's markup. Frees o; returns 0, or -1 after reporting. */
struct json;
int		 html_jsonl_record(const char *name, size_t lineno, struct json *o,
		    const struct ingest_cb *);
/* A file name lede reads as HTML (.html, .htm, .xhtml, optionally .gz). */
int		 html_path(const char *path);
void		 html_info_free(struct html_info *);
/* The page's bytes (as UTF-8) of the elements holding text [start, end): 0, or -1
 * when the range is not in the text. */
int		 html_page_range(const struct html_info *, size_t start, size_t end,
		    size_t *page_start, size_t *page_end);
/* ,"links":[{"start":N,"end":N,"href":"..."},...] for `lede analyze` */
void		 html_links_json(struct buf *, const struct html_info *);
/* Overwrite cleaning's line classes with the DOM's when the article came from HTML. */
void		 html_apply_classes(const struct article *, struct clean_result *);

#endif
