/* test_util.c - buffers, hashing, atomic writes */
#include <config.h>

#include <stdlib.h>
#include <unistd.h>

#include "lede/util.h"
#include "t.h"

int
main(void)
{
	struct buf b = { 0 };
	char err[LEDE_ERRLEN], dir[] = "/tmp/lede-test-XXXXXX", *path, *data;
	size_t len;
	int i;

	for (i = 0; i < 1000; i++)
		buf_addf(&b, "%d,", i);
	T_EQ_INT(b.len, 3890);
	T_CHECK(strncmp(b.s, "0,1,2,", 6) == 0);
	T_EQ_INT(b.s[b.len], '\0');
	buf_free(&b);
	T_CHECK(b.s == NULL);

	T_CHECK(hash_bytes("a", 1) != hash_bytes("b", 1));
	T_EQ_INT(hash_bytes("", 0), 0xcbf29ce484222325ULL);

	T_CHECK(mkdtemp(dir) != NULL);
	path = xasprintf("%s/sub/deeper", dir);
	T_EQ_INT(mkdir_p(path, err, sizeof err), 0);
	free(path);
	path = xasprintf("%s/sub/f.txt", dir);
	T_EQ_INT(write_file_atomic(path, "hello", 5, err, sizeof err), 0);
	T_EQ_INT(read_file(path, &data, &len, err, sizeof err), 0);
	T_EQ_INT(len, 5);
	T_EQ_STR(data, "hello");
	free(data);
	unlink(path);
	T_EQ_INT(read_file(path, &data, &len, err, sizeof err), -1);
	T_CHECK(strstr(err, "f.txt") != NULL);
	T_CHECK(strstr(err, "No such file") != NULL);
	free(path);
	path = xasprintf("rm -rf %s", dir);
	T_EQ_INT(system(path), 0);
	free(path);
	T_EQ_INT(seterr(err, sizeof err, "x %d", 3), -1);
	T_EQ_STR(err, "x 3");
	return t_done();
}
