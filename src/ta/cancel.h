/* SPDX-License-Identifier: BSD-2-Clause */
/* Cancellation mask, mirrored from the trusted OS. */
#ifndef VTEE_TA_CANCEL_H
#define VTEE_TA_CANCEL_H

/* Every entry point starts with cancellation masked (GP 4.10); the OS
 * resets its own copy of the mask at the same moment. */
void ta_cancel_reset(void);

#endif /* VTEE_TA_CANCEL_H */
