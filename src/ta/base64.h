/* SPDX-License-Identifier: BSD-2-Clause */
/* Base64 (RFC 4648, standard alphabet): how binary-block properties are
 * written down. */
#ifndef VTEE_TA_BASE64_H
#define VTEE_TA_BASE64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes len characters of in.  Blanks (space, tab, CR, LF: the line
 * breaks of RFC 2045's MIME form) are skipped anywhere; any other
 * character outside the alphabet makes in not base64.  '=' padding is
 * optional but, if present, only at the end and to a multiple of four
 * characters.  Sets *out_len to the decoded size and, if out is not NULL,
 * writes the bytes there (*out_len of them).  False if in is not base64.
 */
bool ta_base64_decode(const char *in, size_t len, uint8_t *out,
		      size_t *out_len);

#endif /* VTEE_TA_BASE64_H */
