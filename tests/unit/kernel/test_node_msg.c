// SPDX-License-Identifier: BSD-2-Clause
/*
 * tee_node_msg_parse: one case per rule by which a request datagram is
 * refused (vtee/node_wire.h), and the shapes it accepts.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tee_node_msg.h"

#define REQ_LEN sizeof(struct vtee_node_req)
#define USER_ADDR 0x7f0011220000ull

/* A whole datagram, aligned like the node's receive buffer. */
static union {
	uint8_t bytes[VTEE_NODE_MSG_MAX + 64];
	uint64_t align;
} dgram;

/* Writes a request with arg_len argument bytes (1, 2, 3...) and user_len
 * window bytes (0x80, 0x81, ...); returns the datagram's length. */
static size_t req_build(uint32_t op, uint32_t cmd, uint32_t arg_len,
			uint32_t user_len)
{
	struct vtee_node_req req = {
		.op = op, .ioctl_cmd = cmd, .user_addr = USER_ADDR,
		.arg_len = arg_len, .user_len = user_len, .shm_id = 42,
	};
	uint8_t *p = dgram.bytes + REQ_LEN;

	memcpy(dgram.bytes, &req, sizeof(req));
	for (uint32_t i = 0; i < arg_len && i < VTEE_NODE_ARG_MAX; i++)
		*p++ = (uint8_t)(i + 1);
	for (uint32_t i = 0; i < user_len && i < TEE_MAX_ARG_SIZE; i++)
		*p++ = (uint8_t)(0x80 + i);
	return REQ_LEN + arg_len + user_len;
}

static int parse(size_t len, struct tee_node_msg *m)
{
	return tee_node_msg_parse(dgram.bytes, len, m);
}

/* ---- refusals ---- */

static void test_refuses_short(void **state)
{
	struct tee_node_msg m;

	(void)state;
	req_build(VTEE_NODE_OP_IOCTL, 0x1234, 0, 0);
	assert_int_equal(parse(0, &m), -EINVAL);
	assert_int_equal(parse(REQ_LEN - 1, &m), -EINVAL);
}

static void test_refuses_truncated(void **state)
{
	struct tee_node_msg m;

	(void)state;
	/* a datagram longer than the largest message was cut by recv() */
	req_build(VTEE_NODE_OP_IOCTL, 0x1234, 0, 0);
	assert_int_equal(parse(VTEE_NODE_MSG_MAX + 1, &m), -EINVAL);
	assert_int_equal(parse(SIZE_MAX, &m), -EINVAL);
}

static void test_refuses_arg_too_long(void **state)
{
	struct tee_node_msg m;
	size_t len;

	(void)state;
	len = req_build(VTEE_NODE_OP_IOCTL, 0x1234, VTEE_NODE_ARG_MAX + 1, 0);
	assert_int_equal(parse(len, &m), -EINVAL);
}

static void test_refuses_window_too_long(void **state)
{
	struct tee_node_msg m;
	size_t len;

	(void)state;
	len = req_build(VTEE_NODE_OP_IOCTL, 0x1234, 0, TEE_MAX_ARG_SIZE + 1);
	assert_int_equal(parse(len, &m), -EINVAL);
}

static void test_refuses_lengths_not_adding_up(void **state)
{
	struct tee_node_msg m;
	size_t len;

	(void)state;
	len = req_build(VTEE_NODE_OP_IOCTL, 0x1234, 8, 16);
	assert_int_equal(parse(len - 1, &m), -EINVAL);
	assert_int_equal(parse(len + 1, &m), -EINVAL);
}

static void test_refuses_unknown_op(void **state)
{
	struct tee_node_msg m;

	(void)state;
	assert_int_equal(parse(req_build(0, 0x1234, 0, 0), &m), -EINVAL);
	assert_int_equal(parse(req_build(3, 0x1234, 0, 0), &m), -EINVAL);
	assert_int_equal(parse(req_build(0xffffffffu, 0, 0, 0), &m), -EINVAL);
}

static void test_refuses_partial_known_arg(void **state)
{
	struct tee_node_msg m;
	size_t len;

	(void)state;
	len = req_build(VTEE_NODE_OP_IOCTL, TEE_IOC_VERSION,
			sizeof(struct tee_ioctl_version_data) - 1, 0);
	assert_int_equal(parse(len, &m), -EINVAL);
	len = req_build(VTEE_NODE_OP_IOCTL, TEE_IOC_INVOKE,
			sizeof(struct tee_ioctl_buf_data) + 8, 0);
	assert_int_equal(parse(len, &m), -EINVAL);
}

/* ---- accepted shapes ---- */

static void test_accepts_fixed_arg(void **state)
{
	struct tee_ioctl_version_data want = { 0 };
	struct tee_node_msg m;
	size_t len;

	(void)state;
	len = req_build(VTEE_NODE_OP_IOCTL, TEE_IOC_VERSION, sizeof(want), 0);
	memcpy(&want, dgram.bytes + REQ_LEN, sizeof(want));
	assert_int_equal(parse(len, &m), 0);
	assert_int_equal(m.op, VTEE_NODE_OP_IOCTL);
	assert_int_equal(m.ioctl_cmd, TEE_IOC_VERSION);
	assert_int_equal(m.arg_len, sizeof(want));
	assert_ptr_equal(m.arg, m.arg_buf);
	assert_memory_equal(m.arg, &want, sizeof(want));
	assert_int_equal(m.user_len, 0);
}

static void test_accepts_window(void **state)
{
	const uint32_t win = sizeof(struct tee_ioctl_open_session_arg) +
			     2 * sizeof(struct tee_ioctl_param);
	struct tee_node_msg m;
	size_t len;

	(void)state;
	len = req_build(VTEE_NODE_OP_IOCTL, TEE_IOC_OPEN_SESSION,
			sizeof(struct tee_ioctl_buf_data), win);
	assert_int_equal(parse(len, &m), 0);
	assert_int_equal(m.arg_len, sizeof(struct tee_ioctl_buf_data));
	assert_int_equal(m.user_addr, USER_ADDR);
	assert_int_equal(m.user_len, win);
	/* the window points into the datagram, right after the argument */
	assert_ptr_equal(m.user, dgram.bytes + REQ_LEN + m.arg_len);
	assert_int_equal(m.user[0], 0x80);
	assert_int_equal(m.user[win - 1], (uint8_t)(0x80 + win - 1));
}

static void test_accepts_missing_arg(void **state)
{
	struct tee_node_msg m;

	(void)state;
	/* no argument: the core answers -EFAULT, in its own order */
	assert_int_equal(parse(req_build(VTEE_NODE_OP_IOCTL, TEE_IOC_CANCEL,
					 0, 0), &m), 0);
	assert_null(m.arg);
	assert_int_equal(m.arg_len, 0);
	assert_int_equal(m.ioctl_cmd, TEE_IOC_CANCEL);
}

static void test_accepts_unknown_ioctl(void **state)
{
	struct tee_node_msg m;

	(void)state;
	/* any size: the core refuses the number itself (-ENOTTY) */
	assert_int_equal(parse(req_build(VTEE_NODE_OP_IOCTL, 0xdeadbeefu, 5,
					 0), &m), 0);
	assert_int_equal(m.ioctl_cmd, 0xdeadbeefu);
	assert_int_equal(m.arg_len, 5);
	assert_int_equal(((uint8_t *)m.arg)[4], 5);
}

static void test_accepts_largest(void **state)
{
	struct tee_node_msg m;
	size_t len;

	(void)state;
	len = req_build(VTEE_NODE_OP_IOCTL, 0x1234, VTEE_NODE_ARG_MAX,
			TEE_MAX_ARG_SIZE);
	assert_int_equal(len, VTEE_NODE_MSG_MAX);
	assert_int_equal(parse(len, &m), 0);
	assert_ptr_equal(m.user + m.user_len, dgram.bytes + len);
}

static void test_accepts_shm_release(void **state)
{
	struct tee_node_msg m;

	(void)state;
	assert_int_equal(parse(req_build(VTEE_NODE_OP_SHM_RELEASE, 0, 0, 0),
			       &m), 0);
	assert_int_equal(m.op, VTEE_NODE_OP_SHM_RELEASE);
	assert_int_equal(m.shm_id, 42);
	assert_null(m.arg);
	assert_null(m.user);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refuses_short),
		cmocka_unit_test(test_refuses_truncated),
		cmocka_unit_test(test_refuses_arg_too_long),
		cmocka_unit_test(test_refuses_window_too_long),
		cmocka_unit_test(test_refuses_lengths_not_adding_up),
		cmocka_unit_test(test_refuses_unknown_op),
		cmocka_unit_test(test_refuses_partial_known_arg),
		cmocka_unit_test(test_accepts_fixed_arg),
		cmocka_unit_test(test_accepts_window),
		cmocka_unit_test(test_accepts_missing_arg),
		cmocka_unit_test(test_accepts_unknown_ioctl),
		cmocka_unit_test(test_accepts_largest),
		cmocka_unit_test(test_accepts_shm_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
