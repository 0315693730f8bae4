// SPDX-License-Identifier: BSD-2-Clause
#include "rpc.h"

#include <stdlib.h>
#include <string.h>

#include "mobj.h"
#include "ns_ram.h"
#include "sw_private.h"
#include "tee_api_defines.h"
#include "vtee/optee_rpc_cmd.h"

#define RPC_ARG_SIZE OPTEE_MSG_GET_ARG_SIZE(SW_RPC_ARG_PARAMS)

/* Each thread asks once for its RPC buffer (RPC ALLOC) and keeps it. */
static bool rpc_arg_ready(struct sw_thread *thr)
{
	struct smc_regs regs = { .a0 = OPTEE_SMC_RETURN_RPC_ALLOC,
				 .a1 = RPC_ARG_SIZE };
	uint64_t pa;

	if (thr->rpc_arg)
		return true;
	sw_thread_rpc(thr, &regs);
	pa = reg_pair_to_64(regs.a1, regs.a2);
	thr->rpc_arg = pa ? ns_ram_va(thr->sw->ram, pa, RPC_ARG_SIZE) : NULL;
	if (!thr->rpc_arg)
		return false;
	thr->rpc_arg_pa = pa;
	thr->rpc_arg_cookie = reg_pair_to_64(regs.a4, regs.a5);
	return true;
}

/* Without the shm cache a thread gives its buffer back after each use. */
static void rpc_arg_release(struct sw_thread *thr)
{
	struct smc_regs regs = { .a0 = OPTEE_SMC_RETURN_RPC_FREE };

	if (!thr->rpc_arg || sw_threads_cache_enabled(thr->sw))
		return;
	reg_pair_from_64(thr->rpc_arg_cookie, &regs.a1, &regs.a2);
	thr->rpc_arg = NULL;
	sw_thread_rpc(thr, &regs);
}

uint32_t sw_rpc_cmd(struct sw_thread *thr, uint32_t cmd, size_t n,
		    struct optee_msg_param *params)
{
	struct optee_msg_arg *ns;
	struct smc_regs regs = { .a0 = OPTEE_SMC_RETURN_RPC_CMD };
	uint32_t ret;

	if (n > SW_RPC_ARG_PARAMS || !rpc_arg_ready(thr))
		return TEE_ERROR_COMMUNICATION;
	ns = thr->rpc_arg;
	memset(ns, 0, RPC_ARG_SIZE);
	ns->cmd = cmd;
	ns->num_params = (uint32_t)n;
	memcpy(ns->params, params, n * sizeof(*params));
	reg_pair_from_64(thr->rpc_arg_cookie, &regs.a1, &regs.a2);
	sw_thread_rpc(thr, &regs);
	/* the answer is normal-world memory: read it once */
	ret = __atomic_load_n(&ns->ret, __ATOMIC_RELAXED);
	memcpy(params, ns->params, n * sizeof(*params));
	rpc_arg_release(thr);
	return ret;
}

uint32_t sw_rpc_get_time(struct sw_thread *thr, uint64_t *sec,
			 uint32_t *nsec)
{
	struct optee_msg_param p = { .attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT };
	uint32_t res = sw_rpc_cmd(thr, OPTEE_RPC_CMD_GET_TIME, 1, &p);

	if (res)
		return res;
	if (p.u.value.b >= 1000000000u)
		return TEE_ERROR_COMMUNICATION;
	*sec = p.u.value.a;
	*nsec = (uint32_t)p.u.value.b;
	return TEE_SUCCESS;
}

uint32_t sw_rpc_shm_alloc(struct sw_thread *thr, uint32_t type,
			  uint64_t size, struct sw_rpc_shm *out)
{
	struct optee_msg_param p = {
		.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
		.u.value = { type, size, 0 },
	};
	uint32_t res = sw_rpc_cmd(thr, OPTEE_RPC_CMD_SHM_ALLOC, 1, &p);
	uint64_t list_pa = p.u.tmem.buf_ptr;

	*out = (struct sw_rpc_shm){ .type = type };
	if (res)
		return res;
	out->cookie = p.u.tmem.shm_ref;
	if (p.attr != (OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT |
		       OPTEE_MSG_ATTR_NONCONTIG) ||
	    p.u.tmem.size < size || list_pa % NS_RAM_PAGE_SIZE)
		goto bad;
	out->size = size;
	out->npages = (size + NS_RAM_PAGE_SIZE - 1) / NS_RAM_PAGE_SIZE;
	out->pages = calloc(out->npages, sizeof(*out->pages));
	if (!out->pages ||
	    mobj_read_page_list(thr->sw->ram, list_pa, out->npages,
				out->pages))
		goto bad;
	return TEE_SUCCESS;
bad:
	sw_rpc_shm_free(thr, out);
	return TEE_ERROR_COMMUNICATION;
}

void sw_rpc_shm_free(struct sw_thread *thr, struct sw_rpc_shm *shm)
{
	struct optee_msg_param p = {
		.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
		.u.value = { shm->type, shm->cookie, 0 },
	};

	if (shm->cookie)
		sw_rpc_cmd(thr, OPTEE_RPC_CMD_SHM_FREE, 1, &p);
	free(shm->pages);
	*shm = (struct sw_rpc_shm){ 0 };
}

void sw_rpc_shm_read(struct sw_thread *thr, const struct sw_rpc_shm *shm,
		     void *dst, uint64_t len)
{
	uint8_t *out = dst;

	for (size_t i = 0; len; i++) {
		uint64_t chunk = len < NS_RAM_PAGE_SIZE ? len :
							  NS_RAM_PAGE_SIZE;
		const void *src = ns_ram_va(thr->sw->ram, shm->pages[i], chunk);

		if (src)
			memcpy(out, src, chunk);
		else
			memset(out, 0, chunk);
		out += chunk;
		len -= chunk;
	}
}

void sw_rpc_shm_write(struct sw_thread *thr, const struct sw_rpc_shm *shm,
		      const void *src, uint64_t len)
{
	const uint8_t *in = src;

	for (size_t i = 0; len; i++) {
		uint64_t chunk = len < NS_RAM_PAGE_SIZE ? len :
							  NS_RAM_PAGE_SIZE;
		void *dst = ns_ram_va(thr->sw->ram, shm->pages[i], chunk);

		if (dst)
			memcpy(dst, in, chunk);
		in += chunk;
		len -= chunk;
	}
}
