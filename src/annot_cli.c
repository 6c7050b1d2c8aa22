/* annot_cli.c - lede annotations list|export. Placeholder until annotations land. */
#include <config.h>

#include <stdio.h>

#include "lede/cli.h"

int
annot_cli(int argc, char **argv)
{
	fprintf(stderr, "lede: annotations are not built yet\n");
	return 2;
}
