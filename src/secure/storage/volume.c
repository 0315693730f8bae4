// SPDX-License-Identifier: BSD-2-Clause
#include "volume.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "fstore.h"
#include "secure_nv.h"
#include "tee_api_defines.h"

#define FILE_NAME_MAX (VOLUME_NAME_LEN + 24)

void volume_init(struct volume *v, struct fstore *fs, const char *nv_dir,
		 const uint8_t huk[HUK_SIZE], const uint8_t uuid[16],
		 uint32_t storage_id)
{
	*v = (struct volume){ .fs = fs, .nv_dir = nv_dir };
	storage_volume_key(huk, uuid, storage_id, v->key);
	storage_volume_name(huk, uuid, storage_id, v->name);
}

static void free_entries(struct sfmt_dir_entry *e, size_t n)
{
	if (e)
		OPENSSL_cleanse(e, n * sizeof(*e));
	free(e);
}

void volume_fini(struct volume *v)
{
	free_entries(v->e, v->n);
	OPENSSL_cleanse(v, sizeof(*v));
}

/* Whatever the normal world failed with, short of "full": the storage is
 * not available. */
static uint32_t storage_result(uint32_t res)
{
	switch (res) {
	case TEE_SUCCESS:
	case TEE_ERROR_STORAGE_NO_SPACE:
	case TEE_ERROR_OUT_OF_MEMORY:
	case TEE_ERROR_CORRUPT_OBJECT:
		return res;
	default:
		return TEE_ERROR_STORAGE_NOT_AVAILABLE;
	}
}

static void dir_name(const struct volume *v, uint64_t counter, char *buf)
{
	snprintf(buf, FILE_NAME_MAX, "%s/dir.%u", v->name,
		 (unsigned int)(counter % 2));
}

static void obj_name(const struct volume *v, uint64_t file_no, uint64_t gen,
		     char *buf)
{
	snprintf(buf, FILE_NAME_MAX, "%s/%016" PRIx64 ".%u", v->name, file_no,
		 (unsigned int)(gen % 2));
}

/* ------------------------------------------------------------ load */
struct dir_copy {
	bool valid;
	uint64_t counter;
	struct sfmt_dir_entry *e;
	size_t n;
};

static uint32_t read_dir_slot(struct volume *v, struct sw_thread *thr,
			      unsigned int slot, struct dir_copy *d)
{
	char name[FILE_NAME_MAX];
	uint8_t *buf;
	size_t len;
	uint32_t res;

	*d = (struct dir_copy){ 0 };
	dir_name(v, slot, name);
	res = v->fs->read(v->fs, thr, name, SFMT_FILE_MAX, &buf, &len);
	if (res == TEE_ERROR_ITEM_NOT_FOUND || res == TEE_ERROR_CORRUPT_OBJECT)
		return TEE_SUCCESS;	/* no valid copy in this slot */
	if (res)
		return storage_result(res);
	if (!sfmt_dir_open(v->key, buf, len, &d->counter, &d->e, &d->n))
		d->valid = d->counter % 2 == slot;
	free(buf);
	if (d->e && !d->valid) {
		free_entries(d->e, d->n);
		d->e = NULL;
	}
	return TEE_SUCCESS;
}

/* The newest valid copy that the NV counter allows, or NULL. */
static struct dir_copy *pick_dir(struct dir_copy d[2], uint64_t nv)
{
	struct dir_copy *best = NULL;

	for (int i = 0; i < 2; i++) {
		if (!d[i].valid || (d[i].counter != nv && d[i].counter != nv + 1))
			continue;
		if (!best || d[i].counter > best->counter)
			best = &d[i];
	}
	return best;
}

struct gc_ctx {
	struct volume *v;
	struct sw_thread *thr;
};

static bool referenced(const struct volume *v, const char *name)
{
	char want[FILE_NAME_MAX];
	size_t prefix = strlen(v->name) + 1;

	if (!strcmp(name, "dir.0") || !strcmp(name, "dir.1"))
		return true;
	for (size_t i = 0; i < v->n; i++)
		for (unsigned int slot = 0; slot < 2; slot++) {
			obj_name(v, v->e[i].file_no, slot, want);
			if (!strcmp(name, want + prefix))
				return true;
		}
	return false;
}

/* Files a crash left behind (an object created or replaced, never
 * committed) are removed once the directory is known. */
static void collect_one(void *arg, const char *name)
{
	struct gc_ctx *gc = arg;
	char path[FILE_NAME_MAX + 64];

	if (referenced(gc->v, name) || strlen(name) > 40)
		return;
	snprintf(path, sizeof(path), "%s/%s", gc->v->name, name);
	gc->v->fs->remove(gc->v->fs, gc->thr, path);
}

uint32_t volume_load(struct volume *v, struct sw_thread *thr)
{
	struct dir_copy d[2] = { 0 }, *best;
	struct gc_ctx gc = { v, thr };
	uint64_t nv;
	uint32_t res = TEE_SUCCESS;
	int rc;

	if (v->loaded && !v->stale)
		return TEE_SUCCESS;
	/* what memory holds may be older than the disk: start over */
	free_entries(v->e, v->n);
	v->e = NULL;
	v->n = 0;
	v->counter = 0;
	v->loaded = v->stale = false;
	rc = secure_nv_read(v->nv_dir, v->name, &nv);
	if (rc)
		return rc == -EBADMSG ? TEE_ERROR_CORRUPT_OBJECT :
					TEE_ERROR_STORAGE_NOT_AVAILABLE;
	for (unsigned int slot = 0; slot < 2 && !res; slot++)
		res = read_dir_slot(v, thr, slot, &d[slot]);
	best = res ? NULL : pick_dir(d, nv);
	if (!res && !best && nv)
		res = TEE_ERROR_CORRUPT_OBJECT;	/* rolled back or deleted */
	if (!res && best && best->counter != nv &&
	    secure_nv_write(v->nv_dir, v->name, best->counter))
		res = TEE_ERROR_STORAGE_NOT_AVAILABLE;
	if (!res && best) {
		v->e = best->e;
		v->n = best->n;
		v->counter = best->counter;
		best->e = NULL;
	}
	for (int i = 0; i < 2; i++)
		free_entries(d[i].e, d[i].n);
	if (res)
		return res;
	v->loaded = true;
	v->fs->list(v->fs, thr, v->name, collect_one, &gc);
	return TEE_SUCCESS;
}

/* ---------------------------------------------------------- lookup */
struct sfmt_dir_entry *volume_find(struct volume *v, const void *id,
				   size_t id_len)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->e[i].id_len == id_len && !memcmp(v->e[i].id, id, id_len))
			return &v->e[i];
	return NULL;
}

static int id_cmp(const void *a, size_t a_len, const void *b, size_t b_len)
{
	int c = memcmp(a, b, a_len < b_len ? a_len : b_len);

	if (c)
		return c;
	return a_len < b_len ? -1 : a_len > b_len;
}

struct sfmt_dir_entry *volume_next(struct volume *v, const void *prev,
				   size_t prev_len)
{
	struct sfmt_dir_entry *best = NULL;

	for (size_t i = 0; i < v->n; i++) {
		struct sfmt_dir_entry *e = &v->e[i];

		if (prev && id_cmp(e->id, e->id_len, prev, prev_len) <= 0)
			continue;
		if (!best || id_cmp(e->id, e->id_len, best->id,
				    best->id_len) < 0)
			best = e;
	}
	return best;
}

/* ---------------------------------------------------------- objects */
uint32_t volume_read_obj(struct volume *v, struct sw_thread *thr,
			 const struct sfmt_dir_entry *e,
			 struct volume_obj *obj)
{
	char name[FILE_NAME_MAX];
	uint8_t *buf, *plain;
	size_t len;
	uint32_t res;
	int rc;

	obj_name(v, e->file_no, e->gen, name);
	res = v->fs->read(v->fs, thr, name, SFMT_FILE_MAX, &buf, &len);
	if (res == TEE_ERROR_ITEM_NOT_FOUND)
		return TEE_ERROR_CORRUPT_OBJECT;	/* the directory has it */
	if (res)
		return storage_result(res);
	rc = sfmt_obj_open(e->fek, e->file_no, e->gen, buf, len, &obj->meta,
			   &plain);
	free(buf);
	if (rc)
		return rc == -ENOMEM ? TEE_ERROR_OUT_OF_MEMORY :
				       TEE_ERROR_CORRUPT_OBJECT;
	/* the blob gets its own copy; the data stays where it is */
	obj->blob = malloc(obj->meta.blob_len ? obj->meta.blob_len : 1);
	if (!obj->blob) {
		OPENSSL_cleanse(plain, obj->meta.blob_len + obj->meta.data_len);
		free(plain);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	memcpy(obj->blob, plain, obj->meta.blob_len);
	memmove(plain, plain + obj->meta.blob_len, obj->meta.data_len);
	OPENSSL_cleanse(plain + obj->meta.data_len, obj->meta.blob_len);
	obj->data = plain;
	obj->data_cap = obj->meta.data_len + obj->meta.blob_len;
	return TEE_SUCCESS;
}

void volume_obj_free(struct volume_obj *obj)
{
	if (obj->blob)
		OPENSSL_cleanse(obj->blob, obj->meta.blob_len);
	if (obj->data)
		OPENSSL_cleanse(obj->data, obj->data_cap);
	free(obj->blob);
	free(obj->data);
	*obj = (struct volume_obj){ 0 };
}

static uint32_t write_obj(struct volume *v, struct sw_thread *thr,
			  const struct sfmt_dir_entry *e,
			  const struct volume_obj *obj)
{
	size_t len = sfmt_obj_size(obj->meta.blob_len, obj->meta.data_len);
	char name[FILE_NAME_MAX];
	uint8_t *buf;
	uint32_t res;

	if (!len)
		return TEE_ERROR_STORAGE_NO_SPACE;
	buf = malloc(len);
	if (!buf)
		return TEE_ERROR_OUT_OF_MEMORY;
	if (sfmt_obj_seal(e->fek, e->file_no, e->gen, &obj->meta, obj->blob,
			  obj->data, buf)) {
		free(buf);
		return TEE_ERROR_GENERIC;
	}
	obj_name(v, e->file_no, e->gen, name);
	res = v->fs->write(v->fs, thr, name, buf, len);
	free(buf);
	return storage_result(res);
}

static void remove_obj_files(struct volume *v, struct sw_thread *thr,
			     uint64_t file_no)
{
	char name[FILE_NAME_MAX];

	for (unsigned int slot = 0; slot < 2; slot++) {
		obj_name(v, file_no, slot, name);
		v->fs->remove(v->fs, thr, name);
	}
}

/* ------------------------------------------------------------ commit */
/* Makes e (n entries, now owned by the volume on success) the directory. */
static uint32_t commit(struct volume *v, struct sw_thread *thr,
		       struct sfmt_dir_entry *e, size_t n)
{
	uint64_t next = v->counter + 1;
	size_t len = sfmt_dir_size(n);
	char name[FILE_NAME_MAX];
	uint8_t *buf = malloc(len);
	uint32_t res;

	if (!buf)
		return TEE_ERROR_OUT_OF_MEMORY;
	if (sfmt_dir_seal(v->key, next, e, n, buf)) {
		free(buf);
		return TEE_ERROR_GENERIC;
	}
	dir_name(v, next, name);
	res = storage_result(v->fs->write(v->fs, thr, name, buf, len));
	free(buf);
	if (!res && secure_nv_write(v->nv_dir, v->name, next))
		res = TEE_ERROR_STORAGE_NOT_AVAILABLE;
	if (res) {
		/* the new directory may be on disk after all, pointing at
		 * the object slot the next update would write again */
		v->stale = true;
		return res;
	}
	free_entries(v->e, v->n);
	v->e = e;
	v->n = n;
	v->counter = next;
	return TEE_SUCCESS;
}

/* A copy of the directory with room for one more entry. */
static struct sfmt_dir_entry *copy_entries(const struct volume *v)
{
	struct sfmt_dir_entry *e = calloc(v->n + 1, sizeof(*e));

	if (e && v->n)
		memcpy(e, v->e, v->n * sizeof(*e));
	return e;
}

static uint32_t commit_copy(struct volume *v, struct sw_thread *thr,
			    struct sfmt_dir_entry *copy, size_t n)
{
	uint32_t res = commit(v, thr, copy, n);

	if (res)
		free_entries(copy, v->n + 1);
	return res;
}

static bool file_no_used(const struct volume *v, uint64_t file_no)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->e[i].file_no == file_no)
			return true;
	return !file_no;
}

static uint32_t new_entry(const struct volume *v, const void *id,
			  size_t id_len, struct sfmt_dir_entry *e)
{
	*e = (struct sfmt_dir_entry){ .id_len = (uint32_t)id_len, .gen = 1 };
	memcpy(e->id, id, id_len);
	do {
		if (RAND_bytes((uint8_t *)&e->file_no, sizeof(e->file_no)) != 1)
			return TEE_ERROR_GENERIC;
	} while (file_no_used(v, e->file_no));
	if (RAND_bytes(e->fek, sizeof(e->fek)) != 1)
		return TEE_ERROR_GENERIC;
	return TEE_SUCCESS;
}

uint32_t volume_put(struct volume *v, struct sw_thread *thr, const void *id,
		    size_t id_len, const struct volume_obj *obj)
{
	struct sfmt_dir_entry *old = volume_find(v, id, id_len);
	struct sfmt_dir_entry *copy = copy_entries(v);
	size_t i = old ? (size_t)(old - v->e) : v->n;
	uint64_t old_file = old ? old->file_no : 0;
	uint32_t res;

	if (!copy)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = new_entry(v, id, id_len, &copy[i]);
	if (!res)
		res = write_obj(v, thr, &copy[i], obj);
	if (!res)
		res = commit_copy(v, thr, copy, old ? v->n : v->n + 1);
	else
		free_entries(copy, v->n + 1);
	if (!res && old_file)
		remove_obj_files(v, thr, old_file);
	return res;
}

uint32_t volume_write(struct volume *v, struct sw_thread *thr,
		      struct sfmt_dir_entry *e, const struct volume_obj *obj)
{
	struct sfmt_dir_entry *copy = copy_entries(v);
	size_t i = (size_t)(e - v->e);
	uint32_t res;

	if (!copy)
		return TEE_ERROR_OUT_OF_MEMORY;
	copy[i].gen++;
	res = write_obj(v, thr, &copy[i], obj);
	if (res) {
		free_entries(copy, v->n + 1);
		return res;
	}
	return commit_copy(v, thr, copy, v->n);
}

uint32_t volume_remove(struct volume *v, struct sw_thread *thr,
		       struct sfmt_dir_entry *e)
{
	struct sfmt_dir_entry *copy = copy_entries(v);
	size_t i = (size_t)(e - v->e);
	uint64_t file_no = e->file_no;
	uint32_t res;

	if (!copy)
		return TEE_ERROR_OUT_OF_MEMORY;
	copy[i] = copy[v->n - 1];
	OPENSSL_cleanse(&copy[v->n - 1], sizeof(*copy));
	res = commit_copy(v, thr, copy, v->n - 1);
	if (!res)
		remove_obj_files(v, thr, file_no);
	return res;
}

uint32_t volume_rename(struct volume *v, struct sw_thread *thr,
		       struct sfmt_dir_entry *e, const void *new_id,
		       size_t new_len)
{
	struct sfmt_dir_entry *copy = copy_entries(v);
	size_t i = (size_t)(e - v->e);

	if (!copy)
		return TEE_ERROR_OUT_OF_MEMORY;
	memset(copy[i].id, 0, sizeof(copy[i].id));
	memcpy(copy[i].id, new_id, new_len);
	copy[i].id_len = (uint32_t)new_len;
	return commit_copy(v, thr, copy, v->n);
}
