// SPDX-License-Identifier: BSD-2-Clause
/*
 * The canonical text form of a TA's UUID, which names its image file
 * (<uuid>.ta).  The octets are in RFC 4122 order, so the text is simply
 * their hex with dashes after octets 4, 6, 8 and 10.
 */
#include <stdbool.h>

#include "vtee/ta_image.h"

static bool dash_before(unsigned int octet)
{
	return octet == 4 || octet == 6 || octet == 8 || octet == 10;
}

void ta_image_uuid_to_str(const uint8_t *uuid, char *str)
{
	static const char hex[] = "0123456789abcdef";
	unsigned int i;

	for (i = 0; i < TA_IMAGE_UUID_LEN; i++) {
		if (dash_before(i))
			*str++ = '-';
		*str++ = hex[uuid[i] >> 4];
		*str++ = hex[uuid[i] & 0xf];
	}
	*str = '\0';
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

int ta_image_uuid_from_str(const char *str, uint8_t *uuid)
{
	unsigned int i;
	int hi, lo;

	for (i = 0; i < TA_IMAGE_UUID_LEN; i++) {
		if (dash_before(i) && *str++ != '-')
			return -1;
		hi = hex_digit(str[0]);
		lo = hi < 0 ? -1 : hex_digit(str[1]);
		if (lo < 0)
			return -1;
		uuid[i] = (uint8_t)(hi << 4 | lo);
		str += 2;
	}
	return *str == '\0' ? 0 : -1;
}
