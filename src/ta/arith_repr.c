// SPDX-License-Identifier: BSD-2-Clause
/*
 * The memory format of TEE_BigInt, TEE_BigIntFMM and TEE_BigIntFMMContext
 * (arith.h), and its conversion to and from BIGNUM.
 */
#include <openssl/crypto.h>
#include <string.h>

#include "arith.h"

#define KIND_SHIFT	16
#define CAP_MASK	0xffffu
#define NEG_BIT		(1u << 31)
#define USED_MASK	0xffffu

static uint32_t *limbs(uint32_t *big)
{
	return big + ARITH_HDR_WORDS;
}

static const uint32_t *climbs(const uint32_t *big)
{
	return big + ARITH_HDR_WORDS;
}

void arith_init(uint32_t *big, size_t len, enum arith_kind kind)
{
	size_t cap;

	/* the header must fit; TEE_BigIntSizeInU32(0) is the least */
	if (!big || len < ARITH_HDR_WORDS)
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	cap = len - ARITH_HDR_WORDS;
	if (cap > ARITH_MAX_LIMBS)
		cap = ARITH_MAX_LIMBS;
	big[0] = (uint32_t)kind << KIND_SHIFT | (uint32_t)cap;
	big[1] = 0;
	memset(limbs(big), 0, cap * sizeof(uint32_t));
}

/*
 * The capacity of big after checking that its header is one arith_init()
 * and arith_store() could have written: anything else is memory the TA
 * never initialised, or initialised as another kind.
 */
static size_t checked_capacity(const uint32_t *big, enum arith_kind kind)
{
	size_t cap;

	if (!big || big[0] >> KIND_SHIFT != (uint32_t)kind)
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	cap = big[0] & CAP_MASK;
	if (cap > ARITH_MAX_LIMBS || (big[1] & ~(NEG_BIT | USED_MASK)) ||
	    (big[1] & USED_MASK) > cap)
		arith_panic(TEE_ERROR_BAD_PARAMETERS);
	return cap;
}

size_t arith_capacity_bits(const uint32_t *big, enum arith_kind kind)
{
	return checked_capacity(big, kind) * 32;
}

/* Limbs travel through a little-endian byte image, which BN_lebin2bn and
 * BN_bn2lebinpad read and write whatever the host's byte order. */
static void limbs_to_bytes(uint8_t *out, const uint32_t *in, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t b = 0; b < 4; b++)
			out[4 * i + b] = (uint8_t)(in[i] >> (8 * b));
}

static void bytes_to_limbs(uint32_t *out, const uint8_t *in, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		out[i] = 0;
		for (size_t b = 0; b < 4; b++)
			out[i] |= (uint32_t)in[4 * i + b] << (8 * b);
	}
}

BIGNUM *arith_load(BN_CTX *ctx, const uint32_t *big, enum arith_kind kind)
{
	uint8_t image[ARITH_MAX_BYTES];
	size_t used;
	BIGNUM *v = arith_tmp(ctx);

	checked_capacity(big, kind);
	used = big[1] & USED_MASK;
	limbs_to_bytes(image, climbs(big), used);
	arith_check(BN_lebin2bn(image, (int)(used * 4), v) != NULL);
	/* values may be keys: leave no copy on the stack */
	OPENSSL_cleanse(image, sizeof(image));
	BN_set_negative(v, (big[1] & NEG_BIT) && !BN_is_zero(v));
	return v;
}

TEE_Result arith_store(uint32_t *big, enum arith_kind kind, const BIGNUM *v)
{
	uint8_t image[ARITH_MAX_BYTES];
	size_t cap = checked_capacity(big, kind);
	size_t used = ((size_t)BN_num_bits(v) + 31) / 32;

	if (used > cap)
		return TEE_ERROR_OVERFLOW;
	arith_check(BN_bn2lebinpad(v, image, (int)(used * 4)) >= 0);
	bytes_to_limbs(limbs(big), image, used);
	OPENSSL_cleanse(image, sizeof(image));
	/* clear what a larger earlier value left above the new one */
	memset(limbs(big) + used, 0, (cap - used) * sizeof(uint32_t));
	big[1] = (uint32_t)used;
	if (BN_is_negative(v) && !BN_is_zero(v))
		big[1] |= NEG_BIT;
	return TEE_SUCCESS;
}

void arith_store_or_panic(uint32_t *big, enum arith_kind kind,
			  const BIGNUM *v)
{
	TEE_Result res = arith_store(big, kind, v);

	if (res != TEE_SUCCESS)
		arith_panic(res);
}

BIGNUM *arith_get(BN_CTX *ctx, const TEE_BigInt *big)
{
	return arith_load(ctx, big, ARITH_INT);
}

void arith_put(TEE_BigInt *big, const BIGNUM *v)
{
	arith_store_or_panic(big, ARITH_INT, v);
}

void TEE_BigIntInit(TEE_BigInt *bigInt, size_t len)
{
	arith_init(bigInt, len, ARITH_INT);
}
