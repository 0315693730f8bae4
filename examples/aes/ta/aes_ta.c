// SPDX-License-Identifier: BSD-2-Clause
/*
 * A TA that encrypts and decrypts with AES for its client, in ECB, CBC,
 * CTR, GCM and CCM (aes_ta.h).  The key lives in the session: the client
 * sets it, or asks the TA to generate one, which then never leaves the
 * TA.  Each command is one or two GP calls; what the TA adds is the
 * checks that turn what would be a panic of the GP API (an IV of the
 * wrong size, a partial block, a call out of order) into an error the
 * client can read.
 */
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <aes_ta.h>

/* What a session holds */
struct aes_session {
	TEE_ObjectHandle key;		/* the AES key, or TEE_HANDLE_NULL */
	uint32_t key_bits;
	TEE_OperationHandle op;		/* prepared by TA_AES_CMD_PREPARE */
	uint32_t algo;			/* TA_AES_ALGO_* of op */
	uint32_t mode;			/* TA_AES_MODE_* of op */
	bool started;			/* a message is under way */
	size_t payload_len;		/* CCM: declared by AE_INIT */
};

static bool is_ae(uint32_t algo)
{
	return algo == TA_AES_ALGO_GCM || algo == TA_AES_ALGO_CCM;
}

static TEE_Result gp_algo(uint32_t algo, uint32_t *gp)
{
	switch (algo) {
	case TA_AES_ALGO_ECB:
		*gp = TEE_ALG_AES_ECB_NOPAD;
		return TEE_SUCCESS;
	case TA_AES_ALGO_CBC:
		*gp = TEE_ALG_AES_CBC_NOPAD;
		return TEE_SUCCESS;
	case TA_AES_ALGO_CTR:
		*gp = TEE_ALG_AES_CTR;
		return TEE_SUCCESS;
	case TA_AES_ALGO_CCM:
		*gp = TEE_ALG_AES_CCM;
		return TEE_SUCCESS;
	case TA_AES_ALGO_GCM:
		*gp = TEE_ALG_AES_GCM;
		return TEE_SUCCESS;
	default:
		EMSG("no such algorithm: %u", algo);
		return TEE_ERROR_BAD_PARAMETERS;
	}
}

static void op_drop(struct aes_session *s)
{
	TEE_FreeOperation(s->op);
	s->op = TEE_HANDLE_NULL;
	s->started = false;
}

static void key_drop(struct aes_session *s)
{
	op_drop(s);
	TEE_FreeTransientObject(s->key);
	s->key = TEE_HANDLE_NULL;
	s->key_bits = 0;
}

static bool key_bits_ok(uint32_t bits)
{
	return bits == 128 || bits == 192 || bits == 256;
}

/*
 * TA_AES_CMD_SET_KEY.  The bytes become a transient object's
 * TEE_ATTR_SECRET_VALUE; PREPARE then hands the object to an operation,
 * which keeps a copy of its own.
 */
static TEE_Result set_key(struct aes_session *s, uint32_t param_types,
			  TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	uint32_t bits = params[0].memref.size * 8;
	TEE_Attribute attr;
	TEE_Result res;

	if (param_types != exp_param_types || !key_bits_ok(bits))
		return TEE_ERROR_BAD_PARAMETERS;

	key_drop(s);
	res = TEE_AllocateTransientObject(TEE_TYPE_AES, bits, &s->key);
	if (res != TEE_SUCCESS)
		return res;
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE,
			     params[0].memref.buffer, params[0].memref.size);
	res = TEE_PopulateTransientObject(s->key, &attr, 1);
	if (res != TEE_SUCCESS) {
		key_drop(s);
		return res;
	}
	s->key_bits = bits;
	DMSG("key of %u bits set by the client", bits);
	return TEE_SUCCESS;
}

/* TA_AES_CMD_GENERATE_KEY: random bytes from the TEE, kept here. */
static TEE_Result generate_key(struct aes_session *s, uint32_t param_types,
			       TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	uint32_t bits = params[0].value.a;
	TEE_Result res;

	if (param_types != exp_param_types || !key_bits_ok(bits))
		return TEE_ERROR_BAD_PARAMETERS;

	key_drop(s);
	res = TEE_AllocateTransientObject(TEE_TYPE_AES, bits, &s->key);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_GenerateKey(s->key, bits, NULL, 0);
	if (res != TEE_SUCCESS) {
		key_drop(s);
		return res;
	}
	s->key_bits = bits;
	DMSG("key of %u bits generated", bits);
	return TEE_SUCCESS;
}

/* TA_AES_CMD_PREPARE: an operation of that algorithm and direction. */
static TEE_Result prepare(struct aes_session *s, uint32_t param_types,
			  TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	uint32_t algo = params[0].value.a, mode = params[0].value.b;
	uint32_t gp;
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	res = gp_algo(algo, &gp);
	if (res != TEE_SUCCESS)
		return res;
	if (mode != TA_AES_MODE_ENCODE && mode != TA_AES_MODE_DECODE)
		return TEE_ERROR_BAD_PARAMETERS;
	if (s->key == TEE_HANDLE_NULL) {
		EMSG("no key: SET_KEY or GENERATE_KEY first");
		return TEE_ERROR_BAD_STATE;
	}

	op_drop(s);
	res = TEE_AllocateOperation(&s->op, gp,
				    mode == TA_AES_MODE_ENCODE ?
				    TEE_MODE_ENCRYPT : TEE_MODE_DECRYPT,
				    s->key_bits);
	if (res != TEE_SUCCESS) {
		s->op = TEE_HANDLE_NULL;
		return res;
	}
	res = TEE_SetOperationKey(s->op, s->key);
	if (res != TEE_SUCCESS) {
		op_drop(s);
		return res;
	}
	s->algo = algo;
	s->mode = mode;
	return TEE_SUCCESS;
}

/* TA_AES_CMD_SET_IV */
static TEE_Result set_iv(struct aes_session *s, uint32_t param_types,
			 TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	size_t iv_len = params[0].memref.size;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	if (s->op == TEE_HANDLE_NULL || is_ae(s->algo))
		return TEE_ERROR_BAD_STATE;
	/* GP panics on an IV the mode does not take */
	if (iv_len != (s->algo == TA_AES_ALGO_ECB ? 0 : TA_AES_BLOCK_SIZE))
		return TEE_ERROR_BAD_PARAMETERS;

	TEE_CipherInit(s->op, iv_len ? params[0].memref.buffer : NULL,
		       iv_len);
	s->started = true;
	return TEE_SUCCESS;
}

/* TA_AES_CMD_CIPHER: the whole rest of the message, at once. */
static TEE_Result cipher(struct aes_session *s, uint32_t param_types,
			 TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_MEMREF_OUTPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	size_t in_len = params[0].memref.size;
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	if (s->op == TEE_HANDLE_NULL || is_ae(s->algo) || !s->started)
		return TEE_ERROR_BAD_STATE;
	/* ECB and CBC without padding: GP panics on a partial block */
	if (s->algo != TA_AES_ALGO_CTR && in_len % TA_AES_BLOCK_SIZE) {
		EMSG("%zu bytes: not whole blocks", in_len);
		return TEE_ERROR_BAD_PARAMETERS;
	}

	/* a buffer too small: TEE_ERROR_SHORT_BUFFER, nothing consumed */
	res = TEE_CipherDoFinal(s->op, params[0].memref.buffer, in_len,
				params[1].memref.buffer,
				&params[1].memref.size);
	if (res == TEE_SUCCESS)
		s->started = false;
	return res;
}

/* TA_AES_CMD_AE_INIT */
static TEE_Result ae_init(struct aes_session *s, uint32_t param_types,
			  TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_VALUE_INPUT,
				TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_NONE);
	size_t nonce_len = params[0].memref.size;
	size_t aad_len = params[2].memref.size;
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	if (s->op == TEE_HANDLE_NULL || !is_ae(s->algo))
		return TEE_ERROR_BAD_STATE;
	/* GP panics on a nonce the mode does not take */
	if (s->algo == TA_AES_ALGO_GCM ? !nonce_len :
	    nonce_len < 7 || nonce_len > 13)
		return TEE_ERROR_BAD_PARAMETERS;

	/* AEInit only starts from the initial state: end what was begun */
	if (s->started)
		TEE_ResetOperation(s->op);
	s->started = false;
	/* a tag length the algorithm lacks: TEE_ERROR_NOT_SUPPORTED */
	res = TEE_AEInit(s->op, params[0].memref.buffer, nonce_len,
			 params[1].value.a, aad_len, params[1].value.b);
	if (res != TEE_SUCCESS)
		return res;
	if (aad_len)
		TEE_AEUpdateAAD(s->op, params[2].memref.buffer, aad_len);
	s->payload_len = params[1].value.b;
	s->started = true;
	return TEE_SUCCESS;
}

/* TA_AES_CMD_AE_ENCRYPT and TA_AES_CMD_AE_DECRYPT */
static TEE_Result ae_final(struct aes_session *s, uint32_t mode,
			   uint32_t param_types, TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_MEMREF_OUTPUT,
				mode == TA_AES_MODE_ENCODE ?
				TEE_PARAM_TYPE_MEMREF_OUTPUT :
				TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_NONE);
	size_t in_len = params[0].memref.size;
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	if (s->op == TEE_HANDLE_NULL || !is_ae(s->algo) || !s->started ||
	    s->mode != mode)
		return TEE_ERROR_BAD_STATE;
	/* CCM: GP panics on a payload of another length than declared */
	if (s->algo == TA_AES_ALGO_CCM && in_len != s->payload_len) {
		EMSG("%zu bytes, %zu declared", in_len, s->payload_len);
		return TEE_ERROR_BAD_PARAMETERS;
	}

	if (mode == TA_AES_MODE_ENCODE) {
		res = TEE_AEEncryptFinal(s->op, params[0].memref.buffer,
					 in_len, params[1].memref.buffer,
					 &params[1].memref.size,
					 params[2].memref.buffer,
					 &params[2].memref.size);
		if (res == TEE_SUCCESS)
			s->started = false;
		return res;
	}
	/*
	 * The runtime writes no plaintext until the tag is checked: a
	 * tampered message gets TEE_ERROR_MAC_INVALID and nothing else.
	 */
	res = TEE_AEDecryptFinal(s->op, params[0].memref.buffer, in_len,
				 params[1].memref.buffer,
				 &params[1].memref.size,
				 params[2].memref.buffer,
				 params[2].memref.size);
	if (res != TEE_ERROR_SHORT_BUFFER)
		s->started = false;
	if (res == TEE_ERROR_MAC_INVALID)
		IMSG("the tag does not match: message refused");
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
	struct aes_session *s;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	/* zero-filled: no key, no operation */
	s = TEE_Malloc(sizeof(*s), TEE_MALLOC_FILL_ZERO);
	if (!s)
		return TEE_ERROR_OUT_OF_MEMORY;
	*sess_ctx = s;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx)
{
	struct aes_session *s = sess_ctx;

	key_drop(s);
	TEE_Free(s);
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t param_types,
				      TEE_Param params[4])
{
	struct aes_session *s = sess_ctx;

	switch (cmd_id) {
	case TA_AES_CMD_SET_KEY:
		return set_key(s, param_types, params);
	case TA_AES_CMD_GENERATE_KEY:
		return generate_key(s, param_types, params);
	case TA_AES_CMD_PREPARE:
		return prepare(s, param_types, params);
	case TA_AES_CMD_SET_IV:
		return set_iv(s, param_types, params);
	case TA_AES_CMD_CIPHER:
		return cipher(s, param_types, params);
	case TA_AES_CMD_AE_INIT:
		return ae_init(s, param_types, params);
	case TA_AES_CMD_AE_ENCRYPT:
		return ae_final(s, TA_AES_MODE_ENCODE, param_types, params);
	case TA_AES_CMD_AE_DECRYPT:
		return ae_final(s, TA_AES_MODE_DECODE, param_types, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
