/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Property values in text form.  Every property, whatever its type, can be
 * read as a string (GP 4.4); the other getters convert that string, and a
 * string that is not of the form asked for is TEE_ERROR_BAD_FORMAT:
 *
 *   bool	"true" / "false" (any case; written in lower case)
 *   u32, u64	GP's integers: decimal with an optional K or M multiplier,
 *		0x hexadecimal, 0b binary, '_' between digits (written in
 *		decimal)
 *   UUID	"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", hex digits in any case
 *   identity	"<login>[:<uuid>]", login an integer as above; without a
 *		UUID, the nil UUID
 *   binary	base64 (base64.h)
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
/* Fails above max, or if text is not one of GP's integer forms */
bool ta_prop_text_to_u64(const char *text, uint64_t max, uint64_t *v);
bool ta_prop_text_to_uuid(const char *text, TEE_UUID *v);
bool ta_prop_text_to_identity(const char *text, TEE_Identity *v);

#endif /* VTEE_TA_PROP_FORMAT_H */
