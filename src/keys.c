/* keys.c - the key table as data, key names, two-key sequences */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lede/keys.h"
#include "lede/text.h"
#include "lede/util.h"

const struct key_action key_actions[ACT_COUNT] = {
	[ACT_DOWN] =		{ "down", "j Down", "move down", "move" },
	[ACT_UP] =		{ "up", "k Up", "move up", "move" },
	[ACT_PAGE_DOWN] =	{ "page_down", "Space PgDn", "page down", "move" },
	[ACT_PAGE_UP] =		{ "page_up", "b PgUp", "page up", "move" },
	[ACT_HALF_DOWN] =	{ "half_down", "C-d", "half a page down", "move" },
	[ACT_HALF_UP] =		{ "half_up", "C-u", "half a page up", "move" },
	[ACT_TOP] =		{ "top", "g Home", "go to the top", "move" },
	[ACT_BOTTOM] =		{ "bottom", "G End", "go to the bottom", "move" },
	[ACT_OPEN] =		{ "open", "Enter l Right", "open the article", "articles" },
	[ACT_BACK] =		{ "back", "q h Left Backspace",
				    "back to the list (quit from the list)", "articles" },
	[ACT_QUIT] =		{ "quit", "Q", "quit lede", "articles" },
	[ACT_NEXT_ARTICLE] =	{ "next_article", "J", "next article", "articles" },
	[ACT_PREV_ARTICLE] =	{ "prev_article", "K", "previous article", "articles" },
	[ACT_SEARCH] =		{ "search", "/", "search the article", "search" },
	[ACT_SEARCH_NEXT] =	{ "search_next", "n", "next match", "search" },
	[ACT_SEARCH_PREV] =	{ "search_prev", "N", "previous match", "search" },
	[ACT_MENTION_NEXT] =	{ "mention_next", "*",
				    "next mention of the selected entity", "search" },
	[ACT_MENTION_PREV] =	{ "mention_prev", "#",
				    "previous mention of the selected entity", "search" },
	[ACT_FLAG_NEXT] =	{ "flag_next", "]f", "next flagged artifact", "flags" },
	[ACT_FLAG_PREV] =	{ "flag_prev", "[f", "previous flagged artifact", "flags" },
	[ACT_SUGGESTIONS] =	{ "toggle_suggestions", "S", "show suggestions inline", "flags" },
	[ACT_ANNOT_NEXT] =	{ "annotation_next", "]a", "next annotation", "annotations" },
	[ACT_ANNOT_PREV] =	{ "annotation_prev", "[a", "previous annotation",
				    "annotations" },
	[ACT_SELECT] =		{ "select", "v", "select a passage (h l w b j k extend it)",
				    "annotations" },
	[ACT_SELECT_PARA] =	{ "select_paragraph", "V", "select a paragraph",
				    "annotations" },
	[ACT_NOTE] =		{ "note", "a", "annotate the selection with a note",
				    "annotations" },
	[ACT_HIGHLIGHT] =	{ "highlight", "H", "highlight the selection", "annotations" },
	[ACT_TAG] =		{ "tag", "t", "tag the selection", "annotations" },
	[ACT_CANCEL] =		{ "cancel", "Esc", "cancel the selection, clear the filter",
				    "annotations" },
	[ACT_ANNOT_LIST] =	{ "annotations", "A", "list annotations", "annotations" },
	[ACT_ANNOT_EDIT] =	{ "annotation_edit", "e",
				    "edit the note or tags at the cursor", "annotations" },
	[ACT_ANNOT_DELETE] =	{ "annotation_delete", "d", "delete the annotation at the cursor",
				    "annotations" },
	[ACT_FILTER] =		{ "filter", "&", "filter articles by the selected entity",
				    "articles" },
	[ACT_ENTITY_SCOPE] =	{ "entity_scope", "c",
				    "entity panel: this article or the whole corpus", "search" },
	[ACT_BOILERPLATE] =	{ "toggle_boilerplate", "B", "show or hide boilerplate (dimmed)",
				    "view" },
	[ACT_RAW] =		{ "toggle_raw", "R", "show the raw file", "view" },
	[ACT_HELP] =		{ "help", "?", "this help", "view" },
	[ACT_COMMAND] =		{ "command", ":", "command line (:messages, :quit)", "view" },
	[ACT_REDRAW] =		{ "redraw", "C-l", "redraw the screen", "view" },
	[ACT_FOCUS_NEXT] =	{ "focus_next", "Tab", "focus the next pane", "view" },
	[ACT_FOCUS_PREV] =	{ "focus_prev", "S-Tab", "focus the previous pane", "view" },
};

const char *const *
key_action_names(void)
{
	static const char *names[ACT_COUNT + 1];
	int i;

	for (i = 0; i < ACT_COUNT; i++)
		names[i] = key_actions[i].name;
	names[ACT_COUNT] = NULL;
	return names;
}

int
key_action_find(const char *name)
{
	int i;

	for (i = 0; i < ACT_COUNT; i++)
		if (strcasecmp(key_actions[i].name, name) == 0)
			return i;
	return -1;
}

static const struct {
	const char	*name;
	int		 key;
} named_keys[] = {
	/* the first name of a key is its canonical one */
	{ "Up", KEYC_UP }, { "Down", KEYC_DOWN }, { "Left", KEYC_LEFT },
	{ "Right", KEYC_RIGHT }, { "Home", KEYC_HOME }, { "End", KEYC_END },
	{ "PgUp", KEYC_PGUP }, { "PageUp", KEYC_PGUP }, { "PPage", KEYC_PGUP },
	{ "PgDn", KEYC_PGDN }, { "PageDown", KEYC_PGDN }, { "NPage", KEYC_PGDN },
	{ "S-Tab", KEYC_BTAB }, { "BTab", KEYC_BTAB }, { "Backspace", KEYC_BACKSPACE },
	{ "BSpace", KEYC_BACKSPACE }, { "BS", KEYC_BACKSPACE }, { "Delete", KEYC_DELETE },
	{ "Del", KEYC_DELETE }, { "Insert", KEYC_INSERT }, { "Ins", KEYC_INSERT },
	{ "Space", ' ' }, { "Enter", KEY_ENTER_C }, { "Return", KEY_ENTER_C },
	{ "Esc", KEY_ESC }, { "Escape", KEY_ESC }, { "Tab", KEY_TAB },
};

/* One key name, no sequences. Returns the key or -1. */
static int
parse_one(const char *s, size_t n)
{
	size_t i, k;
	uint32_t c;
	int f;

	if (n == 0)
		return -1;
	for (i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (strlen(named_keys[i].name) == n &&
		    strncasecmp(named_keys[i].name, s, n) == 0)
			return named_keys[i].key;
	if ((n == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') ||
	    (n == 2 && s[0] == '^')) {
		c = (unsigned char)s[n - 1];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if ((c >= 'a' && c <= 'z') || c == '[' || c == '\\' || c == ']')
			return KEY_CTRL((int)c);
		return -1;
	}
	if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3) {
		f = 0;
		for (i = 1; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return -1;
			f = f * 10 + (s[i] - '0');
		}
		if (f >= 1 && f <= 24)
			return KEYC_F0 + f;
		return -1;
	}
	k = text_decode(s, n, &c);
	if (k != n || c == 0xfffd || c < 0x20 || c == 0x7f)
		return -1;
	return (int)c;
}

int
key_parse(const char *name, int keys[KEYSEQ_MAX])
{
	size_t n = strlen(name), k1, k2;
	const char *sp;
	uint32_t c;
	int k;

	if ((k = parse_one(name, n)) != -1) {
		keys[0] = k;
		return 1;
	}
	/* "g g" or "C-w j" */
	if ((sp = strchr(name, ' ')) != NULL && sp > name && sp[1] != '\0') {
		if ((keys[0] = parse_one(name, (size_t)(sp - name))) == -1 ||
		    (keys[1] = parse_one(sp + 1, strlen(sp + 1))) == -1)
			return -1;
		return 2;
	}
	/* "]f": two characters */
	k1 = text_decode(name, n, &c);
	if (k1 >= n)
		return -1;
	k2 = text_decode(name + k1, n - k1, &c);
	if (k1 + k2 != n)
		return -1;
	if ((keys[0] = parse_one(name, k1)) == -1 ||
	    (keys[1] = parse_one(name + k1, k2)) == -1)
		return -1;
	return 2;
}

int
key_name_valid(const char *name)
{
	int keys[KEYSEQ_MAX];

	return key_parse(name, keys) > 0;
}

char *
keyc_name(int key, char *buf, size_t len)
{
	size_t i;
	char u[8];
	int n;

	for (i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (named_keys[i].key == key) {
			snprintf(buf, len, "%s", named_keys[i].name);
			return buf;
		}
	if (key > KEYC_F0 && key <= KEYC_F0 + 24)
		snprintf(buf, len, "F%d", key - KEYC_F0);
	else if (key >= 1 && key < 0x20)
		snprintf(buf, len, "C-%c", key + 0x60);
	else if (key >= 0x20 && key < 0x110000) {
		/* UTF-8 encode */
		if (key < 0x80) {
			u[0] = (char)key;
			n = 1;
		} else if (key < 0x800) {
			u[0] = (char)(0xc0 | (key >> 6));
			u[1] = (char)(0x80 | (key & 0x3f));
			n = 2;
		} else if (key < 0x10000) {
			u[0] = (char)(0xe0 | (key >> 12));
			u[1] = (char)(0x80 | ((key >> 6) & 0x3f));
			u[2] = (char)(0x80 | (key & 0x3f));
			n = 3;
		} else {
			u[0] = (char)(0xf0 | (key >> 18));
			u[1] = (char)(0x80 | ((key >> 12) & 0x3f));
			u[2] = (char)(0x80 | ((key >> 6) & 0x3f));
			u[3] = (char)(0x80 | (key & 0x3f));
			n = 4;
		}
		snprintf(buf, len, "%.*s", n, u);
	} else
		snprintf(buf, len, "<%d>", key);
	return buf;
}

static void
add_binding(struct keymap *km, const int *keys, int n, int action)
{
	struct key_binding *b;
	size_t i;

	/* a key sequence means one thing: the newest binding wins */
	for (i = 0; i < km->n; i++) {
		b = &km->b[i];
		if (b->nkeys == n && memcmp(b->keys, keys, sizeof *keys * (size_t)n) == 0) {
			b->action = action;
			return;
		}
	}
	km->b = xreallocarray(km->b, km->n + 1, sizeof *km->b);
	b = &km->b[km->n++];
	memset(b, 0, sizeof *b);
	memcpy(b->keys, keys, sizeof *keys * (size_t)n);
	b->nkeys = n;
	b->action = action;
}

void
keymap_default(struct keymap *km)
{
	int i, keys[KEYSEQ_MAX], n;
	char *dup, *tok, *save;

	km->b = NULL;
	km->n = 0;
	for (i = 0; i < ACT_COUNT; i++) {
		dup = xstrdup(key_actions[i].keys);
		for (tok = strtok_r(dup, " ", &save); tok != NULL;
		    tok = strtok_r(NULL, " ", &save))
			if ((n = key_parse(tok, keys)) > 0)
				add_binding(km, keys, n, i);
		free(dup);
	}
}

int
keymap_set(struct keymap *km, int action, const char *const *names, size_t nnames,
    char *err, size_t errlen)
{
	int keys[KEYSEQ_MAX], n;
	size_t i, j;

	for (i = 0; i < nnames; i++)
		if (key_parse(names[i], keys) < 0)
			return seterr(err, errlen, "unknown key name \"%s\"", names[i]);
	/* the new list replaces the action's keys */
	for (i = j = 0; i < km->n; i++)
		if (km->b[i].action != action)
			km->b[j++] = km->b[i];
	km->n = j;
	for (i = 0; i < nnames; i++) {
		n = key_parse(names[i], keys);
		add_binding(km, keys, n, action);
	}
	return 0;
}

int
keymap_lookup(const struct keymap *km, const int *keys, int n)
{
	size_t i;
	int prefix = 0;

	for (i = 0; i < km->n; i++) {
		const struct key_binding *b = &km->b[i];

		if (b->nkeys == n && memcmp(b->keys, keys, sizeof *keys * (size_t)n) == 0)
			return b->action;
		if (b->nkeys > n && memcmp(b->keys, keys, sizeof *keys * (size_t)n) == 0)
			prefix = 1;
	}
	return prefix ? KEYMAP_PREFIX : KEYMAP_NONE;
}

char *
keymap_describe(const struct keymap *km, int action)
{
	struct buf b = { 0 };
	char name[32];
	size_t i;
	int k;

	for (i = 0; i < km->n; i++) {
		if (km->b[i].action != action)
			continue;
		if (b.len > 0)
			buf_adds(&b, " ");
		for (k = 0; k < km->b[i].nkeys; k++)
			buf_adds(&b, keyc_name(km->b[i].keys[k], name, sizeof name));
	}
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

void
keymap_free(struct keymap *km)
{
	free(km->b);
	km->b = NULL;
	km->n = 0;
}
