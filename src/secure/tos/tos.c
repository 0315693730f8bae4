// SPDX-License-Identifier: BSD-2-Clause
/* The trusted OS's life: boot (key, launcher, monitor), report, shutdown. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "storage.h"
#include "tos_private.h"
#include "vtee/log.h"
#include "vtee/ta_image.h"

int tos_create(const struct tos_config *cfg, struct tos **out)
{
	struct tos *tos = calloc(1, sizeof(*tos));
	int rc;

	if (!tos)
		return -ENOMEM;
	tos->cfg = *cfg;
	tos->launcher_sock = -1;
	tos->epoll_fd = tos->monitor_stop_fd = -1;
	pthread_mutex_init(&tos->lock, NULL);
	pthread_mutex_init(&tos->load_lock, NULL);
	pthread_mutex_init(&tos->launcher_lock, NULL);
	list_init(&tos->instances);
	list_init(&tos->sessions);
	list_init(&tos->times);
	tos->pubkey = ta_image_load_pubkey(cfg->ta_pubkey_path);
	if (!tos->pubkey) {
		LOG_ERR("cannot use TA signing key %s", cfg->ta_pubkey_path);
		free(tos);
		return -EINVAL;
	}
	rc = storage_new(cfg->secure_dir, &tos->storage);
	if (rc) {
		LOG_ERR("cannot start trusted storage in %s: %s",
			cfg->secure_dir, strerror(-rc));
		EVP_PKEY_free(tos->pubkey);
		free(tos);
		return rc;
	}
	rc = ta_monitor_start(tos);
	if (!rc)
		rc = ta_launcher_start(tos);
	if (rc) {
		LOG_ERR("cannot start the TA launcher %s: %s",
			cfg->launcher_path, strerror(-rc));
		tos_destroy(tos);
		return rc;
	}
	*out = tos;
	return 0;
}

/* At shutdown no secure thread runs: every process just goes. */
void tos_destroy(struct tos *tos)
{
	struct ta_instance *inst, *itmp;
	struct tos_session *sess, *stmp;
	struct ta_time *t, *ttmp;

	if (!tos)
		return;
	/* first the monitor: the deaths below would wake it on freed memory */
	if (tos->epoll_fd >= 0)
		ta_monitor_stop(tos);
	list_for_each_entry_safe(sess, stmp, &tos->sessions, node)
		free(sess);
	list_for_each_entry_safe(inst, itmp, &tos->instances, node) {
		ta_maps_release(tos, inst);
		ta_process_free(inst);
		free(inst);
	}
	list_for_each_entry_safe(t, ttmp, &tos->times, node)
		free(t);
	ta_launcher_stop(tos);
	storage_free(tos->storage);
	EVP_PKEY_free(tos->pubkey);
	free(tos);
}

void tos_report(struct tos *tos, FILE *out)
{
	struct ta_instance *inst;

	pthread_mutex_lock(&tos->lock);
	list_for_each_entry(inst, &tos->instances, node)
		fprintf(out, "ta %s pid %d flags 0x%x sessions %u%s%s\n",
			inst->uuid_str, inst->pid, inst->flags,
			inst->nsessions, inst->dead ? " dead" : "",
			inst->busy ? " busy" : "");
	pthread_mutex_unlock(&tos->lock);
}
