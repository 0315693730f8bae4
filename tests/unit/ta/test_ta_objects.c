// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP transient objects and attributes (src/ta/object*.c), in-process.
 * TEE_Panic is this file's own: it jumps back into the check that
 * expected it, so every GP panic rule is a case here.  The two storage
 * hooks (storage.h) are fakes that record their calls; a "persistent"
 * object is a transient one given an OS handle, as storage.c does.
 */
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
#include "storage.h"

/* ------------------------------------------------------------------ */
/* Keys for every type                                                 */
/* ------------------------------------------------------------------ */

#define SECRET		TEE_ATTR_SECRET_VALUE
#define CURVE		TEE_ATTR_ECC_CURVE
#define USAGE_ALL	0xFFFFFFFFu

/* One attribute of a test key: len bytes, the first `top` (the number's
 * highest byte), the rest 0x5a; or a value attribute (a). */
struct attr_spec {
	uint32_t id;
	size_t len;
	uint8_t top;
	uint32_t a;
	bool optional;		/* Populate works without it */
};

struct key_spec {
	uint32_t type;
	uint32_t max;		/* maxObjectSize to allocate */
	uint32_t size;		/* objectSize Populate gives */
	struct attr_spec attrs[8];	/* up to an id of 0 */
};

#define REF(i, l, t)	{ .id = (i), .len = (l), .top = (t) }
#define VAL(i, v)	{ .id = (i), .a = (v) }
#define SYM(t, bytes)	\
	{ t, (bytes) * 8, (bytes) * 8, { REF(SECRET, bytes, 1) } }

#define RSA_PUB(n)	REF(TEE_ATTR_RSA_MODULUS, n, 0x80),		\
			REF(TEE_ATTR_RSA_PUBLIC_EXPONENT, 3, 1)
#define ECC_PUB		REF(TEE_ATTR_ECC_PUBLIC_VALUE_X, 32, 1),	\
			REF(TEE_ATTR_ECC_PUBLIC_VALUE_Y, 32, 1)
#define ECC_PRIV	REF(TEE_ATTR_ECC_PRIVATE_VALUE, 32, 1)
#define DSA_PUB		REF(TEE_ATTR_DSA_PRIME, 64, 0x80),		\
			REF(TEE_ATTR_DSA_SUBPRIME, 20, 0x80),		\
			REF(TEE_ATTR_DSA_BASE, 64, 1),			\
			REF(TEE_ATTR_DSA_PUBLIC_VALUE, 64, 1)

static const struct key_spec keys[] = {
	SYM(TEE_TYPE_AES, 16),
	SYM(TEE_TYPE_DES, 8),
	SYM(TEE_TYPE_DES3, 24),
	SYM(TEE_TYPE_SM4, 16),
	SYM(TEE_TYPE_HMAC_MD5, 8),
	SYM(TEE_TYPE_HMAC_SHA1, 10),
	SYM(TEE_TYPE_HMAC_SHA224, 14),
	SYM(TEE_TYPE_HMAC_SHA256, 24),
	SYM(TEE_TYPE_HMAC_SHA384, 32),
	SYM(TEE_TYPE_HMAC_SHA512, 32),
	SYM(TEE_TYPE_HMAC_SHA3_224, 24),
	SYM(TEE_TYPE_HMAC_SHA3_256, 32),
	SYM(TEE_TYPE_HMAC_SHA3_384, 32),
	SYM(TEE_TYPE_HMAC_SHA3_512, 64),
	SYM(TEE_TYPE_HMAC_SM3, 10),
	{ TEE_TYPE_GENERIC_SECRET, 4096, 256, { REF(SECRET, 32, 1) } },
	{ TEE_TYPE_HKDF_IKM, 512, 128, { REF(TEE_ATTR_HKDF_IKM, 16, 1) } },
	{ TEE_TYPE_CONCAT_KDF_Z, 512, 128,
	  { REF(TEE_ATTR_CONCAT_KDF_Z, 16, 1) } },
	{ TEE_TYPE_PBKDF2_PASSWORD, 512, 64,
	  { REF(TEE_ATTR_PBKDF2_PASSWORD, 8, 1) } },
	{ TEE_TYPE_RSA_PUBLIC_KEY, 4096, 256, { RSA_PUB(32) } },
	{ TEE_TYPE_RSA_KEYPAIR, 2048, 256,
	  { RSA_PUB(32), REF(TEE_ATTR_RSA_PRIVATE_EXPONENT, 32, 0x40),
	    REF(TEE_ATTR_RSA_PRIME1, 16, 0x80),
	    REF(TEE_ATTR_RSA_PRIME2, 16, 0x80),
	    REF(TEE_ATTR_RSA_EXPONENT1, 16, 1),
	    REF(TEE_ATTR_RSA_EXPONENT2, 16, 1),
	    REF(TEE_ATTR_RSA_COEFFICIENT, 16, 1) } },
	{ TEE_TYPE_DSA_PUBLIC_KEY, 1024, 512, { DSA_PUB } },
	{ TEE_TYPE_DSA_KEYPAIR, 512, 512,
	  { DSA_PUB, REF(TEE_ATTR_DSA_PRIVATE_VALUE, 20, 1) } },
	{ TEE_TYPE_DH_KEYPAIR, 2048, 256,
	  { REF(TEE_ATTR_DH_PRIME, 32, 0x80), REF(TEE_ATTR_DH_BASE, 1, 2),
	    REF(TEE_ATTR_DH_PUBLIC_VALUE, 32, 1),
	    REF(TEE_ATTR_DH_PRIVATE_VALUE, 32, 1),
	    { .id = TEE_ATTR_DH_SUBPRIME, .len = 20, .top = 0x80,
	      .optional = true } } },
	{ TEE_TYPE_ECDSA_PUBLIC_KEY, 521, 256,
	  { ECC_PUB, VAL(CURVE, TEE_ECC_CURVE_NIST_P256) } },
	{ TEE_TYPE_ECDSA_KEYPAIR, 256, 256,
	  { ECC_PRIV, ECC_PUB, VAL(CURVE, TEE_ECC_CURVE_NIST_P256) } },
	{ TEE_TYPE_ECDH_PUBLIC_KEY, 384, 256,
	  { ECC_PUB, VAL(CURVE, TEE_ECC_CURVE_NIST_P256) } },
	{ TEE_TYPE_ECDH_KEYPAIR, 521, 256,
	  { ECC_PRIV, ECC_PUB, VAL(CURVE, TEE_ECC_CURVE_NIST_P256) } },
	{ TEE_TYPE_SM2_DSA_PUBLIC_KEY, 256, 256, { ECC_PUB } },
	{ TEE_TYPE_SM2_DSA_KEYPAIR, 256, 256, { ECC_PRIV, ECC_PUB } },
	{ TEE_TYPE_SM2_KEP_PUBLIC_KEY, 256, 256, { ECC_PUB } },
	{ TEE_TYPE_SM2_KEP_KEYPAIR, 256, 256,
	  { ECC_PRIV, ECC_PUB,
	    { .id = CURVE, .a = TEE_ECC_CURVE_SM2, .optional = true } } },
	{ TEE_TYPE_SM2_PKE_PUBLIC_KEY, 256, 256, { ECC_PUB } },
	{ TEE_TYPE_SM2_PKE_KEYPAIR, 256, 256, { ECC_PRIV, ECC_PUB } },
	{ TEE_TYPE_X25519_PUBLIC_KEY, 256, 256,
	  { REF(TEE_ATTR_X25519_PUBLIC_VALUE, 32, 9) } },
	{ TEE_TYPE_X25519_KEYPAIR, 256, 256,
	  { REF(TEE_ATTR_X25519_PRIVATE_VALUE, 32, 9),
	    REF(TEE_ATTR_X25519_PUBLIC_VALUE, 32, 9) } },
	{ TEE_TYPE_ED25519_PUBLIC_KEY, 256, 256,
	  { REF(TEE_ATTR_ED25519_PUBLIC_VALUE, 32, 0) } },
	{ TEE_TYPE_ED25519_KEYPAIR, 256, 256,
	  { REF(TEE_ATTR_ED25519_PRIVATE_VALUE, 32, 0),
	    REF(TEE_ATTR_ED25519_PUBLIC_VALUE, 32, 0) } },
	{ TEE_TYPE_X448_PUBLIC_KEY, 448, 448,
	  { REF(TEE_ATTR_X448_PUBLIC_VALUE, 56, 5) } },
	{ TEE_TYPE_X448_KEYPAIR, 448, 448,
	  { REF(TEE_ATTR_X448_PRIVATE_VALUE, 56, 5),
	    REF(TEE_ATTR_X448_PUBLIC_VALUE, 56, 5) } },
};

#define N_KEYS	(sizeof(keys) / sizeof(keys[0]))

/* The attributes of a spec, without the one at index `skip` (-1: all);
 * buffers live in bufs. */
struct key_attrs {
	TEE_Attribute attrs[8];
	uint8_t bufs[8][64];
	uint32_t n;
};

static void build(const struct key_spec *k, int skip, struct key_attrs *out)
{
	out->n = 0;
	for (int i = 0; i < 8 && k->attrs[i].id; i++) {
		const struct attr_spec *s = &k->attrs[i];
		uint8_t *buf = out->bufs[out->n];

		if (i == skip)
			continue;
		if (s->id & TEE_ATTR_FLAG_VALUE) {
			TEE_InitValueAttribute(&out->attrs[out->n++], s->id,
					       s->a, 0);
			continue;
		}
		memset(buf, 0x5a, s->len);
		buf[0] = s->top;
		TEE_InitRefAttribute(&out->attrs[out->n++], s->id, buf,
				     s->len);
	}
}

static TEE_ObjectHandle alloc(uint32_t type, uint32_t max)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;

	assert_int_equal(TEE_AllocateTransientObject(type, max, &h),
			 TEE_SUCCESS);
	assert_true((uintptr_t)h != 0 && (uintptr_t)h <= UINT32_MAX);
	return h;
}

static const struct key_spec *spec_of(uint32_t type)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (keys[i].type == type)
			return &keys[i];
	fail_msg("no test key of type 0x%08x", type);
	return NULL;
}

/* A populated object of the spec's type */
static TEE_ObjectHandle key_of(uint32_t type)
{
	const struct key_spec *k = spec_of(type);
	TEE_ObjectHandle h = alloc(type, k->max);
	struct key_attrs ka;

	build(k, -1, &ka);
	assert_int_equal(TEE_PopulateTransientObject(h, ka.attrs, ka.n),
			 TEE_SUCCESS);
	return h;
}

static uint32_t populate1(TEE_ObjectHandle h, uint32_t id, const void *buf,
			  size_t len)
{
	TEE_Attribute a;

	TEE_InitRefAttribute(&a, id, buf, len);
	return TEE_PopulateTransientObject(h, &a, 1);
}

static TEE_ObjectInfo info_of(TEE_ObjectHandle h)
{
	TEE_ObjectInfo info;

	assert_int_equal(TEE_GetObjectInfo1(h, &info), TEE_SUCCESS);
	return info;
}

/* Makes h look like storage.c's persistent objects. */
static void make_persistent(TEE_ObjectHandle h)
{
	struct ta_object *o = ta_object_get(h);

	o->os_handle = 7;
	o->info.handleFlags |= TEE_HANDLE_FLAG_PERSISTENT |
			       TEE_HANDLE_FLAG_INITIALIZED;
}

/* ------------------------------------------------------------------ */
/* Allocation                                                          */
/* ------------------------------------------------------------------ */

struct size_case {
	uint32_t type;
	uint32_t max;
	TEE_Result res;
};

#define OK	TEE_SUCCESS
#define NS	TEE_ERROR_NOT_SUPPORTED

static const struct size_case size_cases[] = {
	{ TEE_TYPE_AES, 128, OK }, { TEE_TYPE_AES, 192, OK },
	{ TEE_TYPE_AES, 256, OK }, { TEE_TYPE_AES, 64, NS },
	{ TEE_TYPE_AES, 160, NS }, { TEE_TYPE_AES, 512, NS },
	{ TEE_TYPE_DES, 64, OK }, { TEE_TYPE_DES, 56, OK },
	{ TEE_TYPE_DES, 128, NS }, { TEE_TYPE_DES, 63, NS },
	{ TEE_TYPE_DES3, 128, OK }, { TEE_TYPE_DES3, 192, OK },
	{ TEE_TYPE_DES3, 112, OK }, { TEE_TYPE_DES3, 168, OK },
	{ TEE_TYPE_DES3, 64, NS }, { TEE_TYPE_DES3, 256, NS },
	{ TEE_TYPE_SM4, 128, OK }, { TEE_TYPE_SM4, 256, NS },
	{ TEE_TYPE_HMAC_MD5, 64, OK }, { TEE_TYPE_HMAC_MD5, 512, OK },
	{ TEE_TYPE_HMAC_MD5, 56, NS }, { TEE_TYPE_HMAC_MD5, 520, NS },
	{ TEE_TYPE_HMAC_MD5, 65, NS },
	{ TEE_TYPE_HMAC_SHA1, 80, OK }, { TEE_TYPE_HMAC_SHA1, 72, NS },
	{ TEE_TYPE_HMAC_SHA224, 112, OK }, { TEE_TYPE_HMAC_SHA224, 104, NS },
	{ TEE_TYPE_HMAC_SHA256, 192, OK }, { TEE_TYPE_HMAC_SHA256, 1024, OK },
	{ TEE_TYPE_HMAC_SHA256, 184, NS }, { TEE_TYPE_HMAC_SHA256, 1032, NS },
	{ TEE_TYPE_HMAC_SHA384, 256, OK }, { TEE_TYPE_HMAC_SHA384, 248, NS },
	{ TEE_TYPE_HMAC_SHA512, 1024, OK }, { TEE_TYPE_HMAC_SHA512, 250, NS },
	{ TEE_TYPE_HMAC_SHA3_224, 192, OK },
	{ TEE_TYPE_HMAC_SHA3_256, 256, OK },
	{ TEE_TYPE_HMAC_SHA3_384, 248, NS },
	{ TEE_TYPE_HMAC_SHA3_512, 1024, OK },
	{ TEE_TYPE_HMAC_SM3, 80, OK }, { TEE_TYPE_HMAC_SM3, 1024, OK },
	{ TEE_TYPE_HMAC_SM3, 1025, NS },
	{ TEE_TYPE_GENERIC_SECRET, 0, OK },
	{ TEE_TYPE_GENERIC_SECRET, 4096, OK },
	{ TEE_TYPE_GENERIC_SECRET, 4104, NS },
	{ TEE_TYPE_GENERIC_SECRET, 12, NS },
	{ TEE_TYPE_HKDF_IKM, 4096, OK }, { TEE_TYPE_CONCAT_KDF_Z, 8, OK },
	{ TEE_TYPE_PBKDF2_PASSWORD, 4097, NS },
	{ TEE_TYPE_RSA_PUBLIC_KEY, 256, OK },
	{ TEE_TYPE_RSA_PUBLIC_KEY, 4096, OK },
	{ TEE_TYPE_RSA_KEYPAIR, 1000, OK }, { TEE_TYPE_RSA_KEYPAIR, 255, NS },
	{ TEE_TYPE_RSA_KEYPAIR, 4097, NS },
	{ TEE_TYPE_DSA_PUBLIC_KEY, 512, OK },
	{ TEE_TYPE_DSA_KEYPAIR, 3072, OK },
	{ TEE_TYPE_DSA_KEYPAIR, 2048, OK }, { TEE_TYPE_DSA_KEYPAIR, 520, NS },
	{ TEE_TYPE_DSA_KEYPAIR, 448, NS }, { TEE_TYPE_DSA_KEYPAIR, 4096, NS },
	{ TEE_TYPE_DH_KEYPAIR, 256, OK }, { TEE_TYPE_DH_KEYPAIR, 2048, OK },
	{ TEE_TYPE_DH_KEYPAIR, 1023, OK }, { TEE_TYPE_DH_KEYPAIR, 2049, NS },
	{ TEE_TYPE_DH_KEYPAIR, 128, NS },
	{ TEE_TYPE_ECDSA_PUBLIC_KEY, 192, OK },
	{ TEE_TYPE_ECDSA_KEYPAIR, 224, OK }, { TEE_TYPE_ECDH_KEYPAIR, 384, OK },
	{ TEE_TYPE_ECDH_PUBLIC_KEY, 521, OK },
	{ TEE_TYPE_ECDSA_KEYPAIR, 512, NS }, { TEE_TYPE_ECDH_KEYPAIR, 160, NS },
	{ TEE_TYPE_ECDSA_KEYPAIR, 200, NS },
	{ TEE_TYPE_SM2_DSA_KEYPAIR, 256, OK },
	{ TEE_TYPE_SM2_PKE_PUBLIC_KEY, 192, NS },
	{ TEE_TYPE_SM2_KEP_KEYPAIR, 521, NS },
	{ TEE_TYPE_X25519_KEYPAIR, 256, OK },
	{ TEE_TYPE_X25519_KEYPAIR, 255, NS },
	{ TEE_TYPE_ED25519_PUBLIC_KEY, 256, OK },
	{ TEE_TYPE_ED25519_KEYPAIR, 512, NS },
	{ TEE_TYPE_X448_KEYPAIR, 448, OK },
	{ TEE_TYPE_X448_PUBLIC_KEY, 256, NS },
	/* GP v1.3: no transient data objects; unknown types */
	{ TEE_TYPE_DATA, 0, NS }, { TEE_TYPE_CORRUPTED_OBJECT, 0, NS },
	{ TEE_TYPE_ILLEGAL_VALUE, 128, NS }, { 0, 0, NS },
	{ TEE_TYPE_ED448_KEYPAIR, 448, NS },
};

static void test_alloc_sizes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(size_cases) / sizeof(size_cases[0]);
	     i++) {
		const struct size_case *c = &size_cases[i];
		TEE_ObjectHandle h = (TEE_ObjectHandle)(uintptr_t)0x5555;
		TEE_Result res =
			TEE_AllocateTransientObject(c->type, c->max, &h);

		if (res != c->res)
			fail_msg("type 0x%08x size %u: 0x%08x, want 0x%08x",
				 c->type, c->max, res, c->res);
		if (res == TEE_SUCCESS)
			TEE_FreeTransientObject(h);
		else
			assert_null(h);
	}
}

static void test_alloc_every_type_in_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_KEYS; i++)
		TEE_FreeTransientObject(alloc(keys[i].type, keys[i].max));
}

static void test_alloc_initial_info(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_HMAC_SHA256, 512);
	TEE_ObjectInfo info = info_of(h);

	(void)state;
	assert_int_equal(info.objectType, TEE_TYPE_HMAC_SHA256);
	assert_int_equal(info.objectSize, 0);
	assert_int_equal(info.maxObjectSize, 512);
	assert_int_equal(info.objectUsage, USAGE_ALL);
	assert_int_equal(info.dataSize, 0);
	assert_int_equal(info.dataPosition, 0);
	assert_int_equal(info.handleFlags, 0);
	TEE_FreeTransientObject(h);
}

static void test_alloc_gp11_data_object(void **state)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;

	(void)state;
	/* GP v1.1 still listed TEE_TYPE_DATA as a transient type */
	assert_int_equal(__GP11_TEE_AllocateTransientObject(TEE_TYPE_DATA, 0,
							    &h), TEE_SUCCESS);
	assert_int_equal(info_of(h).objectType, TEE_TYPE_DATA);
	assert_panics(TEE_PopulateTransientObject(h, NULL, 0));
	TEE_FreeTransientObject(h);
	assert_int_equal(__GP11_TEE_AllocateTransientObject(TEE_TYPE_DATA, 8,
							    &h),
			 TEE_ERROR_NOT_SUPPORTED);
	assert_int_equal(__GP11_TEE_AllocateTransientObject(TEE_TYPE_AES, 128,
							    &h), TEE_SUCCESS);
	TEE_FreeTransientObject(h);
}

/* The table's own invariants, for whoever adds a type: forms match bit
 * 29, one attribute gives the size, a public key's attributes are its key
 * pair's, masks fit. */
static void check_type(const struct ta_obj_type *t)
{
	unsigned int sizes = 0;

	assert_true(t->n_rules <= TA_OBJ_ATTRS_MAX);
	assert_true(ta_obj_type_max_ok(t, t->max_bits));
	for (unsigned int i = 0; i < t->n_rules; i++) {
		const struct ta_attr_rule *r = &t->rules[i];

		assert_int_equal(r->form == TA_FORM_VALUE,
				 !!(r->id & TEE_ATTR_FLAG_VALUE));
		assert_int_equal(r->form == TA_FORM_FIXED, r->fixed_len != 0);
		assert_true(r->flags != 0);
		/* object_size() counts on finding it */
		if (r->flags & TA_ATTR_SIZE)
			assert_true(r->flags & TA_ATTR_POP_REQ);
		sizes += !!(r->flags & TA_ATTR_SIZE);
	}
	assert_int_equal(sizes, t->size_from == TA_SIZE_KEY_BYTES ||
				t->size_from == TA_SIZE_BIGNUM_BITS ||
				t->size_from == TA_SIZE_CURVE);
	if (t->public_type) {
		const struct ta_obj_type *pub =
			ta_obj_type_find(t->public_type);

		assert_non_null(pub);
		for (unsigned int i = 0; i < pub->n_rules; i++)
			assert_non_null(ta_obj_type_rule(t, pub->rules[i].id,
							 NULL));
	}
}

static void test_type_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_KEYS; i++)
		check_type(ta_obj_type_find(keys[i].type));
	check_type(ta_obj_type_find(TEE_TYPE_DATA));
}

/* ------------------------------------------------------------------ */
/* Populate                                                            */
/* ------------------------------------------------------------------ */

static void test_populate_every_type(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_KEYS; i++) {
		TEE_ObjectHandle h = key_of(keys[i].type);
		TEE_ObjectInfo info = info_of(h);

		if (info.objectSize != keys[i].size)
			fail_msg("type 0x%08x: size %u, want %u", keys[i].type,
				 info.objectSize, keys[i].size);
		assert_int_equal(info.handleFlags, TEE_HANDLE_FLAG_INITIALIZED);
		assert_int_equal(info.maxObjectSize, keys[i].max);
		TEE_FreeTransientObject(h);
	}
}

/* The spec's key without attribute `skip`: a panic unless optional. */
static void populate_without(const struct key_spec *k, int skip)
{
	TEE_ObjectHandle h = alloc(k->type, k->max);
	struct key_attrs ka;

	build(k, skip, &ka);
	if (k->attrs[skip].optional)
		assert_int_equal(TEE_PopulateTransientObject(h, ka.attrs, ka.n),
				 TEE_SUCCESS);
	else
		assert_panics(TEE_PopulateTransientObject(h, ka.attrs, ka.n));
	TEE_FreeTransientObject(h);
}

/* Without any one mandatory attribute (or one CRT part): a panic. */
static void test_populate_missing_attribute_panics(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_KEYS; i++)
		for (int skip = 0; skip < 8 && keys[i].attrs[skip].id; skip++)
			populate_without(&keys[i], skip);
}

static void test_populate_rsa_without_crt(void **state)
{
	const struct key_spec *k = spec_of(TEE_TYPE_RSA_KEYPAIR);
	TEE_ObjectHandle h = alloc(k->type, k->max);
	struct key_attrs ka;

	(void)state;
	build(k, -1, &ka);
	assert_int_equal(TEE_PopulateTransientObject(h, ka.attrs, 3),
			 TEE_SUCCESS);
	assert_int_equal(info_of(h).objectSize, 256);
	TEE_FreeTransientObject(h);
}

static void test_populate_foreign_duplicate_too_many(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_AES, 256);
	const struct key_spec *dh = spec_of(TEE_TYPE_DH_KEYPAIR);
	uint8_t key[16] = { 0 };
	TEE_Attribute a[3];
	struct key_attrs ka;

	(void)state;
	TEE_InitRefAttribute(&a[0], SECRET, key, 16);
	TEE_InitRefAttribute(&a[1], SECRET, key, 16);
	assert_panics(TEE_PopulateTransientObject(h, a, 2));
	assert_panics(populate1(h, TEE_ATTR_RSA_MODULUS, key, 16));
	TEE_InitRefAttribute(&a[1], TEE_ATTR_HKDF_IKM, key, 16);
	assert_panics(TEE_PopulateTransientObject(h, a, 2));
	assert_panics(TEE_PopulateTransientObject(h, NULL, 1));
	assert_panics(TEE_PopulateTransientObject(h, a, 0));
	/* NULL buffer with a length */
	TEE_InitRefAttribute(&a[0], SECRET, NULL, 16);
	assert_panics(TEE_PopulateTransientObject(h, a, 1));
	assert_int_equal(info_of(h).handleFlags, 0);
	TEE_FreeTransientObject(h);

	/* TEE_ATTR_DH_X_BITS is for key generation only */
	h = alloc(TEE_TYPE_DH_KEYPAIR, 2048);
	build(dh, -1, &ka);
	TEE_InitValueAttribute(&ka.attrs[ka.n++], TEE_ATTR_DH_X_BITS, 160, 0);
	assert_panics(TEE_PopulateTransientObject(h, ka.attrs, ka.n));
	TEE_FreeTransientObject(h);
}

static void test_populate_state_panics(void **state)
{
	TEE_ObjectHandle h = key_of(TEE_TYPE_AES);
	TEE_ObjectHandle p = alloc(TEE_TYPE_AES, 128);
	uint8_t key[16] = { 0 };

	(void)state;
	/* already initialized */
	assert_panics(populate1(h, SECRET, key, 16));
	TEE_FreeTransientObject(h);
	/* no longer a handle, or never one */
	assert_panics(populate1(h, SECRET, key, 16));
	assert_panics(populate1((TEE_ObjectHandle)(uintptr_t)0xabcdef,
				SECRET, key, 16));
	assert_panics(populate1(TEE_HANDLE_NULL, SECRET, key, 16));
	/* persistent */
	make_persistent(p);
	ta_object_get(p)->info.handleFlags &= ~TEE_HANDLE_FLAG_INITIALIZED;
	assert_panics(populate1(p, SECRET, key, 16));
	TEE_CloseObject(p);
}

/* GP: a value too big for maxObjectSize panics. */
static void test_populate_too_big_panics(void **state)
{
	const struct key_spec *rsa = spec_of(TEE_TYPE_RSA_PUBLIC_KEY);
	TEE_ObjectHandle h = alloc(TEE_TYPE_AES, 128);
	uint8_t buf[64] = { 0x80 };
	TEE_Attribute a[3];
	struct key_attrs ka;

	(void)state;
	assert_panics(populate1(h, SECRET, buf, 24));
	TEE_FreeTransientObject(h);

	h = alloc(TEE_TYPE_HMAC_SHA256, 256);
	assert_panics(populate1(h, SECRET, buf, 33));
	TEE_FreeTransientObject(h);

	/* a 264-bit modulus in a 256-bit object */
	h = alloc(TEE_TYPE_RSA_PUBLIC_KEY, 256);
	build(rsa, -1, &ka);
	memset(ka.bufs[0], 0xff, 33);
	ka.attrs[0].content.ref.length = 33;
	assert_panics(TEE_PopulateTransientObject(h, ka.attrs, ka.n));
	TEE_FreeTransientObject(h);

	/* a P-384 key in a 256-bit object */
	h = alloc(TEE_TYPE_ECDSA_PUBLIC_KEY, 256);
	TEE_InitRefAttribute(&a[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, buf, 32);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, buf, 32);
	TEE_InitValueAttribute(&a[2], CURVE, TEE_ECC_CURVE_NIST_P384, 0);
	assert_panics(TEE_PopulateTransientObject(h, a, 3));
	TEE_FreeTransientObject(h);
}

/* Wrong but not too big: TEE_ERROR_BAD_PARAMETERS, still uninitialized. */
static void expect_bad_parameters(TEE_ObjectHandle h, const TEE_Attribute *a,
				  uint32_t n)
{
	assert_int_equal(TEE_PopulateTransientObject(h, a, n),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(info_of(h).handleFlags, 0);
	assert_int_equal(info_of(h).objectSize, 0);
	TEE_FreeTransientObject(h);
}

static void test_populate_bad_symmetric_sizes(void **state)
{
	uint8_t buf[64] = { 1 };
	TEE_ObjectHandle h;
	TEE_Attribute a;

	(void)state;
	TEE_InitRefAttribute(&a, SECRET, buf, 20);	/* 160-bit AES */
	expect_bad_parameters(alloc(TEE_TYPE_AES, 256), &a, 1);
	TEE_InitRefAttribute(&a, SECRET, buf, 16);	/* 128-bit DES3 */
	h = alloc(TEE_TYPE_DES3, 192);
	assert_int_equal(TEE_PopulateTransientObject(h, &a, 1), TEE_SUCCESS);
	TEE_FreeTransientObject(h);
	TEE_InitRefAttribute(&a, SECRET, buf, 8);	/* 64-bit DES3 */
	expect_bad_parameters(alloc(TEE_TYPE_DES3, 192), &a, 1);
	TEE_InitRefAttribute(&a, SECRET, buf, 16);	/* < SHA-256's 192 */
	expect_bad_parameters(alloc(TEE_TYPE_HMAC_SHA256, 1024), &a, 1);
	TEE_InitRefAttribute(&a, SECRET, buf, 0);
	expect_bad_parameters(alloc(TEE_TYPE_AES, 128), &a, 1);
}

static void test_populate_bad_asymmetric_values(void **state)
{
	uint8_t big[64], one[64];
	TEE_Attribute a[4];

	(void)state;
	memset(big, 0xff, sizeof(big));
	memset(one, 0x01, sizeof(one));
	/* a 248-bit modulus: below RSA's 256 */
	TEE_InitRefAttribute(&a[0], TEE_ATTR_RSA_MODULUS, big, 31);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_RSA_PUBLIC_EXPONENT, one, 3);
	expect_bad_parameters(alloc(TEE_TYPE_RSA_PUBLIC_KEY, 2048), a, 2);
	/* an exponent longer than the modulus */
	TEE_InitRefAttribute(&a[0], TEE_ATTR_RSA_MODULUS, big, 32);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_RSA_PUBLIC_EXPONENT, big, 33);
	expect_bad_parameters(alloc(TEE_TYPE_RSA_PUBLIC_KEY, 2048), a, 2);
	/* an unknown curve, a curve of another family */
	TEE_InitRefAttribute(&a[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, one, 32);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, one, 32);
	TEE_InitValueAttribute(&a[2], CURVE, 0x77, 0);
	expect_bad_parameters(alloc(TEE_TYPE_ECDSA_PUBLIC_KEY, 521), a, 3);
	TEE_InitValueAttribute(&a[2], CURVE, TEE_ECC_CURVE_SM2, 0);
	expect_bad_parameters(alloc(TEE_TYPE_ECDH_PUBLIC_KEY, 521), a, 3);
	TEE_InitValueAttribute(&a[2], CURVE, TEE_ECC_CURVE_NIST_P256, 0);
	expect_bad_parameters(alloc(TEE_TYPE_SM2_DSA_PUBLIC_KEY, 256), a, 3);
	/* a coordinate longer than its curve */
	TEE_InitRefAttribute(&a[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, one, 33);
	TEE_InitValueAttribute(&a[2], CURVE, TEE_ECC_CURVE_NIST_P256, 0);
	expect_bad_parameters(alloc(TEE_TYPE_ECDSA_PUBLIC_KEY, 521), a, 3);
	/* X25519 values are 32 bytes */
	TEE_InitRefAttribute(&a[0], TEE_ATTR_X25519_PUBLIC_VALUE, one, 31);
	expect_bad_parameters(alloc(TEE_TYPE_X25519_PUBLIC_KEY, 256), a, 1);
	/* a DSA prime of 520 bits */
	TEE_InitRefAttribute(&a[0], TEE_ATTR_DSA_PRIME, big, 65);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_DSA_SUBPRIME, one, 20);
	TEE_InitRefAttribute(&a[2], TEE_ATTR_DSA_BASE, one, 20);
	TEE_InitRefAttribute(&a[3], TEE_ATTR_DSA_PUBLIC_VALUE, one, 20);
	expect_bad_parameters(alloc(TEE_TYPE_DSA_PUBLIC_KEY, 1024), a, 4);
}

static void test_populate_legacy_des_sizes(void **state)
{
	uint8_t key[24] = { 1 };
	TEE_ObjectHandle h = alloc(TEE_TYPE_DES, 56);

	(void)state;
	assert_int_equal(populate1(h, SECRET, key, 8), TEE_SUCCESS);
	assert_int_equal(info_of(h).objectSize, 56);
	TEE_FreeTransientObject(h);
	h = alloc(TEE_TYPE_DES3, 168);
	assert_int_equal(populate1(h, SECRET, key, 24), TEE_SUCCESS);
	assert_int_equal(info_of(h).objectSize, 168);
	TEE_FreeTransientObject(h);
	h = alloc(TEE_TYPE_DES3, 112);
	assert_panics(populate1(h, SECRET, key, 24));
	assert_int_equal(populate1(h, SECRET, key, 16), TEE_SUCCESS);
	assert_int_equal(info_of(h).objectSize, 112);
	TEE_FreeTransientObject(h);
}

/* Numbers come back without leading zeros, as OP-TEE's bignums do; the
 * size is the number's bit length. */
static void test_populate_bignum_normalized(void **state)
{
	uint8_t n[40] = { 0, 0, 0, 0, 0, 0, 0, 0x01 }, e[4] = { 0, 1, 0, 1 };
	uint8_t out[40];
	size_t len = sizeof(out);
	TEE_ObjectHandle h = alloc(TEE_TYPE_RSA_PUBLIC_KEY, 4096);
	TEE_Attribute a[2];

	(void)state;
	memset(n + 8, 0xab, 32);
	TEE_InitRefAttribute(&a[0], TEE_ATTR_RSA_MODULUS, n, 40);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_RSA_PUBLIC_EXPONENT, e, 4);
	assert_int_equal(TEE_PopulateTransientObject(h, a, 2), TEE_SUCCESS);
	assert_int_equal(info_of(h).objectSize, 257);
	assert_int_equal(TEE_GetObjectBufferAttribute(h, TEE_ATTR_RSA_MODULUS,
						      out, &len),
			 TEE_SUCCESS);
	assert_int_equal(len, 33);
	assert_memory_equal(out, n + 7, 33);
	len = sizeof(out);
	assert_int_equal(TEE_GetObjectBufferAttribute(
				 h, TEE_ATTR_RSA_PUBLIC_EXPONENT, out, &len),
			 TEE_SUCCESS);
	assert_int_equal(len, 3);
	TEE_FreeTransientObject(h);
}

/* The object keeps its own copy: the caller's buffers may go. */
static void test_populate_copies_values(void **state)
{
	uint8_t key[16], out[16];
	size_t len = sizeof(out);
	TEE_ObjectHandle h = alloc(TEE_TYPE_AES, 128);

	(void)state;
	memset(key, 0x42, sizeof(key));
	assert_int_equal(populate1(h, SECRET, key, 16), TEE_SUCCESS);
	memset(key, 0, sizeof(key));
	assert_int_equal(TEE_GetObjectBufferAttribute(h, SECRET, out, &len),
			 TEE_SUCCESS);
	memset(key, 0x42, sizeof(key));
	assert_memory_equal(out, key, 16);
	TEE_FreeTransientObject(h);
}

static void test_init_attribute_kinds(void **state)
{
	TEE_Attribute a;
	__GP11_TEE_Attribute a11;
	uint8_t buf[4] = { 0 };

	(void)state;
	TEE_InitRefAttribute(&a, SECRET, buf, 4);
	assert_ptr_equal(a.content.ref.buffer, buf);
	assert_int_equal(a.content.ref.length, 4);
	TEE_InitValueAttribute(&a, CURVE, 3, 4);
	assert_int_equal(a.content.value.a, 3);
	assert_int_equal(a.content.value.b, 4);
	assert_panics(TEE_InitRefAttribute(&a, CURVE, buf, 4));
	assert_panics(TEE_InitValueAttribute(&a, SECRET, 1, 2));
	__GP11_TEE_InitRefAttribute(&a11, SECRET, buf, 4);
	assert_int_equal(a11.content.ref.length, 4);
	__GP11_TEE_InitValueAttribute(&a11, TEE_ATTR_DH_X_BITS, 9, 8);
	assert_int_equal(a11.content.value.b, 8);
	assert_panics(__GP11_TEE_InitRefAttribute(&a11, CURVE, buf, 4));
	assert_panics(__GP11_TEE_InitValueAttribute(&a11, SECRET, 1, 2));
}

/* ------------------------------------------------------------------ */
/* Getters and usage                                                   */
/* ------------------------------------------------------------------ */

static void test_get_buffer_attribute(void **state)
{
	TEE_ObjectHandle h = key_of(TEE_TYPE_ECDSA_KEYPAIR);
	uint8_t out[64];
	size_t len = 10;
	uint32_t a = 0, b = 1;

	(void)state;
	assert_int_equal(TEE_GetObjectBufferAttribute(
				 h, TEE_ATTR_ECC_PUBLIC_VALUE_X, out, &len),
			 TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(len, 32);
	len = 64;
	assert_int_equal(TEE_GetObjectBufferAttribute(
				 h, TEE_ATTR_ECC_PUBLIC_VALUE_X, NULL, &len),
			 TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(len, 32);
	assert_int_equal(TEE_GetObjectBufferAttribute(
				 h, TEE_ATTR_ECC_PUBLIC_VALUE_X, out, &len),
			 TEE_SUCCESS);
	assert_int_equal(len, 32);
	assert_int_equal(out[0], 1);
	assert_int_equal(TEE_GetObjectBufferAttribute(
				 h, TEE_ATTR_RSA_MODULUS, out, &len),
			 TEE_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(TEE_GetObjectValueAttribute(h, CURVE, &a, &b),
			 TEE_SUCCESS);
	assert_int_equal(a, TEE_ECC_CURVE_NIST_P256);
	assert_int_equal(b, 0);
	assert_int_equal(TEE_GetObjectValueAttribute(h, CURVE, NULL, NULL),
			 TEE_SUCCESS);
	assert_int_equal(TEE_GetObjectValueAttribute(h, TEE_ATTR_DH_X_BITS,
						     &a, &b),
			 TEE_ERROR_ITEM_NOT_FOUND);
	/* the wrong getter for the kind (bit 29), no size pointer */
	assert_panics(TEE_GetObjectBufferAttribute(h, CURVE, out, &len));
	assert_panics(TEE_GetObjectValueAttribute(
			h, TEE_ATTR_ECC_PUBLIC_VALUE_X, &a, &b));
	assert_panics(TEE_GetObjectBufferAttribute(
			h, TEE_ATTR_ECC_PUBLIC_VALUE_X, out, NULL));
	TEE_FreeTransientObject(h);
}

static void test_get_uninitialized_panics(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_ECDSA_KEYPAIR, 256);
	uint8_t out[64];
	size_t len = sizeof(out);
	uint32_t a, b;

	(void)state;
	assert_panics(TEE_GetObjectBufferAttribute(
			h, TEE_ATTR_ECC_PUBLIC_VALUE_X, out, &len));
	assert_panics(TEE_GetObjectValueAttribute(h, CURVE, &a, &b));
	TEE_FreeTransientObject(h);
	assert_panics(TEE_GetObjectValueAttribute(h, CURVE, &a, &b));
}

/* Protected attributes (bit 28 clear) need TEE_USAGE_EXTRACTABLE. */
static void test_protected_attributes(void **state)
{
	TEE_ObjectHandle h = key_of(TEE_TYPE_RSA_KEYPAIR);
	TEE_ObjectHandle s = key_of(TEE_TYPE_AES);
	uint8_t out[64];
	size_t len = sizeof(out);

	(void)state;
	assert_int_equal(TEE_GetObjectBufferAttribute(
				 h, TEE_ATTR_RSA_PRIVATE_EXPONENT, out, &len),
			 TEE_SUCCESS);
	assert_int_equal(TEE_RestrictObjectUsage1(h, ~TEE_USAGE_EXTRACTABLE),
			 TEE_SUCCESS);
	len = sizeof(out);
	assert_int_equal(TEE_GetObjectBufferAttribute(
				 h, TEE_ATTR_RSA_MODULUS, out, &len),
			 TEE_SUCCESS);
	assert_panics(TEE_GetObjectBufferAttribute(
			h, TEE_ATTR_RSA_PRIVATE_EXPONENT, out, &len));
	assert_panics(TEE_GetObjectBufferAttribute(h, TEE_ATTR_RSA_PRIME1,
						   out, &len));
	/* even one it does not have */
	assert_panics(TEE_GetObjectBufferAttribute(h, SECRET, out, &len));
	TEE_RestrictObjectUsage(s, TEE_USAGE_ENCRYPT);
	assert_panics(TEE_GetObjectBufferAttribute(s, SECRET, out, &len));
	TEE_FreeTransientObject(h);
	TEE_FreeTransientObject(s);
}

static void test_restrict_usage(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_AES, 128);

	(void)state;
	assert_int_equal(TEE_RestrictObjectUsage1(h, TEE_USAGE_ENCRYPT |
						      TEE_USAGE_DECRYPT |
						      TEE_USAGE_MAC),
			 TEE_SUCCESS);
	TEE_RestrictObjectUsage(h, TEE_USAGE_DECRYPT | TEE_USAGE_MAC |
				   TEE_USAGE_SIGN);
	/* only ever fewer */
	assert_int_equal(info_of(h).objectUsage,
			 TEE_USAGE_DECRYPT | TEE_USAGE_MAC);
	TEE_RestrictObjectUsage(h, USAGE_ALL);
	assert_int_equal(info_of(h).objectUsage,
			 TEE_USAGE_DECRYPT | TEE_USAGE_MAC);
	TEE_FreeTransientObject(h);
	assert_panics(TEE_RestrictObjectUsage1(h, 0));
	assert_panics(TEE_RestrictObjectUsage(h, 0));
}

static void test_info_panics_and_gp11(void **state)
{
	TEE_ObjectHandle h = key_of(TEE_TYPE_HMAC_SHA1);
	__GP11_TEE_ObjectInfo info11;
	TEE_ObjectInfo info;

	(void)state;
	memset(&info11, 0xee, sizeof(info11));
	__GP11_TEE_GetObjectInfo(h, &info11);
	assert_int_equal(info11.objectType, TEE_TYPE_HMAC_SHA1);
	assert_int_equal(info11.keySize, 80);
	assert_int_equal(info11.maxKeySize, 80);
	assert_int_equal(info11.dataSize, 0);
	assert_int_equal(info11.dataPosition, 0);
	assert_int_equal(info11.handleFlags, TEE_HANDLE_FLAG_INITIALIZED);
	assert_int_equal(__GP11_TEE_GetObjectInfo1(h, &info11), TEE_SUCCESS);
	TEE_GetObjectInfo(h, &info);
	assert_int_equal(info.objectSize, 80);
	assert_panics(TEE_GetObjectInfo1(h, NULL));
	TEE_FreeTransientObject(h);
	assert_panics(TEE_GetObjectInfo1(h, &info));
	assert_panics(TEE_GetObjectInfo(h, &info));
	assert_panics(__GP11_TEE_GetObjectInfo1(h, &info11));
}

static void test_gp11_populate_and_get(void **state)
{
	uint8_t key[32], out[32];
	uint32_t len = 4;
	__GP11_TEE_Attribute a[2];
	TEE_ObjectHandle h = alloc(TEE_TYPE_HMAC_SHA256, 256);

	(void)state;
	memset(key, 0x33, sizeof(key));
	__GP11_TEE_InitRefAttribute(&a[0], SECRET, key, 32);
	assert_int_equal(__GP11_TEE_PopulateTransientObject(h, a, 1),
			 TEE_SUCCESS);
	assert_int_equal(__GP11_TEE_GetObjectBufferAttribute(h, SECRET, out,
							     &len),
			 TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(len, 32);
	assert_int_equal(__GP11_TEE_GetObjectBufferAttribute(h, SECRET, out,
							     &len),
			 TEE_SUCCESS);
	assert_memory_equal(out, key, 32);
	TEE_FreeTransientObject(h);

	h = alloc(TEE_TYPE_HMAC_SHA256, 256);
	a[1] = a[0];
	assert_panics(__GP11_TEE_PopulateTransientObject(h, a, 2));
	assert_panics(__GP11_TEE_PopulateTransientObject(h, a, 9));
	TEE_FreeTransientObject(h);
}

/* ------------------------------------------------------------------ */
/* Copy                                                                */
/* ------------------------------------------------------------------ */

static void test_copy_same_type(void **state)
{
	TEE_ObjectHandle src = key_of(TEE_TYPE_AES);
	TEE_ObjectHandle dst = alloc(TEE_TYPE_AES, 256);
	uint8_t out[32];
	size_t len = sizeof(out);

	(void)state;
	TEE_RestrictObjectUsage(src, TEE_USAGE_EXTRACTABLE |
				     TEE_USAGE_ENCRYPT);
	TEE_RestrictObjectUsage(dst, TEE_USAGE_EXTRACTABLE |
				     TEE_USAGE_DECRYPT);
	assert_int_equal(TEE_CopyObjectAttributes1(dst, src), TEE_SUCCESS);
	assert_int_equal(info_of(dst).objectSize, 128);
	assert_int_equal(info_of(dst).maxObjectSize, 256);
	assert_int_equal(info_of(dst).handleFlags,
			 TEE_HANDLE_FLAG_INITIALIZED);
	/* usage: the AND of both */
	assert_int_equal(info_of(dst).objectUsage, TEE_USAGE_EXTRACTABLE);
	assert_int_equal(TEE_GetObjectBufferAttribute(dst, SECRET, out, &len),
			 TEE_SUCCESS);
	assert_int_equal(len, 16);
	/* independent copies */
	TEE_FreeTransientObject(src);
	assert_int_equal(TEE_GetObjectBufferAttribute(dst, SECRET, out, &len),
			 TEE_SUCCESS);
	TEE_FreeTransientObject(dst);
}

/* A key pair into its public half: the public attributes only (`drop`
 * fewer); never the other way. */
static void copy_to_public(uint32_t pair, uint32_t pub, size_t drop)
{
	TEE_ObjectHandle src = key_of(pair);
	TEE_ObjectHandle dst = alloc(pub, spec_of(pub)->max);

	assert_int_equal(TEE_CopyObjectAttributes1(dst, src), TEE_SUCCESS);
	assert_int_equal(info_of(dst).objectSize, info_of(src).objectSize);
	assert_int_equal(ta_object_get(dst)->nattrs,
			 ta_object_get(src)->nattrs - drop);
	TEE_ResetTransientObject(src);
	assert_panics(TEE_CopyObjectAttributes1(src, dst));
	TEE_FreeTransientObject(src);
	TEE_FreeTransientObject(dst);
}

static void test_copy_keypair_to_public(void **state)
{
	(void)state;
	copy_to_public(TEE_TYPE_RSA_KEYPAIR, TEE_TYPE_RSA_PUBLIC_KEY, 6);
	copy_to_public(TEE_TYPE_DSA_KEYPAIR, TEE_TYPE_DSA_PUBLIC_KEY, 1);
	copy_to_public(TEE_TYPE_ECDSA_KEYPAIR, TEE_TYPE_ECDSA_PUBLIC_KEY, 1);
	copy_to_public(TEE_TYPE_ECDH_KEYPAIR, TEE_TYPE_ECDH_PUBLIC_KEY, 1);
	copy_to_public(TEE_TYPE_SM2_DSA_KEYPAIR, TEE_TYPE_SM2_DSA_PUBLIC_KEY,
		       1);
	copy_to_public(TEE_TYPE_SM2_KEP_KEYPAIR, TEE_TYPE_SM2_KEP_PUBLIC_KEY,
		       1);
	copy_to_public(TEE_TYPE_SM2_PKE_KEYPAIR, TEE_TYPE_SM2_PKE_PUBLIC_KEY,
		       1);
	copy_to_public(TEE_TYPE_X25519_KEYPAIR, TEE_TYPE_X25519_PUBLIC_KEY, 1);
	copy_to_public(TEE_TYPE_ED25519_KEYPAIR, TEE_TYPE_ED25519_PUBLIC_KEY,
		       1);
	copy_to_public(TEE_TYPE_X448_KEYPAIR, TEE_TYPE_X448_PUBLIC_KEY, 1);
}

static void test_copy_panics(void **state)
{
	TEE_ObjectHandle aes = key_of(TEE_TYPE_AES);
	TEE_ObjectHandle hmac = alloc(TEE_TYPE_HMAC_SHA256, 256);
	TEE_ObjectHandle small = alloc(TEE_TYPE_RSA_PUBLIC_KEY, 256);
	TEE_ObjectHandle rsa = alloc(TEE_TYPE_RSA_KEYPAIR, 2048);
	TEE_ObjectHandle empty = alloc(TEE_TYPE_AES, 256);
	TEE_ObjectHandle pers = alloc(TEE_TYPE_AES, 256);
	TEE_ObjectHandle big = alloc(TEE_TYPE_RSA_KEYPAIR, 4096);
	const struct key_spec *k = spec_of(TEE_TYPE_RSA_KEYPAIR);
	struct key_attrs ka;

	(void)state;
	/* other types */
	assert_panics(TEE_CopyObjectAttributes1(hmac, aes));
	/* source not initialized, destination initialized */
	assert_panics(TEE_CopyObjectAttributes1(empty, hmac));
	assert_panics(TEE_CopyObjectAttributes1(aes, aes));
	/* destination persistent */
	make_persistent(pers);
	ta_object_get(pers)->info.handleFlags &= ~TEE_HANDLE_FLAG_INITIALIZED;
	assert_panics(TEE_CopyObjectAttributes1(pers, aes));
	assert_panics(TEE_CopyObjectAttributes(pers, aes));
	/* a 264-bit key into a 256-bit object */
	build(k, -1, &ka);
	memset(ka.bufs[0], 0xff, 33);
	ka.attrs[0].content.ref.length = 33;
	assert_int_equal(TEE_PopulateTransientObject(big, ka.attrs, 3),
			 TEE_SUCCESS);
	assert_panics(TEE_CopyObjectAttributes1(small, big));
	assert_panics(TEE_CopyObjectAttributes1(small, TEE_HANDLE_NULL));
	/* the v1.0 name works the same */
	TEE_CopyObjectAttributes(rsa, big);
	assert_int_equal(info_of(rsa).objectSize, 264);
	TEE_CloseObject(pers);
	TEE_FreeTransientObject(aes);
	TEE_FreeTransientObject(hmac);
	TEE_FreeTransientObject(small);
	TEE_FreeTransientObject(rsa);
	TEE_FreeTransientObject(empty);
	TEE_FreeTransientObject(big);
}

/* A persistent object's attributes copy into a transient one. */
static void test_copy_from_persistent(void **state)
{
	TEE_ObjectHandle src = key_of(TEE_TYPE_HMAC_SHA1);
	TEE_ObjectHandle dst = alloc(TEE_TYPE_HMAC_SHA1, 512);

	(void)state;
	make_persistent(src);
	assert_int_equal(TEE_CopyObjectAttributes1(dst, src), TEE_SUCCESS);
	assert_int_equal(info_of(dst).objectSize, 80);
	TEE_CloseObject(src);
	TEE_FreeTransientObject(dst);
}

/* ------------------------------------------------------------------ */
/* Reset, free, close                                                  */
/* ------------------------------------------------------------------ */

static void test_reset(void **state)
{
	TEE_ObjectHandle h = alloc(TEE_TYPE_AES, 256);
	uint8_t key[32] = { 7 };
	TEE_ObjectInfo info;

	(void)state;
	assert_int_equal(populate1(h, SECRET, key, 16), TEE_SUCCESS);
	TEE_RestrictObjectUsage(h, TEE_USAGE_ENCRYPT);
	TEE_ResetTransientObject(h);
	info = info_of(h);
	assert_int_equal(info.objectSize, 0);
	assert_int_equal(info.maxObjectSize, 256);
	assert_int_equal(info.objectUsage, USAGE_ALL);
	assert_int_equal(info.handleFlags, 0);
	assert_int_equal(ta_object_get(h)->nattrs, 0);
	assert_panics(TEE_GetObjectValueAttribute(h, SECRET | 0x20000000u,
						  NULL, NULL));
	/* populate again, bigger this time */
	assert_int_equal(populate1(h, SECRET, key, 32), TEE_SUCCESS);
	assert_int_equal(info_of(h).objectSize, 256);
	TEE_ResetTransientObject(h);
	TEE_ResetTransientObject(h);
	TEE_ResetTransientObject(TEE_HANDLE_NULL);
	TEE_FreeTransientObject(h);
	assert_panics(TEE_ResetTransientObject(h));
}

static void test_free_and_close(void **state)
{
	TEE_ObjectHandle h = key_of(TEE_TYPE_AES);
	TEE_ObjectHandle p = key_of(TEE_TYPE_AES);
	TEE_ObjectInfo info;

	(void)state;
	TEE_FreeTransientObject(TEE_HANDLE_NULL);
	TEE_CloseObject(TEE_HANDLE_NULL);
	TEE_CloseObject(h);
	assert_panics(TEE_CloseObject(h));
	assert_panics(TEE_FreeTransientObject(h));
	assert_panics(TEE_FreeTransientObject(
		(TEE_ObjectHandle)(uintptr_t)0x7fffffff));

	/* persistent: Free and Reset panic, Close closes the OS handle,
	 * info asks the OS for the data size */
	make_persistent(p);
	fake_pobj_synced = fake_pobj_closed = 0;
	info = info_of(p);
	assert_int_equal(fake_pobj_synced, 1);
	assert_int_equal(info.dataSize, FAKE_POBJ_DATA_SIZE);
	assert_int_equal(info.handleFlags, TEE_HANDLE_FLAG_PERSISTENT |
					   TEE_HANDLE_FLAG_INITIALIZED);
	assert_panics(TEE_FreeTransientObject(p));
	assert_panics(TEE_ResetTransientObject(p));
	/* a usage restriction goes to the OS too, which stores it */
	fake_pobj_restricted = 0;
	assert_int_equal(TEE_RestrictObjectUsage1(p, 0), TEE_SUCCESS);
	assert_int_equal(fake_pobj_restricted, 1);
	assert_int_equal(fake_pobj_closed, 0);
	TEE_CloseObject(p);
	assert_int_equal(fake_pobj_closed, 1);
	assert_null(ta_object_find(p));
}

/* Handles are small numbers a TA may keep in a uint32_t. */
static void test_handles_fit_32_bits(void **state)
{
	TEE_ObjectHandle h[64];

	(void)state;
	for (int i = 0; i < 64; i++)
		h[i] = alloc(TEE_TYPE_AES, 128);
	for (int i = 0; i < 64; i++) {
		assert_true((uintptr_t)h[i] <= UINT32_MAX);
		for (int j = 0; j < i; j++)
			assert_true(h[i] != h[j]);
	}
	for (int i = 0; i < 64; i++)
		TEE_FreeTransientObject(h[i]);
}

/* ------------------------------------------------------------------ */
/* The storage blob                                                    */
/* ------------------------------------------------------------------ */

static uint8_t *blob_of(TEE_ObjectHandle h, size_t *len)
{
	const struct ta_object *o = ta_object_get(h);
	uint8_t *blob;

	*len = ta_object_blob_size(o);
	blob = malloc(*len + 1);
	assert_non_null(blob);
	ta_object_blob_write(o, blob);
	return blob;
}

static struct ta_object *empty_of(uint32_t type, uint32_t max)
{
	struct ta_object *o;

	assert_int_equal(ta_object_alloc(type, max, &o), TEE_SUCCESS);
	return o;
}

static void assert_same_attrs(const struct ta_object *a,
			      const struct ta_object *b)
{
	assert_int_equal(a->nattrs, b->nattrs);
	for (size_t i = 0; i < a->nattrs; i++) {
		assert_int_equal(a->attrs[i].id, b->attrs[i].id);
		assert_int_equal(a->attrs[i].a, b->attrs[i].a);
		assert_int_equal(a->attrs[i].b, b->attrs[i].b);
		assert_int_equal(a->attrs[i].len, b->attrs[i].len);
		if (a->attrs[i].len)
			assert_memory_equal(a->attrs[i].buf, b->attrs[i].buf,
					    a->attrs[i].len);
	}
}

static void test_blob_round_trip_every_type(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_KEYS; i++) {
		TEE_ObjectHandle h = key_of(keys[i].type);
		struct ta_object *o = empty_of(keys[i].type, keys[i].max);
		size_t len;
		uint8_t *blob = blob_of(h, &len);
		uint8_t *again;

		assert_int_equal(ta_object_blob_read(o, blob, len),
				 TEE_SUCCESS);
		assert_same_attrs(ta_object_get(h), o);
		assert_int_equal(ta_object_blob_size(o), len);
		again = malloc(len);
		ta_object_blob_write(o, again);
		assert_memory_equal(again, blob, len);
		free(again);
		free(blob);
		ta_object_free(o);
		TEE_FreeTransientObject(h);
	}
}

static void test_blob_layout(void **state)
{
	static const uint8_t blob[] = {
		1, 0, 0, 0, 3, 0, 0, 0,
		0x41, 0x04, 0x00, 0xf0, 8, 0, 0, 0,	/* TEE_ATTR_ECC_CURVE */
		3, 0, 0, 0, 0, 0, 0, 0,
		0x41, 0x01, 0x00, 0xd0, 2, 0, 0, 0,	/* X: 2 bytes */
		0xbe, 0xef,
		0x41, 0x02, 0x00, 0xd0, 1, 0, 0, 0,	/* Y: 1 byte */
		0x01,
	};
	uint8_t copy[sizeof(blob)];
	struct ta_object *o = empty_of(TEE_TYPE_ECDSA_PUBLIC_KEY, 256);
	struct ta_object *d = empty_of(TEE_TYPE_DATA, 0);

	(void)state;
	assert_int_equal(ta_object_blob_read(o, blob, sizeof(blob)),
			 TEE_SUCCESS);
	assert_int_equal(o->nattrs, 3);
	assert_int_equal(o->attrs[0].id, TEE_ATTR_ECC_CURVE);
	assert_int_equal(o->attrs[0].a, TEE_ECC_CURVE_NIST_P256);
	assert_int_equal(o->attrs[1].len, 2);
	assert_int_equal(o->attrs[1].buf[1], 0xef);
	assert_int_equal(ta_object_blob_size(o), sizeof(blob));
	ta_object_blob_write(o, copy);
	assert_memory_equal(copy, blob, sizeof(blob));
	/* a valid layout, but Y is missing */
	memcpy(copy, blob, sizeof(blob));
	copy[4] = 2;
	assert_int_equal(ta_object_blob_read(o, copy, sizeof(blob) - 9),
			 TEE_ERROR_CORRUPT_OBJECT);
	/* no attributes: the empty blob, and only that */
	assert_int_equal(ta_object_blob_read(d, blob, 0), TEE_SUCCESS);
	assert_int_equal(ta_object_blob_read(d, NULL, 0), TEE_SUCCESS);
	assert_int_equal(ta_object_blob_size(d), 0);
	memset(copy, 0, 8);
	copy[0] = 1;
	assert_int_equal(ta_object_blob_read(d, copy, 8),
			 TEE_ERROR_CORRUPT_OBJECT);
	ta_object_free(o);
	ta_object_free(d);
}

/* A blob of an ECDSA P-256 key pair to corrupt: header, d, x, y, curve */
static uint8_t *ecc_blob(size_t *len)
{
	TEE_ObjectHandle h = key_of(TEE_TYPE_ECDSA_KEYPAIR);
	uint8_t *blob = blob_of(h, len);

	TEE_FreeTransientObject(h);
	assert_int_equal(*len, 8 + 3 * (8 + 32) + 16);
	return blob;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

/* Corrupt: the read fails and leaves the object with no attributes. */
static void expect_corrupt(const uint8_t *blob, size_t len)
{
	struct ta_object *o = empty_of(TEE_TYPE_ECDSA_KEYPAIR, 256);

	assert_int_equal(ta_object_blob_read(o, blob, len),
			 TEE_ERROR_CORRUPT_OBJECT);
	assert_int_equal(o->nattrs, 0);
	assert_null(o->attrs);
	ta_object_free(o);
}

static void test_blob_truncated_or_extended(void **state)
{
	size_t len;
	uint8_t *blob = ecc_blob(&len);

	(void)state;
	for (size_t cut = 0; cut < len; cut++)
		expect_corrupt(blob, cut);
	blob[len] = 0;
	expect_corrupt(blob, len + 1);
	free(blob);
}

static void test_blob_corrupt_fields(void **state)
{
	size_t len;
	uint8_t *blob = ecc_blob(&len);
	uint8_t *bad = malloc(len);
	/* offsets: version 0, count 4, first id 8, first len 12 */
	static const struct { size_t at; uint32_t v; } fields[] = {
		{ 0, 2 }, { 0, 0 }, { 4, 0 }, { 4, 3 }, { 4, 5 }, { 4, 9 },
		{ 4, 0xffffffff }, { 8, TEE_ATTR_RSA_MODULUS },
		{ 8, TEE_ATTR_ECC_PUBLIC_VALUE_X },	/* a duplicate */
		{ 8, TEE_ATTR_DH_X_BITS }, { 12, 0xffffffff }, { 12, 31 },
		{ 12, 67 }, { 12, 0x7ffffff0 },
		/* the curve (last): a value attribute's length is 8 */
		{ 8 + 3 * 40 + 4, 4 }, { 8 + 3 * 40 + 4, 16 },
		{ 8 + 3 * 40, TEE_ATTR_ECC_PRIVATE_VALUE },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		memcpy(bad, blob, len);
		put32(bad + fields[i].at, fields[i].v);
		expect_corrupt(bad, len);
	}
	free(bad);
	free(blob);
}

static void test_blob_type_rules(void **state)
{
	TEE_ObjectHandle h = key_of(TEE_TYPE_X25519_KEYPAIR);
	TEE_ObjectHandle big = alloc(TEE_TYPE_GENERIC_SECRET, 4096);
	uint8_t key[512] = { 1 };
	struct ta_object *o;
	size_t len;
	uint8_t *blob = blob_of(h, &len);

	(void)state;
	/* the blob of another type */
	o = empty_of(TEE_TYPE_ED25519_KEYPAIR, 256);
	assert_int_equal(ta_object_blob_read(o, blob, len),
			 TEE_ERROR_CORRUPT_OBJECT);
	ta_object_free(o);
	/* X25519 values are 32 bytes */
	put32(blob + 12, 31);
	put32(blob + 8 + 40 + 4, 33);
	o = empty_of(TEE_TYPE_X25519_KEYPAIR, 256);
	assert_int_equal(ta_object_blob_read(o, blob, len),
			 TEE_ERROR_CORRUPT_OBJECT);
	ta_object_free(o);
	free(blob);
	/* a 4096-bit secret fits its type, not an AES key */
	assert_int_equal(populate1(big, SECRET, key, 512), TEE_SUCCESS);
	blob = blob_of(big, &len);
	o = empty_of(TEE_TYPE_GENERIC_SECRET, 128);
	assert_int_equal(ta_object_blob_read(o, blob, len), TEE_SUCCESS);
	ta_object_free(o);
	o = empty_of(TEE_TYPE_AES, 256);
	assert_int_equal(ta_object_blob_read(o, blob, len),
			 TEE_ERROR_CORRUPT_OBJECT);
	ta_object_free(o);
	free(blob);
	TEE_FreeTransientObject(h);
	TEE_FreeTransientObject(big);
}

/* Reading replaces what the object had. */
static void test_blob_replaces_attributes(void **state)
{
	TEE_ObjectHandle h = key_of(TEE_TYPE_AES);
	TEE_ObjectHandle other = alloc(TEE_TYPE_AES, 128);
	uint8_t key[16];
	size_t len;
	uint8_t *blob;

	(void)state;
	memset(key, 0x99, sizeof(key));
	assert_int_equal(populate1(other, SECRET, key, 16), TEE_SUCCESS);
	blob = blob_of(other, &len);
	assert_int_equal(ta_object_blob_read(ta_object_get(h), blob, len),
			 TEE_SUCCESS);
	assert_same_attrs(ta_object_get(h), ta_object_get(other));
	free(blob);
	TEE_FreeTransientObject(h);
	TEE_FreeTransientObject(other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_sizes),
		cmocka_unit_test(test_alloc_every_type_in_table),
		cmocka_unit_test(test_alloc_initial_info),
		cmocka_unit_test(test_alloc_gp11_data_object),
		cmocka_unit_test(test_type_table),
		cmocka_unit_test(test_populate_every_type),
		cmocka_unit_test(test_populate_missing_attribute_panics),
		cmocka_unit_test(test_populate_rsa_without_crt),
		cmocka_unit_test(test_populate_foreign_duplicate_too_many),
		cmocka_unit_test(test_populate_state_panics),
		cmocka_unit_test(test_populate_too_big_panics),
		cmocka_unit_test(test_populate_bad_symmetric_sizes),
		cmocka_unit_test(test_populate_bad_asymmetric_values),
		cmocka_unit_test(test_populate_legacy_des_sizes),
		cmocka_unit_test(test_populate_bignum_normalized),
		cmocka_unit_test(test_populate_copies_values),
		cmocka_unit_test(test_init_attribute_kinds),
		cmocka_unit_test(test_get_buffer_attribute),
		cmocka_unit_test(test_get_uninitialized_panics),
		cmocka_unit_test(test_protected_attributes),
		cmocka_unit_test(test_restrict_usage),
		cmocka_unit_test(test_info_panics_and_gp11),
		cmocka_unit_test(test_gp11_populate_and_get),
		cmocka_unit_test(test_copy_same_type),
		cmocka_unit_test(test_copy_keypair_to_public),
		cmocka_unit_test(test_copy_panics),
		cmocka_unit_test(test_copy_from_persistent),
		cmocka_unit_test(test_reset),
		cmocka_unit_test(test_free_and_close),
		cmocka_unit_test(test_handles_fit_32_bits),
		cmocka_unit_test(test_blob_round_trip_every_type),
		cmocka_unit_test(test_blob_layout),
		cmocka_unit_test(test_blob_truncated_or_extended),
		cmocka_unit_test(test_blob_corrupt_fields),
		cmocka_unit_test(test_blob_type_rules),
		cmocka_unit_test(test_blob_replaces_attributes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
