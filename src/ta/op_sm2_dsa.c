// SPDX-License-Identifier: BSD-2-Clause
/*
 * SM2 signatures (GB/T 32918.2), TEE_ALG_SM2_DSA_SM3, on libcrypto.  As
 * in GP and OP-TEE, the TA gives the digest e = SM3(Z || M) (Z, the
 * signer's identity hash, is the TA's to compute); the signature is
 * r || s, 32 bytes each.
 */
#include "op_sig_rs.h"
#include "sm2_util.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static EVP_PKEY *sm2_dsa_load(const struct ta_operation *op)
{
	return ta_pkey_ec(op->key[0], "SM2", "SM2");
}

static TEE_Result sm2_dsa_sign(struct ta_operation *op,
			       const struct ta_params *p,
			       const uint8_t *digest, size_t len,
			       uint8_t **out, size_t *out_len)
{
	(void)p;
	return ta_rs_sign(op, digest, len, TA_SM2_LEN, out, out_len);
}

static TEE_Result sm2_dsa_verify(struct ta_operation *op,
				 const struct ta_params *p,
				 const uint8_t *digest, size_t len,
				 const uint8_t *sig, size_t sig_len)
{
	(void)p;
	return ta_rs_verify(op, digest, len, TA_SM2_LEN, sig, sig_len);
}

static const struct ta_asym_ops sm2_dsa_ops = {
	.load = sm2_dsa_load,
	.sign = sm2_dsa_sign,
	.verify = sm2_dsa_verify,
};

static const struct ta_op_backend sm2_dsa_backend =
	TA_ASYM_BACKEND(sm2_dsa_ops);

static const struct ta_alg sm2_dsa_algs[] = {
	{ .id = TEE_ALG_SM2_DSA_SM3,
	  .op_class = TEE_OPERATION_ASYMMETRIC_SIGNATURE,
	  .modes = TA_MODE(TEE_MODE_SIGN) | TA_MODE(TEE_MODE_VERIFY),
	  .key_type = TEE_TYPE_SM2_DSA_KEYPAIR,
	  .pub_type = TEE_TYPE_SM2_DSA_PUBLIC_KEY, .n_keys = 1,
	  .elements = TA_ELEM_SM2, .hash = TEE_ALG_SM3,
	  .backend = &sm2_dsa_backend },
};

const struct ta_alg_list ta_algs_sm2_dsa = {
	sm2_dsa_algs, ARRAY_SIZE(sm2_dsa_algs)
};
