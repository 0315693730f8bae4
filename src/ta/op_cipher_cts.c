// SPDX-License-Identifier: BSD-2-Clause
/*
 * AES-CTS: CBC with ciphertext stealing, variant CS3 of NIST SP 800-38A's
 * addendum (RFC 2040, RFC 3962; what OP-TEE implements): the last two
 * ciphertext blocks always change places, the last one possibly partial.
 * A message of exactly one block is plain CBC; a shorter one cannot be
 * encrypted.
 *
 * libcrypto's own CTS cipher takes a message in one call only, so the
 * leading blocks go through AES-CBC as they come, and the last two
 * (more than one block, at most two) are held back until DoFinal.
 */
#include <stdlib.h>
#include <string.h>

#include "op_sym.h"

#define BLOCK	16

struct cts {
	EVP_CIPHER_CTX *cbc;	/* the mode's direction */
	EVP_CIPHER_CTX *ecb;	/* decrypting: one raw block decryption */
	struct ta_sym_hold hold;
};

static struct cts *ctx_of(const struct ta_operation *op)
{
	return op->ctx;
}

static bool encrypting(const struct ta_operation *op)
{
	return op->info.mode == TEE_MODE_ENCRYPT;
}

static TEE_Result cts_alloc(struct ta_operation *op)
{
	op->ctx = calloc(1, sizeof(struct cts));
	return op->ctx ? TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}

static void drop_ctxs(struct cts *c)
{
	EVP_CIPHER_CTX_free(c->cbc);
	EVP_CIPHER_CTX_free(c->ecb);
	c->cbc = c->ecb = NULL;
	OPENSSL_cleanse(&c->hold, sizeof(c->hold));
}

static void cts_free(struct ta_operation *op)
{
	if (op->ctx)
		drop_ctxs(ctx_of(op));
	free(op->ctx);
	op->ctx = NULL;
}

static TEE_Result cts_key_changed(struct ta_operation *op)
{
	struct cts *c = ctx_of(op);

	drop_ctxs(c);
	if (!op->key[0])
		return TEE_SUCCESS;
	c->cbc = ta_sym_ctx_of(op, 0, "AES-*-CBC", encrypting(op));
	if (!encrypting(op))
		c->ecb = ta_sym_ctx_of(op, 0, "AES-*-ECB", 0);
	return c->cbc && (encrypting(op) || c->ecb) ?
	       TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

static TEE_Result cts_copy(struct ta_operation *dst,
			   const struct ta_operation *src)
{
	struct cts *d = ctx_of(dst);
	const struct cts *s = ctx_of(src);

	drop_ctxs(d);
	d->cbc = ta_sym_ctx_dup(s->cbc);
	d->ecb = ta_sym_ctx_dup(s->ecb);
	d->hold = s->hold;
	return TEE_SUCCESS;
}

static const struct ta_cipher_ops cts_ops;

const struct ta_op_backend ta_cipher_cts_backend = {
	.alloc = cts_alloc,
	.free = cts_free,
	.copy = cts_copy,
	.key_changed = cts_key_changed,
	.ops = &cts_ops,
};

/* ------------------------------------------------------------------ */

static void cts_init(struct ta_operation *op, const uint8_t *iv,
		     size_t iv_len)
{
	struct cts *c = ctx_of(op);

	if (iv_len != BLOCK)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_sym_restart(c->cbc, iv);
	c->hold.n = 0;
}

static void cbc_blocks(struct ta_operation *op, const uint8_t *in, size_t len,
		       uint8_t *out)
{
	ta_sym_run(ctx_of(op)->cbc, in, len, out);
}

static size_t cts_update_out(const struct ta_operation *op, size_t len)
{
	return ta_sym_hold_out(&ctx_of(op)->hold, len, BLOCK);
}

static size_t cts_final_out(const struct ta_operation *op, size_t len)
{
	return ta_sym_hold_final_out(&ctx_of(op)->hold, len, BLOCK);
}

static void cts_update(struct ta_operation *op, const uint8_t *in, size_t len,
		       uint8_t *out)
{
	ta_sym_hold_feed(op, &ctx_of(op)->hold, in, len, out, BLOCK,
			 cbc_blocks);
}

/* The last 1 + d/16 blocks (d = 1 ... 16): E = CBC(P1), Y = CBC(P2 || 0);
 * out Y || E[0..d). */
static void steal_encrypt(struct cts *c, const uint8_t *in, size_t d,
			  uint8_t *out)
{
	uint8_t e[BLOCK], x[BLOCK] = { 0 };

	ta_sym_run(c->cbc, in, BLOCK, e);
	memcpy(x, in + BLOCK, d);
	ta_sym_run(c->cbc, x, BLOCK, out);
	memcpy(out + BLOCK, e, d);
}

/* In Y || D: Z = AES^-1(Y) = E ^ (P2 || 0), so P2 = Z[0..d) ^ D and
 * E = D || Z[d..); P1 = CBC^-1(E) with the running chain value. */
static void steal_decrypt(struct cts *c, const uint8_t *in, size_t d,
			  uint8_t *out)
{
	uint8_t z[BLOCK], e[BLOCK];

	ta_sym_run(c->ecb, in, BLOCK, z);
	memcpy(e, in + BLOCK, d);
	memcpy(e + d, z + d, BLOCK - d);
	for (size_t i = 0; i < d; i++)
		out[BLOCK + i] = z[i] ^ in[BLOCK + i];
	ta_sym_run(c->cbc, e, BLOCK, out);
}

/* The held end: one block (plain CBC) or more (stealing) */
static void cts_tail(struct ta_operation *op, const uint8_t *tail,
		     size_t len, uint8_t *out)
{
	struct cts *c = ctx_of(op);

	if (len == BLOCK)
		cbc_blocks(op, tail, BLOCK, out);
	else if (encrypting(op))
		steal_encrypt(c, tail, len - BLOCK, out);
	else
		steal_decrypt(c, tail, len - BLOCK, out);
}

static void cts_final(struct ta_operation *op, const uint8_t *in, size_t len,
		      uint8_t *out)
{
	ta_sym_hold_final(op, &ctx_of(op)->hold, in, len, out, BLOCK,
			  cbc_blocks, cts_tail);
}

static const struct ta_cipher_ops cts_ops = {
	.init = cts_init,
	.update_out = cts_update_out,
	.final_out = cts_final_out,
	.update = cts_update,
	.final = cts_final,
};
