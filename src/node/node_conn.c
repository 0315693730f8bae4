// SPDX-License-Identifier: BSD-2-Clause
/*
 * One connection to a vtee node: socket, connect, hello, welcome.
 */
#include "node_private.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
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
		.kind = kind | VTEE_NODE_WANT_CALL_PAGE,
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

/* Maps the call page the welcome carried; NULL keeps datagrams. */
static struct vtee_call_page *tee_node_map_page(int page_fd)
{
	void *p;

	if (page_fd < 0)
		return NULL;
	p = mmap(NULL, VTEE_CALL_PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_SHARED, page_fd, 0);
	close(page_fd);
	return p == MAP_FAILED ? NULL : p;
}

static int tee_node_read_welcome(int fd, struct vtee_node_welcome *welcome,
				 struct vtee_call_page **page)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int))];
	} ctl;
	struct iovec iov = { .iov_base = welcome, .iov_len = sizeof(*welcome) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = ctl.buf,
			     .msg_controllen = sizeof(ctl.buf) };
	struct cmsghdr *c;
	int page_fd = -1;
	ssize_t n;

	do {
		n = recvmsg(fd, &mh, MSG_TRUNC | MSG_CMSG_CLOEXEC);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	c = CMSG_FIRSTHDR(&mh);
	if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
	    c->cmsg_len == CMSG_LEN(sizeof(int)))
		memcpy(&page_fd, CMSG_DATA(c), sizeof(int));
	*page = tee_node_map_page(page_fd);
	/* EOF or a message of another size: not a node we can talk to */
	return n == sizeof(*welcome) ? 0 : -EIO;
}

int tee_node_connect(const struct sockaddr_un *addr, uint32_t kind,
		     uint8_t token[VTEE_NODE_TOKEN_LEN],
		     struct vtee_call_page **page)
{
	struct vtee_node_welcome welcome;
	int fd = tee_node_dial(addr);
	int rc;

	if (fd < 0)
		return fd;
	rc = tee_node_send_hello(fd, kind, token);
	if (!rc)
		rc = tee_node_read_welcome(fd, &welcome, page);
	if (!rc && welcome.status < 0)
		rc = welcome.status;
	if (rc) {
		if (*page)
			munmap(*page, VTEE_CALL_PAGE_SIZE);
		*page = NULL;
		close(fd);
		return rc;
	}
	if (kind == VTEE_NODE_NEW_CONTEXT)
		memcpy(token, welcome.token, VTEE_NODE_TOKEN_LEN);
	return fd;
}
