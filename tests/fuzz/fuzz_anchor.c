/* fuzz_anchor.c - re-anchoring: input is NEWTEXT \0 QUOTE \0 PREFIX \0 SUFFIX, the
 * old span taken from the first two bytes */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "lede/anchor.h"

static const char *
field(const char **p, const char *end, size_t *n)
{
	const char *s = *p, *z = memchr(s, '\0', (size_t)(end - s));

	*n = z != NULL ? (size_t)(z - s) : (size_t)(end - s);
	*p = z != NULL ? z + 1 : end;
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct anchor_target t;
	struct anchor_result r;
	const char *p, *end, *text;
	size_t tlen;

	if (size < 2)
		return 0;
	p = (const char *)data + 2;
	end = (const char *)data + size;
	text = field(&p, end, &tlen);
	t.quote = field(&p, end, &t.qlen);
	t.prefix = field(&p, end, &t.plen);
	t.suffix = field(&p, end, &t.slen);
	if (t.qlen == 0)
		return 0;
	t.start = tlen > 0 ? data[0] % (tlen + 1) : 0;
	t.end = t.start + t.qlen + data[1] % 4;
	anchor_find(text, tlen, &t, &r);
	if (r.status != ANCHOR_ORPHAN && (r.start > r.end || r.end > tlen))
		__builtin_trap();	/* a span outside the text */
	return 0;
}
