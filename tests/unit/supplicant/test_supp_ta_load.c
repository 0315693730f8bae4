// SPDX-License-Identifier: BSD-2-Clause
/*
 * LOAD_TA without a daemon: the file search, the size query, short
 * buffers, and memrefs that do not fit the shm they name.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "supp.h"
#include "vtee/optee_rpc_cmd.h"

#define SHM_ID		3
#define SHM_SIZE	4096
#define TA_A_SIZE	300

static const uint8_t uuid_a[16] = {
	0x57, 0x2b, 0x41, 0xd1, 0x82, 0x2e, 0x41, 0x6c,
	0x9e, 0x43, 0x98, 0xa4, 0xf5, 0xc1, 0xc3, 0xdb,
};
static const uint8_t uuid_b[16] = {
	0xdd, 0x28, 0xbb, 0xe3, 0x3b, 0xd3, 0x44, 0x9d,
	0x8d, 0x19, 0x50, 0x32, 0x52, 0x1e, 0xeb, 0xa5,
};
static const uint8_t uuid_missing[16] = { 1, 2, 3 };

struct fixture {
	char root[64];
	char dir1[96], dir2[96];
	struct supp s;
	uint8_t *shm;		/* the memory of shm SHM_ID */
};

static void release_free(struct supp_shm *shm, void *ctx)
{
	(void)ctx;
	free(shm->addr);
}

static void file_write(const char *dir, const char *name, size_t len,
		       uint8_t fill)
{
	char path[256];
	uint8_t *buf = malloc(len ? len : 1);
	FILE *f;

	assert_non_null(buf);
	memset(buf, fill, len);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(buf);
}

/*
 * dir1 holds a's TA (TA_A_SIZE octets of 0xa1) and a directory posing as
 * b's; dir2 holds b's TA (10 octets of 0xb2) and another copy of a's,
 * which must never be seen: the first directory wins.
 */
static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	char list[256];

	assert_non_null(fx);
	strcpy(fx->root, "/tmp/vtee-supp-test-XXXXXX");
	assert_non_null(mkdtemp(fx->root));
	snprintf(fx->dir1, sizeof(fx->dir1), "%s/one", fx->root);
	snprintf(fx->dir2, sizeof(fx->dir2), "%s/two", fx->root);
	assert_int_equal(mkdir(fx->dir1, 0700), 0);
	assert_int_equal(mkdir(fx->dir2, 0700), 0);
	file_write(fx->dir1, "572b41d1-822e-416c-9e43-98a4f5c1c3db.ta",
		   TA_A_SIZE, 0xa1);
	file_write(fx->dir2, "572b41d1-822e-416c-9e43-98a4f5c1c3db.ta", 5000,
		   0xee);
	file_write(fx->dir2, "dd28bbe3-3bd3-449d-8d19-5032521eeba5.ta", 10,
		   0xb2);
	snprintf(list, sizeof(list), "%s/one/dd28bbe3-3bd3-449d-8d19-"
		 "5032521eeba5.ta", fx->root);
	assert_int_equal(mkdir(list, 0700), 0);
	snprintf(list, sizeof(list), "%s/absent::%s:%s:", fx->root, fx->dir1,
		 fx->dir2);
	assert_int_equal(supp_ta_dirs_parse(list, &fx->s.ta_dirs), 0);
	supp_shm_table_init(&fx->s.shms, release_free, NULL);
	fx->shm = calloc(1, SHM_SIZE);
	assert_non_null(fx->shm);
	assert_int_equal(supp_shm_add(&fx->s.shms, SHM_ID, -1, fx->shm,
				      SHM_SIZE), 0);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	assert_int_equal(supp_shm_remove(&fx->s.shms, SHM_ID), 0);
	supp_ta_dirs_free(&fx->s.ta_dirs);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->root);
	assert_int_equal(system(cmd), 0);
	free(fx);
	return 0;
}

/* LOAD_TA's two params for `uuid` and a memref (id, offset, size). */
static void load_params(struct tee_ioctl_param *p, const uint8_t *uuid,
			uint64_t id, uint64_t off, uint64_t size)
{
	memset(p, 0, 2 * sizeof(*p));
	p[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
	memcpy(&p[0].a, uuid, 8);
	memcpy(&p[0].b, uuid + 8, 8);
	p[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT;
	p[1].a = off;
	p[1].b = size;
	p[1].c = id;
}

static void test_size_query(void **state)
{
	struct fixture *fx = *state;
	struct tee_ioctl_param p[2];

	load_params(p, uuid_a, TEE_MEMREF_NULL, 0, 0);
	assert_int_equal(supp_ta_load(&fx->s, p, 2), SUPP_RES_SUCCESS);
	assert_int_equal(p[1].b, TA_A_SIZE);
	/* an id that is not the supplicant's is a size query too */
	load_params(p, uuid_a, 99, 0, 8192);
	assert_int_equal(supp_ta_load(&fx->s, p, 2), SUPP_RES_SUCCESS);
	assert_int_equal(p[1].b, TA_A_SIZE);
	assert_int_equal(fx->shm[0], 0);	/* nothing written anywhere */
}

static void test_short_buffer(void **state)
{
	struct fixture *fx = *state;
	struct tee_ioctl_param p[2];

	load_params(p, uuid_a, SHM_ID, 0, TA_A_SIZE - 1);
	assert_int_equal(supp_ta_load(&fx->s, p, 2), SUPP_RES_SHORT_BUFFER);
	assert_int_equal(p[1].b, TA_A_SIZE);
	load_params(p, uuid_a, SHM_ID, 0, 0);
	assert_int_equal(supp_ta_load(&fx->s, p, 2), SUPP_RES_SHORT_BUFFER);
	assert_int_equal(p[1].b, TA_A_SIZE);
	assert_int_equal(fx->shm[0], 0);
}

static void test_load(void **state)
{
	struct fixture *fx = *state;
	struct tee_ioctl_param p[2];
	size_t i;

	load_params(p, uuid_a, SHM_ID, 16, 1000);
	assert_int_equal(supp_ta_load(&fx->s, p, 2), SUPP_RES_SUCCESS);
	assert_int_equal(p[1].b, TA_A_SIZE);	/* the first dir's copy */
	for (i = 0; i < SHM_SIZE; i++)
		assert_int_equal(fx->shm[i],
				 i >= 16 && i < 16 + TA_A_SIZE ? 0xa1 : 0);
	/* b's name is a directory in dir1: skipped, dir2's file found */
	load_params(p, uuid_b, SHM_ID, 0, 10);
	assert_int_equal(supp_ta_load(&fx->s, p, 2), SUPP_RES_SUCCESS);
	assert_int_equal(p[1].b, 10);
	assert_int_equal(fx->shm[9], 0xb2);
}

static void test_memref_out_of_bounds(void **state)
{
	struct fixture *fx = *state;
	struct tee_ioctl_param p[2];

	load_params(p, uuid_a, SHM_ID, SHM_SIZE - 100, TA_A_SIZE);
	assert_int_equal(supp_ta_load(&fx->s, p, 2), SUPP_RES_BAD_PARAMETERS);
	load_params(p, uuid_a, SHM_ID, UINT64_MAX - 10, TA_A_SIZE);
	assert_int_equal(supp_ta_load(&fx->s, p, 2), SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(fx->shm[SHM_SIZE - 1], 0);
}

static void test_not_found(void **state)
{
	struct fixture *fx = *state;
	struct tee_ioctl_param p[2];

	load_params(p, uuid_missing, TEE_MEMREF_NULL, 0, 0);
	assert_int_equal(supp_ta_load(&fx->s, p, 2),
			 SUPP_RES_ITEM_NOT_FOUND);
}

static void test_bad_params(void **state)
{
	struct fixture *fx = *state;
	struct tee_ioctl_param p[3];

	load_params(p, uuid_a, TEE_MEMREF_NULL, 0, 0);
	assert_int_equal(supp_ta_load(&fx->s, p, 1), SUPP_RES_BAD_PARAMETERS);
	memset(&p[2], 0, sizeof(p[2]));
	assert_int_equal(supp_ta_load(&fx->s, p, 3), SUPP_RES_BAD_PARAMETERS);
	p[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT;
	assert_int_equal(supp_ta_load(&fx->s, p, 2), SUPP_RES_BAD_PARAMETERS);
	load_params(p, uuid_a, TEE_MEMREF_NULL, 0, 0);
	p[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT;
	assert_int_equal(supp_ta_load(&fx->s, p, 2), SUPP_RES_BAD_PARAMETERS);
}

/* Through the dispatcher: other services are refused, params untouched. */
static void test_dispatch(void **state)
{
	struct fixture *fx = *state;
	struct tee_ioctl_param p[2], orig[2];

	load_params(p, uuid_a, TEE_MEMREF_NULL, 0, 0);
	assert_int_equal(supp_dispatch(&fx->s, OPTEE_RPC_CMD_LOAD_TA, p, 2),
			 SUPP_RES_SUCCESS);
	assert_int_equal(p[1].b, TA_A_SIZE);
	memcpy(orig, p, sizeof(p));
	assert_int_equal(supp_dispatch(&fx->s, OPTEE_RPC_CMD_SOCKET, p, 2),
			 SUPP_RES_NOT_SUPPORTED);
	assert_int_equal(supp_dispatch(&fx->s, OPTEE_RPC_CMD_RPMB, p, 2),
			 SUPP_RES_NOT_SUPPORTED);
	assert_int_equal(supp_dispatch(&fx->s, 0xffffffff, p, 2),
			 SUPP_RES_NOT_SUPPORTED);
	assert_memory_equal(p, orig, sizeof(p));
}

/* SUPP_PLUGIN with a wrong count, attr, sub-function or memref. */
static void test_plugin_bad_params(void **state)
{
	struct fixture *fx = *state;
	struct tee_ioctl_param p[4] = {
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT },
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT },
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT },
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT, .b = 8,
		  .c = SHM_ID },
	};
	struct tee_ioctl_param bad[4];

	/* well formed, but no plugin is loaded */
	assert_int_equal(supp_dispatch(&fx->s, OPTEE_RPC_CMD_SUPP_PLUGIN, p, 4),
			 SUPP_RES_ITEM_NOT_FOUND);
	assert_int_equal(supp_dispatch(&fx->s, OPTEE_RPC_CMD_SUPP_PLUGIN, p, 3),
			 SUPP_RES_BAD_PARAMETERS);
	memcpy(bad, p, sizeof(p));
	bad[3].b = SHM_SIZE + 1;	/* beyond its shm */
	assert_int_equal(supp_dispatch(&fx->s, OPTEE_RPC_CMD_SUPP_PLUGIN, bad,
				       4), SUPP_RES_BAD_PARAMETERS);
	for (int i = 0; i < 4; i++) {
		memcpy(bad, p, sizeof(p));
		bad[i].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
		assert_int_equal(supp_dispatch(&fx->s,
					       OPTEE_RPC_CMD_SUPP_PLUGIN,
					       bad, 4),
				 SUPP_RES_BAD_PARAMETERS);
	}
	memcpy(bad, p, sizeof(p));
	bad[0].a = 1;	/* only sub-function 0 (invoke) exists */
	assert_int_equal(supp_dispatch(&fx->s, OPTEE_RPC_CMD_SUPP_PLUGIN, bad,
				       4), SUPP_RES_BAD_PARAMETERS);
}

static void test_dirs_parse(void **state)
{
	struct supp_ta_dirs d;

	(void)state;
	assert_int_equal(supp_ta_dirs_parse("::a::bb:", &d), 0);
	assert_int_equal(d.count, 2);
	assert_string_equal(d.dir[0], "a");
	assert_string_equal(d.dir[1], "bb");
	supp_ta_dirs_free(&d);
	assert_int_equal(supp_ta_dirs_parse("", &d), -EINVAL);
	assert_int_equal(supp_ta_dirs_parse(":::", &d), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_size_query, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_short_buffer, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_load, setup, teardown),
		cmocka_unit_test_setup_teardown(test_memref_out_of_bounds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_found, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bad_params, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_plugin_bad_params, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_dispatch, setup,
						teardown),
		cmocka_unit_test(test_dirs_parse),
	};

	supp_log_set_level(SUPP_LOG_ERROR);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
