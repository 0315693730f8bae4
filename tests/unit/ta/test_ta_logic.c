// SPDX-License-Identifier: BSD-2-Clause
/*
 * The TA runtime's pure logic: base64, UUID text and octets, property
 * value conversions, and the address-space checks behind
 * TEE_CheckMemoryAccessRights.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api_extensions.h>

#include <cmocka.h>

#include "base64.h"
#include "mem_regions.h"
#include "prop_format.h"
#include "uuid.h"

static void expect_b64(const char *in, const char *out)
{
	uint8_t buf[16];
	size_t len = 99;

	assert_true(ta_base64_decode(in, strlen(in), NULL, &len));
	assert_int_equal(len, strlen(out));
	assert_true(ta_base64_decode(in, strlen(in), buf, &len));
	assert_int_equal(len, strlen(out));
	assert_memory_equal(buf, out, len);
}

static void test_base64_rfc4648_vectors(void **state)
{
	(void)state;
	expect_b64("", "");
	expect_b64("Zg==", "f");
	expect_b64("Zm8=", "fo");
	expect_b64("Zm9v", "foo");
	expect_b64("Zm9vYg==", "foob");
	expect_b64("Zm9vYmE=", "fooba");
	expect_b64("Zm9vYmFy", "foobar");
	/* padding may be left out */
	expect_b64("Zg", "f");
	expect_b64("Zm9vYmE", "fooba");
	/* MIME line breaks and blanks are skipped, even around padding */
	expect_b64("Zm9v\r\nYmFy\n", "foobar");
	expect_b64(" Zm 9v\tYg =\n= ", "foob");
	expect_b64("\n", "");
}

static void test_base64_binary(void **state)
{
	const uint8_t want[] = { 0xfb, 0xff, 0x00, 0x3e };
	uint8_t buf[4];
	size_t len;

	(void)state;
	assert_true(ta_base64_decode("+/8APg==", 8, buf, &len));
	assert_int_equal(len, 4);
	assert_memory_equal(buf, want, 4);
}

static void test_base64_rejects(void **state)
{
	static const char *const bad[] = {
		"Z", "Zg=", "Zg===", "Z===", "====", "Zg==Zg==", "Zm9v!",
		"Zm9v-", "Zm9v_", "Zg==x", "Zg= =x", "Zm9vY", "=", "Zm9v\v",
	};
	size_t len;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(ta_base64_decode(bad[i], strlen(bad[i]), NULL, &len));
	/* a NUL inside the counted length is not a blank */
	assert_false(ta_base64_decode("Zm9v\0Zm9v", 9, NULL, &len));
}

static const TEE_UUID hello = {
	0x8aaaf200, 0x2450, 0x11e4,
	{ 0xab, 0xe2, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b } };

static void test_uuid_text(void **state)
{
	char s[TA_UUID_STR_SIZE];
	TEE_UUID u;

	(void)state;
	ta_uuid_to_str(s, &hello);
	assert_string_equal(s, "8aaaf200-2450-11e4-abe2-0002a5d5c51b");
	assert_int_equal(tee_uuid_from_str(&u, s), TEE_SUCCESS);
	assert_memory_equal(&u, &hello, sizeof(u));
	assert_int_equal(tee_uuid_from_str(&u, "8AAAF200-2450-11E4-ABE2-0002A5D5C51B"),
			 TEE_SUCCESS);
	assert_memory_equal(&u, &hello, sizeof(u));
}

static void test_uuid_rejects(void **state)
{
	static const char *const bad[] = {
		"", "8aaaf200-2450-11e4-abe2-0002a5d5c51", /* short */
		"8aaaf200-2450-11e4-abe2-0002a5d5c51b0",   /* long */
		"8aaaf200_2450-11e4-abe2-0002a5d5c51b",    /* dash */
		"8aaaf200-2450-11e4-abe20-002a5d5c51b",    /* dash place */
		"8aaaf20g-2450-11e4-abe2-0002a5d5c51b",    /* not hex */
		"{8aaaf200-2450-11e4-abe2-0002a5d5c51}",
	};
	TEE_UUID u;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(tee_uuid_from_str(&u, bad[i]),
				 TEE_ERROR_BAD_FORMAT);
	assert_int_equal(tee_uuid_from_str(&u, NULL), TEE_ERROR_BAD_FORMAT);
}

static void test_uuid_octets(void **state)
{
	const uint8_t rfc[16] = { 0x8a, 0xaa, 0xf2, 0x00, 0x24, 0x50, 0x11,
				  0xe4, 0xab, 0xe2, 0x00, 0x02, 0xa5, 0xd5,
				  0xc5, 0x1b };
	uint8_t o[16];
	TEE_UUID u;

	(void)state;
	ta_uuid_to_octets(o, &hello);
	assert_memory_equal(o, rfc, 16);
	ta_uuid_from_octets(&u, rfc);
	assert_memory_equal(&u, &hello, sizeof(u));
}

static void expect_text(enum user_ta_prop_type type, const void *value,
			const char *want)
{
	char *text = ta_prop_to_text(type, value);

	assert_non_null(text);
	assert_string_equal(text, want);
	free(text);
}

static void test_values_to_text(void **state)
{
	const TEE_Identity id = { TEE_LOGIN_APPLICATION, hello };

	(void)state;
	expect_text(USER_TA_PROP_TYPE_BOOL, &(bool){ true }, "true");
	expect_text(USER_TA_PROP_TYPE_BOOL, &(bool){ false }, "false");
	expect_text(USER_TA_PROP_TYPE_U32, &(uint32_t){ 4294967295u },
		    "4294967295");
	expect_text(USER_TA_PROP_TYPE_U64, &(uint64_t){ 1ull << 40 },
		    "1099511627776");
	expect_text(USER_TA_PROP_TYPE_UUID, &hello,
		    "8aaaf200-2450-11e4-abe2-0002a5d5c51b");
	expect_text(USER_TA_PROP_TYPE_IDENTITY, &id,
		    "4:8aaaf200-2450-11e4-abe2-0002a5d5c51b");
	expect_text(USER_TA_PROP_TYPE_STRING, "Some string", "Some string");
	expect_text(USER_TA_PROP_TYPE_BINARY_BLOCK, "aGVsbG8=", "aGVsbG8=");
	assert_null(ta_prop_to_text(USER_TA_PROP_TYPE_INVALID, "x"));
}

static void test_text_to_bool(void **state)
{
	bool v;

	(void)state;
	assert_true(ta_prop_text_to_bool("true", &v) && v);
	assert_true(ta_prop_text_to_bool("TRUE", &v) && v);
	assert_true(ta_prop_text_to_bool("False", &v) && !v);
	assert_false(ta_prop_text_to_bool("yes", &v));
	assert_false(ta_prop_text_to_bool("1", &v));
	assert_false(ta_prop_text_to_bool("", &v));
}

static void test_text_to_integer(void **state)
{
	uint64_t v;

	(void)state;
	assert_true(ta_prop_text_to_u64("16", UINT32_MAX, &v) && v == 16);
	assert_true(ta_prop_text_to_u64("0x1F", UINT32_MAX, &v) && v == 31);
	assert_true(ta_prop_text_to_u64("0Xff", UINT32_MAX, &v) && v == 255);
	assert_true(ta_prop_text_to_u64("4294967295", UINT32_MAX, &v) &&
		    v == UINT32_MAX);
	assert_false(ta_prop_text_to_u64("4294967296", UINT32_MAX, &v));
	assert_true(ta_prop_text_to_u64("4294967296", UINT64_MAX, &v) &&
		    v == 1ull << 32);
	assert_true(ta_prop_text_to_u64("18446744073709551615", UINT64_MAX,
					&v) && v == UINT64_MAX);
	assert_false(ta_prop_text_to_u64("18446744073709551616", UINT64_MAX,
					 &v));
	assert_false(ta_prop_text_to_u64("0x1ffffffff", UINT32_MAX, &v));
	assert_false(ta_prop_text_to_u64("", UINT32_MAX, &v));
	assert_false(ta_prop_text_to_u64("0x", UINT32_MAX, &v));
	assert_false(ta_prop_text_to_u64("-1", UINT32_MAX, &v));
	assert_false(ta_prop_text_to_u64("12a", UINT32_MAX, &v));
	assert_false(ta_prop_text_to_u64(" 1", UINT32_MAX, &v));
	assert_false(ta_prop_text_to_u64("true", UINT32_MAX, &v));
}

/* GP's forms of 1024: "1K", "0X400", "0b100_0000_0000" */
static void test_text_to_integer_gp_forms(void **state)
{
	static const char *const is_1024[] = {
		"1K", "1_024", "0X400", "0x4_00", "0b100_0000_0000",
		"0B10000000000", "1024", "0001024", "_1024_",
	};
	static const char *const bad[] = {
		"K", "M", "1k", "1m", "1G", "1KM", "K1", "0x1K", "0b1K", "_",
		"0x_", "0b", "0b_", "0b102", "0b2", "0xg", "1_0x", "1.5", "+1",
		"1 ", "0o17", "1,024",
	};
	uint64_t v;

	(void)state;
	for (size_t i = 0; i < sizeof(is_1024) / sizeof(is_1024[0]); i++)
		assert_true(ta_prop_text_to_u64(is_1024[i], UINT32_MAX, &v) &&
			    v == 1024);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(ta_prop_text_to_u64(bad[i], UINT64_MAX, &v));
	/* no octal: a leading zero is decimal */
	assert_true(ta_prop_text_to_u64("017", UINT32_MAX, &v) && v == 17);
	assert_true(ta_prop_text_to_u64("3M", UINT32_MAX, &v) &&
		    v == 3 * 1024 * 1024);
	/* the multiplier counts toward the limit */
	assert_true(ta_prop_text_to_u64("4194303K", UINT32_MAX, &v) &&
		    v == 4194303ull * 1024);
	assert_false(ta_prop_text_to_u64("4194304K", UINT32_MAX, &v));
	assert_false(ta_prop_text_to_u64("4096M", UINT32_MAX, &v));
	assert_true(ta_prop_text_to_u64("4096M", UINT64_MAX, &v) &&
		    v == 1ull << 32);
	assert_false(ta_prop_text_to_u64("17592186044416M", UINT64_MAX, &v));
	assert_true(ta_prop_text_to_u64("0xFFFF_FFFF", UINT32_MAX, &v) &&
		    v == UINT32_MAX);
	assert_true(ta_prop_text_to_u64(
		"0b1111_1111_1111_1111_1111_1111_1111_1111", UINT32_MAX, &v) &&
		v == UINT32_MAX);
	assert_false(ta_prop_text_to_u64(
		"0b1_0000_0000_0000_0000_0000_0000_0000_0000", UINT32_MAX, &v));
	assert_false(ta_prop_text_to_u64("0x1_0000_0000_0000_0000", UINT64_MAX,
					 &v));
}

static void test_text_to_identity(void **state)
{
	char text[TA_PROP_IDENTITY_TEXT_SIZE];
	TEE_Identity id = { TEE_LOGIN_TRUSTED_APP, hello }, back;

	(void)state;
	ta_prop_identity_to_text(text, &id);
	assert_string_equal(text, "4026531840:8aaaf200-2450-11e4-abe2-0002a5d5c51b");
	assert_true(ta_prop_text_to_identity(text, &back));
	assert_memory_equal(&back, &id, sizeof(id));
	assert_true(ta_prop_text_to_identity(
		"0x4:8aaaf200-2450-11e4-abe2-0002a5d5c51b", &back));
	assert_int_equal(back.login, TEE_LOGIN_APPLICATION);
	assert_true(ta_prop_text_to_identity(
		"0xF000_0000:8AAAF200-2450-11E4-ABE2-0002A5D5C51B", &back));
	assert_memory_equal(&back, &id, sizeof(id));
	/* GP: integer (':' uuid)?  A login alone has the nil UUID */
	memset(&back, 0xa5, sizeof(back));
	assert_true(ta_prop_text_to_identity("4", &back));
	assert_int_equal(back.login, TEE_LOGIN_APPLICATION);
	assert_true(memcmp(&back.uuid, &(TEE_UUID){ 0 }, sizeof(back.uuid)) ==
		    0);
	assert_false(ta_prop_text_to_identity("4:", &back));
	assert_false(ta_prop_text_to_identity(
		"4:8aaaf200-2450-11e4-abe2-0002a5d5c51b:", &back));
	assert_false(ta_prop_text_to_identity("", &back));
	assert_false(ta_prop_text_to_identity(
		"8aaaf200-2450-11e4-abe2-0002a5d5c51b", &back));
	assert_false(ta_prop_text_to_identity(":8aaaf200-2450-11e4-abe2-0002a5d5c51b",
					      &back));
	assert_false(ta_prop_text_to_identity("4:not-a-uuid", &back));
	assert_false(ta_prop_text_to_identity(
		"99999999999:8aaaf200-2450-11e4-abe2-0002a5d5c51b", &back));
}

static void test_region_parse(void **state)
{
	static const char line[] =
		"7f12a000-7f12c000 rw-p 00000000 00:00 0                  [heap]";
	struct ta_region r;

	(void)state;
	assert_true(ta_region_parse(line, strlen(line), &r));
	assert_int_equal(r.start, 0x7f12a000);
	assert_int_equal(r.end, 0x7f12c000);
	assert_true(r.read && r.write);
	assert_true(ta_region_parse("1000-2000 r-xp", 14, &r));
	assert_true(r.read && !r.write);
	assert_false(ta_region_parse("1000 2000 r-xp", 14, &r));
	assert_false(ta_region_parse("2000-1000 r-xp", 14, &r));
	assert_false(ta_region_parse("1000-2000", 9, &r));
	assert_false(ta_region_parse("-2000 rw-p", 10, &r));
	assert_false(ta_region_parse("10000000000000000-10000000000000001 rw-p",
				     40, &r));
}

static const char maps[] =
	"1000-3000 r--p 00000000 08:01 1 /lib/x.so\n"
	"3000-4000 rw-p 00000000 00:00 0\n"
	"5000-6000 ---p 00000000 00:00 0\n"
	"6000-8000 rw-s 00000000 00:01 7 /memfd:client (deleted)\n";

static bool allow(uintptr_t start, uintptr_t end, bool r, bool w)
{
	return ta_regions_allow(maps, strlen(maps), start, end, r, w);
}

static void test_regions_allow(void **state)
{
	(void)state;
	assert_true(allow(0x1000, 0x3000, true, false));
	assert_false(allow(0x1000, 0x3000, true, true));
	assert_true(allow(0x2ff0, 0x3010, true, false));	/* spans two */
	assert_false(allow(0x2ff0, 0x3010, false, true));
	assert_true(allow(0x3000, 0x4000, true, true));
	assert_false(allow(0x3ff0, 0x4010, true, false));	/* into a hole */
	assert_false(allow(0x4000, 0x4001, false, false));	/* unmapped */
	assert_true(allow(0x5000, 0x5001, false, false));	/* mapped */
	assert_false(allow(0x5000, 0x5001, true, false));	/* PROT_NONE */
	assert_true(allow(0x6000, 0x8000, true, true));
	assert_false(allow(0x7fff, 0x8001, true, false));	/* past the end */
	assert_false(allow(0x0, 0x10, true, false));
	assert_false(ta_regions_allow("", 0, 0x1000, 0x1001, true, false));
	assert_false(ta_regions_allow("garbage\n", 8, 0x1000, 0x1001, true,
				      false));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64_rfc4648_vectors),
		cmocka_unit_test(test_base64_binary),
		cmocka_unit_test(test_base64_rejects),
		cmocka_unit_test(test_uuid_text),
		cmocka_unit_test(test_uuid_rejects),
		cmocka_unit_test(test_uuid_octets),
		cmocka_unit_test(test_values_to_text),
		cmocka_unit_test(test_text_to_bool),
		cmocka_unit_test(test_text_to_integer),
		cmocka_unit_test(test_text_to_integer_gp_forms),
		cmocka_unit_test(test_text_to_identity),
		cmocka_unit_test(test_region_parse),
		cmocka_unit_test(test_regions_allow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
