// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP's converters: TEE_BigInt to and from big-endian octet strings (the
 * magnitude; the sign travels separately) and int32_t.
 */
#include <limits.h>

#include "arith.h"

TEE_Result TEE_BigIntConvertFromOctetString(TEE_BigInt *dest,
					    const uint8_t *buffer,
					    size_t bufferLen, int32_t sign)
{
	BN_CTX *ctx;
	BIGNUM *v;
	TEE_Result res;

	/* an uninitialised dest panics, whatever the value */
	arith_capacity_bits(dest, ARITH_INT);
	/* leading zeros carry no value; what is left must fit BN_bin2bn's
	 * int, and arith_store() has the last word on dest's capacity */
	while (bufferLen && !*buffer) {
		buffer++;
		bufferLen--;
	}
	if (bufferLen > ARITH_MAX_BYTES)
		return TEE_ERROR_OVERFLOW;
	ctx = arith_begin();
	v = arith_tmp(ctx);
	arith_check(BN_bin2bn(buffer, (int)bufferLen, v) != NULL);
	BN_set_negative(v, sign < 0);
	res = arith_store(dest, ARITH_INT, v);
	arith_end(ctx);
	return res;
}

TEE_Result TEE_BigIntConvertToOctetString(uint8_t *buffer, size_t *bufferLen,
					  const TEE_BigInt *bigInt)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *v = arith_get(ctx, bigInt);
	size_t need = (size_t)BN_num_bytes(v);
	TEE_Result res = TEE_SUCCESS;

	if (!bufferLen || (!buffer && *bufferLen))
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	/* too small: tell the caller how much it takes, as GP size queries do */
	if (*bufferLen < need)
		res = TEE_ERROR_SHORT_BUFFER;
	else
		BN_bn2bin(v, buffer);
	*bufferLen = need;
	arith_end(ctx);
	return res;
}

void TEE_BigIntConvertFromS32(TEE_BigInt *dest, int32_t shortVal)
{
	BN_CTX *ctx = arith_begin();

	arith_put(dest, arith_from_s32(ctx, shortVal));
	arith_end(ctx);
}

/* |v| <= 2^31, then apply the sign: only -2^31 needs the extra bit. */
static TEE_Result to_s32(const BIGNUM *v, int32_t *out)
{
	int64_t mag;

	if (BN_num_bits(v) > 32)
		return TEE_ERROR_OVERFLOW;
	mag = (int64_t)BN_get_word(v);
	if (BN_is_negative(v))
		mag = -mag;
	if (mag < INT32_MIN || mag > INT32_MAX)
		return TEE_ERROR_OVERFLOW;
	*out = (int32_t)mag;
	return TEE_SUCCESS;
}

TEE_Result TEE_BigIntConvertToS32(int32_t *dest, const TEE_BigInt *src)
{
	BN_CTX *ctx = arith_begin();
	TEE_Result res = to_s32(arith_get(ctx, src), dest);

	arith_end(ctx);
	return res;
}
