// SPDX-License-Identifier: BSD-2-Clause
/*
 * The supplicant queue's rules (linux-tee-subsystem.md §4.8), against the
 * real driver: this test is the supplicant, by hand, on a machine started
 * without one, while a client thread opens a session whose TA must be
 * loaded (a LOAD_TA request).
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <tee_client_api.h>

#include "machine.h"
#include "vtee/optee_rpc_cmd.h"
#include "vtee/uapi/tee.h"
#include "vtee/tee_dev.h"
#include "vtee_test_ta.h"

#define META TEE_IOCTL_PARAM_ATTR_META
#define VALUE_INOUT TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT

struct supp_buf {
	union {
		struct tee_iocl_supp_recv_arg recv;
		struct tee_iocl_supp_send_arg send;
	};
	struct tee_ioctl_param p[5];
};

static struct test_machine machine;
static struct tee_dev *priv;

struct opener {
	TEEC_Result res;
	uint32_t origin;
};

static void *open_multi(void *arg)
{
	const TEEC_UUID uuid = TEST_TA_MULTI_UUID;
	struct opener *op = arg;
	TEEC_Context ctx;
	TEEC_Session s;

	op->res = TEEC_InitializeContext(NULL, &ctx);
	if (op->res)
		return NULL;
	op->res = TEEC_OpenSession(&ctx, &s, &uuid, TEEC_LOGIN_PUBLIC, NULL,
				   NULL, &op->origin);
	if (!op->res)
		TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
	return NULL;
}

static int recv_req(struct supp_buf *b, uint32_t nparams, bool meta)
{
	struct tee_ioctl_buf_data bd = {
		(uintptr_t)b, sizeof(b->recv) + nparams * sizeof(b->p[0]) };

	memset(b, 0, sizeof(*b));
	b->recv.num_params = nparams;
	if (meta)
		b->p[0].attr = META;
	return tee_dev_ioctl(priv, TEE_IOC_SUPPL_RECV, &bd);
}

static int send_rep(struct supp_buf *b, uint32_t ret, uint32_t nparams)
{
	struct tee_ioctl_buf_data bd = {
		(uintptr_t)b, sizeof(b->send) + nparams * sizeof(b->p[0]) };

	b->send.ret = ret;
	b->send.num_params = nparams;
	return tee_dev_ioctl(priv, TEE_IOC_SUPPL_SEND, &bd);
}

static int setup(void **state)
{
	const char *args[] = { "--no-supplicant", NULL };
	char path[400];

	(void)state;
	if (machine_start(&machine, args))
		return -1;
	snprintf(path, sizeof(path), "%s/teepriv0", machine.runtime_dir);
	return tee_dev_open(path, &priv) ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	if (priv)
		tee_dev_close(priv);
	return machine_stop(&machine) ? -1 : 0;
}

static void test_privileged_version(void **state)
{
	struct tee_ioctl_version_data v = { 0 };

	(void)state;
	assert_int_equal(tee_dev_ioctl(priv, TEE_IOC_VERSION, &v), 0);
	assert_int_equal(v.impl_id, TEE_IMPL_ID_OPTEE);
	assert_true(v.gen_caps & TEE_GEN_CAP_PRIVILEGED);
}

static void test_recv_input_rules(void **state)
{
	struct supp_buf b;
	struct tee_ioctl_buf_data bd = { (uintptr_t)&b, sizeof(b.recv) };

	(void)state;
	/* no params at all */
	memset(&b, 0, sizeof(b));
	assert_int_equal(tee_dev_ioctl(priv, TEE_IOC_SUPPL_RECV, &bd),
			 -EINVAL);
	/* input params must be NONE or exactly META */
	memset(&b, 0, sizeof(b));
	b.recv.num_params = 1;
	b.p[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
	bd.buf_len = sizeof(b.recv) + sizeof(b.p[0]);
	assert_int_equal(tee_dev_ioctl(priv, TEE_IOC_SUPPL_RECV, &bd),
			 -EINVAL);
}

/* Synchronous mode: RECV, SEND, strictly alternating. */
static void test_sync_mode(void **state)
{
	struct opener op = { 0 };
	struct supp_buf b;
	pthread_t th;

	(void)state;
	pthread_create(&th, NULL, open_multi, &op);
	assert_int_equal(recv_req(&b, 4, false), 0);
	assert_int_equal(b.recv.func, OPTEE_RPC_CMD_LOAD_TA);
	assert_int_equal(b.recv.num_params, 2);
	assert_int_equal(b.p[0].attr, TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT);
	/* the size query: a NULL memref */
	assert_int_equal(b.p[1].attr, TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT);
	assert_int_equal(b.p[1].c, TEE_MEMREF_NULL);
	/* another RECV before the SEND mixes the modes */
	{
		struct supp_buf again;

		assert_int_equal(recv_req(&again, 4, false), -EINVAL);
	}
	assert_int_equal(send_rep(&b, TEEC_ERROR_ITEM_NOT_FOUND, 2), 0);
	pthread_join(th, NULL);
	assert_int_equal(op.res, TEEC_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(op.origin, TEEC_ORIGIN_TEE);
}

/* META mode: ids, capacity kept queued, unknown ids, wrong counts. */
static void test_meta_mode(void **state)
{
	struct opener op = { 0 };
	struct supp_buf b, small;
	pthread_t th;
	uint64_t id;

	(void)state;
	pthread_create(&th, NULL, open_multi, &op);
	/* room for one real param only: refused, the request stays queued */
	assert_int_equal(recv_req(&small, 2, true), -EINVAL);
	assert_int_equal(recv_req(&b, 5, true), 0);
	assert_int_equal(b.p[0].attr, VALUE_INOUT | META);
	id = b.p[0].a;
	assert_true(id >= 1);
	assert_int_equal(b.recv.func, OPTEE_RPC_CMD_LOAD_TA);
	assert_int_equal(b.recv.num_params, 3);
	/* an id nobody gave out */
	b.p[0].a = id + 100;
	assert_int_equal(send_rep(&b, TEEC_ERROR_ITEM_NOT_FOUND, 3), -ENOENT);
	/* the right id with the wrong number of params */
	b.p[0].a = id;
	assert_int_equal(send_rep(&b, TEEC_ERROR_ITEM_NOT_FOUND, 2), -EINVAL);
	/* and right */
	assert_int_equal(send_rep(&b, TEEC_ERROR_ITEM_NOT_FOUND, 3), 0);
	pthread_join(th, NULL);
	assert_int_equal(op.res, TEEC_ERROR_ITEM_NOT_FOUND);
}

/* The supplicant going away fails what it was serving. */
static void test_release_fails_pending(void **state)
{
	char path[400];
	struct opener op = { 0 };
	struct supp_buf b;
	pthread_t th;

	(void)state;
	pthread_create(&th, NULL, open_multi, &op);
	assert_int_equal(recv_req(&b, 5, true), 0);
	tee_dev_close(priv);
	pthread_join(th, NULL);
	assert_int_equal(op.res, TEEC_ERROR_COMMUNICATION);
	/* the node accepts the next supplicant */
	snprintf(path, sizeof(path), "%s/teepriv0", machine.runtime_dir);
	for (int i = 0; i < 100 && tee_dev_open(path, &priv); i++)
		usleep(10000);
	assert_non_null(priv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_privileged_version),
		cmocka_unit_test(test_recv_input_rules),
		cmocka_unit_test(test_sync_mode),
		cmocka_unit_test(test_meta_mode),
		cmocka_unit_test(test_release_fails_pending),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
