// SPDX-License-Identifier: BSD-2-Clause
/*
 * libteec against a fake TEE behind a fake node (fake_tee.c): what every
 * TEEC function puts in the UAPI structures and what it makes of the
 * answers.  The real daemon and TAs are exercised by the integration
 * tests (tests/integration/teec).
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "fake_tee.h"
#include "tee_client_api.h"
#include "vtee_test_ta.h"

#define CAPS_DEFAULT	(TEE_GEN_CAP_GP | TEE_GEN_CAP_MEMREF_NULL)

struct fixture {
	struct fake_tee tee;
	TEEC_Context ctx;
	TEEC_Session sess;
};

static const TEEC_UUID test_uuid = TEST_TA_UUID;

static int start(void **state, uint32_t caps)
{
	static struct fixture f;
	uint32_t origin;

	fake_tee_start(&f.tee, caps);
	setenv("VTEE_TEEC_DEVICE", fake_node_path(f.tee.fn), 1);
	*state = &f;
	if (TEEC_InitializeContext(NULL, &f.ctx))
		return -1;
	return TEEC_OpenSession(&f.ctx, &f.sess, &test_uuid,
				TEEC_LOGIN_PUBLIC, NULL, NULL, &origin) ? -1 : 0;
}

static int setup(void **state)
{
	return start(state, CAPS_DEFAULT);
}

static int setup_no_null(void **state)
{
	return start(state, TEE_GEN_CAP_GP);
}

static int setup_reg_mem(void **state)
{
	return start(state, CAPS_DEFAULT | TEE_GEN_CAP_REG_MEM);
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	TEEC_CloseSession(&f->sess);
	TEEC_FinalizeContext(&f->ctx);
	fake_tee_stop(&f->tee);
	unsetenv("VTEE_TEEC_DEVICE");
	return 0;
}

static void test_initialize(void **state)
{
	struct fake_tee *t = malloc(sizeof(*t));
	TEEC_Context ctx;

	(void)state;
	assert_int_equal(TEEC_InitializeContext(NULL, NULL),
			 TEEC_ERROR_BAD_PARAMETERS);
	setenv("VTEE_TEEC_DEVICE", "/nonexistent/tee0", 1);
	assert_int_equal(TEEC_InitializeContext(NULL, &ctx),
			 TEEC_ERROR_ITEM_NOT_FOUND);
	fake_tee_start(t, CAPS_DEFAULT);
	setenv("VTEE_TEEC_DEVICE", fake_node_path(t->fn), 1);
	assert_int_equal(TEEC_InitializeContext("optee-tz", &ctx),
			 TEEC_SUCCESS);
	assert_true(ctx.imp.fd >= 0);
	assert_true(ctx.imp.memref_null);
	assert_false(ctx.imp.reg_mem);
	TEEC_FinalizeContext(&ctx);
	assert_int_equal(TEEC_InitializeContext("some-other-tee", &ctx),
			 TEEC_ERROR_ITEM_NOT_FOUND);
	/* "optee-tz" wants OP-TEE with TrustZone; NULL any GP device */
	t->version.impl_id = TEE_IMPL_ID_AMDTEE;
	assert_int_equal(TEEC_InitializeContext("optee-tz", &ctx),
			 TEEC_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(TEEC_InitializeContext(NULL, &ctx), TEEC_SUCCESS);
	TEEC_FinalizeContext(&ctx);
	t->version.gen_caps = TEE_GEN_CAP_MEMREF_NULL;
	assert_int_equal(TEEC_InitializeContext(NULL, &ctx),
			 TEEC_ERROR_ITEM_NOT_FOUND);
	fake_tee_stop(t);
	free(t);
	unsetenv("VTEE_TEEC_DEVICE");
	TEEC_FinalizeContext(NULL);
}

static void test_open_session_wire(void **state)
{
	struct fixture *f = *state;
	static const uint8_t octets[16] = {
		0x57, 0x2b, 0x41, 0xd1, 0x82, 0x2e, 0x41, 0x6c,
		0x9e, 0x43, 0x98, 0xa4, 0xf5, 0xc1, 0xc3, 0xdb,
	};
	TEEC_Operation op = { 0 };
	TEEC_Session s;
	uint32_t origin = 0;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	assert_int_equal(TEEC_OpenSession(&f->ctx, &s, &test_uuid,
					  TEEC_LOGIN_USER, NULL, &op, &origin),
			 TEEC_SUCCESS);
	assert_int_equal(origin, TEEC_ORIGIN_TRUSTED_APP);
	assert_memory_equal(f->tee.last_open.uuid, octets, sizeof(octets));
	assert_int_equal(f->tee.last_open.clnt_login, TEEC_LOGIN_USER);
	assert_int_equal(f->tee.last_open.num_params, 4);
	assert_true(f->tee.last_open.cancel_id != 0);
	assert_int_equal(f->tee.last_params[0].attr,
			 TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT);
	assert_int_equal(op.params[0].value.a, 0x5e55);
	assert_int_equal(op.started, 1);
	assert_int_equal(s.imp.session_id, f->tee.sessions);
	TEEC_CloseSession(&s);
	assert_int_equal(f->tee.open_sessions, 1);
}

static void test_open_session_errors(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = { 0 };
	TEEC_Session s;
	uint32_t origin = 0;
	gid_t gid = 1234;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = TEST_OPEN_FAIL;
	assert_int_equal(TEEC_OpenSession(&f->ctx, &s, &test_uuid,
					  TEEC_LOGIN_PUBLIC, NULL, &op,
					  &origin),
			 TEEC_ERROR_ACCESS_DENIED);
	assert_int_equal(origin, TEEC_ORIGIN_TRUSTED_APP);
	/* the kernel refuses APPLICATION logins with EINVAL */
	assert_int_equal(TEEC_OpenSession(&f->ctx, &s, &test_uuid,
					  TEEC_LOGIN_APPLICATION, NULL, NULL,
					  &origin),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(origin, TEEC_ORIGIN_COMMS);
	/* a group login carries its gid in clnt_uuid */
	assert_int_equal(TEEC_OpenSession(&f->ctx, &s, &test_uuid,
					  TEEC_LOGIN_GROUP, NULL, NULL,
					  &origin),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(origin, TEEC_ORIGIN_API);
	assert_int_equal(TEEC_OpenSession(&f->ctx, &s, &test_uuid,
					  TEEC_LOGIN_GROUP, &gid, NULL,
					  &origin),
			 TEEC_SUCCESS);
	assert_memory_equal(f->tee.last_open.clnt_uuid, &gid, sizeof(gid));
	TEEC_CloseSession(&s);
	assert_int_equal(TEEC_OpenSession(&f->ctx, &s, NULL,
					  TEEC_LOGIN_PUBLIC, NULL, NULL,
					  &origin),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(origin, TEEC_ORIGIN_API);
}

static void test_value_inc(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = { 0 };
	uint32_t origin = 0;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INOUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = 10;
	op.params[0].value.b = 20;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_VALUE_INC, &op,
					    &origin), TEEC_SUCCESS);
	assert_int_equal(origin, TEEC_ORIGIN_TRUSTED_APP);
	assert_int_equal(op.params[0].value.a, 11);
	assert_int_equal(op.params[0].value.b, 22);
	assert_int_equal(f->tee.last_invoke.func, TEST_CMD_VALUE_INC);
	assert_int_equal(f->tee.last_invoke.session, f->sess.imp.session_id);
	assert_int_equal(f->tee.last_invoke.num_params, 4);
	for (int i = 1; i < 4; i++)
		assert_int_equal(f->tee.last_params[i].attr, 0);
	/* an invoke without an operation */
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_NOP, NULL,
					    NULL), TEEC_SUCCESS);
	assert_int_equal(f->tee.last_invoke.cancel_id, 0);
	assert_int_equal(TEEC_InvokeCommand(NULL, TEST_CMD_NOP, NULL, &origin),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(origin, TEEC_ORIGIN_API);
}

static void test_temp_memrefs(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = { 0 };
	char in[] = "abcdef", out[16] = "zzzzzzzzzzzzzzz";
	uint8_t inc[5] = { 1, 2, 3, 4, 5 };

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = inc;
	op.params[0].tmpref.size = sizeof(inc);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_SUCCESS);
	assert_memory_equal(inc, ((uint8_t[]){ 2, 3, 4, 5, 6 }), 5);
	assert_int_equal(op.params[0].tmpref.size, 5);

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
					 TEEC_NONE);
	op.params[0].tmpref.buffer = in;
	op.params[0].tmpref.size = sizeof(in);
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = sizeof(out);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_COPY,
					    &op, NULL), TEEC_SUCCESS);
	assert_string_equal(out, "abcdef");
	assert_int_equal(op.params[1].tmpref.size, sizeof(in));
	/* both references share one block, at distinct offsets */
	assert_int_equal(f->tee.last_params[0].c, f->tee.last_params[1].c);
	assert_true(f->tee.last_params[1].a >= sizeof(in));
	assert_int_equal(f->tee.last_params[0].attr,
			 TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT);
	assert_int_equal(f->tee.last_params[1].attr,
			 TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT);
}

static void test_short_buffer(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = { 0 };
	char in[] = "0123456789", out[4] = "xxx";
	uint32_t origin;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
					 TEEC_NONE);
	op.params[0].tmpref.buffer = in;
	op.params[0].tmpref.size = sizeof(in);
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = sizeof(out);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_COPY,
					    &op, &origin),
			 TEEC_ERROR_SHORT_BUFFER);
	assert_int_equal(origin, TEEC_ORIGIN_TRUSTED_APP);
	assert_int_equal(op.params[1].tmpref.size, sizeof(in));
	/* an output block is cleared before the call, never stale */
	assert_memory_equal(out, "\0\0\0\0", 4);
}

static void test_null_temp_memref(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = { 0 };
	char in[] = "data";
	uint32_t origin;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
					 TEEC_NONE);
	op.params[0].tmpref.buffer = in;
	op.params[0].tmpref.size = sizeof(in);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_COPY,
					    &op, &origin),
			 TEEC_ERROR_SHORT_BUFFER);
	assert_int_equal(f->tee.last_params[1].c, TEE_MEMREF_NULL);
	assert_int_equal(f->tee.last_params[1].b, 0);
	/* the TA told how much it needs */
	assert_int_equal(op.params[1].tmpref.size, sizeof(in));
	/* NULL with a size is the caller's mistake */
	op.params[1].tmpref.size = 4;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_COPY,
					    &op, &origin),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(origin, TEEC_ORIGIN_API);
}

/* Without MEMREF_NULL a NULL reference becomes an empty one. */
static void test_null_temp_without_cap(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = { 0 };

	assert_false(f->ctx.imp.memref_null);
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_SUCCESS);
	assert_true(f->tee.last_params[0].c != TEE_MEMREF_NULL);
	assert_int_equal(f->tee.last_params[0].b, 0);
	assert_int_equal(op.params[0].tmpref.size, 0);
}

static void test_allocated_shm(void **state)
{
	struct fixture *f = *state;
	TEEC_SharedMemory shm = { .size = 64,
				  .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT };
	TEEC_Operation op = { 0 };
	int allocs;

	assert_int_equal(TEEC_AllocateSharedMemory(&f->ctx, &shm),
			 TEEC_SUCCESS);
	assert_non_null(shm.buffer);
	memset(shm.buffer, 7, 64);
	allocs = f->tee.shm_allocs;
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &shm;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_SUCCESS);
	/* the TA's changes land in the very same pages */
	assert_int_equal(((uint8_t *)shm.buffer)[0], 8);
	assert_int_equal(((uint8_t *)shm.buffer)[63], 8);
	assert_int_equal(f->tee.last_params[0].attr,
			 TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT);
	assert_int_equal(f->tee.last_params[0].a, 0);
	assert_int_equal(f->tee.last_params[0].b, 64);
	assert_int_equal(f->tee.last_params[0].c, (uint64_t)shm.imp.id);
	assert_int_equal(op.params[0].memref.size, 64);
	assert_int_equal(f->tee.shm_allocs, allocs);	/* no temp block */

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_INOUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].memref.offset = 10;
	op.params[0].memref.size = 4;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_SUCCESS);
	assert_int_equal(((uint8_t *)shm.buffer)[9], 8);
	assert_int_equal(((uint8_t *)shm.buffer)[10], 9);
	assert_int_equal(((uint8_t *)shm.buffer)[13], 9);
	assert_int_equal(((uint8_t *)shm.buffer)[14], 8);
	assert_int_equal(f->tee.last_params[0].a, 10);
	assert_int_equal(f->tee.last_params[0].b, 4);
	/* out of bounds */
	op.params[0].memref.offset = 62;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_ERROR_BAD_PARAMETERS);
	op.params[0].memref.offset = SIZE_MAX;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_ERROR_BAD_PARAMETERS);
	/* direction the block does not allow */
	shm.flags = TEEC_MEM_INPUT;
	op.params[0].memref.offset = 0;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_ERROR_BAD_PARAMETERS);
	op.params[0].memref.parent = NULL;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_ERROR_BAD_PARAMETERS);

	TEEC_ReleaseSharedMemory(&shm);
	assert_null(shm.buffer);
	assert_int_equal(shm.size, 0);
	assert_int_equal(f->tee.shm_releases, 1);
	TEEC_ReleaseSharedMemory(&shm);		/* twice is harmless */
	assert_int_equal(f->tee.shm_releases, 1);
}

static void test_registered_shm(void **state, bool zero_copy)
{
	struct fixture *f = *state;
	uint8_t mem[32] = { 0 };
	TEEC_SharedMemory shm = { .buffer = mem, .size = sizeof(mem),
				  .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT };
	TEEC_Operation op = { 0 };

	assert_int_equal(TEEC_RegisterSharedMemory(&f->ctx, &shm),
			 TEEC_SUCCESS);
	assert_ptr_equal(shm.buffer, mem);
	assert_int_equal(f->tee.shm_registers, zero_copy ? 1 : 0);
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &shm;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_SUCCESS);
	assert_int_equal(mem[0], 1);
	assert_int_equal(mem[31], 1);
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_OUTPUT,
					 TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].memref.offset = 8;
	op.params[0].memref.size = 8;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_SUCCESS);
	assert_int_equal(mem[7], 1);
	assert_int_equal(mem[8], 2);
	assert_int_equal(mem[15], 2);
	assert_int_equal(mem[16], 1);
	assert_int_equal(f->tee.last_params[0].attr,
			 TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT);
	TEEC_ReleaseSharedMemory(&shm);
	assert_ptr_equal(shm.buffer, mem);	/* the client's memory stays */
	assert_int_equal(fake_tee_live_shms(&f->tee), 0);
}

static void test_registered_shadow(void **state)
{
	test_registered_shm(state, false);
}

static void test_registered_direct(void **state)
{
	test_registered_shm(state, true);
}

static void test_param_types(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = { 0 };
	uint8_t bytes[3] = { 1, 2, 3 };

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
					 TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_VALUE_OUTPUT);
	op.params[0].value.a = 100;
	op.params[1].tmpref.buffer = bytes;
	op.params[1].tmpref.size = sizeof(bytes);
	op.params[2].tmpref.buffer = bytes;
	op.params[2].tmpref.size = 0;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_PARAM_TYPES,
					    &op, NULL), TEEC_SUCCESS);
	assert_int_equal(op.params[3].value.a, 0x2651);
	assert_int_equal(op.params[3].value.b, 106);
	/* types outside GP's set */
	op.paramTypes = TEEC_PARAM_TYPES(4, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_PARAM_TYPES,
					    &op, NULL),
			 TEEC_ERROR_BAD_PARAMETERS);
}

/* Temporary references reuse a few blocks instead of one per call. */
static void test_temp_cache(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = { 0 };
	uint8_t buf[100] = { 0 };
	int allocs = f->tee.shm_allocs;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = buf;
	for (int i = 0; i < 50; i++) {
		op.params[0].tmpref.size = sizeof(buf);
		assert_int_equal(TEEC_InvokeCommand(&f->sess,
						    TEST_CMD_MEMREF_INC, &op,
						    NULL), TEEC_SUCCESS);
	}
	assert_int_equal(buf[99], 50);
	assert_int_equal(f->tee.shm_allocs - allocs, 1);
	/* a bigger reference grows a block; a huge one gets its own */
	{
		static uint8_t big[2 << 20];

		op.params[0].tmpref.buffer = big;
		op.params[0].tmpref.size = 10000;
		assert_int_equal(TEEC_InvokeCommand(&f->sess,
						    TEST_CMD_MEMREF_INC, &op,
						    NULL), TEEC_SUCCESS);
		op.params[0].tmpref.size = sizeof(big);
		assert_int_equal(TEEC_InvokeCommand(&f->sess,
						    TEST_CMD_MEMREF_INC, &op,
						    NULL), TEEC_SUCCESS);
		assert_int_equal(big[9999], 2);
		assert_int_equal(big[10000], 1);
	}
	/* the 4 KiB and 16 KiB blocks stay cached, the 2 MiB one went */
	assert_int_equal(fake_tee_live_shms(&f->tee), 2);
	/* FinalizeContext gives every cached block back */
	TEEC_CloseSession(&f->sess);
	TEEC_FinalizeContext(&f->ctx);
	assert_int_equal(fake_tee_live_shms(&f->tee), 0);
	assert_int_equal(TEEC_InitializeContext(NULL, &f->ctx), TEEC_SUCCESS);
	assert_int_equal(TEEC_OpenSession(&f->ctx, &f->sess, &test_uuid,
					  TEEC_LOGIN_PUBLIC, NULL, NULL, NULL),
			 TEEC_SUCCESS);
}

/* A block outliving its context is released without a device. */
static void test_release_after_finalize(void **state)
{
	struct fixture *f = *state;
	TEEC_SharedMemory shm = { .size = 10, .flags = TEEC_MEM_INPUT };

	assert_int_equal(TEEC_AllocateSharedMemory(&f->ctx, &shm),
			 TEEC_SUCCESS);
	TEEC_CloseSession(&f->sess);
	TEEC_FinalizeContext(&f->ctx);
	TEEC_ReleaseSharedMemory(&shm);
	assert_null(shm.buffer);
	assert_int_equal(TEEC_InitializeContext(NULL, &f->ctx), TEEC_SUCCESS);
	assert_int_equal(TEEC_OpenSession(&f->ctx, &f->sess, &test_uuid,
					  TEEC_LOGIN_PUBLIC, NULL, NULL, NULL),
			 TEEC_SUCCESS);
}

struct canceller {
	TEEC_Session *sess;
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;
	bool done;
};

static void *spin_main(void *p)
{
	struct canceller *c = p;

	c->res = TEEC_InvokeCommand(c->sess, TEST_CMD_SPIN_UNTIL_CANCEL,
				    &c->op, &c->origin);
	__atomic_store_n(&c->done, true, __ATOMIC_RELEASE);
	return NULL;
}

static void test_cancel(void **state)
{
	struct fixture *f = *state;
	struct canceller c = { .sess = &f->sess };
	struct timespec nap = { 0, 10 * 1000 * 1000 };
	pthread_t th;

	pthread_create(&th, NULL, spin_main, &c);
	/* cancelling before the start would fail it at once (see
	 * test_cancel_before_start): wait until the TA spins */
	pthread_mutex_lock(&f->tee.lock);
	while (!f->tee.spinning)
		pthread_cond_wait(&f->tee.cond, &f->tee.lock);
	pthread_mutex_unlock(&f->tee.lock);
	while (!__atomic_load_n(&c.done, __ATOMIC_ACQUIRE)) {
		TEEC_RequestCancellation(&c.op);
		nanosleep(&nap, NULL);
	}
	pthread_join(th, NULL);
	assert_int_equal(c.res, TEEC_ERROR_CANCEL);
	assert_int_equal(c.origin, TEEC_ORIGIN_TRUSTED_APP);
	assert_int_equal(f->tee.last_cancel.session, f->sess.imp.session_id);
	assert_int_equal(f->tee.last_cancel.cancel_id,
			 f->tee.last_invoke.cancel_id);
	assert_true(f->tee.last_invoke.cancel_id != 0);
}

static void test_cancel_before_start(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = { 0 };
	uint32_t origin = 0;
	int invokes = f->tee.invokes;

	op.started = 0;
	TEEC_RequestCancellation(&op);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_NOP, &op,
					    &origin), TEEC_ERROR_CANCEL);
	assert_int_equal(origin, TEEC_ORIGIN_API);
	assert_int_equal(f->tee.invokes, invokes);
	assert_int_equal(f->tee.cancels, 0);
	/* reused without resetting `started`: no longer cancelled */
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_NOP, &op,
					    &origin), TEEC_SUCCESS);
	/* after the operation: nothing to cancel */
	TEEC_RequestCancellation(&op);
	assert_int_equal(f->tee.cancels, 0);
}

struct hammer {
	TEEC_Session *sess;
	int ok;
};

static void *hammer_main(void *p)
{
	struct hammer *h = p;

	for (uint32_t i = 0; i < 200; i++) {
		TEEC_Operation op = { 0 };
		uint8_t buf[40];

		memset(buf, (int)i, sizeof(buf));
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INOUT,
						 TEEC_MEMREF_TEMP_INOUT,
						 TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = i;
		op.params[0].value.b = i * 3;
		op.params[1].tmpref.buffer = buf;
		op.params[1].tmpref.size = sizeof(buf);
		if (TEEC_InvokeCommand(h->sess, TEST_CMD_VALUE_INC, &op,
				       NULL) ||
		    op.params[0].value.a != i + 1 ||
		    op.params[0].value.b != i * 3 + 2)
			continue;
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT,
						 TEEC_NONE, TEEC_NONE,
						 TEEC_NONE);
		op.params[0].tmpref.buffer = buf;
		op.params[0].tmpref.size = sizeof(buf);
		if (TEEC_InvokeCommand(h->sess, TEST_CMD_MEMREF_INC, &op,
				       NULL) == TEEC_SUCCESS &&
		    buf[0] == (uint8_t)(i + 1) && buf[39] == (uint8_t)(i + 1))
			h->ok++;
	}
	return NULL;
}

static void test_threads_share_context(void **state)
{
	struct fixture *f = *state;
	struct hammer h[16];
	pthread_t th[16];

	for (int i = 0; i < 16; i++) {
		h[i] = (struct hammer){ .sess = &f->sess };
		pthread_create(&th[i], NULL, hammer_main, &h[i]);
	}
	for (int i = 0; i < 16; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(h[i].ok, 200);
	}
	/* only cached blocks remain */
	assert_true(fake_tee_live_shms(&f->tee) <= 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_initialize),
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_open_session_wire),
		T(test_open_session_errors),
		T(test_value_inc),
		T(test_temp_memrefs),
		T(test_short_buffer),
		T(test_null_temp_memref),
		cmocka_unit_test_setup_teardown(test_null_temp_without_cap,
						setup_no_null, teardown),
		T(test_allocated_shm),
		T(test_registered_shadow),
		cmocka_unit_test_setup_teardown(test_registered_direct,
						setup_reg_mem, teardown),
		T(test_param_types),
		T(test_temp_cache),
		T(test_release_after_finalize),
		T(test_cancel),
		T(test_cancel_before_start),
		T(test_threads_share_context),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
