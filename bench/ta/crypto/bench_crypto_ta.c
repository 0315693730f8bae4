// SPDX-License-Identifier: BSD-2-Clause
/*
 * The crypto benchmark TA: one GP operation prepared once, then run in
 * batches (bench_crypto_ta.h).  Everything the batch touches (operation,
 * key, message and output buffers) is this TA's own memory, set up by
 * PREPARE, so a batch is the GP calls and nothing else.
 */
#include <string.h>

#include <tee_internal_api.h>

#include <bench_crypto_ta.h>
#include <bench_ta_boilerplate.h>

#define DIGEST_LEN	32	/* the signed digest: a SHA-256 one */
#define SIG_MAX		512	/* an RSA-4096 signature */
#define PUB_MAX		32	/* an X25519 public value */

/* The prepared operation; one per instance (one session each). */
static struct bench {
	uint32_t alg, mode;
	TEE_OperationHandle op;
	TEE_ObjectHandle key;
	TEE_ObjectHandle secret;	/* X25519: what DeriveKey fills */
	uint8_t *in, *out;
	size_t size, out_size;
	uint8_t iv[BENCH_CRYPTO_CBC_IV_LEN];
	uint8_t tag[BENCH_CRYPTO_GCM_TAG_LEN];
	uint8_t digest[DIGEST_LEN];
	uint8_t sig[SIG_MAX];
	size_t sig_len;
	uint8_t peer[PUB_MAX];
	size_t peer_len;
	uint8_t check[BENCH_CRYPTO_CHECK_MAX];
	size_t check_len;
} b;

static void bench_free(void)
{
	TEE_FreeOperation(b.op);
	TEE_FreeTransientObject(b.key);
	TEE_FreeTransientObject(b.secret);
	TEE_Free(b.in);
	TEE_Free(b.out);
	memset(&b, 0, sizeof(b));
}

static void fill(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = BENCH_CRYPTO_FILL(i);
}

/* The check bytes: the last n bytes of p (or all of them). */
static void keep_check(const uint8_t *p, size_t len)
{
	size_t n = len < sizeof(b.check) ? len : sizeof(b.check);

	TEE_MemMove(b.check, p + len - n, n);
	b.check_len = n;
}

/* One operation of the prepared kind. */
static TEE_Result run_one(void)
{
	size_t out_len = b.out_size, tag_len = sizeof(b.tag);
	TEE_Attribute attr;
	TEE_Result res;

	switch (b.alg) {
	case TEE_ALG_AES_GCM:
		res = TEE_AEInit(b.op, b.iv, BENCH_CRYPTO_GCM_NONCE_LEN,
				 8 * BENCH_CRYPTO_GCM_TAG_LEN, 0, b.size);
		if (!res)
			res = TEE_AEEncryptFinal(b.op, b.in, b.size, b.out,
						 &out_len, b.tag, &tag_len);
		if (!res)
			keep_check(b.tag, tag_len);
		return res;
	case TEE_ALG_AES_CBC_NOPAD:
		TEE_CipherInit(b.op, b.iv, BENCH_CRYPTO_CBC_IV_LEN);
		res = TEE_CipherDoFinal(b.op, b.in, b.size, b.out, &out_len);
		if (!res)
			keep_check(b.out, out_len);
		return res;
	case TEE_ALG_SHA256:
		res = TEE_DigestDoFinal(b.op, b.in, b.size, b.out, &out_len);
		if (!res)
			keep_check(b.out, out_len);
		return res;
	case TEE_ALG_HMAC_SHA256:
		TEE_MACInit(b.op, NULL, 0);
		res = TEE_MACComputeFinal(b.op, b.in, b.size, b.out, &out_len);
		if (!res)
			keep_check(b.out, out_len);
		return res;
	case TEE_ALG_RSASSA_PKCS1_V1_5_SHA256:
	case TEE_ALG_ECDSA_SHA256:
		if (b.mode == TEE_MODE_VERIFY)
			return TEE_AsymmetricVerifyDigest(b.op, NULL, 0,
							  b.digest,
							  sizeof(b.digest),
							  b.sig, b.sig_len);
		res = TEE_AsymmetricSignDigest(b.op, NULL, 0, b.digest,
					       sizeof(b.digest), b.out,
					       &out_len);
		if (!res)
			keep_check(b.out, out_len);
		return res;
	case TEE_ALG_X25519:
		TEE_InitRefAttribute(&attr, TEE_ATTR_X25519_PUBLIC_VALUE,
				     b.peer, b.peer_len);
		TEE_ResetTransientObject(b.secret);
		TEE_DeriveKey(b.op, &attr, 1, b.secret);
		b.check_len = 0;
		return TEE_SUCCESS;
	default:
		return TEE_ERROR_BAD_STATE;
	}
}

/* A key pair of the algorithm's type, generated here. */
static TEE_Result key_pair_make(uint32_t alg, uint32_t bits,
				TEE_ObjectHandle *key)
{
	TEE_Attribute curve;
	uint32_t type;
	TEE_Result res;

	switch (alg) {
	case TEE_ALG_RSASSA_PKCS1_V1_5_SHA256:
		type = TEE_TYPE_RSA_KEYPAIR;
		break;
	case TEE_ALG_ECDSA_SHA256:
		if (bits != 256)
			return TEE_ERROR_NOT_SUPPORTED;
		type = TEE_TYPE_ECDSA_KEYPAIR;
		break;
	case TEE_ALG_X25519:
		type = TEE_TYPE_X25519_KEYPAIR;
		break;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
	res = TEE_AllocateTransientObject(type, bits, key);
	if (res)
		return res;
	TEE_InitValueAttribute(&curve, TEE_ATTR_ECC_CURVE,
			       TEE_ECC_CURVE_NIST_P256, 0);
	res = TEE_GenerateKey(*key, bits, &curve,
			      type == TEE_TYPE_ECDSA_KEYPAIR ? 1 : 0);
	if (res) {
		TEE_FreeTransientObject(*key);
		*key = TEE_HANDLE_NULL;
	}
	return res;
}

/* A secret key of the client's bytes. */
static TEE_Result secret_key_make(uint32_t alg, uint32_t bits,
				  const void *bytes, size_t len,
				  TEE_ObjectHandle *key)
{
	uint32_t type;
	TEE_Attribute a;
	TEE_Result res;

	if (alg == TEE_ALG_HMAC_SHA256)
		type = TEE_TYPE_HMAC_SHA256;
	else if (alg == TEE_ALG_AES_GCM || alg == TEE_ALG_AES_CBC_NOPAD)
		type = TEE_TYPE_AES;
	else
		return TEE_ERROR_NOT_SUPPORTED;
	if (len * 8 != bits)
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_AllocateTransientObject(type, bits, key);
	if (res)
		return res;
	TEE_InitRefAttribute(&a, TEE_ATTR_SECRET_VALUE, bytes, len);
	res = TEE_PopulateTransientObject(*key, &a, 1);
	if (res) {
		TEE_FreeTransientObject(*key);
		*key = TEE_HANDLE_NULL;
	}
	return res;
}

/* What the operation needs besides its key: a signature to verify, the
 * peer's public value and an object for the secret. */
static TEE_Result extras_make(uint32_t bits)
{
	TEE_OperationHandle signer;
	TEE_ObjectHandle peer;
	TEE_Result res;

	if (b.mode == TEE_MODE_VERIFY) {
		res = TEE_AllocateOperation(&signer, b.alg, TEE_MODE_SIGN,
					    bits);
		if (res)
			return res;
		res = TEE_SetOperationKey(signer, b.key);
		b.sig_len = sizeof(b.sig);
		if (!res)
			res = TEE_AsymmetricSignDigest(signer, NULL, 0,
						       b.digest,
						       sizeof(b.digest),
						       b.sig, &b.sig_len);
		TEE_FreeOperation(signer);
		return res;
	}
	if (b.alg != TEE_ALG_X25519)
		return TEE_SUCCESS;
	res = key_pair_make(b.alg, bits, &peer);
	if (res)
		return res;
	b.peer_len = sizeof(b.peer);
	res = TEE_GetObjectBufferAttribute(peer, TEE_ATTR_X25519_PUBLIC_VALUE,
					   b.peer, &b.peer_len);
	TEE_FreeTransientObject(peer);
	if (res)
		return res;
	return TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET, bits,
					   &b.secret);
}

/* The output buffer: the ciphertext, digest, MAC or signature. */
static size_t out_size_of(uint32_t alg, size_t size)
{
	switch (alg) {
	case TEE_ALG_AES_GCM:
	case TEE_ALG_AES_CBC_NOPAD:
		return size;
	case TEE_ALG_SHA256:
	case TEE_ALG_HMAC_SHA256:
		return 32;
	default:
		return SIG_MAX;
	}
}

static TEE_Result prepare(TEE_Param p[4])
{
	uint32_t bits = p[1].value.a;
	size_t size = p[1].value.b;
	TEE_Result res;

	bench_free();
	b.alg = p[0].value.a;
	b.mode = p[0].value.b;
	b.size = size;
	b.out_size = out_size_of(b.alg, size);
	b.in = TEE_Malloc(size ? size : 1, TEE_MALLOC_NO_FILL);
	b.out = TEE_Malloc(b.out_size ? b.out_size : 1, TEE_MALLOC_NO_FILL);
	if (!b.in || !b.out) {
		bench_free();
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	fill(b.in, size);
	fill(b.iv, sizeof(b.iv));
	fill(b.digest, sizeof(b.digest));

	res = TEE_AllocateOperation(&b.op, b.alg, b.mode,
				    b.alg == TEE_ALG_SHA256 ? 0 : bits);
	if (!res && b.alg != TEE_ALG_SHA256) {
		if (p[2].memref.size)
			res = secret_key_make(b.alg, bits, p[2].memref.buffer,
					      p[2].memref.size, &b.key);
		else
			res = key_pair_make(b.alg, bits, &b.key);
		if (!res)
			res = TEE_SetOperationKey(b.op, b.key);
		if (!res)
			res = extras_make(bits);
	}
	if (!res)
		res = run_one();
	if (res)
		bench_free();
	return res;
}

static TEE_Result run(TEE_Param p[4])
{
	TEE_Result res = TEE_SUCCESS;

	if (!b.op)
		return TEE_ERROR_BAD_STATE;
	for (uint32_t i = 0; i < p[0].value.a && !res; i++)
		res = run_one();
	if (res)
		return res;
	if (p[1].memref.size < b.check_len)
		return TEE_ERROR_SHORT_BUFFER;
	TEE_MemMove(p[1].memref.buffer, b.check, b.check_len);
	p[1].memref.size = b.check_len;
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
	bench_free();
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t types, TEE_Param p[4])
{
	switch (cmd) {
	case BENCH_CRYPTO_CMD_PREPARE:
		if (types != P(VALUE_INPUT, VALUE_INPUT, MEMREF_INPUT, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return prepare(p);
	case BENCH_CRYPTO_CMD_RUN:
		if (types != P(VALUE_INPUT, MEMREF_OUTPUT, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return run(p);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
