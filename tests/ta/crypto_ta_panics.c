// SPDX-License-Identifier: BSD-2-Clause
/*
 * The crypto test TA's panic cases (CRYPTO_CMD_PANIC): each breaks one
 * of GP's rules for operations and must not come back.
 */
#include "crypto_ta.h"
#include <vtee_crypto_ta.h>

static const uint8_t key16[16] = { 0x10, 0x01 };
static const uint8_t key32[32] = { 0x20, 0x02 };
static const uint8_t des8[8] = { 0x01, 0x23, 0x45, 0x67,
				 0x89, 0xab, 0xcd, 0xef };
static const uint8_t iv16[16];
static uint8_t buf[64];

static TEE_OperationHandle aes(uint32_t alg, uint32_t mode, bool keyed)
{
	return crypto_ta_op(alg, mode, 256, TEE_TYPE_AES,
			    keyed ? key16 : NULL, 16);
}

static TEE_OperationHandle sha256(void)
{
	return crypto_ta_op(TEE_ALG_SHA256, TEE_MODE_DIGEST, 0, 0, NULL, 0);
}

static TEE_OperationHandle gcm(uint32_t mode)
{
	return aes(TEE_ALG_AES_GCM, mode, true);
}

/* Handles and classes --------------------------------------------- */

static void bad_handle(void)
{
	TEE_DigestUpdate((TEE_OperationHandle)(uintptr_t)0x4242, buf, 1);
}

static void freed_handle(void)
{
	TEE_OperationHandle op = sha256();

	TEE_FreeOperation(op);
	TEE_DigestUpdate(op, buf, 1);
}

static void wrong_class(void)
{
	TEE_CipherInit(sha256(), iv16, 16);
}

/* Keys and states --------------------------------------------------- */

static void no_key(void)
{
	TEE_CipherInit(aes(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, false),
		       iv16, 16);
}

static void mac_no_key(void)
{
	TEE_MACInit(aes(TEE_ALG_AES_CMAC, TEE_MODE_MAC, false), NULL, 0);
}

static void ae_no_key(void)
{
	TEE_AEInit(aes(TEE_ALG_AES_GCM, TEE_MODE_ENCRYPT, false), iv16, 12,
		   128, 0, 0);
}

static void update_before_init(void)
{
	len_t len = sizeof(buf);

	TEE_CipherUpdate(aes(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, true),
			 buf, 16, buf, &len);
}

static void final_before_init(void)
{
	len_t len = sizeof(buf);

	TEE_CipherDoFinal(aes(TEE_ALG_AES_ECB_NOPAD, TEE_MODE_DECRYPT, true),
			  buf, 16, buf, &len);
}

static void mac_update_before_init(void)
{
	TEE_MACUpdate(aes(TEE_ALG_AES_CMAC, TEE_MODE_MAC, true), buf, 16);
}

static void ae_update_before_init(void)
{
	len_t len = sizeof(buf);

	TEE_AEUpdate(gcm(TEE_MODE_ENCRYPT), buf, 16, buf, &len);
}

static void final_twice(void)
{
	TEE_OperationHandle op = aes(TEE_ALG_AES_CTR, TEE_MODE_ENCRYPT, true);
	len_t len = sizeof(buf);

	TEE_CipherInit(op, iv16, 16);
	TEE_CipherDoFinal(op, buf, 5, buf, &len);
	len = sizeof(buf);
	TEE_CipherDoFinal(op, buf, 5, buf, &len);
}

static void mac_final_twice(void)
{
	TEE_OperationHandle op = aes(TEE_ALG_AES_CMAC, TEE_MODE_MAC, true);
	len_t len = sizeof(buf);

	TEE_MACInit(op, NULL, 0);
	TEE_MACComputeFinal(op, buf, 5, buf, &len);
	len = sizeof(buf);
	TEE_MACComputeFinal(op, buf, 5, buf, &len);
}

static void set_key(TEE_OperationHandle op, TEE_ObjectHandle key)
{
	TEE_SetOperationKey(op, key);
}

static void wrong_key_type(void)
{
	set_key(aes(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, false),
		crypto_ta_key(TEE_TYPE_DES, des8, 8));
}

static void usage_missing(void)
{
	TEE_ObjectHandle k = crypto_ta_key(TEE_TYPE_AES, key16, 16);

	TEE_RestrictObjectUsage1(k, TEE_USAGE_DECRYPT);
	set_key(aes(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, false), k);
}

static void key_too_big(void)
{
	TEE_OperationHandle op = crypto_ta_op(TEE_ALG_AES_CTR,
					      TEE_MODE_ENCRYPT, 128, 0,
					      NULL, 0);

	set_key(op, crypto_ta_key(TEE_TYPE_AES, key32, 32));
}

static void key_uninitialized(void)
{
	TEE_ObjectHandle k = TEE_HANDLE_NULL;

	TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &k);
	set_key(aes(TEE_ALG_AES_CTR, TEE_MODE_ENCRYPT, false), k);
}

static void key_after_init(void)
{
	TEE_OperationHandle op = aes(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT,
				     true);

	TEE_CipherInit(op, iv16, 16);
	set_key(op, crypto_ta_key(TEE_TYPE_AES, key16, 16));
}

static void key_on_digest(void)
{
	set_key(sha256(), crypto_ta_key(TEE_TYPE_HMAC_SHA256, key32, 32));
}

static void key2_on_one_key(void)
{
	TEE_SetOperationKey2(aes(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT,
				 false),
			     crypto_ta_key(TEE_TYPE_AES, key16, 16),
			     crypto_ta_key(TEE_TYPE_AES, key32, 16));
}

static TEE_OperationHandle xts(void)
{
	return crypto_ta_op(TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT, 512, 0, NULL,
			    0);
}

static void key_on_two_keys(void)
{
	set_key(xts(), crypto_ta_key(TEE_TYPE_AES, key16, 16));
}

static void key2_one_null(void)
{
	TEE_SetOperationKey2(xts(), crypto_ta_key(TEE_TYPE_AES, key16, 16),
			     TEE_HANDLE_NULL);
}

static void key2_sizes_differ(void)
{
	TEE_SetOperationKey2(xts(), crypto_ta_key(TEE_TYPE_AES, key16, 16),
			     crypto_ta_key(TEE_TYPE_AES, key32, 32));
}

/* Message shapes ---------------------------------------------------- */

static void nopad_partial(void)
{
	TEE_OperationHandle op = aes(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT,
				     true);
	len_t len = sizeof(buf);

	TEE_CipherInit(op, iv16, 16);
	TEE_CipherDoFinal(op, buf, 15, buf, &len);
}

/* 5 bytes held, then a srcLen that wraps the output size to 0 unless
 * checked: GP's [inbuf] length cannot be honoured, a panic (not a
 * write past *destLen).  GP v1.1's 32-bit lengths cannot wrap. */
static void update_len_wraps(void)
{
	TEE_OperationHandle op = aes(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT,
				     true);
	len_t len = sizeof(buf);

	TEE_CipherInit(op, iv16, 16);
	TEE_CipherUpdate(op, buf, 5, buf, &len);
	if (sizeof(len_t) < sizeof(size_t))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	len = sizeof(buf);
	TEE_CipherUpdate(op, buf, (len_t)(SIZE_MAX - 4), buf, &len);
}

static void ecb_with_iv(void)
{
	TEE_CipherInit(aes(TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, true),
		       iv16, 16);
}

static void cbc_iv_length(void)
{
	TEE_CipherInit(aes(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, true),
		       iv16, 8);
}

static void cts_short(void)
{
	TEE_OperationHandle op = aes(TEE_ALG_AES_CTS, TEE_MODE_ENCRYPT, true);
	len_t len = sizeof(buf);

	TEE_CipherInit(op, iv16, 16);
	TEE_CipherDoFinal(op, buf, 10, buf, &len);
}

static void cbc_mac_partial(void)
{
	TEE_OperationHandle op = aes(TEE_ALG_AES_CBC_MAC_NOPAD, TEE_MODE_MAC,
				     true);
	len_t len = sizeof(buf);

	TEE_MACInit(op, NULL, 0);
	TEE_MACComputeFinal(op, buf, 5, buf, &len);
}

static void update_extracting(void)
{
#ifdef CRYPTO_TA_GP11
	/* v1.1 has no TEE_DigestExtract: the same rule through v1.3's */
	TEE_Panic(TEE_ERROR_BAD_STATE);
#else
	TEE_OperationHandle op = sha256();
	size_t len = 4;

	TEE_DigestExtract(op, buf, &len);
	TEE_DigestUpdate(op, buf, 1);
#endif
}

static void aad_after_payload(void)
{
	TEE_OperationHandle op = gcm(TEE_MODE_ENCRYPT);
	len_t len = sizeof(buf);

	TEE_AEInit(op, iv16, 12, 128, 0, 0);
	TEE_AEUpdate(op, buf, 16, buf, &len);
	TEE_AEUpdateAAD(op, buf, 16);
#ifdef CRYPTO_TA_GP11
	/* v1.1 allows it (GCM takes no AAD after payload): done */
	TEE_Panic(TEE_ERROR_BAD_STATE);
#endif
}

static void ae_encrypt_final_decrypting(void)
{
	TEE_OperationHandle op = gcm(TEE_MODE_DECRYPT);
	len_t len = sizeof(buf), tag_len = 16;

	TEE_AEInit(op, iv16, 12, 128, 0, 0);
	TEE_AEEncryptFinal(op, buf, 16, buf, &len, buf + 32, &tag_len);
}

static void ae_init_active(void)
{
	TEE_OperationHandle op = gcm(TEE_MODE_ENCRYPT);
	len_t len = sizeof(buf);

	TEE_AEInit(op, iv16, 12, 128, 0, 0);
	TEE_AEUpdate(op, buf, 16, buf, &len);
	TEE_AEInit(op, iv16, 12, 128, 0, 0);
}

static void ccm_payload_over(void)
{
	TEE_OperationHandle op = aes(TEE_ALG_AES_CCM, TEE_MODE_ENCRYPT, true);
	len_t len = sizeof(buf);

	TEE_AEInit(op, iv16, 12, 128, 0, 16);
	TEE_AEUpdate(op, buf, 17, buf, &len);
}

static void reset_no_key(void)
{
	TEE_ResetOperation(aes(TEE_ALG_AES_CTR, TEE_MODE_ENCRYPT, false));
}

static void copy_other_alg(void)
{
	TEE_CopyOperation(sha256(), crypto_ta_op(TEE_ALG_SHA1, TEE_MODE_DIGEST,
						 0, 0, NULL, 0));
}

static void digest_null_len(void)
{
	TEE_DigestDoFinal(sha256(), buf, 3, buf, NULL);
}

static void alloc_null(void)
{
	TEE_AllocateOperation(NULL, TEE_ALG_SHA256, TEE_MODE_DIGEST, 0);
}

static void info_null(void)
{
	TEE_GetOperationInfo(sha256(), NULL);
}

static void (*const panics[CRYPTO_PANIC_COUNT])(void) = {
	[CRYPTO_PANIC_BAD_HANDLE] = bad_handle,
	[CRYPTO_PANIC_FREED_HANDLE] = freed_handle,
	[CRYPTO_PANIC_WRONG_CLASS] = wrong_class,
	[CRYPTO_PANIC_NO_KEY] = no_key,
	[CRYPTO_PANIC_MAC_NO_KEY] = mac_no_key,
	[CRYPTO_PANIC_AE_NO_KEY] = ae_no_key,
	[CRYPTO_PANIC_UPDATE_BEFORE_INIT] = update_before_init,
	[CRYPTO_PANIC_FINAL_BEFORE_INIT] = final_before_init,
	[CRYPTO_PANIC_MAC_UPDATE_BEFORE_INIT] = mac_update_before_init,
	[CRYPTO_PANIC_AE_UPDATE_BEFORE_INIT] = ae_update_before_init,
	[CRYPTO_PANIC_FINAL_TWICE] = final_twice,
	[CRYPTO_PANIC_MAC_FINAL_TWICE] = mac_final_twice,
	[CRYPTO_PANIC_WRONG_KEY_TYPE] = wrong_key_type,
	[CRYPTO_PANIC_USAGE_MISSING] = usage_missing,
	[CRYPTO_PANIC_KEY_TOO_BIG] = key_too_big,
	[CRYPTO_PANIC_KEY_UNINITIALIZED] = key_uninitialized,
	[CRYPTO_PANIC_KEY_AFTER_INIT] = key_after_init,
	[CRYPTO_PANIC_KEY_ON_DIGEST] = key_on_digest,
	[CRYPTO_PANIC_KEY2_ON_ONE_KEY] = key2_on_one_key,
	[CRYPTO_PANIC_KEY_ON_TWO_KEYS] = key_on_two_keys,
	[CRYPTO_PANIC_KEY2_ONE_NULL] = key2_one_null,
	[CRYPTO_PANIC_KEY2_SIZES_DIFFER] = key2_sizes_differ,
	[CRYPTO_PANIC_NOPAD_PARTIAL] = nopad_partial,
	[CRYPTO_PANIC_ECB_WITH_IV] = ecb_with_iv,
	[CRYPTO_PANIC_CBC_IV_LENGTH] = cbc_iv_length,
	[CRYPTO_PANIC_CTS_SHORT] = cts_short,
	[CRYPTO_PANIC_CBC_MAC_PARTIAL] = cbc_mac_partial,
	[CRYPTO_PANIC_UPDATE_EXTRACTING] = update_extracting,
	[CRYPTO_PANIC_AAD_AFTER_PAYLOAD] = aad_after_payload,
	[CRYPTO_PANIC_AE_ENCRYPT_FINAL_DECRYPTING] =
		ae_encrypt_final_decrypting,
	[CRYPTO_PANIC_AE_INIT_ACTIVE] = ae_init_active,
	[CRYPTO_PANIC_CCM_PAYLOAD_OVER] = ccm_payload_over,
	[CRYPTO_PANIC_RESET_NO_KEY] = reset_no_key,
	[CRYPTO_PANIC_COPY_OTHER_ALG] = copy_other_alg,
	[CRYPTO_PANIC_DIGEST_NULL_LEN] = digest_null_len,
	[CRYPTO_PANIC_ALLOC_NULL] = alloc_null,
	[CRYPTO_PANIC_INFO_NULL] = info_null,
	[CRYPTO_PANIC_UPDATE_LEN_WRAPS] = update_len_wraps,
};

TEE_Result crypto_ta_panic(uint32_t pt, TEE_Param p[4])
{
	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				  TEE_PARAM_TYPE_NONE) ||
	    p[0].value.a >= CRYPTO_PANIC_COUNT)
		return TEE_ERROR_BAD_PARAMETERS;
	panics[p[0].value.a]();
	return TEE_ERROR_GENERIC;
}
