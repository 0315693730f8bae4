/* SPDX-License-Identifier: BSD-2-Clause */
/* What the signing and the verifying halves of the TA image share. */
#ifndef VTEE_TA_IMAGE_INTERNAL_H
#define VTEE_TA_IMAGE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>

/* SHA-256 over the 48 header octets followed by the ELF image. */
int ta_image_hash(const uint8_t *hdr, const uint8_t *elf, size_t elf_size,
		  uint8_t *digest);

/* A context for RSASSA-PSS with SHA-256 and MGF1-SHA-256, salt = digest
 * length, initialised for signing or verifying; NULL on failure. */
EVP_PKEY_CTX *ta_image_pss_ctx(EVP_PKEY *key, bool sign);

/* 0 if `key` is an RSA key of TA_IMAGE_SIG_MIN..MAX octets, else
 * TA_IMAGE_E_KEY. */
int ta_image_key_check(EVP_PKEY *key);

/* 0 if `elf` starts like an x86-64 ELF64 shared object, else
 * TA_IMAGE_E_ELF. */
int ta_image_elf_check(const uint8_t *elf, size_t size);

#endif /* VTEE_TA_IMAGE_INTERNAL_H */
