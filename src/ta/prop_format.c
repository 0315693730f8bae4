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

/* acc * m + d, false past max */
static bool mul_add(uint64_t *acc, uint64_t m, uint64_t d, uint64_t max)
{
	if (*acc > (max - d) / m)
		return false;
	*acc = *acc * m + d;
	return true;
}

/*
 * GP's integer forms (TEE Internal Core API, 4.4):
 *   decimal	[0-9_]+ with an optional K (x 1024) or M (x 1024 * 1024)
 *   hex	0x or 0X, then [0-9a-fA-F_]+
 *   binary	0b or 0B, then [01_]+
 * '_' only separates digits (at least one digit); there is no octal form,
 * so "017" is seventeen.
 */
bool ta_prop_text_to_u64(const char *text, uint64_t max, uint64_t *v)
{
	unsigned int base = 10;
	uint64_t acc = 0, scale = 1;
	size_t len = strlen(text);
	bool digits = false;

	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
		base = 16;
	else if (text[0] == '0' && (text[1] == 'b' || text[1] == 'B'))
		base = 2;
	if (base != 10) {
		text += 2;
		len -= 2;
	} else if (len && (text[len - 1] == 'K' || text[len - 1] == 'M')) {
		scale = text[len - 1] == 'K' ? 1024 : 1024 * 1024;
		len--;
	}
	for (size_t i = 0; i < len; i++) {
		int d = text[i] == '_' ? 0 : digit_value(text[i], base);

		if (d < 0)
			return false;
		if (text[i] == '_')
			continue;
		if (!mul_add(&acc, base, (uint64_t)d, max))
			return false;
		digits = true;
	}
	if (!digits || !mul_add(&acc, scale, 0, max))
		return false;
	*v = acc;
	return true;
}

bool ta_prop_text_to_uuid(const char *text, TEE_UUID *v)
{
	return ta_uuid_parse(text, strlen(text), v);
}

/* GP: integer (':' uuid)?  -- a login alone has the nil UUID */
bool ta_prop_text_to_identity(const char *text, TEE_Identity *v)
{
	const char *colon = strchr(text, ':');
	TEE_Identity id = { 0 };
	char login[TA_PROP_IDENTITY_TEXT_SIZE];
	size_t login_len = colon ? (size_t)(colon - text) : strlen(text);
	uint64_t l;

	if (login_len >= sizeof(login))
		return false;
	memcpy(login, text, login_len);
	login[login_len] = '\0';
	if (!ta_prop_text_to_u64(login, UINT32_MAX, &l) ||
	    (colon && !ta_prop_text_to_uuid(colon + 1, &id.uuid)))
		return false;
	id.login = (uint32_t)l;
	*v = id;
	return true;
}
