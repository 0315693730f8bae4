// SPDX-License-Identifier: BSD-2-Clause
/*
 * The machine's identity (gpd.tee.deviceID): 16 random bytes made on first
 * start and kept in the state dir, so it survives restarts.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/random.h>
#include <unistd.h>

#include "daemon.h"
#include "vtee/paths.h"

int vteed_device_id(const char *state_dir, uint8_t id[16])
{
	char path[512];
	int fd;
	ssize_t n;

	if (vtee_path_join(path, sizeof(path), state_dir, "device_id"))
		return -ENAMETOOLONG;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, id, 16);
		close(fd);
		if (n == 16)
			return 0;
	}
	if (getrandom(id, 16, 0) != 16)
		return -EIO;
	/* write a new file in one step, so a crash leaves the old or none */
	char tmp[520];

	snprintf(tmp, sizeof(tmp), "%s.new", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	n = write(fd, id, 16);
	if (n != 16 || fsync(fd) || close(fd) || rename(tmp, path))
		return -EIO;
	return 0;
}
