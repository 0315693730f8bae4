// SPDX-License-Identifier: BSD-2-Clause
/*
 * Shared by the symmetric families (op_sym.h): key bytes, libcrypto
 * cipher contexts, and the two-block hold of CTS and XTS.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "crypto_lib.h"
#include "object_attrs.h"
#include "op_sym.h"

size_t ta_sym_key(const struct ta_operation *op, int i, uint8_t *key)
{
	const struct ta_attr *k = ta_op_secret(op, i);

	if (k->len > TA_SYM_KEY_MAX)
		TEE_Panic(TEE_ERROR_BAD_STATE);
	memcpy(key, k->buf, k->len);
	if (op->key[i]->info.objectType == TEE_TYPE_DES3 && k->len == 16) {
		memcpy(key + 16, k->buf, 8);	/* K1 K2 K1 */
		return 24;
	}
	return k->len;
}

/* "AES-*-CBC" with a 16-byte key is "AES-128-CBC". */
static const EVP_CIPHER *cipher_for(const char *pattern, size_t key_len)
{
	const char *star = strchr(pattern, '*');
	char name[32];

	if (!star)
		return ta_crypto_cipher(pattern);
	snprintf(name, sizeof(name), "%.*s%zu%s", (int)(star - pattern),
		 pattern, key_len * 8, star + 1);
	return ta_crypto_cipher(name);
}

EVP_CIPHER_CTX *ta_sym_ctx(const char *pattern, const uint8_t *key,
			   size_t key_len, int enc)
{
	const EVP_CIPHER *cipher = cipher_for(pattern, key_len);
	EVP_CIPHER_CTX *ctx;

	if (!cipher || (size_t)EVP_CIPHER_get_key_length(cipher) != key_len)
		return NULL;
	ctx = EVP_CIPHER_CTX_new();
	if (ctx && EVP_CipherInit_ex2(ctx, cipher, key, NULL, enc, NULL) &&
	    EVP_CIPHER_CTX_set_padding(ctx, 0))
		return ctx;
	EVP_CIPHER_CTX_free(ctx);
	return NULL;
}

EVP_CIPHER_CTX *ta_sym_ctx_of(const struct ta_operation *op, int i,
			      const char *pattern, int enc)
{
	uint8_t key[TA_SYM_KEY_MAX];
	size_t len = ta_sym_key(op, i, key);
	EVP_CIPHER_CTX *ctx = ta_sym_ctx(pattern, key, len, enc);

	OPENSSL_cleanse(key, sizeof(key));
	return ctx;
}

EVP_CIPHER_CTX *ta_sym_ctx_dup(const EVP_CIPHER_CTX *src)
{
	EVP_CIPHER_CTX *c;

	if (!src)
		return NULL;
	c = EVP_CIPHER_CTX_new();
	if (c && !EVP_CIPHER_CTX_copy(c, src)) {
		EVP_CIPHER_CTX_free(c);
		c = NULL;
	}
	if (!c)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	return c;
}

void ta_sym_restart(EVP_CIPHER_CTX *ctx, const uint8_t *iv)
{
	if (!EVP_CipherInit_ex2(ctx, NULL, NULL, iv, -1, NULL) ||
	    !EVP_CIPHER_CTX_set_padding(ctx, 0))
		TEE_Panic(TEE_ERROR_GENERIC);
}

/* libcrypto takes int lengths: big inputs go in pieces. */
#define RUN_MAX	(1u << 30)

size_t ta_sym_run(EVP_CIPHER_CTX *ctx, const uint8_t *in, size_t len,
		  uint8_t *out)
{
	size_t done = 0;

	while (len) {
		int n = len > RUN_MAX ? (int)RUN_MAX : (int)len;
		int outl = 0;

		if (!EVP_CipherUpdate(ctx, out + done, &outl, in, n))
			TEE_Panic(TEE_ERROR_GENERIC);
		done += (size_t)outl;
		in += n;
		len -= (size_t)n;
	}
	return done;
}

/* ------------------------------------------------------------------ */
/* The two-block hold                                                  */
/* ------------------------------------------------------------------ */

size_t ta_sym_total(size_t held, size_t len)
{
	if (len > SIZE_MAX - held)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return held + len;
}

size_t ta_sym_hold_out(const struct ta_sym_hold *h, size_t len, size_t block)
{
	size_t total = ta_sym_total(h->n, len);

	if (total <= 2 * block)
		return 0;
	return (total - 2 * block + block - 1) / block * block;
}

size_t ta_sym_hold_final_out(const struct ta_sym_hold *h, size_t len,
			     size_t block)
{
	size_t total = ta_sym_total(h->n, len);

	if (total < block)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return total;
}

void ta_sym_hold_feed(struct ta_operation *op, struct ta_sym_hold *h,
		      const uint8_t *in, size_t len, uint8_t *out,
		      size_t block, ta_sym_blocks_fn *blocks)
{
	size_t k = ta_sym_hold_out(h, len, block);

	if (k && h->n > k) {
		/* the release is all held bytes */
		blocks(op, h->held, k, out);
		memmove(h->held, h->held + k, h->n - k);
		h->n -= k;
		k = 0;
	} else if (k && h->n) {
		/* the held bytes, completed to a block from in */
		size_t whole = (h->n + block - 1) / block * block;
		size_t add = whole - h->n;

		memcpy(h->held + h->n, in, add);
		blocks(op, h->held, whole, out);
		in += add;
		len -= add;
		out += whole;
		k -= whole;
		h->n = 0;
	}
	if (k) {
		blocks(op, in, k, out);
		in += k;
		len -= k;
	}
	memcpy(h->held + h->n, in, len);
	h->n += len;
}

void ta_sym_hold_final(struct ta_operation *op, struct ta_sym_hold *h,
		       const uint8_t *in, size_t len, uint8_t *out,
		       size_t block, ta_sym_blocks_fn *blocks,
		       ta_sym_blocks_fn *tail)
{
	size_t lead = ta_sym_hold_out(h, len, block);

	ta_sym_hold_feed(op, h, in, len, out, block, blocks);
	tail(op, h->held, h->n, out + lead);
	h->n = 0;
}
