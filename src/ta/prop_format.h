/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Property values in text form.  Every property, whatever its type, can be
 * read as a string (GP 4.4); the other getters convert that string:
 *
 *   bool	"true" / "false" (any case)
 *   u32, u64	decimal, or hexadecimal with a 0x / 0X prefix
 *   UUID	"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
 *   identity	"<login>:<uuid>", login as a u32 above
 *   binary	base64
 */
#ifndef VTEE_TA_PROP_FORMAT_H
#define VTEE_TA_PROP_FORMAT_H

#include <stdbool.h>
#include <stdint.h>
#include <tee_api_types.h>
#include <user_ta_header.h>

/* Room for the text of an identity, NUL included */
#define TA_PROP_IDENTITY_TEXT_SIZE	48

/* The text of a ta_props[] value (typed as user_ta_header.h says);
 * malloc'd, NULL for an unknown type or when memory runs out. */
char *ta_prop_to_text(enum user_ta_prop_type type, const void *value);
void ta_prop_identity_to_text(char text[TA_PROP_IDENTITY_TEXT_SIZE],
			      const TEE_Identity *id);

bool ta_prop_text_to_bool(const char *text, bool *v);
/* Fails above max */
bool ta_prop_text_to_u64(const char *text, uint64_t max, uint64_t *v);
bool ta_prop_text_to_uuid(const char *text, TEE_UUID *v);
bool ta_prop_text_to_identity(const char *text, TEE_Identity *v);

#endif /* VTEE_TA_PROP_FORMAT_H */
