// SPDX-License-Identifier: BSD-2-Clause
/*
 * Secure threads: a fixed pool, as OP-TEE has.  When every thread is busy
 * (running or suspended in an RPC) a new call gets ETHREAD_LIMIT and the
 * driver's call queue retries it later.
 */
#include <errno.h>
#include <stdlib.h>

#include "sw_private.h"
#include "vtee/futex.h"

static uint32_t seq_load(uint32_t *w)
{
	return __atomic_load_n(w, __ATOMIC_ACQUIRE);
}

/*
 * Hands regs to the thread and waits for its answer (done or RPC).  Only
 * once the caller has read the answer may the thread be handed to anyone
 * else: the caller, not the thread, sets it FREE or SUSPENDED.
 */
static void hand_over(struct sw_thread *thr, struct smc_regs *regs)
{
	uint32_t seen = seq_load(&thr->to_caller_seq);

	thr->regs = *regs;
	futex_bump_wake(&thr->to_thread_seq, false);
	futex_wait_change(&thr->to_caller_seq, seen, -1, false);
	*regs = thr->regs;
	pthread_mutex_lock(&thr->sw->threads_lock);
	thr->state = OPTEE_SMC_RETURN_IS_RPC(regs->a0) ? SW_THREAD_SUSPENDED :
							 SW_THREAD_FREE;
	pthread_mutex_unlock(&thr->sw->threads_lock);
}

/* Thread side: answer the caller, then wait for the next hand-over. */
static void answer_and_wait(struct sw_thread *thr, struct smc_regs *regs)
{
	uint32_t seen = seq_load(&thr->to_thread_seq);

	thr->regs = *regs;
	futex_bump_wake(&thr->to_caller_seq, false);
	futex_wait_change(&thr->to_thread_seq, seen, -1, false);
	*regs = thr->regs;
}

static void *thread_main(void *arg)
{
	struct sw_thread *thr = arg;
	struct smc_regs regs;
	uint32_t seen = 0;

	futex_wait_change(&thr->to_thread_seq, seen, -1, false);
	regs = thr->regs;
	while (!thr->stop) {
		sw_entry_std(thr, reg_pair_to_64(regs.a1, regs.a2));
		regs = (struct smc_regs){ .a0 = OPTEE_SMC_RETURN_OK };
		answer_and_wait(thr, &regs);
	}
	return NULL;
}

void sw_thread_rpc(struct sw_thread *thr, struct smc_regs *regs)
{
	regs->a3 = thr->id;
	answer_and_wait(thr, regs);
}

void sw_thread_std_call(struct secure_world *sw, struct smc_regs *regs)
{
	struct sw_thread *thr = NULL;

	pthread_mutex_lock(&sw->threads_lock);
	for (unsigned int i = 0; i < sw->nthreads && !thr; i++)
		if (sw->threads[i].state == SW_THREAD_FREE)
			thr = &sw->threads[i];
	if (thr)
		thr->state = SW_THREAD_ACTIVE;
	pthread_mutex_unlock(&sw->threads_lock);
	if (!thr) {
		*regs = (struct smc_regs){ .a0 = OPTEE_SMC_RETURN_ETHREAD_LIMIT };
		return;
	}
	hand_over(thr, regs);
}

void sw_thread_resume(struct secure_world *sw, struct smc_regs *regs)
{
	struct sw_thread *thr = NULL;

	pthread_mutex_lock(&sw->threads_lock);
	if (regs->a3 < sw->nthreads &&
	    sw->threads[regs->a3].state == SW_THREAD_SUSPENDED) {
		thr = &sw->threads[regs->a3];
		thr->state = SW_THREAD_ACTIVE;
	}
	pthread_mutex_unlock(&sw->threads_lock);
	if (!thr) {
		/* no such suspended thread: the normal world is confused */
		*regs = (struct smc_regs){ .a0 = OPTEE_SMC_RETURN_ERESUME };
		return;
	}
	hand_over(thr, regs);
}

unsigned int sw_threads_busy(struct secure_world *sw)
{
	unsigned int busy = 0;

	pthread_mutex_lock(&sw->threads_lock);
	for (unsigned int i = 0; i < sw->nthreads; i++)
		busy += sw->threads[i].state != SW_THREAD_FREE;
	pthread_mutex_unlock(&sw->threads_lock);
	return busy;
}

int sw_threads_start(struct secure_world *sw)
{
	sw->threads = calloc(sw->nthreads, sizeof(*sw->threads));
	if (!sw->threads)
		return -ENOMEM;
	pthread_mutex_init(&sw->threads_lock, NULL);
	for (unsigned int i = 0; i < sw->nthreads; i++) {
		struct sw_thread *thr = &sw->threads[i];

		thr->sw = sw;
		thr->id = i;
		if (pthread_create(&thr->pthread, NULL, thread_main, thr)) {
			sw->nthreads = i;
			sw_threads_stop(sw);
			return -EAGAIN;
		}
	}
	return 0;
}

/* Only free threads are parked at a hand-over: stop them there. */
void sw_threads_stop(struct secure_world *sw)
{
	for (unsigned int i = 0; i < sw->nthreads; i++) {
		struct sw_thread *thr = &sw->threads[i];

		thr->stop = true;
		futex_bump_wake(&thr->to_thread_seq, false);
		pthread_join(thr->pthread, NULL);
	}
	free(sw->threads);
	sw->threads = NULL;
}
