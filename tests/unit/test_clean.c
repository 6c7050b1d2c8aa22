/* test_clean.c - line classes, metadata, artifacts and the rule-file parser */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/clean.h"
#include "t.h"

int
main(void)
{
	T_CHECK(1);
	return t_done();
}
