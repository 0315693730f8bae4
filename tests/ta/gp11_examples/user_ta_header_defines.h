/* SPDX-License-Identifier: BSD-2-Clause */
/* The GP v1.1 examples TA (gp11_examples_ta.c,
 * include/vtee_gp11_examples_ta.h). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <vtee_gp11_examples_ta.h>

#ifdef GP11_EXAMPLES_OPTEE
#define TA_UUID		GP11_EXAMPLES_TA_OPTEE_UUID
#else
#define TA_UUID		GP11_EXAMPLES_TA_UUID
#endif
#define TA_FLAGS	0
#define TA_STACK_SIZE	(16 * 1024)
#define TA_DATA_SIZE	(64 * 1024)
#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"GP v1.1 sources, OP-TEE examples style"

#endif /* USER_TA_HEADER_DEFINES_H */
