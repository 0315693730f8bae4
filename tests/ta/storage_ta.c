// SPDX-License-Identifier: BSD-2-Clause
/*
 * The storage test TA: each command of vtee_storage_ta.h is one GP
 * Trusted Storage call on the client's arguments.  Results are the API's
 * own; panics are the API's own too: this TA checks nothing itself.
 */
#include <string.h>
#include <tee_internal_api.h>

#include <vtee_storage_ta.h>

#define P(t0, t1, t2, t3) TEE_PARAM_TYPES(TEE_PARAM_TYPE_##t0, \
	TEE_PARAM_TYPE_##t1, TEE_PARAM_TYPE_##t2, TEE_PARAM_TYPE_##t3)

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types __unused,
				    TEE_Param params[4] __unused,
				    void **sess_ctx __unused)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx __unused)
{
}

static TEE_ObjectHandle handle_of(const TEE_Param *p)
{
	return (TEE_ObjectHandle)(uintptr_t)p->value.a;
}

static TEE_Result create(TEE_Param p[4])
{
	TEE_ObjectHandle h;
	TEE_Result res;

	res = TEE_CreatePersistentObject(p[0].value.a, p[1].memref.buffer,
					 p[1].memref.size, p[0].value.b,
					 TEE_HANDLE_NULL, p[2].memref.buffer,
					 p[2].memref.size, &h);
	p[3].value.a = (uint32_t)(uintptr_t)h;
	return res;
}

static TEE_Result create_key(TEE_Param p[4])
{
	TEE_ObjectHandle key, h = TEE_HANDLE_NULL;
	TEE_Attribute attr;
	TEE_Result res;

	res = TEE_AllocateTransientObject(TEE_TYPE_AES,
					  p[2].memref.size * 8, &key);
	if (res)
		return res;
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, p[2].memref.buffer,
			     p[2].memref.size);
	res = TEE_PopulateTransientObject(key, &attr, 1);
	if (!res)
		res = TEE_CreatePersistentObject(p[0].value.a,
						 p[1].memref.buffer,
						 p[1].memref.size,
						 p[0].value.b, key, NULL, 0,
						 &h);
	TEE_FreeTransientObject(key);
	p[3].value.a = (uint32_t)(uintptr_t)h;
	return res;
}

static TEE_Result open(TEE_Param p[4])
{
	TEE_ObjectHandle h;
	TEE_Result res;

	res = TEE_OpenPersistentObject(p[0].value.a, p[1].memref.buffer,
				       p[1].memref.size, p[0].value.b, &h);
	p[2].value.a = (uint32_t)(uintptr_t)h;
	return res;
}

static TEE_Result read(TEE_Param p[4])
{
	size_t count = 0;
	TEE_Result res = TEE_ReadObjectData(handle_of(&p[0]),
					    p[1].memref.buffer,
					    p[1].memref.size, &count);

	p[1].memref.size = count;
	return res;
}

static TEE_Result seek(TEE_Param p[4])
{
	int64_t offset = (int64_t)((uint64_t)p[1].value.b << 32 |
				   p[1].value.a);

	return TEE_SeekObjectData(handle_of(&p[0]), offset, p[0].value.b);
}

static TEE_Result info(TEE_Param p[4])
{
	TEE_ObjectInfo oi;
	TEE_Result res = TEE_GetObjectInfo1(handle_of(&p[0]), &oi);

	if (res)
		return res;
	if (p[1].memref.size < sizeof(oi))
		return TEE_ERROR_SHORT_BUFFER;
	memcpy(p[1].memref.buffer, &oi, sizeof(oi));
	p[1].memref.size = sizeof(oi);
	return TEE_SUCCESS;
}

/* Appends (len, id, data size) for one object to the output. */
static TEE_Result put_entry(TEE_Param *out, size_t *used, const void *id,
			    uint32_t len, uint32_t size)
{
	uint8_t *b = out->memref.buffer;

	if (*used + 8 + len > out->memref.size)
		return TEE_ERROR_SHORT_BUFFER;
	memcpy(b + *used, &len, 4);
	memcpy(b + *used + 4, id, len);
	memcpy(b + *used + 4 + len, &size, 4);
	*used += 8 + len;
	return TEE_SUCCESS;
}

static TEE_Result enumerate(TEE_Param p[4])
{
	TEE_ObjectEnumHandle e;
	TEE_ObjectInfo oi;
	uint8_t id[TEE_OBJECT_ID_MAX_LEN];
	size_t id_len = sizeof(id), used = 0;
	uint32_t n = 0;
	TEE_Result res = TEE_AllocatePersistentObjectEnumerator(&e);

	if (res)
		return res;
	res = TEE_StartPersistentObjectEnumerator(e, p[0].value.a);
	while (!res) {
		res = TEE_GetNextPersistentObject(e, &oi, id, &id_len);
		if (!res && !(res = put_entry(&p[1], &used, id,
					      (uint32_t)id_len,
					      (uint32_t)oi.dataSize)))
			n++;
	}
	TEE_FreePersistentObjectEnumerator(e);
	p[1].memref.size = used;
	p[2].value.a = n;
	return res == TEE_ERROR_ITEM_NOT_FOUND ? TEE_SUCCESS : res;
}

static TEE_Result enum_states(TEE_Param p[4])
{
	TEE_ObjectEnumHandle e;
	uint8_t id[TEE_OBJECT_ID_MAX_LEN];
	size_t len = sizeof(id);
	TEE_Result res = TEE_AllocatePersistentObjectEnumerator(&e);

	if (res)
		return res;
	p[1].value.a = TEE_GetNextPersistentObject(e, NULL, id, &len);
	res = TEE_StartPersistentObjectEnumerator(e, p[0].value.a);
	TEE_ResetPersistentObjectEnumerator(e);
	p[1].value.b = TEE_GetNextPersistentObject(e, NULL, id, &len);
	TEE_FreePersistentObjectEnumerator(e);
	return res;
}

static TEE_Result get_attr(TEE_Param p[4])
{
	size_t size = p[1].memref.size;
	TEE_Result res = TEE_GetObjectBufferAttribute(handle_of(&p[0]),
						      p[0].value.b,
						      p[1].memref.buffer,
						      &size);

	p[1].memref.size = size;
	return res;
}

struct cmd {
	uint32_t types;
	TEE_Result (*run)(TEE_Param p[4]);
};

static TEE_Result do_close(TEE_Param p[4])
{
	TEE_CloseObject(handle_of(&p[0]));
	return TEE_SUCCESS;
}

static TEE_Result do_write(TEE_Param p[4])
{
	return TEE_WriteObjectData(handle_of(&p[0]), p[1].memref.buffer,
				   p[1].memref.size);
}

static TEE_Result do_truncate(TEE_Param p[4])
{
	return TEE_TruncateObjectData(handle_of(&p[0]), p[0].value.b);
}

static TEE_Result do_delete(TEE_Param p[4])
{
	return TEE_CloseAndDeletePersistentObject1(handle_of(&p[0]));
}

static TEE_Result do_restrict(TEE_Param p[4])
{
	return TEE_RestrictObjectUsage1(handle_of(&p[0]), p[0].value.b);
}

static TEE_Result do_rename(TEE_Param p[4])
{
	return TEE_RenamePersistentObject(handle_of(&p[0]), p[1].memref.buffer,
					  p[1].memref.size);
}

static const struct cmd cmds[] = {
	[STORAGE_CMD_CREATE] = { P(VALUE_INPUT, MEMREF_INPUT, MEMREF_INPUT,
				   VALUE_OUTPUT), create },
	[STORAGE_CMD_CREATE_KEY] = { P(VALUE_INPUT, MEMREF_INPUT,
				       MEMREF_INPUT, VALUE_OUTPUT),
				     create_key },
	[STORAGE_CMD_OPEN] = { P(VALUE_INPUT, MEMREF_INPUT, VALUE_OUTPUT,
				 NONE), open },
	[STORAGE_CMD_CLOSE] = { P(VALUE_INPUT, NONE, NONE, NONE), do_close },
	[STORAGE_CMD_READ] = { P(VALUE_INPUT, MEMREF_OUTPUT, NONE, NONE),
			       read },
	[STORAGE_CMD_WRITE] = { P(VALUE_INPUT, MEMREF_INPUT, NONE, NONE),
				do_write },
	[STORAGE_CMD_TRUNCATE] = { P(VALUE_INPUT, NONE, NONE, NONE),
				   do_truncate },
	[STORAGE_CMD_SEEK] = { P(VALUE_INPUT, VALUE_INPUT, NONE, NONE), seek },
	[STORAGE_CMD_INFO] = { P(VALUE_INPUT, MEMREF_OUTPUT, NONE, NONE),
			       info },
	[STORAGE_CMD_DELETE] = { P(VALUE_INPUT, NONE, NONE, NONE),
				 do_delete },
	[STORAGE_CMD_RENAME] = { P(VALUE_INPUT, MEMREF_INPUT, NONE, NONE),
				 do_rename },
	[STORAGE_CMD_ENUM] = { P(VALUE_INPUT, MEMREF_OUTPUT, VALUE_OUTPUT,
				 NONE), enumerate },
	[STORAGE_CMD_GET_ATTR] = { P(VALUE_INPUT, MEMREF_OUTPUT, NONE, NONE),
				   get_attr },
	[STORAGE_CMD_RESTRICT] = { P(VALUE_INPUT, NONE, NONE, NONE),
				   do_restrict },
	[STORAGE_CMD_ENUM_STATES] = { P(VALUE_INPUT, VALUE_OUTPUT, NONE,
					NONE), enum_states },
};

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t param_types, TEE_Param p[4])
{
	if (cmd >= sizeof(cmds) / sizeof(cmds[0]) || !cmds[cmd].run)
		return TEE_ERROR_NOT_SUPPORTED;
	if (param_types != cmds[cmd].types)
		return TEE_ERROR_BAD_PARAMETERS;
	return cmds[cmd].run(p);
}
