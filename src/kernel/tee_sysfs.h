/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef VTEE_KERNEL_TEE_SYSFS_H
#define VTEE_KERNEL_TEE_SYSFS_H

struct tee_device;

/* Writes <runtime_dir>/class/tee/<dev>/{implementation_id,revision,...}. */
int tee_sysfs_publish(struct tee_device *teedev, const char *runtime_dir,
		      const char *rpmb_routing_model);

#endif /* VTEE_KERNEL_TEE_SYSFS_H */
