/* util.h - allocation that cannot fail, growable buffers, error messages */
#ifndef LEDE_UTIL_H
#define LEDE_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define LEDE_ERRLEN 512

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/* Fill a caller's error buffer; always returns -1 so callers can "return seterr(...)". */
int	 seterr(char *err, size_t errlen, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* A growable byte buffer; s is always NUL-terminated when cap > 0. */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};
void	 buf_grow(struct buf *, size_t extra);
void	 buf_adds(struct buf *, const char *);
/* A string literal, its length known when compiled. */
#define buf_addlit(b, lit)	buf_add((b), "" lit, sizeof(lit) - 1)
void	 buf_addf(struct buf *, const char *, ...) __attribute__((format(printf, 2, 3)));
void	 buf_free(struct buf *);
char	*buf_detach(struct buf *);	/* returns the string (owned), resets the buffer */

/* Inline: the writers and the entity finder add a few bytes at a time, hundreds
 * of thousands of times per megabyte, and almost every addition fits. */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
	if (n > 0)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

/* 64-bit FNV-1a: the article text hash used for identity and the index. */
uint64_t hash_bytes(const void *, size_t);

/* Eight bytes at a time, for the hash tables of names (gazetteer keys, word
 * lists): a byte loop costs several instructions a letter, and they are asked
 * about every word of every article. */

/* The eight bytes with their ASCII capitals lowered (bytes from 0x80 up kept). */
static inline uint64_t
lower8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
	uint64_t low7 = w & ~high;
	/* high bit of each byte: >= 'A', then > 'Z', then ASCII */
	uint64_t ge_a = low7 + ones * (0x80 - 'A');
	uint64_t gt_z = low7 + ones * (0x80 - 'Z' - 1);

	return w | (((ge_a ^ gt_z) & ~w & high) >> 2);
}

/* The last (or only) eight bytes of s[0, n), n >= 1, as one word: overlapping
 * what came before, or for short strings two overlapping halves, or under four
 * bytes the first, middle and last. Every byte is in some word; hash n too. */
static inline uint64_t
tail8(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t w;
	uint32_t lo, hi;

	if (n >= 8) {
		memcpy(&w, u + n - 8, 8);
		return w;
	}
	if (n >= 4) {
		memcpy(&lo, u, 4);
		memcpy(&hi, u + n - 4, 4);
		return lo | (uint64_t)hi << 32;
	}
	return u[0] | (uint32_t)u[n / 2] << 8 | (uint32_t)u[n - 1] << 16;
}

/* One step of those hashes: a word mixed into h. */
static inline uint64_t
hash_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
	return h ^ (h >> 32);
}

/* Length (1-4) of the valid UTF-8 sequence at s, or 0 when it is not valid:
 * no overlong forms, surrogates or code points past U+10FFFF. Inline: the input
 * check and the JSON writer call it for every non-ASCII character. */
static inline size_t
utf8_valid_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return (n >= 2 && (s[1] & 0xc0) == 0x80) ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && s[1] < 0xa0)
			return 0;
		if (c == 0xed && s[1] >= 0xa0)
			return 0;
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && s[1] < 0x90)
			return 0;
		if (c == 0xf4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

/* Called once before lede stops for want of memory: the reader restores the
 * terminal there. stdout is flushed after it. */
void	 util_set_oom_hook(void (*)(void));

/* The most read_file reads (the largest article benchmarked is 50 MB). */
#define READ_FILE_MAX	((size_t)2 << 30)

/* Open a regular file for reading; anything else (a FIFO, a device, a directory)
 * is refused at once, without waiting for a writer. Returns the descriptor, or -1
 * with "PATH: problem" in err. */
int	 open_regular(const char *path, char *err, size_t errlen);
/* Read a whole regular file of at most max bytes. Returns 0 or -1 with a message
 * "PATH: problem" in err. */
int	 read_file_max(const char *path, size_t max, char **data, size_t *len, char *err,
	    size_t errlen);
/* read_file_max with READ_FILE_MAX. */
int	 read_file(const char *path, char **data, size_t *len, char *err, size_t errlen);

/* Write a file atomically (temp file in the same directory, fsync, rename). */
int	 write_file_atomic(const char *path, const void *data, size_t len, char *err,
	    size_t errlen);

/* Edit distance of two byte strings, ASCII letters folded: insertions, deletions
 * and substitutions, and with swaps an exchange of two neighbours (optimal string
 * alignment). Above cap, or for a string over EDIT_MAX bytes, returns cap + 1. */
#define EDIT_MAX	64
size_t	 edit_distance(const char *a, size_t an, const char *b, size_t bn, size_t cap,
	    int swaps);

/* mkdir -p */
int	 mkdir_p(const char *path, char *err, size_t errlen);

#endif
