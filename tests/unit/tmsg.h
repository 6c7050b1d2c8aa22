/* tmsg.h - collect the messages a module reports through its warn callback */
#ifndef LEDE_TMSG_H
#define LEDE_TMSG_H

#include <stdlib.h>

#include "lede/util.h"

#define MAXMSG 64

struct msgs {
	char	*m[MAXMSG];
	int	 n;		/* how many came; only the first MAXMSG are kept */
};

static void
collect(const char *msg, void *ctx)
{
	struct msgs *w = ctx;

	if (w->n < MAXMSG)
		w->m[w->n] = xstrdup(msg);
	w->n++;
}

static void
msgs_reset(struct msgs *w)
{
	int i;

	for (i = 0; i < w->n && i < MAXMSG; i++)
		free(w->m[i]);
	w->n = 0;
}

#endif
