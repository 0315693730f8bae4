/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The OP-TEE driver's private state, shared by its files and by nobody
 * else: the core sees only struct tee_driver_ops.
 */
#ifndef VTEE_OPTEE_PRIVATE_H
#define VTEE_OPTEE_PRIVATE_H

#include <pthread.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdint.h>

#include "optee_drv.h"
#include "tee_drv.h"
#include "vtee/list.h"
#include "vtee/optee_msg.h"
#include "vtee/optee_smc.h"

/* TEEC results and origins the driver produces itself */
#define TEEC_SUCCESS			0x00000000u
#define TEEC_ERROR_GENERIC		0xFFFF0000u
#define TEEC_ERROR_BAD_PARAMETERS	0xFFFF0006u
#define TEEC_ERROR_ITEM_NOT_FOUND	0xFFFF0008u
#define TEEC_ERROR_NOT_SUPPORTED	0xFFFF000Au
#define TEEC_ERROR_OUT_OF_MEMORY	0xFFFF000Cu
#define TEEC_ERROR_COMMUNICATION	0xFFFF000Eu
#define TEEC_ERROR_SHORT_BUFFER		0xFFFF0010u
#define TEEC_ORIGIN_COMMS		0x00000002u

/* The call queue: waiting for a free secure thread (call_queue.c). */
struct optee_call_queue {
	pthread_mutex_t mutex;
	struct list_node waiters;
	int total_thread_count;		/* 0: no accounting */
	int free_thread_count;
	int sys_thread_req_count;
};

struct optee_call_waiter {
	struct list_node node;
	pthread_cond_t c;
	bool completed;
	bool sys_thread;
};

/* The supplicant queue (supp.c). */
struct optee_supp {
	pthread_mutex_t mutex;
	struct tee_context *ctx;	/* the attached supplicant, or NULL */
	int req_id;			/* sync mode: request being served */
	struct list_node reqs;		/* queued, not yet received */
	struct optee_supp_req **ids;	/* id -> request (>= 1) */
	size_t ids_len;
	pthread_cond_t reqs_c;
};

/* Maps the opaque shm_ref cookies the secure world sees to shms. */
struct optee_cookies {
	pthread_mutex_t mutex;
	struct tee_shm **slots;		/* cookie = index + 1 */
	size_t len;
};

/* Free 4 KiB message-arg pages, so a call allocates nothing. */
struct optee_arg_cache {
	pthread_mutex_t mutex;
	struct tee_shm *free[32];
	size_t nfree;
};

struct optee {
	struct tee_device *teedev;
	struct tee_device *supp_teedev;
	struct tee_context *ctx;	/* the driver's own kernel context */
	struct optee_conduit conduit;
	struct optee_call_queue cq;
	struct optee_supp supp;
	struct optee_cookies cookies;
	struct optee_arg_cache args;
	uint32_t sec_caps;
	uint32_t os_major, os_minor, os_build;
};

struct optee_session {
	struct list_node node;
	uint32_t session_id;
	bool use_sys_thread;
};

struct optee_context_data {
	pthread_mutex_t mutex;
	struct list_node sess_list;
};

static inline struct optee *optee_of(struct tee_context *ctx)
{
	return ctx->teedev->drvdata;
}

/* call_queue.c */
void optee_cq_init(struct optee_call_queue *cq, int thread_count);
void optee_cq_wait_init(struct optee_call_queue *cq,
			struct optee_call_waiter *w, bool sys_thread);
void optee_cq_wait_for_completion(struct optee_call_queue *cq,
				  struct optee_call_waiter *w);
void optee_cq_wait_final(struct optee_call_queue *cq,
			 struct optee_call_waiter *w);

/* cookies.c */
void optee_cookies_init(struct optee_cookies *c);
uint64_t optee_cookie_add(struct optee_cookies *c, struct tee_shm *shm);
struct tee_shm *optee_cookie_lookup(struct optee_cookies *c, uint64_t cookie);
struct tee_shm *optee_cookie_remove(struct optee_cookies *c, uint64_t cookie);

/* msg_arg.c: message args and page lists in non-secure memory */
struct optee_msg_arg *optee_get_msg_arg(struct optee *optee,
					uint32_t num_params,
					struct tee_shm **shm_ret);
void optee_free_msg_arg(struct optee *optee, struct tee_shm *shm);
struct tee_shm *optee_build_page_list(struct optee *optee,
				      struct tee_shm *shm);

/* params.c: tee_param <-> optee_msg_param */
int optee_to_msg_param(struct optee_msg_param *mp,
		       const struct tee_param *params, size_t n);
void optee_from_msg_param(struct tee_param *params, size_t n,
			  const struct optee_msg_param *mp);

/* smc_abi.c */
int optee_do_call_with_arg(struct tee_context *ctx, struct tee_shm *arg_shm,
			   bool system_thread);

/* rpc.c */
/* The page list of the last APPL/KERNEL SHM_ALLOC answer: the secure
 * world reads it at once, so, as in Linux, it lives until the next
 * SHM_ALLOC or the end of the call. */
struct optee_rpc_call_ctx {
	struct tee_shm *page_list;
};
void optee_rpc_cmd(struct tee_context *ctx, struct optee *optee,
		   struct optee_msg_arg *arg, size_t arg_size,
		   struct optee_rpc_call_ctx *call_ctx);
void optee_rpc_finalize_call(struct optee_rpc_call_ctx *call_ctx);

/* supp.c */
void optee_supp_init(struct optee_supp *supp);
void optee_supp_release(struct optee_supp *supp);
/* ctx is gone: with no supplicant attached, its queued requests fail. */
void optee_supp_abandon(struct optee_supp *supp, struct tee_context *ctx);
void optee_supp_report(struct optee_supp *supp, FILE *out);
uint32_t optee_supp_thrd_req(struct tee_context *ctx, uint32_t func,
			     size_t num_params, struct tee_param *param);
int optee_supp_recv(struct tee_context *ctx, uint32_t *func,
		    uint32_t *num_params, struct tee_param *param);
int optee_supp_send(struct tee_context *ctx, uint32_t ret,
		    uint32_t num_params, struct tee_param *param);

/* call.c */
int optee_open_session(struct tee_context *ctx,
		       struct tee_ioctl_open_session_arg *arg,
		       struct tee_param *param);
int optee_close_session(struct tee_context *ctx, uint32_t session);
int optee_system_session(struct tee_context *ctx, uint32_t session);
int optee_invoke_func(struct tee_context *ctx,
		      struct tee_ioctl_invoke_arg *arg,
		      struct tee_param *param);
int optee_cancel_req(struct tee_context *ctx, uint32_t cancel_id,
		     uint32_t session);
void optee_close_all_sessions(struct tee_context *ctx);
void optee_close_session_id(struct tee_context *ctx, uint32_t session_id,
			    bool system_thread);
int optee_shm_register(struct tee_context *ctx, struct tee_shm *shm);
int optee_shm_unregister(struct tee_context *ctx, struct tee_shm *shm);

#endif /* VTEE_OPTEE_PRIVATE_H */
