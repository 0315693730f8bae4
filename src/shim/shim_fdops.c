// SPDX-License-Identifier: BSD-2-Clause
/*
 * Closing and duplicating fds: libc does the work; the shim follows
 * along, so a device lives exactly as long as the program holds an fd of
 * it, and dup2 over a device fd counts as closing it.
 */
#include <fcntl.h>
#include <linux/close_range.h>
#include <stdarg.h>

#include "shim.h"

#define EXPORT __attribute__((visibility("default")))

EXPORT int close(int fd)
{
	/*
	 * Forget first: once the real close returns, another thread may get
	 * the same number for a new shm or device, whose record must not be
	 * dropped here.  A failed close (EINTR) still frees the fd on Linux.
	 */
	shim_forget(fd);
	return shim_real()->close(fd);
}

EXPORT int dup(int fd)
{
	int fd2 = shim_real()->dup(fd);

	if (fd2 >= 0)
		shim_copy(fd, fd2);
	return fd2;
}

EXPORT int dup2(int fd, int fd2)
{
	int rc = shim_real()->dup2(fd, fd2);

	if (rc >= 0)
		shim_copy(fd, fd2);
	return rc;
}

EXPORT int dup3(int fd, int fd2, int flags)
{
	int rc = shim_real()->dup3(fd, fd2, flags);

	if (rc >= 0)
		shim_copy(fd, fd2);
	return rc;
}

EXPORT int fcntl(int fd, int cmd, ...)
{
	unsigned long arg;
	va_list ap;
	int rc;

	/* the third argument is an int or a pointer: pass its bits on */
	va_start(ap, cmd);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	rc = shim_real()->fcntl(fd, cmd, arg);
	if (rc >= 0 && (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC))
		shim_copy(fd, rc);
	return rc;
}

EXPORT int close_range(unsigned int first, unsigned int last, int flags)
{
	int rc = shim_real()->close_range(first, last, flags);

	/* CLOEXEC only marks the fds: they stay open until an exec */
	if (!rc && !(flags & CLOSE_RANGE_CLOEXEC))
		shim_forget_range(first, last);
	return rc;
}
