// SPDX-License-Identifier: BSD-2-Clause
/*
 * The OP-TEE driver's wire encodings, checked against the secure world's
 * decoders: page lists (the driver builds, the secure world reads back the
 * same pages), and tee_param <-> optee_msg_param marshalling.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mobj.h"
#include "ns_ram.h"
#include "optee_private.h"
#include "tee_api_defines.h"
#include "vtee/optee_rpc_cmd.h"

/* A minimal driver: just what page lists and args need. */
static struct ns_ram *ram;
static struct tee_device *dev;
static struct optee optee;

static void get_version(struct tee_device *d, struct tee_ioctl_version_data *v)
{
	(void)d;
	v->impl_id = TEE_IMPL_ID_OPTEE;
}

static int open_ctx(struct tee_context *ctx)
{
	(void)ctx;
	return 0;
}

static void release_ctx(struct tee_context *ctx)
{
	(void)ctx;
}

static const struct tee_driver_ops ops = {
	.get_version = get_version, .open = open_ctx, .release = release_ctx,
};
static const struct tee_desc desc = { .name = "test", .ops = &ops };

static int setup(void **state)
{
	int err;

	(void)state;
	if (ns_ram_create(1ull << 32, &ram))
		return -1;
	dev = tee_device_alloc(&desc, "tee9", ram, &optee);
	optee.ctx = tee_context_open(dev, &(struct tee_cred){ 0 }, &err);
	optee_cookies_init(&optee.cookies);
	return optee.ctx ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	tee_context_close(optee.ctx);
	tee_device_free(dev);
	ns_ram_destroy(ram);
	return 0;
}

/* A shm of n pages, its page list built, read back by the secure side. */
static void page_list_round_trip(size_t npages)
{
	struct tee_shm *shm = tee_shm_alloc_priv_buf(optee.ctx,
						     npages * NS_RAM_PAGE_SIZE);
	struct tee_shm *pl = optee_build_page_list(&optee, shm);
	uint64_t *pages = calloc(npages, sizeof(*pages));

	assert_non_null(pl);
	assert_int_equal(mobj_read_page_list(ram, pl->paddr, npages, pages),
			 TEE_SUCCESS);
	for (size_t i = 0; i < npages; i++)
		assert_int_equal(pages[i], shm->paddr + i * NS_RAM_PAGE_SIZE);
	free(pages);
	tee_shm_free(pl);
	tee_shm_free(shm);
}

static void test_page_list_one_page(void **state)
{
	(void)state;
	page_list_round_trip(1);
}

static void test_page_list_exactly_one_list(void **state)
{
	(void)state;
	page_list_round_trip(OPTEE_MSG_PAGES_PER_LIST);
}

static void test_page_list_chained(void **state)
{
	(void)state;
	page_list_round_trip(3 * OPTEE_MSG_PAGES_PER_LIST + 7);
}

static void test_page_list_refuses_foreign_pages(void **state)
{
	struct tee_shm *pl = tee_shm_alloc_priv_buf(optee.ctx, 4096);
	uint64_t *entry = pl->kaddr, page;

	(void)state;
	entry[0] = 0x1000;			/* below RAM */
	assert_int_equal(mobj_read_page_list(ram, pl->paddr, 1, &page),
			 TEE_ERROR_BAD_PARAMETERS);
	entry[0] = pl->paddr + 8;		/* not page aligned */
	assert_int_equal(mobj_read_page_list(ram, pl->paddr, 1, &page),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(mobj_read_page_list(ram, pl->paddr + 8, 1, &page),
			 TEE_ERROR_BAD_PARAMETERS);
	tee_shm_free(pl);
}

static void test_params_to_msg(void **state)
{
	struct tee_shm shm = { .flags = TEE_SHM_DYNAMIC, .sec_world_id = 77,
			       .size = 8192 };
	struct tee_param p[4] = {
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT,
		  .u.value = { 1, 2, 3 } },
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT,
		  .u.memref = { 16, 32, &shm } },
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT,
		  .u.memref = { 0, 5, NULL } },
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_NONE },
	};
	struct optee_msg_param mp[4];

	(void)state;
	assert_int_equal(optee_to_msg_param(mp, p, 4), 0);
	assert_int_equal(mp[0].attr, OPTEE_MSG_ATTR_TYPE_VALUE_INOUT);
	assert_int_equal(mp[0].u.value.c, 3);
	assert_int_equal(mp[1].attr, OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT);
	assert_int_equal(mp[1].u.rmem.offs, 16);
	assert_int_equal(mp[1].u.rmem.size, 32);
	assert_int_equal(mp[1].u.rmem.shm_ref, 77);
	/* a NULL memref is TMEM at address 0 */
	assert_int_equal(mp[2].attr, OPTEE_MSG_ATTR_TYPE_TMEM_INPUT);
	assert_int_equal(mp[2].u.tmem.buf_ptr, 0);
	assert_int_equal(mp[2].u.tmem.shm_ref, 0);
	assert_int_equal(mp[3].attr, OPTEE_MSG_ATTR_TYPE_NONE);
}

static void test_params_refused(void **state)
{
	struct tee_param p = { .attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT |
				       TEE_IOCTL_PARAM_ATTR_META };
	struct optee_msg_param mp;

	(void)state;
	assert_int_equal(optee_to_msg_param(&mp, &p, 1), -EINVAL);
	p.attr = TEE_IOCTL_PARAM_ATTR_TYPE_UBUF_INPUT;
	assert_int_equal(optee_to_msg_param(&mp, &p, 1), -EINVAL);
	p.attr = TEE_IOCTL_PARAM_ATTR_TYPE_OBJREF_INPUT;
	assert_int_equal(optee_to_msg_param(&mp, &p, 1), -EINVAL);
}

/* Outputs come back by the types sent, whatever attr came back. */
static void test_params_from_msg(void **state)
{
	struct tee_param p[3] = {
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT,
		  .u.value = { 1, 1, 1 } },
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT },
		{ .attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT,
		  .u.memref = { 0, 10, NULL } },
	};
	struct optee_msg_param mp[3] = {
		{ .attr = OPTEE_MSG_ATTR_TYPE_VALUE_INOUT,
		  .u.value = { 9, 9, 9 } },
		{ .attr = OPTEE_MSG_ATTR_TYPE_NONE, .u.value = { 5, 6, 7 } },
		{ .attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT,
		  .u.tmem = { 0, 99, 0 } },
	};

	(void)state;
	optee_from_msg_param(p, 3, mp);
	assert_int_equal(p[0].u.value.a, 1);	/* input: untouched */
	assert_int_equal(p[1].u.value.a, 5);
	assert_int_equal(p[1].u.value.c, 7);
	assert_int_equal(p[2].u.memref.size, 99);
}

/* One RPC SHM_ALLOC of KERNEL memory: the answer's shm, its list read back. */
static uint64_t rpc_alloc(struct optee_rpc_call_ctx *cc, uint64_t size,
			  uint64_t *pages)
{
	uint64_t buf[OPTEE_MSG_GET_ARG_SIZE(1) / 8] = { 0 };
	struct optee_msg_arg *arg = (struct optee_msg_arg *)buf;

	arg->cmd = OPTEE_RPC_CMD_SHM_ALLOC;
	arg->num_params = 1;
	arg->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	arg->params[0].u.value = (struct optee_msg_param_value){
		OPTEE_RPC_SHM_TYPE_KERNEL, size, 0 };
	optee_rpc_cmd(optee.ctx, &optee, arg, sizeof(buf), cc);
	assert_int_equal(arg->ret, TEEC_SUCCESS);
	assert_non_null(cc->page_list);
	assert_int_equal(arg->params[0].u.tmem.buf_ptr, cc->page_list->paddr);
	assert_int_equal(mobj_read_page_list(ram, arg->params[0].u.tmem.buf_ptr,
					     (size + 4095) / 4096, pages),
			 TEE_SUCCESS);
	return arg->params[0].u.tmem.shm_ref;
}

static void rpc_free(struct optee_rpc_call_ctx *cc, uint64_t cookie)
{
	uint64_t buf[OPTEE_MSG_GET_ARG_SIZE(1) / 8] = { 0 };
	struct optee_msg_arg *arg = (struct optee_msg_arg *)buf;

	arg->cmd = OPTEE_RPC_CMD_SHM_FREE;
	arg->num_params = 1;
	arg->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	arg->params[0].u.value = (struct optee_msg_param_value){
		OPTEE_RPC_SHM_TYPE_KERNEL, cookie, 0 };
	optee_rpc_cmd(optee.ctx, &optee, arg, sizeof(buf), cc);
	assert_int_equal(arg->ret, TEEC_SUCCESS);
}

/*
 * A call keeps one page list, the last SHM_ALLOC answer's: the secure
 * world reads each list when the answer arrives, so the next SHM_ALLOC
 * frees it, and any number of allocations fit in one call.
 */
static void test_rpc_shm_alloc_keeps_one_page_list(void **state)
{
	struct optee_rpc_call_ctx cc = { .page_list = NULL };
	uint64_t cookies[40], pages[3];

	(void)state;
	for (size_t i = 0; i < 40; i++) {
		struct tee_shm *before = cc.page_list;
		struct tee_shm *shm;

		cookies[i] = rpc_alloc(&cc, 3 * 4096, pages);
		shm = optee_cookie_lookup(&optee.cookies, cookies[i]);
		assert_non_null(shm);
		assert_int_equal(pages[0], shm->paddr);
		assert_int_equal(pages[2], shm->paddr + 2 * 4096);
		if (before)
			assert_ptr_not_equal(cc.page_list, before);
	}
	for (size_t i = 0; i < 40; i++)
		rpc_free(&cc, cookies[i]);
	assert_non_null(cc.page_list);	/* frees leave the last list */
	optee_rpc_finalize_call(&cc);
	assert_null(cc.page_list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_list_one_page),
		cmocka_unit_test(test_page_list_exactly_one_list),
		cmocka_unit_test(test_page_list_chained),
		cmocka_unit_test(test_page_list_refuses_foreign_pages),
		cmocka_unit_test(test_params_to_msg),
		cmocka_unit_test(test_params_refused),
		cmocka_unit_test(test_params_from_msg),
		cmocka_unit_test(test_rpc_shm_alloc_keeps_one_page_list),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
