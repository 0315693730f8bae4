/* SPDX-License-Identifier: BSD-2-Clause */
/* State of the entry point being run, for the API functions. */
#ifndef VTEE_TA_ENTRY_H
#define VTEE_TA_ENTRY_H

#include <stdbool.h>
#include <tee_api_types.h>

#include "ta_runtime.h"

/* Whether an entry point runs (only then does the OS take syscalls) */
bool ta_rt_in_entry(void);
/* The client of the running session entry point, else NULL */
const TEE_Identity *ta_rt_current_client(void);
const struct ta_rt_image *ta_rt_image(void);

#endif /* VTEE_TA_ENTRY_H */
