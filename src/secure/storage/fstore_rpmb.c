// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sealed files in the RPMB partition: a small file system of its own.
 *
 *   blocks [0, TABLE_BLOCKS)   the file table, two 128-byte entries per
 *                              block (name, first block, blocks, length)
 *   blocks [TABLE_BLOCKS, end) file data, each file in one extent
 *
 * An entry changes with one single-block write, which RPMB makes atomic.
 * A file that still fits its extent is rewritten in place, otherwise it
 * moves to a new extent and its entry is written last.  Data written in
 * place can be torn by a power cut; the volume layer above never writes
 * over the only valid copy of anything (volume.h), so that is enough.
 * Every block read is authenticated and every write counted by the
 * device, so the normal world can neither forge nor replay any of it.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fstore.h"
#include "rpmb.h"
#include "tee_api_defines.h"

#define ENTRY_SIZE	128
#define NAME_MAX_LEN	96
#define PER_BLOCK	(RPMB_BLOCK_SIZE / ENTRY_SIZE)
#define TABLE_BLOCKS	32
#define MAX_FILES	(TABLE_BLOCKS * PER_BLOCK)

struct rpmb_file {
	char name[NAME_MAX_LEN];	/* "" : a free entry */
	uint32_t start;
	uint32_t blocks;
	uint32_t len;
};

struct fstore_rpmb {
	struct fstore ops;
	struct rpmb *dev;
	/* one call at a time: a sleeping lock, as calls make RPCs */
	pthread_mutex_t lock;
	pthread_cond_t idle;
	bool busy;
	bool loaded;
	uint32_t blocks;		/* of the device */
	struct rpmb_file files[MAX_FILES];
};

static struct fstore_rpmb *of(struct fstore *fs)
{
	return (struct fstore_rpmb *)fs;
}

static void claim(struct fstore_rpmb *f)
{
	pthread_mutex_lock(&f->lock);
	while (f->busy)
		pthread_cond_wait(&f->idle, &f->lock);
	f->busy = true;
	pthread_mutex_unlock(&f->lock);
}

static uint32_t release(struct fstore_rpmb *f, uint32_t res)
{
	pthread_mutex_lock(&f->lock);
	f->busy = false;
	pthread_cond_broadcast(&f->idle);
	pthread_mutex_unlock(&f->lock);
	return res;
}

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void entry_encode(const struct rpmb_file *e, uint8_t *p)
{
	memset(p, 0, ENTRY_SIZE);
	memcpy(p, e->name, NAME_MAX_LEN);
	put32(p + NAME_MAX_LEN, e->start);
	put32(p + NAME_MAX_LEN + 4, e->blocks);
	put32(p + NAME_MAX_LEN + 8, e->len);
}

/* The table is authenticated, but written by an older vtee or damaged by
 * a bug it could still say nonsense: such an entry counts as free. */
static void entry_decode(const struct fstore_rpmb *f, const uint8_t *p,
			 struct rpmb_file *e)
{
	memcpy(e->name, p, NAME_MAX_LEN);
	e->start = get32(p + NAME_MAX_LEN);
	e->blocks = get32(p + NAME_MAX_LEN + 4);
	e->len = get32(p + NAME_MAX_LEN + 8);
	if (e->name[NAME_MAX_LEN - 1] || e->start < TABLE_BLOCKS ||
	    e->start > f->blocks || e->blocks > f->blocks - e->start ||
	    e->len > (uint64_t)e->blocks * RPMB_BLOCK_SIZE)
		memset(e, 0, sizeof(*e));
}

static uint32_t load(struct fstore_rpmb *f, struct sw_thread *thr)
{
	uint8_t table[TABLE_BLOCKS * RPMB_BLOCK_SIZE];
	uint32_t res;

	if (f->loaded)
		return TEE_SUCCESS;
	res = rpmb_open(f->dev, thr, &f->blocks);
	if (!res && f->blocks <= TABLE_BLOCKS)
		res = TEE_ERROR_STORAGE_NOT_AVAILABLE;
	if (!res)
		res = rpmb_read(f->dev, thr, 0, TABLE_BLOCKS, table);
	if (res)
		return res == TEE_ERROR_SECURITY ? TEE_ERROR_CORRUPT_OBJECT :
		       TEE_ERROR_STORAGE_NOT_AVAILABLE;
	for (size_t i = 0; i < MAX_FILES; i++)
		entry_decode(f, table + i * ENTRY_SIZE, &f->files[i]);
	f->loaded = true;
	return TEE_SUCCESS;
}

static struct rpmb_file *find(struct fstore_rpmb *f, const char *name)
{
	for (size_t i = 0; i < MAX_FILES; i++)
		if (f->files[i].name[0] && !strcmp(f->files[i].name, name))
			return &f->files[i];
	return NULL;
}

/* Writes the table block holding entry e (one atomic write). */
static uint32_t store_entry(struct fstore_rpmb *f, struct sw_thread *thr,
			    const struct rpmb_file *e)
{
	size_t i = (size_t)(e - f->files), first = i - i % PER_BLOCK;
	uint8_t block[RPMB_BLOCK_SIZE];

	for (size_t k = 0; k < PER_BLOCK; k++)
		entry_encode(&f->files[first + k], block + k * ENTRY_SIZE);
	return rpmb_write(f->dev, thr, (uint16_t)(i / PER_BLOCK), 1, block);
}

static bool extent_free(const struct fstore_rpmb *f, uint32_t start,
			uint32_t n, const struct rpmb_file *ignore)
{
	for (size_t i = 0; i < MAX_FILES; i++) {
		const struct rpmb_file *e = &f->files[i];

		if (!e->name[0] || e == ignore)
			continue;
		if (start < e->start + e->blocks && e->start < start + n)
			return false;
	}
	return true;
}

/* The first run of n free blocks; 0 if there is none. */
static uint32_t allocate(const struct fstore_rpmb *f, uint32_t n)
{
	for (uint32_t start = TABLE_BLOCKS; start + n <= f->blocks; start++)
		if (extent_free(f, start, n, NULL))
			return start;
	return 0;
}

static uint32_t write_blocks(struct fstore_rpmb *f, struct sw_thread *thr,
			     uint32_t start, const uint8_t *buf, size_t len)
{
	uint32_t n = (uint32_t)((len + RPMB_BLOCK_SIZE - 1) / RPMB_BLOCK_SIZE);
	uint8_t *padded = calloc(n ? n : 1, RPMB_BLOCK_SIZE);
	uint32_t res = TEE_SUCCESS;

	if (!padded)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(padded, buf, len);
	for (uint32_t i = 0; !res && i < n; i++)
		res = rpmb_write(f->dev, thr, (uint16_t)(start + i), 1,
				 padded + (size_t)i * RPMB_BLOCK_SIZE);
	free(padded);
	return res;
}

static uint32_t device_result(uint32_t res)
{
	switch (res) {
	case TEE_SUCCESS:
	case TEE_ERROR_OUT_OF_MEMORY:
	case TEE_ERROR_STORAGE_NO_SPACE:
	case TEE_ERROR_ITEM_NOT_FOUND:
		return res;
	case TEE_ERROR_SECURITY:
		return TEE_ERROR_CORRUPT_OBJECT;
	default:
		return TEE_ERROR_STORAGE_NOT_AVAILABLE;
	}
}

static uint32_t do_read(struct fstore_rpmb *f, struct sw_thread *thr,
			const char *name, size_t max, uint8_t **buf,
			size_t *len)
{
	struct rpmb_file *e = find(f, name);
	uint8_t *b;
	uint32_t res;

	if (!e)
		return TEE_ERROR_ITEM_NOT_FOUND;
	if (e->len > max)
		return TEE_ERROR_CORRUPT_OBJECT;
	b = malloc((size_t)e->blocks * RPMB_BLOCK_SIZE + 1);
	if (!b)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = e->blocks ? rpmb_read(f->dev, thr, (uint16_t)e->start,
				    (uint16_t)e->blocks, b) :
			  TEE_SUCCESS;
	if (res) {
		free(b);
		return res;
	}
	*buf = b;
	*len = e->len;
	return TEE_SUCCESS;
}

static uint32_t rpmb_fs_read(struct fstore *fs, struct sw_thread *thr,
			     const char *name, size_t max, uint8_t **buf,
			     size_t *len)
{
	struct fstore_rpmb *f = of(fs);
	uint32_t res;

	claim(f);
	res = load(f, thr);
	if (!res)
		res = do_read(f, thr, name, max, buf, len);
	return release(f, device_result(res));
}

static struct rpmb_file *free_entry(struct fstore_rpmb *f)
{
	for (size_t i = 0; i < MAX_FILES; i++)
		if (!f->files[i].name[0])
			return &f->files[i];
	return NULL;
}

static uint32_t do_write(struct fstore_rpmb *f, struct sw_thread *thr,
			 const char *name, const uint8_t *buf, size_t len)
{
	uint32_t need = (uint32_t)((len + RPMB_BLOCK_SIZE - 1) /
				   RPMB_BLOCK_SIZE);
	struct rpmb_file *e = find(f, name), moved;
	uint32_t res;

	if (strlen(name) >= NAME_MAX_LEN || len > UINT32_MAX)
		return TEE_ERROR_BAD_PARAMETERS;
	if (e && need <= e->blocks) {
		res = write_blocks(f, thr, e->start, buf, len);
		if (res || e->len == len)
			return res;
		e->len = (uint32_t)len;
		return store_entry(f, thr, e);
	}
	if (!e && !(e = free_entry(f)))
		return TEE_ERROR_STORAGE_NO_SPACE;
	moved = (struct rpmb_file){ .blocks = need, .len = (uint32_t)len };
	snprintf(moved.name, sizeof(moved.name), "%s", name);
	moved.start = allocate(f, need);
	if (!moved.start)
		return TEE_ERROR_STORAGE_NO_SPACE;
	res = write_blocks(f, thr, moved.start, buf, len);
	if (res)
		return res;
	{
		struct rpmb_file old = *e;

		*e = moved;
		res = store_entry(f, thr, e);
		if (res)
			*e = old;
	}
	return res;
}

static uint32_t rpmb_fs_write(struct fstore *fs, struct sw_thread *thr,
			      const char *name, const uint8_t *buf,
			      size_t len)
{
	struct fstore_rpmb *f = of(fs);
	uint32_t res;

	claim(f);
	res = load(f, thr);
	if (!res)
		res = do_write(f, thr, name, buf, len);
	return release(f, device_result(res));
}

static uint32_t rpmb_fs_remove(struct fstore *fs, struct sw_thread *thr,
			       const char *name)
{
	struct fstore_rpmb *f = of(fs);
	struct rpmb_file *e, old;
	uint32_t res;

	claim(f);
	res = load(f, thr);
	if (!res && (e = find(f, name))) {
		old = *e;
		memset(e, 0, sizeof(*e));
		res = store_entry(f, thr, e);
		if (res)
			*e = old;
	}
	return release(f, device_result(res));
}

static uint32_t rpmb_fs_list(struct fstore *fs, struct sw_thread *thr,
			     const char *dir,
			     void (*fn)(void *arg, const char *name),
			     void *arg)
{
	struct fstore_rpmb *f = of(fs);
	char names[MAX_FILES][NAME_MAX_LEN];
	size_t n = 0, dir_len = strlen(dir);
	uint32_t res;

	claim(f);
	res = load(f, thr);
	for (size_t i = 0; !res && i < MAX_FILES; i++) {
		const char *name = f->files[i].name;

		if (name[0] && !strncmp(name, dir, dir_len) &&
		    name[dir_len] == '/')
			memcpy(names[n++], name + dir_len + 1,
			       NAME_MAX_LEN - dir_len - 1);
	}
	release(f, res);
	/* fn may remove files: it runs outside the lock, on a copy */
	for (size_t i = 0; !res && i < n; i++)
		fn(arg, names[i]);
	return device_result(res);
}

struct fstore *fstore_rpmb_new(const uint8_t key[32])
{
	struct fstore_rpmb *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->dev = rpmb_new(0, key);
	if (!f->dev) {
		free(f);
		return NULL;
	}
	f->ops = (struct fstore){ rpmb_fs_read, rpmb_fs_write, rpmb_fs_remove,
				  rpmb_fs_list };
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->idle, NULL);
	return &f->ops;
}

void fstore_rpmb_free(struct fstore *fs)
{
	struct fstore_rpmb *f = of(fs);

	if (!f)
		return;
	rpmb_free(f->dev);
	pthread_mutex_destroy(&f->lock);
	pthread_cond_destroy(&f->idle);
	free(f);
}
