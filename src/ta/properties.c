// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP property API.  A TEE_PropSetHandle is either one of the three
 * pseudo-handles (look a property up by name) or an enumerator from
 * TEE_AllocatePropertyEnumerator (use its current property, ignore the
 * name).  Values are converted from their text form (prop_format.h).
 *
 * Which conversions exist (docs/properties.md): every property reads as a
 * string, in GP's printable form; a property of type string reads as any
 * type its text is written in; the other types read as themselves, and
 * integers of either width as each other when the value fits.  Anything
 * else is TEE_ERROR_BAD_FORMAT.
 */
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>

#include "base64.h"
#include "handles.h"
#include "prop_format.h"
#include "props.h"

struct prop_enum {
	bool started;
	enum ta_propset set;
	size_t index;
};

static bool pseudo_set(TEE_PropSetHandle h, enum ta_propset *set)
{
	if (h == TEE_PROPSET_TEE_IMPLEMENTATION)
		*set = TA_PROPSET_TEE;
	else if (h == TEE_PROPSET_CURRENT_CLIENT)
		*set = TA_PROPSET_CLIENT;
	else if (h == TEE_PROPSET_CURRENT_TA)
		*set = TA_PROPSET_TA;
	else
		return false;
	return true;
}

/* GP: an invalid handle is a programming error and panics. */
static struct prop_enum *enum_of(TEE_PropSetHandle h)
{
	struct prop_enum *e = ta_handle_get((uintptr_t)h, TA_HANDLE_PROP_ENUM);

	if (!e)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return e;
}

static bool enum_current(const struct prop_enum *e, struct ta_prop *p)
{
	return e->started && ta_propset_get(e->set, e->index, p);
}

static TEE_Result lookup(TEE_PropSetHandle h, const char *name,
			 struct ta_prop *p)
{
	enum ta_propset set;
	bool found;

	if (pseudo_set(h, &set))
		found = name && ta_propset_find(set, name, p);
	else
		found = enum_current(enum_of(h), p);
	return found ? TEE_SUCCESS : TEE_ERROR_ITEM_NOT_FOUND;
}

static bool readable_as(enum user_ta_prop_type have,
			enum user_ta_prop_type want)
{
	bool integers = (have == USER_TA_PROP_TYPE_U32 ||
			 have == USER_TA_PROP_TYPE_U64) &&
			(want == USER_TA_PROP_TYPE_U32 ||
			 want == USER_TA_PROP_TYPE_U64);

	return have == want || have == USER_TA_PROP_TYPE_STRING || integers;
}

/* lookup(), then TEE_ERROR_BAD_FORMAT if the property cannot be read as
 * want */
static TEE_Result lookup_as(TEE_PropSetHandle h, const char *name,
			    enum user_ta_prop_type want, struct ta_prop *p)
{
	TEE_Result res = lookup(h, name, p);

	if (res == TEE_SUCCESS && !readable_as(p->type, want))
		res = TEE_ERROR_BAD_FORMAT;
	return res;
}

/* GP's [outstring]: the length (NUL included) is reported either way. */
static TEE_Result copy_string(const char *s, void *buf, size_t *len)
{
	size_t need = strlen(s) + 1;

	if (!buf || *len < need) {
		*len = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	memcpy(buf, s, need);
	*len = need;
	return TEE_SUCCESS;
}

TEE_Result TEE_GetPropertyAsString(TEE_PropSetHandle propsetOrEnumerator,
				   const char *name, char *valueBuffer,
				   size_t *valueBufferLen)
{
	struct ta_prop p;
	TEE_Result res = lookup(propsetOrEnumerator, name, &p);

	if (res != TEE_SUCCESS)
		return res;
	return copy_string(p.value, valueBuffer, valueBufferLen);
}

TEE_Result TEE_GetPropertyAsBool(TEE_PropSetHandle propsetOrEnumerator,
				 const char *name, bool *value)
{
	struct ta_prop p;
	TEE_Result res = lookup_as(propsetOrEnumerator, name,
				   USER_TA_PROP_TYPE_BOOL, &p);

	if (res != TEE_SUCCESS)
		return res;
	return ta_prop_text_to_bool(p.value, value) ? TEE_SUCCESS :
						       TEE_ERROR_BAD_FORMAT;
}

static TEE_Result get_integer(TEE_PropSetHandle h, const char *name,
			      enum user_ta_prop_type want, uint64_t max,
			      uint64_t *v)
{
	struct ta_prop p;
	TEE_Result res = lookup_as(h, name, want, &p);

	if (res != TEE_SUCCESS)
		return res;
	return ta_prop_text_to_u64(p.value, max, v) ? TEE_SUCCESS :
						      TEE_ERROR_BAD_FORMAT;
}

TEE_Result TEE_GetPropertyAsU32(TEE_PropSetHandle propsetOrEnumerator,
				const char *name, uint32_t *value)
{
	uint64_t v;
	TEE_Result res = get_integer(propsetOrEnumerator, name,
				     USER_TA_PROP_TYPE_U32, UINT32_MAX, &v);

	if (res == TEE_SUCCESS)
		*value = (uint32_t)v;
	return res;
}

TEE_Result TEE_GetPropertyAsU64(TEE_PropSetHandle propsetOrEnumerator,
				const char *name, uint64_t *value)
{
	return get_integer(propsetOrEnumerator, name, USER_TA_PROP_TYPE_U64,
			   UINT64_MAX, value);
}

TEE_Result TEE_GetPropertyAsBinaryBlock(TEE_PropSetHandle propsetOrEnumerator,
					const char *name, void *valueBuffer,
					size_t *valueBufferLen)
{
	struct ta_prop p;
	TEE_Result res = lookup_as(propsetOrEnumerator, name,
				   USER_TA_PROP_TYPE_BINARY_BLOCK, &p);
	size_t need;

	if (!valueBufferLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (res != TEE_SUCCESS)
		return res;
	if (!ta_base64_decode(p.value, strlen(p.value), NULL, &need))
		return TEE_ERROR_BAD_FORMAT;
	/* an empty block fits any buffer, even none */
	if ((!valueBuffer && need) || *valueBufferLen < need) {
		*valueBufferLen = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	ta_base64_decode(p.value, strlen(p.value), valueBuffer, valueBufferLen);
	return TEE_SUCCESS;
}

TEE_Result TEE_GetPropertyAsUUID(TEE_PropSetHandle propsetOrEnumerator,
				 const char *name, TEE_UUID *value)
{
	struct ta_prop p;
	TEE_Result res = lookup_as(propsetOrEnumerator, name,
				   USER_TA_PROP_TYPE_UUID, &p);

	if (res != TEE_SUCCESS)
		return res;
	return ta_prop_text_to_uuid(p.value, value) ? TEE_SUCCESS :
						       TEE_ERROR_BAD_FORMAT;
}

TEE_Result TEE_GetPropertyAsIdentity(TEE_PropSetHandle propsetOrEnumerator,
				     const char *name, TEE_Identity *value)
{
	struct ta_prop p;
	TEE_Result res = lookup_as(propsetOrEnumerator, name,
				   USER_TA_PROP_TYPE_IDENTITY, &p);

	if (res != TEE_SUCCESS)
		return res;
	return ta_prop_text_to_identity(p.value, value) ? TEE_SUCCESS :
							   TEE_ERROR_BAD_FORMAT;
}

TEE_Result TEE_AllocatePropertyEnumerator(TEE_PropSetHandle *enumerator)
{
	struct prop_enum *e = calloc(1, sizeof(*e));
	uint32_t h = e ? ta_handle_new(TA_HANDLE_PROP_ENUM, e) : 0;

	if (!h) {
		free(e);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	*enumerator = (TEE_PropSetHandle)(uintptr_t)h;
	return TEE_SUCCESS;
}

void TEE_FreePropertyEnumerator(TEE_PropSetHandle enumerator)
{
	if (enumerator == TEE_HANDLE_NULL)
		return;
	free(enum_of(enumerator));
	ta_handle_release((uintptr_t)enumerator);
}

void TEE_StartPropertyEnumerator(TEE_PropSetHandle enumerator,
				 TEE_PropSetHandle propSet)
{
	struct prop_enum *e = enum_of(enumerator);

	if (!pseudo_set(propSet, &e->set))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	e->started = true;
	e->index = 0;
}

void TEE_ResetPropertyEnumerator(TEE_PropSetHandle enumerator)
{
	enum_of(enumerator)->started = false;
}

TEE_Result TEE_GetPropertyName(TEE_PropSetHandle enumerator, void *nameBuffer,
			       size_t *nameBufferLen)
{
	struct ta_prop p;

	if (!enum_current(enum_of(enumerator), &p))
		return TEE_ERROR_ITEM_NOT_FOUND;
	return copy_string(p.name, nameBuffer, nameBufferLen);
}

/* Past the last property the enumerator stays there: every further
 * call reports TEE_ERROR_ITEM_NOT_FOUND. */
TEE_Result TEE_GetNextProperty(TEE_PropSetHandle enumerator)
{
	struct prop_enum *e = enum_of(enumerator);
	struct ta_prop p;

	if (!enum_current(e, &p))
		return TEE_ERROR_ITEM_NOT_FOUND;
	e->index++;
	return enum_current(e, &p) ? TEE_SUCCESS : TEE_ERROR_ITEM_NOT_FOUND;
}
