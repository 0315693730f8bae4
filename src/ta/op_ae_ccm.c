// SPDX-License-Identifier: BSD-2-Clause
/*
 * AES-CCM (NIST SP 800-38C, RFC 3610), streaming.  libcrypto's CCM takes
 * AAD and payload in one call each; GP's updates come in pieces, so CCM
 * is built here from its two halves: a CBC-MAC over B0, the encoded AAD
 * and the plaintext (each zero-padded to a block), and CTR encryption
 * from counter block A1, A0's keystream masking the tag.  The AAD and
 * payload lengths are fixed at Init (they are in B0); more or fewer
 * bytes than declared panic.  Tags of 4 to 16 bytes in steps of 2,
 * nonces of 7 to 13 bytes.
 */
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "op_sym.h"

#define BLOCK	16

struct ccm {
	struct ta_cbc_mac mac;
	EVP_CIPHER_CTX *ctr;
	uint8_t s0[BLOCK];	/* keystream of A0: masks the tag */
	size_t tag_len;
	uint64_t aad_left, payload_left;
	bool payload_started;
};

static struct ccm *ctx_of(const struct ta_operation *op)
{
	return op->ctx;
}

static TEE_Result ccm_alloc(struct ta_operation *op)
{
	struct ccm *c = calloc(1, sizeof(*c));

	if (!c)
		return TEE_ERROR_OUT_OF_MEMORY;
	c->mac.block = BLOCK;
	op->ctx = c;
	return TEE_SUCCESS;
}

static void drop(struct ccm *c)
{
	ta_cbc_mac_clear(&c->mac);
	EVP_CIPHER_CTX_free(c->ctr);
	c->ctr = NULL;
	OPENSSL_cleanse(c->s0, sizeof(c->s0));
}

static void ccm_free(struct ta_operation *op)
{
	if (op->ctx)
		drop(ctx_of(op));
	free(op->ctx);
	op->ctx = NULL;
}

static TEE_Result ccm_key_changed(struct ta_operation *op)
{
	struct ccm *c = ctx_of(op);

	drop(c);
	if (!op->key[0])
		return TEE_SUCCESS;
	c->mac.ctx = ta_sym_ctx_of(op, 0, "AES-*-CBC", 1);
	c->ctr = ta_sym_ctx_of(op, 0, "AES-*-CTR", 1);
	return c->mac.ctx && c->ctr ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

static TEE_Result ccm_copy(struct ta_operation *dst,
			   const struct ta_operation *src)
{
	struct ccm *d = ctx_of(dst);
	const struct ccm *s = ctx_of(src);
	TEE_Result res;

	drop(d);
	res = ta_cbc_mac_copy(&d->mac, &s->mac);
	if (res)
		return res;
	memcpy(d->s0, s->s0, BLOCK);
	d->tag_len = s->tag_len;
	d->aad_left = s->aad_left;
	d->payload_left = s->payload_left;
	d->payload_started = s->payload_started;
	if (!s->ctr)
		return TEE_SUCCESS;
	d->ctr = EVP_CIPHER_CTX_new();
	return d->ctr && EVP_CIPHER_CTX_copy(d->ctr, s->ctr) ?
	       TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}

/* ------------------------------------------------------------------ */

static void put_be(uint8_t *p, size_t n, uint64_t v)
{
	while (n--) {
		p[n] = (uint8_t)v;
		v >>= 8;
	}
}

/* B0: flags (AAD present, tag length, q - 1), nonce, payload length. */
static void start_mac(struct ccm *c, const uint8_t *nonce, size_t n,
		      uint64_t aad_len, uint64_t payload_len)
{
	size_t q = 15 - n;
	uint8_t b0[BLOCK];

	b0[0] = (uint8_t)((aad_len ? 0x40 : 0) |
			  ((c->tag_len - 2) / 2) << 3 | (q - 1));
	memcpy(b0 + 1, nonce, n);
	put_be(b0 + 1 + n, q, payload_len);
	ta_cbc_mac_start(&c->mac);
	ta_cbc_mac_update(&c->mac, b0, BLOCK);
}

/* The AAD's length prefix: 2, 6 or 10 bytes (SP 800-38C A.2.2). */
static void mac_aad_length(struct ccm *c, uint64_t a)
{
	uint8_t enc[10];
	size_t n;

	if (!a)
		return;
	if (a < 0xFF00) {
		put_be(enc, 2, a);
		n = 2;
	} else if (a <= 0xFFFFFFFFu) {
		enc[0] = 0xFF;
		enc[1] = 0xFE;
		put_be(enc + 2, 4, a);
		n = 6;
	} else {
		enc[0] = 0xFF;
		enc[1] = 0xFF;
		put_be(enc + 2, 8, a);
		n = 10;
	}
	ta_cbc_mac_update(&c->mac, enc, n);
}

/* A0 = q - 1, nonce, counter 0: its keystream is S0, and the payload's
 * keystream goes on from A1. */
static void start_ctr(struct ccm *c, const uint8_t *nonce, size_t n)
{
	uint8_t a0[BLOCK] = { 0 };
	static const uint8_t zero[BLOCK];

	a0[0] = (uint8_t)(15 - n - 1);
	memcpy(a0 + 1, nonce, n);
	ta_sym_restart(c->ctr, a0);
	ta_sym_run(c->ctr, zero, BLOCK, c->s0);
}

static bool tag_len_ok(size_t t)
{
	return t >= 4 && t <= 16 && t % 2 == 0;
}

static TEE_Result ccm_init(struct ta_operation *op, const uint8_t *nonce,
			   size_t nonce_len, size_t tag_len, size_t aad_len,
			   size_t payload_len)
{
	struct ccm *c = ctx_of(op);
	size_t q = 15 - nonce_len;

	if (!tag_len_ok(tag_len))
		return TEE_ERROR_NOT_SUPPORTED;
	if (nonce_len < 7 || nonce_len > 13 ||
	    (q < 8 && (uint64_t)payload_len >> (8 * q)))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	c->tag_len = tag_len;
	c->aad_left = aad_len;
	c->payload_left = payload_len;
	c->payload_started = false;
	start_mac(c, nonce, nonce_len, aad_len, payload_len);
	mac_aad_length(c, aad_len);
	start_ctr(c, nonce, nonce_len);
	return TEE_SUCCESS;
}

static void ccm_aad(struct ta_operation *op, const uint8_t *in, size_t len)
{
	struct ccm *c = ctx_of(op);

	if (c->payload_started || len > c->aad_left)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_cbc_mac_update(&c->mac, in, len);
	c->aad_left -= len;
}

/* The AAD complete (and padded) before the first payload byte */
static void start_payload(struct ccm *c)
{
	if (c->payload_started)
		return;
	if (c->aad_left)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_cbc_mac_pad_zero(&c->mac);
	c->payload_started = true;
}

/* The MAC is over the plaintext: before encrypting, after decrypting. */
static void ccm_crypt(struct ta_operation *op, const uint8_t *in, size_t len,
		      uint8_t *out)
{
	struct ccm *c = ctx_of(op);
	bool enc = op->info.mode == TEE_MODE_ENCRYPT;

	start_payload(c);
	if (len > c->payload_left)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	c->payload_left -= len;
	if (enc)
		ta_cbc_mac_update(&c->mac, in, len);
	ta_sym_run(c->ctr, in, len, out);
	if (!enc)
		ta_cbc_mac_update(&c->mac, out, len);
}

/* T = CBC-MAC ^ S0, as long as the tag */
static void compute_tag(struct ccm *c, uint8_t *tag)
{
	start_payload(c);
	if (c->payload_left)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_cbc_mac_pad_zero(&c->mac);
	for (size_t i = 0; i < c->tag_len; i++)
		tag[i] = c->mac.chain[i] ^ c->s0[i];
}

static void ccm_tag(struct ta_operation *op, uint8_t *tag)
{
	compute_tag(ctx_of(op), tag);
}

static bool ccm_check(struct ta_operation *op, const uint8_t *tag, size_t len)
{
	struct ccm *c = ctx_of(op);
	uint8_t t[BLOCK];
	bool good;

	compute_tag(c, t);
	good = len == c->tag_len && !CRYPTO_memcmp(t, tag, len);
	OPENSSL_cleanse(t, sizeof(t));
	return good;
}

static const struct ta_ae_ops ccm_ops = {
	.init = ccm_init,
	.aad = ccm_aad,
	.crypt = ccm_crypt,
	.tag = ccm_tag,
	.check = ccm_check,
};

const struct ta_op_backend ta_ae_ccm_backend = {
	.alloc = ccm_alloc,
	.free = ccm_free,
	.copy = ccm_copy,
	.key_changed = ccm_key_changed,
	.ops = &ccm_ops,
};
