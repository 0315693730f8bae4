/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A stand-in vtee node for unit tests: a listening SOCK_SEQPACKET socket in
 * a private temporary directory that answers hellos itself and hands every
 * request to the test's handler, one thread per connection.  Handlers run
 * concurrently and off the main thread, so they record what they saw and
 * the test asserts afterwards.
 */
#ifndef VTEE_TEST_FAKE_NODE_H
#define VTEE_TEST_FAKE_NODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vtee/node_wire.h"

/* One request as it arrived. */
struct fake_req {
	int conn;		/* connection number, in accept order from 0 */
	size_t len;		/* datagram length */
	struct vtee_node_req hdr;
	const uint8_t *arg;	/* hdr.arg_len bytes */
	const uint8_t *win;	/* hdr.user_len bytes */
};

/* The answer; the node pre-fills rc 0, no argument, no window, no fd. */
struct fake_rep {
	int32_t rc;
	uint32_t flags;
	uint32_t arg_len;
	uint32_t user_len;
	uint8_t arg[VTEE_NODE_ARG_MAX];
	uint8_t win[TEE_MAX_ARG_SIZE];
	int fd;			/* >= 0: sent with SCM_RIGHTS, then closed */
	bool hangup;		/* shut the connection down instead */
	size_t send_len;	/* nonzero: send only this many bytes */
};

typedef void (*fake_handler)(void *priv, const struct fake_req *req,
			     struct fake_rep *rep);

struct fake_node_stats {
	int news;		/* NEW_CONTEXT hellos */
	int attaches;		/* ATTACH hellos with the right token */
	int bad_hellos;		/* wrong magic, kind or token */
	int eofs;		/* connections the client closed */
};

extern const uint8_t fake_node_token[VTEE_NODE_TOKEN_LEN];

struct fake_node *fake_node_start(fake_handler handler, void *priv);
const char *fake_node_path(const struct fake_node *fn);
/* Welcome status for later NEW_CONTEXT and ATTACH hellos (default 0). */
void fake_node_set_status(struct fake_node *fn, int32_t new_status,
			  int32_t attach_status);
void fake_node_stats(struct fake_node *fn, struct fake_node_stats *st);
/* Waits up to 10 s until `eofs` connections have seen EOF. */
bool fake_node_wait_eofs(struct fake_node *fn, int eofs);
/* Closes every connection and removes the socket. */
void fake_node_stop(struct fake_node *fn);

#endif /* VTEE_TEST_FAKE_NODE_H */
