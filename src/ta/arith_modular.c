// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP's modular arithmetic.  Every modulus must be at least 2, or the
 * function panics.  Results are in [0, n - 1].  GP asks for operands
 * already in [0, n - 1]; others are reduced first rather than refused,
 * since the mathematics is the same.
 */
#include "arith.h"

void TEE_BigIntMod(TEE_BigInt *dest, const TEE_BigInt *op,
		   const TEE_BigInt *n)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *m = arith_get_modulus(ctx, n);
	BIGNUM *a = arith_get(ctx, op);
	BIGNUM *r = arith_tmp(ctx);

	/* BN_nnmod, not BN_mod: -1 mod n is n - 1 */
	arith_check(BN_nnmod(r, a, m, ctx));
	arith_put(dest, r);
	arith_end(ctx);
}

typedef int (*bn_mod_fn)(BIGNUM *r, const BIGNUM *a, const BIGNUM *b,
			 const BIGNUM *m, BN_CTX *ctx);

/* dest = fn(op1, op2) mod n; libcrypto's BN_mod_* all return [0, n-1] */
static void mod_binary(TEE_BigInt *dest, const TEE_BigInt *op1,
		       const TEE_BigInt *op2, const TEE_BigInt *n,
		       bn_mod_fn fn)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *m = arith_get_modulus(ctx, n);
	BIGNUM *a = arith_get(ctx, op1);
	BIGNUM *b = arith_get(ctx, op2);
	BIGNUM *r = arith_tmp(ctx);

	arith_check(fn(r, a, b, m, ctx));
	arith_put(dest, r);
	arith_end(ctx);
}

void TEE_BigIntAddMod(TEE_BigInt *dest, const TEE_BigInt *op1,
		      const TEE_BigInt *op2, const TEE_BigInt *n)
{
	mod_binary(dest, op1, op2, n, BN_mod_add);
}

void TEE_BigIntSubMod(TEE_BigInt *dest, const TEE_BigInt *op1,
		      const TEE_BigInt *op2, const TEE_BigInt *n)
{
	mod_binary(dest, op1, op2, n, BN_mod_sub);
}

void TEE_BigIntMulMod(TEE_BigInt *dest, const TEE_BigInt *op1,
		      const TEE_BigInt *op2, const TEE_BigInt *n)
{
	mod_binary(dest, op1, op2, n, BN_mod_mul);
}

void TEE_BigIntSquareMod(TEE_BigInt *dest, const TEE_BigInt *op,
			 const TEE_BigInt *n)
{
	mod_binary(dest, op, op, n, BN_mod_mul);
}

/*
 * GP panics for n < 2 and op = 0.  An op sharing a factor with n has no
 * inverse either, and no result would be right, so that panics too.  The
 * gcd is checked first so that BN_mod_inverse never fails: a failure
 * would make libcrypto set up its error state.
 */
void TEE_BigIntInvMod(TEE_BigInt *dest, const TEE_BigInt *op,
		      const TEE_BigInt *n)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *m = arith_get_modulus(ctx, n);
	BIGNUM *a = arith_get(ctx, op);
	BIGNUM *g = arith_tmp(ctx);
	BIGNUM *r = arith_tmp(ctx);

	if (BN_is_zero(a))
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	arith_check(BN_nnmod(a, a, m, ctx));
	arith_check(BN_gcd(g, a, m, ctx));
	if (!BN_is_one(g))
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	arith_check(BN_mod_inverse(r, a, m, ctx) != NULL);
	arith_put(dest, r);
	arith_end(ctx);
}

/*
 * Any modulus of at least 2 is supported, so this never returns
 * TEE_ERROR_NOT_SUPPORTED.  The exponent may be a private key: odd moduli
 * (all of RSA and DH) take libcrypto's constant-time ladder; an even
 * modulus cannot use Montgomery multiplication and takes the plain one.
 */
TEE_Result TEE_BigIntExpMod(TEE_BigInt *dest, const TEE_BigInt *op1,
			    const TEE_BigInt *op2, const TEE_BigInt *n,
			    const TEE_BigIntFMMContext *context)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *m = arith_get_modulus(ctx, n);
	BIGNUM *a = arith_get(ctx, op1);
	BIGNUM *e = arith_get(ctx, op2);
	BIGNUM *r = arith_tmp(ctx);

	if (context)
		arith_check_context(ctx, context, m);
	if (BN_is_negative(e))
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	arith_check(BN_nnmod(a, a, m, ctx));
	if (BN_is_odd(m))
		arith_check(BN_mod_exp_mont_consttime(r, a, e, m, ctx, NULL));
	else
		arith_check(BN_mod_exp(r, a, e, m, ctx));
	arith_put(dest, r);
	arith_end(ctx);
	return TEE_SUCCESS;
}
