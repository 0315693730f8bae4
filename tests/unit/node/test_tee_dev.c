// SPDX-License-Identifier: BSD-2-Clause
/*
 * tee_dev against a fake node: the exact bytes of hellos, requests and
 * replies, the user-window rules, fd passing, the connection pool under
 * concurrency, and failure paths that must neither hang nor crash.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "fake_node.h"
#include "vtee/tee_dev.h"

struct rec;
typedef void (*act_fn)(struct rec *r, const struct fake_req *req,
		       struct fake_rep *rep);

/* What the node saw (the last request) and how it answers. */
struct rec {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	act_fn act;
	int32_t rc;
	int calls;
	size_t len;
	struct vtee_node_req hdr;
	uint8_t arg[VTEE_NODE_ARG_MAX];
	uint8_t win[TEE_MAX_ARG_SIZE];
	/* gathering: requests inside the handler at once */
	int inside;
	int max_inside;
	int target;
	bool release;
	bool timed_out;
};

struct fixture {
	struct rec rec;
	struct fake_node *fn;
	struct tee_dev *dev;
};

static void record(void *priv, const struct fake_req *req,
		   struct fake_rep *rep)
{
	struct rec *r = priv;

	pthread_mutex_lock(&r->lock);
	r->calls++;
	r->len = req->len;
	r->hdr = req->hdr;
	if (req->hdr.arg_len <= sizeof(r->arg))
		memcpy(r->arg, req->arg, req->hdr.arg_len);
	if (req->hdr.user_len <= sizeof(r->win))
		memcpy(r->win, req->win, req->hdr.user_len);
	pthread_mutex_unlock(&r->lock);
	if (r->act)
		r->act(r, req, rep);
}

static void act_rc(struct rec *r, const struct fake_req *req,
		   struct fake_rep *rep)
{
	(void)req;
	rep->rc = r->rc;
}

static void act_version(struct rec *r, const struct fake_req *req,
			struct fake_rep *rep)
{
	struct tee_ioctl_version_data v = {
		.impl_id = TEE_IMPL_ID_OPTEE,
		.impl_caps = TEE_OPTEE_CAP_TZ,
		.gen_caps = TEE_GEN_CAP_GP | TEE_GEN_CAP_MEMREF_NULL,
	};

	(void)r;
	(void)req;
	memcpy(rep->arg, &v, sizeof(v));
	rep->arg_len = sizeof(v);
}

/* Every window byte comes back incremented; no argument comes back. */
static void act_inc(struct rec *r, const struct fake_req *req,
		    struct fake_rep *rep)
{
	(void)r;
	rep->user_len = req->hdr.user_len;
	for (uint32_t i = 0; i < req->hdr.user_len; i++)
		rep->win[i] = (uint8_t)(req->win[i] + 1);
}

static void act_short_window(struct rec *r, const struct fake_req *req,
			     struct fake_rep *rep)
{
	act_inc(r, req, rep);
	rep->user_len = 4;
}

static void act_window_too_long(struct rec *r, const struct fake_req *req,
				struct fake_rep *rep)
{
	act_inc(r, req, rep);
	rep->user_len = req->hdr.user_len + 1;
}

static void act_shm_alloc(struct rec *r, const struct fake_req *req,
			  struct fake_rep *rep)
{
	struct tee_ioctl_shm_alloc_data d;

	(void)r;
	memcpy(&d, req->arg, sizeof(d));
	d.size = 4096;
	d.id = 7;
	memcpy(rep->arg, &d, sizeof(d));
	rep->arg_len = sizeof(d);
	rep->fd = memfd_create("fake-shm", 0);
	if (rep->fd >= 0 && write(rep->fd, "hello", 5) != 5)
		rep->rc = -EIO;
	rep->flags = VTEE_NODE_REP_FD;
}

static void act_fd_flag_only(struct rec *r, const struct fake_req *req,
			     struct fake_rep *rep)
{
	(void)r;
	(void)req;
	rep->flags = VTEE_NODE_REP_FD;
}

static void act_hangup(struct rec *r, const struct fake_req *req,
		       struct fake_rep *rep)
{
	(void)r;
	(void)req;
	rep->hangup = true;
}

static void act_truncated(struct rec *r, const struct fake_req *req,
			  struct fake_rep *rep)
{
	(void)r;
	(void)req;
	rep->send_len = 10;
}

/* Holds every request until `target` are inside at once (or the test
 * sets release), then answers like act_inc. */
static void act_gather(struct rec *r, const struct fake_req *req,
		       struct fake_rep *rep)
{
	struct timespec until;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 20;
	pthread_mutex_lock(&r->lock);
	r->inside++;
	if (r->inside > r->max_inside)
		r->max_inside = r->inside;
	/* all there: let everyone go, even those who see `inside` drop
	 * again before they wake */
	if (r->inside >= r->target)
		r->release = true;
	pthread_cond_broadcast(&r->cond);
	while (!r->release && !r->timed_out)
		if (pthread_cond_timedwait(&r->cond, &r->lock, &until))
			r->timed_out = true;
	pthread_cond_broadcast(&r->cond);
	pthread_mutex_unlock(&r->lock);
	act_inc(r, req, rep);
	pthread_mutex_lock(&r->lock);
	r->inside--;
	pthread_mutex_unlock(&r->lock);
}

static int setup(void **state)
{
	static struct fixture f;

	memset(&f, 0, sizeof(f));
	pthread_mutex_init(&f.rec.lock, NULL);
	pthread_cond_init(&f.rec.cond, NULL);
	f.fn = fake_node_start(record, &f.rec);
	*state = &f;
	return 0;
}

static int setup_open(void **state)
{
	struct fixture *f;

	setup(state);
	f = *state;
	return tee_dev_open(fake_node_path(f->fn), &f->dev);
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	if (f->dev)
		tee_dev_close(f->dev);
	fake_node_stop(f->fn);
	pthread_cond_destroy(&f->rec.cond);
	pthread_mutex_destroy(&f->rec.lock);
	return 0;
}

static struct fake_node_stats stats(struct fixture *f)
{
	struct fake_node_stats st;

	fake_node_stats(f->fn, &st);
	return st;
}

static void test_kernel_device(void **state)
{
	struct tee_ioctl_version_data v;
	struct tee_dev *dev;

	(void)state;
	assert_int_equal(tee_dev_open("/dev/null", &dev), 0);
	assert_true(tee_dev_fd(dev) >= 0);
	assert_true(fcntl(tee_dev_fd(dev), F_GETFD) & FD_CLOEXEC);
	/* the real ioctl(2) runs: /dev/null knows no TEE ioctl */
	assert_int_equal(tee_dev_ioctl(dev, TEE_IOC_VERSION, &v), -ENOTTY);
	tee_dev_shm_release(dev, 1);
	tee_dev_close(dev);
}

static void test_missing_path(void **state)
{
	struct tee_dev *dev;

	(void)state;
	assert_int_equal(tee_dev_open("/nonexistent/vtee/tee0", &dev),
			 -ENOENT);
}

static void test_hello_new_context(void **state)
{
	struct fixture *f = *state;
	struct fake_node_stats st;

	assert_int_equal(tee_dev_open(fake_node_path(f->fn), &f->dev), 0);
	assert_true(tee_dev_fd(f->dev) >= 0);
	assert_true(fcntl(tee_dev_fd(f->dev), F_GETFD) & FD_CLOEXEC);
	st = stats(f);
	assert_int_equal(st.news, 1);
	assert_int_equal(st.attaches, 0);
	assert_int_equal(st.bad_hellos, 0);
	tee_dev_close(f->dev);
	f->dev = NULL;
	assert_true(fake_node_wait_eofs(f->fn, 1));
}

static void test_hello_refused(void **state)
{
	struct fixture *f = *state;

	fake_node_set_status(f->fn, -EBUSY, 0);
	assert_int_equal(tee_dev_open(fake_node_path(f->fn), &f->dev),
			 -EBUSY);
	f->dev = NULL;
}

static void test_version_bytes(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_version_data v = { 0 };

	f->rec.act = act_version;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_VERSION, &v), 0);
	assert_int_equal(f->rec.len, sizeof(struct vtee_node_req) + sizeof(v));
	assert_int_equal(f->rec.hdr.op, VTEE_NODE_OP_IOCTL);
	assert_int_equal(f->rec.hdr.ioctl_cmd, TEE_IOC_VERSION);
	assert_int_equal(f->rec.hdr.arg_len, sizeof(v));
	assert_int_equal(f->rec.hdr.user_len, 0);
	assert_int_equal(f->rec.hdr.user_addr, 0);
	assert_int_equal(f->rec.hdr.shm_id, 0);
	assert_int_equal(f->rec.hdr.pad, 0);
	assert_int_equal(v.impl_id, TEE_IMPL_ID_OPTEE);
	assert_int_equal(v.impl_caps, TEE_OPTEE_CAP_TZ);
	assert_int_equal(v.gen_caps,
			 TEE_GEN_CAP_GP | TEE_GEN_CAP_MEMREF_NULL);
}

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(seed + i * 7);
}

static void test_invoke_window(void **state)
{
	struct fixture *f = *state;
	uint8_t buf[152], want[152];
	struct tee_ioctl_buf_data bd = {
		.buf_ptr = (uintptr_t)buf,
		.buf_len = sizeof(buf),
	};

	fill(buf, sizeof(buf), 3);
	f->rec.act = act_inc;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, &bd), 0);
	assert_int_equal(f->rec.hdr.ioctl_cmd, TEE_IOC_INVOKE);
	assert_int_equal(f->rec.hdr.arg_len, sizeof(bd));
	assert_memory_equal(f->rec.arg, &bd, sizeof(bd));
	assert_int_equal(f->rec.hdr.user_addr, (uintptr_t)buf);
	assert_int_equal(f->rec.hdr.user_len, sizeof(buf));
	assert_int_equal(f->rec.len,
			 sizeof(struct vtee_node_req) + sizeof(bd) + sizeof(buf));
	fill(want, sizeof(want), 3);
	assert_memory_equal(f->rec.win, want, sizeof(want));
	for (size_t i = 0; i < sizeof(want); i++)
		want[i]++;
	assert_memory_equal(buf, want, sizeof(want));
	/* the argument was not sent back: it stays as it was */
	assert_int_equal(bd.buf_len, sizeof(buf));
}

static void test_every_window_ioctl(void **state)
{
	static const unsigned long cmds[] = {
		TEE_IOC_OPEN_SESSION, TEE_IOC_INVOKE, TEE_IOC_SUPPL_RECV,
		TEE_IOC_SUPPL_SEND, TEE_IOC_OBJECT_INVOKE,
	};
	struct fixture *f = *state;
	uint8_t buf[40];
	struct tee_ioctl_buf_data bd = { (uintptr_t)buf, sizeof(buf) };
	struct tee_ioctl_cancel_arg c = { .cancel_id = 3, .session = 4 };

	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		assert_int_equal(tee_dev_ioctl(f->dev, cmds[i], &bd), 0);
		assert_int_equal(f->rec.hdr.ioctl_cmd, cmds[i]);
		assert_int_equal(f->rec.hdr.user_len, sizeof(buf));
	}
	/* CANCEL points at no user memory */
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_CANCEL, &c), 0);
	assert_int_equal(f->rec.hdr.user_len, 0);
	assert_int_equal(f->rec.hdr.user_addr, 0);
	assert_memory_equal(f->rec.arg, &c, sizeof(c));
}

static void test_short_window_back(void **state)
{
	struct fixture *f = *state;
	uint8_t buf[16] = { 0 };
	struct tee_ioctl_buf_data bd = { (uintptr_t)buf, sizeof(buf) };
	uint8_t want[16] = { 1, 1, 1, 1 };

	f->rec.act = act_short_window;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, &bd), 0);
	assert_memory_equal(buf, want, sizeof(want));
}

static void test_window_over_max(void **state)
{
	struct fixture *f = *state;
	static uint8_t buf[TEE_MAX_ARG_SIZE + 1];
	struct tee_ioctl_buf_data bd = { (uintptr_t)buf, sizeof(buf) };

	f->rec.act = act_rc;
	f->rec.rc = -EINVAL;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, &bd), -EINVAL);
	assert_int_equal(f->rec.hdr.user_len, 0);
	assert_int_equal(f->rec.hdr.user_addr, (uintptr_t)buf);
	/* exactly the maximum still goes whole */
	bd.buf_len = TEE_MAX_ARG_SIZE;
	f->rec.rc = 0;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, &bd), 0);
	assert_int_equal(f->rec.hdr.user_len, TEE_MAX_ARG_SIZE);
}

static void test_window_unreadable(void **state)
{
	struct fixture *f = *state;
	long page = sysconf(_SC_PAGESIZE);
	uint8_t *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct tee_ioctl_buf_data bd = { (uintptr_t)(map + page), 64 };

	assert_true(map != MAP_FAILED);
	assert_int_equal(mprotect(map + page, page, PROT_NONE), 0);
	f->rec.act = act_rc;
	f->rec.rc = -EFAULT;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, &bd), -EFAULT);
	assert_int_equal(f->rec.hdr.user_len, 0);
	assert_int_equal(f->rec.hdr.user_addr, bd.buf_ptr);
	/* straddling into the hole: the readable prefix goes */
	fill(map + page - 100, 100, 9);
	bd.buf_ptr = (uintptr_t)(map + page - 100);
	bd.buf_len = 200;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, &bd), -EFAULT);
	assert_int_equal(f->rec.hdr.user_len, 100);
	assert_memory_equal(f->rec.win, map + page - 100, 100);
	/* NULL */
	bd.buf_ptr = 0;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, &bd), -EFAULT);
	assert_int_equal(f->rec.hdr.user_len, 0);
	munmap(map, 2 * page);
}

static void test_window_readonly(void **state)
{
	struct fixture *f = *state;
	long page = sysconf(_SC_PAGESIZE);
	uint8_t *map = mmap(NULL, page, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct tee_ioctl_buf_data bd = { (uintptr_t)map, 32 };

	assert_true(map != MAP_FAILED);
	assert_int_equal(mprotect(map, page, PROT_READ), 0);
	f->rec.act = act_inc;
	/* readable, so it goes; storing the answer back faults */
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, &bd), -EFAULT);
	assert_int_equal(f->rec.hdr.user_len, 32);
	munmap(map, page);
}

/* An unreadable argument goes as none; the node says -EFAULT. */
static void test_bad_arg_pointer(void **state)
{
	struct fixture *f = *state;

	f->rec.act = act_rc;
	f->rec.rc = -EFAULT;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, (void *)8),
			 -EFAULT);
	assert_int_equal(f->rec.calls, 1);
	assert_int_equal(f->rec.len, sizeof(struct vtee_node_req));
	assert_int_equal(f->rec.hdr.ioctl_cmd, TEE_IOC_INVOKE);
	assert_int_equal(f->rec.hdr.arg_len, 0);
	assert_int_equal(f->rec.hdr.user_len, 0);
	assert_int_equal(f->rec.hdr.user_addr, 0);
}

static void test_unknown_ioctl(void **state)
{
	struct fixture *f = *state;
	uint64_t x = 5;
	char big[100];

	f->rec.act = act_rc;
	f->rec.rc = -EINVAL;
	assert_int_equal(tee_dev_ioctl(f->dev, _IOWR(0xa4, 0x33, uint64_t), &x),
			 -EINVAL);
	assert_int_equal(f->rec.hdr.ioctl_cmd, _IOWR(0xa4, 0x33, uint64_t));
	assert_int_equal(f->rec.hdr.arg_len, 8);
	assert_int_equal(tee_dev_ioctl(f->dev, _IO(0x12, 0x34), NULL), -EINVAL);
	assert_int_equal(f->rec.hdr.ioctl_cmd, _IO(0x12, 0x34));
	assert_int_equal(f->rec.hdr.arg_len, 0);
	assert_int_equal(f->rec.calls, 2);
	/* an argument bigger than any UAPI one is refused here */
	assert_int_equal(tee_dev_ioctl(f->dev, _IOR(0xa4, 0x40, big), big),
			 -EINVAL);
	assert_int_equal(f->rec.calls, 2);
}

static void test_shm_alloc_fd(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_shm_alloc_data d = { .size = 100 };
	char got[5];
	int fd;

	f->rec.act = act_shm_alloc;
	fd = tee_dev_ioctl(f->dev, TEE_IOC_SHM_ALLOC, &d);
	assert_true(fd >= 0);
	assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	assert_int_equal(pread(fd, got, sizeof(got), 0), 5);
	assert_memory_equal(got, "hello", 5);
	assert_int_equal(d.size, 4096);
	assert_int_equal(d.id, 7);
	assert_int_equal(f->rec.hdr.arg_len, sizeof(d));
	close(fd);
}

static void test_fd_flag_without_fd(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_shm_alloc_data d = { .size = 100 };

	f->rec.act = act_fd_flag_only;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_SHM_ALLOC, &d), -EIO);
}

static void test_shm_release_bytes(void **state)
{
	struct fixture *f = *state;

	tee_dev_shm_release(f->dev, 42);
	assert_int_equal(f->rec.calls, 1);
	assert_int_equal(f->rec.len, sizeof(struct vtee_node_req));
	assert_int_equal(f->rec.hdr.op, VTEE_NODE_OP_SHM_RELEASE);
	assert_int_equal(f->rec.hdr.shm_id, 42);
	assert_int_equal(f->rec.hdr.ioctl_cmd, 0);
	assert_int_equal(f->rec.hdr.arg_len, 0);
	assert_int_equal(f->rec.hdr.user_len, 0);
	assert_int_equal(f->rec.hdr.user_addr, 0);
}

/* A reply that breaks the rules costs the connection, not the device. */
static void test_bad_replies(void **state)
{
	struct fixture *f = *state;
	uint8_t buf[8] = { 0 };
	struct tee_ioctl_buf_data bd = { (uintptr_t)buf, sizeof(buf) };
	struct tee_ioctl_version_data v;

	f->rec.act = act_window_too_long;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, &bd), -EIO);
	f->rec.act = act_truncated;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_INVOKE, &bd), -EIO);
	f->rec.act = act_version;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_VERSION, &v), 0);
	assert_int_equal(v.impl_id, TEE_IMPL_ID_OPTEE);
	/* the primary went out of step first, then one attached
	 * connection; a third carries on */
	assert_int_equal(stats(f).attaches, 2);
	assert_int_equal(stats(f).bad_hellos, 0);
}

static void test_node_hangs_up(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_version_data v;

	f->rec.act = act_hangup;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_VERSION, &v), -EIO);
	/* an unknown token (the context is gone) is an I/O error too */
	fake_node_set_status(f->fn, 0, -ENOENT);
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_VERSION, &v), -EIO);
}

static void test_node_dies(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_version_data v;

	f->rec.act = act_version;
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_VERSION, &v), 0);
	fake_node_stop(f->fn);
	/* writes to a dead peer must not raise SIGPIPE (the default action
	 * would end this test), nor may the call hang */
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_VERSION, &v), -EIO);
	assert_int_equal(tee_dev_ioctl(f->dev, TEE_IOC_VERSION, &v), -EIO);
	tee_dev_shm_release(f->dev, 3);
	f->fn = fake_node_start(record, &f->rec);	/* for teardown */
}

struct worker {
	struct tee_dev *dev;
	pthread_t thread;
	uint8_t buf[24];
	int rc;
	bool ok;
};

static void *worker_main(void *p)
{
	struct worker *w = p;
	struct tee_ioctl_buf_data bd = { (uintptr_t)w->buf, sizeof(w->buf) };
	uint8_t want[sizeof(w->buf)];

	fill(w->buf, sizeof(w->buf), (uint8_t)(uintptr_t)w);
	memcpy(want, w->buf, sizeof(want));
	w->rc = tee_dev_ioctl(w->dev, TEE_IOC_INVOKE, &bd);
	w->ok = true;
	for (size_t i = 0; i < sizeof(want); i++)
		w->ok &= w->buf[i] == (uint8_t)(want[i] + 1);
	return NULL;
}

static void run_workers(struct fixture *f, struct worker *w, int n)
{
	for (int i = 0; i < n; i++) {
		w[i].dev = f->dev;
		pthread_create(&w[i].thread, NULL, worker_main, &w[i]);
	}
	for (int i = 0; i < n; i++) {
		pthread_join(w[i].thread, NULL);
		assert_int_equal(w[i].rc, 0);
		assert_true(w[i].ok);
	}
}

static void test_concurrent_attach(void **state)
{
	struct fixture *f = *state;
	struct worker w[8];
	struct fake_node_stats st;

	f->rec.act = act_gather;
	f->rec.target = 8;
	run_workers(f, w, 8);
	assert_false(f->rec.timed_out);
	assert_int_equal(f->rec.max_inside, 8);
	st = stats(f);
	assert_int_equal(st.news, 1);
	assert_int_equal(st.attaches, 7);
	assert_int_equal(st.bad_hellos, 0);
	/* a second round reuses the pool */
	f->rec.max_inside = 0;
	f->rec.release = false;
	run_workers(f, w, 8);
	assert_false(f->rec.timed_out);
	assert_int_equal(stats(f).attaches, 7);
	/* closing ends every connection */
	tee_dev_close(f->dev);
	f->dev = NULL;
	assert_true(fake_node_wait_eofs(f->fn, 8));
}

static void test_pool_cap(void **state)
{
	struct fixture *f = *state;
	static struct worker w[70];
	struct timespec nap = { 0, 200 * 1000 * 1000 };

	f->rec.act = act_gather;
	f->rec.target = 1000;	/* never reached: released below */
	for (int i = 0; i < 70; i++) {
		w[i].dev = f->dev;
		pthread_create(&w[i].thread, NULL, worker_main, &w[i]);
	}
	pthread_mutex_lock(&f->rec.lock);
	while (f->rec.inside < 64 && !f->rec.timed_out)
		pthread_cond_wait(&f->rec.cond, &f->rec.lock);
	pthread_mutex_unlock(&f->rec.lock);
	nanosleep(&nap, NULL);
	pthread_mutex_lock(&f->rec.lock);
	assert_int_equal(f->rec.inside, 64);
	f->rec.release = true;
	pthread_cond_broadcast(&f->rec.cond);
	pthread_mutex_unlock(&f->rec.lock);
	for (int i = 0; i < 70; i++) {
		pthread_join(w[i].thread, NULL);
		assert_int_equal(w[i].rc, 0);
		assert_true(w[i].ok);
	}
	assert_false(f->rec.timed_out);
	assert_int_equal(stats(f).news + stats(f).attaches, 64);
}

static volatile sig_atomic_t signals_seen;

static void on_signal(int sig)
{
	(void)sig;
	signals_seen++;
}

static void test_eintr(void **state)
{
	struct fixture *f = *state;
	struct sigaction sa = { .sa_handler = on_signal };	/* no RESTART */
	struct timespec nap = { 0, 20 * 1000 * 1000 };
	struct worker w = { .dev = f->dev };

	sigaction(SIGUSR1, &sa, NULL);
	f->rec.act = act_gather;
	f->rec.target = 1000;
	pthread_create(&w.thread, NULL, worker_main, &w);
	pthread_mutex_lock(&f->rec.lock);
	while (f->rec.inside < 1 && !f->rec.timed_out)
		pthread_cond_wait(&f->rec.cond, &f->rec.lock);
	pthread_mutex_unlock(&f->rec.lock);
	for (int i = 0; i < 5; i++) {
		pthread_kill(w.thread, SIGUSR1);
		nanosleep(&nap, NULL);
	}
	pthread_mutex_lock(&f->rec.lock);
	f->rec.release = true;
	pthread_cond_broadcast(&f->rec.cond);
	pthread_mutex_unlock(&f->rec.lock);
	pthread_join(w.thread, NULL);
	assert_true(signals_seen > 0);
	assert_int_equal(w.rc, 0);
	assert_true(w.ok);
	assert_int_equal(f->rec.calls, 1);
	signal(SIGUSR1, SIG_DFL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kernel_device),
		cmocka_unit_test(test_missing_path),
		cmocka_unit_test_setup_teardown(test_hello_new_context,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_hello_refused,
						setup, teardown),
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_open, teardown)
		T(test_version_bytes),
		T(test_invoke_window),
		T(test_every_window_ioctl),
		T(test_short_window_back),
		T(test_window_over_max),
		T(test_window_unreadable),
		T(test_window_readonly),
		T(test_bad_arg_pointer),
		T(test_unknown_ioctl),
		T(test_shm_alloc_fd),
		T(test_fd_flag_without_fd),
		T(test_shm_release_bytes),
		T(test_bad_replies),
		T(test_node_hangs_up),
		T(test_node_dies),
		T(test_concurrent_attach),
		T(test_pool_cap),
		T(test_eintr),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
