// SPDX-License-Identifier: BSD-2-Clause
/*
 * Authenticating a parsed image.  The order follows OP-TEE's: first the
 * signature over the stored hash (so nothing the file claims is believed
 * before the signer is known), then the hash over what was actually
 * delivered.  The comparison is constant-time out of habit: the hash is
 * public, but a verifier should not be a timing oracle on principle.
 */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>

#include "ta_image_internal.h"
#include "vtee/ta_image.h"

static int signature_check(const struct ta_image *img, EVP_PKEY *pub)
{
	EVP_PKEY_CTX *ctx;
	int ok;

	/* A signature of another size was made by another key. */
	if (img->sig_size != (size_t)EVP_PKEY_get_size(pub))
		return TA_IMAGE_E_SIGNATURE;
	ctx = ta_image_pss_ctx(pub, false);
	if (!ctx)
		return TA_IMAGE_E_CRYPTO;
	ok = EVP_PKEY_verify(ctx, img->sig, img->sig_size, img->hash,
			     img->hash_size) == 1;
	EVP_PKEY_CTX_free(ctx);
	/* A refused signature leaves its reason queued; it is not news. */
	ERR_clear_error();
	return ok ? 0 : TA_IMAGE_E_SIGNATURE;
}

static int hash_check(const struct ta_image *img)
{
	uint8_t digest[TA_IMAGE_HASH_SIZE];
	int rc;

	if (img->hash_size != sizeof(digest))
		return TA_IMAGE_E_HASH;
	rc = ta_image_hash(img->hdr, img->elf, img->elf_size, digest);
	if (rc)
		return rc;
	return CRYPTO_memcmp(digest, img->hash, sizeof(digest)) ?
	       TA_IMAGE_E_HASH : 0;
}

int ta_image_verify(const struct ta_image *img, EVP_PKEY *pub)
{
	int rc = ta_image_key_check(pub);

	if (!rc)
		rc = signature_check(img, pub);
	if (!rc)
		rc = hash_check(img);
	if (!rc)
		rc = ta_image_elf_check(img->elf, img->elf_size);
	return rc;
}

int ta_image_check_uuid(const struct ta_image *img, const uint8_t *uuid)
{
	return memcmp(img->uuid, uuid, TA_IMAGE_UUID_LEN) ?
	       TA_IMAGE_E_UUID : 0;
}
