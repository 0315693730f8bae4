// SPDX-License-Identifier: BSD-2-Clause
/*
 * The trusted OS's side of the TA syscall channel, against a TA that skips
 * the runtime's checks: the hostile test TA (vtee_hostile_ta.h) posts raw
 * messages built here.  Each gets the precise answer the OS gives, or the
 * kill that a protocol violation earns; the daemon serves on afterwards.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "machine.h"
#include "tos_test.h"
#include "vtee/ta_channel.h"
#include "vtee_hostile_ta.h"

static const TEEC_UUID hostile_ta = HOSTILE_TA_UUID;
static const TEEC_UUID no_such_ta = { 0xdeadbeef, 0, 0, { 0 } };

#define PLUGIN_BUF_MAX (TA_CHAN_DATA_MAX - 16)
#define CALL_SIZE sizeof(struct ta_sys_ta_call)

/* A machine of its own: these tests kill TAs on purpose, and the
 * daemon's exit status at the end tells whether any of it hurt it. */
static struct test_machine machine;
static TEEC_Context ctx;

/* The OS's answer: header, then the data it sent back. */
static struct {
	struct hostile_msg h;
	uint8_t data[TA_CHAN_DATA_MAX];
} ans;

static int setup(void **state)
{
	(void)state;
	if (machine_start(&machine, NULL) || !machine_wait_supplicant(&machine))
		return -1;
	return TEEC_InitializeContext(NULL, &ctx) == TEEC_SUCCESS ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	TEEC_FinalizeContext(&ctx);
	return machine_stop(&machine) == 0 ? 0 : -1;
}

static void open_hostile(TEEC_Session *s)
{
	uint32_t o;

	assert_int_equal(open_public(&ctx, s, &hostile_ta, &o), TEEC_SUCCESS);
}

static TEEC_Result hostile_nop(TEEC_Session *s)
{
	uint32_t o;

	return TEEC_InvokeCommand(s, HOSTILE_CMD_NOP, NULL, &o);
}

/* The daemon still serves: a new instance of each TA answers. */
static void assert_daemon_serves(void)
{
	TEEC_Session h, t;
	uint32_t o;

	open_hostile(&h);
	assert_int_equal(hostile_nop(&h), TEEC_SUCCESS);
	assert_int_equal(open_public(&ctx, &t, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	assert_int_equal(nop(&t, &o), TEEC_SUCCESS);
	TEEC_CloseSession(&t);
	TEEC_CloseSession(&h);
}

/*
 * Has the TA post message h with the n bytes of data; the answer lands
 * in `ans`.  Returns the invoke's result, origin in *origin.
 */
static TEEC_Result post(TEEC_Session *s, const struct hostile_msg *h,
			const void *data, size_t n, uint32_t *origin)
{
	uint8_t *req = malloc(sizeof(*h) + n);
	TEEC_Operation op = { 0 };
	TEEC_Result res;

	assert_non_null(req);
	memcpy(req, h, sizeof(*h));
	if (n)
		memcpy(req + sizeof(*h), data, n);
	memset(&ans, 0xa5, sizeof(ans));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
					 TEEC_NONE);
	op.params[0].tmpref.buffer = req;
	op.params[0].tmpref.size = sizeof(*h) + n;
	op.params[1].tmpref.buffer = &ans;
	op.params[1].tmpref.size = sizeof(ans);
	res = TEEC_InvokeCommand(s, HOSTILE_CMD_RAW, &op, origin);
	free(req);
	return res;
}

/*
 * A well-formed SYSCALL message with data_len n (the bytes of data):
 * asserts the OS answered, and returns its result.
 */
static uint32_t sys(TEEC_Session *s, uint32_t func, const uint64_t args[6],
		    const void *data, uint32_t n)
{
	struct hostile_msg h = { .kind = TA_MSG_SYSCALL, .func = func,
				 .data_len = n };
	uint32_t o;

	if (args)
		memcpy(h.args, args, sizeof(h.args));
	assert_int_equal(post(s, &h, data, n, &o), TEEC_SUCCESS);
	assert_int_equal(ans.h.kind, TA_MSG_SYSCALL_RET);
	assert_true(ans.h.data_len <= TA_CHAN_DATA_MAX);
	return ans.h.ret;
}

/* A message the protocol forbids: the TA dies, its caller sees
 * TARGET_DEAD from the TEE, and the session stays dead. */
static void assert_killed_by(const struct hostile_msg *h)
{
	TEEC_Session s;
	uint32_t o = 0;

	open_hostile(&s);
	assert_int_equal(post(&s, h, NULL, 0, &o), TEEC_ERROR_TARGET_DEAD);
	assert_int_equal(o, TEEC_ORIGIN_TEE);
	assert_int_equal(hostile_nop(&s), TEEC_ERROR_TARGET_DEAD);
	TEEC_CloseSession(&s);
}

static void test_unknown_syscall_not_supported(void **state)
{
	static const uint32_t funcs[] = { 0, 1000, 0x7fffffff, 0xffffffff };
	uint8_t junk[64];
	TEEC_Session s;

	(void)state;
	memset(junk, 0x5a, sizeof(junk));
	open_hostile(&s);
	for (size_t i = 0; i < sizeof(funcs) / sizeof(funcs[0]); i++) {
		assert_int_equal(sys(&s, funcs[i], NULL, junk, sizeof(junk)),
				 TEEC_ERROR_NOT_SUPPORTED);
		assert_int_equal(ans.h.data_len, 0);
	}
	/* the TA lives on */
	assert_int_equal(hostile_nop(&s), TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	assert_daemon_serves();
}

static void test_oversized_data_len_kills(void **state)
{
	static const uint32_t lens[] = { TA_CHAN_DATA_MAX + 1, 0x80000000u,
					 0xffffffffu };

	(void)state;
	for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		struct hostile_msg h = { .kind = TA_MSG_SYSCALL,
					 .func = TA_SYS_LOG,
					 .data_len = lens[i] };

		assert_killed_by(&h);
		assert_daemon_serves();
	}
}

static void test_bad_kind_kills(void **state)
{
	static const uint32_t kinds[] = { 0, TA_MSG_ENTRY, TA_MSG_SYSCALL_RET,
					  5, 0xffffffffu };

	(void)state;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		struct hostile_msg h = { .kind = kinds[i],
					 .func = TA_SYS_LOG };

		assert_killed_by(&h);
		assert_daemon_serves();
	}
}

static void test_panic_kills(void **state)
{
	struct hostile_msg h = { .kind = TA_MSG_SYSCALL, .func = TA_SYS_PANIC,
				 .args = { UINT64_MAX } };

	(void)state;
	assert_killed_by(&h);
	assert_daemon_serves();
}

/* TA_SYS_SUPP_PLUGIN: data = 16 UUID octets + buffer, args[2] = size. */
static void test_supp_plugin_malformed(void **state)
{
	uint8_t *buf = calloc(1, TA_CHAN_DATA_MAX);
	TEEC_Session s;

	(void)state;
	assert_non_null(buf);
	open_hostile(&s);
	/* data_len < 16: not even a UUID */
	assert_int_equal(sys(&s, TA_SYS_SUPP_PLUGIN,
			     (uint64_t[6]){ 1, 0, 8 }, buf, 0),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(sys(&s, TA_SYS_SUPP_PLUGIN,
			     (uint64_t[6]){ 1, 0, 8 }, buf, 15),
			 TEEC_ERROR_BAD_PARAMETERS);
	/* an empty buffer */
	assert_int_equal(sys(&s, TA_SYS_SUPP_PLUGIN,
			     (uint64_t[6]){ 1, 0, 0 }, buf, 16),
			 TEEC_ERROR_BAD_PARAMETERS);
	/* a buffer larger than an answer can carry, up to 2^64 - 1 */
	assert_int_equal(sys(&s, TA_SYS_SUPP_PLUGIN,
			     (uint64_t[6]){ 1, 0, PLUGIN_BUF_MAX + 1 }, buf,
			     24), TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(sys(&s, TA_SYS_SUPP_PLUGIN,
			     (uint64_t[6]){ 1, 0, UINT64_MAX }, buf, 24),
			 TEEC_ERROR_BAD_PARAMETERS);
	/* more bytes carried than the buffer holds */
	assert_int_equal(sys(&s, TA_SYS_SUPP_PLUGIN,
			     (uint64_t[6]){ 1, 0, 8 }, buf, 16 + 9),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(ans.h.data_len, 0);
	/* the largest well-formed request reaches the supplicant, which
	 * has no plugins on this machine */
	assert_int_equal(sys(&s, TA_SYS_SUPP_PLUGIN,
			     (uint64_t[6]){ 1, 0, PLUGIN_BUF_MAX }, buf,
			     TA_CHAN_DATA_MAX), TEEC_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(ans.h.data_len, 0);
	assert_int_equal(hostile_nop(&s), TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	free(buf);
	assert_daemon_serves();
}

/* TEEC_UUID to the 16 octets of RFC 4122 order. */
static void uuid_octets(uint8_t out[16], const TEEC_UUID *u)
{
	out[0] = (uint8_t)(u->timeLow >> 24);
	out[1] = (uint8_t)(u->timeLow >> 16);
	out[2] = (uint8_t)(u->timeLow >> 8);
	out[3] = (uint8_t)u->timeLow;
	out[4] = (uint8_t)(u->timeMid >> 8);
	out[5] = (uint8_t)u->timeMid;
	out[6] = (uint8_t)(u->timeHiAndVersion >> 8);
	out[7] = (uint8_t)u->timeHiAndVersion;
	memcpy(out + 8, u->clockSeqAndNode, 8);
}

#define PT(t0, t1, t2, t3) ((t0) | (t1) << 4 | (t2) << 8 | (t3) << 12)

/* A TA-to-TA request: the struct, then payload bytes. */
struct t2t {
	struct ta_sys_ta_call call;
	uint8_t payload[256];
};

static struct t2t t2t_for(const TEEC_UUID *target, uint32_t cmd,
			  uint32_t param_types)
{
	struct t2t r = { .call = { .timeout_ms = 0xffffffffu, .cmd = cmd,
				   .param_types = param_types } };

	if (target)
		uuid_octets(r.call.uuid, target);
	return r;
}

/* TA-to-TA syscall func with n bytes of r (args[0] = handle). */
static uint32_t t2t_sys(TEEC_Session *s, uint32_t func, uint64_t handle,
			const struct t2t *r, uint32_t n)
{
	return sys(s, func, (uint64_t[6]){ handle }, r, n);
}

/* Opens test_ta_multi from the hostile TA of s: the handle. */
static uint32_t t2t_open(TEEC_Session *s)
{
	struct t2t r = t2t_for(&test_ta_multi, 0, 0);

	assert_int_equal(t2t_sys(s, TA_SYS_OPEN_TA_SESSION, 0, &r, CALL_SIZE),
			 TEEC_SUCCESS);
	assert_int_equal(ans.h.args[1], TEEC_ORIGIN_TRUSTED_APP);
	assert_int_not_equal(ans.h.args[0], 0);
	return (uint32_t)ans.h.args[0];
}

/* TEST_CMD_VALUE_INC through handle: the result. */
static uint32_t t2t_value_inc(TEEC_Session *s, uint64_t handle)
{
	struct t2t r = t2t_for(NULL, TEST_CMD_VALUE_INC,
			       PT(TA_PARAM_VALUE_INOUT, 0, 0, 0));
	struct ta_sys_ta_call out;
	uint32_t res;

	r.call.params[0].a = 41;
	r.call.params[0].b = 1;
	res = t2t_sys(s, TA_SYS_INVOKE_TA_COMMAND, handle, &r, CALL_SIZE);
	if (res == TEEC_SUCCESS) {
		assert_int_equal(ans.h.data_len, CALL_SIZE);
		memcpy(&out, ans.data, sizeof(out));
		assert_int_equal(out.params[0].a, 42);
		assert_int_equal(out.params[0].b, 3);
	}
	return res;
}

/* A malformed TA-to-TA call: BAD_PARAMETERS from the TEE, no payload. */
static void assert_t2t_refused(TEEC_Session *s, uint32_t func,
			       uint64_t handle, const struct t2t *r, uint32_t n)
{
	assert_int_equal(t2t_sys(s, func, handle, r, n),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(ans.h.args[1], TEEC_ORIGIN_TEE);
	assert_int_equal(ans.h.data_len, 0);
}

static void test_ta2ta_short_call(void **state)
{
	struct t2t r = t2t_for(&test_ta_multi, 0, 0);
	TEEC_Session s;
	uint32_t handle;

	(void)state;
	open_hostile(&s);
	assert_t2t_refused(&s, TA_SYS_OPEN_TA_SESSION, 0, &r, 0);
	assert_t2t_refused(&s, TA_SYS_OPEN_TA_SESSION, 0, &r, CALL_SIZE - 1);
	handle = t2t_open(&s);
	r = t2t_for(NULL, TEST_CMD_NOP, 0);
	assert_t2t_refused(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
			   CALL_SIZE - 1);
	/* a TA that does not exist */
	r = t2t_for(&no_such_ta, 0, 0);
	assert_int_equal(t2t_sys(&s, TA_SYS_OPEN_TA_SESSION, 0, &r,
				 CALL_SIZE), TEEC_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(ans.h.args[1], TEEC_ORIGIN_TEE);
	assert_int_equal(ans.h.args[0], 0);
	assert_int_equal(t2t_value_inc(&s, handle), TEEC_SUCCESS);
	assert_int_equal(t2t_sys(&s, TA_SYS_CLOSE_TA_SESSION, handle, NULL, 0),
			 TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	assert_daemon_serves();
}

/* Unknown type nibbles and stray bits: refused before any callee runs
 * (its runtime would die of them). */
static void test_ta2ta_bad_param_types(void **state)
{
	static const uint32_t types[] = {
		PT(4, 0, 0, 0), PT(0, 8, 0, 0), PT(0, 0, 0, 0xf),
		PT(TA_PARAM_VALUE_INPUT, 0xc, 0, 0),
		PT(TA_PARAM_VALUE_INPUT, 0, 0, 0) | 1u << 16,
		0xffffffffu,
	};
	TEEC_Session s;
	uint32_t handle;

	(void)state;
	open_hostile(&s);
	handle = t2t_open(&s);
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		struct t2t r = t2t_for(&test_ta_multi, TEST_CMD_PARAM_TYPES,
				       types[i]);

		assert_t2t_refused(&s, TA_SYS_OPEN_TA_SESSION, 0, &r,
				   sizeof(r));
		assert_t2t_refused(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
				   sizeof(r));
	}
	/* the callee lived through it all */
	assert_int_equal(t2t_value_inc(&s, handle), TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	assert_daemon_serves();
}

static void test_ta2ta_null_mask_misuse(void **state)
{
	TEEC_Session s;
	uint32_t handle;
	struct t2t r;

	(void)state;
	open_hostile(&s);
	handle = t2t_open(&s);
	/* a NULL bit on a value, on NONE, and on no parameter at all */
	r = t2t_for(NULL, TEST_CMD_PARAM_TYPES,
		    PT(TA_PARAM_VALUE_INPUT, 0, 0, TA_PARAM_VALUE_OUTPUT));
	r.call.null_mask = 1;
	assert_t2t_refused(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
			   CALL_SIZE);
	r.call.null_mask = 2;
	assert_t2t_refused(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
			   CALL_SIZE);
	r.call.null_mask = 1u << 4;
	assert_t2t_refused(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
			   CALL_SIZE);
	r.call.null_mask = 0x80000000u;
	assert_t2t_refused(&s, TA_SYS_OPEN_TA_SESSION, 0, &r, CALL_SIZE);
	assert_int_equal(t2t_value_inc(&s, handle), TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	assert_daemon_serves();
}

static void test_ta2ta_memref_sizes(void **state)
{
	static const uint64_t huge[] = { UINT64_MAX, UINT64_MAX - 6,
					 UINT64_MAX - 7, 1ull << 32,
					 TA_CHAN_DATA_MAX };
	struct ta_sys_ta_call out;
	TEEC_Session s;
	uint32_t handle;
	struct t2t r;

	(void)state;
	open_hostile(&s);
	handle = t2t_open(&s);
	/* more bytes claimed than carried */
	r = t2t_for(NULL, TEST_CMD_PARAM_TYPES,
		    PT(TA_PARAM_MEMREF_INPUT, 0, 0, TA_PARAM_VALUE_OUTPUT));
	r.call.params[0].size = 17;
	assert_t2t_refused(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
			   CALL_SIZE + 16);
	/* sizes that would wrap the offset arithmetic (size + 7 too) */
	for (size_t i = 0; i < sizeof(huge) / sizeof(huge[0]); i++) {
		r.call.params[0].size = huge[i];
		assert_t2t_refused(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
				   sizeof(r));
		assert_t2t_refused(&s, TA_SYS_OPEN_TA_SESSION, 0, &r,
				   sizeof(r));
	}
	/* the second memref starts after the first's padding: 5 bytes
	 * pad to 8, leaving 4 of the 12 carried for a second 5 */
	r = t2t_for(NULL, TEST_CMD_PARAM_TYPES,
		    PT(TA_PARAM_MEMREF_INPUT, TA_PARAM_MEMREF_INPUT, 0,
		       TA_PARAM_VALUE_OUTPUT));
	r.call.params[0].size = 5;
	r.call.params[1].size = 5;
	assert_t2t_refused(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
			   CALL_SIZE + 12);
	/* exactly enough: an odd size at the very end, then an empty one */
	r.call.params[1].size = 0;
	memcpy(r.payload, "\x01\x02\x03\x04\x05", 5);
	assert_int_equal(t2t_sys(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
				 CALL_SIZE + 5), TEEC_SUCCESS);
	assert_int_equal(ans.h.data_len, CALL_SIZE + 5);
	memcpy(&out, ans.data, sizeof(out));
	assert_int_equal(out.params[3].a, r.call.param_types);
	assert_int_equal(out.params[3].b, 15);
	/* a NULL memref carries no bytes, whatever size it names */
	r = t2t_for(NULL, TEST_CMD_PARAM_TYPES,
		    PT(TA_PARAM_MEMREF_INPUT, 0, 0, TA_PARAM_VALUE_OUTPUT));
	r.call.params[0].size = UINT64_MAX;
	r.call.null_mask = 1;
	assert_int_equal(t2t_sys(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
				 CALL_SIZE), TEEC_SUCCESS);
	memcpy(&out, ans.data, sizeof(out));
	assert_int_equal(out.params[3].b, 0);
	assert_true(out.params[0].size == UINT64_MAX);
	assert_int_equal(t2t_value_inc(&s, handle), TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	assert_daemon_serves();
}

/* An output smaller than the callee's answer: the size comes back, no
 * byte lands beyond the region. */
static void test_ta2ta_short_output(void **state)
{
	struct ta_sys_ta_call out;
	TEEC_Session s;
	uint32_t handle;
	struct t2t r;

	(void)state;
	open_hostile(&s);
	handle = t2t_open(&s);
	r = t2t_for(NULL, TEST_CMD_MEMREF_COPY,
		    PT(TA_PARAM_MEMREF_INPUT, TA_PARAM_MEMREF_OUTPUT, 0, 0));
	r.call.params[0].size = 16;
	r.call.params[1].size = 3;
	/* the input, the 3-byte output region, then its padding */
	memset(r.payload, 'x', 16);
	memset(r.payload + 16, 0, 3);
	memset(r.payload + 19, 0xee, 5);
	assert_int_equal(t2t_sys(&s, TA_SYS_INVOKE_TA_COMMAND, handle, &r,
				 CALL_SIZE + 24), TEEC_ERROR_SHORT_BUFFER);
	assert_int_equal(ans.h.args[1], TEEC_ORIGIN_TRUSTED_APP);
	assert_int_equal(ans.h.data_len, CALL_SIZE + 24);
	memcpy(&out, ans.data, sizeof(out));
	assert_int_equal(out.params[1].size, 16);
	assert_memory_equal(ans.data + CALL_SIZE + 16, "\0\0\0", 3);
	assert_memory_equal(ans.data + CALL_SIZE + 19, "\xee\xee\xee\xee\xee",
			    5);
	TEEC_CloseSession(&s);
}

static void test_ta2ta_foreign_handles(void **state)
{
	struct t2t nop_call = t2t_for(NULL, TEST_CMD_NOP, 0);
	TEEC_Session a, b, client;
	uint32_t mine, theirs, o;
	uint64_t bad[6];

	(void)state;
	open_hostile(&a);
	open_hostile(&b);
	assert_int_equal(open_public(&ctx, &client, &test_ta_multi, &o),
			 TEEC_SUCCESS);
	mine = t2t_open(&a);
	theirs = t2t_open(&b);
	/* never opened; another TA's; the normal world's; and one of a's
	 * own handles with bits above 32 */
	bad[0] = 0;
	bad[1] = mine + 1000;
	bad[2] = 0xffffffffu;
	bad[3] = theirs;
	bad[4] = client.imp.session_id;
	bad[5] = (1ull << 32) | mine;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(t2t_sys(&a, TA_SYS_INVOKE_TA_COMMAND, bad[i],
					 &nop_call, CALL_SIZE),
				 TEEC_ERROR_ITEM_NOT_FOUND);
		assert_int_equal(ans.h.args[1], TEEC_ORIGIN_TEE);
		assert_int_equal(t2t_sys(&a, TA_SYS_CLOSE_TA_SESSION, bad[i],
					 NULL, 0), TEEC_ERROR_ITEM_NOT_FOUND);
	}
	/* every one of them still works for its owner */
	assert_int_equal(t2t_value_inc(&a, mine), TEEC_SUCCESS);
	assert_int_equal(t2t_value_inc(&b, theirs), TEEC_SUCCESS);
	assert_int_equal(nop(&client, &o), TEEC_SUCCESS);
	/* a closed handle is gone */
	assert_int_equal(t2t_sys(&a, TA_SYS_CLOSE_TA_SESSION, mine, NULL, 0),
			 TEEC_SUCCESS);
	assert_int_equal(t2t_sys(&a, TA_SYS_CLOSE_TA_SESSION, mine, NULL, 0),
			 TEEC_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(t2t_value_inc(&a, mine), TEEC_ERROR_ITEM_NOT_FOUND);
	TEEC_CloseSession(&client);
	TEEC_CloseSession(&b);
	TEEC_CloseSession(&a);
	assert_daemon_serves();
}

static void test_log_lengths(void **state)
{
	uint8_t *buf = malloc(TA_CHAN_DATA_MAX);
	TEEC_Session s;

	(void)state;
	assert_non_null(buf);
	memset(buf, 'A', TA_CHAN_DATA_MAX);
	memcpy(buf, "hostile\0\n\x1b[2J", 14);
	open_hostile(&s);
	assert_int_equal(sys(&s, TA_SYS_LOG, (uint64_t[6]){ 1 }, buf, 0),
			 TEEC_SUCCESS);
	assert_int_equal(ans.h.data_len, 0);
	assert_int_equal(sys(&s, TA_SYS_LOG, (uint64_t[6]){ UINT64_MAX }, buf,
			     TA_CHAN_DATA_MAX), TEEC_SUCCESS);
	assert_int_equal(ans.h.data_len, 0);
	assert_int_equal(hostile_nop(&s), TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	free(buf);
}

static void test_tee_prop_index(void **state)
{
	static const uint64_t gone[] = { UINT64_MAX, 1ull << 32, 0xffffffffu,
					 1000 };
	TEEC_Session s;

	(void)state;
	open_hostile(&s);
	for (size_t i = 0; i < sizeof(gone) / sizeof(gone[0]); i++) {
		assert_int_equal(sys(&s, TA_SYS_GET_TEE_PROP,
				     (uint64_t[6]){ gone[i] }, NULL, 0),
				 TEEC_ERROR_ITEM_NOT_FOUND);
		assert_int_equal(ans.h.data_len, 0);
	}
	/* index 0 is the first property, as "name\0value\0" */
	assert_int_equal(sys(&s, TA_SYS_GET_TEE_PROP, (uint64_t[6]){ 0 }, NULL,
			     0), TEEC_SUCCESS);
	assert_int_equal(ans.h.data_len, sizeof("gpd.tee.apiversion\0001.3.1"));
	assert_memory_equal(ans.data, "gpd.tee.apiversion\0001.3.1",
			    ans.h.data_len);
	TEEC_CloseSession(&s);
}

static void test_ta_time_limits(void **state)
{
	static const uint64_t bad[][2] = {
		{ UINT64_MAX, 0 }, { 0, UINT64_MAX },
		{ UINT64_MAX, UINT64_MAX }, { 1ull << 32, 0 }, { 0, 1ull << 32 },
		{ UINT64_MAX / 1000 + 1, 0 },
	};
	TEEC_Session s;

	(void)state;
	open_hostile(&s);
	assert_int_equal(sys(&s, TA_SYS_SET_TA_TIME,
			     (uint64_t[6]){ 1000, 0 }, NULL, 0), TEEC_SUCCESS);
	/* values no TEE_Time can hold are refused, and change nothing */
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(sys(&s, TA_SYS_SET_TA_TIME,
				     (uint64_t[6]){ bad[i][0], bad[i][1] },
				     NULL, 0), TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(sys(&s, TA_SYS_GET_TA_TIME, NULL, NULL, 0),
			 TEEC_SUCCESS);
	assert_true(ans.h.args[0] >= 1000 && ans.h.args[0] < 1000 + 60);
	/* the largest TEE_Time is accepted; a moment later the seconds no
	 * longer fit and GP's OVERFLOW says so */
	assert_int_equal(sys(&s, TA_SYS_SET_TA_TIME,
			     (uint64_t[6]){ UINT32_MAX, UINT32_MAX }, NULL, 0),
			 TEEC_SUCCESS);
	assert_int_equal(sys(&s, TA_SYS_GET_TA_TIME, NULL, NULL, 0),
			 TEE_ERROR_OVERFLOW);
	assert_true(ans.h.args[0] > UINT32_MAX);
	assert_true(ans.h.args[1] < 1000);
	assert_int_equal(hostile_nop(&s), TEEC_SUCCESS);
	TEEC_CloseSession(&s);
}

static void test_wait_and_cancel_args(void **state)
{
	struct timespec t0, t1;
	TEEC_Session s;

	(void)state;
	open_hostile(&s);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(sys(&s, TA_SYS_WAIT, (uint64_t[6]){ 0 }, NULL, 0),
			 TEEC_SUCCESS);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true(t1.tv_sec - t0.tv_sec < 2);
	/* any non-zero mask masks; the previous mask comes back */
	assert_int_equal(sys(&s, TA_SYS_SET_CANCEL_MASK,
			     (uint64_t[6]){ UINT64_MAX }, NULL, 0),
			 TEEC_SUCCESS);
	assert_int_equal(ans.h.args[0], 1);
	assert_int_equal(sys(&s, TA_SYS_GET_CANCEL_FLAG,
			     (uint64_t[6]){ UINT64_MAX }, NULL, 0),
			 TEEC_SUCCESS);
	assert_int_equal(ans.h.args[0], 0);
	assert_int_equal(hostile_nop(&s), TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	assert_daemon_serves();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_syscall_not_supported),
		cmocka_unit_test(test_oversized_data_len_kills),
		cmocka_unit_test(test_bad_kind_kills),
		cmocka_unit_test(test_panic_kills),
		cmocka_unit_test(test_supp_plugin_malformed),
		cmocka_unit_test(test_ta2ta_short_call),
		cmocka_unit_test(test_ta2ta_bad_param_types),
		cmocka_unit_test(test_ta2ta_null_mask_misuse),
		cmocka_unit_test(test_ta2ta_memref_sizes),
		cmocka_unit_test(test_ta2ta_short_output),
		cmocka_unit_test(test_ta2ta_foreign_handles),
		cmocka_unit_test(test_log_lengths),
		cmocka_unit_test(test_tee_prop_index),
		cmocka_unit_test(test_ta_time_limits),
		cmocka_unit_test(test_wait_and_cancel_args),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
