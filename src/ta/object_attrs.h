/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the object files share among themselves (and with key generation
 * and the crypto operations, later): the object type table
 * (object_types.c: which sizes a type allows, which attributes it holds,
 * which of them TEE_PopulateTransientObject requires, where objectSize
 * comes from) and the owned attribute arrays (object_attrs.c).
 * docs/objects.md has the table in prose.
 */
#ifndef VTEE_TA_OBJECT_ATTRS_H
#define VTEE_TA_OBJECT_ATTRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "object.h"

/* What an attribute's rule says about it (flags of struct ta_attr_rule) */
#define TA_ATTR_POP_REQ		0x01u	/* Populate: mandatory */
#define TA_ATTR_POP_OPT		0x02u	/* Populate: optional */
#define TA_ATTR_POP_GROUP	0x04u	/* Populate: optional, all or none */
#define TA_ATTR_SIZE		0x08u	/* gives objectSize */
#define TA_ATTR_GEN_REQ		0x10u	/* TEE_GenerateKey: mandatory */
#define TA_ATTR_GEN_OPT		0x20u	/* TEE_GenerateKey: optional */

#define TA_ATTR_POPULATE (TA_ATTR_POP_REQ | TA_ATTR_POP_OPT | TA_ATTR_POP_GROUP)
/* Any rule at all: what an object of the type may hold (a generated key
 * may hold more than Populate takes, e.g. TEE_ATTR_DH_X_BITS) */
#define TA_ATTR_ANY	0xffu

/* How an attribute's bytes are read */
enum ta_attr_form {
	TA_FORM_SECRET,		/* raw key bytes, kept as given */
	TA_FORM_BIGNUM,		/* big-endian unsigned, leading zeros dropped */
	TA_FORM_FIXED,		/* exactly fixed_len bytes (25519, 448) */
	TA_FORM_VALUE,		/* a value attribute (bit 29 set) */
};

/* Where a type's objectSize comes from */
enum ta_size_from {
	TA_SIZE_NONE,		/* TEE_TYPE_DATA: no attributes, size 0 */
	TA_SIZE_KEY_BYTES,	/* 8 x the TA_ATTR_SIZE buffer's length */
	TA_SIZE_BIGNUM_BITS,	/* bits of the TA_ATTR_SIZE number */
	TA_SIZE_CURVE,		/* the TEE_ATTR_ECC_CURVE value's curve */
	TA_SIZE_FIXED,		/* always max_bits */
};

struct ta_attr_rule {
	uint32_t id;
	uint8_t flags;		/* TA_ATTR_* */
	uint8_t form;		/* enum ta_attr_form */
	uint8_t fixed_len;	/* TA_FORM_FIXED: its length in bytes */
};

/* Most attributes any type has (RSA key pairs); blob counts are bounded
 * by it. */
#define TA_OBJ_ATTRS_MAX	8

struct ta_obj_type {
	uint32_t type;		/* TEE_TYPE_* */
	/* allowed sizes in bits: min, min + step, ..., max; or, when sizes
	 * is set, exactly the n_sizes values listed */
	uint16_t min_bits, max_bits, step;
	uint8_t n_sizes;
	const uint16_t *sizes;
	uint8_t size_from;	/* enum ta_size_from */
	uint8_t n_rules;
	const struct ta_attr_rule *rules;
	uint32_t public_type;	/* a key pair's public half, or 0 */
	uint32_t curve_family;	/* TA_SIZE_CURVE: TA_CURVES_* it accepts */
};

/* Curve families a type accepts in TEE_ATTR_ECC_CURVE */
#define TA_CURVES_NIST		0x1u	/* P-192 ... P-521 */
#define TA_CURVES_SM2		0x2u

/* The type's entry, or NULL if vtee has no such object type */
const struct ta_obj_type *ta_obj_type_find(uint32_t type);
/* Whether maxObjectSize max_bits is allowed for the type (counting the
 * GP v1.0 DES sizes without parity bits, 56/112/168, as OP-TEE does) */
bool ta_obj_type_max_ok(const struct ta_obj_type *t, uint32_t max_bits);
/* Whether a key of that many bits (parity bits included) is one the
 * type allows */
bool ta_obj_type_size_ok(const struct ta_obj_type *t, uint32_t bits);
/* A size with the DES parity bits: 56 -> 64, 112 -> 128, 168 -> 192 for
 * DES and DES3; any other size as it is */
uint32_t ta_obj_size_with_parity(uint32_t type, uint32_t bits);
/* The size of ECC curve `curve` (TEE_ECC_CURVE_*) if t takes it, else 0 */
uint32_t ta_obj_type_curve_bits(const struct ta_obj_type *t, uint32_t curve);
/* The rule of attribute id in the type, or NULL; *index its position */
const struct ta_attr_rule *ta_obj_type_rule(const struct ta_obj_type *t,
					    uint32_t id, unsigned int *index);

/* Why a list of attributes does not suit a type (ta_obj_attrs_check) */
enum ta_attrs_fault {
	TA_ATTRS_OK,
	TA_ATTRS_TOO_MANY,	/* more than the type has rules */
	TA_ATTRS_FOREIGN,	/* an id the type (this use) does not allow */
	TA_ATTRS_DUPLICATE,
	TA_ATTRS_MISSING,	/* a mandatory attribute or part of a group */
};

/*
 * Checks the ids of n attributes against t's rules: each must have a rule
 * with one of the flags in `allowed`, none may come twice, every POP_REQ
 * must be there and a POP_GROUP all or none.  Ids only: lengths and
 * values are the caller's to check.
 */
enum ta_attrs_fault ta_obj_attrs_check(const struct ta_obj_type *t,
				       const struct ta_attr *attrs, size_t n,
				       uint8_t allowed);

/* Whether o is a persistent object (its handle is the trusted OS's too) */
bool ta_object_is_persistent(const struct ta_object *o);
/* The attribute of o with that id, or NULL */
const struct ta_attr *ta_object_attr(const struct ta_object *o, uint32_t id);

/* Owned copies of n attributes (buffers duplicated); *out is NULL when
 * n is 0.  TEE_ERROR_OUT_OF_MEMORY. */
TEE_Result ta_attrs_dup(const struct ta_attr *in, size_t n,
			struct ta_attr **out);
/* Wipes every buffer (key material) and frees them and the array. */
void ta_attrs_free(struct ta_attr *attrs, size_t n);

/* A caller's attribute as a view (no copy) by t's rules: numbers without
 * their leading zero bytes, as OP-TEE's bignums give them back; panics
 * for a buffer NULL with a length. */
struct ta_attr ta_attr_view(const struct ta_obj_type *t,
			    const TEE_Attribute *attr);
/* Drops o's attributes (wiped) and leaves it with none. */
void ta_object_clear_attrs(struct ta_object *o);

/*
 * Stores a generated key's attributes (object_generate.c) in o as
 * TEE_PopulateTransientObject would: the same checks, objectSize from the
 * attributes, INITIALIZED.  o must be transient and uninitialized (else a
 * panic).  TEE_ERROR_BAD_PARAMETERS, with o left as it was, if they do not
 * make a key of a size the type allows.
 */
TEE_Result ta_object_fill_generated(struct ta_object *o,
				    const struct ta_attr *attrs, size_t n);

#endif /* VTEE_TA_OBJECT_ATTRS_H */
