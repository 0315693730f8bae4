// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device shim, from inside a program it is preloaded into (ctest runs
 * this under `vtee run`): plain open/ioctl/close on /dev/tee0 reach the
 * vtee node; dup'd fds share the device; a shm lives while mapped after
 * its fd is closed; a fork child keeps using the context; other paths are
 * untouched.
 */
#include <errno.h>
#include <fcntl.h>
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
		cmocka_unit_test(test_fork_child_uses_the_context),
		cmocka_unit_test(test_other_paths_untouched),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
