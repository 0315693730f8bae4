// SPDX-License-Identifier: BSD-2-Clause
/*
 * Persistent object enumerators.  The trusted OS answers "the object
 * after this id" (TA_SYS_POBJ_NEXT), so an enumerator only remembers its
 * storage and the last id it returned.
 */
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>

#include "handles.h"
#include "storage.h"
#include "syscall.h"

struct pobj_enum {
	bool started;
	uint32_t storage_id;
	bool has_last;
	uint8_t last[TEE_OBJECT_ID_MAX_LEN];
	size_t last_len;
};

static struct pobj_enum *enum_get(TEE_ObjectEnumHandle h)
{
	struct pobj_enum *e = ta_handle_get((uintptr_t)h, TA_HANDLE_POBJ_ENUM);

	if (!e)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return e;
}

TEE_Result
TEE_AllocatePersistentObjectEnumerator(TEE_ObjectEnumHandle *objectEnumerator)
{
	struct pobj_enum *e = calloc(1, sizeof(*e));
	uint32_t h = e ? ta_handle_new(TA_HANDLE_POBJ_ENUM, e) : 0;

	if (!objectEnumerator)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (!h) {
		free(e);
		*objectEnumerator = TEE_HANDLE_NULL;
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	*objectEnumerator = (TEE_ObjectEnumHandle)(uintptr_t)h;
	return TEE_SUCCESS;
}

void TEE_FreePersistentObjectEnumerator(TEE_ObjectEnumHandle objectEnumerator)
{
	if (objectEnumerator == TEE_HANDLE_NULL)
		return;
	free(enum_get(objectEnumerator));
	ta_handle_release((uintptr_t)objectEnumerator);
}

void TEE_ResetPersistentObjectEnumerator(TEE_ObjectEnumHandle objectEnumerator)
{
	struct pobj_enum *e = enum_get(objectEnumerator);

	*e = (struct pobj_enum){ 0 };
}

/* The object after e's last one: its info, id and blob in out. */
static TEE_Result next(const struct pobj_enum *e, uint32_t storage_id,
		       uint8_t *out, size_t *out_len)
{
	struct ta_sys s = { .func = TA_SYS_POBJ_NEXT,
			    .args = { storage_id, e && e->has_last },
			    .in = e && e->has_last ? e->last : NULL,
			    .in_len = e && e->has_last ? e->last_len : 0,
			    .out = out, .out_cap = TA_CHAN_DATA_MAX };
	TEE_Result res = ta_syscall(&s);

	*out_len = s.out_len < TA_CHAN_DATA_MAX ? s.out_len : TA_CHAN_DATA_MAX;
	switch (res) {
	case TEE_SUCCESS:
	case TEE_ERROR_ITEM_NOT_FOUND:
	case TEE_ERROR_OUT_OF_MEMORY:
	case TEE_ERROR_CORRUPT_OBJECT:
	case TEE_ERROR_STORAGE_NOT_AVAILABLE:
		return res;
	default:
		TEE_Panic(res);
	}
	return res;
}

TEE_Result
TEE_StartPersistentObjectEnumerator(TEE_ObjectEnumHandle objectEnumerator,
				    uint32_t storageID)
{
	struct pobj_enum *e = enum_get(objectEnumerator);
	uint8_t *out = malloc(TA_CHAN_DATA_MAX);
	size_t len;
	TEE_Result res;

	*e = (struct pobj_enum){ 0 };
	if (!out)
		return TEE_ERROR_OUT_OF_MEMORY;
	/* GP: an unknown or empty storage is ITEM_NOT_FOUND already here */
	res = next(NULL, storageID, out, &len);
	free(out);
	if (res)
		return res;
	e->started = true;
	e->storage_id = storageID;
	return TEE_SUCCESS;
}

static void fill_info(const struct ta_pobj_info *in, TEE_ObjectInfo *info)
{
	*info = (TEE_ObjectInfo){
		.objectType = in->type,
		.objectSize = in->object_size,
		.maxObjectSize = in->max_object_size,
		.objectUsage = in->usage,
		.dataSize = in->data_size,
		.dataPosition = 0,
		.handleFlags = TEE_HANDLE_FLAG_PERSISTENT |
			       TEE_HANDLE_FLAG_INITIALIZED,
	};
}

TEE_Result TEE_GetNextPersistentObject(TEE_ObjectEnumHandle objectEnumerator,
				       TEE_ObjectInfo *objectInfo,
				       void *objectID, size_t *objectIDLen)
{
	struct pobj_enum *e = enum_get(objectEnumerator);
	struct ta_pobj_info info;
	uint8_t *out;
	size_t len;
	TEE_Result res;

	if (!objectID || !objectIDLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (!e->started)
		return TEE_ERROR_ITEM_NOT_FOUND;
	out = malloc(TA_CHAN_DATA_MAX);
	if (!out)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = next(e, e->storage_id, out, &len);
	if (!res && len >= sizeof(info))
		memcpy(&info, out, sizeof(info));
	if (!res && (len < sizeof(info) ||
		     info.id_len > TEE_OBJECT_ID_MAX_LEN ||
		     info.id_len > len - sizeof(info)))
		TEE_Panic(TEE_ERROR_BAD_STATE);
	if (!res) {
		memcpy(e->last, out + sizeof(info), info.id_len);
		e->last_len = info.id_len;
		e->has_last = true;
		memcpy(objectID, e->last, e->last_len);
		*objectIDLen = e->last_len;
		if (objectInfo)
			fill_info(&info, objectInfo);
	}
	free(out);
	return res;
}
