/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Waiting for a 32-bit word to change, across threads or processes (the
 * word may live in a shared memfd).  Spins briefly first: a hand-off to a
 * process that answers within microseconds should not pay for a sleep.
 */
#ifndef VTEE_FUTEX_H
#define VTEE_FUTEX_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Waits until *word != seen or timeout_ms passes (-1: forever).  Returns
 * the new value, or `seen` on timeout.  `shared`: the word is in memory
 * another process maps.
 */
uint32_t futex_wait_change(uint32_t *word, uint32_t seen, int timeout_ms,
			   bool shared);
/* Adds 1 to *word (release) and wakes its waiters. */
void futex_bump_wake(uint32_t *word, bool shared);
/* Wakes every waiter of *word (after the caller changed it). */
void futex_wake_all(uint32_t *word, bool shared);

#endif /* VTEE_FUTEX_H */
