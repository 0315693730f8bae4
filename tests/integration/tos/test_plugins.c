// SPDX-License-Identifier: BSD-2-Clause
/*
 * Supplicant plugins, end to end: a TA calls tee_invoke_supp_plugin, the
 * trusted OS carries it as OPTEE_RPC_CMD_SUPP_PLUGIN, vtee-supplicant runs
 * the test plugin it loaded from --plugin-dir.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "machine.h"
#include "tos_test.h"
#include "vtee/ta_channel.h"

static struct test_machine machine;
static TEEC_Context ctx;
static TEEC_Session sess;

static int setup(void **state)
{
	const char *args[] = { "--plugin-dir", TEST_PLUGIN_DIR, NULL };
	uint32_t o;

	(void)state;
	if (machine_start(&machine, args) || !machine_wait_supplicant(&machine))
		return -1;
	if (TEEC_InitializeContext(NULL, &ctx))
		return -1;
	return open_public(&ctx, &sess, &test_ta_multi, &o) ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	TEEC_CloseSession(&sess);
	TEEC_FinalizeContext(&ctx);
	return machine_stop(&machine) ? -1 : 0;
}

/* Runs plugin (cmd, sub_cmd) on buf; the TA's result and outlen. */
static uint32_t call_sub(uint32_t cmd, uint32_t sub_cmd, void *buf,
			 size_t len, uint32_t *outlen)
{
	TEEC_Operation op = { 0 };
	uint32_t o;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
					 TEEC_MEMREF_TEMP_INOUT,
					 TEEC_VALUE_OUTPUT, TEEC_NONE);
	op.params[0].value.a = cmd;
	op.params[0].value.b = sub_cmd;
	op.params[1].tmpref.buffer = buf;
	op.params[1].tmpref.size = len;
	assert_int_equal(TEEC_InvokeCommand(&sess, TEST_CMD_SUPP_PLUGIN, &op,
					    &o), TEEC_SUCCESS);
	*outlen = op.params[2].value.b;
	return op.params[2].value.a;
}

static uint32_t call(uint32_t cmd, char *buf, size_t len, uint32_t *outlen)
{
	return call_sub(cmd, 0, buf, len, outlen);
}

static void test_plugin_transforms_the_buffer(void **state)
{
	char buf[] = "abcdef";
	uint32_t outlen;

	(void)state;
	assert_int_equal(call(TEST_PLUGIN_REVERSE, buf, 6, &outlen),
			 TEEC_SUCCESS);
	assert_int_equal(outlen, 6);
	assert_memory_equal(buf, "fedcba", 6);
}

static void test_plugin_answers_more(void **state)
{
	char buf[64] = { 0 };
	uint32_t outlen;

	(void)state;
	assert_int_equal(call(TEST_PLUGIN_GREET, buf, sizeof(buf), &outlen),
			 TEEC_SUCCESS);
	assert_int_equal(outlen, sizeof(TEST_PLUGIN_GREETING));
	assert_string_equal(buf, TEST_PLUGIN_GREETING);
	/* too small: the plugin's own answer, with the size it needs */
	assert_int_equal(call(TEST_PLUGIN_GREET, buf, 4, &outlen),
			 TEEC_ERROR_SHORT_BUFFER);
}

static void test_plugin_error_reaches_the_ta(void **state)
{
	char buf[8] = { 0 };
	uint32_t outlen;

	(void)state;
	assert_int_equal(call(TEST_PLUGIN_REFUSE, buf, sizeof(buf), &outlen),
			 TEEC_ERROR_ACCESS_DENIED);
}

/* An answer longer than the buffer is refused, and nothing is copied. */
static void test_overlong_answer_refused(void **state)
{
	char buf[] = "abcdef";
	uint32_t outlen;

	(void)state;
	assert_int_equal(call(TEST_PLUGIN_OVERCLAIM, buf, 6, &outlen),
			 TEEC_ERROR_SHORT_BUFFER);
	assert_memory_equal(buf, "abcdef", 6);
}

static void test_unknown_plugin(void **state)
{
	char buf[] = "abcdef";
	uint32_t outlen;

	(void)state;
	assert_int_equal(call_sub(TEST_PLUGIN_REVERSE, TEST_PLUGIN_SUB_UNKNOWN,
				  buf, 6, &outlen), TEEC_ERROR_ITEM_NOT_FOUND);
	assert_memory_equal(buf, "abcdef", 6);
}

static void test_bad_buffers_refused(void **state)
{
	size_t too_big = TA_CHAN_DATA_MAX - 16 + 1;
	char *big = calloc(1, too_big);
	uint32_t outlen;

	(void)state;
	assert_non_null(big);
	/* an empty buffer, and one larger than a request can carry */
	assert_int_equal(call(TEST_PLUGIN_REVERSE, NULL, 0, &outlen),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(call(TEST_PLUGIN_REVERSE, big, too_big, &outlen),
			 TEEC_ERROR_BAD_PARAMETERS);
	/* the largest one that fits makes the round trip */
	big[0] = 'x';
	assert_int_equal(call(TEST_PLUGIN_REVERSE, big, too_big - 1, &outlen),
			 TEEC_SUCCESS);
	assert_int_equal(outlen, too_big - 1);
	assert_int_equal(big[too_big - 2], 'x');
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plugin_transforms_the_buffer),
		cmocka_unit_test(test_plugin_answers_more),
		cmocka_unit_test(test_plugin_error_reaches_the_ta),
		cmocka_unit_test(test_overlong_answer_refused),
		cmocka_unit_test(test_unknown_plugin),
		cmocka_unit_test(test_bad_buffers_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
