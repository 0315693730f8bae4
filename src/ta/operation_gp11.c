// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP v1.1 twins (__GP11_*) of the operation functions, for TAs built
 * in v1.1 mode (tee_api_compat.h): 32-bit lengths, and the few rules
 * v1.1 had otherwise (freeing TEE_HANDLE_NULL panics; AAD may follow
 * payload).  TEE_SetOperationKey/2's twins are in operation_key.c.
 */
#include <tee_internal_api.h>

#include "gp11_len.h"
#include "op_sym.h"

void __GP11_TEE_FreeOperation(TEE_OperationHandle operation)
{
	if (operation == TEE_HANDLE_NULL)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	TEE_FreeOperation(operation);
}

TEE_Result
__GP11_TEE_GetOperationInfoMultiple(TEE_OperationHandle operation,
				    TEE_OperationInfoMultiple *info,
				    uint32_t *operationSize)
{
	size_t len = ta_gp11_len_in(operationSize);
	TEE_Result res = TEE_GetOperationInfoMultiple(operation, info, &len);

	ta_gp11_len_out(operationSize, len);
	return res;
}

void __GP11_TEE_DigestUpdate(TEE_OperationHandle operation, const void *chunk,
			     uint32_t chunkSize)
{
	TEE_DigestUpdate(operation, chunk, chunkSize);
}

TEE_Result __GP11_TEE_DigestDoFinal(TEE_OperationHandle operation,
				    const void *chunk, uint32_t chunkLen,
				    void *hash, uint32_t *hashLen)
{
	size_t len = ta_gp11_len_in(hashLen);
	TEE_Result res = TEE_DigestDoFinal(operation, chunk, chunkLen, hash,
					   &len);

	ta_gp11_len_out(hashLen, len);
	return res;
}

void __GP11_TEE_CipherInit(TEE_OperationHandle operation, const void *IV,
			   uint32_t IVLen)
{
	TEE_CipherInit(operation, IV, IVLen);
}

TEE_Result __GP11_TEE_CipherUpdate(TEE_OperationHandle operation,
				   const void *srcData, uint32_t srcLen,
				   void *destData, uint32_t *destLen)
{
	size_t len = ta_gp11_len_in(destLen);
	TEE_Result res = TEE_CipherUpdate(operation, srcData, srcLen,
					  destData, &len);

	ta_gp11_len_out(destLen, len);
	return res;
}

TEE_Result __GP11_TEE_CipherDoFinal(TEE_OperationHandle operation,
				    const void *srcData, uint32_t srcLen,
				    void *destData, uint32_t *destLen)
{
	size_t len = destLen ? *destLen : 0;
	TEE_Result res = TEE_CipherDoFinal(operation, srcData, srcLen,
					   destData, destLen ? &len : NULL);

	if (destLen)
		ta_gp11_len_out(destLen, len);
	return res;
}

void __GP11_TEE_MACInit(TEE_OperationHandle operation, const void *IV,
			uint32_t IVLen)
{
	TEE_MACInit(operation, IV, IVLen);
}

void __GP11_TEE_MACUpdate(TEE_OperationHandle operation, const void *chunk,
			  uint32_t chunkSize)
{
	TEE_MACUpdate(operation, chunk, chunkSize);
}

TEE_Result __GP11_TEE_MACComputeFinal(TEE_OperationHandle operation,
				      const void *message, uint32_t messageLen,
				      void *mac, uint32_t *macLen)
{
	size_t len = ta_gp11_len_in(macLen);
	TEE_Result res = TEE_MACComputeFinal(operation, message, messageLen,
					     mac, &len);

	ta_gp11_len_out(macLen, len);
	return res;
}

TEE_Result __GP11_TEE_MACCompareFinal(TEE_OperationHandle operation,
				      const void *message, uint32_t messageLen,
				      const void *mac, uint32_t macLen)
{
	return TEE_MACCompareFinal(operation, message, messageLen, mac, macLen);
}

TEE_Result __GP11_TEE_AEInit(TEE_OperationHandle operation, const void *nonce,
			     uint32_t nonceLen, uint32_t tagLen,
			     uint32_t AADLen, uint32_t payloadLen)
{
	return TEE_AEInit(operation, nonce, nonceLen, tagLen, AADLen,
			  payloadLen);
}

void __GP11_TEE_AEUpdateAAD(TEE_OperationHandle operation, const void *AADdata,
			    uint32_t AADdataLen)
{
	ta_ae_update_aad_gp11(operation, AADdata, AADdataLen);
}

TEE_Result __GP11_TEE_AEUpdate(TEE_OperationHandle operation,
			       const void *srcData, uint32_t srcLen,
			       void *destData, uint32_t *destLen)
{
	size_t len = ta_gp11_len_in(destLen);
	TEE_Result res = TEE_AEUpdate(operation, srcData, srcLen, destData,
				      &len);

	ta_gp11_len_out(destLen, len);
	return res;
}

TEE_Result __GP11_TEE_AEEncryptFinal(TEE_OperationHandle operation,
				     const void *srcData, uint32_t srcLen,
				     void *destData, uint32_t *destLen,
				     void *tag, uint32_t *tagLen)
{
	size_t dlen = ta_gp11_len_in(destLen), tlen = ta_gp11_len_in(tagLen);
	TEE_Result res = TEE_AEEncryptFinal(operation, srcData, srcLen,
					    destData, &dlen, tag, &tlen);

	ta_gp11_len_out(destLen, dlen);
	ta_gp11_len_out(tagLen, tlen);
	return res;
}

TEE_Result __GP11_TEE_AEDecryptFinal(TEE_OperationHandle operation,
				     const void *srcData, uint32_t srcLen,
				     void *destData, uint32_t *destLen,
				     void *tag, uint32_t tagLen)
{
	size_t len = ta_gp11_len_in(destLen);
	TEE_Result res = TEE_AEDecryptFinal(operation, srcData, srcLen,
					    destData, &len, tag, tagLen);

	ta_gp11_len_out(destLen, len);
	return res;
}
