// SPDX-License-Identifier: BSD-2-Clause
/*
 * An open object's data stream.  Reads come from the copy in memory;
 * every write or truncation is committed to the volume before it
 * returns, and undone in memory if the commit fails, so the memory copy
 * always equals what is stored.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "storage_private.h"
#include "tee_api_defines.h"

static uint32_t require(const struct phandle *h, uint32_t flag)
{
	return h->flags & flag ? TEE_SUCCESS : TEE_ERROR_ACCESS_DENIED;
}

uint32_t storage_read(const struct storage_caller *c, uint32_t handle,
		      uint64_t pos, void *buf, size_t len, size_t *got)
{
	struct volume_obj *v;
	struct phandle *h;
	uint32_t res = storage_claim_handle(c, handle, &h);

	if (res)
		return res;
	v = &h->obj->content;
	res = require(h, TEE_DATA_FLAG_ACCESS_READ);
	*got = 0;
	if (!res && pos < v->meta.data_len) {
		*got = v->meta.data_len - pos < len ?
			       (size_t)(v->meta.data_len - pos) : len;
		memcpy(buf, v->data + pos, *got);
	}
	storage_release_vol(c->s, h->obj->vol);
	return res;
}

/* Room for size bytes of data; new bytes are zero. */
static uint32_t reserve(struct volume_obj *v, uint64_t size)
{
	uint8_t *grown;
	size_t cap;

	if (size <= v->data_cap)
		return TEE_SUCCESS;
	cap = v->data_cap * 2 > size ? v->data_cap * 2 : (size_t)size;
	grown = malloc(cap);
	if (!grown)
		return TEE_ERROR_OUT_OF_MEMORY;
	/* copied rather than realloc'd, so the old bytes can be wiped */
	memcpy(grown, v->data, v->meta.data_len);
	memset(grown + v->meta.data_len, 0, cap - v->meta.data_len);
	OPENSSL_cleanse(v->data, v->data_cap);
	free(v->data);
	v->data = grown;
	v->data_cap = cap;
	return TEE_SUCCESS;
}

/* Commits the object's new content (or finishes a pending create). */
static uint32_t commit(const struct storage_caller *c, struct pobj *o)
{
	struct volume *vol = &o->vol->v;
	struct sfmt_dir_entry *e;
	uint32_t res = volume_load(vol, c->thr);

	if (res)
		return res;
	if (o->pending) {
		if (o->content.meta.data_len < o->pending_total)
			return TEE_SUCCESS;
		res = volume_put(vol, c->thr, o->id, o->id_len, &o->content);
		o->pending = res != TEE_SUCCESS;
		return res;
	}
	e = volume_find(vol, o->id, o->id_len);
	return e ? volume_write(vol, c->thr, e, &o->content) :
		   TEE_ERROR_CORRUPT_OBJECT;
}

static uint32_t check_write(const struct pobj *o, uint64_t pos, size_t len)
{
	const struct volume_obj *v = &o->content;

	if (pos > TEE_DATA_MAX_POSITION || len > TEE_DATA_MAX_POSITION - pos)
		return TEE_ERROR_OVERFLOW;
	if (o->pending && (pos != v->meta.data_len ||
			   pos + len > o->pending_total))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!sfmt_obj_size(v->meta.blob_len, pos + len))
		return TEE_ERROR_STORAGE_NO_SPACE;
	return TEE_SUCCESS;
}

/* Bytes of [pos, pos + len) that existed in a stream of old bytes. */
static size_t overlap(uint64_t old, uint64_t pos, size_t len)
{
	uint64_t end = pos + len;

	return pos < old ? (size_t)((end < old ? end : old) - pos) : 0;
}

/* Writes in memory, keeping what it overwrote in *undo for undo_write(). */
static uint32_t apply_write(struct volume_obj *v, uint64_t pos,
			    const void *buf, size_t len, uint8_t **undo)
{
	uint64_t old = v->meta.data_len, end = pos + len;
	size_t kept = overlap(old, pos, len);
	uint32_t res = reserve(v, end);

	*undo = malloc(kept ? kept : 1);
	if (res || !*undo) {
		free(*undo);
		return res ? res : TEE_ERROR_OUT_OF_MEMORY;
	}
	memcpy(*undo, v->data + pos, kept);
	if (pos > old)	/* GP: the gap reads as zeros */
		memset(v->data + old, 0, (size_t)(pos - old));
	memcpy(v->data + pos, buf, len);
	if (end > old)
		v->meta.data_len = end;
	return TEE_SUCCESS;
}

static void undo_write(struct volume_obj *v, uint64_t pos, size_t len,
		       uint64_t old, const uint8_t *undo)
{
	memcpy(v->data + pos, undo, overlap(old, pos, len));
	v->meta.data_len = old;
}

static void drop_stage(struct phandle *h)
{
	if (h->stage)
		OPENSSL_cleanse(h->stage, h->stage_len);
	free(h->stage);
	h->stage = NULL;
	h->stage_len = 0;
	h->stage_cap = 0;
}

/* Adds a chunk to the write being staged (started at pos if none is). */
static uint32_t stage_chunk(struct phandle *h, uint64_t pos, const void *buf,
			    size_t len)
{
	size_t need, cap;
	uint8_t *grown;

	if (!h->stage)
		h->stage_pos = pos;
	else if (pos != h->stage_pos + h->stage_len)
		return TEE_ERROR_BAD_PARAMETERS;
	if (len > SFMT_FILE_MAX - h->stage_len)
		return TEE_ERROR_STORAGE_NO_SPACE;
	need = h->stage_len + len;
	if (!h->stage || need > h->stage_cap) {
		/* doubled (up to the largest file), so a write of n chunks
		 * copies O(n) bytes; copied rather than realloc'd, so the old
		 * bytes can be wiped */
		size_t have = h->stage_len;

		cap = h->stage_cap * 2 > need ? h->stage_cap * 2 : need;
		if (cap > SFMT_FILE_MAX)
			cap = SFMT_FILE_MAX;
		grown = malloc(cap ? cap : 1);
		if (!grown)
			return TEE_ERROR_OUT_OF_MEMORY;
		if (h->stage)
			memcpy(grown, h->stage, have);
		drop_stage(h);
		h->stage = grown;
		h->stage_len = have;
		h->stage_cap = cap;
	}
	memcpy(h->stage + h->stage_len, buf, len);
	h->stage_len = need;
	return TEE_SUCCESS;
}

static uint32_t write_now(const struct storage_caller *c, struct pobj *o,
			  uint64_t pos, const void *buf, size_t len)
{
	struct volume_obj *v = &o->content;
	uint64_t old = v->meta.data_len;
	uint8_t *undo = NULL;
	uint32_t res = check_write(o, pos, len);

	if (!res)
		res = apply_write(v, pos, buf, len, &undo);
	if (!res && (res = commit(c, o)))
		undo_write(v, pos, len, old, undo);
	if (undo)
		OPENSSL_cleanse(undo, overlap(old, pos, len));
	free(undo);
	return res;
}

uint32_t storage_write(const struct storage_caller *c, uint32_t handle,
		       uint64_t pos, const void *buf, size_t len, bool more)
{
	struct phandle *h;
	uint32_t res = storage_claim_handle(c, handle, &h);

	if (res)
		return res;
	res = require(h, TEE_DATA_FLAG_ACCESS_WRITE);
	if (!res && (more || h->stage))
		res = stage_chunk(h, pos, buf, len);
	if (!res && !more)
		res = h->stage ? write_now(c, h->obj, h->stage_pos, h->stage,
					   h->stage_len) :
				 write_now(c, h->obj, pos, buf, len);
	if (res || !more)
		drop_stage(h);
	storage_release_vol(c->s, h->obj->vol);
	return res;
}

uint32_t storage_truncate(const struct storage_caller *c, uint32_t handle,
			  uint64_t size)
{
	struct volume_obj *v;
	struct phandle *h;
	uint64_t old;
	uint32_t res = storage_claim_handle(c, handle, &h);

	if (res)
		return res;
	v = &h->obj->content;
	old = v->meta.data_len;
	res = require(h, TEE_DATA_FLAG_ACCESS_WRITE);
	if (!res && h->obj->pending)
		res = TEE_ERROR_BAD_PARAMETERS;
	if (!res && size > TEE_DATA_MAX_POSITION)
		res = TEE_ERROR_OVERFLOW;
	if (!res && !sfmt_obj_size(v->meta.blob_len, size))
		res = TEE_ERROR_STORAGE_NO_SPACE;
	if (!res)
		res = reserve(v, size);
	if (!res) {
		if (size > old)	/* bytes a shrink left behind read as zeros */
			memset(v->data + old, 0, (size_t)(size - old));
		v->meta.data_len = size;
		if ((res = commit(c, h->obj)))
			v->meta.data_len = old;
	}
	storage_release_vol(c->s, h->obj->vol);
	return res;
}

uint32_t storage_restrict(const struct storage_caller *c, uint32_t handle,
			  uint32_t usage)
{
	struct sfmt_obj_meta *m;
	struct phandle *h;
	uint32_t old, res = storage_claim_handle(c, handle, &h);

	if (res)
		return res;
	m = &h->obj->content.meta;
	old = m->usage;
	if (h->obj->pending)
		res = TEE_ERROR_BAD_STATE;
	else if ((m->usage & usage) != m->usage) {
		m->usage &= usage;
		if ((res = commit(c, h->obj)))
			m->usage = old;
	}
	storage_release_vol(c->s, h->obj->vol);
	return res;
}

uint32_t storage_info(const struct storage_caller *c, uint32_t handle,
		      struct ta_pobj_info *info)
{
	const struct sfmt_obj_meta *m;
	struct phandle *h;
	uint32_t res = storage_claim_handle(c, handle, &h);

	if (res)
		return res;
	m = &h->obj->content.meta;
	*info = (struct ta_pobj_info){
		.type = m->type, .object_size = m->object_size,
		.max_object_size = m->max_object_size, .usage = m->usage,
		.flags = h->flags, .id_len = (uint32_t)h->obj->id_len,
		.blob_len = m->blob_len, .data_size = m->data_len,
	};
	storage_release_vol(c->s, h->obj->vol);
	return TEE_SUCCESS;
}
