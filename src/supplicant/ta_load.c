// SPDX-License-Identifier: BSD-2-Clause
/*
 * OPTEE_RPC_CMD_LOAD_TA: hand the secure world the bytes of <uuid>.ta.
 *
 * The supplicant does not look inside the file: the trusted OS verifies
 * the signature itself, so nothing here needs to be trusted.  The secure
 * world first asks for the size (a NULL memref, or one naming no shm of
 * ours), allocates that much through SHM_ALLOC, and asks again with the
 * real buffer.  The file is opened afresh each time, so a TA replaced in
 * between is seen whole (a too small buffer is then SHORT_BUFFER with the
 * new size).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "supp.h"
#include "vtee/ta_image.h"

int supp_ta_dirs_parse(const char *list, struct supp_ta_dirs *dirs)
{
	char *copy = strdup(list), *save = NULL, *tok;
	char **dir = calloc(strlen(list) / 2 + 1, sizeof(*dir));
	size_t n = 0;

	if (!copy || !dir) {
		free(copy);
		free(dir);
		return -ENOMEM;
	}
	for (tok = strtok_r(copy, ":", &save); tok;
	     tok = strtok_r(NULL, ":", &save))
		dir[n++] = tok;		/* pointers into `copy` */
	if (!n) {
		free(copy);
		free(dir);
		return -EINVAL;
	}
	dirs->buf = copy;
	dirs->dir = dir;
	dirs->count = n;
	return 0;
}

void supp_ta_dirs_free(struct supp_ta_dirs *dirs)
{
	free(dirs->buf);
	free(dirs->dir);
	dirs->buf = NULL;
	dirs->dir = NULL;
	dirs->count = 0;
}

/*
 * Opens `path` if it is a regular file.  Returns the fd, or -errno; a
 * missing file is quiet, anything else is worth a warning because the
 * secure world will only hear "not found".
 */
static int ta_file_open(const char *path, off_t *size)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		if (errno != ENOENT && errno != ENOTDIR)
			supp_log(SUPP_LOG_WARN, "cannot open %s: %s", path,
				 strerror(errno));
		return -ENOENT;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		supp_log(SUPP_LOG_WARN, "%s is not a regular file", path);
		close(fd);
		return -ENOENT;
	}
	*size = st.st_size;
	return fd;
}

/* The first directory holding <uuid>.ta wins.  The fd, or -ENOENT. */
static int ta_file_find(const struct supp_ta_dirs *dirs, const char *uuid,
			off_t *size)
{
	char path[4096];
	size_t i;
	int fd;

	for (i = 0; i < dirs->count; i++) {
		if (snprintf(path, sizeof(path), "%s/%s.ta", dirs->dir[i],
			     uuid) >= (int)sizeof(path))
			continue;
		fd = ta_file_open(path, size);
		if (fd >= 0) {
			supp_log(SUPP_LOG_DEBUG, "TA %s: %s, %lld octets",
				 uuid, path, (long long)*size);
			return fd;
		}
	}
	return -ENOENT;
}

/* Reads exactly `len` octets; a file that shrank meanwhile is an error. */
static int ta_file_read(int fd, uint8_t *buf, size_t len)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = pread(fd, buf + done, len - done, (off_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		done += (size_t)n;
	}
	return 0;
}

/* Fills memref p1 with the file, or says how big a buffer it takes. */
static uint32_t ta_deliver(struct supp *s, int fd, uint64_t size,
			   struct tee_ioctl_param *p1, const char *uuid)
{
	struct supp_memref m;
	int rc = supp_memref_get(&s->shms, p1, &m);

	p1->b = size;
	if (rc == -ENOENT)
		return SUPP_RES_SUCCESS;	/* a size query */
	if (rc)
		return SUPP_RES_BAD_PARAMETERS;
	if (m.size < size) {
		supp_shm_put(&s->shms, m.shm);
		return SUPP_RES_SHORT_BUFFER;
	}
	rc = ta_file_read(fd, m.ptr, (size_t)size);
	supp_shm_put(&s->shms, m.shm);
	if (rc) {
		supp_log(SUPP_LOG_ERROR, "TA %s: read failed: %s", uuid,
			 strerror(-rc));
		return SUPP_RES_GENERIC;
	}
	supp_log(SUPP_LOG_INFO, "loaded TA %s (%llu octets)", uuid,
		 (unsigned long long)size);
	return SUPP_RES_SUCCESS;
}

/* p0 VALUE_INPUT: a, b = the UUID's 16 octets in memory order;
 * p1 MEMREF_OUTPUT: the buffer for the image, or NULL to ask its size. */
uint32_t supp_ta_load(struct supp *s, struct tee_ioctl_param *p, size_t n)
{
	char uuid[TA_IMAGE_UUID_STR_LEN + 1];
	uint8_t octets[TA_IMAGE_UUID_LEN];
	off_t size = 0;
	uint32_t res;
	int fd;

	if (n != 2 || p[0].attr != TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT ||
	    p[1].attr != TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT)
		return SUPP_RES_BAD_PARAMETERS;
	memcpy(octets, &p[0].a, 8);
	memcpy(octets + 8, &p[0].b, 8);
	ta_image_uuid_to_str(octets, uuid);
	fd = ta_file_find(&s->ta_dirs, uuid, &size);
	if (fd < 0) {
		supp_log(SUPP_LOG_INFO, "TA %s: not found", uuid);
		return SUPP_RES_ITEM_NOT_FOUND;
	}
	res = ta_deliver(s, fd, (uint64_t)size, &p[1], uuid);
	close(fd);
	return res;
}
