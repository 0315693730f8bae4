/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The GP v1.1 examples TA's commands (tests/ta/gp11_examples_ta.c),
 * shared with its client, tests/integration/tos/test_gp11_examples.c.
 * The TA is written the way OP-TEE's older examples are (acipher, ecdh,
 * ecdsa, sign_verify, sha, hotp, aes), against GP v1.1 types, and only
 * builds in v1.1 mode: one build asks for it with GP's selectors
 * (GP11_EXAMPLES_TA_UUID), one with OP-TEE's __OPTEE_CORE_API_COMPAT_1_1
 * (GP11_EXAMPLES_TA_OPTEE_UUID).  TA_FLAGS 0: an instance per session.
 */
#ifndef VTEE_GP11_EXAMPLES_TA_H
#define VTEE_GP11_EXAMPLES_TA_H

#define GP11_EXAMPLES_TA_UUID \
	{ 0x2d6f0c8e, 0x4a1b, 0x4e73, \
	  { 0x8b, 0x5d, 0x91, 0x0e, 0x6a, 0x27, 0xc4, 0x3f } }
#define GP11_EXAMPLES_TA_OPTEE_UUID \
	{ 0x7a3e5b19, 0xc2d4, 0x4f86, \
	  { 0xa1, 0x0b, 0x5e, 0x63, 0x97, 0xd8, 0x24, 0xe0 } }

enum gp11_examples_cmd {
	/* acipher.  p0 VALUE_INPUT a = RSA key size in bits: a new key
	 * pair for the session */
	GP11_CMD_RSA_GENKEY = 0,
	/* acipher.  p0 MEMREF_INPUT, p1 MEMREF_OUTPUT (its size updated,
	 * also on TEE_ERROR_SHORT_BUFFER), p2 VALUE_INPUT a = enum
	 * gp11_rsaes */
	GP11_CMD_RSA_ENCRYPT = 1,
	GP11_CMD_RSA_DECRYPT = 2,
	/*
	 * ecdh.  p0 VALUE_INPUT a = curve (0..4: NIST P-192, P-224, P-256,
	 * P-384, P-521); p1 MEMREF_INPUT the peer's X || Y, p2
	 * MEMREF_OUTPUT ours, each coordinate as many bytes as the curve's
	 * size; p3 MEMREF_OUTPUT the shared secret.
	 */
	GP11_CMD_ECDH = 3,
	/* ecdsa.  p0 MEMREF_INPUT a message, p1 MEMREF_OUTPUT the P-256
	 * signature of its SHA-256, verified by the TA before it answers */
	GP11_CMD_ECDSA = 4,
	/* sign_verify.  As ECDSA, RSASSA-PSS with SHA-384 and the
	 * session's RSA key */
	GP11_CMD_RSA_SIGN_VERIFY = 5,
	/* sha.  p0 MEMREF_INPUT, p1 MEMREF_OUTPUT its SHA-512 */
	GP11_CMD_SHA = 6,
	/* sha.  p0 MEMREF_INPUT a key, p1 MEMREF_INPUT a message, p2
	 * MEMREF_OUTPUT its HMAC-SHA256, computed and then compared */
	GP11_CMD_HMAC = 7,
	/* hotp.  p0 VALUE_OUTPUT a = the next RFC 4226 value (6 digits)
	 * for the key "12345678901234567890", counter from 0 */
	GP11_CMD_HOTP = 8,
	/* aes.  p0 MEMREF_INPUT (16 bytes or more), p1 MEMREF_OUTPUT:
	 * AES-256 CTR, then XTS, under fresh random keys; then GCM over
	 * that, encrypted and decrypted back in place with its tag checked.
	 * p1 ends as the CTR and XTS output. */
	GP11_CMD_AES = 9,
};

enum gp11_rsaes {
	GP11_RSAES_PKCS1_V1_5,
	GP11_RSAES_OAEP_SHA1,
	GP11_RSAES_OAEP_SHA224,
	GP11_RSAES_OAEP_SHA256,
	GP11_RSAES_OAEP_SHA384,
	GP11_RSAES_OAEP_SHA512,
	GP11_RSAES_COUNT,
};

#endif /* VTEE_GP11_EXAMPLES_TA_H */
