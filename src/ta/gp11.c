// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP v1.1 twins (__GP11_*) of this runtime's functions, for TAs built
 * in v1.1 mode (tee_api_compat.h): 32-bit lengths and __GP11_TEE_Param.
 */
#include <tee_internal_api.h>

#include "params.h"

/* Values as they are; memref sizes must fit in 32 bits. */
static TEE_Result to_gp11(uint32_t types, const TEE_Param *p,
			  __GP11_TEE_Param *p11)
{
	for (unsigned int n = 0; n < TEE_NUM_PARAMS; n++) {
		if (!ta_param_is_memref(types, n)) {
			p11[n].value.a = p[n].value.a;
			p11[n].value.b = p[n].value.b;
			continue;
		}
		if (p[n].memref.size > UINT32_MAX)
			return TEE_ERROR_BAD_PARAMETERS;
		p11[n].memref.buffer = p[n].memref.buffer;
		p11[n].memref.size = (uint32_t)p[n].memref.size;
	}
	return TEE_SUCCESS;
}

static void from_gp11(uint32_t types, const __GP11_TEE_Param *p11,
		      TEE_Param *p)
{
	for (unsigned int n = 0; n < TEE_NUM_PARAMS; n++) {
		if (!ta_param_is_memref(types, n)) {
			p[n].value.a = p11[n].value.a;
			p[n].value.b = p11[n].value.b;
			continue;
		}
		p[n].memref.buffer = p11[n].memref.buffer;
		p[n].memref.size = p11[n].memref.size;
	}
}

TEE_Result __ta_open_sess(uint32_t pt, TEE_Param params[TEE_NUM_PARAMS],
			  void **sess_ctx,
			  TEE_Result (*fp)(uint32_t,
					   __GP11_TEE_Param[TEE_NUM_PARAMS],
					   void **))
{
	__GP11_TEE_Param p11[TEE_NUM_PARAMS] = { 0 };
	TEE_Result res = to_gp11(pt, params, p11);

	if (res != TEE_SUCCESS)
		return res;
	res = fp(pt, p11, sess_ctx);
	from_gp11(pt, p11, params);
	return res;
}

TEE_Result __ta_invoke_cmd(void *sess_ctx, uint32_t cmd_id, uint32_t pt,
			   TEE_Param params[TEE_NUM_PARAMS],
			   TEE_Result (*fp)(void *, uint32_t, uint32_t,
					    __GP11_TEE_Param[TEE_NUM_PARAMS]))
{
	__GP11_TEE_Param p11[TEE_NUM_PARAMS] = { 0 };
	TEE_Result res = to_gp11(pt, params, p11);

	if (res != TEE_SUCCESS)
		return res;
	res = fp(sess_ctx, cmd_id, pt, p11);
	from_gp11(pt, p11, params);
	return res;
}

TEE_Result __GP11_TEE_OpenTASession(const TEE_UUID *destination,
				    uint32_t cancellationRequestTimeout,
				    uint32_t paramTypes,
				    __GP11_TEE_Param params[TEE_NUM_PARAMS],
				    TEE_TASessionHandle *session,
				    uint32_t *returnOrigin)
{
	TEE_Param p[TEE_NUM_PARAMS] = { 0 };
	TEE_Result res;

	if (!params)
		return TEE_OpenTASession(destination,
					 cancellationRequestTimeout,
					 paramTypes, NULL, session,
					 returnOrigin);
	from_gp11(paramTypes, params, p);
	res = TEE_OpenTASession(destination, cancellationRequestTimeout,
				paramTypes, p, session, returnOrigin);
	to_gp11(paramTypes, p, params);
	return res;
}

TEE_Result __GP11_TEE_InvokeTACommand(TEE_TASessionHandle session,
				      uint32_t cancellationRequestTimeout,
				      uint32_t commandID, uint32_t paramTypes,
				      __GP11_TEE_Param params[TEE_NUM_PARAMS],
				      uint32_t *returnOrigin)
{
	TEE_Param p[TEE_NUM_PARAMS] = { 0 };
	TEE_Result res;

	if (!params)
		return TEE_InvokeTACommand(session, cancellationRequestTimeout,
					   commandID, paramTypes, NULL,
					   returnOrigin);
	from_gp11(paramTypes, params, p);
	res = TEE_InvokeTACommand(session, cancellationRequestTimeout,
				  commandID, paramTypes, p, returnOrigin);
	to_gp11(paramTypes, p, params);
	return res;
}

TEE_Result __GP11_TEE_GetPropertyAsString(TEE_PropSetHandle propsetOrEnumerator,
					  const char *name, char *valueBuffer,
					  uint32_t *valueBufferLen)
{
	size_t len = *valueBufferLen;
	TEE_Result res = TEE_GetPropertyAsString(propsetOrEnumerator, name,
						 valueBuffer, &len);

	*valueBufferLen = (uint32_t)len;
	return res;
}

TEE_Result
__GP11_TEE_GetPropertyAsBinaryBlock(TEE_PropSetHandle propsetOrEnumerator,
				    const char *name, void *valueBuffer,
				    uint32_t *valueBufferLen)
{
	size_t len = *valueBufferLen;
	TEE_Result res = TEE_GetPropertyAsBinaryBlock(propsetOrEnumerator, name,
						      valueBuffer, &len);

	*valueBufferLen = (uint32_t)len;
	return res;
}

TEE_Result __GP11_TEE_GetPropertyName(TEE_PropSetHandle enumerator,
				      void *nameBuffer, uint32_t *nameBufferLen)
{
	size_t len = *nameBufferLen;
	TEE_Result res = TEE_GetPropertyName(enumerator, nameBuffer, &len);

	*nameBufferLen = (uint32_t)len;
	return res;
}

TEE_Result __GP11_TEE_CheckMemoryAccessRights(uint32_t accessFlags,
					      void *buffer, uint32_t size)
{
	return TEE_CheckMemoryAccessRights(accessFlags, buffer, size);
}

void *__GP11_TEE_Malloc(uint32_t size, uint32_t hint)
{
	return TEE_Malloc(size, hint);
}

void *__GP11_TEE_Realloc(void *buffer, uint32_t newSize)
{
	return TEE_Realloc(buffer, newSize);
}

void __GP11_TEE_MemMove(void *dest, const void *src, uint32_t size)
{
	TEE_MemMove(dest, src, size);
}

int32_t __GP11_TEE_MemCompare(const void *buffer1, const void *buffer2,
			      uint32_t size)
{
	return TEE_MemCompare(buffer1, buffer2, size);
}

void __GP11_TEE_MemFill(void *buff, uint32_t x, uint32_t size)
{
	TEE_MemFill(buff, x, size);
}

void __GP11_TEE_GenerateRandom(void *randomBuffer, uint32_t randomBufferLen)
{
	TEE_GenerateRandom(randomBuffer, randomBufferLen);
}
