// SPDX-License-Identifier: BSD-2-Clause
/*
 * The storage benchmark TA: batches of GP Trusted Storage operations
 * (bench_storage_ta.h).  A batch stops at the first failure and returns
 * it; the client reports the case as failed.
 */
#include <tee_internal_api.h>

#include <bench_storage_ta.h>
#include <bench_ta_boilerplate.h>

#define NAME_LEN 14		/* "bench-" and 8 hex digits */

static void name_of(uint32_t index, char name[NAME_LEN])
{
	static const char hex[] = "0123456789abcdef";

	TEE_MemMove(name, "bench-", 6);
	for (int i = 0; i < 8; i++)
		name[6 + i] = hex[(index >> (28 - 4 * i)) & 0xf];
}

static TEE_Result create(TEE_Param p[4])
{
	const uint32_t flags = TEE_DATA_FLAG_ACCESS_READ |
			       TEE_DATA_FLAG_ACCESS_WRITE |
			       TEE_DATA_FLAG_ACCESS_WRITE_META |
			       TEE_DATA_FLAG_OVERWRITE;
	bool with_data = p[2].value.a == BENCH_STORAGE_CREATE_WITH_DATA;
	const void *data = p[1].memref.buffer;
	size_t size = p[1].memref.size;
	TEE_Result res = TEE_SUCCESS;
	char name[NAME_LEN];

	for (uint32_t i = 0; i < p[0].value.b && !res; i++) {
		TEE_ObjectHandle h;

		name_of(p[0].value.a + i, name);
		res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, name,
						 NAME_LEN, flags,
						 TEE_HANDLE_NULL,
						 with_data ? data : NULL,
						 with_data ? size : 0, &h);
		if (res)
			break;
		if (!with_data && size)
			res = TEE_WriteObjectData(h, data, size);
		TEE_CloseObject(h);
	}
	return res;
}

/* Where READ puts the data: grown once, kept for the next batches. */
static void *read_buf;
static size_t read_cap;

static TEE_Result read(TEE_Param p[4])
{
	TEE_Result res = TEE_SUCCESS;
	char name[NAME_LEN];

	name_of(p[0].value.a, name);
	p[1].value.a = 0;
	for (uint32_t i = 0; i < p[0].value.b && !res; i++) {
		TEE_ObjectHandle h;
		TEE_ObjectInfo info;
		size_t got = 0;

		res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, name,
					       NAME_LEN,
					       TEE_DATA_FLAG_ACCESS_READ |
					       TEE_DATA_FLAG_SHARE_READ, &h);
		if (res)
			break;
		res = TEE_GetObjectInfo1(h, &info);
		if (!res && info.dataSize > read_cap) {
			TEE_Free(read_buf);
			read_cap = 0;
			read_buf = TEE_Malloc(info.dataSize, 0);
			if (read_buf)
				read_cap = info.dataSize;
			else
				res = TEE_ERROR_OUT_OF_MEMORY;
		}
		if (!res)
			res = TEE_ReadObjectData(h, read_buf, info.dataSize,
						 &got);
		TEE_CloseObject(h);
		p[1].value.a = (uint32_t)got;
	}
	return res;
}

static TEE_Result append(TEE_Param p[4])
{
	static const uint8_t bytes[256];
	size_t size = p[1].value.a;
	TEE_Result res;
	char name[NAME_LEN];
	TEE_ObjectHandle h;

	if (size > sizeof(bytes))
		return TEE_ERROR_BAD_PARAMETERS;
	name_of(p[0].value.a, name);
	res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, name, NAME_LEN,
				       TEE_DATA_FLAG_ACCESS_WRITE, &h);
	if (res)
		return res;
	res = TEE_SeekObjectData(h, 0, TEE_DATA_SEEK_END);
	for (uint32_t i = 0; i < p[0].value.b && !res; i++)
		res = TEE_WriteObjectData(h, bytes, size);
	TEE_CloseObject(h);
	return res;
}

static TEE_Result delete(TEE_Param p[4])
{
	char name[NAME_LEN];

	for (uint32_t i = 0; i < p[0].value.b; i++) {
		TEE_ObjectHandle h;
		TEE_Result res;

		name_of(p[0].value.a + i, name);
		res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, name,
					       NAME_LEN,
					       TEE_DATA_FLAG_ACCESS_WRITE_META,
					       &h);
		if (res == TEE_ERROR_ITEM_NOT_FOUND)
			continue;
		if (!res)
			res = TEE_CloseAndDeletePersistentObject1(h);
		if (res)
			return res;
	}
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
	TEE_Free(read_buf);
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t types, TEE_Param p[4])
{
	switch (cmd) {
	case BENCH_STORAGE_CMD_CREATE:
		if (types != P(VALUE_INPUT, MEMREF_INPUT, VALUE_INPUT, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return create(p);
	case BENCH_STORAGE_CMD_READ:
		if (types != P(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return read(p);
	case BENCH_STORAGE_CMD_APPEND:
		if (types != P(VALUE_INPUT, VALUE_INPUT, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return append(p);
	case BENCH_STORAGE_CMD_DELETE:
		if (types != P(VALUE_INPUT, NONE, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return delete(p);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
