/* util.c - allocation that cannot fail, buffers, files */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lede/util.h"

static void (*oom_hook)(void);

void
util_set_oom_hook(void (*hook)(void))
{
	oom_hook = hook;
}

/* Out of memory: give the terminal back, keep what stdout already holds (the
 * records written so far are whole), then say so and stop. */
static void
oom(size_t n)
{
	void (*hook)(void) = oom_hook;

	oom_hook = NULL;	/* the hook itself might run out */
	if (hook != NULL)
		hook();
	fflush(stdout);
	fprintf(stderr, "lede: out of memory allocating %zu bytes\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom(n);
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		oom(SIZE_MAX);
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		oom(strlen(fmt));
	va_end(ap);
	return s;
}

int
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->s = xrealloc(b->s, b->cap);
}


void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}


void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	int n;

	/* Format straight into the spare room: most calls fit, and formatting
	 * twice (once to measure) doubled the cost of the JSON writers. */
	va_start(ap, fmt);
	n = vsnprintf(room > 0 ? b->s + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		if (room > 0)
			b->s[b->len] = '\0';
		return;
	}
	if ((size_t)n < room) {
		b->len += (size_t)n;
		return;
	}
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

char *
buf_detach(struct buf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n-- > 0) {
		h ^= *s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

int
open_regular(const char *path, char *err, size_t errlen)
{
	struct stat st;
	int fd, e;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return seterr(err, errlen, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) == -1) {
		e = errno;
		close(fd);
		return seterr(err, errlen, "%s: %s", path, strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		if (S_ISDIR(st.st_mode))
			return seterr(err, errlen, "%s: %s", path, strerror(EISDIR));
		return seterr(err, errlen, "%s: not a regular file, skipped", path);
	}
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) == -1) {
		e = errno;
		close(fd);
		return seterr(err, errlen, "%s: %s", path, strerror(e));
	}
	return fd;
}

int
read_file_max(const char *path, size_t max, char **data, size_t *len, char *err,
    size_t errlen)
{
	struct stat st;
	struct buf b = { 0 };
	ssize_t r;
	int fd;

	if ((fd = open_regular(path, err, errlen)) == -1)
		return -1;
	if (fstat(fd, &st) == -1) {
		int e = errno;
		close(fd);
		return seterr(err, errlen, "%s: %s", path, strerror(e));
	}
	if ((uintmax_t)st.st_size > max) {
		close(fd);
		return seterr(err, errlen, "%s: larger than %zu MB, skipped", path,
		    max >> 20);
	}
	/* Straight into the buffer: sized from the file (plus one byte, so that
	 * the end is seen without growing), else grown as the data comes. */
	buf_grow(&b, st.st_size > 0 ? (size_t)st.st_size + 1 : 65536);
	for (;;) {
		if (b.len >= max) {
			/* a file that grows while it is read (or /proc) */
			close(fd);
			buf_free(&b);
			return seterr(err, errlen, "%s: larger than %zu MB, skipped", path,
			    max >> 20);
		}
		if (b.cap - b.len < 2)
			buf_grow(&b, b.cap);
		r = read(fd, b.s + b.len, b.cap - b.len - 1);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			seterr(err, errlen, "%s: %s", path, strerror(errno));
			close(fd);
			buf_free(&b);
			return -1;
		}
		b.len += (size_t)r;
	}
	b.s[b.len] = '\0';
	close(fd);
	*len = b.len;
	*data = buf_detach(&b);
	return 0;
}

static inline unsigned char
fold_ascii(char c)
{
	return (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

size_t
edit_distance(const char *a, size_t an, const char *b, size_t bn, size_t cap, int swaps)
{
	size_t d[3][EDIT_MAX + 1], i, j;
	size_t *pp = d[0], *p = d[1], *c = d[2], *t;

	if (an > EDIT_MAX || bn > EDIT_MAX || (an > bn ? an - bn : bn - an) > cap)
		return cap + 1;
	for (j = 0; j <= bn; j++)
		p[j] = j;
	for (i = 1; i <= an; i++) {
		size_t best = c[0] = i;

		for (j = 1; j <= bn; j++) {
			unsigned char x = fold_ascii(a[i - 1]), y = fold_ascii(b[j - 1]);
			size_t v = p[j - 1] + (x != y);

			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (swaps && i > 1 && j > 1 && x == fold_ascii(b[j - 2]) &&
			    fold_ascii(a[i - 2]) == y && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[bn];
}

int
read_file(const char *path, char **data, size_t *len, char *err, size_t errlen)
{
	return read_file_max(path, READ_FILE_MAX, data, len, err, errlen);
}

int
write_file_atomic(const char *path, const void *data, size_t len, char *err,
    size_t errlen)
{
	char *tmp = xasprintf("%s.tmpXXXXXX", path);
	const char *p = data;
	int fd, saved;

	if ((fd = mkstemp(tmp)) == -1) {
		saved = errno;
		free(tmp);
		return seterr(err, errlen, "%s: %s", path, strerror(saved));
	}
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail;
		p += w;
		len -= (size_t)w;
	}
	if (fsync(fd) == -1 || close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, path) == -1) {
		fd = -1;
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	free(tmp);
	return seterr(err, errlen, "%s: %s", path, strerror(saved));
}

int
mkdir_p(const char *path, char *err, size_t errlen)
{
	char *p = xstrdup(path), *s;
	struct stat st;

	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST) {
			seterr(err, errlen, "%s: %s", p, strerror(errno));
			free(p);
			return -1;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	if (stat(p, &st) == -1 || !S_ISDIR(st.st_mode)) {
		seterr(err, errlen, "%s: not a directory", p);
		free(p);
		return -1;
	}
	free(p);
	return 0;
}

