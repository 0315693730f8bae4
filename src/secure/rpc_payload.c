// SPDX-License-Identifier: BSD-2-Clause
/* The payload buffer a secure thread keeps between RPCs (rpc.h). */
#include "rpc.h"
#include "tee_api_defines.h"
#include "vtee/optee_rpc_cmd.h"

uint32_t sw_rpc_payload(struct sw_thread *thr, uint64_t size,
			const struct sw_rpc_shm **shm)
{
	struct sw_rpc_shm *kept = sw_thread_payload(thr);
	uint32_t res = TEE_SUCCESS;

	if (kept->cookie && kept->size < size)
		sw_rpc_shm_free(thr, kept);
	if (!kept->cookie)
		res = sw_rpc_shm_alloc(thr, OPTEE_RPC_SHM_TYPE_APPL, size,
				       kept);
	*shm = kept;
	return res;
}

void sw_rpc_payload_drop(struct sw_thread *thr)
{
	struct sw_rpc_shm *kept = sw_thread_payload(thr);

	if (kept->cookie)
		sw_rpc_shm_free(thr, kept);
}
