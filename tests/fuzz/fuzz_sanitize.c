/* fuzz_sanitize.c - what reaches the terminal: sanitising, message neutralising,
 * widths, wrapping and search over arbitrary bytes */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lede/msg.h"
#include "lede/text.h"

/* no byte a terminal acts on may come out */
static void
check_inert(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; *u != '\0'; u++)
		if (*u < 0x20 || *u == 0x7f || (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f))
			__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	static FILE *null;
	struct text_wrap w;
	struct text_row r;
	char *t;
	int width = size > 0 ? data[0] % 40 : 10;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	t = text_sanitize(s, size, -1);
	check_inert(t);
	free(t);
	t = text_sanitize(s, size, width);
	check_inert(t);
	if (text_width(t, strlen(t)) > width && width > 0)
		__builtin_trap();
	free(t);
	t = msg_neutralise(s, size);
	check_inert(t);
	free(t);
	msg_write_text(null, s, size);
	if (memchr(s, '\n', size) == NULL) {
		text_wrap_init(&w, s, size, width + 1);
		while (text_wrap_next(&w, &r))
			if (r.start > r.end || r.end > size)
				__builtin_trap();
		text_wrap_free(&w);
	}
	if (size > 4)
		(void)text_find(s + 4, size - 4, 0, s, 4, NULL);
	return 0;
}
