// SPDX-License-Identifier: BSD-2-Clause
/*
 * The program's TEE fds: device fds (sharing a device per open, as dup'd
 * fds share an open file) and shm fds, plus the mappings of shm fds.
 *
 * A device lives while the program has an fd of it or a shm from it not
 * yet let go; a shm is let go (SHM_RELEASE) once its last fd is closed and
 * its last mapping removed.  The lock is never held while calling into the
 * device: the device's own code makes calls this shim watches.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"
#include "vtee/tee_dev.h"

struct shim_devref {
	struct tee_dev *dev;
	unsigned int refs;	/* fds, and shms not let go */
};

struct shim_shm {
	struct shim_devref *dev;
	int32_t id;
	unsigned int fds;
	unsigned int maps;
};

struct shim_fd {
	struct shim_devref *dev;	/* a device fd */
	struct shim_shm *shm;		/* a shm fd */
};

struct shim_map {
	uintptr_t start, end;
	struct shim_shm *shm;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct shim_fd *fds;
static size_t nfds;
static struct shim_map *maps;
static size_t nmaps, maps_cap;

/* Under the lock: the entry of fd, grown on demand (NULL if out of memory
 * or a negative fd). */
static struct shim_fd *entry(int fd, bool grow)
{
	if (fd < 0)
		return NULL;
	if ((size_t)fd >= nfds) {
		size_t n = nfds ? nfds : 64;
		struct shim_fd *p;

		if (!grow)
			return NULL;
		while (n <= (size_t)fd)
			n *= 2;
		p = realloc(fds, n * sizeof(*p));
		if (!p)
			return NULL;
		memset(p + nfds, 0, (n - nfds) * sizeof(*p));
		fds = p;
		nfds = n;
	}
	return &fds[fd];
}

/* What must happen once the lock is released. */
struct shim_after {
	struct tee_dev *close_dev;
	struct tee_dev *release_dev;
	int32_t release_id;
};

static void devref_put(struct shim_devref *d, struct shim_after *after)
{
	if (--d->refs)
		return;
	after->close_dev = d->dev;
	free(d);
}

static void shm_maybe_release(struct shim_shm *s, struct shim_after *after)
{
	if (s->fds || s->maps)
		return;
	after->release_dev = s->dev->dev;
	after->release_id = s->id;
	/* the release goes out before the device may be closed */
	if (s->dev->refs == 1) {
		after->close_dev = s->dev->dev;
		free(s->dev);
	} else {
		s->dev->refs--;
	}
	free(s);
}

static void run_after(const struct shim_after *after)
{
	if (after->release_dev)
		tee_dev_shm_release(after->release_dev, after->release_id);
	if (after->close_dev)
		tee_dev_close(after->close_dev);
}

/* Under the lock: drop fd's entry. */
static void drop(int fd, struct shim_after *after)
{
	struct shim_fd *e = entry(fd, false);

	if (!e)
		return;
	if (e->dev)
		devref_put(e->dev, after);
	if (e->shm) {
		e->shm->fds--;
		shm_maybe_release(e->shm, after);
	}
	*e = (struct shim_fd){ 0 };
}

struct tee_dev *shim_dev_of(int fd)
{
	struct tee_dev *dev = NULL;
	struct shim_fd *e;

	pthread_mutex_lock(&lock);
	e = entry(fd, false);
	if (e && e->dev)
		dev = e->dev->dev;
	pthread_mutex_unlock(&lock);
	return dev;
}

void shim_track_dev(int fd, struct tee_dev *dev)
{
	struct shim_devref *d = calloc(1, sizeof(*d));
	struct shim_after after = { 0 };
	struct shim_fd *e;

	pthread_mutex_lock(&lock);
	drop(fd, &after);
	e = entry(fd, true);
	if (d && e) {
		d->dev = dev;
		d->refs = 1;
		e->dev = d;
	}
	pthread_mutex_unlock(&lock);
	run_after(&after);
}

void shim_track_shm(int fd, int devfd, int32_t id)
{
	struct shim_shm *s = calloc(1, sizeof(*s));
	struct shim_after after = { 0 };
	struct shim_fd *e, *de;

	pthread_mutex_lock(&lock);
	drop(fd, &after);	/* a record left by an fd closed behind our back */
	de = entry(devfd, false);
	e = entry(fd, true);
	if (s && e && de && de->dev) {
		s->dev = de->dev;
		s->dev->refs++;
		s->id = id;
		s->fds = 1;
		e->shm = s;
		s = NULL;
	}
	pthread_mutex_unlock(&lock);
	run_after(&after);
	free(s);
}

void shim_copy(int fd, int fd2)
{
	struct shim_after after = { 0 };
	struct shim_fd *e, *e2;

	if (fd == fd2)
		return;
	pthread_mutex_lock(&lock);
	drop(fd2, &after);
	e = entry(fd, false);
	if (e && (e->dev || e->shm) && (e2 = entry(fd2, true))) {
		e = &fds[fd];	/* the table may have moved */
		*e2 = *e;
		if (e2->dev)
			e2->dev->refs++;
		if (e2->shm)
			e2->shm->fds++;
	}
	pthread_mutex_unlock(&lock);
	run_after(&after);
}

void shim_forget(int fd)
{
	struct shim_after after = { 0 };

	pthread_mutex_lock(&lock);
	drop(fd, &after);
	pthread_mutex_unlock(&lock);
	run_after(&after);
}

void shim_forget_range(unsigned int first, unsigned int last)
{
	for (size_t fd = first; fd <= last && fd < nfds; fd++)
		shim_forget((int)fd);
}

void shim_mapped(int fd, void *addr, size_t len)
{
	struct shim_fd *e;

	pthread_mutex_lock(&lock);
	e = entry(fd, false);
	if (e && e->shm && (nmaps < maps_cap || maps_cap < 1u << 20)) {
		if (nmaps == maps_cap) {
			size_t cap = maps_cap ? maps_cap * 2 : 16;
			struct shim_map *m = realloc(maps, cap * sizeof(*m));

			if (!m)
				goto out;
			maps = m;
			maps_cap = cap;
		}
		maps[nmaps++] = (struct shim_map){
			(uintptr_t)addr, (uintptr_t)addr + len, e->shm };
		e->shm->maps++;
	}
out:
	pthread_mutex_unlock(&lock);
}

/* Any overlap ends a mapping's claim: clients unmap shm whole. */
void shim_unmapped(void *addr, size_t len)
{
	uintptr_t start = (uintptr_t)addr, end = start + len;

	for (;;) {
		struct shim_after after = { 0 };
		bool found = false;

		pthread_mutex_lock(&lock);
		for (size_t i = 0; i < nmaps && !found; i++) {
			struct shim_shm *s = maps[i].shm;

			if (maps[i].end <= start || maps[i].start >= end)
				continue;
			maps[i] = maps[--nmaps];
			s->maps--;
			shm_maybe_release(s, &after);
			found = true;
		}
		pthread_mutex_unlock(&lock);
		run_after(&after);
		if (!found)
			return;
	}
}

void shim_table_lock(void)
{
	pthread_mutex_lock(&lock);
}

void shim_table_unlock(void)
{
	pthread_mutex_unlock(&lock);
}

/*
 * In the child, which holds the lock the fork handler took and is the
 * only thread.  The lock is renewed first: dropping the parent's
 * connections closes fds, and close() comes back through this shim.
 */
void shim_table_after_fork(void)
{
	pthread_mutex_init(&lock, NULL);
	for (size_t fd = 0; fd < nfds; fd++)
		if (fds[fd].dev)
			tee_dev_after_fork(fds[fd].dev->dev);
}
