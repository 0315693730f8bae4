/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the dev kit's user_ta_header.c turns into this TA's header and
 * properties.
 */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rsa_sign_ta.h>

#define TA_UUID				TA_RSA_SIGN_UUID

/* One instance per session, one session per instance */
#define TA_FLAGS			TA_FLAG_EXEC_DDR
#define TA_STACK_SIZE			(2 * 1024)
#define TA_DATA_SIZE			(32 * 1024)

#define TA_VERSION	"1.0"
#define TA_DESCRIPTION	"Example of RSA signatures by a TA's own key"

#endif /* USER_TA_HEADER_DEFINES_H */
