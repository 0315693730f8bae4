// SPDX-License-Identifier: BSD-2-Clause
#include "seed_file.h"

#include <stdio.h>

int seed_file_write(const char *dir, const char *name, const void *bytes,
		    size_t len)
{
	char path[4096];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f) {
		perror(path);
		return -1;
	}
	ok = fwrite(bytes, 1, len, f) == len;
	if (fclose(f) || !ok) {
		perror(path);
		return -1;
	}
	return 0;
}
