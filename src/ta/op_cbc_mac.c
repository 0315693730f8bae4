// SPDX-License-Identifier: BSD-2-Clause
/*
 * CBC-MAC (op_sym.h): the last block of a CBC encryption from a zero IV.
 * Whole blocks go through libcrypto in batches; only the chain value is
 * kept.
 */
#include <string.h>

#include "op_sym.h"

/* bytes encrypted per call, a multiple of every block size */
#define SCRATCH	1024

void ta_cbc_mac_start(struct ta_cbc_mac *m)
{
	static const uint8_t zero[TA_CBC_MAC_BLOCK_MAX];

	ta_sym_restart(m->ctx, zero);
	memset(m->chain, 0, sizeof(m->chain));
	m->n = 0;
}

/* Whole blocks: the ciphertext is thrown away but for its last block. */
static void blocks(struct ta_cbc_mac *m, const uint8_t *in, size_t len)
{
	uint8_t out[SCRATCH];

	while (len) {
		size_t n = len > SCRATCH ? SCRATCH : len;

		ta_sym_run(m->ctx, in, n, out);
		memcpy(m->chain, out + n - m->block, m->block);
		in += n;
		len -= n;
	}
	OPENSSL_cleanse(out, sizeof(out));
}

void ta_cbc_mac_update(struct ta_cbc_mac *m, const uint8_t *in, size_t len)
{
	size_t whole;

	if (m->n) {
		size_t add = m->block - m->n;

		if (add > len)
			add = len;
		memcpy(m->part + m->n, in, add);
		m->n += add;
		in += add;
		len -= add;
		if (m->n < m->block)
			return;
		blocks(m, m->part, m->block);
		m->n = 0;
	}
	whole = len / m->block * m->block;
	if (whole)
		blocks(m, in, whole);
	memcpy(m->part, in + whole, len - whole);
	m->n = len - whole;
}

void ta_cbc_mac_pad_zero(struct ta_cbc_mac *m)
{
	if (!m->n)
		return;
	memset(m->part + m->n, 0, m->block - m->n);
	blocks(m, m->part, m->block);
	m->n = 0;
}

void ta_cbc_mac_clear(struct ta_cbc_mac *m)
{
	EVP_CIPHER_CTX_free(m->ctx);
	m->ctx = NULL;
	OPENSSL_cleanse(m->part, sizeof(m->part));
	OPENSSL_cleanse(m->chain, sizeof(m->chain));
	m->n = 0;
}

TEE_Result ta_cbc_mac_copy(struct ta_cbc_mac *dst, const struct ta_cbc_mac *src)
{
	ta_cbc_mac_clear(dst);
	*dst = *src;
	dst->ctx = NULL;
	if (!src->ctx)
		return TEE_SUCCESS;
	dst->ctx = EVP_CIPHER_CTX_new();
	if (!dst->ctx || !EVP_CIPHER_CTX_copy(dst->ctx, src->ctx))
		return TEE_ERROR_OUT_OF_MEMORY;
	return TEE_SUCCESS;
}
