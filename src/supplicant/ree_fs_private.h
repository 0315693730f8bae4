/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the REE FS service's files share (supp.h has what the rest of the
 * supplicant sees).  ree_fs.c: the request's entry, its checks, the fault
 * knob; ree_fs_file.c: OPEN to TRUNCATE; ree_fs_tree.c: REMOVE to READDIR;
 * ree_fs_path.c: names and directories beneath the data dir;
 * ree_fs_handles.c: the files and directories handed out.
 */
#ifndef VTEE_SUPP_REE_FS_PRIVATE_H
#define VTEE_SUPP_REE_FS_PRIVATE_H

#include <dirent.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "supp.h"

/* optee_client's limit: "./" + name + NUL fit its 255-byte PATH_MAX. */
#define FS_NAME_LEN_MAX	251
#define FS_NAME_BUF	(FS_NAME_LEN_MAX + 1)

/* One FS request being served. */
struct fs_req {
	struct supp *s;
	struct supp_fs *fs;
	struct tee_ioctl_param *p;	/* p[0] is the sub-command */
	size_t n;
	uint64_t seq;			/* counted from 1 */
	int root;			/* the data dir */
};

/* ------------------------------------------------------ ree_fs.c */
/* n params: p0 VALUE_INPUT, then p1, p2 with these attrs (p2's ignored
 * when n is 2). */
bool fs_params_are(const struct fs_req *r, size_t n, uint64_t attr1,
		   uint64_t attr2);
/* optee_client's mapping: ENOSPC, ENOENT, anything else GENERIC. */
uint32_t fs_errno_res(int err);
/* EIO or ENOSPC when the fault knob fails this write, else 0. */
int fs_fault_errno(const struct fs_req *r);
/* Whether this request is the one the "torn" knob tears. */
bool fs_fault_torn(const struct fs_req *r);
/* Kills the process (returns only in unit tests). */
void fs_die(const struct fs_req *r);

/* --------------------------------------------------- ree_fs_path.c */
/* Copies memref p's name into name, leading slashes dropped.  SUCCESS,
 * or BAD_PARAMETERS: bad memref, no NUL inside it, too long, "..". */
uint32_t fs_name_get(const struct fs_req *r, const struct tee_ioctl_param *p,
		     char name[FS_NAME_BUF]);
/* Writes path's directory part to dir ("" for none) and returns its last
 * component, which points into path. */
const char *fs_path_split(const char *path, char dir[FS_NAME_BUF]);
/* Opens directory path beneath root, following no symlink.  The fd (for
 * *at() calls and fsync), or -errno. */
int fs_dir_open(int root, const char *path);
/* fs_dir_open(), making path and up to max_new - 1 of its missing
 * ancestors (0700) first; *made = how many it made. */
int fs_dir_make(int root, const char *path, unsigned int max_new,
		unsigned int *made);
/* Removes path and then its ancestors while they are empty, at most
 * levels directories, never the data dir itself. */
void fs_dir_prune(int root, const char *path, unsigned int levels);
/* Opens regular file leaf of dir with flags (plus O_SYNC, O_NOFOLLOW);
 * the fd or -errno. */
int fs_file_open(int dir, const char *leaf, int flags);
/* Makes the data dir and its parents (0700) and opens it.  fd or -errno. */
int fs_root_open(const char *data_dir);

/* ------------------------------------------------ ree_fs_handles.c */
struct supp_fs_handle {
	struct supp_fs_handle *next;
	uint64_t id;		/* the number the secure world knows */
	int fd;			/* a file, or -1 */
	DIR *dir;		/* a directory, or NULL */
	pthread_mutex_t lock;	/* one READDIR at a time */
	unsigned int refs;	/* the table's and each request's */
};

void fs_handles_init(struct supp_fs_handles *t);
/* Closes everything; only when no request is being served. */
void fs_handles_fini(struct supp_fs_handles *t);
/* Adds a file (known by its fd) or a directory (known by the smallest
 * free number, put in *id).  0 or -ENOMEM (or -EEXIST); on failure the
 * caller still owns fd or dir. */
int fs_handle_add_file(struct supp_fs_handles *t, int fd);
int fs_handle_add_dir(struct supp_fs_handles *t, DIR *dir, uint64_t *id);
/* Takes a reference on id's entry; NULL if there is none. */
struct supp_fs_handle *fs_handle_get(struct supp_fs_handles *t, uint64_t id);
/* Drops a reference; the last one closes the file or directory. */
void fs_handle_put(struct supp_fs_handles *t, struct supp_fs_handle *h);
/* Forgets id (closed once its last user is done).  0 or -ENOENT. */
int fs_handle_remove(struct supp_fs_handles *t, uint64_t id);

/* ---------------------------------- ree_fs_file.c, ree_fs_tree.c */
uint32_t fs_open(struct fs_req *r);
uint32_t fs_create(struct fs_req *r);
uint32_t fs_close(struct fs_req *r);
uint32_t fs_read(struct fs_req *r);
uint32_t fs_write(struct fs_req *r);
uint32_t fs_truncate(struct fs_req *r);
uint32_t fs_remove(struct fs_req *r);
uint32_t fs_rename(struct fs_req *r);
uint32_t fs_opendir(struct fs_req *r);
uint32_t fs_closedir(struct fs_req *r);
uint32_t fs_readdir(struct fs_req *r);

#endif /* VTEE_SUPP_REE_FS_PRIVATE_H */
