// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP v1.1 examples TA (include/vtee_gp11_examples_ta.h): one TA
 * written the way OP-TEE's older examples are (acipher, ecdh, ecdsa,
 * sign_verify, sha, hotp, and aes's cipher and AE calls), against GP v1.1
 * types: uint32_t lengths passed by pointer, __GP11_TEE_Param memrefs
 * handed straight to the crypto functions, TEE_ObjectInfo.keySize.  It
 * builds only in v1.1 mode, once per way of asking for it, with -Werror:
 * every v1.1 signature it uses must be mapped by <tee_api_compat.h>, and
 * every __GP11_ crypto function must exist to link (--no-undefined).
 */
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <vtee_gp11_examples_ta.h>

/* The v1.1 types, or this file proves nothing */
_Static_assert(__OPTEE_CORE_API_COMPAT_1_1, "not built in GP v1.1 mode");
_Static_assert(sizeof(((TEE_Param *)0)->memref.size) == sizeof(uint32_t),
	       "TEE_Param is not GP v1.1's");
_Static_assert(sizeof(((TEE_Attribute *)0)->content.ref.length) ==
	       sizeof(uint32_t), "TEE_Attribute is not GP v1.1's");

struct session {
	TEE_ObjectHandle rsa_key;
	uint32_t hotp_counter;
	uint8_t hotp_key[20];
	uint32_t hotp_key_len;
};

/* -------------------------------------------------------------------- */
/* acipher: an RSA key pair, RSAES encryption chosen by the host         */
/* -------------------------------------------------------------------- */

static TEE_Result rsa_genkey(struct session *s, uint32_t pt,
			     TEE_Param params[4])
{
	uint32_t key_size = params[0].value.a;
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				  TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (s->rsa_key != TEE_HANDLE_NULL)
		TEE_FreeTransientObject(s->rsa_key);
	res = TEE_AllocateTransientObject(TEE_TYPE_RSA_KEYPAIR, key_size,
					  &s->rsa_key);
	if (res)
		return res;
	res = TEE_GenerateKey(s->rsa_key, key_size, NULL, 0);
	if (res)
		EMSG("TEE_GenerateKey(%" PRIu32 "): %#" PRIx32, key_size, res);
	return res;
}

/* The algorithm (PKCS#1 v1.5 or OAEP with SHA-1..SHA-512) the host asks */
static uint32_t rsaes_alg(uint32_t host_choice)
{
	static const uint32_t algs[GP11_RSAES_COUNT] = {
		[GP11_RSAES_PKCS1_V1_5] = TEE_ALG_RSAES_PKCS1_V1_5,
		[GP11_RSAES_OAEP_SHA1] = TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA1,
		[GP11_RSAES_OAEP_SHA224] = TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA224,
		[GP11_RSAES_OAEP_SHA256] = TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA256,
		[GP11_RSAES_OAEP_SHA384] = TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA384,
		[GP11_RSAES_OAEP_SHA512] = TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA512,
	};

	return host_choice < GP11_RSAES_COUNT ? algs[host_choice] : 0;
}

static TEE_Result rsa_crypt(struct session *s, uint32_t pt,
			    TEE_Param params[4], TEE_OperationMode mode)
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_ObjectInfo info;
	uint32_t alg = rsaes_alg(params[2].value.a);
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_VALUE_INPUT,
				  TEE_PARAM_TYPE_NONE) || !alg)
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_GetObjectInfo1(s->rsa_key, &info);
	if (res)
		return res;
	res = TEE_AllocateOperation(&op, alg, mode, info.keySize);
	if (!res)
		res = TEE_SetOperationKey(op, s->rsa_key);
	/* the output length is the memref's own 32-bit size */
	if (!res && mode == TEE_MODE_ENCRYPT)
		res = TEE_AsymmetricEncrypt(op, NULL, 0,
					    params[0].memref.buffer,
					    params[0].memref.size,
					    params[1].memref.buffer,
					    &params[1].memref.size);
	else if (!res)
		res = TEE_AsymmetricDecrypt(op, NULL, 0,
					    params[0].memref.buffer,
					    params[0].memref.size,
					    params[1].memref.buffer,
					    &params[1].memref.size);
	TEE_FreeOperation(op);
	return res;
}

/* -------------------------------------------------------------------- */
/* ecdh: our key pair on the host's curve, the secret shared with its    */
/* public point                                                          */
/* -------------------------------------------------------------------- */

/* A coordinate of key, right-aligned in n bytes at out */
static TEE_Result coordinate(TEE_ObjectHandle key, uint32_t id, uint8_t *out,
			     uint32_t n)
{
	uint8_t buf[66];
	uint32_t len = sizeof(buf);
	TEE_Result res = TEE_GetObjectBufferAttribute(key, id, buf, &len);

	if (res)
		return res;
	if (len > n)
		return TEE_ERROR_GENERIC;
	TEE_MemFill(out, 0, n - len);
	TEE_MemMove(out + n - len, buf, len);
	return TEE_SUCCESS;
}

static TEE_Result ecdh(uint32_t pt, TEE_Param params[4])
{
	static const struct {
		uint32_t curve, bits, alg;
	} curves[] = {
		{ TEE_ECC_CURVE_NIST_P192, 192, TEE_ALG_ECDH_P192 },
		{ TEE_ECC_CURVE_NIST_P224, 224, TEE_ALG_ECDH_P224 },
		{ TEE_ECC_CURVE_NIST_P256, 256, TEE_ALG_ECDH_P256 },
		{ TEE_ECC_CURVE_NIST_P384, 384, TEE_ALG_ECDH_P384 },
		{ TEE_ECC_CURVE_NIST_P521, 521, TEE_ALG_ECDH_P521 },
	};
	uint32_t c = params[0].value.a, n, secret_len;
	TEE_ObjectHandle key = TEE_HANDLE_NULL, secret = TEE_HANDLE_NULL;
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_Attribute attr, peer[2];
	uint8_t *ours = params[2].memref.buffer;
	uint8_t *theirs = params[1].memref.buffer;
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				  TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT) ||
	    c >= sizeof(curves) / sizeof(curves[0]))
		return TEE_ERROR_BAD_PARAMETERS;
	n = (curves[c].bits + 7) / 8;
	if (params[1].memref.size != 2 * n || params[2].memref.size < 2 * n)
		return TEE_ERROR_BAD_PARAMETERS;

	TEE_InitValueAttribute(&attr, TEE_ATTR_ECC_CURVE, curves[c].curve, 0);
	res = TEE_AllocateTransientObject(TEE_TYPE_ECDH_KEYPAIR,
					  curves[c].bits, &key);
	if (!res)
		res = TEE_GenerateKey(key, curves[c].bits, &attr, 1);
	/* our public point for the host */
	if (!res)
		res = coordinate(key, TEE_ATTR_ECC_PUBLIC_VALUE_X, ours, n);
	if (!res)
		res = coordinate(key, TEE_ATTR_ECC_PUBLIC_VALUE_Y, ours + n, n);
	if (res)
		goto out;
	params[2].memref.size = 2 * n;

	TEE_InitRefAttribute(&peer[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, theirs, n);
	TEE_InitRefAttribute(&peer[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y,
			     theirs + n, n);
	res = TEE_AllocateOperation(&op, curves[c].alg, TEE_MODE_DERIVE,
				    curves[c].bits);
	if (!res)
		res = TEE_SetOperationKey(op, key);
	if (!res)
		res = TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET,
						  n * 8, &secret);
	if (res)
		goto out;
	TEE_DeriveKey(op, peer, 2, secret);
	secret_len = params[3].memref.size;
	res = TEE_GetObjectBufferAttribute(secret, TEE_ATTR_SECRET_VALUE,
					   params[3].memref.buffer,
					   &secret_len);
	params[3].memref.size = secret_len;
out:
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(secret);
	TEE_FreeTransientObject(key);
	return res;
}

/* -------------------------------------------------------------------- */
/* ecdsa, sign_verify: hash, sign the digest, verify with the public     */
/* half copied out of the key pair                                       */
/* -------------------------------------------------------------------- */

/* Digest of msg in two chunks: DigestUpdate, then DigestDoFinal */
static TEE_Result digest(uint32_t alg, const uint8_t *msg, uint32_t len,
			 uint8_t *hash, uint32_t *hash_len)
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_Result res = TEE_AllocateOperation(&op, alg, TEE_MODE_DIGEST, 0);

	if (res)
		return res;
	TEE_DigestUpdate(op, msg, len / 2);
	res = TEE_DigestDoFinal(op, msg + len / 2, len - len / 2, hash,
				hash_len);
	TEE_FreeOperation(op);
	return res;
}

/* Signs hash with keypair, then verifies it with a public key of
 * pub_type made from the pair */
static TEE_Result sign_and_verify(uint32_t alg, TEE_ObjectHandle keypair,
				  uint32_t pub_type, uint32_t bits,
				  const uint8_t *hash, uint32_t hash_len,
				  void *sig, uint32_t *sig_len)
{
	TEE_OperationHandle sign = TEE_HANDLE_NULL, verify = TEE_HANDLE_NULL;
	TEE_ObjectHandle pub = TEE_HANDLE_NULL;
	TEE_Result res;

	res = TEE_AllocateOperation(&sign, alg, TEE_MODE_SIGN, bits);
	if (!res)
		res = TEE_SetOperationKey(sign, keypair);
	if (!res)
		res = TEE_AsymmetricSignDigest(sign, NULL, 0, hash, hash_len,
					       sig, sig_len);
	if (!res)
		res = TEE_AllocateTransientObject(pub_type, bits, &pub);
	if (!res)
		res = TEE_CopyObjectAttributes1(pub, keypair);
	if (!res)
		res = TEE_AllocateOperation(&verify, alg, TEE_MODE_VERIFY,
					    bits);
	if (!res)
		res = TEE_SetOperationKey(verify, pub);
	if (!res)
		res = TEE_AsymmetricVerifyDigest(verify, NULL, 0, hash,
						 hash_len, sig, *sig_len);
	TEE_FreeOperation(verify);
	TEE_FreeOperation(sign);
	TEE_FreeTransientObject(pub);
	return res;
}

static TEE_Result ecdsa(uint32_t pt, TEE_Param params[4])
{
	TEE_ObjectHandle key = TEE_HANDLE_NULL;
	uint8_t hash[64];
	uint32_t hash_len = sizeof(hash);
	TEE_Attribute curve;
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = digest(TEE_ALG_SHA256, params[0].memref.buffer,
		     params[0].memref.size, hash, &hash_len);
	if (!res)
		res = TEE_AllocateTransientObject(TEE_TYPE_ECDSA_KEYPAIR, 256,
						  &key);
	TEE_InitValueAttribute(&curve, TEE_ATTR_ECC_CURVE,
			       TEE_ECC_CURVE_NIST_P256, 0);
	if (!res)
		res = TEE_GenerateKey(key, 256, &curve, 1);
	if (!res)
		res = sign_and_verify(TEE_ALG_ECDSA_P256, key,
				      TEE_TYPE_ECDSA_PUBLIC_KEY, 256, hash,
				      hash_len, params[1].memref.buffer,
				      &params[1].memref.size);
	TEE_FreeTransientObject(key);
	return res;
}

static TEE_Result rsa_sign_verify(struct session *s, uint32_t pt,
				  TEE_Param params[4])
{
	uint8_t hash[64];
	uint32_t hash_len = sizeof(hash);
	TEE_ObjectInfo info;
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_GetObjectInfo1(s->rsa_key, &info);
	if (!res)
		res = digest(TEE_ALG_SHA384, params[0].memref.buffer,
			     params[0].memref.size, hash, &hash_len);
	if (!res)
		res = sign_and_verify(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA384,
				      s->rsa_key, TEE_TYPE_RSA_PUBLIC_KEY,
				      info.keySize, hash, hash_len,
				      params[1].memref.buffer,
				      &params[1].memref.size);
	return res;
}

/* -------------------------------------------------------------------- */
/* sha: a digest; HMAC computed, then compared, on a reset operation     */
/* -------------------------------------------------------------------- */

static TEE_Result sha(uint32_t pt, TEE_Param params[4])
{
	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	return digest(TEE_ALG_SHA512, params[0].memref.buffer,
		      params[0].memref.size, params[1].memref.buffer,
		      &params[1].memref.size);
}

static TEE_Result hmac(uint32_t pt, TEE_Param params[4])
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_ObjectHandle key = TEE_HANDLE_NULL;
	uint8_t mac[64];
	uint32_t mac_len = sizeof(mac);
	TEE_Attribute attr;
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_AllocateOperation(&op, TEE_ALG_HMAC_SHA256, TEE_MODE_MAC,
				    params[0].memref.size * 8);
	if (!res)
		res = TEE_AllocateTransientObject(TEE_TYPE_HMAC_SHA256,
						  params[0].memref.size * 8,
						  &key);
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE,
			     params[0].memref.buffer, params[0].memref.size);
	if (!res)
		res = TEE_PopulateTransientObject(key, &attr, 1);
	if (!res)
		res = TEE_SetOperationKey(op, key);
	if (res)
		goto out;
	TEE_MACInit(op, NULL, 0);
	TEE_MACUpdate(op, params[1].memref.buffer, params[1].memref.size);
	res = TEE_MACComputeFinal(op, NULL, 0, mac, &mac_len);
	if (res)
		goto out;
	/* the same MAC again, checked rather than computed */
	TEE_ResetOperation(op);
	TEE_MACInit(op, NULL, 0);
	res = TEE_MACCompareFinal(op, params[1].memref.buffer,
				  params[1].memref.size, mac, mac_len);
	if (!res && params[2].memref.size >= mac_len) {
		TEE_MemMove(params[2].memref.buffer, mac, mac_len);
		params[2].memref.size = mac_len;
	}
	TEE_ResetTransientObject(key);
out:
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(key);
	return res;
}

/* -------------------------------------------------------------------- */
/* hotp (RFC 4226): HMAC-SHA1 of the counter, dynamically truncated       */
/* -------------------------------------------------------------------- */

/* The name glibc gives truncate(2): the dev kit must not declare it */
static uint32_t truncate(const uint8_t *hmac_result)
{
	unsigned int offset = hmac_result[19] & 0xf;

	return (uint32_t)(hmac_result[offset] & 0x7f) << 24 |
	       (uint32_t)hmac_result[offset + 1] << 16 |
	       (uint32_t)hmac_result[offset + 2] << 8 |
	       hmac_result[offset + 3];
}

static TEE_Result hotp(struct session *s, uint32_t pt, TEE_Param params[4])
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_ObjectHandle key = TEE_HANDLE_NULL;
	uint8_t counter[8] = { 0 }, mac[20];
	uint32_t mac_len = sizeof(mac);
	TEE_Attribute attr;
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				  TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	for (int i = 0; i < 4; i++)
		counter[7 - i] = (uint8_t)(s->hotp_counter >> (8 * i));
	res = TEE_AllocateOperation(&op, TEE_ALG_HMAC_SHA1, TEE_MODE_MAC,
				    s->hotp_key_len * 8);
	if (!res)
		res = TEE_AllocateTransientObject(TEE_TYPE_HMAC_SHA1,
						  s->hotp_key_len * 8, &key);
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, s->hotp_key,
			     s->hotp_key_len);
	if (!res)
		res = TEE_PopulateTransientObject(key, &attr, 1);
	if (!res)
		res = TEE_SetOperationKey(op, key);
	if (!res) {
		TEE_MACInit(op, NULL, 0);
		TEE_MACUpdate(op, counter, sizeof(counter));
		res = TEE_MACComputeFinal(op, NULL, 0, mac, &mac_len);
	}
	if (!res) {
		params[0].value.a = truncate(mac) % 1000000;
		s->hotp_counter++;
	}
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(key);
	return res;
}

/* -------------------------------------------------------------------- */
/* aes: a random key, CTR then GCM, as the example's v1.1 callers did     */
/* -------------------------------------------------------------------- */

/* AES-XTS takes its two keys at once */
static TEE_Result aes_xts(TEE_ObjectHandle key1, TEE_ObjectHandle key2,
			  const void *iv, void *data, uint32_t *len)
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	/* room for both keys */
	TEE_Result res = TEE_AllocateOperation(&op, TEE_ALG_AES_XTS,
					       TEE_MODE_ENCRYPT, 512);

	if (!res)
		res = TEE_SetOperationKey2(op, key1, key2);
	if (!res) {
		TEE_CipherInit(op, iv, 16);
		res = TEE_CipherDoFinal(op, data, *len, data, len);
	}
	TEE_FreeOperation(op);
	return res;
}

static TEE_Result aes(uint32_t pt, TEE_Param params[4])
{
	TEE_OperationHandle ctr = TEE_HANDLE_NULL, gcm = TEE_HANDLE_NULL;
	TEE_ObjectHandle key = TEE_HANDLE_NULL, key2 = TEE_HANDLE_NULL;
	uint8_t raw[32], iv[16], tag[16];
	uint32_t tag_len = sizeof(tag), out_len, info_len;
	TEE_OperationInfoMultiple *info = NULL;
	TEE_Attribute attr;
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	TEE_GenerateRandom(raw, sizeof(raw));
	TEE_GenerateRandom(iv, sizeof(iv));
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, raw, sizeof(raw));
	res = TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &key);
	if (!res)
		res = TEE_PopulateTransientObject(key, &attr, 1);
	if (!res)
		res = TEE_AllocateOperation(&ctr, TEE_ALG_AES_CTR,
					    TEE_MODE_ENCRYPT, 256);
	if (!res)
		res = TEE_SetOperationKey(ctr, key);
	if (res)
		goto out;
	TEE_CipherInit(ctr, iv, sizeof(iv));
	out_len = params[1].memref.size;
	res = TEE_CipherUpdate(ctr, params[0].memref.buffer,
			       params[0].memref.size,
			       params[1].memref.buffer, &out_len);
	if (!res) {
		uint32_t rest = params[1].memref.size - out_len;

		res = TEE_CipherDoFinal(ctr, NULL, 0,
					(uint8_t *)params[1].memref.buffer +
					out_len, &rest);
		out_len += rest;
	}
	/* and once more through XTS, with a second key */
	if (!res)
		res = TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &key2);
	if (!res)
		res = TEE_GenerateKey(key2, 256, NULL, 0);
	if (!res)
		res = aes_xts(key, key2, iv, params[1].memref.buffer, &out_len);
	if (res)
		goto out;

	res = TEE_AllocateOperation(&gcm, TEE_ALG_AES_GCM, TEE_MODE_ENCRYPT,
				    256);
	if (!res)
		res = TEE_SetOperationKey(gcm, key);
	if (!res)
		res = TEE_AEInit(gcm, iv, 12, 128, 16, out_len);
	if (res)
		goto out;
	TEE_AEUpdateAAD(gcm, iv, 16);
	params[1].memref.size = out_len;
	res = TEE_AEEncryptFinal(gcm, params[1].memref.buffer, out_len,
				 params[1].memref.buffer,
				 &params[1].memref.size, tag, &tag_len);
	if (res)
		goto out;
	/* decrypting in place checks the tag; AEUpdate first, as aes does */
	TEE_FreeOperation(gcm);
	gcm = TEE_HANDLE_NULL;
	res = TEE_AllocateOperation(&gcm, TEE_ALG_AES_GCM, TEE_MODE_DECRYPT,
				    256);
	if (!res)
		res = TEE_SetOperationKey(gcm, key);
	if (!res)
		res = TEE_AEInit(gcm, iv, 12, 128, 16, out_len);
	if (!res) {
		uint8_t *buf = params[1].memref.buffer;
		uint32_t done = out_len, rest;

		TEE_AEUpdateAAD(gcm, iv, 16);
		res = TEE_AEUpdate(gcm, buf, out_len / 2, buf, &done);
		rest = out_len - done;
		if (!res)
			res = TEE_AEDecryptFinal(gcm, buf + out_len / 2,
						 out_len - out_len / 2,
						 buf + done, &rest, tag,
						 tag_len);
	}
	/* and what the operation says of itself, sized in 32 bits */
	info_len = sizeof(*info) + 2 * sizeof(TEE_OperationInfoKey);
	info = TEE_Malloc(info_len, TEE_MALLOC_FILL_ZERO);
	if (!res && info)
		res = TEE_GetOperationInfoMultiple(gcm, info, &info_len);
	if (!res && info &&
	    TEE_MemCompare(&info->algorithm, &(uint32_t){ TEE_ALG_AES_GCM },
			   sizeof(uint32_t)))
		res = TEE_ERROR_GENERIC;
out:
	TEE_Free(info);
	TEE_FreeOperation(gcm);
	TEE_FreeOperation(ctr);
	TEE_FreeTransientObject(key2);
	TEE_FreeTransientObject(key);
	return res;
}

/* -------------------------------------------------------------------- */
/* Entry points, under their v1.1 names and parameters                    */
/* -------------------------------------------------------------------- */

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t pt __unused,
				    TEE_Param params[4] __unused,
				    void **sess_ctx)
{
	struct session *s = TEE_Malloc(sizeof(*s), TEE_MALLOC_FILL_ZERO);

	if (!s)
		return TEE_ERROR_OUT_OF_MEMORY;
	s->hotp_key_len = sizeof(s->hotp_key);
	TEE_MemMove(s->hotp_key, "12345678901234567890", s->hotp_key_len);
	*sess_ctx = s;
	DMSG("session %p", (void *)s);
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx)
{
	struct session *s = sess_ctx;

	TEE_FreeTransientObject(s->rsa_key);
	TEE_Free(s);
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd,
				      uint32_t pt, TEE_Param params[4])
{
	struct session *s = sess_ctx;

	switch (cmd) {
	case GP11_CMD_RSA_GENKEY:
		return rsa_genkey(s, pt, params);
	case GP11_CMD_RSA_ENCRYPT:
		return rsa_crypt(s, pt, params, TEE_MODE_ENCRYPT);
	case GP11_CMD_RSA_DECRYPT:
		return rsa_crypt(s, pt, params, TEE_MODE_DECRYPT);
	case GP11_CMD_ECDH:
		return ecdh(pt, params);
	case GP11_CMD_ECDSA:
		return ecdsa(pt, params);
	case GP11_CMD_RSA_SIGN_VERIFY:
		return rsa_sign_verify(s, pt, params);
	case GP11_CMD_SHA:
		return sha(pt, params);
	case GP11_CMD_HMAC:
		return hmac(pt, params);
	case GP11_CMD_HOTP:
		return hotp(s, pt, params);
	case GP11_CMD_AES:
		return aes(pt, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
