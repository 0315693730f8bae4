// SPDX-License-Identifier: BSD-2-Clause
/*
 * Writes the seed corpus of fuzz_object_blob (fuzz_object_blob.h): one
 * valid blob per shape the parser accepts (secret, numbers, a value
 * attribute, fixed-length values, optional and grouped attributes, and
 * the empty blob), written byte by byte from the format in
 * docs/objects.md rather than by the code under test.
 */
#include <stdio.h>
#include <string.h>

#include "fuzz_object_blob.h"
#include "seed_file.h"

struct seed {
	uint8_t bytes[4096];
	size_t len;
	uint32_t count;
};

static void put_u32(struct seed *s, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		s->bytes[s->len++] = (uint8_t)(v >> (8 * i));
}

/* The type byte, then the blob header (count patched as we go) */
static void seed_start(struct seed *s, uint32_t type)
{
	s->len = 0;
	s->count = 0;
	for (size_t i = 0; i < FOB_N_TYPES; i++)
		if (fob_types[i].type == type)
			s->bytes[s->len++] = (uint8_t)i;
	put_u32(s, 1);
	put_u32(s, 0);
}

static void seed_count(struct seed *s)
{
	size_t len = s->len;

	s->count++;
	s->len = 5;
	put_u32(s, s->count);
	s->len = len;
}

/* A buffer attribute of len bytes: top, then 0x5a */
static void seed_ref(struct seed *s, uint32_t id, size_t len, uint8_t top)
{
	put_u32(s, id);
	put_u32(s, (uint32_t)len);
	memset(s->bytes + s->len, 0x5a, len);
	if (len)
		s->bytes[s->len] = top;
	s->len += len;
	seed_count(s);
}

static void seed_value(struct seed *s, uint32_t id, uint32_t a, uint32_t b)
{
	put_u32(s, id);
	put_u32(s, 8);
	put_u32(s, a);
	put_u32(s, b);
	seed_count(s);
}

static int seed_write(const char *dir, const char *name, const struct seed *s)
{
	return seed_file_write(dir, name, s->bytes, s->len);
}

static int seeds_symmetric(const char *dir)
{
	struct seed s;
	int rc = 0;

	seed_start(&s, TEE_TYPE_AES);
	seed_ref(&s, TEE_ATTR_SECRET_VALUE, 32, 1);
	rc |= seed_write(dir, "aes", &s);
	seed_start(&s, TEE_TYPE_HKDF_IKM);
	seed_ref(&s, TEE_ATTR_HKDF_IKM, 0, 0);
	rc |= seed_write(dir, "hkdf_ikm_empty", &s);
	/* no attributes: just the type byte */
	s.bytes[0] = 0;
	s.len = 1;
	rc |= seed_write(dir, "data", &s);
	return rc;
}

static int seeds_rsa(const char *dir)
{
	static const uint32_t crt[] = {
		TEE_ATTR_RSA_PRIME1, TEE_ATTR_RSA_PRIME2,
		TEE_ATTR_RSA_EXPONENT1, TEE_ATTR_RSA_EXPONENT2,
		TEE_ATTR_RSA_COEFFICIENT,
	};
	struct seed s;

	seed_start(&s, TEE_TYPE_RSA_KEYPAIR);
	seed_ref(&s, TEE_ATTR_RSA_MODULUS, 64, 0xc1);
	seed_ref(&s, TEE_ATTR_RSA_PUBLIC_EXPONENT, 3, 1);
	seed_ref(&s, TEE_ATTR_RSA_PRIVATE_EXPONENT, 64, 0x33);
	for (size_t i = 0; i < sizeof(crt) / sizeof(crt[0]); i++)
		seed_ref(&s, crt[i], 32, 0x80);
	return seed_write(dir, "rsa_keypair", &s);
}

static int seeds_dh_ecc(const char *dir)
{
	struct seed s;
	int rc = 0;

	seed_start(&s, TEE_TYPE_DH_KEYPAIR);
	seed_ref(&s, TEE_ATTR_DH_PRIME, 128, 0xff);
	seed_ref(&s, TEE_ATTR_DH_BASE, 1, 2);
	seed_ref(&s, TEE_ATTR_DH_PUBLIC_VALUE, 128, 7);
	seed_ref(&s, TEE_ATTR_DH_PRIVATE_VALUE, 20, 9);
	seed_value(&s, TEE_ATTR_DH_X_BITS, 160, 0);
	rc |= seed_write(dir, "dh_keypair", &s);
	seed_start(&s, TEE_TYPE_ECDH_KEYPAIR);
	seed_value(&s, TEE_ATTR_ECC_CURVE, TEE_ECC_CURVE_NIST_P521, 0);
	seed_ref(&s, TEE_ATTR_ECC_PRIVATE_VALUE, 66, 1);
	seed_ref(&s, TEE_ATTR_ECC_PUBLIC_VALUE_X, 66, 1);
	seed_ref(&s, TEE_ATTR_ECC_PUBLIC_VALUE_Y, 65, 1);
	rc |= seed_write(dir, "ecdh_keypair", &s);
	seed_start(&s, TEE_TYPE_X25519_KEYPAIR);
	seed_ref(&s, TEE_ATTR_X25519_PUBLIC_VALUE, 32, 9);
	seed_ref(&s, TEE_ATTR_X25519_PRIVATE_VALUE, 32, 0x40);
	rc |= seed_write(dir, "x25519_keypair", &s);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	return (seeds_symmetric(argv[1]) | seeds_rsa(argv[1]) |
		seeds_dh_ecc(argv[1])) ? 1 : 0;
}
