/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * TEE_UUID conversions.  On the wire (channel, boot message) a UUID is 16
 * octets in RFC 4122 order; in a TEE_UUID the first three fields are
 * host-endian integers.
 */
#ifndef VTEE_TA_UUID_H
#define VTEE_TA_UUID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_api_types.h>

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" plus NUL */
#define TA_UUID_STR_SIZE	37

void ta_uuid_from_octets(TEE_UUID *uuid, const uint8_t octets[16]);
void ta_uuid_to_octets(uint8_t octets[16], const TEE_UUID *uuid);
/* Lower-case canonical form */
void ta_uuid_to_str(char str[TA_UUID_STR_SIZE], const TEE_UUID *uuid);
/* Parses exactly len characters of s, which must be the canonical form
 * (hex digits of either case). */
bool ta_uuid_parse(const char *s, size_t len, TEE_UUID *uuid);

#endif /* VTEE_TA_UUID_H */
