/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The storage floors (storage_floor.c): the work of a trusted storage
 * case done on plain files with write and fsync, in a directory of their
 * own on the file system of vteed's state dir.  Each function returns 0
 * with the time taken in *us, or -errno.
 */
#ifndef VTEE_BENCH_STORAGE_FLOOR_H
#define VTEE_BENCH_STORAGE_FLOOR_H

#include <stddef.h>

/* A new empty directory in state_dir, its path in dir (len bytes). */
int floor_dir_make(const char *state_dir, char *dir, size_t len);
/* Removes what the floors left in dir, and dir. */
void floor_dir_remove(const char *dir);

/* count files: each open (created) + write size bytes + fsync + close.
 * Untimed: they are unlinked afterwards. */
int floor_create(const char *dir, unsigned int count, const void *data,
		 size_t size, double *us);
/* One file of size bytes, written and synced first (untimed), then
 * count times: open + pread all of it + close. */
int floor_read(const char *dir, unsigned int count, size_t size,
	       double *us);
/* One file, opened once: count times pwrite size bytes at its end +
 * fsync. */
int floor_append(const char *dir, unsigned int count, size_t size,
		 double *us);

#endif /* VTEE_BENCH_STORAGE_FLOOR_H */
