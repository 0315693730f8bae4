// SPDX-License-Identifier: BSD-2-Clause
/*
 * DSA and DH key pairs for TEE_GenerateKey, on domain parameters the
 * caller gives (GP generates no domain parameters): a private value x and
 * the public value y = g^x mod p, computed with BIGNUM.
 *
 * The parameters are checked only as far as a key needs them to be
 * consistent (the prime has keySize bits, 1 < g < p, for DSA g has order
 * q); their primality is the caller's business, as in OP-TEE.  Anything
 * else is TEE_ERROR_BAD_PARAMETERS.
 */
#include <openssl/bn.h>
#include <tee_internal_api.h>

#include "keygen.h"

/* The domain parameters and the key, all owned */
struct dlog_key {
	BIGNUM *p, *q, *g, *x, *y;
};

static void dlog_key_free(struct dlog_key *k)
{
	BN_free(k->p);
	BN_free(k->q);
	BN_free(k->g);
	BN_clear_free(k->x);
	BN_free(k->y);
}

/* Reads p and g (present: mandatory parameters) and q if given. */
static TEE_Result dlog_read(const struct ta_keygen_in *in, uint32_t p_id,
			    uint32_t q_id, uint32_t g_id, struct dlog_key *k)
{
	k->p = ta_keygen_param_bn(in, p_id);
	k->g = ta_keygen_param_bn(in, g_id);
	k->x = BN_secure_new();
	k->y = BN_new();
	if (ta_keygen_param(in, q_id))
		k->q = ta_keygen_param_bn(in, q_id);
	if (!k->p || !k->g || !k->x || !k->y ||
	    (ta_keygen_param(in, q_id) && !k->q))
		return TEE_ERROR_OUT_OF_MEMORY;
	return TEE_SUCCESS;
}

/* The prime has keySize bits, 1 < g < p - 1, and 1 < q < p if given. */
static bool dlog_consistent(const struct dlog_key *k, uint32_t bits,
			    BN_CTX *ctx)
{
	BIGNUM *p1 = BN_CTX_get(ctx);

	if (!p1 || !BN_sub(p1, k->p, BN_value_one()))
		return false;
	return (uint32_t)BN_num_bits(k->p) == bits &&
	       BN_cmp(k->g, BN_value_one()) > 0 && BN_cmp(k->g, p1) < 0 &&
	       (!k->q || (BN_cmp(k->q, BN_value_one()) > 0 &&
			  BN_cmp(k->q, k->p) < 0));
}

/* x uniform in [1, bound - 1] */
static bool random_below(BIGNUM *x, const BIGNUM *bound)
{
	do {
		if (!BN_priv_rand_range(x, bound))
			return false;
	} while (BN_is_zero(x));
	return true;
}

/* x of exactly xbits bits (PKCS #3: 2^(l-1) <= x < 2^l), below bound */
static bool random_bits_below(BIGNUM *x, int xbits, const BIGNUM *bound)
{
	do {
		if (!BN_priv_rand(x, xbits, BN_RAND_TOP_ONE,
				  BN_RAND_BOTTOM_ANY))
			return false;
	} while (BN_cmp(x, bound) >= 0);
	return true;
}

/* y = g^x mod p, in constant time for the secret exponent */
static bool public_value(struct dlog_key *k, BN_CTX *ctx)
{
	BN_set_flags(k->x, BN_FLG_CONSTTIME);
	return BN_mod_exp(k->y, k->g, k->x, k->p, ctx);
}

static TEE_Result dlog_store(const struct dlog_key *k, const uint32_t ids[5],
			     struct ta_keygen *out)
{
	const BIGNUM *bns[5] = { k->p, k->q, k->g, k->x, k->y };
	TEE_Result res = TEE_SUCCESS;

	for (int i = 0; res == TEE_SUCCESS && i < 5; i++)
		if (bns[i])
			res = ta_keygen_add_bn(out, ids[i], bns[i]);
	return res;
}

/* ------------------------------------------------------------------ */
/* DSA (FIPS 186-5 A.2.1: x in [1, q-1])                                */
/* ------------------------------------------------------------------ */

/* g generates the subgroup of order q: q | p - 1 and g^q = 1 mod p */
static bool dsa_group_ok(const struct dlog_key *k, BN_CTX *ctx)
{
	BIGNUM *t = BN_CTX_get(ctx);

	return t && BN_sub(t, k->p, BN_value_one()) &&
	       BN_mod(t, t, k->q, ctx) && BN_is_zero(t) &&
	       BN_mod_exp(t, k->g, k->q, k->p, ctx) && BN_is_one(t);
}

static const uint32_t dsa_ids[5] = {
	TEE_ATTR_DSA_PRIME, TEE_ATTR_DSA_SUBPRIME, TEE_ATTR_DSA_BASE,
	TEE_ATTR_DSA_PRIVATE_VALUE, TEE_ATTR_DSA_PUBLIC_VALUE,
};

static TEE_Result dsa_make(struct dlog_key *k, const struct ta_keygen_in *in,
			   BN_CTX *ctx, struct ta_keygen *out)
{
	if (!dlog_consistent(k, in->bits, ctx) || !dsa_group_ok(k, ctx))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!random_below(k->x, k->q) || !public_value(k, ctx))
		return TEE_ERROR_GENERIC;
	return dlog_store(k, dsa_ids, out);
}

TEE_Result ta_keygen_dsa(const struct ta_keygen_in *in, struct ta_keygen *out)
{
	struct dlog_key k = { 0 };
	BN_CTX *ctx = BN_CTX_new();
	TEE_Result res = TEE_ERROR_OUT_OF_MEMORY;

	if (ctx) {
		BN_CTX_start(ctx);
		res = dlog_read(in, TEE_ATTR_DSA_PRIME, TEE_ATTR_DSA_SUBPRIME,
				TEE_ATTR_DSA_BASE, &k);
		if (res == TEE_SUCCESS)
			res = dsa_make(&k, in, ctx, out);
		BN_CTX_end(ctx);
	}
	dlog_key_free(&k);
	BN_CTX_free(ctx);
	return res;
}

/* ------------------------------------------------------------------ */
/* DH (PKCS #3; X9.42 when a subprime q is given)                       */
/* ------------------------------------------------------------------ */

/*
 * The private value: below q if given (X9.42), else below p - 1; of
 * exactly TEE_ATTR_DH_X_BITS bits if that is given and not 0 (OP-TEE
 * reads 0 as "not given").
 */
static TEE_Result dh_private(struct dlog_key *k, const struct ta_attr *xbits,
			     BN_CTX *ctx)
{
	BIGNUM *bound = k->q;

	if (!bound) {
		bound = BN_CTX_get(ctx);
		if (!bound || !BN_sub(bound, k->p, BN_value_one()))
			return TEE_ERROR_GENERIC;
	}
	if (!xbits || !xbits->a)
		return random_below(k->x, bound) ? TEE_SUCCESS :
						   TEE_ERROR_GENERIC;
	if (xbits->a > (uint32_t)BN_num_bits(bound))
		return TEE_ERROR_BAD_PARAMETERS;
	return random_bits_below(k->x, (int)xbits->a, bound) ?
		       TEE_SUCCESS : TEE_ERROR_GENERIC;
}

static const uint32_t dh_ids[5] = {
	TEE_ATTR_DH_PRIME, TEE_ATTR_DH_SUBPRIME, TEE_ATTR_DH_BASE,
	TEE_ATTR_DH_PRIVATE_VALUE, TEE_ATTR_DH_PUBLIC_VALUE,
};

static TEE_Result dh_make(struct dlog_key *k, const struct ta_keygen_in *in,
			  BN_CTX *ctx, struct ta_keygen *out)
{
	const struct ta_attr *xbits = ta_keygen_param(in, TEE_ATTR_DH_X_BITS);
	TEE_Result res;

	if (!dlog_consistent(k, in->bits, ctx))
		return TEE_ERROR_BAD_PARAMETERS;
	res = dh_private(k, xbits, ctx);
	if (res == TEE_SUCCESS && !public_value(k, ctx))
		res = TEE_ERROR_GENERIC;
	if (res == TEE_SUCCESS)
		res = dlog_store(k, dh_ids, out);
	/* kept as given, as OP-TEE keeps it after generation */
	if (res == TEE_SUCCESS && xbits)
		ta_keygen_add_value(out, TEE_ATTR_DH_X_BITS, xbits->a,
				    xbits->b);
	return res;
}

TEE_Result ta_keygen_dh(const struct ta_keygen_in *in, struct ta_keygen *out)
{
	struct dlog_key k = { 0 };
	BN_CTX *ctx = BN_CTX_new();
	TEE_Result res = TEE_ERROR_OUT_OF_MEMORY;

	if (ctx) {
		BN_CTX_start(ctx);
		res = dlog_read(in, TEE_ATTR_DH_PRIME, TEE_ATTR_DH_SUBPRIME,
				TEE_ATTR_DH_BASE, &k);
		if (res == TEE_SUCCESS)
			res = dh_make(&k, in, ctx, out);
		BN_CTX_end(ctx);
	}
	dlog_key_free(&k);
	BN_CTX_free(ctx);
	return res;
}
