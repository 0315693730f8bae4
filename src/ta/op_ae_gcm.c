// SPDX-License-Identifier: BSD-2-Clause
/*
 * AES-GCM (NIST SP 800-38D) on libcrypto, streaming: AAD and payload go
 * through as they come.  Tags of 96 to 128 bits in steps of 8, as GP
 * lists them (OP-TEE takes the same); any nonce length but 0.
 */
#include <stdlib.h>
#include <string.h>

#include "op_sym.h"

#define TAG_MAX	16
#define TAG_MIN	12

struct gcm {
	EVP_CIPHER_CTX *ctx;
	size_t tag_len;
};

static struct gcm *ctx_of(const struct ta_operation *op)
{
	return op->ctx;
}

static TEE_Result gcm_alloc(struct ta_operation *op)
{
	op->ctx = calloc(1, sizeof(struct gcm));
	return op->ctx ? TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}

static void gcm_free(struct ta_operation *op)
{
	struct gcm *g = ctx_of(op);

	if (g)
		EVP_CIPHER_CTX_free(g->ctx);
	free(g);
	op->ctx = NULL;
}

static TEE_Result gcm_key_changed(struct ta_operation *op)
{
	struct gcm *g = ctx_of(op);

	EVP_CIPHER_CTX_free(g->ctx);
	g->ctx = NULL;
	if (!op->key[0])
		return TEE_SUCCESS;
	g->ctx = ta_sym_ctx_of(op, 0, "AES-*-GCM",
			       op->info.mode == TEE_MODE_ENCRYPT);
	return g->ctx ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

static TEE_Result gcm_copy(struct ta_operation *dst,
			   const struct ta_operation *src)
{
	struct gcm *d = ctx_of(dst);
	const struct gcm *s = ctx_of(src);

	EVP_CIPHER_CTX_free(d->ctx);
	d->ctx = NULL;
	d->tag_len = s->tag_len;
	if (!s->ctx)
		return TEE_SUCCESS;
	d->ctx = EVP_CIPHER_CTX_new();
	return d->ctx && EVP_CIPHER_CTX_copy(d->ctx, s->ctx) ?
	       TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}

/* ------------------------------------------------------------------ */

static TEE_Result gcm_init(struct ta_operation *op, const uint8_t *nonce,
			   size_t nonce_len, size_t tag_len, size_t aad_len,
			   size_t payload_len)
{
	struct gcm *g = ctx_of(op);

	(void)aad_len;
	(void)payload_len;
	if (tag_len < TAG_MIN || tag_len > TAG_MAX)
		return TEE_ERROR_NOT_SUPPORTED;
	if (!nonce_len || nonce_len > INT32_MAX)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (!EVP_CIPHER_CTX_ctrl(g->ctx, EVP_CTRL_AEAD_SET_IVLEN,
				 (int)nonce_len, NULL) ||
	    !EVP_CipherInit_ex2(g->ctx, NULL, NULL, nonce, -1, NULL))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	g->tag_len = tag_len;
	return TEE_SUCCESS;
}

/* AAD goes in with no output; libcrypto takes int lengths. */
static void gcm_aad(struct ta_operation *op, const uint8_t *in, size_t len)
{
	while (len) {
		int n = len > INT32_MAX ? INT32_MAX : (int)len;
		int outl = 0;

		if (!EVP_CipherUpdate(ctx_of(op)->ctx, NULL, &outl, in, n))
			TEE_Panic(TEE_ERROR_GENERIC);
		in += n;
		len -= (size_t)n;
	}
}

static void gcm_crypt(struct ta_operation *op, const uint8_t *in, size_t len,
		      uint8_t *out)
{
	ta_sym_run(ctx_of(op)->ctx, in, len, out);
}

static void gcm_tag(struct ta_operation *op, uint8_t *tag)
{
	struct gcm *g = ctx_of(op);
	uint8_t full[TAG_MAX];
	int outl = 0;

	if (!EVP_CipherFinal_ex(g->ctx, full, &outl) ||
	    !EVP_CIPHER_CTX_ctrl(g->ctx, EVP_CTRL_AEAD_GET_TAG, TAG_MAX, full))
		TEE_Panic(TEE_ERROR_GENERIC);
	memcpy(tag, full, g->tag_len);
}

/* libcrypto compares a truncated tag against as many bytes. */
static bool gcm_check(struct ta_operation *op, const uint8_t *tag, size_t len)
{
	struct gcm *g = ctx_of(op);
	uint8_t buf[TAG_MAX];
	int outl = 0;

	memcpy(buf, tag, len);
	if (!EVP_CIPHER_CTX_ctrl(g->ctx, EVP_CTRL_AEAD_SET_TAG, (int)len, buf))
		TEE_Panic(TEE_ERROR_GENERIC);
	return EVP_CipherFinal_ex(g->ctx, buf, &outl) > 0;
}

static const struct ta_ae_ops gcm_ops = {
	.init = gcm_init,
	.aad = gcm_aad,
	.crypt = gcm_crypt,
	.tag = gcm_tag,
	.check = gcm_check,
};

const struct ta_op_backend ta_ae_gcm_backend = {
	.alloc = gcm_alloc,
	.free = gcm_free,
	.copy = gcm_copy,
	.key_changed = gcm_key_changed,
	.ops = &gcm_ops,
};
