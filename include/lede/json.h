/* json.h - a JSON writer that never emits invalid UTF-8, and a small parser */
#ifndef LEDE_JSON_H
#define LEDE_JSON_H

#include <stddef.h>
#include <stdio.h>

#include "lede/util.h"

/* Write s[0..n) as a JSON string; invalid UTF-8 bytes become U+FFFD. */
void	json_write_string(FILE *, const char *s, size_t n);
/* Write a NUL-terminated string, or null when s is NULL. */
void	json_write_cstr(FILE *, const char *s);
/* The same into a buffer. */
void	json_buf_string(struct buf *, const char *s, size_t n);
void	json_buf_cstr(struct buf *, const char *s);

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT
};

struct json {
	enum json_type	 type;
	char		*str;	/* JSON_STRING: decoded UTF-8, NUL-terminated (len excludes it) */
	size_t		 len;
	double		 num;	/* JSON_NUMBER, and JSON_BOOL as 0/1 */
	struct json	*items;	/* JSON_ARRAY and JSON_OBJECT */
	char		**keys;	/* JSON_OBJECT: keys[i] names items[i] */
	size_t		 n;
};

/* Parse exactly one JSON value (surrounding white space allowed). Returns NULL and
 * a message such as "expected ':' at byte 17" on error. Nesting is bounded. */
struct json		*json_parse(const char *s, size_t n, char *err, size_t errlen);
const struct json	*json_get(const struct json *obj, const char *key);
/* The string value of obj[key], or NULL if absent or not a string. */
const char		*json_get_str(const struct json *obj, const char *key);
void			 json_free(struct json *);

#endif
