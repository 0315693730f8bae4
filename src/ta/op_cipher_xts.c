// SPDX-License-Identifier: BSD-2-Clause
/*
 * AES-XTS (IEEE 1619, NIST SP 800-38E): key 1 encrypts the data, key 2
 * the tweak (the IV: the data unit's number, 16 bytes, little-endian).
 * Each block is AES(P ^ T) ^ T, T doubling in GF(2^128) from block to
 * block; a last partial block steals ciphertext from the one before.
 *
 * libcrypto's XTS wants a data unit in one call, and GP's updates come
 * in pieces: the blocks go through AES-ECB here, in batches, and the
 * last two (more than one block, at most two) are held until DoFinal.
 */
#include <stdlib.h>
#include <string.h>

#include "op_sym.h"

#define BLOCK	16
#define BATCH	64	/* blocks per ECB call */

struct xts {
	EVP_CIPHER_CTX *data;	/* key 1, the mode's direction */
	EVP_CIPHER_CTX *tweak;	/* key 2, encrypting */
	uint8_t t[BLOCK];	/* the next block's tweak */
	struct ta_sym_hold hold;
};

static struct xts *ctx_of(const struct ta_operation *op)
{
	return op->ctx;
}

static TEE_Result xts_alloc(struct ta_operation *op)
{
	op->ctx = calloc(1, sizeof(struct xts));
	return op->ctx ? TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}

static void drop_ctxs(struct xts *c)
{
	EVP_CIPHER_CTX_free(c->data);
	EVP_CIPHER_CTX_free(c->tweak);
	c->data = c->tweak = NULL;
	OPENSSL_cleanse(c->t, sizeof(c->t));
	OPENSSL_cleanse(&c->hold, sizeof(c->hold));
}

static void xts_free(struct ta_operation *op)
{
	if (op->ctx)
		drop_ctxs(ctx_of(op));
	free(op->ctx);
	op->ctx = NULL;
}

static TEE_Result xts_key_changed(struct ta_operation *op)
{
	struct xts *c = ctx_of(op);

	drop_ctxs(c);
	if (!op->key[0])
		return TEE_SUCCESS;
	c->data = ta_sym_ctx_of(op, 0, "AES-*-ECB",
				op->info.mode == TEE_MODE_ENCRYPT);
	c->tweak = ta_sym_ctx_of(op, 1, "AES-*-ECB", 1);
	return c->data && c->tweak ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

static TEE_Result xts_copy(struct ta_operation *dst,
			   const struct ta_operation *src)
{
	struct xts *d = ctx_of(dst);
	const struct xts *s = ctx_of(src);

	drop_ctxs(d);
	d->data = ta_sym_ctx_dup(s->data);
	d->tweak = ta_sym_ctx_dup(s->tweak);
	memcpy(d->t, s->t, BLOCK);
	d->hold = s->hold;
	return TEE_SUCCESS;
}

static const struct ta_cipher_ops xts_ops;

const struct ta_op_backend ta_cipher_xts_backend = {
	.alloc = xts_alloc,
	.free = xts_free,
	.copy = xts_copy,
	.key_changed = xts_key_changed,
	.ops = &xts_ops,
};

/* ------------------------------------------------------------------ */

/* T * x in GF(2^128), the little-endian convention of IEEE 1619 */
static void double_tweak(uint8_t t[BLOCK])
{
	uint8_t carry = t[BLOCK - 1] >> 7;

	for (int i = BLOCK - 1; i > 0; i--)
		t[i] = (uint8_t)(t[i] << 1 | t[i - 1] >> 7);
	t[0] = (uint8_t)(t[0] << 1 ^ (carry ? 0x87 : 0));
}

static void xts_init(struct ta_operation *op, const uint8_t *iv,
		     size_t iv_len)
{
	struct xts *c = ctx_of(op);

	if (iv_len != BLOCK)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_sym_restart(c->tweak, NULL);
	ta_sym_run(c->tweak, iv, BLOCK, c->t);
	c->hold.n = 0;
}

/* One batch: out = AES(in ^ T_i) ^ T_i */
static void batch(struct xts *c, const uint8_t *in, size_t n, uint8_t *out)
{
	uint8_t tw[BATCH * BLOCK];

	for (size_t b = 0; b < n; b++) {
		memcpy(tw + b * BLOCK, c->t, BLOCK);
		for (size_t i = 0; i < BLOCK; i++)
			out[b * BLOCK + i] = in[b * BLOCK + i] ^ c->t[i];
		double_tweak(c->t);
	}
	ta_sym_run(c->data, out, n * BLOCK, out);
	for (size_t i = 0; i < n * BLOCK; i++)
		out[i] ^= tw[i];
}

static void xts_blocks(struct ta_operation *op, const uint8_t *in, size_t len,
		       uint8_t *out)
{
	struct xts *c = ctx_of(op);

	for (size_t done = 0; done < len;) {
		size_t n = (len - done) / BLOCK;

		if (n > BATCH)
			n = BATCH;
		batch(c, in + done, n, out + done);
		done += n * BLOCK;
	}
}

/* One block with a given tweak */
static void one_block(struct xts *c, const uint8_t *in, const uint8_t *t,
		      uint8_t *out)
{
	uint8_t x[BLOCK];

	for (size_t i = 0; i < BLOCK; i++)
		x[i] = in[i] ^ t[i];
	ta_sym_run(c->data, x, BLOCK, out);
	for (size_t i = 0; i < BLOCK; i++)
		out[i] ^= t[i];
}

static size_t xts_update_out(const struct ta_operation *op, size_t len)
{
	return ta_sym_hold_out(&ctx_of(op)->hold, len, BLOCK);
}

static size_t xts_final_out(const struct ta_operation *op, size_t len)
{
	return ta_sym_hold_final_out(&ctx_of(op)->hold, len, BLOCK);
}

static void xts_update(struct ta_operation *op, const uint8_t *in, size_t len,
		       uint8_t *out)
{
	ta_sym_hold_feed(op, &ctx_of(op)->hold, in, len, out, BLOCK,
			 xts_blocks);
}

/*
 * A full block and d (1 ... 15) more bytes.  Encrypting, the full block
 * takes the current tweak T and the stolen one the next, T2:
 * CC = X(P1, T), C2 = CC[0..d), C1 = X(P2 || CC[d..), T2).  Decrypting
 * undoes it in the other order: PP = X(C1, T2), P2 = PP[0..d),
 * P1 = X(C2 || PP[d..), T).
 */
static void steal(struct ta_operation *op, const uint8_t *in, size_t d,
		  uint8_t *out)
{
	struct xts *c = ctx_of(op);
	bool enc = op->info.mode == TEE_MODE_ENCRYPT;
	uint8_t t2[BLOCK], first[BLOCK], second[BLOCK];

	memcpy(t2, c->t, BLOCK);
	double_tweak(t2);
	one_block(c, in, enc ? c->t : t2, first);
	memcpy(second, in + BLOCK, d);
	memcpy(second + d, first + d, BLOCK - d);
	one_block(c, second, enc ? t2 : c->t, out);
	memcpy(out + BLOCK, first, d);
}

/* The held end: whole blocks, or a block and a stolen partial one */
static void xts_tail(struct ta_operation *op, const uint8_t *tail,
		     size_t len, uint8_t *out)
{
	if (len % BLOCK == 0)
		xts_blocks(op, tail, len, out);
	else
		steal(op, tail, len - BLOCK, out);
}

static void xts_final(struct ta_operation *op, const uint8_t *in, size_t len,
		      uint8_t *out)
{
	ta_sym_hold_final(op, &ctx_of(op)->hold, in, len, out, BLOCK,
			  xts_blocks, xts_tail);
}

static const struct ta_cipher_ops xts_ops = {
	.init = xts_init,
	.update_out = xts_update_out,
	.final_out = xts_final_out,
	.update = xts_update,
	.final = xts_final,
};
