// SPDX-License-Identifier: BSD-2-Clause
/*
 * Login methods and the client identity a TA sees (gpd.client.identity,
 * reported by TEST_CMD_CLIENT_IDENTITY).  USER and GROUP identities are
 * the kernel's UUIDv5 of "uid=%x" / "gid=%x" in the TEE namespace, so the
 * test computes them itself with OpenSSL.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <openssl/evp.h>

#include "teec_it.h"

static const uint8_t it_tee_namespace[16] = {	/* 58ac9ca0-2086-4683-... */
	0x58, 0xac, 0x9c, 0xa0, 0x20, 0x86, 0x46, 0x83,
	0xa1, 0xb8, 0xec, 0x4b, 0xc0, 0x8e, 0x01, 0xb6,
};

/* RFC 4122 version 5: SHA-1 of namespace || name, version and variant set. */
static void it_uuid5(const char *name, uint8_t out[16])
{
	uint8_t in[16 + 64], md[EVP_MAX_MD_SIZE];
	size_t len = strlen(name);
	unsigned int mdlen;

	assert_true(len <= 64);
	memcpy(in, it_tee_namespace, 16);
	memcpy(in + 16, name, len);
	assert_int_equal(EVP_Digest(in, 16 + len, md, &mdlen, EVP_sha1(), NULL),
			 1);
	memcpy(out, md, 16);
	out[6] = (uint8_t)((out[6] & 0x0f) | 0x50);
	out[8] = (uint8_t)((out[8] & 0x3f) | 0x80);
}

static void it_uuid_parse(const char *s, uint8_t out[16])
{
	for (int i = 0; i < 16; i++) {
		unsigned int byte;

		if (*s == '-')
			s++;
		assert_int_equal(sscanf(s, "%2x", &byte), 1);
		out[i] = (uint8_t)byte;
		s += 2;
	}
}

static void test_uuid5_vectors(void **state)
{
	static const struct {
		const char *name;
		const char *uuid;
	} v[] = {
		{ "uid=0", "ef0180a3-13f3-5d1c-b7f5-888c0e21059a" },
		{ "gid=0", "d93bc168-f863-58d3-a1fe-bb2039421b99" },
		{ "uid=3e8", "fc34275c-d8dd-5ba7-968b-504718363b87" },
	};
	uint8_t got[16], want[16];

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		it_uuid5(v[i].name, got);
		it_uuid_parse(v[i].uuid, want);
		assert_memory_equal(got, want, 16);
	}
}

/* Opens a session with the login and returns what the TA saw. */
static void it_identity(uint32_t login, const void *data, uint32_t *seen,
			uint8_t uuid[16])
{
	TEEC_Context ctx;
	TEEC_Session sess;
	TEEC_Operation op = it_op(TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
				  TEEC_NONE, TEEC_NONE);
	uint8_t out[20];
	uint32_t origin = 0;

	assert_int_equal(TEEC_InitializeContext(NULL, &ctx), TEEC_SUCCESS);
	assert_int_equal(TEEC_OpenSession(&ctx, &sess, &it_ta_uuid, login,
					  data, NULL, &origin), TEEC_SUCCESS);
	op.params[0].tmpref.buffer = out;
	op.params[0].tmpref.size = sizeof(out);
	assert_int_equal(TEEC_InvokeCommand(&sess, TEST_CMD_CLIENT_IDENTITY,
					    &op, NULL), TEEC_SUCCESS);
	assert_int_equal(op.params[0].tmpref.size, sizeof(out));
	memcpy(seen, out, sizeof(*seen));
	memcpy(uuid, out + 4, 16);
	it_close(&ctx, &sess);
}

static void test_public(void **state)
{
	static const uint8_t nil[16];
	uint8_t uuid[16];
	uint32_t login;

	(void)state;
	it_identity(TEEC_LOGIN_PUBLIC, NULL, &login, uuid);
	assert_int_equal(login, TEEC_LOGIN_PUBLIC);
	assert_memory_equal(uuid, nil, 16);
}

static void test_user(void **state)
{
	uint8_t uuid[16], want[16];
	char name[32];
	uint32_t login;

	(void)state;
	snprintf(name, sizeof(name), "uid=%x", (unsigned int)geteuid());
	it_uuid5(name, want);
	it_identity(TEEC_LOGIN_USER, NULL, &login, uuid);
	assert_int_equal(login, TEEC_LOGIN_USER);
	assert_memory_equal(uuid, want, 16);
}

static void test_group(void **state)
{
	gid_t gid = getegid();
	uint8_t uuid[16], want[16];
	char name[32];
	uint32_t login;

	(void)state;
	snprintf(name, sizeof(name), "gid=%x", (unsigned int)gid);
	it_uuid5(name, want);
	it_identity(TEEC_LOGIN_GROUP, &gid, &login, uuid);
	assert_int_equal(login, TEEC_LOGIN_GROUP);
	assert_memory_equal(uuid, want, 16);
}

/* Linux does not implement the application logins: EINVAL. */
static void test_application(void **state)
{
	static const uint32_t logins[] = {
		TEEC_LOGIN_APPLICATION, TEEC_LOGIN_USER_APPLICATION,
	};
	TEEC_Context ctx;
	TEEC_Session sess;
	uint32_t origin;

	(void)state;
	assert_int_equal(TEEC_InitializeContext(NULL, &ctx), TEEC_SUCCESS);
	for (size_t i = 0; i < sizeof(logins) / sizeof(logins[0]); i++) {
		origin = 0;
		assert_int_equal(TEEC_OpenSession(&ctx, &sess, &it_ta_uuid,
						  logins[i], NULL, NULL,
						  &origin),
				 TEEC_ERROR_BAD_PARAMETERS);
		assert_int_equal(origin, TEEC_ORIGIN_COMMS);
	}
	/* a group login needs its group */
	assert_int_equal(TEEC_OpenSession(&ctx, &sess, &it_ta_uuid,
					  TEEC_LOGIN_GROUP, NULL, NULL,
					  &origin), TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(origin, TEEC_ORIGIN_API);
	TEEC_FinalizeContext(&ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uuid5_vectors),
		cmocka_unit_test(test_public),
		cmocka_unit_test(test_user),
		cmocka_unit_test(test_group),
		cmocka_unit_test(test_application),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
