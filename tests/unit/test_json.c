/* test_json.c - the JSON writer and parser */
#include <config.h>

#include "lede/json.h"
#include "t.h"

static char *
enc(const char *s, size_t n)
{
	struct buf b = { 0 };

	json_buf_string(&b, s, n);
	return buf_detach(&b);
}

/* The escaping rules one byte at a time, as the contract states them: the writer
 * scans eight bytes at a time and must agree with this on every input. */
static char *
enc_slow(const unsigned char *p, size_t n)
{
	struct buf b = { 0 };
	size_t i = 0, k;

	buf_addc(&b, '"');
	while (i < n) {
		unsigned char c = p[i];

		if (c == '"' || c == '\\')
			buf_addc(&b, '\\'), buf_addc(&b, (char)c), i++;
		else if (c == '\n')
			buf_adds(&b, "\\n"), i++;
		else if (c == '\r')
			buf_adds(&b, "\\r"), i++;
		else if (c == '\t')
			buf_adds(&b, "\\t"), i++;
		else if (c < 0x20 || c == 0x7f)
			buf_addf(&b, "\\u%04x", c), i++;
		else if ((k = utf8_valid_len(p + i, n - i)) == 0)
			buf_adds(&b, "\xef\xbf\xbd"), i++;
		else
			buf_add(&b, p + i, k), i += k;
	}
	buf_addc(&b, '"');
	return buf_detach(&b);
}

/* Strings of pieces that are plain, escaped or invalid, at every offset within
 * the eight-byte words, against the byte-at-a-time rules. */
static void
check_escapes_agree(void)
{
	static const char *const piece[] = {
		"a", "Z", " ", "~", "\"", "\\", "\n", "\r", "\t", "\x01", "\x1f",
		"\x7f", "\xc3\xa9", "\xe2\x80\x99", "\xf0\x9f\x98\x80", "\x80", "\xff",
		"\xc3", "\xed\xa0\x80", "abcdefgh"
	};
	const size_t np = sizeof piece / sizeof piece[0];
	unsigned seed = 12345;
	unsigned char in[128];
	char *fast, *slow;
	size_t n, k, bad = 0, round;

	for (round = 0; round < 4000; round++) {
		n = 0;
		for (k = 0; k < 12; k++) {
			const char *q;

			seed = seed * 1103515245u + 12345u;
			/* mostly plain text, so that whole plain words occur */
			q = (seed >> 16) % 3 ? "plain te" : piece[(seed >> 8) % np];
			if (n + strlen(q) > sizeof in)
				break;
			memcpy(in + n, q, strlen(q));
			n += strlen(q);
		}
		n -= round % 8 < n ? round % 8 : 0;
		fast = enc((const char *)in, n);
		slow = enc_slow(in, n);
		if (strcmp(fast, slow) != 0 && bad++ == 0)
			T_EQ_STR(fast, slow);
		free(fast);
		free(slow);
	}
	T_EQ_INT(bad, 0);
}

int
main(void)
{
	char err[LEDE_ERRLEN], *s;
	struct json *j;
	const struct json *v;

	s = enc("a\"b\\c\n\x01", 7);
	T_EQ_STR(s, "\"a\\\"b\\\\c\\n\\u0001\"");
	free(s);
	/* invalid UTF-8 never reaches the output */
	s = enc("A\xc3" "B\xff", 4);
	T_EQ_STR(s, "\"A\xef\xbf\xbd" "B\xef\xbf\xbd\"");
	free(s);
	s = enc("Gen\xc3\xa8ve \xe6\x9d\xb1", 11);
	T_EQ_STR(s, "\"Gen\xc3\xa8ve \xe6\x9d\xb1\"");
	free(s);
	check_escapes_agree();
	/* an overlong encoding and a surrogate are invalid */
	s = enc("\xc0\xaf\xed\xa0\x80", 5);
	T_EQ_STR(s, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	free(s);

	s = "{\"text\":\"x\\u00e9\\ud83d\\ude00\",\"n\":[1,2.5,true,null],\"o\":{}}";
	j = json_parse(s, strlen(s), err, sizeof err);
	T_CHECK(j != NULL);
	if (j != NULL) {
		T_EQ_STR(json_get_str(j, "text"), "x\xc3\xa9\xf0\x9f\x98\x80");
		v = json_get(j, "n");
		T_CHECK(v != NULL && v->type == JSON_ARRAY && v->n == 4);
		if (v != NULL && v->n == 4) {
			T_CHECK(v->items[1].num == 2.5);
			T_EQ_INT(v->items[2].type, JSON_BOOL);
			T_EQ_INT(v->items[3].type, JSON_NULL);
		}
		T_CHECK(json_get_str(j, "n") == NULL);
		T_CHECK(json_get(j, "missing") == NULL);
		json_free(j);
	}
	T_CHECK(json_parse("{\"a\":1", 6, err, sizeof err) == NULL);
	T_CHECK(strstr(err, "byte 6") != NULL);
	T_CHECK(json_parse("{\"a\" 1}", 7, err, sizeof err) == NULL);
	T_CHECK(strstr(err, "expected ':'") != NULL);
	T_CHECK(json_parse("[1] x", 5, err, sizeof err) == NULL);
	T_CHECK(json_parse("\"\x01\"", 3, err, sizeof err) == NULL);
	/* deep nesting is refused, not a stack overflow */
	{
		char deep[400];
		memset(deep, '[', sizeof deep);
		T_CHECK(json_parse(deep, sizeof deep, err, sizeof err) == NULL);
		T_CHECK(strstr(err, "nested") != NULL);
	}
	return t_done();
}
