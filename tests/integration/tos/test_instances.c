// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP's instance rules and dying TAs, through the real stack: single
 * instance, multi session, keep alive; a panic, a segfault and an exit
 * each give TARGET_DEAD (origin TEE) to that instance's callers only.
 */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "machine.h"
#include "tos_test.h"

/* A machine of its own: killing shared single instances would hurt the
 * tests running beside this one. */
static struct test_machine machine;

static int setup(void **state)
{
	static TEEC_Context ctx;

	*state = &ctx;
	if (machine_start(&machine, NULL))
		return -1;
	return TEEC_InitializeContext(NULL, &ctx) == TEEC_SUCCESS ? 0 : -1;
}

static int teardown(void **state)
{
	TEEC_FinalizeContext(*state);
	return machine_stop(&machine) == 0 ? 0 : -1;
}

static void test_single_instance_shares_a_process(void **state)
{
	TEEC_Session a, b;
	uint32_t o, ca, cb, pa, pb;

	assert_int_equal(open_public(*state, &a, &test_ta, &o), TEEC_SUCCESS);
	assert_int_equal(open_public(*state, &b, &test_ta, &o), TEEC_SUCCESS);
	assert_int_equal(counter(&a, &ca, &pa, &o), TEEC_SUCCESS);
	assert_int_equal(counter(&b, &cb, &pb, &o), TEEC_SUCCESS);
	assert_int_equal(pa, pb);
	assert_int_equal(cb, ca + 1);
	TEEC_CloseSession(&a);
	TEEC_CloseSession(&b);
}

static void test_multi_instance_gets_a_process_per_session(void **state)
{
	TEEC_Session a, b;
	uint32_t o, ca, cb, pa, pb;

	assert_int_equal(open_public(*state, &a, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	assert_int_equal(open_public(*state, &b, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	assert_int_equal(counter(&a, &ca, &pa, &o), TEEC_SUCCESS);
	assert_int_equal(counter(&b, &cb, &pb, &o), TEEC_SUCCESS);
	assert_int_not_equal(pa, pb);
	assert_int_equal(ca, 1);
	assert_int_equal(cb, 1);
	TEEC_CloseSession(&a);
	TEEC_CloseSession(&b);
}

static void test_single_session_ta_is_busy(void **state)
{
	TEEC_Session a, b;
	uint32_t o;

	assert_int_equal(open_public(*state, &a, &test_ta_single, &o),
			 TEEC_SUCCESS);
	assert_int_equal(open_public(*state, &b, &test_ta_single, &o),
			 TEEC_ERROR_BUSY);
	assert_int_equal(o, TEEC_ORIGIN_TEE);
	TEEC_CloseSession(&a);
	/* free again once the first session is gone */
	assert_int_equal(open_public(*state, &b, &test_ta_single, &o),
			 TEEC_SUCCESS);
	TEEC_CloseSession(&b);
}

static void test_keep_alive_outlives_its_sessions(void **state)
{
	TEEC_Session a;
	uint32_t o, c1, c2, p1, p2;

	assert_int_equal(open_public(*state, &a, &test_ta_keepalive, &o),
			 TEEC_SUCCESS);
	assert_int_equal(counter(&a, &c1, &p1, &o), TEEC_SUCCESS);
	TEEC_CloseSession(&a);
	assert_int_equal(open_public(*state, &a, &test_ta_keepalive, &o),
			 TEEC_SUCCESS);
	assert_int_equal(counter(&a, &c2, &p2, &o), TEEC_SUCCESS);
	TEEC_CloseSession(&a);
	assert_int_equal(p1, p2);
	assert_int_equal(c2, c1 + 1);
}

static void test_not_kept_instance_restarts(void **state)
{
	TEEC_Session a;
	uint32_t o, c1, c2, p1, p2;

	assert_int_equal(open_public(*state, &a, &test_ta_single, &o),
			 TEEC_SUCCESS);
	assert_int_equal(counter(&a, &c1, &p1, &o), TEEC_SUCCESS);
	TEEC_CloseSession(&a);
	assert_int_equal(open_public(*state, &a, &test_ta_single, &o),
			 TEEC_SUCCESS);
	assert_int_equal(counter(&a, &c2, &p2, &o), TEEC_SUCCESS);
	TEEC_CloseSession(&a);
	assert_int_not_equal(p1, p2);
	assert_int_equal(c2, 1);
}

/* The keep-alive TA's instances in `vtee status`; *dead of them dead. */
static int kept_instances(int *dead)
{
	char status[8192], *line;
	int n = 0;

	*dead = 0;
	assert_int_equal(machine_status(&machine, status, sizeof(status)), 0);
	for (line = strstr(status, "ta c361861a-"); line;
	     line = strstr(line + 1, "ta c361861a-")) {
		char *end = strchr(line, '\n');

		n++;
		if (end)
			*end = 0;
		*dead += strstr(line, " dead") != NULL;
		if (!end)
			break;
		line = end;
	}
	return n;
}

/* A kept instance that dies is kept no longer: not once its session is
 * gone, and not when it died while idle (the next session ends it). */
static void test_dead_kept_instance_goes(void **state)
{
	TEEC_Session a;
	uint32_t o, c, p1, p2;
	int dead, i;

	assert_int_equal(open_public(*state, &a, &test_ta_keepalive, &o),
			 TEEC_SUCCESS);
	TEEC_CloseSession(&a);
	assert_int_equal(open_public(*state, &a, &test_ta_keepalive, &o),
			 TEEC_SUCCESS);
	assert_int_equal(TEEC_InvokeCommand(&a, TEST_CMD_PANIC, NULL, &o),
			 TEEC_ERROR_TARGET_DEAD);
	TEEC_CloseSession(&a);
	assert_int_equal(kept_instances(&dead), 0);
	/* kept and idle, then killed from outside */
	assert_int_equal(open_public(*state, &a, &test_ta_keepalive, &o),
			 TEEC_SUCCESS);
	assert_int_equal(counter(&a, &c, &p1, &o), TEEC_SUCCESS);
	TEEC_CloseSession(&a);
	assert_int_equal(kill((pid_t)p1, SIGKILL), 0);
	for (i = 0; i < 500 && (kept_instances(&dead), !dead); i++)
		usleep(10 * 1000);
	assert_int_equal(dead, 1);
	assert_int_equal(open_public(*state, &a, &test_ta_keepalive, &o),
			 TEEC_SUCCESS);
	assert_int_equal(counter(&a, &c, &p2, &o), TEEC_SUCCESS);
	assert_int_not_equal(p1, p2);
	assert_int_equal(c, 1);
	assert_int_equal(kept_instances(&dead), 1);
	assert_int_equal(dead, 0);
	TEEC_CloseSession(&a);
}

/* A command that kills the instance; the victim's and a bystander's fate. */
static void dies_alone(TEEC_Context *ctx, uint32_t cmd)
{
	TEEC_Session victim, same, other;
	uint32_t o, c, p;

	assert_int_equal(open_public(ctx, &victim, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	assert_int_equal(open_public(ctx, &other, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	assert_int_equal(TEEC_InvokeCommand(&victim, cmd, NULL, &o),
			 TEEC_ERROR_TARGET_DEAD);
	assert_int_equal(o, TEEC_ORIGIN_TEE);
	/* the dead instance stays dead for its session */
	assert_int_equal(nop(&victim, &o), TEEC_ERROR_TARGET_DEAD);
	assert_int_equal(o, TEEC_ORIGIN_TEE);
	/* another instance and a new session work */
	assert_int_equal(counter(&other, &c, &p, &o), TEEC_SUCCESS);
	assert_int_equal(open_public(ctx, &same, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	assert_int_equal(nop(&same, &o), TEEC_SUCCESS);
	TEEC_CloseSession(&victim);
	TEEC_CloseSession(&same);
	TEEC_CloseSession(&other);
}

static void test_panic_is_target_dead(void **state)
{
	dies_alone(*state, TEST_CMD_PANIC);
}

static void test_segfault_is_target_dead(void **state)
{
	dies_alone(*state, TEST_CMD_SEGV);
}

static void test_exit_is_target_dead(void **state)
{
	dies_alone(*state, TEST_CMD_EXIT);
}

static void test_dead_single_instance_is_replaced(void **state)
{
	TEEC_Session a, b;
	uint32_t o, c, p1, p2;

	assert_int_equal(open_public(*state, &a, &test_ta, &o), TEEC_SUCCESS);
	assert_int_equal(counter(&a, &c, &p1, &o), TEEC_SUCCESS);
	assert_int_equal(TEEC_InvokeCommand(&a, TEST_CMD_PANIC, NULL, &o),
			 TEEC_ERROR_TARGET_DEAD);
	/* a new session while the dead one is still open: a fresh process */
	assert_int_equal(open_public(*state, &b, &test_ta, &o), TEEC_SUCCESS);
	assert_int_equal(counter(&b, &c, &p2, &o), TEEC_SUCCESS);
	assert_int_not_equal(p1, p2);
	assert_int_equal(c, 1);
	TEEC_CloseSession(&a);
	TEEC_CloseSession(&b);
}

static void test_open_failure_from_ta(void **state)
{
	TEEC_Operation op = { 0 };
	TEEC_Session s;
	uint32_t o;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = TEST_OPEN_FAIL;
	assert_int_equal(TEEC_OpenSession(*state, &s, &test_ta_multi,
					  TEEC_LOGIN_PUBLIC, NULL, &op, &o),
			 TEEC_ERROR_ACCESS_DENIED);
	assert_int_equal(o, TEEC_ORIGIN_TRUSTED_APP);
}

struct bg_wait {
	TEEC_Session *s;
	TEEC_Operation op;
	uint32_t cmd;		/* 0: TEST_CMD_WAIT */
	TEEC_Result res;
};

static void *bg_wait_main(void *arg)
{
	struct bg_wait *w = arg;
	uint32_t o;

	w->res = TEEC_InvokeCommand(w->s, w->cmd ? w->cmd : TEST_CMD_WAIT,
				    &w->op, &o);
	return NULL;
}

/* GP: an entry point runs with cancellation masked unless it unmasks. */
static void test_masked_wait_ignores_cancel(void **state)
{
	struct bg_wait w = { 0 };
	TEEC_Session s;
	pthread_t th;
	uint32_t o;

	assert_int_equal(open_public(*state, &s, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	w.s = &s;
	w.op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					   TEEC_NONE, TEEC_NONE);
	w.op.params[0].value.a = 400;
	pthread_create(&th, NULL, bg_wait_main, &w);
	usleep(150 * 1000);
	TEEC_RequestCancellation(&w.op);
	pthread_join(th, NULL);
	assert_int_equal(w.res, TEEC_SUCCESS);
	TEEC_CloseSession(&s);
}

/* A GP size query from one TA to another: a NULL buffer crosses as NULL. */
static void test_ta2ta_null_memref(void **state)
{
	char desc[256];
	TEEC_Operation op = { 0 };
	TEEC_Session s;
	uint32_t o;

	assert_int_equal(open_public(*state, &s, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = desc;
	op.params[0].tmpref.size = sizeof(desc);
	assert_int_equal(TEEC_InvokeCommand(&s, TEST_CMD_TA_DESCRIPTION, &op,
					    &o), TEEC_SUCCESS);
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	assert_int_equal(TEEC_InvokeCommand(&s, TEST_CMD_TA2TA_SIZE_QUERY,
					    &op, &o), TEEC_SUCCESS);
	assert_int_equal(op.params[0].value.a, TEEC_ERROR_SHORT_BUFFER);
	assert_int_equal(op.params[0].value.b, strlen(desc) + 1);
	TEEC_CloseSession(&s);
}

static double mono_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* GP's cancellationRequestTimeout: the callee's wait is cancelled. */
static void test_ta2ta_timeout_cancels(void **state)
{
	TEEC_Operation op = { 0 };
	TEEC_Session s;
	uint32_t o;
	double t0;

	assert_int_equal(open_public(*state, &s, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = 5000;
	op.params[0].value.b = 200;
	t0 = mono_s();
	assert_int_equal(TEEC_InvokeCommand(&s, TEST_CMD_TA2TA_WAIT, &op, &o),
			 TEEC_ERROR_CANCEL);
	assert_true(mono_s() - t0 < 2.0);
	TEEC_CloseSession(&s);
}

/* A client cancelling the outer call reaches the TA it is calling. */
static void test_ta2ta_cancel_propagates(void **state)
{
	struct bg_wait w = { 0 };
	TEEC_Session s;
	pthread_t th;
	uint32_t o;
	double t0;

	assert_int_equal(open_public(*state, &s, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	w.s = &s;
	w.op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					   TEEC_NONE, TEEC_NONE);
	w.op.params[0].value.a = 5000;
	w.op.params[0].value.b = 0xffffffff;
	w.cmd = TEST_CMD_TA2TA_WAIT;
	t0 = mono_s();
	pthread_create(&th, NULL, bg_wait_main, &w);
	usleep(300 * 1000);
	TEEC_RequestCancellation(&w.op);
	pthread_join(th, NULL);
	assert_int_equal(w.res, TEEC_ERROR_CANCEL);
	assert_true(mono_s() - t0 < 2.0);
	TEEC_CloseSession(&s);
}

static void test_missing_ta(void **state)
{
	const TEEC_UUID none = { 0x0badc0de, 1, 2, { 3, 4, 5, 6, 7, 8, 9, 10 } };
	TEEC_Session s;
	uint32_t o;

	assert_int_equal(open_public(*state, &s, &none, &o),
			 TEEC_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(o, TEEC_ORIGIN_TEE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_instance_shares_a_process),
		cmocka_unit_test(test_multi_instance_gets_a_process_per_session),
		cmocka_unit_test(test_single_session_ta_is_busy),
		cmocka_unit_test(test_keep_alive_outlives_its_sessions),
		cmocka_unit_test(test_not_kept_instance_restarts),
		cmocka_unit_test(test_dead_kept_instance_goes),
		cmocka_unit_test(test_panic_is_target_dead),
		cmocka_unit_test(test_segfault_is_target_dead),
		cmocka_unit_test(test_exit_is_target_dead),
		cmocka_unit_test(test_dead_single_instance_is_replaced),
		cmocka_unit_test(test_open_failure_from_ta),
		cmocka_unit_test(test_masked_wait_ignores_cancel),
		cmocka_unit_test(test_ta2ta_null_memref),
		cmocka_unit_test(test_ta2ta_timeout_cancels),
		cmocka_unit_test(test_ta2ta_cancel_propagates),
		cmocka_unit_test(test_missing_ta),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
