/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The machine's non-secure RAM: one physical address space that both worlds
 * address by physical address (PA), as on hardware.
 *
 * Every allocation is its own sealed memfd mapped into the daemon at the
 * virtual address that mirrors its PA, so
 *   - page lists, TMEM and RMEM mean what they mean on hardware (the secure
 *     world translates a PA with ns_ram_va(), the "MMU");
 *   - a process is only ever handed the memfd of its own allocation, never
 *     an fd that reaches other memory;
 *   - the seals forbid shrinking, so nobody can make the daemon or a TA
 *     fault on a page that vanished.
 *
 * Freed pages stay readable (they become anonymous zero pages), so a world
 * that still holds a stale PA reads zeros instead of crashing the daemon.
 * Blocks are reference counted: the memfd lives while anyone (the REE
 * kernel's shm, the trusted OS handing it to a TA) holds the block.
 */
#ifndef VTEE_HW_NS_RAM_H
#define VTEE_HW_NS_RAM_H

#include <stddef.h>
#include <stdint.h>

#define NS_RAM_PAGE_SIZE	4096u
#define NS_RAM_BASE		0x80000000ull	/* PA of the first page */

struct ns_ram;

struct ns_ram_block {
	uint64_t id;		/* unique for the machine's lifetime */
	uint64_t pa;		/* page aligned */
	size_t size;		/* page multiple */
	void *va;		/* the daemon's view */
	int memfd;		/* sealed against shrinking */
};

/* Reserves `size` bytes of physical address space.  0 or -errno. */
int ns_ram_create(size_t size, struct ns_ram **out);
void ns_ram_destroy(struct ns_ram *ram);

/*
 * Allocates a zeroed block of at least `size` bytes (rounded up to pages).
 * Returns the block with one reference, or NULL (errno set: ENOMEM,
 * EINVAL for size 0).
 */
struct ns_ram_block *ns_ram_alloc(struct ns_ram *ram, size_t size,
				  const char *name);

void ns_ram_block_get(struct ns_ram_block *blk);
/* Current reference count (a cache holding the only one may let go). */
unsigned int ns_ram_block_refs(const struct ns_ram_block *blk);
/* Drops a reference; the last one frees the pages and closes the memfd. */
void ns_ram_block_put(struct ns_ram *ram, struct ns_ram_block *blk);

/*
 * The MMU: the daemon address of [pa, pa + len), or NULL if any page of
 * the range is not allocated RAM.  len 0 checks just pa's page.
 */
void *ns_ram_va(struct ns_ram *ram, uint64_t pa, size_t len);

/*
 * The block holding all of [pa, pa + len), with a reference the caller must
 * put, or NULL if the range is not inside one allocated block.
 */
struct ns_ram_block *ns_ram_block_at(struct ns_ram *ram, uint64_t pa,
				     size_t len);

/* Physical address of a daemon address inside RAM (no check). */
uint64_t ns_ram_pa(struct ns_ram *ram, const void *va);

#endif /* VTEE_HW_NS_RAM_H */
