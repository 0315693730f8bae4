// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP persistent objects and their data streams.  The trusted OS keeps the
 * objects (TA_SYS_POBJ_*, vtee/ta_channel.h); this side keeps each
 * handle's GP state (info, attributes, data position), checks what GP
 * makes a panic, and splits data larger than the channel into chunks
 * that the OS commits as one update.
 */
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "handles.h"
#include "storage.h"
#include "syscall.h"

#define CHUNK_MAX TA_CHAN_DATA_MAX
/* WRITE's args[2]: more chunks of this write follow */
#define WRITE_MORE 1

/* The results GP lets a storage call return; anything else panics. */
static TEE_Result storage_result(TEE_Result res, uint32_t also)
{
	switch (res) {
	case TEE_SUCCESS:
	case TEE_ERROR_ITEM_NOT_FOUND:
	case TEE_ERROR_ACCESS_CONFLICT:
	case TEE_ERROR_OUT_OF_MEMORY:
	case TEE_ERROR_STORAGE_NO_SPACE:
	case TEE_ERROR_CORRUPT_OBJECT:
	case TEE_ERROR_STORAGE_NOT_AVAILABLE:
		return res;
	default:
		if (res == also)
			return res;
		TEE_Panic(res);
	}
	return res;
}

/* A persistent object handle, or a panic. */
static struct ta_object *pobj_get(TEE_ObjectHandle h)
{
	struct ta_object *o = ta_object_get(h);

	if (!o->os_handle)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return o;
}

static void require_flag(const struct ta_object *o, uint32_t flag)
{
	if (!(o->info.handleFlags & flag))
		TEE_Panic(TEE_ERROR_ACCESS_DENIED);
}

static void check_id(const void *id, size_t len)
{
	if (len > TEE_OBJECT_ID_MAX_LEN || (!id && len))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

static void close_os_handle(uint32_t handle)
{
	uint64_t args[6] = { handle };

	ta_syscall_args(TA_SYS_POBJ_CLOSE, args);
}

void ta_pobj_close(struct ta_object *o)
{
	close_os_handle(o->os_handle);
	o->os_handle = 0;
}

TEE_Result ta_pobj_restrict(struct ta_object *o, uint32_t usage)
{
	uint64_t args[6] = { o->os_handle, usage };

	return storage_result(ta_syscall_args(TA_SYS_POBJ_RESTRICT, args), 0);
}

void ta_pobj_sync_info(struct ta_object *o)
{
	struct ta_pobj_info info;
	struct ta_sys s = { .func = TA_SYS_POBJ_INFO,
			    .args = { o->os_handle },
			    .out = &info, .out_cap = sizeof(info) };

	if (ta_syscall(&s) || s.out_len != sizeof(info))
		TEE_Panic(TEE_ERROR_BAD_STATE);
	o->info.dataSize = info.data_size;
}

/* An empty object of any type (TEE_TYPE_DATA too) with its handle; its
 * attributes come from the stored blob, so no allocation rule applies. */
static struct ta_object *new_persistent(uint32_t type, uint32_t max_size)
{
	struct ta_object *o = calloc(1, sizeof(*o));

	if (!o)
		return NULL;
	o->info.objectType = type;
	o->info.maxObjectSize = max_size;
	o->handle = ta_handle_new(TA_HANDLE_OBJECT, o);
	if (!o->handle) {
		free(o);
		return NULL;
	}
	return o;
}

/* A runtime object for a handle the OS opened, described by info and the
 * attribute blob that follows it in buf. */
static TEE_Result adopt(uint32_t os_handle, const uint8_t *buf, size_t len,
			TEE_ObjectHandle *object)
{
	struct ta_pobj_info info;
	struct ta_object *o;
	TEE_Result res;

	if (len >= sizeof(info))
		memcpy(&info, buf, sizeof(info));
	if (len < sizeof(info) || info.blob_len != len - sizeof(info)) {
		close_os_handle(os_handle);
		return TEE_ERROR_CORRUPT_OBJECT;
	}
	o = new_persistent(info.type, info.max_object_size);
	if (!o) {
		close_os_handle(os_handle);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	o->os_handle = os_handle;
	o->info.objectSize = info.object_size;
	o->info.objectUsage = info.usage;
	o->info.dataSize = info.data_size;
	o->info.dataPosition = 0;
	o->info.handleFlags = TEE_HANDLE_FLAG_PERSISTENT |
			      TEE_HANDLE_FLAG_INITIALIZED | info.flags;
	res = ta_object_blob_read(o, buf + sizeof(info), info.blob_len);
	if (res) {
		ta_object_free(o);	/* closes os_handle */
		return res;
	}
	*object = (TEE_ObjectHandle)(uintptr_t)o->handle;
	return TEE_SUCCESS;
}

TEE_Result TEE_OpenPersistentObject(uint32_t storageID, const void *objectID,
				    size_t objectIDLen, uint32_t flags,
				    TEE_ObjectHandle *object)
{
	uint8_t *out = malloc(CHUNK_MAX);
	struct ta_sys s = { .func = TA_SYS_POBJ_OPEN,
			    .args = { storageID, flags },
			    .in = objectID, .in_len = objectIDLen,
			    .out = out, .out_cap = CHUNK_MAX };
	TEE_Result res;

	check_id(objectID, objectIDLen);
	if (!object)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	*object = TEE_HANDLE_NULL;
	if (!out)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = storage_result(ta_syscall(&s), 0);
	if (!res)
		res = adopt((uint32_t)s.args[0], out,
			    s.out_len < CHUNK_MAX ? s.out_len : CHUNK_MAX,
			    object);
	free(out);
	return res;
}

/* ---------------------------------------------------------- create */
static void *create_message(const void *id, size_t id_len,
			    const struct ta_object *attrs, const void *data,
			    size_t first, size_t *len)
{
	struct ta_pobj_create cr = { .info = {
		.type = attrs ? attrs->info.objectType : TEE_TYPE_DATA,
		.object_size = attrs ? attrs->info.objectSize : 0,
		.max_object_size = attrs ? attrs->info.maxObjectSize : 0,
		.usage = attrs ? attrs->info.objectUsage : 0xffffffffu,
		.id_len = (uint32_t)id_len,
		.blob_len = attrs ? (uint32_t)ta_object_blob_size(attrs) : 0,
	} };
	uint8_t *msg;

	*len = sizeof(cr) + id_len + cr.info.blob_len + first;
	msg = malloc(*len);
	if (!msg)
		return NULL;
	memcpy(msg, &cr, sizeof(cr));
	if (id_len)
		memcpy(msg + sizeof(cr), id, id_len);
	if (attrs)
		ta_object_blob_write(attrs, msg + sizeof(cr) + id_len);
	if (first)	/* data may be NULL when there is none */
		memcpy(msg + sizeof(cr) + id_len + cr.info.blob_len, data,
		       first);
	return msg;
}

/*
 * The info and blob OPEN would answer for what CREATE sent: msg is the
 * message without the data bytes (msg_len), which holds both.
 */
static TEE_Result reply_from(const uint8_t *msg, size_t msg_len,
			     size_t data_len, uint32_t flags, uint8_t **reply,
			     size_t *reply_len)
{
	struct ta_pobj_info info;
	uint8_t *r;

	memcpy(&info, msg, sizeof(info));
	info.flags = flags & (TEE_DATA_FLAG_ACCESS_READ |
			      TEE_DATA_FLAG_ACCESS_WRITE |
			      TEE_DATA_FLAG_ACCESS_WRITE_META |
			      TEE_DATA_FLAG_SHARE_READ |
			      TEE_DATA_FLAG_SHARE_WRITE);
	info.data_size = data_len;
	*reply_len = sizeof(info) + info.blob_len;
	r = malloc(*reply_len);
	if (!r)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(r, &info, sizeof(info));
	memcpy(r + sizeof(info), msg + msg_len - info.blob_len, info.blob_len);
	*reply = r;
	return TEE_SUCCESS;
}

/* Sends data [done, len) at the end of a pending object, in chunks. */
static TEE_Result send_rest(uint32_t os_handle, const uint8_t *data,
			    size_t done, size_t len)
{
	TEE_Result res = TEE_SUCCESS;

	while (!res && done < len) {
		size_t n = len - done < CHUNK_MAX ? len - done : CHUNK_MAX;
		struct ta_sys s = { .func = TA_SYS_POBJ_WRITE,
				    .args = { os_handle, done },
				    .in = data + done, .in_len = n };

		res = ta_syscall(&s);
		done += n;
	}
	return res;
}

/* Creates the object; *reply is what OPEN would have answered. */
static TEE_Result create(uint32_t storageID, const void *id, size_t id_len,
			 uint32_t flags, const struct ta_object *attrs,
			 const void *data, size_t data_len, uint32_t *handle,
			 uint8_t **reply, size_t *reply_len)
{
	size_t room = CHUNK_MAX - sizeof(struct ta_pobj_create) - id_len -
		      (attrs ? ta_object_blob_size(attrs) : 0);
	size_t first = data_len < room ? data_len : room, len;
	void *msg = create_message(id, id_len, attrs, data, first, &len);
	struct ta_sys s = { .func = TA_SYS_POBJ_CREATE,
			    .args = { storageID, flags, data_len },
			    .in = msg, .in_len = len };
	TEE_Result res;

	if (!msg)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = ta_syscall(&s);
	if (!res)
		res = reply_from(msg, len - first, data_len, flags, reply,
				 reply_len);
	free(msg);
	if (res)
		return res;
	*handle = (uint32_t)s.args[0];
	res = send_rest(*handle, data, first, data_len);
	if (res) {
		close_os_handle(*handle);
		free(*reply);
	}
	return res;
}

static const struct ta_object *create_attrs(TEE_ObjectHandle attributes)
{
	const struct ta_object *a;

	if (attributes == TEE_HANDLE_NULL)
		return NULL;
	a = ta_object_get(attributes);
	if (!(a->info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED))
		TEE_Panic(TEE_ERROR_BAD_STATE);
	/* the blob must leave room in one message for the id */
	if (ta_object_blob_size(a) > CHUNK_MAX / 2)
		TEE_Panic(TEE_ERROR_EXCESS_DATA);
	return a;
}

TEE_Result TEE_CreatePersistentObject(uint32_t storageID, const void *objectID,
				      size_t objectIDLen, uint32_t flags,
				      TEE_ObjectHandle attributes,
				      const void *initialData,
				      size_t initialDataLen,
				      TEE_ObjectHandle *object)
{
	const struct ta_object *attrs = create_attrs(attributes);
	uint8_t *reply = NULL;
	size_t reply_len = 0;
	uint32_t handle = 0;
	TEE_Result res;

	check_id(objectID, objectIDLen);
	if (!initialData && initialDataLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (object)
		*object = TEE_HANDLE_NULL;
	res = storage_result(create(storageID, objectID, objectIDLen, flags,
				    attrs, initialData, initialDataLen,
				    &handle, &reply, &reply_len), 0);
	if (res)
		return res;
	if (object)
		res = adopt(handle, reply, reply_len, object);
	else	/* GP: with no handle to return, the new object is closed */
		close_os_handle(handle);
	free(reply);
	return res;
}

/* ---------------------------------------------- delete and rename */
TEE_Result TEE_CloseAndDeletePersistentObject1(TEE_ObjectHandle object)
{
	uint64_t args[6] = { 0 };
	struct ta_object *o;
	TEE_Result res;

	if (object == TEE_HANDLE_NULL)
		return TEE_SUCCESS;
	o = pobj_get(object);
	require_flag(o, TEE_DATA_FLAG_ACCESS_WRITE_META);
	args[0] = o->os_handle;
	res = storage_result(ta_syscall_args(TA_SYS_POBJ_DELETE, args), 0);
	if (res)
		return res;
	o->os_handle = 0;	/* the OS closed it */
	ta_object_free(o);
	return TEE_SUCCESS;
}

void TEE_CloseAndDeletePersistentObject(TEE_ObjectHandle object)
{
	TEE_Result res = TEE_CloseAndDeletePersistentObject1(object);

	if (res)
		TEE_Panic(res);
}

TEE_Result TEE_RenamePersistentObject(TEE_ObjectHandle object,
				      const void *newObjectID,
				      size_t newObjectIDLen)
{
	struct ta_object *o = pobj_get(object);
	struct ta_sys s = { .func = TA_SYS_POBJ_RENAME,
			    .args = { o->os_handle },
			    .in = newObjectID, .in_len = newObjectIDLen };

	check_id(newObjectID, newObjectIDLen);
	require_flag(o, TEE_DATA_FLAG_ACCESS_WRITE_META);
	return storage_result(ta_syscall(&s), 0);
}

/* ----------------------------------------------------- data stream */
TEE_Result TEE_ReadObjectData(TEE_ObjectHandle object, void *buffer,
			      size_t size, size_t *count)
{
	struct ta_object *o = pobj_get(object);
	uint8_t *out = buffer;
	size_t done = 0;
	TEE_Result res = TEE_SUCCESS;

	require_flag(o, TEE_DATA_FLAG_ACCESS_READ);
	if ((!buffer && size) || !count)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	while (!res && done < size) {
		size_t want = size - done < CHUNK_MAX ? size - done : CHUNK_MAX;
		struct ta_sys s = { .func = TA_SYS_POBJ_READ,
				    .args = { o->os_handle,
					      o->info.dataPosition + done,
					      want },
				    .out = out + done, .out_cap = want };

		res = ta_syscall(&s);
		if (!res && s.out_len > want)
			TEE_Panic(TEE_ERROR_BAD_STATE);
		done += res ? 0 : s.out_len;
		if (!res && s.out_len < want)
			break;	/* the end of the stream */
	}
	res = storage_result(res, 0);
	if (res)
		return res;
	o->info.dataPosition += done;
	*count = done;
	return TEE_SUCCESS;
}

/* One write: chunks after the first are staged by the OS, which commits
 * them all with the last one. */
TEE_Result TEE_WriteObjectData(TEE_ObjectHandle object, const void *buffer,
			       size_t size)
{
	struct ta_object *o = pobj_get(object);
	const uint8_t *in = buffer;
	size_t done = 0;
	TEE_Result res = TEE_SUCCESS;

	require_flag(o, TEE_DATA_FLAG_ACCESS_WRITE);
	if (!buffer && size)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (o->info.dataPosition > TEE_DATA_MAX_POSITION ||
	    size > TEE_DATA_MAX_POSITION - o->info.dataPosition)
		return TEE_ERROR_OVERFLOW;
	do {
		size_t n = size - done < CHUNK_MAX ? size - done : CHUNK_MAX;
		struct ta_sys s = { .func = TA_SYS_POBJ_WRITE,
				    .args = { o->os_handle,
					      o->info.dataPosition + done,
					      done + n < size ? WRITE_MORE : 0 },
				    .in = in + done, .in_len = n };

		res = ta_syscall(&s);
		done += n;
	} while (!res && done < size);
	res = storage_result(res, TEE_ERROR_OVERFLOW);
	if (res)
		return res;
	o->info.dataPosition += size;
	if (o->info.dataPosition > o->info.dataSize)
		o->info.dataSize = o->info.dataPosition;
	return TEE_SUCCESS;
}

TEE_Result TEE_TruncateObjectData(TEE_ObjectHandle object, size_t size)
{
	struct ta_object *o = pobj_get(object);
	uint64_t args[6] = { o->os_handle, size };
	TEE_Result res;

	require_flag(o, TEE_DATA_FLAG_ACCESS_WRITE);
	res = storage_result(ta_syscall_args(TA_SYS_POBJ_TRUNCATE, args),
			     TEE_ERROR_OVERFLOW);
	if (!res)
		o->info.dataSize = size;
	return res;
}

TEE_Result TEE_SeekObjectData(TEE_ObjectHandle object, intmax_t offset,
			      TEE_Whence whence)
{
	struct ta_object *o = pobj_get(object);
	intmax_t base;

	switch (whence) {
	case TEE_DATA_SEEK_SET:
		base = 0;
		break;
	case TEE_DATA_SEEK_CUR:
		base = o->info.dataPosition;
		break;
	case TEE_DATA_SEEK_END:
		ta_pobj_sync_info(o);
		base = o->info.dataSize;
		break;
	default:
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	}
	if (offset > 0 && offset > (intmax_t)TEE_DATA_MAX_POSITION - base)
		return TEE_ERROR_OVERFLOW;
	/* GP: a position before the start is the start */
	o->info.dataPosition = base + offset < 0 ? 0 : (size_t)(base + offset);
	return TEE_SUCCESS;
}
