/* config.c - placeholder until the configuration work lands: defaults only */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lede/config.h"
#include "lede/util.h"

static const char *const elem_names[TH_COUNT] = {
	"normal", "border", "header", "list", "list_selected", "list_selected_inactive",
	"status", "status_error", "cursor", "title", "subheading", "dim", "search", "flag",
	"margin", "person", "place", "org", "mention_selected", "selection", "highlight",
	"note", "tag", "placeholder"
};

const char *
theme_elem_name(enum theme_elem e)
{
	return elem_names[e];
}

void
config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->theme = xstrdup("default");
}

int
config_load(struct config *c, const char *path, const char *const *actions,
    int (*valid_key)(const char *), config_warn_fn warn, void *ctx)
{
	return 0;
}

void
config_free(struct config *c)
{
	size_t i, j;

	free(c->theme);
	for (i = 0; i < c->ncorpus; i++)
		free(c->corpus[i]);
	free(c->corpus);
	for (i = 0; i < c->nbindings; i++) {
		free(c->bindings[i].action);
		for (j = 0; j < c->bindings[i].nkeys; j++)
			free(c->bindings[i].keys[j]);
		free(c->bindings[i].keys);
	}
	free(c->bindings);
	memset(c, 0, sizeof *c);
}

void
theme_default(struct theme *t)
{
	int i;

	for (i = 0; i < TH_COUNT; i++)
		t->st[i] = (struct theme_style){ -1, -1, 0 };
	t->st[TH_LIST_SELECTED].attrs = THEME_REVERSE;
	t->st[TH_CURSOR].attrs = THEME_REVERSE;
	t->st[TH_STATUS].attrs = THEME_REVERSE;
	t->st[TH_FLAG].attrs = THEME_UNDERLINE;
	t->st[TH_DIM].attrs = THEME_DIM;
}

int
theme_load(struct theme *t, const char *name, const char *themesdir, const char *userdir,
    config_warn_fn warn, void *ctx)
{
	theme_default(t);
	return 0;
}

int
theme_color_fallback(int color, int ncolors)
{
	return ncolors >= 256 ? color : -1;
}
