// SPDX-License-Identifier: BSD-2-Clause
/*
 * The object test TA (include/vtee_object_ta.h): GP transient objects in
 * a real TA process, built once for GP v1.3 and once for v1.1.  Panics
 * are the GP functions' own: this TA checks nothing the API is meant to
 * check.
 */
#include <tee_internal_api.h>

#include <vtee_object_ta.h>

#include "ta_boilerplate.h"

/* GP v1.1 lengths are 32 bits */
#ifdef OBJECT_TA_GP11
typedef uint32_t attr_len_t;
#else
typedef size_t attr_len_t;
#endif

void TA_CloseSessionEntryPoint(void *sess_ctx __unused)
{
}

static TEE_Result read_back(TEE_ObjectHandle key, TEE_Param *out)
{
	attr_len_t len = out->memref.size;
	TEE_Result res = TEE_GetObjectBufferAttribute(
		key, TEE_ATTR_SECRET_VALUE, out->memref.buffer, &len);

	out->memref.size = len;
	return res;
}

static TEE_Result secret(uint32_t pt, TEE_Param p[4])
{
	TEE_ObjectHandle key = TEE_HANDLE_NULL;
	TEE_ObjectInfo info;
	TEE_Attribute attr;
	TEE_Result res;

	if (pt != PT(VALUE_INOUT, MEMREF_INPUT, MEMREF_OUTPUT, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_AllocateTransientObject(p[0].value.a, p[0].value.b, &key);
	if (res)
		return res;
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, p[1].memref.buffer,
			     p[1].memref.size);
	res = TEE_PopulateTransientObject(key, &attr, 1);
	if (!res)
		res = TEE_GetObjectInfo1(key, &info);
	if (!res) {
		p[0].value.a = info.objectSize;
		p[0].value.b = info.handleFlags;
		res = read_back(key, &p[2]);
	}
	TEE_FreeTransientObject(key);
	return res;
}

static TEE_Result rsa_public(uint32_t pt, TEE_Param p[4])
{
	TEE_ObjectHandle pair = TEE_HANDLE_NULL, pub = TEE_HANDLE_NULL;
	static const uint32_t ids[3] = { TEE_ATTR_RSA_MODULUS,
					 TEE_ATTR_RSA_PUBLIC_EXPONENT,
					 TEE_ATTR_RSA_PRIVATE_EXPONENT };
	TEE_Attribute attrs[3];
	TEE_ObjectInfo info;
	uint8_t d[512];
	attr_len_t len = sizeof(d);
	TEE_Result res;

	if (pt != PT(MEMREF_INPUT, MEMREF_INPUT, MEMREF_INPUT, VALUE_OUTPUT))
		return TEE_ERROR_BAD_PARAMETERS;
	for (int i = 0; i < 3; i++)
		TEE_InitRefAttribute(&attrs[i], ids[i], p[i].memref.buffer,
				     p[i].memref.size);
	res = TEE_AllocateTransientObject(TEE_TYPE_RSA_KEYPAIR, 2048, &pair);
	if (!res)
		res = TEE_PopulateTransientObject(pair, attrs, 3);
	if (!res)
		res = TEE_AllocateTransientObject(TEE_TYPE_RSA_PUBLIC_KEY, 2048,
						  &pub);
	if (!res)
		res = TEE_CopyObjectAttributes1(pub, pair);
	if (!res)
		res = TEE_GetObjectInfo1(pub, &info);
	if (!res) {
		p[3].value.a = info.objectSize;
		p[3].value.b = TEE_GetObjectBufferAttribute(
			pub, TEE_ATTR_RSA_PRIVATE_EXPONENT, d, &len);
	}
	TEE_FreeTransientObject(pair);
	TEE_CloseObject(pub);
	return res;
}

/* ------------------------------------------------------------------ */
/* Panics                                                              */

static TEE_ObjectHandle aes(uint32_t max, bool populated)
{
	static const uint8_t key[16] = { 1, 2, 3 };
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	TEE_Attribute attr;

	if (TEE_AllocateTransientObject(TEE_TYPE_AES, max, &h))
		return TEE_HANDLE_NULL;
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, key, sizeof(key));
	if (populated && TEE_PopulateTransientObject(h, &attr, 1))
		return TEE_HANDLE_NULL;
	return h;
}

static void populate_panics(uint32_t which)
{
	static const uint8_t key[32] = { 1, 2, 3 };
	TEE_ObjectHandle h = aes(128, which == OBJECT_PANIC_POPULATE_TWICE);
	TEE_Attribute attr;

	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, key, 16);
	if (which == OBJECT_PANIC_FOREIGN_ATTR)
		attr.attributeID = TEE_ATTR_RSA_MODULUS;
	if (which == OBJECT_PANIC_TOO_BIG)
		attr.content.ref.length = 32;
	TEE_PopulateTransientObject(h, &attr,
				    which == OBJECT_PANIC_MISSING_ATTR ? 0 : 1);
}

static void getter_panics(uint32_t which)
{
	TEE_ObjectHandle h = aes(128, which != OBJECT_PANIC_UNINITIALIZED);
	uint8_t buf[16];
	attr_len_t len = sizeof(buf);
	uint32_t a, b;

	if (which == OBJECT_PANIC_NOT_EXTRACTABLE)
		TEE_RestrictObjectUsage1(h, TEE_USAGE_ENCRYPT);
	if (which == OBJECT_PANIC_WRONG_KIND)
		TEE_GetObjectValueAttribute(h, TEE_ATTR_SECRET_VALUE, &a, &b);
	else
		TEE_GetObjectBufferAttribute(h, TEE_ATTR_SECRET_VALUE, buf,
					     &len);
}

static void handle_panics(uint32_t which)
{
	TEE_ObjectHandle h = aes(128, true);
	TEE_ObjectHandle hmac = TEE_HANDLE_NULL;
	TEE_ObjectInfo info;
	TEE_Attribute attr;

	if (which == OBJECT_PANIC_BAD_HANDLE)
		TEE_CloseObject((TEE_ObjectHandle)(uintptr_t)0x12345);
	if (which == OBJECT_PANIC_FREED_HANDLE) {
		TEE_FreeTransientObject(h);
		TEE_GetObjectInfo1(h, &info);
	}
	if (which == OBJECT_PANIC_COPY_INCOMPATIBLE &&
	    !TEE_AllocateTransientObject(TEE_TYPE_HMAC_SHA256, 256, &hmac))
		TEE_CopyObjectAttributes1(hmac, h);
	if (which == OBJECT_PANIC_INIT_REF_OF_VALUE)
		TEE_InitRefAttribute(&attr, TEE_ATTR_ECC_CURVE, NULL, 0);
}

static TEE_Result panic(uint32_t pt, TEE_Param p[4])
{
	uint32_t which = p[0].value.a;

	if (pt != PT(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (which <= OBJECT_PANIC_TOO_BIG ||
	    which == OBJECT_PANIC_POPULATE_TWICE)
		populate_panics(which);
	else if (which <= OBJECT_PANIC_WRONG_KIND)
		getter_panics(which);
	else
		handle_panics(which);
	return TEE_ERROR_GENERIC;	/* the runtime missed it */
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t pt, TEE_Param params[4])
{
	switch (cmd) {
	case OBJECT_CMD_SECRET:
		return secret(pt, params);
	case OBJECT_CMD_RSA_PUBLIC:
		return rsa_public(pt, params);
	case OBJECT_CMD_PANIC:
		return panic(pt, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
