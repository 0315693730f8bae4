// SPDX-License-Identifier: BSD-2-Clause
/*
 * The probe TA: checks at compile time the flags the dev kit gives it.
 * features.sh passes -DPROBE_COMPAT=0/1 with the matching
 * CFG_TA_OPTEE_CORE_API_COMPAT_1_1, and -DPROBE_WARN=1 to see a warning
 * fail the build.
 */
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <probe_ta.h>

#if !PROBE_PER_FILE
#error "cflags-probe_ta.c-y did not reach probe_ta.c"
#endif
#ifdef PROBE_LIB
#error "cppflags-y of lib/sub.mk reached the top directory"
#endif
#if CFG_PROBE_VALUE != 7
#error "CFG_ variables of the Makefile do not reach the sources"
#endif
#ifdef CFG_PROBE_OFF
#error "a CFG_ variable set to n reached the sources"
#endif
#if __OPTEE_CORE_API_COMPAT_1_1 != PROBE_COMPAT
#error "CFG_TA_OPTEE_CORE_API_COMPAT_1_1 not honoured"
#endif

#if PROBE_WARN
static int probe_unused;
#endif

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t __unused param_types,
				    TEE_Param __unused params[4],
				    void __unused **sess_ctx)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void __unused *sess_ctx)
{
}

TEE_Result TA_InvokeCommandEntryPoint(void __unused *sess_ctx,
				      uint32_t __unused cmd_id,
				      uint32_t __unused param_types,
				      TEE_Param params[4])
{
	params[0].value.a = probe_scale(params[0].value.a);
	return TEE_SUCCESS;
}
