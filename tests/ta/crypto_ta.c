// SPDX-License-Identifier: BSD-2-Clause
/*
 * The crypto test TA (include/vtee_crypto_ta.h): GP symmetric operations
 * in a real TA process, built once for GP v1.3 and once for v1.1.  This
 * file runs one operation as the client describes it (CRYPTO_CMD_RUN);
 * crypto_ta_rules.c and crypto_ta_panics.c check GP's error and panic
 * rules.  Panics are the GP functions' own: this TA checks nothing the
 * API is meant to check.
 */
#include <string.h>

#include "crypto_ta.h"
#include "ta_boilerplate.h"
#include <vtee_crypto_ta.h>

void TA_CloseSessionEntryPoint(void *sess_ctx __unused)
{
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t pt, TEE_Param p[4])
{
	switch (cmd) {
	case CRYPTO_CMD_RUN:
		return crypto_ta_run(pt, p);
	case CRYPTO_CMD_RULE:
		return crypto_ta_rule(pt, p);
	case CRYPTO_CMD_PANIC:
		return crypto_ta_panic(pt, p);
	default:
		return TEE_ERROR_BAD_PARAMETERS;
	}
}

/* ------------------------------------------------------------------ */
/* Keys and operations                                                 */
/* ------------------------------------------------------------------ */

TEE_ObjectHandle crypto_ta_key(uint32_t type, const void *key, size_t len)
{
	TEE_ObjectHandle o = TEE_HANDLE_NULL;
	TEE_Attribute attr;

	if (TEE_AllocateTransientObject(type, len * 8, &o))
		TEE_Panic(TEE_ERROR_GENERIC);
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, key, len);
	if (TEE_PopulateTransientObject(o, &attr, 1))
		TEE_Panic(TEE_ERROR_GENERIC);
	return o;
}

TEE_OperationHandle crypto_ta_op(uint32_t alg, uint32_t mode, uint32_t max,
				 uint32_t type, const void *key, size_t len)
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_ObjectHandle k;

	if (TEE_AllocateOperation(&op, alg, mode, max))
		TEE_Panic(TEE_ERROR_GENERIC);
	if (!key)
		return op;
	k = crypto_ta_key(type, key, len);
	if (TEE_SetOperationKey(op, k))
		TEE_Panic(TEE_ERROR_GENERIC);
	TEE_FreeTransientObject(k);
	return op;
}

/* ------------------------------------------------------------------ */
/* CRYPTO_CMD_RUN                                                      */
/* ------------------------------------------------------------------ */

/* The request and its byte fields */
struct run {
	struct crypto_ta_req r;
	const uint8_t *key, *key2, *iv, *aad, *in, *tag;
	TEE_OperationHandle op;
	uint8_t *out;		/* the client's output buffer */
	size_t cap, used;
	size_t in_off;		/* input consumed by updates */
};

static bool parse(struct run *run, const TEE_Param *p)
{
	const uint8_t *b = p->memref.buffer;
	size_t size = p->memref.size, need;

	if (size < sizeof(run->r))
		return false;
	memcpy(&run->r, b, sizeof(run->r));
	need = sizeof(run->r) + (size_t)run->r.key_len + run->r.key2_len +
	       run->r.iv_len + run->r.aad_len + run->r.in_len +
	       run->r.tag_len;
	if (need != size)
		return false;
	b += sizeof(run->r);
	run->key = b;
	run->key2 = run->key + run->r.key_len;
	run->iv = run->key2 + run->r.key2_len;
	run->aad = run->iv + run->r.iv_len;
	run->in = run->aad + run->r.aad_len;
	run->tag = run->in + run->r.in_len;
	return true;
}

static TEE_Result set_keys(struct run *run)
{
	TEE_ObjectHandle k1, k2 = TEE_HANDLE_NULL;
	TEE_Result res;

	if (!run->r.key_type)
		return TEE_SUCCESS;
	k1 = crypto_ta_key(run->r.key_type, run->key, run->r.key_len);
	if (run->r.key2_len) {
		k2 = crypto_ta_key(run->r.key_type, run->key2,
				   run->r.key2_len);
		res = TEE_SetOperationKey2(run->op, k1, k2);
	} else {
		res = TEE_SetOperationKey(run->op, k1);
	}
	TEE_FreeTransientObject(k1);
	TEE_FreeTransientObject(k2);
	return res;
}

/* The size of the next update's piece; 0: the rest is the final's. */
static size_t next_piece(const struct run *run, uint32_t total, size_t off)
{
	size_t n = off ? run->r.chunk : run->r.first;

	if (!n && !off && run->r.chunk)
		n = run->r.chunk;
	if (!n || off + n >= total)
		return 0;
	return n;
}

/* Room left in the output, as the API's length type */
static len_t room(const struct run *run)
{
	return (len_t)(run->cap - run->used);
}

/* A SHORT_BUFFER's size: what was written, plus what was needed */
static TEE_Result short_buffer(struct run *run, len_t needed)
{
	run->used += needed;
	return TEE_ERROR_SHORT_BUFFER;
}

/* After the first update, go on with a copy (CRYPTO_F_COPY_MID). */
static void maybe_copy(struct run *run, bool first)
{
	TEE_OperationInfo info;
	TEE_OperationHandle copy = TEE_HANDLE_NULL;

	if (!first || !(run->r.flags & CRYPTO_F_COPY_MID))
		return;
	TEE_GetOperationInfo(run->op, &info);
	if (TEE_AllocateOperation(&copy, info.algorithm, info.mode,
				  info.maxKeySize))
		TEE_Panic(TEE_ERROR_GENERIC);
	TEE_CopyOperation(copy, run->op);
	TEE_FreeOperation(run->op);
	run->op = copy;
}

/* Digests ---------------------------------------------------------- */

static TEE_Result digest_extract(struct run *run)
{
	size_t want = run->r.out_len ? run->r.out_len : run->cap;

	while (run->used < want) {
		len_t n = run->r.chunk ? run->r.chunk : want - run->used;
		TEE_Result res;

		if (n > want - run->used)
			n = want - run->used;
#ifdef CRYPTO_TA_GP11
		/* v1.1 has no TEE_DigestExtract */
		(void)res;
		return TEE_ERROR_NOT_SUPPORTED;
#else
		res = TEE_DigestExtract(run->op, run->out + run->used, &n);
		if (res)
			return res;
		if (!n)
			break;
		run->used += n;
#endif
	}
	return TEE_SUCCESS;
}

static TEE_Result run_digest(struct run *run)
{
	uint32_t total = run->r.in_len;
	size_t n;
	len_t len;
	TEE_Result res;

	while ((n = next_piece(run, total, run->in_off))) {
		TEE_DigestUpdate(run->op, run->in + run->in_off, n);
		maybe_copy(run, !run->in_off);
		run->in_off += n;
	}
	if (run->r.flags & CRYPTO_F_EXTRACT) {
		TEE_DigestUpdate(run->op, run->in + run->in_off,
				 total - run->in_off);
		return digest_extract(run);
	}
	len = run->r.out_len ? run->r.out_len : room(run);
	res = TEE_DigestDoFinal(run->op, run->in + run->in_off,
				total - run->in_off, run->out, &len);
	if (res == TEE_ERROR_SHORT_BUFFER)
		return short_buffer(run, len);
	if (!res)
		run->used = len;
	return res;
}

/* Ciphers ---------------------------------------------------------- */

static TEE_Result run_cipher(struct run *run)
{
	uint32_t total = run->r.in_len;
	TEE_Result res;
	size_t n;
	len_t len;

	TEE_CipherInit(run->op, run->r.iv_len ? run->iv : NULL,
		       run->r.iv_len);
	while ((n = next_piece(run, total, run->in_off))) {
		len = room(run);
		res = TEE_CipherUpdate(run->op, run->in + run->in_off, n,
				       run->out + run->used, &len);
		if (res == TEE_ERROR_SHORT_BUFFER)
			return short_buffer(run, len);
		if (res)
			return res;
		run->used += len;
		maybe_copy(run, !run->in_off);
		run->in_off += n;
	}
	len = room(run);
	res = TEE_CipherDoFinal(run->op, run->in + run->in_off,
				total - run->in_off, run->out + run->used,
				&len);
	if (res == TEE_ERROR_SHORT_BUFFER)
		return short_buffer(run, len);
	if (!res)
		run->used += len;
	return res;
}

/* MACs ------------------------------------------------------------- */

static TEE_Result run_mac(struct run *run)
{
	uint32_t total = run->r.in_len;
	TEE_Result res;
	size_t n;
	len_t len;

	TEE_MACInit(run->op, NULL, 0);
	while ((n = next_piece(run, total, run->in_off))) {
		TEE_MACUpdate(run->op, run->in + run->in_off, n);
		maybe_copy(run, !run->in_off);
		run->in_off += n;
	}
	if (run->r.flags & CRYPTO_F_COMPARE)
		return TEE_MACCompareFinal(run->op, run->in + run->in_off,
					   total - run->in_off, run->tag,
					   run->r.tag_len);
	len = room(run);
	res = TEE_MACComputeFinal(run->op, run->in + run->in_off,
				  total - run->in_off, run->out, &len);
	if (res == TEE_ERROR_SHORT_BUFFER)
		return short_buffer(run, len);
	if (!res)
		run->used = len;
	return res;
}

/* Authenticated encryption ------------------------------------------- */

/* The AAD in the same pieces as the payload */
static void ae_aad(struct run *run)
{
	size_t off = 0, n;

	while ((n = next_piece(run, run->r.aad_len, off))) {
		TEE_AEUpdateAAD(run->op, run->aad + off, n);
		off += n;
	}
	if (run->r.aad_len > off)
		TEE_AEUpdateAAD(run->op, run->aad + off, run->r.aad_len - off);
}

static TEE_Result ae_final(struct run *run)
{
	const uint8_t *src = run->in + run->in_off;
	size_t left = run->r.in_len - run->in_off;
	len_t len = room(run), tag_len;
	TEE_Result res;

	if (run->r.mode == TEE_MODE_DECRYPT) {
		res = TEE_AEDecryptFinal(run->op, src, left,
					 run->out + run->used, &len,
					 (void *)run->tag, run->r.tag_len);
		if (res == TEE_ERROR_SHORT_BUFFER)
			return short_buffer(run, len);
		if (!res)
			run->used += len;
		return res;
	}
	if (room(run) < left)
		return short_buffer(run, left);
	len = left;
	tag_len = room(run) - left;
	res = TEE_AEEncryptFinal(run->op, src, left, run->out + run->used,
				 &len, run->out + run->used + left, &tag_len);
	if (res == TEE_ERROR_SHORT_BUFFER)
		return short_buffer(run, left + tag_len);
	if (!res)
		run->used += len + tag_len;
	return res;
}

static TEE_Result run_ae(struct run *run)
{
	uint32_t total = run->r.in_len;
	TEE_Result res;
	size_t n;
	len_t len;

	res = TEE_AEInit(run->op, run->iv, run->r.iv_len, run->r.tag_len * 8,
			 run->r.aad_len, run->r.in_len);
	if (res)
		return res;
	ae_aad(run);
	while ((n = next_piece(run, total, run->in_off))) {
		len = room(run);
		res = TEE_AEUpdate(run->op, run->in + run->in_off, n,
				   run->out + run->used, &len);
		if (res == TEE_ERROR_SHORT_BUFFER)
			return short_buffer(run, len);
		if (res)
			return res;
		run->used += len;
		maybe_copy(run, !run->in_off);
		run->in_off += n;
	}
	return ae_final(run);
}

/* CRYPTO_F_RESET_FIRST: junk goes in, and TEE_ResetOperation (or a new
 * Init) must forget it. */
static void junk_then_reset(struct run *run, uint32_t op_class)
{
	static const uint8_t junk[48] = { 0x6a };

	if (!(run->r.flags & CRYPTO_F_RESET_FIRST))
		return;
	if (op_class == TEE_OPERATION_DIGEST) {
		TEE_DigestUpdate(run->op, junk, sizeof(junk));
	} else if (op_class == TEE_OPERATION_MAC) {
		TEE_MACInit(run->op, NULL, 0);
		TEE_MACUpdate(run->op, junk, sizeof(junk));
	}
	TEE_ResetOperation(run->op);
}

static TEE_Result run_class(struct run *run)
{
	TEE_OperationInfo info;

	TEE_GetOperationInfo(run->op, &info);
	junk_then_reset(run, info.operationClass);
	switch (info.operationClass) {
	case TEE_OPERATION_DIGEST:
		return run_digest(run);
	case TEE_OPERATION_CIPHER:
		return run_cipher(run);
	case TEE_OPERATION_MAC:
		return run_mac(run);
	case TEE_OPERATION_AE:
		return run_ae(run);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}

TEE_Result crypto_ta_run(uint32_t pt, TEE_Param p[4])
{
	struct run run = { .op = TEE_HANDLE_NULL };
	TEE_Result res;

	if (pt != PT(MEMREF_INPUT, MEMREF_OUTPUT, NONE, NONE) ||
	    !parse(&run, &p[0]))
		return TEE_ERROR_BAD_PARAMETERS;
	run.out = p[1].memref.buffer;
	run.cap = p[1].memref.size;
	res = TEE_AllocateOperation(&run.op, run.r.alg, run.r.mode,
				    run.r.max_key_bits);
	if (res)
		return res;
	res = set_keys(&run);
	if (!res)
		res = run_class(&run);
	TEE_FreeOperation(run.op);
	p[1].memref.size = run.used;
	return res;
}
