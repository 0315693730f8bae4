/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The crypto floors (crypto_floor.c): the operations of the crypto
 * cases done by OpenSSL's libcrypto directly in the bench process, the
 * way a program using the library would do them over and over: the key
 * and the library context set up once, each operation a message from
 * init to final (or one signature, one verification, one derivation).
 */
#ifndef VTEE_BENCH_CRYPTO_FLOOR_H
#define VTEE_BENCH_CRYPTO_FLOOR_H

#include <stddef.h>
#include <stdint.h>

enum crypto_kind {
	CRYPTO_AES_GCM,		/* encrypt, 12-byte nonce, 16-byte tag */
	CRYPTO_AES_CBC,		/* encrypt, no padding */
	CRYPTO_SHA256,
	CRYPTO_HMAC_SHA256,
	CRYPTO_RSA_SIGN,	/* PKCS#1 v1.5, SHA-256 digest */
	CRYPTO_RSA_VERIFY,
	CRYPTO_ECDSA_SIGN,	/* P-256, SHA-256 digest */
	CRYPTO_ECDSA_VERIFY,
	CRYPTO_X25519,		/* derive from the peer's public value */
};

struct crypto_floor;

/*
 * A prepared floor: for the symmetric kinds a message of size bytes
 * filled as the benchmark TA fills its own (bench_crypto_ta.h), with
 * the key of key_bits / 8 bytes at key; for the others a key generated
 * here (RSA of key_bits bits, P-256, X25519).  NULL if libcrypto fails.
 */
struct crypto_floor *crypto_floor_new(enum crypto_kind kind,
				      unsigned int key_bits, size_t size,
				      const uint8_t *key);
void crypto_floor_free(struct crypto_floor *f);
/*
 * count operations; the last one's check bytes (as the TA's RUN hands
 * them back) in check, their number in *check_len.  0 or -EIO.
 */
int crypto_floor_run(struct crypto_floor *f, unsigned int count,
		     uint8_t *check, size_t *check_len);

#endif /* VTEE_BENCH_CRYPTO_FLOOR_H */
