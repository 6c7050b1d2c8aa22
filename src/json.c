/* json.c - JSON writing and parsing */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lede/json.h"

#define JSON_MAX_DEPTH 64

/* Bytes that go out as they are: printable ASCII but '"' (22) and '\\' (5c) are 1;
 * the lead bytes of multi-byte UTF-8 (c2-f4) are 2, plain once the sequence is
 * checked. A table, because the article text passes through here byte by byte. */
static const unsigned char json_plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 10 */
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 20 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 30 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,	/* 50 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,	/* 70 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 80 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 90 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* a0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* b0 */
	0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,	/* c0 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,	/* d0 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,	/* e0 */
	2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* f0 */
};

/* The length of the run of printable ASCII other than '"' and '\\' at s, sixteen
 * bytes at a time where SSE2 is there (every x86-64): a signed compare below
 * 0x20 also catches the bytes from 0x80 up. Elsewhere the table loop below does
 * all the work. */
static size_t
json_ascii_run(const unsigned char *s, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'),
	    bslash = _mm_set1_epi8('\\'), del = _mm_set1_epi8(0x7f);
	__m128i v, bad;
	int m;

	for (; i + 16 <= n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		bad = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space),
		    _mm_cmpeq_epi8(v, quote)), _mm_or_si128(_mm_cmpeq_epi8(v, bslash),
		    _mm_cmpeq_epi8(v, del)));
		if ((m = _mm_movemask_epi8(bad)) != 0)
			return i + (size_t)__builtin_ctz((unsigned)m);
	}
#endif
	while (i < n && json_plain[s[i]] == 1)
		i++;
	return i;
}

/* The longest run from s[0] that goes out unchanged: printable ASCII and valid
 * UTF-8 sequences. */
static size_t
json_plain_run(const unsigned char *s, size_t n)
{
	size_t i = 0, k;

	for (;;) {
		i += json_ascii_run(s + i, n - i);
		if (i == n || json_plain[s[i]] != 2 ||
		    (k = utf8_valid_len(s + i, n - i)) == 0)
			return i;
		i += k;
	}
}

void
json_buf_string(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;
	char u[8];

	/* Most strings need no escape at all, or a few: room for them up front,
	 * then the text a run at a time. */
	if (b->len + n + 3 > b->cap)
		buf_grow(b, n + 2);
	b->s[b->len++] = '"';
	while (i < n) {
		unsigned char c = p[i];

		if ((k = json_plain_run(p + i, n - i)) > 0) {
			buf_add(b, p + i, k);
			i += k;
			continue;
		}
		i++;
		switch (c) {
		case '"':
			buf_add(b, "\\\"", 2);
			continue;
		case '\\':
			buf_add(b, "\\\\", 2);
			continue;
		case '\n':
			buf_add(b, "\\n", 2);
			continue;
		case '\r':
			buf_add(b, "\\r", 2);
			continue;
		case '\t':
			buf_add(b, "\\t", 2);
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			u[0] = '\\';
			u[1] = 'u';
			u[2] = '0';
			u[3] = '0';
			u[4] = "0123456789abcdef"[c >> 4];
			u[5] = "0123456789abcdef"[c & 15];
			buf_add(b, u, 6);
			continue;
		}
		/* a byte that starts no valid sequence */
		buf_add(b, "\xef\xbf\xbd", 3);
	}
	buf_addc(b, '"');
}

void
json_buf_cstr(struct buf *b, const char *s)
{
	if (s == NULL)
		buf_adds(b, "null");
	else
		json_buf_string(b, s, strlen(s));
}

void
json_write_string(FILE *f, const char *s, size_t n)
{
	struct buf b = { 0 };

	json_buf_string(&b, s, n);
	fwrite(b.s, 1, b.len, f);
	buf_free(&b);
}

void
json_write_cstr(FILE *f, const char *s)
{
	if (s == NULL)
		fputs("null", f);
	else
		json_write_string(f, s, strlen(s));
}

/* --- parser ------------------------------------------------------------------ */

struct parser {
	const char	*s;
	size_t		 n, i;
	char		*err;
	size_t		 errlen;
	int		 failed;
};

static int
fail(struct parser *p, const char *what)
{
	if (!p->failed)
		seterr(p->err, p->errlen, "%s at byte %zu", what, p->i);
	p->failed = 1;
	return -1;
}

static void
skip_ws(struct parser *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
	    p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static void
put_utf8(struct buf *b, unsigned long c)
{
	char t[4];

	if (c < 0x80) {
		buf_addc(b, (char)c);
	} else if (c < 0x800) {
		t[0] = (char)(0xc0 | (c >> 6));
		t[1] = (char)(0x80 | (c & 0x3f));
		buf_add(b, t, 2);
	} else if (c < 0x10000) {
		t[0] = (char)(0xe0 | (c >> 12));
		t[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		t[2] = (char)(0x80 | (c & 0x3f));
		buf_add(b, t, 3);
	} else {
		t[0] = (char)(0xf0 | (c >> 18));
		t[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		t[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		t[3] = (char)(0x80 | (c & 0x3f));
		buf_add(b, t, 4);
	}
}

static int
hex4(struct parser *p, unsigned long *out)
{
	unsigned long v = 0;
	int k;

	if (p->i + 4 > p->n)
		return fail(p, "short \\u escape");
	for (k = 0; k < 4; k++) {
		char c = p->s[p->i + k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned long)(c - 'A' + 10);
		else
			return fail(p, "bad \\u escape");
	}
	p->i += 4;
	*out = v;
	return 0;
}

static int
parse_string(struct parser *p, char **out, size_t *outlen)
{
	struct buf b = { 0 };
	unsigned long c, lo;

	p->i++;		/* opening quote */
	for (;;) {
		if (p->i >= p->n) {
			buf_free(&b);
			return fail(p, "unterminated string");
		}
		unsigned char ch = (unsigned char)p->s[p->i];
		if (ch == '"') {
			p->i++;
			break;
		}
		if (ch < 0x20) {
			buf_free(&b);
			return fail(p, "control character in string");
		}
		if (ch != '\\') {
			/* copy a run of plain bytes */
			size_t j = p->i;
			while (j < p->n && p->s[j] != '"' && p->s[j] != '\\' &&
			    (unsigned char)p->s[j] >= 0x20)
				j++;
			buf_add(&b, p->s + p->i, j - p->i);
			p->i = j;
			continue;
		}
		if (++p->i >= p->n) {
			buf_free(&b);
			return fail(p, "unterminated escape");
		}
		switch (p->s[p->i++]) {
		case '"': buf_addc(&b, '"'); break;
		case '\\': buf_addc(&b, '\\'); break;
		case '/': buf_addc(&b, '/'); break;
		case 'b': buf_addc(&b, '\b'); break;
		case 'f': buf_addc(&b, '\f'); break;
		case 'n': buf_addc(&b, '\n'); break;
		case 'r': buf_addc(&b, '\r'); break;
		case 't': buf_addc(&b, '\t'); break;
		case 'u':
			if (hex4(p, &c) == -1) {
				buf_free(&b);
				return -1;
			}
			if (c >= 0xd800 && c <= 0xdbff && p->i + 6 <= p->n &&
			    p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
				p->i += 2;
				if (hex4(p, &lo) == -1) {
					buf_free(&b);
					return -1;
				}
				if (lo >= 0xdc00 && lo <= 0xdfff)
					c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				else {
					put_utf8(&b, 0xfffd);
					c = lo;
				}
			}
			if (c >= 0xd800 && c <= 0xdfff)
				c = 0xfffd;
			put_utf8(&b, c);
			break;
		default:
			p->i--;
			buf_free(&b);
			return fail(p, "bad escape");
		}
	}
	*outlen = b.len;
	*out = buf_detach(&b);
	return 0;
}

static int
is_digit(const struct parser *p, size_t i)
{
	return i < p->n && p->s[i] >= '0' && p->s[i] <= '9';
}

/* The C locale, made once: strtod follows LC_NUMERIC, JSON does not. */
static locale_t
c_locale(void)
{
	static locale_t c;

	if (c == (locale_t)0)
		c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return c;
}

/* A number by the JSON grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?,
 * of any length, converted without regard to the user's locale. */
static int
parse_number(struct parser *p, struct json *v)
{
	char tmp[128], *s, *end;
	size_t j = p->i, k;

	if (j < p->n && p->s[j] == '-')
		j++;
	if (!is_digit(p, j))
		return fail(p, "bad number");
	if (p->s[j] == '0') {
		j++;
		if (is_digit(p, j))
			return fail(p, "bad number (leading zero)");
	} else
		while (is_digit(p, j))
			j++;
	if (j < p->n && p->s[j] == '.') {
		if (!is_digit(p, ++j))
			return fail(p, "bad number (no digit after '.')");
		while (is_digit(p, j))
			j++;
	}
	if (j < p->n && (p->s[j] == 'e' || p->s[j] == 'E')) {
		j++;
		if (j < p->n && (p->s[j] == '+' || p->s[j] == '-'))
			j++;
		if (!is_digit(p, j))
			return fail(p, "bad number (no digit in the exponent)");
		while (is_digit(p, j))
			j++;
	}
	k = j - p->i;
	s = k < sizeof tmp ? tmp : xmalloc(k + 1);
	memcpy(s, p->s + p->i, k);
	s[k] = '\0';
	v->num = c_locale() != (locale_t)0 ? strtod_l(s, &end, c_locale()) : strtod(s, &end);
	if (s != tmp)
		free(s);
	v->type = JSON_NUMBER;
	p->i = j;
	return 0;
}

static int parse_value(struct parser *, struct json *, int depth);

static int
parse_container(struct parser *p, struct json *v, int depth, int object)
{
	size_t cap = 0;
	char close = object ? '}' : ']';

	v->type = object ? JSON_OBJECT : JSON_ARRAY;
	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		return 0;
	}
	for (;;) {
		char *key = NULL;
		size_t klen;

		skip_ws(p);
		if (object) {
			if (p->i >= p->n || p->s[p->i] != '"')
				return fail(p, "expected a key");
			if (parse_string(p, &key, &klen) == -1)
				return -1;
			skip_ws(p);
			if (p->i >= p->n || p->s[p->i] != ':') {
				free(key);
				return fail(p, "expected ':'");
			}
			p->i++;
		}
		if (v->n == cap) {
			cap = cap ? cap * 2 : 8;
			v->items = xreallocarray(v->items, cap, sizeof *v->items);
			if (object)
				v->keys = xreallocarray(v->keys, cap, sizeof *v->keys);
		}
		memset(&v->items[v->n], 0, sizeof v->items[v->n]);
		if (object)
			v->keys[v->n] = key;
		v->n++;
		if (parse_value(p, &v->items[v->n - 1], depth + 1) == -1)
			return -1;
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == close) {
			p->i++;
			return 0;
		}
		return fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int
parse_value(struct parser *p, struct json *v, int depth)
{
	if (depth > JSON_MAX_DEPTH)
		return fail(p, "nested too deeply");
	skip_ws(p);
	if (p->i >= p->n)
		return fail(p, "unexpected end of input");
	switch (p->s[p->i]) {
	case '{':
		return parse_container(p, v, depth, 1);
	case '[':
		return parse_container(p, v, depth, 0);
	case '"':
		v->type = JSON_STRING;
		return parse_string(p, &v->str, &v->len);
	case 't':
		if (p->n - p->i >= 4 && memcmp(p->s + p->i, "true", 4) == 0) {
			v->type = JSON_BOOL;
			v->num = 1;
			p->i += 4;
			return 0;
		}
		break;
	case 'f':
		if (p->n - p->i >= 5 && memcmp(p->s + p->i, "false", 5) == 0) {
			v->type = JSON_BOOL;
			p->i += 5;
			return 0;
		}
		break;
	case 'n':
		if (p->n - p->i >= 4 && memcmp(p->s + p->i, "null", 4) == 0) {
			v->type = JSON_NULL;
			p->i += 4;
			return 0;
		}
		break;
	default:
		if (p->s[p->i] == '-' || (p->s[p->i] >= '0' && p->s[p->i] <= '9'))
			return parse_number(p, v);
		break;
	}
	return fail(p, "unexpected character");
}

struct json *
json_parse(const char *s, size_t n, char *err, size_t errlen)
{
	struct parser p = { s, n, 0, err, errlen, 0 };
	struct json *v = xcalloc(1, sizeof *v);

	if (parse_value(&p, v, 0) == 0) {
		skip_ws(&p);
		if (p.i == p.n)
			return v;
		fail(&p, "trailing characters");
	}
	json_free(v);
	return NULL;
}

const struct json *
json_get(const struct json *o, const char *key)
{
	size_t i;

	if (o == NULL || o->type != JSON_OBJECT)
		return NULL;
	/* the last of duplicate keys wins, as in jq */
	for (i = o->n; i-- > 0;)
		if (strcmp(o->keys[i], key) == 0)
			return &o->items[i];
	return NULL;
}

const char *
json_get_str(const struct json *o, const char *key)
{
	const struct json *v = json_get(o, key);

	return (v != NULL && v->type == JSON_STRING) ? v->str : NULL;
}

static void
json_clear(struct json *v)
{
	size_t i;

	free(v->str);
	for (i = 0; i < v->n; i++) {
		json_clear(&v->items[i]);
		if (v->keys != NULL)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
}

void
json_free(struct json *v)
{
	if (v == NULL)
		return;
	json_clear(v);
	free(v);
}
