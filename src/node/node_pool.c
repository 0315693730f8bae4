// SPDX-License-Identifier: BSD-2-Clause
/*
 * The connections of one node device.  A node connection carries one ioctl
 * at a time, but a device must serve many threads at once (an invoke
 * blocks for as long as the TA runs, a cancel must get through meanwhile,
 * supplicant threads sit in SUPPL_RECV).  So a thread borrows an idle
 * connection, the primary first, and when every connection is busy a new
 * one attaches to the same context with the context's token.  Connections
 * stay for reuse until the device is closed.
 */
#include "node_private.h"
#include "vtee/futex.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

static int tee_node_addr(const char *path, struct sockaddr_un *addr)
{
	size_t len = strlen(path);

	if (len >= sizeof(addr->sun_path))
		return -ENAMETOOLONG;
	memset(addr, 0, sizeof(*addr));
	addr->sun_family = AF_UNIX;
	memcpy(addr->sun_path, path, len + 1);
	return 0;
}

int tee_node_open(const char *path, struct tee_node **out)
{
	struct tee_node *node = calloc(1, sizeof(*node));
	int rc;

	if (!node)
		return -ENOMEM;
	rc = tee_node_addr(path, &node->addr);
	if (!rc)
		rc = tee_node_connect(&node->addr, VTEE_NODE_NEW_CONTEXT,
				      node->token, &node->slot[0].page);
	if (rc < 0) {
		free(node);
		return rc;
	}
	for (int i = 1; i < TEE_NODE_POOL_MAX; i++)
		node->slot[i] = (struct tee_node_slot){ .fd = -1 };
	node->slot[0].fd = rc;
	pthread_mutex_init(&node->lock, NULL);
	pthread_cond_init(&node->returned, NULL);
	*out = node;
	return 0;
}

/* Secondaries first: the context ends when the primary closes, and the
 * node should not see attached connections outlive it. */
void tee_node_close(struct tee_node *node)
{
	for (int i = TEE_NODE_POOL_MAX - 1; i >= 0; i--) {
		struct vtee_call_page *pg = node->slot[i].page;

		if (pg) {
			/* the node's thread is waiting on the page, not the
			 * socket: tell it directly */
			__atomic_store_n(&pg->state, VTEE_CALL_HANGUP,
					 __ATOMIC_RELEASE);
			futex_wake_all(&pg->state, true);
			munmap(pg, VTEE_CALL_PAGE_SIZE);
		}
		if (node->slot[i].fd >= 0)
			close(node->slot[i].fd);
	}
	pthread_cond_destroy(&node->returned);
	pthread_mutex_destroy(&node->lock);
	free(node);
}

/* Under the lock: an idle open connection, else an empty slot, else -1. */
static int tee_node_pick(struct tee_node *node, bool *empty)
{
	int free_slot = -1;

	for (int i = 0; i < TEE_NODE_POOL_MAX; i++) {
		struct tee_node_slot *s = &node->slot[i];

		if (s->busy || s->dead)
			continue;
		if (s->fd >= 0) {
			*empty = false;
			return i;
		}
		if (free_slot < 0)
			free_slot = i;
	}
	*empty = true;
	return free_slot;
}

/* Opens the connection of an empty slot the caller has reserved. */
static int tee_node_attach(struct tee_node *node, int i)
{
	struct vtee_call_page *page = NULL;
	int fd = tee_node_connect(&node->addr, VTEE_NODE_ATTACH, node->token,
				  &page);

	pthread_mutex_lock(&node->lock);
	if (fd >= 0) {
		node->slot[i].fd = fd;
		node->slot[i].page = page;
	} else {
		node->slot[i].busy = false;
		pthread_cond_signal(&node->returned);
	}
	pthread_mutex_unlock(&node->lock);
	if (fd >= 0)
		return i;
	/* Out of fds is the caller's to know; anything else means the node
	 * or the context is gone, which a device reports as an I/O error. */
	return (fd == -EMFILE || fd == -ENFILE || fd == -ENOMEM) ? fd : -EIO;
}

int tee_node_borrow(struct tee_node *node)
{
	bool empty;
	int i;

	pthread_mutex_lock(&node->lock);
	while ((i = tee_node_pick(node, &empty)) < 0)
		pthread_cond_wait(&node->returned, &node->lock);
	node->slot[i].busy = true;
	pthread_mutex_unlock(&node->lock);
	return empty ? tee_node_attach(node, i) : i;
}

/*
 * The lock may have been held by a parent thread that does not exist in
 * the child, so it is made anew.  Every slot is emptied: the next call
 * attaches a connection of the child's own with the context's token.
 */
void tee_node_after_fork(struct tee_node *node)
{
	pthread_mutex_init(&node->lock, NULL);
	pthread_cond_init(&node->returned, NULL);
	for (int i = 0; i < TEE_NODE_POOL_MAX; i++) {
		struct tee_node_slot *s = &node->slot[i];

		if (s->page)
			munmap(s->page, VTEE_CALL_PAGE_SIZE);
		if (s->fd >= 0)
			close(s->fd);
		*s = (struct tee_node_slot){ .fd = -1 };
	}
}

void tee_node_give_back(struct tee_node *node, int i, bool broken)
{
	struct tee_node_slot *s = &node->slot[i];

	pthread_mutex_lock(&node->lock);
	s->busy = false;
	if (broken && i == 0) {
		/* The primary names the context: it stays open until the
		 * device closes, but is out of step and never lent again. */
		s->dead = true;
	} else if (broken) {
		if (s->page)
			munmap(s->page, VTEE_CALL_PAGE_SIZE);
		s->page = NULL;
		close(s->fd);
		s->fd = -1;
	}
	pthread_cond_signal(&node->returned);
	pthread_mutex_unlock(&node->lock);
}
