/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The wire between a process and a vtee device node.
 *
 * A node (<runtime-dir>/tee0, <runtime-dir>/teepriv0) is an AF_UNIX
 * SOCK_SEQPACKET socket: one datagram is one message, EOF is "the process
 * closed its device fd (or died)", and SCM_RIGHTS carries shared-memory
 * memfds.  Every ioctl crosses as its number plus its argument bytes exactly
 * as the Linux UAPI (vtee/uapi/tee.h) lays them out.  Ioctls that point at
 * user memory (struct tee_ioctl_buf_data) also carry that memory as a
 * "user window": the bytes at [user_addr, user_addr + user_len) of the
 * caller.  The REE kernel resolves copy_from_user/copy_to_user against the
 * window, so an address outside it fails with -EFAULT exactly where Linux
 * would fault.
 *
 * A context may be used by many threads at once.  The first connection
 * creates the context and receives a random token; further connections
 * attach to the same context with that token (and the same peer uid), and
 * each connection carries one ioctl at a time.  The context ends when its
 * first connection closes, as the device fd's release does in Linux.
 *
 * All integers are host-endian: a node is local to one machine.
 */
#ifndef VTEE_NODE_WIRE_H
#define VTEE_NODE_WIRE_H

#include <stdint.h>
#include "vtee/uapi/tee.h"

#define VTEE_NODE_MAGIC		0x314e5456u	/* "VTN1" */
#define VTEE_NODE_TOKEN_LEN	16

enum vtee_node_hello_kind {
	VTEE_NODE_NEW_CONTEXT = 1,	/* this connection opens a context */
	VTEE_NODE_ATTACH = 2,		/* join the context named by token */
};

/*
 * OR'ed into the hello kind: "give this connection a call page".  The
 * welcome then carries the page's memfd (SCM_RIGHTS).  A node that does
 * not, or a welcome without an fd, means datagrams as before.
 */
#define VTEE_NODE_WANT_CALL_PAGE	0x10000u
#define VTEE_NODE_KIND_MASK		0xffffu

/* First message on a connection, client to node. */
struct vtee_node_hello {
	uint32_t magic;
	uint32_t kind;
	uint8_t token[VTEE_NODE_TOKEN_LEN];	/* ATTACH only */
};

/* Node's answer to the hello. status is 0 or -errno (-EBUSY: second
 * supplicant, -ENOENT: unknown token). */
struct vtee_node_welcome {
	int32_t status;
	uint32_t pad;
	uint8_t token[VTEE_NODE_TOKEN_LEN];
};

enum vtee_node_op {
	VTEE_NODE_OP_IOCTL = 1,
	/*
	 * The process has closed its fd of shm `id` and has no mapping of it
	 * left: the reference the fd held is dropped.  Linux learns this from
	 * the fd's release; a node cannot see close() or munmap() of a memfd,
	 * so the library or shim that owns the mapping says it.
	 */
	VTEE_NODE_OP_SHM_RELEASE = 2,
};

/* Request: header, then arg_len bytes of ioctl argument, then user_len
 * bytes of user window. */
struct vtee_node_req {
	uint32_t op;
	uint32_t ioctl_cmd;	/* OP_IOCTL: the ioctl number */
	uint64_t user_addr;	/* caller address of the user window */
	uint32_t arg_len;	/* must equal _IOC_SIZE(ioctl_cmd) */
	uint32_t user_len;
	int32_t shm_id;		/* OP_SHM_RELEASE */
	uint32_t pad;
};

#define VTEE_NODE_REP_FD	0x1u	/* an fd rides along (SCM_RIGHTS) */

/* Reply: header, then arg_len bytes (the ioctl argument as written back),
 * then user_len bytes to store back at user_addr. */
struct vtee_node_rep {
	int32_t rc;		/* ioctl return value, or -errno */
	uint32_t flags;
	uint32_t arg_len;
	uint32_t user_len;
};

/* The largest message either way: header, a fixed argument, a full window. */
#define VTEE_NODE_ARG_MAX	64
#define VTEE_NODE_MSG_MAX \
	(sizeof(struct vtee_node_req) + VTEE_NODE_ARG_MAX + TEE_MAX_ARG_SIZE)

/*
 * The call page: a connection's requests and replies without a socket
 * round trip.  The same bytes as the datagrams above go through msg[]:
 *
 *   client: write the request, len, then state = REQUEST; FUTEX_WAKE
 *   node:   copy the request out once; serve it; write the reply and len;
 *           send an fd that rides along as a datagram (SCM_RIGHTS, one
 *           byte of payload); then state = REPLY; FUTEX_WAKE
 *   client: read the reply (and that datagram); state = IDLE
 *
 * Both sides wait on `state` with FUTEX_WAIT (shared, not private).  The
 * socket stays the connection's lifeline: its EOF still closes the
 * context, and a side waiting on the page checks it now and then.  The
 * node treats the page as hostile memory like any user memory: it reads
 * len and the request once, into its own buffer.
 */
enum vtee_call_state {
	VTEE_CALL_IDLE = 0,
	VTEE_CALL_REQUEST = 1,
	VTEE_CALL_REPLY = 2,
	/* the client is closing the connection: no need to wait for the
	 * socket's EOF to be noticed */
	VTEE_CALL_HANGUP = 3,
};

#define VTEE_CALL_PAGE_SIZE	8192

struct vtee_call_page {
	uint32_t state;
	uint32_t len;
	uint32_t pad[14];
	uint8_t msg[VTEE_NODE_MSG_MAX];
};

_Static_assert(sizeof(struct vtee_call_page) <= VTEE_CALL_PAGE_SIZE,
	       "call page");
_Static_assert(sizeof(struct vtee_node_hello) == 24, "hello");
_Static_assert(sizeof(struct vtee_node_welcome) == 24, "welcome");
_Static_assert(sizeof(struct vtee_node_req) == 32, "req");
_Static_assert(sizeof(struct vtee_node_rep) == 16, "rep");

#endif /* VTEE_NODE_WIRE_H */
