// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP v1.1 sources run: the GP v1.1 examples TA (vtee_gp11_examples_ta.h),
 * written like OP-TEE's older examples and built once with GP's version
 * selectors and once with OP-TEE's, does what acipher, ecdh, ecdsa,
 * sign_verify, sha, hotp and aes do, through the __GP11_ functions.
 * Where the answer can be computed outside the TA, OpenSSL in this
 * process computes it (ECDH, SHA-512, HMAC) or RFC 4226 gives it (HOTP);
 * the rest round-trips or verifies inside the TA.  Known-answer tests of
 * each algorithm are the crypto tests' business.
 */
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <tee_client_api.h>

#include "vtee_gp11_examples_ta.h"

static const TEEC_UUID uuids[2] = { GP11_EXAMPLES_TA_UUID,
				    GP11_EXAMPLES_TA_OPTEE_UUID };

static TEEC_Context ctx;
static TEEC_Session ses[2];

static TEEC_Operation memrefs(const void *in, size_t in_len, void *out,
			      size_t out_len)
{
	TEEC_Operation op = { 0 };

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)in;
	op.params[0].tmpref.size = in_len;
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = out_len;
	return op;
}

/* acipher: every RSAES scheme round-trips; a short output buffer gets
 * the size it needs through the TA's 32-bit memref size */
static void test_acipher(void **state)
{
	static const char msg[] = "plaintext for every RSAES scheme";

	(void)state;
	for (int v = 0; v < 2; v++) {
		TEEC_Operation op = { 0 };
		uint8_t ct[256], pt[256];

		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
						 TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = 2048;
		assert_int_equal(TEEC_InvokeCommand(&ses[v],
						    GP11_CMD_RSA_GENKEY, &op,
						    NULL), TEEC_SUCCESS);
		for (uint32_t alg = 0; alg < GP11_RSAES_COUNT; alg++) {
			op = memrefs(msg, sizeof(msg), ct, 16);
			op.paramTypes = TEEC_PARAM_TYPES(
				TEEC_MEMREF_TEMP_INPUT,
				TEEC_MEMREF_TEMP_OUTPUT, TEEC_VALUE_INPUT,
				TEEC_NONE);
			op.params[2].value.a = alg;
			assert_int_equal(TEEC_InvokeCommand(
					&ses[v], GP11_CMD_RSA_ENCRYPT, &op,
					NULL), TEEC_ERROR_SHORT_BUFFER);
			assert_int_equal(op.params[1].tmpref.size, sizeof(ct));
			op.params[1].tmpref.size = sizeof(ct);
			assert_int_equal(TEEC_InvokeCommand(
					&ses[v], GP11_CMD_RSA_ENCRYPT, &op,
					NULL), TEEC_SUCCESS);
			assert_int_equal(op.params[1].tmpref.size, sizeof(ct));
			op.params[0].tmpref.buffer = ct;
			op.params[0].tmpref.size = sizeof(ct);
			op.params[1].tmpref.buffer = pt;
			op.params[1].tmpref.size = sizeof(pt);
			assert_int_equal(TEEC_InvokeCommand(
					&ses[v], GP11_CMD_RSA_DECRYPT, &op,
					NULL), TEEC_SUCCESS);
			assert_int_equal(op.params[1].tmpref.size,
					 sizeof(msg));
			assert_memory_equal(pt, msg, sizeof(msg));
		}
	}
}

/* The peer's key on curve c, its point as X || Y of n bytes each */
static EVP_PKEY *peer_key(const char *curve, uint8_t *xy, size_t n)
{
	EVP_PKEY *key = EVP_EC_gen(curve);
	uint8_t point[1 + 2 * 66];
	size_t len = 0;

	assert_non_null(key);
	assert_int_equal(EVP_PKEY_get_octet_string_param(
				 key, OSSL_PKEY_PARAM_PUB_KEY, point,
				 sizeof(point), &len), 1);
	assert_int_equal(len, 1 + 2 * n);	/* uncompressed */
	memcpy(xy, point + 1, 2 * n);
	return key;
}

/* The secret ours (peer) and the TA's point (xy) share */
static size_t shared_secret(EVP_PKEY *ours, const char *curve,
			    const uint8_t *xy, size_t n, uint8_t *secret)
{
	uint8_t point[1 + 2 * 66] = { 0x04 };
	OSSL_PARAM params[] = {
		OSSL_PARAM_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
				       (char *)curve, 0),
		OSSL_PARAM_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point,
					1 + 2 * n),
		OSSL_PARAM_END,
	};
	EVP_PKEY_CTX *pc = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	EVP_PKEY *theirs = NULL;
	EVP_PKEY_CTX *dc;
	size_t len = 66;

	memcpy(point + 1, xy, 2 * n);
	assert_non_null(pc);
	assert_int_equal(EVP_PKEY_fromdata_init(pc), 1);
	assert_int_equal(EVP_PKEY_fromdata(pc, &theirs, EVP_PKEY_PUBLIC_KEY,
					   params), 1);
	dc = EVP_PKEY_CTX_new(ours, NULL);
	assert_non_null(dc);
	assert_int_equal(EVP_PKEY_derive_init(dc), 1);
	assert_int_equal(EVP_PKEY_derive_set_peer(dc, theirs), 1);
	assert_int_equal(EVP_PKEY_derive(dc, secret, &len), 1);
	EVP_PKEY_CTX_free(dc);
	EVP_PKEY_free(theirs);
	EVP_PKEY_CTX_free(pc);
	return len;
}

/* Leading zero bytes do not count: GP does not say whether a secret
 * keeps them */
static void assert_same_number(const uint8_t *a, size_t a_len,
			       const uint8_t *b, size_t b_len)
{
	while (a_len && !*a) {
		a++;
		a_len--;
	}
	while (b_len && !*b) {
		b++;
		b_len--;
	}
	assert_int_equal(a_len, b_len);
	assert_memory_equal(a, b, a_len);
}

/* ecdh: on every NIST curve, the TA and OpenSSL agree on the secret */
static void test_ecdh(void **state)
{
	static const struct {
		const char *name;
		size_t n;
	} curves[] = {
		{ "P-192", 24 }, { "P-224", 28 }, { "P-256", 32 },
		{ "P-384", 48 }, { "P-521", 66 },
	};

	(void)state;
	for (int v = 0; v < 2; v++)
		for (uint32_t c = 0; c < 5; c++) {
			uint8_t peer[2 * 66], ta[2 * 66], secret[66], want[66];
			size_t n = curves[c].n, want_len;
			EVP_PKEY *key = peer_key(curves[c].name, peer, n);
			TEEC_Operation op = { 0 };

			op.paramTypes = TEEC_PARAM_TYPES(
				TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INPUT,
				TEEC_MEMREF_TEMP_OUTPUT,
				TEEC_MEMREF_TEMP_OUTPUT);
			op.params[0].value.a = c;
			op.params[1].tmpref.buffer = peer;
			op.params[1].tmpref.size = 2 * n;
			op.params[2].tmpref.buffer = ta;
			op.params[2].tmpref.size = sizeof(ta);
			op.params[3].tmpref.buffer = secret;
			op.params[3].tmpref.size = sizeof(secret);
			assert_int_equal(TEEC_InvokeCommand(&ses[v],
							    GP11_CMD_ECDH,
							    &op, NULL),
					 TEEC_SUCCESS);
			assert_int_equal(op.params[2].tmpref.size, 2 * n);
			want_len = shared_secret(key, curves[c].name, ta, n,
						 want);
			assert_same_number(secret, op.params[3].tmpref.size,
					   want, want_len);
			EVP_PKEY_free(key);
		}
}

/* ecdsa, sign_verify: the TA signs and verifies its own signature */
static void test_signatures(void **state)
{
	static const char msg[] = "a message to sign";

	(void)state;
	for (int v = 0; v < 2; v++) {
		uint8_t sig[512];
		TEEC_Operation op = memrefs(msg, sizeof(msg), sig,
					    sizeof(sig));

		assert_int_equal(TEEC_InvokeCommand(&ses[v], GP11_CMD_ECDSA,
						    &op, NULL), TEEC_SUCCESS);
		assert_int_equal(op.params[1].tmpref.size, 64);
		op = memrefs(NULL, 0, NULL, 0);
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
						 TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = 2048;
		assert_int_equal(TEEC_InvokeCommand(&ses[v],
						    GP11_CMD_RSA_GENKEY, &op,
						    NULL), TEEC_SUCCESS);
		op = memrefs(msg, sizeof(msg), sig, sizeof(sig));
		assert_int_equal(TEEC_InvokeCommand(&ses[v],
						    GP11_CMD_RSA_SIGN_VERIFY,
						    &op, NULL), TEEC_SUCCESS);
		assert_int_equal(op.params[1].tmpref.size, 256);
	}
}

/* sha: SHA-512 and HMAC-SHA256 as OpenSSL computes them */
static void test_sha(void **state)
{
	static const char msg[] = "The quick brown fox jumps over the lazy dog";
	static const uint8_t key[32] = "a key of thirty-two bytes, HMAC";

	(void)state;
	for (int v = 0; v < 2; v++) {
		uint8_t out[64], want[64];
		unsigned int want_len = 0;
		TEEC_Operation op = memrefs(msg, sizeof(msg) - 1, out,
					    sizeof(out));

		assert_int_equal(TEEC_InvokeCommand(&ses[v], GP11_CMD_SHA,
						    &op, NULL), TEEC_SUCCESS);
		assert_int_equal(op.params[1].tmpref.size, 64);
		assert_int_equal(EVP_Digest(msg, sizeof(msg) - 1, want,
					    &want_len, EVP_sha512(), NULL), 1);
		assert_memory_equal(out, want, 64);

		op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
						 TEEC_MEMREF_TEMP_INPUT,
						 TEEC_MEMREF_TEMP_OUTPUT,
						 TEEC_NONE);
		op.params[0].tmpref.buffer = (void *)key;
		op.params[0].tmpref.size = sizeof(key);
		op.params[1].tmpref.buffer = (void *)msg;
		op.params[1].tmpref.size = sizeof(msg) - 1;
		op.params[2].tmpref.buffer = out;
		op.params[2].tmpref.size = sizeof(out);
		assert_int_equal(TEEC_InvokeCommand(&ses[v], GP11_CMD_HMAC,
						    &op, NULL), TEEC_SUCCESS);
		assert_int_equal(op.params[2].tmpref.size, 32);
		assert_non_null(HMAC(EVP_sha256(), key, sizeof(key),
				     (const uint8_t *)msg, sizeof(msg) - 1,
				     want, &want_len));
		assert_memory_equal(out, want, 32);
	}
}

/* hotp: RFC 4226, Appendix D */
static void test_hotp(void **state)
{
	static const uint32_t want[] = { 755224, 287082, 359152, 969429,
					 338314, 254676, 287922, 162583,
					 399871, 520489 };

	(void)state;
	for (int v = 0; v < 2; v++)
		for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
			TEEC_Operation op = { 0 };

			op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT,
							 TEEC_NONE, TEEC_NONE,
							 TEEC_NONE);
			assert_int_equal(TEEC_InvokeCommand(&ses[v],
							    GP11_CMD_HOTP,
							    &op, NULL),
					 TEEC_SUCCESS);
			assert_int_equal(op.params[0].value.a, want[i]);
		}
}

/* aes: CTR, XTS and GCM run, and GCM's tag checks out */
static void test_aes(void **state)
{
	uint8_t in[100], out[100];

	(void)state;
	memset(in, 0x3c, sizeof(in));
	for (int v = 0; v < 2; v++) {
		TEEC_Operation op = memrefs(in, sizeof(in), out, sizeof(out));

		assert_int_equal(TEEC_InvokeCommand(&ses[v], GP11_CMD_AES, &op,
						    NULL), TEEC_SUCCESS);
		assert_int_equal(op.params[1].tmpref.size, sizeof(in));
		assert_memory_not_equal(out, in, sizeof(in));
	}
}

/* Sessions of their own for each test (instances too, TA_FLAGS 0): a
 * TA that dies in one test takes no other with it. */
static int open_sessions(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++)
		if (TEEC_OpenSession(&ctx, &ses[v], &uuids[v],
				     TEEC_LOGIN_PUBLIC, NULL, NULL,
				     NULL) != TEEC_SUCCESS)
			return -1;
	return 0;
}

static int close_sessions(void **state)
{
	(void)state;
	TEEC_CloseSession(&ses[0]);
	TEEC_CloseSession(&ses[1]);
	return 0;
}

static int setup(void **state)
{
	(void)state;
	return TEEC_InitializeContext(NULL, &ctx) == TEEC_SUCCESS ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	TEEC_FinalizeContext(&ctx);
	return 0;
}

#define T(f)	cmocka_unit_test_setup_teardown(f, open_sessions, \
						close_sessions)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_acipher),
		T(test_ecdh),
		T(test_signatures),
		T(test_sha),
		T(test_hotp),
		T(test_aes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
