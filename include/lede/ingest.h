/* ingest.h - files and directories into articles (txt, JSON Lines) */
#ifndef LEDE_INGEST_H
#define LEDE_INGEST_H

#include <stddef.h>
#include <stdio.h>

#include "lede/article.h"

struct ingest_cb {
	/* Receives each article, and owns it (article_free). */
	void	(*article)(struct article *, void *ctx);
	/* One line naming the file (and the line for JSON Lines) and the problem. */
	void	(*error)(const char *msg, void *ctx);
	void	*ctx;
	/* Leave article->hash 0: the caller never stores or compares it. The
	 * hash reads every byte once more, a few percent of `lede analyze`. */
	int	 no_hash;
};

/* Walk PATH: a file, or a directory read recursively in sorted order with hidden
 * entries skipped. Fills *files with owned path strings. Returns the number of
 * problems reported through error(). */
int	ingest_list_files(const char *path, char ***files, size_t *nfiles,
	    const struct ingest_cb *);
void	ingest_free_files(char **files, size_t nfiles);

/* Read one file ("-" is standard input as JSON Lines) and hand over its articles one
 * at a time; JSON Lines are streamed, so memory stays bounded. Returns the number of
 * problems reported. A file that is read but not clean UTF-8 is still handed over
 * and counts as one problem. */
int	ingest_file(const char *path, const struct ingest_cb *);
/* ingest_list_files then ingest_file for each, in order. */
int	ingest_path(const char *path, const struct ingest_cb *);

/* Stream JSON Lines from an open file; name is used in messages. */
int	ingest_jsonl_stream(FILE *, const char *name, const struct ingest_cb *);

/* Build an article from the bytes of a plain-text file (takes ownership of text). */
struct article	*ingest_txt_article(const char *path, char *text, size_t len);

/* Byte offset of the first invalid UTF-8 sequence, or (size_t)-1 when valid. */
size_t	utf8_first_invalid(const char *s, size_t n);

#endif
