/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A volume: one TA's objects in one storage.  On disk (fstore) it is a
 * directory named by storage_volume_name() holding
 *
 *   dir.0, dir.1        the directory, sealed; counter c lives in slot c % 2
 *   <file_no>.0/.1      each object, sealed; generation g in slot g % 2
 *
 * An update never overwrites the copy the current directory points at:
 * it writes the object's other slot, then the directory's other slot
 * with counter c + 1, then raises the secure NV counter to c + 1.  A
 * crash at any point leaves the old state or the new one, both valid; a
 * loaded directory must have counter nv or nv + 1 (the latter: the crash
 * came after the directory, and the counter is raised then), so an older
 * directory, a deleted one, or an older object file are all refused.
 *
 * Calls on a volume are serialised by the caller (storage.c).
 */
#ifndef VTEE_SECURE_VOLUME_H
#define VTEE_SECURE_VOLUME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sfmt.h"
#include "storage_keys.h"

struct fstore;
struct sw_thread;

struct volume {
	struct fstore *fs;
	const char *nv_dir;		/* the secure NV counters' directory */
	char name[VOLUME_NAME_LEN];
	uint8_t key[SFMT_KEY_SIZE];
	bool loaded;
	/* a commit failed after its directory write began: the disk may
	 * hold that directory, so it is read again before the next update */
	bool stale;
	uint64_t counter;		/* of the directory loaded */
	struct sfmt_dir_entry *e;	/* the directory's entries */
	size_t n;
};

/* An object's content as it is stored. */
struct volume_obj {
	struct sfmt_obj_meta meta;
	uint8_t *blob;
	uint8_t *data;
	size_t data_cap;		/* bytes allocated at data */
};

void volume_init(struct volume *v, struct fstore *fs, const char *nv_dir,
		 const uint8_t huk[HUK_SIZE], const uint8_t uuid[16],
		 uint32_t storage_id);
/* Forgets everything in memory (keys wiped). */
void volume_fini(struct volume *v);

/*
 * Reads the directory if it is not loaded yet (or again, if it is stale).  TEE_SUCCESS,
 * TEE_ERROR_CORRUPT_OBJECT (no valid directory at the expected counter:
 * tampered, rolled back or deleted), TEE_ERROR_STORAGE_NOT_AVAILABLE,
 * TEE_ERROR_OUT_OF_MEMORY.
 */
uint32_t volume_load(struct volume *v, struct sw_thread *thr);

/* The entry with this id, or NULL. */
struct sfmt_dir_entry *volume_find(struct volume *v, const void *id,
				   size_t id_len);
/* The entry whose id comes next after prev (NULL: the first), in
 * (length, bytes) order; NULL after the last. */
struct sfmt_dir_entry *volume_next(struct volume *v, const void *prev,
				   size_t prev_len);

/* Reads and opens entry e's object.  CORRUPT_OBJECT if it fails to. */
uint32_t volume_read_obj(struct volume *v, struct sw_thread *thr,
			 const struct sfmt_dir_entry *e,
			 struct volume_obj *obj);
void volume_obj_free(struct volume_obj *obj);

/*
 * The three updates.  Each writes what it must and commits a new
 * directory; on failure the volume in memory is unchanged (the disk may
 * hold the new state: it is valid too).
 *
 * put: creates id (or replaces it, when it exists) with obj's content.
 * write: a new generation of existing entry e with obj's content.
 * remove / rename: entry e goes, or gets new_id.
 */
uint32_t volume_put(struct volume *v, struct sw_thread *thr, const void *id,
		    size_t id_len, const struct volume_obj *obj);
uint32_t volume_write(struct volume *v, struct sw_thread *thr,
		      struct sfmt_dir_entry *e, const struct volume_obj *obj);
uint32_t volume_remove(struct volume *v, struct sw_thread *thr,
		       struct sfmt_dir_entry *e);
uint32_t volume_rename(struct volume *v, struct sw_thread *thr,
		       struct sfmt_dir_entry *e, const void *new_id,
		       size_t new_len);

#endif /* VTEE_SECURE_VOLUME_H */
