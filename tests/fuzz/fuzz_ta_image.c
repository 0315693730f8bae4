// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target for the signed TA image: any bytes go through the
 * parser, and whatever it accepts through the verifier with the build's
 * development public key, as the trusted OS does with a file from the
 * normal world.  Beyond "no crash, no sanitizer report", it checks that an
 * accepted image's parts tile the input exactly.
 */
#include <stdio.h>
#include <stdlib.h>

#include "vtee/ta_image.h"

static EVP_PKEY *pub;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pub = ta_image_load_pubkey(FUZZ_TA_PUBKEY);
	if (!pub) {
		perror(FUZZ_TA_PUBKEY);
		abort();
	}
	return 0;
}

/* The parts of an accepted image: header, hash, signature, ELF, back to
 * back, ending exactly at the end of the input. */
static void layout_check(const struct ta_image *img, const uint8_t *data,
			 size_t size)
{
	if (img->hdr != data ||
	    img->hash != data + sizeof(struct ta_image_hdr) ||
	    img->sig != img->hash + img->hash_size ||
	    img->elf != img->sig + img->sig_size ||
	    img->elf != data + img->elf_offset ||
	    img->elf_offset + img->elf_size != size ||
	    img->hash_size != TA_IMAGE_HASH_SIZE ||
	    img->sig_size < TA_IMAGE_SIG_MIN ||
	    img->sig_size > TA_IMAGE_SIG_MAX || img->elf_size == 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ta_image img;
	int rc = ta_image_parse(data, size, &img);

	if (rc > 0 || rc < TA_IMAGE_E_CRYPTO)
		abort();
	if (rc)
		return 0;
	layout_check(&img, data, size);
	rc = ta_image_verify(&img, pub);
	if (rc > 0 || rc < TA_IMAGE_E_CRYPTO)
		abort();
	return 0;
}
