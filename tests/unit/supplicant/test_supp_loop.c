// SPDX-License-Identifier: BSD-2-Clause
/*
 * The supplicant's request loop against a fake REE kernel.  This program
 * defines the tee_dev functions itself, so the loop's RECV/SEND ioctls land
 * in a scripted supplicant queue that checks the protocol the real kernel
 * checks: exact buf_len, a META offer on RECV, the META id and the attrs
 * echoed on SEND.  It shows the whole TA load dance (size query,
 * SHM_ALLOC, LOAD_TA, SHM_FREE), requests served out of order by several
 * threads, the thread bound, single-threaded synchronous mode, and that a
 * failed RECV ends the process with status 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "supp.h"
#include "vtee/optee_rpc_cmd.h"
#include "vtee/tee_dev.h"

#define QUEUE_MAX	8
#define SHM_MAX		8
#define TA_SIZE		5000

/* One request of the secure world, as the fake kernel queues it. */
struct fake_req {
	uint32_t func;
	uint32_t n;
	struct tee_ioctl_param p[4];
	uint32_t id;		/* META id */
	bool answered;
	uint32_t ret;
};

struct tee_dev {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool meta;			/* asynchronous mode */
	int recv_error;			/* RECV fails with -recv_error */
	struct fake_req *queue[QUEUE_MAX];
	size_t queued;
	struct fake_req *inflight[QUEUE_MAX];
	uint32_t next_id;
	unsigned int waiters;		/* threads in RECV */
	unsigned int protocol_errors;
	bool hold_alloc;		/* SHM_ALLOC ioctls wait while set */
	unsigned int allocs_held;
	int32_t next_shm;
	int shm_fd[SHM_MAX];		/* the fake's own reference */
	int32_t released[SHM_MAX];
	size_t n_released;
};

static const uint8_t uuid_a[16] = {
	0x57, 0x2b, 0x41, 0xd1, 0x82, 0x2e, 0x41, 0x6c,
	0x9e, 0x43, 0x98, 0xa4, 0xf5, 0xc1, 0xc3, 0xdb,
};

static char ta_dir[64];

static void protocol_error(struct tee_dev *d, const char *what)
{
	fprintf(stderr, "fake kernel: protocol error: %s\n", what);
	d->protocol_errors++;
}

static size_t arg_len(uint32_t num_params)
{
	return 8 + 32 * (size_t)num_params;
}

/* Hands the oldest queued request to the caller (d->lock held). */
static void recv_fill(struct tee_dev *d, struct tee_iocl_supp_recv_arg *a)
{
	struct fake_req *r = d->queue[0];
	uint32_t meta = d->meta ? 1 : 0, i;

	memmove(d->queue, d->queue + 1, --d->queued * sizeof(d->queue[0]));
	d->inflight[r->id % QUEUE_MAX] = r;
	memset(a->params, 0, 5 * sizeof(a->params[0]));
	a->func = r->func;
	a->num_params = r->n + meta;
	if (meta) {
		a->params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT |
				    TEE_IOCTL_PARAM_ATTR_META;
		a->params[0].a = r->id;
	}
	for (i = 0; i < r->n; i++) {
		a->params[meta + i] = r->p[i];
		if (r->p[i].attr == TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT)
			a->params[meta + i].a = a->params[meta + i].b =
				a->params[meta + i].c = 0;
	}
}

static int fake_recv(struct tee_dev *d, struct tee_ioctl_buf_data *bd)
{
	struct tee_iocl_supp_recv_arg *a = (void *)(uintptr_t)bd->buf_ptr;
	int rc = 0;

	pthread_mutex_lock(&d->lock);
	if (bd->buf_len != arg_len(a->num_params) || a->num_params != 5 ||
	    a->params[0].attr != TEE_IOCTL_PARAM_ATTR_META)
		protocol_error(d, "RECV argument");
	d->waiters++;
	pthread_cond_broadcast(&d->cond);
	while (!d->recv_error && !d->queued)
		pthread_cond_wait(&d->cond, &d->lock);
	d->waiters--;
	if (d->recv_error)
		rc = -d->recv_error;
	else
		recv_fill(d, a);
	pthread_mutex_unlock(&d->lock);
	return rc;
}

/* The request a SEND answers: by META id, or the one in flight. */
static struct fake_req *send_match(struct tee_dev *d,
				   const struct tee_iocl_supp_send_arg *a)
{
	size_t i;

	if (!d->meta) {
		for (i = 0; i < QUEUE_MAX; i++)
			if (d->inflight[i])
				return d->inflight[i];
		return NULL;
	}
	if (a->num_params < 1 || a->params[0].attr !=
	    (TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT | TEE_IOCTL_PARAM_ATTR_META))
		return NULL;
	return d->inflight[a->params[0].a % QUEUE_MAX];
}

static int fake_send(struct tee_dev *d, struct tee_ioctl_buf_data *bd)
{
	struct tee_iocl_supp_send_arg *a = (void *)(uintptr_t)bd->buf_ptr;
	uint32_t meta = d->meta ? 1 : 0, i;
	struct fake_req *r;

	pthread_mutex_lock(&d->lock);
	r = send_match(d, a);
	if (bd->buf_len != arg_len(a->num_params) || !r ||
	    a->num_params != r->n + meta) {
		protocol_error(d, "SEND argument");
		pthread_mutex_unlock(&d->lock);
		return -EINVAL;
	}
	for (i = 0; i < r->n; i++) {
		if (a->params[meta + i].attr != r->p[i].attr)
			protocol_error(d, "SEND param attr not echoed");
		r->p[i] = a->params[meta + i];
	}
	r->ret = a->ret;
	r->answered = true;
	d->inflight[r->id % QUEUE_MAX] = NULL;
	pthread_cond_broadcast(&d->cond);
	pthread_mutex_unlock(&d->lock);
	return 0;
}

static int fake_shm_alloc(struct tee_dev *d,
			  struct tee_ioctl_shm_alloc_data *data)
{
	int fd = memfd_create("fake-shm", MFD_CLOEXEC);
	int32_t id;

	data->size = (data->size + 4095) & ~4095ull;
	if (fd < 0 || ftruncate(fd, (off_t)data->size))
		return -ENOMEM;
	pthread_mutex_lock(&d->lock);
	d->allocs_held++;
	pthread_cond_broadcast(&d->cond);
	while (d->hold_alloc)
		pthread_cond_wait(&d->cond, &d->lock);
	d->allocs_held--;
	id = d->next_shm++;
	d->shm_fd[id % SHM_MAX] = dup(fd);
	pthread_mutex_unlock(&d->lock);
	data->id = id;
	return fd;
}

int tee_dev_ioctl(struct tee_dev *d, unsigned long cmd, void *arg)
{
	switch (cmd) {
	case TEE_IOC_SUPPL_RECV:
		return fake_recv(d, arg);
	case TEE_IOC_SUPPL_SEND:
		return fake_send(d, arg);
	case TEE_IOC_SHM_ALLOC:
		return fake_shm_alloc(d, arg);
	default:
		return -EINVAL;
	}
}

void tee_dev_shm_release(struct tee_dev *d, int32_t id)
{
	pthread_mutex_lock(&d->lock);
	d->released[d->n_released++] = id;
	pthread_mutex_unlock(&d->lock);
}

/* ------------------------------------------------------------ harness */

static struct tee_dev *fake_new(bool meta)
{
	struct tee_dev *d = calloc(1, sizeof(*d));

	assert_non_null(d);
	pthread_mutex_init(&d->lock, NULL);
	pthread_cond_init(&d->cond, NULL);
	d->meta = meta;
	d->next_id = 1;
	d->next_shm = 1;
	return d;
}

/* A supplicant serving `d`; its threads live on until the test ends. */
static struct supp *supp_start(struct tee_dev *d, unsigned int max_threads)
{
	struct supp *s = calloc(1, sizeof(*s));

	assert_non_null(s);
	s->dev = d;
	assert_int_equal(supp_ta_dirs_parse(ta_dir, &s->ta_dirs), 0);
	supp_shm_table_init(&s->shms, supp_shm_release_dev, d);
	assert_int_equal(supp_loop_start(s, max_threads), 0);
	return s;
}

static void submit(struct tee_dev *d, struct fake_req *r)
{
	pthread_mutex_lock(&d->lock);
	assert_true(d->queued < QUEUE_MAX);
	r->id = d->next_id++;
	r->answered = false;
	d->queue[d->queued++] = r;
	pthread_cond_broadcast(&d->cond);
	pthread_mutex_unlock(&d->lock);
}

static void deadline_in(struct timespec *ts, long ms)
{
	clock_gettime(CLOCK_REALTIME, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

/* Waits up to ms for cond(d); the verdict at the end. */
static bool wait_for(struct tee_dev *d, bool (*cond)(struct tee_dev *, void *),
		     void *arg, long ms)
{
	struct timespec ts;
	bool ok;

	deadline_in(&ts, ms);
	pthread_mutex_lock(&d->lock);
	while (!(ok = cond(d, arg)) &&
	       pthread_cond_timedwait(&d->cond, &d->lock, &ts) != ETIMEDOUT)
		;
	pthread_mutex_unlock(&d->lock);
	return ok;
}

static bool is_answered(struct tee_dev *d, void *r)
{
	(void)d;
	return ((struct fake_req *)r)->answered;
}

static bool has_waiter(struct tee_dev *d, void *arg)
{
	(void)arg;
	return d->waiters > 0;
}

static bool allocs_held(struct tee_dev *d, void *n)
{
	return d->allocs_held == *(unsigned int *)n;
}

static void answer_wait(struct tee_dev *d, struct fake_req *r)
{
	if (!wait_for(d, is_answered, r, 5000))
		fail_msg("request %u (func %u) not answered", r->id, r->func);
}

static void set_hold(struct tee_dev *d, bool hold)
{
	pthread_mutex_lock(&d->lock);
	d->hold_alloc = hold;
	pthread_cond_broadcast(&d->cond);
	pthread_mutex_unlock(&d->lock);
}

static struct fake_req load_ta_req(uint64_t id, uint64_t size)
{
	struct fake_req r = { .func = OPTEE_RPC_CMD_LOAD_TA, .n = 2 };

	r.p[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
	memcpy(&r.p[0].a, uuid_a, 8);
	memcpy(&r.p[0].b, uuid_a + 8, 8);
	r.p[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT;
	r.p[1].b = size;
	r.p[1].c = id;
	return r;
}

static struct fake_req shm_req(uint32_t func, uint64_t b)
{
	struct fake_req r = { .func = func, .n = 1 };

	r.p[0].attr = func == OPTEE_RPC_CMD_SHM_ALLOC ?
		      TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT :
		      TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
	r.p[0].a = OPTEE_RPC_SHM_TYPE_APPL;
	r.p[0].b = b;
	return r;
}

/* ------------------------------------------------------------- tests */

/* Run first, while this process has no threads yet to make fork() odd. */
static void test_recv_failure_exits(void **state)
{
	int status;
	pid_t pid;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct tee_dev *d = fake_new(true);

		d->recv_error = EIO;
		supp_start(d, 4);
		sleep(10);
		_exit(99);	/* the loop should have ended us first */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
}

/* OP-TEE's way of loading a TA: ask the size, allocate, load, free. */
static void test_ta_load_dance(void **state)
{
	struct tee_dev *d = fake_new(true);
	struct fake_req q = load_ta_req(TEE_MEMREF_NULL, 0), alloc, load, rel;
	uint8_t buf[TA_SIZE];
	int32_t id;

	(void)state;
	supp_start(d, 4);
	submit(d, &q);
	answer_wait(d, &q);
	assert_int_equal(q.ret, SUPP_RES_SUCCESS);
	assert_int_equal(q.p[1].b, TA_SIZE);
	alloc = shm_req(OPTEE_RPC_CMD_SHM_ALLOC, q.p[1].b);
	submit(d, &alloc);
	answer_wait(d, &alloc);
	assert_int_equal(alloc.ret, SUPP_RES_SUCCESS);
	id = (int32_t)alloc.p[0].c;
	assert_int_equal(id, 1);
	load = load_ta_req((uint64_t)id, TA_SIZE);
	submit(d, &load);
	answer_wait(d, &load);
	assert_int_equal(load.ret, SUPP_RES_SUCCESS);
	assert_int_equal(load.p[1].b, TA_SIZE);
	assert_int_equal(pread(d->shm_fd[id], buf, TA_SIZE, 0), TA_SIZE);
	assert_int_equal(buf[0], 0x5a);
	assert_int_equal(buf[TA_SIZE - 1], 0x5a);
	rel = shm_req(OPTEE_RPC_CMD_SHM_FREE, (uint64_t)id);
	submit(d, &rel);
	answer_wait(d, &rel);
	assert_int_equal(rel.ret, SUPP_RES_SUCCESS);
	assert_int_equal(d->n_released, 1);
	assert_int_equal(d->released[0], id);
	/* a second free of the same id is the secure world's bug */
	rel = shm_req(OPTEE_RPC_CMD_SHM_FREE, (uint64_t)id);
	submit(d, &rel);
	answer_wait(d, &rel);
	assert_int_equal(rel.ret, SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(d->protocol_errors, 0);
}

static void test_other_requests(void **state)
{
	struct tee_dev *d = fake_new(true);
	struct fake_req sock = { .func = OPTEE_RPC_CMD_SOCKET, .n = 1 };
	struct fake_req kernel_shm = shm_req(OPTEE_RPC_CMD_SHM_ALLOC, 4096);

	(void)state;
	sock.p[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
	kernel_shm.p[0].a = OPTEE_RPC_SHM_TYPE_KERNEL;
	supp_start(d, 4);
	submit(d, &sock);
	submit(d, &kernel_shm);
	answer_wait(d, &sock);
	answer_wait(d, &kernel_shm);
	assert_int_equal(sock.ret, SUPP_RES_NOT_SUPPORTED);
	assert_int_equal(kernel_shm.ret, SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(d->protocol_errors, 0);
}

/*
 * A request that blocks does not hold up the next: another thread is in
 * RECV and answers it first.  With max_threads = 2 and both blocked, a
 * third request waits in the queue until one of them is free again.
 */
static void test_concurrent_and_bounded(void **state)
{
	struct tee_dev *d = fake_new(true);
	struct fake_req a1 = shm_req(OPTEE_RPC_CMD_SHM_ALLOC, 100);
	struct fake_req a2 = shm_req(OPTEE_RPC_CMD_SHM_ALLOC, 100);
	struct fake_req q1 = load_ta_req(TEE_MEMREF_NULL, 0);
	struct fake_req q2 = load_ta_req(TEE_MEMREF_NULL, 0);
	unsigned int two = 2;

	(void)state;
	set_hold(d, true);
	supp_start(d, 2);
	submit(d, &a1);
	assert_true(wait_for(d, has_waiter, NULL, 5000));
	submit(d, &q1);
	answer_wait(d, &q1);		/* while a1 is still held */
	assert_false(a1.answered);
	assert_int_equal(q1.p[1].b, TA_SIZE);
	submit(d, &a2);
	assert_true(wait_for(d, allocs_held, &two, 5000));
	submit(d, &q2);
	assert_false(wait_for(d, is_answered, &q2, 300));
	set_hold(d, false);
	answer_wait(d, &a1);
	answer_wait(d, &a2);
	answer_wait(d, &q2);
	assert_int_equal(a1.ret, SUPP_RES_SUCCESS);
	assert_int_equal(a2.ret, SUPP_RES_SUCCESS);
	assert_int_not_equal(a1.p[0].c, a2.p[0].c);
	assert_int_equal(d->protocol_errors, 0);
}

/* Without META the kernel wants strict alternation: one thread only. */
static void test_sync_mode_single_thread(void **state)
{
	struct tee_dev *d = fake_new(false);
	struct fake_req a = shm_req(OPTEE_RPC_CMD_SHM_ALLOC, 100);
	struct fake_req q = load_ta_req(TEE_MEMREF_NULL, 0);
	unsigned int one = 1;

	(void)state;
	set_hold(d, true);
	supp_start(d, 4);
	submit(d, &a);
	assert_true(wait_for(d, allocs_held, &one, 5000));
	assert_false(wait_for(d, has_waiter, NULL, 300));
	submit(d, &q);
	set_hold(d, false);
	answer_wait(d, &a);
	answer_wait(d, &q);
	assert_int_equal(q.ret, SUPP_RES_SUCCESS);
	assert_int_equal(q.p[1].b, TA_SIZE);
	assert_int_equal(d->protocol_errors, 0);
}

static int group_setup(void **state)
{
	char path[128];
	uint8_t buf[TA_SIZE];
	int fd;

	(void)state;
	strcpy(ta_dir, "/tmp/vtee-supp-loop-XXXXXX");
	if (!mkdtemp(ta_dir))
		return -1;
	snprintf(path, sizeof(path),
		 "%s/572b41d1-822e-416c-9e43-98a4f5c1c3db.ta", ta_dir);
	memset(buf, 0x5a, sizeof(buf));
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
		return -1;
	close(fd);
	supp_log_set_level(SUPP_LOG_WARN);
	return 0;
}

static int group_teardown(void **state)
{
	char path[128];

	(void)state;
	snprintf(path, sizeof(path),
		 "%s/572b41d1-822e-416c-9e43-98a4f5c1c3db.ta", ta_dir);
	unlink(path);
	rmdir(ta_dir);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recv_failure_exits),
		cmocka_unit_test(test_ta_load_dance),
		cmocka_unit_test(test_other_requests),
		cmocka_unit_test(test_concurrent_and_bounded),
		cmocka_unit_test(test_sync_mode_single_thread),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
