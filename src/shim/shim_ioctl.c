// SPDX-License-Identifier: BSD-2-Clause
/*
 * ioctl on a device fd goes to the node; an fd the node hands back (a shm)
 * is watched from then on.
 */
#include <errno.h>
#include <stdarg.h>

#include "shim.h"
#include "vtee/tee_dev.h"
#include "vtee/uapi/tee.h"

#define EXPORT __attribute__((visibility("default")))

/* The shm id of an ioctl that returns a shm fd, from its argument. */
static bool shm_ioctl_id(unsigned long req, const void *arg, int32_t *id)
{
	switch (req) {
	case TEE_IOC_SHM_ALLOC:
		*id = ((const struct tee_ioctl_shm_alloc_data *)arg)->id;
		return true;
	case TEE_IOC_SHM_REGISTER:
		*id = ((const struct tee_ioctl_shm_register_data *)arg)->id;
		return true;
	case TEE_IOC_SHM_REGISTER_FD:
		*id = ((const struct tee_ioctl_shm_register_fd_data *)arg)->id;
		return true;
	default:
		return false;
	}
}

EXPORT int ioctl(int fd, unsigned long req, ...)
{
	struct tee_dev *dev = shim_dev_of(fd);
	va_list ap;
	void *arg;
	int32_t id;
	int rc;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (!dev)
		return shim_real()->ioctl(fd, req, arg);
	rc = tee_dev_ioctl(dev, req, arg);
	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	if (shm_ioctl_id(req, arg, &id))
		shim_track_shm(rc, fd, id);
	return rc;
}
