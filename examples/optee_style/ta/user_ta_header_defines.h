/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the dev kit's user_ta_header.c turns into this TA's header and
 * properties.
 */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <reverse_ta.h>

#define TA_UUID			TA_REVERSE_UUID

/* No state between sessions, so every session gets a fresh instance */
#define TA_FLAGS		0
#define TA_STACK_SIZE		(2 * 1024)
#define TA_DATA_SIZE		(16 * 1024)

#define TA_VERSION		"1.0"
#define TA_DESCRIPTION		TA_REVERSE_DESCRIPTION

#endif /* USER_TA_HEADER_DEFINES_H */
