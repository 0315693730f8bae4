/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The GP Arithmetical API (TEE_BigInt*) on OpenSSL's BIGNUM: what the
 * arith_*.c files share.  docs/arith.md has the whole design.
 *
 * Memory format.  GP leaves the layout of a TEE_BigInt to the
 * implementation and only fixes its size, TEE_BigIntSizeInU32(bits) =
 * ceil(bits / 32) + 2 words.  vtee uses the two extra words as a header:
 *
 *   word 0   kind << 16 | capacity    capacity: limbs the caller's memory
 *                                      holds, at most ARITH_MAX_LIMBS
 *   word 1   negative << 31 | used    used: significant limbs, <= capacity
 *   word 2.. limbs, least significant first, each a host-order uint32_t
 *
 * Values are kept normalised: the top used limb is non-zero and zero is
 * never negative.  The kind tag tells an initialised TEE_BigInt apart from
 * a TEE_BigIntFMM, a TEE_BigIntFMMContext and from memory nobody
 * initialised, so passing the wrong thing panics instead of computing
 * with garbage.  TEE_BigIntFMM and TEE_BigIntFMMContext share the layout:
 * an FMM value is the ordinary value reduced mod n, and a context holds
 * its modulus.
 *
 * Every API function reads its operands into BIGNUMs, computes with
 * libcrypto, and writes the result back; operands are all read before
 * the destination is written, so any of them may alias it.
 */
#ifndef VTEE_TA_ARITH_H
#define VTEE_TA_ARITH_H

#include <openssl/bn.h>
#include <stdbool.h>
#include <stdnoreturn.h>
#include <tee_internal_api.h>

/*
 * The largest value in bits, what src/secure/tos/tee_props.c serves as
 * gpd.tee.arith.maxBigIntSize (tests/integration/tos/test_arith.c checks
 * that the two agree).  Memory beyond TEE_BigIntSizeInU32(ARITH_MAX_BITS)
 * words is never touched.
 */
#define ARITH_MAX_BITS		4096
#define ARITH_MAX_LIMBS		(ARITH_MAX_BITS / 32)
#define ARITH_MAX_BYTES		(ARITH_MAX_BITS / 8)
#define ARITH_HDR_WORDS		2

enum arith_kind {
	ARITH_INT = 0xb161,	/* TEE_BigInt */
	ARITH_FMM = 0xb16f,	/* TEE_BigIntFMM */
	ARITH_CTX = 0xb16c,	/* TEE_BigIntFMMContext */
};

/* Kills the instance (GP: the function panics). */
noreturn void arith_panic(TEE_Result code);
/* Panics with TEE_ERROR_OUT_OF_MEMORY unless ok: libcrypto only fails
 * when it cannot allocate, since arguments are checked first. */
void arith_check(int ok);

/* Writes an empty header for len words (len >= 2) and zeroes the limbs. */
void arith_init(uint32_t *big, size_t len, enum arith_kind kind);
/* The capacity in bits of an initialised big of that kind. */
size_t arith_capacity_bits(const uint32_t *big, enum arith_kind kind);

/*
 * A computation's scratch: every BIGNUM comes from one BN_CTX frame and
 * goes (cleared) with it at arith_end().
 */
BN_CTX *arith_begin(void);
void arith_end(BN_CTX *ctx);
BIGNUM *arith_tmp(BN_CTX *ctx);

/* The value of big as a BIGNUM of ctx; panics if big is not of kind. */
BIGNUM *arith_load(BN_CTX *ctx, const uint32_t *big, enum arith_kind kind);
/* Writes v into big: TEE_ERROR_OVERFLOW (big untouched) if too large. */
TEE_Result arith_store(uint32_t *big, enum arith_kind kind, const BIGNUM *v);
/* arith_store, panicking where GP has no error to return. */
void arith_store_or_panic(uint32_t *big, enum arith_kind kind,
			  const BIGNUM *v);

/* TEE_BigInt shorthands */
BIGNUM *arith_get(BN_CTX *ctx, const TEE_BigInt *big);
void arith_put(TEE_BigInt *big, const BIGNUM *v);
/* n, which must be at least 2 (GP: the modular functions panic). */
BIGNUM *arith_get_modulus(BN_CTX *ctx, const TEE_BigInt *n);
/* A BIGNUM of ctx holding v. */
BIGNUM *arith_from_s32(BN_CTX *ctx, int32_t v);

/* Panics unless context is an FMM context made for modulus n. */
void arith_check_context(BN_CTX *ctx, const TEE_BigIntFMMContext *context,
			 const BIGNUM *n);

/* -1, 0 or 1 as BN_cmp's sign. */
int32_t arith_sign_of(int cmp);

#endif /* VTEE_TA_ARITH_H */
