/* gazetteer.h - name lists for entity typing: one read per file, an open-addressing
 * hash over casefolded keys pointing into the file buffers (no curses) */
#ifndef LEDE_GAZETTEER_H
#define LEDE_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

enum gz_type {
	GZ_PERSON,
	GZ_PLACE,
	GZ_ORG,
	GZ_NORP,	/* nationality, demonym, religious or political group */
	GZ_GIVEN,	/* given name */
	GZ_SURNAME,
	GZ_TITLE,	/* "President", "press secretary" */
	GZ_HONORIFIC,	/* "Mr", "Mrs" */
	GZ_STOP,	/* capitalised common word that is no name on its own */
	GZ_VARIANT,	/* a known misspelling; canonical is the right name */
	GZ_WRONGREF,	/* names the wrong referent; canonical is the intended one */
	GZ_MT,		/* a literal translation; canonical is the usual phrase */
	GZ_TPREFIX,	/* the first words of a longer title ("Defense" of "Defense Minister") */
	GZ_TLAST,	/* the last word of a longer title ("Minister"); a title phrase of
			 * several words, from any file, has both */
	GZ_NTYPES
};
#define GZ_BIT(t)	(1u << (t))

/* Sources, for choosing between rows of one name: curated lists beat generated ones. */
enum gz_src {
	GZS_GAZ,
	GZS_CURATED
};

struct gz_row {
	const char	*canon;		/* not NUL-terminated */
	const char	*detail;
	uint32_t	 canonlen, detaillen;
	uint32_t	 next;		/* next row of the same key, or UINT32_MAX */
	int32_t		 weight;	/* how well known: population, or large for
					 * curated, country and WordNet rows */
	uint8_t		 type, src;
};

struct gazetteer;

struct gazetteer	*gz_new(void);
void			 gz_free(struct gazetteer *);
/* Load one file. kind says how to read its columns:
 *   "gaz"      name TYPE canonical detail
 *   "orgs"     name canonical detail          (ORG)
 *   "persons"  name canonical detail          (PERSON)
 *   "titles"   phrase title|honorific
 *   "given"    name GIVEN
 *   "stop"     word
 *   "glossary" kind phrase suggestion note    (name-variant, wrong-referent and
 *                                             mistranslation rows)
 * Returns the number of rows, or -1 when the file cannot be read (err filled). Bad
 * rows are skipped and reported through warn as "FILE:LINE: problem". */
long	gz_load_file(struct gazetteer *, const char *path, const char *kind,
	    void (*warn)(const char *, void *), void *ctx, char *err, size_t errlen);
/* Add one row by hand (tests, built-in facts); the strings must outlive the gazetteer. */
void	gz_add(struct gazetteer *, const char *name, size_t namelen, enum gz_type,
	    enum gz_src, const char *canon, size_t canonlen);

/* Look a name up (case-insensitive, NFC, ’ = '). Returns a bit mask of GZ_BIT(type)
 * (0 when unknown) and, if first is not NULL, the first row (rows chain by next). */
unsigned		 gz_lookup(const struct gazetteer *, const char *s, size_t n,
			    const struct gz_row **first);
const struct gz_row	*gz_row_at(const struct gazetteer *, uint32_t idx);
/* The first row of the given type for a name, or NULL. */
const struct gz_row	*gz_find(const struct gazetteer *, const char *s, size_t n,
			    enum gz_type);
size_t			 gz_size(const struct gazetteer *);	/* number of rows */

/* Casefold s into out (reset first): ASCII fast path, libunistring otherwise. */
struct buf;
void	gz_fold(const char *s, size_t n, struct buf *out);

#endif
