/* bench_jsonc_lede.c - lede's side of bench_jsonc.sh: one record parsed by lede's
 * JSON parser, its "text" and "id" read as ingest reads them. Apart from
 * bench_jsonc.c because lede's json.h and json-c both name an enum json_type. */
#include <stdlib.h>
#include <string.h>

#include "lede/json.h"

size_t	bench_lede_record(const char *, size_t);

size_t
bench_lede_record(const char *p, size_t len)
{
	char err[128];
	size_t n = 0;
	struct json *j = json_parse(p, len, err, sizeof err);
	const char *t;

	if (j == NULL)
		return 0;
	if ((t = json_get_str(j, "text")) != NULL)
		n = strlen(t);
	(void)json_get_str(j, "id");
	json_free(j);
	return n;
}
