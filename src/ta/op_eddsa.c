// SPDX-License-Identifier: BSD-2-Clause
/*
 * Ed25519 (RFC 8032): TEE_ALG_ED25519 signs the message itself (GP's
 * "digest" argument).  Parameters, as GP v1.3.1 and OP-TEE take them:
 * TEE_ATTR_EDDSA_PREHASH (value a: 0, or 1 for Ed25519ph; b 0) and
 * TEE_ATTR_EDDSA_CTX (at most 255 bytes: Ed25519ctx, or Ed25519ph's
 * context).  Any other parameter, or one given twice, is
 * TEE_ERROR_BAD_PARAMETERS.
 *
 * Plain Ed25519 is libcrypto's; Ed25519ctx and Ed25519ph are
 * ed25519_bn.c's, because libcrypto 3.0 has neither.
 */
#include <openssl/err.h>

#include "ed25519_bn.h"
#include "op_asym.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* What the parameters ask for */
struct eddsa_params {
	bool ph;
	const uint8_t *ctx;
	size_t ctx_len;
};

static TEE_Result parse_one(const TEE_Attribute *a, struct eddsa_params *e,
			    bool *seen_ph, bool *seen_ctx)
{
	if (a->attributeID == TEE_ATTR_EDDSA_PREHASH && !*seen_ph) {
		*seen_ph = true;
		if (a->content.value.a > 1 || a->content.value.b)
			return TEE_ERROR_BAD_PARAMETERS;
		e->ph = a->content.value.a;
		return TEE_SUCCESS;
	}
	if (a->attributeID == TEE_ATTR_EDDSA_CTX && !*seen_ctx) {
		*seen_ctx = true;
		e->ctx = a->content.ref.buffer;
		e->ctx_len = a->content.ref.length;
		if (e->ctx_len > TA_ED25519_CTX_MAX || (e->ctx_len && !e->ctx))
			return TEE_ERROR_BAD_PARAMETERS;
		return TEE_SUCCESS;
	}
	return TEE_ERROR_BAD_PARAMETERS;
}

static TEE_Result parse(const struct ta_params *p, struct eddsa_params *e)
{
	bool seen_ph = false, seen_ctx = false;
	TEE_Result res = TEE_SUCCESS;

	*e = (struct eddsa_params){ .ph = false };
	for (uint32_t i = 0; res == TEE_SUCCESS && i < p->n; i++)
		res = parse_one(&p->attrs[i], e, &seen_ph, &seen_ctx);
	return res;
}

/* Plain Ed25519 (no dom2): libcrypto's */
static bool is_plain(const struct eddsa_params *e)
{
	return !e->ph && !e->ctx_len;
}

static EVP_PKEY *eddsa_load(const struct ta_operation *op)
{
	return ta_pkey_raw(op->key[0], "ED25519",
			   TEE_ATTR_ED25519_PRIVATE_VALUE,
			   TEE_ATTR_ED25519_PUBLIC_VALUE);
}

/* libcrypto's one-shot Ed25519 (sign: sig set; verify: sig given) */
static int plain(struct ta_operation *op, bool sign, const uint8_t *msg,
		 size_t len, uint8_t *sig, size_t *sig_len)
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	EVP_PKEY *pkey = ta_asym_pkey(op);
	int ok = 0;

	if (!c)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	if (sign)
		ok = EVP_DigestSignInit_ex(c, NULL, NULL, NULL, NULL, pkey,
					   NULL) == 1 &&
		     EVP_DigestSign(c, sig, sig_len, msg, len) == 1;
	else
		ok = EVP_DigestVerifyInit_ex(c, NULL, NULL, NULL, NULL, pkey,
					     NULL) == 1 &&
		     EVP_DigestVerify(c, sig, *sig_len, msg, len) == 1;
	EVP_MD_CTX_free(c);
	ERR_clear_error();
	return ok;
}

static TEE_Result eddsa_sign(struct ta_operation *op,
			     const struct ta_params *p, const uint8_t *msg,
			     size_t len, uint8_t **out, size_t *out_len)
{
	const struct ta_attr *priv = ta_object_attr(
		op->key[0], TEE_ATTR_ED25519_PRIVATE_VALUE);
	struct eddsa_params e;
	TEE_Result res = parse(p, &e);
	bool ok;

	if (res)
		return res;
	*out_len = 64;
	*out = ta_asym_alloc(64);
	if (is_plain(&e))
		ok = plain(op, true, msg, len, *out, out_len);
	else
		ok = priv && ta_ed25519_sign(priv->buf, e.ph, e.ctx,
					     e.ctx_len, msg, len, *out);
	if (!ok)
		TEE_Panic(TEE_ERROR_GENERIC);
	return TEE_SUCCESS;
}

static TEE_Result eddsa_verify(struct ta_operation *op,
			       const struct ta_params *p, const uint8_t *msg,
			       size_t len, const uint8_t *sig, size_t sig_len)
{
	const struct ta_attr *pub = ta_object_attr(
		op->key[0], TEE_ATTR_ED25519_PUBLIC_VALUE);
	struct eddsa_params e;
	TEE_Result res = parse(p, &e);
	int ok;

	if (res)
		return res;
	if (sig_len != 64)
		return TEE_ERROR_SIGNATURE_INVALID;
	if (is_plain(&e))
		ok = plain(op, false, msg, len, (uint8_t *)sig, &sig_len);
	else
		ok = pub ? ta_ed25519_verify(pub->buf, e.ph, e.ctx, e.ctx_len,
					     msg, len, sig) : -1;
	if (ok < 0)
		TEE_Panic(TEE_ERROR_GENERIC);
	return ok ? TEE_SUCCESS : TEE_ERROR_SIGNATURE_INVALID;
}

static const struct ta_asym_ops eddsa_ops = {
	.load = eddsa_load,
	.sign = eddsa_sign,
	.verify = eddsa_verify,
};

static const struct ta_op_backend eddsa_backend = TA_ASYM_BACKEND(eddsa_ops);

static const struct ta_alg eddsa_algs[] = {
	{ .id = TEE_ALG_ED25519,
	  .op_class = TEE_OPERATION_ASYMMETRIC_SIGNATURE,
	  .modes = TA_MODE(TEE_MODE_SIGN) | TA_MODE(TEE_MODE_VERIFY),
	  .key_type = TEE_TYPE_ED25519_KEYPAIR,
	  .pub_type = TEE_TYPE_ED25519_PUBLIC_KEY, .n_keys = 1,
	  .elements = TA_ELEM_25519, .backend = &eddsa_backend },
};

const struct ta_alg_list ta_algs_eddsa = {
	eddsa_algs, ARRAY_SIZE(eddsa_algs)
};
