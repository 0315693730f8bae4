// SPDX-License-Identifier: BSD-2-Clause
/*
 * Trusted storage when the normal world fails: the supplicant killed at
 * every point of an update, a write torn and the daemon killed with it,
 * writes failing with EIO, a full disk, and many writers at once.  The
 * invariant each time: every object reads as its old or its new content,
 * both whole, and nothing stored before is lost.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdbool.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "machine.h"
#include "storage_client.h"

/* FS requests in one small update and the reads around it, with room */
#define FAULT_POINTS 14

static struct test_machine machine;
static const char *const no_supplicant[] = { "--no-supplicant", NULL };

static int setup(void **state)
{
	(void)state;
	if (machine_start(&machine, no_supplicant) ||
	    machine_start_supplicant(&machine) ||
	    !machine_wait_supplicant(&machine))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return machine_stop(&machine) ? -1 : 0;
}

/* A supplicant that fails as `fault` says (VTEE_SUPP_FS_FAULT). */
static void supplicant_with_fault(const char *fault)
{
	machine_kill_supplicant(&machine, SIGKILL);
	if (fault)
		setenv("VTEE_SUPP_FS_FAULT", fault, 1);
	assert_int_equal(machine_start_supplicant(&machine), 0);
	unsetenv("VTEE_SUPP_FS_FAULT");
	assert_true(machine_wait_supplicant(&machine));
}

/* Content number k of the test object: recognisable, 3000 bytes. */
static void content(int k, char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (char)('A' + (k + i) % 26);
}

/* Which content the object holds (-1: none of them, or unreadable). */
static int which(struct sclient *c, int a, int b)
{
	char got[4096], want[3000];
	size_t len;

	if (sc_read_all(c, "obj", got, sizeof(got), &len) || len != 3000)
		return -1;
	content(a, want, sizeof(want));
	if (!memcmp(got, want, sizeof(want)))
		return a;
	content(b, want, sizeof(want));
	return memcmp(got, want, sizeof(want)) ? -1 : b;
}

static TEEC_Result update(struct sclient *c, int k)
{
	char data[3000];
	uint32_t h;
	TEEC_Result res = sc_open_obj(c, PRIVATE, "obj", F_ALL, &h);

	if (res)
		return res;
	content(k, data, sizeof(data));
	res = sc_write(c, h, data, sizeof(data));
	sc_close_obj(c, h);
	return res;
}

static void create_first(struct sclient *c)
{
	char data[3000];
	uint32_t h;

	content(0, data, sizeof(data));
	assert_int_equal(sc_create(c, PRIVATE, "obj", F_ALL, data,
				   sizeof(data), &h), 0);
	sc_close_obj(c, h);
}

/* An update running in its own thread, so that the test can play the
 * supervisor while the update waits for a supplicant. */
struct job {
	struct sclient *c;
	int k;
	TEEC_Result res;
	volatile int done;
};

static void *job_main(void *arg)
{
	struct job *j = arg;

	j->res = update(j->c, j->k);
	__atomic_store_n(&j->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

static bool supplicant_died(void)
{
	if (machine.supplicant > 0 &&
	    waitpid(machine.supplicant, NULL, WNOHANG) == machine.supplicant) {
		machine.supplicant = 0;
		return true;
	}
	return false;
}

/*
 * Runs update k with a supplicant that fails as `fault` says.  Like
 * vteed's supervisor, a supplicant that died is replaced by a healthy one
 * (the secure world waits for one to free what the dead one held), or,
 * with restart_machine, the whole machine dies and comes back.
 */
static TEEC_Result update_with_fault(struct sclient *c, int k,
				     const char *fault, bool restart_machine)
{
	struct job j = { .c = c, .k = k };
	pthread_t t;

	supplicant_with_fault(fault);
	assert_int_equal(pthread_create(&t, NULL, job_main, &j), 0);
	while (!__atomic_load_n(&j.done, __ATOMIC_ACQUIRE)) {
		if (supplicant_died()) {
			if (restart_machine)
				assert_int_equal(machine_restart(&machine,
								 SIGKILL), 0);
			assert_int_equal(machine_start_supplicant(&machine),
					 0);
		}
		usleep(2000);
	}
	pthread_join(t, NULL);
	supplicant_with_fault(NULL);
	return j.res;
}

static void test_supplicant_killed_at_every_point(void **state)
{
	struct sclient c;
	int have = 0;

	(void)state;
	assert_int_equal(sc_open(&c, 0), 0);
	create_first(&c);
	for (int n = 1; n <= FAULT_POINTS; n++) {
		char fault[32];
		TEEC_Result res;
		int now;

		snprintf(fault, sizeof(fault), "kill:%d", n);
		res = update_with_fault(&c, n, fault, false);
		now = which(&c, have, n);
		assert_true(now == have || now == n);
		if (res == TEEC_SUCCESS)
			assert_int_equal(now, n);
		have = now;
	}
	sc_close(&c);
	/* and after the daemon comes back, still old or new */
	assert_int_equal(machine_restart(&machine, SIGKILL), 0);
	assert_int_equal(machine_start_supplicant(&machine), 0);
	assert_true(machine_wait_supplicant(&machine));
	assert_int_equal(sc_open(&c, 0), 0);
	/* the last update may have reached the disk though it failed */
	assert_true(which(&c, have, FAULT_POINTS) >= 0);
	sc_close(&c);
}

static void test_torn_write_and_daemon_killed(void **state)
{
	struct sclient c;
	int have = 0;

	(void)state;
	assert_int_equal(sc_open(&c, 0), 0);
	create_first(&c);
	sc_close(&c);
	for (int n = 1; n <= FAULT_POINTS; n++) {
		char fault[32];
		int now;

		snprintf(fault, sizeof(fault), "torn:%d", n);
		assert_int_equal(sc_open(&c, 0), 0);
		/* power loss: the daemon goes with the supplicant */
		update_with_fault(&c, n, fault, true);
		sc_close(&c);
		assert_int_equal(sc_open(&c, 0), 0);
		now = which(&c, have, n);
		assert_true(now == have || now == n);
		have = now;
		sc_close(&c);
	}
}

/* Which of three contents the object holds (-1: none, or unreadable). */
static int which_of(struct sclient *c, int a, int b, int d)
{
	int now = which(c, a, b);

	return now >= 0 ? now : which(c, d, d);
}

/*
 * Two faults in a row: an update whose outcome the trusted OS could not
 * learn (it may be on disk after all), then a torn write of the next one
 * with the daemon killed.  The object must still be one of the contents
 * written, never lost.
 */
static void test_unknown_outcome_then_torn_write(void **state)
{
	struct sclient c;
	int have = 0, k = 1;

	(void)state;
	assert_int_equal(sc_open(&c, 0), 0);
	create_first(&c);
	sc_close(&c);
	for (int first = 1; first <= FAULT_POINTS; first++) {
		for (int second = 1; second <= 8; second++, k += 2) {
			char fault[32];
			int now;

			assert_int_equal(sc_open(&c, 0), 0);
			snprintf(fault, sizeof(fault), "kill:%d", first);
			update_with_fault(&c, k, fault, false);
			snprintf(fault, sizeof(fault), "torn:%d", second);
			update_with_fault(&c, k + 1, fault, true);
			sc_close(&c);
			assert_int_equal(sc_open(&c, 0), 0);
			now = which_of(&c, have, k, k + 1);
			assert_true(now == have || now == k || now == k + 1);
			have = now;
			sc_close(&c);
		}
	}
}

static void test_failing_writes(void **state)
{
	static const char *const faults[] = { "eio:1", "enospc:1" };
	static const TEEC_Result want[] = { RES_NOT_AVAILABLE, RES_NO_SPACE };
	struct sclient c;
	uint32_t h;

	(void)state;
	assert_int_equal(sc_open(&c, 0), 0);
	create_first(&c);
	for (int i = 0; i < 2; i++) {
		supplicant_with_fault(faults[i]);
		assert_int_equal(update(&c, 7), want[i]);
		/* a new object cannot be stored either */
		assert_int_equal(sc_create(&c, PRIVATE, "new", F_ALL, "n", 1,
					   &h), want[i]);
		/* what was stored is all there */
		assert_int_equal(which(&c, 0, 0), 0);
		supplicant_with_fault(NULL);
		assert_int_equal(which(&c, 0, 0), 0);
	}
	/* and the storage works again once the disk does */
	assert_int_equal(update(&c, 8), 0);
	assert_int_equal(which(&c, 8, 8), 8);
	sc_close(&c);
}

#define WRITERS 4
#define ROUNDS 25

struct writer {
	int index;
	int second_ta;
	int ok;
};

static void *writer_main(void *arg)
{
	struct writer *w = arg;
	char id[16], buf[16];
	struct sclient c;
	size_t got;
	uint32_t h;

	snprintf(id, sizeof(id), "w%d", w->index);
	if (sc_open(&c, w->second_ta) ||
	    sc_create(&c, PRIVATE, id, F_ALL, "0", 1, &h))
		return NULL;
	sc_close_obj(&c, h);
	for (int r = 1; r <= ROUNDS; r++) {
		snprintf(buf, sizeof(buf), "%d", r);
		if (sc_open_obj(&c, PRIVATE, id, F_ALL, &h) ||
		    sc_truncate(&c, h, 0) ||
		    sc_write(&c, h, buf, strlen(buf)) || sc_close_obj(&c, h))
			goto out;
	}
	if (!sc_read_all(&c, id, buf, sizeof(buf), &got) && got == 2 &&
	    !memcmp(buf, "25", 2))
		w->ok = 1;
out:
	sc_close(&c);
	return NULL;
}

static void test_concurrent_writers(void **state)
{
	struct writer w[WRITERS];
	pthread_t t[WRITERS];
	struct sclient c;
	char ids[256];
	uint32_t n;

	(void)state;
	/* two TAs, two instances each, all writing at once */
	for (int i = 0; i < WRITERS; i++) {
		w[i] = (struct writer){ .index = i, .second_ta = i % 2 };
		assert_int_equal(pthread_create(&t[i], NULL, writer_main,
						&w[i]), 0);
	}
	for (int i = 0; i < WRITERS; i++) {
		pthread_join(t[i], NULL);
		assert_true(w[i].ok);
	}
	assert_int_equal(sc_open(&c, 0), 0);
	assert_int_equal(sc_enum(&c, PRIVATE, ids, sizeof(ids), &n), 0);
	assert_string_equal(ids, "w0,w2");
	sc_close(&c);
}

int main(void)
{
	/* the faults are injected by vtee-supplicant (VTEE_SUPP_FS_FAULT) */
	if (getenv("VTEE_TEST_STOCK_SUPPLICANT")) {
		printf("skipped: faults need vtee-supplicant\n");
		return 77;
	}

	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_supplicant_killed_at_every_point),
		T(test_torn_write_and_daemon_killed),
		T(test_unknown_outcome_then_torn_write),
		T(test_failing_writes),
		T(test_concurrent_writers),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
