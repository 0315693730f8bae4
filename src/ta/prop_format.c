// SPDX-License-Identifier: BSD-2-Clause
#include "prop_format.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "uuid.h"

void ta_prop_identity_to_text(char text[TA_PROP_IDENTITY_TEXT_SIZE],
			      const TEE_Identity *id)
{
	char uuid[TA_UUID_STR_SIZE];

	ta_uuid_to_str(uuid, &id->uuid);
	snprintf(text, TA_PROP_IDENTITY_TEXT_SIZE, "%" PRIu32 ":%s", id->login,
		 uuid);
}

/* Text of the fixed-size types, in buf */
static bool scalar_to_text(enum user_ta_prop_type type, const void *value,
			   char buf[TA_PROP_IDENTITY_TEXT_SIZE])
{
	switch (type) {
	case USER_TA_PROP_TYPE_BOOL:
		strcpy(buf, *(const bool *)value ? "true" : "false");
		return true;
	case USER_TA_PROP_TYPE_U32:
		sprintf(buf, "%" PRIu32, *(const uint32_t *)value);
		return true;
	case USER_TA_PROP_TYPE_U64:
		sprintf(buf, "%" PRIu64, *(const uint64_t *)value);
		return true;
	case USER_TA_PROP_TYPE_UUID:
		ta_uuid_to_str(buf, value);
		return true;
	case USER_TA_PROP_TYPE_IDENTITY:
		ta_prop_identity_to_text(buf, value);
		return true;
	default:
		return false;
	}
}

char *ta_prop_to_text(enum user_ta_prop_type type, const void *value)
{
	char buf[TA_PROP_IDENTITY_TEXT_SIZE];

	/* strings and binary blocks (base64) already are text */
	if (type == USER_TA_PROP_TYPE_STRING ||
	    type == USER_TA_PROP_TYPE_BINARY_BLOCK)
		return strdup(value);
	if (!scalar_to_text(type, value, buf))
		return NULL;
	return strdup(buf);
}

bool ta_prop_text_to_bool(const char *text, bool *v)
{
	if (!strcasecmp(text, "true"))
		*v = true;
	else if (!strcasecmp(text, "false"))
		*v = false;
	else
		return false;
	return true;
}

static int digit_value(char c, unsigned int base)
{
	int d = -1;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	return d >= 0 && (unsigned int)d < base ? d : -1;
}

bool ta_prop_text_to_u64(const char *text, uint64_t max, uint64_t *v)
{
	unsigned int base = 10;
	uint64_t acc = 0;

	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
		base = 16;
		text += 2;
	}
	if (!*text)
		return false;
	for (; *text; text++) {
		int d = digit_value(*text, base);

		if (d < 0 || (uint64_t)d > max ||
		    acc > (max - (uint64_t)d) / base)
			return false;
		acc = acc * base + (uint64_t)d;
	}
	*v = acc;
	return true;
}

bool ta_prop_text_to_uuid(const char *text, TEE_UUID *v)
{
	return ta_uuid_parse(text, strlen(text), v);
}

bool ta_prop_text_to_identity(const char *text, TEE_Identity *v)
{
	const char *colon = strchr(text, ':');
	char login[16];
	uint64_t l;

	if (!colon || (size_t)(colon - text) >= sizeof(login))
		return false;
	memcpy(login, text, (size_t)(colon - text));
	login[colon - text] = '\0';
	if (!ta_prop_text_to_u64(login, UINT32_MAX, &l) ||
	    !ta_prop_text_to_uuid(colon + 1, &v->uuid))
		return false;
	v->login = (uint32_t)l;
	return true;
}
