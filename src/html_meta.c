/* html_meta.c - a page's charset, gzip, and its metadata (JSON-LD, OpenGraph, meta) */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include <libxml/tree.h>

#include "html_int.h"
#include "lede/html.h"
#include "lede/ingest.h"
#include "lede/json.h"
#include "lede/util.h"

/* Where a charset declaration may be looked for (HTML says 1024; pages exceed it). */
#define HTML_SNIFF		4096

int
html_path(const char *path)
{
	static const char *const ext[] = { ".html", ".htm", ".xhtml", ".html.gz",
	    ".htm.gz", ".xhtml.gz" };
	size_t n = strlen(path), i, k;

	for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		k = strlen(ext[i]);
		if (n >= k && strcasecmp(path + n - k, ext[i]) == 0)
			return 1;
	}
	return 0;
}

static int
gunzip(const char *path, const char *in, size_t n, char **out, size_t *outlen,
    char *err, size_t errlen)
{
	z_stream z;
	struct buf b = { 0 };
	int rc;

	memset(&z, 0, sizeof z);
	/* gzip's trailer gives the size (modulo 4 GB): one allocation, mostly */
	if (n >= 18) {
		const unsigned char *t = (const unsigned char *)in + n - 4;
		size_t isize = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 |
		    (size_t)t[3] << 24;
		buf_grow(&b, (isize < HTML_MAX_BYTES ? isize : HTML_MAX_BYTES) + 2);
	}
	if (inflateInit2(&z, 15 + 32) != Z_OK)
		return seterr(err, errlen, "%s: cannot start gzip decoding", path);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
	do {
		buf_grow(&b, 1 << 16);
		z.next_out = (Bytef *)b.s + b.len;
		z.avail_out = (uInt)(b.cap - b.len - 1);
		rc = inflate(&z, Z_NO_FLUSH);
		b.len = b.cap - 1 - z.avail_out;
		if (rc == Z_STREAM_END && z.avail_in > 0) {	/* another gzip member */
			rc = inflateReset(&z) == Z_OK ? Z_OK : Z_DATA_ERROR;
		}
		if (b.len > HTML_MAX_BYTES)	/* a zip bomb stops here too */
			break;
	} while (rc == Z_OK);
	inflateEnd(&z);
	if (rc != Z_STREAM_END && b.len == 0) {
		buf_free(&b);
		return seterr(err, errlen, "%s: not gzip data or truncated (%s)", path,
		    z.msg != NULL ? z.msg : "no data");
	}
	/* a truncated stream is read as far as it goes */
	buf_grow(&b, 1);
	b.s[b.len] = '\0';
	*out = b.s;
	*outlen = b.len;
	return 0;
}

int
html_read_file(const char *path, char **data, size_t *len, char *err, size_t errlen)
{
	size_t n = strlen(path);
	char *raw;
	size_t rlen;
	int rc;

	if (read_file(path, &raw, &rlen, err, errlen) == -1)
		return -1;
	if (n < 3 || strcasecmp(path + n - 3, ".gz") != 0) {
		*data = raw;
		*len = rlen;
		return 0;
	}
	rc = gunzip(path, raw, rlen, data, len, err, errlen);
	free(raw);
	return rc;
}

/* --- charset ------------------------------------------------------------------ */

/* windows-1252's 0x80..0x9F (the other bytes are Latin-1); 0 where unassigned. */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0
};

static void
put_uc(struct buf *b, uint32_t c)
{
	char t[4];

	if (c == 0)
		c = ' ';
	if (c < 0x80) {
		buf_addc(b, (char)c);
		return;
	}
	if (c < 0x800) {
		t[0] = (char)(0xC0 | c >> 6);
		t[1] = (char)(0x80 | (c & 0x3F));
		buf_add(b, t, 2);
	} else if (c < 0x10000) {
		t[0] = (char)(0xE0 | c >> 12);
		t[1] = (char)(0x80 | (c >> 6 & 0x3F));
		t[2] = (char)(0x80 | (c & 0x3F));
		buf_add(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | c >> 18);
		t[1] = (char)(0x80 | (c >> 12 & 0x3F));
		t[2] = (char)(0x80 | (c >> 6 & 0x3F));
		t[3] = (char)(0x80 | (c & 0x3F));
		buf_add(b, t, 4);
	}
}

static void
from_cp1252(struct buf *b, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c >= 0x80 && c < 0xA0)
			c = cp1252_hi[c - 0x80] ? cp1252_hi[c - 0x80] : 0xFFFD;
		put_uc(b, c);
	}
}

/* UTF-8 as it is, a bad byte as U+FFFD, NUL as a space. */
static void
from_utf8(struct buf *b, const unsigned char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		size_t run = i;
		while (i < n && s[i] != 0 && (k = utf8_valid_len(s + i, n - i)) > 0)
			i += k;
		buf_add(b, s + run, i - run);
		if (i < n) {
			put_uc(b, s[i] == 0 ? ' ' : 0xFFFD);
			i++;
		}
	}
}

static int
from_iconv(struct buf *b, const char *enc, const char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	char *in = (char *)(uintptr_t)s, *out;
	size_t inleft = n, outleft;

	if (cd == (iconv_t)-1)
		return -1;
	while (inleft > 0) {
		buf_grow(b, inleft * 2 + 16);
		out = b->s + b->len;
		outleft = b->cap - b->len - 1;
		if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
			b->len = (size_t)(out - b->s);
			if (errno == E2BIG)
				continue;
			/* a byte the charset cannot decode, or a cut-off sequence */
			put_uc(b, 0xFFFD);
			in++;
			inleft--;
			continue;
		}
		b->len = (size_t)(out - b->s);
	}
	iconv_close(cd);
	return 0;
}

/* Lower-cased charset name after "charset" in the first bytes, or "" */
static void
sniff_charset(const char *s, size_t n, char *out, size_t outlen)
{
	size_t lim = n < HTML_SNIFF ? n : HTML_SNIFF, i, k;
	const char *p;

	out[0] = '\0';
	for (i = 0; i + 7 < lim; i++) {
		if ((s[i] | 32) != 'c' || strncasecmp(s + i, "charset", 7) != 0)
			continue;
		p = s + i + 7;
		while (p < s + lim && (*p == ' ' || *p == '\t'))
			p++;
		if (p >= s + lim || *p != '=')
			continue;
		p++;
		while (p < s + lim && (*p == ' ' || *p == '"' || *p == '\''))
			p++;
		for (k = 0; p < s + lim && k + 1 < outlen; p++, k++) {
			char c = *p;
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.'))
				break;
			out[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		out[k] = '\0';
		if (k > 0)
			return;
	}
}

/* Any multi-byte UTF-8 sequence at all: the page is UTF-8 with some damage. */
static int
has_utf8_seq(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 0xC2 && utf8_valid_len(s + i, n - i) > 1)
			return 1;
	return 0;
}

int
html_is_clean_utf8(const char *data, size_t len)
{
	char cs[40];

	if (len >= 2 && ((unsigned char)data[0] >= 0xfe || (unsigned char)data[0] == 0xef))
		return 0;
	sniff_charset(data, len, cs, sizeof cs);
	if (cs[0] != '\0' && strcmp(cs, "utf-8") != 0 && strcmp(cs, "utf8") != 0)
		return 0;
	return memchr(data, '\0', len) == NULL && utf8_first_invalid(data, len) == (size_t)-1;
}

char *
html_to_utf8(const char *data, size_t len, size_t *outlen, char **enc)
{
	const unsigned char *s = (const unsigned char *)data;
	struct buf b = { 0 };
	char cs[40];

	buf_grow(&b, len + len / 8 + 16);
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		from_utf8(&b, s + 3, len - 3);
		*enc = xstrdup("utf-8");
	} else if (len >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 ||
	    memcmp(s, "\xfe\xff", 2) == 0)) {
		const char *e = s[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
		from_iconv(&b, e, data + 2, len - 2);
		*enc = xstrdup(s[0] == 0xff ? "utf-16le" : "utf-16be");
	} else {
		sniff_charset(data, len, cs, sizeof cs);
		/* Latin-1 and ASCII labels mean windows-1252, as browsers read them. */
		if (strcmp(cs, "iso-8859-1") == 0 || strcmp(cs, "latin1") == 0 ||
		    strcmp(cs, "us-ascii") == 0 || strcmp(cs, "ascii") == 0 ||
		    strcmp(cs, "windows-1252") == 0 || strcmp(cs, "cp1252") == 0 ||
		    strcmp(cs, "iso8859-1") == 0 || strcmp(cs, "l1") == 0) {
			from_cp1252(&b, s, len);
			*enc = xstrdup("windows-1252");
		} else if (cs[0] != '\0' && strcmp(cs, "utf-8") != 0 &&
		    strcmp(cs, "utf8") != 0 && strncmp(cs, "utf-16", 6) != 0 &&
		    from_iconv(&b, cs, data, len) == 0) {
			*enc = xstrdup(cs);
		} else if (utf8_first_invalid(data, len) == (size_t)-1 ||
		    has_utf8_seq(s, len)) {
			from_utf8(&b, s, len);
			*enc = xstrdup("utf-8");
		} else {
			b.len = 0;
			from_cp1252(&b, s, len);
			*enc = xstrdup("windows-1252");
		}
	}
	buf_grow(&b, 1);
	b.s[b.len] = '\0';
	*outlen = b.len;
	return b.s;
}

/* --- metadata ------------------------------------------------------------------- */

int
html_has_token(const char *s, const char *w)
{
	size_t k = strlen(w);
	const char *p;

	for (p = s; (p = strcasestr(p, w)) != NULL; p++) {
		int before = p == s || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
		char c = p[k];
		int after = !((c | 32) >= 'a' && (c | 32) <= 'z');
		if (before && after)
			return 1;
	}
	return 0;
}

static int
type_is_article(const struct json *t)
{
	size_t i;

	if (t == NULL)
		return 0;
	if (t->type == JSON_STRING)
		return strstr(t->str, "Article") != NULL || strcmp(t->str, "BlogPosting") == 0 ||
		    strcmp(t->str, "Report") == 0 || strcmp(t->str, "LiveBlogPosting") == 0;
	if (t->type == JSON_ARRAY)
		for (i = 0; i < t->n; i++)
			if (type_is_article(&t->items[i]))
				return 1;
	return 0;
}

/* A name: a string, an object's "name", or the names of an array joined by ", " */
static void
add_names(struct buf *b, const struct json *v, int depth)
{
	size_t i;
	const char *s;

	if (v == NULL || depth > 4)
		return;
	if (v->type == JSON_STRING && v->len > 0 && strncmp(v->str, "http", 4) != 0) {
		if (b->len)
			buf_addlit(b, ", ");
		buf_add(b, v->str, v->len);
	} else if (v->type == JSON_OBJECT && (s = json_get_str(v, "name")) != NULL &&
	    *s != '\0') {
		if (b->len)
			buf_addlit(b, ", ");
		buf_adds(b, s);
	} else if (v->type == JSON_ARRAY) {
		for (i = 0; i < v->n; i++)
			add_names(b, &v->items[i], depth + 1);
	}
}

static char *
names_of(const struct json *v)
{
	struct buf b = { 0 };

	add_names(&b, v, 0);
	return b.len ? buf_detach(&b) : (buf_free(&b), NULL);
}

/* YYYY-MM-DD from an ISO 8601 date or date-time (also with '/'), else NULL. */
char *
html_iso_date(const char *s)
{
	int i;

	if (s == NULL)
		return NULL;
	while (*s == ' ')
		s++;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-' && s[i] != '/')
				return NULL;
		} else if (s[i] < '0' || s[i] > '9') {
			return NULL;
		}
	}
	return xasprintf("%.4s-%.2s-%.2s", s, s + 5, s + 8);
}

static void
set_if_null(char **field, char *v)
{
	if (*field == NULL && v != NULL && *v != '\0')
		*field = v;
	else
		free(v);
}

static char *
dup_trim(const char *s)
{
	size_t n;

	if (s == NULL)
		return NULL;
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	/* one line: metadata is shown on one row */
	char *r = xstrndup(s, n), *p;
	for (p = r; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return r;
}

static void
jsonld_article(const struct json *o, struct article *a, char **ld_body)
{
	const struct json *p;
	const char *body = json_get_str(o, "articleBody");

	if (*ld_body == NULL && body != NULL && *body != '\0')
		*ld_body = xstrdup(body);

	set_if_null(&a->title, dup_trim(json_get_str(o, "headline")));
	set_if_null(&a->byline, names_of(json_get(o, "author")));
	set_if_null(&a->date, html_iso_date(json_get_str(o, "datePublished")));
	if ((p = json_get(o, "publisher")) != NULL)
		set_if_null(&a->site, names_of(p));
	set_if_null(&a->url, dup_trim(json_get_str(o, "url")));
}

static void
jsonld_walk(const struct json *v, struct article *a, char **ld_body, int depth)
{
	size_t i;

	if (v == NULL || depth > 6)
		return;
	if (v->type == JSON_ARRAY) {
		for (i = 0; i < v->n; i++)
			jsonld_walk(&v->items[i], a, ld_body, depth + 1);
	} else if (v->type == JSON_OBJECT) {
		if (type_is_article(json_get(v, "@type")))
			jsonld_article(v, a, ld_body);
		jsonld_walk(json_get(v, "@graph"), a, ld_body, depth + 1);
		jsonld_walk(json_get(v, "mainEntity"), a, ld_body, depth + 1);
	}
}

static const char *
attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr p;

	for (p = n->properties; p != NULL; p = p->next)
		if (p->children != NULL && p->children->type == XML_TEXT_NODE &&
		    strcasecmp((const char *)p->name, name) == 0)
			return (const char *)p->children->content;
	return NULL;
}

struct metas {
	char	*og_title, *og_site, *author, *date, *title, *url;
};

static void
meta_tag(xmlNodePtr n, struct metas *m)
{
	const char *k = attr(n, "property"), *c = attr(n, "content");

	if (k == NULL)
		k = attr(n, "name");
	if (k == NULL)
		k = attr(n, "itemprop");
	if (k == NULL || c == NULL)
		return;
	if (strcasecmp(k, "og:title") == 0 || strcasecmp(k, "twitter:title") == 0)
		set_if_null(&m->og_title, dup_trim(c));
	else if (strcasecmp(k, "og:site_name") == 0)
		set_if_null(&m->og_site, dup_trim(c));
	else if (strcasecmp(k, "og:url") == 0)
		set_if_null(&m->url, dup_trim(c));
	else if ((strcasecmp(k, "author") == 0 || strcasecmp(k, "article:author") == 0 ||
	    strcasecmp(k, "dc.creator") == 0 || strcasecmp(k, "byl") == 0) &&
	    strncmp(c, "http", 4) != 0) {
		const char *s = c;
		if (strncasecmp(s, "by ", 3) == 0)
			s += 3;
		set_if_null(&m->author, dup_trim(s));
	} else if (strcasecmp(k, "article:published_time") == 0 ||
	    strcasecmp(k, "datePublished") == 0 || strcasecmp(k, "date") == 0 ||
	    strcasecmp(k, "pubdate") == 0 || strcasecmp(k, "publishdate") == 0 ||
	    strcasecmp(k, "dc.date") == 0 || strcasecmp(k, "dc.date.issued") == 0 ||
	    strcasecmp(k, "dcterms.created") == 0)
		set_if_null(&m->date, html_iso_date(c));
}

static void
meta_walk(xmlNodePtr n, struct article *a, struct metas *m, char **ld_body, int depth)
{
	char err[LEDE_ERRLEN];

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		if (strcasecmp(name, "meta") == 0) {
			meta_tag(n, m);
		} else if (strcasecmp(name, "title") == 0 && m->title == NULL) {
			xmlChar *t = xmlNodeGetContent(n);
			set_if_null(&m->title, dup_trim((const char *)t));
			xmlFree(t);
		} else if (strcasecmp(name, "script") == 0) {
			const char *ty = attr(n, "type");
			if (ty != NULL && strcasecmp(ty, "application/ld+json") == 0 &&
			    n->children != NULL && n->children->content != NULL) {
				const char *s = (const char *)n->children->content;
				struct json *j = json_parse(s, strlen(s), err, sizeof err);
				if (j != NULL)
					jsonld_walk(j, a, ld_body, 0);
				json_free(j);
			}
		} else if (depth < 64) {
			meta_walk(n->children, a, m, ld_body, depth + 1);
		}
	}
}

void
html_meta(xmlDocPtr doc, struct article *a, char **ld_body)
{
	struct metas m = { 0 };

	if (doc == NULL)
		return;
	meta_walk(xmlDocGetRootElement(doc), a, &m, ld_body, 0);
	set_if_null(&a->title, m.og_title);
	set_if_null(&a->title, m.title);
	set_if_null(&a->site, m.og_site);
	set_if_null(&a->byline, m.author);
	set_if_null(&a->date, m.date);
	set_if_null(&a->url, m.url);
}
