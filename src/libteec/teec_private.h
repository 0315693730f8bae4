/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the files of libteec share.  The public structures keep OP-TEE's
 * layout (see tee_client_api.h), which leaves no room for a pointer in a
 * TEEC_Context: the library finds its own context state through the
 * context's fd instead (teec_registry.c).
 */
#ifndef VTEE_TEEC_PRIVATE_H
#define VTEE_TEEC_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "tee_client_api.h"
#include "vtee/tee_dev.h"
#include "vtee/uapi/tee.h"

#define TEEC_NUM_PARAMS		TEEC_CONFIG_PAYLOAD_REF_COUNT

/* The layout binaries built with optee_client's header expect. */
#if UINTPTR_MAX == UINT64_MAX
_Static_assert(sizeof(TEEC_Session) == 16, "TEEC_Session");
_Static_assert(sizeof(TEEC_SharedMemory) == 56, "TEEC_SharedMemory");
_Static_assert(sizeof(TEEC_Operation) == 112, "TEEC_Operation");
#else
_Static_assert(sizeof(TEEC_Session) == 8, "TEEC_Session");
_Static_assert(sizeof(TEEC_SharedMemory) == 32, "TEEC_SharedMemory");
_Static_assert(sizeof(TEEC_Operation) == 60, "TEEC_Operation");
#endif
_Static_assert(sizeof(TEEC_Context) == 8, "TEEC_Context");
_Static_assert(sizeof(TEEC_UUID) == 16, "TEEC_UUID");

/* How a TEEC_SharedMemory was made (imp.flags); 0 is "not shared". */
enum teec_shm_kind {
	TEEC_SHM_ALLOCATED = 1,	/* SHM_ALLOC'd; buffer is its mapping */
	TEEC_SHM_REGISTERED,	/* SHM_REGISTER'd user memory, zero copy */
	TEEC_SHM_SHADOWED,	/* user memory copied through a shadow */
	TEEC_SHM_FD,		/* SHM_REGISTER_FD'd dma-buf, no mapping */
};

/* One SHM_ALLOC'd block, mapped and with its fd kept open. */
struct teec_map {
	void *va;
	size_t size;
	int fd;
	int32_t id;
};

/* Cached blocks for temporary memory references, per context. */
#define TEEC_CACHE_SLOTS	8
/* Larger temporary references get a block of their own each time. */
#define TEEC_CACHE_BLOCK_MAX	(1u << 20)

struct teec_slot {
	struct teec_map map;	/* va NULL: empty */
	bool busy;
};

/* The library's side of a TEEC_Context. */
struct teec_ctx {
	struct tee_dev *dev;
	bool reg_mem;
	bool memref_null;
	pthread_mutex_t cache_lock;
	struct teec_slot cache[TEEC_CACHE_SLOTS];
};

/* A block lent for the temporary references of one operation. */
struct teec_tmp {
	struct teec_map map;
	int slot;		/* cache slot, or -1: released after use */
};

/* The state of one operation's parameters between in and out. */
struct teec_marshal {
	struct teec_ctx *ctx;
	bool have_tmp;
	struct teec_tmp tmp;	/* holds every temporary reference */
	size_t off[TEEC_NUM_PARAMS];	/* where each one sits in tmp */
};

/* teec_log.c: "libteec: ..." on stderr when VTEE_TEEC_DEBUG is set */
void teec_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* teec_registry.c: fd (of a context or of a shm) -> context */
int teec_registry_add(int fd, struct teec_ctx *ctx);
void teec_registry_del(int fd);
struct teec_ctx *teec_registry_get(int fd);
/* Drops every entry naming ctx (shm left over at FinalizeContext). */
void teec_registry_forget(struct teec_ctx *ctx);
struct teec_ctx *teec_ctx_of(const TEEC_Context *context);

/* teec_shm.c */
int teec_map_alloc(struct teec_ctx *ctx, size_t size, struct teec_map *m);
void teec_map_free(struct teec_ctx *ctx, struct teec_map *m);

/* teec_cache.c */
int teec_cache_get(struct teec_ctx *ctx, size_t need, struct teec_tmp *tmp);
void teec_cache_put(struct teec_ctx *ctx, struct teec_tmp *tmp);
void teec_cache_fini(struct teec_ctx *ctx);

/* teec_param.c: TEEC parameters <-> ioctl parameters */
TEEC_Result teec_params_in(struct teec_marshal *m, TEEC_Operation *op,
			   struct tee_ioctl_param *p);
void teec_params_out(struct teec_marshal *m, TEEC_Operation *op,
		     const struct tee_ioctl_param *p);
void teec_params_done(struct teec_marshal *m);

/* teec_cancel.c: operations in flight, for TEEC_RequestCancellation */
struct teec_pending {
	TEEC_Operation *op;
	struct teec_ctx *ctx;
	uint32_t session;	/* 0 while the session is being opened */
	uint32_t cancel_id;
	struct teec_pending *next;
};

TEEC_Result teec_pending_begin(struct teec_pending *p, TEEC_Operation *op,
			       struct teec_ctx *ctx, uint32_t session);
void teec_pending_end(struct teec_pending *p);

#endif /* VTEE_TEEC_PRIVATE_H */
