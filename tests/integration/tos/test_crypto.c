// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP symmetric cryptographic operations through the real stack: the
 * crypto test TA (vtee_crypto_ta.h), in its GP v1.3 and v1.1 builds, runs
 * operations of libvtee_ta.so in a sandboxed TA process.
 *
 * - test_known_answers: every vector of crypto_vectors.c (every
 *   algorithm and key size), whole and split into updates at several
 *   points, through a copied operation and after a reset; ciphers and AE
 *   both ways, MACs also compared, GCM at every tag length;
 * - test_cross_check: random keys, messages and update splits, checked
 *   against OpenSSL computing the same in this process;
 * - test_rules: GP's error results (short buffers, MAC_INVALID,
 *   NOT_SUPPORTED ...), checked inside the TA;
 * - test_panics: GP's panic reasons: the instance dies
 *   (TEE_ERROR_TARGET_DEAD, origin TEE) and nothing else does.
 */
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <tee_client_api.h>

#include "crypto_vectors.h"
#include "ta_client.h"
#include "vtee_crypto_ta.h"

#define GP13	0
#define GP11	1
static const TEEC_UUID uuids[2] = { CRYPTO_TA_UUID, CRYPTO_TA_GP11_UUID };

static struct ta_client client;

/* ------------------------------------------------------------------ */
/* Byte strings and requests                                           */
/* ------------------------------------------------------------------ */

struct bytes {
	uint8_t *p;
	size_t n;
};

static struct bytes unhex(const char *s)
{
	struct bytes b = { NULL, 0 };

	if (s && !strcmp(s, "@AAD64K")) {
		b.n = 65536;
		b.p = malloc(b.n);
		for (size_t i = 0; i < b.n; i++)
			b.p[i] = (uint8_t)i;
		return b;
	}
	b.n = s ? strlen(s) / 2 : 0;
	b.p = malloc(b.n + 1);
	for (size_t i = 0; i < b.n; i++)
		sscanf(s + 2 * i, "%2hhx", &b.p[i]);
	return b;
}

/* One operation for CRYPTO_CMD_RUN */
struct job {
	struct crypto_ta_req r;
	struct bytes key, key2, iv, aad, in, tag;
};

static uint8_t *req_blob(struct job *j, size_t *len)
{
	const struct bytes *f[6] = { &j->key, &j->key2, &j->iv, &j->aad,
				     &j->in, &j->tag };
	uint8_t *blob, *p;

	j->r.key_len = (uint32_t)j->key.n;
	j->r.key2_len = (uint32_t)j->key2.n;
	j->r.iv_len = (uint32_t)j->iv.n;
	j->r.aad_len = (uint32_t)j->aad.n;
	j->r.in_len = (uint32_t)j->in.n;
	j->r.tag_len = (uint32_t)j->tag.n;
	*len = sizeof(j->r);
	for (int i = 0; i < 6; i++)
		*len += f[i]->n;
	blob = malloc(*len);
	memcpy(blob, &j->r, sizeof(j->r));
	p = blob + sizeof(j->r);
	for (int i = 0; i < 6; i++) {
		if (f[i]->n)
			memcpy(p, f[i]->p, f[i]->n);
		p += f[i]->n;
	}
	return blob;
}

/* Runs j in build v; *out_len: what came out (or the size needed). */
static TEEC_Result run(int v, struct job *j, uint8_t *out, size_t cap,
		       size_t *out_len)
{
	TEEC_Operation op = { .paramTypes = TEEC_PARAM_TYPES(
			TEEC_MEMREF_TEMP_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
			TEEC_NONE, TEEC_NONE) };
	size_t len;
	uint8_t *blob = req_blob(j, &len);
	TEEC_Result res;

	op.params[0].tmpref.buffer = blob;
	op.params[0].tmpref.size = len;
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = cap;
	res = TEEC_InvokeCommand(&client.ses[v], CRYPTO_CMD_RUN, &op, NULL);
	*out_len = op.params[1].tmpref.size;
	free(blob);
	return res;
}

/* GP's class nibble (DES3-CMAC is an OP-TEE id outside the scheme) */
static uint32_t alg_class(uint32_t alg)
{
	return alg == TEE_ALG_DES3_CMAC ? TEE_OPERATION_MAC : alg >> 28;
}

static uint32_t class_mode(uint32_t alg)
{
	switch (alg_class(alg)) {
	case TEE_OPERATION_DIGEST:
		return TEE_MODE_DIGEST;
	case TEE_OPERATION_MAC:
		return TEE_MODE_MAC;
	default:
		return TEE_MODE_ENCRYPT;
	}
}

static void job_keys(struct job *j, uint32_t alg, uint32_t key_type)
{
	j->r.alg = alg;
	j->r.mode = class_mode(alg);
	j->r.key_type = key_type;
	j->r.max_key_bits = (uint32_t)(j->key.n + j->key2.n) * 8;
}

#define OUT_MAX	(128 * 1024)

/* ------------------------------------------------------------------ */
/* Known answers                                                       */
/* ------------------------------------------------------------------ */

struct kat_bytes {
	struct bytes key, key2, iv, aad, in, out, tag;
};

static void kat_load(const struct crypto_kat *k, struct kat_bytes *b)
{
	b->key = unhex(k->key);
	b->key2 = unhex(k->key2);
	b->iv = unhex(k->iv);
	b->aad = unhex(k->aad);
	b->in = unhex(k->in);
	b->out = unhex(k->out);
	b->tag = unhex(k->tag);
}

static void kat_free(struct kat_bytes *b)
{
	struct bytes *f[7] = { &b->key, &b->key2, &b->iv, &b->aad, &b->in,
			       &b->out, &b->tag };

	for (int i = 0; i < 7; i++)
		free(f[i]->p);
}

/* How data goes in: whole, one byte first, odd pieces, blocks, bytes */
static const uint32_t splits[][2] = {
	{ 0, 0 }, { 1, 0 }, { 5, 3 }, { 16, 16 }, { 1, 1 },
};
#define N_SPLITS	(sizeof(splits) / sizeof(splits[0]))

static void expect_run(const char *name, int v, struct job *j,
		       const struct bytes *want, TEEC_Result want_res)
{
	static uint8_t out[OUT_MAX];
	size_t len = 0;
	TEEC_Result res = run(v, j, out, sizeof(out), &len);

	if (res != want_res || (!res && want &&
				(len != want->n ||
				 memcmp(out, want->p, len)))) {
		print_error("%s (build %d, mode %u, split %u/%u, flags %#x): "
			    "result %#x, %zu bytes\n", name, v, j->r.mode,
			    j->r.first, j->r.chunk, j->r.flags, res, len);
		fail();
	}
}

static struct bytes concat(const struct bytes *a, const uint8_t *b,
			   size_t n)
{
	struct bytes c = { malloc(a->n + n + 1), a->n + n };

	memcpy(c.p, a->p, a->n);
	memcpy(c.p + a->n, b, n);
	return c;
}

/* Encrypt to ct || tag[0..t), and decrypt it back with that tag.  The
 * tag's bytes go both ways; encrypting, only their number counts (the
 * length of the tag to make). */
static void kat_ae(const struct crypto_kat *k, struct kat_bytes *b, int v,
		   struct job *j, size_t t)
{
	struct bytes sealed = concat(&b->out, b->tag.p, t);

	j->tag = (struct bytes){ b->tag.p, t };
	j->r.mode = TEE_MODE_ENCRYPT;
	j->in = b->in;
	expect_run(k->name, v, j, &sealed, TEEC_SUCCESS);
	j->r.mode = TEE_MODE_DECRYPT;
	j->in = b->out;
	expect_run(k->name, v, j, &b->in, TEEC_SUCCESS);
	free(sealed.p);
}

static void kat_split(const struct crypto_kat *k, struct kat_bytes *b,
		      int v, uint32_t first, uint32_t chunk, uint32_t flags)
{
	struct job j = { .key = b->key, .key2 = b->key2, .iv = b->iv,
			 .aad = b->aad, .in = b->in };
	uint32_t cls = alg_class(k->alg);

	job_keys(&j, k->alg, k->key_type);
	j.r.first = first;
	j.r.chunk = chunk;
	j.r.flags = flags;
	j.r.out_len = k->out_len;
	if (cls == TEE_OPERATION_AE) {
		kat_ae(k, b, v, &j, b->tag.n);
		return;
	}
	expect_run(k->name, v, &j, &b->out, TEEC_SUCCESS);
	if (cls == TEE_OPERATION_CIPHER) {
		j.r.mode = TEE_MODE_DECRYPT;
		j.in = b->out;
		expect_run(k->name, v, &j, &b->in, TEEC_SUCCESS);
	}
}

/* A MAC compared right, compared wrong; a digest extracted. */
static void kat_extra(const struct crypto_kat *k, struct kat_bytes *b, int v)
{
	struct job j = { .key = b->key, .key2 = b->key2, .iv = b->iv,
			 .aad = b->aad, .in = b->in };
	uint32_t cls = alg_class(k->alg);

	job_keys(&j, k->alg, k->key_type);
	j.r.out_len = k->out_len;
	if (cls == TEE_OPERATION_MAC) {
		j.r.flags = CRYPTO_F_COMPARE;
		j.tag = b->out;
		expect_run(k->name, v, &j, NULL, TEEC_SUCCESS);
		b->out.p[b->out.n - 1] ^= 1;
		expect_run(k->name, v, &j, NULL, TEE_ERROR_MAC_INVALID);
		b->out.p[b->out.n - 1] ^= 1;
	} else if (cls == TEE_OPERATION_DIGEST && v == GP13) {
		j.r.flags = CRYPTO_F_EXTRACT;
		j.r.first = 2;
		j.r.chunk = 5;
		expect_run(k->name, v, &j, &b->out, TEEC_SUCCESS);
	}
}

/* GCM: every shorter tag GP allows is the full tag's prefix. */
static void kat_gcm_tags(const struct crypto_kat *k, struct kat_bytes *b,
			 int v)
{
	struct job j = { .key = b->key, .iv = b->iv, .aad = b->aad };

	if (k->alg != TEE_ALG_AES_GCM)
		return;
	job_keys(&j, k->alg, k->key_type);
	for (size_t t = 12; t < 16; t++)
		kat_ae(k, b, v, &j, t);
}

static void test_known_answers(void **state)
{
	(void)state;
	for (size_t i = 0; i < crypto_n_kats; i++) {
		const struct crypto_kat *k = &crypto_kats[i];
		struct kat_bytes b;

		kat_load(k, &b);
		for (int v = 0; v < 2; v++) {
			for (size_t s = 0; s < N_SPLITS; s++)
				kat_split(k, &b, v, splits[s][0], splits[s][1],
					  0);
			kat_split(k, &b, v, 5, 3, CRYPTO_F_COPY_MID);
			kat_split(k, &b, v, 7, 0, CRYPTO_F_RESET_FIRST);
			kat_extra(k, &b, v);
			kat_gcm_tags(k, &b, v);
		}
		kat_free(&b);
	}
}

/* ------------------------------------------------------------------ */
/* Cross-check against OpenSSL                                         */
/* ------------------------------------------------------------------ */

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (uint32_t)(rng % n) : 0;
}

static struct bytes rnd_bytes(size_t n)
{
	struct bytes b = { malloc(n + 1), n };

	for (size_t i = 0; i < n; i++)
		b.p[i] = (uint8_t)rnd(256);
	return b;
}

/* An algorithm and how OpenSSL says the same: a digest or cipher name;
 * "HMAC:<digest>", "CMAC:<cipher>", "CBCMAC:<cipher>" (NOPAD) or
 * "CBCMAC5:<cipher>" (PKCS#5); "GCM:<cipher>", "CCM:<cipher>". */
struct xalg {
	uint32_t alg, key_type;
	uint8_t key_len, key2_len, iv_len;
	uint8_t block;		/* NOPAD: whole blocks only */
	uint8_t min_len;	/* CTS, XTS: at least a block */
	const char *ref;
};

static const struct xalg xalgs[] = {
	{ TEE_ALG_MD5, 0, 0, 0, 0, 0, 0, "MD5" },
	{ TEE_ALG_SHA1, 0, 0, 0, 0, 0, 0, "SHA1" },
	{ TEE_ALG_SHA256, 0, 0, 0, 0, 0, 0, "SHA256" },
	{ TEE_ALG_SHA512, 0, 0, 0, 0, 0, 0, "SHA512" },
	{ TEE_ALG_SHA3_384, 0, 0, 0, 0, 0, 0, "SHA3-384" },
	{ TEE_ALG_SHAKE128, 0, 0, 0, 0, 0, 0, "SHAKE128" },
	{ TEE_ALG_SHAKE256, 0, 0, 0, 0, 0, 0, "SHAKE256" },
	{ TEE_ALG_SM3, 0, 0, 0, 0, 0, 0, "SM3" },
	{ TEE_ALG_HMAC_SHA256, TEE_TYPE_HMAC_SHA256, 32, 0, 0, 0, 0,
	  "HMAC:SHA256" },
	{ TEE_ALG_HMAC_SHA3_512, TEE_TYPE_HMAC_SHA3_512, 80, 0, 0, 0, 0,
	  "HMAC:SHA3-512" },
	{ TEE_ALG_HMAC_SM3, TEE_TYPE_HMAC_SM3, 20, 0, 0, 0, 0, "HMAC:SM3" },
	{ TEE_ALG_AES_CMAC, TEE_TYPE_AES, 24, 0, 0, 0, 0,
	  "CMAC:AES-192-CBC" },
	{ TEE_ALG_DES3_CMAC, TEE_TYPE_DES3, 24, 0, 0, 0, 0,
	  "CMAC:DES-EDE3-CBC" },
	{ TEE_ALG_AES_CBC_MAC_NOPAD, TEE_TYPE_AES, 16, 0, 0, 16, 0,
	  "CBCMAC:AES-128-CBC" },
	{ TEE_ALG_AES_CBC_MAC_PKCS5, TEE_TYPE_AES, 32, 0, 0, 0, 0,
	  "CBCMAC5:AES-256-CBC" },
	{ TEE_ALG_DES3_CBC_MAC_PKCS5, TEE_TYPE_DES3, 24, 0, 0, 0, 0,
	  "CBCMAC5:DES-EDE3-CBC" },
	{ TEE_ALG_AES_ECB_NOPAD, TEE_TYPE_AES, 16, 0, 0, 16, 0,
	  "AES-128-ECB" },
	{ TEE_ALG_AES_CBC_NOPAD, TEE_TYPE_AES, 32, 0, 16, 16, 0,
	  "AES-256-CBC" },
	{ TEE_ALG_AES_CTR, TEE_TYPE_AES, 24, 0, 16, 0, 0, "AES-192-CTR" },
	{ TEE_ALG_AES_CTS, TEE_TYPE_AES, 16, 0, 16, 0, 16,
	  "AES-128-CBC-CTS" },
	{ TEE_ALG_AES_CTS, TEE_TYPE_AES, 32, 0, 16, 0, 16,
	  "AES-256-CBC-CTS" },
	{ TEE_ALG_AES_XTS, TEE_TYPE_AES, 16, 16, 16, 0, 16, "AES-128-XTS" },
	{ TEE_ALG_AES_XTS, TEE_TYPE_AES, 32, 32, 16, 0, 16, "AES-256-XTS" },
	{ TEE_ALG_DES3_CBC_NOPAD, TEE_TYPE_DES3, 24, 0, 8, 8, 0,
	  "DES-EDE3-CBC" },
	{ TEE_ALG_SM4_CBC_NOPAD, TEE_TYPE_SM4, 16, 0, 16, 16, 0, "SM4-CBC" },
	{ TEE_ALG_SM4_CTR, TEE_TYPE_SM4, 16, 0, 16, 0, 0, "SM4-CTR" },
	{ TEE_ALG_AES_GCM, TEE_TYPE_AES, 16, 0, 12, 0, 0, "GCM:AES-128-GCM" },
	{ TEE_ALG_AES_GCM, TEE_TYPE_AES, 32, 0, 0, 0, 0, "GCM:AES-256-GCM" },
	{ TEE_ALG_AES_CCM, TEE_TYPE_AES, 16, 0, 0, 0, 1, "CCM:AES-128-CCM" },
	{ TEE_ALG_AES_CCM, TEE_TYPE_AES, 32, 0, 0, 0, 1, "CCM:AES-256-CCM" },
};

static const char *after_colon(const char *s)
{
	return strchr(s, ':') + 1;
}

static bool prefixed(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

static size_t ref_digest(const struct xalg *x, const struct job *j,
			 uint8_t *out)
{
	EVP_MD *md = EVP_MD_fetch(NULL, x->ref, NULL);
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	unsigned int len = 0;
	size_t n = j->r.out_len;

	assert_true(EVP_DigestInit_ex2(c, md, NULL));
	assert_true(EVP_DigestUpdate(c, j->in.p, j->in.n));
	if (n)
		assert_true(EVP_DigestFinalXOF(c, out, n));
	else
		assert_true(EVP_DigestFinal_ex(c, out, &len));
	EVP_MD_CTX_free(c);
	EVP_MD_free(md);
	return n ? n : len;
}

/* Plain cipher runs: no padding; CTS is CS3, as GP's. */
static size_t ref_cipher(const char *name, const struct bytes *key,
			 const uint8_t *iv, const struct bytes *in,
			 uint8_t *out)
{
	EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, name, NULL);
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	OSSL_PARAM params[2] = {
		OSSL_PARAM_construct_utf8_string(OSSL_CIPHER_PARAM_CTS_MODE,
						 "CS3", 0),
		OSSL_PARAM_construct_end(),
	};
	int l1 = 0, l2 = 0;

	assert_non_null(cipher);
	assert_true(EVP_CipherInit_ex2(c, cipher, key->p, iv, 1,
				       strstr(name, "CTS") ? params : NULL));
	EVP_CIPHER_CTX_set_padding(c, 0);
	assert_true(EVP_CipherUpdate(c, out, &l1, in->p, (int)in->n));
	assert_true(EVP_CipherFinal_ex(c, out + l1, &l2));
	EVP_CIPHER_CTX_free(c);
	EVP_CIPHER_free(cipher);
	return (size_t)(l1 + l2);
}

static size_t ref_cbc_mac(const struct xalg *x, const struct job *j,
			  uint8_t *out)
{
	static uint8_t ct[OUT_MAX];
	static const uint8_t zero[16];
	struct bytes m = j->in;
	size_t block = strstr(x->ref, "DES") ? 8 : 16, n;

	if (prefixed(x->ref, "CBCMAC5:")) {
		uint8_t pad = (uint8_t)(block - j->in.n % block);

		m = concat(&j->in, (uint8_t[16]){ 0 }, pad);
		memset(m.p + j->in.n, pad, pad);
	}
	n = ref_cipher(after_colon(x->ref), &j->key, zero, &m, ct);
	memcpy(out, ct + n - block, block);
	if (m.p != j->in.p)
		free(m.p);
	return block;
}

static size_t ref_mac(const struct xalg *x, const struct job *j,
		      uint8_t *out)
{
	size_t len = 0;

	if (prefixed(x->ref, "CBCMAC"))
		return ref_cbc_mac(x, j, out);
	assert_non_null(EVP_Q_mac(NULL, prefixed(x->ref, "HMAC") ?
				  "HMAC" : "CMAC", NULL,
				  after_colon(x->ref), NULL, j->key.p,
				  j->key.n, j->in.p, j->in.n, out, 64, &len));
	return len;
}

/* GCM and CCM, one shot: ciphertext then tag. */
static size_t ref_ae(const struct xalg *x, const struct job *j,
		     uint8_t *out)
{
	EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, after_colon(x->ref),
					      NULL);
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	bool ccm = prefixed(x->ref, "CCM");
	int l = 0, t = (int)j->tag.n;

	assert_true(EVP_EncryptInit_ex2(c, cipher, NULL, NULL, NULL));
	assert_true(EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_IVLEN,
					(int)j->iv.n, NULL));
	if (ccm)
		assert_true(EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_TAG, t,
						NULL));
	assert_true(EVP_EncryptInit_ex2(c, NULL, j->key.p, j->iv.p, NULL));
	if (ccm)
		assert_true(EVP_EncryptUpdate(c, NULL, &l, NULL,
					      (int)j->in.n));
	if (j->aad.n)
		assert_true(EVP_EncryptUpdate(c, NULL, &l, j->aad.p,
					      (int)j->aad.n));
	assert_true(EVP_EncryptUpdate(c, out, &l, j->in.p, (int)j->in.n));
	assert_true(EVP_EncryptFinal_ex(c, out + l, &l));
	assert_true(EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_GET_TAG, t,
					out + j->in.n));
	EVP_CIPHER_CTX_free(c);
	EVP_CIPHER_free(cipher);
	return j->in.n + (size_t)t;
}

static size_t reference(const struct xalg *x, const struct job *j,
			uint8_t *out)
{
	struct bytes key = j->key;
	size_t n;

	switch (alg_class(x->alg)) {
	case TEE_OPERATION_DIGEST:
		return ref_digest(x, j, out);
	case TEE_OPERATION_MAC:
		return ref_mac(x, j, out);
	case TEE_OPERATION_AE:
		return ref_ae(x, j, out);
	default:
		if (j->key2.n)	/* XTS: both keys in one */
			key = concat(&j->key, j->key2.p, j->key2.n);
		n = ref_cipher(x->ref, &key, j->iv.n ? j->iv.p : NULL, &j->in,
			       out);
		if (key.p != j->key.p)
			free(key.p);
		return n;
	}
}

/* Random sizes the algorithm takes */
static void random_job(const struct xalg *x, struct job *j)
{
	size_t n = rnd(300);
	bool ae = alg_class(x->alg) == TEE_OPERATION_AE;
	bool ccm = x->alg == TEE_ALG_AES_CCM;

	if (x->block)
		n -= n % x->block;
	if (n < x->min_len)
		n = x->min_len + rnd(40);
	memset(j, 0, sizeof(*j));
	j->key = rnd_bytes(x->key_len);
	j->key2 = rnd_bytes(x->key2_len);
	j->iv = rnd_bytes(ae ? (ccm ? 7 + rnd(7) : 1 + rnd(24)) : x->iv_len);
	j->aad = rnd_bytes(ae ? rnd(70) : 0);
	j->in = rnd_bytes(n);
	job_keys(j, x->alg, x->key_type);
	if (x->alg == TEE_ALG_SHAKE128 || x->alg == TEE_ALG_SHAKE256)
		j->r.out_len = 1 + rnd(300);
	if (ae)
		j->tag = rnd_bytes(ccm ? 4 + 2 * rnd(7) : 12 + rnd(5));
	j->r.first = rnd(3) ? rnd(40) : 0;
	j->r.chunk = rnd(3) ? rnd(40) : 0;
}

static void job_free(struct job *j)
{
	struct bytes *f[6] = { &j->key, &j->key2, &j->iv, &j->aad, &j->in,
			       &j->tag };

	for (int i = 0; i < 6; i++)
		free(f[i]->p);
}

static void cross_one(const struct xalg *x, int v)
{
	static uint8_t want[OUT_MAX], got[OUT_MAX];
	struct job j;
	size_t n, len = 0;
	TEEC_Result res;

	random_job(x, &j);
	n = reference(x, &j, want);
	res = run(v, &j, got, sizeof(got), &len);
	if (res || len != n || memcmp(got, want, n)) {
		print_error("%s: build %d, %zu bytes, split %u/%u: result %#x,"
			    " %zu bytes\n", x->ref, v, j.in.n, j.r.first,
			    j.r.chunk, res, len);
		fail();
	}
	if (alg_class(x->alg) == TEE_OPERATION_CIPHER ||
	    alg_class(x->alg) == TEE_OPERATION_AE) {
		struct bytes plain = j.in;

		j.r.mode = TEE_MODE_DECRYPT;
		j.in = (struct bytes){ got, j.in.n };
		if (j.tag.n)	/* AE: the tag made */
			memcpy(j.tag.p, got + j.in.n, j.tag.n);
		expect_run(x->ref, v, &j, &plain, TEEC_SUCCESS);
		j.in = plain;
	}
	job_free(&j);
}

static void test_cross_check(void **state)
{
	(void)state;
	rng ^= (uint64_t)time(NULL);
	print_message("cross-check seed %#llx\n", (unsigned long long)rng);
	for (size_t i = 0; i < sizeof(xalgs) / sizeof(xalgs[0]); i++)
		for (int round = 0; round < 16; round++)
			cross_one(&xalgs[i], round % 2);
}

/* ------------------------------------------------------------------ */
/* Rules and panics                                                    */
/* ------------------------------------------------------------------ */

static void test_rules(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++) {
		for (uint32_t rule = 0; rule < CRYPTO_RULE_COUNT; rule++) {
			TEEC_Operation op = { .paramTypes = TEEC_PARAM_TYPES(
				TEEC_VALUE_INOUT, TEEC_NONE, TEEC_NONE,
				TEEC_NONE) };
			TEEC_Result res;

			op.params[0].value.a = rule;
			res = TEEC_InvokeCommand(&client.ses[v],
						 CRYPTO_CMD_RULE, &op, NULL);
			if (res)
				print_error("rule %u, build %d: %#x, failed at "
					    "crypto_ta_rules.c:%u\n", rule, v,
					    res, op.params[0].value.a);
			assert_int_equal(res, TEEC_SUCCESS);
		}
	}
}

/* The long-lived session still computes after a panic elsewhere. */
static void still_alive(int v)
{
	struct job j = { .in = unhex("616263") };
	struct bytes want = unhex("a9993e364706816aba3e25717850c26c9cd0d89d");

	job_keys(&j, TEE_ALG_SHA1, 0);
	expect_run("SHA-1 after a panic", v, &j, &want, TEEC_SUCCESS);
	free(j.in.p);
	free(want.p);
}

static void expect_panic(int v, uint32_t which)
{
	uint32_t origin = 0;
	TEEC_Result res = ta_client_invoke_victim(&client, v, CRYPTO_CMD_PANIC,
						  which, &origin);

	if (res != TEEC_ERROR_TARGET_DEAD)
		print_error("panic case %u, build %d: %#x\n", which, v, res);
	assert_int_equal(res, TEEC_ERROR_TARGET_DEAD);
	assert_int_equal(origin, TEEC_ORIGIN_TEE);
}

static void test_panics(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++) {
		for (uint32_t which = 0; which < CRYPTO_PANIC_COUNT; which++)
			expect_panic(v, which);
		still_alive(v);
	}
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
		cmocka_unit_test(test_known_answers),
		cmocka_unit_test(test_cross_check),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_panics),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
