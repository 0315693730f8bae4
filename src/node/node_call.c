// SPDX-License-Identifier: BSD-2-Clause
/*
 * One ioctl, or one SHM_RELEASE, over a node connection (node_wire.h).
 *
 * The caller's memory (the ioctl argument and the user window) is read and
 * written with process_vm_readv/writev on our own pid rather than with
 * memcpy: like the kernel's copy_from_user, that turns a bad pointer into
 * -EFAULT (or a shorter window) instead of a crash in the middle of a
 * library, which matters for the LD_PRELOAD shim that passes on whatever
 * the application handed to ioctl().
 */
#include "node_private.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "vtee/futex.h"

/* The user window spans at most this many pages (TEE_MAX_ARG_SIZE bytes
 * at any alignment, pages of at least 4 KiB). */
#define TEE_NODE_WIN_PAGES	2

#define TEE_NODE_BODY_MAX	(VTEE_NODE_ARG_MAX + TEE_MAX_ARG_SIZE)

/* A request as it goes out: header, argument, window, back to back. */
struct tee_node_req_msg {
	struct vtee_node_req hdr;
	uint8_t body[TEE_NODE_BODY_MAX];
};

/* A reply as it comes in, laid out the same way. */
struct tee_node_rep_msg {
	struct vtee_node_rep hdr;
	uint8_t body[TEE_NODE_BODY_MAX];
};

/* A span of the caller's memory: the ioctl argument, then the window. */
struct tee_node_span {
	void *arg;
	uint32_t arg_len;
	uint64_t user_addr;
	uint32_t user_len;
};

static bool tee_node_has_window(uint32_t cmd)
{
	return cmd == TEE_IOC_OPEN_SESSION || cmd == TEE_IOC_INVOKE ||
	       cmd == TEE_IOC_SUPPL_RECV || cmd == TEE_IOC_SUPPL_SEND ||
	       cmd == TEE_IOC_OBJECT_INVOKE;
}

/*
 * Remote iovecs for [addr, addr + len), cut at page boundaries so that a
 * transfer stopping at an unmapped page has moved exactly the mapped
 * prefix.  len is at most TEE_MAX_ARG_SIZE.
 */
static int tee_node_cut(uint64_t addr, uint32_t len, struct iovec *iov)
{
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	int n = 0;

	while (len && n < TEE_NODE_WIN_PAGES) {
		uint64_t room = page - addr % page;
		uint32_t take = room < len ? (uint32_t)room : len;

		iov[n].iov_base = (void *)(uintptr_t)addr;
		iov[n].iov_len = take;
		n++;
		addr += take;
		len -= take;
	}
	return n;
}

/* Moves sp's argument and window (in that order) between the caller's
 * memory and buf.  Returns how many bytes moved, or -1. */
static ssize_t tee_node_move(bool store, void *buf,
			     const struct tee_node_span *sp)
{
	struct iovec local = {
		.iov_base = buf,
		.iov_len = (size_t)sp->arg_len + sp->user_len,
	};
	struct iovec remote[1 + TEE_NODE_WIN_PAGES] = {
		{ .iov_base = sp->arg, .iov_len = sp->arg_len },
	};
	int n = 1 + tee_node_cut(sp->user_addr, sp->user_len, remote + 1);

	if (!local.iov_len)
		return 0;
	if (store)
		return process_vm_writev(getpid(), &local, 1, remote, n, 0);
	return process_vm_readv(getpid(), &local, 1, remote, n, 0);
}

/* Reads the window named by the tee_ioctl_buf_data at the start of body.
 * Nothing is read when buf_len exceeds TEE_MAX_ARG_SIZE (the kernel
 * refuses before reading), and an unreadable buf_ptr yields the readable
 * prefix, so the node fails with -EFAULT exactly where the kernel would. */
static void tee_node_read_window(uint8_t *body, struct tee_node_span *sp)
{
	struct tee_ioctl_buf_data bd;
	struct tee_node_span win = { 0 };
	ssize_t got;

	memcpy(&bd, body, sizeof(bd));
	sp->user_addr = bd.buf_ptr;
	if (bd.buf_len > TEE_MAX_ARG_SIZE)
		return;
	win.user_addr = bd.buf_ptr;
	win.user_len = (uint32_t)bd.buf_len;
	got = tee_node_move(false, body + sp->arg_len, &win);
	sp->user_len = got > 0 ? (uint32_t)got : 0;
}

/*
 * Builds the request of ioctl cmd from the caller's memory.  An argument
 * that cannot be read goes as no argument at all (arg_len 0): the node
 * then fails with -EFAULT, or -EINVAL for an unknown cmd, in the order
 * the kernel checks them.
 */
static int tee_node_build(uint32_t cmd, void *arg, struct tee_node_req_msg *m,
			  struct tee_node_span *sp)
{
	*sp = (struct tee_node_span){ .arg = arg, .arg_len = _IOC_SIZE(cmd) };
	/* No UAPI argument is this big: the node would refuse the cmd. */
	if (sp->arg_len > VTEE_NODE_ARG_MAX)
		return -EINVAL;
	if (tee_node_move(false, m->body, sp) != (ssize_t)sp->arg_len)
		sp->arg_len = 0;
	else if (tee_node_has_window(cmd))
		tee_node_read_window(m->body, sp);
	m->hdr = (struct vtee_node_req){
		.op = VTEE_NODE_OP_IOCTL,
		.ioctl_cmd = cmd,
		.user_addr = sp->user_addr,
		.arg_len = sp->arg_len,
		.user_len = sp->user_len,
	};
	return 0;
}

static int tee_node_send(int sock, const struct tee_node_req_msg *m)
{
	size_t len = sizeof(m->hdr) + m->hdr.arg_len + m->hdr.user_len;
	ssize_t n;

	do {
		n = send(sock, m, len, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	return n == (ssize_t)len ? 0 : -EIO;
}

/* Every fd that rode along: the first goes to *fd, the rest are closed. */
static void tee_node_take_fds(struct msghdr *mh, int *fd)
{
	for (struct cmsghdr *c = CMSG_FIRSTHDR(mh); c;
	     c = CMSG_NXTHDR(mh, c)) {
		size_t n;

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (size_t i = 0; i < n; i++) {
			int got;

			memcpy(&got, CMSG_DATA(c) + i * sizeof(int),
			       sizeof(got));
			if (*fd < 0)
				*fd = got;
			else
				close(got);
		}
	}
}

/* Receives one reply into m and an fd into *fd (-1 if none). */
static int tee_node_recv(int sock, struct tee_node_rep_msg *m, int *fd)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(4 * sizeof(int))];
	} ctl;
	struct iovec iov = { .iov_base = m, .iov_len = sizeof(*m) };
	struct msghdr mh = {
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = ctl.buf,
		.msg_controllen = sizeof(ctl.buf),
	};
	ssize_t n;

	*fd = -1;
	do {
		n = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC);
	} while (n < 0 && errno == EINTR);
	if (n <= 0)
		return -EIO;	/* EOF: the node closed the connection */
	tee_node_take_fds(&mh, fd);
	if ((mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) ||
	    (size_t)n < sizeof(m->hdr) ||
	    (size_t)n != sizeof(m->hdr) + m->hdr.arg_len + m->hdr.user_len)
		return -EIO;
	return 0;
}

/* Has the node gone?  Checked while waiting on a call page. */
static bool tee_node_hung_up(int sock)
{
	struct pollfd p = { .fd = sock, .events = POLLRDHUP };

	return poll(&p, 1, 0) > 0 &&
	       (p.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

static int tee_node_page_wait(int sock, struct vtee_call_page *pg)
{
	for (;;) {
		uint32_t s = __atomic_load_n(&pg->state, __ATOMIC_ACQUIRE);

		if (s == VTEE_CALL_REPLY)
			return 0;
		if (s != VTEE_CALL_REQUEST)
			return -EIO;
		if (futex_wait_change(&pg->state, s, 250, true) == s &&
		    tee_node_hung_up(sock))
			return -EIO;
	}
}

/* The fd of a reply that carries one: a one-byte datagram before it. */
static int tee_node_recv_fd(int sock, int *fd)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(4 * sizeof(int))];
	} ctl;
	char byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = ctl.buf,
			     .msg_controllen = sizeof(ctl.buf) };
	ssize_t n;

	do {
		n = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
	} while (n < 0 && errno == EINTR);
	if (n != 1)
		return -EIO;
	tee_node_take_fds(&mh, fd);
	return *fd >= 0 ? 0 : -EIO;
}

/*
 * One exchange through the call page (node_wire.h): the request in, the
 * node woken, the reply out.  The fd of a reply that carries one was sent
 * before the page flipped to REPLY, so it is already queued.
 */
static int tee_node_page_call(int sock, struct vtee_call_page *pg,
			      const struct tee_node_req_msg *req,
			      struct tee_node_rep_msg *rep, int *fd)
{
	size_t len = sizeof(req->hdr) + req->hdr.arg_len + req->hdr.user_len;
	uint32_t got;
	int rc;

	*fd = -1;
	memcpy(pg->msg, req, len);
	pg->len = (uint32_t)len;
	__atomic_store_n(&pg->state, VTEE_CALL_REQUEST, __ATOMIC_RELEASE);
	futex_wake_all(&pg->state, true);
	rc = tee_node_page_wait(sock, pg);
	if (rc)
		return rc;
	got = pg->len;
	if (got < sizeof(rep->hdr) || got > sizeof(*rep))
		return -EIO;
	memcpy(rep, pg->msg, got);
	__atomic_store_n(&pg->state, VTEE_CALL_IDLE, __ATOMIC_RELAXED);
	if (got != sizeof(rep->hdr) + rep->hdr.arg_len + rep->hdr.user_len)
		return -EIO;
	if (rep->hdr.flags & VTEE_NODE_REP_FD)
		return tee_node_recv_fd(sock, fd);
	return 0;
}

/* A reply may give back no more than went out. */
static int tee_node_check(const struct tee_node_rep_msg *m,
			  const struct tee_node_span *sp, int fd)
{
	if (m->hdr.arg_len > sp->arg_len || m->hdr.user_len > sp->user_len)
		return -EIO;
	if ((m->hdr.flags & VTEE_NODE_REP_FD) && m->hdr.rc >= 0 && fd < 0)
		return -EIO;
	return 0;
}

/* The result of a checked reply: stores the argument and window back,
 * then returns rc, or the fd that rode along. */
static int tee_node_result(struct tee_node_rep_msg *m,
			   const struct tee_node_span *sp, int fd)
{
	struct tee_node_span back = {
		.arg = sp->arg,
		.arg_len = m->hdr.arg_len,
		.user_addr = sp->user_addr,
		.user_len = m->hdr.user_len,
	};
	ssize_t len = (ssize_t)back.arg_len + back.user_len;
	int rc = m->hdr.rc;

	if (rc >= 0 && tee_node_move(true, m->body, &back) != len)
		rc = -EFAULT;
	if (rc >= 0 && (m->hdr.flags & VTEE_NODE_REP_FD))
		return fd;
	if (fd >= 0)
		close(fd);
	return rc;
}

/* Sends req and waits for its reply on a borrowed connection. */
static int tee_node_exchange(struct tee_node *node,
			     const struct tee_node_req_msg *req,
			     const struct tee_node_span *sp)
{
	struct tee_node_rep_msg rep;
	int slot = tee_node_borrow(node);
	int fd = -1;
	int rc;

	if (slot < 0)
		return slot;
	if (node->slot[slot].page) {
		rc = tee_node_page_call(node->slot[slot].fd,
					node->slot[slot].page, req, &rep, &fd);
	} else {
		rc = tee_node_send(node->slot[slot].fd, req);
		if (!rc)
			rc = tee_node_recv(node->slot[slot].fd, &rep, &fd);
	}
	if (!rc)
		rc = tee_node_check(&rep, sp, fd);
	tee_node_give_back(node, slot, rc < 0);
	if (rc < 0) {
		if (fd >= 0)
			close(fd);
		return rc;
	}
	return tee_node_result(&rep, sp, fd);
}

int tee_node_ioctl(struct tee_node *node, unsigned long cmd, void *arg)
{
	struct tee_node_req_msg req;
	struct tee_node_span sp;
	/* ioctl(2) numbers are 32 bits; the kernel drops the rest too */
	int rc = tee_node_build((uint32_t)cmd, arg, &req, &sp);

	return rc < 0 ? rc : tee_node_exchange(node, &req, &sp);
}

/* The node answers with a bare reply (rc 0, no argument, no window): it
 * keeps the release ordered before whatever the caller does next. */
void tee_node_shm_release(struct tee_node *node, int32_t id)
{
	struct tee_node_req_msg req = {
		.hdr = {
			.op = VTEE_NODE_OP_SHM_RELEASE,
			.shm_id = id,
		},
	};
	struct tee_node_span sp = { 0 };

	tee_node_exchange(node, &req, &sp);
}
