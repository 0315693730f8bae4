// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP memory management on top of the process heap.  Every allocation is
 * private to the instance (it is a process of its own), so
 * TEE_MALLOC_NO_SHARE needs no separate heap.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#define KNOWN_HINTS	(TEE_MALLOC_NO_FILL | TEE_MALLOC_NO_SHARE)

/*
 * What TEE_Malloc(0) returns: a non-NULL pointer that faults when used,
 * the start of a page mapped without any access.
 */
static void *empty_alloc(void)
{
	static void *page;

	if (!page) {
		void *p = mmap(NULL, 4096, PROT_NONE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p != MAP_FAILED)
			page = p;
	}
	return page;
}

static bool is_empty_alloc(const void *p)
{
	return p && p == empty_alloc();
}

void *TEE_Malloc(size_t size, uint32_t hint)
{
	bool fill;

	if (hint == TEE_USER_MEM_HINT_NO_FILL_ZERO)
		hint = TEE_MALLOC_NO_FILL;
	if (hint & ~KNOWN_HINTS)
		return NULL;
	if (!size)
		return empty_alloc();
	fill = !(hint & TEE_MALLOC_NO_FILL);
	return fill ? calloc(1, size) : malloc(size);
}

void *TEE_Realloc(void *buffer, size_t newSize)
{
	if (!buffer || is_empty_alloc(buffer))
		return TEE_Malloc(newSize, TEE_MALLOC_FILL_ZERO);
	if (!newSize) {
		free(buffer);
		return empty_alloc();
	}
	return realloc(buffer, newSize);
}

void TEE_Free(void *buffer)
{
	if (!is_empty_alloc(buffer))
		free(buffer);
}

void TEE_MemMove(void *dest, const void *src, size_t size)
{
	memmove(dest, src, size);
}

/* Constant time: every byte is read and the first difference is kept
 * without branching on the data. */
int32_t TEE_MemCompare(const void *buffer1, const void *buffer2, size_t size)
{
	const uint8_t *a = buffer1, *b = buffer2;
	int32_t first = 0;

	for (size_t i = 0; i < size; i++) {
		int32_t diff = (int32_t)a[i] - (int32_t)b[i];

		first |= diff & -(int32_t)(first == 0);
	}
	return (first > 0) - (first < 0);
}

void TEE_MemFill(void *buff, uint32_t x, size_t size)
{
	memset(buff, (int)(uint8_t)x, size);
}
