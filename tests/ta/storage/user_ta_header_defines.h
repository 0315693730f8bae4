/* SPDX-License-Identifier: BSD-2-Clause */
/* The storage test TAs (storage_ta.c, include/vtee_storage_ta.h). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <vtee_storage_ta.h>

#ifdef STORAGE_TA_SECOND
#define TA_UUID		STORAGE_TA2_UUID
#else
#define TA_UUID		STORAGE_TA_UUID
#endif
/* an instance per session: two sessions share objects across instances,
 * and a panic ends only its own session */
#define TA_FLAGS	0
#define TA_STACK_SIZE	(32 * 1024)
#define TA_DATA_SIZE	(4 * 1024 * 1024)
#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"vtee storage test TA"

#endif /* USER_TA_HEADER_DEFINES_H */
