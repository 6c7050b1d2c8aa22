/* test_html.c - charsets, the DOM's lines and classes, metadata, links and the
 * page ranges behind the W3C pageSelector, on pages written here */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "html_int.h"
#include "lede/html.h"
#include "lede/util.h"
#include "t.h"

static struct article *
page(const char *html)
{
	char err[LEDE_ERRLEN];
	struct article *a = html_article("t.html", html, strlen(html), err, sizeof err);

	if (a == NULL) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	return a;
}

/* The class of the line that holds needle. */
static enum line_class
cls_of(const struct article *a, const char *needle)
{
	size_t off = at(a->text, needle), i;

	for (i = 0; i < a->html->nlines; i++)
		if (a->html->lines[i].start <= off && off < a->html->lines[i].end)
			return a->html->lines[i].cls;
	return LC_EMPTY;
}

static void
test_charsets(void)
{
	size_t n;
	char *enc, *s;

	s = html_to_utf8("caf\xe9 \x93x\x94", 8, &n, &enc);
	T_EQ_STR(s, "café “x”");
	T_EQ_STR(enc, "windows-1252");
	free(s);
	free(enc);
	s = html_to_utf8("<meta charset=ISO-8859-1>\x80", 26, &n, &enc);
	T_CHECK(strstr(s, "€") != NULL);
	T_EQ_STR(enc, "windows-1252");
	free(s);
	free(enc);
	/* declared UTF-8 with a real UTF-8 character and one bad byte: U+FFFD there */
	s = html_to_utf8("<meta charset=\"utf-8\">é\xff", 25, &n, &enc);
	T_CHECK(strstr(s, "é\xef\xbf\xbd") != NULL);
	T_EQ_STR(enc, "utf-8");
	free(s);
	free(enc);
	/* a NUL byte becomes a space, so the page goes on after it */
	s = html_to_utf8("a\0b", 3, &n, &enc);
	T_EQ_INT(n, 3);
	T_EQ_STR(s, "a b");
	free(s);
	free(enc);
	T_CHECK(html_is_clean_utf8("<p>é</p>", 9));
	T_CHECK(!html_is_clean_utf8("<p>\xe9</p>", 8));
	T_CHECK(!html_is_clean_utf8("<meta charset=koi8-r><p>", 24));
}

static void
test_lines(void)
{
	struct article *a = page("<html><head><title>Headline here - Site</title>"
	    "<meta property=\"article:published_time\" content=\"2020/05/06\"></head><body>"
	    "<nav><a href=\"/\">Home</a> <a href=\"/n\">News</a></nav>"
	    "<div class=\"article-body\"><h1>Headline here</h1>"
	    "<p class=\"byline\">By Ann Author</p>"
	    "<p>First paragraph of the article, which has enough words to be a real one.</p>"
	    "<h2>A heading</h2>"
	    "<p>Second paragraph, with <a href=\"https://x.example/a\">a link</a> in it and "
	    "enough words after the link.</p>"
	    "<figure><figcaption>A photo of the place</figcaption></figure>"
	    "<p style=\"display:none\">Never seen text</p>"
	    "<div class=\"comments\"><p>A reader's comment that is long enough to be prose.</p>"
	    "</div></div></body></html>");

	T_EQ_INT(a->format, ARTICLE_HTML);
	T_EQ_STR(a->title, "Headline here");
	T_EQ_STR(a->byline, "Ann Author");
	T_EQ_STR(a->date, "2020-05-06");
	T_EQ_INT(cls_of(a, "Home"), LC_BOILERPLATE);
	T_EQ_INT(cls_of(a, "Headline here"), LC_TITLE);
	T_EQ_INT(cls_of(a, "By Ann"), LC_BYLINE);
	T_EQ_INT(cls_of(a, "First paragraph"), LC_BODY);
	T_EQ_INT(cls_of(a, "A heading"), LC_SUBHEADING);
	T_EQ_INT(cls_of(a, "A photo"), LC_CAPTION);
	T_EQ_INT(cls_of(a, "A reader's"), LC_BOILERPLATE);
	T_CHECK(strstr(a->text, "Never seen") == NULL);
	/* one line per block, the link's text inside its paragraph */
	T_CHECK(strstr(a->text, "Second paragraph, with a link in it and enough words") != NULL);
	T_EQ_INT(a->html->nlinks, 3);
	T_EQ_STR(a->html->links[2].href, "https://x.example/a");
	T_EQ_INT(a->html->links[2].start, at(a->text, "a link"));
	T_EQ_INT(a->html->links[2].end, at(a->text, "a link") + 6);
	article_free(a);
}

static void
test_page_range(void)
{
	const char *html = "<html><body><div><p>One paragraph of text here.</p>"
	    "<p>Another paragraph of text.</p></div></body></html>";
	struct article *a = page(html);
	size_t s = at(a->text, "Another"), ps, pe;

	T_EQ_INT(html_page_range(a->html, s, s + 7, &ps, &pe), 0);
	T_CHECK(pe > ps && pe <= strlen(html));
	T_CHECK(strncmp(html + ps, "Another paragraph of text.", 26) == 0);
	T_EQ_INT(html_page_range(a->html, s, a->len + 1, &ps, &pe), -1);
	article_free(a);
}

static void
test_jsonld(void)
{
	struct article *a = page("<html><head><script type=\"application/ld+json\">"
	    "{\"@graph\": [{\"@type\": \"WebPage\", \"name\": \"no\"},"
	    " {\"@type\": [\"NewsArticle\"], \"headline\": \"From the graph\","
	    " \"author\": {\"@type\": \"Person\", \"name\": \"Bo Writer\"},"
	    " \"datePublished\": \"2019-11-20T10:00:00Z\","
	    " \"publisher\": {\"name\": \"The Paper\"}}]}</script>"
	    "<meta property=\"og:title\" content=\"Not this one\"></head>"
	    "<body><p>Body text.</p></body></html>");

	T_EQ_STR(a->title, "From the graph");
	T_EQ_STR(a->byline, "Bo Writer");
	T_EQ_STR(a->date, "2019-11-20");
	T_EQ_STR(a->site, "The Paper");
	article_free(a);
}

static void
test_plain_byline(void)
{
	struct article *a = page("<html><body><div><p>By Jo Smith and Al Roe</p>"
	    "<p>The first paragraph of the story runs on for well over twenty words, as "
	    "paragraphs of prose in a news story usually do, and then it ends.</p>"
	    "<p>By the end of the day, the second paragraph said, everyone had gone home.</p>"
	    "</div></body></html>");

	T_EQ_INT(cls_of(a, "By Jo"), LC_BYLINE);
	T_EQ_STR(a->byline, "Jo Smith and Al Roe");
	T_EQ_INT(cls_of(a, "By the end"), LC_BODY);	/* after the prose: a sentence */
	article_free(a);
	/* the name ends where the date begins; a byline of dates names no one */
	a = page("<p class=\"byline\">By\xc2\xa0Kim Lee November 18, 2019</p><p>Text.</p>");
	T_EQ_STR(a->byline, "Kim Lee");
	article_free(a);
	a = page("<p class=\"byline\">Monday, November 18</p><p>Text.</p>");
	T_CHECK(a->byline == NULL);
	article_free(a);
}

int
main(void)
{
	test_plain_byline();
	test_charsets();
	test_lines();
	test_page_range();
	test_jsonld();
	return t_done();
}
