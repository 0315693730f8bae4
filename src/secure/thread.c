// SPDX-License-Identifier: BSD-2-Clause
/*
 * Secure threads: a fixed pool, as OP-TEE has.  When every thread is busy
 * (running, or suspended in an RPC) a new call gets ETHREAD_LIMIT and the
 * driver's call queue retries it later.
 *
 * A secure thread is a context with its own stack, not a pthread: an SMC
 * switches the calling CPU (here, the calling pthread) into it, exactly as
 * a real SMC runs the secure world on the caller's core, and an RPC
 * switches back out, leaving the secure thread suspended with its stack
 * intact until RETURN_FROM_RPC switches in again.  No thread wake-up sits
 * on the path of a call.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "sw_private.h"
#include "vtee/ta_channel.h"

#if defined(__SANITIZE_ADDRESS__)
#define SW_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SW_ASAN 1
#endif
#endif

#ifdef SW_ASAN
#include <sanitizer/common_interface_defs.h>
#define SW_STACK_SIZE (2u << 20)	/* ASan's redzones need room */
#else
#define SW_STACK_SIZE (512u << 10)
#endif

struct sw_context {
	ucontext_t ctx;
	ucontext_t *caller;		/* where an answer switches to */
	void *stack;
	/* AddressSanitizer must be told which stack it is on */
	const void *caller_stack;
	size_t caller_stack_size;
};

#ifdef SW_ASAN
static void fiber_leave(void **fake, const void *to, size_t size)
{
	__sanitizer_start_switch_fiber(fake, to, size);
}

static void fiber_arrive(void *fake, const void **from, size_t *size)
{
	__sanitizer_finish_switch_fiber(fake, from, size);
}
#else
static void fiber_leave(void **fake, const void *to, size_t size)
{
	(void)fake;
	(void)to;
	(void)size;
}

static void fiber_arrive(void *fake, const void **from, size_t *size)
{
	(void)fake;
	(void)from;
	(void)size;
}
#endif

/* Caller side: run the thread until it answers (done, or an RPC). */
static void switch_in(struct sw_thread *thr, struct smc_regs *regs)
{
	struct sw_context *c = thr->context;
	ucontext_t here;
	void *fake = NULL;

	thr->regs = *regs;
	c->caller = &here;
	fiber_leave(&fake, c->stack, SW_STACK_SIZE);
	swapcontext(&here, &c->ctx);
	fiber_arrive(fake, NULL, NULL);
	*regs = thr->regs;
	/*
	 * Only once the answer is read may the thread go to anyone else: the
	 * caller, not the thread, makes it FREE or SUSPENDED.
	 */
	pthread_mutex_lock(&thr->sw->threads_lock);
	thr->state = OPTEE_SMC_RETURN_IS_RPC(regs->a0) ? SW_THREAD_SUSPENDED :
							 SW_THREAD_FREE;
	pthread_mutex_unlock(&thr->sw->threads_lock);
}

/* Thread side: hand regs to the caller; returns with the next regs. */
static void switch_out(struct sw_thread *thr, struct smc_regs *regs)
{
	struct sw_context *c = thr->context;
	void *fake = NULL;

	thr->regs = *regs;
	fiber_leave(&fake, c->caller_stack, c->caller_stack_size);
	swapcontext(&c->ctx, c->caller);
	fiber_arrive(fake, &c->caller_stack, &c->caller_stack_size);
	*regs = thr->regs;
}

static void thread_main(unsigned int lo, unsigned int hi)
{
	struct sw_thread *thr =
		(struct sw_thread *)(((uintptr_t)hi << 32) | (uintptr_t)lo);
	struct sw_context *c = thr->context;
	struct smc_regs regs;

	fiber_arrive(NULL, &c->caller_stack, &c->caller_stack_size);
	regs = thr->regs;
	for (;;) {
		sw_entry_std(thr, reg_pair_to_64(regs.a1, regs.a2));
		regs = (struct smc_regs){ .a0 = OPTEE_SMC_RETURN_OK };
		switch_out(thr, &regs);
	}
}

void sw_thread_rpc(struct sw_thread *thr, struct smc_regs *regs)
{
	regs->a3 = thr->id;
	switch_out(thr, regs);
}

void sw_thread_std_call(struct secure_world *sw, struct smc_regs *regs)
{
	struct sw_thread *thr = NULL;

	pthread_mutex_lock(&sw->threads_lock);
	if (sw->stopping) {
		pthread_mutex_unlock(&sw->threads_lock);
		*regs = (struct smc_regs){ .a0 = OPTEE_SMC_RETURN_ENOTAVAIL };
		return;
	}
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
	switch_in(thr, regs);
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
	switch_in(thr, regs);
}

uint32_t sw_threads_uncache_one(struct secure_world *sw, uint64_t *cookie)
{
	uint32_t res = OPTEE_SMC_RETURN_ENOTAVAIL;

	pthread_mutex_lock(&sw->threads_lock);
	sw->shm_cache_enabled = false;
	for (unsigned int i = 0; i < sw->nthreads; i++) {
		struct sw_thread *thr = &sw->threads[i];

		if (!thr->rpc_arg)
			continue;
		if (thr->state != SW_THREAD_FREE) {
			res = OPTEE_SMC_RETURN_EBUSY;
			continue;
		}
		*cookie = thr->rpc_arg_cookie;
		thr->rpc_arg = NULL;
		res = OPTEE_SMC_RETURN_OK;
		break;
	}
	pthread_mutex_unlock(&sw->threads_lock);
	return res;
}

void sw_threads_enable_cache(struct secure_world *sw)
{
	pthread_mutex_lock(&sw->threads_lock);
	sw->shm_cache_enabled = true;
	pthread_mutex_unlock(&sw->threads_lock);
}

bool sw_threads_cache_enabled(struct secure_world *sw)
{
	bool on;

	pthread_mutex_lock(&sw->threads_lock);
	on = sw->shm_cache_enabled;
	pthread_mutex_unlock(&sw->threads_lock);
	return on;
}

void sw_threads_refuse_new(struct secure_world *sw)
{
	pthread_mutex_lock(&sw->threads_lock);
	sw->stopping = true;
	pthread_mutex_unlock(&sw->threads_lock);
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

static int context_init(struct sw_thread *thr)
{
	struct sw_context *c = calloc(1, sizeof(*c));
	uintptr_t self = (uintptr_t)thr;

	if (!c)
		return -ENOMEM;
	/* a guard page below the stack turns an overflow into a fault */
	c->stack = mmap(NULL, SW_STACK_SIZE + 4096, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (c->stack == MAP_FAILED) {
		free(c);
		return -ENOMEM;
	}
	mprotect(c->stack, 4096, PROT_NONE);
	c->stack = (uint8_t *)c->stack + 4096;
	getcontext(&c->ctx);
	c->ctx.uc_stack.ss_sp = c->stack;
	c->ctx.uc_stack.ss_size = SW_STACK_SIZE;
	c->ctx.uc_link = NULL;
	makecontext(&c->ctx, (void (*)(void))thread_main, 2,
		    (unsigned int)self, (unsigned int)(self >> 32));
	thr->context = c;
	thr->scratch = malloc(TA_CHAN_DATA_MAX);
	return thr->scratch ? 0 : -ENOMEM;
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
		if (context_init(thr)) {
			sw->nthreads = i + 1;
			sw_threads_stop(sw);
			return -ENOMEM;
		}
	}
	return 0;
}

/*
 * A suspended thread's stack is simply dropped: at shutdown no normal
 * world is left to resume it.
 */
void sw_threads_stop(struct secure_world *sw)
{
	for (unsigned int i = 0; i < sw->nthreads; i++) {
		struct sw_context *c = sw->threads[i].context;

		if (c) {
			munmap((uint8_t *)c->stack - 4096, SW_STACK_SIZE + 4096);
			free(c);
		}
		free(sw->threads[i].scratch);
		/* the normal world is gone: nothing to give back but memory */
		free(sw->threads[i].payload.pages);
	}
	free(sw->threads);
	sw->threads = NULL;
}

uint8_t *sw_thread_scratch(struct sw_thread *thr)
{
	return thr->scratch;
}

struct sw_rpc_shm *sw_thread_payload(struct sw_thread *thr)
{
	return &thr->payload;
}
