// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA_SYS_POBJ_*: a TA's persistent objects.  Each message is taken apart
 * here, every length checked against what arrived, and handed to trusted
 * storage (storage/storage.h) on behalf of the calling instance.
 */
#include <stdlib.h>
#include <string.h>

#include "storage.h"
#include "tee_api_defines.h"
#include "tos_private.h"

/* Answers a view: info, then (with_id) the id, then the blob. */
static void put_view(struct ta_chan_msg *m, uint8_t *data,
		     const struct storage_obj_view *view, bool with_id)
{
	size_t id_len = with_id ? view->info.id_len : 0;
	size_t len = sizeof(view->info) + id_len + view->info.blob_len;

	if (len > TA_CHAN_DATA_MAX) {	/* never stored: CREATE is bounded */
		m->ret = TEE_ERROR_CORRUPT_OBJECT;
		return;
	}
	memcpy(data, &view->info, sizeof(view->info));
	memcpy(data + sizeof(view->info), view->id, id_len);
	memcpy(data + sizeof(view->info) + id_len, view->blob,
	       view->info.blob_len);
	m->data_len = (uint32_t)len;
}

static void sys_open(const struct storage_caller *c, struct ta_chan_msg *m,
		     uint8_t *data, uint32_t in_len)
{
	struct storage_obj_view view = { 0 };
	uint32_t handle;

	m->ret = storage_open(c, (uint32_t)m->args[0], data, in_len,
			      (uint32_t)m->args[1], &handle, &view);
	if (m->ret)
		return;
	put_view(m, data, &view, false);
	free(view.blob);
	if (m->ret)
		storage_close(c, handle);
	m->args[0] = handle;
}

static void sys_create(const struct storage_caller *c, struct ta_chan_msg *m,
		       uint8_t *data, uint32_t in_len)
{
	struct ta_pobj_create cr;
	size_t rest = in_len;
	const uint8_t *id, *blob;
	uint32_t handle;

	if (rest < sizeof(cr)) {
		m->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	memcpy(&cr, data, sizeof(cr));
	rest -= sizeof(cr);
	/* the blob must fit NEXT's answer beside the longest id the object
	 * may be renamed to */
	if (cr.info.id_len > rest || cr.info.blob_len > rest - cr.info.id_len ||
	    cr.info.blob_len > TA_CHAN_DATA_MAX - sizeof(cr.info) -
				       TEE_OBJECT_ID_MAX_LEN) {
		m->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	id = data + sizeof(cr);
	blob = id + cr.info.id_len;
	rest -= cr.info.id_len + cr.info.blob_len;
	m->ret = storage_create(c, (uint32_t)m->args[0], id, cr.info.id_len,
				(uint32_t)m->args[1], &cr.info, blob,
				blob + cr.info.blob_len, rest, m->args[2],
				&handle);
	if (!m->ret)
		m->args[0] = handle;
}

static void sys_read(const struct storage_caller *c, struct ta_chan_msg *m,
		     uint8_t *data)
{
	size_t got = 0;

	if (m->args[2] > TA_CHAN_DATA_MAX) {
		m->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	m->ret = storage_read(c, (uint32_t)m->args[0], m->args[1], data,
			      (size_t)m->args[2], &got);
	m->data_len = (uint32_t)got;
}

static void sys_info(const struct storage_caller *c, struct ta_chan_msg *m,
		     uint8_t *data)
{
	struct ta_pobj_info info;

	m->ret = storage_info(c, (uint32_t)m->args[0], &info);
	if (m->ret)
		return;
	memcpy(data, &info, sizeof(info));
	m->data_len = sizeof(info);
}

static void sys_next(const struct storage_caller *c, struct ta_chan_msg *m,
		     uint8_t *data, uint32_t in_len)
{
	struct storage_obj_view view = { 0 };
	bool has_prev = m->args[1] != 0;

	m->ret = storage_next(c, (uint32_t)m->args[0], has_prev ? data : NULL,
			      has_prev ? in_len : 0, &view);
	if (!m->ret)
		put_view(m, data, &view, true);
	free(view.blob);
}

void ta_storage_syscall(struct tos *tos, struct sw_thread *thr,
			struct ta_instance *inst, struct ta_chan_msg *m,
			uint8_t *data, uint32_t in_len)
{
	const struct storage_caller c = { tos->storage, thr, inst,
					  inst->uuid };
	uint32_t h = (uint32_t)m->args[0];

	m->data_len = 0;
	/* handles, storage ids, flags and usage are 32-bit: nothing may
	 * alias (args[1] is a 64-bit position for READ, WRITE, TRUNCATE) */
	if (m->args[0] > UINT32_MAX ||
	    (m->args[1] > UINT32_MAX && m->func != TA_SYS_POBJ_READ &&
	     m->func != TA_SYS_POBJ_WRITE &&
	     m->func != TA_SYS_POBJ_TRUNCATE)) {
		m->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	switch (m->func) {
	case TA_SYS_POBJ_OPEN:
		sys_open(&c, m, data, in_len);
		break;
	case TA_SYS_POBJ_CREATE:
		sys_create(&c, m, data, in_len);
		break;
	case TA_SYS_POBJ_CLOSE:
		m->ret = storage_close(&c, h);
		break;
	case TA_SYS_POBJ_READ:
		sys_read(&c, m, data);
		break;
	case TA_SYS_POBJ_WRITE:
		m->ret = storage_write(&c, h, m->args[1], data, in_len,
				       m->args[2] != 0);
		break;
	case TA_SYS_POBJ_TRUNCATE:
		m->ret = storage_truncate(&c, h, m->args[1]);
		break;
	case TA_SYS_POBJ_INFO:
		sys_info(&c, m, data);
		break;
	case TA_SYS_POBJ_DELETE:
		m->ret = storage_delete(&c, h);
		break;
	case TA_SYS_POBJ_RENAME:
		m->ret = storage_rename(&c, h, data, in_len);
		break;
	case TA_SYS_POBJ_NEXT:
		sys_next(&c, m, data, in_len);
		break;
	case TA_SYS_POBJ_RESTRICT:
		m->ret = storage_restrict(&c, h, (uint32_t)m->args[1]);
		break;
	default:
		m->ret = TEE_ERROR_NOT_SUPPORTED;
		break;
	}
}
