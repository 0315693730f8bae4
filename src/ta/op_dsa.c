// SPDX-License-Identifier: BSD-2-Clause
/*
 * DSA (FIPS 186-4) on libcrypto: TEE_ALG_DSA_SHA1, _SHA224, _SHA256.
 * The signature is r || s, each as long as the subgroup order q; the
 * digest must be the algorithm's hash (op_asym.c checks), of which DSA
 * uses the leftmost bits when q is shorter.  Key sizes are GP's: L of
 * 512 to 1024 bits in steps of 64 with SHA-1, 2048 with SHA-224, 2048 or
 * 3072 with SHA-256.
 */
#include "op_sig_rs.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static EVP_PKEY *dsa_load(const struct ta_operation *op)
{
	return ta_pkey_dsa(op->key[0]);
}

/* The length of q, the length of r and of s */
static size_t q_len(const struct ta_operation *op)
{
	const struct ta_attr *q = ta_object_attr(op->key[0],
						 TEE_ATTR_DSA_SUBPRIME);

	return q ? q->len : 0;
}

static TEE_Result dsa_sign(struct ta_operation *op, const struct ta_params *p,
			   const uint8_t *digest, size_t len, uint8_t **out,
			   size_t *out_len)
{
	(void)p;
	return ta_rs_sign(op, digest, len, q_len(op), out, out_len);
}

static TEE_Result dsa_verify(struct ta_operation *op,
			     const struct ta_params *p, const uint8_t *digest,
			     size_t len, const uint8_t *sig, size_t sig_len)
{
	(void)p;
	return ta_rs_verify(op, digest, len, q_len(op), sig, sig_len);
}

static const struct ta_asym_ops dsa_ops = {
	.load = dsa_load,
	.sign = dsa_sign,
	.verify = dsa_verify,
};

static const struct ta_op_backend dsa_backend = TA_ASYM_BACKEND(dsa_ops);

#define DSA(alg, hash_, min, max, step) {				\
	.id = (alg), .op_class = TEE_OPERATION_ASYMMETRIC_SIGNATURE,	\
	.modes = TA_MODE(TEE_MODE_SIGN) | TA_MODE(TEE_MODE_VERIFY),	\
	.key_type = TEE_TYPE_DSA_KEYPAIR,				\
	.pub_type = TEE_TYPE_DSA_PUBLIC_KEY, .n_keys = 1,		\
	.key_min = (min), .key_max = (max), .key_step = (step),		\
	.hash = (hash_), .backend = &dsa_backend }

static const struct ta_alg dsa_algs[] = {
	DSA(TEE_ALG_DSA_SHA1, TEE_ALG_SHA1, 512, 1024, 64),
	DSA(TEE_ALG_DSA_SHA224, TEE_ALG_SHA224, 2048, 2048, 0),
	DSA(TEE_ALG_DSA_SHA256, TEE_ALG_SHA256, 2048, 3072, 1024),
};

const struct ta_alg_list ta_algs_dsa = { dsa_algs, ARRAY_SIZE(dsa_algs) };
