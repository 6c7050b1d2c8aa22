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
/* A command's exit status once its output is written: stdout flushed, 1 when it
 * could not be written (said on stderr) or when problems is not 0, else 0. */
int	msg_exit_status(int problems);
/* Write s[0, n) to f neutralised, keeping its newlines and tabs (a body of text). */
void	msg_write_text(FILE *f, const char *s, size_t n);

#endif
