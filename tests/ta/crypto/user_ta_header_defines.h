/* SPDX-License-Identifier: BSD-2-Clause */
/* The crypto test TA (crypto_ta.c, include/vtee_crypto_ta.h). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <vtee_crypto_ta.h>

#ifdef CRYPTO_TA_GP11
#define TA_UUID		CRYPTO_TA_GP11_UUID
#else
#define TA_UUID		CRYPTO_TA_UUID
#endif
/* an instance per session: a panic test kills only its own session */
#define TA_FLAGS	0
#define TA_STACK_SIZE	(16 * 1024)
#define TA_DATA_SIZE	(1024 * 1024)
#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"vtee crypto test TA"

#endif /* USER_TA_HEADER_DEFINES_H */
