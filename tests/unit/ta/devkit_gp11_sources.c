// SPDX-License-Identifier: BSD-2-Clause
/*
 * A build-time check of the dev kit headers, never run: code shaped like
 * OP-TEE's examples that were written against GP v1.1 (acipher, ecdh,
 * secure_storage, hotp; tests/ta/gp11_examples_ta.c is a whole TA) must
 * compile unchanged in v1.1 mode, selected either way (see
 * CMakeLists.txt), and every v1.1 name must be redirected.  It is
 * compiled, not linked.
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

/* The other v1.1 signatures TA code meets: properties, TA-to-TA,
 * persistent objects and their enumerators, arithmetic, memory */
TEE_Result gp11_more(TEE_ObjectEnumHandle e, TEE_TASessionHandle ta,
		     TEE_BigInt *n, TEE_BigIntFMMContext *fmm_ctx);
TEE_Result gp11_more(TEE_ObjectEnumHandle e, TEE_TASessionHandle ta,
		     TEE_BigInt *n, TEE_BigIntFMMContext *fmm_ctx)
{
	char value[32], id[TEE_OBJECT_ID_MAX_LEN];
	uint8_t octets[64];
	uint32_t len = sizeof(value), id_len = sizeof(id), count, origin;
	uint32_t octets_len = sizeof(octets);
	TEE_Param params[4] = { 0 };
	TEE_ObjectHandle obj = TEE_HANDLE_NULL;
	TEE_ObjectInfo info;
	TEE_Result res;
	void *p;

	res = TEE_GetPropertyAsString(TEE_PROPSET_CURRENT_TA, "gpd.ta.version",
				      value, &len);
	len = sizeof(value);
	if (!res)
		res = TEE_GetPropertyAsBinaryBlock(TEE_PROPSET_CURRENT_TA,
						   "x", value, &len);
	len = sizeof(value);
	if (!res)
		res = TEE_GetPropertyName(TEE_PROPSET_CURRENT_TA, value, &len);
	if (!res)
		res = TEE_InvokeTACommand(ta, TEE_TIMEOUT_INFINITE, 0,
					  TEE_PARAM_TYPES(
						TEE_PARAM_TYPE_MEMREF_INOUT,
						TEE_PARAM_TYPE_NONE,
						TEE_PARAM_TYPE_NONE,
						TEE_PARAM_TYPE_NONE),
					  params, &origin);
	if (!res)
		res = TEE_OpenTASession(&(TEE_UUID){ 0 }, TEE_TIMEOUT_INFINITE,
					0, params, &ta, &origin);
	if (!res)
		res = TEE_GetNextPersistentObject(e, &info, id, &id_len);
	if (!res)
		res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, id, id_len,
					       TEE_DATA_FLAG_ACCESS_READ |
					       TEE_DATA_FLAG_ACCESS_WRITE |
					       TEE_DATA_FLAG_ACCESS_WRITE_META,
					       &obj);
	if (!res)
		res = TEE_ReadObjectData(obj, octets, sizeof(octets), &count);
	if (!res)
		res = TEE_SeekObjectData(obj, -(int32_t)count,
					 TEE_DATA_SEEK_END);
	if (!res)
		res = TEE_WriteObjectData(obj, octets, count);
	if (!res)
		res = TEE_TruncateObjectData(obj, count);
	if (!res)
		res = TEE_RenamePersistentObject(obj, "new", 3);
	TEE_CloseObject(obj);
	if (!res)
		res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, id,
						 id_len, 0, TEE_HANDLE_NULL,
						 NULL, 0, &obj);
	TEE_GetObjectInfo(obj, &info);
	if (!res && info.maxKeySize < info.keySize)
		res = TEE_ERROR_CORRUPT_OBJECT;
	if (!res)
		res = TEE_BigIntConvertFromOctetString(n, octets, octets_len,
						       1);
	if (!res)
		res = TEE_BigIntConvertToOctetString(octets, &octets_len, n);
	TEE_BigIntInit(n, TEE_BigIntSizeInU32(512));
	TEE_BigIntShiftRight(n, n, 3);
	TEE_BigIntInitFMMContext(fmm_ctx, TEE_BigIntSizeInU32(512), n);
	TEE_BigIntInitFMM((TEE_BigIntFMM *)n,
			  TEE_BigIntFMMSizeInU32(512) +
			  TEE_BigIntFMMContextSizeInU32(512));
	p = TEE_Malloc(len, TEE_MALLOC_FILL_ZERO);
	p = TEE_Realloc(p, 2 * len);
	TEE_MemFill(p, 0, 2 * len);
	if (!res && TEE_CheckMemoryAccessRights(TEE_MEMORY_ACCESS_READ, p,
						2 * len))
		res = TEE_ERROR_ACCESS_DENIED;
	TEE_Free(p);
	return res;
}

/*
 * Every name whose signature or behaviour GP changed after v1.1 must be
 * redirected to its __GP11_ twin in v1.1 mode.  The calls above catch a
 * missing redirection only where the pointer types differ; this catches
 * it for every name (the redirected name is longer by "__GP11_").
 */
#define STR(x)		#x
#define XSTR(x)		STR(x)
#define GP11(f)							\
	_Static_assert(sizeof(XSTR(f)) == sizeof("__GP11_" #f),	\
		       #f " is not redirected in GP v1.1 mode");
GP11(TEE_Attribute) GP11(TEE_ObjectInfo) GP11(TEE_Param)
GP11(TA_InvokeCommandEntryPoint) GP11(TA_OpenSessionEntryPoint)
/* memory, properties, TA-to-TA */
GP11(TEE_CheckMemoryAccessRights) GP11(TEE_Malloc) GP11(TEE_Realloc)
GP11(TEE_MemMove) GP11(TEE_MemCompare) GP11(TEE_MemFill)
GP11(TEE_GetPropertyAsString) GP11(TEE_GetPropertyAsBinaryBlock)
GP11(TEE_GetPropertyName) GP11(TEE_OpenTASession) GP11(TEE_InvokeTACommand)
/* objects and storage */
GP11(TEE_GetObjectInfo) GP11(TEE_GetObjectInfo1)
GP11(TEE_GetObjectBufferAttribute) GP11(TEE_AllocateTransientObject)
GP11(TEE_PopulateTransientObject) GP11(TEE_InitRefAttribute)
GP11(TEE_InitValueAttribute) GP11(TEE_GenerateKey)
GP11(TEE_OpenPersistentObject) GP11(TEE_CreatePersistentObject)
GP11(TEE_RenamePersistentObject) GP11(TEE_GetNextPersistentObject)
GP11(TEE_ReadObjectData) GP11(TEE_WriteObjectData)
GP11(TEE_TruncateObjectData) GP11(TEE_SeekObjectData)
/* cryptographic operations */
GP11(TEE_FreeOperation) GP11(TEE_GetOperationInfoMultiple)
GP11(TEE_SetOperationKey) GP11(TEE_SetOperationKey2)
GP11(TEE_DigestUpdate) GP11(TEE_DigestDoFinal)
GP11(TEE_CipherInit) GP11(TEE_CipherUpdate) GP11(TEE_CipherDoFinal)
GP11(TEE_MACInit) GP11(TEE_MACUpdate) GP11(TEE_MACComputeFinal)
GP11(TEE_MACCompareFinal) GP11(TEE_AEInit) GP11(TEE_AEUpdateAAD)
GP11(TEE_AEUpdate) GP11(TEE_AEEncryptFinal) GP11(TEE_AEDecryptFinal)
GP11(TEE_AsymmetricEncrypt) GP11(TEE_AsymmetricDecrypt)
GP11(TEE_AsymmetricSignDigest) GP11(TEE_AsymmetricVerifyDigest)
GP11(TEE_DeriveKey) GP11(TEE_GenerateRandom)
/* arithmetic */
GP11(TEE_BigIntInit) GP11(TEE_BigIntFMMSizeInU32)
GP11(TEE_BigIntFMMContextSizeInU32)
GP11(TEE_BigIntInitFMMContext) GP11(TEE_BigIntInitFMM)
GP11(TEE_BigIntConvertFromOctetString) GP11(TEE_BigIntConvertToOctetString)
GP11(TEE_BigIntShiftRight)

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
