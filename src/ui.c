/* ui.c - the curses reader. Placeholder until the reader lands. */
#include <config.h>

#include <stdio.h>

#include "lede/ui.h"

int
ui_main(const struct ui_opts *o)
{
	fprintf(stderr, "lede: the reader is not built yet\n");
	return 1;
}
