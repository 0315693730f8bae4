/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What SM2 encryption and key exchange (GB/T 32918.3/.4, GM/T 0003),
 * computed here because libcrypto 3.0 has neither in GP's form, share:
 * the curve, points from and to coordinates, the SM3 key derivation
 * function, and the users' Z values.  sm2_util.c.
 */
#ifndef VTEE_TA_SM2_UTIL_H
#define VTEE_TA_SM2_UTIL_H

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* bytes of a coordinate, a scalar, a hash */
#define TA_SM2_LEN	32

/* The SM2 curve and a BN_CTX for computing on it */
struct ta_sm2 {
	EC_GROUP *group;
	BN_CTX *bn;
};

/* false when out of memory */
bool ta_sm2_init(struct ta_sm2 *s);
void ta_sm2_done(struct ta_sm2 *s);

/* The point (x, y), big-endian numbers of any length up to 32 bytes;
 * NULL if it is not on the curve (or out of memory). */
EC_POINT *ta_sm2_point(struct ta_sm2 *s, const uint8_t *x, size_t x_len,
		       const uint8_t *y, size_t y_len);
/* x || y, 32 bytes each; false for the point at infinity */
bool ta_sm2_coords(struct ta_sm2 *s, const EC_POINT *p, uint8_t out[64]);
/* A scalar uniform in [1, n - 1] */
bool ta_sm2_random_scalar(struct ta_sm2 *s, BIGNUM *k);

/* KDF(z, klen) of GB/T 32918.4 §5.4.3 with SM3; false if libcrypto
 * fails */
bool ta_sm2_kdf(const uint8_t *z, size_t z_len, uint8_t *out, size_t len);
/* SM3 of the concatenated parts (up to 8) */
bool ta_sm2_sm3(uint8_t out[32], const uint8_t *const bufs[],
		const size_t lens[], int n);
/* Z = SM3(ENTL || ID || a || b || xG || yG || x || y) for the user with
 * that ID and public key x || y; false for an ID over 8191 bytes */
bool ta_sm2_z(struct ta_sm2 *s, const uint8_t *id, size_t id_len,
	      const uint8_t pub[64], uint8_t z[32]);

#endif /* VTEE_TA_SM2_UTIL_H */
