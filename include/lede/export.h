/* export.h - annotations out of lede: JSON Lines, W3C Web Annotation, brat, Markdown */
#ifndef LEDE_EXPORT_H
#define LEDE_EXPORT_H

#include <stdio.h>

#include "lede/annot.h"
#include "lede/article.h"
#include "lede/util.h"

/*
 * Every writer takes an annotation after annot_reanchor() against art's text (or
 * ANNOT_UNCHECKED with art NULL when the article could not be read). Offsets in the
 * output are those of the current text; an orphan or unchecked annotation carries
 * only what was stored (its quote), never invented positions.
 */

/* lede annotations list: one JSON object and a newline. Byte offsets. */
void	export_json(FILE *, const struct annot *);

/* W3C Web Annotation (JSON-LD), one object and a newline: a TextQuoteSelector, and
 * a TextPositionSelector in Unicode code points when the passage is anchored. */
void	export_w3c(FILE *, const struct annot *, const struct article *art);

/* brat standoff. Offsets count code points or UTF-16 code units (INCEpTION). */
enum brat_offsets {
	BRAT_CODEPOINT,
	BRAT_UTF16
};
/* The .txt brat shows: art's text with each invalid UTF-8 byte as U+FFFD, so that
 * offsets counted on either side agree. */
void	export_brat_txt(struct buf *, const struct article *art);
/* The .ann lines for l (re-anchored to art); orphans cannot be placed and are
 * skipped: *skipped counts them. A passage across line breaks becomes a
 * discontinuous span, as brat requires. */
void	export_brat_ann(struct buf *, const struct article *art,
	    const struct annot_list *l, enum brat_offsets, size_t *skipped);
/* annotation.conf declaring the types and the tag values in use. */
void	export_brat_conf(struct buf *, const struct annot_tag *tags, size_t ntags);
/* A file name stem for an article: the file's base name without extension, plus
 * the JSON Lines id; only [A-Za-z0-9._-]. Owned. */
char	*export_brat_stem(const char *path, const char *doc);

/* Markdown: a title, then one section per article with its quotes and notes. */
void	export_markdown_begin(FILE *);
void	export_markdown_article(FILE *, const struct article *art, const char *path,
	    const char *doc, const struct annot_list *l);

#endif
