// SPDX-License-Identifier: BSD-2-Clause
/*
 * Message digests (GP TEE_Digest*): MD5, SHA-1, SHA-2, SHA-3, SM3, and
 * the extendable-output SHAKE128/256, on libcrypto's EVP_MD.
 *
 * States (GP v1.3.1): INITIAL until the first update, ACTIVE while
 * data goes in, EXTRACTING once TEE_DigestExtract has taken output;
 * DoFinal (or Reset) goes back to INITIAL with a fresh digest.
 * Extracting a fixed-size digest hands out the finished digest piece by
 * piece.  A SHAKE stream goes on as long as it is asked to: OpenSSL 3.0
 * squeezes only once, so the state at the first extract is kept and the
 * stream recomputed, longer each time, when more is asked than was made.
 */
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "crypto_lib.h"
#include "operation.h"

struct digest_ctx {
	EVP_MD_CTX *md;
	EVP_MD_CTX *xof;	/* SHAKE while extracting: the final state */
	uint8_t *out;		/* extracted output, made so far */
	size_t out_len;
	size_t out_off;		/* how much of it was handed out */
};

static bool is_xof(const struct ta_operation *op)
{
	return op->alg->digest_len == 0;
}

static struct digest_ctx *ctx_of(const struct ta_operation *op)
{
	return op->ctx;
}

static void drop_output(struct digest_ctx *c)
{
	if (c->out) {
		OPENSSL_cleanse(c->out, c->out_len);
		free(c->out);
	}
	c->out = NULL;
	c->out_len = 0;
	c->out_off = 0;
	EVP_MD_CTX_free(c->xof);
	c->xof = NULL;
}

static void fresh_digest(struct ta_operation *op)
{
	const EVP_MD *md = ta_crypto_md(op->alg->id);

	if (!EVP_DigestInit_ex2(ctx_of(op)->md, md, NULL))
		TEE_Panic(TEE_ERROR_GENERIC);
}

static TEE_Result digest_alloc(struct ta_operation *op)
{
	struct digest_ctx *c;

	if (!ta_crypto_md(op->alg->id))
		return TEE_ERROR_NOT_SUPPORTED;
	c = calloc(1, sizeof(*c));
	if (!c)
		return TEE_ERROR_OUT_OF_MEMORY;
	c->md = EVP_MD_CTX_new();
	op->ctx = c;
	if (!c->md)
		return TEE_ERROR_OUT_OF_MEMORY;
	fresh_digest(op);
	return TEE_SUCCESS;
}

static void digest_free(struct ta_operation *op)
{
	struct digest_ctx *c = ctx_of(op);

	if (!c)
		return;
	drop_output(c);
	EVP_MD_CTX_free(c->md);
	free(c);
	op->ctx = NULL;
}

static void digest_reset(struct ta_operation *op)
{
	drop_output(ctx_of(op));
	fresh_digest(op);
}

static TEE_Result digest_copy(struct ta_operation *dst,
			      const struct ta_operation *src)
{
	struct digest_ctx *d = ctx_of(dst);
	const struct digest_ctx *s = ctx_of(src);

	drop_output(d);
	if (!EVP_MD_CTX_copy_ex(d->md, s->md))
		return TEE_ERROR_OUT_OF_MEMORY;
	if (s->xof) {
		d->xof = EVP_MD_CTX_new();
		if (!d->xof || !EVP_MD_CTX_copy_ex(d->xof, s->xof))
			return TEE_ERROR_OUT_OF_MEMORY;
	}
	if (s->out_len) {
		d->out = malloc(s->out_len);
		if (!d->out)
			return TEE_ERROR_OUT_OF_MEMORY;
		memcpy(d->out, s->out, s->out_len);
	}
	d->out_len = s->out_len;
	d->out_off = s->out_off;
	return TEE_SUCCESS;
}

static const struct ta_op_backend digest_backend = {
	.alloc = digest_alloc,
	.free = digest_free,
	.reset = digest_reset,
	.copy = digest_copy,
};

/* ------------------------------------------------------------------ */
/* Extracting                                                          */
/* ------------------------------------------------------------------ */

/* SHAKE: make at least `len` bytes of the stream (doubling, so that
 * many small extracts cost a few recomputations only). */
static void xof_make(struct digest_ctx *c, size_t len)
{
	size_t n = c->out_len ? c->out_len : 64;
	uint8_t *out;

	while (n < len)
		n = n > SIZE_MAX / 2 ? len : n * 2;
	out = malloc(n);
	if (!out || !EVP_MD_CTX_copy_ex(c->md, c->xof) ||
	    !EVP_DigestFinalXOF(c->md, out, n))
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	if (c->out) {
		OPENSSL_cleanse(c->out, c->out_len);
		free(c->out);
	}
	c->out = out;
	c->out_len = n;
}

static void start_extracting(struct ta_operation *op)
{
	struct digest_ctx *c = ctx_of(op);
	unsigned int len = 0;

	if (is_xof(op)) {
		c->xof = EVP_MD_CTX_new();
		if (!c->xof || !EVP_MD_CTX_copy_ex(c->xof, c->md))
			TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	} else {
		c->out = malloc(EVP_MAX_MD_SIZE);
		if (!c->out || !EVP_DigestFinal_ex(c->md, c->out, &len))
			TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
		c->out_len = len;
	}
	c->out_off = 0;
	op->state = TEE_OPERATION_STATE_EXTRACTING;
	op->info.handleState |= TEE_HANDLE_FLAG_EXTRACTING;
}

/* The next bytes of the output: all `want` of a stream, what is left
 * of a fixed-size digest. */
static size_t give(struct ta_operation *op, uint8_t *buf, size_t want)
{
	struct digest_ctx *c = ctx_of(op);
	size_t n = want;

	if (is_xof(op)) {
		if (want > SIZE_MAX - c->out_off)
			TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
		if (c->out_off + want > c->out_len)
			xof_make(c, c->out_off + want);
	} else if (n > c->out_len - c->out_off) {
		n = c->out_len - c->out_off;
	}
	if (n)
		memcpy(buf, c->out + c->out_off, n);
	c->out_off += n;
	return n;
}

/* ------------------------------------------------------------------ */
/* The GP functions                                                    */
/* ------------------------------------------------------------------ */

void TEE_DigestUpdate(TEE_OperationHandle operation, const void *chunk,
		      size_t chunkSize)
{
	struct ta_operation *op = ta_op_get_class(operation,
						  TEE_OPERATION_DIGEST);

	ta_op_expect_buf(chunk, chunkSize);
	if (op->state == TEE_OPERATION_STATE_EXTRACTING)
		TEE_Panic(TEE_ERROR_BAD_STATE);
	op->state = TEE_OPERATION_STATE_ACTIVE;
	if (chunkSize && !EVP_DigestUpdate(ctx_of(op)->md, chunk, chunkSize))
		TEE_Panic(TEE_ERROR_GENERIC);
}

/* The last chunk and the whole digest (a SHAKE: *hashLen bytes). */
static void final_digest(struct ta_operation *op, const void *chunk,
			 size_t chunk_len, void *hash, size_t *hash_len)
{
	struct digest_ctx *c = ctx_of(op);
	unsigned int len = 0;
	int ok;

	ok = !chunk_len || EVP_DigestUpdate(c->md, chunk, chunk_len);
	if (is_xof(op)) {
		ok = ok && (!*hash_len ||
			    EVP_DigestFinalXOF(c->md, hash, *hash_len));
	} else {
		ok = ok && EVP_DigestFinal_ex(c->md, hash, &len);
		*hash_len = len;
	}
	if (!ok)
		TEE_Panic(TEE_ERROR_GENERIC);
}

TEE_Result TEE_DigestDoFinal(TEE_OperationHandle operation, const void *chunk,
			     size_t chunkLen, void *hash, size_t *hashLen)
{
	struct ta_operation *op = ta_op_get_class(operation,
						  TEE_OPERATION_DIGEST);
	TEE_Result res;

	ta_op_expect_buf(chunk, chunkLen);
	if (!hashLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (op->state == TEE_OPERATION_STATE_EXTRACTING) {
		/* the rest of what extracting began */
		if (chunkLen)
			TEE_Panic(TEE_ERROR_BAD_STATE);
		ta_op_expect_buf(hash, *hashLen);
		*hashLen = give(op, hash, *hashLen);
		ta_op_finish(op);
		return TEE_SUCCESS;
	}
	if (!is_xof(op)) {
		res = ta_op_out_fits(op->alg->digest_len, hashLen);
		if (res)
			return res;
	}
	ta_op_expect_buf(hash, *hashLen);
	final_digest(op, chunk, chunkLen, hash, hashLen);
	ta_op_finish(op);
	return TEE_SUCCESS;
}

TEE_Result TEE_DigestExtract(TEE_OperationHandle operation, void *hash,
			     size_t *hashLen)
{
	struct ta_operation *op = ta_op_get_class(operation,
						  TEE_OPERATION_DIGEST);

	if (!hashLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_op_expect_buf(hash, *hashLen);
	if (op->state != TEE_OPERATION_STATE_EXTRACTING)
		start_extracting(op);
	*hashLen = give(op, hash, *hashLen);
	return TEE_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

#define DIGEST(alg, len) {						\
	.id = (alg), .op_class = TEE_OPERATION_DIGEST,			\
	.modes = TA_MODE(TEE_MODE_DIGEST), .digest_len = (len),		\
	.hash = (alg), .backend = &digest_backend }

static const struct ta_alg digest_algs[] = {
	DIGEST(TEE_ALG_MD5, 16),
	DIGEST(TEE_ALG_SHA1, 20),
	DIGEST(TEE_ALG_SHA224, 28),
	DIGEST(TEE_ALG_SHA256, 32),
	DIGEST(TEE_ALG_SHA384, 48),
	DIGEST(TEE_ALG_SHA512, 64),
	DIGEST(TEE_ALG_SHA3_224, 28),
	DIGEST(TEE_ALG_SHA3_256, 32),
	DIGEST(TEE_ALG_SHA3_384, 48),
	DIGEST(TEE_ALG_SHA3_512, 64),
	DIGEST(TEE_ALG_SHAKE128, 0),	/* any length: no digestLength */
	DIGEST(TEE_ALG_SHAKE256, 0),
	DIGEST(TEE_ALG_SM3, 32),
};

const struct ta_alg_list ta_algs_digest = {
	digest_algs, sizeof(digest_algs) / sizeof(digest_algs[0])
};
