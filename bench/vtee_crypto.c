// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP cryptographic operations inside a TA (the crypto benchmark TA of
 * ta/include/bench_crypto_ta.h), each case next to the same operations
 * done by libcrypto directly in this process in the same run
 * (crypto_floor.c), its floor:
 *  - AES-128 and AES-256 in GCM (encrypt with a 16-byte tag) and CBC
 *    (encrypt, no padding), SHA-256 and HMAC-SHA256, on messages of
 *    4 KiB and 1 MiB, in MB/s;
 *  - RSA-2048 PKCS#1 v1.5 and ECDSA P-256 signatures of a SHA-256
 *    digest, their verifications, X25519 derivations, in operations/s.
 * How it is timed: the TA does a batch of operations per invoke (RUN
 * with a count), and this client times the invoke; the floor runs the
 * same count in a loop here, timed the same way.  The count is chosen
 * for a floor batch of about BATCH_US; the cost of the invoke itself
 * (RUN with count 0, reported as invoke_us) is inside each vtee batch,
 * 0.2% of it at most.  vtee and floor batches alternate, ROUNDS each, and
 * each side reports its best round: other processes on the machine only
 * ever slow a round down, and on a small shared VM they do so often
 * (median_over_lib, the ratio of the median rounds, shows how much).
 * vtee_over_lib is vtee's throughput over the library's: the goal is at
 * least 0.8 on 1 MiB messages.  The symmetric cases use the same key, IV
 * and message on both sides, and the last tag, ciphertext bytes, digest
 * or MAC must be equal, or the case fails.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tee_api_defines.h>
#include <tee_client_api.h>

#include "bench.h"
#include "bench_crypto_ta.h"
#include "crypto_floor.h"

#define ROUNDS 15
#define BATCH_US 20000.0	/* a floor batch's time */
#define CALIBRATE_US 10000.0	/* the least a calibration batch takes */
#define INVOKES 5		/* empty invokes for invoke_us */

struct crypto_spec {
	enum crypto_kind kind;
	uint32_t alg, mode;
	unsigned int key_bits;
	size_t size;		/* a symmetric message's bytes */
};

struct crypto_bench {
	TEEC_Context ctx;
	TEEC_Session s;
	struct crypto_floor *floor;
};

static bool symmetric(const struct crypto_spec *c)
{
	return c->kind == CRYPTO_AES_GCM || c->kind == CRYPTO_AES_CBC ||
	       c->kind == CRYPTO_SHA256 || c->kind == CRYPTO_HMAC_SHA256;
}

static int ta_prepare(struct crypto_bench *b, const struct crypto_spec *c,
		      const uint8_t *key, size_t key_len)
{
	TEEC_Operation op = { 0 };
	uint32_t origin;
	TEEC_Result res;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INPUT,
					 TEEC_MEMREF_TEMP_INPUT, TEEC_NONE);
	op.params[0].value.a = c->alg;
	op.params[0].value.b = c->mode;
	op.params[1].value.a = c->key_bits;
	op.params[1].value.b = (uint32_t)c->size;
	op.params[2].tmpref.buffer = (void *)key;
	op.params[2].tmpref.size = key_len;
	res = TEEC_InvokeCommand(&b->s, BENCH_CRYPTO_CMD_PREPARE, &op,
				 &origin);
	if (res)
		fprintf(stderr, "vtee-bench: crypto PREPARE of 0x%08x: "
			"0x%08x (origin %u)\n", c->alg, res, origin);
	return res ? -EIO : 0;
}

/* A batch of count operations in the TA, timed here. */
static int ta_run(struct crypto_bench *b, unsigned int count,
		  uint8_t *check, size_t *check_len, double *us)
{
	TEEC_Operation op = { 0 };
	uint32_t origin;
	TEEC_Result res;
	double t0;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = count;
	op.params[1].tmpref.buffer = check;
	op.params[1].tmpref.size = BENCH_CRYPTO_CHECK_MAX;
	t0 = bench_now_us();
	res = TEEC_InvokeCommand(&b->s, BENCH_CRYPTO_CMD_RUN, &op, &origin);
	*us = bench_now_us() - t0;
	*check_len = op.params[1].tmpref.size;
	if (res)
		fprintf(stderr, "vtee-bench: crypto RUN: 0x%08x (origin %u)\n",
			res, origin);
	return res ? -EIO : 0;
}

static int floor_run(struct crypto_bench *b, unsigned int count,
		     uint8_t *check, size_t *check_len, double *us)
{
	double t0 = bench_now_us();
	int rc = crypto_floor_run(b->floor, count, check, check_len);

	*us = bench_now_us() - t0;
	if (rc)
		fprintf(stderr, "vtee-bench: crypto floor: libcrypto failed\n");
	return rc;
}

/* The count for a floor batch of about BATCH_US. */
static int calibrate(struct crypto_bench *b, unsigned int *count)
{
	uint8_t check[BENCH_CRYPTO_CHECK_MAX];
	unsigned int n = 1;
	size_t len;
	double us;
	int rc;

	for (;;) {
		rc = floor_run(b, n, check, &len, &us);
		if (rc)
			return rc;
		if (us >= CALIBRATE_US || n >= 1u << 24)
			break;
		n *= us < CALIBRATE_US / 16 ? 8 : 2;
	}
	*count = (unsigned int)(n * (BATCH_US / us));
	if (*count < 1)
		*count = 1;
	return 0;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), by_value);
	return v[n / 2];
}

static int bench_open(struct crypto_bench *b, const struct crypto_spec *c,
		      const uint8_t *key)
{
	const TEEC_UUID uuid = BENCH_CRYPTO_TA_UUID;
	uint32_t origin;
	int rc;

	b->floor = crypto_floor_new(c->kind, c->key_bits, c->size, key);
	if (!b->floor) {
		fprintf(stderr, "vtee-bench: crypto floor: libcrypto could "
			"not set up 0x%08x\n", c->alg);
		return -EIO;
	}
	if (TEEC_InitializeContext(NULL, &b->ctx)) {
		crypto_floor_free(b->floor);
		return -ENODEV;
	}
	if (TEEC_OpenSession(&b->ctx, &b->s, &uuid, TEEC_LOGIN_PUBLIC, NULL,
			     NULL, &origin)) {
		TEEC_FinalizeContext(&b->ctx);
		crypto_floor_free(b->floor);
		return -EIO;
	}
	rc = ta_prepare(b, c, key, symmetric(c) && c->kind != CRYPTO_SHA256 ?
			c->key_bits / 8 : 0);
	if (rc) {
		TEEC_CloseSession(&b->s);
		TEEC_FinalizeContext(&b->ctx);
		crypto_floor_free(b->floor);
	}
	return rc;
}

static void bench_close(struct crypto_bench *b)
{
	TEEC_CloseSession(&b->s);
	TEEC_FinalizeContext(&b->ctx);
	crypto_floor_free(b->floor);
}

/* Both sides computed the same bytes (symmetric cases). */
static int check_same(const struct crypto_spec *c, const uint8_t *v,
		      size_t v_len, const uint8_t *f, size_t f_len)
{
	if (!symmetric(c) || (v_len == f_len && v_len &&
			      !memcmp(v, f, v_len)))
		return 0;
	fprintf(stderr, "vtee-bench: crypto 0x%08x: the TA's result differs "
		"from libcrypto's\n", c->alg);
	return -EIO;
}

static void put_rates(struct bench_result *r, const struct crypto_spec *c,
		      unsigned int count, double *vtee_us, double *floor_us,
		      double invoke_us)
{
	double med, t, f;

	med = median(floor_us, ROUNDS) / median(vtee_us, ROUNDS);
	/* median() sorted the rounds: the best come first */
	t = vtee_us[0] / 1e6;
	f = floor_us[0] / 1e6;

	bench_result_add(r, "rounds", ROUNDS);
	bench_result_add(r, "ops_per_batch", count);
	if (symmetric(c)) {
		bench_result_add(r, "bytes", (double)c->size);
		bench_result_add(r, "mb_per_s",
				 count * (double)c->size / 1e6 / t);
		bench_result_add(r, "lib_mb_per_s",
				 count * (double)c->size / 1e6 / f);
	}
	bench_result_add(r, "ops_per_s", count / t);
	bench_result_add(r, "lib_ops_per_s", count / f);
	bench_result_add(r, "vtee_over_lib", f / t);
	bench_result_add(r, "median_over_lib", med);
	bench_result_add(r, "batch_ms", vtee_us[ROUNDS / 2] / 1e3);
	bench_result_add(r, "invoke_us", invoke_us);
}

static int crypto_case(const struct bench_opts *o, struct bench_result *r,
		       const struct crypto_spec *c)
{
	uint8_t key[32], vcheck[BENCH_CRYPTO_CHECK_MAX],
		fcheck[BENCH_CRYPTO_CHECK_MAX];
	double vtee_us[ROUNDS], floor_us[ROUNDS], invoke_us[INVOKES];
	size_t vlen, flen;
	unsigned int count = 1;
	struct crypto_bench b;
	int rc;

	(void)o;
	for (size_t i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(0xa5 ^ (i * 29));
	rc = bench_open(&b, c, key);
	if (rc)
		return rc;
	rc = calibrate(&b, &count);
	for (int i = 0; i < INVOKES && !rc; i++)
		rc = ta_run(&b, 0, vcheck, &vlen, &invoke_us[i]);
	/* alternate which side goes first, against drifts of the clock */
	for (int i = 0; i < ROUNDS && !rc; i++) {
		if (i % 2) {
			rc = floor_run(&b, count, fcheck, &flen, &floor_us[i]);
			if (!rc)
				rc = ta_run(&b, count, vcheck, &vlen,
					    &vtee_us[i]);
		} else {
			rc = ta_run(&b, count, vcheck, &vlen, &vtee_us[i]);
			if (!rc)
				rc = floor_run(&b, count, fcheck, &flen,
					       &floor_us[i]);
		}
		if (!rc)
			rc = check_same(c, vcheck, vlen, fcheck, flen);
	}
	bench_close(&b);
	if (!rc)
		put_rates(r, c, count, vtee_us, floor_us,
			  median(invoke_us, INVOKES));
	return rc;
}

#define KIB 1024
#define MIB (1024 * 1024)

#define CRYPTO_CASE(fn, kind, alg, mode, bits, size)			\
int fn(const struct bench_opts *o, struct bench_result *r)		\
{									\
	static const struct crypto_spec c = {				\
		kind, TEE_ALG_##alg, TEE_MODE_##mode, bits, size	\
	};								\
	return crypto_case(o, r, &c);					\
}

CRYPTO_CASE(bench_crypto_aes128_gcm_4k, CRYPTO_AES_GCM, AES_GCM, ENCRYPT,
	    128, 4 * KIB)
CRYPTO_CASE(bench_crypto_aes128_gcm_1m, CRYPTO_AES_GCM, AES_GCM, ENCRYPT,
	    128, MIB)
CRYPTO_CASE(bench_crypto_aes256_gcm_4k, CRYPTO_AES_GCM, AES_GCM, ENCRYPT,
	    256, 4 * KIB)
CRYPTO_CASE(bench_crypto_aes256_gcm_1m, CRYPTO_AES_GCM, AES_GCM, ENCRYPT,
	    256, MIB)
CRYPTO_CASE(bench_crypto_aes128_cbc_4k, CRYPTO_AES_CBC, AES_CBC_NOPAD,
	    ENCRYPT, 128, 4 * KIB)
CRYPTO_CASE(bench_crypto_aes128_cbc_1m, CRYPTO_AES_CBC, AES_CBC_NOPAD,
	    ENCRYPT, 128, MIB)
CRYPTO_CASE(bench_crypto_aes256_cbc_4k, CRYPTO_AES_CBC, AES_CBC_NOPAD,
	    ENCRYPT, 256, 4 * KIB)
CRYPTO_CASE(bench_crypto_aes256_cbc_1m, CRYPTO_AES_CBC, AES_CBC_NOPAD,
	    ENCRYPT, 256, MIB)
CRYPTO_CASE(bench_crypto_sha256_4k, CRYPTO_SHA256, SHA256, DIGEST, 0,
	    4 * KIB)
CRYPTO_CASE(bench_crypto_sha256_1m, CRYPTO_SHA256, SHA256, DIGEST, 0, MIB)
CRYPTO_CASE(bench_crypto_hmac_sha256_4k, CRYPTO_HMAC_SHA256, HMAC_SHA256,
	    MAC, 256, 4 * KIB)
CRYPTO_CASE(bench_crypto_hmac_sha256_1m, CRYPTO_HMAC_SHA256, HMAC_SHA256,
	    MAC, 256, MIB)
CRYPTO_CASE(bench_crypto_rsa2048_sign, CRYPTO_RSA_SIGN,
	    RSASSA_PKCS1_V1_5_SHA256, SIGN, 2048, 0)
CRYPTO_CASE(bench_crypto_rsa2048_verify, CRYPTO_RSA_VERIFY,
	    RSASSA_PKCS1_V1_5_SHA256, VERIFY, 2048, 0)
CRYPTO_CASE(bench_crypto_ecdsa_p256_sign, CRYPTO_ECDSA_SIGN, ECDSA_SHA256,
	    SIGN, 256, 0)
CRYPTO_CASE(bench_crypto_ecdsa_p256_verify, CRYPTO_ECDSA_VERIFY,
	    ECDSA_SHA256, VERIFY, 256, 0)
CRYPTO_CASE(bench_crypto_x25519_derive, CRYPTO_X25519, X25519, DERIVE, 256,
	    0)
