/* artifact.h - artifact signals that read the entities: name variants (no curses) */
#ifndef LEDE_ARTIFACT_H
#define LEDE_ARTIFACT_H

#include <stddef.h>

#include "lede/article.h"
#include "lede/clean.h"
#include "lede/entity.h"

/* Flag the words of a mention that are near-spellings (edit distance, and the
 * usual transliteration slips: ou/u, j/y, dropped h, doubled or dropped letters,
 * a word split) of a better-attested name of the same type in the article, with
 * that name as the suggestion. The new flags join c->arts where they overlap
 * none, keeping it sorted. */
void	artifact_names(const struct article *, const struct entity_result *,
	    struct clean_result *c);

/* Two name words near enough to be one name mistyped or transliterated: 2 when
 * they agree after the transliteration rules, 1 within one edit, else 0. ASCII
 * letters are compared case-insensitively; other bytes must agree. */
int	name_near(const char *a, size_t an, const char *b, size_t bn);

#endif
