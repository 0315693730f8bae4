/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The crypto test TA's command interface (tests/ta/crypto_ta.c), shared
 * with its client, tests/integration/tos/test_crypto.c: GP symmetric
 * cryptographic operations (digests, ciphers, MACs, authenticated
 * encryption) in a real TA process, with known-answer vectors and
 * cross-checks supplied by the client, and GP's error and panic rules.
 *
 * Two builds of one source: CRYPTO_TA_UUID in GP v1.3 mode and
 * CRYPTO_TA_GP11_UUID in GP v1.1 mode (__GP11_* functions).  TA_FLAGS 0:
 * every session is an instance of its own.
 */
#ifndef VTEE_CRYPTO_TA_H
#define VTEE_CRYPTO_TA_H

#include <stdint.h>

#define CRYPTO_TA_UUID \
	{ 0xc3591edc, 0x5e6c, 0x4fb3, \
	  { 0xad, 0xca, 0x29, 0x94, 0x02, 0xea, 0x07, 0x13 } }
#define CRYPTO_TA_GP11_UUID \
	{ 0x6bac7e2d, 0xaf53, 0x49ef, \
	  { 0xb2, 0x8e, 0xc2, 0x72, 0x02, 0x2f, 0x6f, 0x2f } }

/*
 * One operation, start to end (CRYPTO_CMD_RUN): the request's header,
 * then its byte fields in this order: key, key2, iv, aad, in, tag.
 */
struct crypto_ta_req {
	uint32_t alg;		/* TEE_ALG_* */
	uint32_t mode;		/* TEE_MODE_* */
	uint32_t key_type;	/* TEE_TYPE_* of the key(s); 0: a digest */
	uint32_t max_key_bits;	/* maxKeySize */
	uint32_t key_len, key2_len;	/* bytes; key2: XTS's second key */
	uint32_t iv_len;	/* IV (cipher) or nonce (AE) */
	uint32_t aad_len;
	uint32_t in_len;
	/* AE: tag bytes (decrypting: the tag given; encrypting: how long
	 * a tag to make); MAC with CRYPTO_F_COMPARE: the MAC given */
	uint32_t tag_len;
	uint32_t out_len;	/* SHAKE: output bytes wanted */
	/* How the data goes in: a first update of `first` bytes, then
	 * updates of `chunk` bytes; the final function gets the rest.
	 * (0, 0): everything to the final. */
	uint32_t first, chunk;
	uint32_t flags;		/* CRYPTO_F_* */
};

#define CRYPTO_F_COPY_MID	0x1	/* go on with a copy after the
					 * first update */
#define CRYPTO_F_EXTRACT	0x2	/* digest: TEE_DigestExtract in
					 * pieces of `chunk` (all if 0) */
#define CRYPTO_F_COMPARE	0x4	/* MAC: TEE_MACCompareFinal */
#define CRYPTO_F_RESET_FIRST	0x8	/* feed junk, reset, then run */

enum crypto_ta_cmd {
	/*
	 * Runs one operation (struct crypto_ta_req).
	 *   p0 MEMREF_INPUT  the request
	 *   p1 MEMREF_OUTPUT what came out, all updates' and the final's
	 *                    in order (AE encrypting: then the tag); on
	 *                    TEE_ERROR_SHORT_BUFFER its size is what was
	 *                    written plus what the failing call needed
	 * Returns TEE_AllocateOperation's failure, or the final function's
	 * result (TEE_ERROR_MAC_INVALID, TEE_ERROR_SHORT_BUFFER ...).
	 */
	CRYPTO_CMD_RUN = 0,
	/*
	 * An error rule (enum crypto_ta_rule) checked inside the TA.
	 *   p0 VALUE_INOUT   in: a = the rule; out: a = the source line of
	 *                    the first check that failed (0: none)
	 * TEE_SUCCESS if every check held.
	 */
	CRYPTO_CMD_RULE = 1,
	/* p0 VALUE_INPUT a = enum crypto_ta_panic.  Never returns
	 * (TEE_ERROR_TARGET_DEAD) unless the runtime misses the panic
	 * (TEE_ERROR_GENERIC). */
	CRYPTO_CMD_PANIC = 2,
};

enum crypto_ta_rule {
	CRYPTO_RULE_ALLOC_NOT_SUPPORTED,	/* algorithms, modes, sizes */
	CRYPTO_RULE_INFO,			/* GetOperationInfo fields */
	CRYPTO_RULE_INFO_MULTIPLE,		/* and the multiple form */
	CRYPTO_RULE_IS_SUPPORTED,		/* TEE_IsAlgorithmSupported */
	CRYPTO_RULE_SHORT_DIGEST,
	CRYPTO_RULE_SHORT_CIPHER,		/* update and final */
	CRYPTO_RULE_SHORT_MAC,
	CRYPTO_RULE_SHORT_AE,			/* data and tag */
	CRYPTO_RULE_MAC_COMPARE,		/* MAC_INVALID, then reusable */
	CRYPTO_RULE_AE_TAG,		/* MAC_INVALID, no plaintext */
	CRYPTO_RULE_AE_TAG_LENGTHS,		/* NOT_SUPPORTED ones */
	CRYPTO_RULE_KEY_CLEAR,		/* SetOperationKey(NULL) */
	CRYPTO_RULE_KEY2_SAME,			/* TEE_ERROR_SECURITY */
	CRYPTO_RULE_RESET,
	CRYPTO_RULE_EXTRACT_THEN_FINAL,
	CRYPTO_RULE_CIPHER_REINIT,		/* Init mid-message */
	CRYPTO_RULE_FREE_NULL,			/* v1.3: does nothing */
	CRYPTO_RULE_COUNT
};

enum crypto_ta_panic {
	CRYPTO_PANIC_BAD_HANDLE,		/* a made-up handle */
	CRYPTO_PANIC_FREED_HANDLE,
	CRYPTO_PANIC_WRONG_CLASS,		/* CipherInit of a digest */
	CRYPTO_PANIC_NO_KEY,		/* CipherInit without a key */
	CRYPTO_PANIC_MAC_NO_KEY,
	CRYPTO_PANIC_AE_NO_KEY,
	CRYPTO_PANIC_UPDATE_BEFORE_INIT,	/* CipherUpdate */
	CRYPTO_PANIC_FINAL_BEFORE_INIT,		/* CipherDoFinal */
	CRYPTO_PANIC_MAC_UPDATE_BEFORE_INIT,
	CRYPTO_PANIC_AE_UPDATE_BEFORE_INIT,
	CRYPTO_PANIC_FINAL_TWICE,		/* CipherDoFinal again */
	CRYPTO_PANIC_MAC_FINAL_TWICE,
	CRYPTO_PANIC_WRONG_KEY_TYPE,		/* a DES key for AES */
	CRYPTO_PANIC_USAGE_MISSING,	/* DECRYPT only, encrypting */
	CRYPTO_PANIC_KEY_TOO_BIG,		/* 256 bits, maxKeySize 128 */
	CRYPTO_PANIC_KEY_UNINITIALIZED,
	CRYPTO_PANIC_KEY_AFTER_INIT,	/* SetOperationKey, active */
	CRYPTO_PANIC_KEY_ON_DIGEST,
	CRYPTO_PANIC_KEY2_ON_ONE_KEY,		/* SetOperationKey2, CBC */
	CRYPTO_PANIC_KEY_ON_TWO_KEYS,		/* SetOperationKey, XTS */
	CRYPTO_PANIC_KEY2_ONE_NULL,
	CRYPTO_PANIC_KEY2_SIZES_DIFFER,
	CRYPTO_PANIC_NOPAD_PARTIAL,		/* 15 bytes, AES-CBC NOPAD */
	CRYPTO_PANIC_ECB_WITH_IV,
	CRYPTO_PANIC_CBC_IV_LENGTH,		/* 8-byte IV for AES */
	CRYPTO_PANIC_CTS_SHORT,			/* under one block */
	CRYPTO_PANIC_CBC_MAC_PARTIAL,	/* NOPAD CBC-MAC, 5 bytes */
	/* DigestUpdate after DigestExtract */
	CRYPTO_PANIC_UPDATE_EXTRACTING,
	CRYPTO_PANIC_AAD_AFTER_PAYLOAD,
	CRYPTO_PANIC_AE_ENCRYPT_FINAL_DECRYPTING,
	CRYPTO_PANIC_AE_INIT_ACTIVE,		/* AEInit mid-message */
	CRYPTO_PANIC_CCM_PAYLOAD_OVER,		/* more than declared */
	CRYPTO_PANIC_RESET_NO_KEY,
	CRYPTO_PANIC_COPY_OTHER_ALG,
	CRYPTO_PANIC_DIGEST_NULL_LEN,		/* DoFinal(hashLen NULL) */
	CRYPTO_PANIC_ALLOC_NULL,		/* AllocateOperation(NULL) */
	CRYPTO_PANIC_INFO_NULL,
	CRYPTO_PANIC_UPDATE_LEN_WRAPS,	/* held bytes + srcLen > SIZE_MAX */
	CRYPTO_PANIC_COUNT
};

#endif /* VTEE_CRYPTO_TA_H */
