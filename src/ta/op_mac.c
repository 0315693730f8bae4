// SPDX-License-Identifier: BSD-2-Clause
/*
 * MACs (GP TEE_MAC*): the class functions and the family's table.  The
 * backends compute (op_mac_evp.c: HMAC, CMAC; op_mac_cbc.c: CBC-MAC);
 * this file holds GP's rules:
 *
 * - Init needs a key and may come in any state (it starts over);
 * - Update and the finals need an Init (INITIALIZED, ACTIVE), else panic;
 * - ComputeFinal with a buffer under digestLength is
 *   TEE_ERROR_SHORT_BUFFER with the size needed, nothing consumed;
 * - CompareFinal answers TEE_ERROR_MAC_INVALID for a MAC of another
 *   length or value (compared in constant time);
 * - a final ends the message: back to the initial state.
 */
#include <openssl/crypto.h>
#include <tee_api_defines_extensions.h>

#include "op_sym.h"

static const struct ta_mac_ops *ops_of(const struct ta_operation *op)
{
	return op->alg->backend->ops;
}

void TEE_MACInit(TEE_OperationHandle operation, const void *IV, size_t IVLen)
{
	struct ta_operation *op = ta_op_get_class(operation, TEE_OPERATION_MAC);

	ta_op_expect_key(op);
	ta_op_expect_buf(IV, IVLen);
	ta_op_finish(op);
	ops_of(op)->init(op);
	ta_op_set_active(op);
}

static struct ta_operation *running(TEE_OperationHandle operation)
{
	struct ta_operation *op = ta_op_get_class(operation, TEE_OPERATION_MAC);

	ta_op_expect_initialized(op);
	ta_op_expect_state(op, TEE_OPERATION_STATE_ACTIVE);
	return op;
}

void TEE_MACUpdate(TEE_OperationHandle operation, const void *chunk,
		   size_t chunkSize)
{
	struct ta_operation *op = running(operation);

	ta_op_expect_buf(chunk, chunkSize);
	if (chunkSize)
		ops_of(op)->update(op, chunk, chunkSize);
}

/* The message's last part in, the MAC out, the operation finished. */
static void compute(struct ta_operation *op, const void *message,
		    size_t len, uint8_t *mac)
{
	if (len)
		ops_of(op)->update(op, message, len);
	ops_of(op)->final(op, mac);
	ta_op_finish(op);
}

TEE_Result TEE_MACComputeFinal(TEE_OperationHandle operation,
			       const void *message, size_t messageLen,
			       void *mac, size_t *macLen)
{
	struct ta_operation *op = running(operation);
	size_t need = op->alg->digest_len;
	TEE_Result res;

	ta_op_expect_buf(message, messageLen);
	res = ta_op_out_fits(need, macLen);
	if (res)
		return res;
	ta_op_expect_buf(mac, need);
	compute(op, message, messageLen, mac);
	*macLen = need;
	return TEE_SUCCESS;
}

TEE_Result TEE_MACCompareFinal(TEE_OperationHandle operation,
			       const void *message, size_t messageLen,
			       const void *mac, size_t macLen)
{
	struct ta_operation *op = running(operation);
	uint8_t computed[EVP_MAX_MD_SIZE];
	size_t len = op->alg->digest_len;
	bool same;

	ta_op_expect_buf(message, messageLen);
	ta_op_expect_buf(mac, macLen);
	compute(op, message, messageLen, computed);
	same = macLen == len && !CRYPTO_memcmp(computed, mac, len);
	OPENSSL_cleanse(computed, sizeof(computed));
	return same ? TEE_SUCCESS : TEE_ERROR_MAC_INVALID;
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

#define MAC(alg, type, len, be)						\
	.id = (alg), .op_class = TEE_OPERATION_MAC,			\
	.modes = TA_MODE(TEE_MODE_MAC), .key_type = (type), .n_keys = 1, \
	.digest_len = (len), .backend = &(be)

#define HMAC(alg, type, h, len) { MAC(alg, type, len, ta_mac_hmac_backend), \
				  .hash = (h) }
#define CBC_MAC(alg, type, name, block)					\
	{ MAC(alg, type, block, ta_mac_cbc_backend), .lib_name = (name), \
	  .block_len = (block) }
#define CMAC(alg, type, block)						\
	{ MAC(alg, type, block, ta_mac_cmac_backend), .block_len = (block) }

static const struct ta_alg mac_algs[] = {
	HMAC(TEE_ALG_HMAC_MD5, TEE_TYPE_HMAC_MD5, TEE_ALG_MD5, 16),
	HMAC(TEE_ALG_HMAC_SHA1, TEE_TYPE_HMAC_SHA1, TEE_ALG_SHA1, 20),
	HMAC(TEE_ALG_HMAC_SHA224, TEE_TYPE_HMAC_SHA224, TEE_ALG_SHA224, 28),
	HMAC(TEE_ALG_HMAC_SHA256, TEE_TYPE_HMAC_SHA256, TEE_ALG_SHA256, 32),
	HMAC(TEE_ALG_HMAC_SHA384, TEE_TYPE_HMAC_SHA384, TEE_ALG_SHA384, 48),
	HMAC(TEE_ALG_HMAC_SHA512, TEE_TYPE_HMAC_SHA512, TEE_ALG_SHA512, 64),
	HMAC(TEE_ALG_HMAC_SHA3_224, TEE_TYPE_HMAC_SHA3_224, TEE_ALG_SHA3_224,
	     28),
	HMAC(TEE_ALG_HMAC_SHA3_256, TEE_TYPE_HMAC_SHA3_256, TEE_ALG_SHA3_256,
	     32),
	HMAC(TEE_ALG_HMAC_SHA3_384, TEE_TYPE_HMAC_SHA3_384, TEE_ALG_SHA3_384,
	     48),
	HMAC(TEE_ALG_HMAC_SHA3_512, TEE_TYPE_HMAC_SHA3_512, TEE_ALG_SHA3_512,
	     64),
	HMAC(TEE_ALG_HMAC_SM3, TEE_TYPE_HMAC_SM3, TEE_ALG_SM3, 32),
	CBC_MAC(TEE_ALG_AES_CBC_MAC_NOPAD, TEE_TYPE_AES, "AES-*-CBC", 16),
	CBC_MAC(TEE_ALG_AES_CBC_MAC_PKCS5, TEE_TYPE_AES, "AES-*-CBC", 16),
	CBC_MAC(TEE_ALG_DES_CBC_MAC_NOPAD, TEE_TYPE_DES, "DES-CBC", 8),
	CBC_MAC(TEE_ALG_DES_CBC_MAC_PKCS5, TEE_TYPE_DES, "DES-CBC", 8),
	CBC_MAC(TEE_ALG_DES3_CBC_MAC_NOPAD, TEE_TYPE_DES3, "DES-EDE3-CBC", 8),
	CBC_MAC(TEE_ALG_DES3_CBC_MAC_PKCS5, TEE_TYPE_DES3, "DES-EDE3-CBC", 8),
	CMAC(TEE_ALG_AES_CMAC, TEE_TYPE_AES, 16),
	CMAC(TEE_ALG_DES3_CMAC, TEE_TYPE_DES3, 8),
};

const struct ta_alg_list ta_algs_mac = {
	mac_algs, sizeof(mac_algs) / sizeof(mac_algs[0])
};
