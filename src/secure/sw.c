// SPDX-License-Identifier: BSD-2-Clause
/* Booting and stopping the secure world. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mobj.h"
#include "sw_private.h"
#include "tos/tos.h"

int sw_boot(const struct sw_config *cfg, struct secure_world **out)
{
	struct secure_world *sw = calloc(1, sizeof(*sw));
	struct tos_config tcfg = {
		.ram = cfg->ram,
		.ta_pubkey_path = cfg->ta_pubkey_path,
		.launcher_path = cfg->launcher_path,
		.debug_tas = cfg->debug_tas,
		.n_debug_tas = cfg->n_debug_tas,
	};
	int rc;

	if (!sw)
		return -ENOMEM;
	memcpy(tcfg.device_id, cfg->device_id, 16);
	sw->ram = cfg->ram;
	sw->nthreads = cfg->threads;
	sw->mobjs = mobj_table_create();
	rc = sw->mobjs ? tos_create(&tcfg, &sw->tos) : -ENOMEM;
	if (!rc)
		rc = sw_threads_start(sw);
	if (rc) {
		tos_destroy(sw->tos);
		mobj_table_destroy(sw->mobjs);
		free(sw);
		return rc;
	}
	*out = sw;
	return 0;
}

void sw_shutdown(struct secure_world *sw)
{
	if (!sw)
		return;
	sw_threads_stop(sw);
	tos_destroy(sw->tos);
	mobj_table_destroy(sw->mobjs);
	free(sw);
}

void sw_report_status(struct secure_world *sw, FILE *out)
{
	fprintf(out, "secure_threads total %u busy %u\n", sw->nthreads,
		sw_threads_busy(sw));
	fprintf(out, "registered_shm %zu\n", mobj_count(sw->mobjs));
	tos_report(sw->tos, out);
}
