/* clean.c - line classes, metadata and artifacts. Placeholder: structural minimum
 * (empty lines, first non-empty line as title, the rest body); the cleaning work
 * replaces it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/clean.h"
#include "lede/util.h"

struct clean_rules {
	int	unused;
};

static const char *const class_names[] = {
	"title", "title-repeat", "byline", "dateline", "subheading", "body", "caption",
	"credit", "boilerplate", "empty"
};
static const char *const subtype_names[] = {
	"", "navigation", "related-links", "comments", "cookie-privacy", "share",
	"copyright", "site-chrome", "source-attribution", "id-hash", "advert", "other"
};
static const char *const kind_names[] = {
	"mistranslation", "name-variant", "wrong-referent", "garbled", "casing",
	"punctuation", "duplicate", "truncation", "other"
};

const char *
line_class_name(enum line_class c)
{
	return class_names[c];
}

const char *
bp_subtype_name(enum bp_subtype s)
{
	return subtype_names[s];
}

const char *
artifact_kind_name(enum artifact_kind k)
{
	return kind_names[k];
}

int
line_class_hidden(enum line_class c)
{
	return c == LC_BOILERPLATE || c == LC_TITLE_REPEAT;
}

struct clean_rules *
clean_rules_load(const char *datadir, const char *userdir,
    void (*warn)(const char *, void *), void *ctx)
{
	return xcalloc(1, sizeof(struct clean_rules));
}

void
clean_rules_free(struct clean_rules *r)
{
	free(r);
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

void
clean_article(const struct clean_rules *r, const struct article *a,
    struct clean_result *out)
{
	struct line_span *ls;
	size_t i, n;
	int have_title = 0;

	memset(out, 0, sizeof *out);
	n = lines_split(a->text, a->len, &ls);
	out->lines = xcalloc(n, sizeof *out->lines);
	out->nlines = n;
	for (i = 0; i < n; i++) {
		struct cline *l = &out->lines[i];
		l->start = ls[i].start;
		l->end = ls[i].end;
		if (blank(a->text + l->start, l->end - l->start))
			l->cls = LC_EMPTY;
		else if (!have_title) {
			l->cls = LC_TITLE;
			have_title = 1;
			out->title = xstrndup(a->text + l->start, l->end - l->start);
		} else
			l->cls = LC_BODY;
	}
	free(ls);
}

void
clean_result_free(struct clean_result *c)
{
	size_t i;

	for (i = 0; i < c->narts; i++) {
		free(c->arts[i].suggestion);
		free(c->arts[i].note);
	}
	free(c->arts);
	free(c->lines);
	free(c->title);
	free(c->byline);
	free(c->site);
	free(c->date);
	memset(c, 0, sizeof *c);
}
