/* t.h - the tiny assertion header every unit test uses */
#ifndef LEDE_T_H
#define LEDE_T_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int t_failed, t_checked;

#define T_CHECK(cond) do {						\
	t_checked++;							\
	if (!(cond)) {							\
		t_failed++;						\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
	}								\
} while (0)

#define T_EQ_INT(a, b) do {						\
	long long t_a = (long long)(a), t_b = (long long)(b);		\
	t_checked++;							\
	if (t_a != t_b) {						\
		t_failed++;						\
		fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n",	\
		    __FILE__, __LINE__, #a, t_a, t_b);			\
	}								\
} while (0)

#define T_EQ_STR(a, b) do {						\
	const char *t_a = (a), *t_b = (b);				\
	t_checked++;							\
	if (t_a == NULL || t_b == NULL || strcmp(t_a, t_b) != 0) {	\
		t_failed++;						\
		fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", \
		    __FILE__, __LINE__, #a, t_a ? t_a : "(null)",	\
		    t_b ? t_b : "(null)");				\
	}								\
} while (0)

/* Byte offset of the first occurrence of needle in a fixture; a fixture that lacks
 * it is a broken test, which stops here. */
static inline size_t
at(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);

	if (p == NULL) {
		fprintf(stderr, "fixture: \"%s\" not found\n", needle);
		exit(1);
	}
	return (size_t)(p - hay);
}

/* End of main: exit status for the automake test driver. */
static inline int
t_done(void)
{
	if (t_checked == 0) {
		fprintf(stderr, "no checks ran\n");
		return 1;
	}
	fprintf(stderr, "%d checks, %d failed\n", t_checked, t_failed);
	return t_failed ? 1 : 0;
}

#endif
