/* SPDX-License-Identifier: BSD-2-Clause */
/* What the secure world's parts share, and nobody outside it. */
#ifndef VTEE_SW_PRIVATE_H
#define VTEE_SW_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "rpc.h"
#include "secure_world.h"
#include "vtee/optee_msg.h"

struct tos;
struct mobj_table;

enum sw_thread_state {
	SW_THREAD_FREE,
	SW_THREAD_ACTIVE,	/* running a yielding call */
	SW_THREAD_SUSPENDED,	/* returned to the normal world with an RPC */
};

/*
 * A secure thread.  A yielding call runs on it from CALL_WITH_ARG until it
 * returns; an RPC suspends it (the caller gets the RPC registers) until
 * RETURN_FROM_RPC resumes it.  It is an execution context (thread.c), run
 * by whichever pthread makes the SMC.
 */
struct sw_thread {
	struct secure_world *sw;
	unsigned int id;
	enum sw_thread_state state;	/* under sw->threads_lock */
	struct sw_context *context;
	struct smc_regs regs;		/* the registers being handed over */
	uint8_t *scratch;		/* TA_CHAN_DATA_MAX bytes, this thread's */
	/* this thread's RPC argument buffer, from RPC ALLOC, kept */
	uint64_t rpc_arg_pa;
	uint64_t rpc_arg_cookie;
	struct optee_msg_arg *rpc_arg;
	/* rpc.c: the payload buffer kept between RPCs (cookie 0: none) */
	struct sw_rpc_shm payload;
};

#define SW_RPC_ARG_PARAMS 6

struct secure_world {
	struct ns_ram *ram;
	unsigned int nthreads;
	struct sw_thread *threads;
	pthread_mutex_t threads_lock;
	bool stopping;			/* under threads_lock: no new calls */
	/* under threads_lock: threads may keep their RPC argument buffer
	 * between calls (ENABLE/DISABLE_SHM_CACHE) */
	bool shm_cache_enabled;
	struct mobj_table *mobjs;
	struct tos *tos;
};

/* thread.c */
int sw_threads_start(struct secure_world *sw);
void sw_threads_stop(struct secure_world *sw);
void sw_thread_std_call(struct secure_world *sw, struct smc_regs *regs);
void sw_thread_resume(struct secure_world *sw, struct smc_regs *regs);
/* From secure code on a secure thread: return to the normal world with an
 * RPC in regs (a0 = OPTEE_SMC_RETURN_RPC_*); returns with its answer. */
void sw_thread_rpc(struct sw_thread *thr, struct smc_regs *regs);
unsigned int sw_threads_busy(struct secure_world *sw);
/* From now on yielding calls get ENOTAVAIL; running ones may finish. */
void sw_threads_refuse_new(struct secure_world *sw);
/*
 * DISABLE_SHM_CACHE: stops caching and hands back one cached RPC buffer
 * of an idle thread (OK, cookie in *cookie), or EBUSY if only busy
 * threads hold one, or ENOTAVAIL when none is left.
 */
uint32_t sw_threads_uncache_one(struct secure_world *sw, uint64_t *cookie);
void sw_threads_enable_cache(struct secure_world *sw);
bool sw_threads_cache_enabled(struct secure_world *sw);
/* A buffer of TA_CHAN_DATA_MAX bytes owned by the secure thread. */
uint8_t *sw_thread_scratch(struct sw_thread *thr);

/* entry_std.c: one yielding call's message */
void sw_entry_std(struct sw_thread *thr, uint64_t arg_pa);

#endif /* VTEE_SW_PRIVATE_H */
