/* config.c - config.ini: [ui], [corpus] and [keys], read through ini.c */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede/clean.h"
#include "lede/config.h"
#include "lede/ini.h"
#include "lede/paths.h"
#include "lede/util.h"

/* Pane widths beyond this are typing mistakes, not terminals. */
#define CONFIG_MAXWIDTH 1000

void
config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->theme = xstrdup("default");
	/* casing nits are the most often wrong and the least grave: off until asked */
	c->flag_kinds = (1u << (AK_OTHER + 1)) - 1;
	c->flag_kinds &= ~(1u << AK_CASING);
}

/* "all", "none" or a list of artifact kinds separated by commas or spaces. */
static int
parse_kinds(const char *v, unsigned *out, char *bad, size_t badlen)
{
	unsigned m = 0;

	while (*v != '\0') {
		size_t n;
		int k;
		while (*v == ' ' || *v == ',' || *v == '\t')
			v++;
		n = strcspn(v, " ,\t");
		if (n == 0)
			break;
		if (n == 3 && strncmp(v, "all", 3) == 0)
			m |= (1u << (AK_OTHER + 1)) - 1;
		else if (!(n == 4 && strncmp(v, "none", 4) == 0)) {
			for (k = 0; k <= AK_OTHER; k++)
				if (strlen(artifact_kind_name((enum artifact_kind)k)) == n &&
				    strncmp(v, artifact_kind_name((enum artifact_kind)k), n) == 0)
					break;
			if (k > AK_OTHER) {
				snprintf(bad, badlen, "%.*s", (int)n, v);
				return -1;
			}
			m |= 1u << k;
		}
		v += n;
	}
	*out = m;
	return 0;
}

static void
binding_free(struct config_binding *b)
{
	size_t j;

	free(b->action);
	for (j = 0; j < b->nkeys; j++)
		free(b->keys[j]);
	free(b->keys);
}

void
config_free(struct config *c)
{
	size_t i;

	free(c->theme);
	for (i = 0; i < c->ncorpus; i++)
		free(c->corpus[i]);
	free(c->corpus);
	for (i = 0; i < c->nbindings; i++)
		binding_free(&c->bindings[i]);
	free(c->bindings);
	memset(c, 0, sizeof *c);
}

/* Decimal only: iniparser_getint would read "042" as octal 34 and "12abc" as 12. */
static int
parse_width(const char *s, int *out)
{
	long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > CONFIG_MAXWIDTH)
			return -1;
	}
	*out = (int)v;
	return 0;
}

/* iniparser_getboolean only looks at the first letter and knows no "on"/"off". */
static int
parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

/* "~/x" is in $HOME; a relative path is relative to the config file's directory. */
static char *
corpus_path(const char *file, const char *p, size_t n)
{
	const char *home = getenv("HOME"), *slash;

	if (n >= 1 && p[0] == '~' && (n == 1 || p[1] == '/') && home != NULL && *home != '\0')
		return xasprintf("%s%.*s", home, (int)(n - 1), p + 1);
	if (p[0] == '/' || (slash = strrchr(file, '/')) == NULL)
		return xstrndup(p, n);
	return xasprintf("%.*s/%.*s", (int)(slash - file), file, (int)n, p);
}

static void
apply_ui(struct config *c, struct ini *ini, const struct ini_entry *e)
{
	const char *v = ini_value(ini, e);
	char q[80];
	int n;

	if (strcmp(e->key, "list_width") == 0 || strcmp(e->key, "entity_width") == 0) {
		if (parse_width(v, &n) == -1)
			ini_problem(ini, e->line, "%s: '%s' is not a whole number from 0 to %d; "
			    "default kept", e->key, ini_quote(v, q, sizeof q), CONFIG_MAXWIDTH);
		else if (e->key[0] == 'l')
			c->list_width = n;
		else
			c->entity_width = n;
	} else if (strcmp(e->key, "theme") == 0) {
		if (*v == '\0')
			ini_problem(ini, e->line, "theme: empty value; default kept");
		else {
			size_t vl = strlen(v);

			free(c->theme);
			/* a path (as theme_load tells one from a name) is read like
			 * the corpus paths: ~ is home, relative to this file */
			if (strchr(v, '/') != NULL || v[0] == '~' ||
			    (vl > 4 && strcmp(v + vl - 4, ".ini") == 0))
				c->theme = corpus_path(ini->file, v, vl);
			else
				c->theme = xstrdup(v);
		}
	} else if (strcmp(e->key, "show_boilerplate") == 0) {
		if (parse_bool(v, &n) == -1)
			ini_problem(ini, e->line, "show_boilerplate: '%s' is not yes/no, "
			    "true/false, on/off or 1/0; default kept", ini_quote(v, q, sizeof q));
		else
			c->show_boilerplate = n;
	} else if (strcmp(e->key, "flag_kinds") == 0) {
		char bad[40];
		unsigned m;
		if (parse_kinds(v, &m, bad, sizeof bad) == -1)
			ini_problem(ini, e->line, "flag_kinds: '%s' is not an artifact kind; "
			    "default kept", ini_quote(bad, q, sizeof q));
		else
			c->flag_kinds = m;
	} else
		ini_problem(ini, e->line, "unknown setting '%s' in [ui]; ignored",
		    ini_quote(e->key, q, sizeof q));
}

static int
is_path_key(const char *k)
{
	if (strncmp(k, "path", 4) != 0)
		return 0;
	for (k += 4; *k != '\0'; k++)
		if (*k < '0' || *k > '9')
			return 0;
	return 1;
}

static void
apply_corpus(struct config *c, struct ini *ini, const struct ini_entry *e)
{
	const char *v = ini_value(ini, e), *colon;
	char q[80];
	size_t n;

	if (strcmp(e->key, "paths") != 0 && !is_path_key(e->key)) {
		ini_problem(ini, e->line, "unknown setting '%s' in [corpus]; ignored",
		    ini_quote(e->key, q, sizeof q));
		return;
	}
	/* "paths" is ':'-separated like $PATH; "path", "path1", ... hold one path each */
	for (;;) {
		colon = e->key[4] == 's' ? strchr(v, ':') : NULL;
		n = colon != NULL ? (size_t)(colon - v) : strlen(v);
		if (n > 0) {
			c->corpus = xreallocarray(c->corpus, c->ncorpus + 1, sizeof *c->corpus);
			c->corpus[c->ncorpus++] = corpus_path(ini->file, v, n);
		}
		if (colon == NULL)
			break;
		v = colon + 1;
	}
}

static int
is_action(const char *const *actions, const char *name)
{
	if (actions == NULL)
		return 1;
	for (; *actions != NULL; actions++)
		if (strcmp(*actions, name) == 0)
			return 1;
	return 0;
}

static void
apply_keys(struct config *c, struct ini *ini, const struct ini_entry *e,
    const char *const *actions, int (*valid_key)(const char *))
{
	struct config_binding b = { 0 };
	const char *v = ini_value(ini, e), *end;
	char q[80], *name;
	size_t i, n;
	int bad = 0, more;

	if (!is_action(actions, e->key)) {
		ini_problem(ini, e->line, "unknown action '%s'", ini_quote(e->key, q, sizeof q));
		return;
	}
	/* an empty value is an empty list; "a," is "a" and an empty name */
	for (more = *v != '\0'; more; ) {
		end = strchr(v, ',');
		more = end != NULL;
		n = end != NULL ? (size_t)(end - v) : strlen(v);
		while (n > 0 && (*v == ' ' || *v == '\t')) {
			v++;
			n--;
		}
		while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
			n--;
		name = xstrndup(v, n);
		if (n == 0) {
			ini_problem(ini, e->line, "empty key name in the list for '%s'", e->key);
			bad++;
			free(name);
		} else if (valid_key != NULL && !valid_key(name)) {
			ini_problem(ini, e->line, "unknown key '%s'", ini_quote(name, q, sizeof q));
			bad++;
			free(name);
		} else {
			b.keys = xreallocarray(b.keys, b.nkeys + 1, sizeof *b.keys);
			b.keys[b.nkeys++] = name;
		}
		if (more)
			v = end + 1;
	}
	/* An empty list unbinds the action; a list with only bad names changes nothing. */
	if (b.nkeys == 0 && bad > 0)
		return;
	b.action = xstrdup(e->key);
	for (i = 0; i < c->nbindings; i++) {
		if (strcmp(c->bindings[i].action, b.action) == 0) {
			binding_free(&c->bindings[i]);
			c->bindings[i] = b;
			return;
		}
	}
	c->bindings = xreallocarray(c->bindings, c->nbindings + 1, sizeof *c->bindings);
	c->bindings[c->nbindings++] = b;
}

int
config_load(struct config *c, const char *path, const char *const *actions,
    int (*valid_key)(const char *), config_warn_fn warn, void *ctx)
{
	static const char *const known[] = { "ui", "corpus", "keys" };
	struct ini ini;
	const struct ini_entry *e;
	char *dir = NULL, *file, q[80];
	size_t i, j;
	int problems, r;

	if (path == NULL) {
		dir = paths_config_dir();
		file = xasprintf("%s/config.ini", dir);
		free(dir);
	} else
		file = xstrdup(path);
	r = ini_open(&ini, file, NULL, path == NULL, warn, ctx);
	free(file);
	if (r == 0) {
		for (i = 0; i < ini.nsections; i++) {
			for (j = 0; j < sizeof known / sizeof known[0]; j++)
				if (strcmp(ini.sections[i].name, known[j]) == 0)
					break;
			if (j == sizeof known / sizeof known[0])
				ini_problem(&ini, ini.sections[i].line,
				    "unknown section [%s]; ignored",
				    ini_quote(ini.sections[i].name, q, sizeof q));
		}
		for (i = 0; i < ini.nentries; i++) {
			e = &ini.entries[i];
			if (e->superseded)
				continue;
			if (strcmp(e->section, "ui") == 0)
				apply_ui(c, &ini, e);
			else if (strcmp(e->section, "corpus") == 0)
				apply_corpus(c, &ini, e);
			else if (strcmp(e->section, "keys") == 0)
				apply_keys(c, &ini, e, actions, valid_key);
		}
	}
	problems = ini.problems;
	ini_close(&ini);
	return problems;
}
