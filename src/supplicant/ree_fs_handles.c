// SPDX-License-Identifier: BSD-2-Clause
/*
 * The files and directories the REE FS service handed to the secure world,
 * by the number it knows them by.  optee_client closes, reads or writes
 * whatever fd number comes in; here a number is used only if this service
 * opened it, so a request cannot reach the supplicant's device, its shm
 * memfds or anything else it holds.
 *
 * Entries are reference counted like shared memory (shm_table.c): a CLOSE
 * racing a READ drops the number at once, but the fd is closed only when
 * the READ is done, so the number cannot be reused under it.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "ree_fs_private.h"

void fs_handles_init(struct supp_fs_handles *t)
{
	pthread_mutex_init(&t->lock, NULL);
	t->head = NULL;
}

static void handle_release(struct supp_fs_handle *h)
{
	if (h->dir)
		closedir(h->dir);
	else if (h->fd >= 0)
		close(h->fd);
	pthread_mutex_destroy(&h->lock);
	free(h);
}

void fs_handles_fini(struct supp_fs_handles *t)
{
	struct supp_fs_handle *h, *next;

	for (h = t->head; h; h = next) {
		next = h->next;
		handle_release(h);
	}
	t->head = NULL;
	pthread_mutex_destroy(&t->lock);
}

/* The link to id's entry, or NULL; the caller holds t->lock. */
static struct supp_fs_handle **slot_find(struct supp_fs_handles *t,
					 uint64_t id)
{
	struct supp_fs_handle **pp;

	for (pp = &t->head; *pp; pp = &(*pp)->next)
		if ((*pp)->id == id)
			return pp;
	return NULL;
}

static struct supp_fs_handle *handle_new(int fd, DIR *dir)
{
	struct supp_fs_handle *h = calloc(1, sizeof(*h));

	if (!h)
		return NULL;
	h->fd = fd;
	h->dir = dir;
	h->refs = 1;
	pthread_mutex_init(&h->lock, NULL);
	return h;
}

/* Links h in as id unless id is taken; the caller holds t->lock. */
static bool handle_link(struct supp_fs_handles *t, struct supp_fs_handle *h,
			uint64_t id)
{
	if (slot_find(t, id))
		return false;
	h->id = id;
	h->next = t->head;
	t->head = h;
	return true;
}

int fs_handle_add_file(struct supp_fs_handles *t, int fd)
{
	struct supp_fs_handle *h = handle_new(fd, NULL);
	bool linked;

	if (!h)
		return -ENOMEM;
	pthread_mutex_lock(&t->lock);
	linked = handle_link(t, h, (uint64_t)fd);
	pthread_mutex_unlock(&t->lock);
	if (!linked) {
		/* an open fd is unique: only a bug gets here */
		h->fd = -1;
		handle_release(h);
		return -EEXIST;
	}
	return 0;
}

/* Small numbers, as optee_client's handle database gives out: the set of
 * open directories is small, so a linear search is enough. */
int fs_handle_add_dir(struct supp_fs_handles *t, DIR *dir, uint64_t *id)
{
	struct supp_fs_handle *h = handle_new(-1, dir);
	uint64_t n = 0;

	if (!h)
		return -ENOMEM;
	pthread_mutex_lock(&t->lock);
	while (!handle_link(t, h, n))
		n++;
	pthread_mutex_unlock(&t->lock);
	*id = n;
	return 0;
}

struct supp_fs_handle *fs_handle_get(struct supp_fs_handles *t, uint64_t id)
{
	struct supp_fs_handle **pp, *h = NULL;

	pthread_mutex_lock(&t->lock);
	pp = slot_find(t, id);
	if (pp) {
		h = *pp;
		h->refs++;
	}
	pthread_mutex_unlock(&t->lock);
	return h;
}

void fs_handle_put(struct supp_fs_handles *t, struct supp_fs_handle *h)
{
	unsigned int refs;

	pthread_mutex_lock(&t->lock);
	refs = --h->refs;
	pthread_mutex_unlock(&t->lock);
	if (!refs)
		handle_release(h);
}

int fs_handle_remove(struct supp_fs_handles *t, uint64_t id)
{
	struct supp_fs_handle **pp, *h = NULL;

	pthread_mutex_lock(&t->lock);
	pp = slot_find(t, id);
	if (pp) {
		h = *pp;
		*pp = h->next;
	}
	pthread_mutex_unlock(&t->lock);
	if (!h)
		return -ENOENT;
	fs_handle_put(t, h);	/* the table's own reference */
	return 0;
}
