/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The ioctl front end: what a device node calls for each message.  User
 * memory is whatever the caller sent along (struct tee_uwin): reading or
 * writing outside it is -EFAULT, exactly where Linux would fault.
 */
#ifndef VTEE_KERNEL_TEE_IOCTL_H
#define VTEE_KERNEL_TEE_IOCTL_H

#include <stddef.h>
#include <stdint.h>

struct tee_context;

/* A window of the calling process's memory. */
struct tee_uwin {
	uint64_t addr;
	uint8_t *bytes;
	size_t len;
};

int tee_copy_from_user(void *dst, const struct tee_uwin *uw, uint64_t uaddr,
		       size_t len);
int tee_copy_to_user(const struct tee_uwin *uw, uint64_t uaddr,
		     const void *src, size_t len);

/*
 * Runs ioctl `cmd` with its fixed argument `arg` (_IOC_SIZE(cmd) bytes,
 * updated in place).  Returns the ioctl's result or -errno.  For
 * TEE_IOC_SHM_ALLOC the result is 0 and *out_fd is the memfd to hand to the
 * caller as its new fd (owned by the shm; the node dups it when sending).
 */
long tee_ioctl(struct tee_context *ctx, unsigned int cmd, void *arg,
	       const struct tee_uwin *uw, int *out_fd);

#endif /* VTEE_KERNEL_TEE_IOCTL_H */
