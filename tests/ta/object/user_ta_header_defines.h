/* SPDX-License-Identifier: BSD-2-Clause */
/* The object test TA (object_ta.c, include/vtee_object_ta.h). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <vtee_object_ta.h>

#ifdef OBJECT_TA_GP11
#define TA_UUID		OBJECT_TA_GP11_UUID
#else
#define TA_UUID		OBJECT_TA_UUID
#endif
/* an instance per session: a panic test kills only its own session */
#define TA_FLAGS	0
#define TA_STACK_SIZE	(8 * 1024)
#define TA_DATA_SIZE	(64 * 1024)
#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"vtee object test TA"

#endif /* USER_TA_HEADER_DEFINES_H */
