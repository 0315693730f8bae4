// SPDX-License-Identifier: BSD-2-Clause
/*
 * The floors: what one round trip between two processes costs on this
 * machine, with nothing of vtee in between.  A vtee call is at least one
 * such hand-off each way (client to vteed, vteed to the TA), so these are
 * the numbers its latencies are measured against.
 *  - futex: two words in a shared anonymous mapping, FUTEX_WAIT and
 *    FUTEX_WAKE and nothing else: what the kernel charges for a hand-off;
 *  - futex_spin: the same with vtee's own spin-yield-sleep helper (the way
 *    vteed, its clients and TAs hand off a call);
 *  - seqpacket: a 64-byte message over an AF_UNIX SOCK_SEQPACKET pair (the
 *    way a client reaches a device node).
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "vtee/futex.h"

/* A peer that hears nothing for this long has lost its partner. */
#define PEER_TIMEOUT_MS 5000
#define MSG_BYTES 64

/* Untimed round trips first: page faults, caches and the scheduler's
 * first placement are not what a floor should report. */
static unsigned int warmup(const struct bench_opts *o)
{
	return o->iterations / 10 < 1000 ? o->iterations / 10 : 1000;
}

/* Waits for the peer; on failure it is killed first (it may be blocked
 * waiting for a partner that gave up).  Returns rc, or -ECHILD if the
 * peer failed. */
static int peer_reap(pid_t pid, int rc)
{
	int status;

	if (rc)
		kill(pid, SIGKILL);
	if (waitpid(pid, &status, 0) != pid)
		return rc ? rc : -errno;
	if (!rc && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		return -ECHILD;
	return rc;
}

/* ---- futex ---- */

struct futex_pair {
	uint32_t ping;		/* bumped by the timing side */
	uint32_t pong;		/* bumped by the peer in answer */
};

/* The plain kernel hand-off: sleep until the word changes. */
static uint32_t plain_wait(uint32_t *word, uint32_t seen)
{
	struct timespec ts = { PEER_TIMEOUT_MS / 1000, 0 };
	uint32_t v;

	while ((v = __atomic_load_n(word, __ATOMIC_ACQUIRE)) == seen)
		if (syscall(SYS_futex, word, FUTEX_WAIT, seen, &ts, NULL, 0) &&
		    errno == ETIMEDOUT)
			return seen;
	return v;
}

static void plain_bump(uint32_t *word)
{
	__atomic_add_fetch(word, 1, __ATOMIC_RELEASE);
	syscall(SYS_futex, word, FUTEX_WAKE, 1, NULL, NULL, 0);
}

/* How a side waits and wakes: plain, or vtee's spinning helper. */
struct futex_ops {
	uint32_t (*wait)(uint32_t *word, uint32_t seen);
	void (*bump)(uint32_t *word);
};

static uint32_t spin_wait(uint32_t *word, uint32_t seen)
{
	return futex_wait_change(word, seen, PEER_TIMEOUT_MS, true);
}

static void spin_bump(uint32_t *word)
{
	futex_bump_wake(word, true);
}

static const struct futex_ops plain_ops = { plain_wait, plain_bump };
static const struct futex_ops spin_ops = { spin_wait, spin_bump };

static void futex_peer(struct futex_pair *p, unsigned int total,
		       const struct futex_ops *ops)
{
	uint32_t seen = 0;

	for (unsigned int i = 0; i < total; i++) {
		uint32_t v = ops->wait(&p->ping, seen);

		if (v == seen)
			_exit(1);
		seen = v;
		ops->bump(&p->pong);
	}
	_exit(0);
}

/* Times `total` round trips, keeping the last o->iterations. */
static int futex_ping(struct futex_pair *p, const struct bench_opts *o,
		      double *samples, const struct futex_ops *ops)
{
	unsigned int warm = warmup(o), total = warm + o->iterations;

	for (unsigned int i = 0; i < total; i++) {
		double t0 = bench_now_us();

		ops->bump(&p->ping);
		if (ops->wait(&p->pong, i) == i)
			return -ETIMEDOUT;
		if (i >= warm)
			samples[i - warm] = bench_now_us() - t0;
	}
	return 0;
}

static int futex_round_trips(const struct bench_opts *o,
			     struct bench_result *r,
			     const struct futex_ops *ops)
{
	struct futex_pair *p = mmap(NULL, sizeof(*p), PROT_READ | PROT_WRITE,
				    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	double *samples = malloc(o->iterations * sizeof(*samples));
	pid_t pid = -1;
	int rc = 0;

	if (p == MAP_FAILED || !samples)
		rc = -ENOMEM;
	else if ((pid = fork()) < 0)
		rc = -errno;
	else if (pid == 0)
		futex_peer(p, warmup(o) + o->iterations, ops);
	if (pid > 0)
		rc = peer_reap(pid, futex_ping(p, o, samples, ops));
	if (!rc)
		bench_result_latency(r, samples, o->iterations);
	free(samples);
	if (p != MAP_FAILED)
		munmap(p, sizeof(*p));
	return rc;
}

static int floor_futex(const struct bench_opts *o, struct bench_result *r)
{
	return futex_round_trips(o, r, &plain_ops);
}

static int floor_futex_spin(const struct bench_opts *o,
			    struct bench_result *r)
{
	return futex_round_trips(o, r, &spin_ops);
}

/* ---- SOCK_SEQPACKET ---- */

/* Echoes every message until the timing side closes its end. */
static void seqpacket_peer(int fd)
{
	uint8_t buf[MSG_BYTES];
	ssize_t n;

	while ((n = recv(fd, buf, sizeof(buf), 0)) > 0)
		if (send(fd, buf, (size_t)n, MSG_NOSIGNAL) != n)
			_exit(1);
	_exit(n == 0 ? 0 : 1);
}

static int seqpacket_ping(int fd, const struct bench_opts *o,
			  double *samples)
{
	unsigned int warm = warmup(o), total = warm + o->iterations;
	uint8_t msg[MSG_BYTES], back[MSG_BYTES];

	memset(msg, 0xa5, sizeof(msg));
	for (unsigned int i = 0; i < total; i++) {
		double t0 = bench_now_us();

		if (send(fd, msg, sizeof(msg), MSG_NOSIGNAL) != sizeof(msg) ||
		    recv(fd, back, sizeof(back), 0) != sizeof(back))
			return errno ? -errno : -EIO;
		if (i >= warm)
			samples[i - warm] = bench_now_us() - t0;
	}
	return 0;
}

static int floor_seqpacket(const struct bench_opts *o,
			   struct bench_result *r)
{
	double *samples = malloc(o->iterations * sizeof(*samples));
	int sv[2], rc = 0;
	pid_t pid;

	if (!samples)
		return -ENOMEM;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv)) {
		free(samples);
		return -errno;
	}
	pid = fork();
	if (pid == 0) {
		close(sv[0]);
		seqpacket_peer(sv[1]);
	}
	close(sv[1]);
	if (pid < 0) {
		rc = -errno;
	} else {
		rc = seqpacket_ping(sv[0], o, samples);
		/* the peer's recv sees EOF and it exits */
		shutdown(sv[0], SHUT_RDWR);
		rc = peer_reap(pid, rc);
	}
	close(sv[0]);
	if (!rc) {
		bench_result_latency(r, samples, o->iterations);
		bench_result_add(r, "message_bytes", MSG_BYTES);
	}
	free(samples);
	return rc;
}

const struct bench_case bench_floors[] = {
	{ "futex_round_trip", floor_futex },
	{ "futex_spin_round_trip", floor_futex_spin },
	{ "seqpacket_round_trip", floor_seqpacket },
	{ NULL, NULL }
};
