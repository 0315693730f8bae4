// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP transient objects through the real stack: the object test TA
 * (vtee_object_ta.h), in its GP v1.3 and v1.1 builds, uses the objects
 * of libvtee_ta.so in a sandboxed TA process.  Every rule is unit-tested
 * (tests/unit/ta/test_ta_objects.c); here, the library works in a TA,
 * and a GP panic kills its instance and nothing else.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <tee_client_api.h>

#include "ta_client.h"
#include "vtee_object_ta.h"

/* GP values libteec has no name for */
#define TYPE_AES		0xA0000010u
#define TYPE_HMAC_SHA256	0xA0000004u
#define HANDLE_INITIALIZED	0x00020000u
#define ERROR_ITEM_NOT_FOUND	0xFFFF0008u

static const TEEC_UUID uuids[2] = { OBJECT_TA_UUID, OBJECT_TA_GP11_UUID };

/* A machine of its own: the panic cases spawn and kill TA processes. */
static struct ta_client client;

static uint32_t secret(TEEC_Session *s, uint32_t type, uint32_t max,
		       const void *key, size_t len, TEEC_Operation *op,
		       uint8_t *out, size_t out_len)
{
	*op = (TEEC_Operation){ .paramTypes = TEEC_PARAM_TYPES(
			TEEC_VALUE_INOUT, TEEC_MEMREF_TEMP_INPUT,
			TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE) };
	op->params[0].value.a = type;
	op->params[0].value.b = max;
	op->params[1].tmpref.buffer = (void *)key;
	op->params[1].tmpref.size = len;
	op->params[2].tmpref.buffer = out;
	op->params[2].tmpref.size = out_len;
	return TEEC_InvokeCommand(s, OBJECT_CMD_SECRET, op, NULL);
}

static void test_secret_keys(void **state)
{
	uint8_t key[32], out[32];
	TEEC_Operation op;

	(void)state;
	memset(key, 0x5c, sizeof(key));
	for (int v = 0; v < 2; v++) {
		TEEC_Session *s = &client.ses[v];

		assert_int_equal(secret(s, TYPE_AES, 256, key, 24, &op,
					out, sizeof(out)), TEEC_SUCCESS);
		assert_int_equal(op.params[0].value.a, 192);
		assert_int_equal(op.params[0].value.b, HANDLE_INITIALIZED);
		assert_int_equal(op.params[2].tmpref.size, 24);
		assert_memory_equal(out, key, 24);
		/* too small a buffer: the size needed */
		assert_int_equal(secret(s, TYPE_HMAC_SHA256, 256, key,
					32, &op, out, 8),
				 TEEC_ERROR_SHORT_BUFFER);
		assert_int_equal(op.params[2].tmpref.size, 32);
		/* a 160-bit AES key; a size AES does not have */
		assert_int_equal(secret(s, TYPE_AES, 256, key, 20, &op,
					out, sizeof(out)),
				 TEEC_ERROR_BAD_PARAMETERS);
		assert_int_equal(secret(s, TYPE_AES, 100, key, 16, &op,
					out, sizeof(out)),
				 TEEC_ERROR_NOT_SUPPORTED);
	}
}

static void test_rsa_public_half(void **state)
{
	uint8_t n[64], e[3] = { 1, 0, 1 }, d[64];
	TEEC_Operation op = { .paramTypes = TEEC_PARAM_TYPES(
			TEEC_MEMREF_TEMP_INPUT, TEEC_MEMREF_TEMP_INPUT,
			TEEC_MEMREF_TEMP_INPUT, TEEC_VALUE_OUTPUT) };

	(void)state;
	memset(n, 0xc3, sizeof(n));
	memset(d, 0x21, sizeof(d));
	op.params[0].tmpref.buffer = n;
	op.params[0].tmpref.size = sizeof(n);
	op.params[1].tmpref.buffer = e;
	op.params[1].tmpref.size = sizeof(e);
	op.params[2].tmpref.buffer = d;
	op.params[2].tmpref.size = sizeof(d);
	for (int v = 0; v < 2; v++) {
		assert_int_equal(TEEC_InvokeCommand(&client.ses[v],
						    OBJECT_CMD_RSA_PUBLIC,
						    &op, NULL), TEEC_SUCCESS);
		assert_int_equal(op.params[3].value.a, 512);
		assert_int_equal(op.params[3].value.b, ERROR_ITEM_NOT_FOUND);
	}
}

/* The panic kills the new session's instance; the long-lived one (an
 * instance of its own) still answers. */
static void expect_panic(int v, uint32_t which)
{
	TEEC_Operation op = { 0 };
	uint8_t key[16] = { 0 }, out[16];
	uint32_t origin = 0;

	assert_int_equal(ta_client_invoke_victim(&client, v, OBJECT_CMD_PANIC,
						 which, &origin),
			 TEEC_ERROR_TARGET_DEAD);
	assert_int_equal(origin, TEEC_ORIGIN_TEE);
	assert_int_equal(secret(&client.ses[v], TYPE_AES, 128, key, 16, &op,
				out, sizeof(out)), TEEC_SUCCESS);
}

static void test_panics(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++)
		for (uint32_t which = 0; which < OBJECT_PANIC_COUNT; which++)
			expect_panic(v, which);
}

static int setup(void **state)
{
	(void)state;
	return ta_client_start(&client, uuids);
}

static int teardown(void **state)
{
	(void)state;
	return ta_client_stop(&client);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_secret_keys),
		cmocka_unit_test(test_rsa_public_half),
		cmocka_unit_test(test_panics),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
