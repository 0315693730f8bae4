// SPDX-License-Identifier: BSD-2-Clause
/*
 * A TA that signs for its client with an RSA key it generated itself
 * (rsa_sign_ta.h): the client sends the SHA-256 digest of its message
 * and gets a PKCS#1 v1.5 or PSS signature; it can have the TA verify a
 * signature, and read the public key to verify one anywhere.  The
 * private key is a transient object of the session: it never leaves the
 * TA, and goes when the session closes.
 */
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <rsa_sign_ta.h>

/* What a session holds */
struct rsa_session {
	TEE_ObjectHandle key;		/* the key pair, or TEE_HANDLE_NULL */
	uint32_t key_bits;
};

static TEE_Result gp_algo(uint32_t scheme, uint32_t *algo)
{
	switch (scheme) {
	case TA_RSA_SIGN_PKCS1_V1_5:
		*algo = TEE_ALG_RSASSA_PKCS1_V1_5_SHA256;
		return TEE_SUCCESS;
	case TA_RSA_SIGN_PSS:
		*algo = TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA256;
		return TEE_SUCCESS;
	default:
		EMSG("no such scheme: %u", scheme);
		return TEE_ERROR_BAD_PARAMETERS;
	}
}

/* TA_RSA_SIGN_CMD_GENERATE_KEY */
static TEE_Result generate_key(struct rsa_session *s, uint32_t param_types,
			       TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	uint32_t bits = params[0].value.a;
	TEE_ObjectHandle key;
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;

	/* a size the TEE does not take: TEE_ERROR_NOT_SUPPORTED */
	res = TEE_AllocateTransientObject(TEE_TYPE_RSA_KEYPAIR, bits, &key);
	if (res != TEE_SUCCESS)
		return res;
	/* no parameters: the public exponent is 65537 */
	res = TEE_GenerateKey(key, bits, NULL, 0);
	if (res != TEE_SUCCESS) {
		TEE_FreeTransientObject(key);
		return res;
	}
	TEE_FreeTransientObject(s->key);
	s->key = key;
	s->key_bits = bits;
	IMSG("RSA-%u key pair generated", bits);
	return TEE_SUCCESS;
}

/* TA_RSA_SIGN_CMD_GET_PUBLIC_KEY: public parts are always readable. */
static TEE_Result get_public_key(struct rsa_session *s, uint32_t param_types,
				 TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_OUTPUT,
				TEE_PARAM_TYPE_MEMREF_OUTPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	if (s->key == TEE_HANDLE_NULL)
		return TEE_ERROR_BAD_STATE;

	/* a buffer too small: TEE_ERROR_SHORT_BUFFER and the size */
	res = TEE_GetObjectBufferAttribute(s->key, TEE_ATTR_RSA_MODULUS,
					   params[0].memref.buffer,
					   &params[0].memref.size);
	if (res != TEE_SUCCESS)
		return res;
	return TEE_GetObjectBufferAttribute(s->key,
					    TEE_ATTR_RSA_PUBLIC_EXPONENT,
					    params[1].memref.buffer,
					    &params[1].memref.size);
}

/*
 * TA_RSA_SIGN_CMD_SIGN and _VERIFY: an operation of the scheme with the
 * session's key, used once.  The key pair serves both modes.
 */
static TEE_Result sign_verify(struct rsa_session *s, uint32_t mode,
			      uint32_t param_types, TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				TEE_PARAM_TYPE_MEMREF_INPUT,
				mode == TEE_MODE_SIGN ?
				TEE_PARAM_TYPE_MEMREF_OUTPUT :
				TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_NONE);
	uint8_t digest[TA_RSA_SIGN_DIGEST_SIZE];
	TEE_OperationHandle op;
	uint32_t algo;
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	res = gp_algo(params[0].value.a, &algo);
	if (res != TEE_SUCCESS)
		return res;
	if (params[1].memref.size != sizeof(digest))
		return TEE_ERROR_BAD_PARAMETERS;
	if (s->key == TEE_HANDLE_NULL)
		return TEE_ERROR_BAD_STATE;
	/* the client may change shared memory at any time: sign a copy */
	TEE_MemMove(digest, params[1].memref.buffer, sizeof(digest));

	res = TEE_AllocateOperation(&op, algo, mode, s->key_bits);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_SetOperationKey(op, s->key);
	if (res != TEE_SUCCESS)
		goto out;

	if (mode == TEE_MODE_SIGN)
		/* no parameters: a PSS salt as long as the digest */
		res = TEE_AsymmetricSignDigest(op, NULL, 0, digest,
					       sizeof(digest),
					       params[2].memref.buffer,
					       &params[2].memref.size);
	else
		res = TEE_AsymmetricVerifyDigest(op, NULL, 0, digest,
						 sizeof(digest),
						 params[2].memref.buffer,
						 params[2].memref.size);
out:
	TEE_FreeOperation(op);
	return res;
}

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
				    TEE_Param __maybe_unused params[4],
				    void **sess_ctx)
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE);
	struct rsa_session *s;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	s = TEE_Malloc(sizeof(*s), TEE_MALLOC_FILL_ZERO);
	if (!s)
		return TEE_ERROR_OUT_OF_MEMORY;
	*sess_ctx = s;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx)
{
	struct rsa_session *s = sess_ctx;

	TEE_FreeTransientObject(s->key);
	TEE_Free(s);
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t param_types,
				      TEE_Param params[4])
{
	struct rsa_session *s = sess_ctx;

	switch (cmd_id) {
	case TA_RSA_SIGN_CMD_GENERATE_KEY:
		return generate_key(s, param_types, params);
	case TA_RSA_SIGN_CMD_GET_PUBLIC_KEY:
		return get_public_key(s, param_types, params);
	case TA_RSA_SIGN_CMD_SIGN:
		return sign_verify(s, TEE_MODE_SIGN, param_types, params);
	case TA_RSA_SIGN_CMD_VERIFY:
		return sign_verify(s, TEE_MODE_VERIFY, param_types, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
