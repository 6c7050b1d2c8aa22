/* test_harden.c - what a hostile or odd input does: messages, non-regular files,
 * the out-of-memory path, the user's home, JSON by its grammar */
#include <config.h>

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "t.h"
#include "tmsg.h"
#include "lede/config.h"
#include "lede/ingest.h"
#include "lede/json.h"
#include "lede/msg.h"
#include "lede/paths.h"
#include "lede/text.h"
#include "lede/util.h"

static char tmpdir[] = "/tmp/lede-harden.XXXXXX";

/* no byte that a terminal acts on: C0 controls, DEL, C1 (as UTF-8) */
static int
inert(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; *u != '\0'; u++)
		if (*u < 0x20 || *u == 0x7f || (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f))
			return 0;
	return 1;
}

static void
test_neutralise(void)
{
	static const char *const hostile[] = {
		"x\033]0;TITLE\007y", "x\033]52;c;cGF3bmVk\033\\y", "a\nlede: forged",
		"csi \033[2J\033[31m", ("c1 \xc2\x9b" "31m"), "bad \xff\xfe byte", "bel\a del\x7f",
	};
	size_t i;

	for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		char *t = msg_neutralise(hostile[i], strlen(hostile[i]));

		T_CHECK(inert(t));
		T_CHECK(utf8_first_invalid(t, strlen(t)) == (size_t)-1);
		free(t);
	}
	/* plain text is left as it is */
	{
		char *t = msg_neutralise("Genève: 東京 ok", strlen("Genève: 東京 ok"));
		T_EQ_STR(t, "Genève: 東京 ok");
		free(t);
	}
}

/* What msg_print and msg_write_text put on a stream, read back. */
static char *
captured(int fd, FILE *f, int which)
{
	static char buf[4096];
	ssize_t n;

	if (which == 0)
		msg_print(NULL, "%s: empty file, skipped", "evil\033]0;T\007\nlede: forged");
	else
		msg_write_text(f, "one \033[2Jline\nsecond\tline\n", 26);
	fflush(f);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, sizeof buf - 1);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

/* Zero-width characters inside a word are shown, not drawn invisibly; a joiner in
 * an emoji sequence and a byte order mark at the start stay hidden. */
static void
test_zero_width(void)
{
	static const struct { const char *in, *shown; } cases[] = {
		{ "Pu\xe2\x80\x8btin", "<U+200B>" }, { "Pu\xe2\x80\x8ctin", "<U+200C>" },
		{ "Pu\xe2\x80\x8dtin", "<U+200D>" }, { "Pu\xe2\x81\xa0tin", "<U+2060>" },
		{ "Pu\xef\xbb\xbftin", "<U+FEFF>" },
	};
	const char *family = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	    "\xf0\x9f\x91\xa7";
	size_t i;
	char *t;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = text_sanitize(cases[i].in, strlen(cases[i].in), -1);
		T_CHECK(strstr(t, cases[i].shown) != NULL);
		T_CHECK(strncmp(t, "Pu", 2) == 0 && strstr(t, "tin") != NULL);
		T_CHECK(text_width(cases[i].in, strlen(cases[i].in)) > 5);
		free(t);
	}
	t = text_sanitize(family, strlen(family), -1);
	T_CHECK(strstr(t, "<U+") == NULL);	/* one cluster, no joiner shown */
	free(t);
	t = text_sanitize("\xef\xbb\xbfTitle", 8, -1);
	T_EQ_STR(t, "Title");
	free(t);
}

static void
test_msg_streams(void)
{
	char path[64];
	int fd, saved;
	char *out;
	FILE *f;

	snprintf(path, sizeof path, "%s/err", tmpdir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	saved = dup(2);
	fflush(stderr);
	dup2(fd, 2);
	out = captured(fd, stderr, 0);
	dup2(saved, 2);
	close(saved);
	T_CHECK(strncmp(out, "lede: evil", 10) == 0);
	T_CHECK(strchr(out, '\033') == NULL && strchr(out, '\007') == NULL);
	T_CHECK(strchr(out, '\n') == out + strlen(out) - 1);	/* one line */
	close(fd);

	/* a body keeps its lines, loses its escapes */
	snprintf(path, sizeof path, "%s/body", tmpdir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	f = fdopen(dup(fd), "w");
	out = captured(fd, f, 1);
	fclose(f);
	close(fd);
	T_CHECK(strchr(out, '\033') == NULL);
	T_CHECK(strstr(out, "\nsecond\tline\n") != NULL);
	T_CHECK(strncmp(out, "one ", 4) == 0);
}

static int
fails_fast(const char *path, const char *want)
{
	char err[LEDE_ERRLEN] = "", *data = NULL;
	size_t len;
	int r;

	alarm(5);	/* a FIFO with no writer used to block here */
	r = read_file(path, &data, &len, err, sizeof err);
	alarm(0);
	free(data);
	if (r != -1 || strstr(err, want) == NULL) {
		fprintf(stderr, "%s: got \"%s\"\n", path, err);
		return 0;
	}
	return 1;
}

static void
test_non_regular(void)
{
	char fifo[64];
	struct config c;
	struct msgs w = { 0 };
	struct theme th;

	snprintf(fifo, sizeof fifo, "%s/fifo", tmpdir);
	T_EQ_INT(mkfifo(fifo, 0600), 0);
	T_CHECK(fails_fast(fifo, "not a regular file"));
	T_CHECK(fails_fast("/dev/zero", "not a regular file"));
	T_CHECK(fails_fast(tmpdir, "directory"));
	/* -c FIFO and a theme that is a device: one message each, no hang */
	config_init(&c);
	alarm(5);
	config_load(&c, fifo, NULL, NULL, collect, &w);
	T_EQ_INT(w.n, 1);
	T_CHECK(w.n > 0 && strstr(w.m[0], "not a regular file") != NULL);
	msgs_reset(&w);
	T_EQ_INT(theme_load(&th, "/dev/zero", NULL, NULL, collect, &w), -1);
	alarm(0);
	T_EQ_INT(w.n, 1);
	msgs_reset(&w);
	config_free(&c);
	unlink(fifo);
}

/* theme = PATH in config.ini: ~ is home, relative to the config file */
static void
test_theme_path(void)
{
	char path[80], *want;
	struct config c;
	struct msgs w = { 0 };
	FILE *f;

	snprintf(path, sizeof path, "%s/config.ini", tmpdir);
	setenv("HOME", "/home/someone", 1);
	f = fopen(path, "w");
	fputs("[ui]\ntheme = ~/x.ini\n", f);
	fclose(f);
	config_init(&c);
	config_load(&c, path, NULL, NULL, collect, &w);
	T_EQ_STR(c.theme, "/home/someone/x.ini");
	config_free(&c);
	f = fopen(path, "w");
	fputs("[ui]\ntheme = themes/mine.ini\n", f);
	fclose(f);
	config_init(&c);
	config_load(&c, path, NULL, NULL, collect, &w);
	want = xasprintf("%s/themes/mine.ini", tmpdir);
	T_EQ_STR(c.theme, want);
	free(want);
	config_free(&c);
	T_EQ_INT(w.n, 0);
	msgs_reset(&w);
	unlink(path);
}

static int hook_fd = -1;

static void
oom_hook(void)
{
	if (write(hook_fd, "restored\n", 9) < 0)
		_exit(3);
}

/* The out-of-memory path: the terminal hook runs, stdout keeps what it held. */
static void
test_oom(void)
{
	int out[2], st;
	char buf[256];
	ssize_t n, got = 0;
	pid_t pid;

	T_EQ_INT(pipe(out), 0);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		dup2(out[1], 1);
		dup2(out[1], 2);
		hook_fd = out[1];
		util_set_oom_hook(oom_hook);
		fputs("{\"record\":1}\n", stdout);	/* still in stdout's buffer */
		(void)xreallocarray(NULL, SIZE_MAX / 2, 4);
		_exit(0);
	}
	close(out[1]);
	while ((n = read(out[0], buf + got, sizeof buf - 1 - (size_t)got)) > 0)
		got += n;
	buf[got] = '\0';
	close(out[0]);
	waitpid(pid, &st, 0);
	T_CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
	T_CHECK(strstr(buf, "restored\n{\"record\":1}\nlede: out of memory") == buf);
}

static void
test_home(void)
{
	struct passwd *pw = getpwuid(getuid());
	char *d;

	if (pw == NULL || pw->pw_dir == NULL || pw->pw_dir[0] != '/')
		return;		/* nothing to compare with; the refusal is not tested */
	unsetenv("HOME");
	unsetenv("XDG_DATA_HOME");
	unsetenv("XDG_CONFIG_HOME");
	d = paths_data_dir();
	T_CHECK(strncmp(d, pw->pw_dir, strlen(pw->pw_dir)) == 0);
	T_CHECK(strcmp(pw->pw_dir, "/tmp") == 0 || strncmp(d, "/tmp/", 5) != 0);
	free(d);
	setenv("HOME", "", 1);
	d = paths_config_dir();
	T_CHECK(strncmp(d, pw->pw_dir, strlen(pw->pw_dir)) == 0);
	free(d);
}

static int
parses(const char *s, size_t n, double *num)
{
	char err[LEDE_ERRLEN];
	struct json *j = json_parse(s, n, err, sizeof err);
	int ok = j != NULL && j->type == JSON_NUMBER;

	if (ok && num != NULL)
		*num = j->num;
	json_free(j);
	return ok;
}

static void
test_json_numbers(void)
{
	static const char *const bad[] = { "+1", "007", "01", ".5", "1.", "1e", "1e+",
	    "-", "--1", "0x10", "1.5.2", "Infinity", "NaN", "-.5", "1,5" };
	static const char *const good[] = { "0", "-0", "0.5", "1e5", "1E+5", "2.5e-3",
	    "-12.75", "123456789" };
	char big[600];
	size_t i;
	double d;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (parses(bad[i], strlen(bad[i]), NULL)) {
			fprintf(stderr, "accepted %s\n", bad[i]);
			T_CHECK(0);
		}
	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		T_CHECK(parses(good[i], strlen(good[i]), NULL));
	T_CHECK(parses("0.5", 3, &d) && d == 0.5);
	T_CHECK(parses("-2.5e-3", 7, &d) && d == -2.5e-3);
	/* any length: 500 digits after the point */
	memset(big, '3', sizeof big);
	memcpy(big, "0.", 2);
	T_CHECK(parses(big, 502, &d) && d > 0.333 && d < 0.334);
	/* a bare NUL byte is no white space */
	T_CHECK(!parses("1\0", 2, NULL));
	{
		char err[LEDE_ERRLEN];
		struct json *j = json_parse("{\"a\":1}\0", 8, err, sizeof err);

		T_CHECK(j == NULL);
		json_free(j);
		/* the last duplicate wins */
		j = json_parse("{\"k\":\"first\",\"k\":\"last\"}", 24, err, sizeof err);
		T_CHECK(j != NULL);
		T_EQ_STR(json_get_str(j, "k"), "last");
		json_free(j);
	}
}

int
main(void)
{
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	test_neutralise();
	test_zero_width();
	test_msg_streams();
	test_non_regular();
	test_oom();
	test_theme_path();
	test_json_numbers();
	test_home();
	rmdir(tmpdir);
	return t_done();
}
