/* ui.h - the curses reader */
#ifndef LEDE_UI_H
#define LEDE_UI_H

#include <stddef.h>

struct ui_opts {
	char *const	*paths;		/* files and directories to open */
	size_t		 npaths;	/* 0: the configured corpus, else the samples */
	const char	*config;	/* -c FILE, or NULL for the XDG config */
};

/* Run the reader until the user quits. Returns the process exit status. */
int	ui_main(const struct ui_opts *);

#endif
