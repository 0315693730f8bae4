// SPDX-License-Identifier: BSD-2-Clause
/*
 * The request loop: each serving thread does RECV, serve, SEND, and again.
 *
 * RECV offers a META parameter, which asks the kernel for asynchronous
 * mode: it then hands each request to whichever thread is in RECV, tags it
 * with an id in that META parameter, and matches the SEND by the id echoed
 * back.  Several requests can so be served at once, and whenever a thread
 * takes a request leaving no other thread in RECV it starts one more (up to
 * max_threads), so that a slow request never holds up the next.  A kernel
 * that answers without META wants strict RECV/SEND alternation: then one
 * thread serves everything.
 *
 * A failed RECV or SEND ends the process.  The kernel fails these only to
 * shut a supplicant down, and one that lost step with the kernel's queue
 * could only answer the wrong requests.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "supp.h"
#include "vtee/tee_dev.h"

/* A RECV or SEND argument with room for SUPP_MAX_PARAMS; the answer is
 * written over the request, as the two layouts only differ in names. */
union supp_buf {
	struct tee_iocl_supp_recv_arg recv;
	struct tee_iocl_supp_send_arg send;
	uint8_t raw[sizeof(struct tee_iocl_supp_recv_arg) +
		    SUPP_MAX_PARAMS * sizeof(struct tee_ioctl_param)];
};

void supp_exit(int status)
{
	static pthread_mutex_t once = PTHREAD_MUTEX_INITIALIZER;

	/* exit() may run only once; later callers wait here for the end. */
	pthread_mutex_lock(&once);
	exit(status);
}

__attribute__((noreturn)) static void fatal(const char *what, int err)
{
	supp_log(SUPP_LOG_ERROR, "%s failed: %s; exiting", what,
		 strerror(-err));
	supp_exit(EXIT_FAILURE);
}

/* The kernel checks buf_len against the param count exactly. */
static void buf_ioctl(struct supp *s, unsigned long cmd, const char *what,
		      union supp_buf *b, uint32_t num_params)
{
	struct tee_ioctl_buf_data data = {
		.buf_ptr = (uintptr_t)b,
		.buf_len = sizeof(b->recv) +
			   num_params * sizeof(struct tee_ioctl_param),
	};
	int rc;

	do {
		rc = tee_dev_ioctl(s->dev, cmd, &data);
	} while (rc == -EINTR);
	if (rc < 0)
		fatal(what, rc);
}

/* Waits for a request; returns its param count, META included. */
static uint32_t request_recv(struct supp *s, union supp_buf *b)
{
	memset(b, 0, sizeof(*b));
	b->recv.num_params = SUPP_MAX_PARAMS;
	b->recv.params[0].attr = TEE_IOCTL_PARAM_ATTR_META;
	buf_ioctl(s, TEE_IOC_SUPPL_RECV, "TEE_IOC_SUPPL_RECV", b,
		  SUPP_MAX_PARAMS);
	if (b->recv.num_params > SUPP_MAX_PARAMS)
		fatal("TEE_IOC_SUPPL_RECV", -EPROTO);
	return b->recv.num_params;
}

static bool has_meta(const union supp_buf *b, uint32_t n)
{
	return n && (b->recv.params[0].attr & TEE_IOCTL_PARAM_ATTR_META);
}

/* Serves the request in `b` and sends the answer: params updated in
 * place, their attrs (and the META id) echoed as received. */
static void request_serve(struct supp *s, union supp_buf *b, uint32_t n)
{
	uint32_t meta = has_meta(b, n) ? 1 : 0;
	uint32_t res = supp_dispatch(s, b->recv.func, b->recv.params + meta,
				     n - meta);

	b->send.ret = res;
	b->send.num_params = n;
	buf_ioctl(s, TEE_IOC_SUPPL_SEND, "TEE_IOC_SUPPL_SEND", b, n);
}

static void *serve_thread(void *arg);

static int thread_start(struct supp *s)
{
	pthread_attr_t attr;
	pthread_t thread;
	int rc;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	rc = pthread_create(&thread, &attr, serve_thread, s);
	pthread_attr_destroy(&attr);
	return -rc;
}

/* False once stopping: the thread then ends instead of taking more. */
static bool pool_enter_recv(struct supp *s)
{
	bool go;

	pthread_mutex_lock(&s->lock);
	go = !s->stopping;
	if (go)
		s->waiting++;
	else
		s->threads--;
	pthread_mutex_unlock(&s->lock);
	return go;
}

/* A request is in hand: make sure another thread will be in RECV. */
static void pool_took_request(struct supp *s, bool meta)
{
	bool grow;
	int rc;

	pthread_mutex_lock(&s->lock);
	s->waiting--;
	s->busy++;
	grow = meta && !s->waiting && !s->stopping &&
	       s->threads < s->max_threads;
	if (grow)
		s->threads++;
	pthread_mutex_unlock(&s->lock);
	if (!grow)
		return;
	rc = thread_start(s);
	if (rc) {
		pthread_mutex_lock(&s->lock);
		s->threads--;
		pthread_mutex_unlock(&s->lock);
		supp_log(SUPP_LOG_WARN, "cannot start a thread: %s",
			 strerror(-rc));
	}
}

static void pool_answered(struct supp *s)
{
	pthread_mutex_lock(&s->lock);
	if (--s->busy == 0)
		pthread_cond_broadcast(&s->idle);
	pthread_mutex_unlock(&s->lock);
}

static void *serve_thread(void *arg)
{
	struct supp *s = arg;
	union supp_buf b;
	uint32_t n;

	while (pool_enter_recv(s)) {
		n = request_recv(s, &b);
		pool_took_request(s, has_meta(&b, n));
		request_serve(s, &b, n);
		pool_answered(s);
	}
	return NULL;
}

int supp_loop_start(struct supp *s, unsigned int max_threads)
{
	pthread_condattr_t ca;
	int rc;

	pthread_mutex_init(&s->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&s->idle, &ca);
	pthread_condattr_destroy(&ca);
	s->max_threads = max_threads;
	s->threads = 1;
	s->waiting = 0;
	s->busy = 0;
	s->stopping = false;
	rc = thread_start(s);
	if (rc)
		s->threads = 0;
	return rc;
}

/*
 * Threads in RECV are left there: nothing short of the process's end
 * takes them out (a vtee node retries its socket calls on EINTR), and the
 * kernel fails whatever reaches them after the device closes.
 */
void supp_loop_stop(struct supp *s, unsigned int timeout_ms)
{
	struct timespec deadline;
	unsigned int busy;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += timeout_ms / 1000;
	deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&s->lock);
	s->stopping = true;
	while (s->busy && pthread_cond_timedwait(&s->idle, &s->lock,
						 &deadline) != ETIMEDOUT)
		;
	busy = s->busy;
	pthread_mutex_unlock(&s->lock);
	if (busy)
		supp_log(SUPP_LOG_WARN, "%u request(s) still being served "
			 "after %u ms; leaving them", busy, timeout_ms);
}
