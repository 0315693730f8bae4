/* SPDX-License-Identifier: BSD-2-Clause */
/* What every seed generator shares: writing one seed file. */
#ifndef VTEE_FUZZ_SEED_FILE_H
#define VTEE_FUZZ_SEED_FILE_H

#include <stddef.h>

/* Writes len bytes to <dir>/<name>.  0, or -1 (and a message). */
int seed_file_write(const char *dir, const char *name, const void *bytes,
		    size_t len);

#endif /* VTEE_FUZZ_SEED_FILE_H */
