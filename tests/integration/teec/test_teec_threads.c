// SPDX-License-Identifier: BSD-2-Clause
/*
 * Threads: one context shared by many threads, and cancellation of an
 * operation blocked in the TA from another thread.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "teec_it.h"

#define IT_THREADS	16
#define IT_ROUNDS	200

struct hammer {
	TEEC_Context *ctx;
	pthread_t thread;
	int good;		/* rounds whose every answer was right */
};

/* One round: a value and two temporary references, checked. */
static bool hammer_round(TEEC_Session *sess, uint32_t i, uint8_t seed)
{
	TEEC_Operation op = it_op(TEEC_VALUE_INOUT, TEEC_NONE, TEEC_NONE,
				  TEEC_NONE);
	uint8_t in[64 + 16], out[sizeof(in)];

	op.params[0].value.a = i;
	op.params[0].value.b = seed;
	if (TEEC_InvokeCommand(sess, TEST_CMD_VALUE_INC, &op, NULL) ||
	    op.params[0].value.a != i + 1 || op.params[0].value.b != seed + 2u)
		return false;
	memset(in, seed ^ (uint8_t)i, sizeof(in));
	op = it_op(TEEC_MEMREF_TEMP_INPUT, TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
		   TEEC_NONE);
	op.params[0].tmpref.buffer = in;
	op.params[0].tmpref.size = sizeof(in) - i % 16;
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = sizeof(out);
	return TEEC_InvokeCommand(sess, TEST_CMD_MEMREF_COPY, &op, NULL) ==
	       TEEC_SUCCESS &&
	       op.params[1].tmpref.size == sizeof(in) - i % 16 &&
	       !memcmp(in, out, op.params[1].tmpref.size);
}

static void *hammer_main(void *p)
{
	struct hammer *h = p;
	uint8_t seed = (uint8_t)((uintptr_t)h >> 4);
	TEEC_Session sess;

	if (TEEC_OpenSession(h->ctx, &sess, &it_ta_uuid, TEEC_LOGIN_PUBLIC,
			     NULL, NULL, NULL))
		return NULL;
	for (uint32_t i = 0; i < IT_ROUNDS; i++)
		h->good += hammer_round(&sess, i, seed);
	TEEC_CloseSession(&sess);
	return NULL;
}

static void test_shared_context(void **state)
{
	static struct hammer h[IT_THREADS];
	TEEC_Context ctx;

	(void)state;
	assert_int_equal(TEEC_InitializeContext(NULL, &ctx), TEEC_SUCCESS);
	for (int i = 0; i < IT_THREADS; i++) {
		h[i] = (struct hammer){ .ctx = &ctx };
		assert_int_equal(pthread_create(&h[i].thread, NULL,
						hammer_main, &h[i]), 0);
	}
	for (int i = 0; i < IT_THREADS; i++) {
		pthread_join(h[i].thread, NULL);
		assert_int_equal(h[i].good, IT_ROUNDS);
	}
	TEEC_FinalizeContext(&ctx);
}

/* An invoke another thread will cancel. */
struct blocked {
	TEEC_Session *sess;
	uint32_t cmd;
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;
	bool done;
	pthread_t thread;
};

static void *blocked_main(void *p)
{
	struct blocked *b = p;

	b->res = TEEC_InvokeCommand(b->sess, b->cmd, &b->op, &b->origin);
	__atomic_store_n(&b->done, true, __ATOMIC_RELEASE);
	return NULL;
}

static bool blocked_done(struct blocked *b)
{
	return __atomic_load_n(&b->done, __ATOMIC_ACQUIRE);
}

static void nap_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&t, NULL);
}

static void blocked_start(struct blocked *b, TEEC_Session *sess,
			  uint32_t cmd, TEEC_Operation op)
{
	*b = (struct blocked){ .sess = sess, .cmd = cmd, .op = op };
	b->op.started = 0;
	assert_int_equal(pthread_create(&b->thread, NULL, blocked_main, b), 0);
	/* cancelling before it starts would refuse it at once instead */
	while (!__atomic_load_n(&b->op.started, __ATOMIC_ACQUIRE))
		nap_ms(1);
}

/* Cancels until the operation returns (the cancel may overtake the
 * invoke on its way in); gives up after 20 s. */
static void cancel_until_done(struct blocked *b)
{
	for (int i = 0; i < 1000 && !blocked_done(b); i++) {
		TEEC_RequestCancellation(&b->op);
		nap_ms(20);
	}
	pthread_join(b->thread, NULL);
}

static void test_cancel_spin(void **state)
{
	TEEC_Context ctx;
	TEEC_Session sess;
	struct blocked b;

	(void)state;
	it_open(&ctx, &sess, &it_ta_uuid);
	blocked_start(&b, &sess, TEST_CMD_SPIN_UNTIL_CANCEL,
		      it_op(TEEC_NONE, TEEC_NONE, TEEC_NONE, TEEC_NONE));
	cancel_until_done(&b);
	assert_int_equal(b.res, IT_TEE_ERROR_CANCEL);
	assert_int_equal(b.origin, TEEC_ORIGIN_TRUSTED_APP);
	/* the session carries on */
	assert_int_equal(TEEC_InvokeCommand(&sess, TEST_CMD_NOP, NULL, NULL),
			 TEEC_SUCCESS);
	it_close(&ctx, &sess);
}

static void test_cancel_wait(void **state)
{
	TEEC_Operation op = it_op(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
				  TEEC_NONE);
	struct timespec t0, t1;
	TEEC_Context ctx;
	TEEC_Session sess;
	struct blocked b;

	(void)state;
	it_open(&ctx, &sess, &it_ta_uuid);
	op.params[0].value.a = 60 * 1000;
	op.params[0].value.b = 1;	/* unmask: GP starts every entry masked */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	blocked_start(&b, &sess, TEST_CMD_WAIT, op);
	cancel_until_done(&b);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_int_equal(b.res, IT_TEE_ERROR_CANCEL);
	assert_int_equal(b.origin, TEEC_ORIGIN_TRUSTED_APP);
	assert_true(t1.tv_sec - t0.tv_sec < 30);
	it_close(&ctx, &sess);
}

/* GP: an operation cancelled before it starts is not run at all. */
static void test_cancel_before_start(void **state)
{
	TEEC_Operation op = it_op(TEEC_VALUE_INOUT, TEEC_NONE, TEEC_NONE,
				  TEEC_NONE);
	TEEC_Context ctx;
	TEEC_Session sess;
	uint32_t origin = 0;

	(void)state;
	it_open(&ctx, &sess, &it_ta_uuid);
	op.started = 0;
	TEEC_RequestCancellation(&op);
	assert_int_equal(TEEC_InvokeCommand(&sess, TEST_CMD_VALUE_INC, &op,
					    &origin), TEEC_ERROR_CANCEL);
	assert_int_equal(origin, TEEC_ORIGIN_API);
	assert_int_equal(op.params[0].value.a, 0);
	/* once it has run, a cancel finds nothing to do */
	assert_int_equal(TEEC_InvokeCommand(&sess, TEST_CMD_VALUE_INC, &op,
					    NULL), TEEC_SUCCESS);
	TEEC_RequestCancellation(&op);
	assert_int_equal(op.params[0].value.a, 1);
	it_close(&ctx, &sess);
}

/*
 * Cancellation names one operation (libteec gives each its own cancel_id,
 * unlike optee_client's constant 0): an invoke queued behind the cancelled
 * one in the same session runs to completion.
 */
static void test_cancel_targets_one_operation(void **state)
{
	TEEC_Operation wait = it_op(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
				    TEEC_NONE);
	TEEC_Context ctx;
	TEEC_Session sess;
	struct blocked spin, other;

	(void)state;
	it_open(&ctx, &sess, &it_ta_multi_uuid);
	blocked_start(&spin, &sess, TEST_CMD_SPIN_UNTIL_CANCEL,
		      it_op(TEEC_NONE, TEEC_NONE, TEEC_NONE, TEEC_NONE));
	wait.params[0].value.a = 200;
	blocked_start(&other, &sess, TEST_CMD_WAIT, wait);
	nap_ms(100);
	cancel_until_done(&spin);
	pthread_join(other.thread, NULL);
	assert_int_equal(spin.res, IT_TEE_ERROR_CANCEL);
	assert_int_equal(other.res, TEEC_SUCCESS);
	it_close(&ctx, &sess);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_context),
		cmocka_unit_test(test_cancel_spin),
		cmocka_unit_test(test_cancel_wait),
		cmocka_unit_test(test_cancel_before_start),
		cmocka_unit_test(test_cancel_targets_one_operation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
