/* clean_art.c - machine-translation and scraping artifacts inside content lines:
 * known renderings from the glossary, and signals that need no list (lowercase
 * sentence starts, stray capitals, doubled or stray punctuation, repeated
 * sentences, a headline echoed as a lead-in, a cut-off last word, CMS residue). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lede/clean.h"
#include "lede/util.h"
#include "clean_int.h"

struct cand {
	size_t			 s, e;
	enum artifact_kind	 kind;
	char			*sugg;		/* owned */
	const char		*note;		/* static or the glossary's */
	double			 score;
};

struct cands {
	struct cand	*v;
	size_t		 n, cap;
};

static void
add(struct cands *c, size_t s, size_t e, enum artifact_kind k, char *sugg,
    const char *note)
{
	if (e <= s) {
		free(sugg);
		return;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	c->v[c->n].s = s;
	c->v[c->n].e = e;
	c->v[c->n].kind = k;
	c->v[c->n].sugg = sugg != NULL ? sugg : xstrdup("");
	c->v[c->n].note = note;
	c->v[c->n].score = artifact_kind_score(k);
	c->n++;
}

/* Without a list a flag is a guess: names and wrong referents come from two
 * spellings of one name, mistranslations from repeated quoted calques, and form
 * nits (casing, punctuation) are the most often wrong on mt-dev's tuning talks
 * (about one in three marked by the translators). */
double
artifact_kind_score(enum artifact_kind k)
{
	switch (k) {
	case AK_WRONG_REFERENT:
	case AK_NAME_VARIANT:
		return 0.8;
	case AK_MISTRANSLATION:
		return 0.6;
	case AK_GARBLED:
	case AK_DUPLICATE:
	case AK_TRUNCATION:
		return 0.5;
	case AK_CASING:
	case AK_PUNCTUATION:
		return 0.35;
	default:
		return 0.4;
	}
}

static int
rank(enum artifact_kind k)
{
	switch (k) {
	case AK_WRONG_REFERENT:
		return 7;
	case AK_NAME_VARIANT:
		return 6;
	case AK_MISTRANSLATION:
		return 5;
	case AK_GARBLED:
		return 4;
	case AK_DUPLICATE:
	case AK_TRUNCATION:
		return 3;
	case AK_CASING:
	case AK_PUNCTUATION:
		return 2;
	default:
		return 1;
	}
}

static int
lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int
isdigit_(int c)
{
	return c >= '0' && c <= '9';
}

static int
upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
lcase(int c)
{
	return upper(c) ? c + 32 : c;
}

/* End of the word starting at i. Inlined by force: out of line, the call and
 * the SSE2 constants cost more than the search saves on words this short. */
static inline __attribute__((always_inline)) size_t
word_end(const char *t, size_t i, size_t e)
{
	i = ascii_word_end(t, i, e);
	while (i < e && u8_wordch(t, i, e))
		i += u8_seq(t, i, e);
	return i;
}

static char *
with_first(const char *t, size_t s, size_t e, int up)
{
	char *w = xstrndup(t + s, e - s);

	w[0] = (char)(up ? (lower((unsigned char)w[0]) ? w[0] - 32 : w[0]) :
	    lcase((unsigned char)w[0]));
	return w;
}

static int
all_lower_word(const char *t, size_t s, size_t e)
{
	size_t i;

	for (i = s; i < e; i++)
		if (upper((unsigned char)t[i]))
			return 0;
	return 1;
}

/* --- punctuation marks ---------------------------------------------------------- */

/* The bytes the punctuation and sentence scans stop at. The word scan passes over
 * every one of them (none is part of a word), so it notes where they are, one
 * list for each scan, and those scans go from one to the next instead of
 * searching the line again. */
static const unsigned char punct_set[256] = {
	['.'] = 1, [','] = 1, ['-'] = 1, [0xe2] = 1
};
static const unsigned char sentence_set[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1
};

struct marks {
	size_t	*v;		/* positions, ascending */
	size_t	 n, cap;
	size_t	 cur;		/* where mark_next looks first */
};

static void
mark_grow(struct marks *mk)
{
	mk->cap = mk->cap ? mk->cap * 2 : 64;
	mk->v = xreallocarray(mk->v, mk->cap, sizeof *mk->v);
}

/* Inline, as there is a mark every few words; growing is rare and is not. */
static inline void
mark_add(struct marks *mk, size_t i)
{
	if (mk->n == mk->cap)
		mark_grow(mk);
	mk->v[mk->n++] = i;
}

/* The first mark at or after from, or e; from must not go back between calls. */
static size_t
mark_next(struct marks *mk, size_t from, size_t e)
{
	while (mk->cur < mk->n && mk->v[mk->cur] < from)
		mk->cur++;
	return mk->cur < mk->n ? mk->v[mk->cur] : e;
}

/* --- glossary -------------------------------------------------------------------- */

/* A known rendering is a fact, not a guess. */
#define GLOSSARY_SCORE	0.95

struct gl_arg {
	struct cands	*c;
	size_t		 matched_end;
};

static void
gl_hit(const struct gloss *g, size_t s, size_t e, void *arg)
{
	struct gl_arg *ga = arg;

	add(ga->c, s + g->fs, s + g->fe, g->kind, xstrdup(g->sugg), g->note);
	if (ga->c->n > 0 && ga->c->v[ga->c->n - 1].note == g->note)
		ga->c->v[ga->c->n - 1].score = GLOSSARY_SCORE;
	ga->matched_end = e;
}

/* --- two names run together ----------------------------------------------------- */

/* "Biden Putin’s video dialogue", "discuss Ukraine Putin warns": two names that
 * the article uses on their own again and again, side by side with no dash,
 * colon or "and" between them. Counting is per article, so the pairs are checked
 * once every line has been read. */
struct names {
	uint64_t	*h;
	uint32_t	*n;
	size_t		 mask, used;
	struct cand	*pair;
	size_t		 npair, cap;
	uint64_t	*pk;		/* the two words' keys, two per pair */
};

static void
names_count(struct names *nm, uint64_t k)
{
	size_t j;

	if (nm->used * 2 >= nm->mask) {
		/* grow: rehash into a table twice the size */
		struct names o = *nm;
		size_t i, sz = (o.mask + 1) * 2;
		nm->h = xcalloc(sz, sizeof *nm->h);
		nm->n = xcalloc(sz, sizeof *nm->n);
		nm->mask = sz - 1;
		for (i = 0; i <= o.mask; i++)
			if (o.h[i] != 0) {
				for (j = o.h[i] & nm->mask; nm->h[j] != 0; j = (j + 1) & nm->mask)
					;
				nm->h[j] = o.h[i];
				nm->n[j] = o.n[i];
			}
		free(o.h);
		free(o.n);
	}
	for (j = k & nm->mask; nm->h[j] != 0 && nm->h[j] != k; j = (j + 1) & nm->mask)
		;
	if (nm->h[j] == 0) {
		nm->h[j] = k;
		nm->used++;
	}
	nm->n[j]++;
}

static uint32_t
names_get(const struct names *nm, uint64_t k)
{
	size_t j;

	for (j = k & nm->mask; nm->h[j] != 0; j = (j + 1) & nm->mask)
		if (nm->h[j] == k)
			return nm->n[j];
	return 0;
}

static void
names_pair(struct names *nm, size_t xs, size_t xe, size_t ys, size_t ye, const char *t)
{
	if (nm->npair == nm->cap) {
		nm->cap = nm->cap ? nm->cap * 2 : 8;
		nm->pair = xreallocarray(nm->pair, nm->cap, sizeof *nm->pair);
		nm->pk = xreallocarray(nm->pk, nm->cap * 2, sizeof *nm->pk);
	}
	nm->pair[nm->npair].s = xs;
	nm->pair[nm->npair].e = ye;
	nm->pk[nm->npair * 2] = word_key(t, xs, xe);
	nm->pk[nm->npair * 2 + 1] = word_key(t, ys, ye);
	nm->npair++;
}

/* --- casing ---------------------------------------------------------------------- */

/* Words that a sentence only capitalises at its start, by their first letter (a
 * word is looked up among the few of its letter). */
static const char *const function_words[26][10] = {
	['A' - 'A'] = { "A", "An", "And", "As", "Are", "Although" },
	['B' - 'A'] = { "But" },
	['F' - 'A'] = { "For", "From" },
	['H' - 'A'] = { "He", "His", "Her", "However", "Has", "Had", "Have" },
	['I' - 'A'] = { "If", "It", "Its", "Is" },
	['O' - 'A'] = { "Or", "Of" },
	['S' - 'A'] = { "She" },
	['T' - 'A'] = { "The", "They", "This", "That", "These", "Those", "Their", "There",
	    "To" },
	['W' - 'A'] = { "We", "Was", "Were", "With", "Which", "Who", "When", "While" }
};

/* Is text[s,s+n) one of the words of a NULL-ended group, all of which begin
 * with text[s]? */
static int
in_group(const char *const *w, const char *t, size_t s, size_t n)
{
	size_t k;

	for (; *w != NULL; w++) {
		for (k = 1; k < n && (*w)[k] == t[s + k]; k++)
			;
		if (k == n && (*w)[n] == '\0')
			return 1;
	}
	return 0;
}

static int
is_function_word(const char *t, size_t s, size_t e)
{
	unsigned char f = (unsigned char)t[s];

	if (e - s > 8 || f < 'A' || f > 'Z')
		return 0;
	return in_group(function_words[f - 'A'], t, s, e - s);
}

static int
is_demonym(const char *t, size_t s, size_t e)
{
	size_t n = e - s;

	if (n < 5 || !upper((unsigned char)t[s]))
		return 0;
	return (memcmp(t + e - 3, "ian", 3) == 0 || memcmp(t + e - 3, "ese", 3) == 0 ||
	    memcmp(t + e - 3, "ish", 3) == 0 || memcmp(t + e - 3, "can", 3) == 0 ||
	    memcmp(t + e - 3, "ean", 3) == 0);
}

/* One pass over the words of a line: glossary phrases, and the casing signals.
 * Stray capitals only count in a line in sentence case (most words start
 * lowercase); headline case would make every capital look stray. */
/* Only letters and spaces between s and e: one clause, no list or sentence end. */
static int
plain_words(const char *t, size_t s, size_t e)
{
	for (; s < e; s++)
		if (!(t[s] == ' ' || (unsigned char)t[s] >= 0x80 ||
		    ascii_word[(unsigned char)t[s]]) || isdigit_(t[s]))
			return 0;
	return 1;
}

static int
month_abbrev(const char *t, size_t s, size_t e)
{
	static const char *const m[] = { "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
		"Sep", "Sept", "Oct", "Nov", "Dec", NULL };
	size_t k;

	for (k = 0; m[k] != NULL; k++)
		if (strlen(m[k]) == e - s && memcmp(m[k], t + s, e - s) == 0)
			return 1;
	return 0;
}

static void
scan_words(const struct clean_rules *r, const char *t, size_t s, size_t e,
    enum line_class cls, int casing, struct names *nm, struct cands *out,
    struct marks mk[2])
{
	struct cands st = { NULL, 0, 0 }, *c = &st;
	struct gl_arg ga = { out, 0 };
	size_t i, we, pw_s = 0, pw_e = 0, lo = 0, up = 0, run = 0;
	size_t nword = 0, big_s = 0, big_w = 0;
	size_t lone_s = 0, lone_e = 0;	/* the word of a run of one, hashed if it ends so */
	uint64_t big_k = 0;
	int have_prev = 0, gap_plain = 0, gap_comma = 0;
	int gl = r != NULL && r->ngl > 0;	/* then gloss_first may be asked */

	/* a content line that begins lowercase */
	if (casing && cls != LC_BYLINE && cls != LC_CREDIT && s < e &&
	    lower((unsigned char)t[s])) {
		we = word_end(t, s, e);
		if (we > s && all_lower_word(t, s, we))
			add(out, s, we, AK_CASING, with_first(t, s, we, 1),
			    "sentence starts lowercase");
	}
	i = s;
	while (i < e) {
		/* a plain space changes nothing of the state below */
		if (t[i] == ' ') {
			i++;
			continue;
		}
		if (!u8_wordch(t, i, e)) {
			if (punct_set[(unsigned char)t[i]])
				mark_add(&mk[0], i);
			if (sentence_set[(unsigned char)t[i]])
				mark_add(&mk[1], i);
			/* only plain spaces between two words count as "mid-sentence",
			 * or a comma right after the word */
			if (t[i] == ',' && gap_plain && i == pw_e)
				gap_comma = 1;
			else if (t[i] != ' ')
				gap_comma = 0;
			if (t[i] != ' ')
				gap_plain = 0;
			/* ", “this will": a quoted sentence starting lowercase */
			if (casing && (unsigned char)t[i] == 0xe2 && i + 4 < e &&
			    memcmp(t + i, "\xe2\x80\x9c", 3) == 0 &&
			    lower((unsigned char)t[i + 3]) && i >= s + 2 &&
			    (t[i - 2] == ',' || t[i - 2] == ':') && t[i - 1] == ' ') {
				size_t qe = word_end(t, i + 3, e), k, nw = 0;
				/* a sentence, not a quoted phrase: several words before
				 * the closing mark */
				for (k = i + 3; k < e && k < i + 200; k++) {
					if (t[k] == ' ')
						nw++;
					if ((unsigned char)t[k] == 0xe2 && k + 2 < e &&
					    memcmp(t + k, "\xe2\x80\x9d", 3) == 0)
						break;
				}
				if (nw >= 5 && all_lower_word(t, i + 3, qe))
					add(c, i + 3, qe, AK_CASING,
					    with_first(t, i + 3, qe, 1),
					    "quoted sentence starts lowercase");
			}
			i += u8_seq(t, i, e);
			continue;
		}
		we = word_end(t, i, e);
		nword++;
		if (lower((unsigned char)t[i]))
			lo++;
		else if (upper((unsigned char)t[i]))
			up++;
		if (gl && i >= ga.matched_end && gloss_first(r, t + i, we - i))
			rules_gloss_at(r, t, i, we, e, gl_hit, &ga);
		if (!casing) {
			i = we;
			continue;
		}
		if (upper((unsigned char)t[i]) && !(run == 0 && we - i <= 5 &&
		    is_function_word(t, i, we))) {
			int after_cap = run > 0 && have_prev && gap_plain &&
			    upper((unsigned char)t[pw_s]);
			/* a name that stands alone: a run of one capitalised word */
			if (!after_cap && run == 1)
				names_count(nm, word_key(t, lone_s, lone_e));
			if (!after_cap) {
				lone_s = i;
				lone_e = we;
			}
			run = after_cap ? run + 1 : 1;
			/* "X Y’s" or "X Y verb": a run of exactly two names */
			/* "White House officials White House spokesman": the same
			 * two-word name again within a few words, two subjects
			 * spliced together */
			if (run == 2) {
				uint64_t bk = word_key(t, pw_s, we);
				if (bk == big_k && nword - big_w <= 5 && nword > big_w &&
				    plain_words(t, big_s, pw_s))
					add(c, big_s, we, AK_GARBLED, xstrdup(""),
					    "the same name twice in a row: two phrases "
					    "spliced together");
				big_k = bk;
				big_s = pw_s;
				big_w = nword;
			}
			if (run == 2 && pw_e - pw_s >= 3 && we - i >= 3 &&
			    ((we + 1 < e && t[we] == ' ' && lower((unsigned char)t[we + 1])) ||
			    (we + 4 <= e && memcmp(t + we, "\xe2\x80\x99s", 4) == 0)) &&
			    !upper((unsigned char)t[pw_s + 1]) && !upper((unsigned char)t[i + 1]) &&
			    !is_demonym(t, pw_s, pw_e) && !is_function_word(t, pw_s, pw_e) &&
			    !is_function_word(t, i, we))
				names_pair(nm, pw_s, pw_e, i, we, t);
		} else {
			if (run == 1)
				names_count(nm, word_key(t, lone_s, lone_e));
			run = 0;
		}
		/* the rest is about a capitalised word, but for "the us" */
		if (!upper((unsigned char)t[i])) {
			/* "the us said": the country abbreviation lowercased */
			if (t[i] == 'u' && we - i == 2 && t[i + 1] == 's' && have_prev &&
			    gap_plain && pw_e - pw_s == 3 &&
			    memcmp(t + pw_s, "the", 3) == 0 && we < e && t[we] == ' ')
				add(c, i, we, AK_CASING, xstrdup("US"), "country abbreviation "
				    "lowercased");
		} else {
			/* after a lowercase word (", " allowed), or after a name when a
			 * lowercase word follows: "Ukraine It will be", "Biden If the" */
			/* "Covey’s The 7 Habits": the s of a possessive is no
			 * lowercase word (have_prev is set again after every word,
			 * so only a capitalised word needs to know) */
			if (have_prev && pw_e - pw_s == 1 && t[pw_s] == 's')
				have_prev = 0;
			if (have_prev && (gap_plain || gap_comma) &&
			    (lower((unsigned char)t[pw_s]) || (gap_plain && pw_e - pw_s >= 3 &&
			    !upper((unsigned char)t[pw_s + 1]) && we + 1 < e && t[we] == ' ' &&
			    lower((unsigned char)t[we + 1]) && !(we - i == 1))) &&
			    is_function_word(t, i, we)) {
				/* "The Washington Post", "The Russian Federation": a
				 * name follows */
				size_t n1 = we, n1e, n2, n2e;
				int name = 0;
				while (n1 < e && t[n1] == ' ')
					n1++;
				n1e = word_end(t, n1, e);
				if (n1 < e && upper((unsigned char)t[n1])) {
					name = 1;
					n2 = n1e;
					while (n2 < e && t[n2] == ' ')
						n2++;
					n2e = word_end(t, n2, e);
					if (n1e == n2 - 1 && n2e > n2 && lower((unsigned char)t[n2]) &&
					    is_demonym(t, n1, n1e))
						name = 0;
				}
				if (!name)
					add(c, i, we, AK_CASING, with_first(t, i, we, 0),
					    "capital letter mid-sentence");
			}
			/* "in this Jan.": an abbreviated month in a phrase of time */
			if (have_prev && gap_plain && pw_e - pw_s == 4 &&
			    memcmp(t + pw_s, "this", 4) == 0 &&
			    we < e && t[we] == '.' && (we - i == 3 || we - i == 4) &&
			    month_abbrev(t, i, we))
				add(c, pw_s, we + 1, AK_OTHER, xstrdup(""),
				    "abbreviated month in a phrase of time");
			/* "north and East" */
			if (have_prev && gap_plain &&
			    ((we - i == 4 && (memcmp(t + i, "East", 4) == 0 ||
			    memcmp(t + i, "West", 4) == 0)) || (we - i == 5 &&
			    (memcmp(t + i, "North", 5) == 0 ||
			    memcmp(t + i, "South", 5) == 0))) &&
			    ((pw_e - pw_s == 3 && memcmp(t + pw_s, "and", 3) == 0) ||
			    (pw_e - pw_s == 2 && memcmp(t + pw_s, "or", 2) == 0)) && pw_s > s + 6) {
				/* the word before "and" is a lowercase compass point */
				size_t q = pw_s - 1, qs;
				while (q > s && t[q - 1] != ' ')
					q--;
				qs = q;
				if ((pw_s - 1 - qs == 4 || pw_s - 1 - qs == 5) &&
				    (memcmp(t + qs, "north", 5) == 0 ||
				    memcmp(t + qs, "south", 5) == 0 ||
				    memcmp(t + qs, "east", 4) == 0 ||
				    memcmp(t + qs, "west", 4) == 0))
					add(c, i, we, AK_CASING, with_first(t, i, we, 0),
					    "capital letter mid-sentence");
			}
			/* a past participle capitalised after a lowercase word: "thousands
			 * Assembled at" */
			if (have_prev && gap_plain && we - i >= 9 &&
			    t[we - 2] == 'e' && t[we - 1] == 'd' && all_lower_word(t, i + 1, we) &&
			    lower((unsigned char)t[pw_s]) && we + 1 < e && t[we] == ' ' &&
			    lower((unsigned char)t[we + 1]))
				add(c, i, we, AK_CASING, with_first(t, i, we, 0),
				    "capital letter mid-sentence");
			/* "Russian Ukrainian border": two nationalities with no dash */
			if (have_prev && gap_plain && upper((unsigned char)t[pw_s]) &&
			    is_demonym(t, pw_s, pw_e) &&
			    (is_demonym(t, i, we) ||
			    (we - i == 2 && upper((unsigned char)t[i + 1]))) &&
			    we + 1 < e && t[we] == ' ' && lower((unsigned char)t[we + 1])) {
				struct buf b = { 0 };
				buf_add(&b, t + pw_s, pw_e - pw_s);
				buf_adds(&b, "\xe2\x80\x93");
				buf_add(&b, t + i, we - i);
				add(c, pw_s, we, AK_PUNCTUATION, buf_detach(&b),
				    "missing dash between two names");
			}
		}
		pw_s = i;
		pw_e = we;
		have_prev = 1;
		gap_plain = 1;
		gap_comma = 0;
		/* most words end at a space, which the loop would only pass over */
		i = we < e && t[we] == ' ' ? we + 1 : we;
	}
	if (casing && run == 1)
		names_count(nm, word_key(t, lone_s, lone_e));
	for (i = 0; i < st.n; i++) {
		if (lo >= 3 && lo > up)
			add(out, st.v[i].s, st.v[i].e, st.v[i].kind, st.v[i].sugg,
			    st.v[i].note);
		else
			free(st.v[i].sugg);
	}
	free(st.v);
}

/* --- punctuation -------------------------------------------------------------------- */

/* Abbreviations that end no sentence, by their first letter. */
static const char *const abbrevs['z' - 'A' + 1][6] = {
	['C' - 'A'] = { "Corp", "Col", "Capt", "Co" },
	['D' - 'A'] = { "Dept" },
	['E' - 'A'] = { "Est" },
	['F' - 'A'] = { "Fig" },
	['G' - 'A'] = { "Gov", "Gen" },
	['I' - 'A'] = { "Inc" },
	['J' - 'A'] = { "Jr" },
	['L' - 'A'] = { "Lt", "Ltd" },
	['N' - 'A'] = { "No" },
	['P' - 'A'] = { "Prof" },
	['R' - 'A'] = { "Rep" },
	['S' - 'A'] = { "Sept", "Sgt", "Sen", "Sr", "St" },
	['U' - 'A'] = { "Univ" },
	['V' - 'A'] = { "Vol" },
	['a' - 'A'] = { "approx" },
	['e' - 'A'] = { "etc" },
	['i' - 'A'] = { "incl" },
	['v' - 'A'] = { "vs" }
};

static int
is_abbrev(const char *t, size_t s, size_t e)
{
	unsigned char f;

	if (e - s > 6 || e == s)
		return 0;
	f = (unsigned char)t[s];
	if (f < 'A' || f > 'z')
		return 0;
	return in_group(abbrevs[f - 'A'], t, s, e - s);
}

static void
scan_punct(const char *t, size_t s, size_t e, struct marks *mk, struct cands *c)
{
	size_t i;

	mk->cur = 0;
	for (i = mark_next(mk, s, e); i < e; i = mark_next(mk, i + 1, e)) {
		unsigned char ch = (unsigned char)t[i];

		if (ch == '.') {
			/* ".." but not "..." */
			if (i + 1 < e && t[i + 1] == '.') {
				if ((i == s || t[i - 1] != '.') && (i + 2 >= e || t[i + 2] != '.'))
					add(c, i, i + 2, AK_PUNCTUATION, xstrdup("."),
					    "doubled full stop");
				while (i + 1 < e && t[i + 1] == '.')
					i++;
				continue;
			}
			/* ". ." */
			if (i + 2 < e && t[i + 1] == ' ' && t[i + 2] == '.' &&
			    (i + 3 >= e || t[i + 3] != '.')) {
				add(c, i + 1, i + 3, AK_PUNCTUATION, xstrdup(""),
				    "stray full stop");
				i += 2;
				continue;
			}
		}
		if ((ch == '.' || ch == ',') && i >= s + 2 && t[i - 1] == ' ' &&
		    t[i - 2] != ' ' && t[i - 2] != '.' &&
		    (i + 1 >= e || t[i + 1] == ' ' || t[i + 1] == '"')) {
			/* a space before "." or "," after a word */
			add(c, i - 1, i + 1, AK_PUNCTUATION, xstrndup(t + i, 1),
			    "space before punctuation");
			continue;
		}
		if (ch == '.' && i > s && i + 2 < e && t[i + 1] == ' ' &&
		    lower((unsigned char)t[i + 2])) {
			/* "leader. that": a full stop inside a sentence */
			size_t ws = i;
			while (ws > s && u8_wordch(t, ws - 1, e) && (unsigned char)t[ws - 1] < 0x80)
				ws--;
			size_t we = word_end(t, i + 2, e);
			/* "b) Refusing": a list marker */
			if (i - ws >= 4 && (ws == s || t[ws - 1] == ' ') && !is_abbrev(t, ws, i) &&
			    we > i + 2 && (we >= e || t[we] != ')'))
				add(c, i, i + 1, AK_PUNCTUATION, xstrdup(""),
				    "full stop inside a sentence");
			continue;
		}
		if (ch == 0xe2 && i + 3 <= e && i >= s + 2 && t[i - 1] == ' ' &&
		    (unsigned char)t[i + 1] == 0x80) {
			unsigned char q = (unsigned char)t[i + 2];
			/* a space before a closing quotation mark */
			if (q == 0x9d && t[i - 2] != ' ') {
				add(c, i - 1, i + 3, AK_PUNCTUATION, xstrdup("\xe2\x80\x9d"),
				    "space before closing quotation mark");
				i += 2;
				continue;
			}
			/* an opening mark that closes: at the end, or before a space */
			if (q == 0x9c && (i + 3 == e || t[i + 3] == ' ') &&
			    (t[i - 2] == '.' || t[i - 2] == ',' || t[i - 2] == '!' ||
			    t[i - 2] == '?')) {
				add(c, i - 1, i + 3, AK_PUNCTUATION, xstrdup("\xe2\x80\x9d"),
				    "opening quotation mark used as closing mark");
				i += 2;
				continue;
			}
		}
		/* " -Word": a hyphen glued to the next word where a dash was meant */
		if (ch == '-' && i >= s + 2 && t[i - 1] == ' ' && t[i - 2] != ' ' &&
		    i + 1 < e && upper((unsigned char)t[i + 1])) {
			add(c, i, i + 1, AK_PUNCTUATION, xstrdup("\xe2\x80\x94 "),
			    "hyphen where a spaced dash was meant");
		}
	}
}

/* --- duplicates, truncation ------------------------------------------------------------ */

/* A line that opens by repeating the headline's first words before a dash. */
static void
scan_echo(const char *t, size_t s, size_t e, const char *title, size_t tl,
    struct cands *c)
{
	size_t i, words = 0;

	if (title == NULL || tl == 0)
		return;
	for (i = 0; i < tl && s + i < e; i++) {
		if (lcase((unsigned char)t[s + i]) != lcase((unsigned char)title[i]))
			break;
		if (title[i] == ' ')
			words++;
	}
	if (words < 2)
		return;
	/* back to the end of the last whole word, then the dash */
	while (i > 0 && t[s + i - 1] != ' ')
		i--;
	{
		size_t p = s + i;
		if (p + 4 <= e && (memcmp(t + p, "\xe2\x80\x93 ", 4) == 0 ||
		    memcmp(t + p, "\xe2\x80\x94 ", 4) == 0))
			add(c, s, p + 4, AK_DUPLICATE, xstrdup(""),
			    "headline repeated as a lead-in");
		else if (p + 2 <= e && memcmp(t + p, "- ", 2) == 0)
			add(c, s, p + 2, AK_DUPLICATE, xstrdup(""),
			    "headline repeated as a lead-in");
	}
}

/* Every word after the first starts lowercase ("There is", not "Image: Nick
 * Moreau"). */
static int
rest_lower(const char *t, size_t s, size_t e)
{
	size_t i;

	for (i = s + 1; i < e; i++)
		if (t[i - 1] == ' ' && !lower((unsigned char)t[i]))
			return 0;
	return 1;
}

/* How a dangling fragment opens: "There is.", "It was.", "BBC news." */
static int
fragment_opener(const char *t, size_t s, size_t e)
{
	static const char *const w[] = { "There ", "It ", "This ", "That ", "He ", "She ",
		"They ", "We ", NULL };
	size_t k, n;

	for (k = 0; w[k] != NULL; k++) {
		n = strlen(w[k]);
		if (e - s > n && memcmp(t + s, w[k], n) == 0)
			return 1;
	}
	/* an acronym, then a lowercase word */
	for (k = s; k < e && upper((unsigned char)t[k]); k++)
		;
	return k - s >= 2 && k < e && t[k] == ' ';
}


/* One pass over the sentences of a line: the same sentence twice in a row, and
 * what a sentence splitter leaves: a last "sentence" of one to three words ("There
 * is.", "BBC news.."), a statement that opens like a question ("Is the reason
 * why he wants to prepare."). */
static void
scan_sentences(const char *t, size_t s, size_t e, int body, struct marks *mk,
    struct cands *c)
{
	size_t ps = SIZE_MAX, pe = 0, cs = s, i = s, se, k, nw;
	int first = 1;

	mk->cur = 0;
	for (;;) {
		/* the line's first byte is looked at whatever it is, as it always
		 * was (a one-letter first word can make a "sentence") */
		if (first)
			first = 0;
		else
			i = mark_next(mk, i, e);
		if (i >= e)
			break;
		if (i + 1 < e && t[i + 1] != ' ' && t[i + 1] != '.') {
			i++;
			continue;	/* "U.S.", "3.5" */
		}
		if (t[i] == '.' && i > s) {
			/* "Mr. Trump", "St. Louis": an abbreviation ends no sentence */
			size_t ws = i;
			while (ws > s && (unsigned char)t[ws - 1] < 0x80 &&
			    ascii_word[(unsigned char)t[ws - 1]])
				ws--;
			if ((i - ws <= 3 && i > ws && upper((unsigned char)t[ws])) ||
			    is_abbrev(t, ws, i)) {
				i++;
				continue;
			}
		}
		se = i + 1;
		while (se < e && t[se] == '.')
			se++;
		if (se - i > 2) {
			/* an ellipsis does not end a sentence */
			i = se;
			continue;
		}
		/* the sentence is [cs, se) */
		if (se - cs >= 20 && ps != SIZE_MAX && se - cs == pe - ps &&
		    memcmp(t + cs, t + ps, se - cs) == 0)
			add(c, pe, se, AK_DUPLICATE, xstrdup(""), "sentence repeated");
		if (body && t[i] == '.' && cs >= s + 2 && t[cs - 2] == '.' &&
		    (se >= e || (i - cs > 10 && (memcmp(t + cs, "Is ", 3) == 0 ||
		    memcmp(t + cs, "Are ", 4) == 0 || memcmp(t + cs, "Does ", 5) == 0 ||
		    memcmp(t + cs, "Do ", 3) == 0)))) {
			/* the words are only counted for a sentence that one of the
			 * two tests below can flag */
			/* both tests only ask whether there are four words */
			nw = 1;
			for (k = cs; k < i && nw < 4; k++)
				nw += t[k] == ' ';
			if (se >= e && nw <= 3 && fragment_opener(t, cs, i) && i - cs < 30 &&
			    !memchr(t + cs, '"', i - cs) && !memchr(t + cs, ',', i - cs) &&
			    !memchr(t + cs, ':', i - cs) && rest_lower(t, cs, i))
				add(c, cs, i, AK_GARBLED, xstrdup(""),
				    "dangling fragment at the end of the paragraph");
			if (nw >= 4 && i - cs > 10 && (memcmp(t + cs, "Is ", 3) == 0 ||
			    memcmp(t + cs, "Are ", 4) == 0 || memcmp(t + cs, "Does ", 5) == 0 ||
			    memcmp(t + cs, "Do ", 3) == 0))
				add(c, cs, i + 1, AK_GARBLED, xstrdup(""),
				    "sentence split in the wrong place");
		}
		ps = cs;
		pe = se;
		i = se;
		while (i < e && t[i] == ' ')
			i++;
		cs = i;
	}
}

static void
trim_span(const char *t, size_t *s, size_t *e)
{
	while (*s < *e && (t[*s] == ' ' || t[*s] == '\t' || t[*s] == '\r'))
		(*s)++;
	while (*e > *s && (t[*e - 1] == ' ' || t[*e - 1] == '\t' || t[*e - 1] == '\r'))
		(*e)--;
}

static int
final_mark(const char *t, size_t s, size_t e)
{
	unsigned char ch;

	if (e == s)
		return 0;
	ch = (unsigned char)t[e - 1];
	return ch == '.' || ch == '!' || ch == '?' || ch == '"' || ch == ')' || ch == ':' ||
	    ch == ';' || ch == '\'' || ch >= 0x80;
}

/* --- the whole article ------------------------------------------------------------------ */

static int
by_start(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->e > y->e ? -1 : x->e < y->e;
}

/* By start, longer first, ties in the order the scans found them (as the C
 * library's merge sort leaves them): a line's few candidates by insertion,
 * many by qsort. */
static void
sort_cands(struct cand *v, size_t n)
{
	size_t i, j;

	if (n > 16) {
		qsort(v, n, sizeof *v, by_start);
		return;
	}
	for (i = 1; i < n; i++) {
		struct cand x = v[i];
		for (j = i; j > 0 && by_start(&v[j - 1], &x) > 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* cap: how many artifacts out->arts has room for (it grows by doubling, not per
 * line) */
static void
resolve(struct cands *c, struct clean_result *out, size_t *cap)
{
	size_t i, k = 0;

	if (c->n == 0)
		return;
	if (c->n > 1)
		sort_cands(c->v, c->n);
	for (i = 0; i < c->n; i++) {
		struct cand *x = &c->v[i];
		if (k > 0 && x->s < c->v[k - 1].e) {
			struct cand *y = &c->v[k - 1];
			int wins = rank(x->kind) > rank(y->kind) ||
			    (rank(x->kind) == rank(y->kind) && *x->sugg != '\0' &&
			    *y->sugg == '\0');
			if (wins) {
				free(y->sugg);
				*y = *x;
			} else
				free(x->sugg);
			continue;
		}
		c->v[k++] = *x;
	}
	c->n = k;
	if (out->narts + k + 1 > *cap) {
		while (out->narts + k + 1 > *cap)
			*cap = *cap ? *cap * 2 : 16;
		out->arts = xreallocarray(out->arts, *cap, sizeof *out->arts);
	}
	for (i = 0; i < k; i++) {
		struct artifact *a = &out->arts[out->narts++];
		a->start = c->v[i].s;
		a->end = c->v[i].e;
		a->kind = c->v[i].kind;
		a->suggestion = c->v[i].sugg;
		a->note = xstrdup(c->v[i].note != NULL ? c->v[i].note : "");
		a->score = c->v[i].score;
	}
	c->n = 0;
}

/* Quoted lowercase phrases ("the “general worship meeting”"): a term the
 * translation put in quotes because it rendered a nickname or a name word by
 * word. One such phrase used again and again in an article reads as a calque. */
struct quoted {
	size_t		 s, e;		/* inside the marks */
	uint64_t	 h;
};

struct qcount {
	uint64_t	 h;
	size_t		 n;
};

#define QUOTED_MAX	4096
#define QUOTED_REPEAT	3

static size_t
find_quoted(const char *t, size_t s, size_t e, struct quoted *q, size_t nq)
{
	const char *p = t + s, *end = t + e;

	while (nq < QUOTED_MAX && (p = memchr(p, 0xe2, (size_t)(end - p))) != NULL) {
		size_t a, b, words = 1;
		int ok = 1;
		if (end - p < 6 || (unsigned char)p[1] != 0x80 || (unsigned char)p[2] != 0x9c) {
			p++;
			continue;
		}
		a = (size_t)(p - t) + 3;
		for (b = a; b < e && b < a + 60 && ok; b++) {
			unsigned char c = (unsigned char)t[b];
			if (c == 0xe2)
				break;
			if (c == ' ')
				words++;
			else if (!lower(c))
				ok = 0;
		}
		if (ok && b + 3 <= e && memcmp(t + b, "\xe2\x80\x9d", 3) == 0 &&
		    words >= 2 && words <= 4 && t[a] != ' ' && t[b - 1] != ' ') {
			q[nq].s = a;
			q[nq].e = b;
			q[nq].h = word_key(t, a, b);
			nq++;
		}
		p = t + a;
	}
	return nq;
}

struct pkey {
	uint64_t	 a, b;
	size_t		 i;
};

static int
by_pkey(const void *x, const void *y)
{
	const struct pkey *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

/* The pairs whose two names stand alone at least three times each, merged into
 * the sorted artifacts where they overlap none. */
static void
add_pairs(struct names *nm, const char *t, struct clean_result *out)
{
	struct artifact *m;
	size_t i, j = 0, k = 0, n = 0;

	/* only in an article that already shows machine translation, and only a
	 * pair seen once: a real two-word name ("Taylor Swift") comes back */
	if (out->narts < 5)
		return;
	if (nm->npair == 0)
		return;
	{
		/* pairs seen once: sort their keys, then look at runs */
		struct pkey *ks = xcalloc(nm->npair, sizeof *ks);
		unsigned char *once = xcalloc(nm->npair, 1);
		for (i = 0; i < nm->npair; i++) {
			ks[i].a = nm->pk[i * 2];
			ks[i].b = nm->pk[i * 2 + 1];
			ks[i].i = i;
		}
		qsort(ks, nm->npair, sizeof *ks, by_pkey);
		for (i = 0; i < nm->npair; i++)
			once[ks[i].i] = (i == 0 || ks[i - 1].a != ks[i].a ||
			    ks[i - 1].b != ks[i].b) && (i + 1 == nm->npair ||
			    ks[i + 1].a != ks[i].a || ks[i + 1].b != ks[i].b);
		for (i = 0; i < nm->npair; i++)
			if (once[i] && names_get(nm, nm->pk[i * 2]) >= 3 &&
			    names_get(nm, nm->pk[i * 2 + 1]) >= 3)
				nm->pair[n++] = nm->pair[i];
		free(ks);
		free(once);
	}
	if (n == 0)
		return;
	m = xcalloc(out->narts + n, sizeof *m);
	for (i = 0; i < n; i++) {
		struct cand *p = &nm->pair[i];
		while (j < out->narts && out->arts[j].end <= p->s)
			m[k++] = out->arts[j++];
		if ((j < out->narts && out->arts[j].start < p->e) ||
		    (k > 0 && m[k - 1].end > p->s))
			continue;
		{
			/* "Biden Putin" -> "Biden–Putin" */
			size_t sp = p->s;
			struct buf b = { 0 };
			while (sp < p->e && t[sp] != ' ')
				sp++;
			buf_add(&b, t + p->s, sp - p->s);
			buf_adds(&b, "\xe2\x80\x93");
			buf_add(&b, t + sp + 1, p->e - sp - 1);
			m[k].start = p->s;
			m[k].end = p->e;
			m[k].kind = AK_PUNCTUATION;
			m[k].score = artifact_kind_score(AK_PUNCTUATION);
			m[k].suggestion = buf_detach(&b);
			m[k].note = xstrdup("two names run together without a dash, colon "
			    "or \"and\"");
			k++;
		}
	}
	while (j < out->narts)
		m[k++] = out->arts[j++];
	free(out->arts);
	out->arts = m;
	out->narts = k;
}

static int
content(enum line_class cls)
{
	return cls != LC_BOILERPLATE && cls != LC_EMPTY && cls != LC_DATELINE;
}

void
clean_artifacts(const struct clean_rules *r, const char *t, size_t len,
    struct clean_result *out, size_t ti)
{
	struct cands c = { NULL, 0, 0 };
	struct marks mk[2] = { { NULL, 0, 0, 0 }, { NULL, 0, 0, 0 } };	/* punct, sentence */
	struct quoted *q = NULL;
	struct names nm;
	size_t i, nbody = 0, nfinal = 0, tl = 0, nq = 0, qi = 0, cap = out->narts;
	const char *title = out->title;
	int first_body = 1;

	(void)len;
	memset(&nm, 0, sizeof nm);
	nm.mask = 63;
	nm.h = xcalloc(nm.mask + 1, sizeof *nm.h);
	nm.n = xcalloc(nm.mask + 1, sizeof *nm.n);
	if (title != NULL)
		tl = strlen(title);
	for (i = 0; i < out->nlines; i++) {
		size_t s = out->lines[i].start, e = out->lines[i].end;
		if (!content(out->lines[i].cls))
			continue;
		/* Not zeroed: find_quoted writes every entry it counts, and this
		 * array is allocated per article (zeroing it was a measurable cost). */
		if (q == NULL)
			q = xreallocarray(NULL, QUOTED_MAX, sizeof *q);
		nq = find_quoted(t, s, e, q, nq);
		if (out->lines[i].cls != LC_BODY)
			continue;
		trim_span(t, &s, &e);
		nbody++;
		nfinal += final_mark(t, s, e);
	}
	/* how often each quoted phrase comes (a few distinct phrases: quadratic in
	 * them, never in the text) */
	if (nq > 0) {
		size_t j, k, nd = 0;
		struct qcount d[64];
		for (j = 0; j < nq; j++) {
			for (k = 0; k < nd && d[k].h != q[j].h; k++)
				;
			if (k == nd && nd < 64)
				d[nd++] = (struct qcount){ q[j].h, 0 };
			if (k < nd)
				d[k].n++;
		}
		for (j = 0; j < nq; j++) {
			for (k = 0; k < nd && d[k].h != q[j].h; k++)
				;
			if (k == nd || d[k].n < QUOTED_REPEAT)
				q[j].h = 0;
		}
	}
	for (i = 0; i < out->nlines; i++) {
		struct cline *l = &out->lines[i];
		size_t s = l->start, e = l->end;

		if (!content(l->cls))
			continue;
		trim_span(t, &s, &e);
		if (s == e)
			continue;
		mk[0].n = mk[1].n = 0;
		scan_words(r, t, s, e, l->cls, l->cls != LC_BYLINE && l->cls != LC_TITLE_REPEAT,
		    &nm, &c, mk);
		for (; qi < nq && q[qi].s < e; qi++)
			if (q[qi].h != 0 && q[qi].s >= s)
				add(&c, q[qi].s, q[qi].e, AK_MISTRANSLATION, xstrdup(""),
				    "quoted phrase used again and again: likely a "
				    "word-by-word rendering");
		if (l->cls == LC_BYLINE) {
			/* a handle or a CMS account is no author */
			size_t ns = s + 3;
			while (ns < e && t[ns] == ' ')
				ns++;
			if (all_lower_word(t, ns, e))
				add(&c, ns, e, AK_OTHER, xstrdup(""),
				    "byline is a user handle or account, not an author");
			resolve(&c, out, &cap);
			continue;
		}
		if (l->cls == LC_TITLE && i == ti && title != NULL && s + tl < e)
			add(&c, s + tl, e, AK_OTHER, xstrdup(""),
			    "tags and site name appended to the headline");
		if (l->cls == LC_TITLE_REPEAT && e - s > 3 && memcmp(t + e - 3, "(1)", 3) == 0)
			add(&c, e - 3, e, AK_OTHER, xstrdup(""), "image counter suffix");
		if (l->cls != LC_TITLE_REPEAT) {
			scan_punct(t, s, e, &mk[0], &c);
			scan_sentences(t, s, e, l->cls == LC_BODY, &mk[1], &c);
		}
		if (l->cls == LC_BODY && first_body) {
			scan_echo(t, s, e, title, tl, &c);
			first_body = 0;
		}
		/* a cut-off last word, when the article otherwise ends its paragraphs */
		if (l->cls == LC_BODY && nbody >= 4 && nfinal * 10 >= nbody * 8 &&
		    !final_mark(t, s, e) && e - s >= 60) {
			size_t ws = e;
			while (ws > s && u8_wordch(t, ws - 1, e) && (unsigned char)t[ws - 1] < 0x80)
				ws--;
			if (ws < e && lower((unsigned char)t[ws]))
				add(&c, ws, e, AK_TRUNCATION, xstrdup(""),
				    "paragraph cut off mid-word");
		}
		resolve(&c, out, &cap);
	}
	free(c.v);
	free(mk[0].v);
	free(mk[1].v);
	free(q);
	add_pairs(&nm, t, out);
	free(nm.h);
	free(nm.n);
	free(nm.pair);
	free(nm.pk);
}
