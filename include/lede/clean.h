/* clean.h - line classes, metadata and machine-translation artifacts (no curses) */
#ifndef LEDE_CLEAN_H
#define LEDE_CLEAN_H

#include <stddef.h>

#include "lede/article.h"

enum line_class {
	LC_TITLE,
	LC_TITLE_REPEAT,
	LC_BYLINE,
	LC_DATELINE,
	LC_SUBHEADING,
	LC_BODY,
	LC_CAPTION,
	LC_CREDIT,
	LC_BOILERPLATE,
	LC_EMPTY
};

enum bp_subtype {
	BP_NONE,
	BP_NAVIGATION,
	BP_RELATED_LINKS,
	BP_COMMENTS,
	BP_COOKIE_PRIVACY,
	BP_SHARE,
	BP_COPYRIGHT,
	BP_SITE_CHROME,
	BP_SOURCE_ATTRIBUTION,
	BP_ID_HASH,
	BP_ADVERT,
	BP_OTHER
};

enum artifact_kind {
	AK_MISTRANSLATION,
	AK_NAME_VARIANT,
	AK_WRONG_REFERENT,
	AK_GARBLED,
	AK_CASING,
	AK_PUNCTUATION,
	AK_DUPLICATE,
	AK_TRUNCATION,
	AK_OTHER
};

struct cline {
	size_t		 start, end;	/* byte offsets, as struct line_span */
	enum line_class	 cls;
	enum bp_subtype	 sub;		/* BP_NONE unless cls == LC_BOILERPLATE */
};

struct artifact {
	size_t			 start, end;	/* byte offsets, inside one line */
	enum artifact_kind	 kind;
	char			*suggestion;	/* owned; "" when unknown */
	char			*note;		/* owned; short reason */
	double			 score;		/* confidence 0..1: how often such a flag is right */
};

struct clean_result {
	struct cline	*lines;
	size_t		 nlines;
	struct artifact	*arts;		/* sorted by start, never overlapping */
	size_t		 narts;
	char		*title, *byline, *site, *date;	/* owned; NULL when unknown */
};

/* Knowledge: boilerplate phrases, MT glossary, name-variant rules. Loaded from the
 * data directory, then the user's directory (may be NULL). A bad rule gives a
 * "FILE:LINE: problem" message through warn() and is skipped. With the environment
 * variable LEDE_NO_GLOSSARY set to anything but "" no glossary is loaded, so that
 * the signals that need no list can be measured alone. */
struct clean_rules;
struct clean_rules	*clean_rules_load(const char *datadir, const char *userdir,
			    void (*warn)(const char *msg, void *ctx), void *ctx);
void			 clean_rules_free(struct clean_rules *);

/* Analyse one article. rules may be NULL (structural cues only). */
void		 clean_article(const struct clean_rules *, const struct article *,
		    struct clean_result *out);
void		 clean_result_free(struct clean_result *);

const char	*line_class_name(enum line_class);
const char	*bp_subtype_name(enum bp_subtype);
const char	*artifact_kind_name(enum artifact_kind);
/* The confidence a flag of this kind gets from a signal that needs no list. */
double		 artifact_kind_score(enum artifact_kind);
/* Hidden in the cleaned view (boilerplate and title-repeat). */
int		 line_class_hidden(enum line_class);

#endif
