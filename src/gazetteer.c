/* gazetteer.c - name lists. Each file is read once and kept; rows point into it. Keys
 * are casefolded (ASCII by hand, the rest with libunistring, which needs the result
 * length because it does not NUL-terminate) into one arena, and an open-addressing
 * table of key indexes finds them. ~140k rows load in a few milliseconds. */
#include <config.h>

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicase.h>
#include <uninorm.h>

#include "lede/gazetteer.h"
#include "lede/util.h"

struct gz_key {
	uint32_t	off, len;	/* folded bytes in the arena */
	uint32_t	hash;
	uint32_t	first, last;	/* rows */
	unsigned	mask;
};

struct gz_file {
	char	*data;
	size_t	 len;
	int	 mapped;	/* mmap()ed, else malloc()ed */
};

struct gz_slot {
	uint32_t	hash;
	uint32_t	key;
};

struct gazetteer {
	struct gz_file	 *bufs;		/* the files, which rows point into */
	size_t		  nbufs;
	struct gz_row	 *rows;
	size_t		  nrows, rowcap;
	struct gz_key	 *keys;
	size_t		  nkeys, keycap;
	struct gz_slot	 *slots;	/* hash and key index + 1 (0: empty), so that a
					 * probe reads no key unless the hash matches */
	size_t		  nslots;	/* a power of two */
	struct buf	  arena;
	struct buf	  tmp;
	size_t		  lastkey;	/* the key of the last row added */
};

/* The casefolded NFC form of U+0100..U+017F (Latin Extended-A: Polish, Czech,
 * Turkish, Baltic names), as u8_casefold gives it, by code point. These letters
 * are starters that compose with nothing after them but combining marks, which
 * take the slow path, so a name of them folds letter by letter; test_gazetteer
 * checks the table against libunistring. */
static const char latin_a_fold[128][4] = {
	"\xc4\x81", "\xc4\x81", "\xc4\x83", "\xc4\x83",	/* U+0100 */
	"\xc4\x85", "\xc4\x85", "\xc4\x87", "\xc4\x87",	/* U+0104 */
	"\xc4\x89", "\xc4\x89", "\xc4\x8b", "\xc4\x8b",	/* U+0108 */
	"\xc4\x8d", "\xc4\x8d", "\xc4\x8f", "\xc4\x8f",	/* U+010C */
	"\xc4\x91", "\xc4\x91", "\xc4\x93", "\xc4\x93",	/* U+0110 */
	"\xc4\x95", "\xc4\x95", "\xc4\x97", "\xc4\x97",	/* U+0114 */
	"\xc4\x99", "\xc4\x99", "\xc4\x9b", "\xc4\x9b",	/* U+0118 */
	"\xc4\x9d", "\xc4\x9d", "\xc4\x9f", "\xc4\x9f",	/* U+011C */
	"\xc4\xa1", "\xc4\xa1", "\xc4\xa3", "\xc4\xa3",	/* U+0120 */
	"\xc4\xa5", "\xc4\xa5", "\xc4\xa7", "\xc4\xa7",	/* U+0124 */
	"\xc4\xa9", "\xc4\xa9", "\xc4\xab", "\xc4\xab",	/* U+0128 */
	"\xc4\xad", "\xc4\xad", "\xc4\xaf", "\xc4\xaf",	/* U+012C */
	"i\xcc\x87", "\xc4\xb1", "\xc4\xb3", "\xc4\xb3",	/* U+0130 */
	"\xc4\xb5", "\xc4\xb5", "\xc4\xb7", "\xc4\xb7",	/* U+0134 */
	"\xc4\xb8", "\xc4\xba", "\xc4\xba", "\xc4\xbc",	/* U+0138 */
	"\xc4\xbc", "\xc4\xbe", "\xc4\xbe", "\xc5\x80",	/* U+013C */
	"\xc5\x80", "\xc5\x82", "\xc5\x82", "\xc5\x84",	/* U+0140 */
	"\xc5\x84", "\xc5\x86", "\xc5\x86", "\xc5\x88",	/* U+0144 */
	"\xc5\x88", "\xca\xbcn", "\xc5\x8b", "\xc5\x8b",	/* U+0148 */
	"\xc5\x8d", "\xc5\x8d", "\xc5\x8f", "\xc5\x8f",	/* U+014C */
	"\xc5\x91", "\xc5\x91", "\xc5\x93", "\xc5\x93",	/* U+0150 */
	"\xc5\x95", "\xc5\x95", "\xc5\x97", "\xc5\x97",	/* U+0154 */
	"\xc5\x99", "\xc5\x99", "\xc5\x9b", "\xc5\x9b",	/* U+0158 */
	"\xc5\x9d", "\xc5\x9d", "\xc5\x9f", "\xc5\x9f",	/* U+015C */
	"\xc5\xa1", "\xc5\xa1", "\xc5\xa3", "\xc5\xa3",	/* U+0160 */
	"\xc5\xa5", "\xc5\xa5", "\xc5\xa7", "\xc5\xa7",	/* U+0164 */
	"\xc5\xa9", "\xc5\xa9", "\xc5\xab", "\xc5\xab",	/* U+0168 */
	"\xc5\xad", "\xc5\xad", "\xc5\xaf", "\xc5\xaf",	/* U+016C */
	"\xc5\xb1", "\xc5\xb1", "\xc5\xb3", "\xc5\xb3",	/* U+0170 */
	"\xc5\xb5", "\xc5\xb5", "\xc5\xb7", "\xc5\xb7",	/* U+0174 */
	"\xc3\xbf", "\xc5\xba", "\xc5\xba", "\xc5\xbc",	/* U+0178 */
	"\xc5\xbc", "\xc5\xbe", "\xc5\xbe", "s",	/* U+017C */
};

/* The last byte of E2 80 xx punctuation that folds to itself and composes with
 * nothing: dashes, quotes, the ellipsis (glossary phrases such as "Biden–Putin
 * summit" have them), and U+2019, which becomes the ASCII apostrophe. */
static int
typo_same(unsigned char c)
{
	return c == 0x93 || c == 0x94 || c == 0x98 || c == 0x99 || c == 0x9C ||
	    c == 0x9D || c == 0xA6;
}

void
gz_fold(const char *s, size_t n, struct buf *out)
{
	size_t i, len;
	uint8_t *r;
	struct buf t = { 0 };

	out->len = 0;
	buf_grow(out, n + 1);
	/* ASCII folds as it is checked, in one pass; at the first other byte
	 * what was written is dropped (out->len is still 0). */
	for (i = 0; i < n; i++) {
		char c = s[i];

		if ((unsigned char)c >= 0x80)
			break;
		out->s[i] = c >= 'A' && c <= 'Z' ? c + 32 : c;
	}
	if (i == n) {
		out->len = n;
		out->s[n] = '\0';
		return;
	}
	/* Latin-1 letters (C3 xx) fold by hand, as libunistring would: À..Þ to
	 * à..þ, ß to ss; Latin Extended-A (C4 xx, C5 xx) by table. Anything else
	 * goes through u8_casefold. */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80)
			continue;
		if (c >= 0xC3 && c <= 0xC5 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0xBF) {
			i++;
			continue;
		}
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    typo_same((unsigned char)s[i + 2])) {
			i += 2;
			continue;
		}
		break;
	}
	if (i == n) {
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i], d;

			if (c < 0x80) {
				buf_addc(out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
			} else if (c == 0xC3) {
				d = (unsigned char)s[++i];
				if (d == 0x9F)
					buf_add(out, "ss", 2);
				else {
					if (d >= 0x80 && d <= 0x9E && d != 0x97)
						d += 0x20;
					buf_addc(out, (char)c);
					buf_addc(out, (char)d);
				}
			} else if (c == 0xC4 || c == 0xC5) {
				d = (unsigned char)s[++i];
				buf_adds(out, latin_a_fold[(c - 0xC4) * 64 + (d - 0x80)]);
			} else if ((unsigned char)s[i + 2] == 0x99) {
				buf_addc(out, '\'');
				i += 2;
			} else {
				buf_add(out, s + i, 3);
				i += 2;
			}
		}
		return;
	}
	/* Typographic apostrophe as ASCII, so "O’Brien" finds "O'Brien". */
	for (i = 0; i < n; i++) {
		if (i + 2 < n && memcmp(s + i, "\xe2\x80\x99", 3) == 0) {
			buf_addc(&t, '\'');
			i += 2;
		} else
			buf_addc(&t, s[i]);
	}
	r = u8_casefold((const uint8_t *)t.s, t.len, NULL, UNINORM_NFC, NULL, &len);
	if (r == NULL) {
		/* out of memory or bad input: the bytes, in ASCII lower case as
		 * every key is (gz_lookup compares so) */
		for (i = 0; i < t.len; i++)
			buf_addc(out, (char)(t.s[i] >= 'A' && t.s[i] <= 'Z' ? t.s[i] + 32 :
			    t.s[i]));
	} else {
		buf_add(out, r, len);
		free(r);
	}
	buf_free(&t);
}

struct gazetteer *
gz_new(void)
{
	struct gazetteer *g = xcalloc(1, sizeof *g);

	g->nslots = 1024;
	g->slots = xcalloc(g->nslots, sizeof *g->slots);
	return g;
}

void
gz_free(struct gazetteer *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->nbufs; i++) {
		if (g->bufs[i].mapped)
			munmap(g->bufs[i].data, g->bufs[i].len);
		else
			free(g->bufs[i].data);
	}
	free(g->bufs);
	free(g->rows);
	free(g->keys);
	free(g->slots);
	buf_free(&g->arena);
	buf_free(&g->tmp);
	free(g);
}

static void	rehash(struct gazetteer *, size_t);

/* A regular file is mapped (its pages come from the page cache, populated at
 * once: no copy, few faults); anything else is read. The rows point into it. */
static int
slurp(const char *path, char **data, size_t *len, int *mapped, char *err, size_t errlen)
{
	struct stat st;
	int fd;
	void *m;

	*mapped = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return seterr(err, errlen, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return read_file(path, data, len, err, errlen);
	}
	if (st.st_size > 0) {
#ifdef MAP_POPULATE
		m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
		    fd, 0);
#else
		m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
#endif
		if (m != MAP_FAILED) {
			close(fd);
			*data = m;
			*len = (size_t)st.st_size;
			*mapped = 1;
			return 0;
		}
	}
	close(fd);		/* empty, or mmap refused: read it */
	return read_file(path, data, len, err, errlen);
}

/* Room for about n more rows, so that a big file is hashed once, not rehashed. */
/* A big array on huge pages where the system offers them: a few faults instead
 * of thousands (start-up time is mostly page faults otherwise). */
static void *
big_realloc(void *old, size_t oldsize, size_t size)
{
	void *p = NULL;

#ifdef MADV_HUGEPAGE
	if (size >= (1u << 21) && posix_memalign(&p, 1u << 21, size) == 0) {
		madvise(p, size, MADV_HUGEPAGE);
		if (old) {
			memcpy(p, old, oldsize);
			free(old);
		}
		return p;
	}
#endif
	(void)oldsize;
	return xrealloc(old, size);
}

static void
gz_reserve(struct gazetteer *g, size_t n)
{
	if (g->nrows + n > g->rowcap) {
		g->rows = big_realloc(g->rows, g->nrows * sizeof *g->rows,
		    (g->nrows + n) * sizeof *g->rows);
		g->rowcap = g->nrows + n;
	}
	if (g->nkeys + n > g->keycap) {
		g->keys = big_realloc(g->keys, g->nkeys * sizeof *g->keys,
		    (g->nkeys + n) * sizeof *g->keys);
		g->keycap = g->nkeys + n;
	}
	if ((g->nkeys + n) * 2 > g->nslots) {
		size_t ns = g->nslots;

		while ((g->nkeys + n) * 2 > ns)
			ns *= 2;
		rehash(g, ns);
	}
	buf_grow(&g->arena, n * 12);
}

/* Keys are hashed and compared eight bytes at a time (util.h), with the ASCII
 * capitals of what is asked lowered on the way (a folded key has none): an ASCII
 * name, most of what gz_lookup is asked, needs no folded copy. */

/* The hash of s[0, n) (n >= 1) in ASCII lower case; *high gets the high bits of
 * its bytes, which say whether it is all ASCII. */
static inline uint32_t
key_hash(const char *s, size_t n, uint64_t *high)
{
	uint64_t h = n * 0x9E3779B97F4A7C15ULL, w, or = 0;
	size_t i;

	for (i = 0; i + 8 < n; i += 8) {
		memcpy(&w, s + i, 8);
		or |= w;
		h = hash_mix(h, lower8(w));
	}
	w = tail8(s, n);
	*high = (or | w) & 0x8080808080808080ULL;
	h = hash_mix(h, lower8(w));
	return (uint32_t)(h ^ (h >> 29));
}

/* Is s[0, n) in ASCII lower case the folded key k[0, n)? Eight bytes at a time,
 * as key_hash loads them. */
static int
key_eq(const char *k, const char *s, size_t n)
{
	uint64_t a, b;
	size_t i;

	for (i = 0; i + 8 < n; i += 8) {
		memcpy(&a, k + i, 8);
		memcpy(&b, s + i, 8);
		if (a != lower8(b))
			return 0;
	}
	return tail8(k, n) == lower8(tail8(s, n));
}

/* The slot for key s (folded, or ASCII to be lowered): either holding it or the
 * empty one where it goes. Inline: once per lookup. */
static inline size_t
slot_of(const struct gazetteer *g, const char *s, size_t n, uint32_t h)
{
	size_t mask = g->nslots - 1, i = h & mask;
	const struct gz_key *k;

	for (;; i = (i + 1) & mask) {
		if (g->slots[i].key == 0)
			return i;
		if (g->slots[i].hash != h)
			continue;
		k = &g->keys[g->slots[i].key - 1];
		if (k->len == n && key_eq(g->arena.s + k->off, s, n))
			return i;
	}
}

static void
rehash(struct gazetteer *g, size_t newslots)
{
	size_t i, j, mask;

	free(g->slots);
	g->nslots = newslots;
	g->slots = big_realloc(NULL, 0, g->nslots * sizeof *g->slots);
	memset(g->slots, 0, g->nslots * sizeof *g->slots);
	mask = g->nslots - 1;
	for (i = 0; i < g->nkeys; i++) {
		for (j = g->keys[i].hash & mask; g->slots[j].key; j = (j + 1) & mask)
			;
		g->slots[j].hash = g->keys[i].hash;
		g->slots[j].key = (uint32_t)(i + 1);
	}
}

/* GeoNames rows start their detail with the population; country, region and
 * WordNet rows have 0 there but are well known; curated rows are trusted most. */
static int32_t
row_weight(const char *d, size_t n, enum gz_src src)
{
	int64_t pop = 0;
	size_t i;

	if (src == GZS_CURATED)
		return 100000000;
	for (i = 0; i < n && d[i] >= '0' && d[i] <= '9'; i++)
		if (pop < 100000000)
			pop = pop * 10 + (d[i] - '0');
	if (pop > 0)
		return (int32_t)(pop < 99999999 ? pop : 99999999);
	for (; i + 8 <= n; i++)
		if (memcmp(d + i, "geonames", 8) == 0)
			return 0;
	return 50000000;
}

static void	add_row(struct gazetteer *, const char *, size_t, enum gz_type,
		    enum gz_src, const char *, size_t, const char *, size_t);

void
gz_add(struct gazetteer *g, const char *name, size_t namelen, enum gz_type type,
    enum gz_src src, const char *canon, size_t canonlen)
{
	add_row(g, name, namelen, type, src, canon, canonlen, "", 0);
}

static void	add_folded(struct gazetteer *, const char *, size_t, uint32_t,
		    const char *, size_t, enum gz_type, enum gz_src, const char *, size_t,
		    const char *, size_t);

static void
add_row(struct gazetteer *g, const char *name, size_t namelen, enum gz_type type,
    enum gz_src src, const char *canon, size_t canonlen, const char *detail,
    size_t detaillen)
{
	uint64_t high;

	gz_fold(name, namelen, &g->tmp);
	if (g->tmp.len == 0)
		return;
	add_folded(g, g->tmp.s, g->tmp.len, key_hash(g->tmp.s, g->tmp.len, &high), name,
	    namelen, type, src, canon, canonlen, detail, detaillen);
}

/* Add a row whose key is already folded and hashed. */
static void
add_folded(struct gazetteer *g, const char *key, size_t klen, uint32_t h,
    const char *name, size_t namelen, enum gz_type type, enum gz_src src,
    const char *canon, size_t canonlen, const char *detail, size_t detaillen)
{
	struct gz_key *k;
	struct gz_row *r;
	size_t sl;

	/* The files are sorted: a name's rows follow each other. */
	if (g->nkeys && g->keys[g->lastkey].len == klen &&
	    memcmp(g->arena.s + g->keys[g->lastkey].off, key, klen) == 0) {
		k = &g->keys[g->lastkey];
		goto row;
	}
	sl = slot_of(g, key, klen, h);
	if (g->slots[sl].key == 0) {
		if (g->nkeys == g->keycap) {
			g->keycap = g->keycap ? g->keycap * 2 : 4096;
			g->keys = xreallocarray(g->keys, g->keycap, sizeof *g->keys);
		}
		k = &g->keys[g->nkeys];
		k->off = (uint32_t)g->arena.len;
		k->len = (uint32_t)klen;
		k->hash = h;
		k->first = k->last = UINT32_MAX;
		k->mask = 0;
		buf_add(&g->arena, key, klen);
		g->slots[sl].hash = h;
		g->slots[sl].key = (uint32_t)++g->nkeys;
		if (g->nkeys * 2 > g->nslots)
			rehash(g, g->nslots * 2);
	} else
		k = &g->keys[g->slots[sl].key - 1];
	g->lastkey = (size_t)(k - g->keys);
row:
	if (g->nrows == g->rowcap) {
		g->rowcap = g->rowcap ? g->rowcap * 2 : 4096;
		g->rows = xreallocarray(g->rows, g->rowcap, sizeof *g->rows);
	}
	r = &g->rows[g->nrows];
	if (canonlen == 0) {
		canon = name;
		canonlen = namelen;
	}
	r->canon = canon;
	r->canonlen = (uint32_t)canonlen;
	r->detail = detail;
	r->detaillen = (uint32_t)detaillen;
	r->next = UINT32_MAX;
	r->type = (uint8_t)type;
	r->src = (uint8_t)src;
	r->weight = row_weight(detail, detaillen, src);
	/* Curated rows go first so that gz_find prefers them. */
	if (k->first == UINT32_MAX)
		k->first = k->last = (uint32_t)g->nrows;
	else if (src == GZS_CURATED) {
		r->next = k->first;
		k->first = (uint32_t)g->nrows;
	} else {
		g->rows[k->last].next = (uint32_t)g->nrows;
		k->last = (uint32_t)g->nrows;
	}
	k->mask |= GZ_BIT(type);
	g->nrows++;
}

/* Rows wait in a small ring after their key is hashed, while the slot they will
 * probe is prefetched: the big file's inserts then overlap their cache misses
 * instead of waiting for each in turn. */
#define RING	8
#define RINGKEY	120

struct pending {
	const char	*name, *canon, *detail;
	size_t		 namelen, canonlen, detaillen, keylen;
	enum gz_type	 type;
	enum gz_src	 src;
	uint32_t	 hash;
	char		 key[RINGKEY];
};

struct ring {
	struct pending	p[RING];
	size_t		head, n;
};

static void
ring_pop(struct gazetteer *g, struct ring *q)
{
	struct pending *p = &q->p[q->head];

	add_folded(g, p->key, p->keylen, p->hash, p->name, p->namelen, p->type, p->src,
	    p->canon, p->canonlen, p->detail, p->detaillen);
	q->head = (q->head + 1) % RING;
	q->n--;
}

static void
ring_flush(struct gazetteer *g, struct ring *q)
{
	while (q->n)
		ring_pop(g, q);
}

static void
ring_add(struct gazetteer *g, struct ring *q, const char *name, size_t namelen,
    enum gz_type type, enum gz_src src, const char *canon, size_t canonlen,
    const char *detail, size_t detaillen)
{
	struct pending *p;
	uint64_t high;

	gz_fold(name, namelen, &g->tmp);
	if (g->tmp.len == 0)
		return;
	if (g->tmp.len > RINGKEY) {
		ring_flush(g, q);
		add_row(g, name, namelen, type, src, canon, canonlen, detail, detaillen);
		return;
	}
	if (q->n == RING)
		ring_pop(g, q);
	p = &q->p[(q->head + q->n) % RING];
	memcpy(p->key, g->tmp.s, g->tmp.len);
	p->keylen = g->tmp.len;
	p->hash = key_hash(p->key, p->keylen, &high);
	p->name = name;
	p->namelen = namelen;
	p->type = type;
	p->src = src;
	p->canon = canon;
	p->canonlen = canonlen;
	p->detail = detail;
	p->detaillen = detaillen;
	__builtin_prefetch(&g->slots[p->hash & (g->nslots - 1)]);
	q->n++;
}

static int
parse_type(const char *s, size_t n, enum gz_type *t)
{
	static const struct {
		const char	*name;
		enum gz_type	 type;
	} names[] = {
		{ "PERSON", GZ_PERSON }, { "PLACE", GZ_PLACE }, { "ORG", GZ_ORG },
		{ "NORP", GZ_NORP }, { "GIVEN", GZ_GIVEN }, { "SURNAME", GZ_SURNAME },
		{ "FAC", GZ_PLACE }, { "LOC", GZ_PLACE }, { "GPE", GZ_PLACE },
		{ "title", GZ_TITLE }, { "honorific", GZ_HONORIFIC },
		{ "name-variant", GZ_VARIANT }, { "wrong-referent", GZ_WRONGREF },
		{ "mistranslation", GZ_MT }
	};
	size_t i;

	/* the first byte before strlen: this runs for every row of the gazetteer */
	if (n == 0)
		return -1;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].name[0] == s[0] && strlen(names[i].name) == n &&
		    memcmp(names[i].name, s, n) == 0) {
			*t = names[i].type;
			return 0;
		}
	return -1;
}

/* Word prefixes and the last word of a title phrase, so that the engine looks
 * for one only where it can start or end: every title phrase has them, from
 * whichever file it comes. */
static void
title_words(struct gazetteer *g, const char *s, size_t n, enum gz_type t, enum gz_src src)
{
	size_t k, last = 0;

	if (t != GZ_TITLE && t != GZ_HONORIFIC)
		return;
	for (k = 1; k < n; k++)
		if (s[k] == ' ') {
			gz_add(g, s, k, GZ_TPREFIX, src, NULL, 0);
			last = k + 1;
		}
	if (last)
		gz_add(g, s + last, n - last, GZ_TLAST, src, NULL, 0);
}

long
gz_load_file(struct gazetteer *g, const char *path, const char *kind,
    void (*warn)(const char *, void *), void *ctx, char *err, size_t errlen)
{
	char *data, *p, *end, *nl, *f[5], *msg;
	size_t len, fl[5], nf;
	long rows = 0, lineno = 0, bad = 0;
	struct ring ring;
	int mapped;
	enum gz_type t;
	enum gz_src src = strcmp(kind, "gaz") == 0 ? GZS_GAZ : GZS_CURATED;
	const char *why;

	if (slurp(path, &data, &len, &mapped, err, errlen) == -1)
		return -1;
	memset(&ring, 0, sizeof ring);
	gz_reserve(g, len / 32);
	g->bufs = xreallocarray(g->bufs, g->nbufs + 1, sizeof *g->bufs);
	g->bufs[g->nbufs].data = data;
	g->bufs[g->nbufs].len = len;
	g->bufs[g->nbufs++].mapped = mapped;
	for (p = data, end = data + len; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		lineno++;
		len = (size_t)(nl - p);
		if (len && p[len - 1] == '\r')
			len--;
		if (len == 0 || p[0] == '#')
			continue;
		/* Split into at most five tab-separated fields. */
		for (nf = 0, f[0] = p; nf < 5;) {
			char *tab = memchr(f[nf], '\t', (size_t)(p + len - f[nf]));

			fl[nf] = (size_t)((tab ? tab : p + len) - f[nf]);
			nf++;
			if (tab == NULL || nf == 5)
				break;
			f[nf] = tab + 1;
		}
		why = NULL;
		if (src == GZS_GAZ) {	/* kind is "gaz" (strcmp once, not per row) */
			if (nf < 2 || fl[0] == 0)
				why = "expected name<TAB>type<TAB>canonical";
			else if (parse_type(f[1], fl[1], &t) == -1)
				why = "unknown type";
			else {
				ring_add(g, &ring, f[0], fl[0], t, src, nf > 2 ? f[2] : NULL,
				    nf > 2 ? fl[2] : 0, nf > 3 ? f[3] : "", nf > 3 ? fl[3] : 0);
				title_words(g, f[0], fl[0], t, src);
			}
		} else if (strcmp(kind, "orgs") == 0 || strcmp(kind, "persons") == 0) {
			if (fl[0] == 0)
				why = "empty name";
			else
				add_row(g, f[0], fl[0], kind[0] == 'o' ? GZ_ORG : GZ_PERSON,
				    src, nf > 1 ? f[1] : NULL, nf > 1 ? fl[1] : 0,
				    nf > 2 ? f[2] : "", nf > 2 ? fl[2] : 0);
		} else if (strcmp(kind, "titles") == 0 || strcmp(kind, "given") == 0) {
			if (fl[0] == 0)
				why = "empty phrase";
			else if (nf < 2)
				t = kind[0] == 't' ? GZ_TITLE : GZ_GIVEN;
			else if (parse_type(f[1], fl[1], &t) == -1)
				why = "unknown kind";
			if (why == NULL) {
				gz_add(g, f[0], fl[0], t, src, NULL, 0);
				title_words(g, f[0], fl[0], t, src);
			}
		} else if (strcmp(kind, "stop") == 0) {
			if (fl[0])
				gz_add(g, f[0], fl[0], GZ_STOP, src, NULL, 0);
		} else if (strcmp(kind, "glossary") == 0) {
			/* Only the name rows concern entities; other kinds are the cleaner's. */
			if (nf >= 3 && fl[1] && fl[2] && parse_type(f[0], fl[0], &t) == 0 &&
			    (t == GZ_VARIANT || t == GZ_WRONGREF || t == GZ_MT) &&
			    !memchr(f[1], '[', fl[1]))
				gz_add(g, f[1], fl[1], t, src, f[2], fl[2]);
			else
				continue;	/* not counted: no row for entities */
		}
		if (why) {
			if (bad++ < 5 && warn) {
				msg = xasprintf("%s:%ld: %s", path, lineno, why);
				warn(msg, ctx);
				free(msg);
			}
			continue;
		}
		rows++;
	}
	ring_flush(g, &ring);
	return rows;
}

/* The key index + 1 of a name with other than ASCII in it, or 0: folded first. */
static uint32_t
key_folded(const struct gazetteer *g, const char *s, size_t n)
{
	struct buf b = { 0 };	/* lookups may run in several threads at once */
	uint64_t high;
	uint32_t key = 0;

	gz_fold(s, n, &b);
	if (b.len)
		key = g->slots[slot_of(g, b.s, b.len, key_hash(b.s, b.len, &high))].key;
	buf_free(&b);
	return key;
}

unsigned
gz_lookup(const struct gazetteer *g, const char *s, size_t n, const struct gz_row **first)
{
	const struct gz_key *k;
	uint64_t high;
	uint32_t h, key;

	if (first)
		*first = NULL;
	if (g == NULL || g->nkeys == 0 || n == 0)
		return 0;
	/* ASCII folds to its lower case, which key_hash and key_eq take in */
	h = key_hash(s, n, &high);
	key = high ? key_folded(g, s, n) : g->slots[slot_of(g, s, n, h)].key;
	if (key == 0)
		return 0;
	k = &g->keys[key - 1];
	if (first)
		*first = &g->rows[k->first];
	return k->mask;
}

const struct gz_row *
gz_row_at(const struct gazetteer *g, uint32_t idx)
{
	return idx == UINT32_MAX || idx >= g->nrows ? NULL : &g->rows[idx];
}

const struct gz_row *
gz_find(const struct gazetteer *g, const char *s, size_t n, enum gz_type t)
{
	const struct gz_row *r;

	if ((gz_lookup(g, s, n, &r) & GZ_BIT(t)) == 0)
		return NULL;
	for (; r; r = gz_row_at(g, r->next))
		if (r->type == t)
			return r;
	return NULL;
}

size_t
gz_size(const struct gazetteer *g)
{
	return g->nrows;
}
