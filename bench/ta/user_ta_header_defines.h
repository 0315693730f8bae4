/* SPDX-License-Identifier: BSD-2-Clause */
/* The storage benchmark TA (bench_storage_ta.c). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <bench_storage_ta.h>

#define TA_UUID		BENCH_STORAGE_TA_UUID
#define TA_FLAGS	0
#define TA_STACK_SIZE	(32 * 1024)
/* a 1 MiB object's data, read whole */
#define TA_DATA_SIZE	(4 * 1024 * 1024)
#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"vtee storage benchmark TA"

#endif /* USER_TA_HEADER_DEFINES_H */
