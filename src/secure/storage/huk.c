// SPDX-License-Identifier: BSD-2-Clause
#include "huk.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vtee/paths.h"

static int read_huk(const char *path, uint8_t huk[HUK_SIZE])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	uint8_t extra;
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, huk, HUK_SIZE);
	if (n == HUK_SIZE && read(fd, &extra, 1) == 0) {
		close(fd);
		return 0;
	}
	close(fd);
	return -EINVAL;
}

/* Written to a temporary name and linked in place, so a crash leaves no
 * half key, and two starts racing agree on one key (link fails EEXIST). */
static int make_huk(const char *path, uint8_t huk[HUK_SIZE])
{
	char tmp[600];
	int fd, rc = 0;

	if (getrandom(huk, HUK_SIZE, 0) != HUK_SIZE)
		return -EIO;
	if (snprintf(tmp, sizeof(tmp), "%s.%d", path, (int)getpid()) >=
	    (int)sizeof(tmp))
		return -ENAMETOOLONG;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	if (write(fd, huk, HUK_SIZE) != HUK_SIZE || fsync(fd))
		rc = -EIO;
	close(fd);
	if (!rc && link(tmp, path))
		rc = -errno;
	unlink(tmp);
	if (rc == -EEXIST)
		return read_huk(path, huk);
	return rc;
}

int huk_load(const char *dir, uint8_t huk[HUK_SIZE])
{
	char path[560];
	int rc;

	if (vtee_path_join(path, sizeof(path), dir, "huk"))
		return -ENAMETOOLONG;
	rc = read_huk(path, huk);
	if (rc == -ENOENT)
		rc = make_huk(path, huk);
	if (!rc) {
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	return rc;
}
