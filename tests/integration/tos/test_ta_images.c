// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signed TAs: only an image signed with the machine's key, for the UUID it
 * is opened as, runs.  Unsigned, tampered, truncated, re-keyed and
 * re-named images are refused with TEE_ERROR_SECURITY (origin TEE), and
 * the machine goes on serving good ones.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "machine.h"
#include "tos_test.h"

#define MULTI "dd28bbe3-3bd3-449d-8d19-5032521eeba5"
#define OTHER "0badc0de-0001-0002-0304-05060708090a"

static struct test_machine machine;
static char ta_dir[300];
static TEEC_Context ctx;

static const TEEC_UUID other_uuid = {
	0x0badc0de, 0x0001, 0x0002, { 3, 4, 5, 6, 7, 8, 9, 10 } };

static void *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	void *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Puts `len` bytes at <ta_dir>/<uuid>.ta. */
static void install(const char *uuid, const void *data, size_t len)
{
	char path[400];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.ta", ta_dir, uuid);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void *signed_image(size_t *len)
{
	char path[400];

	snprintf(path, sizeof(path), "%s/" MULTI ".ta", getenv("VTEE_TA_DIR"));
	return read_file(path, len);
}

static void expect_open(const TEEC_UUID *uuid, TEEC_Result want)
{
	TEEC_Session s;
	uint32_t o = 0;
	TEEC_Result res = open_public(&ctx, &s, uuid, &o);

	assert_int_equal(res, want);
	if (res == TEEC_SUCCESS)
		TEEC_CloseSession(&s);
	else
		assert_int_equal(o, TEEC_ORIGIN_TEE);
}

static int setup(void **state)
{
	const char *args[] = { "--ta-dir", ta_dir, NULL };

	(void)state;
	snprintf(ta_dir, sizeof(ta_dir), "/tmp/vtee-tas-XXXXXX");
	if (!mkdtemp(ta_dir) || machine_start(&machine, args))
		return -1;
	return TEEC_InitializeContext(NULL, &ctx) ? -1 : 0;
}

static int teardown(void **state)
{
	char cmd[400];

	(void)state;
	TEEC_FinalizeContext(&ctx);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", ta_dir);
	return machine_stop(&machine) || system(cmd) ? -1 : 0;
}

static void test_good_image_runs(void **state)
{
	size_t len;
	void *img = signed_image(&len);

	(void)state;
	install(MULTI, img, len);
	expect_open(&test_ta_multi, TEEC_SUCCESS);
	free(img);
}

static void test_unsigned_elf_is_refused(void **state)
{
	size_t len;
	void *elf = read_file(TEST_TA_SO, &len);

	(void)state;
	install(MULTI, elf, len);
	expect_open(&test_ta_multi, TEEC_ERROR_SECURITY);
	free(elf);
}

static void test_tampered_image_is_refused(void **state)
{
	size_t len;
	uint8_t *img = signed_image(&len);

	(void)state;
	/* one bit of the ELF, far from the header */
	img[len - 100] ^= 0x01;
	install(MULTI, img, len);
	expect_open(&test_ta_multi, TEEC_ERROR_SECURITY);
	free(img);
}

static void test_truncated_image_is_refused(void **state)
{
	size_t len;
	void *img = signed_image(&len);

	(void)state;
	install(MULTI, img, len / 2);
	expect_open(&test_ta_multi, TEEC_ERROR_SECURITY);
	install(MULTI, img, 10);
	expect_open(&test_ta_multi, TEEC_ERROR_SECURITY);
	free(img);
}

static void test_renamed_image_is_refused(void **state)
{
	size_t len;
	void *img = signed_image(&len);

	(void)state;
	/* validly signed, but for another UUID */
	install(OTHER, img, len);
	expect_open(&other_uuid, TEEC_ERROR_SECURITY);
	free(img);
}

static void test_other_key_is_refused(void **state)
{
	char cmd[1400], key[400], pub[400], out[400];
	const char *bin = getenv("VTEE_BIN_DIR");

	(void)state;
	snprintf(key, sizeof(key), "%s/other-key.pem", ta_dir);
	snprintf(pub, sizeof(pub), "%s/other-pub.pem", ta_dir);
	snprintf(out, sizeof(out), "%s/" MULTI ".ta", ta_dir);
	assert_true(snprintf(cmd, sizeof(cmd),
		 "'%s/vtee' keygen --bits 2048 --out-key '%s' --out-pub '%s' "
		 ">/dev/null && '%s/vtee' sign --key '%s' --uuid " MULTI
		 " --in '%s' --out '%s' >/dev/null",
		 bin, key, pub, bin, key, TEST_TA_SO, out) < (int)sizeof(cmd));
	assert_int_equal(system(cmd), 0);
	expect_open(&test_ta_multi, TEEC_ERROR_SECURITY);
}

static void test_machine_still_serves(void **state)
{
	test_good_image_runs(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_image_runs),
		cmocka_unit_test(test_unsigned_elf_is_refused),
		cmocka_unit_test(test_tampered_image_is_refused),
		cmocka_unit_test(test_truncated_image_is_refused),
		cmocka_unit_test(test_renamed_image_is_refused),
		cmocka_unit_test(test_other_key_is_refused),
		cmocka_unit_test(test_machine_still_serves),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
