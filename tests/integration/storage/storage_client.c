// SPDX-License-Identifier: BSD-2-Clause
#include "storage_client.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const TEEC_UUID storage_ta = STORAGE_TA_UUID;
static const TEEC_UUID storage_ta2 = STORAGE_TA2_UUID;

#define T(a, b, c, d) TEEC_PARAM_TYPES(TEEC_##a, TEEC_##b, TEEC_##c, TEEC_##d)

TEEC_Result sc_open(struct sclient *c, int second)
{
	TEEC_Result res = TEEC_InitializeContext(NULL, &c->ctx);

	if (res)
		return res;
	res = TEEC_OpenSession(&c->ctx, &c->sess,
			       second ? &storage_ta2 : &storage_ta,
			       TEEC_LOGIN_PUBLIC, NULL, NULL, &c->origin);
	if (res)
		TEEC_FinalizeContext(&c->ctx);
	return res;
}

void sc_close(struct sclient *c)
{
	TEEC_CloseSession(&c->sess);
	TEEC_FinalizeContext(&c->ctx);
}

static TEEC_Result invoke(struct sclient *c, uint32_t cmd, TEEC_Operation *op)
{
	return TEEC_InvokeCommand(&c->sess, cmd, op, &c->origin);
}

static void ref(TEEC_Operation *op, int i, const void *buf, size_t len)
{
	op->params[i].tmpref.buffer = (void *)buf;
	op->params[i].tmpref.size = len;
}

static TEEC_Result create_cmd(struct sclient *c, uint32_t cmd,
			      uint32_t storage, const char *id,
			      uint32_t flags, const void *data, size_t len,
			      uint32_t *h)
{
	TEEC_Operation op = { .paramTypes = T(VALUE_INPUT, MEMREF_TEMP_INPUT,
					      MEMREF_TEMP_INPUT,
					      VALUE_OUTPUT) };
	TEEC_Result res;

	op.params[0].value.a = storage;
	op.params[0].value.b = flags;
	ref(&op, 1, id, strlen(id));
	ref(&op, 2, data, len);
	res = invoke(c, cmd, &op);
	*h = op.params[3].value.a;
	return res;
}

TEEC_Result sc_create(struct sclient *c, uint32_t storage, const char *id,
		      uint32_t flags, const void *data, size_t len,
		      uint32_t *h)
{
	return create_cmd(c, STORAGE_CMD_CREATE, storage, id, flags, data, len,
			  h);
}

TEEC_Result sc_create_key(struct sclient *c, const char *id, uint32_t flags,
			  const void *key, size_t len, uint32_t *h)
{
	return create_cmd(c, STORAGE_CMD_CREATE_KEY, PRIVATE, id, flags, key,
			  len, h);
}

TEEC_Result sc_open_obj(struct sclient *c, uint32_t storage, const char *id,
			uint32_t flags, uint32_t *h)
{
	TEEC_Operation op = { .paramTypes = T(VALUE_INPUT, MEMREF_TEMP_INPUT,
					      VALUE_OUTPUT, NONE) };
	TEEC_Result res;

	op.params[0].value.a = storage;
	op.params[0].value.b = flags;
	ref(&op, 1, id, strlen(id));
	res = invoke(c, STORAGE_CMD_OPEN, &op);
	*h = op.params[2].value.a;
	return res;
}

static TEEC_Result handle_cmd(struct sclient *c, uint32_t cmd, uint32_t h,
			      uint32_t b)
{
	TEEC_Operation op = { .paramTypes = T(VALUE_INPUT, NONE, NONE, NONE) };

	op.params[0].value.a = h;
	op.params[0].value.b = b;
	return invoke(c, cmd, &op);
}

TEEC_Result sc_close_obj(struct sclient *c, uint32_t h)
{
	return handle_cmd(c, STORAGE_CMD_CLOSE, h, 0);
}

TEEC_Result sc_truncate(struct sclient *c, uint32_t h, uint32_t size)
{
	return handle_cmd(c, STORAGE_CMD_TRUNCATE, h, size);
}

TEEC_Result sc_restrict(struct sclient *c, uint32_t h, uint32_t usage)
{
	return handle_cmd(c, STORAGE_CMD_RESTRICT, h, usage);
}

TEEC_Result sc_delete(struct sclient *c, uint32_t h)
{
	return handle_cmd(c, STORAGE_CMD_DELETE, h, 0);
}

static TEEC_Result handle_buf_cmd(struct sclient *c, uint32_t cmd,
				  uint32_t h, uint32_t b, uint32_t dir,
				  void *buf, size_t *len)
{
	TEEC_Operation op = { .paramTypes = TEEC_PARAM_TYPES(
		TEEC_VALUE_INPUT, dir, TEEC_NONE, TEEC_NONE) };
	TEEC_Result res;

	op.params[0].value.a = h;
	op.params[0].value.b = b;
	ref(&op, 1, buf, *len);
	res = invoke(c, cmd, &op);
	*len = op.params[1].tmpref.size;
	return res;
}

TEEC_Result sc_read(struct sclient *c, uint32_t h, void *buf, size_t cap,
		    size_t *got)
{
	*got = cap;
	return handle_buf_cmd(c, STORAGE_CMD_READ, h, 0,
			      TEEC_MEMREF_TEMP_OUTPUT, buf, got);
}

TEEC_Result sc_write(struct sclient *c, uint32_t h, const void *buf,
		     size_t len)
{
	return handle_buf_cmd(c, STORAGE_CMD_WRITE, h, 0,
			      TEEC_MEMREF_TEMP_INPUT, (void *)buf, &len);
}

TEEC_Result sc_rename(struct sclient *c, uint32_t h, const char *id)
{
	size_t len = strlen(id);

	return handle_buf_cmd(c, STORAGE_CMD_RENAME, h, 0,
			      TEEC_MEMREF_TEMP_INPUT, (void *)id, &len);
}

TEEC_Result sc_get_attr(struct sclient *c, uint32_t h, uint32_t attr,
			void *buf, size_t *len)
{
	return handle_buf_cmd(c, STORAGE_CMD_GET_ATTR, h, attr,
			      TEEC_MEMREF_TEMP_OUTPUT, buf, len);
}

TEEC_Result sc_seek(struct sclient *c, uint32_t h, int64_t off,
		    uint32_t whence)
{
	TEEC_Operation op = { .paramTypes = T(VALUE_INPUT, VALUE_INPUT, NONE,
					      NONE) };

	op.params[0].value.a = h;
	op.params[0].value.b = whence;
	op.params[1].value.a = (uint32_t)(uint64_t)off;
	op.params[1].value.b = (uint32_t)((uint64_t)off >> 32);
	return invoke(c, STORAGE_CMD_SEEK, &op);
}

/* TEE_ObjectInfo as a 64-bit TA lays it out */
struct ta_object_info {
	uint32_t type, size, max_size, usage;
	uint64_t data_size, data_pos;
	uint32_t handle_flags, pad;
};

TEEC_Result sc_info(struct sclient *c, uint32_t h, uint64_t *size,
		    uint64_t *pos, uint32_t *flags)
{
	struct ta_object_info oi = { 0 };
	size_t len = sizeof(oi);
	TEEC_Result res = handle_buf_cmd(c, STORAGE_CMD_INFO, h, 0,
					 TEEC_MEMREF_TEMP_OUTPUT, &oi, &len);

	*size = oi.data_size;
	*pos = oi.data_pos;
	if (flags)
		*flags = oi.handle_flags;
	return res;
}

TEEC_Result sc_enum(struct sclient *c, uint32_t storage, char *ids,
		    size_t cap, uint32_t *count)
{
	TEEC_Operation op = { .paramTypes = T(VALUE_INPUT, MEMREF_TEMP_OUTPUT,
					      VALUE_OUTPUT, NONE) };
	uint8_t buf[8192];
	size_t used = 0, at = 0;
	TEEC_Result res;

	op.params[0].value.a = storage;
	ref(&op, 1, buf, sizeof(buf));
	res = invoke(c, STORAGE_CMD_ENUM, &op);
	*count = op.params[2].value.a;
	ids[0] = 0;
	while (!res && at + 8 <= op.params[1].tmpref.size) {
		uint32_t len;

		memcpy(&len, buf + at, 4);
		if (used + len + 2 > cap)
			break;
		if (used)
			ids[used++] = ',';
		memcpy(ids + used, buf + at + 4, len);
		used += len;
		ids[used] = 0;
		at += 8 + len;
	}
	return res;
}

TEEC_Result sc_read_all(struct sclient *c, const char *id, void *buf,
			size_t cap, size_t *got)
{
	uint32_t h;
	TEEC_Result res = sc_open_obj(c, PRIVATE, id, F_READ | F_SHARE_READ,
				      &h);

	if (res)
		return res;
	res = sc_read(c, h, buf, cap, got);
	sc_close_obj(c, h);
	return res;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

int sc_list_dir(const char *dir, char names[][64], int max)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	if (!d)
		return 0;
	while ((de = readdir(d)) && n < max) {
		if (de->d_name[0] == '.' || strlen(de->d_name) >= 64)
			continue;
		memcpy(names[n++], de->d_name, strlen(de->d_name) + 1);
	}
	closedir(d);
	qsort(names, (size_t)n, 64, by_name);
	return n;
}
