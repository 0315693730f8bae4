// SPDX-License-Identifier: BSD-2-Clause
/*
 * RSA (PKCS #1 v2.2, RFC 8017) on libcrypto: RSAES-PKCS1-v1_5,
 * RSAES-OAEP with MGF1 and every hash, raw RSA (TEE_ALG_RSA_NOPAD),
 * RSASSA-PKCS1-v1_5 with every hash and without one (OP-TEE's
 * TEE_ALG_RSASSA_PKCS1_V1_5: the caller's DigestInfo as it is), and
 * RSASSA-PSS.
 *
 * libcrypto computes with keys of any size (256-bit keys included);
 * what does not fit a small modulus (an OAEP or PSS encoding longer than
 * it) is TEE_ERROR_BAD_PARAMETERS.  Parameters: TEE_ATTR_RSA_OAEP_LABEL,
 * OP-TEE's TEE_ATTR_RSA_OAEP_MGF_HASH (a 4-byte TEE_ALG_* hash id; MGF1
 * uses the OAEP hash without it), TEE_ATTR_RSA_PSS_SALT_LENGTH (the
 * hash's length without it).
 */
#include <openssl/err.h>
#include <openssl/rsa.h>
#include <string.h>
#include <tee_api_defines_extensions.h>

#include "crypto_lib.h"
#include "op_asym.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static EVP_PKEY *rsa_load(const struct ta_operation *op)
{
	return ta_pkey_rsa(op->key[0]);
}

/* The modulus length in bytes: every output's length */
static size_t modulus_len(const struct ta_operation *op)
{
	return (size_t)EVP_PKEY_get_size(ta_asym_pkey(op));
}

/* A context ready for `init` with that padding; panics if libcrypto
 * cannot even start (out of memory). */
static EVP_PKEY_CTX *rsa_ctx(const struct ta_operation *op,
			     int (*init)(EVP_PKEY_CTX *), int padding)
{
	EVP_PKEY_CTX *c = ta_asym_pctx(op);

	if (init(c) != 1 || EVP_PKEY_CTX_set_rsa_padding(c, padding) != 1)
		TEE_Panic(TEE_ERROR_GENERIC);
	return c;
}

/* ------------------------------------------------------------------ */
/* RSAES: PKCS #1 v1.5 and OAEP                                        */
/* ------------------------------------------------------------------ */

/* MGF1's hash: OP-TEE's parameter, else the OAEP hash */
static const EVP_MD *mgf1_md(const struct ta_operation *op,
			     const struct ta_params *p)
{
	const TEE_Attribute *a = ta_param(p, TEE_ATTR_RSA_OAEP_MGF_HASH);
	uint32_t hash;

	if (!a)
		return ta_asym_md(op->alg->hash);
	if (a->content.ref.length != sizeof(hash) || !a->content.ref.buffer)
		return NULL;
	memcpy(&hash, a->content.ref.buffer, sizeof(hash));
	return ta_crypto_md(hash);
}

/* OAEP's hash, MGF1's hash and label; false for a bad MGF1 hash */
static bool set_oaep(EVP_PKEY_CTX *c, const struct ta_operation *op,
		     const struct ta_params *p)
{
	const TEE_Attribute *label = ta_param(p, TEE_ATTR_RSA_OAEP_LABEL);
	const EVP_MD *mgf = mgf1_md(op, p);
	void *copy = NULL;
	size_t len = label ? label->content.ref.length : 0;

	if (!mgf)
		return false;
	if (EVP_PKEY_CTX_set_rsa_oaep_md(c, ta_asym_md(op->alg->hash)) != 1 ||
	    EVP_PKEY_CTX_set_rsa_mgf1_md(c, mgf) != 1)
		TEE_Panic(TEE_ERROR_GENERIC);
	if (!len)
		return true;
	if (!label->content.ref.buffer)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	/* libcrypto takes the label's ownership */
	copy = OPENSSL_memdup(label->content.ref.buffer, len);
	if (!copy || EVP_PKEY_CTX_set0_rsa_oaep_label(c, copy, (int)len) != 1)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	return true;
}

static bool is_oaep(const struct ta_operation *op)
{
	return op->alg->id != TEE_ALG_RSAES_PKCS1_V1_5;
}

/* One RSAES operation; a failure is the input's fault: a message too
 * long for the key, a ciphertext that does not decrypt. */
static TEE_Result rsaes(struct ta_operation *op, const struct ta_params *p,
			const uint8_t *in, size_t len, uint8_t **out,
			size_t *out_len, bool enc)
{
	int padding = is_oaep(op) ? RSA_PKCS1_OAEP_PADDING :
				    RSA_PKCS1_PADDING;
	EVP_PKEY_CTX *c = rsa_ctx(op, enc ? EVP_PKEY_encrypt_init :
					    EVP_PKEY_decrypt_init, padding);
	TEE_Result res = TEE_SUCCESS;
	int ok;

	*out_len = modulus_len(op);
	*out = ta_asym_alloc(*out_len);
	if (is_oaep(op) && !set_oaep(c, op, p)) {
		res = TEE_ERROR_BAD_PARAMETERS;
	} else {
		ok = enc ? EVP_PKEY_encrypt(c, *out, out_len, in, len) :
			   EVP_PKEY_decrypt(c, *out, out_len, in, len);
		if (ok != 1)
			res = enc ? TEE_ERROR_BAD_PARAMETERS :
				    TEE_ERROR_CIPHERTEXT_INVALID;
	}
	ERR_clear_error();
	EVP_PKEY_CTX_free(c);
	return res;
}

static TEE_Result rsaes_encrypt(struct ta_operation *op,
				const struct ta_params *p, const uint8_t *in,
				size_t len, uint8_t **out, size_t *out_len)
{
	return rsaes(op, p, in, len, out, out_len, true);
}

static TEE_Result rsaes_decrypt(struct ta_operation *op,
				const struct ta_params *p, const uint8_t *in,
				size_t len, uint8_t **out, size_t *out_len)
{
	return rsaes(op, p, in, len, out, out_len, false);
}

static const struct ta_asym_ops rsaes_ops = {
	.load = rsa_load,
	.encrypt = rsaes_encrypt,
	.decrypt = rsaes_decrypt,
};

/* ------------------------------------------------------------------ */
/* Raw RSA                                                             */
/* ------------------------------------------------------------------ */

/*
 * x^e or x^d mod n.  The input is a number below n of at most the
 * modulus's length; the output loses its leading zero bytes (one stays
 * for 0), as OP-TEE's does.
 */
static TEE_Result nopad(struct ta_operation *op, const uint8_t *in,
			size_t len, uint8_t **out, size_t *out_len, bool enc)
{
	size_t k = modulus_len(op), skip = 0;
	uint8_t *x = ta_asym_alloc(k);
	EVP_PKEY_CTX *c;
	int ok = 0;

	*out = ta_asym_alloc(k);
	*out_len = k;
	if (len <= k) {
		memset(x, 0, k - len);
		memcpy(x + k - len, in, len);
		c = rsa_ctx(op, enc ? EVP_PKEY_encrypt_init :
				      EVP_PKEY_decrypt_init, RSA_NO_PADDING);
		ok = enc ? EVP_PKEY_encrypt(c, *out, out_len, x, k) :
			   EVP_PKEY_decrypt(c, *out, out_len, x, k);
		EVP_PKEY_CTX_free(c);
		ERR_clear_error();
	}
	OPENSSL_cleanse(x, k);
	free(x);
	if (ok != 1)
		return TEE_ERROR_BAD_PARAMETERS;
	while (skip + 1 < *out_len && !(*out)[skip])
		skip++;
	memmove(*out, *out + skip, *out_len - skip);
	*out_len -= skip;
	return TEE_SUCCESS;
}

static TEE_Result nopad_encrypt(struct ta_operation *op,
				const struct ta_params *p, const uint8_t *in,
				size_t len, uint8_t **out, size_t *out_len)
{
	(void)p;
	return nopad(op, in, len, out, out_len, true);
}

static TEE_Result nopad_decrypt(struct ta_operation *op,
				const struct ta_params *p, const uint8_t *in,
				size_t len, uint8_t **out, size_t *out_len)
{
	(void)p;
	return nopad(op, in, len, out, out_len, false);
}

static const struct ta_asym_ops nopad_ops = {
	.load = rsa_load,
	.encrypt = nopad_encrypt,
	.decrypt = nopad_decrypt,
};

/* ------------------------------------------------------------------ */
/* RSASSA: PKCS #1 v1.5 and PSS                                        */
/* ------------------------------------------------------------------ */

/* GP's algorithm ids: bits 8-11 are 9 for PSS, 8 for PKCS #1 v1.5 */
static bool is_pss(const struct ta_operation *op)
{
	return (op->alg->id & 0xf00) == 0x900;
}

/* PSS's salt: the parameter, else the hash's length (GP) */
static int salt_len(const struct ta_operation *op, const struct ta_params *p)
{
	const TEE_Attribute *a = ta_param(p, TEE_ATTR_RSA_PSS_SALT_LENGTH);

	if (a)
		return a->content.value.a > INT32_MAX ? -1 :
		       (int)a->content.value.a;
	return EVP_MD_get_size(ta_asym_md(op->alg->hash));
}

/* A context for signing or verifying with the algorithm's encoding;
 * NULL for a parameter that makes no encoding. */
static EVP_PKEY_CTX *rsassa_ctx(const struct ta_operation *op,
				const struct ta_params *p, bool sign)
{
	EVP_PKEY_CTX *c = rsa_ctx(op, sign ? EVP_PKEY_sign_init :
					     EVP_PKEY_verify_init,
				  is_pss(op) ? RSA_PKCS1_PSS_PADDING :
					       RSA_PKCS1_PADDING);
	int salt;

	if (op->alg->hash &&
	    EVP_PKEY_CTX_set_signature_md(c, ta_asym_md(op->alg->hash)) != 1)
		TEE_Panic(TEE_ERROR_GENERIC);
	if (!is_pss(op))
		return c;
	salt = salt_len(op, p);
	if (salt < 0 ||
	    EVP_PKEY_CTX_set_rsa_mgf1_md(c, ta_asym_md(op->alg->hash)) != 1 ||
	    EVP_PKEY_CTX_set_rsa_pss_saltlen(c, salt) != 1) {
		EVP_PKEY_CTX_free(c);
		ERR_clear_error();
		return NULL;
	}
	return c;
}

static TEE_Result rsassa_sign(struct ta_operation *op,
			      const struct ta_params *p,
			      const uint8_t *digest, size_t len,
			      uint8_t **out, size_t *out_len)
{
	EVP_PKEY_CTX *c = rsassa_ctx(op, p, true);
	TEE_Result res = TEE_ERROR_BAD_PARAMETERS;

	*out_len = modulus_len(op);
	*out = ta_asym_alloc(*out_len);
	/* fails for an encoding longer than the modulus */
	if (c && EVP_PKEY_sign(c, *out, out_len, digest, len) == 1)
		res = TEE_SUCCESS;
	ERR_clear_error();
	EVP_PKEY_CTX_free(c);
	return res;
}

static TEE_Result rsassa_verify(struct ta_operation *op,
				const struct ta_params *p,
				const uint8_t *digest, size_t len,
				const uint8_t *sig, size_t sig_len)
{
	EVP_PKEY_CTX *c = rsassa_ctx(op, p, false);
	TEE_Result res = TEE_ERROR_SIGNATURE_INVALID;

	if (!c)
		return TEE_ERROR_BAD_PARAMETERS;
	if (EVP_PKEY_verify(c, sig, sig_len, digest, len) == 1)
		res = TEE_SUCCESS;
	ERR_clear_error();
	EVP_PKEY_CTX_free(c);
	return res;
}

static const struct ta_asym_ops rsassa_ops = {
	.load = rsa_load,
	.sign = rsassa_sign,
	.verify = rsassa_verify,
};

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

static const struct ta_op_backend rsaes_backend = TA_ASYM_BACKEND(rsaes_ops);
static const struct ta_op_backend nopad_backend = TA_ASYM_BACKEND(nopad_ops);
static const struct ta_op_backend rsassa_backend =
	TA_ASYM_BACKEND(rsassa_ops);

#define RSA_KEYS							\
	.key_type = TEE_TYPE_RSA_KEYPAIR,				\
	.pub_type = TEE_TYPE_RSA_PUBLIC_KEY, .n_keys = 1

#define RSAES(alg, hash_) {						\
	.id = (alg), .op_class = TEE_OPERATION_ASYMMETRIC_CIPHER,	\
	.modes = TA_MODE(TEE_MODE_ENCRYPT) | TA_MODE(TEE_MODE_DECRYPT),	\
	RSA_KEYS, .hash = (hash_), .backend = &rsaes_backend }

#define RSASSA(alg, hash_) {						\
	.id = (alg), .op_class = TEE_OPERATION_ASYMMETRIC_SIGNATURE,	\
	.modes = TA_MODE(TEE_MODE_SIGN) | TA_MODE(TEE_MODE_VERIFY),	\
	RSA_KEYS, .hash = (hash_), .backend = &rsassa_backend }

static const struct ta_alg rsa_algs[] = {
	RSAES(TEE_ALG_RSAES_PKCS1_V1_5, 0),
	RSAES(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_MD5, TEE_ALG_MD5),
	RSAES(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA1, TEE_ALG_SHA1),
	RSAES(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA224, TEE_ALG_SHA224),
	RSAES(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA256, TEE_ALG_SHA256),
	RSAES(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA384, TEE_ALG_SHA384),
	RSAES(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA512, TEE_ALG_SHA512),
	RSAES(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA3_224, TEE_ALG_SHA3_224),
	RSAES(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA3_256, TEE_ALG_SHA3_256),
	RSAES(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA3_384, TEE_ALG_SHA3_384),
	RSAES(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA3_512, TEE_ALG_SHA3_512),
	/* Raw RSA needs both usages of each side, as in OP-TEE: it is
	 * the primitive of encryption and of signatures alike. */
	{ .id = TEE_ALG_RSA_NOPAD,
	  .op_class = TEE_OPERATION_ASYMMETRIC_CIPHER,
	  .modes = TA_MODE(TEE_MODE_ENCRYPT) | TA_MODE(TEE_MODE_DECRYPT),
	  RSA_KEYS, .backend = &nopad_backend,
	  .usage_override = {
		[TEE_MODE_ENCRYPT] = TEE_USAGE_ENCRYPT | TEE_USAGE_VERIFY,
		[TEE_MODE_DECRYPT] = TEE_USAGE_DECRYPT | TEE_USAGE_SIGN } },
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5, 0),
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5_MD5, TEE_ALG_MD5),
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5_SHA1, TEE_ALG_SHA1),
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5_SHA224, TEE_ALG_SHA224),
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_ALG_SHA256),
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5_SHA384, TEE_ALG_SHA384),
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5_SHA512, TEE_ALG_SHA512),
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5_SHA3_224, TEE_ALG_SHA3_224),
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5_SHA3_256, TEE_ALG_SHA3_256),
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5_SHA3_384, TEE_ALG_SHA3_384),
	RSASSA(TEE_ALG_RSASSA_PKCS1_V1_5_SHA3_512, TEE_ALG_SHA3_512),
	RSASSA(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_MD5, TEE_ALG_MD5),
	RSASSA(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA1, TEE_ALG_SHA1),
	RSASSA(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA224, TEE_ALG_SHA224),
	RSASSA(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA256, TEE_ALG_SHA256),
	RSASSA(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA384, TEE_ALG_SHA384),
	RSASSA(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA512, TEE_ALG_SHA512),
	RSASSA(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA3_224, TEE_ALG_SHA3_224),
	RSASSA(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA3_256, TEE_ALG_SHA3_256),
	RSASSA(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA3_384, TEE_ALG_SHA3_384),
	RSASSA(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA3_512, TEE_ALG_SHA3_512),
};

const struct ta_alg_list ta_algs_rsa = { rsa_algs, ARRAY_SIZE(rsa_algs) };
