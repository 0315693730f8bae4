// SPDX-License-Identifier: BSD-2-Clause
/*
 * The secure world's REE FS client against the supplicant's REE FS
 * service, in one process.  The client's RPC layer (sw_rpc_*) is faked
 * here: each shm it allocates is also added to the supplicant's table,
 * and each FS request goes through the parameter translation the REE
 * kernel does (TMEM -> MEMREF by offset into its shm, the values as they
 * are; back: output values and memref sizes) to supp_dispatch().  So the
 * layout the client sends is the one the service, and optee_client, read.
 * The fake can also answer as a hostile normal world would.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ree_fs.h"
#include "rpc.h"
#include "supp.h"
#include "tee_api_defines.h"
#include "vtee/optee_rpc_cmd.h"

#define PAGE		4096
#define MAX_SHM		8

/* The client only passes its thread along; any object will do. */
struct sw_thread {
	struct sw_rpc_shm payload;
};

struct sw_rpc_shm *sw_thread_payload(struct sw_thread *t)
{
	return &t->payload;
}

/* Rewrites the answer of an FS request after the service gave it. */
typedef uint32_t (*tamper_fn)(uint32_t res, struct optee_msg_param *p,
			      size_t n);

static struct {
	struct supp s;
	struct {
		uint64_t cookie;	/* 0: free slot */
		uint8_t *mem;
		uint64_t size;
	} shm[MAX_SHM];
	uint64_t next_cookie;
	unsigned int allocs, fs_cmds;
	tamper_fn tamper;
} fake;

static char root[64];
static struct sw_thread thr;

/* --------------------------------------------------- the fake RPC */
static void release_nothing(struct supp_shm *shm, void *ctx)
{
	(void)shm;
	(void)ctx;
}

uint32_t sw_rpc_shm_alloc(struct sw_thread *t, uint32_t type, uint64_t size,
			  struct sw_rpc_shm *out)
{
	size_t i, npages = (size + PAGE - 1) / PAGE;

	(void)t;
	assert_int_equal(type, OPTEE_RPC_SHM_TYPE_APPL);
	assert_true(size > 0);
	for (i = 0; i < MAX_SHM && fake.shm[i].cookie; i++)
		;
	assert_true(i < MAX_SHM);
	fake.shm[i].cookie = ++fake.next_cookie;
	fake.shm[i].mem = calloc(npages, PAGE);
	fake.shm[i].size = size;
	assert_non_null(fake.shm[i].mem);
	/* the supplicant knows it by the same number */
	assert_int_equal(supp_shm_add(&fake.s.shms, (int32_t)fake.next_cookie,
				      -1, fake.shm[i].mem, size), 0);
	*out = (struct sw_rpc_shm){ .cookie = fake.next_cookie, .size = size,
				    .npages = npages, .type = type };
	out->pages = calloc(npages, sizeof(*out->pages));
	assert_non_null(out->pages);
	/* fake physical addresses: the cookie's own range */
	for (size_t pg = 0; pg < npages; pg++)
		out->pages[pg] = (fake.next_cookie << 32) + pg * PAGE;
	fake.allocs++;
	return TEE_SUCCESS;
}

static size_t slot_of(uint64_t cookie)
{
	for (size_t i = 0; i < MAX_SHM; i++)
		if (fake.shm[i].cookie && fake.shm[i].cookie == cookie)
			return i;
	fail_msg("unknown shm cookie %llu", (unsigned long long)cookie);
	return 0;
}

void sw_rpc_shm_free(struct sw_thread *t, struct sw_rpc_shm *shm)
{
	size_t i = slot_of(shm->cookie);

	(void)t;
	assert_int_equal(supp_shm_remove(&fake.s.shms, shm->cookie), 0);
	free(fake.shm[i].mem);
	fake.shm[i].cookie = 0;
	free(shm->pages);
	*shm = (struct sw_rpc_shm){ 0 };
}

void sw_rpc_shm_read(struct sw_thread *t, const struct sw_rpc_shm *shm,
		     void *dst, uint64_t len)
{
	(void)t;
	assert_true(len <= shm->size);
	memcpy(dst, fake.shm[slot_of(shm->cookie)].mem, len);
}

void sw_rpc_shm_write(struct sw_thread *t, const struct sw_rpc_shm *shm,
		      const void *src, uint64_t len)
{
	(void)t;
	assert_true(len <= shm->size);
	memcpy(fake.shm[slot_of(shm->cookie)].mem, src, len);
}

/* The REE kernel's translation of one RPC param for the supplicant. */
static void param_to_supp(const struct optee_msg_param *mp,
			  struct tee_ioctl_param *p)
{
	uint64_t type = mp->attr & OPTEE_MSG_ATTR_TYPE_MASK;

	if (type >= OPTEE_MSG_ATTR_TYPE_TMEM_INPUT) {
		size_t i = slot_of(mp->u.tmem.shm_ref);
		uint64_t base = mp->u.tmem.shm_ref << 32;

		assert_true(mp->u.tmem.buf_ptr >= base);
		assert_true(mp->u.tmem.buf_ptr - base + mp->u.tmem.size <=
			    fake.shm[i].size);
		*p = (struct tee_ioctl_param){
			.attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT + type -
				OPTEE_MSG_ATTR_TYPE_TMEM_INPUT,
			.a = mp->u.tmem.buf_ptr - base,
			.b = mp->u.tmem.size,
			.c = mp->u.tmem.shm_ref,
		};
		return;
	}
	assert_true(type >= OPTEE_MSG_ATTR_TYPE_VALUE_INPUT &&
		    type <= OPTEE_MSG_ATTR_TYPE_VALUE_INOUT);
	*p = (struct tee_ioctl_param){ .attr = type, .a = mp->u.value.a,
				       .b = mp->u.value.b,
				       .c = mp->u.value.c };
}

static void param_from_supp(struct optee_msg_param *mp,
			    const struct tee_ioctl_param *p)
{
	switch (p->attr) {
	case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT:
		mp->u.value = (struct optee_msg_param_value){ p->a, p->b,
							      p->c };
		break;
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
		mp->u.tmem.size = p->b;
		break;
	default:
		break;
	}
}

uint32_t sw_rpc_cmd(struct sw_thread *t, uint32_t cmd, size_t n,
		    struct optee_msg_param *params)
{
	struct tee_ioctl_param p[4];
	uint32_t res;

	(void)t;
	assert_int_equal(cmd, OPTEE_RPC_CMD_FS);
	assert_true(n >= 1 && n <= 4);
	for (size_t i = 0; i < n; i++)
		param_to_supp(&params[i], &p[i]);
	res = supp_dispatch(&fake.s, cmd, p, n);
	for (size_t i = 0; i < n; i++)
		param_from_supp(&params[i], &p[i]);
	fake.fs_cmds++;
	return fake.tamper ? fake.tamper(res, params, n) : res;
}

/* ------------------------------------------------------------ fixture */
static int setup(void **state)
{
	char data[96];

	(void)state;
	memset(&fake, 0, sizeof(fake));
	strcpy(root, "/tmp/vtee-ree-fs-XXXXXX");
	assert_non_null(mkdtemp(root));
	snprintf(data, sizeof(data), "%s/tee", root);
	supp_shm_table_init(&fake.s.shms, release_nothing, NULL);
	assert_int_equal(supp_fs_init(&fake.s.fs, data), 0);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	/* the buffer a thread keeps between requests goes back too */
	sw_rpc_payload_drop(&thr);
	supp_fs_fini(&fake.s.fs);
	for (size_t i = 0; i < MAX_SHM; i++)
		assert_int_equal(fake.shm[i].cookie, 0);	/* none leaked */
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static void pattern(uint8_t *buf, size_t len, unsigned int seed)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (uint8_t)(i * 7 + seed + i / 4096);
}

/* ------------------------------------------------------------- tests */

/* Three MiB and a bit: several READ and WRITE requests, one shm each. */
static void test_file_round_trip(void **state)
{
	size_t len = 3 * 1024 * 1024 + 100, got;
	uint8_t *in = malloc(len), *out = malloc(len + 10);
	uint32_t fd;

	(void)state;
	assert_non_null(in);
	assert_non_null(out);
	pattern(in, len, 1);
	assert_int_equal(ree_fs_create(&thr, "a/b/file", &fd), TEE_SUCCESS);
	fake.allocs = fake.fs_cmds = 0;
	assert_int_equal(ree_fs_write(&thr, fd, 0, in, len), TEE_SUCCESS);
	assert_int_equal(fake.allocs, 1);
	assert_int_equal(fake.fs_cmds, 4);	/* 1 MiB per request */
	assert_int_equal(ree_fs_close(&thr, fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_open(&thr, "a/b/file", &fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_read(&thr, fd, 0, out, len + 10, &got),
			 TEE_SUCCESS);
	assert_int_equal(got, len);	/* short: the end of the file */
	assert_memory_equal(in, out, len);
	assert_int_equal(ree_fs_read(&thr, fd, len - 5, out, 100, &got),
			 TEE_SUCCESS);
	assert_int_equal(got, 5);
	assert_memory_equal(out, in + len - 5, 5);
	assert_int_equal(ree_fs_read(&thr, fd, len + 5, out, 100, &got),
			 TEE_SUCCESS);
	assert_int_equal(got, 0);
	assert_int_equal(ree_fs_truncate(&thr, fd, 10), TEE_SUCCESS);
	assert_int_equal(ree_fs_read(&thr, fd, 0, out, 100, &got),
			 TEE_SUCCESS);
	assert_int_equal(got, 10);
	/* nothing to move: no request at all */
	fake.fs_cmds = 0;
	assert_int_equal(ree_fs_read(&thr, fd, 0, out, 0, &got), TEE_SUCCESS);
	assert_int_equal(ree_fs_write(&thr, fd, 0, in, 0), TEE_SUCCESS);
	assert_int_equal(fake.fs_cmds, 0);
	assert_int_equal(ree_fs_close(&thr, fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_close(&thr, fd), TEE_ERROR_BAD_PARAMETERS);
	free(in);
	free(out);
}

static void test_names(void **state)
{
	char name[REE_FS_NAME_MAX + 1];
	uint32_t fd, dir;

	(void)state;
	assert_int_equal(ree_fs_open(&thr, "missing", &fd),
			 TEE_ERROR_ITEM_NOT_FOUND);
	/* the longest name, and one byte more (refused before any RPC) */
	memset(name, 'n', sizeof(name));
	name[REE_FS_NAME_MAX - 1] = '\0';
	assert_int_equal(ree_fs_create(&thr, name, &fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_close(&thr, fd), TEE_SUCCESS);
	name[REE_FS_NAME_MAX - 1] = 'n';
	name[REE_FS_NAME_MAX] = '\0';
	fake.fs_cmds = 0;
	assert_int_equal(ree_fs_create(&thr, name, &fd),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(ree_fs_remove(&thr, name), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(ree_fs_rename(&thr, "x", name, true),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(ree_fs_opendir(&thr, name, &dir),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(fake.fs_cmds, 0);
	/* the service's refusals come through */
	assert_int_equal(ree_fs_open(&thr, "../x", &fd),
			 TEE_ERROR_BAD_PARAMETERS);
}

static void test_rename_remove(void **state)
{
	uint32_t fd;
	size_t got;
	char buf[8];

	(void)state;
	assert_int_equal(ree_fs_create(&thr, "old", &fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_write(&thr, fd, 0, "old", 3), TEE_SUCCESS);
	assert_int_equal(ree_fs_close(&thr, fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_create(&thr, "d/new", &fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_close(&thr, fd), TEE_SUCCESS);
	/* both names in one shm, the second at an offset */
	fake.allocs = 0;
	assert_int_equal(ree_fs_rename(&thr, "old", "d/new", false),
			 TEE_ERROR_ACCESS_CONFLICT);
	assert_int_equal(fake.allocs, 1);
	assert_int_equal(ree_fs_rename(&thr, "old", "d/new", true),
			 TEE_SUCCESS);
	assert_int_equal(ree_fs_open(&thr, "old", &fd),
			 TEE_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(ree_fs_open(&thr, "d/new", &fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_read(&thr, fd, 0, buf, sizeof(buf), &got),
			 TEE_SUCCESS);
	assert_int_equal(got, 3);
	assert_memory_equal(buf, "old", 3);
	assert_int_equal(ree_fs_close(&thr, fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_remove(&thr, "d/new"), TEE_SUCCESS);
	assert_int_equal(ree_fs_remove(&thr, "d/new"),
			 TEE_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(ree_fs_rename(&thr, "gone", "x", false),
			 TEE_ERROR_ITEM_NOT_FOUND);
}

static void test_dirs(void **state)
{
	char name[REE_FS_NAME_MAX];
	uint32_t fd, dir;
	unsigned int seen = 0;

	(void)state;
	assert_int_equal(ree_fs_opendir(&thr, "list", &dir),
			 TEE_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(ree_fs_create(&thr, "list/a", &fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_close(&thr, fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_create(&thr, "list/bb", &fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_close(&thr, fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_opendir(&thr, "list", &dir), TEE_SUCCESS);
	/* too small for either name; the entry stays for the next call */
	assert_int_equal(ree_fs_readdir(&thr, dir, name, 1),
			 TEE_ERROR_SHORT_BUFFER);
	while (ree_fs_readdir(&thr, dir, name, sizeof(name)) == TEE_SUCCESS)
		seen |= !strcmp(name, "a") ? 1 : !strcmp(name, "bb") ? 2 : 4;
	assert_int_equal(seen, 3);
	assert_int_equal(ree_fs_readdir(&thr, dir, name, sizeof(name)),
			 TEE_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(ree_fs_closedir(&thr, dir), TEE_SUCCESS);
	assert_int_equal(ree_fs_closedir(&thr, dir), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(ree_fs_readdir(&thr, dir, name, 0),
			 TEE_ERROR_BAD_PARAMETERS);
}

/* ----------------------------------------------- a hostile answerer */
static uint64_t forged;

static uint32_t forge_read_size(uint32_t res, struct optee_msg_param *p,
				size_t n)
{
	(void)n;
	if (p[0].u.value.a == OPTEE_RPC_FS_READ)
		p[1].u.tmem.size = p[1].u.tmem.size + forged;
	return res;
}

static uint32_t forge_fd(uint32_t res, struct optee_msg_param *p, size_t n)
{
	if (n == 3)
		p[2].u.value.a = forged;
	return res;
}

static uint32_t forge_name_size(uint32_t res, struct optee_msg_param *p,
				size_t n)
{
	(void)n;
	if (p[0].u.value.a == OPTEE_RPC_FS_READDIR)
		p[1].u.tmem.size = forged;
	return res;
}

static uint32_t forge_short(uint32_t res, struct optee_msg_param *p,
			    size_t n)
{
	(void)n;
	if (p[0].u.value.a != OPTEE_RPC_FS_READDIR)
		return res;
	p[1].u.tmem.size = forged;
	return TEE_ERROR_SHORT_BUFFER;
}

static uint32_t forge_result(uint32_t res, struct optee_msg_param *p,
			     size_t n)
{
	(void)res;
	(void)p;
	(void)n;
	return (uint32_t)forged;
}

/* One READDIR of a freshly opened data dir, under the current tamper. */
static uint32_t readdir_fresh(char *name, size_t len)
{
	tamper_fn tamper = fake.tamper;
	uint32_t dir, res;

	fake.tamper = NULL;
	assert_int_equal(ree_fs_opendir(&thr, "", &dir), TEE_SUCCESS);
	fake.tamper = tamper;
	res = ree_fs_readdir(&thr, dir, name, len);
	fake.tamper = NULL;
	assert_int_equal(ree_fs_closedir(&thr, dir), TEE_SUCCESS);
	fake.tamper = tamper;
	return res;
}

static void test_hostile_answers(void **state)
{
	char name[16], buf[64];
	uint32_t fd, fd2;
	size_t got = 99;

	(void)state;
	assert_int_equal(ree_fs_create(&thr, "f", &fd), TEE_SUCCESS);
	assert_int_equal(ree_fs_write(&thr, fd, 0, "0123456789", 10),
			 TEE_SUCCESS);
	/* READ: more than asked for */
	fake.tamper = forge_read_size;
	forged = 1;
	assert_int_equal(ree_fs_read(&thr, fd, 0, buf, 10, &got),
			 TEE_ERROR_COMMUNICATION);
	assert_int_equal(got, 0);
	forged = 0;
	assert_int_equal(ree_fs_read(&thr, fd, 0, buf, 10, &got),
			 TEE_SUCCESS);
	assert_int_equal(got, 10);
	/* OPEN: a number that does not fit the API */
	fake.tamper = forge_fd;
	forged = (uint64_t)UINT32_MAX + 1;
	assert_int_equal(ree_fs_open(&thr, "f", &fd2),
			 TEE_ERROR_COMMUNICATION);
	/* READDIR: no name, longer than the buffer, its NUL not last */
	fake.tamper = forge_name_size;
	forged = 0;
	assert_int_equal(readdir_fresh(name, sizeof(name)),
			 TEE_ERROR_COMMUNICATION);
	forged = sizeof(name) + 1;
	assert_int_equal(readdir_fresh(name, sizeof(name)),
			 TEE_ERROR_COMMUNICATION);
	forged = 1;	/* "f" has its NUL at index 1, not 0 */
	assert_int_equal(readdir_fresh(name, sizeof(name)),
			 TEE_ERROR_COMMUNICATION);
	forged = 3;	/* "f\0" then a byte that was never written */
	assert_int_equal(readdir_fresh(name, sizeof(name)),
			 TEE_ERROR_COMMUNICATION);
	forged = 2;	/* the truth */
	assert_int_equal(readdir_fresh(name, sizeof(name)), TEE_SUCCESS);
	assert_string_equal(name, "f");
	/* SHORT_BUFFER naming a size that fits */
	fake.tamper = forge_short;
	forged = 2;
	assert_int_equal(readdir_fresh(name, sizeof(name)),
			 TEE_ERROR_COMMUNICATION);
	forged = sizeof(name) + 1;
	assert_int_equal(readdir_fresh(name, sizeof(name)),
			 TEE_ERROR_SHORT_BUFFER);
	/* an error result passes through unchanged */
	fake.tamper = forge_result;
	forged = TEE_ERROR_STORAGE_NO_SPACE;
	assert_int_equal(ree_fs_write(&thr, fd, 0, "x", 1),
			 TEE_ERROR_STORAGE_NO_SPACE);
	fake.tamper = NULL;
	assert_int_equal(ree_fs_close(&thr, fd), TEE_SUCCESS);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_file_round_trip),
		T(test_names),
		T(test_rename_remove),
		T(test_dirs),
		T(test_hostile_answers),
	};
#undef T

	supp_log_set_level(SUPP_LOG_ERROR);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
