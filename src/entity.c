/* entity.c - people, places and organizations. A line is cut into tokens (token.c);
 * runs of capitalised words (with connectors such as "of" and "de") are candidate
 * names; titles, a leading "The", demonyms and possessives are cut off as
 * GUIDELINES.md section 4 says; what is left is typed from the gazetteer, then from
 * context rules where the lists end (titles before a name, "said" after it, heads such
 * as "Ministry of" or "Stadium", place cues such as "in"). Finally the mentions of one
 * article are merged: a surname joins its full name, an acronym its expansion, a
 * near-spelling its name, and known variants (glossary, cleaning artifacts) their
 * right name. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede/entity.h"
#include "lede/gazetteer.h"
#include "lede/ner.h"
#include "lede/token.h"
#include "lede/util.h"

/* The built-in word lists below, hashed once: most words are looked up in several. */
#define WS_SLOTS	4096
struct wslot {
	const char	*s;
	size_t		 len;
	unsigned	 mask;	/* one bit per list */
};

struct ext_scratch;

struct entity_kb {
	struct gazetteer	*gz;
	struct wslot		*ws;
	size_t			 connmax;	/* the longest connector's length */
	struct ext_scratch	*sc;	/* buffers entity_extract reuses */
	struct ner_model	*ner;	/* NULL: the rules alone */
	int			 off;	/* the model is there but unreadable */
};

static void	ws_build(struct entity_kb *);
static struct ext_scratch	*scratch_new(void);
static void			 scratch_free(struct ext_scratch *);

const char *
entity_type_name(enum entity_type t)
{
	switch (t) {
	case ENT_PERSON:
		return "PERSON";
	case ENT_PLACE:
		return "PLACE";
	case ENT_ORG:
	default:
		return "ORG";
	}
}

/* ---- knowledge ------------------------------------------------------------------ */

static const struct {
	const char	*file;
	const char	*kind;
	int		 required;
} kb_files[] = {
	{ "gazetteer.tsv", "gaz", 1 },
	{ "orgs.tsv", "orgs", 0 },
	{ "persons_extra.tsv", "persons", 0 },
	{ "titles.tsv", "titles", 0 },
	{ "given_extra.tsv", "given", 0 },
	{ "stopcaps.tsv", "stop", 0 },
	{ "glossary.tsv", "glossary", 0 }
};

static void
kb_load_dir(struct entity_kb *kb, const char *dir, int user,
    void (*warn)(const char *, void *), void *ctx)
{
	char err[LEDE_ERRLEN], *path, *msg;
	size_t i;
	FILE *f;

	for (i = 0; i < sizeof kb_files / sizeof kb_files[0]; i++) {
		path = xasprintf("%s/%s", dir, kb_files[i].file);
		if ((f = fopen(path, "r")) == NULL) {
			/* Only the main gazetteer must be there; user files are optional. */
			if (!user && kb_files[i].required && warn) {
				msg = xasprintf("%s: missing; entities will be found by "
				    "context only", path);
				warn(msg, ctx);
				free(msg);
			}
			free(path);
			continue;
		}
		fclose(f);
		if (gz_load_file(kb->gz, path, kb_files[i].kind, warn, ctx, err,
		    sizeof err) == -1 && warn)
			warn(err, ctx);
		free(path);
	}
}

/* The name model: without one the rules find names alone; one that is there but
 * cannot be read turns entities off (a half-read model would find nonsense). */
static void
kb_load_model(struct entity_kb *kb, const char *dir,
    void (*warn)(const char *, void *), void *ctx)
{
	char err[LEDE_ERRLEN], *path, *msg;
	FILE *f;

	path = xasprintf("%s/ner.model", dir);
	if ((f = fopen(path, "r")) == NULL) {
		free(path);
		return;
	}
	fclose(f);
	if ((kb->ner = ner_model_load(path, err, sizeof err)) == NULL) {
		kb->off = 1;
		if (warn) {
			msg = xasprintf("%s; entities are off", err);
			warn(msg, ctx);
			free(msg);
		}
	}
	free(path);
}

struct entity_kb *
entity_kb_load(const char *datadir, const char *userdir,
    void (*warn)(const char *, void *), void *ctx)
{
	struct entity_kb *kb = xcalloc(1, sizeof *kb);

	kb->gz = gz_new();
	kb->sc = scratch_new();
	ws_build(kb);
	if (datadir)
		kb_load_dir(kb, datadir, 0, warn, ctx);
	if (userdir)
		kb_load_dir(kb, userdir, 1, warn, ctx);
	if (datadir)
		kb_load_model(kb, datadir, warn, ctx);
	return kb;
}

int
entity_kb_has_model(const struct entity_kb *kb)
{
	return kb != NULL && kb->ner != NULL;
}

void
entity_kb_free(struct entity_kb *kb)
{
	if (kb == NULL)
		return;
	gz_free(kb->gz);
	ner_model_free(kb->ner);
	free(kb->ws);
	scratch_free(kb->sc);
	free(kb);
}

/* ---- small word lists (grammar, not knowledge) ----------------------------------- */

static int
in_list(const char *const *list, const char *s, size_t n)
{
	/* Called for most words: compare the first byte before anything else. */
	if (n == 0)
		return 0;
	for (; *list; list++)
		if ((*list)[0] == s[0] && strncmp(*list, s, n) == 0 && (*list)[n] == '\0')
			return 1;
	return 0;
}

/* Lower-case words that may join two capitalised words inside one name. */
static const char *const connectors[] = {
	"of", "the", "de", "del", "della", "di", "da", "du", "des", "la", "le", "van",
	"von", "der", "den", "bin", "ibn", "al", "for", "and", "on", "y", "do", "dos",
	"das", "af", "zu", "ten", "ter", "&", NULL
};

/* Capitalised function words: never a name on their own. */
static const char *const funcwords[] = {
	"A", "An", "And", "Or", "But", "Nor", "So", "Yet", "If", "In", "On", "At", "To",
	"For", "From", "By", "With", "Without", "Of", "Off", "Into", "Onto", "Upon", "As",
	"After", "Before", "Since", "Until", "During", "While", "When", "Where", "Why",
	"How", "What", "Which", "Who", "Whom", "Whose", "That", "This", "These", "Those",
	"There", "Here", "He", "She", "It", "They", "We", "I", "You", "Me", "Him", "Them",
	"Us", "His", "Her", "Its", "Their", "Our", "My", "Your", "Although", "Though",
	"Because", "However", "Meanwhile", "Also", "Then", "Now", "Today", "Yesterday",
	"Tomorrow", "Some", "Many", "Most", "All", "Any", "Each", "Every", "Both", "Few",
	"Several", "Other", "Another", "Such", "No", "Not", "According", "Despite",
	"Under", "Over", "Last", "Next", "Earlier", "Later", "Instead", "Still", "Even",
	"Just", "Only", "Is", "Was", "Are", "Were", "Will", "Would", "Can", "Could",
	"Should", "Shall", "May", "Might", "Must", "Do", "Does", "Did", "Has", "Have",
	"Had", "Be", "Being", "Been", "Let", "Please", "Yes", "Thus", "Therefore",
	"Moreover", "Furthermore", "Besides", "Nevertheless", "Regarding", "Following",
	"Among", "Between", "Against", "Through", "Within", "Around", "About", "Above",
	"Below", "Toward", "Towards", "Per", "Via", "Unlike", "Like", "More", "Less",
	"Much", "Very", "Again", "Already", "Almost", "Always", "Never", "Often",
	"Perhaps", "Maybe", "Indeed", "Overall", "Finally", "Currently", "Previously",
	"Recently", "Initially", "Additionally", "Similarly", "Otherwise", "Than",
	"Whether", "Once", "Though", "Whereas", "Unless", "Why", "Everyone", "Nobody",
	"Someone", "Something", "Nothing", "Everything", "Anyone", "Don't", "It's",
	"I'm", "We're", "They're", "There's", "That's", "Mr", "Mrs", "Ms", "Dr",
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "June", "July", "August", "September",
	"October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.",
	"Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Image",
	"Photo", "Photos", "Video", "Credit", "Source", "Caption", "Pictured", "File",
	"Watch", "Related", "Update", NULL
};

/* Last words of named events, laws and prizes: not entities, but the names inside
 * them may be (a city before "Summit", a company before "Fair"). */
static const char *const event_tail[] = {
	"Festival", "Cup", "Championship", "Championships", "Summit", "Olympics", "Games",
	"Awards", "Award", "Prize", "War", "Act", "Fair", "Expo", "Day", "Year", "Week",
	"Series", "Tournament", "Marathon", "Agreement", "Agreements", "Accords", "Treaty",
	"Convention", "Protocol", "Crisis", "Revolution", "Election", "Elections", "Bill",
	"Law", "Doctrine", "Plan", "Program", "Programme", "Project", "Initiative",
	"Study", "Survey", "Report", "Index", "Show", "Meeting", "Talks", "Forum", NULL
};

/* Last words that make a name an organisation. */
static const char *const org_tail[] = {
	"Agency", "Association", "Authority", "Bank", "Board", "Bureau", "Church",
	"Club", "Coalition", "College", "Commission", "Committee", "Company",
	"Conference", "Congress", "Corporation", "Corp.", "Council", "Court",
	"Department", "Departments", "Foundation", "Front", "Government", "Inc.", "Inc",
	"Institute", "Institution", "League", "Legion", "Ltd.", "Ltd", "LLC", "plc",
	"Magazine", "Ministry", "Movement", "Network", "News", "Office", "Organisation",
	"Organization", "Parliament", "Party", "Police", "Post", "Press", "Service",
	"Services", "Society", "School", "Senate", "Times", "Tribune", "Union",
	"University", "Weekly", "Journal", "Herald", "Gazette", "Daily", "Airlines",
	"Airways", "Army", "Navy", "Force", "Forces", "Assembly", "Academy", "Alliance",
	"Federation", "Fund", "Trust", "Brigade", "Corps", "Guard", "Group", "Industries",
	"Systems", "Technologies", "Labs", "Studios", "Records", "Games", "Media",
	"Entertainment", "Broadcasting", "Radio", "TV", "Television", "Review",
	"Cabinet", "Administration", "Agencies", "Reserve", "Exchange", "Command",
	"Council", "Secretariat", "Directorate", "Inquirer", "Observer", "Chronicle",
	"Telegraph", "Guardian", "Mail", "Express", "Monitor", "Insider", "Today",
	"Team", "FC", "Bancorp", "Holdings", "Partners", "Motors", "Airline", "District",
	NULL
};

/* First words that, followed by "of", make an organisation. */
static const char *const org_head[] = {
	"Ministry", "Department", "University", "Church", "Bank", "Municipality",
	"Council", "Court", "Institute", "Office", "Bureau", "College", "Commission",
	"Committee", "Association", "Federation", "Union", "Society", "House", "Academy",
	"Board", "League", "Party", "School", "Congress", "Organisation", "Organization",
	"Order", "Assembly", "Friends", "Centre", "Center", "Chamber", "Secretariat",
	"Government", "Parliament", "Conference", "Coalition", "Instituto", "Istituto",
	"Institut", "Universidad", "Universidade", "Universit\xc3\xa0", "Universit\xc3\xa4t",
	"Banco", "Banca", "Partido", "Partito", "Movimento", "Ministerio", "Ministero",
	"Minist\xc3\xa8re", "Ministerium", "Comit\xc3\xa9", "Comitato", "Consejo",
	"Consiglio", "Conseil", "Escuela", "Scuola", "Colegio", "Liceo", NULL
};

/* Last words that make a name a place. */
static const char *const place_tail[] = {
	"Street", "St.", "Avenue", "Ave.", "Road", "Boulevard", "Square", "Station",
	"Stadium", "Arena", "Airport", "Hall", "Bridge", "Park", "Palace", "Memorial",
	"Tower", "Towers", "Building", "Centre", "Cathedral", "Mosque", "Temple",
	"Castle", "Museum", "Mountain", "Mountains", "River", "Lake", "Island",
	"Islands", "Sea", "Ocean", "Bay", "Gulf", "Valley", "Desert", "Peninsula",
	"County", "Province", "Region", "Oblast", "City", "Village", "Canyon", "Beach",
	"Coast", "Falls", "Harbour", "Harbor", "Strait", "Forest", "Heights", "Hills",
	"Highway", "Lane", "Plaza", "Gate", "Prison", "Hospital", "Pipeline", "Dam",
	"Basin", "Plain", "Plateau", "Stream", "Krai", "Governorate", "Prefecture",
	"Territory", "Republic", "Kingdom", "Emirate", "Cave", NULL
};

/* First words that make a name a place. */
static const char *const place_head[] = {
	"Mount", "Lake", "Cape", "Fort", "Camp", "Villa", "Gulf", "Port", "Isle",
	"Strait", "Mt.", "Palazzo", "Castle", NULL
};

/* Verbs of speech after a person's name. */
static const char *const said_words[] = {
	"said", "says", "told", "added", "stated", "explained", "wrote", "tweeted",
	"noted", "argued", "warned", "asked", "replied", "answered", "stressed",
	"emphasized", "emphasised", "announced", "claimed", "insisted", "admitted",
	"acknowledged", "recalled", "commented", "responded", "believes", "thinks",
	"confirmed", "denied", "urged", "revealed", "suggested", NULL
};

static const char *const place_cues[] = {
	"in", "near", "outside", "across", "throughout", NULL
};

/* Compass words that make a larger place of a known one ("East" before a city). */
static const char *const compass[] = {
	"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
	"Central", "Upper", "Lower", "Greater", "Northeast", "Northwest", "Southeast",
	"Southwest", NULL
};

static const char *const *const all_lists[] = {
	connectors, funcwords, event_tail, org_tail, org_head, place_tail, place_head,
	said_words, place_cues, compass
};
/* Which list, as a bit number in a word's mask: the order of all_lists. */
enum {
	W_CONNECTORS, W_FUNCWORDS, W_EVENT_TAIL, W_ORG_TAIL, W_ORG_HEAD, W_PLACE_TAIL,
	W_PLACE_HEAD, W_SAID, W_PLACE_CUES, W_COMPASS
};
#define NLISTS	(sizeof all_lists / sizeof all_lists[0])

/* Word hashes, eight bytes at a time with no loop per byte (util.h): one call per
 * lower-case word of every article, one per word looked up in the word lists.
 * The length goes in first, so two words collide only as the mixing does. */
static inline uint64_t
word_hash(const char *s, size_t n, int lower)
{
	uint64_t h = (n + 1) * 0x9E3779B97F4A7C15ULL, w;
	size_t i;

	for (i = 0; i + 8 < n; i += 8) {
		memcpy(&w, s + i, 8);
		h = hash_mix(h, lower ? lower8(w) : w);
	}
	w = n > 0 ? tail8(s, n) : 0;
	h = hash_mix(h, lower ? lower8(w) : w);
	return h ^ (h >> 29);
}

/* Words as the article writes them in lower case: never 0, the empty slot. */
static uint64_t
lowhash(const char *s, size_t n)
{
	return word_hash(s, n, 1) | 1;
}

static uint32_t
ws_hash(const char *s, size_t n)
{
	return (uint32_t)word_hash(s, n, 0);
}

static void
ws_build(struct entity_kb *kb)
{
	const char *const *w;
	size_t l, i, n;

	kb->ws = xcalloc(WS_SLOTS, sizeof *kb->ws);
	for (l = 0; l < NLISTS; l++)
		for (w = all_lists[l]; *w; w++) {
			n = strlen(*w);
			for (i = ws_hash(*w, n) & (WS_SLOTS - 1); kb->ws[i].s &&
			    (kb->ws[i].len != n || memcmp(kb->ws[i].s, *w, n) != 0);
			    i = (i + 1) & (WS_SLOTS - 1))
				;
			kb->ws[i].s = *w;
			kb->ws[i].len = n;
			kb->ws[i].mask |= 1u << l;
			if (l == W_CONNECTORS && n > kb->connmax)
				kb->connmax = n;
		}
}

static unsigned
ws_mask(const struct wslot *ws, const char *s, size_t n)
{
	size_t i;

	for (i = ws_hash(s, n) & (WS_SLOTS - 1); ws[i].s; i = (i + 1) & (WS_SLOTS - 1))
		if (ws[i].len == n && memcmp(ws[i].s, s, n) == 0)
			return ws[i].mask;
	return 0;
}

/* ---- per-article state ------------------------------------------------------------ */

/* A set of 64-bit hashes of ASCII-lowercased words: which words the article uses in
 * lower case, which it capitalises inside sentences. Collisions only blur a hint. */
struct hset {
	uint64_t	*h;
	size_t		 n, cap;	/* cap: a power of two */
	size_t		*used;		/* the n slots in use, so that emptying the
					 * set for the next article clears only them */
};

static void	hset_add(struct hset *, uint64_t);

static void
hset_grow(struct hset *s)
{
	struct hset old = *s;
	size_t k;

	s->cap = s->cap ? s->cap * 2 : 1024;
	s->h = xcalloc(s->cap, sizeof *s->h);
	s->used = xreallocarray(NULL, s->cap / 2, sizeof *s->used);
	s->n = 0;
	for (k = 0; k < old.n; k++)
		hset_add(s, old.h[old.used[k]]);
	free(old.h);
	free(old.used);
}

static inline void
hset_add(struct hset *s, uint64_t h)
{
	size_t i, mask;

	if ((s->n + 1) * 2 > s->cap)
		hset_grow(s);
	mask = s->cap - 1;
	for (i = h & mask; s->h[i]; i = (i + 1) & mask)
		if (s->h[i] == h)
			return;
	s->h[i] = h;
	s->used[s->n++] = i;
}

static void
hset_reset(struct hset *s)
{
	size_t k;

	for (k = 0; k < s->n; k++)
		s->h[s->used[k]] = 0;
	s->n = 0;
}

static void
hset_free(struct hset *s)
{
	free(s->h);
	free(s->used);
	memset(s, 0, sizeof *s);
}

static int
hset_has(const struct hset *s, uint64_t h)
{
	size_t i, mask;

	if (s->cap == 0)
		return 0;
	mask = s->cap - 1;
	for (i = h & mask; s->h[i]; i = (i + 1) & mask)
		if (s->h[i] == h)
			return 1;
	return 0;
}

/* Unknown words with a capitalised common word among them (an adjective or a
 * follower's noun before a name): each word is judged on its own. */
#define NSTOP_ACTION	CT_WEAK

enum {
	CT_WEAK = -1,		/* type decided from the whole article */
	CT_NONE = -2
};

struct cand {
	size_t	 start, end;
	int	 type;		/* ENT_* or CT_WEAK */
	int	 hint;		/* for weak ones: a context guess, or CT_NONE */
	char	*canon;		/* in x->strs; NULL: the text */
	char	*text;		/* in x->strs; the words joined by single spaces */
	size_t	 textlen;
	int	 ntok;
	int	 sent;		/* first word of a sentence */
	int	 fixed;		/* canonical from a glossary or an artifact */
	int	 acronym;
	int	 ent;
	long	 weight;	/* a single-word place: how well known */
	int	 tc;		/* found in a Title Case line */
	float	 score;		/* the model's confidence, or -1 */
};

/* Strings of one article's candidates: blocks that never move (candidates point
 * into them) and are rewound, not freed, for the next article. */
struct ablk {
	struct ablk	*next;
	size_t		 len, cap;
	char		 s[];
};

struct arena {
	struct ablk	*head, *cur;
};

#define ABLK_SIZE	16384

/* A new block for n bytes: the next one kept from an earlier article, or one more. */
static char *
arena_grow(struct arena *ar, size_t n)
{
	struct ablk *b = ar->cur, *nb;

	if (b != NULL && b->next != NULL && b->next->cap >= n) {
		b = b->next;	/* kept from an earlier article */
		b->len = 0;
	} else {
		nb = xmalloc(sizeof *nb + (n > ABLK_SIZE ? n : ABLK_SIZE));
		nb->cap = n > ABLK_SIZE ? n : ABLK_SIZE;
		nb->len = 0;
		if (b == NULL) {
			nb->next = ar->head;
			ar->head = nb;
		} else {
			nb->next = b->next;
			b->next = nb;
		}
		b = nb;
	}
	ar->cur = b;
	b->len += n;
	return b->s + b->len - n;
}

/* Inline: twice per candidate, and the current block has room but for one in a
 * few hundred. */
static inline char *
arena_alloc(struct arena *ar, size_t n)
{
	struct ablk *b = ar->cur;

	if (b == NULL || b->len + n > b->cap)
		return arena_grow(ar, n);
	b->len += n;
	return b->s + b->len - n;
}

static char *
arena_strndup(struct arena *ar, const char *s, size_t n)
{
	char *p = arena_alloc(ar, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void
arena_rewind(struct arena *ar)
{
	ar->cur = ar->head;
	if (ar->head)
		ar->head->len = 0;
}

static void
arena_free(struct arena *ar)
{
	struct ablk *b, *next;

	for (b = ar->head; b; b = next) {
		next = b->next;
		free(b);
	}
	ar->head = ar->cur = NULL;
}

/* Gazetteer answers for spans of tokens: seg asks again what run2 asked, title_at
 * what title_before did. Direct-mapped; an entry counts for its article only. */
#define SPAN_SLOTS	512
struct span_ent {
	size_t			 a, b;
	uint32_t		 gen;
	unsigned		 mask;
	const struct gz_row	*rows;
};

/* What entity_extract keeps between articles, so that an article allocates next to
 * nothing. Held by the kb; a call that finds it busy (nested) uses its own. */
struct ext_scratch {
	int			 busy;
	struct tokenizer	 tz;
	struct token		*tok;
	size_t			 tokcap;
	unsigned		*gzm, *wsm;
	const struct gz_row	**gzr;
	unsigned char		*capc;
	size_t			 maskcap;
	struct cand		*cands;
	size_t			 candcap;
	struct hset		 lower;		/* words written in lower case */
	size_t			*lo;
	int			*skip;
	size_t			 locap, skipcap;
	const struct artifact	**arts;
	size_t			 artcap;
	struct ent		*ents;		/* merge's */
	size_t			 entcap;
	size_t			*ord;		/* merge's order and rank */
	size_t			 ordcap;
	struct buf		 key, scratch;
	struct arena		 strs;
	struct span_ent		*spans;		/* SPAN_SLOTS */
	uint32_t		 gen;		/* the article's number, for spans */
	unsigned char		*lflags;	/* per line: NC_TITLECASE, NC_CAPSLINE */
	size_t			 lflagcap;
	struct cand		*rcands;	/* the rules' candidates, for the model */
	size_t			 rcandcap;
	struct ner_tok		*nt;		/* one line's tokens for the model */
	unsigned char		*ntags;
	float			*nconf;
	size_t			 ntcap;
	struct ner_work		 nw;
};

static struct ext_scratch *
scratch_new(void)
{
	return xcalloc(1, sizeof (struct ext_scratch));
}

/* Free what sc holds, not sc. */
static void
scratch_release(struct ext_scratch *sc)
{
	tokenizer_free(&sc->tz);
	free(sc->tok);
	free(sc->gzm);
	free(sc->wsm);
	free(sc->gzr);
	free(sc->capc);
	free(sc->cands);
	hset_free(&sc->lower);
	free(sc->lo);
	free(sc->skip);
	free(sc->arts);
	free(sc->ents);
	free(sc->ord);
	free(sc->spans);
	free(sc->lflags);
	free(sc->rcands);
	free(sc->nt);
	free(sc->ntags);
	free(sc->nconf);
	ner_work_free(&sc->nw);
	buf_free(&sc->key);
	buf_free(&sc->scratch);
	arena_free(&sc->strs);
}

static void
scratch_free(struct ext_scratch *sc)
{
	if (sc == NULL)
		return;
	scratch_release(sc);
	free(sc);
}

struct ext {
	const struct gazetteer		*gz;
	const struct article		*a;
	const struct clean_result	*c;
	const char			*text;
	struct token			*tok;	/* tokens of the whole article */
	size_t				 ntok, tokcap;
	size_t				 lo, hi;	/* tokens of the current line */
	int				 titlecase;
	int				 capsline;	/* mostly in capitals */
	struct hset			*lower;
	struct cand			*cands;
	size_t				 ncands, candcap;
	struct buf			 scratch;
	const struct wslot		*ws;
	size_t				 connmax;	/* the kb's, or SIZE_MAX */
	unsigned			*gzm, *wsm;	/* per token, with MASK_SET */
	const struct gz_row		**gzr;		/* per token, with gzm */
	unsigned char			*capc;		/* per token of the line: is_cap */
	const struct artifact		**arts;		/* those that name something */
	size_t				 narts;
	size_t				 artfrom;	/* the first not before the line */
	size_t				 linecands;	/* the first of the line's cands */
	struct arena			*strs;		/* candidates' strings */
	struct span_ent			*spans;
	uint32_t			 gen;
};

#define TT(i)	(x->text + x->tok[i].start)
#define TL(i)	(x->tok[i].end - x->tok[i].start)
#define TF(i)	(x->tok[i].flags)

/* Is token i the word w (a string literal, whose length is known here)? */
#define tok_is(x, i, w)	tok_is_n(x, i, w, sizeof(w) - 1)

static inline int
tok_is_n(struct ext *x, size_t i, const char *w, size_t n)
{
	/* the first byte decides most calls */
	return i < x->hi && TT(i)[0] == w[0] && n == TL(i) && memcmp(TT(i), w, n) == 0;
}

/* A cached mask has this bit, so that the caches start as zeroes (one memset). */
#define MASK_SET	0x80000000u

/* Is the word s in list l (W_*)? The hashed lists when there are. */
static int
word_in(struct ext *x, const char *s, size_t n, unsigned l)
{
	if (x->ws == NULL)
		return in_list(all_lists[l], s, n);
	return (ws_mask(x->ws, s, n) >> l) & 1;
}

/* The list mask of token i, first time round. */
static unsigned
tok_wsm(struct ext *x, size_t i)
{
	if (x->ws == NULL) {
		unsigned l, m = 0;

		for (l = 0; l < NLISTS; l++)
			if (in_list(all_lists[l], TT(i), TL(i)))
				m |= 1u << l;
		return x->wsm[i] = m | MASK_SET;
	}
	return x->wsm[i] = ws_mask(x->ws, TT(i), TL(i)) | MASK_SET;
}

/* Is token i in list l (W_*)? One hash probe per token and article, then a bit:
 * inline, as it is asked several times for most words. */
static inline int
tok_in(struct ext *x, size_t i, unsigned l)
{
	if (i >= x->hi)
		return 0;
	return ((x->wsm[i] ? x->wsm[i] : tok_wsm(x, i)) >> l) & 1;
}

/* Asked of most lower-case words: a longer word than any connector needs no hash
 * of it, nor the other lists' answers (tok_in finds those when asked). */
static inline int
is_connector(struct ext *x, size_t i)
{
	return (TF(i) & TK_WORD) && !(TF(i) & TK_UPPER) && TL(i) <= x->connmax &&
	    tok_in(x, i, W_CONNECTORS);
}

static int
is_funcword(struct ext *x, size_t i)
{
	return tok_in(x, i, W_FUNCWORDS);
}

static void
tok_lookup_first(struct ext *x, size_t i)
{
	x->gzm[i] = gz_lookup(x->gz, TT(i), TL(i), &x->gzr[i]) | MASK_SET;
}

/* Gazetteer mask (and rows) of token i: looked up once per article. Inline: the
 * answer is there for most calls. */
static inline unsigned
tok_lookup(struct ext *x, size_t i, const struct gz_row **r)
{
	if (x->gzm[i] == 0)
		tok_lookup_first(x, i);
	if (r)
		*r = x->gzr[i];
	return x->gzm[i] & ~MASK_SET;
}

static unsigned
tok_mask(struct ext *x, size_t i)
{
	return tok_lookup(x, i, NULL);
}

/* The gazetteer's answer for tokens [a, b) joined by single spaces, into their
 * span cache entry e. */
static void
span_lookup_first(struct ext *x, size_t a, size_t b, struct buf *key, struct span_ent *e)
{
	size_t i;

	key->len = 0;
	buf_grow(key, 64);
	for (i = a; i < b; i++) {
		if (i > a)
			buf_addc(key, ' ');
		buf_add(key, TT(i), TL(i));
	}
	e->mask = gz_lookup(x->gz, key->s, key->len, &e->rows);
	e->a = a;
	e->b = b;
	e->gen = x->gen;
}

/* Mask of gazetteer types for tokens [a, b) joined by single spaces. Inline: most
 * calls find the answer cached. */
static inline unsigned
span_lookup(struct ext *x, size_t a, size_t b, struct buf *key, const struct gz_row **r)
{
	struct span_ent *e;

	if (b - a == 1)
		return tok_lookup(x, a, r);
	e = &x->spans[(a * 31 + b) & (SPAN_SLOTS - 1)];
	if (e->gen != x->gen || e->a != a || e->b != b)
		span_lookup_first(x, a, b, key, e);
	if (r)
		*r = e->rows;
	return e->mask;
}


/* "I've", "Don't", "It's": no name. */
static int
contraction(struct ext *x, size_t i)
{
	const char *p = TT(i), *e = p + TL(i), *q;
	size_t r, n = TL(i);

	/* For a contraction the first apostrophe is 2 or 3 bytes from the end
	 * ("'m", "'ve"), or 4 or 5 for U+2019: most names have none there. */
	if (!((n >= 2 && e[-2] == '\'') || (n >= 3 && e[-3] == '\'') ||
	    (n >= 4 && (unsigned char)e[-4] == 0xe2) ||
	    (n >= 5 && (unsigned char)e[-5] == 0xe2)))
		return 0;

	for (q = p; q < e; q++) {
		if (*q == '\'')
			r = 1;
		else if (q + 2 < e && memcmp(q, "\xe2\x80\x99", 3) == 0)
			r = 3;
		else
			continue;
		q += r;
		r = (size_t)(e - q);
		return (r == 1 && (*q == 'm' || *q == 'd' || *q == 't')) ||
		    (r == 2 && (memcmp(q, "ve", 2) == 0 || memcmp(q, "ll", 2) == 0 ||
		    memcmp(q, "re", 2) == 0));
	}
	return 0;
}

/* A word that may start or continue a name. */
static int
is_cap_at(struct ext *x, size_t i)
{
	unsigned f = TF(i);

	if (!(f & TK_WORD))
		return 0;
	if (!(f & TK_UPPER)) {
		/* "al-Assad", "bin-Salman": a lower-case particle joined to a name */
		if ((f & TK_HYPH) && (TL(i) > 3) && (memcmp(TT(i), "al-", 3) == 0 ||
		    memcmp(TT(i), "el-", 3) == 0))
			return 1;
		return 0;
	}
	if (is_funcword(x, i) && !tok_is(x, i, "The"))
		return 0;
	if (contraction(x, i))
		return 0;
	if (x->titlecase && !(f & TK_ALLCAPS) && (tok_mask(x, i) & (GZ_BIT(GZ_STOP) |
	    GZ_BIT(GZ_GIVEN))) == GZ_BIT(GZ_STOP))
		return 0;
	return 1;
}

/* is_cap_at of token i, which do_line works out for the whole line first. */
#define is_cap(x, i)	((x)->capc[i])

static int
is_title_word(unsigned mask)
{
	return (mask & (GZ_BIT(GZ_TITLE) | GZ_BIT(GZ_HONORIFIC))) != 0;
}

#define TITLEBITS	(GZ_BIT(GZ_TITLE) | GZ_BIT(GZ_HONORIFIC))

/* title_at for a token that may start a title (m0, its mask, says so). */
static size_t
title_from(struct ext *x, size_t i, size_t b, struct buf *key, unsigned m0)
{
	size_t l, max = b - i < 5 ? b - i : 5;

	for (l = max; l >= 2; l--)
		/* a title phrase's last word is listed as one (GZ_TLAST) */
		if ((tok_mask(x, i + l - 1) & GZ_BIT(GZ_TLAST)) &&
		    is_title_word(span_lookup(x, i, i + l, key, NULL)))
			return l;
	if (is_title_word(m0))
		return 1;
	if ((TF(i) & TK_ABBR) && is_title_word(gz_lookup(x->gz, TT(i), TL(i) - 1, NULL)))
		return 1;
	return 0;
}

/* Length in tokens of the longest title phrase starting at i inside [i, b).
 * Inline: asked of every word of a name, most of which start none. */
static inline size_t
title_at(struct ext *x, size_t i, size_t b, struct buf *key)
{
	unsigned m0 = tok_mask(x, i);

	if (!(m0 & (TITLEBITS | GZ_BIT(GZ_TPREFIX))) && !(TF(i) & TK_ABBR))
		return 0;
	return title_from(x, i, b, key, m0);
}

/* title_before for a word before the name that is a title's last word. */
static int
title_ending(struct ext *x, size_t a, struct buf *key)
{
	size_t l;

	for (l = 2; l <= 4 && l <= a - x->lo; l++)
		if (is_title_word(span_lookup(x, a - l, a, key, NULL)))
			return 1;
	return 0;
}

/* A title (any case) right before token a: "spokesman Dmitry Peskov". Inline:
 * asked before every name, and the word before most is no title. */
static inline int
title_before(struct ext *x, size_t a, struct buf *key)
{
	unsigned m;

	if (a <= x->lo || !(TF(a - 1) & TK_WORD) || (TF(a - 1) & TK_POSS))
		return 0;	/* a possessive title names an event, not its holder */
	m = tok_mask(x, a - 1);
	if (is_title_word(m) || ((TF(a - 1) & TK_ABBR) &&
	    is_title_word(gz_lookup(x->gz, TT(a - 1), TL(a - 1) - 1, NULL))))
		return 1;
	return (m & GZ_BIT(GZ_TLAST)) && title_ending(x, a, key);
}

/* person_after past the comma at b. */
static int
person_after_comma(struct ext *x, size_t b, struct buf *key)
{
	size_t i;
	int det;

	if (tok_is(x, b + 1, "who") || (b + 2 < x->hi && tok_in(x, b + 2, W_SAID)))
		return 1;
	/* Apposition: ", the Kremlin spokesman", ", Russian Foreign Minister" */
	det = tok_is(x, b + 1, "the") || tok_is(x, b + 1, "a") || tok_is(x, b + 1, "an");
	for (i = b + 1; i < x->hi && i < b + 8; i++) {
		if (!(TF(i) & TK_WORD))
			break;
		if (title_at(x, i, x->hi, key))
			return 1;
		/* after an article any words may describe the office: ", the first
		 * vice chairman"; otherwise only names: ", Kremlin spokesman" */
		if (!(TF(i) & TK_UPPER) && !det && !tok_is(x, i, "former"))
			break;
	}
	return 0;
}

/* Context after a name that speaks for a person: a verb of saying, "who", or an
 * apposition that is a title. Inline: asked after most names, most followed by
 * neither. */
static inline int
person_after(struct ext *x, size_t b, struct buf *key)
{
	if (b >= x->hi)
		return 0;
	if ((TF(b) & TK_WORD) && tok_in(x, b, W_SAID))
		return 1;
	return tok_is(x, b, ",") && person_after_comma(x, b, key);
}

static int
place_before(struct ext *x, size_t a)
{
	if (a <= x->lo || !(TF(a - 1) & TK_WORD))
		return 0;
	if (tok_in(x, a - 1, W_PLACE_CUES))
		return 1;
	return tok_is(x, a - 1, "with") && a - 2 >= x->lo && a >= 2 &&
	    tok_is(x, a - 2, "border");
}

/* A known place after a comma (a town, then its state or country). */
static int
place_after(struct ext *x, size_t b)
{
	return b + 1 < x->hi && tok_is(x, b, ",") && (TF(b + 1) & TK_UPPER) &&
	    (tok_mask(x, b + 1) & GZ_BIT(GZ_PLACE));
}

static long
row_weight(const struct gz_row *r)
{
	return r ? r->weight : 0;
}

/* The best-known row of a type: curated first, then by weight. */
static const struct gz_row *
best_row(struct ext *x, const struct gz_row *r, enum gz_type t)
{
	const struct gz_row *best = NULL;
	long w, bestw = -1;

	for (; r; r = gz_row_at(x->gz, r->next)) {
		if (r->type != t)
			continue;
		if (r->src == GZS_CURATED)
			return r;
		w = row_weight(r);
		if (w > bestw) {
			best = r;
			bestw = w;
		}
	}
	return best;
}

/* A country-like place: a row that is no mere GeoNames town. */
static int
major_place(struct ext *x, const struct gz_row *rows)
{
	return row_weight(best_row(x, rows, GZ_PLACE)) >= 1000000;
}

static int
curated_org(struct ext *x, const struct gz_row *r)
{
	for (; r; r = gz_row_at(x->gz, r->next))
		if (r->type == GZ_ORG && r->src == GZS_CURATED)
			return 1;
	return 0;
}

static void
add_cand(struct ext *x, size_t a, size_t b, int type, int hint, const char *canon,
    size_t canonlen, int fixed)
{
	struct cand *c;
	size_t i, len;
	char *t, *p;

	if (x->ncands == x->candcap) {
		x->candcap = x->candcap ? x->candcap * 2 : 64;
		x->cands = xreallocarray(x->cands, x->candcap, sizeof *x->cands);
	}
	c = &x->cands[x->ncands++];
	memset(c, 0, sizeof *c);
	c->start = x->tok[a].start;
	c->end = x->tok[b - 1].end;
	c->type = type;
	c->hint = hint;
	c->canon = canon ? arena_strndup(x->strs, canon, canonlen) : NULL;
	for (i = a, len = 0; i < b; i++)
		len += TL(i) + (i > a);
	t = p = arena_alloc(x->strs, len + 1);
	for (i = a; i < b; i++) {
		if (i > a)
			*p++ = ' ';
		memcpy(p, TT(i), TL(i));
		p += TL(i);
	}
	/* Photo credits: "NAME-Pool / AGENCY" names the photographer */
	if (c->end - c->start > 5 && (TF(b - 1) & TK_HYPH) &&
	    memcmp(x->text + c->end - 5, "-Pool", 5) == 0) {
		c->end -= 5;
		len -= 5;
	}
	t[len] = '\0';
	c->textlen = len;
	c->text = t;
	c->ntok = (int)(b - a);
	c->sent = (TF(a) & TK_SENT) != 0;
	c->fixed = fixed;
	c->acronym = b - a == 1 && (TF(a) & TK_ALLCAPS);
	c->tc = x->titlecase;
	c->ent = -1;
	c->score = -1;
}

/* The person a name stands for: the curated row, else the one known person of that
 * name. A name the lists give to several people (a common surname) names none of
 * them, and the text's own spelling stays canonical. */
static const struct gz_row *
person_row(struct ext *x, const struct gz_row *rows)
{
	const struct gz_row *best = best_row(x, rows, GZ_PERSON), *r;

	if (best == NULL || best->src == GZS_CURATED)
		return best;
	for (r = rows; r; r = gz_row_at(x->gz, r->next))
		if (r->type == GZ_PERSON && r != best && (r->canonlen != best->canonlen ||
		    memcmp(r->canon, best->canon, r->canonlen) != 0))
			return NULL;
	return best;
}

/* Map a type mask (and context) to an entity type; -1 when it names nothing. */
static int
type_of(struct ext *x, unsigned m, const struct gz_row *rows, int cue, size_t ntok,
    const struct gz_row **row)
{
	*row = NULL;
	if (cue && (m & GZ_BIT(GZ_PERSON))) {
		*row = person_row(x, rows);
		return ENT_PERSON;
	}
	if (cue && (m & (GZ_BIT(GZ_GIVEN) | GZ_BIT(GZ_SURNAME))))
		return ENT_PERSON;
	if ((m & GZ_BIT(GZ_ORG)) && curated_org(x, rows)) {
		*row = best_row(x, rows, GZ_ORG);
		return ENT_ORG;
	}
	if ((m & GZ_BIT(GZ_PERSON)) && ntok > 1 && !(m & GZ_BIT(GZ_PLACE))) {
		*row = person_row(x, rows);
		return ENT_PERSON;
	}
	if (m & GZ_BIT(GZ_PLACE)) {
		*row = best_row(x, rows, GZ_PLACE);
		return ENT_PLACE;
	}
	if (m & GZ_BIT(GZ_ORG)) {
		*row = best_row(x, rows, GZ_ORG);
		return ENT_ORG;
	}
	if (m & GZ_BIT(GZ_PERSON)) {
		*row = person_row(x, rows);
		return ENT_PERSON;
	}
	return -1;
}

/* A name the glossary or the cleaner says is a variant: type and canonical come from
 * the right name. A literal translation (strict) counts only when the right phrase
 * is a known name: one that renders a known name counts, one that renders a
 * common phrase does not.
 * Returns 1 when handled. */
static int
variant(struct ext *x, size_t a, size_t b, const char *sugg, size_t slen, int cue,
    int strict)
{
	const struct gz_row *rows, *row;
	unsigned m;
	int t;

	if (slen == 0)
		return 0;
	m = gz_lookup(x->gz, sugg, slen, &rows);
	t = type_of(x, m, rows, cue, 2, &row);
	if (t < 0 && strict)
		return 0;
	if (t < 0) {
		/* Unknown right name: a two-word name with a given name is a person. */
		const char *sp = memchr(sugg, ' ', slen);

		/* A listed variant names something; two or three words are a
		 * person's name far more often than anything else. */
		if (sp && (gz_lookup(x->gz, sugg, (size_t)(sp - sugg), NULL) &
		    GZ_BIT(GZ_GIVEN)))
			t = ENT_PERSON;
		else if (cue || (sp && !memchr(sp + 1, ' ', slen - (size_t)(sp + 1 -
		    sugg)) && b - a >= 2))
			t = ENT_PERSON;
		else
			return 0;
	}
	if (row && (t != ENT_PERSON || memchr(row->canon, ' ', row->canonlen)))
		add_cand(x, a, b, t, CT_NONE, row->canon, row->canonlen, 1);
	else
		add_cand(x, a, b, t, CT_NONE, sugg, slen, 1);
	return 1;
}

/* Artifacts whose suggestion counts only when it is a known name: literal
 * translations, and casing fixes to an acronym (a pronoun that may be one). */
static int
strict_kind(const struct artifact *ar)
{
	return ar->kind == AK_MISTRANSLATION || ar->kind == AK_CASING;
}

static int
names_kind(const struct artifact *ar)
{
	const char *p;

	if (!ar->suggestion || !ar->suggestion[0])
		return 0;
	if (ar->kind == AK_CASING) {
		/* a casing fix to a name of several capitalised words counts */
		if (strchr(ar->suggestion, ' ') && ar->suggestion[0] >= 'A' &&
		    ar->suggestion[0] <= 'Z')
			return 1;
		for (p = ar->suggestion; *p; p++)
			if (!(*p >= 'A' && *p <= 'Z') && *p != '.')
				return 0;
		return p - ar->suggestion >= 2;
	}
	return ar->kind == AK_NAME_VARIANT || ar->kind == AK_WRONG_REFERENT ||
	    ar->kind == AK_MISTRANSLATION;
}

static const struct artifact *
artifact_over(struct ext *x, size_t s, size_t e)
{
	size_t lo = 0, hi = x->narts, mid;

	/* x->arts are the artifacts that name something, in order of start and
	 * never overlapping, so in order of end too: the one that can overlap
	 * [s, e) is the first that ends after s. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->arts[mid]->end <= s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->narts && x->arts[lo]->start < e ? x->arts[lo] : NULL;
}

static int
has_connector(struct ext *x, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++)
		if (is_connector(x, i))
			return 1;
	return 0;
}

static int
org_shape(struct ext *x, size_t a, size_t b)
{
	size_t i;

	if (tok_in(x, b - 1, W_ORG_TAIL))
		return 1;
	for (i = a; i + 1 < b; i++)
		if (tok_in(x, i, W_ORG_HEAD) && is_connector(x, i + 1))
			return 1;
	return 0;
}

static int
place_shape(struct ext *x, size_t a, size_t b)
{
	if (b - a < 2)
		return 0;
	if (tok_in(x, b - 1, W_PLACE_TAIL))
		return 1;
	return tok_in(x, a, W_PLACE_HEAD) && (TF(a + 1) & TK_UPPER);
}

static void seg(struct ext *, size_t, size_t, int, struct buf *);

static int	norp_only(struct ext *, const struct gz_row *, unsigned);

/* Two countries joined by a hyphen give two places, a country and a demonym one,
 * two demonyms none; a hyphenated name whose pieces are not all known places
 * stays whole. */
static int
hyphen_split(struct ext *x, size_t i)
{
	const char *s = TT(i), *e = s + TL(i), *p, *q;
	const struct gz_row *rows, *row;
	unsigned m, known = 0, places = 0, pieces = 0;
	struct token save = x->tok[i];
	int t;

	for (p = s; p < e; p = q + 1) {
		if ((q = memchr(p, '-', (size_t)(e - p))) == NULL)
			q = e;
		m = gz_lookup(x->gz, p, (size_t)(q - p), NULL);
		pieces++;
		if (m & (GZ_BIT(GZ_PLACE) | GZ_BIT(GZ_NORP)))
			places++;
		if (m & (GZ_BIT(GZ_PLACE) | GZ_BIT(GZ_NORP) | GZ_BIT(GZ_ORG)))
			known++;
	}
	if (pieces < 2 || places == 0 || known < pieces)
		return 0;
	for (p = s; p < e; p = q + 1) {
		if ((q = memchr(p, '-', (size_t)(e - p))) == NULL)
			q = e;
		m = gz_lookup(x->gz, p, (size_t)(q - p), &rows);
		if ((m & GZ_BIT(GZ_NORP)) && !(m & GZ_BIT(GZ_ORG)) && norp_only(x, rows, m))
			continue;
		t = type_of(x, m, rows, 0, 1, &row);
		if (t < 0)
			continue;
		x->tok[i].start = (size_t)(p - x->text);
		x->tok[i].end = (size_t)(q - x->text);
		if (row)
			add_cand(x, i, i + 1, t, CT_NONE, row->canon, row->canonlen, 0);
		else
			add_cand(x, i, i + 1, t, CT_NONE, NULL, 0, 0);
	}
	x->tok[i] = save;
	return 1;
}

static int	fold_eq(const char *, size_t, const char *, size_t);

#define KNOWN	(GZ_BIT(GZ_PLACE) | GZ_BIT(GZ_ORG) | GZ_BIT(GZ_PERSON))
#define VARIANTS	(GZ_BIT(GZ_VARIANT) | GZ_BIT(GZ_WRONGREF) | GZ_BIT(GZ_MT))

/* A demonym, also in the plural, that names no place of its own. Before another
 * name a word that is also a given name (WordNet lists some given names as
 * demonyms) counts as the given name; alone it is the demonym. */
static int
demonym(struct ext *x, size_t i, int alone)
{
	const struct gz_row *rows;
	unsigned m;

	if (!(tok_mask(x, i) & GZ_BIT(GZ_NORP)) && !(TL(i) > 3 && TT(i)[TL(i) - 1] == 's'))
		return 0;	/* the common case, from the cache */
	m = tok_lookup(x, i, &rows);
	if (!(m & GZ_BIT(GZ_NORP)) && TL(i) > 3 && TT(i)[TL(i) - 1] == 's')
		m = gz_lookup(x->gz, TT(i), TL(i) - 1, &rows);
	if (!(m & GZ_BIT(GZ_NORP)) || (m & (GZ_BIT(GZ_PERSON) | GZ_BIT(GZ_ORG))) ||
	    (!alone && (m & GZ_BIT(GZ_GIVEN))))
		return 0;
	return norp_only(x, rows, m);
}

/* Rows of a demonym: no place of its own name, unless a city of a million (some
 * demonyms are also rivers, or name their country only in WordNet). */
static int
norp_only(struct ext *x, const struct gz_row *rows, unsigned m)
{
	if (!(m & GZ_BIT(GZ_PLACE)))
		return 1;
	for (; rows; rows = gz_row_at(x->gz, rows->next))
		if (rows->type == GZ_PLACE && strtol(rows->detail, NULL, 10) >= 1000000)
			return 0;
	return 1;
}

/* "UNLESS", "AND": a function word written in capitals for emphasis. */
static int
caps_funcword(struct ext *x, size_t i)
{
	char w[32];
	size_t k, n = TL(i);

	if (n == 0 || n >= sizeof w)
		return 0;
	for (k = 0; k < n; k++) {
		char c = TT(i)[k];

		w[k] = k > 0 && c >= 'A' && c <= 'Z' ? c + 32 : c;
	}
	if (word_in(x, w, n, W_FUNCWORDS))
		return 1;
	if (w[0] >= 'A' && w[0] <= 'Z')
		w[0] += 32;
	return word_in(x, w, n, W_CONNECTORS);
}

/* Roman numerals of two letters or more: "XVII", "II" */
static int
roman(const char *s, size_t n)
{
	size_t i;

	if (n < 2)
		return 0;
	/* no strchr: asked of most names, and the first letter decides */
	for (i = 0; i < n; i++)
		switch (s[i]) {
		case 'I': case 'V': case 'X': case 'L': case 'C': case 'D': case 'M':
			break;
		default:
			return 0;
		}
	return 1;
}

/* A domain name (a name, a dot, a top-level domain): a web site named as its
 * owner. */
static int
domain(struct ext *x, size_t i)
{
	/* with their lengths: asked for every one-word name */
	static const struct {
		const char	*s;
		size_t		 n;
	} tlds[] = {
		{ ".com", 4 }, { ".org", 4 }, { ".net", 4 }, { ".co.uk", 6 }, { ".gov", 4 },
		{ ".edu", 4 }, { ".io", 3 }, { ".info", 5 }, { ".ru", 3 }, { ".cn", 3 }
	};
	size_t k, n;

	/* no dot, no domain: most words */
	if (TL(i) < 5 || memchr(TT(i), '.', TL(i)) == NULL)
		return 0;
	for (k = 0; k < sizeof tlds / sizeof tlds[0]; k++) {
		n = tlds[k].n;
		if (TL(i) > n + 1 && fold_eq(TT(i) + TL(i) - n, n, tlds[k].s, n))
			return 1;
	}
	return 0;
}

/* A country-sized place: people's names do not end in one. */
static int
country_word(struct ext *x, size_t i)
{
	const struct gz_row *rows;

	if (!(tok_lookup(x, i, &rows) & GZ_BIT(GZ_PLACE)))
		return 0;
	return row_weight(best_row(x, rows, GZ_PLACE)) >= 1000000;
}

static int
after_the(struct ext *x, size_t a)
{
	return a > x->lo && (tok_is(x, a - 1, "the") || (tok_is(x, a - 1, "The") &&
	    !(TF(a - 1) & TK_SENT)));
}

/* Before a given name, is [a, k) something else than more of the person's name:
 * a known place or organisation, an organisation's shape, a common word? */
static int
split_left_ok(struct ext *x, size_t a, size_t k, struct buf *key)
{
	size_t i;

	if (span_lookup(x, a, k, key, NULL) & (GZ_BIT(GZ_PLACE) | GZ_BIT(GZ_ORG)))
		return 1;
	if (tok_in(x, k - 1, W_ORG_TAIL) || tok_in(x, k - 1, W_PLACE_TAIL))
		return 1;
	for (i = a; i < k; i++)
		if ((tok_mask(x, i) & (GZ_BIT(GZ_STOP) | GZ_BIT(GZ_NORP))) &&
		    !(tok_mask(x, i) & (GZ_BIT(GZ_GIVEN) | GZ_BIT(GZ_SURNAME))))
			return 1;
	return 0;
}

/* Type one segment [a, b) that holds no title. cue: a title stood before it. */
static void
seg(struct ext *x, size_t a, size_t b, int cue, struct buf *key)
{
	const struct gz_row *rows, *row;
	const struct artifact *ar;
	unsigned m, m0;
	int t, hint, given, nstop;
	size_t i, k;

	for (;;) {
		while (a < b && (is_connector(x, a) || !(TF(a) & TK_WORD)))
			a++;
		while (b > a && (is_connector(x, b - 1) || !(TF(b - 1) & TK_WORD)))
			b--;
		if (a >= b)
			return;
		m = span_lookup(x, a, b, key, &rows);
		m0 = b - a == 1 ? m : tok_mask(x, a);
		/* A capitalised common word opening a sentence (a plural noun). */
		if ((TF(a) & TK_SENT) && !cue && !(TF(a) & TK_ALLCAPS) && !(m & VARIANTS) &&
		    !((m & KNOWN) && (b - a > 1 || !(m & GZ_BIT(GZ_STOP)) ||
		    (m & GZ_BIT(GZ_ORG)) || major_place(x, rows))) &&
		    ((m0 & GZ_BIT(GZ_STOP)) || (hset_has(x->lower, lowhash(TT(a), TL(a))) &&
		    !(m0 & (GZ_BIT(GZ_GIVEN) | GZ_BIT(GZ_PLACE)))))) {
			/* two unknown words opening a sentence: the second alone is no
			 * better a name */
			if (b - a == 2 && !is_funcword(x, a) && !(tok_mask(x, a + 1) &
			    (KNOWN | GZ_BIT(GZ_GIVEN) | GZ_BIT(GZ_SURNAME))))
				return;
			a++;
			continue;
		}
		/* A demonym before a name: kept only inside an organisation's name. */
		if (b - a >= 2 && !(m & (KNOWN | VARIANTS)) && demonym(x, a, 0)) {
			/* a demonym, then a known organisation: one name */
			if (!(TF(a) & TK_HYPH) && (span_lookup(x, a + 1, b, key, NULL) &
			    (GZ_BIT(GZ_ORG) | GZ_BIT(GZ_PLACE))) == GZ_BIT(GZ_ORG)) {
				add_cand(x, a, b, ENT_ORG, CT_NONE, NULL, 0, 0);
				return;
			}
			if ((org_shape(x, a, b) || tok_is(x, b - 1, "Center") ||
			    tok_is(x, b - 1, "Centre")) && !(TF(a) & TK_HYPH)) {
				add_cand(x, a, b, ENT_ORG, CT_NONE, NULL, 0, 0);
				return;
			}
			if ((TF(a) & TK_HYPH))
				hyphen_split(x, a);
			a++;
			continue;
		}
		/* A version or a score after a word: a number ends no unknown name. */
		if (((TF(b - 1) & TK_DIGIT) || (b - a > 1 && roman(TT(b - 1), TL(b - 1)))) &&
		    !(m & (KNOWN | VARIANTS)) &&
		    !artifact_over(x, x->tok[a].start, x->tok[b - 1].end)) {
			if (b - a == 1)
				return;
			if (!(span_lookup(x, a, b - 1, key, NULL) & KNOWN))
				return;
			b--;
			continue;
		}
		break;
	}
	/* Variants first: the glossary, then the cleaner's artifacts. */
	if (m & VARIANTS) {
		for (row = rows; row; row = gz_row_at(x->gz, row->next))
			if ((row->type == GZ_VARIANT || row->type == GZ_WRONGREF ||
			    row->type == GZ_MT) && variant(x, a, b, row->canon,
			    row->canonlen, cue, row->type == GZ_MT))
				return;
	}
	if ((ar = artifact_over(x, x->tok[a].start, x->tok[b - 1].end)) != NULL) {
		/* Only an artifact over exactly this name renames it; inside a longer
		 * artifact ("Russian" of "Russian satellite network") the name is left
		 * to the artifact; a shorter one inside the name says nothing of it. */
		if (ar->start == x->tok[a].start && ar->end == x->tok[b - 1].end) {
			if (variant(x, a, b, ar->suggestion, strlen(ar->suggestion), cue,
			    strict_kind(ar)))
				return;
		} else if (ar->start <= x->tok[a].start && ar->end >= x->tok[b - 1].end &&
		    ar->kind != AK_CASING)
			return;
	}
	if (b - a == 1 && (TF(a) & TK_HYPH) && !(m & KNOWN) && hyphen_split(x, a))
		return;
	if (b - a == 1 && demonym(x, a, 1))
		return;		/* a demonym alone */
	if (b < x->hi && !(TF(b) & TK_SPACE) && (tok_is(x, b, "$") ||
	    tok_is(x, b, "\xe2\x82\xac")))
		return;		/* a currency sign after it: money */
	if (b - a == 1 && roman(TT(a), TL(a)))
		return;		/* "part XVII" */
	if (b - a == 1 && tok_in(x, a, W_COMPASS) && !(m & GZ_BIT(GZ_ORG)))
		return;		/* "the West" is no place */
	for (i = a; i < b - 1 && tok_in(x, i, W_COMPASS); i++)
		;
	if (i == b - 1 && i > a && demonym(x, i, 1))
		return;		/* a compass word and a demonym */
	/* A word in capitals inside a sentence is an acronym, not the common word */
	if (b - a == 1 && (TF(a) & TK_ALLCAPS) && !x->capsline && !caps_funcword(x, a))
		m &= ~GZ_BIT(GZ_STOP);
	if (b - a >= 2 && tok_in(x, a, W_COMPASS) && (span_lookup(x, a + 1, b, key, NULL) &
	    GZ_BIT(GZ_PLACE)) && !(m & KNOWN)) {
		add_cand(x, a, b, ENT_PLACE, CT_NONE, NULL, 0, 0);
		return;
	}
	if (b - a == 1 && domain(x, a)) {
		add_cand(x, a, b, ENT_ORG, CT_NONE, NULL, 0, 0);
		return;
	}
	if (b - a == 1 && (m & GZ_BIT(GZ_STOP)) && !cue && !((m & KNOWN) &&
	    (major_place(x, rows) || (m & GZ_BIT(GZ_ORG)))))
		return;
	if (!cue)
		cue = person_after(x, b, key);
	/* an abbreviation with periods is listed without them too */
	if (m == 0 && b - a == 1 && (TF(a) & TK_ABBR) && memchr(TT(a), '.', TL(a))) {
		char tmp[64];
		size_t n = 0, j;

		for (j = 0; j < TL(a) && n < sizeof tmp; j++)
			if (TT(a)[j] != '.')
				tmp[n++] = TT(a)[j];
		m = gz_lookup(x->gz, tmp, n, &rows);
	}
	t = type_of(x, m & ~(GZ_BIT(GZ_STOP)), rows, cue, b - a, &row);
	/* A small town that is also a common word needs a cue. */
	if (t == ENT_PLACE && b - a == 1 && row_weight(row) < 100000 &&
	    !place_before(x, a) && ((TF(a) & TK_SENT) || hset_has(x->lower,
	    lowhash(TT(a), TL(a)))))
		t = -1;
	if (t >= 0) {
		if (row)
			add_cand(x, a, b, t, CT_NONE, row->canon, row->canonlen, 0);
		else
			add_cand(x, a, b, t, CT_NONE, NULL, 0, 0);
		if (t == ENT_PLACE && b - a == 1)
			x->cands[x->ncands - 1].weight = row_weight(row);
		return;
	}
	if (org_shape(x, a, b) && b - a > 1) {
		add_cand(x, a, b, ENT_ORG, CT_NONE, NULL, 0, 0);
		return;
	}
	if (place_shape(x, a, b)) {
		add_cand(x, a, b, ENT_PLACE, CT_NONE, NULL, 0, 0);
		return;
	}
	if (b - a > 1 && tok_in(x, b - 1, W_EVENT_TAIL)) {
		/* a named event: only the names inside it count */
		for (i = a; i + 1 < b; i++)
			if ((TF(i) & TK_HYPH) || (tok_mask(x, i) & KNOWN))
				seg(x, i, i + 1, 0, key);
		return;
	}
	if (b - a == 1) {
		if (cue)
			t = ENT_PERSON;
		else if ((TF(a) & TK_ALLCAPS) && TL(a) >= 3 && TL(a) <= 6 && !x->titlecase &&
		    !x->capsline)
			t = ENT_ORG;
		else if ((m & GZ_BIT(GZ_GIVEN)) && !(TF(a) & TK_SENT))
			t = ENT_PERSON;
		if (t >= 0) {
			add_cand(x, a, b, t, CT_NONE, NULL, 0, 0);
			return;
		}
		hint = place_before(x, a) || place_after(x, b) ? ENT_PLACE :
		    after_the(x, a) ? ENT_ORG : CT_NONE;
		add_cand(x, a, b, CT_WEAK, hint, NULL, 0, 0);
		return;
	}
	/* Two names side by side (an office's country or body, then its holder).
	 * Split before a given name, or after a known name. */
	if (!(m0 & GZ_BIT(GZ_GIVEN)))
		for (k = a + 1; k + 1 < b; k++)
			if ((tok_mask(x, k) & GZ_BIT(GZ_GIVEN)) && (TF(k + 1) & TK_UPPER) &&
			    !is_connector(x, k - 1) && split_left_ok(x, a, k, key)) {
				seg(x, a, k, 0, key);
				seg(x, k, b, cue, key);
				return;
			}
	for (k = b - 1; k > a && (!(m0 & (GZ_BIT(GZ_GIVEN) | GZ_BIT(GZ_SURNAME))) ||
	    country_word(x, a)); k--)
		if ((span_lookup(x, a, k, key, NULL) & (k == b - 1 ? KNOWN :
		    (GZ_BIT(GZ_PLACE) | GZ_BIT(GZ_ORG)))) &&
		    !is_connector(x, k - 1) && !is_connector(x, k)) {
			if (k < b - 1 || (span_lookup(x, k, b, key, NULL) & KNOWN)) {
				seg(x, a, k, 0, key);
				seg(x, k, b, cue, key);
				return;
			}
			/* "the Malaysia Tourism board": a name and a common word */
			if ((tok_mask(x, k) & GZ_BIT(GZ_STOP)) && !tok_in(x, k, W_ORG_TAIL) &&
			    !tok_in(x, k, W_PLACE_TAIL)) {
				seg(x, a, k, 0, key);
				return;
			}
		}
	given = (m0 & GZ_BIT(GZ_GIVEN)) != 0 && !country_word(x, a);
	for (i = a, nstop = 0; i < b; i++) {
		unsigned mi = tok_mask(x, i);

		if ((mi & GZ_BIT(GZ_STOP)) && !(mi & (GZ_BIT(GZ_GIVEN) | GZ_BIT(GZ_SURNAME))))
			nstop++;
	}
	if (cue || given || (!nstop && (tok_mask(x, b - 1) & GZ_BIT(GZ_SURNAME))))
		t = ENT_PERSON;
	else if (has_connector(x, a, b))
		t = ENT_ORG;
	else {
		int allcaps = 1;

		for (i = a; i < b; i++)
			if (!(TF(i) & TK_ALLCAPS))
				allcaps = 0;
		if (allcaps && !x->titlecase)
			t = ENT_ORG;
		else if (x->titlecase)
			t = CT_WEAK;
		else if (place_before(x, a) || place_after(x, b))
			t = nstop ? NSTOP_ACTION : ENT_PLACE;
		else if (after_the(x, a) || (country_word(x, b - 1) && b - a <= 3 && !nstop))
			t = ENT_ORG;	/* after "the", or a brand and a country */
		else if (nstop == 1 && b - a == 2 && !(TF(a) & TK_SENT) &&
		    (tok_mask(x, a) & GZ_BIT(GZ_STOP)) && !(tok_mask(x, b - 1) &
		    (GZ_BIT(GZ_STOP) | KNOWN)) && !hset_has(x->lower,
		    lowhash(TT(b - 1), TL(b - 1))))
			t = ENT_PERSON;	/* a given name no list knows */
		else if (nstop)
			t = NSTOP_ACTION;
		else
			t = b - a <= 3 ? ENT_PERSON : ENT_ORG;
	}
	if (t == CT_WEAK) {
		/* Word by word, taking the longest known name at each word: "Food
		 * Standards Australia New Zealand" gives Australia and New Zealand. */
		for (i = a; i < b; i += k) {
			for (k = b - i < 4 ? b - i : 4; k > 1; k--)
				if (span_lookup(x, i, i + k, key, NULL) & KNOWN)
					break;
			seg(x, i, i + k, 0, key);
		}
		return;
	}
	if (t >= 0)
		add_cand(x, a, b, t, CT_NONE, NULL, 0, 0);
}

static int
has_word(struct ext *x, size_t a, size_t b, unsigned list)
{
	size_t i;

	for (i = a; i < b; i++)
		if (tok_in(x, i, list))
			return 1;
	return 0;
}

/* Part of a run without connectors that split it: titles and honorifics out. */
static void
run2(struct ext *x, size_t a, size_t b, struct buf *key)
{
	unsigned m;
	size_t i, s, l;
	int cue;

	if (a >= b)
		return;
	/* A whole run that is a known name is not split at a title word in it. */
	if (b - a >= 2) {
		m = span_lookup(x, a, b, key, NULL);
		if (m & (KNOWN | VARIANTS)) {
			seg(x, a, b, 0, key);
			return;
		}
	}
	cue = title_before(x, a, key);
	for (i = s = a; i < b; i++) {
		if (i > a && is_connector(x, i - 1))
			continue;
		if ((l = title_at(x, i, b, key)) == 0)
			continue;
		if (i > s)
			seg(x, s, i, 0, key);
		cue = 1;
		s = i + l;
		/* "Minister of X" before a person: the office is no name */
		if (s < b && is_connector(x, s)) {
			while (s < b && is_connector(x, s))
				s++;
			run2(x, s, b, key);
			return;
		}
		i = s - 1;
	}
	if (s < b)
		seg(x, s, b, cue, key);
}

/* Does connector k join the words around it into one name? */
static int
keep_connector(struct ext *x, size_t s, size_t k, size_t b)
{
	size_t i;

	if (tok_is(x, k, "and") || tok_is(x, k, "&")) {
		size_t e;

		/* "and" inside one organisation's name ("Union of X and Y"), but not
		 * between two whole names */
		for (e = k + 1; e < b && !is_connector(x, e); e++)
			;
		if ((has_word(x, k + 1, e, W_ORG_TAIL) || has_word(x, k + 1, e, W_ORG_HEAD)) &&
		    (has_word(x, s, k, W_ORG_TAIL) || has_word(x, s, k, W_ORG_HEAD)))
			return 0;
		for (i = s; i < k; i++)
			if (tok_is(x, i, "of") && (has_word(x, s, i, W_ORG_HEAD) ||
			    has_word(x, s, i, W_ORG_TAIL)))
				return 1;
		/* two bodies sharing a plural head, or one name whose head comes
		 * after the "and" */
		return tok_in(x, b - 1, W_ORG_TAIL) && !has_word(x, s, k, W_ORG_TAIL) &&
		    !(span_lookup(x, s, k, &x->scratch, NULL) & KNOWN);
	}
	if (tok_is(x, k, "of") || tok_is(x, k, "for") || tok_is(x, k, "on") ||
	    tok_is(x, k, "the")) {
		if (tok_is(x, k, "the") && k > s && is_connector(x, k - 1))
			return 1;
		/* "X University of the COUNTRY": a whole name, then where it is */
		if (tok_is(x, k, "of") && k + 2 < b && tok_is(x, k + 1, "the") && k - s >= 2 &&
		    tok_in(x, k - 1, W_ORG_TAIL) && !has_connector(x, s, k)) {
			size_t e;

			for (e = k + 2; e < b && !is_connector(x, e); e++)
				;
			if ((span_lookup(x, k + 2, e, &x->scratch, NULL) & (GZ_BIT(GZ_PLACE) |
			    GZ_BIT(GZ_ORG))) == GZ_BIT(GZ_PLACE))
				return 0;
		}
		return has_word(x, s, k, W_ORG_HEAD) || has_word(x, s, k, W_ORG_TAIL) ||
		    has_word(x, s, k, W_PLACE_HEAD) || has_word(x, s, k, W_PLACE_TAIL) ||
		    title_at(x, k - 1, k, &x->scratch) == 1;
	}
	return 1;	/* "de", "von", "bin": inside personal and place names */
}

/* A run of capitalised words [a, b): split off "The", cut at connectors that join
 * two names (two countries joined by "and", a common noun "of" a name), then
 * titles. */
static void
run(struct ext *x, size_t a, size_t b, struct buf *key)
{
	const struct gz_row *rows, *row;
	unsigned m;
	size_t k, s;

	if (tok_is(x, a, "The") || tok_is(x, a, "THE")) {
		/* Kept only where the official name has it (some newspapers) */
		m = span_lookup(x, a, b, key, &rows);
		if (b - a > 1 && (m & GZ_BIT(GZ_ORG)) &&
		    (row = best_row(x, rows, GZ_ORG)) != NULL && row->canonlen > 4 &&
		    memcmp(row->canon, "The ", 4) == 0) {
			add_cand(x, a, b, ENT_ORG, CT_NONE, row->canon, row->canonlen, 0);
			return;
		}
		a++;
		if (a >= b)
			return;
	}
	for (k = s = a; k < b; k++) {
		if (!is_connector(x, k))
			continue;
		if (keep_connector(x, s, k, b)) {
			while (k + 1 < b && is_connector(x, k + 1))
				k++;
			continue;
		}
		run2(x, s, k, key);
		while (k < b && is_connector(x, k))
			k++;
		s = k;
		k--;
	}
	run2(x, s, b, key);
}

/* Artifacts that name a person or place the candidates missed ("jabarov"). */
/* Whether a candidate of the line overlaps [s, e). The line's candidates from
 * before the artifacts (up to n0) come in order of start and end, unless sorted
 * is 0: the one that can overlap is then the first that ends after s. Those that
 * artifacts added (from n0) are few and looked at one by one. A single huge line
 * has hundreds of thousands of candidates and thousands of artifacts. */
static int
line_cand_overlaps(struct ext *x, size_t n0, int sorted, size_t s, size_t e)
{
	size_t lo = x->linecands, hi = n0, mid, k = x->linecands;

	if (sorted) {
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (x->cands[mid].end <= s)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n0 && x->cands[lo].start < e)
			return 1;
		k = n0;
	}
	for (; k < x->ncands; k++)
		if (x->cands[k].start < e && s < x->cands[k].end)
			return 1;
	return 0;
}

/* The first token of the line that ends after pos (tokens are in order). */
static size_t
tok_after(struct ext *x, size_t pos)
{
	size_t lo = x->lo, hi = x->hi, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->tok[mid].end <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
artifact_mentions(struct ext *x, size_t ls, size_t le, struct buf *key)
{
	size_t i, k, a, b, n0 = x->ncands;
	int sorted = 1;

	/* x->arts are in order of start and lines come in order: the artifacts
	 * before this line are done with, those after it are for later. */
	while (x->artfrom < x->narts && x->arts[x->artfrom]->start < ls)
		x->artfrom++;
	/* Candidates of earlier lines end before this one starts. */
	for (k = x->linecands + 1; k < n0 && sorted; k++)
		sorted = x->cands[k].start >= x->cands[k - 1].start &&
		    x->cands[k].end >= x->cands[k - 1].end;
	for (i = x->artfrom; i < x->narts && x->arts[i]->start <= le; i++) {
		const struct artifact *ar = x->arts[i];

		if (ar->end > le)
			continue;
		if (line_cand_overlaps(x, n0, sorted, ar->start, ar->end))
			continue;
		/* The tokens the artifact covers. */
		a = tok_after(x, ar->start);
		for (b = a; b < x->hi && x->tok[b].start < ar->end; b++)
			;
		/* "The" before a name in lower case: it belongs to a name that has it */
		if (a > x->lo && (tok_is(x, a - 1, "The") || tok_is(x, a - 1, "the"))) {
			const struct gz_row *r = gz_find(x->gz, ar->suggestion,
			    strlen(ar->suggestion), GZ_ORG);

			if (r && r->canonlen > 4 && memcmp(r->canon, "The ", 4) == 0)
				a--;
		}
		if (a < b && (TF(a) & TK_WORD))
			variant(x, a, b, ar->suggestion, strlen(ar->suggestion),
			    title_before(x, a, key) || person_after(x, b, key),
			    strict_kind(ar));
	}
}

static void
do_line(struct ext *x, struct buf *key)
{
	size_t i, j, last, words = 0, caps = 0, common = 0, allcaps = 0;

	for (i = x->lo; i < x->hi; i++) {
		if (!(TF(i) & TK_WORD) || (TF(i) & TK_DIGIT))
			continue;
		words++;
		if (!(TF(i) & TK_UPPER))
			continue;
		caps++;
		if (TF(i) & TK_ALLCAPS)
			allcaps++;
	}
	x->capsline = allcaps * 2 > words;
	/* Capitalised common words tell a headline from a list of names. */
	if (words >= 4 && caps * 10 >= words * 7)
		for (i = x->lo; i < x->hi; i++)
			if ((TF(i) & (TK_WORD | TK_UPPER | TK_SENT)) == (TK_WORD | TK_UPPER) &&
			    (is_funcword(x, i) || (tok_mask(x, i) & GZ_BIT(GZ_STOP))))
				common++;
	/* Headlines In Title Case say nothing about names through their capitals. */
	x->titlecase = words >= 4 && caps * 10 >= words * 7 && common >= 2 &&
	    common * 10 >= words * 3;
	/* May each word start or continue a name? Asked below for every word, for
	 * most more than once; it depends on nothing that changes in the line. */
	for (i = x->lo; i < x->hi; i++)
		x->capc[i] = (TF(i) & TK_WORD) && (TF(i) & (TK_UPPER | TK_HYPH)) ?
		    (unsigned char)is_cap_at(x, i) : 0;
	for (i = x->lo; i < x->hi;) {
		if (!is_cap(x, i)) {
			i++;
			continue;
		}
		last = i;
		j = i + 1;
		while (!(TF(last) & TK_POSS) && j < x->hi) {
			size_t k = j;

			if (is_cap(x, j) && (TF(j) & TK_SPACE) && !(TF(j) & TK_SENT) &&
			    !tok_is(x, j, "The")) {
				last = j++;
				continue;
			}
			/* a short number ends a name (a project's phase, a group) */
			if ((TF(j) & TK_DIGIT) && (TF(j) & TK_SPACE) && TL(j) <= 2 &&
			    !(j + 1 < x->hi && (TF(j + 1) & TK_WORD) &&
			    !(TF(j + 1) & TK_SPACE))) {
				last = j++;
				break;
			}
			while (k < x->hi && k < j + 2 && is_connector(x, k) &&
			    (TF(k) & TK_SPACE))
				k++;
			if (k > j && k < x->hi && is_cap(x, k) && (TF(k) & TK_SPACE) &&
			    !tok_is(x, k, "The")) {
				j = k;
				continue;
			}
			break;
		}
		run(x, i, last + 1, key);
		i = last + 1;
	}
}

/* ---- merging -------------------------------------------------------------------- */

struct ent {
	int	 type;
	char	*canon;		/* borrowed from a cand */
	size_t	 canonlen;
	int	 canontok;
	int	 confirmed;	/* canonical from the lists, not the text */
	size_t	 first;		/* first mention's start */
	size_t	 n;
	char	*last, *firstw;	/* borrowed words of a person's canonical */
	size_t	 lastlen, firstlen;
};

static int
fold_eq(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (an != bn)
		return 0;
	for (i = 0; i < an; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return 1;
}

/* Damerau-Levenshtein distance, capped: enough for a foreign spelling of a name. */
static int
edit_dist(const char *a, size_t an, const char *b, size_t bn)
{
	int d[33][33];
	size_t i, j;

	if (an > 32 || bn > 32)
		return 99;
	for (i = 0; i <= an; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= bn; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= an; i++)
		for (j = 1; j <= bn; j++) {
			int c = (a[i - 1] | 32) != (b[j - 1] | 32), v = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + c < v)
				v = d[i - 1][j - 1] + c;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[an][bn];
}

static const char *
cand_name(const struct cand *c)
{
	return c->canon ? c->canon : c->text;
}

static void
ent_words(struct ent *e)
{
	e->canonlen = strlen(e->canon);
	char *sp = strrchr(e->canon, ' '), *sp1 = strchr(e->canon, ' ');

	e->last = sp ? sp + 1 : e->canon;
	e->lastlen = strlen(e->last);
	e->firstw = e->canon;
	e->firstlen = sp1 ? (size_t)(sp1 - e->canon) : strlen(e->canon);
}

/* Initials of the capitalised words: "Alpha Beta Organisation" gives "ABO". */
static int
acronym_of(const char *name, const char *acr)
{
	char ini[32];
	size_t n = 0;
	const char *p = name;

	while (*p && n < sizeof ini - 1) {
		while (*p == ' ')
			p++;
		if (*p >= 'A' && *p <= 'Z')
			ini[n++] = *p;
		while (*p && *p != ' ')
			p++;
	}
	ini[n] = '\0';
	return n >= 2 && strcmp(ini, acr) == 0;
}

/* Stable merge of the runs c[0, m) and c[m, n) by start, through tmp. */
static void
merge_runs(struct cand *c, size_t m, size_t n, struct cand *tmp)
{
	size_t i = 0, j = m, k = 0;

	while (i < m && j < n)
		tmp[k++] = c[j].start < c[i].start ? c[j++] : c[i++];
	while (i < m)
		tmp[k++] = c[i++];
	while (j < n)
		tmp[k++] = c[j++];
	memcpy(c, tmp, n * sizeof *c);
}

/* By start, stable (as glibc's merge sort was): candidates come nearly in order,
 * line by line, so insertion sort moves few of them. When it would move many (a
 * huge article, with candidates for artifacts added out of order), a bottom-up
 * merge sort of what is left instead, so the cost stays n log n. */
static void
sort_cands(struct cand *c, size_t n)
{
	struct cand t, *tmp;
	size_t i, k, moves = 0, w, lo;

	for (i = 1; i < n; i++) {
		if (c[i - 1].start <= c[i].start)
			continue;
		t = c[i];
		for (k = i; k > 0 && c[k - 1].start > t.start; k--)
			c[k] = c[k - 1];
		c[k] = t;
		if ((moves += i - k) > 8 * n)
			break;
	}
	if (i >= n)
		return;
	/* c[0, i] is sorted; sort the rest by runs of doubling width and merge. */
	tmp = xreallocarray(NULL, n, sizeof *tmp);
	for (w = 1; w < n - i; w *= 2)
		for (lo = i + 1; lo + w < n; lo += 2 * w)
			merge_runs(c + lo, w, lo + 2 * w < n ? 2 * w : n - lo, tmp);
	merge_runs(c, i + 1, n, tmp);
	free(tmp);
}

/* Ids (candidates, entities) filed by a name and a tag (an entity type, or 0),
 * hashed folding ASCII case as fold_eq compares: merging asks about every
 * candidate against all the others, and a long article has thousands. Chains are
 * in no particular order; callers check the names they get. An entity whose
 * canonical changes is filed again under the new name, and its old entry no
 * longer matches. */
struct name_index {
	uint32_t	*head;		/* nb chains; UINT32_MAX ends one */
	size_t		 nb;
	struct {
		uint32_t	id, next;
	}		*e;
	size_t		 n, cap;
};

static void
nidx_init(struct name_index *ix, size_t nkeys)
{
	size_t i;

	memset(ix, 0, sizeof *ix);
	for (ix->nb = 16; ix->nb < 2 * nkeys; ix->nb *= 2)
		;
	ix->head = xreallocarray(NULL, ix->nb, sizeof *ix->head);
	for (i = 0; i < ix->nb; i++)
		ix->head[i] = UINT32_MAX;
}

/* The first entry of the chain where tag and s[0, n) are filed. */
static uint32_t
nidx_first(const struct name_index *ix, int tag, const char *s, size_t n)
{
	return ix->head[((size_t)word_hash(s, n, 1) * 3 + (size_t)tag) & (ix->nb - 1)];
}

static void
nidx_add(struct name_index *ix, size_t id, int tag, const char *s, size_t n)
{
	size_t b = ((size_t)word_hash(s, n, 1) * 3 + (size_t)tag) & (ix->nb - 1);

	if (ix->n == ix->cap) {
		ix->cap = ix->cap ? 2 * ix->cap : 64;
		ix->e = xreallocarray(ix->e, ix->cap, sizeof *ix->e);
	}
	ix->e[ix->n].id = (uint32_t)id;
	ix->e[ix->n].next = ix->head[b];
	ix->head[b] = (uint32_t)ix->n++;
}

static void
nidx_free(struct name_index *ix)
{
	free(ix->head);
	free(ix->e);
}

static int
find_ent(struct ent *ents, size_t nents, const struct name_index *ix, struct cand *c)
{
	const char *name = cand_name(c);
	size_t i, nl = strlen(name);
	uint32_t j, k;
	int best = -1;

	/* The first entity (by index) of this type and name. */
	for (j = nidx_first(ix, c->type, name, nl); j != UINT32_MAX; j = ix->e[j].next) {
		k = ix->e[j].id;
		if (ents[k].type == c->type && fold_eq(ents[k].canon, ents[k].canonlen,
		    name, nl) && (best < 0 || k < (uint32_t)best))
			best = (int)k;
	}
	if (best >= 0)
		return best;
	if (c->fixed)
		return -1;
	if (c->type == ENT_PERSON && c->ntok == 1) {
		/* A surname (or a given name) joins the full name it belongs to. */
		for (i = 0; i < nents; i++)
			if (ents[i].type == ENT_PERSON && ents[i].canontok > 1 &&
			    (fold_eq(ents[i].last, ents[i].lastlen, c->text, c->textlen)
			    || fold_eq(ents[i].firstw, ents[i].firstlen, c->text,
			    c->textlen)))
				return (int)i;
	}
	if (c->type == ENT_PERSON && c->ntok == 1 && c->textlen >= 5) {
		for (i = 0; i < nents; i++)
			if (ents[i].type == ENT_PERSON && ents[i].lastlen >= 5 &&
			    (c->text[0] | 32) == (ents[i].last[0] | 32) &&
			    edit_dist(ents[i].last, ents[i].lastlen, c->text,
			    c->textlen) <= 1)
				return (int)i;
	}
	if (c->type == ENT_PERSON && c->ntok > 1) {
		/* same given name, surname one edit away */
		const char *sp = strrchr(name, ' ');

		for (i = 0; sp && i < nents; i++)
			if (ents[i].type == ENT_PERSON && ents[i].canontok > 1 &&
			    fold_eq(ents[i].firstw, ents[i].firstlen, name,
			    (size_t)(strchr(name, ' ') - name)) && strlen(sp + 1) >= 5 &&
			    edit_dist(ents[i].last, ents[i].lastlen, sp + 1,
			    strlen(sp + 1)) <= 1)
				return (int)i;
	}
	if (c->type == ENT_ORG && c->acronym) {
		for (i = 0; i < nents; i++)
			if (ents[i].type == ENT_ORG && acronym_of(ents[i].canon, c->text))
				return (int)i;
	}
	if (c->type == ENT_ORG && c->ntok > 1) {
		for (i = 0; i < nents; i++)
			if (ents[i].type == ENT_ORG && !strchr(ents[i].canon, ' ') &&
			    acronym_of(name, ents[i].canon))
				best = (int)i;
	}
	return best;
}

/* Distinct strings, each given a number: interned under a tag, folded as fold_eq
 * compares, so that a chain holds each name once however often it is repeated. */
struct interner {
	struct name_index	 ix;
	const char		**s;
	size_t			*n;
	size_t			 count, cap;
};

static uint32_t
intern(struct interner *in, int tag, const char *s, size_t n, int add)
{
	uint32_t j;

	for (j = nidx_first(&in->ix, tag, s, n); j != UINT32_MAX; j = in->ix.e[j].next)
		if (fold_eq(in->s[in->ix.e[j].id], in->n[in->ix.e[j].id], s, n))
			return in->ix.e[j].id;
	if (!add)
		return UINT32_MAX;
	if (in->count == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 64;
		in->s = xreallocarray(in->s, in->cap, sizeof *in->s);
		in->n = xreallocarray(in->n, in->cap, sizeof *in->n);
	}
	in->s[in->count] = s;
	in->n[in->count] = n;
	nidx_add(&in->ix, in->count, tag, s, n);
	return (uint32_t)in->count++;
}

/* What resolve_weak counts as it changes types: per text, the votes of the
 * candidates with that text (a type, or a weak one's hint); per word, the persons
 * of several words that end (tag 1) or begin (tag 2) with it. */
struct weak_counts {
	uint32_t	*text, *last, *first;	/* per candidate: its string's number */
	int		(*votes)[3];
	size_t		*persons;
};

static void
weak_count(struct ext *x, struct weak_counts *w, size_t k, int sign)
{
	const struct cand *c = &x->cands[k];

	if (c->type >= 0)
		w->votes[w->text[k]][c->type] += sign;
	else if (c->type == CT_WEAK && c->hint >= 0)
		w->votes[w->text[k]][c->hint] += sign;
	if (c->type == ENT_PERSON && c->ntok >= 2) {
		w->persons[w->last[k]] += (size_t)(long)sign;
		w->persons[w->first[k]] += (size_t)(long)sign;
	}
}

static void
resolve_weak(struct ext *x)
{
	size_t i, k, n, nstr;
	struct cand *c;
	struct interner in;
	struct weak_counts w;
	uint32_t g;
	const char *t, *sp;

	/* Each candidate's text, and a multi-word one's last and first words, as
	 * numbers; the counts are kept as the loop changes types, which it reads. */
	memset(&in, 0, sizeof in);
	nidx_init(&in.ix, 3 * x->ncands);
	w.text = xreallocarray(NULL, 3 * (x->ncands + 1), sizeof *w.text);
	w.last = w.text + x->ncands + 1;
	w.first = w.last + x->ncands + 1;
	for (k = 0; k < x->ncands; k++) {
		t = x->cands[k].text;
		w.text[k] = intern(&in, 0, t, x->cands[k].textlen, 1);
		w.last[k] = w.first[k] = UINT32_MAX;
		if (x->cands[k].ntok < 2)
			continue;
		sp = strrchr(t, ' ') + 1;
		w.last[k] = intern(&in, 1, sp, strlen(sp), 1);
		w.first[k] = intern(&in, 2, t, (size_t)(strchr(t, ' ') - t), 1);
	}
	nstr = in.count;
	w.votes = xcalloc(nstr + 1, sizeof *w.votes);
	w.persons = xcalloc(nstr + 1, sizeof *w.persons);
	for (k = 0; k < x->ncands; k++)
		weak_count(x, &w, k, 1);

	for (i = 0; i < x->ncands; i++) {
		c = &x->cands[i];
		/* A small place that is a word of a person's name here. */
		if (c->type != CT_WEAK && !(c->type == ENT_PLACE && c->ntok == 1 &&
		    c->weight < 1000000))
			continue;
		/* A word of a person's full name in the same article: its last
		 * word, else its first. */
		for (n = 1; n <= 2 && c->type != ENT_PERSON; n++) {
			g = intern(&in, (int)n, c->text, c->textlen, 0);
			if (g != UINT32_MAX && w.persons[g] > 0) {
				weak_count(x, &w, i, -1);
				c->type = ENT_PERSON;
				c->canon = NULL;
				weak_count(x, &w, i, 1);
			}
		}
		if (c->type != CT_WEAK)
			continue;
		/* The same word typed or hinted elsewhere: a vote. */
		for (k = 0, n = 0; k < 3; k++)
			if (w.votes[w.text[i]][k] > w.votes[w.text[i]][n])
				n = k;
		if (w.votes[w.text[i]][n] > 0) {
			weak_count(x, &w, i, -1);
			c->type = (int)n;
			weak_count(x, &w, i, 1);
		}
	}
	nidx_free(&in.ix);
	free(in.s);
	free(in.n);
	free(w.text);
	free(w.votes);
	free(w.persons);
}

static void *reserve(void *, size_t *, size_t, size_t);

/* Candidates in order, overlaps dropped (an artifact mention may cover a
 * candidate), weak ones typed from the article. */
static void
settle(struct ext *x)
{
	size_t i, k;

	sort_cands(x->cands, x->ncands);
	for (i = 1, k = 0; x->ncands && i < x->ncands; i++) {
		if (x->cands[i].start < x->cands[k].end)
			continue;
		x->cands[++k] = x->cands[i];
	}
	if (x->ncands)
		x->ncands = k + 1;
	resolve_weak(x);
}

/* One article, one reading of a name, after the model: one string takes the type
 * its mentions' scores favour, and a single word the rules found but the model
 * passed over is a person where it is the surname of a person named in full.
 * (Measured on genres the model never saw: both help; retyping the model's own
 * single words as surnames or acronyms did not.) Indexes by folded text: linear
 * in the article. */
/* The candidate filed in ix under s[0, n) (tag 0) whose text, or last word when
 * last is set, is s; or UINT32_MAX. Only distinct names are filed, so a chain
 * is short however often a name is repeated. */
static uint32_t
nidx_find(const struct name_index *ix, const struct cand *cands, const char *s,
    size_t n, int last)
{
	uint32_t j;
	const char *t;
	size_t tl;

	for (j = nidx_first(ix, 0, s, n); j != UINT32_MAX; j = ix->e[j].next) {
		t = cands[ix->e[j].id].text;
		tl = cands[ix->e[j].id].textlen;
		if (last) {
			t = strrchr(t, ' ') + 1;
			tl = strlen(t);
		}
		if (fold_eq(t, tl, s, n))
			return ix->e[j].id;
	}
	return UINT32_MAX;
}

static void
ner_consistent(struct ext *x, const struct cand *rc, size_t nrc)
{
	struct name_index byt, bylast;
	struct cand *c;
	size_t i, k, n0;
	uint32_t *grp;
	float (*votes)[3];
	const char *sp;
	int best;

	sort_cands(x->cands, x->ncands);
	nidx_init(&byt, x->ncands);
	nidx_init(&bylast, x->ncands);
	grp = xreallocarray(NULL, x->ncands + 1, sizeof *grp);
	votes = xcalloc(x->ncands + 1, sizeof *votes);
	for (k = 0; k < x->ncands; k++) {
		c = &x->cands[k];
		grp[k] = UINT32_MAX;
		if (c->type < 0)
			continue;
		if ((grp[k] = nidx_find(&byt, x->cands, c->text, c->textlen, 0)) ==
		    UINT32_MAX) {
			grp[k] = (uint32_t)k;
			nidx_add(&byt, k, 0, c->text, c->textlen);
		}
		votes[grp[k]][c->type] += c->score >= 0 ? c->score : 1;
		if (c->type == ENT_PERSON && c->ntok >= 2) {
			sp = strrchr(c->text, ' ') + 1;
			if (nidx_find(&bylast, x->cands, sp, strlen(sp), 1) == UINT32_MAX)
				nidx_add(&bylast, k, 0, sp, strlen(sp));
		}
	}
	for (i = 0; i < x->ncands; i++) {
		c = &x->cands[i];
		if (c->type < 0 || c->fixed)
			continue;
		for (k = 0, best = c->type; k < 3; k++)
			if (votes[grp[i]][k] > votes[grp[i]][best])
				best = (int)k;
		if (best != c->type) {
			c->type = best;
			c->canon = NULL;
		}
	}
	free(grp);
	free(votes);
	/* the rules' single words the model passed over, surnames of a full name
	 * (bylast holds persons' names as the model typed them) */
	n0 = x->ncands;
	for (i = 0, k = 0; i < nrc; i++) {
		if (rc[i].ntok != 1 || rc[i].fixed)
			continue;
		while (k < n0 && x->cands[k].end <= rc[i].start)
			k++;
		if (k < n0 && x->cands[k].start < rc[i].end)
			continue;
		if (nidx_find(&bylast, x->cands, rc[i].text, rc[i].textlen, 1) == UINT32_MAX)
			continue;
		if (x->ncands == x->candcap) {
			x->candcap = x->candcap ? x->candcap * 2 : 64;
			x->cands = xreallocarray(x->cands, x->candcap, sizeof *x->cands);
		}
		x->cands[x->ncands] = rc[i];
		x->cands[x->ncands].type = ENT_PERSON;
		x->cands[x->ncands].canon = NULL;
		x->cands[x->ncands].ent = -1;
		x->cands[x->ncands++].score = 0.5f;
	}
	nidx_free(&byt);
	nidx_free(&bylast);
}

struct ent_first {
	size_t	first, ent;
};

static int
by_first(const void *a, const void *b)
{
	size_t fa = ((const struct ent_first *)a)->first;
	size_t fb = ((const struct ent_first *)b)->first;

	return fa < fb ? -1 : fa > fb;
}

static void
merge(struct ext *x, struct ext_scratch *sc, struct entity_result *out)
{
	struct ent *ents;
	struct name_index eix;
	struct ent_first *ef;
	size_t nents = 0, i, k, pass, *order, *rank;
	struct cand *c;
	int e;

	settle(x);
	ents = sc->ents = reserve(sc->ents, &sc->entcap, x->ncands + 1, sizeof *ents);
	nidx_init(&eix, x->ncands);
	/* Full names first, so that a surname before its full name still joins it. */
	for (pass = 0; pass < 3; pass++) {
		for (i = 0; i < x->ncands; i++) {
			c = &x->cands[i];
			if (c->type < 0 || c->ent >= 0)
				continue;
			if (pass == 0 && !(c->ntok > 1 || c->fixed))
				continue;
			if (pass == 1 && c->acronym)
				continue;
			e = find_ent(ents, nents, &eix, c);
			if (e < 0) {
				e = (int)nents++;
				memset(&ents[e], 0, sizeof ents[e]);
				ents[e].type = c->type;
				ents[e].canon = (char *)cand_name(c);
				ents[e].canontok = c->ntok;
				if (c->canon)
					ents[e].canontok = strchr(c->canon, ' ') ? 2 : 1;
				ents[e].first = c->start;
				ents[e].confirmed = c->canon != NULL;
				ent_words(&ents[e]);
				nidx_add(&eix, (size_t)e, ents[e].type, ents[e].canon,
				    ents[e].canonlen);
			}
			else if (c->canon && !ents[e].confirmed && c->type == ENT_PERSON &&
			    strchr(c->canon, ' ') && (ents[e].canontok < 2 ||
			    fold_eq(ents[e].firstw, ents[e].firstlen, c->canon,
			    (size_t)(strchr(c->canon, ' ') - c->canon)))) {
				/* a misspelt full name met a surname the lists know in
				 * full: the known spelling wins */
				ents[e].canon = c->canon;
				ents[e].canontok = 2;
				ents[e].confirmed = 1;
				ent_words(&ents[e]);
				nidx_add(&eix, (size_t)e, ents[e].type, ents[e].canon,
				    ents[e].canonlen);
			}
			c->ent = e;
			ents[e].n++;
			if (c->start < ents[e].first)
				ents[e].first = c->start;
		}
	}
	nidx_free(&eix);
	/* Entities in order of first mention. */
	sc->ord = reserve(sc->ord, &sc->ordcap, 2 * (nents + 1), sizeof *sc->ord);
	order = sc->ord;
	rank = sc->ord + nents + 1;
	/* No two entities share a first mention (candidates do not overlap), so
	 * any sort gives the one order. */
	ef = xreallocarray(NULL, nents + 1, sizeof *ef);
	for (i = 0; i < nents; i++) {
		ef[i].first = ents[i].first;
		ef[i].ent = i;
	}
	qsort(ef, nents, sizeof *ef, by_first);
	for (i = 0; i < nents; i++)
		order[i] = ef[i].ent;
	free(ef);
	for (i = 0; i < nents; i++)
		rank[order[i]] = i;
	out->nents = nents;
	out->ents = xcalloc(nents + 1, sizeof *out->ents);
	for (i = 0; i < nents; i++) {
		struct entity *oe = &out->ents[rank[i]];

		oe->type = (enum entity_type)ents[i].type;
		oe->canonical = xstrdup(ents[i].canon);
		/* every slot is written below */
		oe->mentions = xreallocarray(NULL, ents[i].n + 1, sizeof *oe->mentions);
	}
	for (i = 0; i < x->ncands; i++) {
		c = &x->cands[i];
		if (c->type < 0 || c->ent < 0)
			continue;
		k = rank[c->ent];
		out->ents[k].mentions[out->ents[k].nmentions].start = c->start;
		out->ents[k].mentions[out->ents[k].nmentions].score = c->score;
		out->ents[k].mentions[out->ents[k].nmentions++].end = c->end;
	}
}

/* Make room for n items of size sz in *p (holding *cap), keeping nothing. */
static void *
reserve(void *p, size_t *cap, size_t n, size_t sz)
{
	if (n <= *cap)
		return p;
	free(p);
	*cap = n * 2;
	return xreallocarray(NULL, *cap, sz);
}

/* ---- the learned labeller ------------------------------------------------------ */

#define GZS_MAX	5	/* the longest listed name looked for, in words */

/* What the labeller sees of the tokens [lo, hi) of a line: the rules' reading of
 * each (from their candidates rc, in order, from *rk on), the gazetteer's types of
 * the words where a name may be, and what the article says of the word. */
static void
ner_line(struct ext *x, struct ext_scratch *sc, size_t lo, size_t hi, unsigned lf,
    const struct cand *rc, size_t nrc, size_t *rk)
{
	struct ner_tok *t;
	const struct cand *c;
	size_t i, n = hi - lo, a, b;
	int type;
	unsigned open;

	if (n > sc->ntcap) {
		sc->ntcap = n * 2;
		free(sc->nt);
		free(sc->ntags);
		free(sc->nconf);
		sc->nt = xreallocarray(NULL, sc->ntcap, sizeof *sc->nt);
		sc->ntags = xmalloc(sc->ntcap);
		sc->nconf = xreallocarray(NULL, sc->ntcap, sizeof *sc->nconf);
	}
	t = sc->nt;
	x->lo = lo;
	x->hi = hi;
	for (i = 0; i < n; i++) {
		t[i].s = TT(lo + i);
		t[i].len = (uint32_t)TL(lo + i);
		t[i].flags = TF(lo + i);
		t[i].gz = 0;
		t[i].rule = 0;
		t[i].ctx = (unsigned char)lf | (i == 0 ? NC_LINE0 : 0) |
		    (TF(lo + i) & TK_SENT ? NC_SENT : 0);
		if ((TF(lo + i) & TK_UPPER) && hset_has(x->lower, lowhash(TT(lo + i),
		    TL(lo + i))))
			t[i].ctx |= NC_LOWERED;
	}
	for (; *rk < nrc && rc[*rk].start < x->tok[hi - 1].end; ++*rk) {
		c = &rc[*rk];
		a = tok_after(x, c->start);
		for (b = a; b < hi && x->tok[b].start < c->end; b++)
			;
		if (b == a)
			continue;
		type = c->type >= 0 ? c->type : 3;
		for (i = a; i < b; i++)
			t[i - lo].rule = (uint8_t)(1 + type * 4 + (b - a == 1 ? 3 : i == a ?
			    0 : i + 1 == b ? 2 : 1));
	}
	/* names of several words the lists know: longest first from each word */
	for (i = 0; i < n; i++)
		t[i].gzs = 0;
	for (i = 0; i < n; i++) {
		size_t len, j;
		unsigned m;

		if ((t[i].flags & (TK_WORD | TK_UPPER)) != (TK_WORD | TK_UPPER))
			continue;
		for (len = n - i < GZS_MAX ? n - i : GZS_MAX; len >= 2; len--) {
			if ((t[i + len - 1].flags & (TK_WORD | TK_UPPER)) !=
			    (TK_WORD | TK_UPPER))
				continue;
			for (j = i + 1; j + 1 < i + len; j++)
				if (!(t[j].flags & TK_WORD) || !(t[j].flags & TK_UPPER ||
				    is_connector(x, lo + j)))
					break;
			if (j + 1 < i + len)
				continue;
			m = span_lookup(x, lo + i, lo + i + len, &sc->key, NULL);
			m = (m & GZ_BIT(GZ_PERSON) ? 1 : 0) | (m & GZ_BIT(GZ_PLACE) ? 2 : 0) |
			    (m & GZ_BIT(GZ_ORG) ? 4 : 0);
			if (m == 0)
				continue;
			for (j = i; j < i + len; j++)
				t[j].gzs = (uint8_t)(m << 2 | (j == i ? 0 : j + 1 == i + len ?
				    2 : 1));
			i += len - 1;
			break;
		}
	}
	/* the gazetteer where a name may be (lower-case words before and after
	 * one, looked up too, changed nothing measurable and cost a lookup each) */
	for (i = 0; i < n; i++) {
		open = (t[i].flags & (TK_UPPER | TK_DIGIT)) || t[i].rule;
		if (open && (t[i].flags & TK_WORD))
			t[i].gz = tok_mask(x, lo + i) & 0xffff;
	}
}

static struct cand *
cand_push(struct ext *x)
{
	if (x->ncands == x->candcap) {
		x->candcap = x->candcap ? x->candcap * 2 : 64;
		x->cands = xreallocarray(x->cands, x->candcap, sizeof *x->cands);
	}
	return &x->cands[x->ncands++];
}

/* The model's names of a line replace the rules' (rc[k0, k1), in order of start):
 * a name both found keeps the rules' canonical when they agree on its type, and
 * a name a glossary or an artifact fixed stays as it is where the model found
 * nothing over it. One walk along both: a line may hold a whole article. */
static void
ner_emit(struct ext *x, struct ext_scratch *sc, size_t lo, size_t n,
    const struct cand *rc, size_t k0, size_t k1)
{
	size_t i, j, a, k = k0, s, e;
	float sum;
	int type;
	struct cand *c;

	for (i = 0; i <= n; i++) {
		if (i < n && sc->ntags[i] == NER_O)
			continue;
		s = i < n ? x->tok[lo + i].start : SIZE_MAX;
		/* the rules' names before this one: fixed ones that overlap no name
		 * of the model's stay */
		for (; k < k1 && rc[k].start < s; k++)
			if (rc[k].fixed && rc[k].end <= s && (x->ncands == 0 ||
			    x->cands[x->ncands - 1].end <= rc[k].start ||
			    x->cands[x->ncands - 1].start < x->tok[lo].start)) {
				c = cand_push(x);
				*c = rc[k];
				c->score = 1;
				c->ent = -1;
			}
		if (i == n)
			break;
		a = i;
		type = NER_TYPE(sc->ntags[i]);
		while (NER_POS(sc->ntags[i]) != 3 && NER_POS(sc->ntags[i]) != 2 &&
		    i + 1 < n)
			i++;
		for (j = a, sum = 0; j <= i; j++)
			sum += sc->nconf[j];
		e = x->tok[lo + i].end;
		if (k < k1 && rc[k].start == s && rc[k].end == e) {
			c = cand_push(x);
			*c = rc[k++];
			c->ent = -1;
			if (!c->fixed && c->type != type) {
				c->type = type;
				c->canon = NULL;
			}
		} else {
			add_cand(x, lo + a, lo + i + 1, type, CT_NONE, NULL, 0, 0);
			c = &x->cands[x->ncands - 1];
		}
		c->score = sum / (float)(i - a + 1);
		/* the rules' names inside this one are passed over */
		while (k < k1 && rc[k].start < e)
			k++;
	}
}

/* Words of the rules' typed names, folded, with the types they had: a word the
 * rules typed somewhere says something of its other uses in the article. An open
 * hash of cap (a power of two) slots; key 0 is an empty slot. */
struct wordtypes {
	uint64_t	*key;
	unsigned char	*mask;
	size_t		 cap;
};

static void
wt_build(struct wordtypes *wt, struct ext *x, const struct cand *rc, size_t nrc)
{
	size_t i, k, need = 16, slot;
	uint64_t h;

	for (i = 0; i < nrc; i++)
		need += rc[i].type >= 0 ? (size_t)rc[i].ntok : 0;
	for (wt->cap = 16; wt->cap < 2 * need; wt->cap *= 2)
		;
	wt->key = xcalloc(wt->cap, sizeof *wt->key);
	wt->mask = xcalloc(wt->cap, 1);
	for (i = 0, k = 0; i < nrc; i++) {
		if (rc[i].type < 0)
			continue;
		while (k < x->ntok && x->tok[k].end <= rc[i].start)
			k++;
		for (; k < x->ntok && x->tok[k].start < rc[i].end; k++) {
			if (!(TF(k) & TK_WORD))
				continue;
			h = lowhash(TT(k), TL(k));
			for (slot = h & (wt->cap - 1); wt->key[slot] && wt->key[slot] != h;
			    slot = (slot + 1) & (wt->cap - 1))
				;
			wt->key[slot] = h;
			wt->mask[slot] |= (unsigned char)(1u << rc[i].type);
		}
	}
}

static unsigned
wt_get(const struct wordtypes *wt, const char *s, size_t n)
{
	uint64_t h = lowhash(s, n);
	size_t slot;

	for (slot = h & (wt->cap - 1); wt->key[slot]; slot = (slot + 1) & (wt->cap - 1))
		if (wt->key[slot] == h)
			return wt->mask[slot];
	return 0;
}

/* Label every line with the model (or hand what it would see to cb). */
static void
ner_pass(struct ext *x, struct ext_scratch *sc, const struct ner_model *m,
    const size_t *lo, const int *skip, size_t nl,
    void (*cb)(struct ner_tok *, size_t, void *), void *ctx)
{
	struct cand *rc;
	struct wordtypes wt;
	size_t li, nrc, rk = 0, k0, i;

	settle(x);
	sc->rcands = reserve(sc->rcands, &sc->rcandcap, x->ncands + 1, sizeof *rc);
	rc = sc->rcands;
	if (x->ncands)
		memcpy(rc, x->cands, x->ncands * sizeof *rc);
	nrc = x->ncands;
	wt_build(&wt, x, rc, nrc);
	if (cb == NULL)
		x->ncands = 0;
	for (li = 0; li < nl; li++) {
		if (skip[li] || lo[li + 1] == lo[li])
			continue;
		/* candidates before the line (in lines skipped) are passed over */
		while (rk < nrc && rc[rk].end <= x->tok[lo[li]].start)
			rk++;
		k0 = rk;
		ner_line(x, sc, lo[li], lo[li + 1], sc->lflags[li], rc, nrc, &rk);
		for (i = 0; i < lo[li + 1] - lo[li]; i++)
			sc->nt[i].art = (sc->nt[i].flags & TK_UPPER) ? (uint8_t)wt_get(&wt,
			    sc->nt[i].s, sc->nt[i].len) : 0;
		if (cb != NULL) {
			cb(sc->nt, lo[li + 1] - lo[li], ctx);
			continue;
		}
		ner_label(m, &sc->nw, sc->nt, lo[li + 1] - lo[li], sc->ntags, sc->nconf);
		ner_emit(x, sc, lo[li], lo[li + 1] - lo[li], rc, k0, rk);
	}
	free(wt.key);
	free(wt.mask);
	if (cb == NULL)
		ner_consistent(x, rc, nrc);
}

static void
extract(const struct entity_kb *kb, const struct article *a,
    const struct clean_result *c, struct entity_result *out,
    void (*cb)(struct ner_tok *, size_t, void *), void *ctx)
{
	struct ext x;
	struct ext_scratch own, *sc;
	struct line_span *ls = NULL;
	size_t nl, li, i, n, *lo;
	int *skip;

	memset(out, 0, sizeof *out);
	memset(&x, 0, sizeof x);
	if (a == NULL || a->text == NULL || a->len == 0 || (kb && kb->off && cb == NULL))
		return;
	/* The kb's buffers, unless a call is using them (a nested one). */
	memset(&own, 0, sizeof own);
	sc = kb && kb->sc && !kb->sc->busy ? kb->sc : &own;
	sc->busy = 1;
	arena_rewind(&sc->strs);
	x.gz = kb ? kb->gz : NULL;
	x.ws = kb ? kb->ws : NULL;
	x.connmax = kb ? kb->connmax : SIZE_MAX;
	x.a = a;
	x.c = c;
	x.text = a->text;
	x.tok = sc->tok;
	x.tokcap = sc->tokcap;
	x.cands = sc->cands;
	x.candcap = sc->candcap;
	x.scratch = sc->scratch;
	x.strs = &sc->strs;
	if (sc->spans == NULL || ++sc->gen == 0) {
		/* first use, or the numbers wrapped: no entry may look current */
		free(sc->spans);
		sc->spans = xcalloc(SPAN_SLOTS, sizeof *sc->spans);
		sc->gen = 1;
	}
	x.spans = sc->spans;
	x.gen = sc->gen;
	if (c != NULL) {
		sc->arts = reserve(sc->arts, &sc->artcap, c->narts + 1, sizeof *sc->arts);
		for (i = 0; i < c->narts; i++)
			if (names_kind(&c->arts[i]))
				sc->arts[x.narts++] = &c->arts[i];
		x.arts = sc->arts;
	}
	nl = lines_split(a->text, a->len, &ls);
	lo = sc->lo = reserve(sc->lo, &sc->locap, nl + 1, sizeof *sc->lo);
	skip = sc->skip = reserve(sc->skip, &sc->skipcap, nl + 1, sizeof *sc->skip);
	sc->lflags = reserve(sc->lflags, &sc->lflagcap, nl + 1, 1);
	/* Tokens of every line, and which words the article writes in lower case
	 * (the set is kept, and emptied, from article to article). */
	x.lower = &sc->lower;
	hset_reset(x.lower);
	for (li = 0; li < nl; li++) {
		skip[li] = c && li < c->nlines && c->lines[li].cls == LC_BOILERPLATE;
		lo[li] = x.ntok;
		if (skip[li])
			continue;
		n = tokenize(&sc->tz, a->text, ls[li].start, ls[li].end);
		if (n == 0)
			continue;
		if (x.ntok + n > x.tokcap) {
			x.tokcap = (x.ntok + n) * 2;
			x.tok = xreallocarray(x.tok, x.tokcap, sizeof *x.tok);
		}
		memcpy(x.tok + x.ntok, sc->tz.tok, n * sizeof *sc->tz.tok);
		for (i = 0; i < n; i++)
			if ((sc->tz.tok[i].flags & (TK_WORD | TK_LOWER)) == (TK_WORD | TK_LOWER))
				hset_add(x.lower, lowhash(a->text + sc->tz.tok[i].start,
				    sc->tz.tok[i].end - sc->tz.tok[i].start));
		x.ntok += n;
	}
	lo[nl] = x.ntok;
	if (x.ntok + 1 > sc->maskcap) {
		free(sc->gzm);
		free(sc->wsm);
		free(sc->gzr);
		free(sc->capc);
		sc->maskcap = (x.ntok + 1) * 2;
		sc->gzr = xreallocarray(NULL, sc->maskcap, sizeof *sc->gzr);
		sc->gzm = xreallocarray(NULL, sc->maskcap, sizeof *sc->gzm);
		sc->wsm = xreallocarray(NULL, sc->maskcap, sizeof *sc->wsm);
		sc->capc = xmalloc(sc->maskcap);
	}
	x.gzm = sc->gzm;
	x.wsm = sc->wsm;
	x.gzr = sc->gzr;
	x.capc = sc->capc;
	memset(x.gzm, 0, (x.ntok + 1) * sizeof *x.gzm);
	memset(x.wsm, 0, (x.ntok + 1) * sizeof *x.wsm);
	for (li = 0; li < nl; li++) {
		if (skip[li])
			continue;
		x.lo = lo[li];
		x.hi = lo[li + 1];
		x.linecands = x.ncands;
		do_line(&x, &sc->key);
		sc->lflags[li] = (unsigned char)((x.titlecase ? NC_TITLECASE : 0) |
		    (x.capsline ? NC_CAPSLINE : 0));
		artifact_mentions(&x, ls[li].start, ls[li].end, &sc->key);
	}
	if (cb != NULL || (kb && kb->ner))
		ner_pass(&x, sc, kb ? kb->ner : NULL, lo, skip, nl, cb, ctx);
	if (cb == NULL)
		merge(&x, sc, out);
	sc->tok = x.tok;
	sc->tokcap = x.tokcap;
	sc->cands = x.cands;
	sc->candcap = x.candcap;
	sc->scratch = x.scratch;
	free(ls);
	sc->busy = 0;
	if (sc == &own)
		scratch_release(&own);
}

void
entity_extract(const struct entity_kb *kb, const struct article *a,
    const struct clean_result *c, struct entity_result *out)
{
	extract(kb, a, c, out, NULL, NULL);
}

void
entity_ner_lines(const struct entity_kb *kb, const struct article *a,
    const struct clean_result *c, void (*cb)(struct ner_tok *, size_t, void *),
    void *ctx)
{
	struct entity_result out;

	extract(kb, a, c, &out, cb, ctx);
	entity_result_free(&out);
}

void
entity_result_free(struct entity_result *r)
{
	size_t i;

	for (i = 0; i < r->nents; i++) {
		free(r->ents[i].canonical);
		free(r->ents[i].mentions);
	}
	free(r->ents);
	memset(r, 0, sizeof *r);
}
