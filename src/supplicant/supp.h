/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vtee-supplicant: the normal-world helper that the secure world reaches
 * through the REE kernel's supplicant queue (TEE_IOC_SUPPL_RECV/SEND on
 * the privileged device).  It serves LOAD_TA (TA images from the TA
 * directories), SHM_ALLOC and SHM_FREE (shared memory in its own context,
 * which every memref the kernel later hands it must live in), the REE file
 * system (FS) and plugins; every other request is answered NOT_SUPPORTED.
 *
 * Files: main.c (start, signals, exit), options.c (command line), log.c,
 * loop.c (RECV/SEND loop and its threads), dispatch.c (request -> service),
 * shm_table.c (the shared memory it owns), shm_rpc.c (SHM_ALLOC/FREE),
 * ta_load.c (LOAD_TA), plugins.c (SUPP_PLUGIN), ree_fs*.c (FS),
 * rpmb_emu.c and rpmb_image.c (RPMB: an emulated eMMC partition).
 */
#ifndef VTEE_SUPP_H
#define VTEE_SUPP_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vtee/uapi/tee.h"

struct tee_dev;

/*
 * Results put in tee_iocl_supp_send_arg.ret: TEEC_Result values (the
 * kernel hands them to the secure world unchanged).  Named here rather
 * than taken from a client header the supplicant has no other use for.
 */
#define SUPP_RES_SUCCESS		0x00000000u
#define SUPP_RES_GENERIC		0xFFFF0000u
#define SUPP_RES_ACCESS_CONFLICT	0xFFFF0003u
#define SUPP_RES_BAD_PARAMETERS		0xFFFF0006u
#define SUPP_RES_ITEM_NOT_FOUND		0xFFFF0008u
#define SUPP_RES_NOT_SUPPORTED		0xFFFF000Au
#define SUPP_RES_OUT_OF_MEMORY		0xFFFF000Cu
#define SUPP_RES_SHORT_BUFFER		0xFFFF0010u
#define SUPP_RES_STORAGE_NO_SPACE	0xFFFF3041u
#define SUPP_RES_STORAGE_NOT_AVAILABLE	0xF0100003u

/* One META parameter (the request id) and the 4 an OP-TEE RPC carries at
 * most; the kernel refuses to hand over a request that would not fit. */
#define SUPP_MAX_PARAMS			5

/* The emulated RPMB device's image (and its ".tmp" while it is replaced),
 * in the data directory; the REE FS service never hands it out. */
#define RPMB_EMU_IMAGE	"rpmb.img"

/* ------------------------------------------------------------ log.c */
enum supp_log_level {
	SUPP_LOG_ERROR,
	SUPP_LOG_WARN,
	SUPP_LOG_INFO,
	SUPP_LOG_DEBUG,
};

void supp_log_set_level(enum supp_log_level level);
/* Parses "error", "warn", "info" or "debug"; 0 or -1. */
int supp_log_level_parse(const char *name, enum supp_log_level *level);
/* One line on stderr: "vtee-supplicant: [level: ]message". */
void supp_log(enum supp_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* -------------------------------------------------------- options.c */
struct supp_options {
	const char *device;		/* NULL: <runtime dir>/teepriv0 */
	const char *runtime_dir;	/* NULL: vtee_default_runtime_dir() */
	const char *ta_dirs;		/* colon-separated */
	const char *plugin_dir;		/* *.plugin files; NULL: none */
	const char *data_dir;		/* REE FS files; NULL: the default */
	unsigned int max_threads;
	enum supp_log_level log_level;
};

/* What supp_options_parse() returns when the daemon should start; any
 * other value is the exit status to end with (--help, bad usage). */
#define SUPP_ARGS_OK	(-1)

int supp_options_parse(int argc, char **argv, struct supp_options *o);
/* The device to serve: --device, else <runtime dir>/teepriv0.  0 or
 * -ENAMETOOLONG. */
int supp_options_device(const struct supp_options *o, char *buf, size_t len);
/* The REE FS directory: --data-dir, else <vtee state dir>/tee (where
 * vteed's own --data-dir points by default).  0 or -ENAMETOOLONG. */
int supp_options_data_dir(const struct supp_options *o, char *buf,
			  size_t len);

/* ------------------------------------------------------ shm_table.c */
/*
 * A shared-memory object the supplicant allocated in its own context.
 * Reference counted: the table holds one reference while the id is live,
 * each request using the memory one more, so an SHM_FREE that races a
 * request still using the memory cannot unmap it under that request.
 */
struct supp_shm {
	struct supp_shm *next;
	int32_t id;
	int fd;
	void *addr;
	size_t size;
	unsigned int refs;
};

struct supp_shm_table {
	pthread_mutex_t lock;
	struct supp_shm *head;
	/* Releases an entry's memory, fd and id once nobody uses it. */
	void (*release)(struct supp_shm *shm, void *ctx);
	void *release_ctx;
};

/* A memref resolved to memory: ptr/size lie inside shm's mapping. */
struct supp_memref {
	struct supp_shm *shm;	/* referenced: supp_shm_put() when done */
	uint8_t *ptr;
	size_t size;
};

void supp_shm_table_init(struct supp_shm_table *t,
			 void (*release)(struct supp_shm *, void *),
			 void *release_ctx);
/* Adds id -> (fd, addr, size).  0, -EINVAL (negative id), -EEXIST (id in
 * use) or -ENOMEM. */
int supp_shm_add(struct supp_shm_table *t, int32_t id, int fd, void *addr,
		 size_t size);
/* Takes a reference on id's entry; NULL if there is none. */
struct supp_shm *supp_shm_get(struct supp_shm_table *t, uint64_t id);
void supp_shm_put(struct supp_shm_table *t, struct supp_shm *shm);
/* Forgets id; its memory goes once the last user puts it.  0 or -ENOENT. */
int supp_shm_remove(struct supp_shm_table *t, uint64_t id);
/*
 * Resolves memref `p` (a = offset, b = size, c = id) against the table
 * only.  0, -ENOENT for a NULL memref or an id the supplicant does not
 * own, -ERANGE if offset + size leaves the shm.
 */
int supp_memref_get(struct supp_shm_table *t, const struct tee_ioctl_param *p,
		    struct supp_memref *m);

/* ------------------------------------------------------- ta_load.c */
struct supp_ta_dirs {
	char *buf;	/* the split copy of the list */
	char **dir;	/* pointers into buf */
	size_t count;
};

/* Splits a colon-separated list (empty entries skipped).  0, -EINVAL if
 * it names no directory, or -ENOMEM. */
int supp_ta_dirs_parse(const char *list, struct supp_ta_dirs *dirs);
void supp_ta_dirs_free(struct supp_ta_dirs *dirs);

/* ------------------------------------------------------ the daemon */
/* ------------------------------------------------------- plugins.c */
#define SUPP_MAX_PLUGINS 32

struct plugin_method;

struct supp_plugins {
	size_t count;
	void *handle[SUPP_MAX_PLUGINS];
	const struct plugin_method *method[SUPP_MAX_PLUGINS];
};

/* Loads every *.plugin of dir (NULL or missing: none).  0 or -errno. */
int supp_plugins_load(struct supp_plugins *pl, const char *dir);
void supp_plugins_unload(struct supp_plugins *pl);

/* -------------------------------------------------------- ree_fs*.c */
/*
 * The REE FS service's state.  Files and directories it opened are known
 * by the numbers the secure world got for them (a file: the supplicant's
 * fd, as in optee_client; a directory: a handle); a request naming any
 * other number is refused, so it can never reach the supplicant's own
 * sockets and memfds.
 */
struct supp_fs_handle;

struct supp_fs_handles {
	pthread_mutex_t lock;
	struct supp_fs_handle *head;
};

/* VTEE_SUPP_FS_FAULT=<mode>:<n>, a knob for crash and I/O error tests. */
enum supp_fs_fault_mode {
	SUPP_FS_FAULT_NONE,
	SUPP_FS_FAULT_KILL,	/* die before serving request n */
	SUPP_FS_FAULT_TORN,	/* request n, a WRITE: half written, die */
	SUPP_FS_FAULT_EIO,	/* from request n: writes fail with EIO */
	SUPP_FS_FAULT_ENOSPC,	/* ... with ENOSPC */
};

struct supp_fs_fault {
	enum supp_fs_fault_mode mode;
	uint64_t at;		/* the request number, counted from 1 */
};

struct supp_fs {
	char *data_dir;
	pthread_mutex_t lock;		/* guards root's creation */
	int root;			/* the data dir; -1 until first used */
	struct supp_fs_handles files;	/* by fd */
	struct supp_fs_handles dirs;	/* by handle */
	struct supp_fs_fault fault;
	uint64_t requests;		/* FS requests so far (atomic) */
	/* How the fault knob kills the process; a unit test replaces it
	 * (and then the request fails with GENERIC). */
	void (*die)(void);
};

/* Parses the fault knob ("kill:3"); NULL or "" means none.  0 or -EINVAL. */
int supp_fs_fault_parse(const char *spec, struct supp_fs_fault *f);
/* Nothing is touched on disk until the first request.  The fault knob is
 * read from $VTEE_SUPP_FS_FAULT.  0, -EINVAL (a bad knob) or -ENOMEM. */
int supp_fs_init(struct supp_fs *fs, const char *data_dir);
/* Closes every file and directory still open. */
void supp_fs_fini(struct supp_fs *fs);

/* ------------------------------------------------------ rpmb_emu.c */
/* The emulated RPMB partition (one eMMC, dev_id 0), kept in
 * <dir>/rpmb.img. */
struct supp_rpmb;

/*
 * Opens the device.  No image yet: a new, blank device (the file comes
 * with the key).  An image that cannot be read whole and intact: a
 * device that answers GENERIC to every request (logged), never a blank
 * one.  0, -ENOMEM or -ENAMETOOLONG.
 */
int supp_rpmb_open(const char *dir, struct supp_rpmb **out);
void supp_rpmb_close(struct supp_rpmb *d);
/* One OPTEE_RPC_CMD_RPMB exchange on private buffers: a struct rpmb_req
 * and its frames in, the answer out (vtee/rpmb_frame.h). */
uint32_t supp_rpmb_request(struct supp_rpmb *d, const void *req,
			   size_t req_size, void *rsp, size_t rsp_size);

struct supp {
	struct tee_dev *dev;
	struct supp_plugins plugins;
	struct supp_shm_table shms;
	struct supp_ta_dirs ta_dirs;
	struct supp_fs fs;
	struct supp_rpmb *rpmb;		/* NULL: RPMB not served */

	/* loop.c: the threads serving requests */
	pthread_mutex_t lock;
	pthread_cond_t idle;		/* busy went to 0 */
	unsigned int max_threads;
	unsigned int threads;		/* alive */
	unsigned int waiting;		/* in SUPPL_RECV */
	unsigned int busy;		/* serving a request */
	bool stopping;			/* take no new requests */
};

/* A service: fills the params (request order, META not counted) in place
 * and returns the result. */
typedef uint32_t (*supp_service_fn)(struct supp *s, struct tee_ioctl_param *p,
				    size_t n);

uint32_t supp_ta_load(struct supp *s, struct tee_ioctl_param *p, size_t n);
uint32_t supp_shm_alloc(struct supp *s, struct tee_ioctl_param *p, size_t n);
uint32_t supp_shm_free(struct supp *s, struct tee_ioctl_param *p, size_t n);
uint32_t supp_plugin_invoke(struct supp *s, struct tee_ioctl_param *p,
			    size_t n);
uint32_t supp_ree_fs(struct supp *s, struct tee_ioctl_param *p, size_t n);
uint32_t supp_rpmb_serve(struct supp *s, struct tee_ioctl_param *p, size_t n);

/* dispatch.c: serves request `func`; NOT_SUPPORTED for unknown ones. */
uint32_t supp_dispatch(struct supp *s, uint32_t func,
		       struct tee_ioctl_param *p, size_t n);

/* shm_rpc.c: the table's release callback for shm from the device. */
void supp_shm_release_dev(struct supp_shm *shm, void *dev);

/* loop.c */
/* Initialises the thread state and starts the first serving thread.
 * 0 or -errno. */
int supp_loop_start(struct supp *s, unsigned int max_threads);
/* Takes no new requests and waits up to timeout_ms for the ones being
 * served to be answered. */
void supp_loop_stop(struct supp *s, unsigned int timeout_ms);
/* Ends the process with `status`; safe from any thread, any number of
 * times (the first caller wins). */
__attribute__((noreturn)) void supp_exit(int status);

#endif /* VTEE_SUPP_H */
