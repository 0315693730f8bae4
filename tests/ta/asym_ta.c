// SPDX-License-Identifier: BSD-2-Clause
/*
 * The asymmetric test TA (include/vtee_asym_ta.h): TEE_GenerateKey, the
 * asymmetric operations and TEE_DeriveKey in a real TA process, built
 * once for GP v1.3 and once for v1.1.  It checks nothing the API is
 * meant to check: results and panics are the GP functions' own, and the
 * client compares them with its vectors.
 */
#include <string.h>
#include <tee_api_defines_extensions.h>
#include <tee_internal_api.h>

#include <vtee_asym_ta.h>

#include "ta_boilerplate.h"

/* GP v1.1 lengths are 32 bits */
#ifdef ASYM_TA_GP11
typedef uint32_t len_t;
#else
typedef size_t len_t;
#endif

/* The most parameters a request carries (SM2 KEP has 9) */
#define MAX_ATTRS	12

static TEE_ObjectHandle slots[ASYM_SLOTS];

void TA_CloseSessionEntryPoint(void *sess_ctx __unused)
{
	for (int i = 0; i < ASYM_SLOTS; i++)
		TEE_FreeTransientObject(slots[i]);
}

/* ------------------------------------------------------------------ */
/* Requests                                                            */
/* ------------------------------------------------------------------ */

struct reader {
	const uint8_t *p;
	size_t left;
};

static bool take(struct reader *r, size_t n, const uint8_t **out)
{
	if (n > r->left)
		return false;
	*out = r->p;
	r->p += n;
	r->left -= n;
	return true;
}

static bool take_u32(struct reader *r, uint32_t *v)
{
	const uint8_t *b;

	if (!take(r, 4, &b))
		return false;
	*v = b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
	return true;
}

/* The parameters; a CONFIRMATION_OUT buffer is replaced by conf_out,
 * which the TA can write. */
struct attrs {
	TEE_Attribute a[MAX_ATTRS];
	uint32_t n;
	uint8_t conf_out[32];
	bool want_conf;
};

static bool take_attr(struct reader *r, struct attrs *at)
{
	TEE_Attribute *a = &at->a[at->n];
	uint32_t id, x, y;
	const uint8_t *buf;

	if (!take_u32(r, &id) || !take_u32(r, &x))
		return false;
	if (id & TEE_ATTR_FLAG_VALUE) {
		if (!take_u32(r, &y))
			return false;
		TEE_InitValueAttribute(a, id, x, y);
	} else if (id == TEE_ATTR_SM2_KEP_CONFIRMATION_OUT) {
		if (!take(r, x, &buf))
			return false;
		at->want_conf = true;
		TEE_InitRefAttribute(a, id, at->conf_out, sizeof(at->conf_out));
	} else {
		if (!take(r, x, &buf))
			return false;
		TEE_InitRefAttribute(a, id, buf, x);
	}
	at->n++;
	return true;
}

static bool take_attrs(struct reader *r, struct attrs *at)
{
	uint32_t n;

	memset(at, 0, sizeof(*at));
	if (!take_u32(r, &n) || n > MAX_ATTRS)
		return false;
	while (at->n < n)
		if (!take_attr(r, at))
			return false;
	return true;
}

static struct reader reader_of(const TEE_Param *p)
{
	return (struct reader){ p->memref.buffer, p->memref.size };
}

static TEE_ObjectHandle *slot(uint32_t i)
{
	return i < ASYM_SLOTS ? &slots[i] : NULL;
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */
/* ------------------------------------------------------------------ */

/* A fresh object of the type in the slot (the old one freed) */
static TEE_Result fresh(uint32_t i, uint32_t type, uint32_t max)
{
	TEE_ObjectHandle *h = slot(i);

	if (!h)
		return TEE_ERROR_BAD_PARAMETERS;
	TEE_FreeTransientObject(*h);
	*h = TEE_HANDLE_NULL;
	return TEE_AllocateTransientObject(type, max, h);
}

static TEE_Result populate(uint32_t pt, TEE_Param p[4])
{
	struct reader r = reader_of(&p[2]);
	struct attrs at;
	TEE_Result res;

	if (pt != PT(VALUE_INPUT, VALUE_INPUT, MEMREF_INPUT, NONE) ||
	    !take_attrs(&r, &at))
		return TEE_ERROR_BAD_PARAMETERS;
	res = fresh(p[0].value.a, p[0].value.b, p[1].value.a);
	if (!res)
		res = TEE_PopulateTransientObject(slots[p[0].value.a], at.a,
						  at.n);
	return res;
}

static TEE_Result generate(uint32_t pt, TEE_Param p[4])
{
	struct reader r = reader_of(&p[2]);
	struct attrs at;
	TEE_Result res;

	if (pt != PT(VALUE_INPUT, VALUE_INPUT, MEMREF_INPUT, NONE) ||
	    !take_attrs(&r, &at))
		return TEE_ERROR_BAD_PARAMETERS;
	res = fresh(p[0].value.a, p[0].value.b, p[1].value.a);
	if (!res)
		res = TEE_GenerateKey(slots[p[0].value.a], p[1].value.b, at.a,
				      at.n);
	return res;
}

static TEE_Result get_attr(uint32_t pt, TEE_Param p[4])
{
	TEE_ObjectHandle *h = slot(p[0].value.a);
	len_t len = p[1].memref.size;
	TEE_Result res;

	if (pt != PT(VALUE_INPUT, MEMREF_OUTPUT, NONE, NONE) || !h)
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_GetObjectBufferAttribute(*h, p[0].value.b,
					   p[1].memref.buffer, &len);
	p[1].memref.size = len;
	return res;
}

/* ------------------------------------------------------------------ */
/* Operations                                                          */
/* ------------------------------------------------------------------ */

struct request {
	uint32_t derived_max;
	struct attrs at;
	const uint8_t *in;
	uint32_t in_len;
};

static bool take_request(const TEE_Param *p, struct request *rq)
{
	struct reader r = reader_of(p);

	return take_u32(&r, &rq->derived_max) && take_attrs(&r, &rq->at) &&
	       take_u32(&r, &rq->in_len) && take(&r, rq->in_len, &rq->in);
}

/* SetOperationKey, or SetOperationKey2 with a second slot */
static TEE_Result set_keys(TEE_OperationHandle op, uint32_t slots_word)
{
	TEE_ObjectHandle *k1 = slot(slots_word & 0xffff);
	uint32_t second = slots_word >> 16;
	TEE_ObjectHandle *k2 = second ? slot(second - 1) : NULL;

	if (!k1 || (second && !k2))
		return TEE_ERROR_BAD_PARAMETERS;
	if (k2)
		return TEE_SetOperationKey2(op, *k1, *k2);
	return TEE_SetOperationKey(op, *k1);
}

/* The derived secret, then this side's SM2 confirmation if asked */
static TEE_Result derive(TEE_OperationHandle op, const struct request *rq,
			 TEE_Param *out)
{
	TEE_ObjectHandle key = TEE_HANDLE_NULL;
	uint8_t *buf = out->memref.buffer;
	len_t len = out->memref.size;
	TEE_Result res;

	res = TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET,
					  rq->derived_max, &key);
	if (res)
		return res;
	TEE_DeriveKey(op, rq->at.a, rq->at.n, key);
	res = TEE_GetObjectBufferAttribute(key, TEE_ATTR_SECRET_VALUE, buf,
					   &len);
	TEE_FreeTransientObject(key);
	if (!res && rq->at.want_conf) {
		if (len + 32 > out->memref.size)
			return TEE_ERROR_SHORT_BUFFER;
		TEE_MemMove(buf + len, rq->at.conf_out, 32);
		len += 32;
	}
	out->memref.size = len;
	return res;
}

static TEE_Result operate(TEE_OperationHandle op, uint32_t mode,
			  const struct request *rq, TEE_Param *out)
{
	len_t len = out->memref.size;
	TEE_Result res;

	switch (mode) {
	case TEE_MODE_ENCRYPT:
		res = TEE_AsymmetricEncrypt(op, rq->at.a, rq->at.n, rq->in,
					    rq->in_len, out->memref.buffer,
					    &len);
		break;
	case TEE_MODE_DECRYPT:
		res = TEE_AsymmetricDecrypt(op, rq->at.a, rq->at.n, rq->in,
					    rq->in_len, out->memref.buffer,
					    &len);
		break;
	case TEE_MODE_SIGN:
		res = TEE_AsymmetricSignDigest(op, rq->at.a, rq->at.n, rq->in,
					       rq->in_len, out->memref.buffer,
					       &len);
		break;
	case TEE_MODE_VERIFY:
		return TEE_AsymmetricVerifyDigest(op, rq->at.a, rq->at.n,
						  rq->in, rq->in_len,
						  out->memref.buffer,
						  out->memref.size);
	case TEE_MODE_DERIVE:
		return derive(op, rq, out);
	default:
		return TEE_ERROR_BAD_PARAMETERS;
	}
	out->memref.size = len;
	return res;
}

static TEE_Result run(uint32_t pt, TEE_Param p[4])
{
	uint32_t mode = p[0].value.b;
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	struct request rq;
	TEE_Result res;

	if ((pt != PT(VALUE_INPUT, VALUE_INPUT, MEMREF_INPUT, MEMREF_OUTPUT) &&
	     pt != PT(VALUE_INPUT, VALUE_INPUT, MEMREF_INPUT, MEMREF_INPUT)) ||
	    !take_request(&p[2], &rq))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_AllocateOperation(&op, p[0].value.a, mode, p[1].value.b);
	if (!res)
		res = set_keys(op, p[1].value.a);
	if (!res)
		res = operate(op, mode, &rq, &p[3]);
	TEE_FreeOperation(op);
	return res;
}

/* ------------------------------------------------------------------ */
/* Panics                                                              */
/* ------------------------------------------------------------------ */

/* A key of a generated type, usable for everything */
static TEE_ObjectHandle gen_key(uint32_t type, uint32_t bits, uint32_t curve)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	TEE_Attribute a;

	TEE_InitValueAttribute(&a, TEE_ATTR_ECC_CURVE, curve, 0);
	if (TEE_AllocateTransientObject(type, bits, &h) ||
	    TEE_GenerateKey(h, bits, &a, curve ? 1 : 0))
		TEE_Panic(TEE_ERROR_GENERIC);	/* not the case's panic */
	return h;
}

static TEE_OperationHandle op_with(uint32_t alg, uint32_t mode, uint32_t max,
				   TEE_ObjectHandle key)
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;

	if (TEE_AllocateOperation(&op, alg, mode, max))
		return TEE_HANDLE_NULL;
	if (key != TEE_HANDLE_NULL)
		TEE_SetOperationKey(op, key);
	return op;
}

static void panic_case(uint32_t which)
{
	uint8_t buf[512] = { 1 }, one = 1;
	len_t len = sizeof(buf);
	TEE_ObjectHandle key = TEE_HANDLE_NULL, aes = TEE_HANDLE_NULL;
	TEE_OperationHandle op;
	TEE_Attribute a[2];

	switch (which) {
	case ASYM_PANIC_WRONG_MODE:
		key = gen_key(TEE_TYPE_ECDSA_KEYPAIR, 256,
			      TEE_ECC_CURVE_NIST_P256);
		op = op_with(TEE_ALG_ECDSA_SHA256, TEE_MODE_VERIFY, 256, key);
		TEE_AsymmetricSignDigest(op, NULL, 0, buf, 32, buf, &len);
		break;
	case ASYM_PANIC_WRONG_CLASS:
		key = gen_key(TEE_TYPE_RSA_KEYPAIR, 512, 0);
		op = op_with(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_MODE_SIGN,
			     512, key);
		TEE_AsymmetricEncrypt(op, NULL, 0, buf, 32, buf, &len);
		break;
	case ASYM_PANIC_NO_KEY:
		op = op_with(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_MODE_SIGN,
			     512, TEE_HANDLE_NULL);
		TEE_AsymmetricSignDigest(op, NULL, 0, buf, 32, buf, &len);
		break;
	case ASYM_PANIC_WRONG_KEY_TYPE:
		aes = gen_key(TEE_TYPE_AES, 128, 0);
		op_with(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_MODE_SIGN, 512,
			aes);
		break;
	case ASYM_PANIC_KEY_USAGE:
		key = gen_key(TEE_TYPE_ECDSA_KEYPAIR, 256,
			      TEE_ECC_CURVE_NIST_P256);
		TEE_RestrictObjectUsage1(key, TEE_USAGE_VERIFY);
		op_with(TEE_ALG_ECDSA_SHA256, TEE_MODE_SIGN, 256, key);
		break;
	case ASYM_PANIC_DERIVE_INTO_AES:
		key = gen_key(TEE_TYPE_ECDH_KEYPAIR, 256,
			      TEE_ECC_CURVE_NIST_P256);
		op = op_with(TEE_ALG_ECDH_DERIVE_SHARED_SECRET,
			     TEE_MODE_DERIVE, 256, key);
		TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &aes);
		TEE_InitRefAttribute(&a[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, buf,
				     32);
		TEE_InitRefAttribute(&a[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, buf,
				     32);
		TEE_DeriveKey(op, a, 2, aes);
		break;
	case ASYM_PANIC_DERIVE_BAD_POINT:
		key = gen_key(TEE_TYPE_ECDH_KEYPAIR, 256,
			      TEE_ECC_CURVE_NIST_P256);
		op = op_with(TEE_ALG_ECDH_DERIVE_SHARED_SECRET,
			     TEE_MODE_DERIVE, 256, key);
		TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET, 256,
					    &aes);
		TEE_InitRefAttribute(&a[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, &one,
				     1);
		TEE_InitRefAttribute(&a[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, &one,
				     1);
		TEE_DeriveKey(op, a, 2, aes);
		break;
	case ASYM_PANIC_GENERATE_TWICE:
		key = gen_key(TEE_TYPE_AES, 128, 0);
		TEE_GenerateKey(key, 128, NULL, 0);
		break;
	case ASYM_PANIC_GENERATE_NO_CURVE:
		TEE_AllocateTransientObject(TEE_TYPE_ECDSA_KEYPAIR, 256, &key);
		TEE_GenerateKey(key, 256, NULL, 0);
		break;
	case ASYM_PANIC_GENERATE_BAD_SIZE:
		TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &key);
		TEE_GenerateKey(key, 160, NULL, 0);
		break;
	case ASYM_PANIC_VERIFY_NULL_SIG:
		key = gen_key(TEE_TYPE_ECDSA_KEYPAIR, 256,
			      TEE_ECC_CURVE_NIST_P256);
		op = op_with(TEE_ALG_ECDSA_SHA256, TEE_MODE_VERIFY, 256, key);
		TEE_AsymmetricVerifyDigest(op, NULL, 0, buf, 32, NULL, 64);
		break;
	default:
		break;
	}
}

static TEE_Result panic(uint32_t pt, TEE_Param p[4])
{
	if (pt != PT(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	panic_case(p[0].value.a);
	return TEE_ERROR_GENERIC;	/* the runtime missed the panic */
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t pt, TEE_Param params[4])
{
	switch (cmd) {
	case ASYM_CMD_POPULATE:
		return populate(pt, params);
	case ASYM_CMD_GENERATE:
		return generate(pt, params);
	case ASYM_CMD_GET_ATTR:
		return get_attr(pt, params);
	case ASYM_CMD_RUN:
		return run(pt, params);
	case ASYM_CMD_PANIC:
		return panic(pt, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
