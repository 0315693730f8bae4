/* SPDX-License-Identifier: BSD-2-Clause */
/* The hostile test TA (hostile_ta.c, include/vtee_hostile_ta.h). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <vtee_hostile_ta.h>

#define TA_UUID		HOSTILE_TA_UUID
/* an instance per session: a protocol violation kills only its own */
#define TA_FLAGS	0
#define TA_STACK_SIZE	(8 * 1024)
#define TA_DATA_SIZE	(64 * 1024)
#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"vtee hostile test TA"

#endif /* USER_TA_HEADER_DEFINES_H */
