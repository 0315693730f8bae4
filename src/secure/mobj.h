/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Memory objects: the secure world's view of non-secure memory.
 *  - Registered shm (REGISTER_SHM): a cookie naming a page list the
 *    secure world read once and validated.
 *  - A memref resolved for one call (struct sw_mem): where its bytes are,
 *    and which memfd a TA may map to see them without copying.  When the
 *    bytes are not one contiguous piece of one RAM block, they are
 *    bounced through a secure memfd and copied back after the call.
 */
#ifndef VTEE_SECURE_MOBJ_H
#define VTEE_SECURE_MOBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ns_ram;
struct ns_ram_block;
struct mobj_table;

struct mobj_table *mobj_table_create(void);
void mobj_table_destroy(struct mobj_table *t);

/* REGISTER_SHM: buf_ptr = page-list PA | offset in the first page. */
uint32_t mobj_register(struct mobj_table *t, struct ns_ram *ram,
		       uint64_t buf_ptr, uint64_t size, uint64_t cookie);
uint32_t mobj_unregister(struct mobj_table *t, uint64_t cookie);
size_t mobj_count(struct mobj_table *t);

/*
 * Reads a NONCONTIG page list at list_pa for npages pages into pages[],
 * each page checked to be allocated RAM.  0 or TEE_ERROR_BAD_PARAMETERS.
 */
uint32_t mobj_read_page_list(struct ns_ram *ram, uint64_t list_pa,
			     size_t npages, uint64_t *pages);

struct sw_mem {
	uint64_t size;		/* may be updated by the TA (output size) */
	uint64_t capacity;	/* the size the memref arrived with */
	void *va;		/* the bytes, as the trusted OS reads them */
	int memfd;		/* what a TA maps; -1 for a NULL memref */
	size_t memfd_size;
	uint64_t memfd_off;	/* where the bytes start in memfd */
	uint64_t key;		/* identity of memfd, for map caches */
	/* exactly one of these holds the bytes */
	struct ns_ram_block *blk;	/* zero-copy: a reference */
	uint64_t *bounce_pages;		/* bounced: the NS pages */
	uint64_t bounce_first_off;	/* offset in bounce_pages[0] */
};

/* A NULL memref of `size`. */
void sw_mem_null(struct sw_mem *m, uint64_t size);
/* TMEM: a contiguous PA range (or a NONCONTIG list when noncontig). */
uint32_t sw_mem_from_tmem(struct sw_mem *m, struct ns_ram *ram, uint64_t pa,
			  uint64_t size, bool noncontig);
/* RMEM: offs/size inside registered shm `cookie`. */
uint32_t sw_mem_from_rmem(struct sw_mem *m, struct mobj_table *t,
			  struct ns_ram *ram, uint64_t cookie, uint64_t offs,
			  uint64_t size);
/* Secure memory of `size` bytes (TA-to-TA copies): zeroed, mappable. */
uint32_t sw_mem_secure(struct sw_mem *m, uint64_t size);
/*
 * Ends the call: a bounced output (copy_back) goes back to the NS pages,
 * at most `out_size` bytes and never more than the capacity; every
 * reference and buffer is released.
 */
void sw_mem_release(struct sw_mem *m, struct ns_ram *ram, bool copy_back,
		    uint64_t out_size);

#endif /* VTEE_SECURE_MOBJ_H */
