// SPDX-License-Identifier: BSD-2-Clause
/*
 * The machine under stress and breakage, each on a private vteed: more
 * calls than secure threads, a client killed mid-invoke, the supplicant
 * dying with a request pending and coming back, a clean SIGTERM.
 */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "machine.h"
#include "tos_test.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static TEEC_Result wait_ms(TEEC_Session *s, uint32_t ms, uint32_t *origin)
{
	TEEC_Operation op = { 0 };

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = ms;
	return TEEC_InvokeCommand(s, TEST_CMD_WAIT, &op, origin);
}

struct waiter {
	TEEC_Context *ctx;
	TEEC_Result res;
};

static void *wait_in_own_instance(void *arg)
{
	struct waiter *w = arg;
	TEEC_Session s;
	uint32_t o;

	w->res = open_public(w->ctx, &s, &test_ta_multi, &o);
	if (w->res)
		return NULL;
	w->res = wait_ms(&s, 300, &o);
	TEEC_CloseSession(&s);
	return NULL;
}

/* 8 calls on 2 secure threads: ETHREAD_LIMIT, the call queue, all done. */
static void test_more_calls_than_secure_threads(void **state)
{
	const char *args[] = { "--threads", "2", NULL };
	struct test_machine m;
	TEEC_Context ctx;
	struct waiter w[8];
	pthread_t th[8];
	double t0;

	(void)state;
	assert_int_equal(machine_start(&m, args), 0);
	assert_int_equal(TEEC_InitializeContext(NULL, &ctx), TEEC_SUCCESS);
	t0 = now_s();
	for (int i = 0; i < 8; i++) {
		w[i] = (struct waiter){ &ctx, TEEC_ERROR_GENERIC };
		pthread_create(&th[i], NULL, wait_in_own_instance, &w[i]);
	}
	for (int i = 0; i < 8; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(w[i].res, TEEC_SUCCESS);
	}
	/* two at a time: at least four rounds of 300 ms */
	assert_true(now_s() - t0 >= 1.2);
	TEEC_FinalizeContext(&ctx);
	assert_int_equal(machine_stop(&m), 0);
}

static int count_lines(const char *report, const char *prefix)
{
	int n = 0;

	for (const char *p = report; (p = strstr(p, prefix)); p++)
		if (p == report || p[-1] == '\n')
			n++;
	return n;
}

static void test_killed_client_leaves_nothing(void **state)
{
	struct test_machine m;
	char before[8192], after[8192];
	pid_t child;

	(void)state;
	assert_int_equal(machine_start(&m, NULL), 0);
	assert_true(machine_wait_supplicant(&m));
	assert_int_equal(machine_status(&m, before, sizeof(before)), 0);
	child = fork();
	if (!child) {
		TEEC_Context ctx;
		TEEC_SharedMemory shm = { .size = 1 << 20,
					  .flags = TEEC_MEM_INPUT };
		TEEC_Session s;
		uint32_t o;

		if (TEEC_InitializeContext(NULL, &ctx) ||
		    TEEC_AllocateSharedMemory(&ctx, &shm) ||
		    open_public(&ctx, &s, &test_ta_multi, &o))
			_exit(1);
		wait_ms(&s, 5000, &o);
		_exit(2);
	}
	/* let it get into the TA's wait, then kill it */
	usleep(800 * 1000);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	/* the wait ends, the close runs, the instance goes */
	for (int i = 0; i < 100; i++) {
		assert_int_equal(machine_status(&m, after, sizeof(after)), 0);
		if (count_lines(after, "ta ") == 0 &&
		    count_lines(after, "context tee0") ==
			    count_lines(before, "context tee0"))
			break;
		usleep(100 * 1000);
	}
	assert_int_equal(count_lines(after, "ta "), 0);
	assert_int_equal(count_lines(after, "context tee0"),
			 count_lines(before, "context tee0"));
	assert_non_null(strstr(after, "registered_shm 0\n"));
	assert_int_equal(machine_stop(&m), 0);
}

struct opener {
	TEEC_Context *ctx;
	const TEEC_UUID *uuid;
	TEEC_Result res;
	uint32_t origin;
};

static void *open_one(void *arg)
{
	struct opener *op = arg;
	TEEC_Session s;

	op->res = open_public(op->ctx, &s, op->uuid, &op->origin);
	if (op->res == TEEC_SUCCESS)
		TEEC_CloseSession(&s);
	return NULL;
}

/* Waits until one request is queued for, or taken by, the supplicant. */
static bool supplicant_has_request(struct test_machine *m)
{
	char status[8192];

	for (int i = 0; i < 1000; i++) {
		if (!machine_status(m, status, sizeof(status)) &&
		    (strstr(status, "supplicant_requests queued 1 taken 0") ||
		     strstr(status, "supplicant_requests queued 0 taken 1")))
			return true;
		usleep(10 * 1000);
	}
	return false;
}

static void test_supplicant_killed_and_restarted(void **state)
{
	const char *args[] = { "--no-supplicant", NULL };
	struct opener op;
	struct test_machine m;
	TEEC_Context ctx;
	pthread_t th;

	(void)state;
	assert_int_equal(machine_start(&m, args), 0);
	assert_int_equal(machine_start_supplicant(&m), 0);
	assert_true(machine_wait_supplicant(&m));
	assert_int_equal(TEEC_InitializeContext(NULL, &ctx), TEEC_SUCCESS);
	/* a request the supplicant takes but never answers */
	kill(m.supplicant, SIGSTOP);
	op = (struct opener){ &ctx, &test_ta_multi, TEEC_SUCCESS, 0 };
	pthread_create(&th, NULL, open_one, &op);
	/*
	 * Kill only once the request is with the supplicant (queued or
	 * taken): one that comes later waits for the next supplicant, as on
	 * Linux.
	 */
	assert_true(supplicant_has_request(&m));
	machine_kill_supplicant(&m, SIGKILL);
	pthread_join(th, NULL);
	assert_int_equal(op.res, TEEC_ERROR_COMMUNICATION);
	assert_int_equal(op.origin, TEEC_ORIGIN_TEE);
	/* a new supplicant is accepted and serves */
	assert_int_equal(machine_start_supplicant(&m), 0);
	assert_true(machine_wait_supplicant(&m));
	open_one(&op);
	assert_int_equal(op.res, TEEC_SUCCESS);
	TEEC_FinalizeContext(&ctx);
	assert_int_equal(machine_stop(&m), 0);
}

/*
 * Killed while its threads sit in SUPPL_RECV (the usual idle state): the
 * node must see the process go although no thread of it ever returns to
 * read its socket, so that a new supplicant is accepted.
 */
static void test_idle_supplicant_killed_and_replaced(void **state)
{
	const char *args[] = { "--no-supplicant", NULL };
	struct opener op;
	struct test_machine m;
	TEEC_Context ctx;

	(void)state;
	assert_int_equal(machine_start(&m, args), 0);
	assert_int_equal(machine_start_supplicant(&m), 0);
	assert_true(machine_wait_supplicant(&m));
	assert_int_equal(TEEC_InitializeContext(NULL, &ctx), TEEC_SUCCESS);
	op = (struct opener){ &ctx, &test_ta_multi, TEEC_ERROR_GENERIC, 0 };
	open_one(&op);
	assert_int_equal(op.res, TEEC_SUCCESS);
	usleep(100 * 1000);	/* back in RECV, idle */
	machine_kill_supplicant(&m, SIGKILL);
	/* at once: no grace period a real kernel would not give either */
	assert_int_equal(machine_start_supplicant(&m), 0);
	assert_true(machine_wait_supplicant(&m));
	open_one(&op);
	assert_int_equal(op.res, TEEC_SUCCESS);
	TEEC_FinalizeContext(&ctx);
	assert_int_equal(machine_stop(&m), 0);
}

/* Waits until the status report contains `line` (up to 5 s). */
static bool status_shows(struct test_machine *m, const char *line)
{
	char status[8192];

	for (int i = 0; i < 500; i++) {
		if (!machine_status(m, status, sizeof(status)) &&
		    strstr(status, line))
			return true;
		usleep(10 * 1000);
	}
	return false;
}

/*
 * No supplicant at all, and a client that dies while its call waits for
 * one: the call gives up (as an interrupted wait does on Linux) and its
 * secure thread comes free, rather than waiting forever.
 */
static void test_client_dies_waiting_for_absent_supplicant(void **state)
{
	const char *args[] = { "--no-supplicant", "--threads", "1", NULL };
	struct opener op;
	struct test_machine m;
	TEEC_Context ctx;
	pid_t child;

	(void)state;
	assert_int_equal(machine_start(&m, args), 0);
	child = fork();
	if (child == 0) {
		if (TEEC_InitializeContext(NULL, &ctx))
			_exit(1);
		op = (struct opener){ &ctx, &test_ta_multi, TEEC_SUCCESS, 0 };
		open_one(&op);	/* LOAD_TA: waits for a supplicant */
		_exit(2);
	}
	assert_true(status_shows(&m, "supplicant_requests queued 1 taken 0"));
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	assert_true(status_shows(&m, "supplicant_requests queued 0 taken 0"));
	assert_true(status_shows(&m, "secure_threads total 1 busy 0"));
	/* the one secure thread serves the next call */
	assert_int_equal(machine_start_supplicant(&m), 0);
	assert_true(machine_wait_supplicant(&m));
	assert_int_equal(TEEC_InitializeContext(NULL, &ctx), TEEC_SUCCESS);
	op = (struct opener){ &ctx, &test_ta_multi, TEEC_ERROR_GENERIC, 0 };
	open_one(&op);
	assert_int_equal(op.res, TEEC_SUCCESS);
	TEEC_FinalizeContext(&ctx);
	assert_int_equal(machine_stop(&m), 0);
}

static void test_sigterm_is_a_clean_exit(void **state)
{
	struct test_machine m;
	TEEC_Context ctx;
	TEEC_Session s;
	uint32_t o;
	int status;

	(void)state;
	assert_int_equal(machine_start(&m, NULL), 0);
	assert_int_equal(TEEC_InitializeContext(NULL, &ctx), TEEC_SUCCESS);
	assert_int_equal(open_public(&ctx, &s, &test_ta, &o), TEEC_SUCCESS);
	status = machine_stop(&m);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* the machine is gone: calls fail, they do not hang */
	assert_int_not_equal(nop(&s, &o), TEEC_SUCCESS);
	TEEC_FinalizeContext(&ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_more_calls_than_secure_threads),
		cmocka_unit_test(test_killed_client_leaves_nothing),
		cmocka_unit_test(test_supplicant_killed_and_restarted),
		cmocka_unit_test(test_idle_supplicant_killed_and_replaced),
		cmocka_unit_test(test_client_dies_waiting_for_absent_supplicant),
		cmocka_unit_test(test_sigterm_is_a_clean_exit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
