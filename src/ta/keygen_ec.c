// SPDX-License-Identifier: BSD-2-Clause
/*
 * Elliptic-curve key pairs for TEE_GenerateKey, made by OpenSSL's EVP
 * key generation: the NIST curves P-192 ... P-521 (TEE_ATTR_ECC_CURVE
 * names one, and keySize must be its size), SM2, and the raw-value
 * curves X25519, Ed25519 and X448.
 */
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <string.h>
#include <tee_internal_api.h>

#include "keygen.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Weierstrass curves: the private scalar and the point's coordinates   */
/* ------------------------------------------------------------------ */

static const struct {
	uint32_t curve;		/* TEE_ECC_CURVE_* */
	uint32_t bits;
	const char *group;	/* OpenSSL's group name */
} nist_curves[] = {
	{ TEE_ECC_CURVE_NIST_P192, 192, "P-192" },
	{ TEE_ECC_CURVE_NIST_P224, 224, "P-224" },
	{ TEE_ECC_CURVE_NIST_P256, 256, "P-256" },
	{ TEE_ECC_CURVE_NIST_P384, 384, "P-384" },
	{ TEE_ECC_CURVE_NIST_P521, 521, "P-521" },
};

/* Private value, X, Y of an EC or SM2 key, in Populate's number form */
static TEE_Result store_point_key(EVP_PKEY *pkey, struct ta_keygen *out)
{
	static const struct {
		uint32_t id;
		const char *param;
	} parts[] = {
		{ TEE_ATTR_ECC_PRIVATE_VALUE, OSSL_PKEY_PARAM_PRIV_KEY },
		{ TEE_ATTR_ECC_PUBLIC_VALUE_X, OSSL_PKEY_PARAM_EC_PUB_X },
		{ TEE_ATTR_ECC_PUBLIC_VALUE_Y, OSSL_PKEY_PARAM_EC_PUB_Y },
	};
	TEE_Result res = TEE_SUCCESS;

	for (size_t i = 0; res == TEE_SUCCESS && i < ARRAY_SIZE(parts); i++) {
		BIGNUM *bn = NULL;

		if (!EVP_PKEY_get_bn_param(pkey, parts[i].param, &bn))
			return TEE_ERROR_GENERIC;
		res = ta_keygen_add_bn(out, parts[i].id, bn);
		BN_clear_free(bn);
	}
	return res;
}

/* A key of OpenSSL key type `name` ("EC", "SM2"), group `group` */
static TEE_Result generate_point_key(const char *name, const char *group,
				     struct ta_keygen *out)
{
	EVP_PKEY *pkey = EVP_PKEY_Q_keygen(NULL, NULL, name, group);
	TEE_Result res;

	if (!pkey)
		return TEE_ERROR_GENERIC;
	res = store_point_key(pkey, out);
	EVP_PKEY_free(pkey);
	return res;
}

/* A curve of another family, or of another size than keySize, is an
 * inconsistent parameter value. */
TEE_Result ta_keygen_nist(const struct ta_keygen_in *in,
			  struct ta_keygen *out)
{
	const struct ta_attr *curve = ta_keygen_param(in, TEE_ATTR_ECC_CURVE);
	TEE_Result res;

	for (size_t i = 0; i < ARRAY_SIZE(nist_curves); i++) {
		if (nist_curves[i].curve != curve->a)
			continue;
		if (nist_curves[i].bits != in->bits)
			return TEE_ERROR_BAD_PARAMETERS;
		res = generate_point_key("EC", nist_curves[i].group, out);
		if (res == TEE_SUCCESS)
			ta_keygen_add_value(out, TEE_ATTR_ECC_CURVE, curve->a,
					    0);
		return res;
	}
	return TEE_ERROR_BAD_PARAMETERS;
}

/* SM2 has one curve; GP code may name it, OP-TEE code does not, and the
 * key holds TEE_ATTR_ECC_CURVE only if it was given (as Populate). */
TEE_Result ta_keygen_sm2(const struct ta_keygen_in *in, struct ta_keygen *out)
{
	const struct ta_attr *curve = ta_keygen_param(in, TEE_ATTR_ECC_CURVE);
	TEE_Result res;

	if (curve && curve->a != TEE_ECC_CURVE_SM2)
		return TEE_ERROR_BAD_PARAMETERS;
	res = generate_point_key("SM2", NULL, out);
	if (res == TEE_SUCCESS && curve)
		ta_keygen_add_value(out, TEE_ATTR_ECC_CURVE, curve->a, 0);
	return res;
}

/* ------------------------------------------------------------------ */
/* Curves with raw values: X25519, Ed25519, X448                        */
/* ------------------------------------------------------------------ */

static const struct {
	uint32_t type;
	const char *name;	/* OpenSSL's key type */
	uint32_t priv_id, pub_id;
} raw_keys[] = {
	{ TEE_TYPE_X25519_KEYPAIR, "X25519", TEE_ATTR_X25519_PRIVATE_VALUE,
	  TEE_ATTR_X25519_PUBLIC_VALUE },
	{ TEE_TYPE_ED25519_KEYPAIR, "ED25519", TEE_ATTR_ED25519_PRIVATE_VALUE,
	  TEE_ATTR_ED25519_PUBLIC_VALUE },
	{ TEE_TYPE_X448_KEYPAIR, "X448", TEE_ATTR_X448_PRIVATE_VALUE,
	  TEE_ATTR_X448_PUBLIC_VALUE },
};

/* The raw private and public values (RFC 7748 / RFC 8032 encodings) */
static TEE_Result store_raw_key(EVP_PKEY *pkey, uint32_t priv_id,
				uint32_t pub_id, struct ta_keygen *out)
{
	uint8_t priv[57], pub[57];	/* X448's 56 bytes at most */
	size_t priv_len = sizeof(priv), pub_len = sizeof(pub);
	TEE_Result res = TEE_ERROR_GENERIC;

	if (EVP_PKEY_get_raw_private_key(pkey, priv, &priv_len) &&
	    EVP_PKEY_get_raw_public_key(pkey, pub, &pub_len))
		res = ta_keygen_add_buf(out, priv_id, priv, priv_len);
	if (res == TEE_SUCCESS)
		res = ta_keygen_add_buf(out, pub_id, pub, pub_len);
	explicit_bzero(priv, sizeof(priv));
	return res;
}

TEE_Result ta_keygen_raw(const struct ta_keygen_in *in, struct ta_keygen *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(raw_keys); i++) {
		EVP_PKEY *pkey;
		TEE_Result res;

		if (raw_keys[i].type != in->type)
			continue;
		pkey = EVP_PKEY_Q_keygen(NULL, NULL, raw_keys[i].name);
		if (!pkey)
			return TEE_ERROR_GENERIC;
		res = store_raw_key(pkey, raw_keys[i].priv_id,
				    raw_keys[i].pub_id, out);
		EVP_PKEY_free(pkey);
		return res;
	}
	return TEE_ERROR_NOT_SUPPORTED;
}
