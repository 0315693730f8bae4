// SPDX-License-Identifier: BSD-2-Clause
/*
 * REE FS files: OPEN, CREATE, CLOSE, READ, WRITE, TRUNCATE.
 *
 * Files are opened O_SYNC, as optee_client opens them: a WRITE answered
 * SUCCESS is on the disk, which is what the secure world's crash safety
 * is built on.  The fd handed out is the supplicant's own fd number (as in
 * optee_client), used afterwards only if this service opened it.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "ree_fs_private.h"

/* OPEN, CREATE: p1 MEMREF_INPUT name, p2 VALUE_OUTPUT; the name split
 * into its directory and its last component, which must not be empty. */
static uint32_t name_params(struct fs_req *r, char name[FS_NAME_BUF],
			    char dir[FS_NAME_BUF], const char **leaf)
{
	uint32_t res;

	if (!fs_params_are(r, 3, TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT,
			   TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT))
		return SUPP_RES_BAD_PARAMETERS;
	res = fs_name_get(r, &r->p[1], name);
	if (res)
		return res;
	*leaf = fs_path_split(name, dir);
	return **leaf ? SUPP_RES_SUCCESS : SUPP_RES_BAD_PARAMETERS;
}

/* Gives fd to the secure world (p2.a), or closes it. */
static uint32_t hand_out(struct fs_req *r, int fd)
{
	if (fs_handle_add_file(&r->fs->files, fd)) {
		close(fd);
		return SUPP_RES_OUT_OF_MEMORY;
	}
	r->p[2].a = (uint64_t)fd;
	return SUPP_RES_SUCCESS;
}

/* Any failure is ITEM_NOT_FOUND, as optee_client answers. */
uint32_t fs_open(struct fs_req *r)
{
	char name[FS_NAME_BUF], dirpath[FS_NAME_BUF];
	const char *leaf;
	uint32_t res = name_params(r, name, dirpath, &leaf);
	int dir, fd;

	if (res)
		return res;
	dir = fs_dir_open(r->root, dirpath);
	if (dir < 0)
		return SUPP_RES_ITEM_NOT_FOUND;
	fd = fs_file_open(dir, leaf, O_RDWR);
	/* on a read-only file system the file can still be read */
	if (fd < 0 && fd != -ENOENT)
		fd = fs_file_open(dir, leaf, O_RDONLY);
	close(dir);
	return fd < 0 ? SUPP_RES_ITEM_NOT_FOUND : hand_out(r, fd);
}

/* Truncates or creates (0600), making up to two missing directories
 * above it; the new directory entries are synced. */
uint32_t fs_create(struct fs_req *r)
{
	char name[FS_NAME_BUF], dirpath[FS_NAME_BUF];
	const char *leaf;
	uint32_t res = name_params(r, name, dirpath, &leaf);
	unsigned int made;
	int dir, fd, err;

	if (res)
		return res;
	err = fs_fault_errno(r);
	if (err)
		return fs_errno_res(err);
	dir = fs_dir_make(r->root, dirpath, 2, &made);
	if (dir < 0)
		return fs_errno_res(-dir);
	fd = fs_file_open(dir, leaf, O_RDWR | O_CREAT | O_TRUNC);
	if (fd >= 0)
		fsync(dir);
	close(dir);
	if (fd < 0) {
		fs_dir_prune(r->root, dirpath, made);
		return fs_errno_res(-fd);
	}
	return hand_out(r, fd);
}

/* p0.b = fd; an fd this service did not open is BAD_PARAMETERS. */
uint32_t fs_close(struct fs_req *r)
{
	if (!fs_params_are(r, 1, 0, 0) ||
	    fs_handle_remove(&r->fs->files, r->p[0].b))
		return SUPP_RES_BAD_PARAMETERS;
	return SUPP_RES_SUCCESS;
}

/* READ and WRITE: p0.b = fd, p0.c = offset; p1 the data. */
struct fs_io {
	struct supp_fs_handle *file;
	struct supp_memref data;
	uint64_t off;
};

static uint32_t io_begin(struct fs_req *r, uint64_t data_attr,
			 struct fs_io *io)
{
	if (!fs_params_are(r, 2, data_attr, 0) ||
	    supp_memref_get(&r->s->shms, &r->p[1], &io->data))
		return SUPP_RES_BAD_PARAMETERS;
	io->file = fs_handle_get(&r->fs->files, r->p[0].b);
	if (!io->file) {
		supp_shm_put(&r->s->shms, io->data.shm);
		return SUPP_RES_BAD_PARAMETERS;
	}
	io->off = r->p[0].c;
	return SUPP_RES_SUCCESS;
}

static void io_end(struct fs_req *r, struct fs_io *io)
{
	supp_shm_put(&r->s->shms, io->data.shm);
	fs_handle_put(&r->fs->files, io->file);
}

/* off + len must be an off_t; pread() would say EINVAL otherwise. */
static bool range_ok(uint64_t off, uint64_t len)
{
	return off <= INT64_MAX && len <= INT64_MAX - off;
}

/* Reads until len bytes or the end of the file.  0 or an errno. */
static int pread_all(int fd, uint8_t *buf, size_t len, uint64_t off,
		     size_t *done)
{
	ssize_t n;

	*done = 0;
	if (!range_ok(off, len))
		return EINVAL;
	while (*done < len) {
		n = pread(fd, buf + *done, len - *done, (off_t)(off + *done));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		if (!n)
			break;
		*done += (size_t)n;
	}
	return 0;
}

static int pwrite_all(int fd, const uint8_t *buf, size_t len, uint64_t off)
{
	size_t done = 0;
	ssize_t n;

	if (!range_ok(off, len))
		return EINVAL;
	while (done < len) {
		n = pwrite(fd, buf + done, len - done, (off_t)(off + done));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		done += (size_t)n;
	}
	return 0;
}

/* p1.b = the bytes read: fewer than asked only at the end of the file. */
uint32_t fs_read(struct fs_req *r)
{
	struct fs_io io;
	uint32_t res = io_begin(r, TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT,
				&io);
	size_t done;
	int err;

	if (res)
		return res;
	err = pread_all(io.file->fd, io.data.ptr, io.data.size, io.off, &done);
	io_end(r, &io);
	if (err)
		return fs_errno_res(err);
	r->p[1].b = done;
	return SUPP_RES_SUCCESS;
}

/*
 * The "torn" knob: the first half of the bytes (at least one) reach the
 * disk, then the process dies, as a power cut in the middle of the write
 * could leave the file.  Returns (EIO) only in unit tests.
 */
static int write_torn(const struct fs_req *r, const struct fs_io *io)
{
	size_t half = io->data.size / 2 ? io->data.size / 2 : io->data.size;

	if (!pwrite_all(io->file->fd, io->data.ptr, half, io->off))
		fsync(io->file->fd);
	fs_die(r);
	return EIO;
}

uint32_t fs_write(struct fs_req *r)
{
	struct fs_io io;
	uint32_t res = io_begin(r, TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT,
				&io);
	bool torn = fs_fault_torn(r);
	int err;

	if (res) {
		if (torn)	/* nothing to tear: the knob still kills */
			fs_die(r);
		return res;
	}
	if (torn) {
		err = write_torn(r, &io);
	} else {
		err = fs_fault_errno(r);
		if (!err)
			err = pwrite_all(io.file->fd, io.data.ptr,
					 io.data.size, io.off);
	}
	io_end(r, &io);
	return err ? fs_errno_res(err) : SUPP_RES_SUCCESS;
}

/* p0.b = fd, p0.c = the new length. */
uint32_t fs_truncate(struct fs_req *r)
{
	struct supp_fs_handle *file;
	int err;

	if (!fs_params_are(r, 1, 0, 0))
		return SUPP_RES_BAD_PARAMETERS;
	file = fs_handle_get(&r->fs->files, r->p[0].b);
	if (!file)
		return SUPP_RES_BAD_PARAMETERS;
	err = fs_fault_errno(r);
	if (!err && !range_ok(r->p[0].c, 0))
		err = EINVAL;
	while (!err && ftruncate(file->fd, (off_t)r->p[0].c))
		if (errno != EINTR)
			err = errno;
	fs_handle_put(&r->fs->files, file);
	return err ? fs_errno_res(err) : SUPP_RES_SUCCESS;
}
