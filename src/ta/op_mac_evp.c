// SPDX-License-Identifier: BSD-2-Clause
/*
 * HMAC (every hash) and CMAC (AES, DES3) on libcrypto's EVP_MAC.  The
 * hash or cipher is chosen when the operation or its key is set; each
 * TEE_MACInit starts a message with the key.  TEE_MACInit's IV is not
 * used (neither MAC has one).
 */
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <stdlib.h>
#include <string.h>

#include "crypto_lib.h"
#include "op_sym.h"

struct evp_mac {
	EVP_MAC_CTX *ctx;
};

static struct evp_mac *ctx_of(const struct ta_operation *op)
{
	return op->ctx;
}

static void evp_mac_free(struct ta_operation *op)
{
	struct evp_mac *m = ctx_of(op);

	if (m)
		EVP_MAC_CTX_free(m->ctx);
	free(m);
	op->ctx = NULL;
}

static TEE_Result evp_mac_copy(struct ta_operation *dst,
			       const struct ta_operation *src)
{
	struct evp_mac *d = ctx_of(dst);

	EVP_MAC_CTX_free(d->ctx);
	d->ctx = EVP_MAC_CTX_dup(ctx_of(src)->ctx);
	return d->ctx ? TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}

static TEE_Result new_ctx(struct ta_operation *op, const char *mac)
{
	struct evp_mac *m;
	EVP_MAC *impl = ta_crypto_mac(mac);

	if (!impl)
		return TEE_ERROR_NOT_SUPPORTED;
	m = calloc(1, sizeof(*m));
	if (!m)
		return TEE_ERROR_OUT_OF_MEMORY;
	op->ctx = m;
	m->ctx = EVP_MAC_CTX_new(impl);
	return m->ctx ? TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}

/* The key goes in at every Init (an HMAC or CMAC key setup is a block or
 * two of work). */
static void evp_mac_init(struct ta_operation *op)
{
	uint8_t key[TA_SYM_KEY_MAX];
	const struct ta_attr *k = ta_op_secret(op, 0);
	const uint8_t *bytes = k->buf;
	size_t len = k->len;
	int ok;

	if (op->key[0]->info.objectType == TEE_TYPE_DES3) {
		/* a two-key DES3 key as K1 K2 K1 */
		len = ta_sym_key(op, 0, key);
		bytes = key;
	}
	ok = EVP_MAC_init(ctx_of(op)->ctx, bytes, len, NULL);
	OPENSSL_cleanse(key, sizeof(key));
	if (!ok)
		TEE_Panic(TEE_ERROR_GENERIC);
}

static void evp_mac_update(struct ta_operation *op, const uint8_t *in,
			   size_t len)
{
	if (len && !EVP_MAC_update(ctx_of(op)->ctx, in, len))
		TEE_Panic(TEE_ERROR_GENERIC);
}

static void evp_mac_final(struct ta_operation *op, uint8_t *mac)
{
	size_t len = 0;

	if (!EVP_MAC_final(ctx_of(op)->ctx, mac, &len, op->alg->digest_len) ||
	    len != op->alg->digest_len)
		TEE_Panic(TEE_ERROR_GENERIC);
}

static const struct ta_mac_ops evp_mac_ops = {
	.init = evp_mac_init,
	.update = evp_mac_update,
	.final = evp_mac_final,
};

/* ------------------------------------------------------------------ */
/* HMAC: the hash is the algorithm's                                   */
/* ------------------------------------------------------------------ */

static TEE_Result hmac_alloc(struct ta_operation *op)
{
	const EVP_MD *md = ta_crypto_md(op->alg->hash);
	OSSL_PARAM params[2];
	TEE_Result res;

	if (!md)
		return TEE_ERROR_NOT_SUPPORTED;
	res = new_ctx(op, "HMAC");
	if (res)
		return res;
	params[0] = OSSL_PARAM_construct_utf8_string(
		OSSL_MAC_PARAM_DIGEST, (char *)EVP_MD_get0_name(md), 0);
	params[1] = OSSL_PARAM_construct_end();
	return EVP_MAC_CTX_set_params(ctx_of(op)->ctx, params) ?
	       TEE_SUCCESS : TEE_ERROR_NOT_SUPPORTED;
}

const struct ta_op_backend ta_mac_hmac_backend = {
	.alloc = hmac_alloc,
	.free = evp_mac_free,
	.copy = evp_mac_copy,
	.ops = &evp_mac_ops,
};

/* ------------------------------------------------------------------ */
/* CMAC: the cipher follows the key's size                             */
/* ------------------------------------------------------------------ */

static TEE_Result cmac_alloc(struct ta_operation *op)
{
	return new_ctx(op, "CMAC");
}

static const char *cmac_cipher(const struct ta_operation *op)
{
	if (op->key[0]->info.objectType == TEE_TYPE_DES3)
		return "DES-EDE3-CBC";
	switch (ta_op_secret(op, 0)->len) {
	case 16:
		return "AES-128-CBC";
	case 24:
		return "AES-192-CBC";
	default:
		return "AES-256-CBC";
	}
}

static TEE_Result cmac_key_changed(struct ta_operation *op)
{
	OSSL_PARAM params[2];

	if (!op->key[0])
		return TEE_SUCCESS;
	params[0] = OSSL_PARAM_construct_utf8_string(
		OSSL_MAC_PARAM_CIPHER, (char *)cmac_cipher(op), 0);
	params[1] = OSSL_PARAM_construct_end();
	return EVP_MAC_CTX_set_params(ctx_of(op)->ctx, params) ?
	       TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

const struct ta_op_backend ta_mac_cmac_backend = {
	.alloc = cmac_alloc,
	.free = evp_mac_free,
	.copy = evp_mac_copy,
	.key_changed = cmac_key_changed,
	.ops = &evp_mac_ops,
};
