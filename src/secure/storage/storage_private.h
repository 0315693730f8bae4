/* SPDX-License-Identifier: BSD-2-Clause */
/* What storage.c and storage_stream.c share. */
#ifndef VTEE_SECURE_STORAGE_PRIVATE_H
#define VTEE_SECURE_STORAGE_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>

#include "storage.h"
#include "volume.h"
#include "vtee/list.h"

/* A volume in use: loaded once, then kept. */
struct svol {
	struct list_node node;		/* storage->vols */
	uint8_t uuid[16];
	uint32_t storage_id;		/* normalised: REE or RPMB */
	struct volume v;
	bool busy;			/* one call at a time does I/O on it */
	struct list_node objs;		/* open objects (struct pobj) */
};

/* An object open through one or more handles, with its content. */
struct pobj {
	struct list_node node;		/* svol->objs */
	struct svol *vol;
	uint8_t id[SFMT_ID_MAX];
	size_t id_len;
	unsigned int handles;
	struct volume_obj content;
	/* being created: invisible until total bytes of data arrived */
	bool pending;
	uint64_t pending_total;
};

struct phandle {
	struct list_node node;		/* storage->handles */
	uint32_t id;
	const void *owner;
	struct pobj *obj;
	uint32_t flags;			/* GP TEE_DATA_FLAG_* */
	/* the chunks of a write that spans several calls, so far */
	uint8_t *stage;
	size_t stage_len;
	size_t stage_cap;
	uint64_t stage_pos;
};

struct storage {
	char *dir;			/* NULL: not available */
	uint8_t huk[HUK_SIZE];
	struct fstore *rpmb;		/* TEE_STORAGE_PRIVATE_RPMB's files */
	/* everything below, and svol.busy, pobj lists and counts */
	pthread_mutex_t lock;
	pthread_cond_t idle;		/* a volume stopped being busy */
	struct list_node vols;
	struct list_node handles;
	uint32_t next_handle;
};

/*
 * The caller's handle with its volume claimed (busy), or an error:
 * BAD_PARAMETERS for a handle that is not the caller's.
 */
uint32_t storage_claim_handle(const struct storage_caller *c,
			      uint32_t handle, struct phandle **out);
void storage_release_vol(struct storage *s, struct svol *vol);

#endif /* VTEE_SECURE_STORAGE_PRIVATE_H */
