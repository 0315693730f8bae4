/* SPDX-License-Identifier: BSD-2-Clause */
/* The arithmetic test TA (arith_ta.c, include/vtee_arith_ta.h). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <vtee_arith_ta.h>

#define TA_UUID		ARITH_TA_UUID
/* an instance per session: a panic test kills only its own session */
#define TA_FLAGS	0
/* libcrypto's 4096-bit exponentiation keeps its tables on the heap, but
 * its multiplication recurses: room to spare */
#define TA_STACK_SIZE	(32 * 1024)
#define TA_DATA_SIZE	(256 * 1024)
#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"vtee arithmetic test TA"

#endif /* USER_TA_HEADER_DEFINES_H */
