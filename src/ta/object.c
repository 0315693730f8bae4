// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP objects in the TA runtime (object.h): handles, allocation, and the
 * generic and transient object functions that need no attribute rules
 * (info, usage, attribute getters, close, free, reset).  Filling an
 * object is object_attrs.c; persistent objects are storage*.c, reached
 * through storage.h for objects with an os_handle.
 */
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>

#include "handles.h"
#include "object_attrs.h"
#include "storage.h"

/* A new object may be used for everything until restricted (GP). */
#define USAGE_ALL	0xFFFFFFFFu

TEE_Result ta_object_alloc(uint32_t type, uint32_t max_size,
			   struct ta_object **out)
{
	const struct ta_obj_type *t = ta_obj_type_find(type);
	struct ta_object *o;

	if (!t || !ta_obj_type_max_ok(t, max_size))
		return TEE_ERROR_NOT_SUPPORTED;
	o = calloc(1, sizeof(*o));
	if (!o)
		return TEE_ERROR_OUT_OF_MEMORY;
	o->handle = ta_handle_new(TA_HANDLE_OBJECT, o);
	if (!o->handle) {
		free(o);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	o->info.objectType = type;
	o->info.maxObjectSize = max_size;
	o->info.objectUsage = USAGE_ALL;
	*out = o;
	return TEE_SUCCESS;
}

/* A persistent object's OS handle goes first (storage.c frees objects
 * it could not open this way too). */
void ta_object_free(struct ta_object *o)
{
	if (!o)
		return;
	if (o->os_handle)
		ta_pobj_close(o);
	ta_object_clear_attrs(o);
	ta_handle_release(o->handle);
	free(o);
}

struct ta_object *ta_object_find(TEE_ObjectHandle h)
{
	return ta_handle_get((uintptr_t)h, TA_HANDLE_OBJECT);
}

/* GP: an invalid handle is a programming error and panics. */
struct ta_object *ta_object_get(TEE_ObjectHandle h)
{
	struct ta_object *o = ta_object_find(h);

	if (!o)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return o;
}

bool ta_object_is_persistent(const struct ta_object *o)
{
	return o->os_handle ||
	       (o->info.handleFlags & TEE_HANDLE_FLAG_PERSISTENT);
}

/* ------------------------------------------------------------------ */
/* Generic object functions                                            */
/* ------------------------------------------------------------------ */

/* Another handle on the same persistent object may have changed its
 * data, which only the trusted OS knows. */
static const TEE_ObjectInfo *current_info(struct ta_object *o)
{
	if (o->os_handle)
		ta_pobj_sync_info(o);
	return &o->info;
}

TEE_Result TEE_GetObjectInfo1(TEE_ObjectHandle object,
			      TEE_ObjectInfo *objectInfo)
{
	struct ta_object *o = ta_object_get(object);

	if (!objectInfo)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	*objectInfo = *current_info(o);
	return TEE_SUCCESS;
}

void TEE_GetObjectInfo(TEE_ObjectHandle object, TEE_ObjectInfo *objectInfo)
{
	TEE_Result res = TEE_GetObjectInfo1(object, objectInfo);

	if (res != TEE_SUCCESS)
		TEE_Panic(res);
}

/* Usage can only shrink: the new usage is the AND of old and given. */
TEE_Result TEE_RestrictObjectUsage1(TEE_ObjectHandle object,
				    uint32_t objectUsage)
{
	struct ta_object *o = ta_object_get(object);
	TEE_Result res = TEE_SUCCESS;

	/* a persistent object keeps the restriction, as in OP-TEE */
	if (o->os_handle)
		res = ta_pobj_restrict(o, objectUsage);
	if (!res)
		o->info.objectUsage &= objectUsage;
	return res;
}

void TEE_RestrictObjectUsage(TEE_ObjectHandle object, uint32_t objectUsage)
{
	TEE_Result res = TEE_RestrictObjectUsage1(object, objectUsage);

	if (res != TEE_SUCCESS)
		TEE_Panic(res);
}

/*
 * The attribute a getter may return, or NULL if o does not have it.
 * GP's panics: o not initialized, a getter of the wrong kind (bit 29),
 * and a protected attribute (bit 28 clear) of an object without
 * TEE_USAGE_EXTRACTABLE.
 */
static const struct ta_attr *readable_attr(const struct ta_object *o,
					   uint32_t id, bool value)
{
	bool is_value = id & TEE_ATTR_FLAG_VALUE;
	bool is_public = id & TEE_ATTR_FLAG_PUBLIC;

	if (!(o->info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED))
		TEE_Panic(TEE_ERROR_BAD_STATE);
	if (is_value != value)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (!is_public && !(o->info.objectUsage & TEE_USAGE_EXTRACTABLE))
		TEE_Panic(TEE_ERROR_ACCESS_DENIED);
	return ta_object_attr(o, id);
}

TEE_Result TEE_GetObjectBufferAttribute(TEE_ObjectHandle object,
					uint32_t attributeID, void *buffer,
					size_t *size)
{
	const struct ta_attr *a;

	if (!size)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	a = readable_attr(ta_object_get(object), attributeID, false);
	if (!a)
		return TEE_ERROR_ITEM_NOT_FOUND;
	/* GP's [outbuf]: the length needed is reported either way. */
	if (*size < a->len || (!buffer && a->len)) {
		*size = a->len;
		return TEE_ERROR_SHORT_BUFFER;
	}
	if (a->len)
		memcpy(buffer, a->buf, a->len);
	*size = a->len;
	return TEE_SUCCESS;
}

TEE_Result TEE_GetObjectValueAttribute(TEE_ObjectHandle object,
				       uint32_t attributeID, uint32_t *a,
				       uint32_t *b)
{
	const struct ta_attr *v =
		readable_attr(ta_object_get(object), attributeID, true);

	if (!v)
		return TEE_ERROR_ITEM_NOT_FOUND;
	if (a)
		*a = v->a;
	if (b)
		*b = v->b;
	return TEE_SUCCESS;
}

/* Transient or persistent (ta_object_free closes the OS's handle). */
void TEE_CloseObject(TEE_ObjectHandle object)
{
	if (object == TEE_HANDLE_NULL)
		return;
	ta_object_free(ta_object_get(object));
}

/* ------------------------------------------------------------------ */
/* Transient object functions                                          */
/* ------------------------------------------------------------------ */

TEE_Result TEE_AllocateTransientObject(TEE_ObjectType objectType,
				       uint32_t maxObjectSize,
				       TEE_ObjectHandle *object)
{
	struct ta_object *o;
	TEE_Result res;

	if (!object)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	*object = TEE_HANDLE_NULL;
	/* GP v1.3 keeps TEE_TYPE_DATA for persistent objects only. */
	if (objectType == TEE_TYPE_DATA)
		return TEE_ERROR_NOT_SUPPORTED;
	res = ta_object_alloc(objectType, maxObjectSize, &o);
	if (res == TEE_SUCCESS)
		*object = (TEE_ObjectHandle)(uintptr_t)o->handle;
	return res;
}

/* The transient object behind a handle; a persistent one is a panic. */
static struct ta_object *transient(TEE_ObjectHandle object)
{
	struct ta_object *o = ta_object_get(object);

	if (ta_object_is_persistent(o))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return o;
}

void TEE_FreeTransientObject(TEE_ObjectHandle object)
{
	if (object == TEE_HANDLE_NULL)
		return;
	ta_object_free(transient(object));
}

void TEE_ResetTransientObject(TEE_ObjectHandle object)
{
	struct ta_object *o;

	if (object == TEE_HANDLE_NULL)
		return;
	o = transient(object);
	ta_object_clear_attrs(o);
	o->info.objectSize = 0;
	o->info.objectUsage = USAGE_ALL;
	o->info.handleFlags &= ~TEE_HANDLE_FLAG_INITIALIZED;
}
