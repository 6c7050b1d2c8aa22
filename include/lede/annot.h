/* annot.h - the annotation store (SQLite) and annotations anchored to article text */
#ifndef LEDE_ANNOT_H
#define LEDE_ANNOT_H

#include <stddef.h>
#include <stdint.h>

#include "lede/article.h"

/*
 * An annotation marks article->text[start..end) (bytes). It keeps enough to find
 * the passage again when the file changes: the exact quote and 32 code points of
 * text on each side (W3C TextQuoteSelector). An article is identified by its
 * canonical path (annot_article_path) plus, for JSON Lines, its id; the text hash
 * tells whether the text is still the one the offsets were taken from.
 */
enum annot_kind {
	ANNOT_HIGHLIGHT,
	ANNOT_NOTE,
	ANNOT_TAG
};

/* Where the annotation is in the article's current text (see annot_reanchor). */
enum annot_status {
	ANNOT_UNCHECKED,	/* not compared with any text yet: cur_* = stored */
	ANNOT_ANCHORED,		/* the stored offsets still hold the quote */
	ANNOT_MOVED,		/* the exact quote was found elsewhere */
	ANNOT_FUZZY,		/* a passage close to the quote was found */
	ANNOT_ORPHAN		/* not found: kept and listed with its quote, never dropped */
};

struct annot {
	int64_t		 id;		/* 0 until stored */
	char		*path;		/* canonical article path */
	char		*doc;		/* JSON Lines id, or NULL */
	uint64_t	 hash;		/* hash_bytes() of the text the offsets refer to */
	size_t		 start, end;	/* stored byte span, end exclusive */
	char		*quote;		/* exact text of the span */
	char		*prefix;	/* up to 32 code points before it */
	char		*suffix;	/* up to 32 code points after it */
	enum annot_kind	 kind;
	char		*note;		/* never NULL; "" when none */
	char		*tags;		/* normalised "a,b"; never NULL, "" when none */
	char		 created[24];	/* "2026-11-21T06:15:11Z" */
	char		 updated[24];
	/* Filled by annot_reanchor(): the span in the current text. */
	enum annot_status status;
	size_t		 cur_start, cur_end;
};

struct annot_list {
	struct annot	*v;
	size_t		 n;
};

const char	*annot_kind_name(enum annot_kind);	/* "highlight" "note" "tag" */
int		 annot_kind_parse(const char *, enum annot_kind *);	/* 0 or -1 */
const char	*annot_status_name(enum annot_status);	/* "anchored", ... */

/* The path an article is stored under: realpath() when the file exists, else the
 * path made absolute; "-" stays "-". Owned. */
char	*annot_article_path(const char *path);

/* Tags as typed ("key claim, check ,key claim") to the stored form ("key claim,check"):
 * split on commas, trimmed, empty and repeated ones dropped, order kept. Owned. */
char	*annot_tags_normalize(const char *tags);

/*
 * Fill a (owned strings; annot_clear frees them) for a->text[start..end): the
 * quote and its context are taken from the text. note and tags may be NULL. Fails
 * with a message when the span is empty, past the end or not on character
 * boundaries.
 */
int	annot_init(struct annot *a, const struct article *, size_t start, size_t end,
	    enum annot_kind, const char *note, const char *tags, char *err,
	    size_t errlen);
void	annot_clear(struct annot *);
void	annot_list_free(struct annot_list *);

/* Find a's passage in text (the article's current text): sets status, cur_start
 * and cur_end (cur_* are 0 for an orphan). Never changes the stored fields. */
void	annot_reanchor(struct annot *a, const char *text, size_t len);
/* Re-anchor every annotation of l, then order by cur_start (orphans last). */
void	annot_list_reanchor(struct annot_list *l, const char *text, size_t len);

/* For the reader, on a list from annot_list_reanchor (orphans are never returned):
 * the innermost annotation covering byte offset, or NULL; the first one starting
 * after offset; the last one starting before it. */
const struct annot	*annot_at(const struct annot_list *, size_t offset);
const struct annot	*annot_next(const struct annot_list *, size_t offset);
const struct annot	*annot_prev(const struct annot_list *, size_t offset);

/*
 * The store. Opening gives one of three outcomes:
 *  - a writable store, err set to "";
 *  - a read-only store, err saying why (the file is read-only, it was made by a
 *    newer lede, it is damaged, or it was locked while it needed an upgrade): the
 *    caller shows the message and goes on; changes fail with that message;
 *  - NULL, err saying why (not a database, cannot be created or read): the caller
 *    goes on without annotations.
 * Nothing is ever deleted or rewritten to "repair" a database.
 * dbpath NULL means $XDG_DATA_HOME/lede/annotations.db (the directory is created).
 * ANNOT_OPEN_READONLY never writes (for list and export): a missing database is
 * then an empty read-only store.
 */
#define ANNOT_OPEN_READONLY	0x1
#define ANNOT_OPEN_NOWAIT	0x2	/* give up on a lock after 50 ms, not 2 s */
#define ANNOT_SCHEMA_VERSION	2

struct annot_store;

struct annot_store	*annot_store_open(const char *dbpath, int flags, char *err,
			    size_t errlen);
void			 annot_store_close(struct annot_store *);
int			 annot_store_readonly(const struct annot_store *);
const char		*annot_store_path(const struct annot_store *);
/* How long a change waits for another process's transaction (default 2000 ms:
 * another lede's commit takes milliseconds; longer means something holds it). */
void			 annot_store_set_timeout(struct annot_store *, int ms);
/* The default database path; owned. */
char			*annot_default_db(void);

/*
 * Changes. Each is one transaction, committed (on disk, synchronous=FULL) before
 * the function returns 0: the caller may then confirm it to the user. On -1
 * nothing changed and err says why.
 */
/* Stores a (from annot_init) and sets a->id, created and updated. */
int	annot_store_add(struct annot_store *, struct annot *a, char *err, size_t errlen);
/* New note and/or tags (NULL: unchanged); updated time set. No such id: -1. */
int	annot_store_update(struct annot_store *, int64_t id, const char *note,
	    const char *tags, char *err, size_t errlen);
int	annot_store_delete(struct annot_store *, int64_t id, char *err, size_t errlen);
/* Make a moved or fuzzy a (re-anchored to art) the stored state: offsets, quote,
 * context and hash from art's text, so that later edits are measured from here.
 * a is updated to match (status anchored). Refused for an orphan or unchecked one. */
int	annot_store_rebase(struct annot_store *, struct annot *a,
	    const struct article *art, char *err, size_t errlen);

/* Reads. Lists are ordered by stored start then id; status is ANNOT_UNCHECKED. */
int	annot_store_get(struct annot_store *, int64_t id, struct annot *out, char *err,
	    size_t errlen);
/* path NULL: every annotation (ordered by path, doc, start); else one article's
 * (path as from annot_article_path, doc NULL for a plain file). */
int	annot_store_list(struct annot_store *, const char *path, const char *doc,
	    struct annot_list *out, char *err, size_t errlen);
/* One article's annotations re-anchored to its current text. */
int	annot_store_list_article(struct annot_store *, const struct article *,
	    struct annot_list *out, char *err, size_t errlen);

/* Tags in use, most used first (for completion). */
struct annot_tag {
	char	*name;
	size_t	 count;
};
int	annot_store_tags(struct annot_store *, struct annot_tag **tags, size_t *n,
	    char *err, size_t errlen);
void	annot_tags_free(struct annot_tag *, size_t n);

/* Annotation counts per article, for the list pane. */
struct annot_count {
	char	*path;
	char	*doc;		/* "" for a plain file */
	size_t	 count;
};
struct annot_counts {
	struct annot_count	*v;	/* sorted by path, doc */
	size_t			 n;
};
int	annot_store_counts(struct annot_store *, struct annot_counts *, char *err,
	    size_t errlen);
/* Count for an article (path as from annot_article_path; doc NULL for a file). */
size_t	annot_counts_find(const struct annot_counts *, const char *path, const char *doc);
void	annot_counts_free(struct annot_counts *);

/* Has another connection (another lede) committed a change since the last call?
 * 1 or 0; cheap enough to ask once per loop turn, then re-list. */
int	annot_store_changed(struct annot_store *);

/* PRAGMA integrity_check: 0 when "ok", else -1 with its first complaint. */
int	annot_store_check(struct annot_store *, char *err, size_t errlen);

#endif
