/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The secure world asking the normal world for a service: an RPC from a
 * secure thread, carried in that thread's RPC argument buffer.  Results
 * are read back once and validated by the caller.
 */
#ifndef VTEE_SECURE_RPC_H
#define VTEE_SECURE_RPC_H

#include <stddef.h>
#include <stdint.h>

#include "vtee/optee_msg.h"

struct sw_thread;

/* Runs RPC `cmd` with n params (in/out).  Returns the normal world's
 * result, or TEE_ERROR_COMMUNICATION if it could not be carried. */
uint32_t sw_rpc_cmd(struct sw_thread *thr, uint32_t cmd, size_t n,
		    struct optee_msg_param *params);

/* REE wall-clock time. */
uint32_t sw_rpc_get_time(struct sw_thread *thr, uint64_t *sec,
			 uint32_t *nsec);

/* Shared memory from the normal world, as a validated page array. */
struct sw_rpc_shm {
	uint64_t cookie;
	uint64_t size;
	size_t npages;
	uint64_t *pages;
	uint32_t type;
};

uint32_t sw_rpc_shm_alloc(struct sw_thread *thr, uint32_t type,
			  uint64_t size, struct sw_rpc_shm *out);
void sw_rpc_shm_free(struct sw_thread *thr, struct sw_rpc_shm *shm);
/*
 * The calling thread's payload buffer: APPL memory of at least size
 * bytes, kept between RPCs (as OP-TEE's REE FS keeps one per thread) and
 * grown when a call needs more.  Our reference keeps its shm id from
 * being reused, so a supplicant that restarted merely refuses it
 * (BAD_PARAMETERS): drop it then, and the next call gets a new one.
 */
uint32_t sw_rpc_payload(struct sw_thread *thr, uint64_t size,
			const struct sw_rpc_shm **shm);
void sw_rpc_payload_drop(struct sw_thread *thr);
/* Where a thread keeps it (thread.c; cookie 0: none). */
struct sw_rpc_shm *sw_thread_payload(struct sw_thread *thr);
/* Copies len bytes at offset 0 of an RPC shm into dst (zero-fills pages
 * that vanished). */
void sw_rpc_shm_read(struct sw_thread *thr, const struct sw_rpc_shm *shm,
		     void *dst, uint64_t len);
/* Copies len bytes from src to offset 0 of an RPC shm (skips pages that
 * vanished: whoever freed them gets nothing). */
void sw_rpc_shm_write(struct sw_thread *thr, const struct sw_rpc_shm *shm,
		      const void *src, uint64_t len);

#endif /* VTEE_SECURE_RPC_H */
