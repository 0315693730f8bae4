// SPDX-License-Identifier: BSD-2-Clause
/*
 * libcrypto keys (EVP_PKEY) from GP key objects, for the asymmetric
 * families (op_asym.h).  A key is built from its numbers with
 * EVP_PKEY_fromdata, which takes RSA keys of any size (only key
 * generation refuses small ones, and keygen_rsa.c does that itself), and
 * which checks that an EC point lies on its curve.
 */
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <string.h>

#include "object_attrs.h"
#include "op_asym.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Attributes                                                          */
/* ------------------------------------------------------------------ */

BIGNUM *ta_obj_bn(const struct ta_object *key, uint32_t id)
{
	const struct ta_attr *a = ta_object_attr(key, id);
	BIGNUM *bn;

	if (!a)
		return NULL;
	/* Secure, so that the copy OSSL_PARAM_BLD_to_param makes of a
	 * private part is wiped when OSSL_PARAM_free frees it (it frees
	 * the copies of other numbers without wiping them). */
	bn = BN_secure_new();
	if (!bn || !BN_bin2bn(a->buf, (int)a->len, bn))
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	return bn;
}

uint32_t ta_obj_value(const struct ta_object *key, uint32_t id,
		      uint32_t def)
{
	const struct ta_attr *a = ta_object_attr(key, id);

	return a ? a->a : def;
}

bool ta_bn_to_fixed(const BIGNUM *bn, uint8_t *out, size_t len)
{
	return BN_bn2binpad(bn, out, (int)len) == (int)len;
}

/* ------------------------------------------------------------------ */
/* Building keys                                                       */
/* ------------------------------------------------------------------ */

/* One number of a key: OpenSSL's parameter name and the GP attribute */
struct num_part {
	const char *param;
	uint32_t id;
};

/* Numbers pushed to a builder: OSSL_PARAM_BLD_push_BN keeps the
 * pointer, not a copy, so they live until the parameters are made. */
struct pushed {
	BIGNUM *bn[TA_OBJ_ATTRS_MAX];
	size_t n;
};

static void pushed_free(struct pushed *p)
{
	for (size_t i = 0; i < p->n; i++)
		BN_clear_free(p->bn[i]);
	p->n = 0;
}

/* Pushes every part the object has; false if a mandatory one (the
 * first n_required) is missing or the builder fails. */
static bool push_parts(OSSL_PARAM_BLD *bld, const struct ta_object *key,
		       const struct num_part *parts, size_t n,
		       size_t n_required, struct pushed *keep)
{
	bool ok = true;

	for (size_t i = 0; ok && i < n && keep->n < TA_OBJ_ATTRS_MAX; i++) {
		BIGNUM *bn = ta_obj_bn(key, parts[i].id);

		if (!bn) {
			ok = i >= n_required;
			continue;
		}
		keep->bn[keep->n++] = bn;
		ok = OSSL_PARAM_BLD_push_BN(bld, parts[i].param, bn);
	}
	return ok;
}

/* EVP_PKEY_fromdata of the builder's parameters; private parts make a
 * key pair. */
static EVP_PKEY *from_params(const char *type, OSSL_PARAM_BLD *bld,
			     bool private)
{
	OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
	EVP_PKEY *pkey = NULL;

	if (params && ctx && EVP_PKEY_fromdata_init(ctx) == 1 &&
	    EVP_PKEY_fromdata(ctx, &pkey, private ? EVP_PKEY_KEYPAIR :
						    EVP_PKEY_PUBLIC_KEY,
			      params) != 1)
		pkey = NULL;
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	return pkey;
}

static EVP_PKEY *from_parts(const char *type, const struct ta_object *key,
			    const struct num_part *parts, size_t n,
			    size_t n_required, bool private)
{
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	struct pushed keep = { .n = 0 };
	EVP_PKEY *pkey = NULL;

	if (bld && push_parts(bld, key, parts, n, n_required, &keep))
		pkey = from_params(type, bld, private);
	OSSL_PARAM_BLD_free(bld);
	pushed_free(&keep);
	return pkey;
}

/* The CRT values come all or none (Populate checked). */
EVP_PKEY *ta_pkey_rsa(const struct ta_object *key)
{
	static const struct num_part parts[] = {
		{ OSSL_PKEY_PARAM_RSA_N, TEE_ATTR_RSA_MODULUS },
		{ OSSL_PKEY_PARAM_RSA_E, TEE_ATTR_RSA_PUBLIC_EXPONENT },
		{ OSSL_PKEY_PARAM_RSA_D, TEE_ATTR_RSA_PRIVATE_EXPONENT },
		{ OSSL_PKEY_PARAM_RSA_FACTOR1, TEE_ATTR_RSA_PRIME1 },
		{ OSSL_PKEY_PARAM_RSA_FACTOR2, TEE_ATTR_RSA_PRIME2 },
		{ OSSL_PKEY_PARAM_RSA_EXPONENT1, TEE_ATTR_RSA_EXPONENT1 },
		{ OSSL_PKEY_PARAM_RSA_EXPONENT2, TEE_ATTR_RSA_EXPONENT2 },
		{ OSSL_PKEY_PARAM_RSA_COEFFICIENT1, TEE_ATTR_RSA_COEFFICIENT },
	};
	bool private = ta_object_attr(key, TEE_ATTR_RSA_PRIVATE_EXPONENT);

	return from_parts("RSA", key, parts, ARRAY_SIZE(parts), 2, private);
}

EVP_PKEY *ta_pkey_dsa(const struct ta_object *key)
{
	static const struct num_part parts[] = {
		{ OSSL_PKEY_PARAM_FFC_P, TEE_ATTR_DSA_PRIME },
		{ OSSL_PKEY_PARAM_FFC_Q, TEE_ATTR_DSA_SUBPRIME },
		{ OSSL_PKEY_PARAM_FFC_G, TEE_ATTR_DSA_BASE },
		{ OSSL_PKEY_PARAM_PUB_KEY, TEE_ATTR_DSA_PUBLIC_VALUE },
		{ OSSL_PKEY_PARAM_PRIV_KEY, TEE_ATTR_DSA_PRIVATE_VALUE },
	};
	bool private = ta_object_attr(key, TEE_ATTR_DSA_PRIVATE_VALUE);

	return from_parts("DSA", key, parts, ARRAY_SIZE(parts), 4, private);
}

static const struct {
	uint32_t curve;
	uint32_t bits;
	const char *group;
} nist_groups[] = {
	{ TEE_ECC_CURVE_NIST_P192, 192, "P-192" },
	{ TEE_ECC_CURVE_NIST_P224, 224, "P-224" },
	{ TEE_ECC_CURVE_NIST_P256, 256, "P-256" },
	{ TEE_ECC_CURVE_NIST_P384, 384, "P-384" },
	{ TEE_ECC_CURVE_NIST_P521, 521, "P-521" },
};

const char *ta_nist_group(uint32_t curve, uint32_t *bits)
{
	for (size_t i = 0; i < ARRAY_SIZE(nist_groups); i++) {
		if (nist_groups[i].curve != curve)
			continue;
		if (bits)
			*bits = nist_groups[i].bits;
		return nist_groups[i].group;
	}
	return NULL;
}

/* The uncompressed point 04 || X || Y, coordinates of the field's
 * length; false if a coordinate is longer. */
static bool encode_point(const struct ta_attr *x, const struct ta_attr *y,
			 size_t field, uint8_t *out)
{
	if (!x || !y || x->len > field || y->len > field ||
	    (x->len && !x->buf) || (y->len && !y->buf))
		return false;
	memset(out, 0, 1 + 2 * field);
	out[0] = 0x04;
	if (x->len)
		memcpy(out + 1 + field - x->len, x->buf, x->len);
	if (y->len)
		memcpy(out + 1 + 2 * field - y->len, y->buf, y->len);
	return true;
}

/* An EC key of that group from its point and, if given, private value */
static EVP_PKEY *ec_key(const char *type, const char *group, size_t field,
			const struct ta_attr *x, const struct ta_attr *y,
			const struct ta_object *priv_of)
{
	static const struct num_part priv[] = {
		{ OSSL_PKEY_PARAM_PRIV_KEY, TEE_ATTR_ECC_PRIVATE_VALUE },
	};
	uint8_t point[1 + 2 * 66];
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	struct pushed keep = { .n = 0 };
	EVP_PKEY *pkey = NULL;

	/* the builder keeps pointers to the point and group too: they
	 * outlive from_params() */
	if (bld && field <= 66 && encode_point(x, y, field, point) &&
	    OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME,
					    group, 0) &&
	    OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY,
					     point, 1 + 2 * field) &&
	    (!priv_of || push_parts(bld, priv_of, priv, ARRAY_SIZE(priv), 1,
				    &keep)))
		pkey = from_params(type, bld, priv_of);
	OSSL_PARAM_BLD_free(bld);
	pushed_free(&keep);
	OPENSSL_cleanse(point, sizeof(point));
	return pkey;
}

EVP_PKEY *ta_pkey_ec(const struct ta_object *key, const char *type,
		     const char *group)
{
	bool private = ta_object_attr(key, TEE_ATTR_ECC_PRIVATE_VALUE);

	return ec_key(type, group, (key->info.objectSize + 7) / 8,
		      ta_object_attr(key, TEE_ATTR_ECC_PUBLIC_VALUE_X),
		      ta_object_attr(key, TEE_ATTR_ECC_PUBLIC_VALUE_Y),
		      private ? key : NULL);
}

EVP_PKEY *ta_pkey_ec_public(const char *type, const char *group,
			    uint32_t bits, const TEE_Attribute *x,
			    const TEE_Attribute *y)
{
	struct ta_attr ax = { .buf = x->content.ref.buffer,
			      .len = x->content.ref.length };
	struct ta_attr ay = { .buf = y->content.ref.buffer,
			      .len = y->content.ref.length };

	/* numbers may come with leading zero bytes */
	while (ax.buf && ax.len && !ax.buf[0]) {
		ax.buf++;
		ax.len--;
	}
	while (ay.buf && ay.len && !ay.buf[0]) {
		ay.buf++;
		ay.len--;
	}
	return ec_key(type, group, (bits + 7) / 8, &ax, &ay, NULL);
}

EVP_PKEY *ta_pkey_raw(const struct ta_object *key, const char *name,
		      uint32_t priv_id, uint32_t pub_id)
{
	const struct ta_attr *priv = ta_object_attr(key, priv_id);
	const struct ta_attr *pub = ta_object_attr(key, pub_id);

	if (priv)
		return EVP_PKEY_new_raw_private_key_ex(NULL, name, NULL,
						       priv->buf, priv->len);
	if (pub)
		return EVP_PKEY_new_raw_public_key_ex(NULL, name, NULL,
						      pub->buf, pub->len);
	return NULL;
}
