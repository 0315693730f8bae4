// SPDX-License-Identifier: BSD-2-Clause
/* /dev/teeN and /dev/teeprivN, N = 0..15, become vtee nodes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include "shim.h"
#include "vtee/paths.h"
#include "vtee/tee_dev.h"

/* The node name of a device path ("tee0", "teepriv1"), or NULL. */
static const char *node_name(const char *path)
{
	const char *name, *n;

	if (!path || strncmp(path, "/dev/tee", 8))
		return NULL;
	name = path + 5;
	n = path + 8;
	if (!strncmp(n, "priv", 4))
		n += 4;
	/* 0..15: as many minors as Linux gives each kind */
	if (n[0] >= '0' && n[0] <= '9' && !n[1])
		return name;
	if (n[0] == '1' && n[1] >= '0' && n[1] <= '5' && !n[2])
		return name;
	return NULL;
}

bool shim_is_tee_path(const char *path)
{
	return node_name(path);
}

int shim_open_tee(const char *path, int flags)
{
	char dir[256], node[300];
	struct tee_dev *dev;
	int rc, fd;

	if (vtee_default_runtime_dir(dir, sizeof(dir)) ||
	    snprintf(node, sizeof(node), "%s/%s", dir, node_name(path)) >=
		    (int)sizeof(node)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	rc = tee_dev_open(node, &dev);
	if (rc) {
		errno = -rc;
		return -1;
	}
	/* the program's own fd, so its last close ends the context */
	fd = shim_real()->fcntl(tee_dev_fd(dev), (flags & O_CLOEXEC) ?
				F_DUPFD_CLOEXEC : F_DUPFD, 0);
	if (fd < 0) {
		rc = errno;
		tee_dev_close(dev);
		errno = rc;
		return -1;
	}
	shim_track_dev(fd, dev);
	return fd;
}
