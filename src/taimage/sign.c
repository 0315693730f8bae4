// SPDX-License-Identifier: BSD-2-Clause
/* Producing a signed image: the build-side half of the format. */
#include <endian.h>
#include <stdlib.h>
#include <string.h>

#include "ta_image_internal.h"
#include "vtee/ta_image.h"

static void hdr_encode(uint8_t *buf, const uint8_t *uuid, uint32_t ta_version,
		       size_t elf_size, size_t sig_size)
{
	struct ta_image_hdr h = {
		.magic = htole32(TA_IMAGE_MAGIC),
		.version = htole32(TA_IMAGE_VERSION),
		.img_type = htole32(TA_IMAGE_TYPE_ELF_X86_64),
		.img_size = htole32((uint32_t)elf_size),
		.algo = htole32(TA_IMAGE_ALGO_RSA_PSS_SHA256),
		.hash_size = htole16(TA_IMAGE_HASH_SIZE),
		.sig_size = htole16((uint16_t)sig_size),
		.ta_version = htole32(ta_version),
		.flags = 0,
	};

	memcpy(h.uuid, uuid, sizeof(h.uuid));
	memcpy(buf, &h, sizeof(h));
}

/* Signs the hash at `hash` into `sig`, which has exactly sig_size octets. */
static int hash_sign(EVP_PKEY *key, const uint8_t *hash, uint8_t *sig,
		     size_t sig_size)
{
	EVP_PKEY_CTX *ctx = ta_image_pss_ctx(key, true);
	size_t len = sig_size;
	int ok;

	if (!ctx)
		return TA_IMAGE_E_CRYPTO;
	ok = EVP_PKEY_sign(ctx, sig, &len, hash, TA_IMAGE_HASH_SIZE) > 0 &&
	     len == sig_size;
	EVP_PKEY_CTX_free(ctx);
	return ok ? 0 : TA_IMAGE_E_CRYPTO;
}

static int input_check(EVP_PKEY *key, const uint8_t *elf, size_t elf_size)
{
	int rc = ta_image_key_check(key);

	if (rc)
		return rc;
	if (elf_size == 0 || elf_size > TA_IMAGE_MAX_ELF_SIZE)
		return TA_IMAGE_E_SIZE;
	return ta_image_elf_check(elf, elf_size);
}

int ta_image_sign(EVP_PKEY *key, const uint8_t *uuid, uint32_t ta_version,
		  const uint8_t *elf, size_t elf_size,
		  uint8_t **out, size_t *out_len)
{
	size_t hdr_size = sizeof(struct ta_image_hdr);
	size_t sig_size, total;
	uint8_t *buf, *hash;
	int rc = input_check(key, elf, elf_size);

	if (rc)
		return rc;
	sig_size = (size_t)EVP_PKEY_get_size(key);
	total = hdr_size + TA_IMAGE_HASH_SIZE + sig_size + elf_size;
	buf = malloc(total);
	if (!buf)
		return TA_IMAGE_E_NOMEM;
	hash = buf + hdr_size;
	hdr_encode(buf, uuid, ta_version, elf_size, sig_size);
	memcpy(hash + TA_IMAGE_HASH_SIZE + sig_size, elf, elf_size);
	rc = ta_image_hash(buf, elf, elf_size, hash);
	if (!rc)
		rc = hash_sign(key, hash, hash + TA_IMAGE_HASH_SIZE, sig_size);
	if (rc) {
		free(buf);
		return rc;
	}
	*out = buf;
	*out_len = total;
	return 0;
}
