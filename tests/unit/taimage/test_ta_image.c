// SPDX-License-Identifier: BSD-2-Clause
/*
 * The signed TA image format: a signed image round-trips, and every way of
 * breaking one is refused with its own reason.  Images are also built here
 * independently of ta_image_sign(), straight from the documented layout,
 * so the test checks the format, not just that the code agrees with itself.
 */
#include <elf.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/rsa.h>

#include "vtee/ta_image.h"

#define ELF_LEN		300
#define HDR_LEN		sizeof(struct ta_image_hdr)

static const uint8_t uuid_a[16] = {
	0x57, 0x2b, 0x41, 0xd1, 0x82, 0x2e, 0x41, 0x6c,
	0x9e, 0x43, 0x98, 0xa4, 0xf5, 0xc1, 0xc3, 0xdb,
};

struct fixture {
	EVP_PKEY *key;		/* RSA-2048: signs the reference image */
	EVP_PKEY *other;	/* RSA-2048: an attacker's key */
	uint8_t elf[ELF_LEN];
	uint8_t *img;		/* the reference image */
	size_t img_len;
};

static struct fixture fx;

/* An ELF header for `machine`/`type`, then filler the loader never sees. */
static void elf_make(uint8_t *buf, size_t len, uint16_t machine,
		     uint16_t type)
{
	Elf64_Ehdr eh = { 0 };
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (uint8_t)(i * 7 + 3);
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = type;
	eh.e_machine = machine;
	eh.e_version = EV_CURRENT;
	eh.e_ehsize = sizeof(eh);
	memcpy(buf, &eh, sizeof(eh));
}

static int group_setup(void **state)
{
	(void)state;
	fx.key = EVP_RSA_gen(2048);
	fx.other = EVP_RSA_gen(2048);
	if (!fx.key || !fx.other)
		return -1;
	elf_make(fx.elf, sizeof(fx.elf), EM_X86_64, ET_DYN);
	return ta_image_sign(fx.key, uuid_a, 7, fx.elf, sizeof(fx.elf),
			     &fx.img, &fx.img_len);
}

static int group_teardown(void **state)
{
	(void)state;
	free(fx.img);
	EVP_PKEY_free(fx.key);
	EVP_PKEY_free(fx.other);
	return 0;
}

/* A private copy of the reference image, to break. */
static uint8_t *img_copy(void)
{
	uint8_t *p = malloc(fx.img_len);

	assert_non_null(p);
	memcpy(p, fx.img, fx.img_len);
	return p;
}

/* parse + verify with the reference key: the trusted OS's verdict. */
static int check(const uint8_t *buf, size_t len)
{
	struct ta_image img;
	int rc = ta_image_parse(buf, len, &img);

	return rc ? rc : ta_image_verify(&img, fx.key);
}

static void test_round_trip(void **state)
{
	struct ta_image img;

	(void)state;
	assert_int_equal(fx.img_len, HDR_LEN + 32 + 256 + ELF_LEN);
	assert_int_equal(ta_image_parse(fx.img, fx.img_len, &img), 0);
	assert_int_equal(img.version, TA_IMAGE_VERSION);
	assert_int_equal(img.img_type, TA_IMAGE_TYPE_ELF_X86_64);
	assert_int_equal(img.algo, TA_IMAGE_ALGO_RSA_PSS_SHA256);
	assert_int_equal(img.ta_version, 7);
	assert_int_equal(img.hash_size, 32);
	assert_int_equal(img.sig_size, 256);
	assert_memory_equal(img.uuid, uuid_a, 16);
	assert_ptr_equal(img.hdr, fx.img);
	assert_ptr_equal(img.hash, fx.img + HDR_LEN);
	assert_ptr_equal(img.sig, fx.img + HDR_LEN + 32);
	assert_int_equal(img.elf_offset, HDR_LEN + 32 + 256);
	assert_ptr_equal(img.elf, fx.img + img.elf_offset);
	assert_int_equal(img.elf_size, ELF_LEN);
	assert_memory_equal(img.elf, fx.elf, ELF_LEN);
	assert_int_equal(ta_image_verify(&img, fx.key), 0);
	assert_int_equal(ta_image_check_uuid(&img, uuid_a), 0);
}

/* The production key size: 3072 bits, a 384-octet signature. */
static void test_round_trip_3072(void **state)
{
	EVP_PKEY *key = EVP_RSA_gen(3072);
	struct ta_image img;
	uint8_t *buf;
	size_t len;

	(void)state;
	assert_non_null(key);
	assert_int_equal(ta_image_sign(key, uuid_a, 0, fx.elf, ELF_LEN, &buf,
				       &len), 0);
	assert_int_equal(ta_image_parse(buf, len, &img), 0);
	assert_int_equal(img.sig_size, 384);
	assert_int_equal(ta_image_verify(&img, key), 0);
	/* a 2048-bit key cannot have made a 384-octet signature */
	assert_int_equal(ta_image_verify(&img, fx.key), TA_IMAGE_E_SIGNATURE);
	free(buf);
	EVP_PKEY_free(key);
}

static void test_unsigned_elf(void **state)
{
	struct ta_image img;

	(void)state;
	assert_int_equal(ta_image_parse(fx.elf, ELF_LEN, &img),
			 TA_IMAGE_E_MAGIC);
}

struct corruption {
	size_t off;		/* in the header */
	unsigned int width;	/* 1, 2 or 4 octets */
	uint32_t value;		/* stored little-endian */
	int expect;		/* parse + verify result */
};

static const struct corruption corruptions[] = {
	{ 0, 4, 0x4f545348, TA_IMAGE_E_MAGIC },	/* OP-TEE's "SHDR" */
	{ 3, 1, 'h', TA_IMAGE_E_MAGIC },
	{ 4, 4, 0, TA_IMAGE_E_VERSION },
	{ 4, 4, 2, TA_IMAGE_E_VERSION },
	{ 8, 4, 0, TA_IMAGE_E_TYPE },
	{ 8, 4, 2, TA_IMAGE_E_TYPE },
	{ 12, 4, 0, TA_IMAGE_E_SIZE },
	{ 12, 4, ELF_LEN - 1, TA_IMAGE_E_SIZE },	/* trailing octet */
	{ 12, 4, ELF_LEN + 1, TA_IMAGE_E_TRUNCATED },
	{ 12, 4, TA_IMAGE_MAX_ELF_SIZE + 1, TA_IMAGE_E_SIZE },
	{ 12, 4, 0xffffffff, TA_IMAGE_E_SIZE },
	{ 16, 4, 0x70004830, TA_IMAGE_E_ALGO },	/* PKCS#1 v1.5 SHA-256 */
	{ 16, 4, 0x70414930 ^ 0x100, TA_IMAGE_E_ALGO },
	{ 20, 2, 20, TA_IMAGE_E_HASH_SIZE },
	{ 20, 2, 0xffff, TA_IMAGE_E_HASH_SIZE },
	{ 22, 2, 0, TA_IMAGE_E_SIG_SIZE },
	{ 22, 2, 255, TA_IMAGE_E_SIG_SIZE },
	{ 22, 2, 513, TA_IMAGE_E_SIG_SIZE },
	{ 22, 2, 257, TA_IMAGE_E_TRUNCATED },	/* claims more than there is */
	{ 24, 1, 0x58, TA_IMAGE_E_HASH },	/* uuid: signed, so caught */
	{ 39, 1, 0xdc, TA_IMAGE_E_HASH },
	{ 40, 4, 8, TA_IMAGE_E_HASH },		/* ta_version: rollback */
	{ 44, 4, 1, TA_IMAGE_E_FLAGS },
	{ 44, 4, 0x80000000, TA_IMAGE_E_FLAGS },
};

static void store_le(uint8_t *p, unsigned int width, uint32_t v)
{
	unsigned int i;

	for (i = 0; i < width; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void test_header_fields(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(corruptions) / sizeof(corruptions[0]); i++) {
		const struct corruption *c = &corruptions[i];
		uint8_t *p = img_copy();

		store_le(p + c->off, c->width, c->value);
		if (check(p, fx.img_len) != c->expect)
			fail_msg("corruption %zu (offset %zu = 0x%x): got %d "
				 "want %d", i, c->off, c->value,
				 check(p, fx.img_len), c->expect);
		free(p);
	}
}

static void test_truncated_every_length(void **state)
{
	struct ta_image img;
	size_t len;

	(void)state;
	for (len = 0; len < fx.img_len; len++)
		if (ta_image_parse(fx.img, len, &img) != TA_IMAGE_E_TRUNCATED)
			fail_msg("length %zu not refused as truncated", len);
}

static void test_trailing_data(void **state)
{
	uint8_t *p = malloc(fx.img_len + 1);
	struct ta_image img;

	(void)state;
	assert_non_null(p);
	memcpy(p, fx.img, fx.img_len);
	p[fx.img_len] = 0;
	assert_int_equal(ta_image_parse(p, fx.img_len + 1, &img),
			 TA_IMAGE_E_SIZE);
	free(p);
}

/* Every octet of the ELF, one bit each: the hash notices. */
static void test_flipped_bit_in_image(void **state)
{
	size_t elf_off = fx.img_len - ELF_LEN, i;
	uint8_t *p = img_copy();

	(void)state;
	for (i = elf_off; i < fx.img_len; i++) {
		p[i] ^= (uint8_t)(1u << (i % 8));
		if (check(p, fx.img_len) != TA_IMAGE_E_HASH)
			fail_msg("flip at %zu not caught by the hash", i);
		p[i] ^= (uint8_t)(1u << (i % 8));
	}
	free(p);
}

/* Every octet of the stored hash and of the signature, one bit each. */
static void test_flipped_bit_in_signature(void **state)
{
	size_t i;
	uint8_t *p = img_copy();

	(void)state;
	for (i = HDR_LEN; i < HDR_LEN + 32 + 256; i++) {
		p[i] ^= (uint8_t)(0x80u >> (i % 8));
		if (check(p, fx.img_len) != TA_IMAGE_E_SIGNATURE)
			fail_msg("flip at %zu not caught by the signature", i);
		p[i] ^= (uint8_t)(0x80u >> (i % 8));
	}
	free(p);
}

static void test_other_key(void **state)
{
	struct ta_image img;

	(void)state;
	assert_int_equal(ta_image_parse(fx.img, fx.img_len, &img), 0);
	assert_int_equal(ta_image_verify(&img, fx.other),
			 TA_IMAGE_E_SIGNATURE);
}

static void test_wrong_uuid_claim(void **state)
{
	uint8_t other_uuid[16];
	struct ta_image img;

	(void)state;
	memcpy(other_uuid, uuid_a, sizeof(other_uuid));
	other_uuid[15] ^= 1;
	assert_int_equal(ta_image_parse(fx.img, fx.img_len, &img), 0);
	assert_int_equal(ta_image_verify(&img, fx.key), 0);
	assert_int_equal(ta_image_check_uuid(&img, other_uuid),
			 TA_IMAGE_E_UUID);
}

/*
 * An image built from the documented layout alone: header, SHA-256 of
 * header || ELF, RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32) of the hash.
 */
static uint8_t *image_by_hand(const uint8_t *elf, size_t elf_len,
			      size_t *len)
{
	size_t sig_len = 256;
	uint8_t *p = calloc(1, HDR_LEN + 32 + sig_len + elf_len);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(fx.key, NULL);
	EVP_MD_CTX *md = EVP_MD_CTX_new();

	assert_non_null(p);
	assert_non_null(ctx);
	assert_non_null(md);
	memcpy(p, "VTSH", 4);
	store_le(p + 4, 4, 1);
	store_le(p + 8, 4, 1);
	store_le(p + 12, 4, (uint32_t)elf_len);
	store_le(p + 16, 4, 0x70414930);
	store_le(p + 20, 2, 32);
	store_le(p + 22, 2, (uint32_t)sig_len);
	memcpy(p + 24, uuid_a, 16);
	memcpy(p + HDR_LEN + 32 + sig_len, elf, elf_len);
	assert_true(EVP_DigestInit_ex(md, EVP_sha256(), NULL));
	assert_true(EVP_DigestUpdate(md, p, HDR_LEN));
	assert_true(EVP_DigestUpdate(md, elf, elf_len));
	assert_true(EVP_DigestFinal_ex(md, p + HDR_LEN, NULL));
	assert_true(EVP_PKEY_sign_init(ctx) > 0);
	assert_true(EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING));
	assert_true(EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) > 0);
	assert_true(EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) > 0);
	assert_true(EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, 32) > 0);
	assert_true(EVP_PKEY_sign(ctx, p + HDR_LEN + 32, &sig_len, p + HDR_LEN,
				  32) > 0);
	EVP_MD_CTX_free(md);
	EVP_PKEY_CTX_free(ctx);
	*len = HDR_LEN + 32 + sig_len + elf_len;
	return p;
}

static void test_layout_by_hand(void **state)
{
	size_t len;
	uint8_t *p = image_by_hand(fx.elf, ELF_LEN, &len);

	(void)state;
	assert_int_equal(check(p, len), 0);
	free(p);
}

/* Validly signed, but the body is not an x86-64 shared object. */
static void test_signed_non_elf(void **state)
{
	uint8_t elf[ELF_LEN];
	size_t len;
	uint8_t *p;

	(void)state;
	elf_make(elf, sizeof(elf), EM_AARCH64, ET_DYN);
	p = image_by_hand(elf, sizeof(elf), &len);
	assert_int_equal(check(p, len), TA_IMAGE_E_ELF);
	free(p);
	elf_make(elf, sizeof(elf), EM_X86_64, ET_EXEC);
	p = image_by_hand(elf, sizeof(elf), &len);
	assert_int_equal(check(p, len), TA_IMAGE_E_ELF);
	free(p);
	p = image_by_hand(elf, 10, &len);	/* shorter than an ELF header */
	assert_int_equal(check(p, len), TA_IMAGE_E_ELF);
	free(p);
}

static void test_sign_refusals(void **state)
{
	uint8_t elf[ELF_LEN], *out = NULL;
	size_t len;

	(void)state;
	elf_make(elf, sizeof(elf), EM_386, ET_DYN);
	assert_int_equal(ta_image_sign(fx.key, uuid_a, 0, elf, sizeof(elf),
				       &out, &len), TA_IMAGE_E_ELF);
	assert_int_equal(ta_image_sign(fx.key, uuid_a, 0, fx.elf, 0, &out,
				       &len), TA_IMAGE_E_SIZE);
	assert_int_equal(ta_image_sign(fx.key, uuid_a, 0, fx.elf, 40, &out,
				       &len), TA_IMAGE_E_ELF);
	assert_null(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_round_trip_3072),
		cmocka_unit_test(test_unsigned_elf),
		cmocka_unit_test(test_header_fields),
		cmocka_unit_test(test_truncated_every_length),
		cmocka_unit_test(test_trailing_data),
		cmocka_unit_test(test_flipped_bit_in_image),
		cmocka_unit_test(test_flipped_bit_in_signature),
		cmocka_unit_test(test_other_key),
		cmocka_unit_test(test_wrong_uuid_claim),
		cmocka_unit_test(test_layout_by_hand),
		cmocka_unit_test(test_signed_non_elf),
		cmocka_unit_test(test_sign_refusals),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
