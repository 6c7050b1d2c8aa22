/* msg.c - messages on stderr that cannot drive the terminal */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/ingest.h"
#include "lede/msg.h"
#include "lede/text.h"
#include "lede/util.h"

/* Whether s[0, n) can be written as it is: valid UTF-8 with no C0 control but
 * tab, no DEL and no C1 control (U+0080-U+009F is 0xC2 0x80-0x9F). */
static int
plain(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((u[i] < 0x20 && u[i] != '\t') || u[i] == 0x7f)
			return 0;
		if (u[i] == 0xc2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f)
			return 0;
	}
	return utf8_first_invalid(s, n) == (size_t)-1;
}

char *
msg_neutralise(const char *s, size_t n)
{
	return text_sanitize(s, n, -1);
}

void
msg_vprint(const char *prefix, const char *fmt, va_list ap)
{
	char *raw, *safe;

	if (vasprintf(&raw, fmt, ap) < 0)
		raw = xstrdup(fmt);
	safe = msg_neutralise(raw, strlen(raw));
	fflush(stdout);
	fprintf(stderr, "%s: %s\n", prefix != NULL ? prefix : "lede", safe);
	free(safe);
	free(raw);
}

void
msg_print(const char *prefix, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint(prefix, fmt, ap);
	va_end(ap);
}

void
msg_cb(const char *msg, void *ctx)
{
	(void)ctx;
	msg_print(NULL, "%s", msg);
}

void
msg_write_text(FILE *f, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl != NULL ? (size_t)(nl - s) : n;

		if (plain(s + i, e - i))
			fwrite(s + i, 1, e - i, f);
		else {
			char *t = text_sanitize(s + i, e - i, -1);

			fputs(t, f);
			free(t);
		}
		if (nl == NULL)
			break;
		fputc('\n', f);
		i = e + 1;
	}
}

int
msg_exit_status(int problems)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("lede: standard output");
		return 1;
	}
	return problems != 0;
}
