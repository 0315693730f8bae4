/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A TEE device as a process sees it: either a vtee node (a Unix socket, see
 * node_wire.h) or a real Linux /dev/teeN.  libteec, vtee-supplicant and the
 * LD_PRELOAD shim all reach the REE kernel through this one interface, so
 * the same code runs on vtee and on an OP-TEE board.
 *
 * Thread safety: tee_dev_ioctl() may be called from any number of threads
 * at once on one device (blocking invokes, a cancel while an invoke blocks,
 * several supplicant threads in SUPPL_RECV).
 */
#ifndef VTEE_TEE_DEV_H
#define VTEE_TEE_DEV_H

#include <stdint.h>

struct tee_dev;

/*
 * Opens `path`.  A path naming a Unix socket is a vtee node; anything else
 * is opened with open(O_RDWR) as a kernel device.  Returns 0 or -errno.
 */
int tee_dev_open(const char *path, struct tee_dev **out);

/*
 * Issues one UAPI ioctl.  `arg` points at the ioctl's argument exactly as
 * for ioctl(2).  Returns the ioctl's non-negative result (a new fd for
 * TEE_IOC_SHM_ALLOC and the SHM_REGISTER ioctls) or -errno.
 */
int tee_dev_ioctl(struct tee_dev *dev, unsigned long cmd, void *arg);

/*
 * Drops the reference that shm `id`'s fd held, once the caller has closed
 * that fd and unmapped it (a no-op on a kernel device, where close(2) and
 * munmap(2) already say it).
 */
void tee_dev_shm_release(struct tee_dev *dev, int32_t id);

/* The fd standing for the device: the node connection or the kernel fd. */
int tee_dev_fd(const struct tee_dev *dev);

/* Closes the device: every session and shm of its context goes away. */
void tee_dev_close(struct tee_dev *dev);

/*
 * In the child after fork(): the connections inherited from the parent
 * stay the parent's (two processes must never share one connection); the
 * child drops its copies and attaches connections of its own to the same
 * context when it next calls.  Only for a node; a kernel fd is shared as
 * Linux shares it.  Call it before the child uses the device.
 */
void tee_dev_after_fork(struct tee_dev *dev);

#endif /* VTEE_TEE_DEV_H */
