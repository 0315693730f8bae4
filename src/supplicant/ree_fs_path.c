// SPDX-License-Identifier: BSD-2-Clause
/*
 * REE FS names, and the directories beneath the data dir they lead to.
 *
 * A name arrives NUL-terminated in shared memory the secure world can
 * still write: it is copied once, and the NUL must lie inside the memref
 * (optee_client reads it with strlen, past the memref if need be).
 * optee_client turns a name into "./<name>" relative to its data dir, and
 * OP-TEE sends "/dirf.db" and "/<number>": so a leading slash means the
 * data dir here too, never the file system's root.  A ".." component is
 * refused, and every directory on the way is opened one component at a
 * time with O_NOFOLLOW, the last component then used relative to its
 * directory's fd: no name, and no symlink planted in the data dir, leads
 * out of it.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ree_fs_private.h"

/* Directories are opened readable (O_PATH fds cannot be fsynced). */
#define FS_DIR_FLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

static bool has_dotdot(const char *name)
{
	size_t len;

	for (; *name; name += len + (name[len] == '/')) {
		len = strcspn(name, "/");
		if (len == 2 && name[0] == '.' && name[1] == '.')
			return true;
	}
	return false;
}

/* The RPMB image shares the data directory: the file system never names
 * it, so the secure world's RPMB cannot be reached around its keys. */
static bool is_rpmb_image(const char *name)
{
	size_t len = strlen(RPMB_EMU_IMAGE);

	return !strncmp(name, RPMB_EMU_IMAGE, len) &&
	       (!name[len] || name[len] == '.' || name[len] == '/');
}

uint32_t fs_name_get(const struct fs_req *r, const struct tee_ioctl_param *p,
		     char name[FS_NAME_BUF])
{
	struct supp_memref m;
	size_t len, skip;

	if (supp_memref_get(&r->s->shms, p, &m))
		return SUPP_RES_BAD_PARAMETERS;
	len = m.size < FS_NAME_BUF ? m.size : FS_NAME_BUF;
	memcpy(name, m.ptr, len);
	supp_shm_put(&r->s->shms, m.shm);
	/* from here on only the copy is looked at */
	if (!memchr(name, '\0', len))
		return SUPP_RES_BAD_PARAMETERS;
	skip = strspn(name, "/");
	memmove(name, name + skip, strlen(name + skip) + 1);
	if (is_rpmb_image(name))
		return SUPP_RES_BAD_PARAMETERS;
	return has_dotdot(name) ? SUPP_RES_BAD_PARAMETERS : SUPP_RES_SUCCESS;
}

const char *fs_path_split(const char *path, char dir[FS_NAME_BUF])
{
	const char *last = strrchr(path, '/');
	size_t len;

	if (!last) {
		dir[0] = '\0';
		return path;
	}
	/* "a//b": the directory is "a" */
	for (len = (size_t)(last - path); len && path[len - 1] == '/'; len--)
		;
	memcpy(dir, path, len);
	dir[len] = '\0';
	return last + 1;
}

int fs_dir_open(int root, const char *path)
{
	char comp[FS_NAME_BUF];
	int dir = openat(root, ".", FS_DIR_FLAGS), next, err;
	size_t len;

	if (dir < 0)
		return -errno;
	for (; *path; path += len + (path[len] == '/')) {
		len = strcspn(path, "/");
		if (!len)
			continue;	/* "a//b" */
		if (len >= sizeof(comp)) {
			close(dir);
			return -ENAMETOOLONG;
		}
		memcpy(comp, path, len);
		comp[len] = '\0';
		next = openat(dir, comp, FS_DIR_FLAGS);
		err = errno;
		close(dir);
		if (next < 0)
			return -err;
		dir = next;
	}
	return dir;
}

/* Makes leaf in parent directory pdir (closed here) and opens it. */
static int dir_make_in(int pdir, const char *leaf, bool *made)
{
	int dir, err;

	*made = !mkdirat(pdir, leaf, 0700);
	if (!*made && errno != EEXIST) {	/* EEXIST: made meanwhile */
		err = errno;
		close(pdir);
		return -err;
	}
	dir = openat(pdir, leaf, FS_DIR_FLAGS);
	err = errno;
	if (dir < 0 && *made) {
		unlinkat(pdir, leaf, AT_REMOVEDIR);
		*made = false;
	}
	if (*made)
		fsync(pdir);	/* the new entry must survive a crash */
	close(pdir);
	return dir < 0 ? -err : dir;
}

int fs_dir_make(int root, const char *path, unsigned int max_new,
		unsigned int *made)
{
	char parent[FS_NAME_BUF];
	const char *leaf;
	bool made_leaf;
	int dir = fs_dir_open(root, path), pdir;

	*made = 0;
	if (dir != -ENOENT || !max_new || !*path)
		return dir;
	leaf = fs_path_split(path, parent);
	pdir = fs_dir_make(root, parent, max_new - 1, made);
	if (pdir < 0)
		return pdir;
	dir = dir_make_in(pdir, leaf, &made_leaf);
	if (dir < 0) {
		fs_dir_prune(root, parent, *made);
		*made = 0;
		return dir;
	}
	*made += made_leaf;
	return dir;
}

void fs_dir_prune(int root, const char *path, unsigned int levels)
{
	char cur[FS_NAME_BUF], parent[FS_NAME_BUF];
	const char *leaf;
	int dir, rc;

	if (strlen(path) >= sizeof(cur))
		return;
	strcpy(cur, path);
	for (; levels && *cur; levels--) {
		leaf = fs_path_split(cur, parent);
		dir = fs_dir_open(root, parent);
		if (dir < 0)
			return;
		rc = unlinkat(dir, leaf, AT_REMOVEDIR);	/* only if empty */
		if (!rc)
			fsync(dir);
		close(dir);
		if (rc)
			return;
		strcpy(cur, parent);
	}
}

/*
 * O_NONBLOCK: opening a FIFO someone put there must not block the thread
 * (it is then refused: only regular files are served); regular files
 * ignore the flag.
 */
int fs_file_open(int dir, const char *leaf, int flags)
{
	struct stat st;
	int fd = openat(dir, leaf, flags | O_SYNC | O_NOFOLLOW | O_NONBLOCK |
				   O_CLOEXEC, 0600);

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EISDIR;
	}
	return fd;
}

/* Makes each missing directory of path, from the top.  0 or -errno. */
static int mkpath(const char *path)
{
	char buf[4096];
	size_t len = strlen(path);
	char *p;

	if (!len)
		return -ENOENT;
	if (len >= sizeof(buf))
		return -ENAMETOOLONG;
	memcpy(buf, path, len + 1);
	for (p = strchr(buf + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(buf, 0700) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	return mkdir(buf, 0700) && errno != EEXIST ? -errno : 0;
}

int fs_root_open(const char *data_dir)
{
	int rc = mkpath(data_dir), fd;

	if (rc)
		return rc;
	fd = open(data_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	fsync(fd);	/* as optee_client does once it made the dir */
	return fd;
}
