// SPDX-License-Identifier: BSD-2-Clause
/*
 * The UAPI's rules, one case each, through the device interface every
 * client uses (include/vtee/tee_dev.h).  Each expectation is the errno
 * Linux gives (linux-tee-subsystem.md §2.3).
 *
 * By default the device is the vtee node tee0.  With VTEE_UAPI_DEVICE
 * set (e.g. /dev/tee0) the same rules run against that path: under the
 * LD_PRELOAD shim, or against a real kernel's OP-TEE device
 * (VTEE_UAPI_REAL=1: skipped, exit 77, when the path does not exist).
 * The node's own wire rules run only against a node.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmocka.h>

#include "machine.h"
#include "vtee/node_wire.h"
#include "vtee/paths.h"
#include "vtee/tee_dev.h"

#define ENOTSUPP 524

static bool on_vtee(void)
{
	return !getenv("VTEE_UAPI_REAL");
}

/* The client device: VTEE_UAPI_DEVICE, or the vtee node tee0. */
static struct tee_dev *open_client(void)
{
	const char *forced = getenv("VTEE_UAPI_DEVICE");
	char dir[256], path[300];
	struct tee_dev *dev = NULL;

	if (forced) {
		snprintf(path, sizeof(path), "%s", forced);
	} else {
		assert_int_equal(vtee_default_runtime_dir(dir, sizeof(dir)), 0);
		snprintf(path, sizeof(path), "%s/tee0", dir);
	}
	assert_int_equal(tee_dev_open(path, &dev), 0);
	return dev;
}

static uint32_t gen_caps(struct tee_dev *dev)
{
	struct tee_ioctl_version_data v = { 0 };

	assert_int_equal(tee_dev_ioctl(dev, TEE_IOC_VERSION, &v), 0);
	return v.gen_caps;
}

static int setup(void **state)
{
	*state = open_client();
	return 0;
}

static int teardown(void **state)
{
	tee_dev_close(*state);
	return 0;
}

/* An open-session buffer: header + n params, returned with its length. */
struct open_buf {
	struct tee_ioctl_open_session_arg arg;
	struct tee_ioctl_param params[8];
};

static int open_session(struct tee_dev *dev, struct open_buf *b,
			uint32_t nparams, uint64_t buf_len)
{
	struct tee_ioctl_buf_data bd = { (uintptr_t)b, buf_len };

	b->arg.num_params = nparams;
	return tee_dev_ioctl(dev, TEE_IOC_OPEN_SESSION, &bd);
}

static uint64_t len_for(uint32_t n)
{
	return sizeof(struct tee_ioctl_open_session_arg) +
	       n * sizeof(struct tee_ioctl_param);
}

static void test_version_client(void **state)
{
	struct tee_ioctl_version_data v = { 0 };

	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_VERSION, &v), 0);
	assert_int_equal(v.impl_id, TEE_IMPL_ID_OPTEE);
	assert_int_equal(v.impl_caps, TEE_OPTEE_CAP_TZ);
	assert_true(v.gen_caps & TEE_GEN_CAP_GP);
	assert_false(v.gen_caps & TEE_GEN_CAP_PRIVILEGED);
	if (on_vtee())
		assert_int_equal(v.gen_caps,
				 TEE_GEN_CAP_GP | TEE_GEN_CAP_MEMREF_NULL);
}

static void test_unknown_ioctl_is_einval(void **state)
{
	uint32_t junk[8] = { 0 };

	assert_int_equal(tee_dev_ioctl(*state, _IOR(0xa4, 11, junk), junk),
			 -EINVAL);
	assert_int_equal(tee_dev_ioctl(*state, 0x1234, junk), -EINVAL);
}

static void test_shm_alloc(void **state)
{
	struct tee_ioctl_shm_alloc_data d = { .size = 100 };
	int fd = tee_dev_ioctl(*state, TEE_IOC_SHM_ALLOC, &d);
	uint8_t *p;

	assert_true(fd >= 0);
	assert_true(d.id >= 1);
	assert_int_equal(d.size, 4096);
	assert_int_equal(d.flags, 0);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	assert_ptr_not_equal(p, MAP_FAILED);
	p[4095] = 1;
	/* sealed: nobody can pull pages from under the secure world */
	assert_int_not_equal(ftruncate(fd, 0), 0);
	assert_int_not_equal(ftruncate(fd, 1 << 20), 0);
	munmap(p, 4096);
	close(fd);
	tee_dev_shm_release(*state, d.id);
}

static void test_shm_alloc_flags_and_zero(void **state)
{
	struct tee_ioctl_shm_alloc_data d = { .size = 4096, .flags = 1 };

	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_SHM_ALLOC, &d), -EINVAL);
	d = (struct tee_ioctl_shm_alloc_data){ .size = 0 };
	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_SHM_ALLOC, &d), -EINVAL);
}

static void test_shm_register_variants(void **state)
{
	static uint8_t page[4096] __attribute__((aligned(4096)));
	struct tee_ioctl_shm_register_data r = {
		.addr = (uintptr_t)page, .length = sizeof(page) };
	struct tee_ioctl_shm_register_fd_data rf = { .fd = 0 };
	struct tee_ioctl_buf_data bd = { 0, 24 };
	int fd;

	/* registration works exactly when the device says it does */
	fd = tee_dev_ioctl(*state, TEE_IOC_SHM_REGISTER, &r);
	if (gen_caps(*state) & TEE_GEN_CAP_REG_MEM) {
		assert_true(fd >= 0);
		assert_true(r.id >= 1);
		close(fd);
	} else {
		assert_int_equal(fd, -ENOTSUPP);
	}
	r.flags = 1;
	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_SHM_REGISTER, &r),
			 -EINVAL);
	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_SHM_REGISTER_FD, &rf),
			 -EINVAL);
	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_OBJECT_INVOKE, &bd),
			 -EINVAL);
}

static void test_open_buf_len_rules(void **state)
{
	struct open_buf b = { 0 };

	assert_int_equal(open_session(*state, &b, 0, TEE_MAX_ARG_SIZE + 1),
			 -EINVAL);
	assert_int_equal(open_session(*state, &b, 0, len_for(0) - 1), -EINVAL);
	/* num_params must match buf_len exactly */
	assert_int_equal(open_session(*state, &b, 2, len_for(1)), -EINVAL);
	assert_int_equal(open_session(*state, &b, 1, len_for(2)), -EINVAL);
}

static void test_open_bad_pointer_is_efault(void **state)
{
	struct tee_ioctl_buf_data bd = { 16, len_for(0) };

	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_OPEN_SESSION, &bd),
			 -EFAULT);
}

static void test_param_attr_rules(void **state)
{
	struct open_buf b = { 0 };

	b.params[0].attr = 0x200;	/* outside the 0x1ff mask */
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EINVAL);
	b.params[0].attr = 4;		/* unused type */
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EINVAL);
	b.params[0].attr = 14;		/* past the last type */
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EINVAL);
	/* UBUF: the core checks the range is user space (else -EFAULT);
	 * the OP-TEE driver takes no user buffers (-EINVAL) */
	b.params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_UBUF_INPUT;
	b.params[0].a = 0xffff800000000000ull;
	b.params[0].b = 16;
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EFAULT);
	b.params[0].a = 16;
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EINVAL);
	/* META from a client: the OP-TEE driver refuses it */
	b.params[0] = (struct tee_ioctl_param){
		.attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT |
			TEE_IOCTL_PARAM_ATTR_META };
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EINVAL);
	/* OBJREF is not OP-TEE's */
	b.params[0] = (struct tee_ioctl_param){
		.attr = TEE_IOCTL_PARAM_ATTR_TYPE_OBJREF_INPUT };
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EINVAL);
}

static void test_memref_rules(void **state)
{
	struct tee_ioctl_shm_alloc_data d = { .size = 4096 };
	int fd = tee_dev_ioctl(*state, TEE_IOC_SHM_ALLOC, &d);
	struct open_buf b = { 0 };

	assert_true(fd >= 0);
	b.params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT;
	b.params[0].c = (uint64_t)d.id + 1000;		/* no such shm */
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EINVAL);
	b.params[0].c = (uint64_t)d.id;
	b.params[0].a = 1;
	b.params[0].b = 4096;				/* a + b > size */
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EINVAL);
	b.params[0].a = UINT64_MAX;
	b.params[0].b = 2;				/* a + b overflows */
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EINVAL);
	close(fd);
	tee_dev_shm_release(*state, d.id);
}

static void test_memref_of_other_context(void **state)
{
	struct tee_dev *other = open_client();
	struct tee_ioctl_shm_alloc_data d = { .size = 4096 };
	int fd = tee_dev_ioctl(other, TEE_IOC_SHM_ALLOC, &d);
	struct open_buf b = { 0 };

	assert_true(fd >= 0);
	b.params[0] = (struct tee_ioctl_param){
		.attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT,
		.b = 16, .c = (uint64_t)d.id };
	assert_int_equal(open_session(*state, &b, 1, len_for(1)), -EINVAL);
	close(fd);
	tee_dev_close(other);
}

static void test_kernel_logins_are_eperm(void **state)
{
	struct open_buf b = { 0 };

	b.arg.clnt_login = TEE_IOCTL_LOGIN_REE_KERNEL_MIN;
	assert_int_equal(open_session(*state, &b, 0, len_for(0)), -EPERM);
	b.arg.clnt_login = TEE_IOCTL_LOGIN_REE_KERNEL_MAX;
	assert_int_equal(open_session(*state, &b, 0, len_for(0)), -EPERM);
}

static void test_application_logins_are_einval(void **state)
{
	struct open_buf b = { 0 };
	uint32_t logins[] = { TEE_IOCTL_LOGIN_APPLICATION,
			      TEE_IOCTL_LOGIN_USER_APPLICATION,
			      TEE_IOCTL_LOGIN_GROUP_APPLICATION, 3, 7 };

	for (size_t i = 0; i < sizeof(logins) / sizeof(logins[0]); i++) {
		b.arg.clnt_login = logins[i];
		assert_int_equal(open_session(*state, &b, 0, len_for(0)),
				 -EINVAL);
	}
}

static void test_group_login_needs_membership(void **state)
{
	struct open_buf b = { 0 };
	gid_t stranger = 54321;

	b.arg.clnt_login = TEE_IOCTL_LOGIN_GROUP;
	memcpy(b.arg.clnt_uuid, &stranger, sizeof(stranger));
	assert_int_equal(open_session(*state, &b, 0, len_for(0)), -EPERM);
}

static void test_too_many_params_for_optee(void **state)
{
	struct open_buf b = { 0 };
	struct {
		struct tee_ioctl_invoke_arg arg;
		struct tee_ioctl_param params[7];
	} inv = { .arg.num_params = 7 };
	struct tee_ioctl_buf_data bd = { (uintptr_t)&inv, sizeof(inv) };

	/* 5 user params + 2 meta exceed OP-TEE's 6 */
	assert_int_equal(open_session(*state, &b, 5, len_for(5)), -EINVAL);
	/* no such session comes first for invoke */
	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_INVOKE, &bd), -EINVAL);
}

static void test_unknown_session(void **state)
{
	struct tee_ioctl_cancel_arg c = { .session = 0xdead };
	struct tee_ioctl_close_session_arg cl = { .session = 0xdead };
	struct tee_ioctl_invoke_arg inv = { .session = 0xdead };
	struct tee_ioctl_buf_data bd = { (uintptr_t)&inv, sizeof(inv) };

	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_CANCEL, &c), -EINVAL);
	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_CLOSE_SESSION, &cl),
			 -EINVAL);
	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_INVOKE, &bd), -EINVAL);
}

static void test_supplicant_ioctls_on_client_node(void **state)
{
	struct {
		struct tee_iocl_supp_recv_arg arg;
		struct tee_ioctl_param p;
	} r = { .arg.num_params = 1 };
	struct tee_ioctl_buf_data bd = { (uintptr_t)&r, sizeof(r) };

	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_SUPPL_RECV, &bd),
			 -EINVAL);
	assert_int_equal(tee_dev_ioctl(*state, TEE_IOC_SUPPL_SEND, &bd),
			 -EINVAL);
}

static void test_second_supplicant_is_ebusy(void **state)
{
	char dir[256], path[300];
	struct tee_dev *dev = NULL;

	(void)state;
	assert_int_equal(vtee_default_runtime_dir(dir, sizeof(dir)), 0);
	snprintf(path, sizeof(path), "%s/teepriv0", dir);
	/* the fixture's vtee-supplicant holds teepriv0 */
	assert_int_equal(tee_dev_open(path, &dev), -EBUSY);
}

/* A raw socket connected to the tee0 node. */
static int raw_socket(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char dir[256];
	int fd = socket(AF_UNIX, SOCK_SEQPACKET, 0);

	assert_int_equal(vtee_default_runtime_dir(dir, sizeof(dir)), 0);
	assert_true(snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/tee0",
			     dir) < (int)sizeof(sa.sun_path));
	assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	return fd;
}

/* Raw datagrams: each malformed one gets -EINVAL, and the node serves on. */
static int raw_connect(void)
{
	struct vtee_node_hello h = { .magic = VTEE_NODE_MAGIC,
				     .kind = VTEE_NODE_NEW_CONTEXT };
	struct vtee_node_welcome w;
	int fd = raw_socket();

	assert_int_equal(send(fd, &h, sizeof(h), 0), sizeof(h));
	assert_int_equal(recv(fd, &w, sizeof(w), 0), sizeof(w));
	assert_int_equal(w.status, 0);
	return fd;
}

static int32_t raw_call(int fd, const void *msg, size_t len)
{
	uint8_t rep[sizeof(struct vtee_node_rep) + 64 + TEE_MAX_ARG_SIZE];
	struct vtee_node_rep r;

	assert_int_equal(send(fd, msg, len, 0), (ssize_t)len);
	assert_true(recv(fd, rep, sizeof(rep), 0) >= (ssize_t)sizeof(r));
	memcpy(&r, rep, sizeof(r));
	return r.rc;
}

static void test_malformed_node_messages(void **state)
{
	static uint8_t big[VTEE_NODE_MSG_MAX + 100];
	struct vtee_node_req req = { .op = VTEE_NODE_OP_IOCTL,
				     .ioctl_cmd = TEE_IOC_VERSION };
	uint8_t msg[sizeof(req) + 12] = { 0 };
	int fd = raw_connect();

	(void)state;
	assert_int_equal(raw_call(fd, "xy", 2), -EINVAL);		/* short */
	memset(big, 0xa5, sizeof(big));
	assert_int_equal(raw_call(fd, big, sizeof(big)), -EINVAL);	/* huge */
	req.arg_len = 12;
	req.user_len = 4;					/* lies */
	memcpy(msg, &req, sizeof(req));
	assert_int_equal(raw_call(fd, msg, sizeof(msg)), -EINVAL);
	req.user_len = 0;
	req.arg_len = 8;					/* wrong size */
	memcpy(msg, &req, sizeof(req));
	assert_int_equal(raw_call(fd, msg, sizeof(req) + 8), -EINVAL);
	req.op = 99;						/* no such op */
	req.arg_len = 12;
	memcpy(msg, &req, sizeof(req));
	assert_int_equal(raw_call(fd, msg, sizeof(msg)), -EINVAL);
	/* and the same connection still works */
	req.op = VTEE_NODE_OP_IOCTL;
	memcpy(msg, &req, sizeof(req));
	assert_int_equal(raw_call(fd, msg, sizeof(msg)), 0);
	/* no argument at all: the pointer did not reach the kernel */
	req.arg_len = 0;
	memcpy(msg, &req, sizeof(req));
	assert_int_equal(raw_call(fd, msg, sizeof(req)), -EFAULT);
	close(fd);
}

/* A connection with a call page, driven by hand. */
static struct vtee_call_page *page_connect(int *sock)
{
	struct vtee_node_hello h = {
		.magic = VTEE_NODE_MAGIC,
		.kind = VTEE_NODE_NEW_CONTEXT | VTEE_NODE_WANT_CALL_PAGE };
	struct vtee_node_welcome w;
	char ctl[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &w, sizeof(w) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = ctl, .msg_controllen = sizeof(ctl) };
	struct vtee_call_page *pg;
	int fd;

	*sock = raw_socket();
	assert_int_equal(send(*sock, &h, sizeof(h), 0), sizeof(h));
	assert_int_equal(recvmsg(*sock, &mh, 0), sizeof(w));
	assert_int_equal(w.status, 0);
	assert_non_null(CMSG_FIRSTHDR(&mh));
	memcpy(&fd, CMSG_DATA(CMSG_FIRSTHDR(&mh)), sizeof(fd));
	pg = mmap(NULL, VTEE_CALL_PAGE_SIZE, PROT_READ | PROT_WRITE,
		  MAP_SHARED, fd, 0);
	assert_ptr_not_equal(pg, MAP_FAILED);
	close(fd);
	return pg;
}

/* Posts len bytes (already in the page) and returns the reply's rc. */
static int32_t page_call(struct vtee_call_page *pg, uint32_t len)
{
	struct vtee_node_rep r;

	pg->len = len;
	__atomic_store_n(&pg->state, VTEE_CALL_REQUEST, __ATOMIC_RELEASE);
	syscall(SYS_futex, &pg->state, FUTEX_WAKE, 1, NULL, NULL, 0);
	for (int i = 0; i < 5000 &&
	     __atomic_load_n(&pg->state, __ATOMIC_ACQUIRE) != VTEE_CALL_REPLY;
	     i++)
		usleep(1000);
	assert_int_equal(pg->state, VTEE_CALL_REPLY);
	memcpy(&r, pg->msg, sizeof(r));
	pg->state = VTEE_CALL_IDLE;
	return r.rc;
}

static void test_hostile_call_page(void **state)
{
	struct vtee_node_req req = { .op = VTEE_NODE_OP_IOCTL,
				     .ioctl_cmd = TEE_IOC_VERSION,
				     .arg_len = 12 };
	struct vtee_call_page *pg;
	int sock;

	(void)state;
	pg = page_connect(&sock);
	memset(pg->msg, 0xff, sizeof(pg->msg));
	assert_int_equal(page_call(pg, UINT32_MAX), -EINVAL);
	assert_int_equal(page_call(pg, 3), -EINVAL);
	assert_int_equal(page_call(pg, sizeof(pg->msg)), -EINVAL);
	/* the same page still serves a well-formed request */
	memset(pg->msg, 0, sizeof(pg->msg));
	memcpy(pg->msg, &req, sizeof(req));
	assert_int_equal(page_call(pg, sizeof(req) + 12), 0);
	munmap(pg, VTEE_CALL_PAGE_SIZE);
	close(sock);
}

static void test_bad_hello_is_dropped(void **state)
{
	char buf[64];
	int fd = raw_socket();

	(void)state;
	assert_int_equal(send(fd, "garbage!", 8, 0), 8);
	/* the node hangs up on a peer that does not speak the protocol */
	assert_true(recv(fd, buf, sizeof(buf), 0) <= 0);
	close(fd);
}

int main(void)
{
	const char *forced = getenv("VTEE_UAPI_DEVICE");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version_client),
		cmocka_unit_test(test_unknown_ioctl_is_einval),
		cmocka_unit_test(test_shm_alloc),
		cmocka_unit_test(test_shm_alloc_flags_and_zero),
		cmocka_unit_test(test_shm_register_variants),
		cmocka_unit_test(test_open_buf_len_rules),
		cmocka_unit_test(test_open_bad_pointer_is_efault),
		cmocka_unit_test(test_param_attr_rules),
		cmocka_unit_test(test_memref_rules),
		cmocka_unit_test(test_memref_of_other_context),
		cmocka_unit_test(test_kernel_logins_are_eperm),
		cmocka_unit_test(test_application_logins_are_einval),
		cmocka_unit_test(test_group_login_needs_membership),
		cmocka_unit_test(test_too_many_params_for_optee),
		cmocka_unit_test(test_unknown_session),
		cmocka_unit_test(test_supplicant_ioctls_on_client_node),
	};
	/* a vtee node's own rules: its wire, its one supplicant */
	const struct CMUnitTest node_tests[] = {
		cmocka_unit_test(test_second_supplicant_is_ebusy),
		cmocka_unit_test(test_malformed_node_messages),
		cmocka_unit_test(test_bad_hello_is_dropped),
		cmocka_unit_test(test_hostile_call_page),
	};
	int failed;

	if (!on_vtee() && forced && access(forced, F_OK)) {
		printf("skipped: no %s on this machine\n", forced);
		return 77;
	}
	failed = cmocka_run_group_tests(tests, setup, teardown);
	if (!forced)
		failed += cmocka_run_group_tests(node_tests, NULL, NULL);
	return failed;
}
