// SPDX-License-Identifier: BSD-2-Clause
/*
 * The storage floors: what durable writes and plain reads of the same
 * bytes cost the file system that holds vteed's state dir, with nothing
 * of vtee in between (storage_floor.h).
 */
#include "storage_floor.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

int floor_dir_make(const char *state_dir, char *dir, size_t len)
{
	if (snprintf(dir, len, "%s/bench-floor.XXXXXX", state_dir) >=
	    (int)len)
		return -ENAMETOOLONG;
	return mkdtemp(dir) ? 0 : -errno;
}

void floor_dir_remove(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			unlinkat(dirfd(d), e->d_name, 0);
	if (d)
		closedir(d);
	rmdir(dir);
}

static int file_name(const char *dir, unsigned int i, char *buf, size_t len)
{
	return snprintf(buf, len, "%s/f%08x", dir, i) >= (int)len ?
		       -ENAMETOOLONG : 0;
}

static int write_all(int fd, const void *data, size_t size, off_t off)
{
	const char *p = data;

	while (size) {
		ssize_t n = pwrite(fd, p, size, off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		p += n;
		size -= (size_t)n;
		off += n;
	}
	return 0;
}

/* A file of size bytes of data, synced; 0 or -errno. */
static int put_file(const char *path, const void *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int rc;

	if (fd < 0)
		return -errno;
	rc = write_all(fd, data, size, 0);
	if (!rc && fsync(fd))
		rc = -errno;
	if (close(fd) && !rc)
		rc = -errno;
	return rc;
}

int floor_create(const char *dir, unsigned int count, const void *data,
		 size_t size, double *us)
{
	char path[4096];
	double t0 = bench_now_us();
	int rc = 0;

	for (unsigned int i = 0; i < count && !rc; i++) {
		rc = file_name(dir, i, path, sizeof(path));
		if (!rc)
			rc = put_file(path, data, size);
	}
	*us = bench_now_us() - t0;
	for (unsigned int i = 0; i < count; i++)
		if (!file_name(dir, i, path, sizeof(path)))
			unlink(path);
	return rc;
}

int floor_read(const char *dir, unsigned int count, size_t size,
	       double *us)
{
	char path[4096];
	char *buf = calloc(1, size ? size : 1);
	double t0;
	int rc = buf ? file_name(dir, 0, path, sizeof(path)) : -ENOMEM;

	if (!rc)
		rc = put_file(path, buf, size);
	t0 = bench_now_us();
	for (unsigned int i = 0; i < count && !rc; i++) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		size_t got = 0;
		ssize_t n = 1;

		if (fd < 0) {
			rc = -errno;
			break;
		}
		while (got < size &&
		       (n = pread(fd, buf + got, size - got, (off_t)got)) > 0)
			got += (size_t)n;
		if (n < 0)
			rc = -errno;
		else if (got != size)
			rc = -EIO;
		close(fd);
	}
	*us = bench_now_us() - t0;
	unlink(path);
	free(buf);
	return rc;
}

int floor_append(const char *dir, unsigned int count, size_t size,
		 double *us)
{
	static const char bytes[256];
	char path[4096];
	double t0;
	int fd, rc = size > sizeof(bytes) ? -EINVAL :
		     file_name(dir, 0, path, sizeof(path));

	if (rc)
		return rc;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	t0 = bench_now_us();
	for (unsigned int i = 0; i < count && !rc; i++) {
		rc = write_all(fd, bytes, size, (off_t)i * (off_t)size);
		if (!rc && fsync(fd))
			rc = -errno;
	}
	*us = bench_now_us() - t0;
	close(fd);
	unlink(path);
	return rc;
}
