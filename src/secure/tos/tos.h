/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The trusted OS: TA instances (each its own sandboxed process), sessions,
 * and the services TAs call.  Entered from secure threads only.
 */
#ifndef VTEE_TOS_H
#define VTEE_TOS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "mobj.h"
#include "vtee/ta_channel.h"

struct sw_thread;
struct tos;
struct ns_ram;

struct tos_config {
	struct ns_ram *ram;
	const char *ta_pubkey_path;
	const char *launcher_path;
	uint8_t device_id[16];
	/* the secure world's own files (hardware unique key, NV counters);
	 * NULL: no trusted storage */
	const char *secure_dir;
	const char *const *debug_tas;	/* UUID strings started stopped */
	size_t n_debug_tas;
};

/* A GP parameter as an entry point receives it. */
struct tos_param {
	uint32_t type;		/* TA_PARAM_* */
	uint32_t a, b;		/* values */
	struct sw_mem mem;	/* memrefs */
};

struct tos_params {
	struct tos_param p[4];
};

static inline uint32_t tos_param_types(const struct tos_params *ps)
{
	return ps->p[0].type | ps->p[1].type << 4 | ps->p[2].type << 8 |
	       ps->p[3].type << 12;
}

int tos_create(const struct tos_config *cfg, struct tos **out);
void tos_destroy(struct tos *tos);

uint32_t tos_open_session(struct tos *tos, struct sw_thread *thr,
			  const uint8_t ta_uuid[16],
			  const struct ta_chan_identity *client,
			  struct tos_params *params, uint32_t cancel_id,
			  uint32_t *session, uint32_t *origin);
uint32_t tos_invoke(struct tos *tos, struct sw_thread *thr, uint32_t session,
		    uint32_t cmd, uint32_t cancel_id, struct tos_params *params,
		    uint32_t *origin);
uint32_t tos_close_session(struct tos *tos, struct sw_thread *thr,
			   uint32_t session);
/* Cancels the session's operation cancel_id (0: whatever it runs). */
uint32_t tos_cancel(struct tos *tos, struct sw_thread *thr, uint32_t session,
		    uint32_t cancel_id);

void tos_report(struct tos *tos, FILE *out);

#endif /* VTEE_TOS_H */
