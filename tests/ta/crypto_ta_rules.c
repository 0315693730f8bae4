// SPDX-License-Identifier: BSD-2-Clause
/*
 * The crypto test TA's error rules (CRYPTO_CMD_RULE): results GP gives
 * back rather than panics, each checked where it happens.  A rule
 * answers TEE_SUCCESS, or the line of its first check that failed.
 */
#include <string.h>

#include "crypto_ta.h"
#include <vtee_crypto_ta.h>

/* The first failed check's line (0: none yet) */
static uint32_t failed_line;

#define CHECK(cond)							\
	do {								\
		if (!(cond) && !failed_line)				\
			failed_line = __LINE__;				\
	} while (0)

static const uint8_t key16[16] = {
	0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
	0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c,
};
static const uint8_t key32[32] = { 0x11, 0x22, 0x33 };
static const uint8_t iv16[16] = { 0xa5 };
static const uint8_t data[64] = { 0x61, 0x62, 0x63 };

static bool alloc_refused(uint32_t alg, uint32_t mode, uint32_t max)
{
	TEE_OperationHandle op = (TEE_OperationHandle)(uintptr_t)0x77;
	TEE_Result res = TEE_AllocateOperation(&op, alg, mode, max);

	if (!res)
		TEE_FreeOperation(op);
	return res == TEE_ERROR_NOT_SUPPORTED && op == TEE_HANDLE_NULL;
}

static void rule_alloc(void)
{
	CHECK(alloc_refused(0x12345678, TEE_MODE_ENCRYPT, 128));
	CHECK(alloc_refused(TEE_ALG_SHA256, TEE_MODE_ENCRYPT, 0));
	CHECK(alloc_refused(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_DIGEST, 128));
	CHECK(alloc_refused(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_SIGN, 128));
	CHECK(alloc_refused(TEE_ALG_HMAC_SHA256, TEE_MODE_ENCRYPT, 256));
	CHECK(alloc_refused(TEE_ALG_AES_GCM, TEE_MODE_MAC, 128));
	CHECK(alloc_refused(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, 100));
	CHECK(alloc_refused(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, 160));
	CHECK(alloc_refused(TEE_ALG_HMAC_SHA256, TEE_MODE_MAC, 128));
	CHECK(alloc_refused(TEE_ALG_DES_CBC_NOPAD, TEE_MODE_ENCRYPT, 128));
	CHECK(alloc_refused(TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT, 128));
	CHECK(alloc_refused(TEE_ALG_SM4_CTR, TEE_MODE_ENCRYPT, 256));
	CHECK(alloc_refused(0x7FFFFFFF, TEE_MODE_DIGEST, 0));
}

static void rule_info(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_AES_CBC_NOPAD,
					      TEE_MODE_DECRYPT, 256, 0,
					      NULL, 0);
	TEE_ObjectHandle k = crypto_ta_key(TEE_TYPE_AES, key16, 16);
	TEE_OperationInfo info;

	TEE_GetOperationInfo(op, &info);
	CHECK(info.algorithm == TEE_ALG_AES_CBC_NOPAD);
	CHECK(info.operationClass == TEE_OPERATION_CIPHER);
	CHECK(info.mode == TEE_MODE_DECRYPT);
	CHECK(info.maxKeySize == 256 && info.keySize == 0);
	CHECK(info.requiredKeyUsage == TEE_USAGE_DECRYPT);
	CHECK(info.handleState == 0 && info.digestLength == 0);
	CHECK(!TEE_SetOperationKey(op, k));
	TEE_GetOperationInfo(op, &info);
	CHECK(info.keySize == 128);
	CHECK(info.handleState == TEE_HANDLE_FLAG_KEY_SET);
	TEE_CipherInit(op, iv16, 16);
	TEE_GetOperationInfo(op, &info);
	CHECK(info.handleState ==
	      (TEE_HANDLE_FLAG_KEY_SET | TEE_HANDLE_FLAG_INITIALIZED));
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);

	op = crypto_ta_op(TEE_ALG_SHA384, TEE_MODE_DIGEST, 0, 0, NULL, 0);
	TEE_GetOperationInfo(op, &info);
	CHECK(info.operationClass == TEE_OPERATION_DIGEST);
	CHECK(info.digestLength == 48 && info.requiredKeyUsage == 0);
	CHECK(info.handleState ==
	      (TEE_HANDLE_FLAG_KEY_SET | TEE_HANDLE_FLAG_INITIALIZED));
	TEE_FreeOperation(op);
}

/* XTS: two keys; GetOperationInfo has no single key to describe. */
static void rule_info_multiple(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_AES_XTS,
					      TEE_MODE_ENCRYPT, 512, 0,
					      NULL, 0);
	TEE_ObjectHandle k1 = crypto_ta_key(TEE_TYPE_AES, key32, 32);
	TEE_ObjectHandle k2 = crypto_ta_key(TEE_TYPE_AES, key16, 16);
	TEE_ObjectHandle k3 = crypto_ta_key(TEE_TYPE_AES, iv16, 16);
	size_t need = sizeof(TEE_OperationInfoMultiple) +
		      2 * sizeof(TEE_OperationInfoKey);
	union {
		TEE_OperationInfoMultiple m;
		uint8_t room[sizeof(TEE_OperationInfoMultiple) +
			     4 * sizeof(TEE_OperationInfoKey)];
	} u;
	TEE_OperationInfo info;
	len_t size = sizeof(u.m);

	CHECK(TEE_GetOperationInfoMultiple(op, &u.m, &size) ==
	      TEE_ERROR_SHORT_BUFFER);
	CHECK(size == need);
	CHECK(!TEE_SetOperationKey2(op, k2, k3));
	size = sizeof(u);
	CHECK(!TEE_GetOperationInfoMultiple(op, &u.m, &size));
	CHECK(size == need && u.m.numberOfKeys == 2);
	CHECK(u.m.keyInformation[0].keySize == 128);
	CHECK(u.m.keyInformation[1].requiredKeyUsage == TEE_USAGE_ENCRYPT);
	CHECK(u.m.handleState == (TEE_HANDLE_FLAG_KEY_SET |
				  TEE_HANDLE_FLAG_EXPECT_TWO_KEYS));
	CHECK(u.m.operationState == TEE_OPERATION_STATE_INITIAL);
	TEE_GetOperationInfo(op, &info);
	CHECK(info.keySize == 0 && info.requiredKeyUsage == 0);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k1);
	TEE_FreeTransientObject(k2);
	TEE_FreeTransientObject(k3);

	op = crypto_ta_op(TEE_ALG_SHA1, TEE_MODE_DIGEST, 0, 0, NULL, 0);
	size = sizeof(u.m);
	CHECK(!TEE_GetOperationInfoMultiple(op, &u.m, &size));
	CHECK(u.m.numberOfKeys == 0 && u.m.digestLength == 20);
	TEE_FreeOperation(op);
}

static void rule_is_supported(void)
{
	static const uint32_t algs[] = {
		TEE_ALG_MD5, TEE_ALG_SHA3_512, TEE_ALG_SHAKE256, TEE_ALG_SM3,
		TEE_ALG_AES_XTS, TEE_ALG_DES3_CBC_NOPAD, TEE_ALG_SM4_CTR,
		TEE_ALG_HMAC_SM3, TEE_ALG_DES3_CMAC, TEE_ALG_AES_CCM,
	};

	for (size_t i = 0; i < sizeof(algs) / sizeof(algs[0]); i++) {
		CHECK(!TEE_IsAlgorithmSupported(algs[i],
						TEE_CRYPTO_ELEMENT_NONE));
		CHECK(TEE_IsAlgorithmSupported(algs[i],
					       TEE_ECC_CURVE_NIST_P256) ==
		      TEE_ERROR_NOT_SUPPORTED);
	}
	CHECK(TEE_IsAlgorithmSupported(0x12345678, TEE_CRYPTO_ELEMENT_NONE) ==
	      TEE_ERROR_NOT_SUPPORTED);
}

static void rule_short_digest(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_SHA256, TEE_MODE_DIGEST,
					      0, 0, NULL, 0);
	uint8_t a[32], b[32];
	len_t len = 31;

	TEE_DigestUpdate(op, data, 10);
	CHECK(TEE_DigestDoFinal(op, data + 10, 5, a, &len) ==
	      TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 32);
	/* nothing was consumed: the same digest as in one go */
	CHECK(!TEE_DigestDoFinal(op, data + 10, 5, a, &len));
	CHECK(!TEE_DigestDoFinal(op, data, 15, b, &len));
	CHECK(len == 32 && !memcmp(a, b, 32));
	TEE_FreeOperation(op);
}

static void rule_short_cipher(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_AES_CBC_NOPAD,
					      TEE_MODE_ENCRYPT, 128,
					      TEE_TYPE_AES, key16, 16);
	uint8_t out[64];
	len_t len = 16;

	TEE_CipherInit(op, iv16, 16);
	/* 20 bytes in: one block out, 4 bytes held */
	CHECK(TEE_CipherUpdate(op, data, 20, out, &len) == TEE_SUCCESS);
	CHECK(len == 16);
	len = 15;
	CHECK(TEE_CipherUpdate(op, data, 28, out, &len) ==
	      TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 32);
	len = 0;
	CHECK(TEE_CipherDoFinal(op, data, 12, out, &len) ==
	      TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 16);
	len = sizeof(out);
	CHECK(!TEE_CipherDoFinal(op, data, 12, out, &len));
	CHECK(len == 16);
	TEE_FreeOperation(op);
}

static void rule_short_mac(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_HMAC_SHA512,
					      TEE_MODE_MAC, 256,
					      TEE_TYPE_HMAC_SHA512, key32, 32);
	uint8_t mac[64];
	len_t len = 63;

	TEE_MACInit(op, NULL, 0);
	CHECK(TEE_MACComputeFinal(op, data, 3, mac, &len) ==
	      TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 64);
	CHECK(!TEE_MACComputeFinal(op, data, 3, mac, &len));
	CHECK(len == 64);
	TEE_FreeOperation(op);
}

static void rule_short_ae(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_AES_GCM,
					      TEE_MODE_ENCRYPT, 128,
					      TEE_TYPE_AES, key16, 16);
	uint8_t out[64], tag[16];
	len_t len = 10, tag_len = 8;

	CHECK(!TEE_AEInit(op, iv16, 12, 128, 0, 0));
	CHECK(TEE_AEUpdate(op, data, 20, out, &len) ==
	      TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 20);
	CHECK(!TEE_AEUpdate(op, data, 20, out, &len));
	len = 30;
	CHECK(TEE_AEEncryptFinal(op, data, 30, out, &len, tag, &tag_len) ==
	      TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 30 && tag_len == 16);
	len = 29;
	tag_len = 16;
	CHECK(TEE_AEEncryptFinal(op, data, 30, out, &len, tag, &tag_len) ==
	      TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 30);
	CHECK(!TEE_AEEncryptFinal(op, data, 30, out, &len, tag, &tag_len));
	TEE_FreeOperation(op);
}

static void rule_mac_compare(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_AES_CMAC, TEE_MODE_MAC,
					      128, TEE_TYPE_AES, key16, 16);
	uint8_t mac[16];
	len_t len = sizeof(mac);

	TEE_MACInit(op, NULL, 0);
	CHECK(!TEE_MACComputeFinal(op, data, 40, mac, &len));
	TEE_MACInit(op, NULL, 0);
	CHECK(!TEE_MACCompareFinal(op, data, 40, mac, 16));
	mac[15] ^= 1;
	TEE_MACInit(op, NULL, 0);
	CHECK(TEE_MACCompareFinal(op, data, 40, mac, 16) ==
	      TEE_ERROR_MAC_INVALID);
	mac[15] ^= 1;
	TEE_MACInit(op, NULL, 0);
	CHECK(TEE_MACCompareFinal(op, data, 40, mac, 15) ==
	      TEE_ERROR_MAC_INVALID);
	TEE_FreeOperation(op);
}

/* A wrong tag: MAC_INVALID, and the final's plaintext not released. */
static void rule_ae_tag(void)
{
	uint32_t algs[2] = { TEE_ALG_AES_GCM, TEE_ALG_AES_CCM };

	for (int i = 0; i < 2; i++) {
		TEE_OperationHandle enc = crypto_ta_op(algs[i],
			TEE_MODE_ENCRYPT, 128, TEE_TYPE_AES, key16, 16);
		TEE_OperationHandle dec = crypto_ta_op(algs[i],
			TEE_MODE_DECRYPT, 128, TEE_TYPE_AES, key16, 16);
		uint8_t ct[32], pt[32], tag[16];
		len_t len = sizeof(ct), tag_len = sizeof(tag);

		CHECK(!TEE_AEInit(enc, iv16, 12, 128, 4, 32));
		TEE_AEUpdateAAD(enc, data, 4);
		CHECK(!TEE_AEEncryptFinal(enc, data, 32, ct, &len, tag,
					  &tag_len));
		tag[0] ^= 0x80;
		memset(pt, 0xee, sizeof(pt));
		CHECK(!TEE_AEInit(dec, iv16, 12, 128, 4, 32));
		TEE_AEUpdateAAD(dec, data, 4);
		len = sizeof(pt);
		CHECK(TEE_AEDecryptFinal(dec, ct, 32, pt, &len, tag, 16) ==
		      TEE_ERROR_MAC_INVALID);
		CHECK(pt[0] == 0xee && pt[31] == 0xee);
		tag[0] ^= 0x80;
		/* a shorter tag than Init said */
		CHECK(!TEE_AEInit(dec, iv16, 12, 128, 4, 32));
		TEE_AEUpdateAAD(dec, data, 4);
		len = sizeof(pt);
		CHECK(TEE_AEDecryptFinal(dec, ct, 32, pt, &len, tag, 12) ==
		      TEE_ERROR_MAC_INVALID);
		/* and the right one */
		CHECK(!TEE_AEInit(dec, iv16, 12, 128, 4, 32));
		TEE_AEUpdateAAD(dec, data, 4);
		len = sizeof(pt);
		CHECK(!TEE_AEDecryptFinal(dec, ct, 32, pt, &len, tag, 16));
		CHECK(len == 32 && !memcmp(pt, data, 32));
		TEE_FreeOperation(enc);
		TEE_FreeOperation(dec);
	}
}

static void rule_ae_tag_lengths(void)
{
	TEE_OperationHandle gcm = crypto_ta_op(TEE_ALG_AES_GCM,
		TEE_MODE_ENCRYPT, 128, TEE_TYPE_AES, key16, 16);
	TEE_OperationHandle ccm = crypto_ta_op(TEE_ALG_AES_CCM,
		TEE_MODE_ENCRYPT, 128, TEE_TYPE_AES, key16, 16);

	CHECK(TEE_AEInit(gcm, iv16, 12, 64, 0, 0) == TEE_ERROR_NOT_SUPPORTED);
	CHECK(TEE_AEInit(gcm, iv16, 12, 130, 0, 0) ==
	      TEE_ERROR_NOT_SUPPORTED);
	CHECK(TEE_AEInit(gcm, iv16, 12, 136, 0, 0) ==
	      TEE_ERROR_NOT_SUPPORTED);
	CHECK(TEE_AEInit(ccm, iv16, 12, 40, 0, 0) == TEE_ERROR_NOT_SUPPORTED);
	CHECK(TEE_AEInit(ccm, iv16, 12, 24, 0, 0) == TEE_ERROR_NOT_SUPPORTED);
	CHECK(TEE_AEInit(ccm, iv16, 12, 144, 0, 0) ==
	      TEE_ERROR_NOT_SUPPORTED);
	for (uint32_t t = 96; t <= 128; t += 8)
		CHECK(!TEE_AEInit(gcm, iv16, 12, t, 0, 0));
	for (uint32_t t = 32; t <= 128; t += 16)
		CHECK(!TEE_AEInit(ccm, iv16, 12, t, 0, 0));
	TEE_FreeOperation(gcm);
	TEE_FreeOperation(ccm);
}

static void rule_key_clear(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_HMAC_SHA1, TEE_MODE_MAC,
					      512, TEE_TYPE_HMAC_SHA1,
					      key32, 20);
	TEE_OperationInfo info;

	CHECK(!TEE_SetOperationKey(op, TEE_HANDLE_NULL));
	TEE_GetOperationInfo(op, &info);
	CHECK(!(info.handleState & TEE_HANDLE_FLAG_KEY_SET));
	CHECK(info.keySize == 0);
	TEE_FreeOperation(op);
}

static void rule_key2_same(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_AES_XTS,
					      TEE_MODE_DECRYPT, 256, 0,
					      NULL, 0);
	TEE_ObjectHandle k = crypto_ta_key(TEE_TYPE_AES, key16, 16);

#ifdef CRYPTO_TA_GP11
	/* v1.1 has no such rule */
	CHECK(!TEE_SetOperationKey2(op, k, k));
#else
	CHECK(TEE_SetOperationKey2(op, k, k) == TEE_ERROR_SECURITY);
#endif
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
}

/* Reset forgets what went in; a MAC needs its Init again. */
static void rule_reset(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_SHA3_256,
					      TEE_MODE_DIGEST, 0, 0, NULL, 0);
	uint8_t a[32], b[32];
	len_t len = 32;
	TEE_OperationInfo info;

	CHECK(!TEE_DigestDoFinal(op, data, 7, a, &len));
	TEE_DigestUpdate(op, data + 7, 9);
	TEE_ResetOperation(op);
	CHECK(!TEE_DigestDoFinal(op, data, 7, b, &len));
	CHECK(!memcmp(a, b, 32));
	TEE_FreeOperation(op);

	op = crypto_ta_op(TEE_ALG_AES_CMAC, TEE_MODE_MAC, 128, TEE_TYPE_AES,
			  key16, 16);
	TEE_MACInit(op, NULL, 0);
	TEE_ResetOperation(op);
	TEE_GetOperationInfo(op, &info);
	CHECK(info.handleState == TEE_HANDLE_FLAG_KEY_SET);
	TEE_FreeOperation(op);
}

/* GP v1.3.1: DoFinal after Extract hands out the rest. */
static void rule_extract_then_final(void)
{
#ifndef CRYPTO_TA_GP11
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_SHA256, TEE_MODE_DIGEST,
					      0, 0, NULL, 0);
	uint8_t whole[32], part[32];
	len_t len = 32;
	TEE_OperationInfo info;

	CHECK(!TEE_DigestDoFinal(op, data, 33, whole, &len));
	TEE_DigestUpdate(op, data, 33);
	len = 10;
	CHECK(!TEE_DigestExtract(op, part, &len));
	CHECK(len == 10);
	TEE_GetOperationInfo(op, &info);
	CHECK(info.handleState & TEE_HANDLE_FLAG_EXTRACTING);
	len = 32;
	CHECK(!TEE_DigestDoFinal(op, NULL, 0, part + 10, &len));
	CHECK(len == 22 && !memcmp(whole, part, 32));
	TEE_GetOperationInfo(op, &info);
	CHECK(!(info.handleState & TEE_HANDLE_FLAG_EXTRACTING));
	TEE_FreeOperation(op);
#endif
}

/* A new Init mid-message starts over. */
static void rule_cipher_reinit(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_AES_CTR,
					      TEE_MODE_ENCRYPT, 256,
					      TEE_TYPE_AES, key32, 32);
	uint8_t a[40], b[40];
	len_t len = sizeof(a);

	TEE_CipherInit(op, iv16, 16);
	CHECK(!TEE_CipherDoFinal(op, data, 40, a, &len));
	TEE_CipherInit(op, iv16, 16);
	CHECK(!TEE_CipherUpdate(op, data, 7, b, &len));
	TEE_CipherInit(op, iv16, 16);
	len = sizeof(b);
	CHECK(!TEE_CipherDoFinal(op, data, 40, b, &len));
	CHECK(len == 40 && !memcmp(a, b, 40));
	TEE_FreeOperation(op);
}

static void rule_free_null(void)
{
#ifndef CRYPTO_TA_GP11
	TEE_FreeOperation(TEE_HANDLE_NULL);
#endif
}

static void (*const rules[CRYPTO_RULE_COUNT])(void) = {
	[CRYPTO_RULE_ALLOC_NOT_SUPPORTED] = rule_alloc,
	[CRYPTO_RULE_INFO] = rule_info,
	[CRYPTO_RULE_INFO_MULTIPLE] = rule_info_multiple,
	[CRYPTO_RULE_IS_SUPPORTED] = rule_is_supported,
	[CRYPTO_RULE_SHORT_DIGEST] = rule_short_digest,
	[CRYPTO_RULE_SHORT_CIPHER] = rule_short_cipher,
	[CRYPTO_RULE_SHORT_MAC] = rule_short_mac,
	[CRYPTO_RULE_SHORT_AE] = rule_short_ae,
	[CRYPTO_RULE_MAC_COMPARE] = rule_mac_compare,
	[CRYPTO_RULE_AE_TAG] = rule_ae_tag,
	[CRYPTO_RULE_AE_TAG_LENGTHS] = rule_ae_tag_lengths,
	[CRYPTO_RULE_KEY_CLEAR] = rule_key_clear,
	[CRYPTO_RULE_KEY2_SAME] = rule_key2_same,
	[CRYPTO_RULE_RESET] = rule_reset,
	[CRYPTO_RULE_EXTRACT_THEN_FINAL] = rule_extract_then_final,
	[CRYPTO_RULE_CIPHER_REINIT] = rule_cipher_reinit,
	[CRYPTO_RULE_FREE_NULL] = rule_free_null,
};

TEE_Result crypto_ta_rule(uint32_t pt, TEE_Param p[4])
{
	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INOUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				  TEE_PARAM_TYPE_NONE) ||
	    p[0].value.a >= CRYPTO_RULE_COUNT)
		return TEE_ERROR_BAD_PARAMETERS;
	failed_line = 0;
	rules[p[0].value.a]();
	p[0].value.a = failed_line;
	return failed_line ? TEE_ERROR_GENERIC : TEE_SUCCESS;
}
