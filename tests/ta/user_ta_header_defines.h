/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The four test TAs share test_ta.c and differ only in UUID and TA_FLAGS
 * (see vtee_test_ta.h); the build picks one with TEST_TA_VARIANT_*.
 */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <vtee_test_ta.h>

#if defined(TEST_TA_VARIANT_MULTI)
#define TA_UUID		TEST_TA_MULTI_UUID
#define TA_FLAGS	0
#elif defined(TEST_TA_VARIANT_SINGLE)
#define TA_UUID		TEST_TA_SINGLE_UUID
#define TA_FLAGS	TA_FLAG_SINGLE_INSTANCE
#elif defined(TEST_TA_VARIANT_KEEPALIVE)
#define TA_UUID		TEST_TA_KEEPALIVE_UUID
#define TA_FLAGS	(TA_FLAG_SINGLE_INSTANCE | TA_FLAG_MULTI_SESSION | \
			 TA_FLAG_INSTANCE_KEEP_ALIVE)
#else
#define TA_UUID		TEST_TA_UUID
#define TA_FLAGS	(TA_FLAG_SINGLE_INSTANCE | TA_FLAG_MULTI_SESSION)
#endif

#define TA_STACK_SIZE	(8 * 1024)
#define TA_DATA_SIZE	(64 * 1024)
#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"vtee test TA"

#endif /* USER_TA_HEADER_DEFINES_H */
