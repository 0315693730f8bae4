// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP's logical operations: comparisons, the bits of the magnitude, right
 * shifts, and copies.  Like GP, bits are those of |x| and a shift keeps
 * the sign, so -5 >> 1 is -2, not the two's-complement -3.
 */
#include <limits.h>

#include "arith.h"

int32_t TEE_BigIntCmp(const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	BN_CTX *ctx = arith_begin();
	int32_t r = arith_sign_of(BN_cmp(arith_get(ctx, op1),
					 arith_get(ctx, op2)));

	arith_end(ctx);
	return r;
}

int32_t TEE_BigIntCmpS32(const TEE_BigInt *op, int32_t shortVal)
{
	BN_CTX *ctx = arith_begin();
	int32_t r = arith_sign_of(BN_cmp(arith_get(ctx, op),
					 arith_from_s32(ctx, shortVal)));

	arith_end(ctx);
	return r;
}

void TEE_BigIntShiftRight(TEE_BigInt *dest, const TEE_BigInt *op, size_t bits)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *v = arith_get(ctx, op);
	BIGNUM *r = arith_tmp(ctx);

	/* BN_rshift takes an int; past the top bit everything is gone */
	if (bits >= (size_t)BN_num_bits(v))
		BN_zero(r);
	else
		arith_check(BN_rshift(r, v, (int)bits));
	arith_put(dest, r);
	arith_end(ctx);
}

bool TEE_BigIntGetBit(const TEE_BigInt *src, uint32_t bitIndex)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *v = arith_get(ctx, src);
	bool set = bitIndex < (uint32_t)BN_num_bits(v) &&
		   BN_is_bit_set(v, (int)bitIndex);

	arith_end(ctx);
	return set;
}

uint32_t TEE_BigIntGetBitCount(const TEE_BigInt *src)
{
	BN_CTX *ctx = arith_begin();
	uint32_t n = (uint32_t)BN_num_bits(arith_get(ctx, src));

	arith_end(ctx);
	return n;
}

/*
 * Setting a bit beyond the capacity is GP's TEE_ERROR_OVERFLOW.  Clearing
 * a bit above the top one changes nothing (and BN_clear_bit refuses it).
 */
TEE_Result TEE_BigIntSetBit(TEE_BigInt *op, uint32_t bitIndex, bool value)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *v = arith_get(ctx, op);
	TEE_Result res = TEE_SUCCESS;

	if (value && bitIndex >= arith_capacity_bits(op, ARITH_INT))
		res = TEE_ERROR_OVERFLOW;
	else if (value)
		arith_check(BN_set_bit(v, (int)bitIndex));
	else if (bitIndex < (uint32_t)BN_num_bits(v))
		arith_check(BN_clear_bit(v, (int)bitIndex));
	if (res == TEE_SUCCESS)
		res = arith_store(op, ARITH_INT, v);
	arith_end(ctx);
	return res;
}

TEE_Result TEE_BigIntAssign(TEE_BigInt *dest, const TEE_BigInt *src)
{
	BN_CTX *ctx = arith_begin();
	TEE_Result res = arith_store(dest, ARITH_INT, arith_get(ctx, src));

	arith_end(ctx);
	return res;
}

TEE_Result TEE_BigIntAbs(TEE_BigInt *dest, const TEE_BigInt *src)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *v = arith_get(ctx, src);
	TEE_Result res;

	BN_set_negative(v, 0);
	res = arith_store(dest, ARITH_INT, v);
	arith_end(ctx);
	return res;
}
