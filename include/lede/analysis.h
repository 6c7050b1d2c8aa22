/* analysis.h - the whole pipeline for one article; what the screen and the JSON share */
#ifndef LEDE_ANALYSIS_H
#define LEDE_ANALYSIS_H

#include <stdio.h>

#include "lede/article.h"
#include "lede/clean.h"
#include "lede/entity.h"
#include "lede/util.h"

struct knowledge {
	struct clean_rules	*rules;
	struct entity_kb	*kb;
	struct wordlist		*words;	/* NULL: no non-word signal */
};

struct analysis {
	const struct article	*art;	/* borrowed */
	struct clean_result	 clean;
	struct entity_result	 ents;
};

/* Load everything from datadir and userdir (may be NULL); warnings go to warn(). */
void	knowledge_load(struct knowledge *, const char *datadir, const char *userdir,
	    void (*warn)(const char *, void *), void *ctx);
void	knowledge_free(struct knowledge *);

void	analysis_run(const struct knowledge *, const struct article *, struct analysis *);
void	analysis_free(struct analysis *);

/* Append one JSON object on one line, as ../shared/CONTRACT.md says. */
void	analysis_json(struct buf *, const struct analysis *);
/* The cleaned body: subheadings and body paragraphs, one per line. */
void	analysis_write_extract(FILE *, const struct analysis *);

#endif
