/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The arithmetic test TA's command interface (tests/ta/arith_ta.c),
 * shared with its client, tests/integration/tos/test_arith.c.  Each
 * command runs one part of the GP Arithmetical API (TEE_BigInt*) on
 * operands the client sends, so that the client can compare the results
 * with what OpenSSL computes natively.
 *
 * Every command takes the same parameters:
 *   p0 MEMREF_INPUT   the operands, a sequence of numbers (below)
 *   p1 MEMREF_OUTPUT  the results, a sequence of numbers; if p1 is too
 *                     small: TEE_ERROR_SHORT_BUFFER with the size needed
 *   p2 VALUE_INPUT    a = the capacity in bits of the destination
 *                         TEE_BigInt (0: gpd.tee.arith.maxBigIntSize);
 *                     b = ARITH_TA_* flags
 *   p3 VALUE_INOUT    in: a, b = the command's arguments;
 *                     out: a, b = what the GP function(s) returned
 *
 * A number is an 8-byte header, then its magnitude in big-endian octets:
 *   int32 sign (big-endian)   operands: passed as is to
 *                             TEE_BigIntConvertFromOctetString's sign;
 *                             results: -1, 0 or 1 (TEE_BigIntCmpS32(x, 0))
 *   uint32 length (big-endian), then length octets
 * The TA loads operand i, with TEE_BigIntConvertFromOctetString, into a
 * TEE_BigInt of TEE_BigIntSizeInU32(8 * length) words, and returns each
 * result through TEE_BigIntConvertToOctetString; so every command also
 * exercises those two.
 *
 * A GP panic kills the TA instance: the client sees TEE_ERROR_TARGET_DEAD.
 * The TA has TA_FLAGS 0, so every session is an instance of its own.
 */
#ifndef VTEE_ARITH_TA_H
#define VTEE_ARITH_TA_H

#include <stdint.h>

#define ARITH_TA_UUID \
	{ 0xf2011ec2, 0x1be0, 0x49af, \
	  { 0x94, 0xaa, 0xdf, 0x67, 0x99, 0x3b, 0xc9, 0xd7 } }

/* p2.b flags */
/* the destination is operand 0's own memory, loaded with p2.a's capacity */
#define ARITH_TA_ALIAS		(1u << 0)
/* DIV: dest_q is NULL; EXT_GCD: u is NULL */
#define ARITH_TA_NO_FIRST	(1u << 1)
/* DIV: dest_r is NULL; EXT_GCD: v is NULL */
#define ARITH_TA_NO_SECOND	(1u << 2)
/* EXP_MOD: pass an FMM context made for n (otherwise NULL) */
#define ARITH_TA_CONTEXT	(1u << 3)

/* Operands are x, y, n (modulus) or e (exponent); r the result. */
enum arith_ta_cmd {
	/* [x] into a destination of p2.a bits: out a = the result of
	 * TEE_BigIntConvertFromOctetString; [r] if it succeeded */
	ARITH_CMD_LOAD = 0,
	/* [x]; in a = the buffer length offered to
	 * TEE_BigIntConvertToOctetString: out a = its result, b = the
	 * bufferLen it left; [the octets, as a non-negative number] if it
	 * succeeded */
	ARITH_CMD_TO_OCTETS = 1,
	/* in a = (int32_t) value: [TEE_BigIntConvertFromS32] */
	ARITH_CMD_FROM_S32 = 2,
	/* [x]: out a = TEE_BigIntConvertToS32's result, b = the int32_t */
	ARITH_CMD_TO_S32 = 3,
	/* [x, y]: out a = (int32_t) TEE_BigIntCmp */
	ARITH_CMD_CMP = 4,
	/* [x]; in a = (int32_t) value: out a = (int32_t) TEE_BigIntCmpS32 */
	ARITH_CMD_CMP_S32 = 5,
	/* [x]; in a = bits: [x >> bits] */
	ARITH_CMD_SHIFT_RIGHT = 6,
	/* [x]; in a = bit index: out a = TEE_BigIntGetBit */
	ARITH_CMD_GET_BIT = 7,
	/* [x]: out a = TEE_BigIntGetBitCount */
	ARITH_CMD_GET_BIT_COUNT = 8,
	/* [x], loaded with p2.a's capacity; in a = bit index, b = value:
	 * out a = TEE_BigIntSetBit's result; [x afterwards] */
	ARITH_CMD_SET_BIT = 9,
	/* [x]: out a = TEE_BigIntAssign's result; [r] if it succeeded */
	ARITH_CMD_ASSIGN = 10,
	/* [x]: out a = TEE_BigIntAbs's result; [r] if it succeeded */
	ARITH_CMD_ABS = 11,
	ARITH_CMD_ADD = 12,		/* [x, y]: [x + y] */
	ARITH_CMD_SUB = 13,		/* [x, y]: [x - y] */
	ARITH_CMD_NEG = 14,		/* [x]: [-x] */
	ARITH_CMD_MUL = 15,		/* [x, y]: [x * y] */
	ARITH_CMD_SQUARE = 16,		/* [x]: [x * x] */
	/* [x, y]: [q, r] (a NULL one, see the flags, comes back as 0) */
	ARITH_CMD_DIV = 17,
	ARITH_CMD_MOD = 18,		/* [x, n]: [x mod n] */
	ARITH_CMD_ADD_MOD = 19,		/* [x, y, n] */
	ARITH_CMD_SUB_MOD = 20,		/* [x, y, n] */
	ARITH_CMD_MUL_MOD = 21,		/* [x, y, n] */
	ARITH_CMD_SQUARE_MOD = 22,	/* [x, n] */
	ARITH_CMD_INV_MOD = 23,		/* [x, n] */
	/* [x, e, n]: out a = TEE_BigIntExpMod's result; [r] if it
	 * succeeded */
	ARITH_CMD_EXP_MOD = 24,
	/* [x, y]: out a = TEE_BigIntRelativePrime */
	ARITH_CMD_RELATIVE_PRIME = 25,
	/* [x, y]: [gcd, u, v] (a NULL one comes back as 0) */
	ARITH_CMD_EXT_GCD = 26,
	/* [x]; in a = confidence level: out a = (int32_t) result */
	ARITH_CMD_IS_PRIME = 27,
	/* [x, n], the context p2.a bits large: out a = the result of
	 * TEE_BigIntInitFMMContext1; if it succeeded,
	 * [TEE_BigIntConvertFromFMM(TEE_BigIntConvertToFMM(x))] */
	ARITH_CMD_FMM_ROUNDTRIP = 28,
	/* [x, y, n], the context (TEE_BigIntInitFMMContext) p2.a bits
	 * large: [x * y mod n computed by TEE_BigIntComputeFMM,
	 *         x * x * y mod n with the destination aliasing op1] */
	ARITH_CMD_FMM_MUL = 29,
	/* in a = modulus bits: out a = TEE_BigIntFMMSizeInU32,
	 * b = TEE_BigIntFMMContextSizeInU32 */
	ARITH_CMD_FMM_SIZES = 30,
	/* out a = TEE property gpd.tee.arith.maxBigIntSize, b = the result
	 * of TEE_GetPropertyAsU32 */
	ARITH_CMD_MAX_BITS = 31,
	/*
	 * The __GP11_ twins.  [x, n]; in a = shift bits, b = modulus bits:
	 * [x >> a, x mod n through an FMM round trip];
	 * out a = __GP11_TEE_BigIntFMMSizeInU32(b),
	 * b = __GP11_TEE_BigIntFMMContextSizeInU32(b)
	 */
	ARITH_CMD_GP11 = 32,
	/* TEE_BigIntInit on one uint32_t: panics */
	ARITH_CMD_INIT_TOO_SHORT = 33,
	/* TEE_BigIntAdd on zeroed, never initialised memory: panics */
	ARITH_CMD_UNINITIALIZED = 34,
	/* [x, n, y]: a context made for n, then TEE_BigIntConvertToFMM with
	 * modulus y: panics */
	ARITH_CMD_FMM_WRONG_MODULUS = 35,
};

/* The number header of the wire format above */
#define ARITH_TA_NUM_HDR	8

static inline void arith_ta_put_u32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static inline uint32_t arith_ta_get_u32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

#endif /* VTEE_ARITH_TA_H */
