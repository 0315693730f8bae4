// SPDX-License-Identifier: BSD-2-Clause
/*
 * A TA that keeps named objects in GP trusted storage for its client:
 * write one, read it back, delete it.  The objects are this TA's own
 * (TEE_STORAGE_PRIVATE): sealed by the trusted OS with keys derived from
 * the device and this TA's UUID, and stored in the normal world's file
 * system by the supplicant, where no other TA (and no one without the
 * device's key) can read or silently alter them.
 */
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <secure_storage_ta.h>

/* The object's name, in memory of our own: the client may change shared
 * memory at any time, so what we check is what we use. */
struct obj_name {
	char id[TA_SECURE_STORAGE_NAME_MAX];
	size_t len;
};

static TEE_Result name_get(const TEE_Param *p, struct obj_name *name)
{
	/* an id longer than the maximum would be a panic in the API */
	if (!p->memref.size || p->memref.size > sizeof(name->id))
		return TEE_ERROR_BAD_PARAMETERS;
	name->len = p->memref.size;
	TEE_MemMove(name->id, p->memref.buffer, name->len);
	return TEE_SUCCESS;
}

static TEE_Result write_raw(uint32_t param_types, TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	/* later read, written and deleted; one of that name is replaced */
	const uint32_t flags = TEE_DATA_FLAG_ACCESS_READ |
			       TEE_DATA_FLAG_ACCESS_WRITE |
			       TEE_DATA_FLAG_ACCESS_WRITE_META |
			       TEE_DATA_FLAG_OVERWRITE;
	TEE_ObjectHandle object;
	struct obj_name name;
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	res = name_get(&params[0], &name);
	if (res != TEE_SUCCESS)
		return res;

	/*
	 * The data goes in as the object's initial data: creating and
	 * filling it is then one update, so a crash leaves either the old
	 * object or the new one, never an empty one.
	 */
	res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, name.id,
					 name.len, flags, TEE_HANDLE_NULL,
					 params[1].memref.buffer,
					 params[1].memref.size, &object);
	if (res != TEE_SUCCESS) {
		EMSG("TEE_CreatePersistentObject failed 0x%08x", res);
		return res;
	}
	TEE_CloseObject(object);
	IMSG("Stored %zu bytes", params[1].memref.size);
	return TEE_SUCCESS;
}

static TEE_Result read_raw(uint32_t param_types, TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_MEMREF_OUTPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	TEE_ObjectHandle object;
	TEE_ObjectInfo info;
	struct obj_name name;
	size_t got = 0;
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	res = name_get(&params[0], &name);
	if (res != TEE_SUCCESS)
		return res;

	/* others may read it at the same time, no one may write it */
	res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, name.id, name.len,
				       TEE_DATA_FLAG_ACCESS_READ |
				       TEE_DATA_FLAG_SHARE_READ, &object);
	if (res != TEE_SUCCESS) {
		/* no such object is the client's business, not an error */
		if (res != TEE_ERROR_ITEM_NOT_FOUND)
			EMSG("TEE_OpenPersistentObject failed 0x%08x", res);
		return res;
	}

	res = TEE_GetObjectInfo1(object, &info);
	if (res == TEE_SUCCESS && info.dataSize > params[1].memref.size) {
		/* tell the client how much room it needs */
		params[1].memref.size = info.dataSize;
		res = TEE_ERROR_SHORT_BUFFER;
	} else if (res == TEE_SUCCESS) {
		res = TEE_ReadObjectData(object, params[1].memref.buffer,
					 info.dataSize, &got);
		if (res == TEE_SUCCESS && got != info.dataSize)
			res = TEE_ERROR_CORRUPT_OBJECT;
		if (res == TEE_SUCCESS)
			params[1].memref.size = got;
		else
			EMSG("TEE_ReadObjectData failed 0x%08x", res);
	}
	TEE_CloseObject(object);
	return res;
}

static TEE_Result delete_object(uint32_t param_types, TEE_Param params[4])
{
	const uint32_t exp_param_types =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE);
	TEE_ObjectHandle object;
	struct obj_name name;
	TEE_Result res;

	if (param_types != exp_param_types)
		return TEE_ERROR_BAD_PARAMETERS;
	res = name_get(&params[0], &name);
	if (res != TEE_SUCCESS)
		return res;

	/* deleting takes a handle opened with the right to change meta data */
	res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, name.id, name.len,
				       TEE_DATA_FLAG_ACCESS_WRITE_META,
				       &object);
	if (res != TEE_SUCCESS) {
		if (res != TEE_ERROR_ITEM_NOT_FOUND)
			EMSG("TEE_OpenPersistentObject failed 0x%08x", res);
		return res;
	}
	return TEE_CloseAndDeletePersistentObject1(object);
}

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

/* A client opens a session; this TA takes no parameters for that. */
TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
		TEE_Param __maybe_unused params[4],
		void __maybe_unused **sess_ctx)
{
	if (param_types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_NONE,
					   TEE_PARAM_TYPE_NONE,
					   TEE_PARAM_TYPE_NONE,
					   TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void __maybe_unused *sess_ctx)
{
}

TEE_Result TA_InvokeCommandEntryPoint(void __maybe_unused *sess_ctx,
			uint32_t cmd_id,
			uint32_t param_types, TEE_Param params[4])
{
	switch (cmd_id) {
	case TA_SECURE_STORAGE_CMD_WRITE_RAW:
		return write_raw(param_types, params);
	case TA_SECURE_STORAGE_CMD_READ_RAW:
		return read_raw(param_types, params);
	case TA_SECURE_STORAGE_CMD_DELETE:
		return delete_object(param_types, params);
	default:
		EMSG("Command 0x%x is not supported", cmd_id);
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
