/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hardware unique key: 32 random bytes that stand for the key a SoC
 * burns into its fuses.  It is made on first start in the secure world's
 * own directory (mode 0600) and never leaves the secure world: storage
 * keys are derived from it (storage_keys.h) and it is wiped on shutdown.
 */
#ifndef VTEE_SECURE_HUK_H
#define VTEE_SECURE_HUK_H

#include <stdint.h>

#define HUK_SIZE 32

/* Reads <dir>/huk, or makes it (atomically) if there is none.  0, or
 * -errno (a huk file of the wrong size is -EINVAL: never replaced, since
 * a new key would make every stored object unreadable). */
int huk_load(const char *dir, uint8_t huk[HUK_SIZE]);

#endif /* VTEE_SECURE_HUK_H */
