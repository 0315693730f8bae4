// SPDX-License-Identifier: BSD-2-Clause
#include "mobj.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ns_ram.h"
#include "tee_api_defines.h"
#include "vtee/optee_msg.h"

#define PAGE NS_RAM_PAGE_SIZE
#define MOBJ_BUCKETS 256
/* No single registration may describe more than 1 GiB. */
#define MOBJ_MAX_PAGES (1u << 18)
/*
 * A memref that is not one piece of one RAM block is copied; a page list
 * can name the same page many times, so a few pages of normal-world
 * memory could otherwise make the secure world copy a gigabyte.  Real
 * buffers this large are contiguous shm, which is never bounced.
 */
#define BOUNCE_MAX (64u << 20)

struct mobj {
	struct mobj *next;
	uint64_t cookie;
	uint64_t size;
	uint64_t first_off;	/* offset of byte 0 in pages[0] */
	size_t npages;
	atomic_uint refs;
	uint64_t pages[];
};

struct mobj_table {
	pthread_mutex_t lock;
	struct mobj *buckets[MOBJ_BUCKETS];
	size_t count;
};

/* Bounce memfds get keys no RAM block id can have. */
static atomic_uint_fast64_t bounce_keys = 1;
#define BOUNCE_KEY_BIT (1ull << 63)

struct mobj_table *mobj_table_create(void)
{
	struct mobj_table *t = calloc(1, sizeof(*t));

	if (t)
		pthread_mutex_init(&t->lock, NULL);
	return t;
}

void mobj_table_destroy(struct mobj_table *t)
{
	if (!t)
		return;
	for (size_t b = 0; b < MOBJ_BUCKETS; b++) {
		while (t->buckets[b]) {
			struct mobj *m = t->buckets[b];

			t->buckets[b] = m->next;
			free(m);
		}
	}
	pthread_mutex_destroy(&t->lock);
	free(t);
}

static size_t bucket_of(uint64_t cookie)
{
	return (size_t)((cookie * 0x9E3779B97F4A7C15ull) >> 56);
}

uint32_t mobj_read_page_list(struct ns_ram *ram, uint64_t list_pa,
			     size_t npages, uint64_t *pages)
{
	uint64_t list[OPTEE_MSG_PAGES_PER_LIST + 1];

	for (size_t i = 0; i < npages; i++) {
		size_t slot = i % OPTEE_MSG_PAGES_PER_LIST;

		if (!slot) {
			/* each list page is read once, then trusted as copied */
			const void *src = (list_pa % PAGE) ? NULL :
					  ns_ram_va(ram, list_pa, PAGE);

			if (!src)
				return TEE_ERROR_BAD_PARAMETERS;
			memcpy(list, src, sizeof(list));
			list_pa = list[OPTEE_MSG_PAGES_PER_LIST];
		}
		pages[i] = list[slot];
		if (pages[i] % PAGE || !ns_ram_va(ram, pages[i], PAGE))
			return TEE_ERROR_BAD_PARAMETERS;
	}
	return TEE_SUCCESS;
}

static size_t pages_spanned(uint64_t first_off, uint64_t size)
{
	return (size_t)((first_off + size + PAGE - 1) / PAGE);
}

static struct mobj *lookup_locked(struct mobj_table *t, uint64_t cookie)
{
	struct mobj *m = t->buckets[bucket_of(cookie)];

	while (m && m->cookie != cookie)
		m = m->next;
	return m;
}

uint32_t mobj_register(struct mobj_table *t, struct ns_ram *ram,
		       uint64_t buf_ptr, uint64_t size, uint64_t cookie)
{
	uint64_t first_off = buf_ptr % PAGE;
	size_t npages;
	struct mobj *m;
	uint32_t res;

	if (!size || size > (uint64_t)MOBJ_MAX_PAGES * PAGE)
		return TEE_ERROR_BAD_PARAMETERS;
	npages = pages_spanned(first_off, size);
	m = calloc(1, sizeof(*m) + npages * sizeof(m->pages[0]));
	if (!m)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = mobj_read_page_list(ram, buf_ptr - first_off, npages, m->pages);
	if (res) {
		free(m);
		return res;
	}
	*m = (struct mobj){ .cookie = cookie, .size = size,
			    .first_off = first_off, .npages = npages };
	atomic_init(&m->refs, 1);
	pthread_mutex_lock(&t->lock);
	if (lookup_locked(t, cookie)) {
		pthread_mutex_unlock(&t->lock);
		free(m);
		return TEE_ERROR_BAD_PARAMETERS;
	}
	m->next = t->buckets[bucket_of(cookie)];
	t->buckets[bucket_of(cookie)] = m;
	t->count++;
	pthread_mutex_unlock(&t->lock);
	return TEE_SUCCESS;
}

static void mobj_put(struct mobj *m)
{
	if (atomic_fetch_sub(&m->refs, 1) == 1)
		free(m);
}

uint32_t mobj_unregister(struct mobj_table *t, uint64_t cookie)
{
	struct mobj **pp, *m = NULL;

	pthread_mutex_lock(&t->lock);
	for (pp = &t->buckets[bucket_of(cookie)]; *pp; pp = &(*pp)->next) {
		if ((*pp)->cookie == cookie) {
			m = *pp;
			*pp = m->next;
			t->count--;
			break;
		}
	}
	pthread_mutex_unlock(&t->lock);
	if (!m)
		return TEE_ERROR_ITEM_NOT_FOUND;
	mobj_put(m);
	return TEE_SUCCESS;
}

size_t mobj_count(struct mobj_table *t)
{
	size_t n;

	pthread_mutex_lock(&t->lock);
	n = t->count;
	pthread_mutex_unlock(&t->lock);
	return n;
}

void sw_mem_null(struct sw_mem *m, uint64_t size)
{
	*m = (struct sw_mem){ .size = size, .capacity = size, .memfd = -1 };
}

/* Zero-copy if [pa, pa + size) is inside one RAM block. */
static bool try_block(struct sw_mem *m, struct ns_ram *ram, uint64_t pa,
		      uint64_t size)
{
	struct ns_ram_block *blk = ns_ram_block_at(ram, pa, size);

	if (!blk)
		return false;
	*m = (struct sw_mem){
		.size = size, .capacity = size,
		.va = (uint8_t *)blk->va + (pa - blk->pa),
		.memfd = blk->memfd, .memfd_size = blk->size,
		.memfd_off = pa - blk->pa, .key = blk->id, .blk = blk,
	};
	return true;
}

static int new_secure_memfd(size_t size, void **va)
{
	int fd = memfd_create("vtee-secure", MFD_CLOEXEC);

	if (fd < 0)
		return -1;
	if (ftruncate(fd, (off_t)size) ||
	    (*va = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
			0)) == MAP_FAILED) {
		close(fd);
		return -1;
	}
	return fd;
}

uint32_t sw_mem_secure(struct sw_mem *m, uint64_t size)
{
	size_t len = size ? (size + PAGE - 1) / PAGE * PAGE : PAGE;
	void *va;
	int fd = new_secure_memfd(len, &va);

	if (fd < 0)
		return TEE_ERROR_OUT_OF_MEMORY;
	*m = (struct sw_mem){
		.size = size, .capacity = size, .va = va, .memfd = fd,
		.memfd_size = len,
		.key = BOUNCE_KEY_BIT | atomic_fetch_add(&bounce_keys, 1),
	};
	return TEE_SUCCESS;
}

/* Copies between the NS pages of a bounced memref and its buffer. */
static void bounce_copy(struct ns_ram *ram, const uint64_t *pages,
			uint64_t first_off, uint8_t *buf, uint64_t len,
			bool to_ns)
{
	uint64_t done = 0, off = first_off;

	for (size_t i = 0; done < len; i++, off = 0) {
		uint64_t chunk = PAGE - off < len - done ? PAGE - off :
							   len - done;
		uint8_t *ns = ns_ram_va(ram, pages[i] + off, chunk);

		/* a page freed since validation reads as zeros: skip it */
		if (ns && to_ns)
			memcpy(ns, buf + done, chunk);
		else if (ns)
			memcpy(buf + done, ns, chunk);
		done += chunk;
	}
}

static uint32_t bounce(struct sw_mem *m, struct ns_ram *ram,
		       const uint64_t *pages, uint64_t first_off,
		       uint64_t size)
{
	size_t n = pages_spanned(first_off, size);
	uint64_t *copy;
	uint32_t res;

	if (size > BOUNCE_MAX)
		return TEE_ERROR_BAD_PARAMETERS;
	copy = malloc(n * sizeof(*copy));
	if (!copy)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = sw_mem_secure(m, size);
	if (res) {
		free(copy);
		return res;
	}
	memcpy(copy, pages, n * sizeof(*copy));
	m->bounce_pages = copy;
	m->bounce_first_off = first_off;
	bounce_copy(ram, copy, first_off, m->va, size, false);
	return TEE_SUCCESS;
}

static bool pages_contiguous(const uint64_t *pages, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (pages[i] != pages[0] + i * PAGE)
			return false;
	return true;
}

/* The memref [first_off, first_off + size) of a page array. */
static uint32_t from_pages(struct sw_mem *m, struct ns_ram *ram,
			   const uint64_t *pages, uint64_t first_off,
			   uint64_t size)
{
	size_t n = pages_spanned(first_off, size);

	if (pages_contiguous(pages, n) &&
	    try_block(m, ram, pages[0] + first_off, size))
		return TEE_SUCCESS;
	return bounce(m, ram, pages, first_off, size);
}

uint32_t sw_mem_from_tmem(struct sw_mem *m, struct ns_ram *ram, uint64_t pa,
			  uint64_t size, bool noncontig)
{
	uint64_t first_off = pa % PAGE, end;
	uint64_t *pages;
	size_t n;
	uint32_t res;

	if (!noncontig) {
		if (__builtin_add_overflow(pa, size, &end) ||
		    !ns_ram_va(ram, pa, size))
			return TEE_ERROR_BAD_PARAMETERS;
		if (try_block(m, ram, pa, size))
			return TEE_SUCCESS;
		if (!size) {
			sw_mem_null(m, 0);
			return TEE_SUCCESS;
		}
		/* spans blocks: bounce it page by page */
		n = pages_spanned(first_off, size);
		pages = malloc(n * sizeof(*pages));
		if (!pages)
			return TEE_ERROR_OUT_OF_MEMORY;
		for (size_t i = 0; i < n; i++)
			pages[i] = pa - first_off + i * PAGE;
	} else {
		if (!size || size > (uint64_t)MOBJ_MAX_PAGES * PAGE)
			return TEE_ERROR_BAD_PARAMETERS;
		n = pages_spanned(first_off, size);
		pages = malloc(n * sizeof(*pages));
		if (!pages)
			return TEE_ERROR_OUT_OF_MEMORY;
		res = mobj_read_page_list(ram, pa - first_off, n, pages);
		if (res) {
			free(pages);
			return res;
		}
	}
	res = from_pages(m, ram, pages, first_off, size);
	free(pages);
	return res;
}

uint32_t sw_mem_from_rmem(struct sw_mem *m, struct mobj_table *t,
			  struct ns_ram *ram, uint64_t cookie, uint64_t offs,
			  uint64_t size)
{
	struct mobj *mo;
	uint64_t end, abs;
	uint32_t res;

	pthread_mutex_lock(&t->lock);
	mo = lookup_locked(t, cookie);
	if (mo)
		atomic_fetch_add(&mo->refs, 1);
	pthread_mutex_unlock(&t->lock);
	if (!mo)
		return TEE_ERROR_BAD_PARAMETERS;
	if (__builtin_add_overflow(offs, size, &end) || end > mo->size) {
		mobj_put(mo);
		return TEE_ERROR_BAD_PARAMETERS;
	}
	abs = mo->first_off + offs;
	if (!size) {
		/* an empty memref still names its place, when it has one */
		if (abs / PAGE >= mo->npages ||
		    !try_block(m, ram, mo->pages[abs / PAGE] + abs % PAGE, 0))
			sw_mem_null(m, 0);
		mobj_put(mo);
		return TEE_SUCCESS;
	}
	res = from_pages(m, ram, mo->pages + abs / PAGE, abs % PAGE, size);
	mobj_put(mo);
	return res;
}

void sw_mem_release(struct sw_mem *m, struct ns_ram *ram, bool copy_back,
		    uint64_t out_size)
{
	if (m->blk) {
		ns_ram_block_put(ram, m->blk);
	} else if (m->memfd >= 0) {
		if (m->bounce_pages && copy_back)
			bounce_copy(ram, m->bounce_pages, m->bounce_first_off,
				    m->va, out_size < m->capacity ? out_size :
							     m->capacity, true);
		munmap(m->va, m->memfd_size);
		close(m->memfd);
	}
	free(m->bounce_pages);
	sw_mem_null(m, 0);
}
