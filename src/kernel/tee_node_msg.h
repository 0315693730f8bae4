/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Parsing one request datagram from a node (vtee/node_wire.h).  Pure: no
 * context, no I/O, so it can be unit-tested and fuzzed on its own.
 */
#ifndef VTEE_KERNEL_TEE_NODE_MSG_H
#define VTEE_KERNEL_TEE_NODE_MSG_H

#include <stddef.h>
#include <stdint.h>

#include "vtee/node_wire.h"

struct tee_node_msg {
	uint32_t op;
	uint32_t ioctl_cmd;
	int32_t shm_id;
	/* the fixed ioctl argument, aligned; NULL when none was sent */
	uint64_t arg_buf[VTEE_NODE_ARG_MAX / 8];
	void *arg;
	uint32_t arg_len;
	/* the user window, pointing into the datagram */
	uint64_t user_addr;
	uint8_t *user;
	uint32_t user_len;
};

/*
 * Validates and splits a datagram of len bytes (len may exceed the
 * buffer's VTEE_NODE_MSG_MAX when the datagram was truncated: refused).
 * Returns 0, or -EINVAL for anything malformed: short, oversized, lengths
 * that do not add up, an unknown op, or an argument of the wrong size for
 * a known ioctl.  An unknown ioctl number parses (the core refuses it).
 */
int tee_node_msg_parse(uint8_t *buf, size_t len, struct tee_node_msg *out);

#endif /* VTEE_KERNEL_TEE_NODE_MSG_H */
