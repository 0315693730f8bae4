// SPDX-License-Identifier: BSD-2-Clause
/* Whole-file reads and atomic whole-file writes for the subcommands. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vtee_cmd.h"

/* Far above any TA; keeps a mistaken argument (a disk image, /dev/zero)
 * from filling memory. */
#define FILE_MAX	(1u << 30)

static int read_all(int fd, uint8_t *buf, size_t len)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = read(fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return -EIO;	/* the file shrank under us */
		done += (size_t)n;
	}
	return 0;
}

static int read_fd(int fd, uint8_t **buf, size_t *len)
{
	struct stat st;
	uint8_t *p;
	int rc;

	if (fstat(fd, &st))
		return -errno;
	if (!S_ISREG(st.st_mode))
		return -EINVAL;
	if ((uint64_t)st.st_size > FILE_MAX)
		return -EFBIG;
	/* malloc(0) may return NULL; an empty file still gets a buffer */
	p = malloc(st.st_size ? (size_t)st.st_size : 1);
	if (!p)
		return -ENOMEM;
	rc = read_all(fd, p, (size_t)st.st_size);
	if (rc) {
		free(p);
		return rc;
	}
	*buf = p;
	*len = (size_t)st.st_size;
	return 0;
}

int vtee_file_read(const char *path, uint8_t **buf, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -errno;
	rc = read_fd(fd, buf, len);
	close(fd);
	return rc;
}

static int write_all(int fd, const uint8_t *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static int tmp_fill(int fd, const void *buf, size_t len, mode_t mode)
{
	int rc = fchmod(fd, mode) ? -errno : 0;

	if (!rc)
		rc = write_all(fd, buf, len);
	if (close(fd) && !rc)
		rc = -errno;
	return rc;
}

int vtee_file_write(const char *path, const void *buf, size_t len,
		    mode_t mode)
{
	char *tmp;
	int fd, rc;

	if (asprintf(&tmp, "%s.XXXXXX", path) < 0)
		return -ENOMEM;
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		rc = -errno;
		free(tmp);
		return rc;
	}
	rc = tmp_fill(fd, buf, len, mode);
	if (!rc && rename(tmp, path))
		rc = -errno;
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}
