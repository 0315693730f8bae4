// SPDX-License-Identifier: BSD-2-Clause
/*
 * SM2 public key encryption (GB/T 32918.4), TEE_ALG_SM2_PKE, computed on
 * libcrypto's EC_GROUP and SM3 (libcrypto 3.0's SM2 encryption speaks
 * DER; GP's ciphertext is raw).  The ciphertext is C1 || C2 || C3 as
 * OP-TEE writes it: C1 = 04 || x1 || y1 (the point [k]G, uncompressed),
 * C2 the message XOR KDF(x2 || y2), C3 = SM3(x2 || M || y2), where
 * (x2, y2) = [k]P.  A ciphertext that is not of that form or does not
 * check is TEE_ERROR_CIPHERTEXT_INVALID.
 */
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "op_asym.h"
#include "sm2_util.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define C1_LEN		(1 + 2 * TA_SM2_LEN)
#define C3_LEN		TA_SM2_LEN
/* A message's KDF stream is all zero with negligible chance: retries */
#define PKE_TRIES	8

static bool all_zero(const uint8_t *b, size_t len)
{
	uint8_t acc = 0;

	for (size_t i = 0; i < len; i++)
		acc |= b[i];
	return !acc;
}

/* t = KDF(x2 || y2, len), then out = in XOR t; false if t is all zero */
static bool mask(const uint8_t x2y2[64], const uint8_t *in, size_t len,
		 uint8_t *out)
{
	uint8_t *t = ta_asym_alloc(len);
	bool ok = ta_sm2_kdf(x2y2, 64, t, len) && !all_zero(t, len);

	for (size_t i = 0; ok && i < len; i++)
		out[i] = in[i] ^ t[i];
	OPENSSL_cleanse(t, len);
	free(t);
	return ok;
}

/* C3 = SM3(x2 || M || y2) */
static bool check_hash(const uint8_t x2y2[64], const uint8_t *m, size_t len,
		       uint8_t c3[32])
{
	const uint8_t *bufs[] = { x2y2, m, x2y2 + 32 };
	const size_t lens[] = { 32, len, 32 };

	return ta_sm2_sm3(c3, bufs, lens, 3);
}

/* The recipient's point P from the key */
static EC_POINT *public_point(struct ta_sm2 *s, const struct ta_object *key)
{
	const struct ta_attr *x = ta_object_attr(key,
						 TEE_ATTR_ECC_PUBLIC_VALUE_X);
	const struct ta_attr *y = ta_object_attr(key,
						 TEE_ATTR_ECC_PUBLIC_VALUE_Y);

	return x && y ? ta_sm2_point(s, x->buf, x->len, y->buf, y->len) : NULL;
}

/* One try with a fresh k: false if the KDF stream came out all zero */
static bool encrypt_once(struct ta_sm2 *s, const EC_POINT *pub, BIGNUM *k,
			 const uint8_t *m, size_t len, uint8_t *c)
{
	EC_POINT *pt = EC_POINT_new(s->group);
	uint8_t x2y2[64];
	bool ok;

	ok = pt && ta_sm2_random_scalar(s, k) &&
	     EC_POINT_mul(s->group, pt, k, NULL, NULL, s->bn) &&
	     ta_sm2_coords(s, pt, c + 1) &&
	     EC_POINT_mul(s->group, pt, NULL, pub, k, s->bn) &&
	     ta_sm2_coords(s, pt, x2y2) &&
	     mask(x2y2, m, len, c + C1_LEN) &&
	     check_hash(x2y2, m, len, c + C1_LEN + len);
	c[0] = 0x04;
	OPENSSL_cleanse(x2y2, sizeof(x2y2));
	EC_POINT_free(pt);
	return ok;
}

static TEE_Result pke_encrypt(struct ta_operation *op,
			      const struct ta_params *p, const uint8_t *in,
			      size_t len, uint8_t **out, size_t *out_len)
{
	struct ta_sm2 s;
	EC_POINT *pub = NULL;
	BIGNUM *k = BN_secure_new();
	bool ok = false;

	(void)p;
	if (!len || len > SIZE_MAX - C1_LEN - C3_LEN)
		return TEE_ERROR_BAD_PARAMETERS;
	*out_len = C1_LEN + len + C3_LEN;
	*out = ta_asym_alloc(*out_len);
	if (ta_sm2_init(&s) && k)
		pub = public_point(&s, op->key[0]);
	for (int i = 0; pub && !ok && i < PKE_TRIES; i++)
		ok = encrypt_once(&s, pub, k, in, len, *out);
	BN_clear_free(k);
	EC_POINT_free(pub);
	ta_sm2_done(&s);
	if (!ok)
		TEE_Panic(TEE_ERROR_GENERIC);
	return TEE_SUCCESS;
}

/* (x2, y2) = [d]C1; false if C1 is no point of the curve */
static bool shared_point(struct ta_sm2 *s, const struct ta_object *key,
			 const uint8_t *c1, uint8_t x2y2[64])
{
	const struct ta_attr *d = ta_object_attr(key,
						 TEE_ATTR_ECC_PRIVATE_VALUE);
	EC_POINT *pt = NULL, *c1p;
	BIGNUM *bd = NULL;
	bool ok = false;

	if (c1[0] != 0x04 || !d)
		return false;
	c1p = ta_sm2_point(s, c1 + 1, 32, c1 + 33, 32);
	if (c1p) {
		pt = EC_POINT_new(s->group);
		bd = BN_bin2bn(d->buf, (int)d->len, BN_secure_new());
		ok = pt && bd &&
		     EC_POINT_mul(s->group, pt, NULL, c1p, bd, s->bn) &&
		     ta_sm2_coords(s, pt, x2y2);
	}
	BN_clear_free(bd);
	EC_POINT_free(pt);
	EC_POINT_free(c1p);
	return ok;
}

static TEE_Result pke_decrypt(struct ta_operation *op,
			      const struct ta_params *p, const uint8_t *in,
			      size_t len, uint8_t **out, size_t *out_len)
{
	struct ta_sm2 s;
	uint8_t x2y2[64], c3[32];
	size_t m_len;
	bool ok = false;

	(void)p;
	if (len <= C1_LEN + C3_LEN)
		return TEE_ERROR_CIPHERTEXT_INVALID;
	m_len = len - C1_LEN - C3_LEN;
	*out_len = m_len;
	*out = ta_asym_alloc(m_len);
	if (!ta_sm2_init(&s))
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	ok = shared_point(&s, op->key[0], in, x2y2) &&
	     mask(x2y2, in + C1_LEN, m_len, *out) &&
	     check_hash(x2y2, *out, m_len, c3) &&
	     !CRYPTO_memcmp(c3, in + C1_LEN + m_len, C3_LEN);
	OPENSSL_cleanse(x2y2, sizeof(x2y2));
	ta_sm2_done(&s);
	return ok ? TEE_SUCCESS : TEE_ERROR_CIPHERTEXT_INVALID;
}

static const struct ta_asym_ops pke_ops = {
	.encrypt = pke_encrypt,
	.decrypt = pke_decrypt,
};

static const struct ta_op_backend pke_backend = TA_ASYM_BACKEND(pke_ops);

static const struct ta_alg pke_algs[] = {
	{ .id = TEE_ALG_SM2_PKE,
	  .op_class = TEE_OPERATION_ASYMMETRIC_CIPHER,
	  .modes = TA_MODE(TEE_MODE_ENCRYPT) | TA_MODE(TEE_MODE_DECRYPT),
	  .key_type = TEE_TYPE_SM2_PKE_KEYPAIR,
	  .pub_type = TEE_TYPE_SM2_PKE_PUBLIC_KEY, .n_keys = 1,
	  .elements = TA_ELEM_SM2, .backend = &pke_backend },
};

const struct ta_alg_list ta_algs_sm2_pke = { pke_algs, ARRAY_SIZE(pke_algs) };
