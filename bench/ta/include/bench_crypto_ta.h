/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The crypto benchmark TA (bench/vtee_crypto.c): PREPARE sets up one GP
 * operation (its key, its buffers), RUN does it count times inside the
 * TA, so that the client times a batch of operations with one invoke.
 * One prepared operation per session; PREPARE again replaces it.
 *
 * The message of a symmetric operation is `size` bytes with byte i equal
 * to BENCH_CRYPTO_FILL(i), its IV or nonce the first bytes of the same
 * pattern, and the key the client's: the library floor in the bench
 * process computes the same bytes, and the client compares the two.
 */
#ifndef VTEE_BENCH_CRYPTO_TA_H
#define VTEE_BENCH_CRYPTO_TA_H

#define BENCH_CRYPTO_TA_UUID \
	{ 0x2f6b8c1e, 0x4d3a, 0x4f27, \
	  { 0x9a, 0x51, 0x7e, 0x0c, 0x93, 0xb2, 0x64, 0xd8 } }

#define BENCH_CRYPTO_FILL(i)	((unsigned char)((i) * 131u + 17u))

/* An IV (CBC) or nonce (GCM) of this many bytes; GCM tags of 16 bytes */
#define BENCH_CRYPTO_CBC_IV_LEN		16
#define BENCH_CRYPTO_GCM_NONCE_LEN	12
#define BENCH_CRYPTO_GCM_TAG_LEN	16
/* What RUN hands back of the last operation (at most) */
#define BENCH_CRYPTO_CHECK_MAX		32

/*
 * p0 value in: a = the GP algorithm (TEE_ALG_*), b = the GP mode
 *    (TEE_MODE_*);
 * p1 value in: a = key size in bits, b = message size in bytes (a
 *    symmetric operation's; ignored by the others);
 * p2 memref in: the key (AES, HMAC), or empty: an asymmetric key pair
 *    is generated in the TA (RSA with e = 65537, ECDSA on P-256,
 *    X25519; for X25519 also the peer's public value).
 * A verify operation gets a signature to verify made with its key.
 * Then one untimed operation, which touches every buffer.
 *
 *   AES_GCM ENCRYPT: AEInit (nonce, 128-bit tag) + AEEncryptFinal of
 *       the whole message; AES_CBC_NOPAD ENCRYPT: CipherInit (IV) +
 *       CipherDoFinal; SHA256 DIGEST: DigestDoFinal; HMAC_SHA256 MAC:
 *       MACInit + MACComputeFinal;
 *   RSASSA_PKCS1_V1_5_SHA256, ECDSA_SHA256 SIGN / VERIFY:
 *       AsymmetricSignDigest / VerifyDigest of a 32-byte digest;
 *   X25519 DERIVE: ResetTransientObject of the secret + DeriveKey with
 *       the peer's public value.
 */
#define BENCH_CRYPTO_CMD_PREPARE	1
/*
 * p0 value in: a = count; p1 memref out: the last operation's last
 * bytes (up to BENCH_CRYPTO_CHECK_MAX: the tag, the end of the
 * ciphertext, the digest or MAC, the end of a signature; nothing for a
 * verification or derivation), its size set to how many.  The first
 * failure stops the batch and is returned (a verify that fails:
 * TEE_ERROR_SIGNATURE_INVALID).  count 0 does nothing: the cost of the
 * invoke itself.
 */
#define BENCH_CRYPTO_CMD_RUN		2

#endif /* VTEE_BENCH_CRYPTO_TA_H */
