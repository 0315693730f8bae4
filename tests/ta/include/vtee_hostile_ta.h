/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hostile test TA (tests/ta/hostile_ta.c): it posts raw channel
 * messages (vtee/ta_channel.h) that the TA runtime would never send, so the
 * trusted OS's own checks can be tested through the real stack.  Shared by
 * the TA and tests/integration/tos/test_hostile_ta.c.
 */
#ifndef VTEE_HOSTILE_TA_H
#define VTEE_HOSTILE_TA_H

#include <stdint.h>

/* flags 0: every session gets its own instance, so a kill hits one. */
#define HOSTILE_TA_UUID \
	{ 0x77092bdd, 0xfd74, 0x4263, \
	  { 0x8a, 0xa6, 0x11, 0x59, 0x4b, 0x27, 0x11, 0x9f } }

/* One channel message as the TA posts it or the OS answers it. */
struct hostile_msg {
	uint32_t kind;		/* enum ta_msg_kind, any value */
	uint32_t func;		/* enum ta_syscall, any value */
	uint32_t ret;		/* answer: the OS's TEE_Result */
	uint32_t data_len;	/* claimed in msg.data_len, any value */
	uint64_t args[6];
};

enum hostile_ta_cmd {
	/* no params: TEE_SUCCESS while the instance lives */
	HOSTILE_CMD_NOP = 0,
	/*
	 * p0 MEMREF_INPUT: struct hostile_msg, then the bytes to write into
	 * the channel's data (at most TA_CHAN_DATA_MAX; its data_len may
	 * claim more or fewer).  p1 MEMREF_OUTPUT: the answer's struct
	 * hostile_msg, then as many answer data bytes as fit (p1's size
	 * comes back as what was written).  The message is posted as is
	 * and the TA waits for the OS's answer: TEE_SUCCESS once it came,
	 * unless the OS kills the instance instead.
	 */
	HOSTILE_CMD_RAW = 1,
};

#endif /* VTEE_HOSTILE_TA_H */
