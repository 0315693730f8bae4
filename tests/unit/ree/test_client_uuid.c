// SPDX-License-Identifier: BSD-2-Clause
/* Client UUIDs: the reference's test vectors and the login rules. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tee_drv.h"

static void uuid_str(const uint8_t *u, char out[37])
{
	snprintf(out, 37,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
		 u[10], u[11], u[12], u[13], u[14], u[15]);
}

static void expect(uint32_t login, uint32_t id, const struct tee_cred *cred,
		   const char *want)
{
	uint8_t conn[16] = { 0 }, u[16];
	char got[37];

	memcpy(conn, &id, sizeof(id));
	assert_int_equal(tee_session_calc_client_uuid(u, login, conn, cred), 0);
	uuid_str(u, got);
	assert_string_equal(got, want);
}

static void test_user_vectors(void **state)
{
	struct tee_cred root = { .uid = 0 }, user = { .uid = 1000 };

	(void)state;
	expect(TEE_IOCTL_LOGIN_USER, 0, &root,
	       "ef0180a3-13f3-5d1c-b7f5-888c0e21059a");
	expect(TEE_IOCTL_LOGIN_USER, 0, &user,
	       "fc34275c-d8dd-5ba7-968b-504718363b87");
}

static void test_group_vector_and_membership(void **state)
{
	struct tee_cred cred = { .uid = 1000, .gid = 100, .ngroups = 1,
				 .groups = { 0 } };
	uint8_t conn[16] = { 0 }, u[16];
	gid_t other = 4242;

	(void)state;
	expect(TEE_IOCTL_LOGIN_GROUP, 0, &cred,
	       "d93bc168-f863-58d3-a1fe-bb2039421b99");
	memcpy(conn, &other, sizeof(other));
	assert_int_equal(tee_session_calc_client_uuid(u, TEE_IOCTL_LOGIN_GROUP,
						      conn, &cred), -EPERM);
}

static void test_nil_and_refused_logins(void **state)
{
	struct tee_cred cred = { .uid = 5 };
	uint8_t conn[16] = { 0 }, u[16], nil[16] = { 0 };

	(void)state;
	memset(u, 0xaa, sizeof(u));
	assert_int_equal(tee_session_calc_client_uuid(u, TEE_IOCTL_LOGIN_PUBLIC,
						      conn, &cred), 0);
	assert_memory_equal(u, nil, 16);
	memset(u, 0xaa, sizeof(u));
	assert_int_equal(tee_session_calc_client_uuid(
				 u, TEE_IOCTL_LOGIN_REE_KERNEL, conn, &cred), 0);
	assert_memory_equal(u, nil, 16);
	for (uint32_t l = 3; l <= 7; l++)
		if (l != TEE_IOCTL_LOGIN_PUBLIC)
			assert_int_equal(tee_session_calc_client_uuid(
						 u, l, conn, &cred), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_user_vectors),
		cmocka_unit_test(test_group_vector_and_membership),
		cmocka_unit_test(test_nil_and_refused_logins),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
