/* html.c - an HTML page into an article: the DOM's visible text, one block a line,
 * and which lines are the article (text and link density, tag and class cues,
 * the densest subtree of the page) */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/uri.h>

#include "html_int.h"
#include "lede/html.h"
#include "lede/ingest.h"
#include "lede/json.h"
#include "lede/util.h"

/* Deeper elements are still parsed but their text joins their ancestor's block. */
#define HTML_MAX_DEPTH	256

enum tag {
	T_INLINE,	/* text flows through it */
	T_BLOCK,	/* starts and ends a line */
	T_SKIP,		/* never visible: script, style, forms' widgets */
	T_BR,
	T_A,
	T_HEADING,	/* h1..h6 */
	T_LI,
	T_TR,
	T_CELL,
	T_CAPTION,	/* figcaption, caption */
	T_PRE,
	T_TIME
};

struct tagname {
	const char	*name;
	enum tag	 tag;
};

static const struct tagname tags[] = {
	{ "a", T_A }, { "address", T_BLOCK }, { "article", T_BLOCK }, { "aside", T_BLOCK },
	{ "audio", T_SKIP }, { "blockquote", T_BLOCK }, { "body", T_BLOCK },
	{ "br", T_BR }, { "button", T_SKIP }, { "canvas", T_SKIP }, { "caption", T_CAPTION },
	{ "center", T_BLOCK }, { "dd", T_BLOCK }, { "details", T_BLOCK }, { "dialog", T_SKIP },
	{ "div", T_BLOCK }, { "dl", T_BLOCK }, { "dt", T_BLOCK }, { "embed", T_SKIP },
	{ "fieldset", T_BLOCK }, { "figcaption", T_CAPTION }, { "figure", T_BLOCK },
	{ "footer", T_BLOCK }, { "form", T_BLOCK }, { "h1", T_HEADING }, { "h2", T_HEADING },
	{ "h3", T_HEADING }, { "h4", T_HEADING }, { "h5", T_HEADING }, { "h6", T_HEADING },
	{ "head", T_SKIP }, { "header", T_BLOCK }, { "hr", T_BLOCK }, { "html", T_BLOCK },
	{ "iframe", T_SKIP }, { "input", T_SKIP }, { "li", T_LI }, { "main", T_BLOCK },
	{ "map", T_SKIP }, { "math", T_SKIP }, { "menu", T_BLOCK }, { "nav", T_BLOCK },
	{ "noscript", T_SKIP }, { "object", T_SKIP }, { "ol", T_BLOCK }, { "option", T_SKIP },
	{ "p", T_BLOCK }, { "picture", T_INLINE }, { "pre", T_PRE }, { "script", T_SKIP },
	{ "section", T_BLOCK }, { "select", T_SKIP }, { "style", T_SKIP }, { "summary", T_BLOCK },
	{ "svg", T_SKIP }, { "table", T_BLOCK }, { "tbody", T_BLOCK }, { "td", T_CELL },
	{ "template", T_SKIP }, { "textarea", T_SKIP }, { "tfoot", T_BLOCK },
	{ "th", T_CELL }, { "thead", T_BLOCK }, { "time", T_TIME }, { "title", T_SKIP },
	{ "tr", T_TR }, { "ul", T_BLOCK }, { "video", T_SKIP },
};

static int
cmp_tagname(const void *k, const void *e)
{
	return strcasecmp(k, ((const struct tagname *)e)->name);
}

static enum tag
tag_of(const xmlChar *name)
{
	const struct tagname *t = bsearch(name, tags, sizeof tags / sizeof tags[0],
	    sizeof tags[0], cmp_tagname);

	return t != NULL ? t->tag : T_INLINE;
}

/* Words in class and id that say what a part of a page is. A cue found on an
 * element applies to everything inside it. */
enum cue {
	CUE_NONE,
	CUE_POS,	/* the article's own container */
	CUE_BYLINE,
	CUE_DATE,
	CUE_CAPTION,
	CUE_CREDIT,
	CUE_NEG		/* boilerplate; the subtype says which */
};

struct cueword {
	const char	*word;
	enum cue	 cue;
	enum bp_subtype	 sub;
	int		 token;	/* must stand alone (between non-letters), not inside a word */
	int		 weak;	/* a positive cue on the same element outweighs it */
};

static const struct cueword cuewords[] = {
	{ "comment", CUE_NEG, BP_COMMENTS, 0, 0 }, { "disqus", CUE_NEG, BP_COMMENTS, 0, 0 },
	{ "respond", CUE_NEG, BP_COMMENTS, 0, 1 }, { "reply", CUE_NEG, BP_COMMENTS, 0, 1 },
	{ "share", CUE_NEG, BP_SHARE, 0, 0 }, { "social", CUE_NEG, BP_SHARE, 0, 1 },
	{ "sharing", CUE_NEG, BP_SHARE, 0, 0 }, { "follow", CUE_NEG, BP_SHARE, 0, 1 },
	{ "related", CUE_NEG, BP_RELATED_LINKS, 0, 0 }, { "recommend", CUE_NEG, BP_RELATED_LINKS, 0, 0 },
	{ "more-stories", CUE_NEG, BP_RELATED_LINKS, 0, 0 }, { "trending", CUE_NEG, BP_RELATED_LINKS, 0, 1 },
	{ "popular", CUE_NEG, BP_RELATED_LINKS, 0, 1 }, { "read-more", CUE_NEG, BP_RELATED_LINKS, 0, 0 },
	{ "readmore", CUE_NEG, BP_RELATED_LINKS, 0, 0 }, { "headlines", CUE_NEG, BP_RELATED_LINKS, 0, 1 },
	{ "nav", CUE_NEG, BP_NAVIGATION, 1, 0 }, { "navbar", CUE_NEG, BP_NAVIGATION, 0, 0 },
	{ "navigation", CUE_NEG, BP_NAVIGATION, 0, 0 }, { "menu", CUE_NEG, BP_NAVIGATION, 0, 0 },
	{ "breadcrumb", CUE_NEG, BP_NAVIGATION, 0, 0 }, { "pagination", CUE_NEG, BP_NAVIGATION, 0, 0 },
	{ "sidebar", CUE_NEG, BP_SITE_CHROME, 0, 0 }, { "masthead", CUE_NEG, BP_SITE_CHROME, 0, 1 },
	{ "footer", CUE_NEG, BP_SITE_CHROME, 0, 0 }, { "widget", CUE_NEG, BP_SITE_CHROME, 0, 1 },
	{ "banner", CUE_NEG, BP_SITE_CHROME, 0, 1 }, { "modal", CUE_NEG, BP_SITE_CHROME, 0, 1 },
	{ "popup", CUE_NEG, BP_SITE_CHROME, 0, 1 }, { "skip", CUE_NEG, BP_NAVIGATION, 1, 1 },
	{ "cookie", CUE_NEG, BP_COOKIE_PRIVACY, 0, 0 }, { "consent", CUE_NEG, BP_COOKIE_PRIVACY, 0, 0 },
	{ "gdpr", CUE_NEG, BP_COOKIE_PRIVACY, 0, 0 }, { "privacy", CUE_NEG, BP_COOKIE_PRIVACY, 0, 1 },
	{ "ad", CUE_NEG, BP_ADVERT, 1, 0 }, { "ads", CUE_NEG, BP_ADVERT, 1, 0 },
	{ "advert", CUE_NEG, BP_ADVERT, 0, 0 }, { "advertisement", CUE_NEG, BP_ADVERT, 0, 0 },
	{ "sponsor", CUE_NEG, BP_ADVERT, 0, 0 }, { "promo", CUE_NEG, BP_ADVERT, 0, 1 },
	{ "newsletter", CUE_NEG, BP_OTHER, 0, 0 }, { "subscribe", CUE_NEG, BP_OTHER, 0, 1 },
	{ "signup", CUE_NEG, BP_OTHER, 0, 1 }, { "login", CUE_NEG, BP_OTHER, 0, 1 },
	{ "copyright", CUE_NEG, BP_COPYRIGHT, 0, 0 }, { "tags", CUE_NEG, BP_NAVIGATION, 1, 1 },
	{ "byline", CUE_BYLINE, BP_NONE, 0, 0 }, { "author", CUE_BYLINE, BP_NONE, 0, 0 },
	{ "dateline", CUE_DATE, BP_NONE, 0, 0 }, { "timestamp", CUE_DATE, BP_NONE, 0, 0 },
	{ "published", CUE_DATE, BP_NONE, 0, 0 }, { "date", CUE_DATE, BP_NONE, 1, 0 },
	{ "caption", CUE_CAPTION, BP_NONE, 0, 0 }, { "credit", CUE_CREDIT, BP_NONE, 0, 0 },
	{ "article", CUE_POS, BP_NONE, 0, 0 }, { "story", CUE_POS, BP_NONE, 0, 0 },
	{ "content", CUE_POS, BP_NONE, 0, 0 }, { "entry", CUE_POS, BP_NONE, 0, 0 },
	{ "post", CUE_POS, BP_NONE, 1, 0 }, { "body", CUE_POS, BP_NONE, 0, 0 },
	{ "text", CUE_POS, BP_NONE, 0, 0 }, { "main", CUE_POS, BP_NONE, 0, 0 },
};

struct cueval {
	enum cue	 cue;
	enum bp_subtype	 sub;
};

/* The set of letters of a lower-case word, one bit each (cached per cue word). */
static uint32_t
letters(const char *w)
{
	uint32_t m = 0;

	for (; *w; w++)
		if (*w >= 'a' && *w <= 'z')
			m |= 1u << (*w - 'a');
	return m;
}

/* Is w in s (both lower case) with no letter next to it? */
static int
lower_token(const char *s, const char *w)
{
	size_t k = strlen(w);
	const char *p;

	for (p = s; (p = strstr(p, w)) != NULL; p++) {
		char c = p[k];
		if ((p == s || p[-1] < 'a' || p[-1] > 'z') && (c < 'a' || c > 'z'))
			return 1;
	}
	return 0;
}

/* The strongest cue in one class or id string: boilerplate beats the rest. */
static void
cue_of_(const char *s, struct cueval *cv, int strong_only)
{
	size_t i, k;
	int pos = 0;
	struct cueval weak = { CUE_NONE, BP_NONE };
	char low[256];

	if (s == NULL || *s == '\0')
		return;
	/* lowered once: the words are then found with plain strstr */
	uint32_t have = 0;

	for (k = 0; s[k] != '\0' && k + 1 < sizeof low; k++) {
		low[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
		if (low[k] >= 'a' && low[k] <= 'z')
			have |= 1u << (low[k] - 'a');
	}
	low[k] = '\0';
	for (i = 0; i < sizeof cuewords / sizeof cuewords[0]; i++) {
		const struct cueword *w = &cuewords[i];
		if ((letters(w->word) & ~have) != 0)	/* a letter of the word is missing */
			continue;
		int hit = w->token ? lower_token(low, w->word) : strstr(low, w->word) != NULL;
		if (!hit)
			continue;
		if (w->cue == CUE_POS)
			pos = 1;
		if (w->weak && strong_only)
			continue;
		if (w->weak) {
			weak.cue = w->cue;
			weak.sub = w->sub;
		} else if (w->cue > cv->cue) {
			cv->cue = w->cue;
			cv->sub = w->sub;
		}
	}
	if (weak.cue != CUE_NONE && !pos && cv->cue < weak.cue)
		*cv = weak;
}

static void
cue_of(const char *s, struct cueval *cv)
{
	cue_of_(s, cv, 0);
}

/* Inside the article only the clear cues count: a weak one names page furniture
 * that articles are often built of too. */
static void
cue_strong(const char *s, struct cueval *cv)
{
	cue_of_(s, cv, 1);
}

/* Each element's place in the page's bytes and its score, found by index in _private. */
struct elinfo {
	xmlNodePtr	node;
	size_t		src_start, src_end;
	double		good, bad;	/* all the text inside it */
	double		near;		/* text close below it, farther counting less */
	int		strong_done;	/* strong holds the element's clear cue */
	struct cueval	strong;
	int		keep;		/* part of the article's region */
};

struct page {
	xmlParserCtxtPtr	 ctxt;
	struct elinfo		*el;
	size_t			 nel, capel;
	void			(*sax_start)(void *, const xmlChar *, const xmlChar **);
	void			(*sax_end)(void *, const xmlChar *);
	void			(*sax_cdata)(void *, const xmlChar *, int);
};


static void
on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr c = ctx;
	struct page *p = c->_private;
	long at;

	p->sax_start(ctx, name, atts);
	if (c->node == NULL || c->node->_private != NULL)
		return;
	if (p->nel == p->capel) {
		p->capel = p->capel ? p->capel * 2 : 256;
		p->el = xreallocarray(p->el, p->capel, sizeof *p->el);
	}
	memset(&p->el[p->nel], 0, sizeof p->el[0]);
	/* the parser stands on the start tag's '>': the content starts after it */
	at = xmlByteConsumed(c);
	p->el[p->nel].src_start = at < 0 ? 0 : (size_t)at +
	    (c->input != NULL && c->input->cur != NULL && *c->input->cur == '>');
	p->el[p->nel].src_end = p->el[p->nel].src_start;
	p->el[p->nel].node = c->node;
	p->nel++;
	c->node->_private = (void *)(uintptr_t)p->nel;
}

static void
on_end(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr c = ctx;
	struct page *p = c->_private;
	long at = xmlByteConsumed(c);

	if (c->node != NULL && c->node->_private != NULL && at >= 0)
		p->el[(uintptr_t)c->node->_private - 1].src_end = (size_t)at;
	p->sax_end(ctx, name);
}

/* Scripts and styles are never read, except JSON-LD: their text is not kept. */
static void
on_cdata(void *ctx, const xmlChar *value, int len)
{
	xmlParserCtxtPtr c = ctx;
	xmlAttrPtr a;

	if (c->node != NULL && xmlStrcasecmp(c->node->name, BAD_CAST "script") == 0)
		for (a = c->node->properties; a != NULL; a = a->next)
			if (xmlStrcasecmp(a->name, BAD_CAST "type") == 0 &&
			    a->children != NULL && a->children->content != NULL &&
			    xmlStrcasestr(a->children->content, BAD_CAST "ld+json") != NULL) {
				((struct page *)c->_private)->sax_cdata(ctx, value, len);
				return;
			}
}

static struct elinfo *
elinfo(struct page *p, xmlNodePtr n)
{
	uintptr_t i = (uintptr_t)n->_private;

	return i > 0 && i <= p->nel ? &p->el[i - 1] : NULL;
}

/* One line of text as the walk made it. */
struct block {
	size_t		 ts, te;	/* in the text buffer */
	size_t		 chars, linkchars, words;
	xmlNodePtr	 el;		/* the element that holds the block */
	enum tag	 tag;
	int		 heading;	/* 1..6, 0 if not a heading */
	struct cueval	 cue;		/* nearest meaningful cue of the ancestors */
	int		 in_a_list;	/* inside an li */
	int		 semantic_neg;	/* inside nav, aside, footer, form, header */
	enum bp_subtype	 semantic_sub;
	int		 is_time;
	struct cueval	 icue;		/* cue of an inline element the block starts with */
	enum line_class	 cls;
	enum bp_subtype	 sub;
};

struct walk {
	struct page	*page;
	struct buf	 text;
	struct block	*b;
	size_t		 nb, capb;
	struct block	 cur;		/* the block being filled */
	int		 space;		/* a space is pending before the next word */
	int		 in_link;
	size_t		 link_start;
	struct html_link *links;
	size_t		 nlinks, caplinks;
	const char	*base;		/* to resolve relative links, or NULL */
	char		*first_time;	/* the first <time datetime> outside page chrome */
	const char	*ld;		/* the page's JSON-LD articleBody, squeezed, or NULL */
	size_t		 ldlen;
};

static void
flush(struct walk *w)
{
	struct block *c = &w->cur;

	c->te = w->text.len;
	if (c->te > c->ts) {
		if (w->nb == w->capb) {
			w->capb = w->capb ? w->capb * 2 : 128;
			w->b = xreallocarray(w->b, w->capb, sizeof *w->b);
		}
		w->b[w->nb++] = *c;
		buf_addc(&w->text, '\n');
	}
	c->ts = w->text.len;
	c->chars = c->linkchars = c->words = 0;
	c->is_time = 0;
	c->icue.cue = CUE_NONE;
	c->icue.sub = BP_NONE;
	w->space = 0;
}

static void
add_text(struct walk *w, const char *s, int pre)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		unsigned char ch = *p;
		if (ch == '\n' && pre) {
			flush(w);
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' ||
		    ch == '\v') {
			if (w->text.len > w->cur.ts)
				w->space = 1;
			continue;
		}
		if (ch < 0x20 || ch == 0x7f)
			continue;	/* a control character is never visible text */
		if (w->space) {
			buf_addc(&w->text, ' ');
			w->space = 0;
			w->cur.words++;
		} else if (w->text.len == w->cur.ts) {
			w->cur.words++;
		}
		buf_addc(&w->text, (char)ch);
		if ((ch & 0xC0) != 0x80) {
			w->cur.chars++;
			if (w->in_link)
				w->cur.linkchars++;
		}
	}
}

static const char *
get_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	for (a = n->properties; a != NULL; a = a->next)
		if (strcasecmp((const char *)a->name, name) == 0)
			return a->children != NULL && a->children->type == XML_TEXT_NODE ?
			    (const char *)a->children->content : "";
	return NULL;
}

static int
hidden(xmlNodePtr n)
{
	const char *s;

	if (get_attr(n, "hidden") != NULL)
		return 1;
	if ((s = get_attr(n, "aria-hidden")) != NULL && strcasecmp(s, "true") == 0)
		return 1;
	if ((s = get_attr(n, "style")) != NULL) {
		char t[128];
		size_t i, k = 0;
		for (i = 0; s[i] && k + 1 < sizeof t; i++)
			if (s[i] != ' ')
				t[k++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
		t[k] = '\0';
		if (strstr(t, "display:none") || strstr(t, "visibility:hidden"))
			return 1;
	}
	return 0;
}

struct ctx {
	struct cueval	 cue;
	int		 in_li, pre, heading, neg;
	enum bp_subtype	 negsub;
	enum tag	 holder;
	xmlNodePtr	 el;
};

static void walk_children(struct walk *, xmlNodePtr, const struct ctx *, int depth);

static void
begin_block(struct walk *w, const struct ctx *c, enum tag t, xmlNodePtr el)
{
	flush(w);
	w->cur.el = el;
	w->cur.tag = t;
	w->cur.heading = c->heading;
	w->cur.cue = c->cue;
	w->cur.in_a_list = c->in_li;
	w->cur.semantic_neg = c->neg;
	w->cur.semantic_sub = c->negsub;
}

static void
link_done(struct walk *w, xmlNodePtr n)
{
	const char *href = get_attr(n, "href");
	size_t s = w->link_start, e = w->text.len;
	struct html_link *l;
	xmlChar *abs = NULL;

	if (href == NULL || e <= s)
		return;
	if (w->nlinks == w->caplinks) {
		w->caplinks = w->caplinks ? w->caplinks * 2 : 32;
		w->links = xreallocarray(w->links, w->caplinks, sizeof *w->links);
	}
	l = &w->links[w->nlinks++];
	l->start = s;
	l->end = e;
	if (w->base != NULL)
		abs = xmlBuildURI((const xmlChar *)href, (const xmlChar *)w->base);
	l->href = xstrdup(abs != NULL ? (const char *)abs : href);
	xmlFree(abs);
}

static void
walk_node(struct walk *w, xmlNodePtr n, const struct ctx *pc, int depth)
{
	struct ctx c = *pc;
	enum tag t;
	struct cueval cv = { CUE_NONE, BP_NONE };
	const char *name;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			add_text(w, (const char *)n->content, c.pre);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	t = tag_of(n->name);
	if (t == T_SKIP || hidden(n))
		return;
	if (t == T_BR) {
		if (c.pre)
			flush(w);
		else
			begin_block(w, &c, c.holder, c.el);
		return;
	}
	name = (const char *)n->name;
	cue_of(get_attr(n, "class"), &cv);
	cue_of(get_attr(n, "id"), &cv);
	cue_of(get_attr(n, "role"), &cv);
	if (cv.cue != CUE_NONE && !(cv.cue == CUE_POS && c.cue.cue > CUE_POS))
		c.cue = cv;
	/* a caption or a box in an inline element that holds the whole line */
	if (t == T_INLINE && cv.cue > CUE_POS && w->text.len == w->cur.ts &&
	    w->cur.icue.cue == CUE_NONE)
		w->cur.icue = cv;
	if (strcasecmp(name, "nav") == 0 || strcasecmp(name, "menu") == 0) {
		c.neg = 1;
		c.negsub = BP_NAVIGATION;
	} else if (strcasecmp(name, "footer") == 0 || strcasecmp(name, "aside") == 0 ||
	    strcasecmp(name, "header") == 0) {
		/* header and footer of the page; inside an article they hold its byline */
		if (!c.neg) {
			c.neg = 2;
			c.negsub = name[0] == 'a' || name[0] == 'A' ? BP_RELATED_LINKS :
			    BP_SITE_CHROME;
		}
	} else if (strcasecmp(name, "form") == 0) {
		c.neg = 1;
		c.negsub = BP_OTHER;
	}
	switch (t) {
	case T_HEADING:
		c.heading = name[1] - '0';
		/* FALLTHROUGH */
	case T_BLOCK: case T_LI: case T_TR: case T_CAPTION: case T_PRE:
		if (t == T_LI)
			c.in_li = 1;
		if (t == T_PRE)
			c.pre = 1;
		c.holder = t;
		c.el = n;
		begin_block(w, &c, t, n);
		break;
	case T_CELL:
		if (w->text.len > w->cur.ts)
			w->space = 1;
		break;
	case T_TIME:
		w->cur.is_time = 1;
		if (w->first_time == NULL && !c.neg)
			w->first_time = html_iso_date(get_attr(n, "datetime"));
		break;
	case T_A:
		if (!w->in_link) {
			if (w->space && w->text.len > w->cur.ts) {
				buf_addc(&w->text, ' ');
				w->cur.words++;
				w->space = 0;
			}
			w->in_link = 1;
			w->link_start = w->text.len;
			walk_children(w, n->children, &c, depth + 1);
			w->in_link = 0;
			link_done(w, n);
			return;
		}
		break;
	default:
		break;
	}
	walk_children(w, n->children, &c, depth + 1);
	if (t != T_INLINE && t != T_A && t != T_TIME && t != T_CELL) {
		begin_block(w, pc, pc->holder, pc->el);
	} else if (t == T_CELL) {
		w->space = 1;
	}
}

/* Below the depth limit the text joins the current block, read without recursion. */
static void
flat_text(struct walk *w, xmlNodePtr root, int pre)
{
	xmlNodePtr n = root->children;

	while (n != NULL) {
		if (n->type == XML_TEXT_NODE && n->content != NULL)
			add_text(w, (const char *)n->content, pre);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL &&
		    tag_of(n->name) != T_SKIP) {
			n = n->children;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
}

static void
walk_children(struct walk *w, xmlNodePtr n, const struct ctx *c, int depth)
{
	if (depth >= HTML_MAX_DEPTH) {
		if (n != NULL && n->parent != NULL)
			flat_text(w, n->parent, c->pre);
		return;
	}
	for (; n != NULL; n = n->next)
		walk_node(w, n, c, depth);
}

/* --- which blocks are the article ------------------------------------------------ */

/* Letters and digits only, so that a block's text can be found in the JSON-LD
 * body whatever the spacing and punctuation (in place; returns s). */
static char *
squeeze(char *s)
{
	char *d = s, *p;

	for (p = s; *p; p++)
		if ((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') ||
		    ((*p | 32) >= 'a' && (*p | 32) <= 'z'))
			*d++ = *p;
	*d = '\0';
	return s;
}

/* Does the page's own structured body contain this block? Its first letters are
 * looked for. */
static int
in_ld_body(const struct walk *w, const struct block *b)
{
	char key[48];
	size_t k = 0, i;
	const char *t = w->text.s + b->ts;

	for (i = b->ts; i < b->te && k + 1 < sizeof key; i++, t++)
		if ((unsigned char)*t >= 0x80 || (*t >= '0' && *t <= '9') ||
		    ((*t | 32) >= 'a' && (*t | 32) <= 'z'))
			key[k++] = *t;
	key[k] = '\0';
	return k >= 16 && memmem(w->ld, w->ldlen, key, k) != NULL;
}

static double
good_value(const struct walk *w, const struct block *b)
{
	double text = (double)(b->chars - b->linkchars);
	double density = b->chars ? (double)b->linkchars / (double)b->chars : 0;

	if (density > 0.4 || b->heading)
		return 0;
	if (w->ld != NULL && b->words >= 8)	/* the page said where its body is */
		return in_ld_body(w, b) ? text * 2 : text * 0.2;
	if (b->words < 8)	/* a short line says little about where the article is */
		return text * 0.2;
	return text;
}

static double
bad_value(const struct block *b)
{
	double v = (double)b->linkchars;

	if (b->words < 4)
		v += (double)(b->chars - b->linkchars) * 0.5;
	return v;
}

/* An element that cannot hold the article, whatever text it has. */
static int
neg_element(xmlNodePtr n)
{
	struct cueval cv = { CUE_NONE, BP_NONE };
	const char *name = (const char *)n->name;

	cue_of(get_attr(n, "class"), &cv);
	cue_of(get_attr(n, "id"), &cv);
	return cv.cue == CUE_NEG || strcasecmp(name, "nav") == 0 ||
	    strcasecmp(name, "aside") == 0 || strcasecmp(name, "footer") == 0;
}

/* Going up from the best element must bring this much more article-like text
 * than the rest. */
#define CLIMB_RATIO	2.5

/* How much a block counts for the element LEVEL steps above the one holding it:
 * the container of the paragraphs gets the most. */
static double
level_weight(int level)
{
	static const double w[] = { 0.5, 1.0, 0.5, 0.17, 0.11, 0.08 };

	return level < (int)(sizeof w / sizeof w[0]) ? w[level] : 0;
}

static xmlNodePtr
common_ancestor(xmlNodePtr a, xmlNodePtr b)
{
	xmlNodePtr x, y;
	int i, j;

	for (x = a, i = 0; x != NULL && i < 4 * HTML_MAX_DEPTH; x = x->parent, i++)
		for (y = b, j = 0; y != NULL && j < 4 * HTML_MAX_DEPTH; y = y->parent, j++)
			if (x == y)
				return x;
	return a;
}

/* The article's region: the element with the most article-like text close below
 * it (text in paragraphs, little in links), and those of its siblings that hold
 * article text too. Marks elinfo.keep; returns the parent of the region, or NULL
 * when the page has no text worth the name. */
static xmlNodePtr
main_region(struct walk *w)
{
	struct page *p = w->page;
	xmlNodePtr best = NULL, n, s, top;
	struct elinfo *be, *e;
	double bestv = 0;
	size_t i;

	for (i = 0; i < w->nb; i++) {
		double g = good_value(w, &w->b[i]), bd = bad_value(&w->b[i]);
		int level = 0;
		for (n = w->b[i].el; n != NULL && n->type == XML_ELEMENT_NODE &&
		    level < 4 * HTML_MAX_DEPTH; n = n->parent, level++) {
			if ((e = elinfo(p, n)) == NULL)
				continue;
			e->good += g;
			e->bad += bd;
			e->near += (g - bd) * level_weight(level);
		}
	}
	for (i = 0; i < p->nel; i++) {
		e = &p->el[i];
		if (e->near > bestv && e->good > 0 && !neg_element(e->node)) {
			bestv = e->near;
			best = e->node;
		}
	}
	if (best == NULL)
		return NULL;
	/* An article cut in parts by figures or boxes: go up while what the parent
	 * adds is mostly article-like text. */
	be = elinfo(p, best);
	while (best->parent != NULL && best->parent->type == XML_ELEMENT_NODE &&
	    (e = elinfo(p, best->parent)) != NULL && !neg_element(best->parent)) {
		double dg = e->good - be->good, db = e->bad - be->bad;
		if (dg <= 0 || dg < CLIMB_RATIO * db)
			break;
		best = best->parent;
		be = e;
	}
	be->keep = 1;
	if (best->parent == NULL || best->parent->type != XML_ELEMENT_NODE)
		return best;
	top = best->parent;
	for (s = best->parent->children; s != NULL; s = s->next) {
		if (s == best || s->type != XML_ELEMENT_NODE || (e = elinfo(p, s)) == NULL)
			continue;
		if (neg_element(s))
			continue;
		if (e->good - e->bad >= 0.2 * (be->good - be->bad) && e->good > 0)
			e->keep = 1;
	}
	/* an article cut in parts keeps its container's class in every part */
	const char *bc = get_attr(best, "class");
	if (bc != NULL && *bc != '\0')
		for (i = 0; i < p->nel; i++) {
			const char *c;
			e = &p->el[i];
			if (e->keep || e->good <= e->bad || e->node->type != XML_ELEMENT_NODE ||
			    (c = get_attr(e->node, "class")) == NULL || strcmp(c, bc) != 0 ||
			    xmlStrcasecmp(e->node->name, best->name) != 0)
				continue;
			e->keep = 1;
			top = common_ancestor(top, e->node);
		}
	return top;
}

/* Is n inside the region below top (an element marked keep)? */
static int
in_region(struct page *p, xmlNodePtr n, xmlNodePtr top)
{
	int depth = 0;
	struct elinfo *e;

	for (; n != NULL && depth < 4 * HTML_MAX_DEPTH; n = n->parent, depth++) {
		if (n == top)
			return 0;
		if ((e = elinfo(p, n)) != NULL && e->keep)
			return 1;
	}
	return 0;
}

/* The nearest cue between the block and the main element (the main element's own
 * class says nothing about the parts inside it). */
static struct cueval
cue_below(struct page *p, xmlNodePtr n, xmlNodePtr top, int *semantic)
{
	struct cueval best = { CUE_NONE, BP_NONE };
	int depth = 0;

	*semantic = 0;
	for (; n != NULL && n != top && depth < 4 * HTML_MAX_DEPTH; n = n->parent, depth++) {
		struct cueval cv = { CUE_NONE, BP_NONE };
		const char *name = (const char *)n->name;
		struct elinfo *e;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((e = elinfo(p, n)) != NULL && e->strong_done) {
			cv = e->strong;
		} else {
			cue_strong(get_attr(n, "class"), &cv);
			cue_strong(get_attr(n, "id"), &cv);
			if (e != NULL) {
				e->strong = cv;
				e->strong_done = 1;
			}
		}
		if (strcasecmp(name, "nav") == 0 || strcasecmp(name, "form") == 0 ||
		    strcasecmp(name, "aside") == 0) {
			*semantic = 1;
			if (cv.cue != CUE_NEG) {
				cv.cue = CUE_NEG;
				cv.sub = name[0] == 'n' ? BP_NAVIGATION : name[0] == 'a' ?
				    BP_RELATED_LINKS : BP_OTHER;
			}
		}
		if (cv.cue > best.cue && best.cue == CUE_NONE)
			best = cv;
		else if (cv.cue == CUE_NEG && best.cue != CUE_NEG)
			best = cv;
	}
	return best;
}

static int
copyright_line(const char *t, size_t n)
{
	char s[256];

	if (n >= 2 && memcmp(t, "\xc2\xa9", 2) == 0)
		return 1;
	if (n >= sizeof s)
		return 0;
	memcpy(s, t, n);
	s[n] = '\0';
	return strcasestr(s, "copyright") != NULL || strcasestr(s, "all rights reserved");
}

static size_t
norm_eq_prefix(const char *a, size_t an, const char *b)
{
	size_t i = 0, bn = strlen(b);

	while (i < an && i < bn && a[i] == b[i])
		i++;
	return i;
}

static void
classify(struct walk *w, struct article *a)
{
	struct page *p = w->page;
	xmlNodePtr m = main_region(w);
	size_t i, first_body = (size_t)-1, last_body = 0;
	int have_title = 0, seen_prose = 0;

	for (i = 0; i < w->nb; i++) {
		struct block *b = &w->b[i];
		const char *t = w->text.s + b->ts;
		size_t n = b->te - b->ts;
		double density = b->chars ? (double)b->linkchars / (double)b->chars : 0;
		int sem = 0;
		struct cueval cv;

		b->cls = LC_BOILERPLATE;
		b->sub = b->semantic_sub != BP_NONE ? b->semantic_sub :
		    b->cue.cue == CUE_NEG ? b->cue.sub : BP_OTHER;
		if (!have_title && b->heading == 1 && a->title != NULL &&
		    norm_eq_prefix(t, n, a->title) * 2 >= n) {
			b->cls = LC_TITLE;
			have_title = 1;
			/* "Headline | Site" from <title>: the page's heading is the title */
			if (norm_eq_prefix(t, n, a->title) == n && strlen(a->title) > n) {
				free(a->title);
				a->title = xstrndup(t, n);
			}
			continue;
		}
		if (copyright_line(t, n)) {
			b->sub = BP_COPYRIGHT;
			continue;
		}
		/* a byline or date may sit above the article's container */
		cv = cue_below(p, b->el, NULL, &sem);
		if (cv.cue == CUE_BYLINE && b->words <= 12 && density < 0.9) {
			b->cls = LC_BYLINE;
			continue;
		}
		if ((cv.cue == CUE_DATE || b->is_time) && b->words <= 12) {
			b->cls = LC_DATELINE;
			continue;
		}
		if (m == NULL || !in_region(p, b->el, m))
			continue;
		cv = cue_below(p, b->el, m, &sem);
		if (b->icue.cue != CUE_NONE && cv.cue != CUE_NEG)
			cv = b->icue;
		if (cv.cue == CUE_NEG) {
			b->sub = cv.sub;
			continue;
		}
		if (density > 0.5 && b->chars < 200) {
			b->sub = BP_RELATED_LINKS;
			continue;
		}
		if (b->tag == T_CAPTION || cv.cue == CUE_CAPTION)
			b->cls = LC_CAPTION;
		else if (cv.cue == CUE_CREDIT)
			b->cls = LC_CREDIT;
		else if (cv.cue == CUE_BYLINE && b->words <= 12)
			b->cls = LC_BYLINE;
		else if ((cv.cue == CUE_DATE || b->is_time) && b->words <= 12)
			b->cls = LC_DATELINE;
		else if (b->heading == 1 && !have_title) {
			b->cls = LC_TITLE;
			have_title = 1;
		} else if (b->heading)
			b->cls = LC_SUBHEADING;
		else
			b->cls = LC_BODY;
		/* "By Name ..." in a short line before the body's prose is its byline */
		if (b->cls == LC_BODY && !seen_prose && b->words <= 20 && n > 4 &&
		    strncmp(t, "By ", 3) == 0 && t[3] >= 'A' && t[3] <= 'Z')
			b->cls = LC_BYLINE;
		if (b->cls == LC_BODY && b->words >= 20)
			seen_prose = 1;
		if (b->cls == LC_BODY) {
			if (first_body == (size_t)-1)
				first_body = i;
			last_body = i;
		}
	}
	/* a heading after the last paragraph heads what follows the article */
	for (i = last_body + 1; first_body != (size_t)-1 && i < w->nb; i++)
		if (w->b[i].cls == LC_SUBHEADING) {
			w->b[i].cls = LC_BOILERPLATE;
			w->b[i].sub = BP_RELATED_LINKS;
		}
}

static const char *const date_words[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "updated", "published", "posted",
};

/* Does a word of the date (a weekday, a month, "updated") start at t? */
static int
date_word_at(const char *t, size_t n)
{
	size_t i, k;

	for (i = 0; i < sizeof date_words / sizeof date_words[0]; i++) {
		k = strlen(date_words[i]);
		if (n >= 3 && strncasecmp(t, date_words[i], 3) == 0 &&
		    (n == 3 || !((t[3] | 32) >= 'a' && (t[3] | 32) <= 'z') ||
		    (n >= k && strncasecmp(t, date_words[i], k) == 0 &&
		    (n == k || !((t[k] | 32) >= 'a' && (t[k] | 32) <= 'z')))))
			return 1;
	}
	return 0;
}

/* The name in a byline line: after "By", up to a date, a digit or a separator. */
static char *
byline_name(const char *t, size_t n)
{
	size_t k;

	while (n > 0 && (*t == ' ' || (n >= 2 && memcmp(t, "\xc2\xa0", 2) == 0))) {
		size_t d = *t == ' ' ? 1 : 2;
		t += d;
		n -= d;
	}
	if (n > 3 && strncasecmp(t, "by", 2) == 0 &&
	    (t[2] == ' ' || (n > 4 && memcmp(t + 2, "\xc2\xa0", 2) == 0))) {
		t += t[2] == ' ' ? 3 : 4;
		n -= (size_t)(t[-1] == ' ' ? 3 : 4);
	}
	if (date_word_at(t, n))
		return NULL;	/* a line of dates, not a name */
	for (k = 0; k < n; k++)
		if (t[k] == '|' || (t[k] >= '0' && t[k] <= '9') ||
		    (k + 4 <= n && strncasecmp(t + k, " on ", 4) == 0) ||
		    (k + 3 <= n && memcmp(t + k, " - ", 3) == 0) ||
		    (k + 5 <= n && memcmp(t + k, " \xe2\x80\x94 ", 5) == 0) ||
		    (k > 0 && t[k - 1] == ' ' && date_word_at(t + k, n - k)))
			break;
	while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == ',' || t[k - 1] == '-'))
		k--;
	return k > 0 && k < 80 ? xstrndup(t, k) : NULL;
}

/* When the markup's metadata said nothing: the byline line, the first <time>. */
static void
meta_from_lines(struct walk *w, struct article *a)
{
	size_t i;

	if (a->date == NULL && w->first_time != NULL) {
		a->date = w->first_time;
		w->first_time = NULL;
	}
	for (i = 0; a->byline == NULL && i < w->nb; i++)
		if (w->b[i].cls == LC_BYLINE)
			a->byline = byline_name(w->text.s + w->b[i].ts, w->b[i].te - w->b[i].ts);
}

/* --- the article ------------------------------------------------------------------- */

static void
page_free(struct page *p)
{
	free(p->el);
}

static xmlDocPtr
parse(struct page *p, const char *u8, size_t n, const char *path)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	(void)path;
	ctxt = htmlCreateMemoryParserCtxt(u8, n > INT32_MAX ? INT32_MAX : (int)n);
	if (ctxt == NULL)
		return NULL;
	p->ctxt = ctxt;
	p->sax_start = ctxt->sax->startElement;
	p->sax_end = ctxt->sax->endElement;
	ctxt->sax->startElement = on_start;
	ctxt->sax->endElement = on_end;
	p->sax_cdata = ctxt->sax->cdataBlock;
	ctxt->sax->cdataBlock = on_cdata;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC |
	    HTML_PARSE_COMPACT | XML_PARSE_HUGE);
	/* The bytes are UTF-8 already: no converter (naming the encoding would copy
	 * them through one, and make every byte offset costly to ask). */
	ctxt->charset = XML_CHAR_ENCODING_UTF8;
	ctxt->_private = p;	/* the SAX callbacks' page */
	htmlParseDocument(ctxt);
	doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	htmlFreeParserCtxt(ctxt);
	p->ctxt = NULL;
	return doc;
}

static int
line_cls_ok(enum line_class c)
{
	return c <= LC_EMPTY;
}

struct article *
html_article(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
	struct page p = { 0 };
	struct walk w = { 0 };
	struct ctx c = { { CUE_NONE, BP_NONE }, 0, 0, 0, 0, BP_NONE, T_BLOCK, NULL };
	struct article *a;
	struct html_info *hi;
	char *u8, *enc, *ld = NULL;
	size_t n, i;
	xmlDocPtr doc;
	xmlNodePtr root;

	xmlInitParser();	/* once; later calls return at once */
	if (html_is_clean_utf8(data, len)) {
		u8 = NULL;
		n = len;
		enc = xstrdup("utf-8");
	} else {
		u8 = html_to_utf8(data, len, &n, &enc);
	}
	doc = parse(&p, u8 != NULL ? u8 : data, n, path);
	if (doc == NULL) {
		free(u8);
		free(enc);
		page_free(&p);
		seterr(err, errlen, "%s: not readable as HTML", path);
		return NULL;
	}
	a = xcalloc(1, sizeof *a);
	a->path = xstrdup(path);
	a->format = ARTICLE_HTML;
	html_meta(doc, a, &ld);
	w.ld = ld != NULL ? squeeze(ld) : NULL;
	w.ldlen = w.ld != NULL ? strlen(w.ld) : 0;
	if (w.ldlen < 200)	/* a summary, not the body */
		w.ld = NULL;
	w.page = &p;
	w.base = a->url;
	root = xmlDocGetRootElement(doc);
	w.cur.ts = 0;
	w.cur.el = root;
	c.el = root;
	if (root != NULL)
		walk_node(&w, root, &c, 0);
	flush(&w);
	classify(&w, a);
	meta_from_lines(&w, a);

	hi = xcalloc(1, sizeof *hi);
	hi->encoding = enc;
	hi->nlines = w.nb;
	hi->lines = xcalloc(w.nb ? w.nb : 1, sizeof *hi->lines);
	for (i = 0; i < w.nb; i++) {
		struct elinfo *e = w.b[i].el != NULL ? elinfo(&p, w.b[i].el) : NULL;
		hi->lines[i].start = w.b[i].ts;
		hi->lines[i].end = w.b[i].te;
		hi->lines[i].cls = line_cls_ok(w.b[i].cls) ? w.b[i].cls : LC_BOILERPLATE;
		hi->lines[i].sub = hi->lines[i].cls == LC_BOILERPLATE ? w.b[i].sub : BP_NONE;
		if (e != NULL) {
			hi->lines[i].src_start = e->src_start;
			hi->lines[i].src_end = e->src_end > e->src_start ? e->src_end :
			    e->src_start;
		}
	}
	hi->links = w.links;
	hi->nlinks = w.nlinks;
	/* the final newline starts no line: drop it */
	if (w.text.len > 0 && w.text.s[w.text.len - 1] == '\n')
		w.text.len--;
	buf_grow(&w.text, 1);
	w.text.s[w.text.len] = '\0';
	/* a link around blocks ends with their newline; none ends past the text */
	for (i = 0; i < w.nlinks; i++) {
		struct html_link *l = &w.links[i];
		if (l->end > w.text.len)
			l->end = w.text.len;
		while (l->end > l->start && w.text.s[l->end - 1] == '\n')
			l->end--;
	}
	a->len = w.text.len;
	a->text = buf_detach(&w.text);
	a->html = hi;
	free(w.b);
	free(ld);
	free(w.first_time);
	xmlFreeDoc(doc);
	page_free(&p);
	free(u8);
	return a;
}

void
html_info_free(struct html_info *hi)
{
	size_t i;

	if (hi == NULL)
		return;
	for (i = 0; i < hi->nlinks; i++)
		free(hi->links[i].href);
	free(hi->links);
	free(hi->lines);
	free(hi->encoding);
	free(hi);
}

void
html_apply_classes(const struct article *a, struct clean_result *c)
{
	size_t i;

	if (a->html == NULL || a->html->nlines != c->nlines)
		return;
	for (i = 0; i < c->nlines; i++) {
		c->lines[i].cls = a->html->lines[i].cls;
		c->lines[i].sub = a->html->lines[i].sub;
	}
}

static int
report(const struct ingest_cb *cb, const char *msg)
{
	if (cb->error != NULL)
		cb->error(msg, cb->ctx);
	return 1;
}

int
html_ingest_file(const char *path, const struct ingest_cb *cb)
{
	char err[LEDE_ERRLEN], *data;
	size_t len, probe;
	const char *nul;
	struct article *a;
	int problems = 0;

	if (html_read_file(path, &data, &len, err, sizeof err) == -1)
		return report(cb, err);
	if (len == 0) {
		free(data);
		snprintf(err, sizeof err, "%s: empty file, skipped", path);
		return report(cb, err);
	}
	/* NUL bytes early on are a binary file (UTF-16 says so with its BOM) */
	probe = len < 1024 ? len : 1024;
	if (!(len >= 2 && ((unsigned char)data[0] == 0xff || (unsigned char)data[0] == 0xfe)) &&
	    (nul = memchr(data, '\0', probe)) != NULL) {
		snprintf(err, sizeof err, "%s: binary file (NUL byte at %zu), skipped", path,
		    (size_t)(nul - data));
		free(data);
		return report(cb, err);
	}
	if (len > HTML_MAX_BYTES) {
		snprintf(err, sizeof err, "%s: page over %u MB, read the first %u MB", path,
		    HTML_MAX_BYTES >> 20, HTML_MAX_BYTES >> 20);
		report(cb, err);
		problems++;
		len = HTML_MAX_BYTES;
	}
	a = html_article(path, data, len, err, sizeof err);
	free(data);
	if (a == NULL)
		return problems + report(cb, err);
	if (!cb->no_hash)
		a->hash = hash_bytes(a->text, a->len);
	cb->article(a, cb->ctx);
	return problems;
}

void
html_links_json(struct buf *b, const struct html_info *hi)
{
	size_t i;

	buf_addlit(b, ",\"links\":[");
	for (i = 0; i < hi->nlinks; i++) {
		buf_addf(b, "%s{\"start\":%zu,\"end\":%zu,\"href\":", i ? "," : "",
		    hi->links[i].start, hi->links[i].end);
		json_buf_cstr(b, hi->links[i].href);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

/* The line holding text offset off (binary search; lines are in text order). */
static size_t
line_at(const struct html_info *hi, size_t off)
{
	size_t lo = 0, hi_ = hi->nlines;

	while (hi_ - lo > 1) {
		size_t mid = lo + (hi_ - lo) / 2;
		if (hi->lines[mid].start <= off)
			lo = mid;
		else
			hi_ = mid;
	}
	return lo;
}

int
html_page_range(const struct html_info *hi, size_t start, size_t end, size_t *ps,
    size_t *pe)
{
	size_t a, b, i;

	if (hi == NULL || hi->nlines == 0 || start >= end ||
	    end > hi->lines[hi->nlines - 1].end)
		return -1;
	a = line_at(hi, start);
	b = line_at(hi, end - 1);
	*ps = hi->lines[a].src_start;
	*pe = hi->lines[a].src_end;
	for (i = a; i <= b; i++) {
		if (hi->lines[i].src_start < *ps)
			*ps = hi->lines[i].src_start;
		if (hi->lines[i].src_end > *pe)
			*pe = hi->lines[i].src_end;
	}
	return 0;
}

/* What the record states wins over what the page's markup said. */
static void
stated(char **field, const struct json *o, const char *key)
{
	const char *v = json_get_str(o, key);

	if (v != NULL) {
		free(*field);
		*field = xstrdup(v);
	}
}

int
html_jsonl_record(const char *name, size_t lineno, struct json *o,
    const struct ingest_cb *cb)
{
	char err[LEDE_ERRLEN], msg[LEDE_ERRLEN + 32];
	const struct json *h = json_get(o, "html");
	struct article *a;

	if (h == NULL || h->type != JSON_STRING ||
	    (a = html_article(name, h->str, h->len, err, sizeof err)) == NULL) {
		snprintf(msg, sizeof msg, "%s:%zu: %s", name, lineno,
		    h == NULL || h->type != JSON_STRING ? "no \"html\" string" : err);
		json_free(o);
		report(cb, msg);
		return -1;
	}
	if (!cb->no_hash)
		a->hash = hash_bytes(a->text, a->len);
	stated(&a->id, o, "id");
	if (a->id == NULL)
		stated(&a->id, o, "doc");
	if (a->id == NULL)
		a->id = xasprintf("%zu", lineno);
	stated(&a->title, o, "title");
	stated(&a->byline, o, "byline");
	stated(&a->site, o, "site");
	stated(&a->date, o, "date");
	stated(&a->url, o, "url");
	json_free(o);
	cb->article(a, cb->ctx);
	return 0;
}
