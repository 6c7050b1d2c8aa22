/* token.h - words for entity finding: libunistring word breaks plus the abbreviation,
 * possessive, hyphen and sentence handling that libunistring leaves to us (no curses) */
#ifndef LEDE_TOKEN_H
#define LEDE_TOKEN_H

#include <stddef.h>

enum {
	TK_WORD = 0x001,	/* has a letter or digit; otherwise one punctuation char */
	TK_UPPER = 0x002,	/* first letter is upper or title case */
	TK_LOWER = 0x004,	/* first letter is lower case */
	TK_ALLCAPS = 0x008,	/* two or more letters, all upper case */
	TK_DIGIT = 0x010,	/* starts with a digit */
	TK_ABBR = 0x020,	/* a trailing period was taken in: "U.S.", "Mr.", "L." */
	TK_SENT = 0x040,	/* first word of a sentence */
	TK_POSS = 0x080,	/* a possessive "'s" / "’s" followed and was cut off */
	TK_HYPH = 0x100,	/* word pieces joined by hyphens: "Lung-bin", "Russia-US" */
	TK_SPACE = 0x200	/* white space before the token */
};

struct token {
	size_t		start, end;	/* byte offsets into the text, end exclusive */
	unsigned	flags;
};

/* A reusable tokenizer: keeps its buffers between calls. */
struct tokenizer {
	struct token	*tok;
	size_t		 ntok, cap;
	char		*brk;
	size_t		 brkcap;
};

/* Tokenize text[start, end) (one line). Returns the number of tokens in t->tok.
 * Invalid UTF-8 is tolerated: a bad byte is a punctuation token. */
size_t	tokenize(struct tokenizer *, const char *text, size_t start, size_t end);
/* The same through libunistring's word breaks alone, without the ASCII fast path:
 * for tests, which check that both agree. */
size_t	tokenize_unicode(struct tokenizer *, const char *text, size_t start, size_t end);
void	tokenizer_free(struct tokenizer *);

/* Abbreviations that keep their period ("Mr", "Dec", "Gen"); case-sensitive. */
int	token_is_abbrev(const char *s, size_t n);

#endif
