// SPDX-License-Identifier: BSD-2-Clause
/*
 * ECB, CBC (NOPAD) and CTR ciphers straight on libcrypto: its own
 * buffering of partial blocks is GP's (an update writes whole blocks
 * only; CTR writes everything), so the data goes through once, with no
 * copy of ours.  The key schedule is made when the key is set; Init only
 * sets the IV.
 */
#include <stdlib.h>

#include "op_sym.h"

struct evp_cipher {
	EVP_CIPHER_CTX *ctx;
	size_t pending;		/* bytes in, not yet out (block modes) */
};

static struct evp_cipher *ctx_of(const struct ta_operation *op)
{
	return op->ctx;
}

static TEE_Result evp_alloc(struct ta_operation *op)
{
	op->ctx = calloc(1, sizeof(struct evp_cipher));
	return op->ctx ? TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}

static void evp_free(struct ta_operation *op)
{
	struct evp_cipher *c = ctx_of(op);

	if (c)
		EVP_CIPHER_CTX_free(c->ctx);
	free(c);
	op->ctx = NULL;
}

static TEE_Result evp_key_changed(struct ta_operation *op)
{
	struct evp_cipher *c = ctx_of(op);

	EVP_CIPHER_CTX_free(c->ctx);
	c->ctx = NULL;
	if (!op->key[0])
		return TEE_SUCCESS;
	c->ctx = ta_sym_ctx_of(op, 0, op->alg->lib_name,
			       op->info.mode == TEE_MODE_ENCRYPT);
	return c->ctx ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

static TEE_Result evp_copy(struct ta_operation *dst,
			   const struct ta_operation *src)
{
	struct evp_cipher *d = ctx_of(dst);
	const struct evp_cipher *s = ctx_of(src);

	EVP_CIPHER_CTX_free(d->ctx);
	d->ctx = NULL;
	d->pending = s->pending;
	if (!s->ctx)
		return TEE_SUCCESS;
	d->ctx = EVP_CIPHER_CTX_new();
	if (!d->ctx || !EVP_CIPHER_CTX_copy(d->ctx, s->ctx))
		return TEE_ERROR_OUT_OF_MEMORY;
	return TEE_SUCCESS;
}

static const struct ta_cipher_ops evp_ops;

const struct ta_op_backend ta_cipher_evp_backend = {
	.alloc = evp_alloc,
	.free = evp_free,
	.copy = evp_copy,
	.key_changed = evp_key_changed,
	.ops = &evp_ops,
};

/* ------------------------------------------------------------------ */

/* ECB takes no IV; the others exactly one block of it. */
static void evp_init(struct ta_operation *op, const uint8_t *iv,
		     size_t iv_len)
{
	struct evp_cipher *c = ctx_of(op);
	size_t need = (size_t)EVP_CIPHER_CTX_get_iv_length(c->ctx);

	if (iv_len != need)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_sym_restart(c->ctx, need ? iv : NULL);
	c->pending = 0;
}

static size_t evp_update_out(const struct ta_operation *op, size_t len)
{
	size_t block = op->alg->block_len;

	if (!block)
		return len;
	return ta_sym_total(ctx_of(op)->pending, len) / block * block;
}

static size_t evp_final_out(const struct ta_operation *op, size_t len)
{
	size_t block = op->alg->block_len;
	size_t total = ta_sym_total(ctx_of(op)->pending, len);

	if (block && total % block)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return block ? total : len;
}

static void evp_update(struct ta_operation *op, const uint8_t *in, size_t len,
		       uint8_t *out)
{
	struct evp_cipher *c = ctx_of(op);
	size_t block = op->alg->block_len;

	ta_sym_run(c->ctx, in, len, out);
	if (block)
		c->pending = (c->pending + len) % block;
}

/* Whole blocks only (evp_final_out): nothing is left for
 * EVP_CipherFinal. */
static void evp_final(struct ta_operation *op, const uint8_t *in, size_t len,
		      uint8_t *out)
{
	evp_update(op, in, len, out);
}

static const struct ta_cipher_ops evp_ops = {
	.init = evp_init,
	.update_out = evp_update_out,
	.final_out = evp_final_out,
	.update = evp_update,
	.final = evp_final,
};
