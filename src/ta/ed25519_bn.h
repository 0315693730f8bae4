/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Ed25519 with a context or prehashed (RFC 8032 §5.1: Ed25519ctx,
 * Ed25519ph), computed with BIGNUM (ed25519_bn.c).  libcrypto 3.0 signs
 * plain Ed25519 only (3.2 added the other two); op_eddsa.c uses it for
 * that and this for the rest.  Not constant-time: BIGNUM arithmetic
 * depends on the numbers, so these two variants leak timing that plain
 * Ed25519 (libcrypto's) does not.
 */
#ifndef VTEE_TA_ED25519_BN_H
#define VTEE_TA_ED25519_BN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TA_ED25519_CTX_MAX	255	/* RFC 8032: a context's bytes */

/*
 * The signature of msg under the 32-byte private key.  With ph the
 * message is hashed first (SHA-512); dom2(ph, ctx) prefixes the hashes
 * when ph is set or ctx_len is not 0 (plain Ed25519 otherwise).  false
 * if out of memory.
 */
bool ta_ed25519_sign(const uint8_t priv[32], bool ph, const uint8_t *ctx,
		     size_t ctx_len, const uint8_t *msg, size_t len,
		     uint8_t sig[64]);
/* 1 if sig is a valid signature of msg under pub, 0 if it is not, -1 if
 * out of memory */
int ta_ed25519_verify(const uint8_t pub[32], bool ph, const uint8_t *ctx,
		      size_t ctx_len, const uint8_t *msg, size_t len,
		      const uint8_t sig[64]);

#endif /* VTEE_TA_ED25519_BN_H */
