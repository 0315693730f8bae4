// SPDX-License-Identifier: BSD-2-Clause
/*
 * TEE_BigIntIsProbablePrime: 0 composite, 1 certainly prime, -1 prime
 * with a probability of error below 2^-confidenceLevel.
 *
 * Written here rather than with BN_check_prime because that draws its
 * witnesses from OpenSSL's RAND, whose first use loads providers and
 * configuration files the TA sandbox does not allow.  The steps:
 *  - trial division by the primes below 256, which also settles every
 *    number below 2^16;
 *  - below 2^64, Miller-Rabin with the first twelve primes as witnesses,
 *    which has no false positive in that range: the answer is certain;
 *  - above, Miller-Rabin with random witnesses from TEE_GenerateRandom.
 *    A composite passes one round with probability at most 1/4, so
 *    ceil(level / 2) rounds reach 2^-level.
 */
#include <openssl/crypto.h>

#include "arith.h"

/* GP: levels below 80 are taken as 80; above 256 is no more useful and
 * would let a caller ask for endless rounds. */
#define LEVEL_MIN	80
#define LEVEL_MAX	256

static const uint8_t small_primes[] = {
	2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61,
	67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137,
	139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211,
	223, 227, 229, 233, 239, 241, 251,
};

/* The witnesses that decide every n < 3.3 * 10^24, a fortiori 2^64. */
#define CERTAIN_WITNESSES	12
#define CERTAIN_BITS		64

/* A Miller-Rabin round's fixed data: n, n - 1 = d * 2^s, Montgomery form. */
struct mr {
	const BIGNUM *n;
	BIGNUM *n1;
	BIGNUM *d;
	BIGNUM *x;	/* a round's scratch */
	int s;
	BN_MONT_CTX *mont;
	BN_CTX *ctx;
};

/* 0 composite, 1 prime, -1 not settled by small primes */
static int trial_division(const BIGNUM *n)
{
	for (size_t i = 0; i < sizeof(small_primes); i++) {
		BN_ULONG rem = BN_mod_word(n, small_primes[i]);

		arith_check(rem != (BN_ULONG)-1);
		if (rem == 0)
			return BN_is_word(n, small_primes[i]);
	}
	/* a composite below 2^16 has a prime factor below 256 */
	return BN_num_bits(n) <= 16 ? 1 : -1;
}

static void mr_setup(struct mr *m, const BIGNUM *n, BN_CTX *ctx)
{
	m->n = n;
	m->ctx = ctx;
	m->n1 = arith_tmp(ctx);
	m->d = arith_tmp(ctx);
	m->x = arith_tmp(ctx);
	arith_check(BN_sub(m->n1, n, BN_value_one()));
	for (m->s = 0; !BN_is_bit_set(m->n1, m->s); m->s++)
		;
	arith_check(BN_rshift(m->d, m->n1, m->s));
	m->mont = BN_MONT_CTX_new();
	arith_check(m->mont && BN_MONT_CTX_set(m->mont, n, ctx));
}

/* Does witness a (in [2, n - 2]) let n pass as a strong probable prime? */
static bool mr_passes(const struct mr *m, const BIGNUM *a)
{
	BIGNUM *x = m->x;

	arith_check(BN_mod_exp_mont(x, a, m->d, m->n, m->ctx, m->mont));
	if (BN_is_one(x) || !BN_cmp(x, m->n1))
		return true;
	for (int i = 1; i < m->s; i++) {
		arith_check(BN_mod_sqr(x, x, m->n, m->ctx));
		if (!BN_cmp(x, m->n1))
			return true;
		if (BN_is_one(x))
			return false;
	}
	return false;
}

static int32_t certain_test(const struct mr *m)
{
	BIGNUM *a = arith_tmp(m->ctx);

	for (size_t i = 0; i < CERTAIN_WITNESSES; i++) {
		arith_check(BN_set_word(a, small_primes[i]));
		if (!mr_passes(m, a))
			return 0;
	}
	return 1;
}

/* A witness in [2, n - 2] (range = n - 3): 64 random bits more than n
 * has, reduced, so the bias toward small witnesses is below 2^-64. */
static void random_witness(BIGNUM *a, const struct mr *m,
			   const BIGNUM *range)
{
	uint8_t rnd[ARITH_MAX_BYTES + 8];
	size_t len = (size_t)BN_num_bytes(m->n) + 8;

	TEE_GenerateRandom(rnd, len);
	arith_check(BN_bin2bn(rnd, (int)len, a) != NULL);
	OPENSSL_cleanse(rnd, len);
	arith_check(BN_nnmod(a, a, range, m->ctx) && BN_add_word(a, 2));
}

static int32_t random_test(const struct mr *m, uint32_t level)
{
	BIGNUM *a = arith_tmp(m->ctx), *range = arith_tmp(m->ctx);

	if (level < LEVEL_MIN)
		level = LEVEL_MIN;
	if (level > LEVEL_MAX)
		level = LEVEL_MAX;
	arith_check(BN_sub(range, m->n, BN_value_one()) &&
		    BN_sub_word(range, 2));
	for (uint32_t round = 0; round < (level + 1) / 2; round++) {
		random_witness(a, m, range);
		if (!mr_passes(m, a))
			return 0;
	}
	return -1;
}

int32_t TEE_BigIntIsProbablePrime(const TEE_BigInt *op,
				  uint32_t confidenceLevel)
{
	BN_CTX *ctx = arith_begin();
	BIGNUM *n = arith_get(ctx, op);
	struct mr m = { 0 };
	int32_t r;

	/* primes are positive: 1, 0 and every negative number are not */
	if (BN_is_negative(n) || BN_num_bits(n) < 2) {
		arith_end(ctx);
		return 0;
	}
	r = trial_division(n);
	if (r < 0) {
		mr_setup(&m, n, ctx);
		if (BN_num_bits(n) <= CERTAIN_BITS)
			r = certain_test(&m);
		else
			r = random_test(&m, confidenceLevel);
		BN_MONT_CTX_free(m.mont);
	}
	arith_end(ctx);
	return r;
}
