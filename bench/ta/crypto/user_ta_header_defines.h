/* SPDX-License-Identifier: BSD-2-Clause */
/* The crypto benchmark TA (bench_crypto_ta.c). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <bench_crypto_ta.h>

#define TA_UUID		BENCH_CRYPTO_TA_UUID
/* one instance per session: the prepared operation is the instance's */
#define TA_FLAGS	0
#define TA_STACK_SIZE	(32 * 1024)
/* a 1 MiB message and its ciphertext */
#define TA_DATA_SIZE	(4 * 1024 * 1024)
#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"vtee crypto benchmark TA"

#endif /* USER_TA_HEADER_DEFINES_H */
