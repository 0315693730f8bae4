// SPDX-License-Identifier: BSD-2-Clause
/*
 * Symmetric ciphers (GP TEE_Cipher*): the class functions and the
 * family's table.  The backends compute (op_cipher_evp.c: ECB, CBC and
 * CTR; op_cipher_cts.c; op_cipher_xts.c); this file holds GP's rules:
 *
 * - Init needs a key, and may come in any state (it starts over);
 * - Update and DoFinal need an Init (INITIALIZED, ACTIVE), else panic;
 * - an output buffer too small is TEE_ERROR_SHORT_BUFFER with the size
 *   needed, and nothing is consumed;
 * - DoFinal ends the message: back to the initial state, Init needed
 *   again.  A NOPAD message that is not a whole number of blocks panics,
 *   as in OP-TEE (GP lists it among the panic reasons).
 */
#include "op_sym.h"

static const struct ta_cipher_ops *ops_of(const struct ta_operation *op)
{
	return op->alg->backend->ops;
}

void TEE_CipherInit(TEE_OperationHandle operation, const void *IV,
		    size_t IVLen)
{
	struct ta_operation *op = ta_op_get_class(operation,
						  TEE_OPERATION_CIPHER);

	ta_op_expect_key(op);
	ta_op_expect_buf(IV, IVLen);
	ta_op_finish(op);
	ops_of(op)->init(op, IV, IV ? IVLen : 0);
	ta_op_set_active(op);
}

/* An initialized operation in the middle of a message */
static struct ta_operation *running(TEE_OperationHandle operation)
{
	struct ta_operation *op = ta_op_get_class(operation,
						  TEE_OPERATION_CIPHER);

	ta_op_expect_initialized(op);
	ta_op_expect_state(op, TEE_OPERATION_STATE_ACTIVE);
	return op;
}

TEE_Result TEE_CipherUpdate(TEE_OperationHandle operation, const void *srcData,
			    size_t srcLen, void *destData, size_t *destLen)
{
	struct ta_operation *op = running(operation);
	size_t need;
	TEE_Result res;

	ta_op_expect_buf(srcData, srcLen);
	need = ops_of(op)->update_out(op, srcLen);
	res = ta_op_out_fits(need, destLen);
	if (res)
		return res;
	ta_op_expect_buf(destData, need);
	if (srcLen)
		ops_of(op)->update(op, srcData, srcLen, destData);
	*destLen = need;
	return TEE_SUCCESS;
}

/* destLen may be NULL when nothing is to come out (as OP-TEE allows). */
TEE_Result TEE_CipherDoFinal(TEE_OperationHandle operation,
			     const void *srcData, size_t srcLen,
			     void *destData, size_t *destLen)
{
	struct ta_operation *op = running(operation);
	size_t need, none = 0;
	TEE_Result res;

	ta_op_expect_buf(srcData, srcLen);
	need = ops_of(op)->final_out(op, srcLen);
	res = ta_op_out_fits(need, destLen ? destLen : &none);
	if (res)
		return res;
	ta_op_expect_buf(destData, need);
	ops_of(op)->final(op, srcData, srcLen, destData);
	if (destLen)
		*destLen = need;
	ta_op_finish(op);
	return TEE_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

#define CIPHER(alg, type, keys, name, block, be) {			\
	.id = (alg), .op_class = TEE_OPERATION_CIPHER,			\
	.modes = TA_MODE(TEE_MODE_ENCRYPT) | TA_MODE(TEE_MODE_DECRYPT),	\
	.key_type = (type), .n_keys = (keys), .lib_name = (name),	\
	.block_len = (block), .backend = &(be) }

/* block_len 0: a stream (CTR), any length goes in and out at once */
static const struct ta_alg cipher_algs[] = {
	CIPHER(TEE_ALG_AES_ECB_NOPAD, TEE_TYPE_AES, 1, "AES-*-ECB", 16,
	       ta_cipher_evp_backend),
	CIPHER(TEE_ALG_AES_CBC_NOPAD, TEE_TYPE_AES, 1, "AES-*-CBC", 16,
	       ta_cipher_evp_backend),
	CIPHER(TEE_ALG_AES_CTR, TEE_TYPE_AES, 1, "AES-*-CTR", 0,
	       ta_cipher_evp_backend),
	CIPHER(TEE_ALG_AES_CTS, TEE_TYPE_AES, 1, "AES-*-CBC", 16,
	       ta_cipher_cts_backend),
	CIPHER(TEE_ALG_AES_XTS, TEE_TYPE_AES, 2, "AES-*-ECB", 16,
	       ta_cipher_xts_backend),
	CIPHER(TEE_ALG_DES_ECB_NOPAD, TEE_TYPE_DES, 1, "DES-ECB", 8,
	       ta_cipher_evp_backend),
	CIPHER(TEE_ALG_DES_CBC_NOPAD, TEE_TYPE_DES, 1, "DES-CBC", 8,
	       ta_cipher_evp_backend),
	CIPHER(TEE_ALG_DES3_ECB_NOPAD, TEE_TYPE_DES3, 1, "DES-EDE3-ECB", 8,
	       ta_cipher_evp_backend),
	CIPHER(TEE_ALG_DES3_CBC_NOPAD, TEE_TYPE_DES3, 1, "DES-EDE3-CBC", 8,
	       ta_cipher_evp_backend),
	CIPHER(TEE_ALG_SM4_ECB_NOPAD, TEE_TYPE_SM4, 1, "SM4-ECB", 16,
	       ta_cipher_evp_backend),
	CIPHER(TEE_ALG_SM4_CBC_NOPAD, TEE_TYPE_SM4, 1, "SM4-CBC", 16,
	       ta_cipher_evp_backend),
	CIPHER(TEE_ALG_SM4_CTR, TEE_TYPE_SM4, 1, "SM4-CTR", 0,
	       ta_cipher_evp_backend),
};

const struct ta_alg_list ta_algs_cipher = {
	cipher_algs, sizeof(cipher_algs) / sizeof(cipher_algs[0])
};
