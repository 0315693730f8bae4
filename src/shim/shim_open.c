// SPDX-License-Identifier: BSD-2-Clause
/*
 * Every way a program opens a path: open, open64, openat, openat64, and
 * the _FORTIFY_SOURCE variants.  TEE device paths go to the nodes;
 * everything else goes on to libc untouched.
 */
#include <fcntl.h>
#include <stdarg.h>

#include "shim.h"

#define EXPORT __attribute__((visibility("default")))

static mode_t mode_arg(int flags, va_list ap)
{
	/* only these flags carry a mode */
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ?
	       (mode_t)va_arg(ap, int) : 0;
}

static int open_path(int dirfd, const char *path, int flags, mode_t mode)
{
	if (shim_is_tee_path(path))
		return shim_open_tee(path, flags);
	return shim_real()->openat(dirfd, path, flags, mode);
}

EXPORT int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return open_path(AT_FDCWD, path, flags, mode);
}

EXPORT int open64(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return open_path(AT_FDCWD, path, flags | O_LARGEFILE, mode);
}

EXPORT int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return open_path(dirfd, path, flags, mode);
}

EXPORT int openat64(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return open_path(dirfd, path, flags | O_LARGEFILE, mode);
}

/* _FORTIFY_SOURCE's checked opens: no mode (they are used without one) */
EXPORT int __open_2(const char *path, int flags)
{
	return open_path(AT_FDCWD, path, flags, 0);
}

EXPORT int __open64_2(const char *path, int flags)
{
	return open_path(AT_FDCWD, path, flags | O_LARGEFILE, 0);
}

EXPORT int __openat_2(int dirfd, const char *path, int flags)
{
	return open_path(dirfd, path, flags, 0);
}

EXPORT int __openat64_2(int dirfd, const char *path, int flags)
{
	return open_path(dirfd, path, flags | O_LARGEFILE, 0);
}
