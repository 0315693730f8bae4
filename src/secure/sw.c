// SPDX-License-Identifier: BSD-2-Clause
/* Booting and stopping the secure world. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mobj.h"
#include "sw_private.h"
#include "tos/tos.h"
#include "vtee/log.h"

int sw_boot(const struct sw_config *cfg, struct secure_world **out)
{
	struct secure_world *sw = calloc(1, sizeof(*sw));
	struct tos_config tcfg = {
		.ram = cfg->ram,
		.ta_pubkey_path = cfg->ta_pubkey_path,
		.launcher_path = cfg->launcher_path,
		.debug_tas = cfg->debug_tas,
		.n_debug_tas = cfg->n_debug_tas,
		.secure_dir = cfg->secure_dir,
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

/* Calls still running (a client's last close, say) get a moment to end. */
static bool threads_idle(struct secure_world *sw, int timeout_ms)
{
	for (int waited = 0; sw_threads_busy(sw); waited += 10) {
		if (waited >= timeout_ms)
			return false;
		usleep(10 * 1000);
	}
	return true;
}

void sw_shutdown(struct secure_world *sw)
{
	if (!sw)
		return;
	/*
	 * A call still on a secure thread runs on that thread's stack and
	 * uses the trusted OS: neither may go while it does.  Past the grace
	 * period the process is about to exit anyway, and TA processes die
	 * with their launcher.
	 */
	sw_threads_refuse_new(sw);
	if (!threads_idle(sw, 2000)) {
		LOG_WARN("secure world: calls still running at shutdown");
		return;
	}
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
