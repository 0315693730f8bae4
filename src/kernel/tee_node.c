// SPDX-License-Identifier: BSD-2-Clause
#include "tee_node.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "tee_drv.h"
#include "tee_ioctl.h"
#include "tee_node_msg.h"
#include "vtee/futex.h"
#include "vtee/list.h"
#include "vtee/log.h"
#include "vtee/node_wire.h"
#include "vtee/paths.h"

/* A context as the node sees it: the first connection owns it. */
struct node_ctx {
	struct list_node node;		/* tee_node->ctxs */
	uint64_t serial;		/* names it to the hang-up watcher */
	struct tee_context *ctx;
	uint8_t token[VTEE_NODE_TOKEN_LEN];
	struct tee_cred cred;
	unsigned int conns;		/* open connections */
	bool closed;			/* the owning connection is gone */
	bool released;			/* tee_context_close() has been run */
	int owner_fd;			/* the owning connection's socket */
};

struct tee_node {
	struct tee_device *teedev;
	char path[108];
	int listen_fd;
	int stop_pipe[2];
	int epoll_fd;			/* listen fd, stop pipe, owner conns */
	uint64_t next_serial;
	pthread_t acceptor;
	pthread_mutex_t lock;		/* ctxs, nconns, releasing */
	struct list_node ctxs;
	unsigned int nconns;
	unsigned int releasing;		/* releases taken, not yet done */
	pthread_cond_t released_c;	/* signalled when one is done */
};

struct node_conn {
	struct tee_node *node;
	int fd;
	struct tee_cred cred;
	struct node_ctx *nctx;
	bool owner;
	struct vtee_call_page *page;	/* NULL: datagrams only */
};

static int read_cred(int fd, struct tee_cred *cred)
{
	struct ucred uc;
	socklen_t len = sizeof(uc);

	memset(cred, 0, sizeof(*cred));
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &uc, &len))
		return -errno;
	cred->uid = uc.uid;
	cred->gid = uc.gid;
	cred->pid = uc.pid;
	len = sizeof(cred->groups);
	if (!getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, cred->groups, &len))
		cred->ngroups = len / sizeof(gid_t);
	return 0;
}

/* Serials 1 and 2 are the listen socket and the stop pipe. */
#define WATCH_LISTEN 1
#define WATCH_STOP 2

/*
 * The owner's hang-up is the device fd's release.  Its thread may be
 * blocked in the driver (a supplicant thread in SUPPL_RECV) and never see
 * the EOF: in Linux the dying process's signal interrupts that wait.  So
 * the node's watcher sees the hang-up for it.
 */
static void watch_owner(struct tee_node *node, int fd, uint64_t serial)
{
	struct epoll_event ev = { .events = EPOLLRDHUP | EPOLLHUP,
				  .data.u64 = serial };

	epoll_ctl(node->epoll_fd, EPOLL_CTL_ADD, fd, &ev);
}

/* Under node->lock: the caller will run nctx's release (run_release). */
static void mark_releasing(struct tee_node *node, struct node_ctx *nctx)
{
	nctx->released = true;
	nctx->closed = true;
	node->releasing++;
}

/* Whoever sees the owner go first runs the release; true for that one. */
static bool take_release(struct tee_node *node, struct node_ctx *nctx)
{
	bool first;

	pthread_mutex_lock(&node->lock);
	first = !nctx->released;
	if (first)
		mark_releasing(node, nctx);
	pthread_mutex_unlock(&node->lock);
	return first;
}

/* The device fd's release: sessions, shm and supplicant attachment go. */
static void run_release(struct tee_node *node, struct tee_context *ctx)
{
	tee_context_close(ctx);
	pthread_mutex_lock(&node->lock);
	node->releasing--;
	pthread_cond_broadcast(&node->released_c);
	pthread_mutex_unlock(&node->lock);
}

/* Has the peer of a connection hung up? */
static bool hung_up(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLRDHUP };

	return poll(&p, 1, 0) > 0 &&
	       (p.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

/*
 * Linux has released a dead process's device by the time its parent has
 * waited for it; a node learns of the death a moment later.  So before a
 * new context is made (a restarted supplicant, say), owners already gone
 * are released here, not left to the watcher's next turn.  On the
 * supplicant's device, whose context is exclusive, releases the watcher
 * already started are waited for too.  Not on client devices: a dead
 * client's release may wait for the supplicant, and no new client should.
 */
static void reap_gone_owners(struct tee_node *node)
{
	for (;;) {
		struct tee_context *ctx = NULL;
		struct node_ctx *nctx;

		pthread_mutex_lock(&node->lock);
		list_for_each_entry(nctx, &node->ctxs, node) {
			if (!nctx->released && hung_up(nctx->owner_fd)) {
				mark_releasing(node, nctx);
				ctx = nctx->ctx;
				break;
			}
		}
		if (!ctx && node->teedev->desc->flags & TEE_DESC_PRIVILEGED)
			while (node->releasing)
				pthread_cond_wait(&node->released_c,
						  &node->lock);
		pthread_mutex_unlock(&node->lock);
		if (!ctx)
			return;
		run_release(node, ctx);
	}
}

static struct node_ctx *ctx_new(struct node_conn *c, int *err)
{
	struct node_ctx *nctx = calloc(1, sizeof(*nctx));

	if (!nctx) {
		*err = -ENOMEM;
		return NULL;
	}
	nctx->ctx = tee_context_open(c->node->teedev, &c->cred, err);
	if (!nctx->ctx ||
	    getrandom(nctx->token, sizeof(nctx->token), 0) !=
		    sizeof(nctx->token)) {
		if (nctx->ctx)
			tee_context_close(nctx->ctx);
		*err = *err ? *err : -EIO;
		free(nctx);
		return NULL;
	}
	nctx->cred = c->cred;
	nctx->conns = 1;
	/*
	 * Two references: the device fd's, which the release consumes, and
	 * this record's own, so the record never points at a freed context
	 * while connections still name it.
	 */
	tee_context_get(nctx->ctx);
	nctx->owner_fd = c->fd;
	pthread_mutex_lock(&c->node->lock);
	nctx->serial = ++c->node->next_serial;
	list_add_tail(&nctx->node, &c->node->ctxs);
	pthread_mutex_unlock(&c->node->lock);
	watch_owner(c->node, c->fd, nctx->serial);
	return nctx;
}

/* Another connection of an open context: same token, same user. */
static struct node_ctx *ctx_attach(struct node_conn *c,
				   const uint8_t *token, int *err)
{
	struct node_ctx *nctx, *found = NULL;

	pthread_mutex_lock(&c->node->lock);
	list_for_each_entry(nctx, &c->node->ctxs, node) {
		if (!nctx->closed && nctx->cred.uid == c->cred.uid &&
		    !memcmp(nctx->token, token, VTEE_NODE_TOKEN_LEN)) {
			nctx->conns++;
			tee_context_get(nctx->ctx);
			found = nctx;
			break;
		}
	}
	pthread_mutex_unlock(&c->node->lock);
	*err = found ? 0 : -ENOENT;
	return found;
}

static void ctx_detach(struct node_conn *c)
{
	struct node_ctx *nctx = c->nctx;
	struct tee_context *ctx = nctx->ctx;
	bool release = c->owner && take_release(c->node, nctx), free_now;

	if (c->owner)
		epoll_ctl(c->node->epoll_fd, EPOLL_CTL_DEL, c->fd, NULL);
	pthread_mutex_lock(&c->node->lock);
	free_now = --nctx->conns == 0;
	if (free_now)
		list_del(&nctx->node);
	pthread_mutex_unlock(&c->node->lock);
	/*
	 * The owner going away is the device fd's release: sessions and shm
	 * of the context go now, and blocked supplicant receives return (the
	 * watcher may have done it already; the release consumed the owner's
	 * reference).  Attached connections only held references.
	 */
	if (release)
		run_release(c->node, ctx);
	else if (!c->owner)
		tee_context_put(ctx);
	if (free_now) {
		tee_context_put(ctx);
		free(nctx);
	}
}

/* Sends iovecs as one datagram, with pass_fd (if >= 0) attached. */
static int sendv_with_fd(int fd, struct iovec *iov, size_t n, int pass_fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = n };

	if (pass_fd >= 0) {
		struct cmsghdr *cm;

		mh.msg_control = cbuf;
		mh.msg_controllen = sizeof(cbuf);
		cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &pass_fd, sizeof(int));
	}
	return sendmsg(fd, &mh, MSG_NOSIGNAL) < 0 ? -errno : 0;
}

static int send_with_fd(int fd, const void *buf, size_t len, int pass_fd)
{
	struct iovec iov = { (void *)buf, len };

	return sendv_with_fd(fd, &iov, 1, pass_fd);
}

/* The reply through the call page; an fd first, as a one-byte datagram. */
static int page_reply(struct node_conn *c, const struct vtee_node_rep *rep,
		      const void *arg, const void *win, int pass_fd)
{
	struct vtee_call_page *pg = c->page;
	size_t len = sizeof(*rep) + rep->arg_len + rep->user_len;

	if (pass_fd >= 0 && send_with_fd(c->fd, "F", 1, pass_fd))
		return -EIO;
	memcpy(pg->msg, rep, sizeof(*rep));
	if (rep->arg_len)
		memcpy(pg->msg + sizeof(*rep), arg, rep->arg_len);
	if (rep->user_len)
		memcpy(pg->msg + sizeof(*rep) + rep->arg_len, win,
		       rep->user_len);
	pg->len = (uint32_t)len;
	__atomic_store_n(&pg->state, VTEE_CALL_REPLY, __ATOMIC_RELEASE);
	futex_wake_all(&pg->state, true);
	return 0;
}

static int send_reply(struct node_conn *c, const struct vtee_node_rep *rep,
		      const void *arg, const void *win, int pass_fd)
{
	struct iovec iov[3] = {
		{ (void *)rep, sizeof(*rep) },
		{ (void *)arg, rep->arg_len },
		{ (void *)win, rep->user_len },
	};

	if (c->page)
		return page_reply(c, rep, arg, win, pass_fd);
	return sendv_with_fd(c->fd, iov, 3, pass_fd);
}

/* A fresh call page for the connection; its memfd, or -1 (datagrams). */
static int call_page_new(struct node_conn *c)
{
	int fd = memfd_create("vtee-call-page", MFD_CLOEXEC);
	void *p;

	if (fd < 0)
		return -1;
	if (ftruncate(fd, VTEE_CALL_PAGE_SIZE) ||
	    (p = mmap(NULL, VTEE_CALL_PAGE_SIZE, PROT_READ | PROT_WRITE,
		      MAP_SHARED, fd, 0)) == MAP_FAILED) {
		close(fd);
		return -1;
	}
	c->page = p;
	return fd;
}

static int hello(struct node_conn *c)
{
	struct vtee_node_hello h;
	struct vtee_node_welcome w = { 0 };
	ssize_t n = recv(c->fd, &h, sizeof(h), 0);
	int page_fd = -1;

	if (n != sizeof(h) || h.magic != VTEE_NODE_MAGIC)
		return -EPROTO;
	if ((h.kind & VTEE_NODE_KIND_MASK) == VTEE_NODE_NEW_CONTEXT) {
		reap_gone_owners(c->node);
		c->nctx = ctx_new(c, &w.status);
		c->owner = true;
	} else if ((h.kind & VTEE_NODE_KIND_MASK) == VTEE_NODE_ATTACH) {
		c->nctx = ctx_attach(c, h.token, &w.status);
	} else {
		w.status = -EINVAL;
	}
	if (c->nctx) {
		memcpy(w.token, c->nctx->token, sizeof(w.token));
		if (h.kind & VTEE_NODE_WANT_CALL_PAGE)
			page_fd = call_page_new(c);
	}
	send_with_fd(c->fd, &w, sizeof(w), page_fd);
	if (page_fd >= 0)
		close(page_fd);
	return c->nctx ? 0 : w.status;
}

/* One request.  A malformed one gets -EINVAL; the connection lives on. */
static int serve_one(struct node_conn *c, uint8_t *buf, size_t len)
{
	struct vtee_node_rep rep = { .rc = -EINVAL };
	struct tee_node_msg m;
	struct tee_uwin uw;
	int fd = -1;

	if (tee_node_msg_parse(buf, len, &m))
		return send_reply(c, &rep, NULL, NULL, -1);
	if (m.op == VTEE_NODE_OP_SHM_RELEASE) {
		rep.rc = tee_shm_release_fd(c->nctx->ctx, m.shm_id);
		return send_reply(c, &rep, NULL, NULL, -1);
	}
	uw = (struct tee_uwin){ m.user_addr, m.user, m.user_len };
	/* like an open file during ioctl: the release cannot free it */
	tee_context_get(c->nctx->ctx);
	rep.rc = (int32_t)tee_ioctl(c->nctx->ctx, m.ioctl_cmd, m.arg, &uw,
				    &fd);
	tee_context_put(c->nctx->ctx);
	rep.arg_len = m.arg_len;
	rep.user_len = m.user_len;
	if (!rep.rc && fd >= 0)
		rep.flags = VTEE_NODE_REP_FD;
	else
		fd = -1;
	return send_reply(c, &rep, m.arg_buf, m.user, fd);
}

/* The datagram loop: one recv, one request. */
static void serve_datagrams(struct node_conn *c, uint8_t *msg, size_t cap)
{
	for (;;) {
		ssize_t n = recv(c->fd, msg, cap, MSG_TRUNC);

		if (n <= 0)
			return;
		/* a truncated datagram reports its full length: refused */
		if (serve_one(c, msg, (size_t)n))
			return;
	}
}

/*
 * The call-page loop.  The page is the client's memory: len and the
 * request are read once into msg, and nothing in the page is trusted.
 */
static void serve_page(struct node_conn *c, uint8_t *msg)
{
	struct vtee_call_page *pg = c->page;

	for (;;) {
		uint32_t state = __atomic_load_n(&pg->state, __ATOMIC_ACQUIRE);
		uint32_t len;

		if (state == VTEE_CALL_HANGUP)
			return;
		if (state != VTEE_CALL_REQUEST) {
			if (futex_wait_change(&pg->state, state, 250, true) ==
				    state && hung_up(c->fd))
				return;
			continue;
		}
		len = __atomic_load_n(&pg->len, __ATOMIC_RELAXED);
		if (len > VTEE_NODE_MSG_MAX)
			len = VTEE_NODE_MSG_MAX + 1;	/* refused as oversized */
		else
			memcpy(msg, pg->msg, len);
		if (serve_one(c, msg, len))
			return;
	}
}

static void *conn_main(void *arg)
{
	struct node_conn *c = arg;
	struct tee_node *node = c->node;
	/* one byte more than any valid message, to see oversized ones */
	size_t cap = VTEE_NODE_MSG_MAX + 1;
	uint8_t *msg = malloc(cap);

	if (msg && !hello(c)) {
		if (c->page)
			serve_page(c, msg);
		else
			serve_datagrams(c, msg, cap);
		ctx_detach(c);
	}
	free(msg);
	if (c->page)
		munmap(c->page, VTEE_CALL_PAGE_SIZE);
	close(c->fd);
	free(c);
	pthread_mutex_lock(&node->lock);
	node->nconns--;
	pthread_mutex_unlock(&node->lock);
	return NULL;
}

static void start_conn(struct tee_node *node, int fd)
{
	struct node_conn *c = calloc(1, sizeof(*c));
	pthread_attr_t attr;
	pthread_t th;

	if (!c || read_cred(fd, &c->cred)) {
		free(c);
		close(fd);
		return;
	}
	c->node = node;
	c->fd = fd;
	pthread_mutex_lock(&node->lock);
	node->nconns++;
	pthread_mutex_unlock(&node->lock);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	/* a connection's thread needs little stack: calls go to secure threads */
	pthread_attr_setstacksize(&attr, 256 * 1024);
	if (pthread_create(&th, &attr, conn_main, c)) {
		LOG_WARN("%s: no thread for a new connection", node->path);
		pthread_mutex_lock(&node->lock);
		node->nconns--;
		pthread_mutex_unlock(&node->lock);
		close(fd);
		free(c);
	}
	pthread_attr_destroy(&attr);
}

struct release_job {
	struct tee_node *node;
	struct tee_context *ctx;
};

static void *release_main(void *arg)
{
	struct release_job *job = arg;

	run_release(job->node, job->ctx);
	free(job);
	return NULL;
}

/* The owner of context `serial` hung up: release it on a worker (closing
 * sessions may wait for a TA), unless its own thread did already. */
static void owner_gone(struct tee_node *node, uint64_t serial)
{
	struct tee_context *ctx = NULL;
	struct release_job *job;
	struct node_ctx *nctx;
	pthread_attr_t attr;
	pthread_t th;

	pthread_mutex_lock(&node->lock);
	list_for_each_entry(nctx, &node->ctxs, node) {
		if (nctx->serial == serial && !nctx->released) {
			mark_releasing(node, nctx);
			ctx = nctx->ctx;
			break;
		}
	}
	pthread_mutex_unlock(&node->lock);
	if (!ctx)
		return;
	job = malloc(sizeof(*job));
	if (job)
		*job = (struct release_job){ node, ctx };
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (!job || pthread_create(&th, &attr, release_main, job)) {
		free(job);
		run_release(node, ctx);
	}
	pthread_attr_destroy(&attr);
}

/* Accepts connections and watches owners hang up, until told to stop. */
static void *acceptor_main(void *arg)
{
	struct tee_node *node = arg;
	struct epoll_event ev[16];

	for (;;) {
		int n = epoll_wait(node->epoll_fd, ev, 16, -1);

		if (n < 0 && errno != EINTR)
			return NULL;
		for (int i = 0; i < n; i++) {
			uint64_t who = ev[i].data.u64;

			if (who == WATCH_STOP)
				return NULL;
			if (who == WATCH_LISTEN) {
				int fd = accept4(node->listen_fd, NULL, NULL,
						 SOCK_CLOEXEC);

				if (fd >= 0)
					start_conn(node, fd);
			} else {
				owner_gone(node, who);
			}
		}
	}
}

static int watch_basics(struct tee_node *node)
{
	struct epoll_event l = { .events = EPOLLIN, .data.u64 = WATCH_LISTEN };
	struct epoll_event s = { .events = EPOLLIN, .data.u64 = WATCH_STOP };

	node->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (node->epoll_fd < 0 ||
	    epoll_ctl(node->epoll_fd, EPOLL_CTL_ADD, node->listen_fd, &l) ||
	    epoll_ctl(node->epoll_fd, EPOLL_CTL_ADD, node->stop_pipe[0], &s))
		return -errno;
	return 0;
}

static int listen_on(const char *path, mode_t mode)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -errno;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	unlink(path);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    chmod(path, mode) || listen(fd, 128)) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

int tee_node_create(struct tee_device *teedev, const char *dir, mode_t mode,
		    struct tee_node **out)
{
	struct tee_node *node = calloc(1, sizeof(*node));
	int rc;

	if (!node)
		return -ENOMEM;
	node->teedev = teedev;
	node->next_serial = WATCH_STOP;
	list_init(&node->ctxs);
	pthread_mutex_init(&node->lock, NULL);
	pthread_cond_init(&node->released_c, NULL);
	rc = vtee_path_join(node->path, sizeof(node->path), dir, teedev->name);
	if (!rc)
		rc = node->listen_fd = listen_on(node->path, mode);
	if (rc >= 0 && pipe2(node->stop_pipe, O_CLOEXEC))
		rc = -errno;
	if (rc >= 0)
		rc = watch_basics(node);
	if (rc >= 0)
		rc = -pthread_create(&node->acceptor, NULL, acceptor_main,
				     node);
	if (rc < 0) {
		free(node);
		return rc;
	}
	*out = node;
	return 0;
}

/*
 * Connections still open keep their threads: the daemon is on its way
 * out, and they end with it.  So the node is not freed.
 */
void tee_node_stop(struct tee_node *node)
{
	if (!node)
		return;
	if (write(node->stop_pipe[1], "x", 1) == 1)
		pthread_join(node->acceptor, NULL);
	close(node->listen_fd);
	unlink(node->path);
}

void tee_node_report(struct tee_node *node, FILE *out)
{
	struct node_ctx *nctx;

	pthread_mutex_lock(&node->lock);
	list_for_each_entry(nctx, &node->ctxs, node)
		fprintf(out, "context %s pid %d uid %u connections %u "
			"sessions %zu%s\n",
			node->teedev->name, (int)nctx->cred.pid,
			(unsigned)nctx->cred.uid, nctx->conns,
			tee_context_num_sessions(nctx->ctx),
			nctx->closed ? " closing" : "");
	pthread_mutex_unlock(&node->lock);
}
