// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP Arithmetical API (TEE_BigInt*) through the real stack: the
 * arithmetic test TA (vtee_arith_ta.h) computes in a sandboxed TA
 * process, and this process checks every answer against OpenSSL's BIGNUM
 * computing the same thing.  Random operands of 1 to maxBigIntSize bits,
 * both signs, and the edges (0, +-1, limb boundaries, all-ones, powers of
 * two); every GP panic condition as a case of its own.
 */
#include <limits.h>
#include <openssl/bn.h>
#include <openssl/rand.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <tee_client_api.h>

#include "machine.h"
#include "vtee_arith_ta.h"

/* What src/secure/tos/tee_props.c serves as gpd.tee.arith.maxBigIntSize */
#define EXPECTED_MAX_BITS	4096
/* Random cases per function */
#define ROUNDS			100
/* A number on the wire, the largest with some leading-zero room */
#define NUM_MAX			(ARITH_TA_NUM_HDR + 1100)

/* GP's TEE_ERROR_OVERFLOW, which libteec has no name for */
#define TA_ERROR_OVERFLOW	0xFFFF300Fu

static const TEEC_UUID arith_ta = ARITH_TA_UUID;

/* A machine of its own, so that panic cases spawn and kill TA processes
 * without slowing the tests that share the fixture. */
static struct test_machine machine;
static TEEC_Context ctx;
static TEEC_Session ses;		/* the long-lived session */
static bool ses_dead;		/* its instance died: reopen for the next test */
static BN_CTX *bnctx;
static int max_bits;		/* the TEE's gpd.tee.arith.maxBigIntSize */

/* Every BIGNUM a test makes, freed after it */
static BIGNUM **tracked;
static size_t ntracked, tracked_cap;

static BIGNUM *bn(void)
{
	BIGNUM *b = BN_new();

	assert_non_null(b);
	if (ntracked == tracked_cap) {
		tracked_cap = tracked_cap ? 2 * tracked_cap : 256;
		tracked = realloc(tracked, tracked_cap * sizeof(*tracked));
		assert_non_null(tracked);
	}
	tracked[ntracked++] = b;
	return b;
}

static int free_bns(void **state __attribute__((unused)))
{
	while (ntracked)
		BN_free(tracked[--ntracked]);
	return 0;
}

static BIGNUM *word(int64_t v)
{
	BIGNUM *b = bn();

	assert_true(BN_set_word(b, (BN_ULONG)(v < 0 ? -v : v)));
	BN_set_negative(b, v < 0);
	return b;
}

/* 2^k + add */
static BIGNUM *pow2(int k, int64_t add)
{
	BIGNUM *b = bn();

	BN_zero(b);
	assert_true(BN_set_bit(b, k));
	assert_true(add >= 0 ? BN_add_word(b, (BN_ULONG)add) :
			       BN_sub_word(b, (BN_ULONG)-add));
	return b;
}

/* ------------------------------------------------------------------ */
/* Random operands                                                      */

static uint32_t rnd32(void)
{
	uint32_t v;

	assert_int_equal(RAND_bytes((unsigned char *)&v, sizeof(v)), 1);
	return v;
}

/* uniform in [lo, hi] */
static int rnd_in(int lo, int hi)
{
	return lo + (int)(rnd32() % (uint32_t)(hi - lo + 1));
}

static bool coin(void)
{
	return rnd32() & 1;
}

static const int edge_bits[] = {
	1, 2, 7, 8, 9, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256,
	511, 512, 1023, 1024, 2047, 2048, 2049, 3071, 4095, 4096,
};

/* Half the time a size on an edge, else uniform in [1, max]. */
static int rnd_bits(int max)
{
	int b;

	if (coin())
		return rnd_in(1, max);
	do {
		b = edge_bits[rnd32() % (sizeof(edge_bits) / sizeof(int))];
	} while (b > max);
	return b;
}

/* Exactly bits bits: random, all ones, or a power of two. */
static BIGNUM *rnd_exact(int bits, bool may_be_negative)
{
	uint32_t shape = rnd32() % 8;
	BIGNUM *b;

	if (shape == 0) {
		b = pow2(bits, -1);
	} else if (shape == 1) {
		b = pow2(bits - 1, 0);
	} else {
		b = bn();
		assert_true(BN_rand(b, bits, BN_RAND_TOP_ONE,
				    BN_RAND_BOTTOM_ANY));
	}
	BN_set_negative(b, may_be_negative && coin());
	return b;
}

/* An operand of up to max bits, now and then 0 or +-1. */
static BIGNUM *rnd_op(int max, bool may_be_negative)
{
	uint32_t pick = rnd32() % 16;

	if (pick == 0)
		return word(0);
	if (pick == 1)
		return word(may_be_negative && coin() ? -1 : 1);
	return rnd_exact(rnd_bits(max), may_be_negative);
}

/* A modulus >= 2 of up to max bits. */
static BIGNUM *rnd_modulus(int max)
{
	BIGNUM *n;

	do {
		n = rnd_exact(rnd_bits(max), false);
	} while (BN_num_bits(n) < 2);
	return n;
}

/* ------------------------------------------------------------------ */
/* Talking to the TA                                                    */

struct job {
	uint32_t cmd;
	uint32_t cap;		/* p2.a: destination bits, 0 the maximum */
	uint32_t flags;		/* p2.b */
	uint32_t a, b;		/* p3 in */
	const BIGNUM *ops[3];
	size_t nops;
	/* ARITH_CMD_LOAD of raw octets with an explicit sign argument */
	bool raw;
	int32_t raw_sign;
	const uint8_t *raw_octets;
	size_t raw_len;
	/* what came back */
	uint32_t ra, rb;	/* p3 out */
	BIGNUM *res[4];
	size_t nres;
	uint32_t origin;
};

static size_t put_num(uint8_t *p, int32_t sign, const uint8_t *octets,
		      size_t len)
{
	arith_ta_put_u32(p, (uint32_t)sign);
	arith_ta_put_u32(p + 4, (uint32_t)len);
	memcpy(p + ARITH_TA_NUM_HDR, octets, len);
	return ARITH_TA_NUM_HDR + len;
}

static size_t encode(const struct job *j, uint8_t *buf)
{
	uint8_t mag[NUM_MAX];
	size_t off = 0;

	if (j->raw)
		return put_num(buf, j->raw_sign, j->raw_octets, j->raw_len);
	for (size_t i = 0; i < j->nops; i++) {
		int len = BN_bn2bin(j->ops[i], mag);

		off += put_num(buf + off, BN_is_negative(j->ops[i]) ? -1 : 1,
			       mag, (size_t)len);
	}
	return off;
}

/* The results: minimal octets, and a sign field that is -1, 0 or 1. */
static void decode(struct job *j, const uint8_t *buf, size_t len)
{
	size_t off = 0;

	j->nres = 0;
	while (off < len) {
		BIGNUM *r = bn();
		int32_t sign;
		size_t n;

		assert_true(len - off >= ARITH_TA_NUM_HDR);
		sign = (int32_t)arith_ta_get_u32(buf + off);
		n = arith_ta_get_u32(buf + off + 4);
		off += ARITH_TA_NUM_HDR;
		assert_true(n <= len - off);
		assert_non_null(BN_bin2bn(buf + off, (int)n, r));
		off += n;
		assert_int_equal(n, BN_num_bytes(r));
		assert_int_equal(sign, BN_is_zero(r) ? 0 : sign < 0 ? -1 : 1);
		BN_set_negative(r, sign < 0);
		assert_true(j->nres < 4);
		j->res[j->nres++] = r;
	}
}

static TEEC_Result invoke_on(TEEC_Session *s, struct job *j)
{
	static uint8_t in[3 * NUM_MAX], out[4 * NUM_MAX];
	TEEC_Operation op = { 0 };
	TEEC_Result res;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_VALUE_INPUT, TEEC_VALUE_INOUT);
	op.params[0].tmpref.buffer = in;
	op.params[0].tmpref.size = encode(j, in);
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = sizeof(out);
	op.params[2].value.a = j->cap;
	op.params[2].value.b = j->flags;
	op.params[3].value.a = j->a;
	op.params[3].value.b = j->b;
	res = TEEC_InvokeCommand(s, j->cmd, &op, &j->origin);
	j->ra = op.params[3].value.a;
	j->rb = op.params[3].value.b;
	j->nres = 0;
	if (res == TEEC_SUCCESS)
		decode(j, out, op.params[1].tmpref.size);
	return res;
}

static TEEC_Result open_session(TEEC_Session *s)
{
	uint32_t o;

	return TEEC_OpenSession(&ctx, s, &arith_ta, TEEC_LOGIN_PUBLIC, NULL,
				NULL, &o);
}

static void run(struct job *j)
{
	TEEC_Result res = invoke_on(&ses, j);

	ses_dead = res == TEEC_ERROR_TARGET_DEAD;
	if (res != TEEC_SUCCESS)
		fail_msg("command %u: 0x%x (origin %u)", j->cmd, res,
			 j->origin);
}

static void print_bn(const char *what, const BIGNUM *b)
{
	char *hex = BN_bn2hex(b);

	print_error("  %s = %s\n", what, hex ? hex : "?");
	OPENSSL_free(hex);
}

/* Result i of j must be want; on failure, show the operands. */
static void expect_res(const struct job *j, size_t i, const BIGNUM *want)
{
	if (i < j->nres && !BN_cmp(j->res[i], want))
		return;
	print_error("command %u, result %zu of %zu, a %u b %u flags %u "
		    "cap %u\n", j->cmd, i, j->nres, j->a, j->b, j->flags,
		    j->cap);
	for (size_t k = 0; k < j->nops; k++)
		print_bn("operand", j->ops[k]);
	if (i < j->nres)
		print_bn("got", j->res[i]);
	print_bn("want", want);
	fail();
}

/* One command on operands, the single result compared with want. */
static void check1(uint32_t cmd, uint32_t flags, const BIGNUM *want,
		   size_t nops, const BIGNUM *x, const BIGNUM *y,
		   const BIGNUM *z)
{
	struct job j = { .cmd = cmd, .flags = flags, .nops = nops,
			 .ops = { x, y, z } };

	run(&j);
	assert_int_equal(j.nres, 1);
	expect_res(&j, 0, want);
}

/* ------------------------------------------------------------------ */
/* Converters                                                           */

static void load_raw(int32_t sign, const uint8_t *octets, size_t len,
		     uint32_t cap, struct job *j)
{
	*j = (struct job){ .cmd = ARITH_CMD_LOAD, .cap = cap, .raw = true,
			   .raw_sign = sign, .raw_octets = octets,
			   .raw_len = len };
	run(j);
	assert_int_equal(j->ra, TEEC_SUCCESS);
}

/* x into a destination of cap bits: TEE_SUCCESS with x, or OVERFLOW */
static void expect_load(const BIGNUM *x, uint32_t cap, bool fits)
{
	struct job j = { .cmd = ARITH_CMD_LOAD, .cap = cap, .nops = 1,
			 .ops = { x } };

	run(&j);
	if (!fits) {
		assert_int_equal(j.ra, TA_ERROR_OVERFLOW);
		assert_int_equal(j.nres, 0);
		return;
	}
	assert_int_equal(j.ra, TEEC_SUCCESS);
	expect_res(&j, 0, x);
}

static void test_convert_octet_string(void **state __attribute__((unused)))
{
	static const uint8_t padded[] = { 0, 0, 0, 0, 0, 1, 2 };
	static const int32_t signs[] = { INT32_MIN, -7, -1, 0, 1, 7,
					 INT32_MAX };
	uint8_t mag[4];
	struct job j;

	for (int i = 0; i < ROUNDS; i++)
		expect_load(rnd_op(max_bits, true), 0, true);
	/* the sign argument: negative for any sign < 0 */
	BN_bn2binpad(word(0x1234567), mag, sizeof(mag));
	for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++) {
		load_raw(signs[i], mag, sizeof(mag), 32, &j);
		expect_res(&j, 0, word(signs[i] < 0 ? -0x1234567 : 0x1234567));
	}
	/* a negative zero is zero; leading zeros and no octets are fine */
	load_raw(-1, padded, 5, 32, &j);
	expect_res(&j, 0, word(0));
	load_raw(1, padded, 0, 32, &j);
	expect_res(&j, 0, word(0));
	load_raw(-1, padded, sizeof(padded), 32, &j);
	expect_res(&j, 0, word(-0x102));
	/* capacity edges: a limb more than fits is TEE_ERROR_OVERFLOW */
	for (int cap = 32; cap <= 128; cap += 32) {
		expect_load(pow2(cap, -1), (uint32_t)cap, true);
		expect_load(pow2(cap, 0), (uint32_t)cap, false);
		expect_load(pow2(cap - 1, 0), (uint32_t)cap - 31, true);
	}
}

static void test_convert_to_octet_string(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *x = rnd_op(max_bits, true), *mag = bn();
		uint32_t need = (uint32_t)BN_num_bytes(x);
		uint32_t offers[] = { need, need + 5, need ? need - 1 : 0, 0 };

		assert_non_null(BN_copy(mag, x));
		BN_set_negative(mag, 0);
		for (size_t k = 0; k < 4; k++) {
			struct job j = { .cmd = ARITH_CMD_TO_OCTETS, .nops = 1,
					 .ops = { x }, .a = offers[k] };
			bool fits = offers[k] >= need;

			run(&j);
			assert_int_equal(j.ra, fits ? TEEC_SUCCESS :
						      TEEC_ERROR_SHORT_BUFFER);
			/* either way bufferLen ends as the size needed */
			assert_int_equal(j.rb, need);
			assert_int_equal(j.nres, fits);
			if (fits)
				expect_res(&j, 0, mag);
		}
	}
}

static void expect_to_s32(const BIGNUM *x, bool fits, int32_t want)
{
	struct job j = { .cmd = ARITH_CMD_TO_S32, .nops = 1, .ops = { x } };

	run(&j);
	assert_int_equal(j.ra, fits ? TEEC_SUCCESS : TA_ERROR_OVERFLOW);
	if (fits)
		assert_int_equal((int32_t)j.rb, want);
}

static void test_convert_s32(void **state __attribute__((unused)))
{
	int32_t values[ROUNDS] = { 0, 1, -1, INT32_MAX, INT32_MIN, 65536 };

	for (size_t i = 6; i < ROUNDS; i++)
		values[i] = (int32_t)rnd32();
	for (size_t i = 0; i < ROUNDS; i++) {
		struct job j = { .cmd = ARITH_CMD_FROM_S32,
				 .a = (uint32_t)values[i] };

		run(&j);
		expect_res(&j, 0, word(values[i]));
		expect_to_s32(word(values[i]), true, values[i]);
	}
	expect_to_s32(pow2(31, 0), false, 0);
	expect_to_s32(word(-((int64_t)1 << 31) - 1), false, 0);
	expect_to_s32(pow2(32, 0), false, 0);
	expect_to_s32(pow2(32, 5), false, 0);
	expect_to_s32(rnd_exact(max_bits, true), false, 0);
}

/* ------------------------------------------------------------------ */
/* Logical operations                                                   */

static void test_cmp(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		const BIGNUM *x = rnd_op(max_bits, true);
		const BIGNUM *y = i % 4 ? rnd_op(max_bits, true) : x;
		int32_t s = i % 3 ? (int32_t)rnd32() : (int32_t)(rnd32() % 5) - 2;
		struct job j = { .cmd = ARITH_CMD_CMP, .nops = 2,
				 .ops = { x, y } };
		struct job k = { .cmd = ARITH_CMD_CMP_S32, .nops = 1,
				 .ops = { x }, .a = (uint32_t)s };
		int want = BN_cmp(x, y), want_s = BN_cmp(x, word(s));

		run(&j);
		assert_int_equal((int32_t)j.ra, (want > 0) - (want < 0));
		run(&k);
		assert_int_equal((int32_t)k.ra, (want_s > 0) - (want_s < 0));
	}
}

/* |x| >> k with x's sign: GP shifts the magnitude */
static BIGNUM *shifted(const BIGNUM *x, uint32_t k)
{
	BIGNUM *r = bn();

	assert_non_null(BN_copy(r, x));
	BN_set_negative(r, 0);
	if (k > INT_MAX)
		BN_zero(r);
	else
		assert_true(BN_rshift(r, r, (int)k));
	BN_set_negative(r, BN_is_negative(x));
	return r;
}

static void test_shift_right(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *x = rnd_op(max_bits, true);
		uint32_t bits = (uint32_t)BN_num_bits(x);
		uint32_t ks[] = { 0, 1, 31, 32, 33, bits ? bits - 1 : 0, bits,
				  bits + 1, rnd32() % (bits + 1), UINT32_MAX };

		for (size_t k = 0; k < sizeof(ks) / sizeof(ks[0]); k++) {
			struct job j = { .cmd = ARITH_CMD_SHIFT_RIGHT,
					 .nops = 1, .ops = { x }, .a = ks[k] };

			run(&j);
			expect_res(&j, 0, shifted(x, ks[k]));
		}
	}
}

static void test_get_bits(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *x = rnd_op(max_bits, true);
		uint32_t bits = (uint32_t)BN_num_bits(x);
		uint32_t idx[] = { 0, 1, 32, bits ? bits - 1 : 0, bits,
				   rnd32() % (bits + 1), UINT32_MAX };
		struct job j = { .cmd = ARITH_CMD_GET_BIT_COUNT, .nops = 1,
				 .ops = { x } };

		run(&j);
		assert_int_equal(j.ra, bits);
		for (size_t k = 0; k < sizeof(idx) / sizeof(idx[0]); k++) {
			j = (struct job){ .cmd = ARITH_CMD_GET_BIT, .nops = 1,
					  .ops = { x }, .a = idx[k] };
			run(&j);
			assert_int_equal(j.ra, idx[k] < bits &&
					 BN_is_bit_set(x, (int)idx[k]));
		}
	}
}

/* SET_BIT on x in a destination of cap bits */
static void expect_set_bit(const BIGNUM *x, uint32_t cap, uint32_t idx,
			   bool value, uint32_t want_res)
{
	struct job j = { .cmd = ARITH_CMD_SET_BIT, .cap = cap, .nops = 1,
			 .ops = { x }, .a = idx, .b = value };
	BIGNUM *want = bn();

	assert_non_null(BN_copy(want, x));
	/* BN_clear_bit refuses bits above the top one: those are 0 anyway */
	if (want_res == TEEC_SUCCESS && value && idx < (uint32_t)max_bits)
		assert_true(BN_set_bit(want, (int)idx));
	if (!value && idx < (uint32_t)BN_num_bits(want))
		assert_true(BN_clear_bit(want, (int)idx));
	if (BN_is_zero(want))
		BN_zero(want);
	run(&j);
	assert_int_equal(j.ra, want_res);
	expect_res(&j, 0, want);
}

static void test_set_bit(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++)
		expect_set_bit(rnd_op(max_bits, true), 0,
			       rnd32() % (uint32_t)max_bits, coin(),
			       TEEC_SUCCESS);
	/* clearing the last bit leaves zero, never a negative zero */
	expect_set_bit(word(-1), 0, 0, false, TEEC_SUCCESS);
	/* the capacity is TEE_BigIntSizeInU32(bits) words' worth */
	expect_set_bit(word(-5), 64, 63, true, TEEC_SUCCESS);
	expect_set_bit(word(5), 64, 64, true, TA_ERROR_OVERFLOW);
	expect_set_bit(word(5), 64, 64, false, TEEC_SUCCESS);
	expect_set_bit(word(5), 0, (uint32_t)max_bits, true,
		       TA_ERROR_OVERFLOW);
	expect_set_bit(word(5), 0, UINT32_MAX, true, TA_ERROR_OVERFLOW);
}

static void expect_copy(uint32_t cmd, const BIGNUM *x, uint32_t cap)
{
	struct job j = { .cmd = cmd, .cap = cap, .nops = 1, .ops = { x } };
	BIGNUM *want = bn();
	bool fits = !cap || (uint32_t)BN_num_bits(x) <= (cap + 31) / 32 * 32;

	assert_non_null(BN_copy(want, x));
	if (cmd == ARITH_CMD_ABS)
		BN_set_negative(want, 0);
	run(&j);
	assert_int_equal(j.ra, fits ? TEEC_SUCCESS : TA_ERROR_OVERFLOW);
	if (fits)
		expect_res(&j, 0, want);
	else
		assert_int_equal(j.nres, 0);
}

static void test_assign_abs(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *x = rnd_op(max_bits, true);
		uint32_t cap = i % 2 ? 0 : (uint32_t)rnd_bits(max_bits);

		expect_copy(ARITH_CMD_ASSIGN, x, cap);
		expect_copy(ARITH_CMD_ABS, x, cap);
	}
}

/* ------------------------------------------------------------------ */
/* Basic arithmetic                                                     */

static void test_add_sub_neg(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		/* one bit of room: the sum must fit maxBigIntSize */
		BIGNUM *x = rnd_op(max_bits - 1, true);
		BIGNUM *y = i % 5 ? rnd_op(max_bits - 1, true) : x;
		BIGNUM *sum = bn(), *diff = bn(), *neg = bn();

		assert_true(BN_add(sum, x, y) && BN_sub(diff, x, y));
		assert_non_null(BN_copy(neg, x));
		BN_set_negative(neg, !BN_is_negative(x));
		check1(ARITH_CMD_ADD, 0, sum, 2, x, y, NULL);
		check1(ARITH_CMD_SUB, 0, diff, 2, x, y, NULL);
		check1(ARITH_CMD_NEG, 0, neg, 1, x, NULL, NULL);
	}
	/* maxBigIntSize bits exactly still fit */
	check1(ARITH_CMD_ADD, 0, pow2(max_bits, -1), 2, pow2(max_bits - 1, 0),
	       pow2(max_bits - 1, -1), NULL);
}

static void test_mul_square(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		/* the product of a and b bits has at most a + b bits */
		int a = rnd_bits(max_bits - 1);
		BIGNUM *x = rnd_op(a, true);
		BIGNUM *y = rnd_op(max_bits - a, true);
		BIGNUM *sq_op = rnd_op(max_bits / 2, true);
		BIGNUM *prod = bn(), *sq = bn();

		assert_true(BN_mul(prod, x, y, bnctx));
		assert_true(BN_sqr(sq, sq_op, bnctx));
		check1(ARITH_CMD_MUL, 0, prod, 2, x, y, NULL);
		check1(ARITH_CMD_SQUARE, 0, sq, 1, sq_op, NULL, NULL);
	}
}

static void expect_div(const BIGNUM *x, const BIGNUM *y, uint32_t flags)
{
	struct job j = { .cmd = ARITH_CMD_DIV, .flags = flags, .nops = 2,
			 .ops = { x, y } };
	BIGNUM *q = bn(), *r = bn();

	/* BN_div truncates toward zero, the remainder has x's sign: GP's */
	assert_true(BN_div(q, r, x, y, bnctx));
	if (flags & ARITH_TA_NO_FIRST)
		BN_zero(q);
	if (flags & ARITH_TA_NO_SECOND)
		BN_zero(r);
	run(&j);
	assert_int_equal(j.nres, 2);
	expect_res(&j, 0, q);
	expect_res(&j, 1, r);
}

static void test_div(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *x = rnd_op(max_bits, true);
		BIGNUM *y = rnd_exact(rnd_bits(max_bits), true);

		expect_div(x, y, 0);
		expect_div(x, y, (uint32_t)i % 3 * ARITH_TA_NO_FIRST);
	}
	expect_div(word(-7), word(2), 0);
	expect_div(word(7), word(-2), 0);
	expect_div(word(-7), word(-2), 0);
	expect_div(word(3), pow2(max_bits - 1, 0), 0);
}

/* ------------------------------------------------------------------ */
/* Modular arithmetic                                                   */

/* In [0, n - 1] half the time, as GP asks; else anything. */
static BIGNUM *rnd_residue(const BIGNUM *n)
{
	BIGNUM *x = bn();

	if (coin())
		return rnd_op(max_bits, true);
	assert_true(BN_rand_range(x, n));
	return x;
}

static void test_mod(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *n = rnd_modulus(max_bits);
		BIGNUM *x = rnd_residue(n), *y = rnd_residue(n);
		BIGNUM *m = bn(), *add = bn(), *sub = bn(), *mul = bn();
		BIGNUM *sqr = bn();

		assert_true(BN_nnmod(m, x, n, bnctx));
		assert_true(BN_mod_add(add, x, y, n, bnctx));
		assert_true(BN_mod_sub(sub, x, y, n, bnctx));
		assert_true(BN_mod_mul(mul, x, y, n, bnctx));
		assert_true(BN_mod_sqr(sqr, x, n, bnctx));
		check1(ARITH_CMD_MOD, 0, m, 2, x, n, NULL);
		check1(ARITH_CMD_ADD_MOD, 0, add, 3, x, y, n);
		check1(ARITH_CMD_SUB_MOD, 0, sub, 3, x, y, n);
		check1(ARITH_CMD_MUL_MOD, 0, mul, 3, x, y, n);
		check1(ARITH_CMD_SQUARE_MOD, 0, sqr, 2, x, n, NULL);
	}
	/* -1 mod n is n - 1, and 2 is the least modulus */
	check1(ARITH_CMD_MOD, 0, word(6), 2, word(-1), word(7), NULL);
	check1(ARITH_CMD_MOD, 0, word(1), 2, word(-1), word(2), NULL);
}

static void test_inv_mod(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *n = rnd_modulus(max_bits), *x, *g = bn(), *inv = bn();
		BIGNUM *xr = bn(), *check = bn();

		do {
			x = rnd_residue(n);
			assert_true(BN_gcd(g, x, n, bnctx));
		} while (BN_is_zero(x) || !BN_is_one(g));
		assert_true(BN_nnmod(xr, x, n, bnctx));
		assert_non_null(BN_mod_inverse(inv, xr, n, bnctx));
		check1(ARITH_CMD_INV_MOD, 0, inv, 2, x, n, NULL);
		/* and it is one: x * inv = 1 (mod n) */
		assert_true(BN_mod_mul(check, xr, inv, n, bnctx));
		assert_true(BN_is_one(check) || BN_is_one(n));
	}
}

static void expect_exp_mod(const BIGNUM *x, const BIGNUM *e,
			   const BIGNUM *n, uint32_t flags)
{
	struct job j = { .cmd = ARITH_CMD_EXP_MOD, .flags = flags, .nops = 3,
			 .ops = { x, e, n } };
	BIGNUM *base = bn(), *want = bn();

	assert_true(BN_nnmod(base, x, n, bnctx));
	assert_true(BN_mod_exp(want, base, e, n, bnctx));
	run(&j);
	assert_int_equal(j.ra, TEEC_SUCCESS);
	expect_res(&j, 0, want);
}

static void test_exp_mod(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *n = rnd_modulus(max_bits);
		BIGNUM *e = rnd_op(max_bits, false);

		/* odd moduli (Montgomery) and even ones, context or none */
		if (i % 2)
			assert_true(BN_set_bit(n, 0));
		expect_exp_mod(rnd_residue(n), e, n,
			       i % 4 < 2 ? 0 : ARITH_TA_CONTEXT);
	}
	expect_exp_mod(word(0), word(0), word(7), 0);
	expect_exp_mod(word(5), word(0), word(2), 0);
	expect_exp_mod(word(-2), word(3), word(1000), ARITH_TA_CONTEXT);
}

/* ------------------------------------------------------------------ */
/* Other arithmetic                                                     */

static void expect_gcd(const BIGNUM *x, const BIGNUM *y, uint32_t flags)
{
	struct job j = { .cmd = ARITH_CMD_EXT_GCD, .flags = flags, .nops = 2,
			 .ops = { x, y } };
	BIGNUM *g = bn(), *ux = bn(), *vy = bn();

	assert_true(BN_gcd(g, x, y, bnctx));
	run(&j);
	assert_int_equal(j.nres, 3);
	expect_res(&j, 0, g);
	/* Bezout: u * x + v * y = gcd, when both were asked for */
	assert_true(BN_mul(ux, j.res[1], x, bnctx));
	assert_true(BN_mul(vy, j.res[2], y, bnctx));
	assert_true(BN_add(ux, ux, vy));
	if (!flags && BN_cmp(ux, g)) {
		print_bn("x", x);
		print_bn("y", y);
		print_bn("u", j.res[1]);
		print_bn("v", j.res[2]);
		print_bn("u * x + v * y", ux);
		fail_msg("not the gcd");
	}
	if (flags & ARITH_TA_NO_FIRST)
		assert_true(BN_is_zero(j.res[1]));
	if (flags & ARITH_TA_NO_SECOND)
		assert_true(BN_is_zero(j.res[2]));
	j = (struct job){ .cmd = ARITH_CMD_RELATIVE_PRIME, .nops = 2,
			  .ops = { x, y } };
	run(&j);
	assert_int_equal(j.ra, BN_is_one(g));
}

static void test_gcd(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *x = rnd_op(max_bits, true), *y = rnd_op(max_bits, true);
		BIGNUM *f = rnd_op(max_bits / 4, false), *xf = bn(), *yf = bn();

		expect_gcd(x, y, 0);
		/* a common factor, so that the gcd is not always 1 */
		assert_true(BN_mul(xf, rnd_op(max_bits / 2, true), f, bnctx));
		assert_true(BN_mul(yf, rnd_op(max_bits / 2, true), f, bnctx));
		expect_gcd(xf, yf, (uint32_t)i % 4 * ARITH_TA_NO_FIRST);
	}
	expect_gcd(word(0), word(0), 0);
	expect_gcd(word(0), word(-9), 0);
	expect_gcd(word(12), word(12), 0);
	expect_gcd(word(-12), word(18), 0);
}

static int32_t is_prime(const BIGNUM *x, uint32_t level)
{
	struct job j = { .cmd = ARITH_CMD_IS_PRIME, .nops = 1, .ops = { x },
			 .a = level };

	run(&j);
	return (int32_t)j.ra;
}

/* GP: 1 is certain, -1 probable; vtee is certain below 2^64 */
static void expect_prime(const BIGNUM *p)
{
	int32_t r = is_prime(p, 80);

	if (r != (BN_num_bits(p) <= 64 ? 1 : -1)) {
		print_bn("prime", p);
		fail_msg("TEE_BigIntIsProbablePrime = %d", r);
	}
}

static void expect_composite(const BIGNUM *c)
{
	int32_t r = is_prime(c, 80);

	if (r != 0) {
		print_bn("composite", c);
		fail_msg("TEE_BigIntIsProbablePrime = %d", r);
	}
}

/* A Carmichael number (6k + 1)(12k + 1)(18k + 1), all three prime. */
static BIGNUM *chernick(int kbits)
{
	BIGNUM *k = bn(), *f[3] = { bn(), bn(), bn() }, *c = bn();
	static const BN_ULONG mul[3] = { 6, 12, 18 };
	bool ok;

	do {
		assert_true(BN_rand(k, kbits, BN_RAND_TOP_ONE,
				    BN_RAND_BOTTOM_ANY));
		ok = true;
		for (int i = 0; i < 3 && ok; i++) {
			assert_non_null(BN_copy(f[i], k));
			assert_true(BN_mul_word(f[i], mul[i]) &&
				    BN_add_word(f[i], 1));
			ok = BN_check_prime(f[i], bnctx, NULL) == 1;
		}
	} while (!ok);
	assert_true(BN_mul(c, f[0], f[1], bnctx) &&
		    BN_mul(c, c, f[2], bnctx));
	return c;
}

static void test_is_probable_prime(void **state __attribute__((unused)))
{
	static const int mersenne_primes[] = {
		2, 3, 5, 7, 13, 17, 19, 31, 61, 89, 107, 127, 521, 607, 1279,
		2203, 2281, 3217,
	};
	static const int mersenne_composites[] = {
		11, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71, 73, 79, 83, 97,
		1201, 4093,
	};
	static const int64_t carmichael[] = {
		561, 1105, 1729, 2465, 2821, 6601, 8911, 41041, 825265,
		321197185, 5394826801, 232250619601,
	};

	for (size_t i = 0; i < sizeof(mersenne_primes) / sizeof(int); i++)
		if (mersenne_primes[i] <= max_bits)
			expect_prime(pow2(mersenne_primes[i], -1));
	for (size_t i = 0; i < sizeof(mersenne_composites) / sizeof(int); i++)
		if (mersenne_composites[i] <= max_bits)
			expect_composite(pow2(mersenne_composites[i], -1));
	for (size_t i = 0; i < sizeof(carmichael) / sizeof(int64_t); i++)
		expect_composite(word(carmichael[i]));
	expect_composite(chernick(40));
	/* a strong pseudoprime to every base up to 23 (and below 2^64) */
	expect_composite(word(3825123056546413051LL));
	/* not primes: primes are positive */
	expect_composite(word(0));
	expect_composite(word(1));
	expect_composite(word(-7));
	expect_composite(word(4));
	expect_prime(word(2));
	expect_prime(word(65521));
	expect_prime(word(4294967291LL));
	for (int bits = 80; bits <= 1024 && bits <= max_bits; bits *= 2) {
		BIGNUM *p = bn(), *q = bn(), *pq = bn();

		assert_true(BN_generate_prime_ex(p, bits, 0, NULL, NULL, NULL));
		assert_true(BN_generate_prime_ex(q, bits / 2, 0, NULL, NULL,
						 NULL));
		assert_true(BN_mul(pq, p, q, bnctx));
		expect_prime(p);
		expect_composite(pq);
		/* levels below GP's 80 and far above work alike */
		assert_int_equal(is_prime(p, 0), -1);
		assert_int_equal(is_prime(p, UINT32_MAX), -1);
	}
	/* random odd numbers: whatever OpenSSL says */
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *x = rnd_exact(rnd_bits(512), false);

		assert_true(BN_set_bit(x, 0));
		if (BN_check_prime(x, bnctx, NULL) == 1)
			expect_prime(x);
		else
			expect_composite(x);
	}
}

/* ------------------------------------------------------------------ */
/* Fast modular multiplication                                          */

static void test_fmm(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS; i++) {
		BIGNUM *n = rnd_modulus(max_bits);
		BIGNUM *x = rnd_residue(n), *y = rnd_residue(n);
		BIGNUM *xr = bn(), *xy = bn(), *xxy = bn();
		struct job j = { .cmd = ARITH_CMD_FMM_ROUNDTRIP, .nops = 2,
				 .ops = { x, n } };

		assert_true(BN_nnmod(xr, x, n, bnctx));
		assert_true(BN_mod_mul(xy, x, y, n, bnctx));
		assert_true(BN_mod_mul(xxy, xy, x, n, bnctx));
		run(&j);
		assert_int_equal(j.ra, TEEC_SUCCESS);
		expect_res(&j, 0, xr);
		j = (struct job){ .cmd = ARITH_CMD_FMM_MUL, .nops = 3,
				  .ops = { x, y, n } };
		run(&j);
		expect_res(&j, 0, xy);
		expect_res(&j, 1, xxy);
	}
}

static void test_fmm_context_and_sizes(void **state __attribute__((unused)))
{
	const BIGNUM *bad[] = { word(1), word(0), word(-7) };
	const uint32_t bits[] = { 0, 1, 32, 33, 2048, 4096 };

	/* TEE_BigIntInitFMMContext1 refuses moduli below 2 */
	for (size_t i = 0; i < 3; i++) {
		struct job j = { .cmd = ARITH_CMD_FMM_ROUNDTRIP, .nops = 2,
				 .ops = { word(5), bad[i] } };

		run(&j);
		assert_int_equal(j.ra, TEEC_ERROR_NOT_SUPPORTED);
	}
	/* an FMM value and a context are TEE_BigInt-sized */
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
		struct job j = { .cmd = ARITH_CMD_FMM_SIZES, .a = bits[i] };

		run(&j);
		assert_int_equal(j.ra, (bits[i] + 31) / 32 + 2);
		assert_int_equal(j.rb, (bits[i] + 31) / 32 + 2);
	}
}

/* ------------------------------------------------------------------ */
/* Across the API                                                       */

/* The operands of the aliasing test: x, y, a modulus n, an exponent e */
enum alias_shape { X, XY, XN, XYN };

static const struct {
	uint32_t cmd;
	enum alias_shape shape;
} alias_cases[] = {
	{ ARITH_CMD_ADD, XY }, { ARITH_CMD_SUB, XY }, { ARITH_CMD_MUL, XY },
	{ ARITH_CMD_DIV, XY }, { ARITH_CMD_NEG, X }, { ARITH_CMD_SQUARE, X },
	{ ARITH_CMD_SHIFT_RIGHT, X }, { ARITH_CMD_ASSIGN, X },
	{ ARITH_CMD_ABS, X }, { ARITH_CMD_MOD, XN },
	{ ARITH_CMD_SQUARE_MOD, XN }, { ARITH_CMD_INV_MOD, XN },
	{ ARITH_CMD_ADD_MOD, XYN }, { ARITH_CMD_SUB_MOD, XYN },
	{ ARITH_CMD_MUL_MOD, XYN }, { ARITH_CMD_EXP_MOD, XYN },
};

/* A job for alias_cases[i] on x, y (or e) and n */
static struct job alias_job(size_t i, const BIGNUM *x, const BIGNUM *y,
			    const BIGNUM *n)
{
	struct job j = { .cmd = alias_cases[i].cmd, .a = 7, .ops = { x } };

	switch (alias_cases[i].shape) {
	case X:
		j.nops = 1;
		break;
	case XY:
		j.nops = 2;
		j.ops[1] = y;
		break;
	case XN:
		j.nops = 2;
		j.ops[1] = n;
		break;
	case XYN:
		j.nops = 3;
		j.ops[1] = y;
		j.ops[2] = n;
		break;
	}
	return j;
}

/* With the destination being operand 0's memory, results are the same. */
static void test_aliasing(void **state __attribute__((unused)))
{
	for (size_t i = 0; i < sizeof(alias_cases) / sizeof(alias_cases[0]);
	     i++) {
		/* halves, so that products fit; x invertible mod n */
		BIGNUM *n = rnd_modulus(max_bits / 2), *g = bn(), *x;
		BIGNUM *y = rnd_exact(rnd_bits(max_bits / 2), true);
		struct job plain, alias;

		do {
			x = rnd_op(max_bits / 2, true);
			assert_true(BN_gcd(g, x, n, bnctx));
		} while (BN_is_zero(x) || !BN_is_one(g));
		if (alias_cases[i].cmd == ARITH_CMD_EXP_MOD)
			BN_set_negative(y, 0);
		plain = alias_job(i, x, y, n);
		alias = plain;
		alias.flags = ARITH_TA_ALIAS;
		run(&plain);
		run(&alias);
		assert_int_equal(alias.nres, plain.nres);
		for (size_t k = 0; k < plain.nres; k++)
			expect_res(&alias, k, plain.res[k]);
	}
}

/* gpd.tee.arith.maxBigIntSize is exactly what the implementation holds. */
static void test_max_big_int_size(void **state __attribute__((unused)))
{
	struct job j = { .cmd = ARITH_CMD_MAX_BITS };
	BIGNUM *half = rnd_exact(max_bits / 2, true);
	BIGNUM *sq = bn();

	run(&j);
	assert_int_equal(j.rb, TEEC_SUCCESS);
	assert_int_equal(j.ra, EXPECTED_MAX_BITS);
	expect_load(pow2(max_bits, -1), 0, true);
	expect_load(pow2(max_bits, 0), 0, false);
	/* more memory than that buys nothing beyond maxBigIntSize */
	expect_load(pow2(max_bits, 0), 2 * (uint32_t)max_bits, false);
	expect_load(pow2(max_bits, -1), 2 * (uint32_t)max_bits, true);
	/* every kind of function works up to it */
	assert_true(BN_sqr(sq, half, bnctx));
	check1(ARITH_CMD_SQUARE, 0, sq, 1, half, NULL, NULL);
	expect_exp_mod(pow2(max_bits, -2), pow2(max_bits, -1),
		       pow2(max_bits, -1), ARITH_TA_CONTEXT);
	expect_div(pow2(max_bits, -1), word(3), 0);
	expect_prime(pow2(2203, -1));
}

static void test_gp11_twins(void **state __attribute__((unused)))
{
	for (int i = 0; i < ROUNDS / 4; i++) {
		BIGNUM *x = rnd_op(max_bits, true), *n = rnd_modulus(max_bits);
		BIGNUM *xr = bn();
		struct job j = { .cmd = ARITH_CMD_GP11, .nops = 2,
				 .ops = { x, n }, .a = rnd32() % 100,
				 .b = (uint32_t)BN_num_bits(n) };

		assert_true(BN_nnmod(xr, x, n, bnctx));
		run(&j);
		expect_res(&j, 0, shifted(x, j.a));
		expect_res(&j, 1, xr);
		assert_int_equal(j.ra, (j.b + 31) / 32 + 2);
		assert_int_equal(j.rb, (j.b + 31) / 32 + 2);
	}
}

/* ------------------------------------------------------------------ */
/* GP panics: each kills its instance, and nothing else                 */

static void expect_panic(uint32_t cmd, uint32_t cap, size_t nops,
			 const BIGNUM *x, const BIGNUM *y, const BIGNUM *z)
{
	struct job j = { .cmd = cmd, .cap = cap, .nops = nops,
			 .ops = { x, y, z } };
	TEEC_Session victim;

	assert_int_equal(open_session(&victim), TEEC_SUCCESS);
	assert_int_equal(invoke_on(&victim, &j), TEEC_ERROR_TARGET_DEAD);
	assert_int_equal(j.origin, TEEC_ORIGIN_TEE);
	TEEC_CloseSession(&victim);
	/* the long-lived session's instance is another process: alive */
	j = (struct job){ .cmd = ARITH_CMD_GET_BIT_COUNT, .nops = 1,
			  .ops = { word(5) } };
	run(&j);
	assert_int_equal(j.ra, 3);
}

#define PANIC_TEST(name, ...)						\
	static void test_panic_##name(void **state __attribute__((unused))) \
	{								\
		expect_panic(__VA_ARGS__);				\
	}

/* GP: dividing by zero; moduli below 2 (zero, one, negative) */
PANIC_TEST(div_by_zero, ARITH_CMD_DIV, 0, 2, word(5), word(0), NULL)
PANIC_TEST(mod_zero, ARITH_CMD_MOD, 0, 2, word(5), word(0), NULL)
PANIC_TEST(mod_one, ARITH_CMD_MOD, 0, 2, word(5), word(1), NULL)
PANIC_TEST(mod_negative, ARITH_CMD_MOD, 0, 2, word(5), word(-7), NULL)
PANIC_TEST(add_mod_one, ARITH_CMD_ADD_MOD, 0, 3, word(0), word(0), word(1))
PANIC_TEST(sub_mod_zero, ARITH_CMD_SUB_MOD, 0, 3, word(1), word(1), word(0))
PANIC_TEST(mul_mod_negative, ARITH_CMD_MUL_MOD, 0, 3, word(2), word(3),
	   word(-11))
PANIC_TEST(square_mod_one, ARITH_CMD_SQUARE_MOD, 0, 2, word(3), word(1), NULL)
PANIC_TEST(exp_mod_one, ARITH_CMD_EXP_MOD, 0, 3, word(2), word(3), word(1))
PANIC_TEST(exp_mod_negative_exponent, ARITH_CMD_EXP_MOD, 0, 3, word(2),
	   word(-3), word(7))
/* GP: InvMod of 0, by a modulus below 2, and with no inverse */
PANIC_TEST(inv_mod_zero, ARITH_CMD_INV_MOD, 0, 2, word(0), word(7), NULL)
PANIC_TEST(inv_mod_one, ARITH_CMD_INV_MOD, 0, 2, word(3), word(1), NULL)
PANIC_TEST(inv_mod_no_inverse, ARITH_CMD_INV_MOD, 0, 2, word(6), word(9),
	   NULL)
PANIC_TEST(inv_mod_multiple_of_n, ARITH_CMD_INV_MOD, 0, 2, word(14), word(7),
	   NULL)
/* results larger than their destination */
PANIC_TEST(add_too_small, ARITH_CMD_ADD, 32, 2, pow2(32, -1), word(1), NULL)
PANIC_TEST(sub_too_small, ARITH_CMD_SUB, 32, 2, word(-1), pow2(32, -1), NULL)
PANIC_TEST(neg_too_small, ARITH_CMD_NEG, 32, 1, pow2(40, 0), NULL, NULL)
PANIC_TEST(mul_too_small, ARITH_CMD_MUL, 64, 2, pow2(40, 0), pow2(30, 0),
	   NULL)
PANIC_TEST(square_too_small, ARITH_CMD_SQUARE, 64, 1, pow2(40, 0), NULL,
	   NULL)
PANIC_TEST(div_quotient_too_small, ARITH_CMD_DIV, 32, 2, pow2(64, 0),
	   word(3), NULL)
PANIC_TEST(shift_too_small, ARITH_CMD_SHIFT_RIGHT, 32, 1, pow2(100, 0),
	   NULL, NULL)
PANIC_TEST(mod_too_small, ARITH_CMD_MOD, 32, 2, pow2(80, -1), pow2(70, 1),
	   NULL)
PANIC_TEST(exp_mod_too_small, ARITH_CMD_EXP_MOD, 32, 3, pow2(90, -1),
	   word(3), pow2(100, 1))
PANIC_TEST(ext_gcd_too_small, ARITH_CMD_EXT_GCD, 32, 2, pow2(100, 0),
	   pow2(100, 0), NULL)
PANIC_TEST(fmm_context_too_small, ARITH_CMD_FMM_ROUNDTRIP, 32, 2, word(5),
	   pow2(100, 1), NULL)
/* nothing holds more than maxBigIntSize bits */
PANIC_TEST(mul_beyond_max, ARITH_CMD_MUL, 2 * EXPECTED_MAX_BITS, 2,
	   pow2(EXPECTED_MAX_BITS - 1, 0), pow2(EXPECTED_MAX_BITS - 1, 0),
	   NULL)
/* memory that is not what the function takes */
PANIC_TEST(init_too_short, ARITH_CMD_INIT_TOO_SHORT, 0, 0, NULL, NULL, NULL)
PANIC_TEST(uninitialized, ARITH_CMD_UNINITIALIZED, 0, 0, NULL, NULL, NULL)
PANIC_TEST(fmm_wrong_modulus, ARITH_CMD_FMM_WRONG_MODULUS, 0, 3, word(5),
	   word(11), word(13))

/* ------------------------------------------------------------------ */

/* One failing test must not fail the rest through a dead instance. */
static int revive(void **state __attribute__((unused)))
{
	if (!ses_dead)
		return 0;
	TEEC_CloseSession(&ses);
	ses_dead = false;
	return open_session(&ses) == TEEC_SUCCESS ? 0 : -1;
}

static int setup(void **state __attribute__((unused)))
{
	struct job j = { .cmd = ARITH_CMD_MAX_BITS };

	bnctx = BN_CTX_new();
	if (!bnctx || machine_start(&machine, NULL) ||
	    TEEC_InitializeContext(NULL, &ctx) != TEEC_SUCCESS ||
	    open_session(&ses) != TEEC_SUCCESS)
		return -1;
	if (invoke_on(&ses, &j) != TEEC_SUCCESS || j.rb != TEEC_SUCCESS)
		return -1;
	max_bits = (int)j.ra;
	return 0;
}

static int teardown(void **state __attribute__((unused)))
{
	free_bns(NULL);
	free(tracked);
	TEEC_CloseSession(&ses);
	TEEC_FinalizeContext(&ctx);
	BN_CTX_free(bnctx);
	return machine_stop(&machine) == 0 ? 0 : -1;
}

#define T(f) cmocka_unit_test_setup_teardown(f, revive, free_bns)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_convert_octet_string),
		T(test_convert_to_octet_string),
		T(test_convert_s32),
		T(test_cmp),
		T(test_shift_right),
		T(test_get_bits),
		T(test_set_bit),
		T(test_assign_abs),
		T(test_add_sub_neg),
		T(test_mul_square),
		T(test_div),
		T(test_mod),
		T(test_inv_mod),
		T(test_exp_mod),
		T(test_gcd),
		T(test_is_probable_prime),
		T(test_fmm),
		T(test_fmm_context_and_sizes),
		T(test_aliasing),
		T(test_max_big_int_size),
		T(test_gp11_twins),
		T(test_panic_div_by_zero),
		T(test_panic_mod_zero),
		T(test_panic_mod_one),
		T(test_panic_mod_negative),
		T(test_panic_add_mod_one),
		T(test_panic_sub_mod_zero),
		T(test_panic_mul_mod_negative),
		T(test_panic_square_mod_one),
		T(test_panic_exp_mod_one),
		T(test_panic_exp_mod_negative_exponent),
		T(test_panic_inv_mod_zero),
		T(test_panic_inv_mod_one),
		T(test_panic_inv_mod_no_inverse),
		T(test_panic_inv_mod_multiple_of_n),
		T(test_panic_add_too_small),
		T(test_panic_sub_too_small),
		T(test_panic_neg_too_small),
		T(test_panic_mul_too_small),
		T(test_panic_square_too_small),
		T(test_panic_div_quotient_too_small),
		T(test_panic_shift_too_small),
		T(test_panic_mod_too_small),
		T(test_panic_exp_mod_too_small),
		T(test_panic_ext_gcd_too_small),
		T(test_panic_fmm_context_too_small),
		T(test_panic_mul_beyond_max),
		T(test_panic_init_too_short),
		T(test_panic_uninitialized),
		T(test_panic_fmm_wrong_modulus),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
