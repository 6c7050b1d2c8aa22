/* ner.h - a learned labeller for names: an averaged perceptron over BILOU tags with
 * hashed sparse features and Viterbi decoding, trained offline (data/gen/ner-train.c)
 * and shipped as data/ner.model (no curses) */
#ifndef LEDE_NER_H
#define LEDE_NER_H

#include <stddef.h>
#include <stdint.h>

/* Tags: O, then B I L U for each of PERSON, PLACE, ORG (the ENT_* order). */
#define NER_NTAGS	13
#define NER_STRIDE	16	/* a weight row: one int16 per tag, padded */
#define NER_O		0
#define NER_TAG(type, pos)	(1 + (type) * 4 + (pos))	/* pos: 0 B 1 I 2 L 3 U */
#define NER_TYPE(tag)	(((tag) - 1) / 4)
#define NER_POS(tag)	(((tag) - 1) % 4)
#define NER_MAXF	32	/* features of one token, at most */
/* Bumped whenever the features change: a model of another version is refused. */
#define NER_FEATVER	8

/* What the labeller knows of one token: the token itself, its gazetteer types, and
 * the rules' reading of it (0 none; else 1 + type * 4 + pos, type 3 for a name the
 * rules could not type). */
enum {
	NC_SENT = 0x01,		/* first word of a sentence */
	NC_LOWERED = 0x02,	/* the article writes this word in lower case too */
	NC_TITLECASE = 0x04,	/* the line is a headline in Title Case */
	NC_CAPSLINE = 0x08,	/* the line is mostly capitals */
	NC_LINE0 = 0x10		/* first token of its line */
};

struct ner_tok {
	const char	*s;
	uint32_t	 len;
	uint32_t	 flags;		/* TK_* */
	uint32_t	 gz;		/* GZ_BIT mask of the word alone */
	uint8_t		 rule;
	uint8_t		 ctx;		/* NC_* */
	uint8_t		 gzs;		/* in a listed name of several words: its types
					 * (PERSON 1, PLACE 2, ORG 4) << 2 | pos (B I L) */
	uint8_t		 art;		/* the types the rules gave this word anywhere
					 * in the article (PERSON 1, PLACE 2, ORG 4) */
	/* filled by ner_prepare: the word (as it is, lowered), shape, first and
	 * last three bytes, each as a number (a short word's own bytes) */
	uint64_t	 hlow, hexact, hshape, hpre, hsuf;
};

struct ner_model;

/* Load a model file; NULL with "PATH: problem" in err when it is missing, short,
 * corrupt or of another version. */
struct ner_model	*ner_model_load(const char *path, char *err, size_t errlen);
void			 ner_model_free(struct ner_model *);
unsigned		 ner_model_bits(const struct ner_model *);

/* Per-token hashes (every token the features of [a, b) read: a - 2 to b + 2). */
void	ner_prepare(struct ner_tok *t, size_t n);
/* May token i be part of a name? Capitals, digits, the rules' names, and the
 * lower-case words and signs that training found inside names. */
int	ner_open(const struct ner_model *, const struct ner_tok *t);
/* The same against a sorted list of inner-word hashes (the trainer's). */
int	ner_open_in(const uint64_t *inner, size_t ninner, const struct ner_tok *t);
#define NER_INNER_MAX	8	/* inner words are this many bytes at most */
/* The hashed features of token i of t[0, n) (prepared), masked to nbits: returns
 * their number (at most NER_MAXF). */
extern uint64_t ner_feat_off;	/* templates left out, for the trainer's ablations */
size_t	ner_features(const struct ner_tok *t, size_t n, size_t i, unsigned nbits,
	    uint32_t *out);

/* Best tag sequence for emission scores em[n][NER_STRIDE] under the BILOU
 * constraints and transition weights trans[NER_STRIDE][NER_STRIDE] (from, to); the
 * sequence starts and ends after an O. open[i] == 0 forces O. bp is scratch of
 * n * NER_STRIDE bytes. */
void	ner_viterbi(const float *em, const float *trans, const unsigned char *open,
	    size_t n, unsigned char *bp, unsigned char *tags);
int	ner_trans_ok(int from, int to);

/* Buffers ner_label reuses from call to call (zero it first). */
struct ner_work {
	float		*em;
	unsigned char	*bp, *open;
	size_t		 cap;
};
void	ner_work_free(struct ner_work *);

/* Label tokens t[0, n) of one line (not prepared yet): tags[i] and, for each token
 * in a name, conf[i] the model's confidence in its tag (0..1). */
void	ner_label(const struct ner_model *, struct ner_work *, struct ner_tok *t,
	    size_t n, unsigned char *tags, float *conf);
/* The model's weight rows, transitions and scale, for tests and the trainer. */
const int16_t	*ner_model_weights(const struct ner_model *, const float **trans,
		    float *scale);

/* The file format, for the trainer (little-endian, as written by the machine that
 * reads it): header, transitions as float[NER_STRIDE][NER_STRIDE], weight rows as
 * int16[1 << nbits][NER_STRIDE], the sorted uint64 hashes of inner words, and a
 * uint64 checksum of all that comes before it. */
#define NER_MAGIC	"LEDENER\n"
struct ner_header {
	char		magic[8];
	uint32_t	featver, ntags, nbits, ninner;
	float		scale;		/* weight = int16 / scale */
	float		temp;		/* scores / temp in the confidence's softmax */
};
uint64_t	ner_checksum(const void *p, size_t n);
uint64_t	ner_inner_hash(const struct ner_tok *t);

#endif
