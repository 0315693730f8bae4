// SPDX-License-Identifier: BSD-2-Clause
/*
 * The entry points that do nothing for the test TAs of ta_boilerplate.h;
 * built with each TA's own defines, so in GP v1.1 mode for its v1.1
 * build.
 */
#include <tee_internal_api.h>

#include "ta_boilerplate.h"

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types __unused,
				    TEE_Param params[4] __unused,
				    void **sess_ctx)
{
	*sess_ctx = NULL;
	return TEE_SUCCESS;
}
