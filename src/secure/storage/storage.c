// SPDX-License-Identifier: BSD-2-Clause
/*
 * Trusted storage's objects and handles: open, create, close, delete,
 * rename, enumerate.  The data stream calls are in storage_stream.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <openssl/crypto.h>

#include "fstore.h"
#include "storage_private.h"
#include "tee_api_defines.h"
#include "tee_api_defines_extensions.h"

#define ACCESS_FLAGS	(TEE_DATA_FLAG_ACCESS_READ | \
			 TEE_DATA_FLAG_ACCESS_WRITE | \
			 TEE_DATA_FLAG_ACCESS_WRITE_META)
#define SHARE_FLAGS	(TEE_DATA_FLAG_SHARE_READ | TEE_DATA_FLAG_SHARE_WRITE)
/* GP 1.1's TEE_DATA_FLAG_CREATE (0x200) is accepted and means nothing */
#define OPEN_FLAGS	(ACCESS_FLAGS | SHARE_FLAGS)
#define CREATE_FLAGS	(OPEN_FLAGS | TEE_DATA_FLAG_OVERWRITE | 0x200u)

static int rpmb_store_new(struct storage *s)
{
	uint8_t key[32];

	storage_rpmb_key(s->huk, key);
	s->rpmb = fstore_rpmb_new(key);
	OPENSSL_cleanse(key, sizeof(key));
	return s->rpmb ? 0 : -ENOMEM;
}

int storage_new(const char *secure_dir, struct storage **out)
{
	struct storage *s = calloc(1, sizeof(*s));
	int rc = 0;

	if (!s)
		return -ENOMEM;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->idle, NULL);
	list_init(&s->vols);
	list_init(&s->handles);
	s->next_handle = 1;
	if (secure_dir) {
		if (mkdir(secure_dir, 0700) && errno != EEXIST)
			rc = -errno;
		if (!rc)
			rc = huk_load(secure_dir, s->huk);
		if (!rc && !(s->dir = strdup(secure_dir)))
			rc = -ENOMEM;
		if (!rc)
			rc = rpmb_store_new(s);
	}
	if (rc) {
		storage_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

static void pobj_free(struct pobj *o)
{
	list_del(&o->node);
	volume_obj_free(&o->content);
	free(o);
}

void storage_free(struct storage *s)
{
	struct phandle *h, *htmp;
	struct svol *vol, *vtmp;
	struct pobj *o, *otmp;

	if (!s)
		return;
	list_for_each_entry_safe(h, htmp, &s->handles, node) {
		free(h->stage);
		free(h);
	}
	list_for_each_entry_safe(vol, vtmp, &s->vols, node) {
		list_for_each_entry_safe(o, otmp, &vol->objs, node)
			pobj_free(o);
		volume_fini(&vol->v);
		free(vol);
	}
	fstore_rpmb_free(s->rpmb);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->idle);
	OPENSSL_cleanse(s->huk, sizeof(s->huk));
	free(s->dir);
	free(s);
}

/* -------------------------------------------------------- volumes */
static uint32_t storage_backend(const struct storage *s, uint32_t storage_id,
				uint32_t *norm, struct fstore **fs)
{
	switch (storage_id) {
	case TEE_STORAGE_PRIVATE:
	case TEE_STORAGE_PRIVATE_REE:
		*norm = TEE_STORAGE_PRIVATE_REE;
		*fs = &fstore_ree;
		break;
	case TEE_STORAGE_PRIVATE_RPMB:
		*norm = TEE_STORAGE_PRIVATE_RPMB;
		*fs = s->rpmb;
		break;
	default:
		return TEE_ERROR_ITEM_NOT_FOUND;
	}
	return s->dir ? TEE_SUCCESS : TEE_ERROR_STORAGE_NOT_AVAILABLE;
}

static struct svol *svol_find(struct storage *s, const uint8_t *uuid,
			      uint32_t norm)
{
	struct svol *vol;

	list_for_each_entry(vol, &s->vols, node)
		if (vol->storage_id == norm && !memcmp(vol->uuid, uuid, 16))
			return vol;
	return NULL;
}

/* The caller's volume in storage_id, claimed; loaded from disk. */
static uint32_t claim_volume(const struct storage_caller *c,
			     uint32_t storage_id, struct svol **out)
{
	struct storage *s = c->s;
	struct fstore *fs;
	struct svol *vol;
	uint32_t norm, res = storage_backend(s, storage_id, &norm, &fs);

	if (res)
		return res;
	pthread_mutex_lock(&s->lock);
	vol = svol_find(s, c->uuid, norm);
	if (!vol && (vol = calloc(1, sizeof(*vol)))) {
		memcpy(vol->uuid, c->uuid, 16);
		vol->storage_id = norm;
		volume_init(&vol->v, fs, s->dir, s->huk, c->uuid, norm);
		list_init(&vol->objs);
		list_add_tail(&vol->node, &s->vols);
	}
	while (vol && vol->busy)
		pthread_cond_wait(&s->idle, &s->lock);
	if (vol)
		vol->busy = true;
	pthread_mutex_unlock(&s->lock);
	if (!vol)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = volume_load(&vol->v, c->thr);
	if (res) {
		storage_release_vol(s, vol);
		return res;
	}
	*out = vol;
	return TEE_SUCCESS;
}

void storage_release_vol(struct storage *s, struct svol *vol)
{
	pthread_mutex_lock(&s->lock);
	vol->busy = false;
	pthread_cond_broadcast(&s->idle);
	pthread_mutex_unlock(&s->lock);
}

/* -------------------------------------------------------- handles */
static struct phandle *handle_find(struct storage *s, uint32_t id)
{
	struct phandle *h;

	list_for_each_entry(h, &s->handles, node)
		if (h->id == id)
			return h;
	return NULL;
}

uint32_t storage_claim_handle(const struct storage_caller *c,
			      uint32_t handle, struct phandle **out)
{
	struct storage *s = c->s;
	struct phandle *h;
	struct svol *vol = NULL;

	pthread_mutex_lock(&s->lock);
	h = handle_find(s, handle);
	if (h && h->owner == c->owner) {
		vol = h->obj->vol;
		while (vol->busy)
			pthread_cond_wait(&s->idle, &s->lock);
		vol->busy = true;
	}
	pthread_mutex_unlock(&s->lock);
	if (!vol)
		return TEE_ERROR_BAD_PARAMETERS;
	*out = h;
	return TEE_SUCCESS;
}

/* Under s->lock. */
static uint32_t handle_new(struct storage *s, const void *owner,
			   struct pobj *o, uint32_t flags, uint32_t *id)
{
	struct phandle *h = calloc(1, sizeof(*h));

	if (!h)
		return TEE_ERROR_OUT_OF_MEMORY;
	do {
		h->id = s->next_handle++;
	} while (!h->id || handle_find(s, h->id));
	h->owner = owner;
	h->obj = o;
	h->flags = flags;
	o->handles++;
	list_add_tail(&h->node, &s->handles);
	*id = h->id;
	return TEE_SUCCESS;
}

/* Under s->lock: drops h; an object nobody holds leaves memory. */
static void handle_drop(struct phandle *h)
{
	struct pobj *o = h->obj;

	list_del(&h->node);
	if (h->stage)
		OPENSSL_cleanse(h->stage, h->stage_len);
	free(h->stage);
	free(h);
	if (--o->handles == 0)
		pobj_free(o);
}

static struct pobj *open_obj(struct svol *vol, const void *id, size_t len)
{
	struct pobj *o;

	list_for_each_entry(o, &vol->objs, node)
		if (o->id_len == len && !memcmp(o->id, id, len))
			return o;
	return NULL;
}

/* GP's sharing rules between a handle already open and a new one. */
static bool flags_compatible(uint32_t have, uint32_t want)
{
	if ((have | want) & TEE_DATA_FLAG_ACCESS_WRITE_META)
		return false;	/* write-meta access is exclusive */
	if ((have & TEE_DATA_FLAG_ACCESS_READ) &&
	    !(want & TEE_DATA_FLAG_SHARE_READ))
		return false;
	if ((have & TEE_DATA_FLAG_ACCESS_WRITE) &&
	    !(want & TEE_DATA_FLAG_SHARE_WRITE))
		return false;
	if ((want & TEE_DATA_FLAG_ACCESS_READ) &&
	    !(have & TEE_DATA_FLAG_SHARE_READ))
		return false;
	if ((want & TEE_DATA_FLAG_ACCESS_WRITE) &&
	    !(have & TEE_DATA_FLAG_SHARE_WRITE))
		return false;
	return true;
}

/* Under s->lock. */
static bool may_share(struct storage *s, const struct pobj *o, uint32_t want)
{
	struct phandle *h;

	list_for_each_entry(h, &s->handles, node)
		if (h->obj == o && !flags_compatible(h->flags, want))
			return false;
	return true;
}

static uint32_t check_id(const void *id, size_t id_len)
{
	return (!id && id_len) || id_len > SFMT_ID_MAX ?
		       TEE_ERROR_BAD_PARAMETERS : TEE_SUCCESS;
}

/* ----------------------------------------------------------- views */
static uint32_t make_view(const struct pobj *o, uint32_t flags,
			  struct storage_obj_view *view)
{
	const struct sfmt_obj_meta *m = &o->content.meta;

	view->info = (struct ta_pobj_info){
		.type = m->type, .object_size = m->object_size,
		.max_object_size = m->max_object_size, .usage = m->usage,
		.flags = flags, .id_len = (uint32_t)o->id_len,
		.blob_len = m->blob_len, .data_size = m->data_len,
	};
	memcpy(view->id, o->id, o->id_len);
	view->blob = malloc(m->blob_len ? m->blob_len : 1);
	if (!view->blob)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(view->blob, o->content.blob, m->blob_len);
	return TEE_SUCCESS;
}

/* ------------------------------------------------------------ open */
/* A corrupt object goes, as in OP-TEE: GP closes the handle on it and it
 * can never be read again. */
static uint32_t load_obj(const struct storage_caller *c, struct svol *vol,
			 struct sfmt_dir_entry *e, struct pobj *o)
{
	uint32_t res = volume_read_obj(&vol->v, c->thr, e, &o->content);

	if (res == TEE_ERROR_CORRUPT_OBJECT)
		volume_remove(&vol->v, c->thr, e);
	return res;
}

static struct pobj *pobj_new(struct svol *vol, const void *id, size_t len)
{
	struct pobj *o = calloc(1, sizeof(*o));

	if (!o)
		return NULL;
	o->vol = vol;
	memcpy(o->id, id, len);
	o->id_len = len;
	return o;
}

/* Opens (id) in a claimed volume that has no open object of that id. */
static uint32_t open_stored(const struct storage_caller *c, struct svol *vol,
			    const void *id, size_t id_len, struct pobj **out)
{
	struct sfmt_dir_entry *e = volume_find(&vol->v, id, id_len);
	struct pobj *o;
	uint32_t res;

	if (!e)
		return TEE_ERROR_ITEM_NOT_FOUND;
	o = pobj_new(vol, id, id_len);
	if (!o)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = load_obj(c, vol, e, o);
	if (res) {
		free(o);
		return res;
	}
	pthread_mutex_lock(&c->s->lock);
	list_add_tail(&o->node, &vol->objs);
	pthread_mutex_unlock(&c->s->lock);
	*out = o;
	return TEE_SUCCESS;
}

static uint32_t open_in(const struct storage_caller *c, struct svol *vol,
			const void *id, size_t id_len, uint32_t flags,
			uint32_t *handle, struct storage_obj_view *view)
{
	struct storage *s = c->s;
	struct pobj *o;
	uint32_t res = TEE_SUCCESS;

	pthread_mutex_lock(&s->lock);
	o = open_obj(vol, id, id_len);
	if (o && o->pending)
		res = TEE_ERROR_ITEM_NOT_FOUND;
	else if (o && !may_share(s, o, flags))
		res = TEE_ERROR_ACCESS_CONFLICT;
	pthread_mutex_unlock(&s->lock);
	if (!res && !o)
		res = open_stored(c, vol, id, id_len, &o);
	if (res)
		return res;
	pthread_mutex_lock(&s->lock);
	res = handle_new(s, c->owner, o, flags, handle);
	if (res && !o->handles)
		pobj_free(o);
	else if (!res && (res = make_view(o, flags, view)))
		handle_drop(handle_find(s, *handle));
	pthread_mutex_unlock(&s->lock);
	return res;
}

uint32_t storage_open(const struct storage_caller *c, uint32_t storage_id,
		      const void *id, size_t id_len, uint32_t flags,
		      uint32_t *handle, struct storage_obj_view *view)
{
	struct svol *vol;
	uint32_t res = check_id(id, id_len);

	if (!res && (flags & ~OPEN_FLAGS))
		res = TEE_ERROR_BAD_PARAMETERS;
	if (!res)
		res = claim_volume(c, storage_id, &vol);
	if (res)
		return res;
	res = open_in(c, vol, id, id_len, flags, handle, view);
	storage_release_vol(c->s, vol);
	return res;
}

/* ---------------------------------------------------------- create */
static uint32_t fill_content(struct pobj *o, const struct ta_pobj_info *info,
			     const uint8_t *blob, const uint8_t *data,
			     size_t data_len, uint64_t total_len)
{
	struct volume_obj *v = &o->content;

	v->meta = (struct sfmt_obj_meta){
		.type = info->type, .object_size = info->object_size,
		.max_object_size = info->max_object_size, .usage = info->usage,
		.blob_len = info->blob_len, .data_len = data_len,
	};
	v->blob = malloc(info->blob_len ? info->blob_len : 1);
	v->data_cap = (size_t)total_len;
	v->data = malloc(v->data_cap ? v->data_cap : 1);
	if (!v->blob || !v->data)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(v->blob, blob, info->blob_len);
	memcpy(v->data, data, data_len);
	o->pending = data_len < total_len;
	o->pending_total = total_len;
	return TEE_SUCCESS;
}

/* Under s->lock: whether creating id would clash with an object open. */
static uint32_t create_conflict(struct svol *vol, const void *id,
				size_t id_len, uint32_t flags)
{
	if (open_obj(vol, id, id_len))
		return TEE_ERROR_ACCESS_CONFLICT;
	if (volume_find(&vol->v, id, id_len) &&
	    !(flags & TEE_DATA_FLAG_OVERWRITE))
		return TEE_ERROR_ACCESS_CONFLICT;
	return TEE_SUCCESS;
}

static uint32_t create_in(const struct storage_caller *c, struct svol *vol,
			  const void *id, size_t id_len, uint32_t flags,
			  const struct ta_pobj_info *info, const uint8_t *blob,
			  const uint8_t *data, size_t data_len,
			  uint64_t total_len, uint32_t *handle)
{
	struct storage *s = c->s;
	struct pobj *o = pobj_new(vol, id, id_len);
	uint32_t res = o ? fill_content(o, info, blob, data, data_len,
					total_len) :
			   TEE_ERROR_OUT_OF_MEMORY;

	if (!res && !o->pending)
		res = volume_put(&vol->v, c->thr, id, id_len, &o->content);
	pthread_mutex_lock(&s->lock);
	if (!res) {
		list_add_tail(&o->node, &vol->objs);
		res = handle_new(s, c->owner, o, flags & OPEN_FLAGS, handle);
		if (res)
			list_del(&o->node);
	}
	pthread_mutex_unlock(&s->lock);
	if (res && o) {
		volume_obj_free(&o->content);
		free(o);
	}
	return res;
}

uint32_t storage_create(const struct storage_caller *c, uint32_t storage_id,
			const void *id, size_t id_len, uint32_t flags,
			const struct ta_pobj_info *info, const uint8_t *blob,
			const uint8_t *data, size_t data_len,
			uint64_t total_len, uint32_t *handle)
{
	struct svol *vol;
	uint32_t res = check_id(id, id_len);

	if (!res && ((flags & ~CREATE_FLAGS) || data_len > total_len ||
		     total_len > TEE_DATA_MAX_POSITION))
		res = TEE_ERROR_BAD_PARAMETERS;
	if (!res && !sfmt_obj_size(info->blob_len, total_len))
		res = TEE_ERROR_STORAGE_NO_SPACE;
	if (!res)
		res = claim_volume(c, storage_id, &vol);
	if (res)
		return res;
	pthread_mutex_lock(&c->s->lock);
	res = create_conflict(vol, id, id_len, flags);
	pthread_mutex_unlock(&c->s->lock);
	if (!res)
		res = create_in(c, vol, id, id_len, flags, info, blob, data,
				data_len, total_len, handle);
	storage_release_vol(c->s, vol);
	return res;
}

/* ----------------------------------------------- close, delete, rename */
uint32_t storage_close(const struct storage_caller *c, uint32_t handle)
{
	struct phandle *h;
	struct svol *vol;
	uint32_t res = storage_claim_handle(c, handle, &h);

	if (res)
		return res;
	vol = h->obj->vol;
	pthread_mutex_lock(&c->s->lock);
	handle_drop(h);
	pthread_mutex_unlock(&c->s->lock);
	storage_release_vol(c->s, vol);
	return TEE_SUCCESS;
}

static uint32_t require_meta(const struct phandle *h)
{
	return h->flags & TEE_DATA_FLAG_ACCESS_WRITE_META ?
		       TEE_SUCCESS : TEE_ERROR_ACCESS_DENIED;
}

uint32_t storage_delete(const struct storage_caller *c, uint32_t handle)
{
	struct sfmt_dir_entry *e;
	struct phandle *h;
	struct svol *vol;
	uint32_t res = storage_claim_handle(c, handle, &h);

	if (res)
		return res;
	vol = h->obj->vol;
	res = require_meta(h);
	if (!res)
		res = volume_load(&vol->v, c->thr);
	if (!res && !h->obj->pending &&
	    (e = volume_find(&vol->v, h->obj->id, h->obj->id_len)))
		res = volume_remove(&vol->v, c->thr, e);
	if (!res) {
		pthread_mutex_lock(&c->s->lock);
		handle_drop(h);
		pthread_mutex_unlock(&c->s->lock);
	}
	storage_release_vol(c->s, vol);
	return res;
}

uint32_t storage_rename(const struct storage_caller *c, uint32_t handle,
			const void *id, size_t id_len)
{
	struct sfmt_dir_entry *e;
	struct phandle *h;
	struct svol *vol;
	struct pobj *o;
	uint32_t res = check_id(id, id_len);

	if (!res)
		res = storage_claim_handle(c, handle, &h);
	if (res)
		return res;
	o = h->obj;
	vol = o->vol;
	res = require_meta(h);
	if (!res)
		res = volume_load(&vol->v, c->thr);
	pthread_mutex_lock(&c->s->lock);
	if (!res && (open_obj(vol, id, id_len) ||
		     volume_find(&vol->v, id, id_len)))
		res = TEE_ERROR_ACCESS_CONFLICT;
	pthread_mutex_unlock(&c->s->lock);
	e = volume_find(&vol->v, o->id, o->id_len);
	if (!res && !o->pending && e)
		res = volume_rename(&vol->v, c->thr, e, id, id_len);
	if (!res) {
		pthread_mutex_lock(&c->s->lock);
		memcpy(o->id, id, id_len);
		o->id_len = id_len;
		pthread_mutex_unlock(&c->s->lock);
	}
	storage_release_vol(c->s, vol);
	return res;
}

/* ------------------------------------------------------- enumerate */
/* The view of e: from memory when it is open, else from its file. */
static uint32_t view_of(const struct storage_caller *c, struct svol *vol,
			struct sfmt_dir_entry *e,
			struct storage_obj_view *view)
{
	struct pobj *o, tmp = { .vol = vol };
	uint32_t res;

	pthread_mutex_lock(&c->s->lock);
	o = open_obj(vol, e->id, e->id_len);
	res = o ? make_view(o, 0, view) : TEE_ERROR_ITEM_NOT_FOUND;
	pthread_mutex_unlock(&c->s->lock);
	if (o)
		return res;
	memcpy(tmp.id, e->id, e->id_len);
	tmp.id_len = e->id_len;
	res = volume_read_obj(&vol->v, c->thr, e, &tmp.content);
	if (!res) {
		res = make_view(&tmp, 0, view);
		volume_obj_free(&tmp.content);
	}
	return res;
}

uint32_t storage_next(const struct storage_caller *c, uint32_t storage_id,
		      const void *prev, size_t prev_len,
		      struct storage_obj_view *view)
{
	struct sfmt_dir_entry *e;
	uint8_t last[SFMT_ID_MAX];
	size_t last_len = prev_len;
	struct svol *vol;
	uint32_t res = prev ? check_id(prev, prev_len) : TEE_SUCCESS;

	if (!res)
		res = claim_volume(c, storage_id, &vol);
	if (res)
		return res;
	if (prev)
		memcpy(last, prev, prev_len);
	do {
		/* objects that fail to open are left out */
		e = volume_next(&vol->v, prev ? last : NULL, last_len);
		res = e ? view_of(c, vol, e, view) : TEE_ERROR_ITEM_NOT_FOUND;
		if (e) {
			memcpy(last, e->id, e->id_len);
			last_len = e->id_len;
			prev = last;
		}
	} while (res == TEE_ERROR_CORRUPT_OBJECT);
	storage_release_vol(c->s, vol);
	return res;
}

void storage_release_owner(struct storage *s, const void *owner)
{
	struct phandle *h, *tmp;

	pthread_mutex_lock(&s->lock);
	list_for_each_entry_safe(h, tmp, &s->handles, node)
		if (h->owner == owner)
			handle_drop(h);
	pthread_mutex_unlock(&s->lock);
}
