// SPDX-License-Identifier: BSD-2-Clause
/*
 * The one signature scheme of the format, set up in one place so the
 * signer and the verifier cannot drift apart: RSASSA-PSS, SHA-256 as the
 * message digest and for MGF1, salt length = digest length (what the GP
 * algorithm TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA256 means).
 */
#include "ta_image_internal.h"

#include <openssl/rsa.h>

EVP_PKEY_CTX *ta_image_pss_ctx(EVP_PKEY *key, bool sign)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key, NULL);

	if (!ctx)
		return NULL;
	if ((sign ? EVP_PKEY_sign_init(ctx) : EVP_PKEY_verify_init(ctx)) > 0 &&
	    EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) > 0 &&
	    EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) > 0 &&
	    EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) > 0 &&
	    EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) > 0)
		return ctx;
	EVP_PKEY_CTX_free(ctx);
	return NULL;
}
