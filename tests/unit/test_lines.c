/* test_lines.c - the line model of GUIDELINES section 1 */
#include <config.h>

#include <stdlib.h>

#include "lede/article.h"
#include "t.h"

static size_t
count(const char *s, struct line_span **ls)
{
	return lines_split(s, strlen(s), ls);
}

int
main(void)
{
	struct line_span *ls;
	size_t n;

	n = count("", &ls);
	T_EQ_INT(n, 0);
	free(ls);

	n = count("abc", &ls);
	T_EQ_INT(n, 1);
	T_EQ_INT(ls[0].start, 0);
	T_EQ_INT(ls[0].end, 3);
	free(ls);

	/* a final newline starts no new line */
	n = count("abc\n", &ls);
	T_EQ_INT(n, 1);
	T_EQ_INT(ls[0].end, 3);
	free(ls);

	/* "X\n\n\n" is three lines: X and two empty ones */
	n = count("X\n\n\n", &ls);
	T_EQ_INT(n, 3);
	T_EQ_INT(ls[1].start, 2);
	T_EQ_INT(ls[1].end, 2);
	T_EQ_INT(ls[2].start, 3);
	T_EQ_INT(ls[2].end, 3);
	free(ls);

	/* coverage: each next start is the previous end + 1 */
	n = count("a\nbb\n\nccc", &ls);
	T_EQ_INT(n, 4);
	for (size_t i = 0; i + 1 < n; i++)
		T_EQ_INT(ls[i + 1].start, ls[i].end + 1);
	T_EQ_INT(ls[3].end, 9);
	free(ls);

	n = count("\n", &ls);
	T_EQ_INT(n, 1);
	T_EQ_INT(ls[0].end, 0);
	free(ls);
	return t_done();
}
