/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libvtee-preload.so: with LD_PRELOAD, an unmodified program that opens
 * /dev/teeN or /dev/teeprivN reaches the vtee node of the same name in
 * the runtime dir ($VTEE_RUNTIME_DIR or the default), through the device
 * interface every vtee client uses (vtee/tee_dev.h).
 *
 * The program gets real fds.  Its device fd is a dup of the node
 * connection that owns the context, so the context ends when the program
 * has closed every fd of it, as Linux ends it at the file's release.
 * Shared memory fds are the daemon's memfds, so mmap and munmap need no
 * help; the shim only watches them to tell the node when the program has
 * closed and unmapped a shm (Linux learns that from the kernel; a node
 * cannot).
 */
#ifndef VTEE_SHIM_H
#define VTEE_SHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct tee_dev;

/* shim_real.c: the functions the shim stands in front of */
struct shim_real {
	int (*open)(const char *path, int flags, ...);
	int (*openat)(int dirfd, const char *path, int flags, ...);
	int (*close)(int fd);
	int (*ioctl)(int fd, unsigned long req, ...);
	int (*dup)(int fd);
	int (*dup2)(int fd, int fd2);
	int (*dup3)(int fd, int fd2, int flags);
	int (*fcntl)(int fd, int cmd, ...);
	int (*close_range)(unsigned int first, unsigned int last, int flags);
	void *(*mmap)(void *addr, size_t len, int prot, int flags, int fd,
		      off_t off);
	int (*munmap)(void *addr, size_t len);
};

const struct shim_real *shim_real(void);

/* shim_dev.c: which paths are TEE devices, and opening one */
bool shim_is_tee_path(const char *path);
/* Opens the node for a /dev/tee path: the program's new fd, or -1 with
 * errno set as open(2) would. */
int shim_open_tee(const char *path, int flags);

/* shim_table.c: what the shim knows of the program's fds */
struct tee_dev *shim_dev_of(int fd);	/* NULL: not a device fd */
void shim_track_dev(int fd, struct tee_dev *dev);
void shim_track_shm(int fd, int devfd, int32_t id);
/* fd2 is now a copy of fd (dup and friends); fd2's old entry, if any,
 * was closed by that call. */
void shim_copy(int fd, int fd2);
/* fd was closed. */
void shim_forget(int fd);
void shim_forget_range(unsigned int first, unsigned int last);
/* A mapping of fd at [addr, addr + len) was made / some was removed. */
void shim_mapped(int fd, void *addr, size_t len);
void shim_unmapped(void *addr, size_t len);
/* fork: every device's connections are the parent's */
void shim_table_lock(void);
void shim_table_unlock(void);
void shim_table_after_fork(void);

#endif /* VTEE_SHIM_H */
