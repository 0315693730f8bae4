// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP v1.1 twins (__GP11_*) of the asymmetric and key derivation
 * functions: __GP11_TEE_Attribute parameters and 32-bit lengths,
 * converted for the v1.3 functions (op_asym.c, op_derive.c).
 */
#include <stdlib.h>
#include <tee_internal_api.h>

#include "gp11_len.h"

/* The v1.3 form of count v1.1 attributes (NULL for none); panics as
 * GP's [in] array rule, or when out of memory. */
static TEE_Attribute *from_gp11(const __GP11_TEE_Attribute *in,
				uint32_t count)
{
	TEE_Attribute *out;

	if (!count)
		return NULL;
	if (!in)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	out = calloc(count, sizeof(*out));
	if (!out)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	for (uint32_t i = 0; i < count; i++) {
		out[i].attributeID = in[i].attributeID;
		if (in[i].attributeID & TEE_ATTR_FLAG_VALUE) {
			out[i].content.value.a = in[i].content.value.a;
			out[i].content.value.b = in[i].content.value.b;
		} else {
			out[i].content.ref.buffer = in[i].content.ref.buffer;
			out[i].content.ref.length = in[i].content.ref.length;
		}
	}
	return out;
}

typedef TEE_Result (*asym_fn)(TEE_OperationHandle, const TEE_Attribute *,
			      uint32_t, const void *, size_t, void *,
			      size_t *);

/* Encrypt, decrypt, sign: one input, one output */
static TEE_Result twin(asym_fn fn, TEE_OperationHandle op,
		       const __GP11_TEE_Attribute *params, uint32_t count,
		       const void *src, uint32_t src_len, void *dst,
		       uint32_t *dst_len)
{
	TEE_Attribute *attrs = from_gp11(params, count);
	size_t len = ta_gp11_len_in(dst_len);
	TEE_Result res = fn(op, attrs, count, src, src_len, dst, &len);

	free(attrs);
	/* outputs are at most a few kilobytes (an RSA block, SM2's
	 * message plus 97) for a v1.1 TA's 32-bit input */
	*dst_len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
	return res;
}

TEE_Result __GP11_TEE_AsymmetricEncrypt(TEE_OperationHandle operation,
					const __GP11_TEE_Attribute *params,
					uint32_t paramCount,
					const void *srcData, uint32_t srcLen,
					void *destData, uint32_t *destLen)
{
	return twin(TEE_AsymmetricEncrypt, operation, params, paramCount,
		    srcData, srcLen, destData, destLen);
}

TEE_Result __GP11_TEE_AsymmetricDecrypt(TEE_OperationHandle operation,
					const __GP11_TEE_Attribute *params,
					uint32_t paramCount,
					const void *srcData, uint32_t srcLen,
					void *destData, uint32_t *destLen)
{
	return twin(TEE_AsymmetricDecrypt, operation, params, paramCount,
		    srcData, srcLen, destData, destLen);
}

TEE_Result __GP11_TEE_AsymmetricSignDigest(TEE_OperationHandle operation,
					   const __GP11_TEE_Attribute *params,
					   uint32_t paramCount,
					   const void *digest,
					   uint32_t digestLen, void *signature,
					   uint32_t *signatureLen)
{
	return twin(TEE_AsymmetricSignDigest, operation, params, paramCount,
		    digest, digestLen, signature, signatureLen);
}

TEE_Result __GP11_TEE_AsymmetricVerifyDigest(TEE_OperationHandle operation,
					     const __GP11_TEE_Attribute *params,
					     uint32_t paramCount,
					     const void *digest,
					     uint32_t digestLen,
					     const void *signature,
					     uint32_t signatureLen)
{
	TEE_Attribute *attrs = from_gp11(params, paramCount);
	TEE_Result res = TEE_AsymmetricVerifyDigest(operation, attrs,
						    paramCount, digest,
						    digestLen, signature,
						    signatureLen);

	free(attrs);
	return res;
}

void __GP11_TEE_DeriveKey(TEE_OperationHandle operation,
			  const __GP11_TEE_Attribute *params,
			  uint32_t paramCount, TEE_ObjectHandle derivedKey)
{
	TEE_Attribute *attrs = from_gp11(params, paramCount);

	TEE_DeriveKey(operation, attrs, paramCount, derivedKey);
	free(attrs);
}
