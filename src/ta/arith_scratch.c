// SPDX-License-Identifier: BSD-2-Clause
/*
 * What every arithmetical function computes with: a BN_CTX for its
 * temporaries, the checks that turn libcrypto failures and bad moduli
 * into GP panics, and small BIGNUM helpers.
 *
 * A fresh BN_CTX per call keeps the API reentrant and stateless; the
 * allocation costs little next to the arithmetic.  Nothing here touches
 * OpenSSL's RAND or configuration, which would open files the sandbox
 * forbids (docs/ta-sandbox.md): randomness comes from TEE_GenerateRandom.
 */
#include "arith.h"

noreturn void arith_panic(TEE_Result code)
{
	TEE_Panic(code);
}

void arith_check(int ok)
{
	if (!ok)
		arith_panic(TEE_ERROR_OUT_OF_MEMORY);
}

BN_CTX *arith_begin(void)
{
	/* secure: BN_CTX_free clears every temporary, which may hold keys */
	BN_CTX *ctx = BN_CTX_secure_new();

	arith_check(ctx != NULL);
	BN_CTX_start(ctx);
	return ctx;
}

void arith_end(BN_CTX *ctx)
{
	BN_CTX_end(ctx);
	BN_CTX_free(ctx);
}

BIGNUM *arith_tmp(BN_CTX *ctx)
{
	BIGNUM *v = BN_CTX_get(ctx);

	arith_check(v != NULL);
	return v;
}

BIGNUM *arith_get_modulus(BN_CTX *ctx, const TEE_BigInt *n)
{
	BIGNUM *v = arith_get(ctx, n);

	if (BN_is_negative(v) || BN_num_bits(v) < 2)
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	return v;
}

BIGNUM *arith_from_s32(BN_CTX *ctx, int32_t v)
{
	BIGNUM *r = arith_tmp(ctx);
	/* the magnitude of INT32_MIN does not fit an int32_t */
	int64_t wide = v;

	arith_check(BN_set_word(r, (BN_ULONG)(wide < 0 ? -wide : wide)));
	BN_set_negative(r, v < 0);
	return r;
}

int32_t arith_sign_of(int cmp)
{
	return (cmp > 0) - (cmp < 0);
}
