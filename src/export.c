/* export.c - annotations as JSON Lines, W3C Web Annotation, brat standoff, Markdown */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "lede/anchor.h"
#include "lede/export.h"
#include "lede/html.h"
#include "lede/json.h"
#include "lede/msg.h"
#include "lede/text.h"

static int
placed(const struct annot *a)
{
	return a->status != ANNOT_ORPHAN;
}

static void
write_tags_array(FILE *f, const char *tags)
{
	const char *p = tags, *e;
	int first = 1;

	fputc('[', f);
	while (p != NULL && *p != '\0') {
		e = strchr(p, ',');
		if (!first)
			fputc(',', f);
		json_write_string(f, p, e != NULL ? (size_t)(e - p) : strlen(p));
		first = 0;
		p = e != NULL ? e + 1 : NULL;
	}
	fputc(']', f);
}

void
export_json(FILE *f, const struct annot *a)
{
	fprintf(f, "{\"id\":%" PRId64 ",\"path\":", a->id);
	json_write_cstr(f, a->path);
	fputs(",\"doc\":", f);
	json_write_cstr(f, a->doc);
	fprintf(f, ",\"kind\":\"%s\",\"status\":\"%s\"", annot_kind_name(a->kind),
	    annot_status_name(a->status));
	if (placed(a))
		fprintf(f, ",\"start\":%zu,\"end\":%zu", a->cur_start, a->cur_end);
	else
		fputs(",\"start\":null,\"end\":null", f);
	fputs(",\"quote\":", f);
	json_write_cstr(f, a->quote);
	fputs(",\"prefix\":", f);
	json_write_cstr(f, a->prefix);
	fputs(",\"suffix\":", f);
	json_write_cstr(f, a->suffix);
	fputs(",\"note\":", f);
	json_write_cstr(f, a->note);
	fputs(",\"tags\":", f);
	write_tags_array(f, a->tags);
	fprintf(f, ",\"created\":\"%s\",\"updated\":\"%s\"", a->created, a->updated);
	fprintf(f, ",\"stored\":{\"start\":%zu,\"end\":%zu,\"hash\":\"%016" PRIx64 "\"}}\n",
	    a->start, a->end, a->hash);
}

/* file:// IRI with everything outside the unreserved set and '/' percent-encoded. */
static void
write_file_iri(FILE *f, const char *path, const char *doc)
{
	struct buf b = { 0 };
	const unsigned char *p;

	buf_adds(&b, strcmp(path, "-") == 0 ? "urn:lede:stdin" : "file://");
	if (strcmp(path, "-") != 0) {
		for (p = (const unsigned char *)path; *p != '\0'; p++) {
			if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
				buf_addc(&b, (char)*p);
			else
				buf_addf(&b, "%%%02X", *p);
		}
	}
	if (doc != NULL) {
		buf_adds(&b, "#doc=");
		for (p = (const unsigned char *)doc; *p != '\0'; p++) {
			if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
				buf_addc(&b, (char)*p);
			else
				buf_addf(&b, "%%%02X", *p);
		}
	}
	json_write_string(f, b.s, b.len);
	buf_free(&b);
}

static const char *
motivation(enum annot_kind k)
{
	switch (k) {
	case ANNOT_NOTE:
		return "commenting";
	case ANNOT_TAG:
		return "tagging";
	case ANNOT_HIGHLIGHT:
		break;
	}
	return "highlighting";
}

/* After the selector list: the bytes of the page's elements that hold the passage. */
static void
page_selector(FILE *f, const struct article *art, size_t start, size_t end)
{
	size_t ps, pe;

	if (html_page_range(art->html, start, end, &ps, &pe) == 0)
		fprintf(f, ",\"pageSelector\":{\"type\":\"DataPositionSelector\","
		    "\"start\":%zu,\"end\":%zu}", ps, pe);
}

void
export_w3c(FILE *f, const struct annot *a, const struct article *art)
{
	const char *p, *e;
	int have_text = art != NULL && placed(a) && a->status != ANNOT_UNCHECKED &&
	    a->cur_end <= art->len;
	int nbody = 0;

	fprintf(f, "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\","
	    "\"id\":\"urn:lede:annotation:%" PRId64 "\",\"type\":\"Annotation\","
	    "\"motivation\":\"%s\",\"created\":\"%s\",\"modified\":\"%s\"", a->id,
	    motivation(a->kind), a->created, a->updated);
	if (*a->note != '\0' || *a->tags != '\0') {
		fputs(",\"body\":[", f);
		if (*a->note != '\0') {
			fputs("{\"type\":\"TextualBody\",\"purpose\":\"commenting\","
			    "\"format\":\"text/plain\",\"value\":", f);
			json_write_cstr(f, a->note);
			fputc('}', f);
			nbody++;
		}
		for (p = a->tags; p != NULL && *p != '\0'; p = e != NULL ? e + 1 : NULL) {
			e = strchr(p, ',');
			fputs(nbody++ ? ",{" : "{", f);
			fputs("\"type\":\"TextualBody\",\"purpose\":\"tagging\",\"value\":", f);
			json_write_string(f, p, e != NULL ? (size_t)(e - p) : strlen(p));
			fputc('}', f);
		}
		fputc(']', f);
	}
	fputs(",\"target\":{\"source\":", f);
	write_file_iri(f, a->path, a->doc);
	fputs(",\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":", f);
	if (have_text) {
		/* the current text, so that both selectors describe the same passage */
		size_t ps = utf8_back(art->text, art->len, a->cur_start, ANCHOR_CONTEXT);
		size_t se = utf8_fwd(art->text, art->len, a->cur_end, ANCHOR_CONTEXT);
		size_t cs = utf8_cpcount(art->text, a->cur_start);

		json_write_string(f, art->text + a->cur_start, a->cur_end - a->cur_start);
		fputs(",\"prefix\":", f);
		json_write_string(f, art->text + ps, a->cur_start - ps);
		fputs(",\"suffix\":", f);
		json_write_string(f, art->text + a->cur_end, se - a->cur_end);
		fprintf(f, "},{\"type\":\"TextPositionSelector\",\"start\":%zu,\"end\":%zu}",
		    cs, cs + utf8_cpcount(art->text + a->cur_start,
		    a->cur_end - a->cur_start));
	} else {
		json_write_cstr(f, a->quote);
		fputs(",\"prefix\":", f);
		json_write_cstr(f, a->prefix);
		fputs(",\"suffix\":", f);
		json_write_cstr(f, a->suffix);
		fputc('}', f);
	}
	fputc(']', f);
	if (have_text && art->html != NULL)	/* an HTML page: where the passage is in it */
		page_selector(f, art, a->cur_start, a->cur_end);
	fputs("}}\n", f);
}

/* Append s[0..n) with bad bytes as U+FFFD and, when flat, tabs and line breaks as
 * spaces (brat's fields are tab-separated and one line each). */
static void
add_clean(struct buf *b, const char *s, size_t n, int flat)
{
	size_t i = 0, k;

	while (i < n) {
		k = utf8_seqlen(s + i, n - i);
		if (k == 1 && (unsigned char)s[i] >= 0x80)
			buf_add(b, "\xef\xbf\xbd", 3);
		else if (flat && (s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			buf_addc(b, ' ');
		else
			buf_add(b, s + i, k);
		i += k;
	}
}

void
export_brat_txt(struct buf *b, const struct article *art)
{
	add_clean(b, art->text, art->len, 0);
}

static size_t
count_units(const char *s, size_t n, enum brat_offsets o)
{
	return o == BRAT_UTF16 ? utf16_count(s, n) : utf8_cpcount(s, n);
}

static const char *
brat_type(enum annot_kind k)
{
	switch (k) {
	case ANNOT_NOTE:
		return "Note";
	case ANNOT_TAG:
		return "Tag";
	case ANNOT_HIGHLIGHT:
		break;
	}
	return "Highlight";
}

/* An attribute value: no white space, which would end the field. */
static void
add_token(struct buf *b, const char *s, size_t n)
{
	struct buf t = { 0 };
	size_t i;

	add_clean(&t, s, n, 1);
	for (i = 0; i < t.len; i++)
		buf_addc(b, t.s[i] == ' ' ? '_' : t.s[i]);
	buf_free(&t);
}

void
export_brat_ann(struct buf *b, const struct article *art, const struct annot_list *l,
    enum brat_offsets o, size_t *skipped)
{
	size_t i, t = 0, nn = 0, na = 0, pos, off, fs, fe, frags;
	const char *p, *e;
	struct buf text = { 0 };

	*skipped = 0;
	for (i = 0; i < l->n; i++) {
		const struct annot *a = &l->v[i];

		if (!placed(a) || a->status == ANNOT_UNCHECKED || a->cur_end > art->len) {
			(*skipped)++;
			continue;
		}
		/* fragments: the runs between line breaks */
		buf_free(&text);
		buf_adds(&text, "");
		frags = 0;
		off = count_units(art->text, a->cur_start, o);
		pos = a->cur_start;
		while (pos < a->cur_end) {
			fs = pos;
			while (fs < a->cur_end && (art->text[fs] == '\n' ||
			    art->text[fs] == '\r'))
				fs++;
			if (fs == a->cur_end)
				break;
			fe = fs;
			while (fe < a->cur_end && art->text[fe] != '\n' &&
			    art->text[fe] != '\r')
				fe++;
			off += count_units(art->text + pos, fs - pos, o);
			if (frags == 0)
				buf_addf(b, "T%zu\t%s ", t + 1, brat_type(a->kind));
			else {
				buf_addc(b, ';');
				buf_addc(&text, ' ');
			}
			buf_addf(b, "%zu ", off);
			off += count_units(art->text + fs, fe - fs, o);
			buf_addf(b, "%zu", off);
			add_clean(&text, art->text + fs, fe - fs, 1);
			frags++;
			pos = fe;
		}
		if (frags == 0) {
			(*skipped)++;
			continue;
		}
		t++;
		buf_addc(b, '\t');
		buf_add(b, text.s, text.len);
		buf_addc(b, '\n');
		if (*a->note != '\0') {
			buf_addf(b, "#%zu\tAnnotatorNotes T%zu\t", ++nn, t);
			add_clean(b, a->note, strlen(a->note), 1);
			buf_addc(b, '\n');
		}
		for (p = a->tags; p != NULL && *p != '\0'; p = e != NULL ? e + 1 : NULL) {
			e = strchr(p, ',');
			buf_addf(b, "A%zu\tTag T%zu ", ++na, t);
			add_token(b, p, e != NULL ? (size_t)(e - p) : strlen(p));
			buf_addc(b, '\n');
		}
	}
	buf_free(&text);
}

void
export_brat_conf(struct buf *b, const struct annot_tag *tags, size_t ntags)
{
	size_t i;

	buf_adds(b, "# brat configuration written by lede annotations export\n"
	    "[entities]\nHighlight\nNote\nTag\n[relations]\n[events]\n[attributes]\n");
	if (ntags > 0) {
		buf_adds(b, "Tag\tArg:<ENTITY>, Value:");
		for (i = 0; i < ntags; i++) {
			if (i > 0)
				buf_addc(b, '|');
			add_token(b, tags[i].name, strlen(tags[i].name));
		}
		buf_addc(b, '\n');
	}
}

static void
add_stem_part(struct buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		buf_addc(b, (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ? c : '_');
	}
}

char *
export_brat_stem(const char *path, const char *doc)
{
	struct buf b = { 0 };
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	add_stem_part(&b, base, (size_t)(dot - base));
	if (doc != NULL) {
		buf_addc(&b, '-');
		add_stem_part(&b, doc, strlen(doc));
	}
	if (b.len == 0)
		buf_adds(&b, "article");
	if (b.s[0] == '.')
		b.s[0] = '_';	/* not a hidden file */
	return buf_detach(&b);
}

void
export_markdown_begin(FILE *f)
{
	fputs("# Annotations\n", f);
}

/* Markdown is read in terminals (cat, less -R): article text goes out neutralised
 * as on screen, escape sequences and controls as placeholders. */
static void
md_put(FILE *f, const char *s, size_t n)
{
	msg_write_text(f, s, n);
}

static void
md_puts(FILE *f, const char *s)
{
	msg_write_text(f, s, strlen(s));
}

/* One line of the article to title its section: its title, else its first line. */
static void
write_title(FILE *f, const struct article *art, const char *path)
{
	const char *s, *e;
	size_t n;

	if (art != NULL && art->title != NULL && *art->title != '\0') {
		/* a title is one line */
		char *t = text_sanitize(art->title, strlen(art->title), -1);

		fputs(t, f);
		free(t);
		return;
	}
	if (art != NULL && art->len > 0) {
		s = art->text;
		e = memchr(s, '\n', art->len);
		n = e != NULL ? (size_t)(e - s) : art->len;
		if (n > 120)
			n = utf8_back(s, art->len, 120, 0);
		while (n > 0 && utf8_boundary(s, art->len, n) == 0)
			n--;
		if (n > 0) {
			md_put(f, s, n);
			return;
		}
	}
	s = strrchr(path, '/');
	md_puts(f, s != NULL ? s + 1 : path);
}

static void
write_quoted(FILE *f, const char *s, size_t n)
{
	const char *nl;
	size_t i = 0, e;

	for (;;) {
		nl = memchr(s + i, '\n', n - i);
		e = nl != NULL ? (size_t)(nl - s) : n;
		fputs("> ", f);
		md_put(f, s + i, e > i && s[e - 1] == '\r' ? e - i - 1 : e - i);
		fputc('\n', f);
		if (nl == NULL)
			break;
		i = e + 1;
	}
}

void
export_markdown_article(FILE *f, const struct article *art, const char *path,
    const char *doc, const struct annot_list *l)
{
	size_t i;
	const char *p, *e;

	fputs("\n## ", f);
	write_title(f, art, path);
	fputs("\n\n`", f);
	md_puts(f, path);
	fputc('`', f);
	if (doc != NULL) {
		fputs(" (id `", f);
		md_puts(f, doc);
		fputs("`)", f);
	}
	fprintf(f, " · %zu annotation%s\n", l->n, l->n == 1 ? "" : "s");
	for (i = 0; i < l->n; i++) {
		const struct annot *a = &l->v[i];
		int cur = art != NULL && placed(a) && a->status != ANNOT_UNCHECKED &&
		    a->cur_end <= art->len;

		fprintf(f, "\n### %zu. %s", i + 1, annot_kind_name(a->kind));
		if (a->status == ANNOT_ORPHAN)
			fputs(" (orphan: the passage is no longer in the article)", f);
		else if (a->status == ANNOT_FUZZY)
			fputs(" (the passage has changed)", f);
		fprintf(f, " · %s\n\n", a->updated);
		if (cur)
			write_quoted(f, art->text + a->cur_start, a->cur_end - a->cur_start);
		else
			write_quoted(f, a->quote, strlen(a->quote));
		if (*a->note != '\0') {
			fputc('\n', f);
			md_puts(f, a->note);
			fputc('\n', f);
		}
		if (*a->tags != '\0') {
			fputs("\nTags:", f);
			for (p = a->tags; p != NULL; p = e != NULL ? e + 1 : NULL) {
				char *t;

				e = strchr(p, ',');
				t = text_sanitize(p, e != NULL ? (size_t)(e - p) : strlen(p), -1);
				fprintf(f, " `%s`", t);
				free(t);
			}
			fputc('\n', f);
		}
	}
}
