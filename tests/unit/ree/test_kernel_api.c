// SPDX-License-Identifier: BSD-2-Clause
/*
 * The in-kernel client API, as code inside the daemon uses it: a machine
 * assembled in this process (RAM, secure world, OP-TEE driver), reached
 * through tee_client_* with a match function, never through a node.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "ns_ram.h"
#include "optee_drv.h"
#include "optee_private.h"
#include "secure_world.h"
#include "tee_drv.h"

static struct ns_ram *ram;
static struct secure_world *sw;
static struct optee *optee;

static int setup(void **state)
{
	char launcher[512];
	uint8_t id[16] = { 1 };
	struct sw_config cfg = { .threads = 4, .device_id = id,
				 .launcher_path = launcher,
				 .ta_pubkey_path = getenv("VTEE_TA_PUBKEY") };
	struct optee_conduit conduit = { sw_smc, NULL };

	(void)state;
	snprintf(launcher, sizeof(launcher), "%s/vtee-ta-host",
		 getenv("VTEE_BIN_DIR"));
	if (ns_ram_create(1ull << 30, &ram))
		return -1;
	cfg.ram = ram;
	if (sw_boot(&cfg, &sw))
		return -1;
	conduit.cookie = sw;
	return optee_probe(&conduit, ram, &optee);
}

static int teardown(void **state)
{
	(void)state;
	optee_remove(optee);
	sw_shutdown(sw);
	ns_ram_destroy(ram);
	return 0;
}

static int match_none(const struct tee_ioctl_version_data *v, const void *d)
{
	(void)v;
	(void)d;
	return 0;
}

static int match_optee_gp(const struct tee_ioctl_version_data *v,
			  const void *d)
{
	(void)d;
	return v->impl_id == TEE_IMPL_ID_OPTEE && (v->gen_caps & TEE_GEN_CAP_GP)
	       && !(v->gen_caps & TEE_GEN_CAP_PRIVILEGED);
}

static void test_no_match_is_enoent(void **state)
{
	int err = 0;

	(void)state;
	assert_null(tee_client_open_context(NULL, match_none, NULL, NULL,
					    &err));
	assert_int_equal(err, -ENOENT);
}

static void test_open_context_and_version(void **state)
{
	struct tee_ioctl_version_data v;
	struct tee_context *ctx;
	int err;

	(void)state;
	ctx = tee_client_open_context(NULL, match_optee_gp, NULL, &v, &err);
	assert_non_null(ctx);
	assert_int_equal(v.impl_id, TEE_IMPL_ID_OPTEE);
	assert_true(ctx->supp_nowait);
	tee_client_close_context(ctx);
}

/* A kernel client fails at once when the supplicant is needed but gone. */
static void test_no_supplicant_fails_fast(void **state)
{
	struct tee_ioctl_open_session_arg arg = {
		.uuid = { 0xdd, 0x28, 0xbb, 0xe3, 0x3b, 0xd3, 0x44, 0x9d,
			  0x8d, 0x19, 0x50, 0x32, 0x52, 0x1e, 0xeb, 0xa5 },
		.clnt_login = TEE_IOCTL_LOGIN_REE_KERNEL,
	};
	struct tee_context *ctx;
	time_t t0 = time(NULL);
	int err;

	(void)state;
	ctx = tee_client_open_context(NULL, match_optee_gp, NULL, NULL, &err);
	assert_non_null(ctx);
	assert_int_equal(tee_client_open_session(ctx, &arg, NULL), 0);
	assert_int_equal(arg.ret, TEEC_ERROR_COMMUNICATION);
	assert_true(time(NULL) - t0 < 5);
	tee_client_close_context(ctx);
}

static void test_kernel_shm(void **state)
{
	struct tee_context *ctx;
	struct tee_shm *shm;
	uint64_t pa;
	int err;

	(void)state;
	ctx = tee_client_open_context(NULL, match_optee_gp, NULL, NULL, &err);
	assert_non_null(ctx);
	shm = tee_shm_alloc_kernel_buf(ctx, 8192);
	assert_non_null(shm);
	assert_int_equal(shm->id, -1);		/* never in the id table */
	assert_true(shm->flags & TEE_SHM_DYNAMIC);	/* registered */
	assert_int_equal(tee_shm_get_pa(shm, 4096, &pa), 0);
	assert_int_equal(pa, shm->paddr + 4096);
	assert_null(tee_shm_get_va(shm, 8192));
	tee_shm_free(shm);
	tee_client_close_context(ctx);
}

static void test_unknown_sessions(void **state)
{
	struct tee_ioctl_cancel_arg cancel = { .session = 77 };
	struct tee_context *ctx;
	int err;

	(void)state;
	ctx = tee_client_open_context(NULL, match_optee_gp, NULL, NULL, &err);
	assert_non_null(ctx);
	assert_int_equal(tee_client_close_session(ctx, 77), -EINVAL);
	assert_int_equal(tee_client_system_session(ctx, 77), -EINVAL);
	assert_int_equal(tee_client_cancel_req(ctx, &cancel), -EINVAL);
	tee_client_close_context(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_match_is_enoent),
		cmocka_unit_test(test_open_context_and_version),
		cmocka_unit_test(test_no_supplicant_fails_fast),
		cmocka_unit_test(test_kernel_shm),
		cmocka_unit_test(test_unknown_sessions),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
