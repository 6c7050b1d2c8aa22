/* fuzz_config.c - config.ini and theme files, read from a scratch file */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"
#include "lede/config.h"
#include "lede/keys.h"

static const char *const actions[] = { "quit", "down", "up", "search", "help", NULL };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[] = "/tmp/lede-fuzz-config.XXXXXX";
	static int fd = -1;
	struct config c;
	struct theme t;

	if (fd == -1 && (fd = mkstemp(path)) == -1)
		abort();
	if (ftruncate(fd, 0) == -1 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	config_init(&c);
	config_load(&c, path, actions, NULL, fuzz_quiet, NULL);
	config_free(&c);
	theme_load(&t, path, NULL, NULL, fuzz_quiet, NULL);
	return 0;
}
