// SPDX-License-Identifier: BSD-2-Clause
/*
 * Around the format: loading keys from PEM files, which keys the format
 * accepts, UUID text, and the words for every result code.
 */
#include <elf.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <openssl/pem.h>

#include "vtee/ta_image.h"

static const uint8_t uuid_a[16] = {
	0x57, 0x2b, 0x41, 0xd1, 0x82, 0x2e, 0x41, 0x6c,
	0x9e, 0x43, 0x98, 0xa4, 0xf5, 0xc1, 0xc3, 0xdb,
};

/* A temporary file holding whatever `write` puts in it; unlink after. */
static char *tmp_file(int (*write)(FILE *f, EVP_PKEY *key), EVP_PKEY *key)
{
	char *path = strdup("/tmp/vtee-test-key-XXXXXX");
	int fd;
	FILE *f;

	assert_non_null(path);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_true(write(f, key));
	assert_int_equal(fclose(f), 0);
	return path;
}

static int write_pub(FILE *f, EVP_PKEY *key)
{
	return PEM_write_PUBKEY(f, key);
}

static int write_priv(FILE *f, EVP_PKEY *key)
{
	return PEM_write_PrivateKey(f, key, NULL, NULL, 0, NULL, NULL);
}

static int write_garbage(FILE *f, EVP_PKEY *key)
{
	(void)key;
	return fputs("-----BEGIN PUBLIC KEY-----\nnot base64\n", f) >= 0;
}

static void test_pem_round_trip(void **state)
{
	EVP_PKEY *key = EVP_RSA_gen(2048), *pub, *priv;
	char *pub_path, *priv_path;

	(void)state;
	assert_non_null(key);
	pub_path = tmp_file(write_pub, key);
	priv_path = tmp_file(write_priv, key);
	pub = ta_image_load_pubkey(pub_path);
	priv = ta_image_load_privkey(priv_path);
	assert_non_null(pub);
	assert_non_null(priv);
	assert_int_equal(EVP_PKEY_eq(pub, key), 1);
	assert_int_equal(EVP_PKEY_eq(priv, key), 1);
	/* a public key file holds no private key, and the other way round */
	assert_null(ta_image_load_privkey(pub_path));
	assert_int_equal(errno, EBADMSG);
	unlink(pub_path);
	unlink(priv_path);
	free(pub_path);
	free(priv_path);
	EVP_PKEY_free(pub);
	EVP_PKEY_free(priv);
	EVP_PKEY_free(key);
}

static void test_pem_refusals(void **state)
{
	char *path;

	(void)state;
	assert_null(ta_image_load_pubkey("/nonexistent/vtee/key.pem"));
	assert_int_equal(errno, ENOENT);
	path = tmp_file(write_garbage, NULL);
	assert_null(ta_image_load_pubkey(path));
	assert_int_equal(errno, EBADMSG);
	unlink(path);
	free(path);
}

static void elf_make(uint8_t *buf, size_t len)
{
	Elf64_Ehdr eh = { 0 };

	memset(buf, 0, len);
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_DYN;
	eh.e_machine = EM_X86_64;
	memcpy(buf, &eh, sizeof(eh));
}

/* Keys the format does not accept, on both sides. */
static void test_weak_keys(void **state)
{
	EVP_PKEY *good = EVP_RSA_gen(2048);
	EVP_PKEY *weak = EVP_RSA_gen(1024);
	EVP_PKEY *ec = EVP_EC_gen("P-256");
	struct ta_image img;
	uint8_t elf[128], *buf = NULL;
	size_t len;

	(void)state;
	assert_non_null(good);
	assert_non_null(weak);
	assert_non_null(ec);
	elf_make(elf, sizeof(elf));
	assert_int_equal(ta_image_sign(weak, uuid_a, 0, elf, sizeof(elf), &buf,
				       &len), TA_IMAGE_E_KEY);
	assert_int_equal(ta_image_sign(ec, uuid_a, 0, elf, sizeof(elf), &buf,
				       &len), TA_IMAGE_E_KEY);
	assert_null(buf);
	assert_int_equal(ta_image_sign(good, uuid_a, 0, elf, sizeof(elf), &buf,
				       &len), 0);
	assert_int_equal(ta_image_parse(buf, len, &img), 0);
	assert_int_equal(ta_image_verify(&img, weak), TA_IMAGE_E_KEY);
	assert_int_equal(ta_image_verify(&img, ec), TA_IMAGE_E_KEY);
	assert_int_equal(ta_image_verify(&img, NULL), TA_IMAGE_E_KEY);
	free(buf);
	EVP_PKEY_free(good);
	EVP_PKEY_free(weak);
	EVP_PKEY_free(ec);
}

static void test_uuid_text(void **state)
{
	char str[TA_IMAGE_UUID_STR_LEN + 1];
	uint8_t uuid[16];

	(void)state;
	ta_image_uuid_to_str(uuid_a, str);
	assert_string_equal(str, "572b41d1-822e-416c-9e43-98a4f5c1c3db");
	assert_int_equal(ta_image_uuid_from_str(
		"572B41D1-822E-416C-9E43-98A4F5C1C3DB", uuid), 0);
	assert_memory_equal(uuid, uuid_a, 16);
	assert_int_equal(ta_image_uuid_from_str(str, uuid), 0);
	assert_memory_equal(uuid, uuid_a, 16);
}

static void test_uuid_text_refusals(void **state)
{
	static const char *const bad[] = {
		"",
		"572b41d1",
		"572b41d1-822e-416c-9e43-98a4f5c1c3d",	/* short */
		"572b41d1-822e-416c-9e43-98a4f5c1c3dbb",	/* long */
		"572b41d1822e-416c-9e43-98a4f5c1c3db0",	/* dash moved */
		"572b41d1-822e-416c-9e4398a4f5c1c3db",
		"572b41d1-822e-416c-9e43-98a4f5c1c3dg",	/* not hex */
		"{572b41d1-822e-416c-9e43-98a4f5c1c3db}",
		"572b41d1 822e 416c 9e43 98a4f5c1c3db",
	};
	uint8_t uuid[16];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (ta_image_uuid_from_str(bad[i], uuid) != -1)
			fail_msg("accepted '%s'", bad[i]);
}

/* Every code has its own words, so a log line always says which check. */
static void test_strerror(void **state)
{
	const char *seen[17];
	int err, i;

	(void)state;
	for (err = 0; err >= TA_IMAGE_E_CRYPTO; err--) {
		seen[-err] = ta_image_strerror(err);
		assert_string_not_equal(seen[-err], "unknown error");
		for (i = 0; i < -err; i++)
			assert_string_not_equal(seen[i], seen[-err]);
	}
	assert_string_equal(ta_image_strerror(TA_IMAGE_E_CRYPTO - 1),
			    "unknown error");
	assert_string_equal(ta_image_strerror(1), "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pem_round_trip),
		cmocka_unit_test(test_pem_refusals),
		cmocka_unit_test(test_weak_keys),
		cmocka_unit_test(test_uuid_text),
		cmocka_unit_test(test_uuid_text_refusals),
		cmocka_unit_test(test_strerror),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
