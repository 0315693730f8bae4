// SPDX-License-Identifier: BSD-2-Clause
/*
 * Which request is served by what.  The table is the whole list of the
 * supplicant's services; a request for anything else (sockets,
 * ...) is answered NOT_SUPPORTED, as the secure world expects
 * of a supplicant built without that service.
 */
#include "supp.h"
#include "vtee/optee_rpc_cmd.h"

struct supp_service {
	uint32_t func;
	const char *name;
	supp_service_fn serve;
};

static const struct supp_service services[] = {
	{ OPTEE_RPC_CMD_LOAD_TA, "LOAD_TA", supp_ta_load },
	{ OPTEE_RPC_CMD_FS, "FS", supp_ree_fs },
	{ OPTEE_RPC_CMD_RPMB, "RPMB", supp_rpmb_serve },
	{ OPTEE_RPC_CMD_SHM_ALLOC, "SHM_ALLOC", supp_shm_alloc },
	{ OPTEE_RPC_CMD_SHM_FREE, "SHM_FREE", supp_shm_free },
	{ OPTEE_RPC_CMD_SUPP_PLUGIN, "PLUGIN", supp_plugin_invoke },
};

uint32_t supp_dispatch(struct supp *s, uint32_t func,
		       struct tee_ioctl_param *p, size_t n)
{
	const struct supp_service *svc;
	uint32_t res;

	for (svc = services; svc < services + sizeof(services) /
				   sizeof(services[0]); svc++) {
		if (svc->func != func)
			continue;
		res = svc->serve(s, p, n);
		supp_log(SUPP_LOG_DEBUG, "%s: 0x%08x", svc->name, res);
		return res;
	}
	supp_log(SUPP_LOG_DEBUG, "request %u: not supported", func);
	return SUPP_RES_NOT_SUPPORTED;
}
