// SPDX-License-Identifier: BSD-2-Clause
/*
 * Trusted storage against a hostile normal world: the files in the REE
 * file system are changed behind the TEE's back.  Each kind of tampering
 * must give TEE_ERROR_CORRUPT_OBJECT, never wrong data, and one TA must
 * never reach another's objects.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "machine.h"
#include "storage_client.h"

static struct test_machine machine;

static int setup(void **state)
{
	(void)state;
	return machine_start(&machine, NULL);
}

static int teardown(void **state)
{
	(void)state;
	return machine_stop(&machine) ? -1 : 0;
}

static void tee_dir(char *buf, size_t len)
{
	snprintf(buf, len, "%s/state/tee", machine.dir);
}

/* The one volume directory in the REE FS (tests use one TA at first). */
static void only_volume(char *path, size_t len)
{
	char names[8][64], dir[400];

	tee_dir(dir, sizeof(dir));
	assert_int_equal(sc_list_dir(dir, names, 8), 1);
	snprintf(path, len, "%s/%s", dir, names[0]);
}

/* The object files of a volume (everything but dir.N), in *path. */
static int object_files(const char *vol, char names[][64], int max)
{
	char all[16][64];
	int n = sc_list_dir(vol, all, 16), k = 0;

	for (int i = 0; i < n && k < max; i++)
		if (strncmp(all[i], "dir.", 4))
			memcpy(names[k++], all[i], 64);
	return k;
}

static void put(struct sclient *c, const char *id, const char *data)
{
	uint32_t h;

	assert_int_equal(sc_create(c, PRIVATE, id, F_ALL | F_OVERWRITE, data,
				   strlen(data), &h), 0);
	sc_close_obj(c, h);
}

static void expect_corrupt(const char *id)
{
	struct sclient c;
	char buf[64];
	size_t got;

	assert_int_equal(sc_open(&c, 0), 0);
	assert_int_equal(sc_read_all(&c, id, buf, sizeof(buf), &got),
			 RES_CORRUPT_OBJECT);
	sc_close(&c);
}

static void read_file(const char *path, uint8_t *buf, size_t *len)
{
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	*len = fread(buf, 1, *len, f);
	fclose(f);
}

static void write_file(const char *path, const uint8_t *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	fclose(f);
}

/* Creates one object and returns the path of its one file. */
static void one_object(const char *id, const char *data, char *file,
		       size_t len)
{
	char vol[500], names[4][64];
	struct sclient c;

	assert_int_equal(sc_open(&c, 0), 0);
	put(&c, id, data);
	sc_close(&c);
	only_volume(vol, sizeof(vol));
	assert_int_equal(object_files(vol, names, 4), 1);
	snprintf(file, len, "%s/%s", vol, names[0]);
}

static void test_bit_flips(void **state)
{
	uint8_t buf[4096];
	char file[600];
	size_t len;

	(void)state;
	one_object("flip", "the right data", file, sizeof(file));
	len = sizeof(buf);
	read_file(file, buf, &len);
	/* every byte of the file matters: header, nonce, body, tag */
	for (size_t at = 0; at < len; at += 37) {
		struct sclient c;
		size_t again = sizeof(buf);

		buf[at] ^= 0x01;
		write_file(file, buf, len);
		expect_corrupt("flip");
		/* GP: a corrupt object is gone; make it anew for the next */
		assert_int_equal(sc_open(&c, 0), 0);
		put(&c, "flip", "the right data");
		sc_close(&c);
		{
			char vol[500], names[4][64];

			only_volume(vol, sizeof(vol));
			assert_int_equal(object_files(vol, names, 4), 1);
			snprintf(file, sizeof(file), "%s/%s", vol, names[0]);
		}
		read_file(file, buf, &again);
		assert_int_equal(again, len);
	}
}

static void test_truncated_file(void **state)
{
	char file[600];

	(void)state;
	one_object("short", "some bytes that will be cut", file, sizeof(file));
	assert_int_equal(truncate(file, 40), 0);
	expect_corrupt("short");
}

static void test_swapped_files(void **state)
{
	char vol[500], names[4][64], a[600], b[600], tmp[620];
	struct sclient c;

	(void)state;
	assert_int_equal(sc_open(&c, 0), 0);
	put(&c, "one", "first object");
	put(&c, "two", "second object");
	sc_close(&c);
	only_volume(vol, sizeof(vol));
	assert_int_equal(object_files(vol, names, 4), 2);
	snprintf(a, sizeof(a), "%s/%s", vol, names[0]);
	snprintf(b, sizeof(b), "%s/%s", vol, names[1]);
	snprintf(tmp, sizeof(tmp), "%s.tmp", a);
	assert_int_equal(rename(a, tmp), 0);
	assert_int_equal(rename(b, a), 0);
	assert_int_equal(rename(tmp, b), 0);
	expect_corrupt("one");
	expect_corrupt("two");
}

static void test_other_tas_file(void **state)
{
	char dir[400], names[4][64], vol1[500], vol2[500], f1[4][64],
		f2[4][64], from[600], to[600];
	uint8_t buf[4096];
	size_t len = sizeof(buf);
	struct sclient c;

	(void)state;
	assert_int_equal(sc_open(&c, 0), 0);
	put(&c, "secret", "TA one's data");
	sc_close(&c);
	assert_int_equal(sc_open(&c, 1), 0);
	put(&c, "secret", "TA two's data");
	sc_close(&c);
	tee_dir(dir, sizeof(dir));
	assert_int_equal(sc_list_dir(dir, names, 4), 2);
	snprintf(vol1, sizeof(vol1), "%s/%s", dir, names[0]);
	snprintf(vol2, sizeof(vol2), "%s/%s", dir, names[1]);
	assert_int_equal(object_files(vol1, f1, 4), 1);
	assert_int_equal(object_files(vol2, f2, 4), 1);
	/* one TA's file in place of the other's, same name */
	snprintf(from, sizeof(from), "%s/%s", vol2, f2[0]);
	snprintf(to, sizeof(to), "%s/%s", vol1, f1[0]);
	read_file(from, buf, &len);
	write_file(to, buf, len);
	/* whichever TA owned vol1 now sees a corrupt object */
	assert_int_equal(sc_open(&c, 0), 0);
	{
		char got_buf[64];
		size_t got;
		TEEC_Result r1 = sc_read_all(&c, "secret", got_buf,
					     sizeof(got_buf), &got);

		sc_close(&c);
		assert_int_equal(sc_open(&c, 1), 0);
		TEEC_Result r2 = sc_read_all(&c, "secret", got_buf,
					     sizeof(got_buf), &got);

		assert_true((r1 == RES_CORRUPT_OBJECT && r2 == 0) ||
			    (r2 == RES_CORRUPT_OBJECT && r1 == 0));
	}
	sc_close(&c);
}

static void test_isolation(void **state)
{
	struct sclient one, two;
	char ids[256];
	uint32_t h, n;

	(void)state;
	assert_int_equal(sc_open(&one, 0), 0);
	assert_int_equal(sc_open(&two, 1), 0);
	put(&one, "mine", "one's");
	/* the other TA cannot open, enumerate, overwrite-conflict, rename
	 * onto or delete it, even knowing its name */
	assert_int_equal(sc_open_obj(&two, PRIVATE, "mine", F_READ, &h),
			 RES_ITEM_NOT_FOUND);
	assert_int_equal(sc_enum(&two, PRIVATE, ids, sizeof(ids), &n), 0);
	assert_int_equal(n, 0);
	put(&two, "other", "two's");
	assert_int_equal(sc_open_obj(&two, PRIVATE, "other", F_ALL, &h), 0);
	assert_int_equal(sc_rename(&two, h, "mine"), 0);
	assert_int_equal(sc_delete(&two, h), 0);
	/* and one's object is untouched */
	{
		char buf[16];
		size_t got;

		assert_int_equal(sc_read_all(&one, "mine", buf, sizeof(buf),
					     &got), 0);
		assert_int_equal(got, 5);
		assert_memory_equal(buf, "one's", 5);
	}
	sc_close(&one);
	sc_close(&two);
}

/* Copies every file of a volume into (or back from) a snapshot dir. */
static void snapshot(const char *from, const char *to)
{
	char cmd[2400];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s' && cp -a '%s' '%s'", to, from,
		 to);
	assert_int_equal(system(cmd), 0);
}

static void test_rollback_of_everything(void **state)
{
	char vol[500], saved[600];
	struct sclient c;

	(void)state;
	assert_int_equal(sc_open(&c, 0), 0);
	put(&c, "counter", "1");
	sc_close(&c);
	only_volume(vol, sizeof(vol));
	snprintf(saved, sizeof(saved), "%s/old-volume", machine.dir);
	snapshot(vol, saved);
	assert_int_equal(sc_open(&c, 0), 0);
	put(&c, "counter", "2");
	sc_close(&c);
	/* the whole volume (directory and objects) back to "1" */
	assert_int_equal(machine_restart(&machine, SIGTERM), 0);
	snapshot(saved, vol);
	expect_corrupt("counter");
}

static void test_rollback_of_one_object(void **state)
{
	char vol[500], names[4][64], file[600];
	uint8_t old[4096];
	size_t len = sizeof(old);
	struct sclient c;
	uint32_t h;

	(void)state;
	assert_int_equal(sc_open(&c, 0), 0);
	put(&c, "balance", "100");
	assert_int_equal(sc_open_obj(&c, PRIVATE, "balance", F_ALL, &h), 0);
	assert_int_equal(sc_write(&c, h, "050", 3), 0);	/* generation 2 */
	sc_close_obj(&c, h);
	only_volume(vol, sizeof(vol));
	assert_int_equal(object_files(vol, names, 4), 2);
	/* generation 2 lives in slot .0, generation 1 in slot .1: the
	 * older file, copied over the newer one */
	snprintf(file, sizeof(file), "%s/%s", vol, names[1]);
	read_file(file, old, &len);
	snprintf(file, sizeof(file), "%s/%s", vol, names[0]);
	write_file(file, old, len);
	sc_close(&c);
	assert_int_equal(machine_restart(&machine, SIGTERM), 0);
	expect_corrupt("balance");
}

static void test_deleted_volume_is_noticed(void **state)
{
	char vol[500], cmd[600];
	struct sclient c;

	(void)state;
	assert_int_equal(sc_open(&c, 0), 0);
	put(&c, "gone", "x");
	sc_close(&c);
	only_volume(vol, sizeof(vol));
	assert_int_equal(machine_restart(&machine, SIGTERM), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", vol);
	assert_int_equal(system(cmd), 0);
	expect_corrupt("gone");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_bit_flips),
		T(test_truncated_file),
		T(test_swapped_files),
		T(test_other_tas_file),
		T(test_isolation),
		T(test_rollback_of_everything),
		T(test_rollback_of_one_object),
		T(test_deleted_volume_is_noticed),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
