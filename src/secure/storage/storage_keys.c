// SPDX-License-Identifier: BSD-2-Clause
#include "storage_keys.h"

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

/* HMAC-SHA256(huk, label || NUL || uuid || storage id, little endian) */
static void derive(const uint8_t huk[HUK_SIZE], const char *label,
		   const uint8_t uuid[16], uint32_t storage_id,
		   uint8_t out[32])
{
	uint8_t msg[64];
	size_t len = strlen(label) + 1;
	unsigned int out_len = 32;

	memcpy(msg, label, len);
	if (uuid) {
		memcpy(msg + len, uuid, 16);
		len += 16;
		for (int i = 0; i < 4; i++)
			msg[len++] = (uint8_t)(storage_id >> (8 * i));
	}
	HMAC(EVP_sha256(), huk, HUK_SIZE, msg, len, out, &out_len);
}

void storage_volume_key(const uint8_t huk[HUK_SIZE], const uint8_t uuid[16],
			uint32_t storage_id, uint8_t key[SFMT_KEY_SIZE])
{
	derive(huk, "vtee storage volume key", uuid, storage_id, key);
}

void storage_volume_name(const uint8_t huk[HUK_SIZE], const uint8_t uuid[16],
			 uint32_t storage_id, char name[VOLUME_NAME_LEN])
{
	uint8_t mac[32];

	derive(huk, "vtee storage volume name", uuid, storage_id, mac);
	for (int i = 0; i < 16; i++)
		snprintf(name + 2 * i, 3, "%02x", mac[i]);
}

void storage_rpmb_key(const uint8_t huk[HUK_SIZE], uint8_t key[32])
{
	derive(huk, "vtee rpmb key", NULL, 0, key);
}
