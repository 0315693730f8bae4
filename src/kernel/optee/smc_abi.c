// SPDX-License-Identifier: BSD-2-Clause
/*
 * The SMC ABI: yielding calls with a message arg at a physical address,
 * the RPC loop (ALLOC, FREE, FOREIGN_INTR, CMD) and the thread-limit retry.
 */
#include <errno.h>
#include <string.h>

#include "ns_ram.h"
#include "optee_private.h"

static void smc(struct optee *optee, struct smc_regs *regs)
{
	optee->conduit.smc(optee->conduit.cookie, regs);
}

/* RPC ALLOC: memory for the secure world's own use (its RPC args). */
static void rpc_alloc(struct optee *optee, struct smc_regs *regs)
{
	struct tee_shm *shm = tee_shm_alloc_priv_buf(optee->ctx, regs->a1);
	uint64_t cookie = shm ? optee_cookie_add(&optee->cookies, shm) : 0;

	if (shm && !cookie) {
		tee_shm_free(shm);
		shm = NULL;
	}
	if (!shm) {
		regs->a1 = regs->a2 = regs->a4 = regs->a5 = 0;
		return;
	}
	reg_pair_from_64(shm->paddr, &regs->a1, &regs->a2);
	reg_pair_from_64(cookie, &regs->a4, &regs->a5);
}

static void rpc_free(struct optee *optee, struct smc_regs *regs)
{
	struct tee_shm *shm = optee_cookie_remove(&optee->cookies,
					reg_pair_to_64(regs->a1, regs->a2));

	if (shm)
		tee_shm_free(shm);
}

static void rpc_cmd(struct tee_context *ctx, struct optee *optee,
		    struct smc_regs *regs, struct optee_rpc_call_ctx *call_ctx)
{
	struct tee_shm *shm = optee_cookie_lookup(&optee->cookies,
					reg_pair_to_64(regs->a1, regs->a2));

	if (shm)
		optee_rpc_cmd(ctx, optee, shm->kaddr, shm->size, call_ctx);
}

static void handle_rpc(struct tee_context *ctx, struct optee *optee,
		       struct smc_regs *regs,
		       struct optee_rpc_call_ctx *call_ctx)
{
	switch (OPTEE_SMC_RPC_FUNC(regs->a0)) {
	case OPTEE_SMC_RPC_FUNC_ALLOC:
		rpc_alloc(optee, regs);
		break;
	case OPTEE_SMC_RPC_FUNC_FREE:
		rpc_free(optee, regs);
		break;
	case OPTEE_SMC_RPC_FUNC_FOREIGN_INTR:
		/* the "interrupt" was taken on the way out: nothing to do */
		break;
	case OPTEE_SMC_RPC_FUNC_CMD:
		rpc_cmd(ctx, optee, regs, call_ctx);
		break;
	default:
		break;
	}
	/* a3..a7 stay as the secure world left them: a3 names its thread */
	regs->a0 = OPTEE_SMC_CALL_RETURN_FROM_RPC;
}

int optee_do_call_with_arg(struct tee_context *ctx, struct tee_shm *arg_shm,
			   bool system_thread)
{
	struct optee *optee = optee_of(ctx);
	struct optee_rpc_call_ctx call_ctx = { .page_list = NULL };
	struct optee_call_waiter w;
	struct smc_regs regs = { .a0 = OPTEE_SMC_CALL_WITH_ARG };
	int rc;

	reg_pair_from_64(arg_shm->paddr, &regs.a1, &regs.a2);
	optee_cq_wait_init(&optee->cq, &w, system_thread);
	for (;;) {
		struct smc_regs res = regs;

		smc(optee, &res);
		if (res.a0 == OPTEE_SMC_RETURN_ETHREAD_LIMIT) {
			/* all secure threads busy: wait for a call to end */
			optee_cq_wait_for_completion(&optee->cq, &w);
		} else if (OPTEE_SMC_RETURN_IS_RPC(res.a0)) {
			regs = res;
			handle_rpc(ctx, optee, &regs, &call_ctx);
		} else {
			rc = res.a0 == OPTEE_SMC_RETURN_OK ? 0 : -1;
			break;
		}
	}
	optee_rpc_finalize_call(&call_ctx);
	optee_cq_wait_final(&optee->cq, &w);
	return rc;
}

/*
 * Registers shm's pages (NONCONTIG list) under a fresh cookie.  The
 * supplicant's memory is never a client memref (the secure world reaches
 * it through RPC TMEM params), so it is not registered: registering needs
 * a free secure thread, and the supplicant allocates while secure threads
 * wait on it in RPCs.
 */
int optee_shm_register(struct tee_context *ctx, struct tee_shm *shm)
{
	struct optee *optee = optee_of(ctx);
	struct tee_shm *arg_shm, *pl;
	struct optee_msg_arg *msg;
	uint64_t cookie;
	int rc = -1;

	if (ctx->teedev == optee->supp_teedev) {
		shm->flags &= ~TEE_SHM_DYNAMIC;
		return 0;
	}

	cookie = optee_cookie_add(&optee->cookies, shm);
	if (!cookie)
		return -ENOMEM;
	pl = optee_build_page_list(optee, shm);
	msg = pl ? optee_get_msg_arg(optee, 1, &arg_shm) : NULL;
	if (msg) {
		msg->cmd = OPTEE_MSG_CMD_REGISTER_SHM;
		msg->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT |
				      OPTEE_MSG_ATTR_NONCONTIG;
		msg->params[0].u.tmem = (struct optee_msg_param_tmem){
			pl->paddr, shm->size, cookie };
		if (!optee_do_call_with_arg(optee->ctx, arg_shm, false) &&
		    msg->ret == TEEC_SUCCESS)
			rc = 0;
		optee_free_msg_arg(optee, arg_shm);
	}
	if (pl)
		tee_shm_free(pl);
	if (rc) {
		optee_cookie_remove(&optee->cookies, cookie);
		return -ENOMEM;
	}
	shm->sec_world_id = cookie;
	return 0;
}

int optee_shm_unregister(struct tee_context *ctx, struct tee_shm *shm)
{
	struct optee *optee = optee_of(ctx);
	struct tee_shm *arg_shm;
	struct optee_msg_arg *msg = optee_get_msg_arg(optee, 1, &arg_shm);
	int rc = -1;

	if (msg) {
		msg->cmd = OPTEE_MSG_CMD_UNREGISTER_SHM;
		msg->params[0].attr = OPTEE_MSG_ATTR_TYPE_RMEM_INPUT;
		msg->params[0].u.rmem.shm_ref = shm->sec_world_id;
		if (!optee_do_call_with_arg(optee->ctx, arg_shm, false) &&
		    msg->ret == TEEC_SUCCESS)
			rc = 0;
		optee_free_msg_arg(optee, arg_shm);
	}
	optee_cookie_remove(&optee->cookies, shm->sec_world_id);
	return rc;
}
