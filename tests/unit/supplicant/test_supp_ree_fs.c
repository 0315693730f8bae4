// SPDX-License-Identifier: BSD-2-Clause
/*
 * The REE FS service without a daemon: every sub-command through the
 * dispatcher, optee_client's errno mapping, names that try to leave the
 * data dir, fds and handles the service never handed out, and the fault
 * knob (its "die" replaced by a counter).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "ree_fs_private.h"
#include "supp.h"
#include "vtee/optee_rpc_cmd.h"

#define SHM_ID		3
#define SHM_SIZE	8192
#define NAME_OFF	0	/* names go here in the shm... */
#define NAME2_OFF	512	/* ...a rename's second name here... */
#define DATA_OFF	1024	/* ...and file data here */

#define VAL_IN		TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT
#define VAL_OUT		TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT
#define MEM_IN		TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT
#define MEM_OUT		TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT

struct fixture {
	char root[64];
	char data[96];		/* the data dir, made by the service */
	struct supp s;
	uint8_t *shm;
};

static unsigned int deaths;

static void die_counted(void)
{
	deaths++;
}

static void release_free(struct supp_shm *shm, void *ctx)
{
	(void)ctx;
	free(shm->addr);
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	assert_non_null(fx);
	strcpy(fx->root, "/tmp/vtee-supp-fs-XXXXXX");
	assert_non_null(mkdtemp(fx->root));
	snprintf(fx->data, sizeof(fx->data), "%s/state/tee", fx->root);
	supp_shm_table_init(&fx->s.shms, release_free, NULL);
	fx->shm = calloc(1, SHM_SIZE);
	assert_non_null(fx->shm);
	assert_int_equal(supp_shm_add(&fx->s.shms, SHM_ID, -1, fx->shm,
				      SHM_SIZE), 0);
	unsetenv("VTEE_SUPP_FS_FAULT");
	assert_int_equal(supp_fs_init(&fx->s.fs, fx->data), 0);
	fx->s.fs.die = die_counted;
	deaths = 0;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	supp_fs_fini(&fx->s.fs);
	assert_int_equal(supp_shm_remove(&fx->s.shms, SHM_ID), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->root);
	assert_int_equal(system(cmd), 0);
	free(fx);
	return 0;
}

/* ----------------------------------------------------------- requests */
static uint32_t fs_call(struct fixture *fx, struct tee_ioctl_param *p,
			size_t n)
{
	return supp_dispatch(&fx->s, OPTEE_RPC_CMD_FS, p, n);
}

static struct tee_ioctl_param value(uint64_t attr, uint64_t a, uint64_t b,
				    uint64_t c)
{
	return (struct tee_ioctl_param){ .attr = attr, .a = a, .b = b,
					 .c = c };
}

static struct tee_ioctl_param mem(uint64_t attr, uint64_t off, uint64_t size)
{
	return (struct tee_ioctl_param){ .attr = attr, .a = off, .b = size,
					 .c = SHM_ID };
}

/* Puts name (with its NUL) at off; the memref's size. */
static uint64_t name_put(struct fixture *fx, size_t off, const char *name)
{
	size_t len = strlen(name) + 1;

	memcpy(fx->shm + off, name, len);
	return len;
}

/* OPEN or CREATE; *fd = the answer. */
static uint32_t fs_open_cmd(struct fixture *fx, uint64_t cmd,
			    const char *name, uint64_t *fd)
{
	struct tee_ioctl_param p[3] = {
		value(VAL_IN, cmd, 0, 0),
		mem(MEM_IN, NAME_OFF, name_put(fx, NAME_OFF, name)),
		value(VAL_OUT, 0, 0, 0),
	};
	uint32_t res = fs_call(fx, p, 3);

	*fd = p[2].a;
	return res;
}

static uint64_t create_ok(struct fixture *fx, const char *name)
{
	uint64_t fd = 0;

	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, name, &fd),
			 SUPP_RES_SUCCESS);
	return fd;
}

static uint32_t fs_close_fd(struct fixture *fx, uint64_t fd)
{
	struct tee_ioctl_param p = value(VAL_IN, OPTEE_RPC_FS_CLOSE, fd, 0);

	return fs_call(fx, &p, 1);
}

static uint32_t fs_write_at(struct fixture *fx, uint64_t fd, uint64_t off,
			    const char *data)
{
	size_t len = strlen(data);
	struct tee_ioctl_param p[2] = {
		value(VAL_IN, OPTEE_RPC_FS_WRITE, fd, off),
		mem(MEM_IN, DATA_OFF, len),
	};

	memcpy(fx->shm + DATA_OFF, data, len);
	return fs_call(fx, p, 2);
}

/* READ of len bytes at off into the shm's data area; *got = p1.b. */
static uint32_t fs_read_at(struct fixture *fx, uint64_t fd, uint64_t off,
			   uint64_t len, uint64_t *got)
{
	struct tee_ioctl_param p[2] = {
		value(VAL_IN, OPTEE_RPC_FS_READ, fd, off),
		mem(MEM_OUT, DATA_OFF, len),
	};
	uint32_t res;

	memset(fx->shm + DATA_OFF, 0, len);
	res = fs_call(fx, p, 2);
	*got = p[1].b;
	return res;
}

static uint32_t fs_truncate_to(struct fixture *fx, uint64_t fd,
			       uint64_t len)
{
	struct tee_ioctl_param p = value(VAL_IN, OPTEE_RPC_FS_TRUNCATE, fd,
					 len);

	return fs_call(fx, &p, 1);
}

static uint32_t fs_remove_name(struct fixture *fx, const char *name)
{
	struct tee_ioctl_param p[2] = {
		value(VAL_IN, OPTEE_RPC_FS_REMOVE, 0, 0),
		mem(MEM_IN, NAME_OFF, name_put(fx, NAME_OFF, name)),
	};

	return fs_call(fx, p, 2);
}

static uint32_t fs_rename_names(struct fixture *fx, const char *from,
				const char *to, bool overwrite)
{
	struct tee_ioctl_param p[3] = {
		value(VAL_IN, OPTEE_RPC_FS_RENAME, overwrite, 0),
		mem(MEM_IN, NAME_OFF, name_put(fx, NAME_OFF, from)),
		mem(MEM_IN, NAME2_OFF, name_put(fx, NAME2_OFF, to)),
	};

	return fs_call(fx, p, 3);
}

static uint32_t fs_opendir_name(struct fixture *fx, const char *name,
				uint64_t *dir)
{
	return fs_open_cmd(fx, OPTEE_RPC_FS_OPENDIR, name, dir);
}

/* READDIR into a buffer of len; *size = p1.b. */
static uint32_t fs_readdir_next(struct fixture *fx, uint64_t dir,
				uint64_t len, uint64_t *size)
{
	struct tee_ioctl_param p[2] = {
		value(VAL_IN, OPTEE_RPC_FS_READDIR, dir, 0),
		mem(MEM_OUT, DATA_OFF, len),
	};
	uint32_t res;

	memset(fx->shm + DATA_OFF, 0, 512);
	res = fs_call(fx, p, 2);
	*size = p[1].b;
	return res;
}

static uint32_t fs_closedir_handle(struct fixture *fx, uint64_t dir)
{
	struct tee_ioctl_param p = value(VAL_IN, OPTEE_RPC_FS_CLOSEDIR, dir, 0);

	return fs_call(fx, &p, 1);
}

/* ------------------------------------------------------- the disk */
static void path_of(const struct fixture *fx, const char *name, char *buf,
		    size_t len)
{
	snprintf(buf, len, "%s/%s", fx->data, name);
}

static bool exists(const struct fixture *fx, const char *name)
{
	char path[512];
	struct stat st;

	path_of(fx, name, path, sizeof(path));
	return !lstat(path, &st);
}

static mode_t mode_of(const struct fixture *fx, const char *name)
{
	char path[512];
	struct stat st;

	path_of(fx, name, path, sizeof(path));
	assert_int_equal(lstat(path, &st), 0);
	return st.st_mode & 07777;
}

static void file_put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void file_expect(const struct fixture *fx, const char *name,
			const char *text)
{
	char path[512], buf[256] = { 0 };
	FILE *f;

	path_of(fx, name, path, sizeof(path));
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(fread(buf, 1, sizeof(buf) - 1, f), strlen(text));
	fclose(f);
	assert_string_equal(buf, text);
}

/* ------------------------------------------------------------- tests */

/* The data dir is made, 0700, at the first request and not before. */
static void test_data_dir_made_lazily(void **state)
{
	struct fixture *fx = *state;
	struct stat st;
	uint64_t fd;

	assert_int_not_equal(stat(fx->data, &st), 0);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, "dirf.db", &fd),
			 SUPP_RES_ITEM_NOT_FOUND);
	assert_int_equal(stat(fx->data, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
}

/* A data dir that cannot be made: STORAGE_NOT_AVAILABLE, after the p0
 * check, as optee_client orders them. */
static void test_storage_not_available(void **state)
{
	struct fixture *fx = *state;
	struct tee_ioctl_param p = value(MEM_IN, 0, 0, 0);
	char blocker[128];
	uint64_t fd;

	snprintf(blocker, sizeof(blocker), "%s/state", fx->root);
	file_put(blocker, "not a directory");
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, "dirf.db", &fd),
			 SUPP_RES_STORAGE_NOT_AVAILABLE);
	assert_int_equal(fs_call(fx, &p, 1), SUPP_RES_BAD_PARAMETERS);
	p = value(VAL_IN, 99, 0, 0);	/* unknown sub-command */
	assert_int_equal(fs_call(fx, &p, 1), SUPP_RES_STORAGE_NOT_AVAILABLE);
	/* once it can be made, it is */
	assert_int_equal(unlink(blocker), 0);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, "dirf.db", &fd),
			 SUPP_RES_SUCCESS);
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
}

static void test_create_write_read(void **state)
{
	struct fixture *fx = *state;
	uint64_t fd = create_ok(fx, "dirf.db"), got;

	assert_int_equal(mode_of(fx, "dirf.db"), 0600);
	assert_int_equal(fs_write_at(fx, fd, 0, "hello world"),
			 SUPP_RES_SUCCESS);
	assert_int_equal(fs_read_at(fx, fd, 0, 100, &got), SUPP_RES_SUCCESS);
	assert_int_equal(got, 11);
	assert_memory_equal(fx->shm + DATA_OFF, "hello world", 11);
	assert_int_equal(fs_read_at(fx, fd, 6, 3, &got), SUPP_RES_SUCCESS);
	assert_int_equal(got, 3);
	assert_memory_equal(fx->shm + DATA_OFF, "wor", 3);
	assert_int_equal(fs_read_at(fx, fd, 50, 10, &got), SUPP_RES_SUCCESS);
	assert_int_equal(got, 0);
	/* a write past the end leaves a hole of zeros */
	assert_int_equal(fs_write_at(fx, fd, 13, "!"), SUPP_RES_SUCCESS);
	assert_int_equal(fs_read_at(fx, fd, 11, 10, &got), SUPP_RES_SUCCESS);
	assert_int_equal(got, 3);
	assert_memory_equal(fx->shm + DATA_OFF, "\0\0!", 3);
	assert_int_equal(fs_truncate_to(fx, fd, 5), SUPP_RES_SUCCESS);
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	file_expect(fx, "dirf.db", "hello");
	/* OPEN finds it again; CREATE truncates it */
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, "dirf.db", &fd),
			 SUPP_RES_SUCCESS);
	assert_int_equal(fs_read_at(fx, fd, 0, 100, &got), SUPP_RES_SUCCESS);
	assert_int_equal(got, 5);
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	fd = create_ok(fx, "dirf.db");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	file_expect(fx, "dirf.db", "");
}

/* OP-TEE's names start with '/': that is the data dir, as optee_client's
 * "./<name>" makes it. */
static void test_leading_slash_is_data_dir(void **state)
{
	struct fixture *fx = *state;
	uint64_t fd = create_ok(fx, "/0");

	assert_int_equal(fs_write_at(fx, fd, 0, "x"), SUPP_RES_SUCCESS);
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	file_expect(fx, "0", "x");
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, "//0", &fd),
			 SUPP_RES_SUCCESS);
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_int_equal(fs_remove_name(fx, "/0"), SUPP_RES_SUCCESS);
	assert_false(exists(fx, "0"));
}

/* Two missing directories are made (0700); a third is ITEM_NOT_FOUND and
 * leaves nothing behind. */
static void test_create_makes_parents(void **state)
{
	struct fixture *fx = *state;
	uint64_t fd = create_ok(fx, "a/b/c");

	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_int_equal(mode_of(fx, "a"), 0700);
	assert_int_equal(mode_of(fx, "a/b"), 0700);
	assert_int_equal(mode_of(fx, "a/b/c"), 0600);
	fd = create_ok(fx, "a/d/e");	/* one missing */
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, "x/y/z/f", &fd),
			 SUPP_RES_ITEM_NOT_FOUND);
	assert_false(exists(fx, "x"));
	/* a directory where the file should be: GENERIC (EISDIR) */
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, "a/b", &fd),
			 SUPP_RES_GENERIC);
	/* an empty last component */
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, "a/", &fd),
			 SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, "", &fd),
			 SUPP_RES_BAD_PARAMETERS);
}

static void test_open_missing(void **state)
{
	struct fixture *fx = *state;
	uint64_t fd;

	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, "nope", &fd),
			 SUPP_RES_ITEM_NOT_FOUND);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, "no/dir", &fd),
			 SUPP_RES_ITEM_NOT_FOUND);
	/* a directory is no file to open */
	fd = create_ok(fx, "d/f");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, "d", &fd),
			 SUPP_RES_ITEM_NOT_FOUND);
}

/* REMOVE takes the emptied parent and grandparent with it, no more. */
static void test_remove(void **state)
{
	struct fixture *fx = *state;
	uint64_t fd;

	fd = create_ok(fx, "u/v/f");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_int_equal(fs_remove_name(fx, "u/v/f"), SUPP_RES_SUCCESS);
	assert_false(exists(fx, "u"));
	assert_true(exists(fx, ""));	/* never the data dir */
	assert_int_equal(fs_remove_name(fx, "u/v/f"),
			 SUPP_RES_ITEM_NOT_FOUND);
	fd = create_ok(fx, "k/f1");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	fd = create_ok(fx, "k/f2");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_int_equal(fs_remove_name(fx, "k/f1"), SUPP_RES_SUCCESS);
	assert_true(exists(fx, "k/f2"));
	/* a directory is not removed by REMOVE: GENERIC (EISDIR) */
	assert_int_equal(fs_remove_name(fx, "k"), SUPP_RES_GENERIC);
	assert_int_equal(fs_remove_name(fx, "missing/f"),
			 SUPP_RES_ITEM_NOT_FOUND);
}

static void test_rename(void **state)
{
	struct fixture *fx = *state;
	uint64_t fd;

	fd = create_ok(fx, "a");
	assert_int_equal(fs_write_at(fx, fd, 0, "A"), SUPP_RES_SUCCESS);
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	fd = create_ok(fx, "b");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_int_equal(fs_rename_names(fx, "a", "b", false),
			 SUPP_RES_ACCESS_CONFLICT);
	assert_true(exists(fx, "a"));
	assert_int_equal(fs_rename_names(fx, "a", "b", true),
			 SUPP_RES_SUCCESS);
	assert_false(exists(fx, "a"));
	file_expect(fx, "b", "A");
	assert_int_equal(fs_rename_names(fx, "a", "c", false),
			 SUPP_RES_ITEM_NOT_FOUND);
	assert_int_equal(fs_rename_names(fx, "b", "nodir/c", false),
			 SUPP_RES_ITEM_NOT_FOUND);
	/* across directories */
	fd = create_ok(fx, "d/x");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_int_equal(fs_rename_names(fx, "b", "/d/b", false),
			 SUPP_RES_SUCCESS);
	file_expect(fx, "d/b", "A");
	/* optee_client would say SUCCESS here; the truth is GENERIC */
	assert_int_equal(fs_rename_names(fx, "d/b", "d", true),
			 SUPP_RES_GENERIC);
	file_expect(fx, "d/b", "A");
}

/* Reads a directory whole; names found are or-ed into *seen by index. */
static void read_all_entries(struct fixture *fx, uint64_t dir,
			     const char *const *names, size_t n,
			     unsigned int *seen)
{
	uint64_t size;

	*seen = 0;
	while (fs_readdir_next(fx, dir, 256, &size) == SUPP_RES_SUCCESS) {
		size_t i;

		assert_int_equal(size, strlen((char *)fx->shm + DATA_OFF) + 1);
		for (i = 0; i < n; i++)
			if (!strcmp((char *)fx->shm + DATA_OFF, names[i]))
				break;
		assert_true(i < n);
		assert_false(*seen & (1u << i));	/* once each */
		*seen |= 1u << i;
	}
}

static void test_dirs(void **state)
{
	static const char *const names[] = { "one", "three" };
	struct fixture *fx = *state;
	uint64_t dir, fd, size;
	unsigned int seen;
	char path[512];

	assert_int_equal(fs_opendir_name(fx, "t", &dir),
			 SUPP_RES_ITEM_NOT_FOUND);
	fd = create_ok(fx, "t/.hidden");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	/* only a dot-name: empty, as optee_client sees it */
	assert_int_equal(fs_opendir_name(fx, "t", &dir),
			 SUPP_RES_ITEM_NOT_FOUND);
	fd = create_ok(fx, "t/one");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	path_of(fx, "t/three", path, sizeof(path));
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(fs_opendir_name(fx, "/t", &dir), SUPP_RES_SUCCESS);
	/* too small: the size needed, and the entry is not lost */
	assert_int_equal(fs_readdir_next(fx, dir, 3, &size),
			 SUPP_RES_SHORT_BUFFER);
	assert_true(size == 4 || size == 6);
	read_all_entries(fx, dir, names, 2, &seen);
	assert_int_equal(seen, 3);
	assert_int_equal(fs_readdir_next(fx, dir, 256, &size),
			 SUPP_RES_ITEM_NOT_FOUND);
	assert_int_equal(fs_closedir_handle(fx, dir), SUPP_RES_SUCCESS);
	assert_int_equal(fs_closedir_handle(fx, dir),
			 SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(fs_readdir_next(fx, dir, 256, &size),
			 SUPP_RES_BAD_PARAMETERS);
	/* "" is the data dir itself */
	assert_int_equal(fs_opendir_name(fx, "", &dir), SUPP_RES_SUCCESS);
	assert_int_equal(fs_readdir_next(fx, dir, 256, &size),
			 SUPP_RES_SUCCESS);
	assert_string_equal((char *)fx->shm + DATA_OFF, "t");
	assert_int_equal(fs_closedir_handle(fx, dir), SUPP_RES_SUCCESS);
	/* a file is no directory */
	assert_int_equal(fs_opendir_name(fx, "t/one", &dir),
			 SUPP_RES_ITEM_NOT_FOUND);
}

/* Two handles at once get different numbers; each reads on its own. */
static void test_two_dirs(void **state)
{
	struct fixture *fx = *state;
	uint64_t d1, d2, fd, size;

	fd = create_ok(fx, "p/f");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_int_equal(fs_opendir_name(fx, "p", &d1), SUPP_RES_SUCCESS);
	assert_int_equal(fs_opendir_name(fx, "p", &d2), SUPP_RES_SUCCESS);
	assert_int_not_equal(d1, d2);
	assert_int_equal(fs_readdir_next(fx, d1, 256, &size),
			 SUPP_RES_SUCCESS);
	assert_int_equal(fs_readdir_next(fx, d1, 256, &size),
			 SUPP_RES_ITEM_NOT_FOUND);
	assert_int_equal(fs_readdir_next(fx, d2, 256, &size),
			 SUPP_RES_SUCCESS);
	assert_int_equal(fs_closedir_handle(fx, d1), SUPP_RES_SUCCESS);
	assert_int_equal(fs_closedir_handle(fx, d2), SUPP_RES_SUCCESS);
}

static void test_name_escapes(void **state)
{
	static const char *const bad[] = {
		"..", "../x", "a/../../x", "a/..", "/../etc/passwd",
		/* the emulated RPMB device's image is not the FS's */
		"rpmb.img", "/rpmb.img", "rpmb.img.tmp", "rpmb.img/x",
	};
	struct fixture *fx = *state;
	uint64_t fd;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, bad[i],
					     &fd), SUPP_RES_BAD_PARAMETERS);
		assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, bad[i],
					     &fd), SUPP_RES_BAD_PARAMETERS);
		assert_int_equal(fs_remove_name(fx, bad[i]),
				 SUPP_RES_BAD_PARAMETERS);
		assert_int_equal(fs_opendir_name(fx, bad[i], &fd),
				 SUPP_RES_BAD_PARAMETERS);
		assert_int_equal(fs_rename_names(fx, "x", bad[i], true),
				 SUPP_RES_BAD_PARAMETERS);
	}
	/* "/etc/passwd" is <data>/etc/passwd, never the system's */
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, "/etc/passwd",
				     &fd), SUPP_RES_ITEM_NOT_FOUND);
	fd = create_ok(fx, "/etc/passwd");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_true(exists(fx, "etc/passwd"));
	/* "..." and "..x" are names like any other */
	fd = create_ok(fx, "...");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	fd = create_ok(fx, "..x");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	fd = create_ok(fx, "rpmb.imgx");
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
}

/* The NUL must lie inside the memref, which must lie inside its shm. */
static void test_name_bounds(void **state)
{
	struct fixture *fx = *state;
	struct tee_ioctl_param p[3] = {
		value(VAL_IN, OPTEE_RPC_FS_CREATE, 0, 0),
		mem(MEM_IN, NAME_OFF, 3),
		value(VAL_OUT, 0, 0, 0),
	};
	char longest[FS_NAME_LEN_MAX + 2];

	name_put(fx, NAME_OFF, "abc");	/* the NUL is the 4th byte */
	assert_int_equal(fs_call(fx, p, 3), SUPP_RES_BAD_PARAMETERS);
	assert_false(exists(fx, "abc"));
	p[1].b = 0;
	assert_int_equal(fs_call(fx, p, 3), SUPP_RES_BAD_PARAMETERS);
	p[1] = mem(MEM_IN, SHM_SIZE - 2, 4);	/* leaves the shm */
	assert_int_equal(fs_call(fx, p, 3), SUPP_RES_BAD_PARAMETERS);
	p[1] = mem(MEM_IN, 0, 4);
	p[1].c = TEE_MEMREF_NULL;
	assert_int_equal(fs_call(fx, p, 3), SUPP_RES_BAD_PARAMETERS);
	p[1].c = SHM_ID + 1;			/* not the supplicant's */
	assert_int_equal(fs_call(fx, p, 3), SUPP_RES_BAD_PARAMETERS);
	/* optee_client's longest name, and one more */
	memset(longest, 'n', sizeof(longest) - 1);
	longest[FS_NAME_LEN_MAX] = '\0';
	p[1] = mem(MEM_IN, NAME_OFF, name_put(fx, NAME_OFF, longest));
	assert_int_equal(fs_call(fx, p, 3), SUPP_RES_SUCCESS);
	assert_int_equal(fs_close_fd(fx, p[2].a), SUPP_RES_SUCCESS);
	longest[FS_NAME_LEN_MAX] = 'n';
	longest[FS_NAME_LEN_MAX + 1] = '\0';
	p[1] = mem(MEM_IN, NAME_OFF, name_put(fx, NAME_OFF, longest));
	assert_int_equal(fs_call(fx, p, 3), SUPP_RES_BAD_PARAMETERS);
}

/* A symlink in the data dir leads nowhere, as a directory or a file. */
static void test_symlinks_refused(void **state)
{
	struct fixture *fx = *state;
	char outside[128], target[160], link[512];
	uint64_t fd;

	create_ok(fx, "placeholder");	/* makes the data dir */
	snprintf(outside, sizeof(outside), "%s/outside", fx->root);
	assert_int_equal(mkdir(outside, 0700), 0);
	snprintf(target, sizeof(target), "%s/secret", outside);
	file_put(target, "secret");
	path_of(fx, "dlink", link, sizeof(link));
	assert_int_equal(symlink(outside, link), 0);
	path_of(fx, "flink", link, sizeof(link));
	assert_int_equal(symlink(target, link), 0);

	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, "dlink/secret",
				     &fd), SUPP_RES_ITEM_NOT_FOUND);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_OPEN, "flink", &fd),
			 SUPP_RES_ITEM_NOT_FOUND);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, "flink", &fd),
			 SUPP_RES_GENERIC);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, "dlink/new",
				     &fd), SUPP_RES_GENERIC);
	assert_int_equal(fs_opendir_name(fx, "dlink", &fd),
			 SUPP_RES_ITEM_NOT_FOUND);
	assert_int_equal(fs_remove_name(fx, "dlink/secret"),
			 SUPP_RES_GENERIC);
	assert_int_equal(fs_rename_names(fx, "dlink/secret", "stolen", true),
			 SUPP_RES_GENERIC);
	/* the outside is untouched */
	snprintf(link, sizeof(link), "%s/new", outside);
	assert_int_not_equal(access(link, F_OK), 0);
	assert_int_equal(access(target, F_OK), 0);
	file_expect(fx, "../../outside/secret", "secret");
}

/* Numbers the service never handed out reach nothing. */
static void test_foreign_fds_and_handles(void **state)
{
	struct fixture *fx = *state;
	int mine = open("/dev/null", O_RDONLY);
	uint64_t fd, got, bogus[] = { (uint64_t)mine, 0, 1, 2,
				      ((uint64_t)1 << 32) + (uint64_t)mine,
				      UINT64_MAX };

	assert_true(mine >= 0);
	fd = create_ok(fx, "f");
	for (size_t i = 0; i < sizeof(bogus) / sizeof(bogus[0]); i++) {
		assert_int_equal(fs_read_at(fx, bogus[i], 0, 4, &got),
				 SUPP_RES_BAD_PARAMETERS);
		assert_int_equal(fs_write_at(fx, bogus[i], 0, "x"),
				 SUPP_RES_BAD_PARAMETERS);
		assert_int_equal(fs_truncate_to(fx, bogus[i], 0),
				 SUPP_RES_BAD_PARAMETERS);
		assert_int_equal(fs_close_fd(fx, bogus[i]),
				 SUPP_RES_BAD_PARAMETERS);
		assert_int_equal(fs_readdir_next(fx, bogus[i], 256, &got),
				 SUPP_RES_BAD_PARAMETERS);
		assert_int_equal(fs_closedir_handle(fx, bogus[i]),
				 SUPP_RES_BAD_PARAMETERS);
	}
	assert_int_not_equal(fcntl(mine, F_GETFD), -1);	/* still open */
	close(mine);
	/* a file's fd is no directory handle, nor the other way round */
	assert_int_equal(fs_closedir_handle(fx, fd), SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(fs_write_at(fx, fd, 0, "x"), SUPP_RES_BAD_PARAMETERS);
}

/* Counts and attrs, sub-command by sub-command. */
static void test_bad_params(void **state)
{
	static const struct {
		uint64_t cmd;
		size_t n;
		uint64_t attr[3];
	} good[] = {
		{ OPTEE_RPC_FS_OPEN, 3, { VAL_IN, MEM_IN, VAL_OUT } },
		{ OPTEE_RPC_FS_CREATE, 3, { VAL_IN, MEM_IN, VAL_OUT } },
		{ OPTEE_RPC_FS_CLOSE, 1, { VAL_IN } },
		{ OPTEE_RPC_FS_READ, 2, { VAL_IN, MEM_OUT } },
		{ OPTEE_RPC_FS_WRITE, 2, { VAL_IN, MEM_IN } },
		{ OPTEE_RPC_FS_TRUNCATE, 1, { VAL_IN } },
		{ OPTEE_RPC_FS_REMOVE, 2, { VAL_IN, MEM_IN } },
		{ OPTEE_RPC_FS_RENAME, 3, { VAL_IN, MEM_IN, MEM_IN } },
		{ OPTEE_RPC_FS_OPENDIR, 3, { VAL_IN, MEM_IN, VAL_OUT } },
		{ OPTEE_RPC_FS_CLOSEDIR, 1, { VAL_IN } },
		{ OPTEE_RPC_FS_READDIR, 2, { VAL_IN, MEM_OUT } },
	};
	struct fixture *fx = *state;
	struct tee_ioctl_param p[4];

	name_put(fx, NAME_OFF, "f");
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		for (size_t j = 0; j < 4; j++)
			p[j] = j && j < good[i].n &&
					good[i].attr[j] >= MEM_IN ?
				mem(good[i].attr[j], NAME_OFF, 2) :
				value(j < good[i].n ? good[i].attr[j] : 0,
				      j ? 0 : good[i].cmd, 12345, 0);
		/* one param too many, one too few */
		assert_int_equal(fs_call(fx, p, good[i].n + 1),
				 SUPP_RES_BAD_PARAMETERS);
		if (good[i].n > 1)
			assert_int_equal(fs_call(fx, p, good[i].n - 1),
					 SUPP_RES_BAD_PARAMETERS);
		/* each attr wrong in turn (p0 as another value type) */
		for (size_t j = 0; j < good[i].n; j++) {
			uint64_t saved = p[j].attr;

			p[j].attr = j ? TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT
				      : VAL_OUT;
			assert_int_equal(fs_call(fx, p, good[i].n),
					 SUPP_RES_BAD_PARAMETERS);
			p[j].attr = saved;
		}
	}
	/* no params, p0 a memref, an unknown sub-command */
	assert_int_equal(fs_call(fx, p, 0), SUPP_RES_BAD_PARAMETERS);
	p[0] = mem(MEM_IN, 0, 1);
	assert_int_equal(fs_call(fx, p, 1), SUPP_RES_BAD_PARAMETERS);
	p[0] = value(VAL_IN, OPTEE_RPC_FS_READDIR + 1, 0, 0);
	assert_int_equal(fs_call(fx, p, 1), SUPP_RES_BAD_PARAMETERS);
	p[0] = value(VAL_IN, UINT64_MAX, 0, 0);
	assert_int_equal(fs_call(fx, p, 1), SUPP_RES_BAD_PARAMETERS);
	/* an offset no off_t holds: GENERIC, as pread()'s EINVAL */
	p[0] = value(VAL_IN, OPTEE_RPC_FS_CREATE, 0, 0);
	p[1] = mem(MEM_IN, NAME_OFF, 2);
	p[2] = value(VAL_OUT, 0, 0, 0);
	assert_int_equal(fs_call(fx, p, 3), SUPP_RES_SUCCESS);
	assert_int_equal(fs_write_at(fx, p[2].a, UINT64_MAX - 1, "x"),
			 SUPP_RES_GENERIC);
	assert_int_equal(fs_truncate_to(fx, p[2].a, UINT64_MAX),
			 SUPP_RES_GENERIC);
	assert_int_equal(fs_close_fd(fx, p[2].a), SUPP_RES_SUCCESS);
}

static void test_errno_mapping(void **state)
{
	(void)state;
	assert_int_equal(fs_errno_res(ENOSPC), SUPP_RES_STORAGE_NO_SPACE);
	assert_int_equal(fs_errno_res(ENOENT), SUPP_RES_ITEM_NOT_FOUND);
	assert_int_equal(fs_errno_res(EIO), SUPP_RES_GENERIC);
	assert_int_equal(fs_errno_res(EACCES), SUPP_RES_GENERIC);
	assert_int_equal(fs_errno_res(EDQUOT), SUPP_RES_GENERIC);
}

static void test_fault_parse(void **state)
{
	static const char *const bad[] = {
		"kill", "kill:", "kill:0", "kill:-1", "kill:+1", "kill: 1",
		"kill:1x", "torn:99999999999999999999", "crash:1", "count:0",
		"KILL:1", ":1",
	};
	struct supp_fs_fault f;
	struct supp_fs fs;

	(void)state;
	assert_int_equal(supp_fs_fault_parse(NULL, &f), 0);
	assert_int_equal(f.mode, SUPP_FS_FAULT_NONE);
	assert_int_equal(supp_fs_fault_parse("", &f), 0);
	assert_int_equal(f.mode, SUPP_FS_FAULT_NONE);
	assert_int_equal(supp_fs_fault_parse("kill:3", &f), 0);
	assert_int_equal(f.mode, SUPP_FS_FAULT_KILL);
	assert_int_equal(f.at, 3);
	assert_int_equal(supp_fs_fault_parse("torn:12", &f), 0);
	assert_int_equal(f.mode, SUPP_FS_FAULT_TORN);
	assert_int_equal(supp_fs_fault_parse("eio:1", &f), 0);
	assert_int_equal(f.mode, SUPP_FS_FAULT_EIO);
	assert_int_equal(supp_fs_fault_parse("enospc:7", &f), 0);
	assert_int_equal(f.mode, SUPP_FS_FAULT_ENOSPC);
	assert_int_equal(f.at, 7);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(supp_fs_fault_parse(bad[i], &f), -EINVAL);
	/* from the environment */
	setenv("VTEE_SUPP_FS_FAULT", "eio:2", 1);
	assert_int_equal(supp_fs_init(&fs, "/nonexistent"), 0);
	assert_int_equal(fs.fault.mode, SUPP_FS_FAULT_EIO);
	supp_fs_fini(&fs);
	setenv("VTEE_SUPP_FS_FAULT", "eio", 1);
	assert_int_equal(supp_fs_init(&fs, "/nonexistent"), -EINVAL);
	unsetenv("VTEE_SUPP_FS_FAULT");
}

/* eio/enospc from request n on: WRITE, TRUNCATE and CREATE fail without
 * touching the disk; everything else still works. */
static void fault_writes(struct fixture *fx, enum supp_fs_fault_mode mode,
			 uint32_t res)
{
	uint64_t fd, got;

	fx->s.fs.fault = (struct supp_fs_fault){ mode, 3 };
	fd = create_ok(fx, "f");					/* 1 */
	assert_int_equal(fs_write_at(fx, fd, 0, "good"), SUPP_RES_SUCCESS);
	assert_int_equal(fs_read_at(fx, fd, 0, 10, &got),		/* 3 */
			 SUPP_RES_SUCCESS);
	assert_int_equal(fs_write_at(fx, fd, 0, "evil"), res);
	assert_int_equal(fs_truncate_to(fx, fd, 1), res);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, "g", &got),
			 res);
	assert_false(exists(fx, "g"));
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, "f", &got),
			 res);
	assert_int_equal(fs_close_fd(fx, fd), SUPP_RES_SUCCESS);
	file_expect(fx, "f", "good");
	assert_int_equal(fs_rename_names(fx, "f", "h", false),
			 SUPP_RES_SUCCESS);
	assert_int_equal(deaths, 0);
}

static void test_fault_eio(void **state)
{
	fault_writes(*state, SUPP_FS_FAULT_EIO, SUPP_RES_GENERIC);
}

static void test_fault_enospc(void **state)
{
	fault_writes(*state, SUPP_FS_FAULT_ENOSPC, SUPP_RES_STORAGE_NO_SPACE);
}

/* "kill": request n is never served. */
static void test_fault_kill(void **state)
{
	struct fixture *fx = *state;
	uint64_t fd;

	fx->s.fs.fault = (struct supp_fs_fault){ SUPP_FS_FAULT_KILL, 2 };
	fd = create_ok(fx, "f");
	assert_int_equal(deaths, 0);
	assert_int_equal(fs_open_cmd(fx, OPTEE_RPC_FS_CREATE, "g", &fd),
			 SUPP_RES_GENERIC);
	assert_int_equal(deaths, 1);
	assert_false(exists(fx, "g"));
	fd = create_ok(fx, "g");	/* only the one */
	assert_int_equal(deaths, 1);
}

/* "torn": a WRITE is half on the disk, synced, before the death. */
static void test_fault_torn(void **state)
{
	struct fixture *fx = *state;
	uint64_t fd;

	fx->s.fs.fault = (struct supp_fs_fault){ SUPP_FS_FAULT_TORN, 3 };
	fd = create_ok(fx, "f");
	assert_int_equal(fs_write_at(fx, fd, 0, "abcdefghi"),
			 SUPP_RES_SUCCESS);
	assert_int_equal(fs_write_at(fx, fd, 0, "123456789"),
			 SUPP_RES_GENERIC);
	assert_int_equal(deaths, 1);
	file_expect(fx, "f", "1234efghi");
	assert_int_equal(fs_write_at(fx, fd, 0, "z"), SUPP_RES_SUCCESS);
	assert_int_equal(deaths, 1);
	/* one byte: that byte */
	fx->s.fs.fault.at = 5;
	assert_int_equal(fs_write_at(fx, fd, 8, "Z"), SUPP_RES_GENERIC);
	file_expect(fx, "f", "z234efghZ");
	/* not a WRITE (or a broken one): just the death */
	fx->s.fs.fault.at = 6;
	assert_int_equal(fs_truncate_to(fx, fd, 0), SUPP_RES_GENERIC);
	fx->s.fs.fault.at = 7;
	assert_int_equal(fs_write_at(fx, fd + 1000, 0, "x"),
			 SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(deaths, 4);
	file_expect(fx, "f", "z234efghZ");
}

/* Requests on many threads: the lazy data dir, the tables, the counter. */
struct worker {
	struct fixture *fx;
	int id;
};

/* The shm is shared, so each worker uses its own slice of it. */
static void *worker_run(void *arg)
{
	struct worker *w = arg;
	struct fixture *fx = w->fx;
	size_t base = (size_t)w->id * 1024;
	char name[32];
	int failures = 0;

	snprintf(name, sizeof(name), "w/%d", w->id);
	for (int i = 0; i < 50; i++) {
		struct tee_ioctl_param p[3] = {
			value(VAL_IN, OPTEE_RPC_FS_CREATE, 0, 0),
			mem(MEM_IN, base, strlen(name) + 1),
			value(VAL_OUT, 0, 0, 0),
		};
		uint64_t fd;

		memcpy(fx->shm + base, name, strlen(name) + 1);
		failures += fs_call(fx, p, 3) != SUPP_RES_SUCCESS;
		fd = p[2].a;
		p[0] = value(VAL_IN, OPTEE_RPC_FS_WRITE, fd, 0);
		p[1] = mem(MEM_IN, base + 512, 100);
		failures += fs_call(fx, p, 2) != SUPP_RES_SUCCESS;
		p[0] = value(VAL_IN, OPTEE_RPC_FS_READ, fd, 0);
		p[1] = mem(MEM_OUT, base + 512, 200);
		failures += fs_call(fx, p, 2) != SUPP_RES_SUCCESS ||
			    p[1].b != 100;
		p[0] = value(VAL_IN, OPTEE_RPC_FS_CLOSE, fd, 0);
		failures += fs_call(fx, p, 1) != SUPP_RES_SUCCESS;
	}
	return (void *)(intptr_t)failures;
}

static void test_threads(void **state)
{
	struct fixture *fx = *state;
	struct worker w[6];
	pthread_t t[6];
	void *failures;

	for (int i = 0; i < 6; i++) {
		w[i] = (struct worker){ fx, i };
		assert_int_equal(pthread_create(&t[i], NULL, worker_run, &w[i]),
				 0);
	}
	for (int i = 0; i < 6; i++) {
		assert_int_equal(pthread_join(t[i], &failures), 0);
		assert_null(failures);
	}
	assert_int_equal(fx->s.fs.requests, 6 * 50 * 4);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_data_dir_made_lazily),
		T(test_storage_not_available),
		T(test_create_write_read),
		T(test_leading_slash_is_data_dir),
		T(test_create_makes_parents),
		T(test_open_missing),
		T(test_remove),
		T(test_rename),
		T(test_dirs),
		T(test_two_dirs),
		T(test_name_escapes),
		T(test_name_bounds),
		T(test_symlinks_refused),
		T(test_foreign_fds_and_handles),
		T(test_bad_params),
		cmocka_unit_test(test_errno_mapping),
		cmocka_unit_test(test_fault_parse),
		T(test_fault_eio),
		T(test_fault_enospc),
		T(test_fault_kill),
		T(test_fault_torn),
		T(test_threads),
	};
#undef T

	supp_log_set_level(SUPP_LOG_ERROR);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
