// SPDX-License-Identifier: BSD-2-Clause
/*
 * Elliptic-curve Diffie-Hellman on libcrypto: ECDH on the NIST curves
 * (the peer's point in TEE_ATTR_ECC_PUBLIC_VALUE_X/_Y; the secret is the
 * shared point's x, as long as the field) and X25519 (RFC 7748; the
 * peer's TEE_ATTR_X25519_PUBLIC_VALUE, 32 bytes).  A peer point off the
 * curve, or one that makes an all-zero X25519 secret, makes no secret.
 *
 * TEE_ALG_ECDH_DERIVE_SHARED_SECRET takes a key on any of the curves;
 * OP-TEE's __OPTEE_ALG_ECDH_P192 ... _P521 only on theirs.
 */
#include <openssl/err.h>

#include "op_asym.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* libcrypto's derivation between our key and the peer's */
static TEE_Result derive_with(struct ta_operation *op, EVP_PKEY *peer,
			      uint8_t **out, size_t *out_len)
{
	EVP_PKEY_CTX *c = ta_asym_pctx(op);
	TEE_Result res = TEE_ERROR_BAD_PARAMETERS;
	size_t len = 0;

	if (peer && EVP_PKEY_derive_init(c) == 1 &&
	    EVP_PKEY_derive_set_peer(c, peer) == 1 &&
	    EVP_PKEY_derive(c, NULL, &len) == 1) {
		*out = ta_asym_alloc(len);
		*out_len = len;
		if (EVP_PKEY_derive(c, *out, out_len) == 1)
			res = TEE_SUCCESS;
	}
	ERR_clear_error();
	EVP_PKEY_CTX_free(c);
	EVP_PKEY_free(peer);
	return res;
}

/* ------------------------------------------------------------------ */
/* ECDH                                                                */
/* ------------------------------------------------------------------ */

static const char *key_group(const struct ta_object *key, uint32_t *bits)
{
	return ta_nist_group(ta_obj_value(key, TEE_ATTR_ECC_CURVE, 0), bits);
}

static EVP_PKEY *ecdh_load(const struct ta_operation *op)
{
	uint32_t bits = 0;
	const char *group = key_group(op->key[0], &bits);

	if (!group || (op->alg->key_max && bits != op->alg->key_max))
		return NULL;
	return ta_pkey_ec(op->key[0], "EC", group);
}

static TEE_Result ecdh_derive(struct ta_operation *op,
			      const struct ta_params *p, size_t max_len,
			      uint8_t **out, size_t *out_len)
{
	const TEE_Attribute *x = ta_param(p, TEE_ATTR_ECC_PUBLIC_VALUE_X);
	const TEE_Attribute *y = ta_param(p, TEE_ATTR_ECC_PUBLIC_VALUE_Y);
	uint32_t bits = 0;
	const char *group = key_group(op->key[0], &bits);

	(void)max_len;
	if (!x || !y || !group)
		return TEE_ERROR_BAD_PARAMETERS;
	return derive_with(op, ta_pkey_ec_public("EC", group, bits, x, y),
			   out, out_len);
}

static const struct ta_asym_ops ecdh_ops = {
	.load = ecdh_load,
	.derive = ecdh_derive,
};

static const struct ta_op_backend ecdh_backend = TA_ASYM_BACKEND(ecdh_ops);

/* ------------------------------------------------------------------ */
/* X25519                                                              */
/* ------------------------------------------------------------------ */

static EVP_PKEY *x25519_load(const struct ta_operation *op)
{
	return ta_pkey_raw(op->key[0], "X25519",
			   TEE_ATTR_X25519_PRIVATE_VALUE,
			   TEE_ATTR_X25519_PUBLIC_VALUE);
}

static TEE_Result x25519_derive(struct ta_operation *op,
				const struct ta_params *p, size_t max_len,
				uint8_t **out, size_t *out_len)
{
	const TEE_Attribute *a = ta_param(p, TEE_ATTR_X25519_PUBLIC_VALUE);

	(void)max_len;
	if (!a || a->content.ref.length != 32 || !a->content.ref.buffer)
		return TEE_ERROR_BAD_PARAMETERS;
	return derive_with(op, EVP_PKEY_new_raw_public_key_ex(
				   NULL, "X25519", NULL,
				   a->content.ref.buffer, 32),
			   out, out_len);
}

static const struct ta_asym_ops x25519_ops = {
	.load = x25519_load,
	.derive = x25519_derive,
};

static const struct ta_op_backend x25519_backend =
	TA_ASYM_BACKEND(x25519_ops);

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

#define ECDH(alg, bits, elems) {					\
	.id = (alg), .op_class = TEE_OPERATION_KEY_DERIVATION,		\
	.modes = TA_MODE(TEE_MODE_DERIVE),				\
	.key_type = TEE_TYPE_ECDH_KEYPAIR, .n_keys = 1,			\
	.key_min = (bits), .key_max = (bits), .elements = (elems),	\
	.backend = &ecdh_backend }

static const struct ta_alg ecdh_algs[] = {
	ECDH(TEE_ALG_ECDH_DERIVE_SHARED_SECRET, 0, TA_ELEM_NIST),
	ECDH(__OPTEE_ALG_ECDH_P192, 192, TA_ELEM_P192),
	ECDH(__OPTEE_ALG_ECDH_P224, 224, TA_ELEM_P224),
	ECDH(__OPTEE_ALG_ECDH_P256, 256, TA_ELEM_P256),
	ECDH(__OPTEE_ALG_ECDH_P384, 384, TA_ELEM_P384),
	ECDH(__OPTEE_ALG_ECDH_P521, 521, TA_ELEM_P521),
	{ .id = TEE_ALG_X25519, .op_class = TEE_OPERATION_KEY_DERIVATION,
	  .modes = TA_MODE(TEE_MODE_DERIVE),
	  .key_type = TEE_TYPE_X25519_KEYPAIR, .n_keys = 1,
	  .elements = TA_ELEM_25519, .backend = &x25519_backend },
};

const struct ta_alg_list ta_algs_ecdh = { ecdh_algs, ARRAY_SIZE(ecdh_algs) };
