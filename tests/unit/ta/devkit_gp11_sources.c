// SPDX-License-Identifier: BSD-2-Clause
/*
 * A build-time check of the dev kit headers, never run: code shaped like
 * OP-TEE's examples that were written against GP v1.1 (acipher, ecdh,
 * secure_storage, hotp) must compile unchanged in v1.1 mode, selected
 * either way (see CMakeLists.txt).  It is compiled, not linked: the
 * crypto and storage functions belong to other parts of the runtime.
 */
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

/* hotp names a helper after a libc function from <unistd.h>; the dev kit
 * headers must not declare it. */
static uint32_t truncate(uint8_t *hmac_result)
{
	int offset = hmac_result[19] & 0xf;

	return (uint32_t)(hmac_result[offset] & 0x7f) << 24 |
	       (uint32_t)hmac_result[offset + 1] << 16 |
	       (uint32_t)hmac_result[offset + 2] << 8 | hmac_result[offset + 3];
}

/* acipher: keySize, and uint32_t output lengths */
TEE_Result gp11_encrypt(TEE_ObjectHandle key, const void *in, uint32_t in_len,
			void *out, uint32_t *out_len);
TEE_Result gp11_encrypt(TEE_ObjectHandle key, const void *in, uint32_t in_len,
			void *out, uint32_t *out_len)
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_ObjectInfo info;
	TEE_Result res = TEE_GetObjectInfo1(key, &info);

	if (res)
		return res;
	res = TEE_AllocateOperation(&op, TEE_ALG_RSAES_PKCS1_V1_5,
				    TEE_MODE_ENCRYPT, info.keySize);
	if (!res)
		res = TEE_SetOperationKey(op, key);
	if (!res)
		res = TEE_AsymmetricEncrypt(op, NULL, 0, in, in_len, out,
					    out_len);
	TEE_FreeOperation(op);
	return res;
}

/* ecdh, secure_storage: uint32_t lengths, TEE_Attribute with them */
TEE_Result gp11_storage(TEE_ObjectHandle obj, void *buf, uint32_t size);
TEE_Result gp11_storage(TEE_ObjectHandle obj, void *buf, uint32_t size)
{
	TEE_Attribute attr;
	uint32_t read_bytes, attr_len = size;
	uint8_t mac[20] = { 0 };
	TEE_Result res;

	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, buf, size);
	res = TEE_GetObjectBufferAttribute(obj, TEE_ATTR_ECC_PUBLIC_VALUE_X,
					   buf, &attr_len);
	if (!res)
		res = TEE_ReadObjectData(obj, buf, size, &read_bytes);
	return res ? res : truncate(mac) & attr.content.ref.length;
}

/* Entry points under their v1.1 names, with v1.1 parameters */
TEE_Result TA_OpenSessionEntryPoint(uint32_t pt, TEE_Param params[4],
				    void **sess_ctx)
{
	(void)sess_ctx;
	if (pt == TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				  TEE_PARAM_TYPE_NONE)) {
		uint32_t *size = &params[0].memref.size;

		return *size ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
	}
	return TEE_SUCCESS;
}
