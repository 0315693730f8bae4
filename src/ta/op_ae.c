// SPDX-License-Identifier: BSD-2-Clause
/*
 * Authenticated encryption (GP TEE_AE*): the class functions and the
 * family's table.  The backends compute (op_ae_gcm.c, op_ae_ccm.c); this
 * file holds GP's rules (v1.3):
 *
 * - Init needs a key and the initial state; it sets digestLength to the
 *   tag's length and INITIALIZED, and the state stays INITIAL;
 * - AAD comes before any payload (INITIAL state), else panic;
 * - the first payload makes the operation ACTIVE;
 * - EncryptFinal only encrypting, DecryptFinal only decrypting, else
 *   panic; short buffers are TEE_ERROR_SHORT_BUFFER with the sizes
 *   needed (both, for EncryptFinal), nothing consumed;
 * - DecryptFinal answers TEE_ERROR_MAC_INVALID for a tag of another
 *   length or value, and then releases none of the last part's
 *   plaintext;
 * - a final ends the message: back to the initial state.
 */
#include <stdlib.h>
#include <string.h>

#include "op_sym.h"

static const struct ta_ae_ops *ops_of(const struct ta_operation *op)
{
	return op->alg->backend->ops;
}

TEE_Result TEE_AEInit(TEE_OperationHandle operation, const void *nonce,
		      size_t nonceLen, uint32_t tagLen, size_t AADLen,
		      size_t payloadLen)
{
	struct ta_operation *op = ta_op_get_class(operation, TEE_OPERATION_AE);
	TEE_Result res;

	ta_op_expect_key(op);
	ta_op_expect_state(op, TEE_OPERATION_STATE_INITIAL);
	if (!nonce)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (tagLen % 8)
		return TEE_ERROR_NOT_SUPPORTED;
	ta_op_finish(op);
	res = ops_of(op)->init(op, nonce, nonceLen, tagLen / 8, AADLen,
			       payloadLen);
	if (res)
		return res;
	op->info.digestLength = tagLen / 8;
	op->info.handleState |= TEE_HANDLE_FLAG_INITIALIZED;
	return TEE_SUCCESS;
}

static struct ta_operation *initialized(TEE_OperationHandle operation)
{
	struct ta_operation *op = ta_op_get_class(operation, TEE_OPERATION_AE);

	ta_op_expect_initialized(op);
	return op;
}

void TEE_AEUpdateAAD(TEE_OperationHandle operation, const void *AADdata,
		     size_t AADdataLen)
{
	struct ta_operation *op = initialized(operation);

	ta_op_expect_state(op, TEE_OPERATION_STATE_INITIAL);
	ta_op_expect_buf(AADdata, AADdataLen);
	if (AADdataLen)
		ops_of(op)->aad(op, AADdata, AADdataLen);
}

/* GP v1.1 let AAD come after payload too (the backend may refuse). */
void ta_ae_update_aad_gp11(TEE_OperationHandle operation, const void *aad,
			   size_t len)
{
	struct ta_operation *op = initialized(operation);

	ta_op_expect_buf(aad, len);
	if (len)
		ops_of(op)->aad(op, aad, len);
}

TEE_Result TEE_AEUpdate(TEE_OperationHandle operation, const void *srcData,
			size_t srcLen, void *destData, size_t *destLen)
{
	struct ta_operation *op = initialized(operation);
	TEE_Result res;

	ta_op_expect_buf(srcData, srcLen);
	res = ta_op_out_fits(srcLen, destLen);
	if (res)
		return res;
	ta_op_expect_buf(destData, srcLen);
	if (srcLen) {
		ops_of(op)->crypt(op, srcData, srcLen, destData);
		op->state = TEE_OPERATION_STATE_ACTIVE;
	}
	*destLen = srcLen;
	return TEE_SUCCESS;
}

static struct ta_operation *finishing(TEE_OperationHandle operation,
				      uint32_t mode)
{
	struct ta_operation *op = initialized(operation);

	if (op->info.mode != mode)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return op;
}

TEE_Result TEE_AEEncryptFinal(TEE_OperationHandle operation,
			      const void *srcData, size_t srcLen,
			      void *destData, size_t *destLen, void *tag,
			      size_t *tagLen)
{
	struct ta_operation *op = finishing(operation, TEE_MODE_ENCRYPT);
	size_t tag_need = op->info.digestLength;
	TEE_Result res, res_tag;

	ta_op_expect_buf(srcData, srcLen);
	res = ta_op_out_fits(srcLen, destLen);
	res_tag = ta_op_out_fits(tag_need, tagLen);
	if (res || res_tag)
		return TEE_ERROR_SHORT_BUFFER;
	ta_op_expect_buf(destData, srcLen);
	ta_op_expect_buf(tag, tag_need);
	if (srcLen)
		ops_of(op)->crypt(op, srcData, srcLen, destData);
	ops_of(op)->tag(op, tag);
	*destLen = srcLen;
	*tagLen = tag_need;
	ta_op_finish(op);
	return TEE_SUCCESS;
}

/* The last plaintext waits in `plain` until the tag is known good. */
TEE_Result TEE_AEDecryptFinal(TEE_OperationHandle operation,
			      const void *srcData, size_t srcLen,
			      void *destData, size_t *destLen, void *tag,
			      size_t tagLen)
{
	struct ta_operation *op = finishing(operation, TEE_MODE_DECRYPT);
	uint8_t *plain = NULL;
	TEE_Result res;
	bool good;

	ta_op_expect_buf(srcData, srcLen);
	ta_op_expect_buf(tag, tagLen);
	res = ta_op_out_fits(srcLen, destLen);
	if (res)
		return res;
	ta_op_expect_buf(destData, srcLen);
	if (srcLen) {
		plain = malloc(srcLen);
		if (!plain)
			TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
		ops_of(op)->crypt(op, srcData, srcLen, plain);
	}
	good = tagLen == op->info.digestLength &&
	       ops_of(op)->check(op, tag, tagLen);
	if (good && srcLen)
		memcpy(destData, plain, srcLen);
	if (plain) {
		OPENSSL_cleanse(plain, srcLen);
		free(plain);
	}
	*destLen = good ? srcLen : 0;
	ta_op_finish(op);
	return good ? TEE_SUCCESS : TEE_ERROR_MAC_INVALID;
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

#define AE(alg, be) {							\
	.id = (alg), .op_class = TEE_OPERATION_AE,			\
	.modes = TA_MODE(TEE_MODE_ENCRYPT) | TA_MODE(TEE_MODE_DECRYPT),	\
	.key_type = TEE_TYPE_AES, .n_keys = 1, .block_len = 16,		\
	.backend = &(be) }

static const struct ta_alg ae_algs[] = {
	AE(TEE_ALG_AES_GCM, ta_ae_gcm_backend),
	AE(TEE_ALG_AES_CCM, ta_ae_ccm_backend),
};

const struct ta_alg_list ta_algs_ae = {
	ae_algs, sizeof(ae_algs) / sizeof(ae_algs[0])
};
