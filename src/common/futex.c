// SPDX-License-Identifier: BSD-2-Clause
#include "vtee/futex.h"
#include "vtee/clock.h"

#include <errno.h>
#include <sched.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/*
 * Before sleeping: a few hundred pause instructions (a peer on the other
 * core usually answers within them), then yields for up to YIELD_US.
 * Waking a sleeper costs tens of microseconds on a busy virtual machine,
 * and a yield hands the core to whoever we wait for when both share it.
 */
#define SPIN_ROUNDS 200
#define YIELD_US 50

static uint32_t load(uint32_t *word)
{
	return __atomic_load_n(word, __ATOMIC_ACQUIRE);
}

static long futex(uint32_t *word, int op, uint32_t val,
		  const struct timespec *ts, bool shared)
{
	return syscall(SYS_futex, word, shared ? op : op | FUTEX_PRIVATE_FLAG,
		       val, ts, NULL, 0);
}

static bool passed(const struct timespec *deadline)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > deadline->tv_sec ||
	       (now.tv_sec == deadline->tv_sec &&
		now.tv_nsec >= deadline->tv_nsec);
}

static long elapsed_us(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000000L +
	       (now.tv_nsec - since->tv_nsec) / 1000;
}

static uint32_t yield_until_change(uint32_t *word, uint32_t seen)
{
	struct timespec start;
	uint32_t v;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		sched_yield();
		v = load(word);
	} while (v == seen && elapsed_us(&start) < YIELD_US);
	return v;
}

uint32_t futex_wait_change(uint32_t *word, uint32_t seen, int timeout_ms,
			   bool shared)
{
	struct timespec deadline = vtee_time_after_ms(
		CLOCK_MONOTONIC, timeout_ms < 0 ? 0 : (uint32_t)timeout_ms);
	uint32_t v;

	for (int i = 0; i < SPIN_ROUNDS; i++) {
		v = load(word);
		if (v != seen)
			return v;
		__builtin_ia32_pause();
	}
	v = yield_until_change(word, seen);
	if (v != seen)
		return v;
	for (;;) {
		struct timespec rel, now;

		v = load(word);
		if (v != seen)
			return v;
		if (timeout_ms < 0) {
			futex(word, FUTEX_WAIT, seen, NULL, shared);
			continue;
		}
		if (passed(&deadline))
			return seen;
		clock_gettime(CLOCK_MONOTONIC, &now);
		rel.tv_sec = deadline.tv_sec - now.tv_sec;
		rel.tv_nsec = deadline.tv_nsec - now.tv_nsec;
		if (rel.tv_nsec < 0) {
			rel.tv_sec--;
			rel.tv_nsec += 1000000000;
		}
		futex(word, FUTEX_WAIT, seen, &rel, shared);
	}
}

void futex_bump_wake(uint32_t *word, bool shared)
{
	__atomic_add_fetch(word, 1, __ATOMIC_RELEASE);
	futex_wake_all(word, shared);
}

void futex_wake_all(uint32_t *word, bool shared)
{
	futex(word, FUTEX_WAKE, INT32_MAX, NULL, shared);
}
