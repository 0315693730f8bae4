// SPDX-License-Identifier: BSD-2-Clause
#include "ns_ram.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/*
 * Page ownership is one array indexed by page number; entry 0 means free.
 * The array is reserved with MAP_NORESERVE so untouched parts cost nothing.
 * Allocation is first fit from a rotating hint: simple, and good enough for
 * the few thousand blocks a machine holds at once.
 */
struct ns_ram_slot {
	struct ns_ram_block blk;
	atomic_uint refs;
};

struct ns_ram {
	uint8_t *base;			/* VA of NS_RAM_BASE */
	size_t npages;
	_Atomic(struct ns_ram_slot *) *owner;	/* per page */
	size_t hint;
	uint64_t next_id;
	pthread_mutex_t lock;
};

static size_t pages_of(size_t bytes)
{
	return (bytes + NS_RAM_PAGE_SIZE - 1) / NS_RAM_PAGE_SIZE;
}

int ns_ram_create(size_t size, struct ns_ram **out)
{
	struct ns_ram *ram = calloc(1, sizeof(*ram));

	if (!ram)
		return -ENOMEM;
	ram->npages = pages_of(size);
	ram->base = mmap(NULL, ram->npages * NS_RAM_PAGE_SIZE, PROT_NONE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	ram->owner = mmap(NULL, ram->npages * sizeof(*ram->owner),
			  PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (ram->base == MAP_FAILED || ram->owner == MAP_FAILED) {
		int err = -errno;

		if (ram->base != MAP_FAILED)
			munmap(ram->base, ram->npages * NS_RAM_PAGE_SIZE);
		free(ram);
		return err;
	}
	ram->next_id = 1;
	pthread_mutex_init(&ram->lock, NULL);
	*out = ram;
	return 0;
}

void ns_ram_destroy(struct ns_ram *ram)
{
	if (!ram)
		return;
	munmap(ram->base, ram->npages * NS_RAM_PAGE_SIZE);
	munmap(ram->owner, ram->npages * sizeof(*ram->owner));
	pthread_mutex_destroy(&ram->lock);
	free(ram);
}

/* First free run of n pages at or after the hint, wrapping once. */
static bool find_free_run(struct ns_ram *ram, size_t n, size_t *first)
{
	for (size_t pass = 0; pass < 2; pass++) {
		size_t start = pass ? 0 : ram->hint;
		size_t run = 0;

		for (size_t p = start; p < ram->npages; p++) {
			run = atomic_load_explicit(&ram->owner[p],
						   memory_order_relaxed) ?
			      0 : run + 1;
			if (run == n) {
				*first = p + 1 - n;
				return true;
			}
		}
	}
	return false;
}

static int new_sealed_memfd(const char *name, size_t size)
{
	int fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);

	if (fd < 0)
		return -1;
	if (ftruncate(fd, (off_t)size) ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void set_owner(struct ns_ram *ram, size_t first, size_t n,
		      struct ns_ram_slot *slot)
{
	for (size_t p = first; p < first + n; p++)
		atomic_store_explicit(&ram->owner[p], slot,
				      memory_order_release);
}

struct ns_ram_block *ns_ram_alloc(struct ns_ram *ram, size_t size,
				  const char *name)
{
	size_t n = pages_of(size), first;
	struct ns_ram_slot *slot;
	void *va;

	if (!size) {
		errno = EINVAL;
		return NULL;
	}
	slot = calloc(1, sizeof(*slot));
	if (!slot)
		return NULL;
	slot->blk.size = n * NS_RAM_PAGE_SIZE;
	slot->blk.memfd = new_sealed_memfd(name, slot->blk.size);
	if (slot->blk.memfd < 0)
		goto err_free;
	pthread_mutex_lock(&ram->lock);
	if (!find_free_run(ram, n, &first)) {
		pthread_mutex_unlock(&ram->lock);
		errno = ENOMEM;
		goto err_close;
	}
	va = mmap(ram->base + first * NS_RAM_PAGE_SIZE, slot->blk.size,
		  PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
		  slot->blk.memfd, 0);
	if (va == MAP_FAILED) {
		pthread_mutex_unlock(&ram->lock);
		goto err_close;
	}
	slot->blk.id = ram->next_id++;
	slot->blk.va = va;
	slot->blk.pa = NS_RAM_BASE + first * NS_RAM_PAGE_SIZE;
	atomic_init(&slot->refs, 1);
	set_owner(ram, first, n, slot);
	ram->hint = first + n;
	pthread_mutex_unlock(&ram->lock);
	return &slot->blk;
err_close:
	close(slot->blk.memfd);
err_free:
	free(slot);
	return NULL;
}

void ns_ram_block_get(struct ns_ram_block *blk)
{
	struct ns_ram_slot *slot = (struct ns_ram_slot *)blk;

	atomic_fetch_add_explicit(&slot->refs, 1, memory_order_relaxed);
}

unsigned int ns_ram_block_refs(const struct ns_ram_block *blk)
{
	const struct ns_ram_slot *slot = (const struct ns_ram_slot *)blk;

	return atomic_load_explicit(&slot->refs, memory_order_acquire);
}

void ns_ram_block_put(struct ns_ram *ram, struct ns_ram_block *blk)
{
	struct ns_ram_slot *slot = (struct ns_ram_slot *)blk;
	size_t first = (blk->pa - NS_RAM_BASE) / NS_RAM_PAGE_SIZE;

	if (atomic_fetch_sub_explicit(&slot->refs, 1,
				      memory_order_acq_rel) != 1)
		return;
	pthread_mutex_lock(&ram->lock);
	/*
	 * Swap in zero pages atomically (MAP_FIXED replaces the mapping in one
	 * step): a racing reader of a stale PA sees zeros, never a fault.
	 */
	mmap(blk->va, blk->size, PROT_READ | PROT_WRITE,
	     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
	set_owner(ram, first, blk->size / NS_RAM_PAGE_SIZE, NULL);
	pthread_mutex_unlock(&ram->lock);
	close(blk->memfd);
	free(slot);
}

/* A reference unless the block is already on its way out. */
static bool slot_get_unless_zero(struct ns_ram_slot *slot)
{
	unsigned int refs = atomic_load_explicit(&slot->refs,
						 memory_order_relaxed);

	do {
		if (!refs)
			return false;
	} while (!atomic_compare_exchange_weak_explicit(&slot->refs, &refs,
							refs + 1,
							memory_order_acquire,
							memory_order_relaxed));
	return true;
}

static bool range_to_pages(const struct ns_ram *ram, uint64_t pa, size_t len,
			   size_t *first, size_t *last)
{
	uint64_t end;

	if (pa < NS_RAM_BASE || __builtin_add_overflow(pa, len, &end))
		return false;
	*first = (pa - NS_RAM_BASE) / NS_RAM_PAGE_SIZE;
	*last = len ? (end - 1 - NS_RAM_BASE) / NS_RAM_PAGE_SIZE : *first;
	return *last < ram->npages;
}

void *ns_ram_va(struct ns_ram *ram, uint64_t pa, size_t len)
{
	size_t first, last;

	if (!range_to_pages(ram, pa, len, &first, &last))
		return NULL;
	for (size_t p = first; p <= last; p++)
		if (!atomic_load_explicit(&ram->owner[p], memory_order_acquire))
			return NULL;
	return ram->base + (pa - NS_RAM_BASE);
}

struct ns_ram_block *ns_ram_block_at(struct ns_ram *ram, uint64_t pa,
				     size_t len)
{
	struct ns_ram_slot *slot = NULL;
	size_t first, last;

	if (!range_to_pages(ram, pa, len, &first, &last))
		return NULL;
	pthread_mutex_lock(&ram->lock);
	slot = atomic_load_explicit(&ram->owner[first], memory_order_relaxed);
	/*
	 * One block covers the range iff both ends belong to it.  The owner
	 * array is read under the lock the last put takes before freeing, so
	 * the slot is still allocated here even if its count just hit zero.
	 */
	if (!slot || atomic_load_explicit(&ram->owner[last],
					  memory_order_relaxed) != slot ||
	    !slot_get_unless_zero(slot))
		slot = NULL;
	pthread_mutex_unlock(&ram->lock);
	return slot ? &slot->blk : NULL;
}

uint64_t ns_ram_pa(struct ns_ram *ram, const void *va)
{
	return NS_RAM_BASE + (uint64_t)((const uint8_t *)va - ram->base);
}
