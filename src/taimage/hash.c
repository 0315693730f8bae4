// SPDX-License-Identifier: BSD-2-Clause
/* The image hash: what the signature actually signs. */
#include "ta_image_internal.h"

#include "vtee/ta_image.h"

int ta_image_hash(const uint8_t *hdr, const uint8_t *elf, size_t elf_size,
		  uint8_t *digest)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned int len = 0;
	int ok;

	if (!md)
		return TA_IMAGE_E_NOMEM;
	ok = EVP_DigestInit_ex(md, EVP_sha256(), NULL) &&
	     EVP_DigestUpdate(md, hdr, sizeof(struct ta_image_hdr)) &&
	     EVP_DigestUpdate(md, elf, elf_size) &&
	     EVP_DigestFinal_ex(md, digest, &len) &&
	     len == TA_IMAGE_HASH_SIZE;
	EVP_MD_CTX_free(md);
	return ok ? 0 : TA_IMAGE_E_CRYPTO;
}
