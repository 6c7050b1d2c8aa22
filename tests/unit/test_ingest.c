/* test_ingest.c - directory walks, formats and bad input */
#include <config.h>

#include <sys/stat.h>
#include <unistd.h>

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "lede/ingest.h"
#include "lede/util.h"
#include "t.h"

struct got {
	struct article	*a[16];
	int		 na;
	char		 msgs[16][LEDE_ERRLEN];
	int		 nmsg;
};

static void
on_article(struct article *a, void *ctx)
{
	struct got *g = ctx;

	if (g->na < 16)
		g->a[g->na++] = a;
	else
		article_free(a);
}

static void
on_error(const char *msg, void *ctx)
{
	struct got *g = ctx;

	if (g->nmsg < 16)
		snprintf(g->msgs[g->nmsg++], LEDE_ERRLEN, "%s", msg);
}

static void
put(const char *dir, const char *name, const char *data, size_t n)
{
	char err[LEDE_ERRLEN], *p = xasprintf("%s/%s", dir, name);

	T_EQ_INT(write_file_atomic(p, data, n, err, sizeof err), 0);
	free(p);
}

static int
has_msg(struct got *g, const char *a, const char *b)
{
	for (int i = 0; i < g->nmsg; i++)
		if (strstr(g->msgs[i], a) && strstr(g->msgs[i], b))
			return 1;
	return 0;
}

/* utf8_first_invalid skips ASCII by words and checks one character at a time:
 * on text mixing ASCII, good and broken sequences at every alignment it must
 * answer as u8_check over the whole text does. */
static void
test_first_invalid(void)
{
	static const char *const pieces[] = {
		"a", "plain ASCII text ", "\xc3\xa9", "\xe2\x80\x9c", "\xf0\x9f\x98\x80",
		"\xc3", "\xe2\x80", "\x80", "\xff", "\xc0\xaf", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", ("\xe2" "A"), "0123456789"
	};
	char s[256];
	size_t n, k, np = sizeof pieces / sizeof pieces[0], bad = 0, want;
	const uint8_t *r;
	int round;

	srand(7);
	for (round = 0; round < 20000; round++) {
		n = 0;
		for (k = (size_t)(rand() % 12); k > 0; k--) {
			/* good pieces three times in four: the bad one comes late */
			const char *p = pieces[rand() % (rand() % 4 ? 5 : (int)np)];
			size_t l = strlen(p);

			if (n + l >= sizeof s)
				break;
			memcpy(s + n, p, l);
			n += l;
		}
		r = u8_check((const uint8_t *)s, n);
		want = r == NULL ? (size_t)-1 : (size_t)(r - (const uint8_t *)s);
		if (utf8_first_invalid(s, n) != want)
			bad++;
	}
	T_EQ_INT(bad, 0);
}

int
main(void)
{
	char dir[] = "/tmp/lede-ingest-XXXXXX", err[LEDE_ERRLEN], *sub, *cmd;
	struct got g = { 0 };
	struct ingest_cb cb = { .article = on_article, .error = on_error, .ctx = &g };
	int problems, i;

	T_CHECK(mkdtemp(dir) != NULL);
	sub = xasprintf("%s/b-dir", dir);
	T_EQ_INT(mkdir_p(sub, err, sizeof err), 0);
	put(dir, "a.txt", "Title\n\nBody.\n", 13);
	put(sub, "c.txt", "Inner\n", 6);
	put(dir, ".hidden.txt", "x\n", 2);
	put(dir, "empty.txt", "", 0);
	put(dir, "bin.dat", "ab\0cd", 5);
	put(dir, "bad.txt", "Caf\xe9\n", 5);
	{
		const char *j = "{\"id\":\"x1\",\"text\":\"one\",\"title\":\"T\"}\n"
		    "{broken\n\n{\"doc\":\"x3\",\"text\":\"three\"}\n{\"title\":\"no text\"}\n";
		put(dir, "d.jsonl", j, strlen(j));
	}

	problems = ingest_path(dir, &cb);
	/* a.txt, b-dir/c.txt, bad.txt (still read), d.jsonl x1 and x3 */
	T_EQ_INT(g.na, 5);
	if (g.na == 5) {
		T_CHECK(strstr(g.a[0]->path, "/a.txt") != NULL);
		T_CHECK(strstr(g.a[1]->path, "/b-dir/c.txt") != NULL);
		T_CHECK(strstr(g.a[2]->path, "/bad.txt") != NULL);
		T_EQ_INT(g.a[2]->len, 5);	/* the bytes as on disk */
		T_EQ_STR(g.a[3]->id, "x1");
		T_EQ_STR(g.a[3]->title, "T");
		T_EQ_STR(g.a[3]->text, "one");
		T_EQ_INT(g.a[3]->format, ARTICLE_JSONL);
		T_EQ_STR(g.a[4]->id, "x3");
		T_EQ_INT(g.a[0]->hash, hash_bytes("Title\n\nBody.\n", 13));
		T_EQ_INT(g.a[3]->hash, hash_bytes("one", 3));
	}
	/* empty, binary, invalid UTF-8, broken JSON line 2, no text on line 5 */
	T_EQ_INT(problems, 5);
	if (problems != 5)
		for (i = 0; i < g.nmsg; i++)
			fprintf(stderr, "message: %s\n", g.msgs[i]);
	T_CHECK(has_msg(&g, "empty.txt", "empty"));
	T_CHECK(has_msg(&g, "bin.dat", "binary"));
	T_CHECK(has_msg(&g, "bad.txt", "UTF-8 at byte 3"));
	T_CHECK(has_msg(&g, "d.jsonl:2", "not JSON"));
	T_CHECK(has_msg(&g, "d.jsonl:5", "text"));
	for (i = 0; i < g.na; i++)
		article_free(g.a[i]);

	/* no_hash: the same articles, no hash computed */
	memset(&g, 0, sizeof g);
	cb.no_hash = 1;
	problems = ingest_path(dir, &cb);
	cb.no_hash = 0;
	T_EQ_INT(g.na, 5);
	T_EQ_INT(problems, 5);
	for (i = 0; i < g.na; i++) {
		T_EQ_INT(g.a[i]->hash, 0);
		article_free(g.a[i]);
	}

	memset(&g, 0, sizeof g);
	problems = ingest_path("/nonexistent/lede", &cb);
	T_EQ_INT(problems, 1);
	T_CHECK(has_msg(&g, "/nonexistent/lede", "No such file"));

	T_EQ_INT(utf8_first_invalid("ok \xc3\xa9", 5), (size_t)-1);
	T_EQ_INT(utf8_first_invalid("ok \xc3", 4), 3);
	test_first_invalid();

	cmd = xasprintf("rm -rf %s", dir);
	T_EQ_INT(system(cmd), 0);
	free(cmd);
	free(sub);
	return t_done();
}
