// SPDX-License-Identifier: BSD-2-Clause
/*
 * Mappings of shm fds: the only way to know that a program which closed
 * a shm's fd right after mapping it (as libteec does) is done with it.
 */
#include <sys/mman.h>

#include "shim.h"

#define EXPORT __attribute__((visibility("default")))

EXPORT void *mmap(void *addr, size_t len, int prot, int flags, int fd,
		  off_t off)
{
	void *p = shim_real()->mmap(addr, len, prot, flags, fd, off);

	if (p != MAP_FAILED && fd >= 0)
		shim_mapped(fd, p, len);
	return p;
}

EXPORT void *mmap64(void *addr, size_t len, int prot, int flags, int fd,
		    off_t off)
{
	return mmap(addr, len, prot, flags, fd, off);
}

EXPORT int munmap(void *addr, size_t len)
{
	/*
	 * Forget first, as close() does: once the real munmap returns,
	 * another thread may map another shm at the same address, and its
	 * record must not be the one taken away here.
	 */
	shim_unmapped(addr, len);
	return shim_real()->munmap(addr, len);
}
