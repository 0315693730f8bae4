/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The client side of a vtee node (node_wire.h), shared by the files of
 * src/node only.  node_conn.c speaks the hello of one connection,
 * node_pool.c lends connections to threads, node_call.c carries one ioctl
 * or SHM_RELEASE over a lent connection.
 */
#ifndef VTEE_NODE_PRIVATE_H
#define VTEE_NODE_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/un.h>

#include "vtee/node_wire.h"

/*
 * Connections one device keeps at most.  Each carries one ioctl at a time,
 * so this is also how many ioctls of one process may block in the node at
 * once; a further caller waits for a connection to come back.
 */
#define TEE_NODE_POOL_MAX	64

struct tee_node_slot {
	int fd;		/* -1: no connection in this slot */
	struct vtee_call_page *page;	/* NULL: this connection uses datagrams */
	bool busy;	/* lent to a caller (or being connected) */
	bool dead;	/* the primary failed: never lent again */
};

struct tee_node {
	struct sockaddr_un addr;
	uint8_t token[VTEE_NODE_TOKEN_LEN];
	pthread_mutex_t lock;
	pthread_cond_t returned;	/* a slot became free */
	struct tee_node_slot slot[TEE_NODE_POOL_MAX];	/* [0]: primary */
};

/* node_conn.c: connects to addr and exchanges the hello.  kind is a
 * VTEE_NODE_* hello kind; token is sent for ATTACH and, for NEW_CONTEXT,
 * receives the node's token.  The connection asks for a call page; *page
 * is it, or NULL if the node sent none.  Returns the fd or -errno. */
int tee_node_connect(const struct sockaddr_un *addr, uint32_t kind,
		     uint8_t token[VTEE_NODE_TOKEN_LEN],
		     struct vtee_call_page **page);

/* node_pool.c */
int tee_node_open(const char *path, struct tee_node **out);
void tee_node_close(struct tee_node *node);
/* Lends a connection: returns a slot index, or -errno if none could be
 * opened.  tee_node_give_back() returns it; `broken` says the connection
 * can no longer be trusted to be in step with the node. */
int tee_node_borrow(struct tee_node *node);
void tee_node_give_back(struct tee_node *node, int slot, bool broken);
/* In a fork child: forget the parent's connections (tee_dev_after_fork). */
void tee_node_after_fork(struct tee_node *node);

/* node_call.c */
int tee_node_ioctl(struct tee_node *node, unsigned long cmd, void *arg);
void tee_node_shm_release(struct tee_node *node, int32_t id);

#endif /* VTEE_NODE_PRIVATE_H */
