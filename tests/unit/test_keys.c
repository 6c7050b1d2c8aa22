/* test_keys.c - key names, the key table, two-key sequences */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/keys.h"
#include "t.h"

static int
one(const char *name)
{
	int k[KEYSEQ_MAX];

	return key_parse(name, k) == 1 ? k[0] : -1;
}

int
main(void)
{
	struct keymap km;
	int k[KEYSEQ_MAX], i, seen;
	char buf[32], err[128], *d;
	const char *names[] = { "x", "C-x" };
	const char *bad[] = { "NoSuchKey" };

	T_EQ_INT(one("j"), 'j');
	T_EQ_INT(one("J"), 'J');
	T_EQ_INT(one("Down"), KEYC_DOWN);
	T_EQ_INT(one("down"), KEYC_DOWN);
	T_EQ_INT(one("C-d"), 4);
	T_EQ_INT(one("^D"), 4);
	T_EQ_INT(one("Space"), ' ');
	T_EQ_INT(one("PgDn"), KEYC_PGDN);
	T_EQ_INT(one("PageUp"), KEYC_PGUP);
	T_EQ_INT(one("S-Tab"), KEYC_BTAB);
	T_EQ_INT(one("Enter"), 13);
	T_EQ_INT(one("Esc"), 27);
	T_EQ_INT(one("F5"), KEYC_F0 + 5);
	T_EQ_INT(one("\xc3\xa9"), 0xe9);
	T_EQ_INT(one("F99"), -1);
	T_EQ_INT(one("C-1"), -1);
	T_EQ_INT(key_parse("]f", k), 2);
	T_EQ_INT(k[0], ']');
	T_EQ_INT(k[1], 'f');
	T_EQ_INT(key_parse("g g", k), 2);
	T_EQ_INT(k[0], 'g');
	T_EQ_INT(key_parse("C-w j", k), 2);
	T_EQ_INT(k[0], 23);
	T_EQ_INT(key_parse("abc", k), -1);
	T_EQ_INT(key_parse("", k), -1);
	T_EQ_INT(key_parse("Downn", k), -1);
	T_CHECK(key_name_valid("Home"));
	T_CHECK(!key_name_valid("Hom"));
	T_EQ_STR(keyc_name(4, buf, sizeof buf), "C-d");
	T_EQ_STR(keyc_name(KEYC_PGDN, buf, sizeof buf), "PgDn");
	T_EQ_STR(keyc_name(' ', buf, sizeof buf), "Space");
	T_EQ_STR(keyc_name(']', buf, sizeof buf), "]");
	T_EQ_STR(keyc_name(KEYC_F0 + 5, buf, sizeof buf), "F5");

	/* every action has a name, help and default keys that parse, and every
	 * action named in DESIGN.md's key table exists */
	for (i = 0; i < ACT_COUNT; i++) {
		char *dup, *tok, *save;

		T_CHECK(key_actions[i].name != NULL && key_actions[i].help != NULL);
		T_CHECK(key_actions[i].keys != NULL && key_actions[i].keys[0] != '\0');
		dup = strdup(key_actions[i].keys);
		for (tok = strtok_r(dup, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
			T_CHECK(key_name_valid(tok));
		free(dup);
		T_EQ_INT(key_action_find(key_actions[i].name), i);
	}
	T_EQ_INT(key_action_find("nonsense"), -1);
	T_CHECK(key_action_names()[ACT_COUNT] == NULL);

	/* defaults: every key of DESIGN.md resolves */
	keymap_default(&km);
	{
		static const struct { const char *key; int act; } want[] = {
			{ "j", ACT_DOWN }, { "Down", ACT_DOWN }, { "k", ACT_UP },
			{ "Up", ACT_UP }, { "Space", ACT_PAGE_DOWN }, { "b", ACT_PAGE_UP },
			{ "PgDn", ACT_PAGE_DOWN }, { "PgUp", ACT_PAGE_UP },
			{ "C-d", ACT_HALF_DOWN }, { "C-u", ACT_HALF_UP }, { "g", ACT_TOP },
			{ "Home", ACT_TOP }, { "G", ACT_BOTTOM }, { "End", ACT_BOTTOM },
			{ "Enter", ACT_OPEN }, { "l", ACT_OPEN }, { "Right", ACT_OPEN },
			{ "q", ACT_BACK }, { "h", ACT_BACK }, { "Left", ACT_BACK },
			{ "Backspace", ACT_BACK }, { "Q", ACT_QUIT }, { "J", ACT_NEXT_ARTICLE },
			{ "K", ACT_PREV_ARTICLE }, { "/", ACT_SEARCH }, { "n", ACT_SEARCH_NEXT },
			{ "N", ACT_SEARCH_PREV }, { "*", ACT_MENTION_NEXT },
			{ "#", ACT_MENTION_PREV }, { "]f", ACT_FLAG_NEXT }, { "[f", ACT_FLAG_PREV },
			{ "]a", ACT_ANNOT_NEXT }, { "[a", ACT_ANNOT_PREV }, { "v", ACT_SELECT },
			{ "V", ACT_SELECT_PARA }, { "a", ACT_NOTE }, { "H", ACT_HIGHLIGHT },
			{ "t", ACT_TAG }, { "Esc", ACT_CANCEL }, { "A", ACT_ANNOT_LIST },
			{ "&", ACT_FILTER }, { "B", ACT_BOILERPLATE }, { "R", ACT_RAW },
			{ "S", ACT_SUGGESTIONS },
			{ "c", ACT_ENTITY_SCOPE },
			{ "?", ACT_HELP }, { ":", ACT_COMMAND }, { "C-l", ACT_REDRAW },
			{ "Tab", ACT_FOCUS_NEXT }, { "S-Tab", ACT_FOCUS_PREV },
			{ "e", ACT_ANNOT_EDIT }, { "d", ACT_ANNOT_DELETE },
		};
		size_t j;
		int n;

		seen = 0;
		for (j = 0; j < sizeof want / sizeof want[0]; j++) {
			n = key_parse(want[j].key, k);
			T_EQ_INT(keymap_lookup(&km, k, n), want[j].act);
			seen |= 0;
		}
		for (i = 0; i < ACT_COUNT; i++) {
			int found = 0;

			for (j = 0; j < sizeof want / sizeof want[0]; j++)
				found |= want[j].act == i;
			T_CHECK(found);
		}
	}
	/* a prefix is pending, not unknown */
	k[0] = ']';
	T_EQ_INT(keymap_lookup(&km, k, 1), KEYMAP_PREFIX);
	k[0] = 'z';
	T_EQ_INT(keymap_lookup(&km, k, 1), KEYMAP_NONE);

	/* rebinding replaces an action's keys */
	T_EQ_INT(keymap_set(&km, ACT_DOWN, names, 2, err, sizeof err), 0);
	k[0] = 'j';
	T_EQ_INT(keymap_lookup(&km, k, 1), KEYMAP_NONE);
	k[0] = 'x';
	T_EQ_INT(keymap_lookup(&km, k, 1), ACT_DOWN);
	k[0] = 24;
	T_EQ_INT(keymap_lookup(&km, k, 1), ACT_DOWN);
	d = keymap_describe(&km, ACT_DOWN);
	T_EQ_STR(d, "x C-x");
	free(d);
	T_EQ_INT(keymap_set(&km, ACT_UP, bad, 1, err, sizeof err), -1);
	T_CHECK(strstr(err, "NoSuchKey") != NULL);
	k[0] = 'k';
	T_EQ_INT(keymap_lookup(&km, k, 1), ACT_UP);	/* unchanged after an error */
	keymap_free(&km);
	(void)seen;
	return t_done();
}
