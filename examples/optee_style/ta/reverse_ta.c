// SPDX-License-Identifier: BSD-2-Clause
/*
 * The reverse TA, written as for OP-TEE in GP v1.1 style: its Makefile
 * sets CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y, so TEE_Param memref sizes and
 * the length argument of TEE_GetPropertyAsString() are uint32_t.
 */
#include <inttypes.h>

#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <reverse_ta.h>

#define ONE_MEMREF(type) \
	TEE_PARAM_TYPES((type), TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE, \
			TEE_PARAM_TYPE_NONE)

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

/* Sessions carry no state and take no parameters. */
TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
				    TEE_Param __maybe_unused params[4],
				    void __maybe_unused **sess_ctx)
{
	if (param_types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_NONE,
					   TEE_PARAM_TYPE_NONE,
					   TEE_PARAM_TYPE_NONE,
					   TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void __maybe_unused *sess_ctx)
{
}

static TEE_Result reverse(uint32_t param_types, TEE_Param params[4])
{
	char *buf = params[0].memref.buffer;
	uint32_t n = params[0].memref.size;	/* 32 bits in GP v1.1 */
	uint32_t i;

	if (param_types != ONE_MEMREF(TEE_PARAM_TYPE_MEMREF_INOUT))
		return TEE_ERROR_BAD_PARAMETERS;

	for (i = 0; i < n / 2; i++) {
		char c = buf[i];

		buf[i] = buf[n - 1 - i];
		buf[n - 1 - i] = c;
	}
	DMSG("reversed %" PRIu32 " bytes", n);
	return TEE_SUCCESS;
}

static TEE_Result describe(uint32_t param_types, TEE_Param params[4])
{
	uint32_t len = params[0].memref.size;
	TEE_Result res;

	if (param_types != ONE_MEMREF(TEE_PARAM_TYPE_MEMREF_OUTPUT))
		return TEE_ERROR_BAD_PARAMETERS;

	/* Written by the dev kit from TA_DESCRIPTION; &len is a uint32_t *
	 * only in v1.1 mode, so this line also proves the mode is on. */
	res = TEE_GetPropertyAsString(TEE_PROPSET_CURRENT_TA,
				      "gpd.ta.description",
				      params[0].memref.buffer, &len);
	/* The size written, or on TEE_ERROR_SHORT_BUFFER the size needed */
	params[0].memref.size = len;
	return res;
}

TEE_Result TA_InvokeCommandEntryPoint(void __maybe_unused *sess_ctx,
				      uint32_t cmd_id, uint32_t param_types,
				      TEE_Param params[4])
{
	switch (cmd_id) {
	case TA_REVERSE_CMD_REVERSE:
		return reverse(param_types, params);
	case TA_REVERSE_CMD_DESCRIBE:
		return describe(param_types, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
