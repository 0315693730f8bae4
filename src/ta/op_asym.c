// SPDX-License-Identifier: BSD-2-Clause
/*
 * The asymmetric class functions (GP TEE Internal Core API v1.3.1
 * §6.8): TEE_AsymmetricEncrypt, _Decrypt, _SignDigest, _VerifyDigest,
 * and the backend hooks every asymmetric family shares (op_asym.h).
 *
 * GP's panics come first: a handle that is not an operation of the
 * function's class and mode, no key, an input buffer NULL with a length,
 * no length for the output.  An asymmetric operation has no running
 * state: it stays in the initial state, and each call is complete.
 * Outputs follow GP's [outbuf] rule: a buffer too small gets
 * TEE_ERROR_SHORT_BUFFER and the length needed.
 */
#include <stdlib.h>
#include <string.h>

#include "crypto_lib.h"
#include "op_asym.h"

/* ------------------------------------------------------------------ */
/* Backend hooks                                                       */
/* ------------------------------------------------------------------ */

static const struct ta_asym_ops *ops_of(const struct ta_operation *op)
{
	return op->alg->backend->ops;
}

void ta_asym_free(struct ta_operation *op)
{
	EVP_PKEY_free(op->ctx);
	op->ctx = NULL;
}

/* A key libcrypto refuses (inconsistent numbers, a point off its curve)
 * cannot be used: SetOperationKey panics. */
TEE_Result ta_asym_key_changed(struct ta_operation *op)
{
	const struct ta_asym_ops *ops = ops_of(op);

	ta_asym_free(op);
	if (!op->key[0] || !ops->load)
		return TEE_SUCCESS;
	op->ctx = ops->load(op);
	return op->ctx ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

/* The destination has the source's keys already: build its own. */
TEE_Result ta_asym_copy(struct ta_operation *dst,
			const struct ta_operation *src)
{
	(void)src;
	return ta_asym_key_changed(dst) == TEE_SUCCESS ?
	       TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}

EVP_PKEY *ta_asym_pkey(const struct ta_operation *op)
{
	if (!op->ctx)
		TEE_Panic(TEE_ERROR_BAD_STATE);
	return op->ctx;
}

EVP_PKEY_CTX *ta_asym_pctx(const struct ta_operation *op)
{
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_pkey(NULL, ta_asym_pkey(op),
						     NULL);

	if (!c)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	return c;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

const TEE_Attribute *ta_param(const struct ta_params *p, uint32_t id)
{
	for (uint32_t i = 0; i < p->n; i++)
		if (p->attrs[i].attributeID == id)
			return &p->attrs[i];
	return NULL;
}

uint8_t *ta_asym_alloc(size_t len)
{
	uint8_t *b = malloc(len ? len : 1);

	if (!b)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	return b;
}

const EVP_MD *ta_asym_md(uint32_t hash)
{
	const EVP_MD *md = ta_crypto_md(hash);

	if (!md)
		TEE_Panic(TEE_ERROR_NOT_SUPPORTED);
	return md;
}

/* ------------------------------------------------------------------ */
/* GP's checks                                                         */
/* ------------------------------------------------------------------ */

/* The operation, panicking unless it is of that class and mode and has
 * its key; the parameters checked as GP's [in] array. */
static struct ta_operation *ready_op(TEE_OperationHandle h,
				     uint32_t op_class, uint32_t mode,
				     const TEE_Attribute *params,
				     uint32_t count)
{
	struct ta_operation *op = ta_op_get_class(h, op_class);

	if (op->info.mode != mode)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_op_expect_key(op);
	if (count && !params)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return op;
}

/* A signature algorithm with a hash signs digests of that hash only. */
static bool digest_len_ok(const struct ta_operation *op, size_t len)
{
	uint32_t hash = op->alg->hash;

	return !hash || len == (size_t)EVP_MD_get_size(ta_asym_md(hash));
}

/* GP's [outbuf]: the result, or TEE_ERROR_SHORT_BUFFER with its size.
 * The family's buffer is wiped either way (a decryption is secret). */
static TEE_Result hand_out(TEE_Result res, uint8_t *out, size_t out_len,
			   void *dst, size_t *dst_len)
{
	if (res == TEE_SUCCESS) {
		res = ta_op_out_fits(out_len, dst_len);
		if (res == TEE_SUCCESS) {
			if (out_len)
				memcpy(dst, out, out_len);
			*dst_len = out_len;
		}
	}
	if (out) {
		OPENSSL_cleanse(out, out_len);
		free(out);
	}
	return res;
}

/* Only these results reach the TA; anything else is a panic. */
static TEE_Result allowed(TEE_Result res, TEE_Result extra1,
			  TEE_Result extra2)
{
	if (res != TEE_SUCCESS && res != TEE_ERROR_SHORT_BUFFER &&
	    res != TEE_ERROR_BAD_PARAMETERS && res != extra1 &&
	    res != extra2)
		TEE_Panic(res);
	return res;
}

typedef TEE_Result (*transform_fn)(struct ta_operation *op,
				   const struct ta_params *p,
				   const uint8_t *in, size_t len,
				   uint8_t **out, size_t *out_len);

/* Encrypt, decrypt and sign: one input, one output */
static TEE_Result transform(struct ta_operation *op, transform_fn fn,
			    const TEE_Attribute *params, uint32_t count,
			    const void *src, size_t src_len, void *dst,
			    size_t *dst_len)
{
	struct ta_params p = { params, count };
	uint8_t *out = NULL;
	size_t out_len = 0;
	TEE_Result res;

	ta_op_expect_buf(src, src_len);
	if (!dst_len)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_op_expect_buf(dst, *dst_len);
	if (!fn)
		TEE_Panic(TEE_ERROR_NOT_SUPPORTED);
	res = fn(op, &p, src, src_len, &out, &out_len);
	return hand_out(res, out, out_len, dst, dst_len);
}

/* ------------------------------------------------------------------ */
/* The GP functions                                                    */
/* ------------------------------------------------------------------ */

/* Encrypt or decrypt (mode); decrypting may also say the ciphertext is
 * invalid. */
static TEE_Result asym_cipher(TEE_OperationHandle operation, uint32_t mode,
			      const TEE_Attribute *params, uint32_t count,
			      const void *src, size_t src_len, void *dst,
			      size_t *dst_len)
{
	struct ta_operation *op = ready_op(operation,
					   TEE_OPERATION_ASYMMETRIC_CIPHER,
					   mode, params, count);
	bool enc = mode == TEE_MODE_ENCRYPT;

	return allowed(transform(op, enc ? ops_of(op)->encrypt :
				 ops_of(op)->decrypt, params, count, src,
				 src_len, dst, dst_len),
		       enc ? TEE_SUCCESS : TEE_ERROR_CIPHERTEXT_INVALID,
		       TEE_SUCCESS);
}

TEE_Result TEE_AsymmetricEncrypt(TEE_OperationHandle operation,
				 const TEE_Attribute *params,
				 uint32_t paramCount, const void *srcData,
				 size_t srcLen, void *destData,
				 size_t *destLen)
{
	return asym_cipher(operation, TEE_MODE_ENCRYPT, params, paramCount,
			   srcData, srcLen, destData, destLen);
}

TEE_Result TEE_AsymmetricDecrypt(TEE_OperationHandle operation,
				 const TEE_Attribute *params,
				 uint32_t paramCount, const void *srcData,
				 size_t srcLen, void *destData,
				 size_t *destLen)
{
	return asym_cipher(operation, TEE_MODE_DECRYPT, params, paramCount,
			   srcData, srcLen, destData, destLen);
}

TEE_Result TEE_AsymmetricSignDigest(TEE_OperationHandle operation,
				    const TEE_Attribute *params,
				    uint32_t paramCount, const void *digest,
				    size_t digestLen, void *signature,
				    size_t *signatureLen)
{
	struct ta_operation *op = ready_op(operation,
					   TEE_OPERATION_ASYMMETRIC_SIGNATURE,
					   TEE_MODE_SIGN, params, paramCount);

	ta_op_expect_buf(digest, digestLen);
	if (!digest_len_ok(op, digestLen))
		return TEE_ERROR_BAD_PARAMETERS;
	return allowed(transform(op, ops_of(op)->sign, params, paramCount,
				 digest, digestLen, signature, signatureLen),
		       TEE_SUCCESS, TEE_SUCCESS);
}

TEE_Result TEE_AsymmetricVerifyDigest(TEE_OperationHandle operation,
				      const TEE_Attribute *params,
				      uint32_t paramCount, const void *digest,
				      size_t digestLen, const void *signature,
				      size_t signatureLen)
{
	struct ta_operation *op = ready_op(operation,
					   TEE_OPERATION_ASYMMETRIC_SIGNATURE,
					   TEE_MODE_VERIFY, params, paramCount);
	struct ta_params p = { params, paramCount };
	TEE_Result res;

	ta_op_expect_buf(digest, digestLen);
	ta_op_expect_buf(signature, signatureLen);
	if (!digest_len_ok(op, digestLen))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!ops_of(op)->verify)
		TEE_Panic(TEE_ERROR_NOT_SUPPORTED);
	res = ops_of(op)->verify(op, &p, digest, digestLen, signature,
				 signatureLen);
	return allowed(res, TEE_ERROR_SIGNATURE_INVALID, TEE_SUCCESS);
}
