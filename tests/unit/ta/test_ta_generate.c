// SPDX-License-Identifier: BSD-2-Clause
/*
 * TEE_GenerateKey (src/ta/object_generate.c, keygen_*.c), in-process.
 * TEE_Panic is this file's own, as in test_ta_objects.c, so every GP
 * panic rule is a case.  Generated keys are checked with OpenSSL: RSA's
 * n = p * q and e * d = 1 mod lcm(p - 1, q - 1), discrete-log keys'
 * y = g^x mod p, EC points on their curve and equal to d * G, raw-curve
 * public values derived from the private ones.  Every generated key must
 * also populate a fresh object to the same size: the attributes are
 * stored in Populate's form.
 */
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <tee_api_defines_extensions.h>
#include <tee_internal_api.h>

#include <cmocka.h>

#include "fake_ta_env.h"
#include "object.h"
#include "object_attrs.h"
#include "op_asym.h"
#include "storage.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define BADP		TEE_ERROR_BAD_PARAMETERS

static TEE_ObjectHandle alloc(uint32_t type, uint32_t max)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;

	assert_int_equal(TEE_AllocateTransientObject(type, max, &h),
			 TEE_SUCCESS);
	return h;
}

static TEE_ObjectInfo info_of(TEE_ObjectHandle h)
{
	TEE_ObjectInfo info;

	assert_int_equal(TEE_GetObjectInfo1(h, &info), TEE_SUCCESS);
	return info;
}

static bool initialized(TEE_ObjectHandle h)
{
	return info_of(h).handleFlags & TEE_HANDLE_FLAG_INITIALIZED;
}

/* A buffer attribute (the objects keep TEE_USAGE_EXTRACTABLE) */
static size_t attr_get(TEE_ObjectHandle h, uint32_t id, uint8_t *buf,
		       size_t cap)
{
	size_t len = cap;

	assert_int_equal(TEE_GetObjectBufferAttribute(h, id, buf, &len),
			 TEE_SUCCESS);
	return len;
}

static BIGNUM *attr_bn(TEE_ObjectHandle h, uint32_t id)
{
	uint8_t buf[512];
	size_t len = attr_get(h, id, buf, sizeof(buf));
	BIGNUM *bn;

	/* numbers come without leading zero bytes, as Populate keeps them */
	assert_true(len == 0 || buf[0] != 0);
	bn = BN_bin2bn(buf, (int)len, NULL);
	assert_non_null(bn);
	return bn;
}

static bool has_attr(TEE_ObjectHandle h, uint32_t id)
{
	uint8_t buf[512];
	size_t len = sizeof(buf);
	uint32_t a, b;

	if (id & TEE_ATTR_FLAG_VALUE)
		return TEE_GetObjectValueAttribute(h, id, &a, &b) ==
		       TEE_SUCCESS;
	return TEE_GetObjectBufferAttribute(h, id, buf, &len) == TEE_SUCCESS;
}

static TEE_Attribute bn_param(uint32_t id, const BIGNUM *bn, uint8_t *buf)
{
	TEE_Attribute a;

	TEE_InitRefAttribute(&a, id, buf, (size_t)BN_bn2bin(bn, buf));
	return a;
}

static TEE_Attribute value_param(uint32_t id, uint32_t v)
{
	TEE_Attribute a;

	TEE_InitValueAttribute(&a, id, v, 0);
	return a;
}

/*
 * The generated key, read back and given to Populate in a fresh object
 * of the same type and maximum size: it must be accepted with the same
 * objectSize (attributes only key generation takes are left out).
 */
static void check_populates_back(TEE_ObjectHandle h)
{
	TEE_ObjectInfo info = info_of(h);
	const struct ta_obj_type *t = ta_obj_type_find(info.objectType);
	static uint8_t bufs[TA_OBJ_ATTRS_MAX][512];
	TEE_Attribute attrs[TA_OBJ_ATTRS_MAX];
	uint32_t n = 0;
	TEE_ObjectHandle copy;

	for (unsigned int i = 0; i < t->n_rules; i++) {
		uint32_t id = t->rules[i].id;
		uint32_t a, b;

		if (!(t->rules[i].flags & TA_ATTR_POPULATE) ||
		    !has_attr(h, id))
			continue;
		if (id & TEE_ATTR_FLAG_VALUE) {
			TEE_GetObjectValueAttribute(h, id, &a, &b);
			TEE_InitValueAttribute(&attrs[n++], id, a, b);
			continue;
		}
		TEE_InitRefAttribute(&attrs[n], id, bufs[n],
				     attr_get(h, id, bufs[n], 512));
		n++;
	}
	copy = alloc(info.objectType, info.maxObjectSize);
	assert_int_equal(TEE_PopulateTransientObject(copy, attrs, n),
			 TEE_SUCCESS);
	assert_int_equal(info_of(copy).objectSize, info.objectSize);
	TEE_FreeTransientObject(copy);
}

/* ------------------------------------------------------------------ */
/* Secret keys                                                         */
/* ------------------------------------------------------------------ */

struct secret_case {
	uint32_t type;
	uint32_t max, bits;	/* maxObjectSize, keySize */
	size_t bytes;		/* the key's length */
	uint32_t size;		/* objectSize reported */
};

static const struct secret_case secret_cases[] = {
	{ TEE_TYPE_AES, 256, 128, 16, 128 },
	{ TEE_TYPE_AES, 256, 192, 24, 192 },
	{ TEE_TYPE_AES, 256, 256, 32, 256 },
	{ TEE_TYPE_DES, 64, 64, 8, 64 },
	{ TEE_TYPE_DES3, 192, 128, 16, 128 },
	{ TEE_TYPE_DES3, 192, 192, 24, 192 },
	/* GP v1.0 sizes without parity bits, on objects allocated so */
	{ TEE_TYPE_DES, 56, 56, 8, 56 },
	{ TEE_TYPE_DES3, 168, 112, 16, 112 },
	{ TEE_TYPE_DES3, 168, 168, 24, 168 },
	{ TEE_TYPE_SM4, 128, 128, 16, 128 },
	{ TEE_TYPE_HMAC_MD5, 512, 64, 8, 64 },
	{ TEE_TYPE_HMAC_SHA1, 512, 80, 10, 80 },
	{ TEE_TYPE_HMAC_SHA224, 512, 512, 64, 512 },
	{ TEE_TYPE_HMAC_SHA256, 1024, 256, 32, 256 },
	{ TEE_TYPE_HMAC_SHA384, 1024, 1024, 128, 1024 },
	{ TEE_TYPE_HMAC_SHA512, 1024, 264, 33, 264 },
	{ TEE_TYPE_HMAC_SHA3_224, 1024, 192, 24, 192 },
	{ TEE_TYPE_HMAC_SHA3_256, 1024, 256, 32, 256 },
	{ TEE_TYPE_HMAC_SHA3_384, 1024, 384, 48, 384 },
	{ TEE_TYPE_HMAC_SHA3_512, 1024, 512, 64, 512 },
	{ TEE_TYPE_HMAC_SM3, 1024, 80, 10, 80 },
	{ TEE_TYPE_GENERIC_SECRET, 4096, 4096, 512, 4096 },
	{ TEE_TYPE_GENERIC_SECRET, 4096, 8, 1, 8 },
	{ TEE_TYPE_HKDF_IKM, 512, 256, 32, 256 },
	{ TEE_TYPE_CONCAT_KDF_Z, 512, 128, 16, 128 },
	{ TEE_TYPE_PBKDF2_PASSWORD, 512, 64, 8, 64 },
};

static uint32_t secret_id(uint32_t type)
{
	switch (type) {
	case TEE_TYPE_HKDF_IKM:
		return TEE_ATTR_HKDF_IKM;
	case TEE_TYPE_CONCAT_KDF_Z:
		return TEE_ATTR_CONCAT_KDF_Z;
	case TEE_TYPE_PBKDF2_PASSWORD:
		return TEE_ATTR_PBKDF2_PASSWORD;
	default:
		return TEE_ATTR_SECRET_VALUE;
	}
}

static void check_des_parity(const uint8_t *key, size_t len)
{
	for (size_t i = 0; i < len; i++)
		assert_int_equal(__builtin_popcount(key[i]) % 2, 1);
}

static void test_secret_keys(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(secret_cases); i++) {
		const struct secret_case *c = &secret_cases[i];
		uint8_t k1[512], k2[512];
		TEE_ObjectHandle a = alloc(c->type, c->max);
		TEE_ObjectHandle b = alloc(c->type, c->max);

		assert_int_equal(TEE_GenerateKey(a, c->bits, NULL, 0),
				 TEE_SUCCESS);
		assert_int_equal(TEE_GenerateKey(b, c->bits, NULL, 0),
				 TEE_SUCCESS);
		if (info_of(a).objectSize != c->size)
			fail_msg("type 0x%08x keySize %u: objectSize %u",
				 c->type, c->bits, info_of(a).objectSize);
		assert_int_equal(info_of(a).handleFlags,
				 TEE_HANDLE_FLAG_INITIALIZED);
		assert_int_equal(attr_get(a, secret_id(c->type), k1, 512),
				 c->bytes);
		attr_get(b, secret_id(c->type), k2, 512);
		/* random: two keys of 8 bytes or more never match */
		assert_memory_not_equal(k1, k2, c->bytes);
		if (c->type == TEE_TYPE_DES || c->type == TEE_TYPE_DES3)
			check_des_parity(k1, c->bytes);
		check_populates_back(a);
		TEE_FreeTransientObject(a);
		TEE_FreeTransientObject(b);
	}
}

static void test_generic_secret_empty(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_GENERIC_SECRET, 256);
	uint8_t buf[1];

	(void)state;
	assert_int_equal(TEE_GenerateKey(h, 0, NULL, 0), TEE_SUCCESS);
	assert_int_equal(info_of(h).objectSize, 0);
	assert_int_equal(attr_get(h, TEE_ATTR_SECRET_VALUE, buf, 1), 0);
	TEE_FreeTransientObject(h);
}

/* ------------------------------------------------------------------ */
/* GP's panics                                                         */
/* ------------------------------------------------------------------ */

struct size_panic {
	uint32_t type, max, bits;
};

static const struct size_panic size_panics[] = {
	{ TEE_TYPE_AES, 128, 256 },		/* over maxObjectSize */
	{ TEE_TYPE_AES, 256, 160 },		/* a size AES has not */
	{ TEE_TYPE_AES, 256, 0 },
	{ TEE_TYPE_DES, 64, 128 },
	{ TEE_TYPE_DES3, 128, 192 },
	{ TEE_TYPE_HMAC_SHA256, 1024, 184 },
	{ TEE_TYPE_HMAC_SHA256, 1024, 260 },	/* not a multiple of 8 */
	{ TEE_TYPE_GENERIC_SECRET, 256, 264 },
	{ TEE_TYPE_RSA_KEYPAIR, 2048, 255 },
	{ TEE_TYPE_RSA_KEYPAIR, 512, 1024 },
	{ TEE_TYPE_DSA_KEYPAIR, 2048, 520 },
	{ TEE_TYPE_DH_KEYPAIR, 2048, 128 },
	{ TEE_TYPE_ECDSA_KEYPAIR, 521, 200 },
	{ TEE_TYPE_ECDH_KEYPAIR, 256, 384 },
	{ TEE_TYPE_SM2_PKE_KEYPAIR, 256, 192 },
	{ TEE_TYPE_X25519_KEYPAIR, 256, 255 },
	{ TEE_TYPE_ED25519_KEYPAIR, 256, 512 },
	{ TEE_TYPE_X448_KEYPAIR, 448, 256 },
	/* nothing to generate for a public key */
	{ TEE_TYPE_RSA_PUBLIC_KEY, 1024, 1024 },
	{ TEE_TYPE_DSA_PUBLIC_KEY, 1024, 1024 },
	{ TEE_TYPE_ECDSA_PUBLIC_KEY, 256, 256 },
	{ TEE_TYPE_ECDH_PUBLIC_KEY, 256, 256 },
	{ TEE_TYPE_SM2_DSA_PUBLIC_KEY, 256, 256 },
	{ TEE_TYPE_SM2_KEP_PUBLIC_KEY, 256, 256 },
	{ TEE_TYPE_SM2_PKE_PUBLIC_KEY, 256, 256 },
	{ TEE_TYPE_X25519_PUBLIC_KEY, 256, 256 },
	{ TEE_TYPE_ED25519_PUBLIC_KEY, 256, 256 },
	{ TEE_TYPE_X448_PUBLIC_KEY, 448, 448 },
};

/* one case per call: nothing of the loop's lives across the longjmp */
static void expect_size_panic(const struct size_panic *c)
{
	TEE_ObjectHandle h = alloc(c->type, c->max);

	assert_panics(TEE_GenerateKey(h, c->bits, NULL, 0));
	assert_false(initialized(h));
	TEE_FreeTransientObject(h);
}

static void test_panic_key_size_and_type(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(size_panics); i++)
		expect_size_panic(&size_panics[i]);
}

static void test_panic_object_state(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_AES, 256), data = TEE_HANDLE_NULL;
	struct ta_object *o;

	(void)state;
	/* already initialized */
	assert_int_equal(TEE_GenerateKey(h, 128, NULL, 0), TEE_SUCCESS);
	assert_panics(TEE_GenerateKey(h, 128, NULL, 0));
	/* reset: uninitialized again */
	TEE_ResetTransientObject(h);
	assert_int_equal(TEE_GenerateKey(h, 256, NULL, 0), TEE_SUCCESS);
	/* persistent */
	TEE_ResetTransientObject(h);
	o = ta_object_get(h);
	o->os_handle = 7;
	o->info.handleFlags |= TEE_HANDLE_FLAG_PERSISTENT;
	assert_panics(TEE_GenerateKey(h, 128, NULL, 0));
	TEE_CloseObject(h);
	/* not a handle, a freed handle */
	assert_panics(TEE_GenerateKey(TEE_HANDLE_NULL, 128, NULL, 0));
	assert_panics(TEE_GenerateKey((TEE_ObjectHandle)(uintptr_t)0x7777,
				      128, NULL, 0));
	assert_panics(TEE_GenerateKey(h, 128, NULL, 0));
	/* GP v1.1's transient data object has no key */
	assert_int_equal(__GP11_TEE_AllocateTransientObject(
				 TEE_TYPE_DATA, 0, &data), TEE_SUCCESS);
	assert_panics(TEE_GenerateKey(data, 0, NULL, 0));
	TEE_FreeTransientObject(data);
}

static void test_panic_params(void **state)
{
	uint8_t prime[32] = { 0xff }, two = 2, big[65] = { 1 };
	TEE_Attribute a[5];
	TEE_ObjectHandle h = alloc(TEE_TYPE_DH_KEYPAIR, 512);
	TEE_ObjectHandle aes = alloc(TEE_TYPE_AES, 128);
	TEE_ObjectHandle ec = alloc(TEE_TYPE_ECDSA_KEYPAIR, 256);

	(void)state;
	TEE_InitRefAttribute(&a[0], TEE_ATTR_DH_PRIME, prime, sizeof(prime));
	TEE_InitRefAttribute(&a[1], TEE_ATTR_DH_BASE, &two, 1);
	/* a mandatory parameter missing */
	assert_panics(TEE_GenerateKey(h, 256, a, 1));
	assert_panics(TEE_GenerateKey(h, 256, &a[1], 1));
	assert_panics(TEE_GenerateKey(ec, 256, NULL, 0));
	/* repeated */
	a[2] = a[1];
	assert_panics(TEE_GenerateKey(h, 256, a, 3));
	/* not a generation parameter: a Populate-only one, a foreign one */
	TEE_InitRefAttribute(&a[2], TEE_ATTR_DH_PUBLIC_VALUE, &two, 1);
	assert_panics(TEE_GenerateKey(h, 256, a, 3));
	TEE_InitRefAttribute(&a[2], TEE_ATTR_RSA_MODULUS, &two, 1);
	assert_panics(TEE_GenerateKey(h, 256, a, 3));
	TEE_InitRefAttribute(&a[2], TEE_ATTR_SECRET_VALUE, &two, 1);
	assert_panics(TEE_GenerateKey(aes, 128, &a[2], 1));
	/* more than the type has rules; none given where some are */
	assert_panics(TEE_GenerateKey(aes, 128, a, 2));
	assert_panics(TEE_GenerateKey(h, 256, NULL, 2));
	/* a length without a buffer */
	TEE_InitRefAttribute(&a[1], TEE_ATTR_DH_BASE, NULL, 1);
	assert_panics(TEE_GenerateKey(h, 256, a, 2));
	/* a number too big for maxObjectSize (leading zeros do not count) */
	TEE_InitRefAttribute(&a[0], TEE_ATTR_DH_PRIME, big, sizeof(big));
	TEE_InitRefAttribute(&a[1], TEE_ATTR_DH_BASE, &two, 1);
	assert_panics(TEE_GenerateKey(h, 512, a, 2));
	assert_false(initialized(h));
	TEE_FreeTransientObject(h);
	TEE_FreeTransientObject(aes);
	TEE_FreeTransientObject(ec);
}

/* ------------------------------------------------------------------ */
/* RSA                                                                 */
/* ------------------------------------------------------------------ */

/* n = p * q of `bits` bits, p > q both prime, e * d = 1 mod lcm(p-1, q-1),
 * the CRT values, and m^e^d = m. */
static void check_rsa(TEE_ObjectHandle h, uint32_t bits, BN_ULONG e_want)
{
	BIGNUM *n = attr_bn(h, TEE_ATTR_RSA_MODULUS);
	BIGNUM *e = attr_bn(h, TEE_ATTR_RSA_PUBLIC_EXPONENT);
	BIGNUM *d = attr_bn(h, TEE_ATTR_RSA_PRIVATE_EXPONENT);
	BIGNUM *p = attr_bn(h, TEE_ATTR_RSA_PRIME1);
	BIGNUM *q = attr_bn(h, TEE_ATTR_RSA_PRIME2);
	BIGNUM *dp = attr_bn(h, TEE_ATTR_RSA_EXPONENT1);
	BIGNUM *dq = attr_bn(h, TEE_ATTR_RSA_EXPONENT2);
	BIGNUM *qinv = attr_bn(h, TEE_ATTR_RSA_COEFFICIENT);
	BIGNUM *t = BN_new(), *p1 = BN_new(), *q1 = BN_new();
	BIGNUM *lcm = BN_new(), *m = BN_new();
	BN_CTX *ctx = BN_CTX_new();

	assert_int_equal(info_of(h).objectSize, bits);
	assert_int_equal(BN_num_bits(n), bits);
	assert_true(BN_is_word(e, e_want));
	assert_true(BN_mul(t, p, q, ctx) && !BN_cmp(t, n));
	assert_true(BN_cmp(p, q) > 0);
	assert_int_equal(BN_check_prime(p, ctx, NULL), 1);
	assert_int_equal(BN_check_prime(q, ctx, NULL), 1);
	BN_sub(p1, p, BN_value_one());
	BN_sub(q1, q, BN_value_one());
	BN_gcd(t, p1, q1, ctx);
	BN_mul(lcm, p1, q1, ctx);
	BN_div(lcm, NULL, lcm, t, ctx);
	assert_true(BN_mod_mul(t, e, d, lcm, ctx) && BN_is_one(t));
	assert_true(BN_mod(t, d, p1, ctx) && !BN_cmp(t, dp));
	assert_true(BN_mod(t, d, q1, ctx) && !BN_cmp(t, dq));
	assert_true(BN_mod_mul(t, q, qinv, p, ctx) && BN_is_one(t));
	/* raw RSA round trip */
	BN_set_word(m, 0x5ca1ab1e);
	BN_mod_exp(t, m, e, n, ctx);
	BN_mod_exp(t, t, d, n, ctx);
	assert_int_equal(BN_cmp(t, m), 0);
	BN_free(n), BN_free(e), BN_free(d), BN_free(p), BN_free(q);
	BN_free(dp), BN_free(dq), BN_free(qinv), BN_free(t), BN_free(p1);
	BN_free(q1), BN_free(lcm), BN_free(m);
	BN_CTX_free(ctx);
}

static void test_rsa_sizes(void **state)
{
	static const uint32_t sizes[] = { 256, 257, 264, 511, 512, 1024,
					  2048 };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		TEE_ObjectHandle h = alloc(TEE_TYPE_RSA_KEYPAIR, 2048);

		assert_int_equal(TEE_GenerateKey(h, sizes[i], NULL, 0),
				 TEE_SUCCESS);
		check_rsa(h, sizes[i], 65537);
		check_populates_back(h);
		TEE_FreeTransientObject(h);
	}
}

static void test_rsa_public_exponent(void **state)
{
	/* leading zero bytes are dropped, as Populate drops them */
	static const uint8_t e3[] = { 0, 0, 3 }, e65537[] = { 1, 0, 1 };
	static const uint8_t even[] = { 1, 0, 0 }, one[] = { 1 };
	TEE_ObjectHandle h = alloc(TEE_TYPE_RSA_KEYPAIR, 512);
	TEE_Attribute e;

	(void)state;
	TEE_InitRefAttribute(&e, TEE_ATTR_RSA_PUBLIC_EXPONENT, e3, 3);
	assert_int_equal(TEE_GenerateKey(h, 512, &e, 1), TEE_SUCCESS);
	check_rsa(h, 512, 3);
	TEE_ResetTransientObject(h);
	TEE_InitRefAttribute(&e, TEE_ATTR_RSA_PUBLIC_EXPONENT, e65537, 3);
	assert_int_equal(TEE_GenerateKey(h, 256, &e, 1), TEE_SUCCESS);
	check_rsa(h, 256, 65537);
	TEE_ResetTransientObject(h);
	/* values that make no key: the object stays uninitialized */
	TEE_InitRefAttribute(&e, TEE_ATTR_RSA_PUBLIC_EXPONENT, even, 3);
	assert_int_equal(TEE_GenerateKey(h, 512, &e, 1), BADP);
	assert_false(initialized(h));
	TEE_InitRefAttribute(&e, TEE_ATTR_RSA_PUBLIC_EXPONENT, one, 1);
	assert_int_equal(TEE_GenerateKey(h, 512, &e, 1), BADP);
	TEE_InitRefAttribute(&e, TEE_ATTR_RSA_PUBLIC_EXPONENT, NULL, 0);
	assert_int_equal(TEE_GenerateKey(h, 512, &e, 1), BADP);
	assert_false(initialized(h));
	/* and it still takes a key */
	assert_int_equal(TEE_GenerateKey(h, 384, NULL, 0), TEE_SUCCESS);
	check_rsa(h, 384, 65537);
	TEE_FreeTransientObject(h);
}

/* A 256-bit key works with OpenSSL's RSA once built from its numbers
 * (the operations do that; here only the numbers are checked). */
static void test_rsa_small_key_loads(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_RSA_KEYPAIR, 256);
	static const struct {
		uint32_t id;
		const char *name;
	} parts[] = {
		{ TEE_ATTR_RSA_MODULUS, OSSL_PKEY_PARAM_RSA_N },
		{ TEE_ATTR_RSA_PUBLIC_EXPONENT, OSSL_PKEY_PARAM_RSA_E },
		{ TEE_ATTR_RSA_PRIVATE_EXPONENT, OSSL_PKEY_PARAM_RSA_D },
		{ TEE_ATTR_RSA_PRIME1, OSSL_PKEY_PARAM_RSA_FACTOR1 },
		{ TEE_ATTR_RSA_PRIME2, OSSL_PKEY_PARAM_RSA_FACTOR2 },
		{ TEE_ATTR_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT1 },
		{ TEE_ATTR_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_EXPONENT2 },
		{ TEE_ATTR_RSA_COEFFICIENT, OSSL_PKEY_PARAM_RSA_COEFFICIENT1 },
	};
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	BIGNUM *bns[ARRAY_SIZE(parts)];
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
	EVP_PKEY_CTX *check;
	EVP_PKEY *pkey = NULL;
	OSSL_PARAM *params;

	(void)state;
	assert_int_equal(TEE_GenerateKey(h, 256, NULL, 0), TEE_SUCCESS);
	for (size_t i = 0; i < ARRAY_SIZE(parts); i++) {
		bns[i] = attr_bn(h, parts[i].id);
		assert_true(OSSL_PARAM_BLD_push_BN(bld, parts[i].name,
						   bns[i]));
	}
	params = OSSL_PARAM_BLD_to_param(bld);
	assert_int_equal(EVP_PKEY_fromdata_init(ctx), 1);
	assert_int_equal(EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_KEYPAIR,
					   params), 1);
	assert_int_equal(EVP_PKEY_get_bits(pkey), 256);
	check = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
	assert_int_equal(EVP_PKEY_pairwise_check(check), 1);
	EVP_PKEY_CTX_free(check);
	EVP_PKEY_free(pkey);
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	for (size_t i = 0; i < ARRAY_SIZE(parts); i++)
		BN_free(bns[i]);
	TEE_FreeTransientObject(h);
}

/* ------------------------------------------------------------------ */
/* DSA and DH                                                          */
/* ------------------------------------------------------------------ */

/* p, q, g of one of OpenSSL's built-in groups (RFC 5114's have a
 * subgroup, RFC 7919's and RFC 3526's do not: q is then (p-1)/2) */
struct group {
	BIGNUM *p, *q, *g;
};

static struct group group_of(const char *name)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "DH", NULL);
	OSSL_PARAM params[] = {
		OSSL_PARAM_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
				       (char *)name, 0),
		OSSL_PARAM_END,
	};
	EVP_PKEY *pkey = NULL;
	struct group g = { NULL, NULL, NULL };

	assert_int_equal(EVP_PKEY_paramgen_init(ctx), 1);
	assert_int_equal(EVP_PKEY_CTX_set_params(ctx, params), 1);
	assert_int_equal(EVP_PKEY_paramgen(ctx, &pkey), 1);
	assert_int_equal(EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_P,
					       &g.p), 1);
	assert_int_equal(EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_G,
					       &g.g), 1);
	EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_Q, &g.q);
	EVP_PKEY_free(pkey);
	EVP_PKEY_CTX_free(ctx);
	return g;
}

static void group_free(struct group *g)
{
	BN_free(g->p);
	BN_free(g->q);
	BN_free(g->g);
}

/* The object's x and y: 0 < x < bound, y = g^x mod p; the domain
 * parameters kept as given. */
static void check_dlog(TEE_ObjectHandle h, const uint32_t ids[5],
		       const struct group *grp, const BIGNUM *bound)
{
	BIGNUM *p = attr_bn(h, ids[0]), *g = attr_bn(h, ids[2]);
	BIGNUM *x = attr_bn(h, ids[3]), *y = attr_bn(h, ids[4]);
	BIGNUM *t = BN_new();
	BN_CTX *ctx = BN_CTX_new();

	assert_int_equal(BN_cmp(p, grp->p), 0);
	assert_int_equal(BN_cmp(g, grp->g), 0);
	assert_false(BN_is_zero(x));
	assert_true(BN_cmp(x, bound) < 0);
	BN_mod_exp(t, grp->g, x, grp->p, ctx);
	assert_int_equal(BN_cmp(t, y), 0);
	assert_int_equal(info_of(h).objectSize, BN_num_bits(grp->p));
	BN_free(p), BN_free(g), BN_free(x), BN_free(y), BN_free(t);
	BN_CTX_free(ctx);
}

static const uint32_t dsa_ids[5] = {
	TEE_ATTR_DSA_PRIME, TEE_ATTR_DSA_SUBPRIME, TEE_ATTR_DSA_BASE,
	TEE_ATTR_DSA_PRIVATE_VALUE, TEE_ATTR_DSA_PUBLIC_VALUE,
};

static const uint32_t dh_ids[5] = {
	TEE_ATTR_DH_PRIME, TEE_ATTR_DH_SUBPRIME, TEE_ATTR_DH_BASE,
	TEE_ATTR_DH_PRIVATE_VALUE, TEE_ATTR_DH_PUBLIC_VALUE,
};

static uint32_t gen_dlog(TEE_ObjectHandle h, uint32_t bits,
			 const uint32_t ids[5], const struct group *g,
			 bool with_q)
{
	static uint8_t b[3][512];
	TEE_Attribute a[3] = {
		bn_param(ids[0], g->p, b[0]), bn_param(ids[2], g->g, b[2]),
	};

	if (with_q)
		a[2] = bn_param(ids[1], g->q, b[1]);
	return TEE_GenerateKey(h, bits, a, with_q ? 3 : 2);
}

static void test_dsa(void **state)
{
	static const char *groups[] = { "dh_1024_160", "dh_2048_224",
					"dh_2048_256" };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(groups); i++) {
		struct group g = group_of(groups[i]);
		uint32_t bits = (uint32_t)BN_num_bits(g.p);
		TEE_ObjectHandle h = alloc(TEE_TYPE_DSA_KEYPAIR, bits);

		assert_int_equal(gen_dlog(h, bits, dsa_ids, &g, true),
				 TEE_SUCCESS);
		check_dlog(h, dsa_ids, &g, g.q);
		check_populates_back(h);
		TEE_FreeTransientObject(h);
		group_free(&g);
	}
}

static void test_dsa_inconsistent(void **state)
{
	struct group g = group_of("dh_1024_160");
	TEE_ObjectHandle h = alloc(TEE_TYPE_DSA_KEYPAIR, 2048);

	(void)state;
	/* keySize is not the prime's size */
	assert_int_equal(gen_dlog(h, 2048, dsa_ids, &g, true), BADP);
	/* g = 1, g = p - 1 (order 2, not q) */
	BN_one(g.g);
	assert_int_equal(gen_dlog(h, 1024, dsa_ids, &g, true), BADP);
	BN_sub(g.g, g.p, BN_value_one());
	assert_int_equal(gen_dlog(h, 1024, dsa_ids, &g, true), BADP);
	/* q does not divide p - 1 */
	group_free(&g);
	g = group_of("dh_1024_160");
	BN_add_word(g.q, 2);
	assert_int_equal(gen_dlog(h, 1024, dsa_ids, &g, true), BADP);
	assert_false(initialized(h));
	/* subprime is mandatory for DSA */
	assert_panics(gen_dlog(h, 1024, dsa_ids, &g, false));
	group_free(&g);
	TEE_FreeTransientObject(h);
}

static void test_dh(void **state)
{
	struct group g = group_of("ffdhe2048"), s = group_of("dh_2048_256");
	TEE_ObjectHandle h = alloc(TEE_TYPE_DH_KEYPAIR, 2048);
	BIGNUM *p1 = BN_new();

	(void)state;
	/* PKCS #3: x below p - 1, no subprime kept */
	BN_sub(p1, g.p, BN_value_one());
	assert_int_equal(gen_dlog(h, 2048, dh_ids, &g, false), TEE_SUCCESS);
	check_dlog(h, dh_ids, &g, p1);
	assert_false(has_attr(h, TEE_ATTR_DH_SUBPRIME));
	assert_false(has_attr(h, TEE_ATTR_DH_X_BITS));
	check_populates_back(h);
	TEE_ResetTransientObject(h);
	/* X9.42: x below q, q kept */
	assert_int_equal(gen_dlog(h, 2048, dh_ids, &s, true), TEE_SUCCESS);
	check_dlog(h, dh_ids, &s, s.q);
	assert_true(has_attr(h, TEE_ATTR_DH_SUBPRIME));
	check_populates_back(h);
	BN_free(p1);
	group_free(&g);
	group_free(&s);
	TEE_FreeTransientObject(h);
}

static void test_dh_x_bits(void **state)
{
	struct group g = group_of("ffdhe2048");
	TEE_ObjectHandle h = alloc(TEE_TYPE_DH_KEYPAIR, 2048);
	uint8_t b[2][512];
	TEE_Attribute a[3] = {
		bn_param(TEE_ATTR_DH_PRIME, g.p, b[0]),
		bn_param(TEE_ATTR_DH_BASE, g.g, b[1]),
		value_param(TEE_ATTR_DH_X_BITS, 256),
	};
	uint32_t va = 0, vb = 1;
	BIGNUM *x;

	(void)state;
	assert_int_equal(TEE_GenerateKey(h, 2048, a, 3), TEE_SUCCESS);
	x = attr_bn(h, TEE_ATTR_DH_PRIVATE_VALUE);
	assert_int_equal(BN_num_bits(x), 256);
	BN_free(x);
	/* kept as given, as OP-TEE keeps it */
	assert_int_equal(TEE_GetObjectValueAttribute(h, TEE_ATTR_DH_X_BITS,
						     &va, &vb), TEE_SUCCESS);
	assert_int_equal(va, 256);
	assert_int_equal(vb, 0);
	check_populates_back(h);
	TEE_ResetTransientObject(h);
	/* more bits than the prime leaves */
	a[2] = value_param(TEE_ATTR_DH_X_BITS, 2049);
	assert_int_equal(TEE_GenerateKey(h, 2048, a, 3), BADP);
	assert_false(initialized(h));
	group_free(&g);
	TEE_FreeTransientObject(h);
}

/* GP allows DH primes from 256 bits: a small safe prime of our own */
static void test_dh_small_and_inconsistent(void **state)
{
	BIGNUM *p = BN_new(), *p1 = BN_new();
	BIGNUM *two = BN_new();
	struct group g = { p, NULL, two };
	TEE_ObjectHandle h = alloc(TEE_TYPE_DH_KEYPAIR, 1024);

	(void)state;
	assert_true(BN_generate_prime_ex(p, 256, 1, NULL, NULL, NULL));
	BN_set_word(two, 2);
	BN_sub(p1, p, BN_value_one());
	assert_int_equal(gen_dlog(h, 256, dh_ids, &g, false), TEE_SUCCESS);
	check_dlog(h, dh_ids, &g, p1);
	TEE_ResetTransientObject(h);
	/* keySize other than the prime's; g = 1; g = p - 1 */
	assert_int_equal(gen_dlog(h, 512, dh_ids, &g, false), BADP);
	BN_one(two);
	assert_int_equal(gen_dlog(h, 256, dh_ids, &g, false), BADP);
	BN_copy(two, p1);
	assert_int_equal(gen_dlog(h, 256, dh_ids, &g, false), BADP);
	assert_false(initialized(h));
	BN_free(p1);
	group_free(&g);
	TEE_FreeTransientObject(h);
}

/* ------------------------------------------------------------------ */
/* Elliptic curves                                                     */
/* ------------------------------------------------------------------ */

/* (x, y) is on the curve and is d * G */
static void check_point(TEE_ObjectHandle h, int nid)
{
	EC_GROUP *grp = EC_GROUP_new_by_curve_name(nid);
	EC_POINT *pub = EC_POINT_new(grp), *dg = EC_POINT_new(grp);
	BIGNUM *x = attr_bn(h, TEE_ATTR_ECC_PUBLIC_VALUE_X);
	BIGNUM *y = attr_bn(h, TEE_ATTR_ECC_PUBLIC_VALUE_Y);
	BIGNUM *d = attr_bn(h, TEE_ATTR_ECC_PRIVATE_VALUE);
	BN_CTX *ctx = BN_CTX_new();

	assert_int_equal(EC_POINT_set_affine_coordinates(grp, pub, x, y,
							 ctx), 1);
	assert_int_equal(EC_POINT_is_on_curve(grp, pub, ctx), 1);
	assert_int_equal(EC_POINT_mul(grp, dg, d, NULL, NULL, ctx), 1);
	assert_int_equal(EC_POINT_cmp(grp, pub, dg, ctx), 0);
	assert_true(BN_cmp(d, EC_GROUP_get0_order(grp)) < 0);
	BN_free(x), BN_free(y), BN_free(d);
	EC_POINT_free(pub), EC_POINT_free(dg);
	EC_GROUP_free(grp);
	BN_CTX_free(ctx);
}

static const struct {
	uint32_t curve, bits;
	int nid;
} nist[] = {
	{ TEE_ECC_CURVE_NIST_P192, 192, NID_X9_62_prime192v1 },
	{ TEE_ECC_CURVE_NIST_P224, 224, NID_secp224r1 },
	{ TEE_ECC_CURVE_NIST_P256, 256, NID_X9_62_prime256v1 },
	{ TEE_ECC_CURVE_NIST_P384, 384, NID_secp384r1 },
	{ TEE_ECC_CURVE_NIST_P521, 521, NID_secp521r1 },
};

static void test_ecc_nist(void **state)
{
	static const uint32_t types[] = { TEE_TYPE_ECDSA_KEYPAIR,
					  TEE_TYPE_ECDH_KEYPAIR };

	(void)state;
	for (size_t t = 0; t < ARRAY_SIZE(types); t++) {
		for (size_t i = 0; i < ARRAY_SIZE(nist); i++) {
			TEE_ObjectHandle h = alloc(types[t], 521);
			TEE_Attribute c = value_param(TEE_ATTR_ECC_CURVE,
						      nist[i].curve);
			uint32_t a = 0, b = 1;

			assert_int_equal(TEE_GenerateKey(h, nist[i].bits, &c,
							 1), TEE_SUCCESS);
			assert_int_equal(info_of(h).objectSize, nist[i].bits);
			assert_int_equal(TEE_GetObjectValueAttribute(h,
					TEE_ATTR_ECC_CURVE, &a, &b),
					TEE_SUCCESS);
			assert_int_equal(a, nist[i].curve);
			assert_int_equal(b, 0);
			check_point(h, nist[i].nid);
			check_populates_back(h);
			TEE_FreeTransientObject(h);
		}
	}
}

static void test_ecc_inconsistent(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_ECDSA_KEYPAIR, 521);
	TEE_Attribute c = value_param(TEE_ATTR_ECC_CURVE,
				      TEE_ECC_CURVE_NIST_P256);

	(void)state;
	/* the curve is not keySize's */
	assert_int_equal(TEE_GenerateKey(h, 384, &c, 1), BADP);
	/* curves of other families, unknown curves */
	c = value_param(TEE_ATTR_ECC_CURVE, TEE_ECC_CURVE_SM2);
	assert_int_equal(TEE_GenerateKey(h, 256, &c, 1), BADP);
	c = value_param(TEE_ATTR_ECC_CURVE, TEE_ECC_CURVE_25519);
	assert_int_equal(TEE_GenerateKey(h, 256, &c, 1), BADP);
	c = value_param(TEE_ATTR_ECC_CURVE, 0x77);
	assert_int_equal(TEE_GenerateKey(h, 256, &c, 1), BADP);
	assert_false(initialized(h));
	/* a curve bigger than maxObjectSize: keySize panics first */
	TEE_FreeTransientObject(h);
	h = alloc(TEE_TYPE_ECDH_KEYPAIR, 256);
	c = value_param(TEE_ATTR_ECC_CURVE, TEE_ECC_CURVE_NIST_P384);
	assert_panics(TEE_GenerateKey(h, 384, &c, 1));
	assert_int_equal(TEE_GenerateKey(h, 256, &c, 1), BADP);
	TEE_FreeTransientObject(h);
}

static void test_sm2(void **state)
{
	static const uint32_t types[] = { TEE_TYPE_SM2_DSA_KEYPAIR,
					  TEE_TYPE_SM2_KEP_KEYPAIR,
					  TEE_TYPE_SM2_PKE_KEYPAIR };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(types); i++) {
		TEE_ObjectHandle h = alloc(types[i], 256);
		TEE_Attribute c = value_param(TEE_ATTR_ECC_CURVE,
					      TEE_ECC_CURVE_SM2);

		/* OP-TEE's way: no curve, none kept */
		assert_int_equal(TEE_GenerateKey(h, 256, NULL, 0),
				 TEE_SUCCESS);
		assert_int_equal(info_of(h).objectSize, 256);
		assert_false(has_attr(h, TEE_ATTR_ECC_CURVE));
		check_point(h, NID_sm2);
		check_populates_back(h);
		/* GP code may name the curve; it is kept */
		TEE_ResetTransientObject(h);
		assert_int_equal(TEE_GenerateKey(h, 256, &c, 1), TEE_SUCCESS);
		assert_true(has_attr(h, TEE_ATTR_ECC_CURVE));
		check_point(h, NID_sm2);
		check_populates_back(h);
		/* another curve is not SM2's */
		TEE_ResetTransientObject(h);
		c = value_param(TEE_ATTR_ECC_CURVE, TEE_ECC_CURVE_NIST_P256);
		assert_int_equal(TEE_GenerateKey(h, 256, &c, 1), BADP);
		assert_false(initialized(h));
		TEE_FreeTransientObject(h);
	}
}

static const struct {
	uint32_t type, bits, priv, pub;
	const char *name;
	size_t len;
} raw[] = {
	{ TEE_TYPE_X25519_KEYPAIR, 256, TEE_ATTR_X25519_PRIVATE_VALUE,
	  TEE_ATTR_X25519_PUBLIC_VALUE, "X25519", 32 },
	{ TEE_TYPE_ED25519_KEYPAIR, 256, TEE_ATTR_ED25519_PRIVATE_VALUE,
	  TEE_ATTR_ED25519_PUBLIC_VALUE, "ED25519", 32 },
	{ TEE_TYPE_X448_KEYPAIR, 448, TEE_ATTR_X448_PRIVATE_VALUE,
	  TEE_ATTR_X448_PUBLIC_VALUE, "X448", 56 },
};

/* The public value is the one the private value gives. */
static void test_raw_curves(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(raw); i++) {
		TEE_ObjectHandle h = alloc(raw[i].type, raw[i].bits);
		uint8_t priv[64], pub[64], want[64];
		size_t want_len = sizeof(want);
		EVP_PKEY *pkey;

		assert_int_equal(TEE_GenerateKey(h, raw[i].bits, NULL, 0),
				 TEE_SUCCESS);
		assert_int_equal(info_of(h).objectSize, raw[i].bits);
		assert_int_equal(attr_get(h, raw[i].priv, priv, 64),
				 raw[i].len);
		assert_int_equal(attr_get(h, raw[i].pub, pub, 64), raw[i].len);
		pkey = EVP_PKEY_new_raw_private_key_ex(NULL, raw[i].name, NULL,
						       priv, raw[i].len);
		assert_non_null(pkey);
		assert_int_equal(EVP_PKEY_get_raw_public_key(pkey, want,
							     &want_len), 1);
		assert_memory_equal(pub, want, raw[i].len);
		EVP_PKEY_free(pkey);
		check_populates_back(h);
		TEE_FreeTransientObject(h);
	}
}

/* ------------------------------------------------------------------ */
/* GP v1.1, storage                                                    */
/* ------------------------------------------------------------------ */

static void test_gp11_twin(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_ECDH_KEYPAIR, 384);
	__GP11_TEE_Attribute c;

	(void)state;
	__GP11_TEE_InitValueAttribute(&c, TEE_ATTR_ECC_CURVE,
				      TEE_ECC_CURVE_NIST_P384, 0);
	assert_int_equal(__GP11_TEE_GenerateKey(h, 384, &c, 1), TEE_SUCCESS);
	check_point(h, NID_secp384r1);
	assert_panics(__GP11_TEE_GenerateKey(h, 384, &c, 1));
	TEE_ResetTransientObject(h);
	assert_panics(__GP11_TEE_GenerateKey(h, 384, NULL, 1));
	assert_panics(__GP11_TEE_GenerateKey(h, 384, &c, 9));
	TEE_FreeTransientObject(h);
}

/* A generated key's attributes go through the storage blob unchanged
 * (DH_X_BITS, which only key generation takes, included). */
static void test_blob_round_trip(void **state)
{
	struct group g = group_of("ffdhe2048");
	TEE_ObjectHandle h = alloc(TEE_TYPE_DH_KEYPAIR, 2048);
	TEE_ObjectHandle back = alloc(TEE_TYPE_DH_KEYPAIR, 2048);
	uint8_t b[2][512];
	TEE_Attribute a[3] = {
		bn_param(TEE_ATTR_DH_PRIME, g.p, b[0]),
		bn_param(TEE_ATTR_DH_BASE, g.g, b[1]),
		value_param(TEE_ATTR_DH_X_BITS, 300),
	};
	struct ta_object *o, *r;
	uint8_t *blob, *again;
	size_t len;

	(void)state;
	assert_int_equal(TEE_GenerateKey(h, 2048, a, 3), TEE_SUCCESS);
	o = ta_object_get(h);
	r = ta_object_get(back);
	len = ta_object_blob_size(o);
	blob = malloc(len);
	again = malloc(len);
	ta_object_blob_write(o, blob);
	assert_int_equal(ta_object_blob_read(r, blob, len), TEE_SUCCESS);
	assert_int_equal(ta_object_blob_size(r), len);
	ta_object_blob_write(r, again);
	assert_memory_equal(blob, again, len);
	free(blob);
	free(again);
	group_free(&g);
	TEE_FreeTransientObject(h);
	TEE_FreeTransientObject(back);
}

/* The numbers op_pkey.c hands libcrypto are secure BIGNUMs, so the
 * copies OSSL_PARAM_BLD makes of a private key are wiped when freed; the
 * key they make is the generated one. */
static void test_pkey_numbers_secure(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_RSA_KEYPAIR, 512);
	const struct ta_object *o;
	BIGNUM *d;
	EVP_PKEY *pkey;

	(void)state;
	assert_int_equal(TEE_GenerateKey(h, 512, NULL, 0), TEE_SUCCESS);
	o = ta_object_get(h);
	d = ta_obj_bn(o, TEE_ATTR_RSA_PRIVATE_EXPONENT);
	assert_non_null(d);
	assert_true(BN_get_flags(d, BN_FLG_SECURE));
	assert_null(ta_obj_bn(o, TEE_ATTR_ECC_PRIVATE_VALUE));
	pkey = ta_pkey_rsa(o);
	assert_non_null(pkey);
	assert_int_equal(EVP_PKEY_get_bits(pkey), 512);
	EVP_PKEY_free(pkey);
	BN_clear_free(d);
	TEE_FreeTransientObject(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_secret_keys),
		cmocka_unit_test(test_generic_secret_empty),
		cmocka_unit_test(test_panic_key_size_and_type),
		cmocka_unit_test(test_panic_object_state),
		cmocka_unit_test(test_panic_params),
		cmocka_unit_test(test_rsa_sizes),
		cmocka_unit_test(test_rsa_public_exponent),
		cmocka_unit_test(test_rsa_small_key_loads),
		cmocka_unit_test(test_dsa),
		cmocka_unit_test(test_dsa_inconsistent),
		cmocka_unit_test(test_dh),
		cmocka_unit_test(test_dh_x_bits),
		cmocka_unit_test(test_dh_small_and_inconsistent),
		cmocka_unit_test(test_ecc_nist),
		cmocka_unit_test(test_ecc_inconsistent),
		cmocka_unit_test(test_sm2),
		cmocka_unit_test(test_raw_curves),
		cmocka_unit_test(test_gp11_twin),
		cmocka_unit_test(test_blob_round_trip),
		cmocka_unit_test(test_pkey_numbers_secure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
