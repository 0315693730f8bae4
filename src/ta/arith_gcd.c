// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP's greatest common divisor functions.  libcrypto's BN_gcd gives the
 * gcd but not Bezout's coefficients, so TEE_BigIntComputeExtendedGcd
 * runs the extended Euclidean algorithm on BIGNUMs itself.
 */
#include "arith.h"

bool TEE_BigIntRelativePrime(const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *a = arith_get(ctx, op1);
	BIGNUM *b = arith_get(ctx, op2);
	BIGNUM *g = arith_tmp(ctx);
	bool coprime;

	arith_check(BN_gcd(g, a, b, ctx));
	coprime = BN_is_one(g);
	arith_end(ctx);
	return coprime;
}

/* (x, y) = (y, x - q * y): one step of a Euclidean remainder sequence */
static void euclid_step(BIGNUM *x, BIGNUM *y, const BIGNUM *q, BIGNUM *t,
			BN_CTX *ctx)
{
	arith_check(BN_mul(t, q, y, ctx));
	arith_check(BN_sub(t, x, t));
	arith_check(BN_copy(x, y) != NULL);
	arith_check(BN_copy(y, t) != NULL);
}

/*
 * g = gcd(a, b) = u * a + v * b for a, b >= 0.  Each step keeps
 * r = s * a + t * b for both rows; the coefficients stay within
 * |u| <= b / (2g) and |v| <= a / (2g), so they fit where the operands do.
 */
static void extended_euclid(BIGNUM *g, BIGNUM *u, BIGNUM *v,
			    const BIGNUM *a, const BIGNUM *b, BN_CTX *ctx)
{
	BIGNUM *r = arith_tmp(ctx), *s = arith_tmp(ctx), *t = arith_tmp(ctx);
	BIGNUM *q = arith_tmp(ctx), *tmp = arith_tmp(ctx);

	arith_check(BN_copy(g, a) != NULL && BN_copy(r, b) != NULL);
	arith_check(BN_one(u));
	BN_zero(s);
	BN_zero(v);
	arith_check(BN_one(t));
	while (!BN_is_zero(r)) {
		arith_check(BN_div(q, NULL, g, r, ctx));
		euclid_step(g, r, q, tmp, ctx);
		euclid_step(u, s, q, tmp, ctx);
		euclid_step(v, t, q, tmp, ctx);
	}
}

/*
 * u * op1 + v * op2 = gcd for any signs: solve for |op1| and |op2|, then
 * give each coefficient its operand's sign.  u and v may be NULL.
 */
void TEE_BigIntComputeExtendedGcd(TEE_BigInt *gcd, TEE_BigInt *u,
				  TEE_BigInt *v, const TEE_BigInt *op1,
				  const TEE_BigInt *op2)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *a = arith_get(ctx, op1);
	BIGNUM *b = arith_get(ctx, op2);
	BIGNUM *g = arith_tmp(ctx), *cu = arith_tmp(ctx), *cv = arith_tmp(ctx);
	int neg_a = BN_is_negative(a), neg_b = BN_is_negative(b);

	BN_set_negative(a, 0);
	BN_set_negative(b, 0);
	extended_euclid(g, cu, cv, a, b, ctx);
	if (neg_a)
		BN_set_negative(cu, !BN_is_negative(cu));
	if (neg_b)
		BN_set_negative(cv, !BN_is_negative(cv));
	arith_put(gcd, g);
	if (u)
		arith_put(u, cu);
	if (v)
		arith_put(v, cv);
	arith_end(ctx);
}
