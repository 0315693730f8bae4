// SPDX-License-Identifier: BSD-2-Clause
/*
 * TEE_CheckMemoryAccessRights.  Ownership comes from the runtime's own
 * bookkeeping: client memory is exactly the mappings the OS made by map
 * id (and the channel page is nobody's to hand out).  Permissions come
 * from the kernel, by re-reading /proc/self/maps through a descriptor
 * opened before the sandbox, so stacks, globals and libc's heap are all
 * judged as the hardware would judge an access.
 */
#include <stdlib.h>
#include <tee_internal_api.h>
#include <unistd.h>

#include "access.h"
#include "chan.h"
#include "maps.h"
#include "mem_regions.h"

static int maps_fd = -1;

void ta_access_init(int fd)
{
	maps_fd = fd;
}

static bool grow(char **buf, size_t *cap)
{
	char *grown = realloc(*buf, *cap * 2);

	if (!grown)
		return false;
	*buf = grown;
	*cap *= 2;
	return true;
}

/* The whole of /proc/self/maps as it is now; NULL on failure. */
static char *read_maps(size_t *len)
{
	size_t cap = 16384, used = 0;
	char *buf = malloc(cap);
	ssize_t n = 0;

	while (buf && (n = pread(maps_fd, buf + used, cap - used,
				 (off_t)used)) > 0) {
		used += (size_t)n;
		if (used == cap && !grow(&buf, &cap)) {
			n = -1;
			break;
		}
	}
	if (n < 0) {
		free(buf);
		return NULL;
	}
	*len = used;
	return buf;
}

static bool is_client_memory(uintptr_t start, uintptr_t end)
{
	uintptr_t c = (uintptr_t)ta_chan_get();

	return ta_maps_intersect(start, end) ||
	       (start < c + TA_CHAN_SIZE && c < end);
}

static bool kernel_allows(uintptr_t start, uintptr_t end, uint32_t flags)
{
	size_t len;
	char *maps = read_maps(&len);
	bool ok;

	if (!maps)
		return false;
	ok = ta_regions_allow(maps, len, start, end,
			      flags & TEE_MEMORY_ACCESS_READ,
			      flags & TEE_MEMORY_ACCESS_WRITE);
	free(maps);
	return ok;
}

TEE_Result TEE_CheckMemoryAccessRights(uint32_t accessFlags, void *buffer,
				       size_t size)
{
	uintptr_t start = (uintptr_t)buffer, end;

	if (!size)
		return TEE_SUCCESS;
	if (__builtin_add_overflow(start, size, &end))
		return TEE_ERROR_ACCESS_DENIED;
	if (!(accessFlags & TEE_MEMORY_ACCESS_ANY_OWNER) &&
	    is_client_memory(start, end))
		return TEE_ERROR_ACCESS_DENIED;
	if (!kernel_allows(start, end, accessFlags))
		return TEE_ERROR_ACCESS_DENIED;
	return TEE_SUCCESS;
}
