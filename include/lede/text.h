/* text.h - UTF-8 for the screen: decoding, grapheme widths, sanitising, wrapping.
 * No curses here: the UI draws what these functions measure, so both agree. */
#ifndef LEDE_TEXT_H
#define LEDE_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s (n > 0). An invalid or truncated sequence gives
 * U+FFFD and consumes one byte, so offsets stay in the original bytes.
 * Returns the number of bytes consumed (1-4). */
size_t	text_decode(const char *s, size_t n, uint32_t *uc);

/* Length of the terminal escape sequence that starts at s[0] == ESC (or at a C1
 * introducer U+009B CSI, U+009D OSC, U+0090 DCS): CSI up to its final byte, OSC,
 * DCS, SOS, PM and APC up to BEL or ST, otherwise ESC plus one byte. Bounded by n
 * and by the end of the line. Returns 0 when s does not start a sequence. */
size_t	text_escape_len(const char *s, size_t n);

enum glyph_kind {
	GLYPH_TEXT,		/* a grapheme cluster drawn from the source bytes */
	GLYPH_SPACE,		/* a space or tab: drawn as spaces, may hang at a row end */
	GLYPH_PLACEHOLDER,	/* a control character or part of an escape sequence */
	GLYPH_INVALID,		/* an invalid UTF-8 byte: drawn as U+FFFD */
	GLYPH_HIDDEN		/* a CR at the end of a line: nothing drawn */
};

#define GLYPH_SHOW_MAX	12

/* One thing drawn in one or more columns, and the source bytes it stands for. */
struct glyph {
	size_t		 start, end;	/* byte span in the source */
	int		 width;		/* display columns */
	enum glyph_kind	 kind;
	int		 in_escape;	/* part of an escape sequence */
	int		 fallback;	/* TEXT: the terminal would count a different width
					 * (emoji sequences): draw only what fits */
	char		 show[GLYPH_SHOW_MAX];	/* PLACEHOLDER/INVALID/SPACE: what to draw */
};

/* Walks glyphs from a position that is a glyph boundary. Works in bounded chunks,
 * so a 50 MB line costs memory proportional to the chunk, time linear in bytes. */
struct text_iter {
	const char	*s;
	size_t		 n;
	size_t		 pos;
	size_t		 esc_end;	/* bytes before this are inside an escape sequence */
	char		*gb;		/* grapheme breaks for [gb_base, gb_base + gb_len) */
	size_t		 gb_base, gb_len;
	char		*lb;		/* line breaks (when want_lb) */
	size_t		 lb_base, lb_len;
	int		 want_lb;
};

void	text_iter_init(struct text_iter *, const char *s, size_t n, size_t pos);
/* Returns 1 with the next glyph, 0 at the end. */
int	text_iter_next(struct text_iter *, struct glyph *);
/* Whether a line may break before byte pos (UAX #14); pos must be a glyph start. */
int	text_iter_break_before(struct text_iter *, size_t pos);
void	text_iter_free(struct text_iter *);

/* Width in columns of s as the screen shows it (sanitised, clusters). */
int	text_width(const char *s, size_t n);
/* Display width of one grapheme cluster, and whether the terminal's own per-code-
 * point count differs (then only the first part is drawn). */
int	text_cluster_width(const char *s, size_t n, int *fallback);

/* A copy of s that is safe to print: placeholders for controls and escape sequences,
 * U+FFFD for invalid bytes, at most maxwidth columns (-1: no limit); an ellipsis
 * marks a cut. Newlines become spaces. Returns an owned NUL-terminated string. */
char	*text_sanitize(const char *s, size_t n, int maxwidth);

/* One display row of a wrapped paragraph. */
struct text_row {
	size_t	start, end;	/* byte span; trailing spaces may hang past the width */
	int	width;		/* columns used, hanging spaces not counted */
};

/* Wraps one paragraph (no '\n' inside) to a width, row by row, on demand. Rows break
 * at UAX #14 opportunities; a word longer than the width breaks between clusters. */
struct text_wrap {
	struct text_iter	it;
	int			width;
	int			done;
	int			have_pending;
	struct glyph		pending;
	/* Optional, set after text_wrap_init: columns of virtual text glued right
	 * after a glyph that is not a space (offsets relative to s), so the glyph and
	 * that text move to the next row together. */
	int			(*extra)(void *ctx, size_t start, size_t end);
	void			*extra_ctx;
};

void	text_wrap_init(struct text_wrap *, const char *s, size_t n, int width);
/* Returns 1 with the next row, 0 after the last. An empty paragraph gives one
 * empty row. */
int	text_wrap_next(struct text_wrap *, struct text_row *);
void	text_wrap_free(struct text_wrap *);

/* Case-insensitive substring search in s[from..n) (simple case mapping per code
 * point: "москва" finds "Москва"). Returns the offset of the match, with its length
 * in bytes in *mlen (may be NULL), or (size_t)-1. */
size_t	text_find(const char *s, size_t n, size_t from, const char *pat, size_t plen,
	    size_t *mlen);
/* The same, backwards: the last match starting before 'before'. */
size_t	text_rfind(const char *s, size_t n, size_t before, const char *pat, size_t plen,
	    size_t *mlen);

#endif
