// SPDX-License-Identifier: BSD-2-Clause
/*
 * CBC-MACs of AES, DES and DES3 (GP's *_CBC_MAC_NOPAD and _PKCS5): the
 * last block of the message's CBC encryption from a zero IV.  NOPAD
 * messages must be whole blocks; PKCS5 pads with n bytes of value n (a
 * whole block of them if the message already ends on a block).  As in
 * OP-TEE, TEE_MACInit's IV is not used.
 */
#include <stdlib.h>
#include <string.h>

#include "op_sym.h"

static struct ta_cbc_mac *ctx_of(const struct ta_operation *op)
{
	return op->ctx;
}

static TEE_Result cbc_alloc(struct ta_operation *op)
{
	struct ta_cbc_mac *m = calloc(1, sizeof(*m));

	if (!m)
		return TEE_ERROR_OUT_OF_MEMORY;
	m->block = op->alg->block_len;
	op->ctx = m;
	return TEE_SUCCESS;
}

static void cbc_free(struct ta_operation *op)
{
	if (op->ctx)
		ta_cbc_mac_clear(ctx_of(op));
	free(op->ctx);
	op->ctx = NULL;
}

static TEE_Result cbc_key_changed(struct ta_operation *op)
{
	struct ta_cbc_mac *m = ctx_of(op);

	ta_cbc_mac_clear(m);
	if (!op->key[0])
		return TEE_SUCCESS;
	m->ctx = ta_sym_ctx_of(op, 0, op->alg->lib_name, 1);
	return m->ctx ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

static TEE_Result cbc_copy(struct ta_operation *dst,
			   const struct ta_operation *src)
{
	return ta_cbc_mac_copy(ctx_of(dst), ctx_of(src));
}

static void cbc_init(struct ta_operation *op)
{
	ta_cbc_mac_start(ctx_of(op));
}

static void cbc_update(struct ta_operation *op, const uint8_t *in, size_t len)
{
	ta_cbc_mac_update(ctx_of(op), in, len);
}

static bool pkcs5(const struct ta_operation *op)
{
	switch (op->alg->id) {
	case TEE_ALG_AES_CBC_MAC_PKCS5:
	case TEE_ALG_DES_CBC_MAC_PKCS5:
	case TEE_ALG_DES3_CBC_MAC_PKCS5:
		return true;
	default:
		return false;
	}
}

static void cbc_final(struct ta_operation *op, uint8_t *mac)
{
	struct ta_cbc_mac *m = ctx_of(op);

	if (pkcs5(op)) {
		uint8_t pad[TA_CBC_MAC_BLOCK_MAX];
		size_t n = m->block - m->n;

		memset(pad, (int)n, n);
		ta_cbc_mac_update(m, pad, n);
	} else if (m->n) {
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	}
	memcpy(mac, m->chain, m->block);
}

static const struct ta_mac_ops cbc_ops = {
	.init = cbc_init,
	.update = cbc_update,
	.final = cbc_final,
};

const struct ta_op_backend ta_mac_cbc_backend = {
	.alloc = cbc_alloc,
	.free = cbc_free,
	.copy = cbc_copy,
	.key_changed = cbc_key_changed,
	.ops = &cbc_ops,
};
