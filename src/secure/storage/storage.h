/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trusted storage: GP persistent objects, kept for the trusted OS.  Every
 * TA has its own volume per storage (volume.h); objects open in any of
 * its instances are shared in memory (one copy of the data per object),
 * and each open is a handle that carries the GP access and sharing
 * flags it was opened with.  Handles belong to an owner (a TA instance)
 * and can only be used by it.
 *
 * Storage ids: TEE_STORAGE_PRIVATE and TEE_STORAGE_PRIVATE_REE are one
 * storage, in the normal world's file system through the supplicant;
 * TEE_STORAGE_PRIVATE_RPMB is the RPMB partition.  Any other id is
 * TEE_ERROR_ITEM_NOT_FOUND.
 *
 * Results are the GP results the Internal Core API names for each call;
 * TEE_ERROR_BAD_PARAMETERS and TEE_ERROR_ACCESS_DENIED mean the caller
 * broke a rule GP makes a panic (the TA runtime panics on them).
 */
#ifndef VTEE_SECURE_STORAGE_H
#define VTEE_SECURE_STORAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vtee/ta_channel.h"

struct storage;
struct sw_thread;

/* secure_dir: the secure world's own directory (hardware unique key,
 * NV counters); NULL: every call is STORAGE_NOT_AVAILABLE.  0 or
 * -errno. */
int storage_new(const char *secure_dir, struct storage **out);
void storage_free(struct storage *s);

/* What one call is about: who asks, for which TA. */
struct storage_caller {
	struct storage *s;
	struct sw_thread *thr;
	const void *owner;		/* the TA instance */
	const uint8_t *uuid;		/* its TA's UUID */
};

/* The object a handle or an enumeration step shows: info, plus a
 * malloc'd attribute blob of info.blob_len bytes. */
struct storage_obj_view {
	struct ta_pobj_info info;
	uint8_t *blob;
	uint8_t id[64];
};

uint32_t storage_open(const struct storage_caller *c, uint32_t storage_id,
		      const void *id, size_t id_len, uint32_t flags,
		      uint32_t *handle, struct storage_obj_view *view);
/*
 * data holds the first data_len of total_len initial bytes; while fewer
 * than total_len have arrived, the object stays invisible and writes at
 * its end append the rest (storage_write).
 */
uint32_t storage_create(const struct storage_caller *c, uint32_t storage_id,
			const void *id, size_t id_len, uint32_t flags,
			const struct ta_pobj_info *info, const uint8_t *blob,
			const uint8_t *data, size_t data_len,
			uint64_t total_len, uint32_t *handle);
uint32_t storage_close(const struct storage_caller *c, uint32_t handle);
uint32_t storage_read(const struct storage_caller *c, uint32_t handle,
		      uint64_t pos, void *buf, size_t len, size_t *got);
/* more: further chunks of this one write follow (each at the end of the
 * last); they are kept aside and committed with the last, as one update. */
uint32_t storage_write(const struct storage_caller *c, uint32_t handle,
		       uint64_t pos, const void *buf, size_t len, bool more);
uint32_t storage_truncate(const struct storage_caller *c, uint32_t handle,
			  uint64_t size);
uint32_t storage_info(const struct storage_caller *c, uint32_t handle,
		      struct ta_pobj_info *info);
/* GP keeps a persistent object's usage restriction: stored usage &= usage. */
uint32_t storage_restrict(const struct storage_caller *c, uint32_t handle,
			  uint32_t usage);
uint32_t storage_delete(const struct storage_caller *c, uint32_t handle);
uint32_t storage_rename(const struct storage_caller *c, uint32_t handle,
			const void *id, size_t id_len);
/* The object after prev (NULL: the first) in id order, as a view with
 * its id; TEE_ERROR_ITEM_NOT_FOUND after the last. */
uint32_t storage_next(const struct storage_caller *c, uint32_t storage_id,
		      const void *prev, size_t prev_len,
		      struct storage_obj_view *view);

/* The owner is gone: its handles close, its unfinished creates vanish. */
void storage_release_owner(struct storage *s, const void *owner);

#endif /* VTEE_SECURE_STORAGE_H */
