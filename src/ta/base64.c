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

/* Length without padding, or SIZE_MAX if the padding is misplaced. */
static size_t unpadded_len(const char *in, size_t len)
{
	size_t n = len;

	while (n && len - n < 2 && in[n - 1] == '=')
		n--;
	if (n != len && len % 4)
		return SIZE_MAX;
	return n;
}

bool ta_base64_decode(const char *in, size_t len, uint8_t *out,
		      size_t *out_len)
{
	size_t n = unpadded_len(in, len), o = 0;
	uint32_t acc = 0;

	if (n == SIZE_MAX || n % 4 == 1)
		return false;
	for (size_t i = 0; i < n; i++) {
		int v = sextet(in[i]);

		if (v < 0)
			return false;
		acc = acc << 6 | (uint32_t)v;
		if (i % 4 == 0)
			continue;
		/* each character after the first of a quad completes a byte */
		if (out)
			out[o] = (uint8_t)(acc >> (2 * (3 - i % 4)));
		o++;
	}
	*out_len = o;
	return true;
}
