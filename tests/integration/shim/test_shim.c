// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device shim, from inside a program it is preloaded into (ctest runs
 * this under `vtee run`): plain open/ioctl/close on /dev/tee0 reach the
 * vtee node; dup'd fds share the device; a shm lives while mapped after
 * its fd is closed, also while other threads do the same with fd numbers
 * and addresses the kernel reuses at once; a fork child keeps using the
 * context; other paths are untouched.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "vtee/uapi/tee.h"

static int version(int fd, struct tee_ioctl_version_data *v)
{
	memset(v, 0, sizeof(*v));
	return ioctl(fd, TEE_IOC_VERSION, v);
}

static void test_open_ioctl_close(void **state)
{
	struct tee_ioctl_version_data v;
	int fd = open("/dev/tee0", O_RDWR);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(version(fd, &v), 0);
	assert_int_equal(v.impl_id, TEE_IMPL_ID_OPTEE);
	assert_true(v.gen_caps & TEE_GEN_CAP_GP);
	/* the device fd is not an fd for anything else */
	assert_int_equal(ioctl(fd, 0x1234, &v), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(close(fd), 0);
}

static void test_openat_and_fortified(void **state)
{
	struct tee_ioctl_version_data v;
	int fd = openat(AT_FDCWD, "/dev/tee0", O_RDWR | O_CLOEXEC);

	(void)state;
	assert_true(fd >= 0);
	assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	assert_int_equal(version(fd, &v), 0);
	close(fd);
}

static void test_dups_share_the_device(void **state)
{
	struct tee_ioctl_version_data v;
	int fd = open("/dev/tee0", O_RDWR), fd2, fd3;

	(void)state;
	fd2 = dup(fd);
	fd3 = fcntl(fd, F_DUPFD, 100);
	assert_true(fd2 >= 0 && fd3 >= 100);
	close(fd);
	/* the device stays while any fd of it is open */
	assert_int_equal(version(fd2, &v), 0);
	assert_int_equal(version(fd3, &v), 0);
	close(fd2);
	assert_int_equal(version(fd3, &v), 0);
	close(fd3);
	/* and then it is gone: the number is no device any more */
	assert_int_equal(version(fd3, &v), -1);
}

static void test_dup2_over_a_device_closes_it(void **state)
{
	struct tee_ioctl_version_data v;
	int dev = open("/dev/tee0", O_RDWR);
	int other = open("/dev/null", O_RDONLY);

	(void)state;
	assert_int_equal(dup2(other, dev), dev);
	/* dev now names /dev/null: a real ioctl, not the node */
	assert_int_equal(version(dev, &v), -1);
	assert_int_not_equal(errno, 0);
	close(dev);
	close(other);
}

static void test_shm_outlives_its_fd_while_mapped(void **state)
{
	struct tee_ioctl_shm_alloc_data d = { .size = 8192 };
	int fd = open("/dev/tee0", O_RDWR);
	int shm = ioctl(fd, TEE_IOC_SHM_ALLOC, &d);
	uint8_t *p;

	(void)state;
	assert_true(shm >= 0);
	assert_true(d.id >= 1);
	p = mmap(NULL, d.size, PROT_READ | PROT_WRITE, MAP_SHARED, shm, 0);
	assert_ptr_not_equal(p, MAP_FAILED);
	/* libteec's way: close the fd at once, keep using the mapping */
	close(shm);
	memset(p, 0x5a, d.size);
	assert_int_equal(p[d.size - 1], 0x5a);
	assert_int_equal(munmap(p, d.size), 0);
	close(fd);
}

/* The test TA (TEST_TA_UUID) as the 16 octets of OPEN_SESSION. */
static const uint8_t test_ta_octets[16] = {
	0x57, 0x2b, 0x41, 0xd1, 0x82, 0x2e, 0x41, 0x6c,
	0x9e, 0x43, 0x98, 0xa4, 0xf5, 0xc1, 0xc3, 0xdb };

#define RACE_THREADS 4
#define RACE_ROUNDS 300

struct racer {
	int dev;
	uint32_t session;
	int failures;
};

static int open_session(int dev, uint32_t *session)
{
	struct tee_ioctl_open_session_arg a = { .clnt_login =
						TEE_IOCTL_LOGIN_PUBLIC };
	struct tee_ioctl_buf_data bd = { (uintptr_t)&a, sizeof(a) };

	memcpy(a.uuid, test_ta_octets, sizeof(a.uuid));
	if (ioctl(dev, TEE_IOC_OPEN_SESSION, &bd) || a.ret)
		return -1;
	*session = a.session;
	return 0;
}

/* An invoke carrying the shm `id`: fails if the shm was let go. */
static int invoke_with_shm(int dev, uint32_t session, int32_t id, size_t size)
{
	struct {
		struct tee_ioctl_invoke_arg a;
		struct tee_ioctl_param p[1];
	} arg = { .a = { .func = 0 /* NOP */, .session = session,
			 .num_params = 1 } };
	struct tee_ioctl_buf_data bd = { (uintptr_t)&arg, sizeof(arg) };

	arg.p[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT;
	arg.p[0].b = size;
	arg.p[0].c = (uint64_t)id;
	return ioctl(dev, TEE_IOC_INVOKE, &bd) || arg.a.ret ? -1 : 0;
}

/* libteec's temp-memref pattern: alloc, map, close the fd, use, unmap. */
static void *race_main(void *p)
{
	struct racer *r = p;

	for (int i = 0; i < RACE_ROUNDS; i++) {
		struct tee_ioctl_shm_alloc_data d = { .size = 4096 };
		int shm = ioctl(r->dev, TEE_IOC_SHM_ALLOC, &d);
		void *m = shm < 0 ? MAP_FAILED :
			  mmap(NULL, d.size, PROT_READ | PROT_WRITE,
			       MAP_SHARED, shm, 0);

		if (shm >= 0)
			close(shm);
		if (m == MAP_FAILED ||
		    invoke_with_shm(r->dev, r->session, d.id, d.size))
			r->failures++;
		if (m != MAP_FAILED)
			munmap(m, d.size);
	}
	return NULL;
}

static void test_threads_reusing_fds_and_addresses(void **state)
{
	struct racer r[RACE_THREADS];
	pthread_t th[RACE_THREADS];
	int dev = open("/dev/tee0", O_RDWR);
	uint32_t session = 0;

	(void)state;
	assert_true(dev >= 0);
	assert_int_equal(open_session(dev, &session), 0);
	for (int i = 0; i < RACE_THREADS; i++) {
		r[i] = (struct racer){ dev, session, 0 };
		assert_int_equal(pthread_create(&th[i], NULL, race_main, &r[i]),
				 0);
	}
	for (int i = 0; i < RACE_THREADS; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(r[i].failures, 0);
	}
	close(dev);
}

static void test_fork_child_uses_the_context(void **state)
{
	struct tee_ioctl_version_data v;
	int fd = open("/dev/tee0", O_RDWR), status;
	pid_t pid;

	(void)state;
	assert_int_equal(version(fd, &v), 0);
	pid = fork();
	if (!pid)
		_exit(version(fd, &v) == 0 && v.impl_id == TEE_IMPL_ID_OPTEE ?
		      0 : 1);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* and the parent's connections were not disturbed */
	assert_int_equal(version(fd, &v), 0);
	close(fd);
}

static void test_other_paths_untouched(void **state)
{
	char buf[16];
	int fd = open("/dev/zero", O_RDONLY);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(read(fd, buf, sizeof(buf)), sizeof(buf));
	close(fd);
	/* near misses are not devices either */
	assert_int_equal(open("/dev/tee16", O_RDWR), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(open("/dev/tee0x", O_RDWR), -1);
	assert_int_equal(errno, ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_ioctl_close),
		cmocka_unit_test(test_openat_and_fortified),
		cmocka_unit_test(test_dups_share_the_device),
		cmocka_unit_test(test_dup2_over_a_device_closes_it),
		cmocka_unit_test(test_shm_outlives_its_fd_while_mapped),
		cmocka_unit_test(test_threads_reusing_fds_and_addresses),
		cmocka_unit_test(test_fork_child_uses_the_context),
		cmocka_unit_test(test_other_paths_untouched),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
