/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The normal world's file system, as the supplicant serves it through
 * OPTEE_RPC_CMD_FS (optee-client-device-interface.md, "REE FS
 * sub-commands").  Names are relative paths of at most REE_FS_NAME_MAX
 * bytes including the NUL; fds and directory handles are the
 * supplicant's numbers, meaningless here.  Every answer is read once and
 * checked; results are TEE_Results (TEE_ERROR_COMMUNICATION when the
 * normal world answered something impossible).  Everything read from
 * these files is untrusted.
 */
#ifndef VTEE_SECURE_REE_FS_H
#define VTEE_SECURE_REE_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sw_thread;

#define REE_FS_NAME_MAX 128

uint32_t ree_fs_open(struct sw_thread *thr, const char *name, uint32_t *fd);
/* Creates or truncates; missing parent directories are created. */
uint32_t ree_fs_create(struct sw_thread *thr, const char *name, uint32_t *fd);
uint32_t ree_fs_close(struct sw_thread *thr, uint32_t fd);
/* Reads up to len bytes at off; *got < len only at the end of the file. */
uint32_t ree_fs_read(struct sw_thread *thr, uint32_t fd, uint64_t off,
		     void *buf, size_t len, size_t *got);
uint32_t ree_fs_write(struct sw_thread *thr, uint32_t fd, uint64_t off,
		      const void *buf, size_t len);
uint32_t ree_fs_truncate(struct sw_thread *thr, uint32_t fd, uint64_t len);
uint32_t ree_fs_remove(struct sw_thread *thr, const char *name);
/* TEE_ERROR_ACCESS_CONFLICT if new_name exists and !overwrite. */
uint32_t ree_fs_rename(struct sw_thread *thr, const char *old_name,
		       const char *new_name, bool overwrite);
/* TEE_ERROR_ITEM_NOT_FOUND for a missing or empty directory. */
uint32_t ree_fs_opendir(struct sw_thread *thr, const char *name,
			uint32_t *dir);
/* The next entry's name (NUL-terminated, at most len bytes with the NUL);
 * TEE_ERROR_ITEM_NOT_FOUND after the last. */
uint32_t ree_fs_readdir(struct sw_thread *thr, uint32_t dir, char *name,
			size_t len);
uint32_t ree_fs_closedir(struct sw_thread *thr, uint32_t dir);

#endif /* VTEE_SECURE_REE_FS_H */
