/* SPDX-License-Identifier: BSD-2-Clause */
/* The probe TA's header and properties, found through -I. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <probe_ta.h>

#define TA_UUID		PROBE_UUID
#define TA_FLAGS	0
#define TA_STACK_SIZE	(2 * 1024)
#define TA_DATA_SIZE	(8 * 1024)

#endif /* USER_TA_HEADER_DEFINES_H */
