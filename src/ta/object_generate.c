// SPDX-License-Identifier: BSD-2-Clause
/*
 * TEE_GenerateKey (GP TEE Internal Core API v1.3.1 §5.6.12): a random key
 * of keySize bits into a transient, uninitialized object, with the
 * type's key generation parameters (object_types.c flags them GEN_REQ /
 * GEN_OPT).  Secret keys are made here; key pairs by keygen_*.c.
 *
 * The order of the outcomes is GP's: everything that is a panic first
 * (the object's state, its type, keySize, the parameters' ids, values too
 * big for maxObjectSize), then TEE_ERROR_BAD_PARAMETERS for parameter
 * values that make no key, which leaves the object uninitialized.  The
 * generated attributes go in through ta_object_fill_generated(), so a
 * generated key is stored exactly as the same key given to
 * TEE_PopulateTransientObject.  Like OP-TEE's libutee, any other failure
 * (out of memory) is a panic: GP gives the function no other code.
 */
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>
#include <tee_api_defines_extensions.h>
#include <tee_internal_api.h>

#include "keygen.h"
#include "object_attrs.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Results and parameters (keygen.h)                                   */
/* ------------------------------------------------------------------ */

const struct ta_attr *ta_keygen_param(const struct ta_keygen_in *in,
				      uint32_t id)
{
	for (size_t i = 0; i < in->n; i++)
		if (in->params[i].id == id)
			return &in->params[i];
	return NULL;
}

BIGNUM *ta_keygen_param_bn(const struct ta_keygen_in *in, uint32_t id)
{
	const struct ta_attr *p = ta_keygen_param(in, id);

	return p ? BN_bin2bn(p->buf, (int)p->len, NULL) : NULL;
}

TEE_Result ta_keygen_add_buf(struct ta_keygen *k, uint32_t id,
			     const void *buf, size_t len)
{
	struct ta_attr *a = &k->attrs[k->n];

	/* generators add at most their type's attributes */
	if (k->n == TA_OBJ_ATTRS_MAX)
		TEE_Panic(TEE_ERROR_GENERIC);
	*a = (struct ta_attr){ .id = id, .len = len };
	if (len) {
		a->buf = malloc(len);
		if (!a->buf)
			return TEE_ERROR_OUT_OF_MEMORY;
		memcpy(a->buf, buf, len);
	}
	k->n++;
	return TEE_SUCCESS;
}

/* BN_bn2bin gives no leading zero bytes: Populate's form of numbers. */
TEE_Result ta_keygen_add_bn(struct ta_keygen *k, uint32_t id,
			    const BIGNUM *bn)
{
	size_t len = (size_t)BN_num_bytes(bn);
	uint8_t *tmp = malloc(len ? len : 1);
	TEE_Result res;

	if (!tmp)
		return TEE_ERROR_OUT_OF_MEMORY;
	BN_bn2bin(bn, tmp);
	res = ta_keygen_add_buf(k, id, tmp, len);
	explicit_bzero(tmp, len);
	free(tmp);
	return res;
}

void ta_keygen_add_value(struct ta_keygen *k, uint32_t id, uint32_t a,
			 uint32_t b)
{
	if (k->n == TA_OBJ_ATTRS_MAX)
		TEE_Panic(TEE_ERROR_GENERIC);
	k->attrs[k->n++] = (struct ta_attr){ .id = id, .a = a, .b = b };
}

void ta_keygen_wipe(struct ta_keygen *k)
{
	for (size_t i = 0; i < k->n; i++) {
		if (k->attrs[i].buf)
			explicit_bzero(k->attrs[i].buf, k->attrs[i].len);
		free(k->attrs[i].buf);
	}
	explicit_bzero(k, sizeof(*k));
}

/* ------------------------------------------------------------------ */
/* Secret keys                                                         */
/* ------------------------------------------------------------------ */

/* DES keys carry odd parity in each byte's low bit (FIPS 46-3). */
static void set_des_parity(uint8_t *key, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint8_t b = key[i] & 0xfe;

		key[i] = b | !(__builtin_popcount(b) & 1);
	}
}

/* The type's one attribute, whose length is the key's size */
static uint32_t secret_id(const struct ta_obj_type *t)
{
	for (unsigned int i = 0; i < t->n_rules; i++)
		if (t->rules[i].flags & TA_ATTR_SIZE)
			return t->rules[i].id;
	TEE_Panic(TEE_ERROR_GENERIC);
	return 0;
}

static TEE_Result keygen_secret(const struct ta_keygen_in *in,
				struct ta_keygen *out)
{
	/* GP v1.0 DES sizes (56, 112, 168) leave out the parity bits */
	size_t len = ta_obj_size_with_parity(in->type, in->bits) / 8;
	uint8_t key[4096 / 8];
	TEE_Result res;

	if (RAND_priv_bytes(key, (int)len) != 1)
		return TEE_ERROR_GENERIC;
	if (in->type == TEE_TYPE_DES || in->type == TEE_TYPE_DES3)
		set_des_parity(key, len);
	res = ta_keygen_add_buf(out, secret_id(ta_obj_type_find(in->type)),
				key, len);
	explicit_bzero(key, sizeof(key));
	return res;
}

/* ------------------------------------------------------------------ */
/* Which generator                                                     */
/* ------------------------------------------------------------------ */

typedef TEE_Result (*keygen_fn)(const struct ta_keygen_in *in,
				struct ta_keygen *out);

static const struct {
	uint32_t type;
	keygen_fn fn;
} generators[] = {
	{ TEE_TYPE_RSA_KEYPAIR, ta_keygen_rsa },
	{ TEE_TYPE_DSA_KEYPAIR, ta_keygen_dsa },
	{ TEE_TYPE_DH_KEYPAIR, ta_keygen_dh },
	{ TEE_TYPE_ECDSA_KEYPAIR, ta_keygen_nist },
	{ TEE_TYPE_ECDH_KEYPAIR, ta_keygen_nist },
	{ TEE_TYPE_SM2_DSA_KEYPAIR, ta_keygen_sm2 },
	{ TEE_TYPE_SM2_KEP_KEYPAIR, ta_keygen_sm2 },
	{ TEE_TYPE_SM2_PKE_KEYPAIR, ta_keygen_sm2 },
	{ TEE_TYPE_X25519_KEYPAIR, ta_keygen_raw },
	{ TEE_TYPE_ED25519_KEYPAIR, ta_keygen_raw },
	{ TEE_TYPE_X448_KEYPAIR, ta_keygen_raw },
};

/* Secret keys of any kind, or a key pair; a public key or a data object
 * has nothing to generate, which GP makes a panic ("not supported"). */
static keygen_fn generator_of(const struct ta_obj_type *t)
{
	if (t->size_from == TA_SIZE_KEY_BYTES)
		return keygen_secret;
	for (size_t i = 0; i < ARRAY_SIZE(generators); i++)
		if (generators[i].type == t->type)
			return generators[i].fn;
	TEE_Panic(TEE_ERROR_NOT_SUPPORTED);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* GP's panics                                                         */
/* ------------------------------------------------------------------ */

/* A transient, uninitialized object of a type vtee knows */
static const struct ta_obj_type *generatable(const struct ta_object *o)
{
	const struct ta_obj_type *t = ta_obj_type_find(o->info.objectType);

	if (ta_object_is_persistent(o) ||
	    (o->info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED) || !t)
		TEE_Panic(TEE_ERROR_BAD_STATE);
	return t;
}

/* GP: "keySize is not supported or is too large" panics. */
static void check_key_size(const struct ta_object *o,
			   const struct ta_obj_type *t, uint32_t bits)
{
	uint32_t with_parity = ta_obj_size_with_parity(t->type, bits);
	uint32_t max = ta_obj_size_with_parity(t->type,
					       o->info.maxObjectSize);

	if (with_parity > max || !ta_obj_type_size_ok(t, with_parity))
		TEE_Panic(TEE_ERROR_NOT_SUPPORTED);
}

/* Bits of a big-endian number without leading zero bytes */
static uint32_t bignum_bits(const struct ta_attr *a)
{
	if (!a->len)
		return 0;
	if (a->len > UINT32_MAX / 8)
		return UINT32_MAX;
	return (uint32_t)(a->len - 1) * 8 + 32 - __builtin_clz(a->buf[0]);
}

/*
 * GP's panics for the parameters: an id that is no key generation
 * parameter of the type, one given twice, a mandatory one missing, a
 * number too big for maxObjectSize.
 */
static void check_params(const struct ta_obj_type *t, uint32_t max_bits,
			 const struct ta_attr *in, size_t n)
{
	uint32_t seen = 0, required = 0;

	for (unsigned int i = 0; i < t->n_rules; i++)
		if (t->rules[i].flags & TA_ATTR_GEN_REQ)
			required |= 1u << i;
	for (size_t i = 0; i < n; i++) {
		unsigned int index;
		const struct ta_attr_rule *r =
			ta_obj_type_rule(t, in[i].id, &index);

		if (!r || !(r->flags & (TA_ATTR_GEN_REQ | TA_ATTR_GEN_OPT)) ||
		    (seen & (1u << index)))
			TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
		seen |= 1u << index;
		if (r->form == TA_FORM_BIGNUM && bignum_bits(&in[i]) > max_bits)
			TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	}
	if ((seen & required) != required)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

/* ------------------------------------------------------------------ */
/* TEE_GenerateKey                                                     */
/* ------------------------------------------------------------------ */

TEE_Result TEE_GenerateKey(TEE_ObjectHandle object, uint32_t keySize,
			   const TEE_Attribute *params, uint32_t paramCount)
{
	struct ta_object *o = ta_object_get(object);
	const struct ta_obj_type *t = generatable(o);
	keygen_fn generate = generator_of(t);
	struct ta_attr views[TA_OBJ_ATTRS_MAX];
	struct ta_keygen_in in = { .type = t->type, .bits = keySize,
				   .params = views, .n = paramCount };
	struct ta_keygen out = { .n = 0 };
	TEE_Result res;

	check_key_size(o, t, keySize);
	/* more parameters than the type has rules: one is foreign or
	 * repeated */
	if (paramCount > t->n_rules || (paramCount && !params))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	for (uint32_t i = 0; i < paramCount; i++)
		views[i] = ta_attr_view(t, &params[i]);
	check_params(t, o->info.maxObjectSize, views, paramCount);

	res = generate(&in, &out);
	if (res == TEE_SUCCESS)
		res = ta_object_fill_generated(o, out.attrs, out.n);
	ta_keygen_wipe(&out);
	if (res != TEE_SUCCESS && res != TEE_ERROR_BAD_PARAMETERS)
		TEE_Panic(res);
	return res;
}
