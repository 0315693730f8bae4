// SPDX-License-Identifier: BSD-2-Clause
#include "secure_nv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* A record is the value and its complement: 16 bytes, one sector, so a
 * write is whole or not at all, and damage shows. */
struct nv_record {
	uint64_t value;
	uint64_t check;
};

static int nv_path(char *buf, size_t len, const char *dir, const char *name)
{
	return snprintf(buf, len, "%s/nv/%s", dir, name) >= (int)len ?
		       -ENAMETOOLONG : 0;
}

int secure_nv_read(const char *dir, const char *name, uint64_t *value)
{
	struct nv_record r;
	char path[600];
	ssize_t n;
	int fd, rc = nv_path(path, sizeof(path), dir, name);

	if (rc)
		return rc;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		*value = 0;
		return errno == ENOENT ? 0 : -errno;
	}
	n = pread(fd, &r, sizeof(r), 0);
	close(fd);
	if (n != sizeof(r) || r.check != ~r.value)
		return -EBADMSG;
	*value = r.value;
	return 0;
}

static int sync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -errno;
	rc = fsync(fd) ? -errno : 0;
	close(fd);
	return rc;
}

int secure_nv_write(const char *dir, const char *name, uint64_t value)
{
	struct nv_record r = { value, ~value };
	char path[600], nv_dir[600];
	bool created = false, made_dir = false;
	int fd, rc = nv_path(path, sizeof(path), dir, name);

	if (rc)
		return rc;
	fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0 && errno == ENOENT) {
		/* the first write of a volume: nv/ may not exist yet either,
		 * and nothing else on this hot path needs it made */
		snprintf(nv_dir, sizeof(nv_dir), "%s/nv", dir);
		if (!mkdir(nv_dir, 0700))
			made_dir = true;
		else if (errno != EEXIST)
			return -errno;
		fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
			  0600);
		created = true;
	}
	if (fd < 0)
		return -errno;
	if (pwrite(fd, &r, sizeof(r), 0) != sizeof(r) || fdatasync(fd))
		rc = -EIO;
	close(fd);
	if (!rc && created)
		rc = sync_dir(nv_dir);
	if (!rc && made_dir)
		rc = sync_dir(dir);
	return rc;
}
