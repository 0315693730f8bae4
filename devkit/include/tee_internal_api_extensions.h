/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * OP-TEE's extensions to the Internal Core API, declared under OP-TEE's
 * names so TA sources that include this header build unchanged.
 */
#ifndef VTEE_DEVKIT_TEE_INTERNAL_API_EXTENSIONS_H
#define VTEE_DEVKIT_TEE_INTERNAL_API_EXTENSIONS_H

#include <stdint.h>
#include <stdio.h>
#include <tee_api_defines_extensions.h>
#include <tee_api_types.h>
#include <trace.h>

/* Heap leak checks: mark the heap, later count what was allocated since */
void tee_user_mem_mark_heap(void);
size_t tee_user_mem_check_heap(void);

/* TEE_Malloc hint: do not zero the allocation */
#define TEE_USER_MEM_HINT_NO_FILL_ZERO	0x80000000

/*
 * Data cache maintenance on [buf, buf + len) for TAs with
 * TA_FLAG_CACHE_MAINTENANCE: write back dirty lines (Clean), write back
 * and invalidate (Flush), invalidate without write-back (Invalidate).
 */
TEE_Result TEE_CacheClean(char *buf, size_t len);
TEE_Result TEE_CacheFlush(char *buf, size_t len);
TEE_Result TEE_CacheInvalidate(char *buf, size_t len);

/*
 * Zero-initialised memory of len bytes, TA-private unless flags holds
 * TEE_MEMORY_ACCESS_ANY_OWNER.  NULL on failure.  _va asks for the
 * mapping at va.  tee_unmap() takes exactly what a tee_map_zi*() returned.
 */
void *tee_map_zi(size_t len, uint32_t flags);
void *tee_map_zi_va(uintptr_t va, size_t len, uint32_t flags);
TEE_Result tee_unmap(void *buf, size_t len);

/*
 * Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (hex digits of either
 * case) into *uuid.  TEE_ERROR_BAD_FORMAT if s is anything else.
 */
TEE_Result tee_uuid_from_str(TEE_UUID *uuid, const char *s);

/*
 * Calls the normal-world supplicant plugin uuid with (cmd, sub_cmd) on
 * len bytes of buf, which the plugin may overwrite; *outlen (if not NULL)
 * receives the length of its answer.
 */
TEE_Result tee_invoke_supp_plugin(const TEE_UUID *uuid, uint32_t cmd,
				  uint32_t sub_cmd, void *buf, size_t len,
				  size_t *outlen);

#endif /* VTEE_DEVKIT_TEE_INTERNAL_API_EXTENSIONS_H */
