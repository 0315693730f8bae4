// SPDX-License-Identifier: BSD-2-Clause
#include "mem_regions.h"

#include <string.h>

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Parses lower-case hex at *pos up to a non-hex character. */
static bool parse_hex(const char *s, size_t len, size_t *pos, uintptr_t *v)
{
	size_t start = *pos;

	*v = 0;
	while (*pos < len && hex_value(s[*pos]) >= 0) {
		if (*v >> (sizeof(*v) * 8 - 4))
			return false;
		*v = *v << 4 | (uintptr_t)hex_value(s[*pos]);
		(*pos)++;
	}
	return *pos > start;
}

bool ta_region_parse(const char *line, size_t len, struct ta_region *r)
{
	size_t pos = 0;

	if (!parse_hex(line, len, &pos, &r->start) || pos >= len ||
	    line[pos++] != '-' || !parse_hex(line, len, &pos, &r->end) ||
	    len - pos < 3 || line[pos] != ' ' || r->end < r->start)
		return false;
	r->read = line[pos + 1] == 'r';
	r->write = line[pos + 2] == 'w';
	return true;
}

static bool permits(const struct ta_region *r, bool want_read,
		    bool want_write)
{
	return (!want_read || r->read) && (!want_write || r->write);
}

bool ta_regions_allow(const char *maps, size_t len, uintptr_t start,
		      uintptr_t end, bool want_read, bool want_write)
{
	uintptr_t covered = start;	/* [start, covered) checked so far */
	size_t pos = 0;

	while (pos < len && covered < end) {
		const char *nl = memchr(maps + pos, '\n', len - pos);
		size_t line_len = nl ? (size_t)(nl - maps) - pos : len - pos;
		struct ta_region r;

		if (!ta_region_parse(maps + pos, line_len, &r))
			return false;
		pos += line_len + 1;
		if (r.end <= covered)
			continue;
		if (r.start > covered || !permits(&r, want_read, want_write))
			return false;
		covered = r.end;
	}
	return covered >= end;
}
