// SPDX-License-Identifier: BSD-2-Clause
/* The next definitions of the functions the shim interposes. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "shim.h"

static struct shim_real real;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void *next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (!f) {
		/* without the real function nothing can be done safely */
		fprintf(stderr, "libvtee-preload: no %s in libc\n", name);
		abort();
	}
	return f;
}

static void resolve(void)
{
	real.open = next("open");
	real.openat = next("openat");
	real.close = next("close");
	real.ioctl = next("ioctl");
	real.dup = next("dup");
	real.dup2 = next("dup2");
	real.dup3 = next("dup3");
	real.fcntl = next("fcntl");
	real.close_range = next("close_range");
	real.mmap = next("mmap");
	real.munmap = next("munmap");
}

const struct shim_real *shim_real(void)
{
	pthread_once(&once, resolve);
	return &real;
}
