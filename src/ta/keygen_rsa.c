// SPDX-License-Identifier: BSD-2-Clause
/*
 * RSA key pairs for TEE_GenerateKey, computed with BIGNUM.
 *
 * Why not EVP_PKEY_keygen: OpenSSL 3's default provider refuses to
 * generate keys under 512 bits, and GP/OP-TEE test vectors use 256-bit
 * moduli (vtee allows any size from 256 to 4096, as OP-TEE does).  So the
 * key is made the textbook way for every size: two primes whose top two
 * bits are set (BN_generate_prime_ex2 sets them, so n has exactly keySize
 * bits), e prime to both p-1 and q-1, d = e^-1 mod lcm(p-1, q-1) (FIPS
 * 186-5 B.3.1), and the CRT values with p > q.
 */
#include <openssl/bn.h>
#include <tee_internal_api.h>

#include "keygen.h"

/* Tries before a public exponent counts as one that makes no key: with
 * an odd e, almost every prime pair works on the first try. */
#define RSA_TRIES	100

/* The key's numbers, all owned */
struct rsa_parts {
	BIGNUM *e, *p, *q, *n, *d, *dp, *dq, *qinv;
};

static void rsa_parts_free(struct rsa_parts *k)
{
	BN_free(k->e);
	BN_clear_free(k->p);
	BN_clear_free(k->q);
	BN_free(k->n);
	BN_clear_free(k->d);
	BN_clear_free(k->dp);
	BN_clear_free(k->dq);
	BN_clear_free(k->qinv);
}

static bool rsa_parts_alloc(struct rsa_parts *k)
{
	k->p = BN_secure_new();
	k->q = BN_secure_new();
	k->n = BN_new();
	k->d = BN_secure_new();
	k->dp = BN_secure_new();
	k->dq = BN_secure_new();
	k->qinv = BN_secure_new();
	return k->p && k->q && k->n && k->d && k->dp && k->dq && k->qinv;
}

/* e given (checked: odd, at least 3, shorter than the modulus) or 65537 */
static TEE_Result public_exponent(const struct ta_keygen_in *in, BIGNUM **e)
{
	if (!ta_keygen_param(in, TEE_ATTR_RSA_PUBLIC_EXPONENT)) {
		*e = BN_new();
		return *e && BN_set_word(*e, 65537) ? TEE_SUCCESS :
						       TEE_ERROR_OUT_OF_MEMORY;
	}
	*e = ta_keygen_param_bn(in, TEE_ATTR_RSA_PUBLIC_EXPONENT);
	if (!*e)
		return TEE_ERROR_OUT_OF_MEMORY;
	if (!BN_is_odd(*e) || BN_is_one(*e) ||
	    (uint32_t)BN_num_bits(*e) >= in->bits)
		return TEE_ERROR_BAD_PARAMETERS;
	return TEE_SUCCESS;
}

/* A prime of `bits` bits with gcd(prime - 1, e) = 1 */
static TEE_Result prime_for(BIGNUM *prime, int bits, const BIGNUM *e,
			    BN_CTX *ctx)
{
	TEE_Result res = TEE_ERROR_BAD_PARAMETERS;
	BIGNUM *t;

	BN_CTX_start(ctx);
	t = BN_CTX_get(ctx);
	for (int i = 0; i < RSA_TRIES && res == TEE_ERROR_BAD_PARAMETERS;
	     i++) {
		if (!t || !BN_generate_prime_ex2(prime, bits, 0, NULL, NULL,
						 NULL, ctx) ||
		    !BN_sub(t, prime, BN_value_one()) || !BN_gcd(t, t, e, ctx))
			res = TEE_ERROR_GENERIC;
		else if (BN_is_one(t))
			res = TEE_SUCCESS;
	}
	BN_CTX_end(ctx);
	return res;
}

/* d = e^-1 mod lcm(p-1, q-1); false if e has no inverse (it has one,
 * gcd(e, p-1) = gcd(e, q-1) = 1, unless the library fails) */
static bool private_exponent(struct rsa_parts *k, BN_CTX *ctx)
{
	BIGNUM *p1 = BN_CTX_get(ctx), *q1 = BN_CTX_get(ctx);
	BIGNUM *g = BN_CTX_get(ctx), *lcm = BN_CTX_get(ctx);

	return lcm && BN_sub(p1, k->p, BN_value_one()) &&
	       BN_sub(q1, k->q, BN_value_one()) && BN_gcd(g, p1, q1, ctx) &&
	       BN_mul(lcm, p1, q1, ctx) && BN_div(lcm, NULL, lcm, g, ctx) &&
	       BN_mod_inverse(k->d, k->e, lcm, ctx) &&
	       BN_mod(k->dp, k->d, p1, ctx) && BN_mod(k->dq, k->d, q1, ctx) &&
	       BN_mod_inverse(k->qinv, k->q, k->p, ctx);
}

/* p and q with p > q, n = p * q of exactly `bits` bits */
static TEE_Result primes(struct rsa_parts *k, uint32_t bits, BN_CTX *ctx)
{
	int pbits = (int)(bits + 1) / 2, qbits = (int)bits - pbits;
	TEE_Result res;

	for (int i = 0; i < RSA_TRIES; i++) {
		res = prime_for(k->p, pbits, k->e, ctx);
		if (res == TEE_SUCCESS)
			res = prime_for(k->q, qbits, k->e, ctx);
		if (res != TEE_SUCCESS)
			return res;
		if (BN_cmp(k->p, k->q) < 0)
			BN_swap(k->p, k->q);
		if (!BN_mul(k->n, k->p, k->q, ctx))
			return TEE_ERROR_GENERIC;
		if (BN_cmp(k->p, k->q) && (uint32_t)BN_num_bits(k->n) == bits)
			return TEE_SUCCESS;
	}
	return TEE_ERROR_GENERIC;
}

static TEE_Result rsa_store(const struct rsa_parts *k, struct ta_keygen *out)
{
	const struct {
		uint32_t id;
		const BIGNUM *bn;
	} attrs[] = {
		{ TEE_ATTR_RSA_MODULUS, k->n },
		{ TEE_ATTR_RSA_PUBLIC_EXPONENT, k->e },
		{ TEE_ATTR_RSA_PRIVATE_EXPONENT, k->d },
		{ TEE_ATTR_RSA_PRIME1, k->p },
		{ TEE_ATTR_RSA_PRIME2, k->q },
		{ TEE_ATTR_RSA_EXPONENT1, k->dp },
		{ TEE_ATTR_RSA_EXPONENT2, k->dq },
		{ TEE_ATTR_RSA_COEFFICIENT, k->qinv },
	};
	TEE_Result res = TEE_SUCCESS;

	for (size_t i = 0; res == TEE_SUCCESS &&
			   i < sizeof(attrs) / sizeof(attrs[0]); i++)
		res = ta_keygen_add_bn(out, attrs[i].id, attrs[i].bn);
	return res;
}

TEE_Result ta_keygen_rsa(const struct ta_keygen_in *in, struct ta_keygen *out)
{
	struct rsa_parts k = { 0 };
	BN_CTX *ctx = BN_CTX_secure_new();
	TEE_Result res = TEE_ERROR_OUT_OF_MEMORY;

	if (ctx && rsa_parts_alloc(&k)) {
		BN_CTX_start(ctx);
		res = public_exponent(in, &k.e);
		if (res == TEE_SUCCESS)
			res = primes(&k, in->bits, ctx);
		if (res == TEE_SUCCESS && !private_exponent(&k, ctx))
			res = TEE_ERROR_GENERIC;
		if (res == TEE_SUCCESS)
			res = rsa_store(&k, out);
		BN_CTX_end(ctx);
	}
	rsa_parts_free(&k);
	BN_CTX_free(ctx);
	return res;
}
