// SPDX-License-Identifier: BSD-2-Clause
/*
 * OP-TEE's key derivation extensions (tee_api_defines_extensions.h), on
 * libcrypto's KDFs:
 *
 * - HKDF (RFC 5869), TEE_ALG_HKDF_<hash>_DERIVE_KEY, from a
 *   TEE_TYPE_HKDF_IKM key: salt (OP-TEE's __OPTEE_TEE_ATTR_HKDF_SALT or
 *   GP's TEE_ATTR_HKDF_SALT) and info (likewise) optional, the output's
 *   length in bytes (TEE_ATTR_HKDF_OKM_LENGTH or TEE_ATTR_KDF_KEY_SIZE)
 *   mandatory;
 * - Concat KDF (NIST SP 800-56A §5.8.1, libcrypto's single-step "SSKDF"
 *   with a hash), TEE_ALG_CONCAT_KDF_<hash>_DERIVE_KEY, from a
 *   TEE_TYPE_CONCAT_KDF_Z key: TEE_ATTR_CONCAT_KDF_OTHER_INFO optional,
 *   TEE_ATTR_CONCAT_KDF_DKM_LENGTH mandatory;
 * - PBKDF2 (RFC 8018 §5.2), TEE_ALG_PBKDF2_HMAC_<hash>_DERIVE_KEY, from a
 *   TEE_TYPE_PBKDF2_PASSWORD key: TEE_ATTR_PBKDF2_SALT optional,
 *   TEE_ATTR_PBKDF2_ITERATION_COUNT and _DKM_LENGTH mandatory; without
 *   SP 800-132's lower bounds (RFC 6070's vectors break them), as
 *   OP-TEE.
 */
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <string.h>
#include <tee_api_defines_extensions.h>

#include "op_asym.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* The families' libcrypto names */
enum kdf_kind { KDF_HKDF, KDF_CONCAT, KDF_PBKDF2 };

static const char *const kdf_names[] = {
	[KDF_HKDF] = "HKDF", [KDF_CONCAT] = "SSKDF", [KDF_PBKDF2] = "PBKDF2",
};

/* Each KDF is fetched once and kept for the process's life. */
static EVP_KDF *kdf_of(enum kdf_kind kind)
{
	static EVP_KDF *kdfs[ARRAY_SIZE(kdf_names)];

	if (!kdfs[kind])
		kdfs[kind] = EVP_KDF_fetch(NULL, kdf_names[kind], NULL);
	if (!kdfs[kind])
		TEE_Panic(TEE_ERROR_NOT_SUPPORTED);
	return kdfs[kind];
}

/* A buffer parameter (the first of two ids found) as an octet string;
 * false if its buffer is NULL with a length */
static bool push_buf(OSSL_PARAM *out, const char *name,
		     const struct ta_params *p, uint32_t id1, uint32_t id2,
		     size_t *n)
{
	const TEE_Attribute *a = ta_param(p, id1);

	if (!a && id2)
		a = ta_param(p, id2);
	if (!a)
		return true;
	if (!a->content.ref.buffer && a->content.ref.length)
		return false;
	/* libcrypto copies it; an empty one needs a non-NULL pointer */
	out[(*n)++] = OSSL_PARAM_construct_octet_string(
		name, a->content.ref.buffer ? a->content.ref.buffer : "",
		a->content.ref.length);
	return true;
}

/* A value parameter's a (the first of two ids found), or 0 */
static uint32_t value_of(const struct ta_params *p, uint32_t id1,
			 uint32_t id2)
{
	const TEE_Attribute *a = ta_param(p, id1);

	if (!a && id2)
		a = ta_param(p, id2);
	return a ? a->content.value.a : 0;
}

/* The KDF over the key's secret (the type's one attribute) */
static TEE_Result run(struct ta_operation *op, enum kdf_kind kind,
		      OSSL_PARAM *params, size_t n, size_t len,
		      uint8_t **out, size_t *out_len)
{
	const struct ta_attr *key = op->key[0]->nattrs ?
				    &op->key[0]->attrs[0] : NULL;
	EVP_KDF_CTX *c;
	static const char empty[1];
	const char *key_name = kind == KDF_PBKDF2 ? OSSL_KDF_PARAM_PASSWORD :
				  kind == KDF_CONCAT ? OSSL_KDF_PARAM_SECRET :
						      OSSL_KDF_PARAM_KEY;
	TEE_Result res = TEE_ERROR_BAD_PARAMETERS;

	if (!len || !key)
		return TEE_ERROR_BAD_PARAMETERS;
	params[n++] = OSSL_PARAM_construct_octet_string(
		key_name, key->len ? key->buf : (void *)empty, key->len);
	params[n++] = OSSL_PARAM_construct_utf8_string(
		OSSL_KDF_PARAM_DIGEST,
		(char *)EVP_MD_get0_name(ta_asym_md(op->alg->hash)), 0);
	params[n] = OSSL_PARAM_construct_end();
	c = EVP_KDF_CTX_new(kdf_of(kind));
	if (!c)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	*out = ta_asym_alloc(len);
	*out_len = len;
	if (EVP_KDF_derive(c, *out, len, params) == 1)
		res = TEE_SUCCESS;
	EVP_KDF_CTX_free(c);
	ERR_clear_error();
	return res;
}

/* Room for every parameter a KDF takes, the key, digest and end */
#define KDF_PARAMS	8

static TEE_Result hkdf_derive(struct ta_operation *op,
			      const struct ta_params *p, size_t max_len,
			      uint8_t **out, size_t *out_len)
{
	OSSL_PARAM params[KDF_PARAMS];
	size_t n = 0;

	(void)max_len;
	if (!push_buf(params, OSSL_KDF_PARAM_SALT, p,
		      __OPTEE_TEE_ATTR_HKDF_SALT, TEE_ATTR_HKDF_SALT, &n) ||
	    !push_buf(params, OSSL_KDF_PARAM_INFO, p, __OPTEE_ATTR_HKDF_INFO,
		      TEE_ATTR_HKDF_INFO, &n))
		return TEE_ERROR_BAD_PARAMETERS;
	return run(op, KDF_HKDF, params, n,
		   value_of(p, TEE_ATTR_HKDF_OKM_LENGTH, TEE_ATTR_KDF_KEY_SIZE),
		   out, out_len);
}

static TEE_Result concat_derive(struct ta_operation *op,
				const struct ta_params *p, size_t max_len,
				uint8_t **out, size_t *out_len)
{
	OSSL_PARAM params[KDF_PARAMS];
	size_t n = 0;

	(void)max_len;
	if (!push_buf(params, OSSL_KDF_PARAM_INFO, p,
		      TEE_ATTR_CONCAT_KDF_OTHER_INFO, 0, &n))
		return TEE_ERROR_BAD_PARAMETERS;
	return run(op, KDF_CONCAT, params, n,
		   value_of(p, TEE_ATTR_CONCAT_KDF_DKM_LENGTH, 0), out,
		   out_len);
}

static TEE_Result pbkdf2_derive(struct ta_operation *op,
				const struct ta_params *p, size_t max_len,
				uint8_t **out, size_t *out_len)
{
	OSSL_PARAM params[KDF_PARAMS];
	/* libcrypto's own lower bounds off: RFC 8018 has none */
	static int pkcs5 = 1;
	uint64_t iter = value_of(p, TEE_ATTR_PBKDF2_ITERATION_COUNT, 0);
	size_t n = 0;

	(void)max_len;
	if (!iter || !push_buf(params, OSSL_KDF_PARAM_SALT, p,
			       TEE_ATTR_PBKDF2_SALT, 0, &n))
		return TEE_ERROR_BAD_PARAMETERS;
	/* libcrypto insists on a salt; no salt is the empty one */
	if (!n)
		params[n++] = OSSL_PARAM_construct_octet_string(
			OSSL_KDF_PARAM_SALT, (void *)"", 0);
	params[n++] = OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_ITER, &iter);
	params[n++] = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_PKCS5, &pkcs5);
	return run(op, KDF_PBKDF2, params, n,
		   value_of(p, TEE_ATTR_PBKDF2_DKM_LENGTH, 0), out, out_len);
}

#define KDF_BACKEND(name, fn)						\
	static const struct ta_asym_ops name##_ops = { .derive = fn };	\
	static const struct ta_op_backend name##_backend =		\
		TA_ASYM_BACKEND(name##_ops)

KDF_BACKEND(hkdf, hkdf_derive);
KDF_BACKEND(concat, concat_derive);
KDF_BACKEND(pbkdf2, pbkdf2_derive);

#define KDF(alg, hash_, type, name) {					\
	.id = (alg), .op_class = TEE_OPERATION_KEY_DERIVATION,		\
	.modes = TA_MODE(TEE_MODE_DERIVE), .key_type = (type),		\
	.n_keys = 1, .hash = (hash_), .backend = &name##_backend }

#define HKDF(alg, hash_)	KDF(alg, hash_, TEE_TYPE_HKDF_IKM, hkdf)
#define CONCAT(alg, hash_)	KDF(alg, hash_, TEE_TYPE_CONCAT_KDF_Z, concat)
#define PBKDF2(alg, hash_)	KDF(alg, hash_, TEE_TYPE_PBKDF2_PASSWORD, \
				    pbkdf2)

static const struct ta_alg kdf_algs[] = {
	HKDF(TEE_ALG_HKDF_MD5_DERIVE_KEY, TEE_ALG_MD5),
	HKDF(TEE_ALG_HKDF_SHA1_DERIVE_KEY, TEE_ALG_SHA1),
	HKDF(TEE_ALG_HKDF_SHA224_DERIVE_KEY, TEE_ALG_SHA224),
	HKDF(TEE_ALG_HKDF_SHA256_DERIVE_KEY, TEE_ALG_SHA256),
	HKDF(TEE_ALG_HKDF_SHA384_DERIVE_KEY, TEE_ALG_SHA384),
	HKDF(TEE_ALG_HKDF_SHA512_DERIVE_KEY, TEE_ALG_SHA512),
	CONCAT(TEE_ALG_CONCAT_KDF_SHA1_DERIVE_KEY, TEE_ALG_SHA1),
	CONCAT(TEE_ALG_CONCAT_KDF_SHA224_DERIVE_KEY, TEE_ALG_SHA224),
	CONCAT(TEE_ALG_CONCAT_KDF_SHA256_DERIVE_KEY, TEE_ALG_SHA256),
	CONCAT(TEE_ALG_CONCAT_KDF_SHA384_DERIVE_KEY, TEE_ALG_SHA384),
	CONCAT(TEE_ALG_CONCAT_KDF_SHA512_DERIVE_KEY, TEE_ALG_SHA512),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SHA1_DERIVE_KEY, TEE_ALG_SHA1),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SHA224_DERIVE_KEY, TEE_ALG_SHA224),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SHA256_DERIVE_KEY, TEE_ALG_SHA256),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SHA384_DERIVE_KEY, TEE_ALG_SHA384),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SHA512_DERIVE_KEY, TEE_ALG_SHA512),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SM3_DERIVE_KEY, TEE_ALG_SM3),
};

const struct ta_alg_list ta_algs_kdf = { kdf_algs, ARRAY_SIZE(kdf_algs) };
