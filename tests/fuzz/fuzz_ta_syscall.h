/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The input format of fuzz_ta_syscall, shared with its seed generator.
 *
 * An input is a struct fts_env, then up to FTS_MAX_OPS syscalls the
 * hostile TA makes in turn, each a struct fts_op followed by its data
 * bytes.  An op's data_len is clamped to the bytes left and to
 * TA_CHAN_DATA_MAX (the channel's own limit, enforced before ta_syscall()
 * runs); the input ends early if an op's header does not fit.  Integers
 * are host-endian.
 *
 * Sessions the hostile TA opens are numbered from 1 in every input.  Three
 * sessions exist in every input besides: FTS_FOREIGN_SESSION (another
 * TA's, on the fixture TA), FTS_CLIENT_SESSION (the normal world's, on
 * the same TA) and FTS_CALLER_SESSION (the normal world's, on the hostile
 * TA: the one whose invoke is making these syscalls).
 *
 * Trusted storage starts empty in every input (no files in the normal
 * world's file system, no NV counters), so persistent object handles are
 * numbered from 1 too.  The RPMB storage has no device here.
 */
#ifndef VTEE_FUZZ_TA_SYSCALL_H
#define VTEE_FUZZ_TA_SYSCALL_H

#include <stdint.h>

#include "vtee/ta_channel.h"

#define FTS_MAX_OPS		6
#define FTS_SCRIPT		8

#define FTS_FOREIGN_SESSION	0x40000000u
#define FTS_CLIENT_SESSION	0x40000001u
#define FTS_CALLER_SESSION	0x40000002u

/* TA_FLAGS bits an instance may boot with (user_ta_header.h's) */
#define FTS_FLAG_SINGLE		(1u << 2)
#define FTS_FLAG_MULTI		(1u << 3)
#define FTS_FLAG_KEEP_ALIVE	(1u << 4)

/* What a callee TA does with an entry (script[] & 7, modulo FTS_ACTS). */
enum fts_act {
	FTS_DONE,	/* returns callee.ret with the outputs below */
	FTS_NESTED,	/* first makes the nested syscall below */
	FTS_DIE,	/* dies (its socket's EOF) */
	FTS_BAD_KIND,	/* posts a message of an unknown kind */
	FTS_BAD_LEN,	/* posts a SYSCALL with data_len past the limit */
	FTS_ACTS
};

/* TA processes the trusted OS starts, and how they behave. */
struct fts_callee {
	uint32_t ret;		/* what OPEN_SESSION and INVOKE return */
	uint32_t flags;		/* their TA_FLAGS (FTS_FLAG_*) */
	uint8_t load_fails;	/* bit n: the n-th TA load finds no TA */
	uint8_t spawn_fails;	/* bit n: the n-th process does not boot */
	/* one per OPEN_SESSION/INVOKE entry, in turn (cycling) */
	uint8_t script[FTS_SCRIPT];
	uint8_t pad[6];
	/* an FTS_NESTED syscall (its data: the current op's, clamped) */
	uint32_t nested_func;
	uint32_t nested_len;
	uint64_t nested_args[6];
	/* an FTS_DONE's outputs: memref sizes, and values */
	uint64_t out_size[4];
	uint32_t out_a[4];
	uint32_t out_b[4];
};

struct fts_env {
	uint8_t nops;		/* at most FTS_MAX_OPS */
	uint8_t hostile_flags;	/* the hostile TA's own TA_FLAGS */
	/* bit 0: the caller's operation is cancelled; bit 1: unmasked */
	uint8_t cancel;
	/* bit 0: GET_TIME fails; 1: SHM_ALLOC fails; 2: the plugin RPC
	 * fails */
	uint8_t rpc_fail;
	/* The normal world's file system (OPTEE_RPC_CMD_FS), counting its
	 * requests from 1 in each input (0: never): request fs_fail fails;
	 * request fs_lie gets an impossible answer (a write, truncation or
	 * removal: success, with nothing done); READ request number fs_flip
	 * comes back with one bit flipped. */
	uint8_t fs_fail;
	uint8_t fs_lie;
	uint8_t fs_flip;
	/* bit n: trusted storage restarts before op n (the files and NV
	 * counters stay; every handle goes) */
	uint8_t storage_restart;
	uint64_t plugin_out_len;	/* the supplicant's out_len */
	struct fts_callee callee;
};

struct fts_op {
	uint32_t func;		/* enum ta_syscall, any value */
	uint32_t data_len;	/* bytes of data that follow (clamped) */
	uint64_t args[6];
};

#endif /* VTEE_FUZZ_TA_SYSCALL_H */
