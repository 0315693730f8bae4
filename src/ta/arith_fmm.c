// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP's fast modular multiplication (FMM).  GP leaves the representation
 * to the implementation; vtee's is the plain residue: a TEE_BigIntFMM
 * holds x mod n in [0, n - 1] and TEE_BigIntComputeFMM is a modular
 * multiplication (BN_mod_mul: a product, then a division).  A Montgomery
 * form would need a BN_MONT_CTX, which owns libcrypto allocations and so
 * cannot live in the caller's context memory, which the TA frees at will
 * and never hands back to us.
 *
 * A context records its modulus (it has a TEE_BigInt's layout under its
 * own kind tag), so that every FMM function can check it is handed the
 * modulus the context was made for.  Any modulus of at least 2 works,
 * beyond GP's minimum of the odd ones.
 */
#include "arith.h"

size_t TEE_BigIntFMMSizeInU32(size_t modulusSizeInBits)
{
	return TEE_BigIntSizeInU32(modulusSizeInBits);
}

size_t TEE_BigIntFMMContextSizeInU32(size_t modulusSizeInBits)
{
	return TEE_BigIntSizeInU32(modulusSizeInBits);
}

void TEE_BigIntInitFMM(TEE_BigIntFMM *bigIntFMM, size_t len)
{
	arith_init(bigIntFMM, len, ARITH_FMM);
}

/* NOT_SUPPORTED for a modulus below 2; a context too small for its
 * modulus is a sizing error of the caller's and panics. */
TEE_Result TEE_BigIntInitFMMContext1(TEE_BigIntFMMContext *context,
				     size_t len, const TEE_BigInt *modulus)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *m = arith_get(ctx, modulus);
	TEE_Result res = TEE_ERROR_NOT_SUPPORTED;

	arith_init(context, len, ARITH_CTX);
	if (!BN_is_negative(m) && BN_num_bits(m) >= 2) {
		arith_store_or_panic(context, ARITH_CTX, m);
		res = TEE_SUCCESS;
	}
	arith_end(ctx);
	return res;
}

void TEE_BigIntInitFMMContext(TEE_BigIntFMMContext *context, size_t len,
			      const TEE_BigInt *modulus)
{
	TEE_Result res = TEE_BigIntInitFMMContext1(context, len, modulus);

	if (res != TEE_SUCCESS)
		arith_panic(res);
}

/* A context whose init failed holds 0, which matches no modulus. */
void arith_check_context(BN_CTX *ctx, const TEE_BigIntFMMContext *context,
			 const BIGNUM *n)
{
	if (BN_cmp(arith_load(ctx, context, ARITH_CTX), n))
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
}

/* n, checked against context */
static BIGNUM *fmm_modulus(BN_CTX *ctx, const TEE_BigInt *n,
			   const TEE_BigIntFMMContext *context)
{
	BIGNUM *m = arith_get_modulus(ctx, n);

	arith_check_context(ctx, context, m);
	return m;
}

/* An FMM value outside [0, n - 1] was made for another modulus. */
static BIGNUM *fmm_load(BN_CTX *ctx, const TEE_BigIntFMM *v, const BIGNUM *m)
{
	BIGNUM *x = arith_load(ctx, v, ARITH_FMM);

	if (BN_is_negative(x) || BN_cmp(x, m) >= 0)
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	return x;
}

void TEE_BigIntConvertToFMM(TEE_BigIntFMM *dest, const TEE_BigInt *src,
			    const TEE_BigInt *n,
			    const TEE_BigIntFMMContext *context)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *m = fmm_modulus(ctx, n, context);
	BIGNUM *x = arith_get(ctx, src);

	arith_check(BN_nnmod(x, x, m, ctx));
	arith_store_or_panic(dest, ARITH_FMM, x);
	arith_end(ctx);
}

void TEE_BigIntConvertFromFMM(TEE_BigInt *dest, const TEE_BigIntFMM *src,
			      const TEE_BigInt *n,
			      const TEE_BigIntFMMContext *context)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *m = fmm_modulus(ctx, n, context);

	arith_put(dest, fmm_load(ctx, src, m));
	arith_end(ctx);
}

void TEE_BigIntComputeFMM(TEE_BigIntFMM *dest, const TEE_BigIntFMM *op1,
			  const TEE_BigIntFMM *op2, const TEE_BigInt *n,
			  const TEE_BigIntFMMContext *context)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *m = fmm_modulus(ctx, n, context);
	BIGNUM *a = fmm_load(ctx, op1, m);
	BIGNUM *b = fmm_load(ctx, op2, m);
	BIGNUM *r = arith_tmp(ctx);

	arith_check(BN_mod_mul(r, a, b, m, ctx));
	arith_store_or_panic(dest, ARITH_FMM, r);
	arith_end(ctx);
}
