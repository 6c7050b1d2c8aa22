/* test_corpus.c - the corpus-wide entity index: merging by canonical name and type,
 * counts, next/previous article, sorting */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede/corpus.h"
#include "lede/util.h"
#include "t.h"

static struct mention m[8];

/* One entity with n mentions (the offsets do not matter to the index). */
static struct entity
ent(enum entity_type t, const char *name, size_t n)
{
	struct entity e;

	e.type = t;
	e.canonical = (char *)name;
	e.mentions = m;
	e.nmentions = n;
	return e;
}

int
main(void)
{
	struct corpus_index ci;
	const struct corpus_entity *e, *p;
	struct entity a0[3], a1[3], a2[2];
	struct entity_result r0 = { a0, 3 }, r1 = { a1, 3 }, r2 = { a2, 2 },
	    empty = { NULL, 0 };
	size_t *idx, n, i;
	char name[32];

	corpus_index_init(&ci);
	T_CHECK(corpus_index_find(&ci, "Vladimir Putin", ENT_PERSON) == NULL);
	n = corpus_index_sorted(&ci, ENT_PERSON, &idx);
	T_EQ_INT(n, 0);
	free(idx);

	a0[0] = ent(ENT_PERSON, "Vladimir Putin", 7);
	a0[1] = ent(ENT_PLACE, "Georgia", 2);
	a0[2] = ent(ENT_PERSON, "Joe Biden", 6);
	a1[0] = ent(ENT_PERSON, "Joe Biden", 3);
	a1[1] = ent(ENT_PERSON, "Georgia", 1);	/* same name, other type */
	a1[2] = ent(ENT_ORG, "NATO", 0);	/* no mentions: not listed */
	a2[0] = ent(ENT_PERSON, "Vladimir Putin", 4);
	a2[1] = ent(ENT_PERSON, "Vladimir Putin", 1);	/* two in one article */
	corpus_index_add(&ci, 0, &r0);
	corpus_index_add(&ci, 1, &empty);
	corpus_index_add(&ci, 2, &r1);
	corpus_index_add(&ci, 4, &r2);
	corpus_index_add(&ci, 2, &r1);	/* again: ignored */
	T_EQ_INT(ci.ndocs, 5);

	e = corpus_index_find(&ci, "Vladimir Putin", ENT_PERSON);
	T_CHECK(e != NULL);
	T_EQ_INT(e->total, 12);
	T_EQ_INT(e->ndocs, 2);
	T_EQ_INT(corpus_entity_count(e, 0), 7);
	T_EQ_INT(corpus_entity_count(e, 4), 5);
	T_EQ_INT(corpus_entity_count(e, 2), 0);
	T_EQ_INT(corpus_entity_next(e, 0, 1), 4);
	T_EQ_INT(corpus_entity_next(e, 1, 1), 4);
	T_EQ_INT(corpus_entity_next(e, 4, 1), (size_t)-1);
	T_EQ_INT(corpus_entity_next(e, (size_t)-1, 1), 0);
	T_EQ_INT(corpus_entity_next(e, 4, -1), 0);
	T_EQ_INT(corpus_entity_next(e, 3, -1), 0);
	T_EQ_INT(corpus_entity_next(e, 0, -1), (size_t)-1);

	e = corpus_index_find(&ci, "Joe Biden", ENT_PERSON);
	T_CHECK(e != NULL && e->total == 9 && e->ndocs == 2);
	p = corpus_index_find(&ci, "Georgia", ENT_PERSON);
	e = corpus_index_find(&ci, "Georgia", ENT_PLACE);
	T_CHECK(p != NULL && e != NULL && p != e);
	T_CHECK(p != NULL && p->total == 1 && e != NULL && e->total == 2);
	T_CHECK(corpus_index_find(&ci, "NATO", ENT_ORG) == NULL);
	T_CHECK(corpus_index_find(&ci, "vladimir putin", ENT_PERSON) == NULL);

	n = corpus_index_sorted(&ci, ENT_PERSON, &idx);
	T_EQ_INT(n, 3);
	T_EQ_STR(ci.ents[idx[0]].canonical, "Vladimir Putin");
	T_EQ_STR(ci.ents[idx[1]].canonical, "Joe Biden");
	T_EQ_STR(ci.ents[idx[2]].canonical, "Georgia");
	free(idx);
	n = corpus_index_sorted(&ci, ENT_ORG, &idx);
	T_EQ_INT(n, 0);
	free(idx);
	corpus_index_free(&ci);

	/* many names: the hash grows and still finds every one */
	corpus_index_init(&ci);
	for (i = 0; i < 1000; i++) {
		struct entity one;
		struct entity_result r = { &one, 1 };

		snprintf(name, sizeof name, "Name %zu", i % 300);
		one = ent(i % 2 ? ENT_ORG : ENT_PERSON, name, 1 + i % 3);
		corpus_index_add(&ci, i, &r);
	}
	T_EQ_INT(ci.nents, 300);
	e = corpus_index_find(&ci, "Name 7", ENT_ORG);
	T_CHECK(e != NULL && e->ndocs == 4 && e->docs[0] == 7 && e->docs[3] == 907);
	T_CHECK(corpus_index_find(&ci, "Name 7", ENT_PERSON) == NULL);
	corpus_index_free(&ci);
	corpus_index_free(&ci);	/* freeing twice is harmless */
	return t_done();
}
