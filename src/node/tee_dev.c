// SPDX-License-Identifier: BSD-2-Clause
/*
 * A TEE device: a vtee node (a Unix socket) or a kernel /dev/teeN.  The
 * kernel case is plain open/ioctl/close, so everything above this file
 * runs unchanged on an OP-TEE board.
 */
#include "vtee/tee_dev.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "node_private.h"

struct tee_dev {
	int fd;			/* kernel fd, or the node's primary connection */
	struct tee_node *node;	/* NULL for a kernel device */
};

static int tee_dev_open_kernel(const char *path, struct tee_dev *dev)
{
	dev->fd = open(path, O_RDWR | O_CLOEXEC);
	return dev->fd < 0 ? -errno : 0;
}

static int tee_dev_open_node(const char *path, struct tee_dev *dev)
{
	int rc = tee_node_open(path, &dev->node);

	if (!rc)
		dev->fd = dev->node->slot[0].fd;
	return rc;
}

int tee_dev_open(const char *path, struct tee_dev **out)
{
	struct tee_dev *dev;
	struct stat st;
	int rc;

	dev = calloc(1, sizeof(*dev));
	if (!dev)
		return -ENOMEM;
	/* anything not a socket is opened as a kernel device: open(2) may
	 * know it when stat(2) does not (the LD_PRELOAD shim's /dev/tee0) */
	if (!stat(path, &st) && S_ISSOCK(st.st_mode))
		rc = tee_dev_open_node(path, dev);
	else
		rc = tee_dev_open_kernel(path, dev);
	if (rc) {
		free(dev);
		return rc;
	}
	*out = dev;
	return 0;
}

int tee_dev_ioctl(struct tee_dev *dev, unsigned long cmd, void *arg)
{
	int rc;

	if (dev->node)
		return tee_node_ioctl(dev->node, cmd, arg);
	/* A signal may interrupt a wait in the driver (SUPPL_RECV); the
	 * request was not taken yet, so asking again is safe. */
	do {
		rc = ioctl(dev->fd, cmd, arg);
	} while (rc < 0 && errno == EINTR);
	return rc < 0 ? -errno : rc;
}

void tee_dev_shm_release(struct tee_dev *dev, int32_t id)
{
	if (dev->node)
		tee_node_shm_release(dev->node, id);
}

int tee_dev_fd(const struct tee_dev *dev)
{
	return dev->fd;
}

void tee_dev_after_fork(struct tee_dev *dev)
{
	if (dev->node)
		tee_node_after_fork(dev->node);
}

void tee_dev_close(struct tee_dev *dev)
{
	if (dev->node)
		tee_node_close(dev->node);
	else
		close(dev->fd);
	free(dev);
}
