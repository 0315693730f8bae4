/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Device nodes: a TEE device exposed as a Unix socket in the runtime dir
 * (see vtee/node_wire.h for the wire).  One thread per connection, so one
 * context serves many threads at once, and a blocking call (an invoke, a
 * supplicant's RECV) blocks only its own connection.
 */
#ifndef VTEE_KERNEL_TEE_NODE_H
#define VTEE_KERNEL_TEE_NODE_H

#include <stdio.h>
#include <sys/types.h>

struct tee_device;
struct tee_node;

/* Creates <dir>/<teedev->name> with `mode` and starts serving it. */
int tee_node_create(struct tee_device *teedev, const char *dir, mode_t mode,
		    struct tee_node **out);
/* Stops accepting and removes the socket (at daemon exit). */
void tee_node_stop(struct tee_node *node);
/* One line per open context: pid, uid, connections, sessions. */
void tee_node_report(struct tee_node *node, FILE *out);

#endif /* VTEE_KERNEL_TEE_NODE_H */
