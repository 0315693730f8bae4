// SPDX-License-Identifier: BSD-2-Clause
/*
 * OP-TEE's memory extensions (tee_internal_api_extensions.h): cache
 * maintenance, zero-initialised mappings, and heap leak checks.
 *
 * A TA here is a process on the host: its memory is coherent for every
 * agent that can see it (the trusted OS and the client through the same
 * memfd pages), so cache maintenance has nothing to do once the range is
 * known to be the TA's to touch.
 */
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

static TEE_Result cache_op(char *buf, size_t len)
{
	/* OP-TEE refuses a range the TA could not write itself */
	return TEE_CheckMemoryAccessRights(TEE_MEMORY_ACCESS_READ |
					   TEE_MEMORY_ACCESS_WRITE |
					   TEE_MEMORY_ACCESS_ANY_OWNER,
					   buf, len);
}

TEE_Result TEE_CacheClean(char *buf, size_t len)
{
	return cache_op(buf, len);
}

TEE_Result TEE_CacheFlush(char *buf, size_t len)
{
	return cache_op(buf, len);
}

TEE_Result TEE_CacheInvalidate(char *buf, size_t len)
{
	return cache_op(buf, len);
}

/* Anonymous memory is TA-private whatever the flags say: nothing here
 * is shared with another TA, so ANY_OWNER only changes what a later
 * TEE_CheckMemoryAccessRights is asked, not the mapping. */
static void *map_zero(void *hint, size_t len, uint32_t flags, int extra)
{
	void *p;

	if (!len || (flags & ~TEE_MEMORY_ACCESS_ANY_OWNER))
		return NULL;
	p = mmap(hint, len, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | extra, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

void *tee_map_zi(size_t len, uint32_t flags)
{
	return map_zero(NULL, len, flags, 0);
}

void *tee_map_zi_va(uintptr_t va, size_t len, uint32_t flags)
{
	/* never over an existing mapping */
	return map_zero((void *)va, len, flags, MAP_FIXED_NOREPLACE);
}

TEE_Result tee_unmap(void *buf, size_t len)
{
	return munmap(buf, len) ? TEE_ERROR_BAD_PARAMETERS : TEE_SUCCESS;
}

#if defined(__SANITIZE_ADDRESS__)
#define TA_HEAP_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TA_HEAP_SANITIZED 1
#endif
#endif

#ifdef TA_HEAP_SANITIZED
/* the sanitizer runtime's (gcc ships no header for it) */
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

/* Bytes the heap has handed out and not taken back (a sanitizer's own
 * allocator replaces glibc's, and keeps its own count). */
static size_t heap_in_use(void)
{
#ifdef TA_HEAP_SANITIZED
	return __sanitizer_get_current_allocated_bytes();
#else
	return mallinfo2().uordblks;
#endif
}

/* Bytes in use on the heap when the TA marked it. */
static size_t heap_mark;

void tee_user_mem_mark_heap(void)
{
	heap_mark = heap_in_use();
}

size_t tee_user_mem_check_heap(void)
{
	size_t now = heap_in_use();

	return now > heap_mark ? now - heap_mark : 0;
}
