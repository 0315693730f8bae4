// SPDX-License-Identifier: BSD-2-Clause
/*
 * The attribute blob of a persistent object (object.h; the format is in
 * docs/objects.md).  All numbers little-endian:
 *
 *   u32 version (1)
 *   u32 count (at least 1)
 *   count times: u32 id, u32 len, len bytes
 *                (a value attribute: len 8, then a and b as two u32)
 *
 * and an object without attributes (TEE_TYPE_DATA) has the empty blob.
 *
 * The blob comes back from storage, so reading trusts nothing: every
 * length is checked against what is left, the count against what the
 * type can hold, each id against the type's rules (no duplicates, every
 * mandatory attribute there), each value attribute's length is 8 and
 * nothing may follow the last attribute.  The encoding has one form per
 * attribute list, so writing what was read gives the same bytes back.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "object_attrs.h"

#define BLOB_VERSION	1u
#define VALUE_LEN	8u

struct reader {
	const uint8_t *p;
	size_t left;
};

static bool take_bytes(struct reader *r, size_t n, const uint8_t **out)
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

	if (!take_bytes(r, 4, &b))
		return false;
	*v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	     (uint32_t)b[3] << 24;
	return true;
}

static bool is_value_id(uint32_t id)
{
	return id & TEE_ATTR_FLAG_VALUE;
}

/* The longest buffer a rule of t can hold: what its largest key needs */
static bool len_fits(const struct ta_obj_type *t,
		     const struct ta_attr_rule *rule, uint32_t len)
{
	if (rule->form == TA_FORM_FIXED)
		return len == rule->fixed_len;
	return len <= (t->max_bits + 7u) / 8u;
}

/* One attribute as a view into the blob */
static bool parse_attr(const struct ta_obj_type *t, struct reader *r,
		       struct ta_attr *a)
{
	const struct ta_attr_rule *rule;
	const uint8_t *bytes;
	uint32_t len;

	*a = (struct ta_attr){ 0 };
	if (!take_u32(r, &a->id) || !take_u32(r, &len))
		return false;
	rule = ta_obj_type_rule(t, a->id, NULL);
	if (!rule)
		return false;
	if (is_value_id(a->id))
		return len == VALUE_LEN && take_u32(r, &a->a) &&
		       take_u32(r, &a->b);
	if (!len_fits(t, rule, len) || !take_bytes(r, len, &bytes))
		return false;
	/* a view, never written through: ta_attrs_dup() copies it */
	a->buf = (uint8_t *)(uintptr_t)bytes;
	a->len = len;
	return true;
}

static bool parse(const struct ta_obj_type *t, const uint8_t *blob,
		  size_t len, struct ta_attr *attrs, size_t *n)
{
	struct reader r = { .p = blob, .left = len };
	uint32_t version, count;

	*n = 0;
	if (!len)
		return ta_obj_attrs_check(t, attrs, 0, TA_ATTR_ANY) ==
		       TA_ATTRS_OK;
	/* no attributes is the empty blob only: one form per list */
	if (!take_u32(&r, &version) || version != BLOB_VERSION ||
	    !take_u32(&r, &count) || !count || count > t->n_rules)
		return false;
	for (uint32_t i = 0; i < count; i++)
		if (!parse_attr(t, &r, &attrs[i]))
			return false;
	*n = count;
	return r.left == 0 &&
	       ta_obj_attrs_check(t, attrs, count, TA_ATTR_ANY) == TA_ATTRS_OK;
}

TEE_Result ta_object_blob_read(struct ta_object *o, const uint8_t *blob,
			       size_t len)
{
	const struct ta_obj_type *t = ta_obj_type_find(o->info.objectType);
	struct ta_attr views[TA_OBJ_ATTRS_MAX];
	struct ta_attr *owned;
	size_t n;
	TEE_Result res;

	ta_object_clear_attrs(o);
	if (!t || (!blob && len) || !parse(t, blob, len, views, &n))
		return TEE_ERROR_CORRUPT_OBJECT;
	res = ta_attrs_dup(views, n, &owned);
	if (res != TEE_SUCCESS)
		return res;
	o->attrs = owned;
	o->nattrs = n;
	return TEE_SUCCESS;
}

size_t ta_object_blob_size(const struct ta_object *o)
{
	size_t size = 8;

	if (!o->nattrs)
		return 0;
	for (size_t i = 0; i < o->nattrs; i++)
		size += 8 + (is_value_id(o->attrs[i].id) ? VALUE_LEN :
							   o->attrs[i].len);
	return size;
}

static uint8_t *put_u32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
	return p + 4;
}

/* Attribute lengths fit in 32 bits: no type holds more than 4096 bits. */
static uint8_t *put_attr(uint8_t *p, const struct ta_attr *a)
{
	p = put_u32(p, a->id);
	if (is_value_id(a->id)) {
		p = put_u32(p, VALUE_LEN);
		p = put_u32(p, a->a);
		return put_u32(p, a->b);
	}
	p = put_u32(p, (uint32_t)a->len);
	if (a->len)
		memcpy(p, a->buf, a->len);
	return p + a->len;
}

void ta_object_blob_write(const struct ta_object *o, uint8_t *out)
{
	if (!o->nattrs)
		return;
	out = put_u32(out, BLOB_VERSION);
	out = put_u32(out, (uint32_t)o->nattrs);
	for (size_t i = 0; i < o->nattrs; i++)
		out = put_attr(out, &o->attrs[i]);
}
