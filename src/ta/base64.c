// SPDX-License-Identifier: BSD-2-Clause
#include "base64.h"

static int sextet(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* The line breaks and blanks a MIME encoder (RFC 2045, 6.8) puts in */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * First pass: the number of data characters, or SIZE_MAX if in is not
 * base64.  Padding, if any, is one or two '=' after the last data
 * character and makes the count a multiple of four.
 */
static size_t count_data(const char *in, size_t len)
{
	size_t data = 0, pad = 0;

	for (size_t i = 0; i < len; i++) {
		if (is_blank(in[i]))
			continue;
		if (in[i] == '=')
			pad++;
		else if (pad || sextet(in[i]) < 0)
			return SIZE_MAX;	/* not base64, or after '=' */
		else
			data++;
	}
	if (data % 4 == 1 || pad > 2 || (pad && (data + pad) % 4))
		return SIZE_MAX;
	return data;
}

bool ta_base64_decode(const char *in, size_t len, uint8_t *out,
		      size_t *out_len)
{
	size_t data = count_data(in, len), o = 0, n = 0;
	uint32_t acc = 0;

	if (data == SIZE_MAX)
		return false;
	for (size_t i = 0; i < len && n < data; i++) {
		int v = sextet(in[i]);

		if (v < 0)
			continue;	/* a blank: count_data() vetted it */
		acc = acc << 6 | (uint32_t)v;
		/* each data character after the first of a quad ends a byte */
		if (n++ % 4 == 0)
			continue;
		if (out)
			out[o] = (uint8_t)(acc >> (2 * (3 - (n - 1) % 4)));
		o++;
	}
	*out_len = o;
	return true;
}
