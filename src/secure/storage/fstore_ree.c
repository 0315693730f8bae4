// SPDX-License-Identifier: BSD-2-Clause
/* Whole sealed files over the supplicant's REE FS service (ree_fs.h). */
#include <stdlib.h>
#include <string.h>

#include "fstore.h"
#include "ree_fs.h"
#include "tee_api_defines.h"

/* bytes per READ or WRITE request */
#define CHUNK ((size_t)1 << 20)

static uint32_t read_all(struct sw_thread *thr, uint32_t fd, size_t max,
			 uint8_t **buf, size_t *len)
{
	size_t used = 0, cap = 0, got;
	uint8_t *b = NULL, *grown;
	uint32_t res;

	do {
		if (used + CHUNK > cap) {
			cap = used + CHUNK;
			grown = realloc(b, cap);
			if (!grown) {
				free(b);
				return TEE_ERROR_OUT_OF_MEMORY;
			}
			b = grown;
		}
		res = ree_fs_read(thr, fd, used, b + used, CHUNK, &got);
		used += got;
		if (!res && used > max)
			res = TEE_ERROR_CORRUPT_OBJECT;
	} while (!res && got == CHUNK);
	if (res) {
		free(b);
		return res;
	}
	*buf = b;
	*len = used;
	return TEE_SUCCESS;
}

/*
 * The payload buffer a secure thread keeps between requests (rpc.h) is
 * unknown to a supplicant that restarted: the first request then fails
 * with BAD_PARAMETERS and drops it.  Whole-file operations can simply be
 * done again, once.
 */
#define ONCE_MORE_IF_STALE(res, call) \
	do { \
		(res) = (call); \
		if ((res) == TEE_ERROR_BAD_PARAMETERS) \
			(res) = (call); \
	} while (0)

static uint32_t read_file(struct sw_thread *thr, const char *name,
			  size_t max, uint8_t **buf, size_t *len)
{
	uint32_t fd, res = ree_fs_open(thr, name, &fd);

	if (res)
		return res;
	res = read_all(thr, fd, max, buf, len);
	ree_fs_close(thr, fd);
	return res;
}

static uint32_t ree_read(struct fstore *fs, struct sw_thread *thr,
			 const char *name, size_t max, uint8_t **buf,
			 size_t *len)
{
	uint32_t res;

	(void)fs;
	ONCE_MORE_IF_STALE(res, read_file(thr, name, max, buf, len));
	return res;
}

static uint32_t write_all(struct sw_thread *thr, uint32_t fd,
			  const uint8_t *buf, size_t len)
{
	uint32_t res = TEE_SUCCESS;

	for (size_t off = 0; !res && off < len; off += CHUNK)
		res = ree_fs_write(thr, fd, off, buf + off,
				   len - off < CHUNK ? len - off : CHUNK);
	/* a shorter file than before keeps no stale tail */
	return res ? res : ree_fs_truncate(thr, fd, len);
}

/* In place when the file exists: the supplicant opens it O_SYNC, so one
 * synced write, without the directory sync that creating costs. */
static uint32_t write_file(struct sw_thread *thr, const char *name,
			   const uint8_t *buf, size_t len)
{
	uint32_t fd, res = ree_fs_open(thr, name, &fd), close_res;

	if (res == TEE_ERROR_ITEM_NOT_FOUND)
		res = ree_fs_create(thr, name, &fd);
	if (res)
		return res;
	res = write_all(thr, fd, buf, len);
	close_res = ree_fs_close(thr, fd);
	return res ? res : close_res;
}

static uint32_t ree_write(struct fstore *fs, struct sw_thread *thr,
			  const char *name, const uint8_t *buf, size_t len)
{
	uint32_t res;

	(void)fs;
	ONCE_MORE_IF_STALE(res, write_file(thr, name, buf, len));
	return res;
}

static uint32_t ree_remove(struct fstore *fs, struct sw_thread *thr,
			   const char *name)
{
	uint32_t res;

	(void)fs;
	ONCE_MORE_IF_STALE(res, ree_fs_remove(thr, name));
	return res == TEE_ERROR_ITEM_NOT_FOUND ? TEE_SUCCESS : res;
}

static uint32_t list_dir(struct sw_thread *thr, const char *dir,
			 void (*fn)(void *, const char *), void *arg)
{
	char name[REE_FS_NAME_MAX];
	uint32_t handle, res = ree_fs_opendir(thr, dir, &handle);

	if (res == TEE_ERROR_ITEM_NOT_FOUND)
		return TEE_SUCCESS;
	if (res)
		return res;
	while (!(res = ree_fs_readdir(thr, handle, name, sizeof(name))))
		fn(arg, name);
	ree_fs_closedir(thr, handle);
	return res == TEE_ERROR_ITEM_NOT_FOUND ? TEE_SUCCESS : res;
}

static uint32_t ree_list(struct fstore *fs, struct sw_thread *thr,
			 const char *dir, void (*fn)(void *, const char *),
			 void *arg)
{
	uint32_t res;

	(void)fs;
	ONCE_MORE_IF_STALE(res, list_dir(thr, dir, fn, arg));
	return res;
}

struct fstore fstore_ree = {
	.read = ree_read,
	.write = ree_write,
	.remove = ree_remove,
	.list = ree_list,
};
