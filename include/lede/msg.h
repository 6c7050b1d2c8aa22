/* msg.h - messages on stderr that cannot drive the terminal */
#ifndef LEDE_MSG_H
#define LEDE_MSG_H

#include <stdarg.h>
#include <stdio.h>

/* "PREFIX: MESSAGE\n" on stderr after flushing stdout, the message neutralised as
 * the screen does it (escape sequences and controls become placeholders, newlines
 * spaces, invalid UTF-8 U+FFFD): file names and article text reach no terminal
 * raw. A NULL prefix is "lede". */
void	msg_print(const char *prefix, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	msg_vprint(const char *prefix, const char *fmt, va_list);
/* The neutralised copy itself (owned). */
char	*msg_neutralise(const char *s, size_t n);
/* For callbacks that take (message, ctx): msg_print(NULL, "%s", msg). */
void	msg_cb(const char *msg, void *ctx);
/* Write s[0, n) to f neutralised, keeping its newlines and tabs (a body of text). */
void	msg_write_text(FILE *f, const char *s, size_t n);

#endif
