// SPDX-License-Identifier: BSD-2-Clause
/*
 * Asymmetric cryptography and key derivation through the real stack:
 * the asymmetric test TA (vtee_asym_ta.h), in its GP v1.3 and v1.1
 * builds, runs public known-answer vectors (asym_vectors.h) with
 * libvtee_ta.so in a sandboxed TA process.  Randomized schemes (PSS,
 * OAEP, DSA, ECDSA, SM2) are checked by verifying the published
 * signature or decrypting the published ciphertext, and by signing or
 * encrypting in the TA and checking the result (in the TA, and with
 * libcrypto here for RSA); GP's errors and panics are checked too.
 */
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <tee_client_api.h>

#include "asym_vectors.h"
#include "ta_client.h"
#include "vtee_asym_ta.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static const TEEC_UUID uuids[2] = { ASYM_TA_UUID, ASYM_TA_GP11_UUID };

/* A machine of its own: the panic cases spawn and kill TA processes. */
static struct ta_client client;

/* ------------------------------------------------------------------ */
/* Bytes, attribute lists, requests                                    */
/* ------------------------------------------------------------------ */

struct bytes {
	uint8_t b[1024];
	size_t n;
};

static struct bytes hexb(const char *h)
{
	struct bytes r = { .n = 0 };
	size_t len = strlen(h);

	assert_true(len % 2 == 0 && len / 2 <= sizeof(r.b));
	for (size_t i = 0; i < len; i += 2) {
		unsigned int v;

		assert_int_equal(sscanf(h + i, "%2x", &v), 1);
		r.b[r.n++] = (uint8_t)v;
	}
	return r;
}

/* An attribute list in the TA's encoding (vtee_asym_ta.h) */
struct alist {
	uint8_t b[6144];
	size_t n;
	uint32_t count;
};

static void put_u32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static void al_word(struct alist *l, uint32_t v)
{
	assert_true(l->n + 4 <= sizeof(l->b));
	put_u32(l->b + l->n, v);
	l->n += 4;
}

static void al_ref(struct alist *l, uint32_t id, const void *p, size_t len)
{
	al_word(l, id);
	al_word(l, (uint32_t)len);
	assert_true(l->n + len <= sizeof(l->b));
	if (len)
		memcpy(l->b + l->n, p, len);
	l->n += len;
	l->count++;
}

static void al_hex(struct alist *l, uint32_t id, const char *hex)
{
	struct bytes b = hexb(hex);

	al_ref(l, id, b.b, b.n);
}

static void al_val(struct alist *l, uint32_t id, uint32_t a, uint32_t b)
{
	al_word(l, id);
	al_word(l, a);
	al_word(l, b);
	l->count++;
}

/* count, then the attributes, into out; returns the length */
static size_t al_encode(const struct alist *l, uint8_t *out)
{
	put_u32(out, l ? l->count : 0);
	if (l && l->n)
		memcpy(out + 4, l->b, l->n);
	return 4 + (l ? l->n : 0);
}

static TEEC_Result key_cmd(int v, uint32_t cmd, uint32_t slot, uint32_t type,
			   uint32_t max, uint32_t bits, const struct alist *l)
{
	static uint8_t buf[sizeof(((struct alist *)0)->b) + 4];
	TEEC_Operation op = { .paramTypes = TEEC_PARAM_TYPES(
			TEEC_VALUE_INPUT, TEEC_VALUE_INPUT,
			TEEC_MEMREF_TEMP_INPUT, TEEC_NONE) };

	op.params[0].value.a = slot;
	op.params[0].value.b = type;
	op.params[1].value.a = max;
	op.params[1].value.b = bits;
	op.params[2].tmpref.buffer = buf;
	op.params[2].tmpref.size = al_encode(l, buf);
	return TEEC_InvokeCommand(&client.ses[v], cmd, &op, NULL);
}

static TEEC_Result populate(int v, uint32_t slot, uint32_t type,
			    uint32_t max, const struct alist *l)
{
	return key_cmd(v, ASYM_CMD_POPULATE, slot, type, max, 0, l);
}

static TEEC_Result generate(int v, uint32_t slot, uint32_t type,
			    uint32_t bits, const struct alist *l)
{
	return key_cmd(v, ASYM_CMD_GENERATE, slot, type, bits, bits, l);
}

static struct bytes get_attr(int v, uint32_t slot, uint32_t id)
{
	TEEC_Operation op = { .paramTypes = TEEC_PARAM_TYPES(
			TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
			TEEC_NONE, TEEC_NONE) };
	struct bytes r;

	op.params[0].value.a = slot;
	op.params[0].value.b = id;
	op.params[1].tmpref.buffer = r.b;
	op.params[1].tmpref.size = sizeof(r.b);
	assert_int_equal(TEEC_InvokeCommand(&client.ses[v], ASYM_CMD_GET_ATTR,
					    &op, NULL), TEEC_SUCCESS);
	r.n = op.params[1].tmpref.size;
	return r;
}

/* RUN's key slots: one, or two for SetOperationKey2 */
#define TWO_SLOTS(a, b)	((a) | ((b) + 1) << 16)

/* One operation in the TA (ASYM_CMD_RUN) */
struct run {
	uint32_t alg, mode;
	uint32_t slots;		/* key slot | (second slot + 1) << 16 */
	uint32_t max_key;
	uint32_t derived_max;	/* DERIVE: the secret object's size */
	const struct alist *params;
	const uint8_t *in;
	size_t in_len;
	uint8_t *out;		/* VERIFY: the signature */
	size_t out_len;		/* updated */
};

static TEEC_Result run(int v, struct run *r)
{
	static uint8_t req[sizeof(((struct alist *)0)->b) + 4096];
	TEEC_Operation op = { .paramTypes = TEEC_PARAM_TYPES(
			TEEC_VALUE_INPUT, TEEC_VALUE_INPUT,
			TEEC_MEMREF_TEMP_INPUT,
			r->mode == TEE_MODE_VERIFY ? TEEC_MEMREF_TEMP_INPUT :
						     TEEC_MEMREF_TEMP_OUTPUT) };
	size_t n = 4;
	TEEC_Result res;

	put_u32(req, r->derived_max);
	n += al_encode(r->params, req + n);
	assert_true(n + 4 + r->in_len <= sizeof(req));
	put_u32(req + n, (uint32_t)r->in_len);
	n += 4;
	if (r->in_len)
		memcpy(req + n, r->in, r->in_len);
	n += r->in_len;
	op.params[0].value.a = r->alg;
	op.params[0].value.b = r->mode;
	op.params[1].value.a = r->slots;
	op.params[1].value.b = r->max_key;
	op.params[2].tmpref.buffer = req;
	op.params[2].tmpref.size = n;
	op.params[3].tmpref.buffer = r->out;
	op.params[3].tmpref.size = r->out_len;
	res = TEEC_InvokeCommand(&client.ses[v], ASYM_CMD_RUN, &op, NULL);
	r->out_len = op.params[3].tmpref.size;
	return res;
}

/* Shorthands: a one-key operation on slot 0 */
static TEEC_Result op1(int v, uint32_t alg, uint32_t mode, uint32_t max,
		       const struct alist *params, const void *in,
		       size_t in_len, struct bytes *out)
{
	struct run r = { .alg = alg, .mode = mode, .max_key = max,
			 .params = params, .in = in, .in_len = in_len,
			 .out = out->b, .out_len = out->n ? out->n :
							     sizeof(out->b) };
	TEEC_Result res = run(v, &r);

	out->n = r.out_len;
	return res;
}

static TEEC_Result verify(int v, uint32_t alg, uint32_t max,
			  const struct alist *params, const struct bytes *dg,
			  const struct bytes *sig)
{
	struct bytes s = *sig;

	return op1(v, alg, TEE_MODE_VERIFY, max, params, dg->b, dg->n, &s);
}

static struct bytes digest(const char *name, const void *msg, size_t len)
{
	EVP_MD *md = EVP_MD_fetch(NULL, name, NULL);
	struct bytes r;
	unsigned int n = 0;

	assert_non_null(md);
	assert_int_equal(EVP_Digest(msg, len, r.b, &n, md, NULL), 1);
	EVP_MD_free(md);
	r.n = n;
	return r;
}

static const char *md_name(uint32_t hash)
{
	switch (hash) {
	case TEE_ALG_MD5: return "MD5";
	case TEE_ALG_SHA1: return "SHA1";
	case TEE_ALG_SHA224: return "SHA224";
	case TEE_ALG_SHA256: return "SHA256";
	case TEE_ALG_SHA384: return "SHA384";
	case TEE_ALG_SHA512: return "SHA512";
	case TEE_ALG_SHA3_224: return "SHA3-224";
	case TEE_ALG_SHA3_256: return "SHA3-256";
	case TEE_ALG_SHA3_384: return "SHA3-384";
	case TEE_ALG_SHA3_512: return "SHA3-512";
	case TEE_ALG_SM3: return "SM3";
	default: fail_msg("no hash 0x%x", hash); return NULL;
	}
}

static void flip(struct bytes *b, size_t i)
{
	b->b[i % b->n] ^= 0x01;
}

#define assert_bytes(got, hex) do {					\
		struct bytes want_ = hexb(hex);				\
		assert_int_equal((got).n, want_.n);			\
		assert_memory_equal((got).b, want_.b, want_.n);		\
	} while (0)

/* ------------------------------------------------------------------ */
/* RSA                                                                 */
/* ------------------------------------------------------------------ */

static void rsa_attrs(struct alist *l, const struct rsa_vec_key *k,
		      bool private)
{
	*l = (struct alist){ .n = 0 };
	al_hex(l, TEE_ATTR_RSA_MODULUS, k->n);
	al_hex(l, TEE_ATTR_RSA_PUBLIC_EXPONENT, k->e);
	if (!private)
		return;
	al_hex(l, TEE_ATTR_RSA_PRIVATE_EXPONENT, k->d);
	al_hex(l, TEE_ATTR_RSA_PRIME1, k->p);
	al_hex(l, TEE_ATTR_RSA_PRIME2, k->q);
	al_hex(l, TEE_ATTR_RSA_EXPONENT1, k->dp);
	al_hex(l, TEE_ATTR_RSA_EXPONENT2, k->dq);
	al_hex(l, TEE_ATTR_RSA_COEFFICIENT, k->qinv);
}

/* The key pair in slot 0, its public half in slot 1; its size */
static uint32_t rsa_load(int v, const struct rsa_vec_key *k)
{
	struct alist l;
	uint32_t bits = (uint32_t)strlen(k->n) * 4;

	rsa_attrs(&l, k, true);
	assert_int_equal(populate(v, 0, TEE_TYPE_RSA_KEYPAIR, 4096, &l),
			 TEEC_SUCCESS);
	rsa_attrs(&l, k, false);
	assert_int_equal(populate(v, 1, TEE_TYPE_RSA_PUBLIC_KEY, 4096, &l),
			 TEEC_SUCCESS);
	return bits;
}

static void salt_param(struct alist *l, uint32_t salt)
{
	*l = (struct alist){ .n = 0 };
	if (salt)
		al_val(l, TEE_ATTR_RSA_PSS_SALT_LENGTH, salt, 0);
}

static void rsa_sig_vec(int v, const struct rsa_sig_vec *t)
{
	struct bytes msg = hexb(t->msg), sig = hexb(t->sig), out = { .n = 0 };
	struct bytes dg = digest(md_name(t->hash), msg.b, msg.n);
	struct run r = { .alg = t->alg, .mode = TEE_MODE_VERIFY, .slots = 1,
			 .max_key = 4096 };
	struct alist salt;

	rsa_load(v, t->key);
	salt_param(&salt, t->salt_len);
	/* the published signature verifies, with the pair and the public
	 * key; changed, it does not */
	assert_int_equal(verify(v, t->alg, 4096, &salt, &dg, &sig),
			 TEEC_SUCCESS);
	r.params = &salt;
	r.in = dg.b;
	r.in_len = dg.n;
	r.out = sig.b;
	r.out_len = sig.n;
	assert_int_equal(run(v, &r), TEEC_SUCCESS);
	flip(&sig, 7);
	assert_int_equal(verify(v, t->alg, 4096, &salt, &dg, &sig),
			 TEE_ERROR_SIGNATURE_INVALID);
	flip(&sig, 7);
	/* signing: PKCS #1 v1.5 is deterministic; PSS is salted */
	assert_int_equal(op1(v, t->alg, TEE_MODE_SIGN, 4096, &salt, dg.b,
			     dg.n, &out), TEEC_SUCCESS);
	if (!t->salt_len)
		assert_bytes(out, t->sig);
	assert_int_equal(verify(v, t->alg, 4096, &salt, &dg, &out),
			 TEEC_SUCCESS);
}

static void test_rsa_sign_kat(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++)
		for (size_t i = 0; i < ARRAY_SIZE(rsa_sig_vecs); i++)
			rsa_sig_vec(v, &rsa_sig_vecs[i]);
}

/* GP's rules on the output and the digest: SHORT_BUFFER with the size,
 * a digest of another length is BAD_PARAMETERS. */
static void test_rsa_sign_rules(void **state)
{
	const struct rsa_sig_vec *t = &rsa_sig_vecs[2];	/* SHA-256 */
	struct bytes dg = digest("SHA256", "abc", 3);
	struct bytes out = { .n = 16 };

	(void)state;
	for (int v = 0; v < 2; v++) {
		rsa_load(v, t->key);
		out.n = 16;
		assert_int_equal(op1(v, t->alg, TEE_MODE_SIGN, 4096, NULL,
				     dg.b, dg.n, &out),
				 TEEC_ERROR_SHORT_BUFFER);
		assert_int_equal(out.n, 128);
		out.n = 0;
		assert_int_equal(op1(v, t->alg, TEE_MODE_SIGN, 4096, NULL,
				     dg.b, 20, &out),
				 TEEC_ERROR_BAD_PARAMETERS);
		out.n = 128;
		assert_int_equal(verify(v, t->alg, 4096, NULL, &dg, &out),
				 TEE_ERROR_SIGNATURE_INVALID);
		dg.n = 31;
		assert_int_equal(verify(v, t->alg, 4096, NULL, &dg, &out),
				 TEEC_ERROR_BAD_PARAMETERS);
		dg.n = 32;
	}
}

static void mgf_param(struct alist *l, uint32_t mgf_hash)
{
	*l = (struct alist){ .n = 0 };
	if (mgf_hash)
		al_ref(l, TEE_ATTR_RSA_OAEP_MGF_HASH, &mgf_hash,
		       sizeof(mgf_hash));
}

static void rsa_enc_vec(int v, const struct rsa_enc_vec *t)
{
	struct bytes ct = hexb(t->ct), out = { .n = 0 }, back = { .n = 0 };
	struct run r = { .alg = t->alg, .mode = TEE_MODE_ENCRYPT, .slots = 1,
			 .max_key = 4096 };
	struct bytes msg = hexb(t->msg);
	struct alist mgf;

	rsa_load(v, t->key);
	mgf_param(&mgf, t->mgf_hash);
	assert_int_equal(op1(v, t->alg, TEE_MODE_DECRYPT, 4096, &mgf, ct.b,
			     ct.n, &out), TEEC_SUCCESS);
	assert_bytes(out, t->msg);
	/* a changed ciphertext does not decrypt */
	flip(&ct, ct.n - 1);
	out.n = 0;
	assert_int_equal(op1(v, t->alg, TEE_MODE_DECRYPT, 4096, &mgf, ct.b,
			     ct.n, &out), TEE_ERROR_CIPHERTEXT_INVALID);
	/* encrypting with the public key, decrypting with the pair */
	r.params = &mgf;
	r.in = msg.b;
	r.in_len = msg.n;
	r.out = out.b;
	r.out_len = sizeof(out.b);
	assert_int_equal(run(v, &r), TEEC_SUCCESS);
	assert_int_equal(op1(v, t->alg, TEE_MODE_DECRYPT, 4096, &mgf, out.b,
			     r.out_len, &back), TEEC_SUCCESS);
	assert_bytes(back, t->msg);
}

static void test_rsa_encrypt_kat(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++)
		for (size_t i = 0; i < ARRAY_SIZE(rsa_enc_vecs); i++)
			rsa_enc_vec(v, &rsa_enc_vecs[i]);
}

/* libcrypto's key of the TA's generated key in slot 0 */
static EVP_PKEY *exported_rsa(int v)
{
	static const struct {
		uint32_t id;
		const char *name;
	} parts[] = {
		{ TEE_ATTR_RSA_MODULUS, OSSL_PKEY_PARAM_RSA_N },
		{ TEE_ATTR_RSA_PUBLIC_EXPONENT, OSSL_PKEY_PARAM_RSA_E },
		{ TEE_ATTR_RSA_PRIVATE_EXPONENT, OSSL_PKEY_PARAM_RSA_D },
	};
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
	BIGNUM *bn[3];
	EVP_PKEY *pkey = NULL;
	OSSL_PARAM *params;

	for (int i = 0; i < 3; i++) {
		struct bytes b = get_attr(v, 0, parts[i].id);

		bn[i] = BN_bin2bn(b.b, (int)b.n, NULL);
		assert_true(OSSL_PARAM_BLD_push_BN(bld, parts[i].name, bn[i]));
	}
	params = OSSL_PARAM_BLD_to_param(bld);
	assert_int_equal(EVP_PKEY_fromdata_init(c), 1);
	assert_int_equal(EVP_PKEY_fromdata(c, &pkey, EVP_PKEY_KEYPAIR, params),
			 1);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	EVP_PKEY_CTX_free(c);
	for (int i = 0; i < 3; i++)
		BN_free(bn[i]);
	return pkey;
}

static const struct {
	uint32_t hash;
	uint32_t oaep, pkcs1, pss;
} rsa_hashes[] = {
	{ TEE_ALG_SHA1, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA1,
	  TEE_ALG_RSASSA_PKCS1_V1_5_SHA1, TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA1 },
	{ TEE_ALG_SHA224, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA224,
	  TEE_ALG_RSASSA_PKCS1_V1_5_SHA224,
	  TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA224 },
	{ TEE_ALG_SHA256, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA256,
	  TEE_ALG_RSASSA_PKCS1_V1_5_SHA256,
	  TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA256 },
	{ TEE_ALG_SHA384, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA384,
	  TEE_ALG_RSASSA_PKCS1_V1_5_SHA384,
	  TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA384 },
	{ TEE_ALG_SHA512, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA512,
	  TEE_ALG_RSASSA_PKCS1_V1_5_SHA512,
	  TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA512 },
	{ TEE_ALG_SHA3_256, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA3_256,
	  TEE_ALG_RSASSA_PKCS1_V1_5_SHA3_256,
	  TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA3_256 },
	{ TEE_ALG_MD5, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_MD5,
	  TEE_ALG_RSASSA_PKCS1_V1_5_MD5, TEE_ALG_RSASSA_PKCS1_PSS_MGF1_MD5 },
};

/* The TA's OAEP ciphertext (with a label) decrypts in libcrypto. */
static void oaep_cross(int v, EVP_PKEY *pkey, uint32_t hash, uint32_t alg)
{
	static const char label[] = "vtee label";
	const EVP_MD *md = EVP_get_digestbyname(md_name(hash));
	struct bytes ct = { .n = 0 }, back = { .n = 0 };
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
	uint8_t pt[512];
	size_t pt_len = sizeof(pt);
	struct alist l = { .n = 0 };

	al_ref(&l, TEE_ATTR_RSA_OAEP_LABEL, label, sizeof(label));
	assert_int_equal(op1(v, alg, TEE_MODE_ENCRYPT, 2048, &l, "secret", 6,
			     &ct), TEEC_SUCCESS);
	assert_int_equal(ct.n, 256);
	assert_int_equal(EVP_PKEY_decrypt_init(c), 1);
	assert_int_equal(EVP_PKEY_CTX_set_rsa_padding(
		c, RSA_PKCS1_OAEP_PADDING), 1);
	assert_int_equal(EVP_PKEY_CTX_set_rsa_oaep_md(c, md), 1);
	assert_int_equal(EVP_PKEY_CTX_set_rsa_mgf1_md(c, md), 1);
	assert_int_equal(EVP_PKEY_CTX_set0_rsa_oaep_label(
		c, OPENSSL_memdup(label, sizeof(label)), sizeof(label)), 1);
	assert_int_equal(EVP_PKEY_decrypt(c, pt, &pt_len, ct.b, ct.n), 1);
	assert_int_equal(pt_len, 6);
	assert_memory_equal(pt, "secret", 6);
	EVP_PKEY_CTX_free(c);
	/* and in the TA; without the label, not */
	assert_int_equal(op1(v, alg, TEE_MODE_DECRYPT, 2048, &l, ct.b, ct.n,
			     &back), TEEC_SUCCESS);
	assert_int_equal(back.n, 6);
	back.n = 0;
	assert_int_equal(op1(v, alg, TEE_MODE_DECRYPT, 2048, NULL, ct.b, ct.n,
			     &back), TEE_ERROR_CIPHERTEXT_INVALID);
}

/* The TA's signature verifies in libcrypto. */
static void sign_cross(int v, EVP_PKEY *pkey, uint32_t hash, uint32_t alg,
		       bool pss)
{
	const EVP_MD *md = EVP_get_digestbyname(md_name(hash));
	struct bytes dg = digest(md_name(hash), "message", 7);
	struct bytes sig = { .n = 0 };
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);

	assert_int_equal(op1(v, alg, TEE_MODE_SIGN, 2048, NULL, dg.b, dg.n,
			     &sig), TEEC_SUCCESS);
	assert_int_equal(EVP_PKEY_verify_init(c), 1);
	assert_int_equal(EVP_PKEY_CTX_set_rsa_padding(c, pss ?
		RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING), 1);
	assert_int_equal(EVP_PKEY_CTX_set_signature_md(c, md), 1);
	if (pss)
		/* GP's default salt: the hash's length */
		assert_int_equal(EVP_PKEY_CTX_set_rsa_pss_saltlen(
			c, EVP_MD_get_size(md)), 1);
	assert_int_equal(EVP_PKEY_verify(c, sig.b, sig.n, dg.b, dg.n), 1);
	EVP_PKEY_CTX_free(c);
}

static void test_rsa_every_hash(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++) {
		EVP_PKEY *pkey;

		assert_int_equal(generate(v, 0, TEE_TYPE_RSA_KEYPAIR, 2048,
					  NULL), TEEC_SUCCESS);
		pkey = exported_rsa(v);
		for (size_t i = 0; i < ARRAY_SIZE(rsa_hashes); i++) {
			oaep_cross(v, pkey, rsa_hashes[i].hash,
				   rsa_hashes[i].oaep);
			sign_cross(v, pkey, rsa_hashes[i].hash,
				   rsa_hashes[i].pkcs1, false);
			sign_cross(v, pkey, rsa_hashes[i].hash,
				   rsa_hashes[i].pss, true);
		}
		EVP_PKEY_free(pkey);
	}
}

/* 256-bit keys: raw RSA against a vector, and what fits such a key */
static void test_rsa_small_keys(void **state)
{
	struct bytes msg = hexb(rsa_raw_256_msg), out = { .n = 0 };
	struct bytes back = { .n = 0 }, sig = { .n = 0 };
	static const uint8_t info[] = "DigestInfo";

	(void)state;
	for (int v = 0; v < 2; v++) {
		rsa_load(v, &rsa_raw_256);
		out.n = 0;
		assert_int_equal(op1(v, TEE_ALG_RSA_NOPAD, TEE_MODE_ENCRYPT,
				     256, NULL, msg.b, msg.n, &out),
				 TEEC_SUCCESS);
		assert_bytes(out, rsa_raw_256_ct);
		back.n = 0;
		assert_int_equal(op1(v, TEE_ALG_RSA_NOPAD, TEE_MODE_DECRYPT,
				     256, NULL, out.b, out.n, &back),
				 TEEC_SUCCESS);
		/* raw RSA's output loses its leading zero bytes (OP-TEE) */
		assert_bytes(back, rsa_raw_256_msg);
		/* a generated 256-bit key: PKCS #1 v1.5 both ways */
		assert_int_equal(generate(v, 0, TEE_TYPE_RSA_KEYPAIR, 256,
					  NULL), TEEC_SUCCESS);
		out.n = 0;
		assert_int_equal(op1(v, TEE_ALG_RSAES_PKCS1_V1_5,
				     TEE_MODE_ENCRYPT, 256, NULL, "tiny", 4,
				     &out), TEEC_SUCCESS);
		assert_int_equal(out.n, 32);
		back.n = 0;
		assert_int_equal(op1(v, TEE_ALG_RSAES_PKCS1_V1_5,
				     TEE_MODE_DECRYPT, 256, NULL, out.b, out.n,
				     &back), TEEC_SUCCESS);
		assert_int_equal(back.n, 4);
		sig.n = 0;
		assert_int_equal(op1(v, TEE_ALG_RSASSA_PKCS1_V1_5,
				     TEE_MODE_SIGN, 256, NULL, info,
				     sizeof(info), &sig), TEEC_SUCCESS);
		out = (struct bytes){ .n = sizeof(info) };
		memcpy(out.b, info, sizeof(info));
		assert_int_equal(verify(v, TEE_ALG_RSASSA_PKCS1_V1_5, 256,
					NULL, &out, &sig), TEEC_SUCCESS);
		/* OAEP-SHA256 needs more than 32 bytes */
		out.n = 0;
		assert_int_equal(op1(v, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA256,
				     TEE_MODE_ENCRYPT, 256, NULL, "x", 1, &out),
				 TEEC_ERROR_BAD_PARAMETERS);
	}
}

/* ------------------------------------------------------------------ */
/* DSA and ECDSA                                                       */
/* ------------------------------------------------------------------ */

static void dsa_vec(int v, const struct dsa_vec *t)
{
	struct bytes msg = hexb(t->msg), sig = hexb(t->sig);
	struct bytes dg = digest(md_name(t->hash), msg.b, msg.n);
	struct bytes out = { .n = 0 };
	struct alist l = { .n = 0 };

	al_hex(&l, TEE_ATTR_DSA_PRIME, t->p);
	al_hex(&l, TEE_ATTR_DSA_SUBPRIME, t->q);
	al_hex(&l, TEE_ATTR_DSA_BASE, t->g);
	al_hex(&l, TEE_ATTR_DSA_PUBLIC_VALUE, t->y);
	al_hex(&l, TEE_ATTR_DSA_PRIVATE_VALUE, t->x);
	assert_int_equal(populate(v, 0, TEE_TYPE_DSA_KEYPAIR, t->bits, &l),
			 TEEC_SUCCESS);
	assert_int_equal(verify(v, t->alg, t->bits, NULL, &dg, &sig),
			 TEEC_SUCCESS);
	flip(&sig, 3);
	assert_int_equal(verify(v, t->alg, t->bits, NULL, &dg, &sig),
			 TEE_ERROR_SIGNATURE_INVALID);
	assert_int_equal(op1(v, t->alg, TEE_MODE_SIGN, t->bits, NULL, dg.b,
			     dg.n, &out), TEEC_SUCCESS);
	assert_int_equal(out.n, sig.n);
	assert_int_equal(verify(v, t->alg, t->bits, NULL, &dg, &out),
			 TEEC_SUCCESS);
}

static void test_dsa_kat(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++)
		for (size_t i = 0; i < ARRAY_SIZE(dsa_vecs); i++)
			dsa_vec(v, &dsa_vecs[i]);
}

static void ecc_attrs(struct alist *l, uint32_t curve, const char *d,
		      const char *x, const char *y)
{
	*l = (struct alist){ .n = 0 };
	al_val(l, TEE_ATTR_ECC_CURVE, curve, 0);
	al_hex(l, TEE_ATTR_ECC_PUBLIC_VALUE_X, x);
	al_hex(l, TEE_ATTR_ECC_PUBLIC_VALUE_Y, y);
	if (d)
		al_hex(l, TEE_ATTR_ECC_PRIVATE_VALUE, d);
}

static const uint32_t ecdsa_by_hash[] = {
	TEE_ALG_ECDSA_SHA1, TEE_ALG_ECDSA_SHA224, TEE_ALG_ECDSA_SHA256,
	TEE_ALG_ECDSA_SHA384, TEE_ALG_ECDSA_SHA512,
};

static const char *const ecdsa_hash_names[] = {
	"SHA1", "SHA224", "SHA256", "SHA384", "SHA512",
};

/* CAVP's SHA-1 signature verifies with the public key; the key pair
 * signs with every hash, and what it signs verifies. */
static void ecdsa_vec(int v, const struct ecdsa_vec *t)
{
	struct bytes msg = hexb(t->msg), sig = hexb(t->sig);
	struct bytes dg = digest("SHA1", msg.b, msg.n);
	struct run r = { .alg = TEE_ALG_ECDSA_SHA1, .mode = TEE_MODE_VERIFY,
			 .slots = 1, .max_key = t->bits, .in = dg.b,
			 .in_len = dg.n, .out = sig.b, .out_len = sig.n };
	struct alist l;

	ecc_attrs(&l, t->curve, NULL, t->qx, t->qy);
	assert_int_equal(populate(v, 1, TEE_TYPE_ECDSA_PUBLIC_KEY, t->bits,
				  &l), TEEC_SUCCESS);
	ecc_attrs(&l, t->curve, t->d, t->qx, t->qy);
	assert_int_equal(populate(v, 0, TEE_TYPE_ECDSA_KEYPAIR, t->bits, &l),
			 TEEC_SUCCESS);
	/* with the public key (slot 1) */
	assert_int_equal(run(v, &r), TEEC_SUCCESS);
	flip(&sig, 5);
	r.out_len = sig.n;
	assert_int_equal(run(v, &r), TEE_ERROR_SIGNATURE_INVALID);
	for (size_t h = 0; h < ARRAY_SIZE(ecdsa_by_hash); h++) {
		struct bytes d2 = digest(ecdsa_hash_names[h], msg.b, msg.n);
		struct bytes out = { .n = 0 };

		assert_int_equal(op1(v, ecdsa_by_hash[h], TEE_MODE_SIGN,
				     t->bits, NULL, d2.b, d2.n, &out),
				 TEEC_SUCCESS);
		assert_int_equal(out.n, 2 * ((t->bits + 7) / 8));
		assert_int_equal(verify(v, ecdsa_by_hash[h], t->bits, NULL,
					&d2, &out), TEEC_SUCCESS);
	}
}

static void test_ecdsa_kat(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++)
		for (size_t i = 0; i < ARRAY_SIZE(ecdsa_vecs); i++)
			ecdsa_vec(v, &ecdsa_vecs[i]);
}

/* Generated keys on every curve, and OP-TEE's curve-named ids */
static void test_ecdsa_generated(void **state)
{
	static const uint32_t legacy[] = {
		__OPTEE_ALG_ECDSA_P192, __OPTEE_ALG_ECDSA_P224,
		__OPTEE_ALG_ECDSA_P256, __OPTEE_ALG_ECDSA_P384,
		__OPTEE_ALG_ECDSA_P521,
	};
	struct bytes dg = digest("SHA256", "abc", 3);

	(void)state;
	for (int v = 0; v < 2; v++) {
		for (size_t i = 0; i < ARRAY_SIZE(ecdsa_vecs); i++) {
			const struct ecdsa_vec *t = &ecdsa_vecs[i];
			struct bytes sig = { .n = 0 };
			struct alist l = { .n = 0 };

			al_val(&l, TEE_ATTR_ECC_CURVE, t->curve, 0);
			assert_int_equal(generate(v, 0, TEE_TYPE_ECDSA_KEYPAIR,
						  t->bits, &l), TEEC_SUCCESS);
			assert_int_equal(op1(v, legacy[i], TEE_MODE_SIGN,
					     t->bits, NULL, dg.b, dg.n, &sig),
					 TEEC_SUCCESS);
			assert_int_equal(verify(v, legacy[i], t->bits, NULL,
						&dg, &sig), TEEC_SUCCESS);
			flip(&sig, 0);
			assert_int_equal(verify(v, legacy[i], t->bits, NULL,
						&dg, &sig),
					 TEE_ERROR_SIGNATURE_INVALID);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Key derivation: ECDH, X25519, DH                                    */
/* ------------------------------------------------------------------ */

static TEEC_Result derive(int v, uint32_t alg, uint32_t slots, uint32_t max,
			  uint32_t derived_max, const struct alist *params,
			  struct bytes *out)
{
	struct run r = { .alg = alg, .mode = TEE_MODE_DERIVE, .slots = slots,
			 .max_key = max, .derived_max = derived_max,
			 .params = params, .out = out->b,
			 .out_len = sizeof(out->b) };
	TEEC_Result res = run(v, &r);

	out->n = r.out_len;
	return res;
}

static void ecdh_vec(int v, const struct ecdh_vec *t)
{
	struct bytes z = { .n = 0 };
	struct alist l, peer = { .n = 0 };

	ecc_attrs(&l, t->curve, t->d, t->qx, t->qy);
	assert_int_equal(populate(v, 0, TEE_TYPE_ECDH_KEYPAIR, t->bits, &l),
			 TEEC_SUCCESS);
	al_hex(&peer, TEE_ATTR_ECC_PUBLIC_VALUE_X, t->peer_x);
	al_hex(&peer, TEE_ATTR_ECC_PUBLIC_VALUE_Y, t->peer_y);
	assert_int_equal(derive(v, TEE_ALG_ECDH_DERIVE_SHARED_SECRET, 0,
				t->bits, 1024, &peer, &z), TEEC_SUCCESS);
	assert_bytes(z, t->z);
}

static void test_ecdh_kat(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++)
		for (size_t i = 0; i < ARRAY_SIZE(ecdh_vecs); i++)
			ecdh_vec(v, &ecdh_vecs[i]);
}

static void test_x25519_kat(void **state)
{
	struct bytes z = { .n = 0 };
	struct alist l, peer;

	(void)state;
	for (int v = 0; v < 2; v++) {
		/* Alice with Bob's public value, then Bob with Alice's */
		for (int side = 0; side < 2; side++) {
			l = (struct alist){ .n = 0 };
			peer = (struct alist){ .n = 0 };
			al_hex(&l, TEE_ATTR_X25519_PRIVATE_VALUE,
			       side ? x25519_bob_private :
				      x25519_alice_private);
			al_hex(&l, TEE_ATTR_X25519_PUBLIC_VALUE,
			       side ? x25519_bob_public : x25519_alice_public);
			al_hex(&peer, TEE_ATTR_X25519_PUBLIC_VALUE,
			       side ? x25519_alice_public : x25519_bob_public);
			assert_int_equal(populate(v, 0, TEE_TYPE_X25519_KEYPAIR,
						  256, &l), TEEC_SUCCESS);
			assert_int_equal(derive(v, TEE_ALG_X25519, 0, 256, 256,
						&peer, &z), TEEC_SUCCESS);
			assert_bytes(z, x25519_shared_secret);
		}
	}
}

/* p, q, g of OpenSSL's RFC 5114 group */
static void dh5114_group(BIGNUM **p, BIGNUM **q, BIGNUM **g)
{
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_name(NULL, "DH", NULL);
	OSSL_PARAM params[] = {
		OSSL_PARAM_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
				       "dh_1024_160", 0),
		OSSL_PARAM_END,
	};
	EVP_PKEY *pkey = NULL;

	assert_int_equal(EVP_PKEY_paramgen_init(c), 1);
	assert_int_equal(EVP_PKEY_CTX_set_params(c, params), 1);
	assert_int_equal(EVP_PKEY_paramgen(c, &pkey), 1);
	*p = *q = *g = NULL;
	assert_int_equal(EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_P,
					       p), 1);
	assert_int_equal(EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_Q,
					       q), 1);
	assert_int_equal(EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_G,
					       g), 1);
	EVP_PKEY_free(pkey);
	EVP_PKEY_CTX_free(c);
}

static void al_bn(struct alist *l, uint32_t id, const BIGNUM *bn)
{
	uint8_t b[512];

	al_ref(l, id, b, (size_t)BN_bn2bin(bn, b));
}

/* RFC 5114 A.1: A's key with B's public value gives Z; and a generated
 * key on the same group agrees with B. */
static void test_dh_kat(void **state)
{
	BIGNUM *p, *q, *g, *x = NULL, *y = NULL;
	BN_CTX *bn = BN_CTX_new();
	struct bytes z = { .n = 0 }, gy;
	struct alist l = { .n = 0 }, peer = { .n = 0 };

	(void)state;
	dh5114_group(&p, &q, &g);
	/* the transcribed vector belongs to the group: g^xa = ya */
	BN_hex2bn(&x, dh5114_xa);
	BN_hex2bn(&y, dh5114_ya);
	assert_true(BN_mod_exp(x, g, x, p, bn) && !BN_cmp(x, y));
	al_bn(&l, TEE_ATTR_DH_PRIME, p);
	al_bn(&l, TEE_ATTR_DH_BASE, g);
	al_bn(&l, TEE_ATTR_DH_SUBPRIME, q);
	al_hex(&l, TEE_ATTR_DH_PUBLIC_VALUE, dh5114_ya);
	al_hex(&l, TEE_ATTR_DH_PRIVATE_VALUE, dh5114_xa);
	al_hex(&peer, TEE_ATTR_DH_PUBLIC_VALUE, dh5114_yb);
	for (int v = 0; v < 2; v++) {
		struct alist params = { .n = 0 };

		assert_int_equal(populate(v, 0, TEE_TYPE_DH_KEYPAIR, 1024, &l),
				 TEEC_SUCCESS);
		assert_int_equal(derive(v, TEE_ALG_DH_DERIVE_SHARED_SECRET, 0,
					1024, 1024, &peer, &z), TEEC_SUCCESS);
		assert_bytes(z, dh5114_z);
		/* generated on the group: its Z with B is yb^x = y^xb */
		al_bn(&params, TEE_ATTR_DH_PRIME, p);
		al_bn(&params, TEE_ATTR_DH_BASE, g);
		al_bn(&params, TEE_ATTR_DH_SUBPRIME, q);
		assert_int_equal(generate(v, 0, TEE_TYPE_DH_KEYPAIR, 1024,
					  &params), TEEC_SUCCESS);
		assert_int_equal(derive(v, TEE_ALG_DH_DERIVE_SHARED_SECRET, 0,
					1024, 1024, &peer, &z), TEEC_SUCCESS);
		gy = get_attr(v, 0, TEE_ATTR_DH_PUBLIC_VALUE);
		BN_bin2bn(gy.b, (int)gy.n, y);
		BN_hex2bn(&x, dh5114_xb);
		assert_true(BN_mod_exp(y, y, x, p, bn));
		gy.n = (size_t)BN_bn2bin(y, gy.b);
		assert_int_equal(z.n, gy.n);
		assert_memory_equal(z.b, gy.b, gy.n);
	}
	BN_free(p), BN_free(q), BN_free(g), BN_free(x), BN_free(y);
	BN_CTX_free(bn);
}

/* ------------------------------------------------------------------ */
/* Ed25519                                                             */
/* ------------------------------------------------------------------ */

static void ed25519_params(struct alist *l, const struct ed25519_vec *t)
{
	*l = (struct alist){ .n = 0 };
	if (t->ctx)
		al_hex(l, TEE_ATTR_EDDSA_CTX, t->ctx);
	if (t->ph)
		al_val(l, TEE_ATTR_EDDSA_PREHASH, 1, 0);
}

static void ed25519_vec(int v, const struct ed25519_vec *t)
{
	struct bytes msg = hexb(t->msg), sig = { .n = 0 };
	struct alist l = { .n = 0 }, params;

	al_hex(&l, TEE_ATTR_ED25519_PRIVATE_VALUE, t->priv);
	al_hex(&l, TEE_ATTR_ED25519_PUBLIC_VALUE, t->pub);
	assert_int_equal(populate(v, 0, TEE_TYPE_ED25519_KEYPAIR, 256, &l),
			 TEEC_SUCCESS);
	ed25519_params(&params, t);
	assert_int_equal(op1(v, TEE_ALG_ED25519, TEE_MODE_SIGN, 256, &params,
			     msg.b, msg.n, &sig), TEEC_SUCCESS);
	assert_bytes(sig, t->sig);
	assert_int_equal(verify(v, TEE_ALG_ED25519, 256, &params, &msg, &sig),
			 TEEC_SUCCESS);
	flip(&sig, 40);
	assert_int_equal(verify(v, TEE_ALG_ED25519, 256, &params, &msg, &sig),
			 TEE_ERROR_SIGNATURE_INVALID);
	/* a signature of one variant is none of another's */
	flip(&sig, 40);
	params = (struct alist){ .n = 0 };
	al_hex(&params, TEE_ATTR_EDDSA_CTX, "626172");
	assert_int_equal(verify(v, TEE_ALG_ED25519, 256, &params, &msg, &sig),
			 TEE_ERROR_SIGNATURE_INVALID);
}

static void test_ed25519_kat(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++)
		for (size_t i = 0; i < ARRAY_SIZE(ed25519_vecs); i++)
			ed25519_vec(v, &ed25519_vecs[i]);
}

/* A generated key signs in each variant; a bad parameter is
 * BAD_PARAMETERS. */
static void test_ed25519_generated(void **state)
{
	struct bytes msg = { .b = "generated", .n = 9 }, sig;
	struct alist params;

	(void)state;
	for (int v = 0; v < 2; v++) {
		assert_int_equal(generate(v, 0, TEE_TYPE_ED25519_KEYPAIR, 256,
					  NULL), TEEC_SUCCESS);
		for (int variant = 0; variant < 3; variant++) {
			params = (struct alist){ .n = 0 };
			if (variant)
				al_hex(&params, TEE_ATTR_EDDSA_CTX, "0102");
			if (variant == 2)
				al_val(&params, TEE_ATTR_EDDSA_PREHASH, 1, 0);
			sig.n = 0;
			assert_int_equal(op1(v, TEE_ALG_ED25519, TEE_MODE_SIGN,
					     256, &params, msg.b, msg.n, &sig),
					 TEEC_SUCCESS);
			assert_int_equal(verify(v, TEE_ALG_ED25519, 256,
						&params, &msg, &sig),
					 TEEC_SUCCESS);
		}
		params = (struct alist){ .n = 0 };
		al_val(&params, TEE_ATTR_EDDSA_PREHASH, 2, 0);
		sig.n = 0;
		assert_int_equal(op1(v, TEE_ALG_ED25519, TEE_MODE_SIGN, 256,
				     &params, msg.b, msg.n, &sig),
				 TEEC_ERROR_BAD_PARAMETERS);
	}
}

/* ------------------------------------------------------------------ */
/* SM2                                                                 */
/* ------------------------------------------------------------------ */

static void sm2_key(int v, uint32_t slot, uint32_t type, const char *d,
		    const char *x, const char *y)
{
	struct alist l = { .n = 0 };

	al_hex(&l, TEE_ATTR_ECC_PUBLIC_VALUE_X, x);
	al_hex(&l, TEE_ATTR_ECC_PUBLIC_VALUE_Y, y);
	if (d)
		al_hex(&l, TEE_ATTR_ECC_PRIVATE_VALUE, d);
	assert_int_equal(populate(v, slot, type, 256, &l), TEEC_SUCCESS);
}

static void test_sm2_pke(void **state)
{
	struct bytes ct = hexb(sm2_pke_ct), out, back;
	struct bytes msg = hexb(sm2_pke_msg);

	(void)state;
	for (int v = 0; v < 2; v++) {
		sm2_key(v, 0, TEE_TYPE_SM2_PKE_KEYPAIR, sm2_pke_d, sm2_pke_x,
			sm2_pke_y);
		out = (struct bytes){ .n = 0 };
		assert_int_equal(op1(v, TEE_ALG_SM2_PKE, TEE_MODE_DECRYPT, 256,
				     NULL, ct.b, ct.n, &out), TEEC_SUCCESS);
		assert_bytes(out, sm2_pke_msg);
		/* short output; a changed C3 */
		out.n = 4;
		assert_int_equal(op1(v, TEE_ALG_SM2_PKE, TEE_MODE_DECRYPT, 256,
				     NULL, ct.b, ct.n, &out),
				 TEEC_ERROR_SHORT_BUFFER);
		assert_int_equal(out.n, msg.n);
		flip(&ct, ct.n - 1);
		out.n = 0;
		assert_int_equal(op1(v, TEE_ALG_SM2_PKE, TEE_MODE_DECRYPT, 256,
				     NULL, ct.b, ct.n, &out),
				 TEE_ERROR_CIPHERTEXT_INVALID);
		flip(&ct, ct.n - 1);
		/* encrypted here, decrypted again */
		out.n = 0;
		assert_int_equal(op1(v, TEE_ALG_SM2_PKE, TEE_MODE_ENCRYPT, 256,
				     NULL, msg.b, msg.n, &out), TEEC_SUCCESS);
		assert_int_equal(out.n, 65 + msg.n + 32);
		back = (struct bytes){ .n = 0 };
		assert_int_equal(op1(v, TEE_ALG_SM2_PKE, TEE_MODE_DECRYPT, 256,
				     NULL, out.b, out.n, &back), TEEC_SUCCESS);
		assert_bytes(back, sm2_pke_msg);
	}
}

static void test_sm2_dsa(void **state)
{
	struct bytes zm = hexb(sm2_dsa_zm), sig = hexb(sm2_dsa_sig);
	struct bytes e = digest("SM3", zm.b, zm.n), out;

	(void)state;
	for (int v = 0; v < 2; v++) {
		sm2_key(v, 0, TEE_TYPE_SM2_DSA_KEYPAIR, sm2_dsa_d, sm2_dsa_x,
			sm2_dsa_y);
		assert_int_equal(verify(v, TEE_ALG_SM2_DSA_SM3, 256, NULL, &e,
					&sig), TEEC_SUCCESS);
		flip(&sig, 33);
		assert_int_equal(verify(v, TEE_ALG_SM2_DSA_SM3, 256, NULL, &e,
					&sig), TEE_ERROR_SIGNATURE_INVALID);
		flip(&sig, 33);
		out = (struct bytes){ .n = 0 };
		assert_int_equal(op1(v, TEE_ALG_SM2_DSA_SM3, TEE_MODE_SIGN, 256,
				     NULL, e.b, e.n, &out), TEEC_SUCCESS);
		assert_int_equal(out.n, 64);
		assert_int_equal(verify(v, TEE_ALG_SM2_DSA_SM3, 256, NULL, &e,
					&out), TEEC_SUCCESS);
	}
}

/* One side of B.2: its keys in slots 0 and 1, the peer's as parameters;
 * the key, then this side's confirmation */
static const uint8_t conf_room[32];

static void sm2_kep_side(int v, bool initiator, struct bytes *out)
{
	struct alist l = { .n = 0 };

	sm2_key(v, 0, TEE_TYPE_SM2_KEP_KEYPAIR,
		initiator ? sm2_kep_private_A : sm2_kep_private_B,
		initiator ? sm2_kep_public_xA : sm2_kep_public_xB,
		initiator ? sm2_kep_public_yA : sm2_kep_public_yB);
	sm2_key(v, 1, TEE_TYPE_SM2_KEP_KEYPAIR,
		initiator ? sm2_kep_eph_private_A : sm2_kep_eph_private_B,
		initiator ? sm2_kep_eph_public_xA : sm2_kep_eph_public_xB,
		initiator ? sm2_kep_eph_public_yA : sm2_kep_eph_public_yB);
	al_val(&l, TEE_ATTR_SM2_KEP_USER, initiator ? 0 : 1, 0);
	al_hex(&l, TEE_ATTR_ECC_PUBLIC_VALUE_X,
	       initiator ? sm2_kep_public_xB : sm2_kep_public_xA);
	al_hex(&l, TEE_ATTR_ECC_PUBLIC_VALUE_Y,
	       initiator ? sm2_kep_public_yB : sm2_kep_public_yA);
	/* the responder uses OP-TEE's older ids of the ephemeral key */
	al_hex(&l, initiator ? TEE_ATTR_ECC_EPHEMERAL_PUBLIC_VALUE_X :
		   __OPTEE_SM2_KEP_ATTR_ECC_EPHEMERAL_PUBLIC_VALUE_X,
	       initiator ? sm2_kep_eph_public_xB : sm2_kep_eph_public_xA);
	al_hex(&l, initiator ? TEE_ATTR_ECC_EPHEMERAL_PUBLIC_VALUE_Y :
		   __OPTEE_SM2_KEP_ATTR_ECC_EPHEMERAL_PUBLIC_VALUE_Y,
	       initiator ? sm2_kep_eph_public_yB : sm2_kep_eph_public_yA);
	al_hex(&l, TEE_ATTR_SM2_ID_INITIATOR, sm2_kep_id_A);
	al_hex(&l, TEE_ATTR_SM2_ID_RESPONDER, sm2_kep_id_B);
	al_hex(&l, TEE_ATTR_SM2_KEP_CONFIRMATION_IN,
	       initiator ? sm2_kep_conf_B : sm2_kep_conf_A);
	/* 32 bytes of room for this side's confirmation */
	al_ref(&l, TEE_ATTR_SM2_KEP_CONFIRMATION_OUT, conf_room, 32);
	assert_int_equal(derive(v, TEE_ALG_SM2_KEP, TWO_SLOTS(0, 1), 512,
				128, &l, out), TEEC_SUCCESS);
}

static void test_sm2_kep(void **state)
{
	struct bytes want = hexb(sm2_kep_shared_secret), out;

	(void)state;
	for (int v = 0; v < 2; v++) {
		for (int side = 0; side < 2; side++) {
			struct bytes conf = hexb(side ? sm2_kep_conf_B :
						 sm2_kep_conf_A);

			sm2_kep_side(v, !side, &out);
			assert_int_equal(out.n, want.n + 32);
			assert_memory_equal(out.b, want.b, want.n);
			assert_memory_equal(out.b + want.n, conf.b, 32);
		}
	}
}

/* ------------------------------------------------------------------ */
/* KDFs                                                                */
/* ------------------------------------------------------------------ */

static void kdf_key(int v, uint32_t type, uint32_t id, const char *hex)
{
	struct alist l = { .n = 0 };

	al_hex(&l, id, hex);
	assert_int_equal(populate(v, 0, type, 4096, &l), TEEC_SUCCESS);
}

static void test_hkdf_kat(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++) {
		for (size_t i = 0; i < ARRAY_SIZE(hkdf_vecs); i++) {
			const struct hkdf_vec *t = &hkdf_vecs[i];
			struct bytes okm = hexb(t->okm), out;
			struct alist l = { .n = 0 };

			kdf_key(v, TEE_TYPE_HKDF_IKM, TEE_ATTR_HKDF_IKM,
				t->ikm);
			if (t->salt)
				al_hex(&l, __OPTEE_TEE_ATTR_HKDF_SALT, t->salt);
			if (t->info)
				al_hex(&l, __OPTEE_ATTR_HKDF_INFO, t->info);
			al_val(&l, TEE_ATTR_HKDF_OKM_LENGTH, (uint32_t)okm.n,
			       0);
			assert_int_equal(derive(v, t->alg, 0, 4096, 4096, &l,
						&out), TEEC_SUCCESS);
			assert_bytes(out, t->okm);
		}
	}
}

static void test_pbkdf2_kat(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++) {
		for (size_t i = 0; i < ARRAY_SIZE(pbkdf2_vecs); i++) {
			const struct pbkdf2_vec *t = &pbkdf2_vecs[i];
			struct bytes dkm = hexb(t->dkm), out;
			struct alist l = { .n = 0 };

			kdf_key(v, TEE_TYPE_PBKDF2_PASSWORD,
				TEE_ATTR_PBKDF2_PASSWORD, t->password);
			al_hex(&l, TEE_ATTR_PBKDF2_SALT, t->salt);
			al_val(&l, TEE_ATTR_PBKDF2_ITERATION_COUNT,
			       t->iterations, 0);
			al_val(&l, TEE_ATTR_PBKDF2_DKM_LENGTH, (uint32_t)dkm.n,
			       0);
			assert_int_equal(derive(v,
				TEE_ALG_PBKDF2_HMAC_SHA1_DERIVE_KEY, 0, 4096,
				4096, &l, &out), TEEC_SUCCESS);
			assert_bytes(out, t->dkm);
		}
	}
}

static void test_concat_kdf_kat(void **state)
{
	struct bytes dkm = hexb(concat_kdf_dkm), out;
	struct alist l = { .n = 0 };

	(void)state;
	al_hex(&l, TEE_ATTR_CONCAT_KDF_OTHER_INFO, concat_kdf_other_info);
	al_val(&l, TEE_ATTR_CONCAT_KDF_DKM_LENGTH, (uint32_t)dkm.n, 0);
	for (int v = 0; v < 2; v++) {
		kdf_key(v, TEE_TYPE_CONCAT_KDF_Z, TEE_ATTR_CONCAT_KDF_Z,
			concat_kdf_z);
		assert_int_equal(derive(v, TEE_ALG_CONCAT_KDF_SHA256_DERIVE_KEY,
					0, 4096, 4096, &l, &out),
				 TEEC_SUCCESS);
		assert_bytes(out, concat_kdf_dkm);
	}
}

/* ------------------------------------------------------------------ */
/* Key generation in the TA                                            */
/* ------------------------------------------------------------------ */

static void test_generate(void **state)
{
	struct alist l = { .n = 0 };

	(void)state;
	for (int v = 0; v < 2; v++) {
		assert_int_equal(generate(v, 0, TEE_TYPE_AES, 256, NULL),
				 TEEC_SUCCESS);
		assert_int_equal(get_attr(v, 0, TEE_ATTR_SECRET_VALUE).n, 32);
		assert_int_equal(generate(v, 0, TEE_TYPE_RSA_KEYPAIR, 1024,
					  NULL), TEEC_SUCCESS);
		assert_int_equal(get_attr(v, 0, TEE_ATTR_RSA_MODULUS).n, 128);
		assert_int_equal(generate(v, 0, TEE_TYPE_X25519_KEYPAIR, 256,
					  NULL), TEEC_SUCCESS);
		assert_int_equal(get_attr(v, 0,
					  TEE_ATTR_X25519_PUBLIC_VALUE).n, 32);
		assert_int_equal(generate(v, 0, TEE_TYPE_SM2_KEP_KEYPAIR, 256,
					  NULL), TEEC_SUCCESS);
		/* a public exponent that makes no key: BAD_PARAMETERS */
		l = (struct alist){ .n = 0 };
		al_hex(&l, TEE_ATTR_RSA_PUBLIC_EXPONENT, "010000");
		assert_int_equal(generate(v, 0, TEE_TYPE_RSA_KEYPAIR, 512, &l),
				 TEEC_ERROR_BAD_PARAMETERS);
	}
}

/* ------------------------------------------------------------------ */
/* Panics                                                              */
/* ------------------------------------------------------------------ */

/* The panic kills the new session's instance; the long-lived one (an
 * instance of its own) still answers. */
static void expect_panic(int v, uint32_t which)
{
	uint32_t origin = 0;

	if (ta_client_invoke_victim(&client, v, ASYM_CMD_PANIC, which,
				    &origin) != TEEC_ERROR_TARGET_DEAD)
		fail_msg("build %d, panic case %u did not panic", v, which);
	assert_int_equal(origin, TEEC_ORIGIN_TEE);
	assert_int_equal(generate(v, 0, TEE_TYPE_AES, 128, NULL),
			 TEEC_SUCCESS);
}

static void test_panics(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++)
		for (uint32_t which = 0; which < ASYM_PANIC_COUNT; which++)
			expect_panic(v, which);
}

static int setup(void **state)
{
	(void)state;
	return ta_client_start(&client, uuids);
}

static int teardown(void **state)
{
	(void)state;
	return ta_client_stop(&client);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rsa_sign_kat),
		cmocka_unit_test(test_rsa_sign_rules),
		cmocka_unit_test(test_rsa_encrypt_kat),
		cmocka_unit_test(test_rsa_every_hash),
		cmocka_unit_test(test_rsa_small_keys),
		cmocka_unit_test(test_dsa_kat),
		cmocka_unit_test(test_ecdsa_kat),
		cmocka_unit_test(test_ecdsa_generated),
		cmocka_unit_test(test_ecdh_kat),
		cmocka_unit_test(test_x25519_kat),
		cmocka_unit_test(test_dh_kat),
		cmocka_unit_test(test_ed25519_kat),
		cmocka_unit_test(test_ed25519_generated),
		cmocka_unit_test(test_sm2_pke),
		cmocka_unit_test(test_sm2_dsa),
		cmocka_unit_test(test_sm2_kep),
		cmocka_unit_test(test_hkdf_kat),
		cmocka_unit_test(test_pbkdf2_kat),
		cmocka_unit_test(test_concat_kdf_kat),
		cmocka_unit_test(test_generate),
		cmocka_unit_test(test_panics),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
