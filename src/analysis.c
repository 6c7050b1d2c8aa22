/* analysis.c - run cleaning and entities on an article; JSON and extract output */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "lede/analysis.h"
#include "lede/artifact.h"
#include "lede/html.h"
#include "lede/msg.h"
#include "lede/json.h"
#include "lede/util.h"

void
knowledge_load(struct knowledge *k, const char *datadir, const char *userdir,
    void (*warn)(const char *, void *), void *ctx)
{
	k->rules = clean_rules_load(datadir, userdir, warn, ctx);
	k->kb = entity_kb_load(datadir, userdir, warn, ctx);
	k->words = wordlist_load(datadir, warn, ctx);
}

void
knowledge_free(struct knowledge *k)
{
	clean_rules_free(k->rules);
	entity_kb_free(k->kb);
	wordlist_free(k->words);
	k->words = NULL;
	k->rules = NULL;
	k->kb = NULL;
}

void
analysis_run(const struct knowledge *k, const struct article *a, struct analysis *an)
{
	memset(an, 0, sizeof *an);
	an->art = a;
	clean_article(k->rules, a, &an->clean);
	html_apply_classes(a, &an->clean);
	if (k->kb != NULL) {	/* NULL when only the cleaned text is wanted */
		entity_extract(k->kb, a, &an->clean, &an->ents);
		artifact_names(a, &an->ents, &an->clean);
		artifact_words(k->words, a, &an->clean);
		artifact_gate(&an->clean, a->text);
	}
}

void
analysis_free(struct analysis *an)
{
	clean_result_free(&an->clean);
	entity_result_free(&an->ents);
}

/* Decimal without printf: the JSON writer formats several numbers per line. */
static void
buf_addu(struct buf *b, size_t v)
{
	char t[24], *p = t + sizeof t;

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	buf_add(b, p, (size_t)(t + sizeof t - p));
}

/* A confidence 0..1 with three decimals ("0.950"), without printf. */
static void
buf_addscore(struct buf *b, double v)
{
	unsigned h;

	if (!(v > 0))
		v = 0;
	if (v > 1)
		v = 1;
	h = (unsigned)(v * 1000 + 0.5);
	buf_addc(b, (char)('0' + h / 1000));
	buf_addc(b, '.');
	buf_addc(b, (char)('0' + h / 100 % 10));
	buf_addc(b, (char)('0' + h / 10 % 10));
	buf_addc(b, (char)('0' + h % 10));
}

/* Article metadata wins over what cleaning found, as the input stated it. */
static const char *
meta(const char *stated, const char *found)
{
	return stated != NULL ? stated : found;
}

void
analysis_json(struct buf *b, const struct analysis *an)
{
	const struct article *a = an->art;
	const struct clean_result *c = &an->clean;
	size_t i, j;

	/* The text, its lines and mentions: about three times its size. */
	buf_grow(b, 3 * a->len + 4096);

	buf_addlit(b, "{\"path\":");
	json_buf_cstr(b, a->path);
	if (a->id != NULL) {
		buf_addlit(b, ",\"id\":");
		json_buf_cstr(b, a->id);
	}
	buf_addlit(b, ",\"format\":");
	json_buf_cstr(b, article_format_name(a->format));
	buf_addlit(b, ",\"text\":");
	json_buf_string(b, a->text, a->len);
	buf_addlit(b, ",\"title\":");
	json_buf_cstr(b, meta(a->title, c->title));
	buf_addlit(b, ",\"byline\":");
	json_buf_cstr(b, meta(a->byline, c->byline));
	buf_addlit(b, ",\"site\":");
	json_buf_cstr(b, meta(a->site, c->site));
	buf_addlit(b, ",\"date\":");
	json_buf_cstr(b, meta(a->date, c->date));
	if (a->url != NULL) {
		buf_addlit(b, ",\"url\":");
		json_buf_cstr(b, a->url);
	}
	buf_addlit(b, ",\"lines\":[");
	for (i = 0; i < c->nlines; i++) {
		const struct cline *l = &c->lines[i];

		if (i)
			buf_addc(b, ',');
		buf_addlit(b, "{\"n\":");
		buf_addu(b, i);
		buf_addlit(b, ",\"start\":");
		buf_addu(b, l->start);
		buf_addlit(b, ",\"end\":");
		buf_addu(b, l->end);
		buf_addlit(b, ",\"class\":\"");
		buf_adds(b, line_class_name(l->cls));
		if (l->cls == LC_BOILERPLATE) {
			buf_addlit(b, "\",\"subtype\":\"");
			buf_adds(b, bp_subtype_name(l->sub));
		}
		buf_addlit(b, "\"}");
	}
	buf_addlit(b, "],\"entities\":[");
	for (i = 0; i < an->ents.nents; i++) {
		const struct entity *e = &an->ents.ents[i];

		if (i)
			buf_addc(b, ',');
		buf_addlit(b, "{\"id\":\"e");
		buf_addu(b, i + 1);
		buf_addlit(b, "\",\"type\":\"");
		buf_adds(b, entity_type_name(e->type));
		buf_addlit(b, "\",\"canonical\":");
		json_buf_cstr(b, e->canonical);
		buf_addlit(b, ",\"mentions\":[");
		for (j = 0; j < e->nmentions; j++) {
			const struct mention *m = &e->mentions[j];

			if (j)
				buf_addc(b, ',');
			buf_addlit(b, "{\"start\":");
			buf_addu(b, m->start);
			buf_addlit(b, ",\"end\":");
			buf_addu(b, m->end);
			buf_addlit(b, ",\"text\":");
			json_buf_string(b, a->text + m->start, m->end - m->start);
			if (m->score >= 0) {	/* no score: the rules alone */
				buf_addlit(b, ",\"score\":");
				buf_addscore(b, m->score);
			}
			buf_addc(b, '}');
		}
		buf_addlit(b, "]}");
	}
	buf_addlit(b, "],\"artifacts\":[");
	for (i = 0; i < c->narts; i++) {
		const struct artifact *r = &c->arts[i];

		if (i)
			buf_addc(b, ',');
		buf_addlit(b, "{\"start\":");
		buf_addu(b, r->start);
		buf_addlit(b, ",\"end\":");
		buf_addu(b, r->end);
		buf_addlit(b, ",\"text\":");
		json_buf_string(b, a->text + r->start, r->end - r->start);
		buf_addlit(b, ",\"kind\":\"");
		buf_adds(b, artifact_kind_name(r->kind));
		buf_addlit(b, "\",\"suggestion\":");
		json_buf_cstr(b, r->suggestion ? r->suggestion : "");
		buf_addlit(b, ",\"note\":");
		json_buf_cstr(b, r->note ? r->note : "");
		buf_addlit(b, ",\"score\":");
		buf_addscore(b, r->score);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
	if (a->html != NULL)	/* an HTML page's links, where they are in the text */
		html_links_json(b, a->html);
	buf_addlit(b, "}\n");
}

void
analysis_write_extract(FILE *f, const struct analysis *an)
{
	const struct clean_result *c = &an->clean;
	size_t i, s, e;

	for (i = 0; i < c->nlines; i++) {
		const struct cline *l = &c->lines[i];
		if (l->cls != LC_BODY && l->cls != LC_SUBHEADING)
			continue;
		s = l->start;
		e = l->end;
		if (e > s && an->art->text[e - 1] == '\r')
			e--;
		/* neutralised as on screen: escape sequences in an article must
		 * not reach a terminal through a pipe to less or cat */
		msg_write_text(f, an->art->text + s, e - s);
		fputc('\n', f);
	}
}
