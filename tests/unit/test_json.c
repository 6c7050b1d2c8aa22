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
