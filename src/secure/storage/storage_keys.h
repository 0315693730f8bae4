/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Keys and names derived from the hardware unique key, each bound to its
 * purpose by a label: one TA's volume in one storage gets its own key
 * and its own opaque directory name, so no TA can read, name or even
 * find another's files.
 */
#ifndef VTEE_SECURE_STORAGE_KEYS_H
#define VTEE_SECURE_STORAGE_KEYS_H

#include <stdint.h>

#include "huk.h"
#include "sfmt.h"

/* 32 hex digits and a NUL */
#define VOLUME_NAME_LEN 33

void storage_volume_key(const uint8_t huk[HUK_SIZE], const uint8_t uuid[16],
			uint32_t storage_id, uint8_t key[SFMT_KEY_SIZE]);
void storage_volume_name(const uint8_t huk[HUK_SIZE], const uint8_t uuid[16],
			 uint32_t storage_id, char name[VOLUME_NAME_LEN]);
/* The key the emulated RPMB device is programmed with. */
void storage_rpmb_key(const uint8_t huk[HUK_SIZE], uint8_t key[32]);

#endif /* VTEE_SECURE_STORAGE_KEYS_H */
