// SPDX-License-Identifier: BSD-2-Clause
/*
 * RPC commands from the secure world.  The kernel serves GET_TIME, SUSPEND
 * and KERNEL-type shared memory itself; everything else, including APPL
 * shared memory, goes to the supplicant.
 */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "ns_ram.h"
#include "optee_private.h"
#include "vtee/optee_rpc_cmd.h"

#define RPC_MAX_PARAMS 6

static void rpc_set_result(struct optee_msg_arg *arg, uint32_t ret)
{
	arg->ret = ret;
	arg->ret_origin = TEEC_ORIGIN_COMMS;
}

static void rpc_get_time(struct optee_msg_arg *arg)
{
	struct timespec ts;

	if (arg->num_params != 1 ||
	    arg->params[0].attr != OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT) {
		rpc_set_result(arg, TEEC_ERROR_BAD_PARAMETERS);
		return;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	arg->params[0].u.value.a = (uint64_t)ts.tv_sec;
	arg->params[0].u.value.b = (uint64_t)ts.tv_nsec;
	rpc_set_result(arg, TEEC_SUCCESS);
}

static void rpc_suspend(struct optee_msg_arg *arg)
{
	uint64_t ms;

	if (arg->num_params != 1 ||
	    arg->params[0].attr != OPTEE_MSG_ATTR_TYPE_VALUE_INPUT) {
		rpc_set_result(arg, TEEC_ERROR_BAD_PARAMETERS);
		return;
	}
	ms = arg->params[0].u.value.a;
	nanosleep(&(struct timespec){ (time_t)(ms / 1000),
				      (long)(ms % 1000) * 1000000 }, NULL);
	rpc_set_result(arg, TEEC_SUCCESS);
}

/* SHM_ALLOC answer: TMEM_OUTPUT with a NONCONTIG page list. */
static void rpc_return_shm(struct optee *optee, struct optee_msg_arg *arg,
			   struct tee_shm *shm,
			   struct optee_rpc_call_ctx *call_ctx)
{
	struct tee_shm *pl = optee_build_page_list(optee, shm);
	uint64_t cookie = 0;

	if (pl)
		cookie = optee_cookie_add(&optee->cookies, shm);
	if (!cookie) {
		if (pl)
			tee_shm_free(pl);
		rpc_set_result(arg, TEEC_ERROR_OUT_OF_MEMORY);
		return;
	}
	call_ctx->page_list = pl;
	arg->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT |
			      OPTEE_MSG_ATTR_NONCONTIG;
	arg->params[0].u.tmem = (struct optee_msg_param_tmem){
		pl->paddr, shm->size, cookie };
	rpc_set_result(arg, TEEC_SUCCESS);
}

/* APPL memory comes from the supplicant, in the supplicant's context. */
static struct tee_shm *supp_shm_alloc(struct tee_context *ctx,
				      struct optee *optee, size_t size)
{
	struct tee_param param = {
		.attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT,
		.u.value = { OPTEE_RPC_SHM_TYPE_APPL, size, 0 },
	};
	struct tee_context *supp_ctx;
	struct tee_shm *shm = NULL;

	if (optee_supp_thrd_req(ctx, OPTEE_RPC_CMD_SHM_ALLOC, 1, &param))
		return NULL;
	pthread_mutex_lock(&optee->supp.mutex);
	supp_ctx = optee->supp.ctx;
	if (supp_ctx && param.u.value.c <= INT32_MAX)
		shm = tee_shm_get_from_id(supp_ctx, (int)param.u.value.c);
	pthread_mutex_unlock(&optee->supp.mutex);
	if (shm && shm->size < size) {
		tee_shm_put(shm);
		shm = NULL;
	}
	return shm;
}

static void rpc_shm_alloc(struct tee_context *ctx, struct optee *optee,
			  struct optee_msg_arg *arg,
			  struct optee_rpc_call_ctx *call_ctx)
{
	struct optee_msg_param_value *v = &arg->params[0].u.value;
	struct tee_shm *shm;

	if (arg->num_params != 1 ||
	    arg->params[0].attr != OPTEE_MSG_ATTR_TYPE_VALUE_INPUT ||
	    !v->b || v->b > (1ull << 31)) {
		rpc_set_result(arg, TEEC_ERROR_BAD_PARAMETERS);
		return;
	}
	optee_rpc_finalize_call(call_ctx);	/* the last answer's list */
	switch (v->a) {
	case OPTEE_RPC_SHM_TYPE_APPL:
		shm = supp_shm_alloc(ctx, optee, v->b);
		break;
	case OPTEE_RPC_SHM_TYPE_KERNEL:
		shm = tee_shm_alloc_priv_buf(optee->ctx, v->b);
		break;
	default:
		rpc_set_result(arg, TEEC_ERROR_BAD_PARAMETERS);
		return;
	}
	if (!shm) {
		rpc_set_result(arg, TEEC_ERROR_OUT_OF_MEMORY);
		return;
	}
	rpc_return_shm(optee, arg, shm, call_ctx);
	if (arg->ret != TEEC_SUCCESS)
		tee_shm_put(shm);
}

static void rpc_shm_free(struct tee_context *ctx, struct optee *optee,
			 struct optee_msg_arg *arg)
{
	struct optee_msg_param_value *v = &arg->params[0].u.value;
	struct tee_shm *shm;

	if (arg->num_params != 1 ||
	    arg->params[0].attr != OPTEE_MSG_ATTR_TYPE_VALUE_INPUT) {
		rpc_set_result(arg, TEEC_ERROR_BAD_PARAMETERS);
		return;
	}
	shm = optee_cookie_remove(&optee->cookies, v->b);
	if (!shm) {
		rpc_set_result(arg, TEEC_ERROR_BAD_PARAMETERS);
		return;
	}
	if (v->a == OPTEE_RPC_SHM_TYPE_APPL) {
		struct tee_param param = {
			.attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT,
			.u.value = { OPTEE_RPC_SHM_TYPE_APPL,
				     (uint64_t)shm->id, 0 },
		};

		optee_supp_thrd_req(ctx, OPTEE_RPC_CMD_SHM_FREE, 1, &param);
	}
	tee_shm_put(shm);
	rpc_set_result(arg, TEEC_SUCCESS);
}

/* A memref of an RPC: a shm the secure world got from SHM_ALLOC. */
static int rpc_memref_from_msg(struct optee *optee, struct tee_param *p,
			       const struct optee_msg_param *mp)
{
	uint32_t type = mp->attr & OPTEE_MSG_ATTR_TYPE_MASK;
	struct tee_shm *shm;
	uint64_t offs, end;

	p->attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT +
		  (type >= OPTEE_MSG_ATTR_TYPE_TMEM_INPUT ?
		   type - OPTEE_MSG_ATTR_TYPE_TMEM_INPUT :
		   type - OPTEE_MSG_ATTR_TYPE_RMEM_INPUT);
	if (!mp->u.tmem.shm_ref) {
		p->u.memref = (struct tee_param_memref){ 0, mp->u.tmem.size,
							 NULL };
		return 0;
	}
	shm = optee_cookie_lookup(&optee->cookies, mp->u.tmem.shm_ref);
	if (!shm)
		return -EINVAL;
	if (type >= OPTEE_MSG_ATTR_TYPE_TMEM_INPUT) {
		if (mp->u.tmem.buf_ptr < shm->paddr)
			return -EINVAL;
		offs = mp->u.tmem.buf_ptr - shm->paddr;
	} else {
		offs = mp->u.rmem.offs;
	}
	if (__builtin_add_overflow(offs, mp->u.tmem.size, &end) ||
	    end > shm->size)
		return -EINVAL;
	p->u.memref = (struct tee_param_memref){ offs, mp->u.tmem.size, shm };
	return 0;
}

static int rpc_params_from_msg(struct optee *optee, struct tee_param *params,
			       const struct optee_msg_param *mp, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t type = mp[i].attr & OPTEE_MSG_ATTR_TYPE_MASK;

		switch (type) {
		case OPTEE_MSG_ATTR_TYPE_NONE:
			params[i].attr = TEE_IOCTL_PARAM_ATTR_TYPE_NONE;
			break;
		case OPTEE_MSG_ATTR_TYPE_VALUE_INPUT:
		case OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT:
		case OPTEE_MSG_ATTR_TYPE_VALUE_INOUT:
			params[i].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT +
				type - OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
			params[i].u.value = (struct tee_param_value){
				mp[i].u.value.a, mp[i].u.value.b,
				mp[i].u.value.c };
			break;
		case OPTEE_MSG_ATTR_TYPE_RMEM_INPUT:
		case OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT:
		case OPTEE_MSG_ATTR_TYPE_RMEM_INOUT:
		case OPTEE_MSG_ATTR_TYPE_TMEM_INPUT:
		case OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT:
		case OPTEE_MSG_ATTR_TYPE_TMEM_INOUT:
			if (rpc_memref_from_msg(optee, &params[i], &mp[i]))
				return -EINVAL;
			break;
		default:
			return -EINVAL;
		}
	}
	return 0;
}

/* Back to the message: output values and output memref sizes. */
static void rpc_params_to_msg(struct optee_msg_param *mp,
			      const struct tee_param *params, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (params[i].attr) {
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT:
			mp[i].u.value = (struct optee_msg_param_value){
				params[i].u.value.a, params[i].u.value.b,
				params[i].u.value.c };
			break;
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
			mp[i].u.tmem.size = params[i].u.memref.size;
			break;
		default:
			break;
		}
	}
}

static void rpc_supp_cmd(struct tee_context *ctx, struct optee *optee,
			 struct optee_msg_arg *arg)
{
	struct tee_param params[RPC_MAX_PARAMS];

	if (rpc_params_from_msg(optee, params, arg->params, arg->num_params)) {
		rpc_set_result(arg, TEEC_ERROR_BAD_PARAMETERS);
		return;
	}
	arg->ret = optee_supp_thrd_req(ctx, arg->cmd, arg->num_params, params);
	arg->ret_origin = TEEC_ORIGIN_COMMS;
	rpc_params_to_msg(arg->params, params, arg->num_params);
}

void optee_rpc_cmd(struct tee_context *ctx, struct optee *optee,
		   struct optee_msg_arg *arg, size_t arg_size,
		   struct optee_rpc_call_ctx *call_ctx)
{
	/* the arg is the secure world's buffer: bound it before use */
	if (arg_size < sizeof(*arg) || arg->num_params > RPC_MAX_PARAMS ||
	    OPTEE_MSG_GET_ARG_SIZE(arg->num_params) > arg_size) {
		if (arg_size >= sizeof(*arg))
			rpc_set_result(arg, TEEC_ERROR_BAD_PARAMETERS);
		return;
	}
	switch (arg->cmd) {
	case OPTEE_RPC_CMD_GET_TIME:
		rpc_get_time(arg);
		break;
	case OPTEE_RPC_CMD_SUSPEND:
		rpc_suspend(arg);
		break;
	case OPTEE_RPC_CMD_SHM_ALLOC:
		rpc_shm_alloc(ctx, optee, arg, call_ctx);
		break;
	case OPTEE_RPC_CMD_SHM_FREE:
		rpc_shm_free(ctx, optee, arg);
		break;
	case OPTEE_RPC_CMD_I2C_TRANSFER:
	case OPTEE_RPC_CMD_NOTIFICATION:
		/* no I2C buses; secure threads never wait on each other here */
		rpc_set_result(arg, TEEC_ERROR_NOT_SUPPORTED);
		break;
	default:
		rpc_supp_cmd(ctx, optee, arg);
		break;
	}
}

void optee_rpc_finalize_call(struct optee_rpc_call_ctx *call_ctx)
{
	if (call_ctx->page_list)
		tee_shm_free(call_ctx->page_list);
	call_ctx->page_list = NULL;
}
