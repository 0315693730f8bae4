// SPDX-License-Identifier: BSD-2-Clause
/*
 * The shared memory the supplicant owns, by id.  The kernel hands memrefs
 * as (id, offset, size) in the supplicant's own context; they are resolved
 * here and nowhere else, so a memref can only ever reach memory this
 * process allocated through SHM_ALLOC, and only inside its bounds.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "supp.h"

void supp_shm_table_init(struct supp_shm_table *t,
			 void (*release)(struct supp_shm *, void *),
			 void *release_ctx)
{
	pthread_mutex_init(&t->lock, NULL);
	t->head = NULL;
	t->release = release;
	t->release_ctx = release_ctx;
}

/*
 * The link to id's entry, or NULL; the caller holds t->lock.  Ids are
 * non-negative int32 (supp_shm_add() refuses others), so a memref's
 * TEE_MEMREF_NULL, or any u64 beyond, matches nothing.
 */
static struct supp_shm **slot_find(struct supp_shm_table *t, uint64_t id)
{
	struct supp_shm **pp;

	if (id > INT32_MAX)
		return NULL;
	for (pp = &t->head; *pp; pp = &(*pp)->next)
		if ((uint64_t)(*pp)->id == id)
			return pp;
	return NULL;
}

int supp_shm_add(struct supp_shm_table *t, int32_t id, int fd, void *addr,
		 size_t size)
{
	struct supp_shm *shm;
	int rc = 0;

	if (id < 0)
		return -EINVAL;
	shm = malloc(sizeof(*shm));
	if (!shm)
		return -ENOMEM;
	*shm = (struct supp_shm){ .id = id, .fd = fd, .addr = addr,
				  .size = size, .refs = 1 };
	pthread_mutex_lock(&t->lock);
	if (slot_find(t, (uint64_t)id)) {
		rc = -EEXIST;
	} else {
		shm->next = t->head;
		t->head = shm;
	}
	pthread_mutex_unlock(&t->lock);
	if (rc)
		free(shm);
	return rc;
}

struct supp_shm *supp_shm_get(struct supp_shm_table *t, uint64_t id)
{
	struct supp_shm **pp, *shm = NULL;

	pthread_mutex_lock(&t->lock);
	pp = slot_find(t, id);
	if (pp) {
		shm = *pp;
		shm->refs++;
	}
	pthread_mutex_unlock(&t->lock);
	return shm;
}

void supp_shm_put(struct supp_shm_table *t, struct supp_shm *shm)
{
	unsigned int refs;

	pthread_mutex_lock(&t->lock);
	refs = --shm->refs;
	pthread_mutex_unlock(&t->lock);
	if (refs)
		return;
	t->release(shm, t->release_ctx);
	free(shm);
}

int supp_shm_remove(struct supp_shm_table *t, uint64_t id)
{
	struct supp_shm **pp, *shm = NULL;

	pthread_mutex_lock(&t->lock);
	pp = slot_find(t, id);
	if (pp) {
		shm = *pp;
		*pp = shm->next;
	}
	pthread_mutex_unlock(&t->lock);
	if (!shm)
		return -ENOENT;
	supp_shm_put(t, shm);	/* the table's own reference */
	return 0;
}

int supp_memref_get(struct supp_shm_table *t, const struct tee_ioctl_param *p,
		    struct supp_memref *m)
{
	struct supp_shm *shm;

	shm = supp_shm_get(t, p->c);
	if (!shm)
		return -ENOENT;
	/* written so that no sum can wrap */
	if (p->a > shm->size || p->b > shm->size - p->a) {
		supp_shm_put(t, shm);
		return -ERANGE;
	}
	m->shm = shm;
	m->ptr = (uint8_t *)shm->addr + p->a;
	m->size = (size_t)p->b;
	return 0;
}
