// SPDX-License-Identifier: BSD-2-Clause
/*
 * One connection to a vtee node: socket, connect, hello, welcome.
 */
#include "node_private.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int tee_node_dial(const struct sockaddr_un *addr)
{
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	int rc;

	if (fd < 0)
		return -errno;
	/* An interrupted AF_UNIX connect leaves the socket unconnected, so
	 * it can simply be tried again. */
	do {
		rc = connect(fd, (const struct sockaddr *)addr, sizeof(*addr));
	} while (rc < 0 && errno == EINTR);
	if (rc < 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	return fd;
}

static int tee_node_send_hello(int fd, uint32_t kind,
			       const uint8_t token[VTEE_NODE_TOKEN_LEN])
{
	struct vtee_node_hello hello = {
		.magic = VTEE_NODE_MAGIC,
		.kind = kind,
	};
	ssize_t n;

	if (kind == VTEE_NODE_ATTACH)
		memcpy(hello.token, token, sizeof(hello.token));
	do {
		n = send(fd, &hello, sizeof(hello), MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	return n == sizeof(hello) ? 0 : -EIO;
}

static int tee_node_read_welcome(int fd, struct vtee_node_welcome *welcome)
{
	ssize_t n;

	do {
		n = recv(fd, welcome, sizeof(*welcome), MSG_TRUNC);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	/* EOF or a message of another size: not a node we can talk to */
	return n == sizeof(*welcome) ? 0 : -EIO;
}

int tee_node_connect(const struct sockaddr_un *addr, uint32_t kind,
		     uint8_t token[VTEE_NODE_TOKEN_LEN])
{
	struct vtee_node_welcome welcome;
	int fd = tee_node_dial(addr);
	int rc;

	if (fd < 0)
		return fd;
	rc = tee_node_send_hello(fd, kind, token);
	if (!rc)
		rc = tee_node_read_welcome(fd, &welcome);
	if (!rc && welcome.status < 0)
		rc = welcome.status;
	if (rc) {
		close(fd);
		return rc;
	}
	if (kind == VTEE_NODE_NEW_CONTEXT)
		memcpy(token, welcome.token, VTEE_NODE_TOKEN_LEN);
	return fd;
}
