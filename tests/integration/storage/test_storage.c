// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP Trusted Storage API through the real stack: objects, data
 * streams, flags and sharing, enumeration, attributes, persistence across
 * a restart of vteed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <signal.h>

#include "machine.h"
#include "storage_client.h"

#define SEEK_SET_	0
#define SEEK_CUR_	1
#define SEEK_END_	2
#define ATTR_SECRET_VALUE 0xC0000000u
#define USAGE_EXTRACTABLE 0x00000001u

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

static void open_client(struct sclient *c)
{
	assert_int_equal(sc_open(c, 0), TEEC_SUCCESS);
}

static void test_create_read_back(void **state)
{
	struct sclient c;
	char buf[64];
	size_t got;
	uint32_t h;

	(void)state;
	open_client(&c);
	assert_int_equal(sc_create(&c, PRIVATE, "greeting", F_ALL, "hello", 5,
				   &h), TEEC_SUCCESS);
	/* a new object's position is 0: reading gives the initial data */
	assert_int_equal(sc_read(&c, h, buf, sizeof(buf), &got), 0);
	assert_int_equal(got, 5);
	assert_memory_equal(buf, "hello", 5);
	/* at the end: nothing more */
	assert_int_equal(sc_read(&c, h, buf, sizeof(buf), &got), 0);
	assert_int_equal(got, 0);
	assert_int_equal(sc_close_obj(&c, h), 0);
	assert_int_equal(sc_read_all(&c, "greeting", buf, sizeof(buf), &got),
			 0);
	assert_int_equal(got, 5);
	/* PRIVATE and PRIVATE_REE are one storage */
	assert_int_equal(sc_open_obj(&c, PRIVATE_REE, "greeting", F_READ, &h),
			 0);
	sc_close_obj(&c, h);
	sc_close(&c);
}

static void test_missing_and_unknown_storage(void **state)
{
	struct sclient c;
	uint32_t h;

	(void)state;
	open_client(&c);
	assert_int_equal(sc_open_obj(&c, PRIVATE, "nothing", F_READ, &h),
			 RES_ITEM_NOT_FOUND);
	assert_int_equal(sc_create(&c, 0x12345678, "x", F_ALL, NULL, 0, &h),
			 RES_ITEM_NOT_FOUND);
	assert_int_equal(sc_open_obj(&c, 0x12345678, "x", F_READ, &h),
			 RES_ITEM_NOT_FOUND);
	sc_close(&c);
}

static void test_write_seek_truncate(void **state)
{
	struct sclient c;
	uint64_t size, pos;
	char buf[64];
	size_t got;
	uint32_t h;

	(void)state;
	open_client(&c);
	assert_int_equal(sc_create(&c, PRIVATE, "stream", F_ALL, "abcdef", 6,
				   &h), 0);
	assert_int_equal(sc_seek(&c, h, 2, SEEK_SET_), 0);
	assert_int_equal(sc_write(&c, h, "XY", 2), 0);
	assert_int_equal(sc_info(&c, h, &size, &pos, NULL), 0);
	assert_int_equal(size, 6);
	assert_int_equal(pos, 4);
	/* past the end: the gap reads as zeros */
	assert_int_equal(sc_seek(&c, h, 4, SEEK_END_), 0);
	assert_int_equal(sc_write(&c, h, "Z", 1), 0);
	assert_int_equal(sc_info(&c, h, &size, &pos, NULL), 0);
	assert_int_equal(size, 11);
	assert_int_equal(sc_seek(&c, h, 0, SEEK_SET_), 0);
	assert_int_equal(sc_read(&c, h, buf, sizeof(buf), &got), 0);
	assert_int_equal(got, 11);
	assert_memory_equal(buf, "abXYef\0\0\0\0Z", 11);
	/* relative seeks, and before the start is the start */
	assert_int_equal(sc_seek(&c, h, -3, SEEK_CUR_), 0);
	assert_int_equal(sc_info(&c, h, &size, &pos, NULL), 0);
	assert_int_equal(pos, 8);
	assert_int_equal(sc_seek(&c, h, -100, SEEK_CUR_), 0);
	assert_int_equal(sc_info(&c, h, &size, &pos, NULL), 0);
	assert_int_equal(pos, 0);
	/* truncate shrinks, then grows with zeros */
	assert_int_equal(sc_truncate(&c, h, 3), 0);
	assert_int_equal(sc_truncate(&c, h, 5), 0);
	assert_int_equal(sc_read(&c, h, buf, sizeof(buf), &got), 0);
	assert_int_equal(got, 5);
	assert_memory_equal(buf, "abX\0\0", 5);
	sc_close_obj(&c, h);
	sc_close(&c);
}

static void test_position_limits(void **state)
{
	struct sclient c;
	uint64_t size, pos;
	uint32_t h;

	(void)state;
	open_client(&c);
	assert_int_equal(sc_create(&c, PRIVATE, "limits", F_ALL, "x", 1, &h),
			 0);
	/* TEE_DATA_MAX_POSITION is 2^32 - 1 */
	assert_int_equal(sc_seek(&c, h, 0xffffffffll, SEEK_SET_), 0);
	assert_int_equal(sc_seek(&c, h, 0x100000000ll, SEEK_SET_),
			 RES_OVERFLOW);
	assert_int_equal(sc_seek(&c, h, 1, SEEK_CUR_), RES_OVERFLOW);
	assert_int_equal(sc_info(&c, h, &size, &pos, NULL), 0);
	assert_int_equal(pos, 0xffffffffu);
	/* a write there would pass the limit */
	assert_int_equal(sc_write(&c, h, "y", 1), RES_OVERFLOW);
	assert_int_equal(sc_info(&c, h, &size, &pos, NULL), 0);
	assert_int_equal(size, 1);
	sc_close_obj(&c, h);
	sc_close(&c);
}

static void test_large_object(void **state)
{
	size_t len = 1 << 20, got;
	uint8_t *data = malloc(len), *back = malloc(len);
	struct sclient c;
	uint32_t h;

	(void)state;
	for (size_t i = 0; i < len; i++)
		data[i] = (uint8_t)(i * 7 + (i >> 12));
	open_client(&c);
	/* larger than one channel message: created in one update */
	assert_int_equal(sc_create(&c, PRIVATE, "big", F_ALL, data, len, &h),
			 0);
	/* and a write larger than one message */
	data[len - 1] ^= 0xff;
	assert_int_equal(sc_seek(&c, h, 0, SEEK_SET_), 0);
	assert_int_equal(sc_write(&c, h, data, len), 0);
	sc_close_obj(&c, h);
	assert_int_equal(sc_read_all(&c, "big", back, len, &got), 0);
	assert_int_equal(got, len);
	assert_memory_equal(back, data, len);
	sc_close(&c);
	free(data);
	free(back);
}

static void test_create_conflicts_and_overwrite(void **state)
{
	struct sclient c;
	char buf[16];
	size_t got;
	uint32_t h, h2;

	(void)state;
	open_client(&c);
	assert_int_equal(sc_create(&c, PRIVATE, "dup", F_ALL, "one", 3, &h),
			 0);
	sc_close_obj(&c, h);
	/* exists, no OVERWRITE */
	assert_int_equal(sc_create(&c, PRIVATE, "dup", F_ALL, "two", 3, &h),
			 RES_ACCESS_CONFLICT);
	/* OVERWRITE while it is open: conflict */
	assert_int_equal(sc_open_obj(&c, PRIVATE, "dup", F_READ |
				     F_SHARE_READ | F_SHARE_WRITE, &h2), 0);
	assert_int_equal(sc_create(&c, PRIVATE, "dup", F_ALL | F_OVERWRITE,
				   "two", 3, &h), RES_ACCESS_CONFLICT);
	sc_close_obj(&c, h2);
	/* OVERWRITE replaces it */
	assert_int_equal(sc_create(&c, PRIVATE, "dup", F_ALL | F_OVERWRITE,
				   "three", 5, &h), 0);
	sc_close_obj(&c, h);
	assert_int_equal(sc_read_all(&c, "dup", buf, sizeof(buf), &got), 0);
	assert_int_equal(got, 5);
	assert_memory_equal(buf, "three", 5);
	sc_close(&c);
}

static void test_sharing_rules(void **state)
{
	struct sclient a, b;
	uint32_t h1, h2, h3;

	(void)state;
	open_client(&a);
	open_client(&b);	/* another instance of the same TA */
	assert_int_equal(sc_create(&a, PRIVATE, "shared", F_ALL, "s", 1, &h1),
			 0);
	sc_close_obj(&a, h1);
	/* read without SHARE_READ, then another read: conflict */
	assert_int_equal(sc_open_obj(&a, PRIVATE, "shared", F_READ, &h1), 0);
	assert_int_equal(sc_open_obj(&b, PRIVATE, "shared", F_READ |
				     F_SHARE_READ, &h2), RES_ACCESS_CONFLICT);
	sc_close_obj(&a, h1);
	/* both share reading */
	assert_int_equal(sc_open_obj(&a, PRIVATE, "shared", F_READ |
				     F_SHARE_READ, &h1), 0);
	assert_int_equal(sc_open_obj(&b, PRIVATE, "shared", F_READ |
				     F_SHARE_READ, &h2), 0);
	/* a writer needs everyone to share writing */
	assert_int_equal(sc_open_obj(&b, PRIVATE, "shared", F_WRITE |
				     F_SHARE_READ | F_SHARE_WRITE, &h3),
			 RES_ACCESS_CONFLICT);
	/* write-meta is exclusive */
	assert_int_equal(sc_open_obj(&b, PRIVATE, "shared", F_META |
				     F_SHARE_READ | F_SHARE_WRITE, &h3),
			 RES_ACCESS_CONFLICT);
	sc_close_obj(&a, h1);
	sc_close_obj(&b, h2);
	/* reader and writer that share both */
	assert_int_equal(sc_open_obj(&a, PRIVATE, "shared", F_READ |
				     F_SHARE_READ | F_SHARE_WRITE, &h1), 0);
	assert_int_equal(sc_open_obj(&b, PRIVATE, "shared", F_WRITE |
				     F_SHARE_READ | F_SHARE_WRITE, &h2), 0);
	/* one data stream: b's write is what a reads */
	{
		char buf[8];
		size_t got;

		assert_int_equal(sc_write(&b, h2, "W", 1), 0);
		assert_int_equal(sc_read(&a, h1, buf, sizeof(buf), &got), 0);
		assert_int_equal(got, 1);
		assert_int_equal(buf[0], 'W');
	}
	sc_close_obj(&a, h1);
	sc_close_obj(&b, h2);
	sc_close(&a);
	sc_close(&b);
}

static void test_rename_and_delete(void **state)
{
	struct sclient c;
	char buf[16];
	size_t got;
	uint32_t h, h2;

	(void)state;
	open_client(&c);
	assert_int_equal(sc_create(&c, PRIVATE, "old", F_ALL, "r", 1, &h), 0);
	assert_int_equal(sc_create(&c, PRIVATE, "taken", F_ALL, "t", 1, &h2),
			 0);
	sc_close_obj(&c, h2);
	assert_int_equal(sc_rename(&c, h, "taken"), RES_ACCESS_CONFLICT);
	assert_int_equal(sc_rename(&c, h, "new"), 0);
	sc_close_obj(&c, h);
	assert_int_equal(sc_open_obj(&c, PRIVATE, "old", F_READ, &h),
			 RES_ITEM_NOT_FOUND);
	assert_int_equal(sc_read_all(&c, "new", buf, sizeof(buf), &got), 0);
	assert_int_equal(buf[0], 'r');
	assert_int_equal(sc_open_obj(&c, PRIVATE, "new", F_META, &h), 0);
	assert_int_equal(sc_delete(&c, h), 0);
	assert_int_equal(sc_open_obj(&c, PRIVATE, "new", F_READ, &h),
			 RES_ITEM_NOT_FOUND);
	sc_close(&c);
}

static void test_enumeration(void **state)
{
	struct sclient c;
	char ids[512];
	uint32_t h, n;
	TEEC_Operation op = { .paramTypes = TEEC_PARAM_TYPES(
		TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE) };

	(void)state;
	open_client(&c);
	/* an empty storage: ITEM_NOT_FOUND from Start already */
	op.params[0].value.a = PRIVATE;
	assert_int_equal(TEEC_InvokeCommand(&c.sess, STORAGE_CMD_ENUM_STATES,
					    &op, &c.origin),
			 RES_ITEM_NOT_FOUND);
	assert_int_equal(sc_create(&c, PRIVATE, "b", F_ALL, "22", 2, &h), 0);
	sc_close_obj(&c, h);
	assert_int_equal(sc_create(&c, PRIVATE, "a", F_ALL, "1", 1, &h), 0);
	sc_close_obj(&c, h);
	assert_int_equal(sc_create(&c, PRIVATE, "ab", F_ALL, "", 0, &h), 0);
	sc_close_obj(&c, h);
	assert_int_equal(sc_enum(&c, PRIVATE, ids, sizeof(ids), &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(ids, "a,ab,b");
	/* GetNext before Start, and after Reset: ITEM_NOT_FOUND */
	assert_int_equal(TEEC_InvokeCommand(&c.sess, STORAGE_CMD_ENUM_STATES,
					    &op, &c.origin), 0);
	assert_int_equal(op.params[1].value.a, RES_ITEM_NOT_FOUND);
	assert_int_equal(op.params[1].value.b, RES_ITEM_NOT_FOUND);
	sc_close(&c);
}

static void test_key_object_attributes(void **state)
{
	static const uint8_t key[16] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
					 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb,
					 0xcc, 0xdd, 0xee, 0xff };
	uint8_t back[32];
	size_t len = sizeof(back);
	struct sclient c;
	uint32_t h;

	(void)state;
	open_client(&c);
	assert_int_equal(sc_create_key(&c, "aes-key", F_ALL, key, sizeof(key),
				       &h), 0);
	sc_close_obj(&c, h);
	assert_int_equal(machine_restart(&machine, SIGTERM), 0);
	sc_close(&c);
	open_client(&c);
	assert_int_equal(sc_open_obj(&c, PRIVATE, "aes-key", F_READ, &h), 0);
	/* the attributes came back from storage (a transient object's usage
	 * is every bit, extractable too) */
	assert_int_equal(sc_get_attr(&c, h, ATTR_SECRET_VALUE, back, &len),
			 TEEC_SUCCESS);
	assert_int_equal(len, sizeof(key));
	assert_memory_equal(back, key, sizeof(key));
	/* a usage restriction is stored with the object: after reopening,
	 * the secret is not extractable and GP panics the TA */
	assert_int_equal(sc_restrict(&c, h, ~USAGE_EXTRACTABLE), 0);
	sc_close_obj(&c, h);
	assert_int_equal(sc_open_obj(&c, PRIVATE, "aes-key", F_READ, &h), 0);
	len = sizeof(back);
	assert_int_equal(sc_get_attr(&c, h, ATTR_SECRET_VALUE, back, &len),
			 RES_TARGET_DEAD);
	sc_close(&c);
}

static void test_survives_restart_and_crash(void **state)
{
	struct sclient c;
	char buf[16];
	size_t got;
	uint32_t h;

	(void)state;
	open_client(&c);
	assert_int_equal(sc_create(&c, PRIVATE, "durable", F_ALL, "v1", 2,
				   &h), 0);
	assert_int_equal(sc_seek(&c, h, 0, SEEK_SET_), 0);
	assert_int_equal(sc_write(&c, h, "v2", 2), 0);
	sc_close_obj(&c, h);
	sc_close(&c);
	assert_int_equal(machine_restart(&machine, SIGKILL), 0);
	open_client(&c);
	assert_int_equal(sc_read_all(&c, "durable", buf, sizeof(buf), &got),
			 0);
	assert_int_equal(got, 2);
	assert_memory_equal(buf, "v2", 2);
	sc_close(&c);
}

static void test_access_rules_panic(void **state)
{
	struct sclient c;
	char buf[4];
	size_t got;
	uint32_t h;

	(void)state;
	open_client(&c);
	assert_int_equal(sc_create(&c, PRIVATE, "ro", F_ALL, "x", 1, &h), 0);
	sc_close_obj(&c, h);
	/* writing through a handle without ACCESS_WRITE panics */
	assert_int_equal(sc_open_obj(&c, PRIVATE, "ro", F_READ, &h), 0);
	assert_int_equal(sc_write(&c, h, "y", 1), RES_TARGET_DEAD);
	sc_close(&c);
	/* reading without ACCESS_READ panics; the dead instance let go */
	open_client(&c);
	assert_int_equal(sc_open_obj(&c, PRIVATE, "ro", F_WRITE, &h), 0);
	assert_int_equal(sc_read(&c, h, buf, sizeof(buf), &got),
			 RES_TARGET_DEAD);
	sc_close(&c);
	/* renaming or deleting without WRITE_META panics */
	open_client(&c);
	assert_int_equal(sc_open_obj(&c, PRIVATE, "ro", F_READ, &h), 0);
	assert_int_equal(sc_rename(&c, h, "other"), RES_TARGET_DEAD);
	sc_close(&c);
	open_client(&c);
	assert_int_equal(sc_open_obj(&c, PRIVATE, "ro", F_READ, &h), 0);
	assert_int_equal(sc_delete(&c, h), RES_TARGET_DEAD);
	sc_close(&c);
	/* and the object is still there, unchanged */
	open_client(&c);
	assert_int_equal(sc_read_all(&c, "ro", buf, sizeof(buf), &got), 0);
	assert_int_equal(got, 1);
	assert_int_equal(buf[0], 'x');
	sc_close(&c);
}

static void test_rpmb_storage(void **state)
{
	struct sclient c;
	char buf[64], ids[128];
	size_t got;
	uint32_t h, n;

	(void)state;
	open_client(&c);
	assert_int_equal(sc_create(&c, PRIVATE_RPMB, "pin", F_ALL, "1234", 4,
				   &h), 0);
	assert_int_equal(sc_write(&c, h, "5678", 4), 0);
	sc_close_obj(&c, h);
	/* RPMB and the REE file system are two storages */
	assert_int_equal(sc_open_obj(&c, PRIVATE, "pin", F_READ, &h),
			 RES_ITEM_NOT_FOUND);
	assert_int_equal(sc_enum(&c, PRIVATE_RPMB, ids, sizeof(ids), &n), 0);
	assert_string_equal(ids, "pin");
	sc_close(&c);
	assert_int_equal(machine_restart(&machine, SIGKILL), 0);
	open_client(&c);
	if (getenv("VTEE_TEST_STOCK_SUPPLICANT")) {
		/* optee_client's emulated device lives in memory only: after
		 * a restart it is blank, which the secure NV counter shows */
		assert_int_equal(sc_open_obj(&c, PRIVATE_RPMB, "pin", F_ALL,
					     &h), RES_CORRUPT_OBJECT);
		sc_close(&c);
		return;
	}
	/* vtee's emulated device keeps its blocks and counter */
	assert_int_equal(sc_open_obj(&c, PRIVATE_RPMB, "pin", F_ALL, &h), 0);
	assert_int_equal(sc_read(&c, h, buf, sizeof(buf), &got), 0);
	/* the write went at position 0, over the initial data */
	assert_int_equal(got, 4);
	assert_memory_equal(buf, "5678", 4);
	assert_int_equal(sc_delete(&c, h), 0);
	assert_int_equal(sc_open_obj(&c, PRIVATE_RPMB, "pin", F_READ, &h),
			 RES_ITEM_NOT_FOUND);
	sc_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_create_read_back),
		T(test_missing_and_unknown_storage),
		T(test_write_seek_truncate),
		T(test_position_limits),
		T(test_large_object),
		T(test_create_conflicts_and_overwrite),
		T(test_sharing_rules),
		T(test_rename_and_delete),
		T(test_enumeration),
		T(test_key_object_attributes),
		T(test_survives_restart_and_crash),
		T(test_access_rules_panic),
		T(test_rpmb_storage),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
