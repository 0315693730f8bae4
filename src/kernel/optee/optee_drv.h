/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The OP-TEE driver as the daemon sees it: probe it with a conduit to the
 * secure world, get its two devices (tee0 for clients, teepriv0 for the
 * supplicant).
 */
#ifndef VTEE_OPTEE_DRV_H
#define VTEE_OPTEE_DRV_H

#include <stdio.h>

#include "vtee/optee_smc.h"

struct ns_ram;
struct optee;
struct tee_device;

/*
 * The way into the secure world: a replaceable function, because a
 * hypervisor mediator will sit here and see every call.
 */
struct optee_conduit {
	void (*smc)(void *cookie, struct smc_regs *regs);
	void *cookie;
};

/*
 * Probes the secure world behind `conduit` (UID, revision, thread count,
 * capabilities, OS revision) and registers the two devices.  0 or -errno
 * (-ENODEV: not OP-TEE or an incompatible revision).
 */
int optee_probe(const struct optee_conduit *conduit, struct ns_ram *ram,
		struct optee **out);
void optee_remove(struct optee *optee);
struct tee_device *optee_client_device(struct optee *optee);
struct tee_device *optee_supp_device(struct optee *optee);
/* The driver's state for `vtee status`: the supplicant queue. */
void optee_report(struct optee *optee, FILE *out);

#endif /* VTEE_OPTEE_DRV_H */
