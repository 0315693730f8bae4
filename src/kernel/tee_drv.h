/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The REE kernel's TEE subsystem: what the generic core shares with its
 * backend drivers and with in-daemon clients.  Modelled on Linux's
 * tee_drv.h/tee_core.h: a small generic core (devices, contexts, shared
 * memory, parameter validation), and backends behind struct tee_driver_ops.
 */
#ifndef VTEE_KERNEL_TEE_DRV_H
#define VTEE_KERNEL_TEE_DRV_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "vtee/uapi/tee.h"

struct ns_ram;
struct ns_ram_block;
struct tee_device;
struct tee_context;
struct tee_shm;

/* Who opened a context: the peer credentials of the process, or the kernel. */
struct tee_cred {
	uid_t uid;
	gid_t gid;
	pid_t pid;
	size_t ngroups;
	gid_t groups[64];	/* supplementary groups (SO_PEERGROUPS) */
};

/* A parameter as the core hands it to a driver (Linux's struct tee_param). */
struct tee_param_memref {
	size_t shm_offs;
	size_t size;
	struct tee_shm *shm;	/* NULL: a NULL memref */
};

struct tee_param_value {
	uint64_t a, b, c;
};

struct tee_param {
	uint64_t attr;
	union {
		struct tee_param_memref memref;
		struct tee_param_value value;
	} u;
};

/* Internal shm flags, as Linux's TEE_SHM_* */
#define TEE_SHM_DYNAMIC		(1u << 0)	/* registered with the TEE */
#define TEE_SHM_USER_MAPPED	(1u << 1)
#define TEE_SHM_POOL		(1u << 2)
#define TEE_SHM_PRIV		(1u << 3)	/* driver private, id -1 */

struct tee_shm {
	struct tee_context *ctx;
	struct tee_device *teedev;
	struct ns_ram_block *blk;	/* the pages */
	uint64_t paddr;
	void *kaddr;
	size_t size;
	uint32_t flags;
	int id;				/* >= 1, or -1 for kernel shm */
	bool fd_held;			/* the owner process's fd reference */
	atomic_uint refcount;
	uint64_t sec_world_id;		/* the driver's cookie */
};

struct tee_driver_ops {
	void (*get_version)(struct tee_device *teedev,
			    struct tee_ioctl_version_data *vers);
	int (*open)(struct tee_context *ctx);
	void (*close_context)(struct tee_context *ctx);
	void (*release)(struct tee_context *ctx);
	int (*open_session)(struct tee_context *ctx,
			    struct tee_ioctl_open_session_arg *arg,
			    struct tee_param *param);
	int (*close_session)(struct tee_context *ctx, uint32_t session);
	int (*system_session)(struct tee_context *ctx, uint32_t session);
	int (*invoke_func)(struct tee_context *ctx,
			   struct tee_ioctl_invoke_arg *arg,
			   struct tee_param *param);
	int (*cancel_req)(struct tee_context *ctx, uint32_t cancel_id,
			  uint32_t session);
	int (*supp_recv)(struct tee_context *ctx, uint32_t *func,
			 uint32_t *num_params, struct tee_param *param);
	int (*supp_send)(struct tee_context *ctx, uint32_t ret,
			 uint32_t num_params, struct tee_param *param);
	/* make the pages of a new shm known to the TEE (dynamic shm) */
	int (*shm_register)(struct tee_context *ctx, struct tee_shm *shm);
	int (*shm_unregister)(struct tee_context *ctx, struct tee_shm *shm);
	/* open sessions of a context, for `vtee status` */
	size_t (*num_sessions)(struct tee_context *ctx);
	/* "maj.min[ (build)]" for the sysfs-like revision attribute */
	int (*get_tee_revision)(struct tee_device *teedev, char *buf,
				size_t len);
};

#define TEE_DESC_PRIVILEGED	0x1u

struct tee_desc {
	const char *name;
	const struct tee_driver_ops *ops;
	uint32_t flags;
};

struct tee_device {
	char name[16];			/* "tee0", "teepriv0" */
	const struct tee_desc *desc;
	struct ns_ram *ram;
	void *drvdata;
	pthread_mutex_t mutex;		/* shm ids */
	struct tee_shm **shm_ids;	/* index = id; [0] unused */
	size_t shm_ids_len;
	atomic_uint num_users;
};

struct tee_context {
	struct tee_device *teedev;
	void *data;			/* the driver's */
	atomic_uint refcount;
	bool releasing;
	bool supp_nowait;		/* kernel client: fail fast w/o supplicant */
	bool cap_memref_null;
	struct tee_cred cred;
};

/* --- devices (tee_device.c) --- */
struct tee_device *tee_device_alloc(const struct tee_desc *desc,
				    const char *name, struct ns_ram *ram,
				    void *drvdata);
void tee_device_free(struct tee_device *teedev);
/* Every registered device in order; for tee_client_open_context(). */
int tee_device_register(struct tee_device *teedev);
void tee_device_unregister(struct tee_device *teedev);
struct tee_device *tee_device_next(struct tee_device *prev);

/* --- contexts (tee_context.c) --- */
struct tee_context *tee_context_open(struct tee_device *teedev,
				     const struct tee_cred *cred, int *err);
/* The device fd's release: close_context now, release on the last put. */
void tee_context_close(struct tee_context *ctx);
void tee_context_get(struct tee_context *ctx);
void tee_context_put(struct tee_context *ctx);
size_t tee_context_num_sessions(struct tee_context *ctx);

/* --- shared memory (tee_shm.c) --- */
struct tee_shm *tee_shm_alloc_user_buf(struct tee_context *ctx, size_t size,
				       int *err);
struct tee_shm *tee_shm_alloc_kernel_buf(struct tee_context *ctx,
					 size_t size);
/* Driver-private memory (RPC args, secure-world allocations): id -1. */
struct tee_shm *tee_shm_alloc_priv_buf(struct tee_context *ctx, size_t size);
struct tee_shm *tee_shm_get_from_id(struct tee_context *ctx, int id);
void tee_shm_get(struct tee_shm *shm);
void tee_shm_put(struct tee_shm *shm);
void tee_shm_free(struct tee_shm *shm);
/* The owner dropped its fd (node OP_SHM_RELEASE). 0 or -EINVAL. */
int tee_shm_release_fd(struct tee_context *ctx, int id);
/* Drop every fd reference still held by ctx (the device fd closed). */
void tee_shm_release_all_fds(struct tee_context *ctx);
void *tee_shm_get_va(struct tee_shm *shm, size_t offs);
int tee_shm_get_pa(struct tee_shm *shm, size_t offs, uint64_t *pa);
int tee_shm_memfd(const struct tee_shm *shm);

/*
 * --- the in-kernel client API (tee_client.c) ---
 * What in-daemon code calls, and what the ioctl front end calls after it
 * has validated user input.  Kernel callers bypass params_from_user():
 * their memrefs are not bounds-checked by the core, as in Linux.
 */
typedef int (*tee_match_fn)(const struct tee_ioctl_version_data *vers,
			    const void *data);
struct tee_context *tee_client_open_context(struct tee_context *start,
					    tee_match_fn match,
					    const void *data,
					    struct tee_ioctl_version_data *vers,
					    int *err);
void tee_client_close_context(struct tee_context *ctx);
void tee_client_get_version(struct tee_context *ctx,
			    struct tee_ioctl_version_data *vers);
int tee_client_open_session(struct tee_context *ctx,
			    struct tee_ioctl_open_session_arg *arg,
			    struct tee_param *param);
int tee_client_close_session(struct tee_context *ctx, uint32_t session);
int tee_client_system_session(struct tee_context *ctx, uint32_t session);
int tee_client_invoke_func(struct tee_context *ctx,
			   struct tee_ioctl_invoke_arg *arg,
			   struct tee_param *param);
int tee_client_cancel_req(struct tee_context *ctx,
			  const struct tee_ioctl_cancel_arg *arg);

/* --- client UUIDs (tee_client_uuid.c) --- */
int tee_session_calc_client_uuid(uint8_t uuid[16], uint32_t login,
				 const void *connection_data,
				 const struct tee_cred *cred);

/* --- helpers for drivers --- */
static inline bool tee_param_is_memref(const struct tee_param *p)
{
	switch (p->attr & TEE_IOCTL_PARAM_ATTR_TYPE_MASK) {
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
		return true;
	default:
		return false;
	}
}

#endif /* VTEE_KERNEL_TEE_DRV_H */
