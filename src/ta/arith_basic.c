// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP's basic arithmetic.  A result larger than its destination's
 * capacity panics (TEE_ERROR_OVERFLOW): these functions have no error to
 * return, and GP makes the caller size the destination.
 */
#include "arith.h"

typedef int (*bn_binary_fn)(BIGNUM *r, const BIGNUM *a, const BIGNUM *b);

/* dest = fn(op1, op2), every operand read before dest is written */
static void binary(TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2, bn_binary_fn fn)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *a = arith_get(ctx, op1);
	BIGNUM *b = arith_get(ctx, op2);
	BIGNUM *r = arith_tmp(ctx);

	arith_check(fn(r, a, b));
	arith_put(dest, r);
	arith_end(ctx);
}

void TEE_BigIntAdd(TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2)
{
	binary(dest, op1, op2, BN_add);
}

void TEE_BigIntSub(TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2)
{
	binary(dest, op1, op2, BN_sub);
}

void TEE_BigIntNeg(TEE_BigInt *dest, const TEE_BigInt *op)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *v = arith_get(ctx, op);

	/* arith_store never writes a negative zero */
	BN_set_negative(v, !BN_is_negative(v));
	arith_put(dest, v);
	arith_end(ctx);
}

void TEE_BigIntMul(TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *a = arith_get(ctx, op1);
	BIGNUM *b = arith_get(ctx, op2);
	BIGNUM *r = arith_tmp(ctx);

	arith_check(BN_mul(r, a, b, ctx));
	arith_put(dest, r);
	arith_end(ctx);
}

void TEE_BigIntSquare(TEE_BigInt *dest, const TEE_BigInt *op)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *a = arith_get(ctx, op);
	BIGNUM *r = arith_tmp(ctx);

	arith_check(BN_sqr(r, a, ctx));
	arith_put(dest, r);
	arith_end(ctx);
}

/*
 * op1 = q * op2 + r with q rounded toward zero and r of op1's sign, as
 * GP and BN_div both define it.  Either destination may be NULL; the two
 * must not be the same memory, and dividing by zero panics.
 */
void TEE_BigIntDiv(TEE_BigInt *dest_q, TEE_BigInt *dest_r,
		   const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	BN_CTX *ctx;
	BIGNUM *a, *b, *q, *r;

	if (dest_q && dest_q == dest_r)
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	ctx = arith_begin();
	a = arith_get(ctx, op1);
	b = arith_get(ctx, op2);
	q = arith_tmp(ctx);
	r = arith_tmp(ctx);
	if (BN_is_zero(b))
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	arith_check(BN_div(q, r, a, b, ctx));
	if (dest_q)
		arith_put(dest_q, q);
	if (dest_r)
		arith_put(dest_r, r);
	arith_end(ctx);
}
