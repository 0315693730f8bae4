// SPDX-License-Identifier: BSD-2-Clause
/*
 * REE FS names and directories: REMOVE, RENAME, OPENDIR, CLOSEDIR,
 * READDIR.  Every changed directory is fsynced, so that a rename or a
 * removal answered SUCCESS survives a crash (optee_client syncs only its
 * data dir, and only after CREATE and RENAME).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ree_fs_private.h"

/* A name split into its directory path and its last component. */
struct fs_name {
	char full[FS_NAME_BUF];
	char dir[FS_NAME_BUF];
	const char *leaf;
};

/* Reads p's name; its last component must not be empty. */
static uint32_t name_take(const struct fs_req *r,
			  const struct tee_ioctl_param *p, struct fs_name *nm)
{
	uint32_t res = fs_name_get(r, p, nm->full);

	if (res)
		return res;
	nm->leaf = fs_path_split(nm->full, nm->dir);
	return *nm->leaf ? SUPP_RES_SUCCESS : SUPP_RES_BAD_PARAMETERS;
}

/* p1 name.  Then the emptied directory and its parent go too, as
 * optee_client removes them. */
uint32_t fs_remove(struct fs_req *r)
{
	struct fs_name nm;
	uint32_t res;
	int dir, err = 0;

	if (!fs_params_are(r, 2, TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT, 0))
		return SUPP_RES_BAD_PARAMETERS;
	res = name_take(r, &r->p[1], &nm);
	if (res)
		return res;
	dir = fs_dir_open(r->root, nm.dir);
	if (dir < 0)
		return fs_errno_res(-dir);
	if (unlinkat(dir, nm.leaf, 0))
		err = errno;
	else
		fsync(dir);
	close(dir);
	if (err)
		return fs_errno_res(err);
	fs_dir_prune(r->root, nm.dir, 2);
	return SUPP_RES_SUCCESS;
}

/*
 * p0.b = overwrite; p1 old name, p2 new name.  An existing new name
 * without overwrite is ACCESS_CONFLICT.  Unlike optee_client, which
 * answers SUCCESS whatever else went wrong, any other failure is reported
 * (ITEM_NOT_FOUND, STORAGE_NO_SPACE or GENERIC).
 */
uint32_t fs_rename(struct fs_req *r)
{
	struct fs_name from, to;
	uint32_t res;
	int odir, ndir, err = 0;

	if (!fs_params_are(r, 3, TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT,
			   TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT))
		return SUPP_RES_BAD_PARAMETERS;
	res = name_take(r, &r->p[1], &from);
	if (!res)
		res = name_take(r, &r->p[2], &to);
	if (res)
		return res;
	odir = fs_dir_open(r->root, from.dir);
	if (odir < 0)
		return fs_errno_res(-odir);
	ndir = fs_dir_open(r->root, to.dir);
	if (ndir < 0)
		err = -ndir;
	else if (renameat2(odir, from.leaf, ndir, to.leaf,
			   r->p[0].b ? 0 : RENAME_NOREPLACE))
		err = errno;
	if (!err) {
		fsync(ndir);
		if (strcmp(from.dir, to.dir))
			fsync(odir);
	}
	if (ndir >= 0)
		close(ndir);
	close(odir);
	if (err == EEXIST)
		return SUPP_RES_ACCESS_CONFLICT;
	return err ? fs_errno_res(err) : SUPP_RES_SUCCESS;
}

/* Whether d holds an entry that is not a dot-name (then rewound). */
static bool dir_has_entries(DIR *d)
{
	struct dirent *e;

	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			break;
	rewinddir(d);
	return e != NULL;
}

/*
 * p1 name (may be empty: the data dir), p2 VALUE_OUTPUT a = handle.  A
 * missing directory, and one holding only dot-names, is ITEM_NOT_FOUND
 * (optee_client's answer: an emptied directory may linger, e.g. on NFS).
 */
uint32_t fs_opendir(struct fs_req *r)
{
	char name[FS_NAME_BUF];
	uint64_t handle;
	uint32_t res;
	DIR *d;
	int fd;

	if (!fs_params_are(r, 3, TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT,
			   TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT))
		return SUPP_RES_BAD_PARAMETERS;
	res = fs_name_get(r, &r->p[1], name);
	if (res)
		return res;
	fd = fs_dir_open(r->root, name);
	if (fd < 0)
		return SUPP_RES_ITEM_NOT_FOUND;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return SUPP_RES_ITEM_NOT_FOUND;
	}
	if (!dir_has_entries(d)) {
		closedir(d);
		return SUPP_RES_ITEM_NOT_FOUND;
	}
	if (fs_handle_add_dir(&r->fs->dirs, d, &handle)) {
		closedir(d);
		return SUPP_RES_OUT_OF_MEMORY;
	}
	r->p[2].a = handle;
	return SUPP_RES_SUCCESS;
}

/* p0.b = handle; one this service did not hand out is BAD_PARAMETERS. */
uint32_t fs_closedir(struct fs_req *r)
{
	if (!fs_params_are(r, 1, 0, 0) ||
	    fs_handle_remove(&r->fs->dirs, r->p[0].b))
		return SUPP_RES_BAD_PARAMETERS;
	return SUPP_RES_SUCCESS;
}

/*
 * Copies the next entry's name (dot-names skipped) into m; p1.b = its
 * length with the NUL.  A buffer too small is SHORT_BUFFER, and the entry
 * is kept for the next READDIR (optee_client skips it).
 */
static uint32_t next_name(DIR *d, const struct supp_memref *m,
			  struct tee_ioctl_param *p1)
{
	struct dirent *e;
	long pos;
	size_t len;

	do {
		pos = telldir(d);
		e = readdir(d);
		if (!e)
			return SUPP_RES_ITEM_NOT_FOUND;
	} while (e->d_name[0] == '.');
	len = strlen(e->d_name) + 1;
	p1->b = len;
	if (len > m->size) {
		seekdir(d, pos);
		return SUPP_RES_SHORT_BUFFER;
	}
	memcpy(m->ptr, e->d_name, len);
	return SUPP_RES_SUCCESS;
}

/* p0.b = handle; p1 MEMREF_OUTPUT for the name. */
uint32_t fs_readdir(struct fs_req *r)
{
	struct supp_fs_handle *dir;
	struct supp_memref m;
	uint32_t res;

	if (!fs_params_are(r, 2, TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT, 0) ||
	    supp_memref_get(&r->s->shms, &r->p[1], &m))
		return SUPP_RES_BAD_PARAMETERS;
	dir = fs_handle_get(&r->fs->dirs, r->p[0].b);
	if (!dir) {
		supp_shm_put(&r->s->shms, m.shm);
		return SUPP_RES_BAD_PARAMETERS;
	}
	pthread_mutex_lock(&dir->lock);
	res = next_name(dir->dir, &m, &r->p[1]);
	pthread_mutex_unlock(&dir->lock);
	fs_handle_put(&r->fs->dirs, dir);
	supp_shm_put(&r->s->shms, m.shm);
	return res;
}
