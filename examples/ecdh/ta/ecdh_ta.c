// SPDX-License-Identifier: BSD-2-Clause
/*
 * A TA that agrees on a secret with its client by elliptic-curve
 * Diffie-Hellman (ecdh_ta.h): its key pair is generated here and its
 * private key never leaves; the shared secret it derives from the
 * client's public point does not leave either.  To show that both ends
 * hold the same secret, the TA keys an HMAC-SHA256 with it and returns
 * the MAC of the client's message.
 */
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <ecdh_ta.h>

/* What a session holds */
struct ecdh_session {
	TEE_ObjectHandle key;		/* the key pair, or TEE_HANDLE_NULL */
	uint32_t bits;			/* the curve's size */
};

/* Bytes of a coordinate, and of the secret */
static size_t coord_len(uint32_t bits)
{
	return (bits + 7) / 8;
}

/* TA_ECDH_CMD_GENERATE_KEY */
static TEE_Result generate_key(struct ecdh_session *s, uint32_t param_types,
			       TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	static const struct {
		uint32_t curve, bits;
	} curves[] = {
		[TA_ECDH_CURVE_P256] = { TEE_ECC_CURVE_NIST_P256, 256 },
		[TA_ECDH_CURVE_P384] = { TEE_ECC_CURVE_NIST_P384, 384 },
		[TA_ECDH_CURVE_P521] = { TEE_ECC_CURVE_NIST_P521, 521 },
	};
	uint32_t c = params[0].value.a;
	TEE_ObjectHandle key;
	TEE_Attribute curve;
	TEE_Result res;

	if (param_types != exp_param_types ||
	    c >= sizeof(curves) / sizeof(curves[0]))
		return TEE_ERROR_BAD_PARAMETERS;

	res = TEE_AllocateTransientObject(TEE_TYPE_ECDH_KEYPAIR,
					  curves[c].bits, &key);
	if (res != TEE_SUCCESS)
		return res;
	/* the curve is GenerateKey's one mandatory parameter */
	TEE_InitValueAttribute(&curve, TEE_ATTR_ECC_CURVE, curves[c].curve, 0);
	res = TEE_GenerateKey(key, curves[c].bits, &curve, 1);
	if (res != TEE_SUCCESS) {
		TEE_FreeTransientObject(key);
		return res;
	}
	TEE_FreeTransientObject(s->key);
	s->key = key;
	s->bits = curves[c].bits;
	IMSG("ECDH key pair of %u bits generated", s->bits);
	return TEE_SUCCESS;
}

/* TA_ECDH_CMD_GET_PUBLIC_KEY: public parts are always readable. */
static TEE_Result get_public_key(struct ecdh_session *s, uint32_t param_types,
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

	res = TEE_GetObjectBufferAttribute(s->key, TEE_ATTR_ECC_PUBLIC_VALUE_X,
					   params[0].memref.buffer,
					   &params[0].memref.size);
	if (res != TEE_SUCCESS)
		return res;
	return TEE_GetObjectBufferAttribute(s->key,
					    TEE_ATTR_ECC_PUBLIC_VALUE_Y,
					    params[1].memref.buffer,
					    &params[1].memref.size);
}

/* The shared secret into *secret (a GENERIC_SECRET object). */
static TEE_Result derive_secret(struct ecdh_session *s, const uint8_t *x,
				size_t x_len, const uint8_t *y, size_t y_len,
				TEE_ObjectHandle *secret)
{
	TEE_OperationHandle op;
	TEE_Attribute peer[2];
	TEE_Result res;

	res = TEE_AllocateOperation(&op, TEE_ALG_ECDH_DERIVE_SHARED_SECRET,
				    TEE_MODE_DERIVE, s->bits);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_SetOperationKey(op, s->key);
	if (res == TEE_SUCCESS)
		res = TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET,
						  coord_len(s->bits) * 8,
						  secret);
	if (res == TEE_SUCCESS) {
		TEE_InitRefAttribute(&peer[0], TEE_ATTR_ECC_PUBLIC_VALUE_X,
				     x, x_len);
		TEE_InitRefAttribute(&peer[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y,
				     y, y_len);
		/* a point off the curve: a panic, as GP has it */
		TEE_DeriveKey(op, peer, 2, *secret);
	}
	TEE_FreeOperation(op);
	return res;
}

/*
 * HMAC-SHA256 of msg keyed with the secret's bytes.  GP has no way to
 * turn a GENERIC_SECRET object into an HMAC key object but through the
 * bytes: they are read here, into memory of this TA, and wiped.
 */
static TEE_Result mac_with(TEE_ObjectHandle secret, const void *msg,
			   size_t msg_len, void *mac, size_t *mac_len)
{
	uint8_t bytes[TA_ECDH_COORD_MAX];
	size_t len = sizeof(bytes);
	TEE_ObjectHandle key = TEE_HANDLE_NULL;
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_Attribute attr;
	TEE_Result res;

	res = TEE_GetObjectBufferAttribute(secret, TEE_ATTR_SECRET_VALUE,
					   bytes, &len);
	if (res == TEE_SUCCESS)
		res = TEE_AllocateTransientObject(TEE_TYPE_HMAC_SHA256,
						  len * 8, &key);
	if (res == TEE_SUCCESS) {
		TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, bytes, len);
		res = TEE_PopulateTransientObject(key, &attr, 1);
	}
	TEE_MemFill(bytes, 0, sizeof(bytes));
	if (res == TEE_SUCCESS)
		res = TEE_AllocateOperation(&op, TEE_ALG_HMAC_SHA256,
					    TEE_MODE_MAC, len * 8);
	if (res == TEE_SUCCESS)
		res = TEE_SetOperationKey(op, key);
	if (res == TEE_SUCCESS) {
		TEE_MACInit(op, NULL, 0);
		res = TEE_MACComputeFinal(op, msg, msg_len, mac, mac_len);
	}
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(key);
	return res;
}

/* TA_ECDH_CMD_DERIVE */
static TEE_Result derive(struct ecdh_session *s, uint32_t param_types,
			 TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_MEMREF_OUTPUT);
	uint8_t x[TA_ECDH_COORD_MAX], y[TA_ECDH_COORD_MAX];
	size_t x_len = params[0].memref.size, y_len = params[1].memref.size;
	TEE_ObjectHandle secret = TEE_HANDLE_NULL;
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	if (s->key == TEE_HANDLE_NULL)
		return TEE_ERROR_BAD_STATE;
	if (!x_len || !y_len || x_len > coord_len(s->bits) ||
	    y_len > coord_len(s->bits))
		return TEE_ERROR_BAD_PARAMETERS;
	/* a copy: the client may change shared memory at any time */
	TEE_MemMove(x, params[0].memref.buffer, x_len);
	TEE_MemMove(y, params[1].memref.buffer, y_len);

	res = derive_secret(s, x, x_len, y, y_len, &secret);
	if (res == TEE_SUCCESS)
		res = mac_with(secret, params[2].memref.buffer,
			       params[2].memref.size,
			       params[3].memref.buffer,
			       &params[3].memref.size);
	TEE_FreeTransientObject(secret);
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
	struct ecdh_session *s;

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
	struct ecdh_session *s = sess_ctx;

	TEE_FreeTransientObject(s->key);
	TEE_Free(s);
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t param_types,
				      TEE_Param params[4])
{
	struct ecdh_session *s = sess_ctx;

	switch (cmd_id) {
	case TA_ECDH_CMD_GENERATE_KEY:
		return generate_key(s, param_types, params);
	case TA_ECDH_CMD_GET_PUBLIC_KEY:
		return get_public_key(s, param_types, params);
	case TA_ECDH_CMD_DERIVE:
		return derive(s, param_types, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
