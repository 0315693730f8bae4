// SPDX-License-Identifier: BSD-2-Clause
/*
 * Filling a transient object with attributes, by the rules of its type
 * (object_types.c): TEE_PopulateTransientObject and
 * TEE_CopyObjectAttributes1, and the owned attribute arrays objects keep.
 *
 * Filling checks in the order GP's outcomes require: everything that is a
 * panic first (handle state, attribute ids, values too big for
 * maxObjectSize), then what is TEE_ERROR_BAD_PARAMETERS (sizes the type
 * does not allow, inconsistent values), and only then copies anything,
 * so a failed call leaves the object as it was.
 */
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>

#include "object_attrs.h"

/* ------------------------------------------------------------------ */
/* Sizes and values                                                    */
/* ------------------------------------------------------------------ */

static bool is_value_id(uint32_t id)
{
	return id & TEE_ATTR_FLAG_VALUE;
}

/* Bits of a big-endian number without leading zero bytes */
static uint32_t bignum_bits(const uint8_t *buf, size_t len)
{
	uint32_t top = 0;

	if (!len)
		return 0;
	if (len > UINT32_MAX / 8)
		return UINT32_MAX;
	for (uint8_t b = buf[0]; b; b >>= 1)
		top++;
	return (uint32_t)(len - 1) * 8 + top;
}

/* How many bits an attribute's value takes (saturating) */
static uint32_t attr_bits(const struct ta_attr_rule *r, const struct ta_attr *a)
{
	if (r->form == TA_FORM_VALUE)
		return 0;
	if (r->form == TA_FORM_BIGNUM)
		return bignum_bits(a->buf, a->len);
	return a->len > UINT32_MAX / 8 ? UINT32_MAX : (uint32_t)a->len * 8;
}

static const struct ta_attr *find_attr(const struct ta_attr *attrs, size_t n,
				       uint32_t id)
{
	for (size_t i = 0; i < n; i++)
		if (attrs[i].id == id)
			return &attrs[i];
	return NULL;
}

/* The attribute whose rule says TA_ATTR_SIZE (present: checked before) */
static const struct ta_attr *size_attr(const struct ta_obj_type *t,
				       const struct ta_attr *attrs, size_t n)
{
	for (unsigned int i = 0; i < t->n_rules; i++)
		if (t->rules[i].flags & TA_ATTR_SIZE)
			return find_attr(attrs, n, t->rules[i].id);
	return NULL;
}

/* GP: a value too big for maxObjectSize is a panic, not an error. */
static void check_fits(const struct ta_obj_type *t, uint32_t max_bits,
		       const struct ta_attr *attrs, size_t n)
{
	uint32_t limit = ta_obj_size_with_parity(t->type, max_bits);

	for (size_t i = 0; i < n; i++) {
		const struct ta_attr_rule *r =
			ta_obj_type_rule(t, attrs[i].id, NULL);

		if (attr_bits(r, &attrs[i]) > limit)
			TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	}
}

/* A legacy DES object (maxObjectSize without parity) reports its size
 * without parity bits too. */
static uint32_t reported_size(const struct ta_obj_type *t, uint32_t max_bits,
			      uint32_t key_bits)
{
	if (ta_obj_size_with_parity(t->type, max_bits) != max_bits)
		return key_bits - key_bits / 8;
	return key_bits;
}

/* TEE_ATTR_ECC_CURVE, where a type takes it, names a curve it allows. */
static TEE_Result check_curve(const struct ta_obj_type *t,
			      const struct ta_attr *attrs, size_t n,
			      uint32_t *bits)
{
	const struct ta_attr *c = find_attr(attrs, n, TEE_ATTR_ECC_CURVE);

	*bits = c ? ta_obj_type_curve_bits(t, c->a) : t->max_bits;
	return *bits ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

/*
 * objectSize from the attributes: *size as GP reports it, *key_bits what
 * the other attributes are measured against.  TEE_ERROR_BAD_PARAMETERS
 * for a size the type does not allow.  Panics (GP) if a curve is bigger
 * than maxObjectSize.
 */
static TEE_Result object_size(const struct ta_obj_type *t, uint32_t max_bits,
			      const struct ta_attr *attrs, size_t n,
			      uint32_t *size, uint32_t *key_bits)
{
	const struct ta_attr *s = size_attr(t, attrs, n);
	uint32_t bits = 0;
	TEE_Result res = TEE_SUCCESS;

	if (t->size_from == TA_SIZE_KEY_BYTES ||
	    t->size_from == TA_SIZE_BIGNUM_BITS)
		bits = attr_bits(ta_obj_type_rule(t, s->id, NULL), s);
	else if (t->size_from == TA_SIZE_CURVE || t->size_from == TA_SIZE_FIXED)
		res = check_curve(t, attrs, n, &bits);
	if (res != TEE_SUCCESS)
		return res;
	if (bits > ta_obj_size_with_parity(t->type, max_bits))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (!ta_obj_type_size_ok(t, bits))
		return TEE_ERROR_BAD_PARAMETERS;
	*key_bits = bits;
	*size = t->size_from == TA_SIZE_KEY_BYTES ?
		reported_size(t, max_bits, bits) : bits;
	return TEE_SUCCESS;
}

/* Values that cannot belong to a key of key_bits: fixed-length values of
 * another length, numbers longer than the key. */
static TEE_Result check_consistent(const struct ta_obj_type *t,
				   const struct ta_attr *attrs, size_t n,
				   uint32_t key_bits)
{
	for (size_t i = 0; i < n; i++) {
		const struct ta_attr_rule *r =
			ta_obj_type_rule(t, attrs[i].id, NULL);

		if (r->form == TA_FORM_FIXED && attrs[i].len != r->fixed_len)
			return TEE_ERROR_BAD_PARAMETERS;
		if (r->form == TA_FORM_BIGNUM &&
		    attr_bits(r, &attrs[i]) > key_bits)
			return TEE_ERROR_BAD_PARAMETERS;
	}
	return TEE_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Owned attribute arrays                                              */
/* ------------------------------------------------------------------ */

const struct ta_attr *ta_object_attr(const struct ta_object *o, uint32_t id)
{
	return find_attr(o->attrs, o->nattrs, id);
}

void ta_attrs_free(struct ta_attr *attrs, size_t n)
{
	if (!attrs)
		return;
	/* Every buffer may be key material; wiping them all costs little
	 * and cannot miss one. */
	for (size_t i = 0; i < n; i++) {
		if (attrs[i].buf)
			explicit_bzero(attrs[i].buf, attrs[i].len);
		free(attrs[i].buf);
	}
	explicit_bzero(attrs, n * sizeof(*attrs));
	free(attrs);
}

static bool dup_one(const struct ta_attr *in, struct ta_attr *out)
{
	*out = (struct ta_attr){ .id = in->id, .a = in->a, .b = in->b,
				 .len = in->len };
	if (!in->len)
		return true;
	out->buf = malloc(in->len);
	if (!out->buf)
		return false;
	memcpy(out->buf, in->buf, in->len);
	return true;
}

TEE_Result ta_attrs_dup(const struct ta_attr *in, size_t n,
			struct ta_attr **out)
{
	struct ta_attr *copy;

	*out = NULL;
	if (!n)
		return TEE_SUCCESS;
	copy = calloc(n, sizeof(*copy));
	if (!copy)
		return TEE_ERROR_OUT_OF_MEMORY;
	for (size_t i = 0; i < n; i++) {
		if (!dup_one(&in[i], &copy[i])) {
			ta_attrs_free(copy, i);
			return TEE_ERROR_OUT_OF_MEMORY;
		}
	}
	*out = copy;
	return TEE_SUCCESS;
}

void ta_object_clear_attrs(struct ta_object *o)
{
	ta_attrs_free(o->attrs, o->nattrs);
	o->attrs = NULL;
	o->nattrs = 0;
}

/* ------------------------------------------------------------------ */
/* Filling an object                                                   */
/* ------------------------------------------------------------------ */

/* The object Populate and Copy may fill: transient, uninitialized, of a
 * type with attributes.  Anything else is a panic (GP). */
static const struct ta_obj_type *fillable_type(const struct ta_object *o)
{
	const struct ta_obj_type *t = ta_obj_type_find(o->info.objectType);

	if (ta_object_is_persistent(o) ||
	    (o->info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED))
		TEE_Panic(TEE_ERROR_BAD_STATE);
	if (!t)
		TEE_Panic(TEE_ERROR_BAD_STATE);
	return t;
}

static void store_attrs(struct ta_object *o, const struct ta_attr *attrs,
			size_t n, uint32_t size)
{
	struct ta_attr *copy;

	/* Populate and Copy have no error for this; OP-TEE panics too. */
	if (ta_attrs_dup(attrs, n, &copy) != TEE_SUCCESS)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	o->attrs = copy;
	o->nattrs = n;
	o->info.objectSize = size;
	o->info.handleFlags |= TEE_HANDLE_FLAG_INITIALIZED;
}

struct ta_attr ta_attr_view(const struct ta_obj_type *t,
			    const TEE_Attribute *attr)
{
	struct ta_attr v = { .id = attr->attributeID };
	const struct ta_attr_rule *r = ta_obj_type_rule(t, v.id, NULL);

	if (is_value_id(v.id)) {
		v.a = attr->content.value.a;
		v.b = attr->content.value.b;
		return v;
	}
	v.buf = attr->content.ref.buffer;
	v.len = attr->content.ref.length;
	if (v.len && !v.buf)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	while (r && r->form == TA_FORM_BIGNUM && v.len && !v.buf[0]) {
		v.buf++;
		v.len--;
	}
	return v;
}

/* Populate's checks and copy, for attributes whose rules have one of
 * the `allowed` flags */
static TEE_Result fill(struct ta_object *o, const struct ta_obj_type *t,
		       const struct ta_attr *in, size_t n, uint8_t allowed)
{
	uint32_t max = o->info.maxObjectSize, size, key_bits;
	TEE_Result res;

	if (t->size_from == TA_SIZE_NONE ||
	    ta_obj_attrs_check(t, in, n, allowed) != TA_ATTRS_OK)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	check_fits(t, max, in, n);
	res = object_size(t, max, in, n, &size, &key_bits);
	if (res == TEE_SUCCESS)
		res = check_consistent(t, in, n, key_bits);
	if (res == TEE_SUCCESS)
		store_attrs(o, in, n, size);
	return res;
}

static TEE_Result populate(struct ta_object *o, const struct ta_obj_type *t,
			   const struct ta_attr *in, size_t n)
{
	return fill(o, t, in, n, TA_ATTR_POPULATE);
}

/* A generated key may hold what only key generation takes (DH_X_BITS). */
TEE_Result ta_object_fill_generated(struct ta_object *o,
				    const struct ta_attr *attrs, size_t n)
{
	return fill(o, fillable_type(o), attrs, n, TA_ATTR_ANY);
}

TEE_Result TEE_PopulateTransientObject(TEE_ObjectHandle object,
				       const TEE_Attribute *attrs,
				       uint32_t attrCount)
{
	struct ta_object *o = ta_object_get(object);
	const struct ta_obj_type *t = fillable_type(o);
	struct ta_attr in[TA_OBJ_ATTRS_MAX];

	/* More attributes than the type has: one is foreign or repeated. */
	if (attrCount > t->n_rules || (attrCount && !attrs))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	for (uint32_t i = 0; i < attrCount; i++)
		in[i] = ta_attr_view(t, &attrs[i]);
	return populate(o, t, in, attrCount);
}

void TEE_InitRefAttribute(TEE_Attribute *attr, uint32_t attributeID,
			  const void *buffer, size_t length)
{
	if (!attr || is_value_id(attributeID))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	attr->attributeID = attributeID;
	attr->content.ref.buffer = (void *)buffer;
	attr->content.ref.length = length;
}

void TEE_InitValueAttribute(TEE_Attribute *attr, uint32_t attributeID,
			    uint32_t a, uint32_t b)
{
	if (!attr || !is_value_id(attributeID))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	attr->attributeID = attributeID;
	attr->content.value.a = a;
	attr->content.value.b = b;
}

/* Table 5-11: the same type, or a key pair into its public half. */
static bool copy_compatible(const struct ta_obj_type *dst,
			    const struct ta_obj_type *src)
{
	return dst == src ||
	       (src->public_type && src->public_type == dst->type);
}

/* The source attributes the destination type holds, as views */
static size_t copy_selection(const struct ta_obj_type *dst,
			     const struct ta_object *src, struct ta_attr *sel)
{
	size_t n = 0;

	for (size_t i = 0; i < src->nattrs; i++) {
		if (!ta_obj_type_rule(dst, src->attrs[i].id, NULL))
			continue;
		/* A source with more than its type's rules is corrupt. */
		if (n == TA_OBJ_ATTRS_MAX)
			TEE_Panic(TEE_ERROR_BAD_STATE);
		sel[n++] = src->attrs[i];
	}
	return n;
}

TEE_Result TEE_CopyObjectAttributes1(TEE_ObjectHandle destObject,
				     TEE_ObjectHandle srcObject)
{
	struct ta_object *dst = ta_object_get(destObject);
	const struct ta_object *src = ta_object_get(srcObject);
	const struct ta_obj_type *dt = fillable_type(dst);
	const struct ta_obj_type *st = ta_obj_type_find(src->info.objectType);
	struct ta_attr sel[TA_OBJ_ATTRS_MAX];
	uint32_t max = dst->info.maxObjectSize, bits;
	size_t n;

	if (!(src->info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED) || !st ||
	    !copy_compatible(dt, st))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	/* sizes with DES parity bits, whichever way each object counts */
	bits = ta_obj_size_with_parity(st->type, src->info.objectSize);
	if (bits > ta_obj_size_with_parity(dt->type, max))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	n = copy_selection(dt, src, sel);
	if (ta_obj_attrs_check(dt, sel, n, TA_ATTR_ANY) != TA_ATTRS_OK)
		TEE_Panic(TEE_ERROR_BAD_STATE);
	check_fits(dt, max, sel, n);
	store_attrs(dst, sel, n, dt->size_from == TA_SIZE_KEY_BYTES ?
			reported_size(dt, max, bits) : bits);
	dst->info.objectUsage &= src->info.objectUsage;
	return TEE_SUCCESS;
}

void TEE_CopyObjectAttributes(TEE_ObjectHandle destObject,
			      TEE_ObjectHandle srcObject)
{
	TEE_Result res = TEE_CopyObjectAttributes1(destObject, srcObject);

	if (res != TEE_SUCCESS)
		TEE_Panic(res);
}
