/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where sealed files go: whole files by name, in the normal world's file
 * system (fstore_ree.c) or in the RPMB partition.  A write is durable
 * when it returns but need not be atomic; the volume layer never
 * overwrites the only valid copy of anything.  Names are
 * "<volume>/<file>".  Results are TEE_Results.
 */
#ifndef VTEE_SECURE_FSTORE_H
#define VTEE_SECURE_FSTORE_H

#include <stddef.h>
#include <stdint.h>

struct sw_thread;

struct fstore {
	/* The whole file, malloc'd; TEE_ERROR_ITEM_NOT_FOUND if there is
	 * none, TEE_ERROR_CORRUPT_OBJECT if it is larger than max. */
	uint32_t (*read)(struct fstore *fs, struct sw_thread *thr,
			 const char *name, size_t max, uint8_t **buf,
			 size_t *len);
	uint32_t (*write)(struct fstore *fs, struct sw_thread *thr,
			  const char *name, const uint8_t *buf, size_t len);
	/* Succeeds for a file that does not exist. */
	uint32_t (*remove)(struct fstore *fs, struct sw_thread *thr,
			   const char *name);
	/* Calls fn for each file of volume dir (name without the dir). */
	uint32_t (*list)(struct fstore *fs, struct sw_thread *thr,
			 const char *dir,
			 void (*fn)(void *arg, const char *name), void *arg);
};

/* The normal world's file system through the supplicant. */
extern struct fstore fstore_ree;

/* The RPMB partition (device 0), authenticated with key; NULL if out of
 * memory.  The device is opened (and the key programmed) on first use. */
struct fstore *fstore_rpmb_new(const uint8_t key[32]);
void fstore_rpmb_free(struct fstore *fs);

#endif /* VTEE_SECURE_FSTORE_H */
