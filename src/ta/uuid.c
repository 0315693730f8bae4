// SPDX-License-Identifier: BSD-2-Clause
#include "uuid.h"

#include <stdio.h>
#include <string.h>
#include <tee_internal_api_extensions.h>

void ta_uuid_from_octets(TEE_UUID *uuid, const uint8_t o[16])
{
	uuid->timeLow = (uint32_t)o[0] << 24 | (uint32_t)o[1] << 16 |
			(uint32_t)o[2] << 8 | o[3];
	uuid->timeMid = (uint16_t)(o[4] << 8 | o[5]);
	uuid->timeHiAndVersion = (uint16_t)(o[6] << 8 | o[7]);
	memcpy(uuid->clockSeqAndNode, o + 8, 8);
}

void ta_uuid_to_octets(uint8_t o[16], const TEE_UUID *uuid)
{
	o[0] = uuid->timeLow >> 24;
	o[1] = uuid->timeLow >> 16;
	o[2] = uuid->timeLow >> 8;
	o[3] = uuid->timeLow;
	o[4] = uuid->timeMid >> 8;
	o[5] = uuid->timeMid;
	o[6] = uuid->timeHiAndVersion >> 8;
	o[7] = uuid->timeHiAndVersion;
	memcpy(o + 8, uuid->clockSeqAndNode, 8);
}

void ta_uuid_to_str(char str[TA_UUID_STR_SIZE], const TEE_UUID *u)
{
	const uint8_t *n = u->clockSeqAndNode;

	snprintf(str, TA_UUID_STR_SIZE,
		 "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 u->timeLow, u->timeMid, u->timeHiAndVersion, n[0], n[1],
		 n[2], n[3], n[4], n[5], n[6], n[7]);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Octet i of the UUID sits at these offsets of the string form: the
 * dashes come after octets 3, 5, 7 and 9. */
static size_t octet_pos(size_t i)
{
	return 2 * i + (i > 3) + (i > 5) + (i > 7) + (i > 9);
}

bool ta_uuid_parse(const char *s, size_t len, TEE_UUID *uuid)
{
	uint8_t o[16];

	if (len != TA_UUID_STR_SIZE - 1 || s[8] != '-' || s[13] != '-' ||
	    s[18] != '-' || s[23] != '-')
		return false;
	for (size_t i = 0; i < 16; i++) {
		int hi = hex_digit(s[octet_pos(i)]);
		int lo = hex_digit(s[octet_pos(i) + 1]);

		if (hi < 0 || lo < 0)
			return false;
		o[i] = (uint8_t)(hi << 4 | lo);
	}
	ta_uuid_from_octets(uuid, o);
	return true;
}

TEE_Result tee_uuid_from_str(TEE_UUID *uuid, const char *s)
{
	if (!uuid || !s || !ta_uuid_parse(s, strnlen(s, TA_UUID_STR_SIZE), uuid))
		return TEE_ERROR_BAD_FORMAT;
	return TEE_SUCCESS;
}
