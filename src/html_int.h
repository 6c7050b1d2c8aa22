/* html_int.h - what html.c and html_meta.c share (not part of the library's API) */
#ifndef LEDE_HTML_INT_H
#define LEDE_HTML_INT_H

#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "lede/article.h"

/* The page's bytes as UTF-8: BOM, then <meta charset> or http-equiv in the first
 * bytes, else UTF-8 when the bytes are valid UTF-8, else windows-1252. Bytes that
 * the charset cannot decode become U+FFFD and NUL bytes spaces. *enc gets the
 * charset used (owned). Returns an owned buffer. */
char	*html_to_utf8(const char *data, size_t len, size_t *outlen, char **enc);
/* Clean UTF-8 with no BOM, no charset declared otherwise and no NUL byte: what
 * html_to_utf8 would return unchanged, so no copy is needed. */
int	 html_is_clean_utf8(const char *data, size_t len);

/* Title, author, site and date from schema.org JSON-LD (an Article of any kind),
 * OpenGraph and <meta>, in that order of trust; fills the article's NULL fields. */
void	 html_meta(xmlDocPtr, struct article *, char **ld_body);

/* YYYY-MM-DD (owned) from an ISO 8601 date or date-time, else NULL. */
char	*html_iso_date(const char *);

/* ASCII case-insensitive: does s contain word w as a token of a class or id
 * (letters and digits around it are not part of it)? */
int	 html_has_token(const char *s, const char *w);

#endif
