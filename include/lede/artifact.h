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

/* Merge flags (sorted by start, not overlapping one another; owned) into c->arts
 * where they overlap no artifact already there; the others are freed. */
void	artifact_merge(struct clean_result *c, struct artifact *add, size_t nadd);

/* Machine-translation evidence from the signals so far: three flags of at least
 * two kinds, and five per 1,000 words of body. Noisy signals fire only with it,
 * so professional news stays quiet. */
int	artifact_mt_evidence(const struct clean_result *, const char *text);

/* Without machine-translation evidence, drop the flags below 0.6 confidence
 * (the form and structure signals); known renderings and names stay. */
void	artifact_gate(struct clean_result *c, const char *text);

/* An English word list (data/words.txt): lower-case words, and words the list
 * knows only capitalised. NULL, after a message through warn, when unreadable. */
struct wordlist;
struct wordlist	*wordlist_load(const char *datadir, void (*warn)(const char *, void *),
		    void *ctx);
void		 wordlist_free(struct wordlist *);
/* A lower-case word of the list (case-insensitive on ASCII). */
int		 wordlist_has(const struct wordlist *, const char *s, size_t n);

/* In body lines of an article mostly in English words: a name the list knows only
 * capitalised, written in lower case (casing, suggestion capitalised); with
 * machine-translation evidence, a word used once that no word of the list makes
 * (with the usual suffixes and prefixes): garbled or left untranslated. */
void	artifact_words(const struct wordlist *, const struct article *,
	    struct clean_result *c);

#endif
