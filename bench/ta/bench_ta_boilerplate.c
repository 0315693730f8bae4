// SPDX-License-Identifier: BSD-2-Clause
/*
 * The entry points that do nothing for the bench TAs
 * (include/bench_ta_boilerplate.h): no instance set-up, no session
 * context.
 */
#include <tee_internal_api.h>

#include <bench_ta_boilerplate.h>

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types __unused,
				    TEE_Param params[4] __unused,
				    void **sess_ctx __unused)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx __unused)
{
}
