// SPDX-License-Identifier: BSD-2-Clause
/*
 * The object type table: for every TEE_TYPE_* vtee knows, the sizes it
 * allows and the attributes it holds (GP TEE Internal Core API v1.3
 * Tables 5-9 and 5-10, with the sizes OP-TEE accepts where GP leaves the
 * choice to the implementation).  Populate, Copy, the storage blob and
 * key generation all read their rules from here; docs/objects.md has the
 * table in prose.
 */
#include <tee_api_defines_extensions.h>
#include <tee_internal_api.h>

#include "object_attrs.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define REQ	TA_ATTR_POP_REQ
#define OPT	TA_ATTR_POP_OPT
#define GROUP	TA_ATTR_POP_GROUP
#define SIZE	TA_ATTR_SIZE
#define GEN_REQ	TA_ATTR_GEN_REQ
#define GEN_OPT	TA_ATTR_GEN_OPT

#define SECRET(id, flags)	{ (id), (flags), TA_FORM_SECRET, 0 }
#define BIGNUM(id, flags)	{ (id), (flags), TA_FORM_BIGNUM, 0 }
#define VALUE(id, flags)	{ (id), (flags), TA_FORM_VALUE, 0 }
#define FIXED(id, flags, len)	{ (id), (flags), TA_FORM_FIXED, (len) }

static const struct ta_attr_rule secret_rules[] = {
	SECRET(TEE_ATTR_SECRET_VALUE, REQ | SIZE),
};

static const struct ta_attr_rule hkdf_ikm_rules[] = {
	SECRET(TEE_ATTR_HKDF_IKM, REQ | SIZE),
};

static const struct ta_attr_rule concat_kdf_z_rules[] = {
	SECRET(TEE_ATTR_CONCAT_KDF_Z, REQ | SIZE),
};

static const struct ta_attr_rule pbkdf2_password_rules[] = {
	SECRET(TEE_ATTR_PBKDF2_PASSWORD, REQ | SIZE),
};

static const struct ta_attr_rule rsa_public_rules[] = {
	BIGNUM(TEE_ATTR_RSA_MODULUS, REQ | SIZE),
	BIGNUM(TEE_ATTR_RSA_PUBLIC_EXPONENT, REQ),
};

/* The CRT parts are optional, but all or none (Table 5-10). */
static const struct ta_attr_rule rsa_keypair_rules[] = {
	BIGNUM(TEE_ATTR_RSA_MODULUS, REQ | SIZE),
	BIGNUM(TEE_ATTR_RSA_PUBLIC_EXPONENT, REQ | GEN_OPT),
	BIGNUM(TEE_ATTR_RSA_PRIVATE_EXPONENT, REQ),
	BIGNUM(TEE_ATTR_RSA_PRIME1, GROUP),
	BIGNUM(TEE_ATTR_RSA_PRIME2, GROUP),
	BIGNUM(TEE_ATTR_RSA_EXPONENT1, GROUP),
	BIGNUM(TEE_ATTR_RSA_EXPONENT2, GROUP),
	BIGNUM(TEE_ATTR_RSA_COEFFICIENT, GROUP),
};

static const struct ta_attr_rule dsa_public_rules[] = {
	BIGNUM(TEE_ATTR_DSA_PRIME, REQ | SIZE),
	BIGNUM(TEE_ATTR_DSA_SUBPRIME, REQ),
	BIGNUM(TEE_ATTR_DSA_BASE, REQ),
	BIGNUM(TEE_ATTR_DSA_PUBLIC_VALUE, REQ),
};

static const struct ta_attr_rule dsa_keypair_rules[] = {
	BIGNUM(TEE_ATTR_DSA_PRIME, REQ | SIZE | GEN_REQ),
	BIGNUM(TEE_ATTR_DSA_SUBPRIME, REQ | GEN_REQ),
	BIGNUM(TEE_ATTR_DSA_BASE, REQ | GEN_REQ),
	BIGNUM(TEE_ATTR_DSA_PRIVATE_VALUE, REQ),
	BIGNUM(TEE_ATTR_DSA_PUBLIC_VALUE, REQ),
};

/* TEE_ATTR_DH_X_BITS only steers key generation; Populate refuses it. */
static const struct ta_attr_rule dh_keypair_rules[] = {
	BIGNUM(TEE_ATTR_DH_PRIME, REQ | SIZE | GEN_REQ),
	BIGNUM(TEE_ATTR_DH_BASE, REQ | GEN_REQ),
	BIGNUM(TEE_ATTR_DH_PUBLIC_VALUE, REQ),
	BIGNUM(TEE_ATTR_DH_PRIVATE_VALUE, REQ),
	BIGNUM(TEE_ATTR_DH_SUBPRIME, OPT | GEN_OPT),
	VALUE(TEE_ATTR_DH_X_BITS, GEN_OPT),
};

static const struct ta_attr_rule ecc_public_rules[] = {
	BIGNUM(TEE_ATTR_ECC_PUBLIC_VALUE_X, REQ),
	BIGNUM(TEE_ATTR_ECC_PUBLIC_VALUE_Y, REQ),
	VALUE(TEE_ATTR_ECC_CURVE, REQ | SIZE),
};

static const struct ta_attr_rule ecc_keypair_rules[] = {
	BIGNUM(TEE_ATTR_ECC_PRIVATE_VALUE, REQ),
	BIGNUM(TEE_ATTR_ECC_PUBLIC_VALUE_X, REQ),
	BIGNUM(TEE_ATTR_ECC_PUBLIC_VALUE_Y, REQ),
	VALUE(TEE_ATTR_ECC_CURVE, REQ | SIZE | GEN_REQ),
};

/* SM2 has one curve: OP-TEE takes no TEE_ATTR_ECC_CURVE, GP code may
 * pass TEE_ECC_CURVE_SM2 (to Populate and to TEE_GenerateKey); both work. */
static const struct ta_attr_rule sm2_public_rules[] = {
	BIGNUM(TEE_ATTR_ECC_PUBLIC_VALUE_X, REQ),
	BIGNUM(TEE_ATTR_ECC_PUBLIC_VALUE_Y, REQ),
	VALUE(TEE_ATTR_ECC_CURVE, OPT),
};

static const struct ta_attr_rule sm2_keypair_rules[] = {
	BIGNUM(TEE_ATTR_ECC_PRIVATE_VALUE, REQ),
	BIGNUM(TEE_ATTR_ECC_PUBLIC_VALUE_X, REQ),
	BIGNUM(TEE_ATTR_ECC_PUBLIC_VALUE_Y, REQ),
	VALUE(TEE_ATTR_ECC_CURVE, OPT | GEN_OPT),
};

static const struct ta_attr_rule x25519_public_rules[] = {
	FIXED(TEE_ATTR_X25519_PUBLIC_VALUE, REQ, 32),
};

static const struct ta_attr_rule x25519_keypair_rules[] = {
	FIXED(TEE_ATTR_X25519_PRIVATE_VALUE, REQ, 32),
	FIXED(TEE_ATTR_X25519_PUBLIC_VALUE, REQ, 32),
};

static const struct ta_attr_rule ed25519_public_rules[] = {
	FIXED(TEE_ATTR_ED25519_PUBLIC_VALUE, REQ, 32),
};

static const struct ta_attr_rule ed25519_keypair_rules[] = {
	FIXED(TEE_ATTR_ED25519_PRIVATE_VALUE, REQ, 32),
	FIXED(TEE_ATTR_ED25519_PUBLIC_VALUE, REQ, 32),
};

static const struct ta_attr_rule x448_public_rules[] = {
	FIXED(TEE_ATTR_X448_PUBLIC_VALUE, REQ, 56),
};

static const struct ta_attr_rule x448_keypair_rules[] = {
	FIXED(TEE_ATTR_X448_PRIVATE_VALUE, REQ, 56),
	FIXED(TEE_ATTR_X448_PUBLIC_VALUE, REQ, 56),
};

/* ------------------------------------------------------------------ */
/* Object types                                                        */
/* ------------------------------------------------------------------ */

/* The most rules a type has: the bound on attributes anywhere */
_Static_assert(ARRAY_SIZE(rsa_keypair_rules) == TA_OBJ_ATTRS_MAX,
	       "TA_OBJ_ATTRS_MAX is the RSA key pair's rule count");

/* The NIST curves' sizes: what maxObjectSize may be for ECDSA and ECDH */
static const uint16_t nist_sizes[] = { 192, 224, 256, 384, 521 };

#define RANGE(t, min, max, step_, from, r, pub)				\
	{ .type = (t), .min_bits = (min), .max_bits = (max),		\
	  .step = (step_), .size_from = (from),				\
	  .n_rules = ARRAY_SIZE(r), .rules = (r), .public_type = (pub) }
#define SYMMETRIC(t, min, max, step_)					\
	RANGE(t, min, max, step_, TA_SIZE_KEY_BYTES, secret_rules, 0)
#define KDF_SECRET(t, r)						\
	RANGE(t, 0, 4096, 8, TA_SIZE_KEY_BYTES, r, 0)
#define BIGNUM_KEY(t, min, max, step_, r, pub)				\
	RANGE(t, min, max, step_, TA_SIZE_BIGNUM_BITS, r, pub)
#define FIXED_KEY(t, bits, r, pub)					\
	RANGE(t, bits, bits, 1, TA_SIZE_FIXED, r, pub)
#define SM2_KEY(t, r, pub)						\
	{ .type = (t), .min_bits = 256, .max_bits = 256, .step = 1,	\
	  .size_from = TA_SIZE_FIXED, .n_rules = ARRAY_SIZE(r),		\
	  .rules = (r), .public_type = (pub),				\
	  .curve_family = TA_CURVES_SM2 }
#define NIST_KEY(t, r, pub)						\
	{ .type = (t), .min_bits = 192, .max_bits = 521, .step = 1,	\
	  .n_sizes = ARRAY_SIZE(nist_sizes), .sizes = nist_sizes,	\
	  .size_from = TA_SIZE_CURVE, .n_rules = ARRAY_SIZE(r),		\
	  .rules = (r), .public_type = (pub),				\
	  .curve_family = TA_CURVES_NIST }

static const struct ta_obj_type obj_types[] = {
	SYMMETRIC(TEE_TYPE_AES, 128, 256, 64),
	/* Sizes count the parity bits (GP v1.1 on); see
	 * ta_obj_size_with_parity(). */
	SYMMETRIC(TEE_TYPE_DES, 64, 64, 64),
	SYMMETRIC(TEE_TYPE_DES3, 128, 192, 64),
	SYMMETRIC(TEE_TYPE_SM4, 128, 128, 128),
	SYMMETRIC(TEE_TYPE_HMAC_MD5, 64, 512, 8),
	SYMMETRIC(TEE_TYPE_HMAC_SHA1, 80, 512, 8),
	SYMMETRIC(TEE_TYPE_HMAC_SHA224, 112, 512, 8),
	SYMMETRIC(TEE_TYPE_HMAC_SHA256, 192, 1024, 8),
	SYMMETRIC(TEE_TYPE_HMAC_SHA384, 256, 1024, 8),
	SYMMETRIC(TEE_TYPE_HMAC_SHA512, 256, 1024, 8),
	SYMMETRIC(TEE_TYPE_HMAC_SHA3_224, 192, 1024, 8),
	SYMMETRIC(TEE_TYPE_HMAC_SHA3_256, 256, 1024, 8),
	SYMMETRIC(TEE_TYPE_HMAC_SHA3_384, 256, 1024, 8),
	SYMMETRIC(TEE_TYPE_HMAC_SHA3_512, 256, 1024, 8),
	SYMMETRIC(TEE_TYPE_HMAC_SM3, 80, 1024, 8),
	SYMMETRIC(TEE_TYPE_GENERIC_SECRET, 0, 4096, 8),
	KDF_SECRET(TEE_TYPE_HKDF_IKM, hkdf_ikm_rules),
	KDF_SECRET(TEE_TYPE_CONCAT_KDF_Z, concat_kdf_z_rules),
	KDF_SECRET(TEE_TYPE_PBKDF2_PASSWORD, pbkdf2_password_rules),
	/* Any modulus length from 256 bits: test vectors use small keys. */
	BIGNUM_KEY(TEE_TYPE_RSA_PUBLIC_KEY, 256, 4096, 1, rsa_public_rules, 0),
	BIGNUM_KEY(TEE_TYPE_RSA_KEYPAIR, 256, 4096, 1, rsa_keypair_rules,
		   TEE_TYPE_RSA_PUBLIC_KEY),
	BIGNUM_KEY(TEE_TYPE_DSA_PUBLIC_KEY, 512, 3072, 64, dsa_public_rules,
		   0),
	BIGNUM_KEY(TEE_TYPE_DSA_KEYPAIR, 512, 3072, 64, dsa_keypair_rules,
		   TEE_TYPE_DSA_PUBLIC_KEY),
	BIGNUM_KEY(TEE_TYPE_DH_KEYPAIR, 256, 2048, 1, dh_keypair_rules, 0),
	NIST_KEY(TEE_TYPE_ECDSA_PUBLIC_KEY, ecc_public_rules, 0),
	NIST_KEY(TEE_TYPE_ECDSA_KEYPAIR, ecc_keypair_rules,
		 TEE_TYPE_ECDSA_PUBLIC_KEY),
	NIST_KEY(TEE_TYPE_ECDH_PUBLIC_KEY, ecc_public_rules, 0),
	NIST_KEY(TEE_TYPE_ECDH_KEYPAIR, ecc_keypair_rules,
		 TEE_TYPE_ECDH_PUBLIC_KEY),
	SM2_KEY(TEE_TYPE_SM2_DSA_PUBLIC_KEY, sm2_public_rules, 0),
	SM2_KEY(TEE_TYPE_SM2_DSA_KEYPAIR, sm2_keypair_rules,
		TEE_TYPE_SM2_DSA_PUBLIC_KEY),
	SM2_KEY(TEE_TYPE_SM2_KEP_PUBLIC_KEY, sm2_public_rules, 0),
	SM2_KEY(TEE_TYPE_SM2_KEP_KEYPAIR, sm2_keypair_rules,
		TEE_TYPE_SM2_KEP_PUBLIC_KEY),
	SM2_KEY(TEE_TYPE_SM2_PKE_PUBLIC_KEY, sm2_public_rules, 0),
	SM2_KEY(TEE_TYPE_SM2_PKE_KEYPAIR, sm2_keypair_rules,
		TEE_TYPE_SM2_PKE_PUBLIC_KEY),
	FIXED_KEY(TEE_TYPE_X25519_PUBLIC_KEY, 256, x25519_public_rules, 0),
	FIXED_KEY(TEE_TYPE_X25519_KEYPAIR, 256, x25519_keypair_rules,
		  TEE_TYPE_X25519_PUBLIC_KEY),
	FIXED_KEY(TEE_TYPE_ED25519_PUBLIC_KEY, 256, ed25519_public_rules, 0),
	FIXED_KEY(TEE_TYPE_ED25519_KEYPAIR, 256, ed25519_keypair_rules,
		  TEE_TYPE_ED25519_PUBLIC_KEY),
	FIXED_KEY(TEE_TYPE_X448_PUBLIC_KEY, 448, x448_public_rules, 0),
	FIXED_KEY(TEE_TYPE_X448_KEYPAIR, 448, x448_keypair_rules,
		  TEE_TYPE_X448_PUBLIC_KEY),
	/* A persistent object's data stream only (and GP v1.1's transient
	 * TEE_TYPE_DATA): no attributes, size 0. */
	{ .type = TEE_TYPE_DATA, .step = 1, .size_from = TA_SIZE_NONE },
};

const struct ta_obj_type *ta_obj_type_find(uint32_t type)
{
	for (size_t i = 0; i < ARRAY_SIZE(obj_types); i++)
		if (obj_types[i].type == type)
			return &obj_types[i];
	return NULL;
}

/* GP v1.0 counted DES keys without their parity bits (56, 112, 168);
 * OP-TEE still accepts those sizes (CFG_COMPAT_GP10_DES, on by default)
 * and TAs written then use them. */
uint32_t ta_obj_size_with_parity(uint32_t type, uint32_t bits)
{
	if ((type == TEE_TYPE_DES && bits == 56) ||
	    (type == TEE_TYPE_DES3 && (bits == 112 || bits == 168)))
		return bits + bits / 7;
	return bits;
}

bool ta_obj_type_size_ok(const struct ta_obj_type *t, uint32_t bits)
{
	if (t->sizes) {
		for (size_t i = 0; i < t->n_sizes; i++)
			if (t->sizes[i] == bits)
				return true;
		return false;
	}
	return bits >= t->min_bits && bits <= t->max_bits &&
	       bits % t->step == 0;
}

bool ta_obj_type_max_ok(const struct ta_obj_type *t, uint32_t max_bits)
{
	uint32_t bits = ta_obj_size_with_parity(t->type, max_bits);

	return ta_obj_type_size_ok(t, bits);
}

const struct ta_attr_rule *ta_obj_type_rule(const struct ta_obj_type *t,
					    uint32_t id, unsigned int *index)
{
	for (unsigned int i = 0; i < t->n_rules; i++) {
		if (t->rules[i].id != id)
			continue;
		if (index)
			*index = i;
		return &t->rules[i];
	}
	return NULL;
}

/* The rules (as a bit per rule index) that have any of these flags */
static uint32_t rules_with(const struct ta_obj_type *t, uint8_t flags)
{
	uint32_t mask = 0;

	for (unsigned int i = 0; i < t->n_rules; i++)
		if (t->rules[i].flags & flags)
			mask |= 1u << i;
	return mask;
}

enum ta_attrs_fault ta_obj_attrs_check(const struct ta_obj_type *t,
				       const struct ta_attr *attrs, size_t n,
				       uint8_t allowed)
{
	uint32_t seen = 0, required, group;

	if (n > t->n_rules)
		return TA_ATTRS_TOO_MANY;
	for (size_t i = 0; i < n; i++) {
		unsigned int index;
		const struct ta_attr_rule *r =
			ta_obj_type_rule(t, attrs[i].id, &index);

		if (!r || !(r->flags & allowed))
			return TA_ATTRS_FOREIGN;
		if (seen & (1u << index))
			return TA_ATTRS_DUPLICATE;
		seen |= 1u << index;
	}
	required = rules_with(t, TA_ATTR_POP_REQ);
	group = rules_with(t, TA_ATTR_POP_GROUP);
	if ((seen & required) != required ||
	    ((seen & group) && (seen & group) != group))
		return TA_ATTRS_MISSING;
	return TA_ATTRS_OK;
}

struct curve {
	uint32_t id;
	uint32_t family;
	uint32_t bits;
};

static const struct curve curves[] = {
	{ TEE_ECC_CURVE_NIST_P192, TA_CURVES_NIST, 192 },
	{ TEE_ECC_CURVE_NIST_P224, TA_CURVES_NIST, 224 },
	{ TEE_ECC_CURVE_NIST_P256, TA_CURVES_NIST, 256 },
	{ TEE_ECC_CURVE_NIST_P384, TA_CURVES_NIST, 384 },
	{ TEE_ECC_CURVE_NIST_P521, TA_CURVES_NIST, 521 },
	{ TEE_ECC_CURVE_SM2, TA_CURVES_SM2, 256 },
};

uint32_t ta_obj_type_curve_bits(const struct ta_obj_type *t, uint32_t id)
{
	for (size_t i = 0; i < ARRAY_SIZE(curves); i++)
		if (curves[i].id == id && (curves[i].family & t->curve_family))
			return curves[i].bits;
	return 0;
}

