// SPDX-License-Identifier: BSD-2-Clause
/*
 * ECDSA (FIPS 186-4) on the NIST curves P-192 ... P-521, on libcrypto.
 *
 * GP v1.3's TEE_ALG_ECDSA_SHA1 ... _SHA512 (and the SHA-3 ones) name the
 * hash: the digest must be of that length, and the curve is the key's,
 * any of the five (the dev kit's TEE_ALG_ECDSA_P192 ... _P521 are these
 * ids, so a TA written that way gets them too).  OP-TEE's older
 * __OPTEE_ALG_ECDSA_P192 ... _P521 name the curve: the key must be on it,
 * and the digest may be of any length (ECDSA uses its leftmost bits).
 * The signature is r || s, each of the curve's length.
 */
#include "op_sig_rs.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static EVP_PKEY *ecdsa_load(const struct ta_operation *op)
{
	const struct ta_object *key = op->key[0];
	uint32_t curve = ta_obj_value(key, TEE_ATTR_ECC_CURVE, 0), bits = 0;
	const char *group = ta_nist_group(curve, &bits);

	/* an algorithm naming a curve (key_max set) takes that one only */
	if (!group || (op->alg->key_max && bits != op->alg->key_max))
		return NULL;
	return ta_pkey_ec(key, "EC", group);
}

/* r and s are as long as the curve's field */
static size_t coord_len(const struct ta_operation *op)
{
	return (op->key[0]->info.objectSize + 7) / 8;
}

static TEE_Result ecdsa_sign(struct ta_operation *op,
			     const struct ta_params *p, const uint8_t *digest,
			     size_t len, uint8_t **out, size_t *out_len)
{
	(void)p;
	return ta_rs_sign(op, digest, len, coord_len(op), out, out_len);
}

static TEE_Result ecdsa_verify(struct ta_operation *op,
			       const struct ta_params *p,
			       const uint8_t *digest, size_t len,
			       const uint8_t *sig, size_t sig_len)
{
	(void)p;
	return ta_rs_verify(op, digest, len, coord_len(op), sig, sig_len);
}

static const struct ta_asym_ops ecdsa_ops = {
	.load = ecdsa_load,
	.sign = ecdsa_sign,
	.verify = ecdsa_verify,
};

static const struct ta_op_backend ecdsa_backend = TA_ASYM_BACKEND(ecdsa_ops);

#define ECDSA_ALG(alg, hash_, bits, elems) {				\
	.id = (alg), .op_class = TEE_OPERATION_ASYMMETRIC_SIGNATURE,	\
	.modes = TA_MODE(TEE_MODE_SIGN) | TA_MODE(TEE_MODE_VERIFY),	\
	.key_type = TEE_TYPE_ECDSA_KEYPAIR,				\
	.pub_type = TEE_TYPE_ECDSA_PUBLIC_KEY, .n_keys = 1,		\
	.key_min = (bits), .key_max = (bits), .elements = (elems),	\
	.hash = (hash_), .backend = &ecdsa_backend }

/* By hash: any curve (key sizes: the key type's) */
#define ECDSA(alg, hash_)	ECDSA_ALG(alg, hash_, 0, TA_ELEM_NIST)
/* By curve: that curve's size only, any digest */
#define ECDSA_ON(alg, bits, elem)	ECDSA_ALG(alg, 0, bits, elem)

static const struct ta_alg ecdsa_algs[] = {
	ECDSA(TEE_ALG_ECDSA_SHA1, TEE_ALG_SHA1),
	ECDSA(TEE_ALG_ECDSA_SHA224, TEE_ALG_SHA224),
	ECDSA(TEE_ALG_ECDSA_SHA256, TEE_ALG_SHA256),
	ECDSA(TEE_ALG_ECDSA_SHA384, TEE_ALG_SHA384),
	ECDSA(TEE_ALG_ECDSA_SHA512, TEE_ALG_SHA512),
	ECDSA(TEE_ALG_ECDSA_SHA3_224, TEE_ALG_SHA3_224),
	ECDSA(TEE_ALG_ECDSA_SHA3_256, TEE_ALG_SHA3_256),
	ECDSA(TEE_ALG_ECDSA_SHA3_384, TEE_ALG_SHA3_384),
	ECDSA(TEE_ALG_ECDSA_SHA3_512, TEE_ALG_SHA3_512),
	ECDSA_ON(__OPTEE_ALG_ECDSA_P192, 192, TA_ELEM_P192),
	ECDSA_ON(__OPTEE_ALG_ECDSA_P224, 224, TA_ELEM_P224),
	ECDSA_ON(__OPTEE_ALG_ECDSA_P256, 256, TA_ELEM_P256),
	ECDSA_ON(__OPTEE_ALG_ECDSA_P384, 384, TA_ELEM_P384),
	ECDSA_ON(__OPTEE_ALG_ECDSA_P521, 521, TA_ELEM_P521),
};

const struct ta_alg_list ta_algs_ecdsa = {
	ecdsa_algs, ARRAY_SIZE(ecdsa_algs)
};
