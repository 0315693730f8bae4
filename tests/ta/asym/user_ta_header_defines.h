/* SPDX-License-Identifier: BSD-2-Clause */
/* The asymmetric test TA (asym_ta.c, include/vtee_asym_ta.h). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <vtee_asym_ta.h>

#ifdef ASYM_TA_GP11
#define TA_UUID		ASYM_TA_GP11_UUID
#else
#define TA_UUID		ASYM_TA_UUID
#endif
/* an instance per session: a panic test kills only its own session */
#define TA_FLAGS	0
#define TA_STACK_SIZE	(64 * 1024)
#define TA_DATA_SIZE	(256 * 1024)
#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"vtee asymmetric crypto test TA"

#endif /* USER_TA_HEADER_DEFINES_H */
