// SPDX-License-Identifier: BSD-2-Clause
/*
 * (r, s) signatures: DSA, ECDSA and SM2.  libcrypto signs and verifies
 * the DER SEQUENCE { r INTEGER, s INTEGER }; GP's signature is r || s,
 * each number of a fixed length (the subgroup order's for DSA, the
 * curve's for ECDSA and SM2).  ECDSA_SIG has the same DER form as
 * DSA_SIG, so it serves all three.
 */
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <stdlib.h>

#include "op_sig_rs.h"

/* DER to r || s, each n bytes; false if libcrypto's output is odd */
static bool der_to_raw(const uint8_t *der, size_t len, size_t n,
		       uint8_t *out)
{
	const unsigned char *p = der;
	ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &p, (long)len);
	const BIGNUM *r, *s;
	bool ok;

	if (!sig)
		return false;
	ECDSA_SIG_get0(sig, &r, &s);
	ok = ta_bn_to_fixed(r, out, n) && ta_bn_to_fixed(s, out + n, n);
	ECDSA_SIG_free(sig);
	return ok;
}

/* r || s to DER (*der OPENSSL_malloc'd); 0 if it cannot be */
static int raw_to_der(const uint8_t *raw, size_t n, unsigned char **der)
{
	ECDSA_SIG *sig = ECDSA_SIG_new();
	BIGNUM *r = BN_bin2bn(raw, (int)n, NULL);
	BIGNUM *s = BN_bin2bn(raw + n, (int)n, NULL);
	int len = 0;

	if (sig && r && s && ECDSA_SIG_set0(sig, r, s) == 1) {
		r = s = NULL;	/* the signature owns them */
		len = i2d_ECDSA_SIG(sig, der);
	}
	BN_free(r);
	BN_free(s);
	ECDSA_SIG_free(sig);
	return len > 0 ? len : 0;
}

TEE_Result ta_rs_sign(struct ta_operation *op, const uint8_t *digest,
		      size_t len, size_t n, uint8_t **out, size_t *out_len)
{
	EVP_PKEY_CTX *c = ta_asym_pctx(op);
	size_t der_len = 0;
	uint8_t *der = NULL;
	bool ok;

	ok = EVP_PKEY_sign_init(c) == 1 &&
	     EVP_PKEY_sign(c, NULL, &der_len, digest, len) == 1;
	if (ok) {
		der = ta_asym_alloc(der_len);
		ok = EVP_PKEY_sign(c, der, &der_len, digest, len) == 1;
	}
	EVP_PKEY_CTX_free(c);
	*out_len = 2 * n;
	*out = ta_asym_alloc(*out_len);
	if (ok)
		ok = der_to_raw(der, der_len, n, *out);
	free(der);
	ERR_clear_error();
	/* a key libcrypto took and then cannot sign with */
	return ok ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

TEE_Result ta_rs_verify(struct ta_operation *op, const uint8_t *digest,
			size_t len, size_t n, const uint8_t *sig,
			size_t sig_len)
{
	EVP_PKEY_CTX *c;
	unsigned char *der = NULL;
	int der_len;
	TEE_Result res = TEE_ERROR_SIGNATURE_INVALID;

	if (sig_len != 2 * n)
		return TEE_ERROR_SIGNATURE_INVALID;
	der_len = raw_to_der(sig, n, &der);
	if (!der_len)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	c = ta_asym_pctx(op);
	if (EVP_PKEY_verify_init(c) == 1 &&
	    EVP_PKEY_verify(c, der, (size_t)der_len, digest, len) == 1)
		res = TEE_SUCCESS;
	EVP_PKEY_CTX_free(c);
	OPENSSL_free(der);
	ERR_clear_error();
	return res;
}
