// SPDX-License-Identifier: BSD-2-Clause
#include "fake_node.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define FAKE_CONNS_MAX	128

const uint8_t fake_node_token[VTEE_NODE_TOKEN_LEN] = {
	0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
	0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
};

struct fake_conn {
	struct fake_node *fn;
	int fd;
	int num;
	pthread_t thread;
};

struct fake_node {
	char dir[64];
	char path[96];
	int listen_fd;
	pthread_t acceptor;
	fake_handler handler;
	void *priv;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	int32_t new_status;
	int32_t attach_status;
	struct fake_node_stats stats;
	int nconns;
	struct fake_conn conns[FAKE_CONNS_MAX];
};

static void fake_send_rep(int fd, struct fake_rep *rep)
{
	struct vtee_node_rep hdr = {
		.rc = rep->rc,
		.flags = rep->flags,
		.arg_len = rep->arg_len,
		.user_len = rep->user_len,
	};
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int))];
	} ctl;
	struct iovec iov[3] = {
		{ &hdr, sizeof(hdr) },
		{ rep->arg, rep->arg_len },
		{ rep->win, rep->user_len },
	};
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 3 };

	if (rep->send_len) {
		/* a short message: only the first send_len bytes */
		size_t left = rep->send_len;

		for (int i = 0; i < 3; i++) {
			iov[i].iov_len = iov[i].iov_len < left ?
					 iov[i].iov_len : left;
			left -= iov[i].iov_len;
		}
	}
	if (rep->fd >= 0) {
		struct cmsghdr *c;

		mh.msg_control = ctl.buf;
		mh.msg_controllen = sizeof(ctl.buf);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &rep->fd, sizeof(int));
	}
	sendmsg(fd, &mh, MSG_NOSIGNAL);
	if (rep->fd >= 0)
		close(rep->fd);
}

static void *fake_conn_main(void *p)
{
	struct fake_conn *c = p;
	struct fake_node *fn = c->fn;
	/* room for one byte more than a node message, to see oversize */
	_Alignas(8) uint8_t buf[VTEE_NODE_MSG_MAX + 1];
	struct fake_rep rep;

	for (;;) {
		struct fake_req req = { .conn = c->num };
		ssize_t n = recv(c->fd, buf, sizeof(buf), 0);

		if (n <= 0) {
			pthread_mutex_lock(&fn->lock);
			fn->stats.eofs++;
			pthread_cond_broadcast(&fn->changed);
			pthread_mutex_unlock(&fn->lock);
			return NULL;
		}
		req.len = (size_t)n;
		memcpy(&req.hdr, buf, sizeof(req.hdr));
		req.arg = buf + sizeof(req.hdr);
		req.win = req.arg + req.hdr.arg_len;
		memset(&rep, 0, sizeof(rep));
		rep.fd = -1;
		fn->handler(fn->priv, &req, &rep);
		if (rep.hangup) {
			shutdown(c->fd, SHUT_RDWR);
			continue;	/* the next recv sees EOF */
		}
		fake_send_rep(c->fd, &rep);
	}
}

/*
 * Checks a hello and picks the welcome status.  The client always asks for
 * a call page; this node never gives one, so the client must fall back to
 * datagrams, whose bytes these tests check.
 */
static int32_t fake_hello_status(struct fake_node *fn,
				 const struct vtee_node_hello *h, ssize_t n)
{
	uint32_t kind = h->kind & VTEE_NODE_KIND_MASK;
	int32_t status = -EPROTO;

	pthread_mutex_lock(&fn->lock);
	if (n != sizeof(*h) || h->magic != VTEE_NODE_MAGIC ||
	    !(h->kind & VTEE_NODE_WANT_CALL_PAGE)) {
		fn->stats.bad_hellos++;
	} else if (kind == VTEE_NODE_NEW_CONTEXT) {
		fn->stats.news++;
		status = fn->new_status;
	} else if (kind == VTEE_NODE_ATTACH &&
		   !memcmp(h->token, fake_node_token, sizeof(h->token))) {
		fn->stats.attaches++;
		status = fn->attach_status;
	} else {
		fn->stats.bad_hellos++;
		status = -ENOENT;
	}
	pthread_mutex_unlock(&fn->lock);
	return status;
}

static void fake_accept_one(struct fake_node *fn, int fd)
{
	struct vtee_node_hello hello;
	struct vtee_node_welcome welcome = { 0 };
	ssize_t n = recv(fd, &hello, sizeof(hello), 0);
	struct fake_conn *c;

	welcome.status = fake_hello_status(fn, &hello, n);
	memcpy(welcome.token, fake_node_token, sizeof(welcome.token));
	send(fd, &welcome, sizeof(welcome), MSG_NOSIGNAL);
	pthread_mutex_lock(&fn->lock);
	if (welcome.status < 0 || fn->nconns == FAKE_CONNS_MAX) {
		pthread_mutex_unlock(&fn->lock);
		close(fd);
		return;
	}
	c = &fn->conns[fn->nconns];
	c->fn = fn;
	c->fd = fd;
	c->num = fn->nconns++;
	pthread_create(&c->thread, NULL, fake_conn_main, c);
	pthread_mutex_unlock(&fn->lock);
}

static void *fake_acceptor_main(void *p)
{
	struct fake_node *fn = p;
	int fd;

	/* shutdown() of the listening socket ends accept() */
	while ((fd = accept4(fn->listen_fd, NULL, NULL, SOCK_CLOEXEC)) >= 0)
		fake_accept_one(fn, fd);
	return NULL;
}

struct fake_node *fake_node_start(fake_handler handler, void *priv)
{
	struct fake_node *fn = calloc(1, sizeof(*fn));
	struct sockaddr_un addr = { .sun_family = AF_UNIX };

	if (!fn)
		abort();
	strcpy(fn->dir, "/tmp/vtee-fake-node-XXXXXX");
	if (!mkdtemp(fn->dir))
		abort();
	snprintf(fn->path, sizeof(fn->path), "%s/tee0", fn->dir);
	snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", fn->path);
	fn->listen_fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fn->listen_fd < 0 ||
	    bind(fn->listen_fd, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(fn->listen_fd, 128))
		abort();
	fn->handler = handler;
	fn->priv = priv;
	pthread_mutex_init(&fn->lock, NULL);
	pthread_cond_init(&fn->changed, NULL);
	pthread_create(&fn->acceptor, NULL, fake_acceptor_main, fn);
	return fn;
}

const char *fake_node_path(const struct fake_node *fn)
{
	return fn->path;
}

void fake_node_set_status(struct fake_node *fn, int32_t new_status,
			  int32_t attach_status)
{
	pthread_mutex_lock(&fn->lock);
	fn->new_status = new_status;
	fn->attach_status = attach_status;
	pthread_mutex_unlock(&fn->lock);
}

void fake_node_stats(struct fake_node *fn, struct fake_node_stats *st)
{
	pthread_mutex_lock(&fn->lock);
	*st = fn->stats;
	pthread_mutex_unlock(&fn->lock);
}

bool fake_node_wait_eofs(struct fake_node *fn, int eofs)
{
	struct timespec until;
	bool ok;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 10;
	pthread_mutex_lock(&fn->lock);
	while (fn->stats.eofs < eofs &&
	       pthread_cond_timedwait(&fn->changed, &fn->lock, &until) == 0)
		;
	ok = fn->stats.eofs >= eofs;
	pthread_mutex_unlock(&fn->lock);
	return ok;
}

void fake_node_stop(struct fake_node *fn)
{
	shutdown(fn->listen_fd, SHUT_RDWR);
	pthread_join(fn->acceptor, NULL);
	close(fn->listen_fd);
	unlink(fn->path);
	rmdir(fn->dir);
	/* no new connection can appear now: nconns is stable */
	for (int i = 0; i < fn->nconns; i++)
		shutdown(fn->conns[i].fd, SHUT_RDWR);
	for (int i = 0; i < fn->nconns; i++) {
		pthread_join(fn->conns[i].thread, NULL);
		close(fn->conns[i].fd);
	}
	pthread_cond_destroy(&fn->changed);
	pthread_mutex_destroy(&fn->lock);
	free(fn);
}
