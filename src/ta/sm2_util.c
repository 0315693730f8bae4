// SPDX-License-Identifier: BSD-2-Clause
/*
 * SM2 helpers (sm2_util.h) on libcrypto's EC_GROUP for NID_sm2 and SM3.
 */
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <string.h>
#include <tee_internal_api.h>

#include "crypto_lib.h"
#include "sm2_util.h"

bool ta_sm2_init(struct ta_sm2 *s)
{
	s->group = EC_GROUP_new_by_curve_name(NID_sm2);
	s->bn = BN_CTX_secure_new();
	return s->group && s->bn;
}

void ta_sm2_done(struct ta_sm2 *s)
{
	EC_GROUP_free(s->group);
	BN_CTX_free(s->bn);
	s->group = NULL;
	s->bn = NULL;
}

/* EC_POINT_set_affine_coordinates refuses a point off the curve. */
EC_POINT *ta_sm2_point(struct ta_sm2 *s, const uint8_t *x, size_t x_len,
		       const uint8_t *y, size_t y_len)
{
	EC_POINT *p = EC_POINT_new(s->group);
	BIGNUM *bx, *by;
	bool ok;

	if (!p || x_len > TA_SM2_LEN || y_len > TA_SM2_LEN)
		goto fail;
	BN_CTX_start(s->bn);
	bx = BN_CTX_get(s->bn);
	by = BN_CTX_get(s->bn);
	ok = by && BN_bin2bn(x, (int)x_len, bx) &&
	     BN_bin2bn(y, (int)y_len, by) &&
	     EC_POINT_set_affine_coordinates(s->group, p, bx, by, s->bn) == 1;
	BN_CTX_end(s->bn);
	if (ok)
		return p;
fail:
	EC_POINT_free(p);
	return NULL;
}

bool ta_sm2_coords(struct ta_sm2 *s, const EC_POINT *p, uint8_t out[64])
{
	BIGNUM *x, *y;
	bool ok;

	if (EC_POINT_is_at_infinity(s->group, p))
		return false;
	BN_CTX_start(s->bn);
	x = BN_CTX_get(s->bn);
	y = BN_CTX_get(s->bn);
	ok = y && EC_POINT_get_affine_coordinates(s->group, p, x, y, s->bn) &&
	     BN_bn2binpad(x, out, TA_SM2_LEN) == TA_SM2_LEN &&
	     BN_bn2binpad(y, out + TA_SM2_LEN, TA_SM2_LEN) == TA_SM2_LEN;
	BN_CTX_end(s->bn);
	return ok;
}

bool ta_sm2_random_scalar(struct ta_sm2 *s, BIGNUM *k)
{
	const BIGNUM *n = EC_GROUP_get0_order(s->group);

	do {
		if (!BN_priv_rand_range(k, n))
			return false;
	} while (BN_is_zero(k));
	return true;
}

bool ta_sm2_sm3(uint8_t out[32], const uint8_t *const bufs[],
		const size_t lens[], int n)
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	bool ok = c && EVP_DigestInit_ex2(c, ta_crypto_md(TEE_ALG_SM3), NULL);

	for (int i = 0; ok && i < n; i++)
		ok = EVP_DigestUpdate(c, bufs[i], lens[i]);
	ok = ok && EVP_DigestFinal_ex(c, out, NULL);
	EVP_MD_CTX_free(c);
	return ok;
}

/* Hash(z || ct) for ct = 1, 2, ... (32-bit big-endian), concatenated */
bool ta_sm2_kdf(const uint8_t *z, size_t z_len, uint8_t *out, size_t len)
{
	uint8_t block[32];
	uint32_t ct = 1;

	for (size_t off = 0; off < len; off += sizeof(block), ct++) {
		uint8_t be[4] = { ct >> 24, ct >> 16, ct >> 8, ct };
		const uint8_t *bufs[] = { z, be };
		const size_t lens[] = { z_len, sizeof(be) };
		size_t n = len - off < sizeof(block) ? len - off :
						       sizeof(block);

		if (!ta_sm2_sm3(block, bufs, lens, 2))
			return false;
		memcpy(out + off, block, n);
	}
	OPENSSL_cleanse(block, sizeof(block));
	return true;
}

/* The curve's a, b, xG, yG, 32 bytes each */
static bool curve_params(struct ta_sm2 *s, uint8_t out[128])
{
	BIGNUM *a, *b, *x, *y;
	bool ok;

	BN_CTX_start(s->bn);
	a = BN_CTX_get(s->bn);
	b = BN_CTX_get(s->bn);
	x = BN_CTX_get(s->bn);
	y = BN_CTX_get(s->bn);
	ok = y && EC_GROUP_get_curve(s->group, NULL, a, b, s->bn) &&
	     EC_POINT_get_affine_coordinates(s->group,
					     EC_GROUP_get0_generator(s->group),
					     x, y, s->bn) &&
	     BN_bn2binpad(a, out, 32) == 32 &&
	     BN_bn2binpad(b, out + 32, 32) == 32 &&
	     BN_bn2binpad(x, out + 64, 32) == 32 &&
	     BN_bn2binpad(y, out + 96, 32) == 32;
	BN_CTX_end(s->bn);
	return ok;
}

bool ta_sm2_z(struct ta_sm2 *s, const uint8_t *id, size_t id_len,
	      const uint8_t pub[64], uint8_t z[32])
{
	uint8_t params[128];
	uint8_t entl[2] = { (uint8_t)(id_len * 8 >> 8), (uint8_t)(id_len * 8) };
	const uint8_t *bufs[] = { entl, id, params, pub };
	const size_t lens[] = { 2, id_len, sizeof(params), 64 };

	/* ENTL is the ID's length in bits, in 16 bits */
	if (id_len > 0xffff / 8 || !curve_params(s, params))
		return false;
	return ta_sm2_sm3(z, bufs, lens, 4);
}
