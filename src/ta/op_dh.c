// SPDX-License-Identifier: BSD-2-Clause
/*
 * Diffie-Hellman (PKCS #3), TEE_ALG_DH_DERIVE_SHARED_SECRET: the shared
 * secret y'^x mod p, computed with BIGNUM because libcrypto's DH refuses
 * primes under 512 bits and GP allows them from 256.  The peer's public
 * value is TEE_ATTR_DH_PUBLIC_VALUE, 1 < y' < p - 1.  The secret's
 * leading zero bytes are dropped, as OP-TEE drops them.
 */
#include <openssl/bn.h>

#include "op_asym.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* 1 < y < p - 1 */
static bool public_ok(const BIGNUM *y, const BIGNUM *p, BN_CTX *c)
{
	BIGNUM *p1 = BN_CTX_get(c);

	return p1 && BN_sub(p1, p, BN_value_one()) &&
	       BN_cmp(y, BN_value_one()) > 0 && BN_cmp(y, p1) < 0;
}

static TEE_Result dh_derive(struct ta_operation *op,
			    const struct ta_params *params, size_t max_len,
			    uint8_t **out, size_t *out_len)
{
	const TEE_Attribute *a = ta_param(params, TEE_ATTR_DH_PUBLIC_VALUE);
	BIGNUM *p = ta_obj_bn(op->key[0], TEE_ATTR_DH_PRIME);
	BIGNUM *x = ta_obj_bn(op->key[0], TEE_ATTR_DH_PRIVATE_VALUE);
	BN_CTX *c = BN_CTX_secure_new();
	BIGNUM *y = NULL, *z = NULL;
	TEE_Result res = TEE_ERROR_BAD_PARAMETERS;

	(void)max_len;
	if (!c || !p || !x)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	BN_CTX_start(c);
	y = BN_CTX_get(c);
	z = BN_CTX_get(c);
	if (a && z && (a->content.ref.buffer || !a->content.ref.length) &&
	    BN_bin2bn(a->content.ref.buffer, (int)a->content.ref.length, y) &&
	    public_ok(y, p, c) &&
	    BN_mod_exp_mont_consttime(z, y, x, p, c, NULL)) {
		*out_len = (size_t)BN_num_bytes(z);
		*out = ta_asym_alloc(*out_len);
		BN_bn2bin(z, *out);
		res = TEE_SUCCESS;
	}
	if (z)
		BN_clear(z);
	BN_CTX_end(c);
	BN_CTX_free(c);
	BN_free(p);
	BN_clear_free(x);
	return res;
}

static const struct ta_asym_ops dh_ops = {
	.derive = dh_derive,
};

static const struct ta_op_backend dh_backend = TA_ASYM_BACKEND(dh_ops);

static const struct ta_alg dh_algs[] = {
	{ .id = TEE_ALG_DH_DERIVE_SHARED_SECRET,
	  .op_class = TEE_OPERATION_KEY_DERIVATION,
	  .modes = TA_MODE(TEE_MODE_DERIVE),
	  .key_type = TEE_TYPE_DH_KEYPAIR, .n_keys = 1,
	  .backend = &dh_backend },
};

const struct ta_alg_list ta_algs_dh = { dh_algs, ARRAY_SIZE(dh_algs) };
