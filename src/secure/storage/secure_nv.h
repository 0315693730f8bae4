/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Secure non-volatile counters: the root that makes rollback evident.
 * They stand for the replay-protected memory a SoC keeps for its secure
 * world (on-chip NV, fuses, a TPM index) and live in the secure world's
 * own directory, next to the hardware unique key, where the normal
 * world's supplicant never reaches.  One counter per storage volume:
 * the volume's directory may never be older than it.
 */
#ifndef VTEE_SECURE_NV_H
#define VTEE_SECURE_NV_H

#include <stdint.h>

/* The counter of volume `name` under <dir>/nv (0 if it was never set).
 * 0 or -errno; -EBADMSG if the record is damaged. */
int secure_nv_read(const char *dir, const char *name, uint64_t *value);
/* Sets it durably (written in place and synced before returning). */
int secure_nv_write(const char *dir, const char *name, uint64_t value);

#endif /* VTEE_SECURE_NV_H */
