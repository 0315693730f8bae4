/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Known-answer vectors for test_crypto.c (crypto_vectors.c): hex strings,
 * "" for a field the algorithm has none of.  `aad` may be "@AAD64K":
 * 65536 bytes counting 00 ... ff over and over (SP 800-38C C.4).
 */
#ifndef CRYPTO_VECTORS_H
#define CRYPTO_VECTORS_H

#include <stddef.h>
#include <stdint.h>
#include <tee_api_defines.h>
#include <tee_api_defines_extensions.h>

struct crypto_kat {
	const char *name;
	uint32_t alg;		/* TEE_ALG_* */
	uint32_t key_type;	/* TEE_TYPE_*, 0 for a digest */
	const char *key, *key2;	/* key2: XTS's tweak key */
	const char *iv;		/* IV, counter block, tweak or nonce */
	const char *aad;
	const char *in;		/* plaintext or message */
	const char *out;	/* ciphertext, digest or MAC */
	const char *tag;	/* AE */
	uint32_t out_len;	/* SHAKE: the output's length */
};

extern const struct crypto_kat crypto_kats[];
extern const size_t crypto_n_kats;

#endif /* CRYPTO_VECTORS_H */
