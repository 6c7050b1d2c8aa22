/* ini.h - INI files read through iniparser, with every problem reported as FILE:LINE */
#ifndef LEDE_INI_H
#define LEDE_INI_H

#include <stddef.h>

#include "lede/config.h"

/* iniparser rejects a whole line longer than this (1,024-byte buffer with the '\n'). */
#define INI_MAXLINE 1022

/* One "key = value" line that survived the scan. */
struct ini_entry {
	char	*section;	/* lower-case, as iniparser stores it */
	char	*key;		/* lower-case ASCII, as iniparser stores it */
	size_t	 line;		/* first physical line (continued lines start here) */
	int	 superseded;	/* a later line sets the same key: iniparser keeps that one */
};

struct ini_section {
	char	*name;
	size_t	 line;		/* first header line naming it */
};

struct ini {
	char			*file;		/* as given, for messages */
	struct ini_entry	*entries;	/* in file order */
	size_t			 nentries;
	struct ini_section	*sections;	/* in file order, each name once */
	size_t			 nsections;
	void			*dict;		/* iniparser's dictionary of the cleaned copy */
	config_warn_fn		 warn;
	void			*ctx;
	int			 problems;	/* all problems, reported or not */
	int			 reported;
};

/* Stop reporting (but keep counting) after this many messages per file. */
#define INI_MAXREPORT 20

/* Read path. implicit names the section that keys before the first header belong to
 * (NULL: they are a problem). Returns 0, 1 if missing_ok and the file does not exist
 * (nothing reported), or -1 if it could not be read at all (reported). The ini is
 * always initialised and must be given to ini_close(). */
int		 ini_open(struct ini *, const char *path, const char *implicit, int missing_ok,
		    config_warn_fn warn, void *ctx);
/* The value iniparser parsed for an entry (quotes removed, inline comment cut). */
const char	*ini_value(const struct ini *, const struct ini_entry *);
/* Report "FILE:LINE: message" (line 0: "FILE: message") and count it. */
void		 ini_problem(struct ini *, size_t line, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/* Finish: report how many problems went unreported, free everything. */
void		 ini_close(struct ini *);
/* s made safe to quote in a message: control bytes and bad UTF-8 become '?', cut
 * to about 60 bytes. Returns buf. */
const char	*ini_quote(const char *s, char *buf, size_t len);

#endif
