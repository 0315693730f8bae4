/* SPDX-License-Identifier: BSD-2-Clause */
/* Small helpers shared by the trusted-OS integration tests. */
#ifndef VTEE_TOS_TEST_H
#define VTEE_TOS_TEST_H

#include <stdint.h>
#include <tee_client_api.h>

#include "vtee_test_ta.h"

static const TEEC_UUID test_ta = TEST_TA_UUID;
static const TEEC_UUID test_ta_multi = TEST_TA_MULTI_UUID;
static const TEEC_UUID test_ta_single = TEST_TA_SINGLE_UUID;
static const TEEC_UUID test_ta_keepalive = TEST_TA_KEEPALIVE_UUID;

/* Opens a PUBLIC session; returns the result, origin in *origin. */
static inline TEEC_Result open_public(TEEC_Context *ctx, TEEC_Session *s,
				      const TEEC_UUID *uuid, uint32_t *origin)
{
	return TEEC_OpenSession(ctx, s, uuid, TEEC_LOGIN_PUBLIC, NULL, NULL,
				origin);
}

/* TEST_CMD_INSTANCE_COUNTER: the counter and the TA's pid. */
static inline TEEC_Result counter(TEEC_Session *s, uint32_t *count,
				  uint32_t *pid, uint32_t *origin)
{
	TEEC_Operation op = { 0 };
	TEEC_Result res;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(s, TEST_CMD_INSTANCE_COUNTER, &op, origin);
	*count = op.params[0].value.a;
	*pid = op.params[0].value.b;
	return res;
}

static inline TEEC_Result nop(TEEC_Session *s, uint32_t *origin)
{
	return TEEC_InvokeCommand(s, TEST_CMD_NOP, NULL, origin);
}

#endif /* VTEE_TOS_TEST_H */
