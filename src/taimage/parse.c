// SPDX-License-Identifier: BSD-2-Clause
/*
 * The parser runs on bytes that came through the normal world, before any
 * cryptography, so it trusts nothing: every field is checked against the
 * one value or range this version allows, and the sizes are added in 64
 * bits from fields that are at most 32 bits wide, so they cannot wrap.
 */
#include <endian.h>
#include <string.h>

#include "vtee/ta_image.h"

/* Decodes the stored little-endian header into host order. */
static void hdr_decode(const uint8_t *buf, struct ta_image_hdr *h)
{
	memcpy(h, buf, sizeof(*h));
	h->magic = le32toh(h->magic);
	h->version = le32toh(h->version);
	h->img_type = le32toh(h->img_type);
	h->img_size = le32toh(h->img_size);
	h->algo = le32toh(h->algo);
	h->hash_size = le16toh(h->hash_size);
	h->sig_size = le16toh(h->sig_size);
	h->ta_version = le32toh(h->ta_version);
	h->flags = le32toh(h->flags);
}

/* The magic is checked first, and on as little as 4 octets, so that any
 * file that is not a signed image at all says so rather than "truncated". */
static int magic_check(const uint8_t *buf, size_t len)
{
	uint32_t magic;

	if (len < sizeof(magic))
		return TA_IMAGE_E_TRUNCATED;
	memcpy(&magic, buf, sizeof(magic));
	return le32toh(magic) == TA_IMAGE_MAGIC ? 0 : TA_IMAGE_E_MAGIC;
}

static int fields_check(const struct ta_image_hdr *h)
{
	if (h->version != TA_IMAGE_VERSION)
		return TA_IMAGE_E_VERSION;
	if (h->img_type != TA_IMAGE_TYPE_ELF_X86_64)
		return TA_IMAGE_E_TYPE;
	if (h->algo != TA_IMAGE_ALGO_RSA_PSS_SHA256)
		return TA_IMAGE_E_ALGO;
	if (h->hash_size != TA_IMAGE_HASH_SIZE)
		return TA_IMAGE_E_HASH_SIZE;
	if (h->sig_size < TA_IMAGE_SIG_MIN || h->sig_size > TA_IMAGE_SIG_MAX)
		return TA_IMAGE_E_SIG_SIZE;
	if (h->flags != 0)
		return TA_IMAGE_E_FLAGS;
	if (h->img_size == 0 || h->img_size > TA_IMAGE_MAX_ELF_SIZE)
		return TA_IMAGE_E_SIZE;
	return 0;
}

/* The file must be exactly header + hash + signature + image. */
static int length_check(const struct ta_image_hdr *h, size_t len)
{
	uint64_t need = (uint64_t)sizeof(*h) + h->hash_size + h->sig_size +
			h->img_size;

	if (len < need)
		return TA_IMAGE_E_TRUNCATED;
	return len > need ? TA_IMAGE_E_SIZE : 0;
}

static void image_fill(const uint8_t *buf, const struct ta_image_hdr *h,
		       struct ta_image *out)
{
	size_t off = sizeof(*h);

	out->hdr = buf;
	out->version = h->version;
	out->img_type = h->img_type;
	out->algo = h->algo;
	out->ta_version = h->ta_version;
	memcpy(out->uuid, h->uuid, sizeof(out->uuid));
	out->hash = buf + off;
	out->hash_size = h->hash_size;
	off += h->hash_size;
	out->sig = buf + off;
	out->sig_size = h->sig_size;
	off += h->sig_size;
	out->elf = buf + off;
	out->elf_offset = off;
	out->elf_size = h->img_size;
}

int ta_image_parse(const uint8_t *buf, size_t len, struct ta_image *out)
{
	struct ta_image_hdr h;
	int rc = magic_check(buf, len);

	if (rc)
		return rc;
	if (len < sizeof(h))
		return TA_IMAGE_E_TRUNCATED;
	hdr_decode(buf, &h);
	rc = fields_check(&h);
	if (!rc)
		rc = length_check(&h, len);
	if (!rc)
		image_fill(buf, &h, out);
	return rc;
}
