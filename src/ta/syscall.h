/* SPDX-License-Identifier: BSD-2-Clause */
/* Services the TA asks of the trusted OS (TA_MSG_SYSCALL round trips). */
#ifndef VTEE_TA_SYSCALL_H
#define VTEE_TA_SYSCALL_H

#include <stddef.h>
#include <stdint.h>
#include <tee_api_types.h>

#include "vtee/ta_channel.h"

struct ta_sys {
	uint32_t func;		/* enum ta_syscall */
	uint64_t args[6];	/* in, then replaced by the OS's answer */
	const void *in;		/* payload sent, in_len bytes */
	size_t in_len;
	void *out;		/* room for the answer's payload */
	size_t out_cap;
	size_t out_len;		/* payload bytes the OS answered with;
				 * only min(out_len, out_cap) are copied */
};

/*
 * One round trip; returns the OS's TEE_Result.  The OS only listens while
 * an entry point runs: outside one this returns TEE_ERROR_BAD_STATE
 * without sending anything.  A payload over TA_CHAN_DATA_MAX gives
 * TEE_ERROR_EXCESS_DATA.
 */
TEE_Result ta_syscall(struct ta_sys *s);

/* The same for a call with arguments only. */
TEE_Result ta_syscall_args(uint32_t func, uint64_t args[6]);

#endif /* VTEE_TA_SYSCALL_H */
