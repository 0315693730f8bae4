/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The secure world as the machine sees it: boot it, then reach it only
 * through sw_smc().  Nothing in the normal world touches its state; it
 * reads non-secure RAM by physical address like the hardware's secure
 * world does.
 */
#ifndef VTEE_SECURE_WORLD_H
#define VTEE_SECURE_WORLD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "vtee/optee_smc.h"

struct ns_ram;
struct secure_world;

struct sw_config {
	unsigned int threads;		/* secure threads (--threads) */
	struct ns_ram *ram;		/* the machine's non-secure RAM */
	const char *ta_pubkey_path;	/* PEM public key TAs are signed with */
	const char *launcher_path;	/* vtee-ta-host */
	const uint8_t *device_id;	/* 16 bytes: gpd.tee.deviceID */
	/* the secure world's own directory: hardware unique key, secure NV
	 * counters (NULL: no trusted storage) */
	const char *secure_dir;
	/* TA UUIDs (canonical strings) to start stopped for a debugger */
	const char *const *debug_tas;
	size_t n_debug_tas;
};

int sw_boot(const struct sw_config *cfg, struct secure_world **out);
void sw_shutdown(struct secure_world *sw);

/* The conduit target: one SMC, registers in and out. */
void sw_smc(void *sw, struct smc_regs *regs);

/* A human-readable and line-oriented report of threads, TAs, sessions. */
void sw_report_status(struct secure_world *sw, FILE *out);

#endif /* VTEE_SECURE_WORLD_H */
