// SPDX-License-Identifier: BSD-2-Clause
#include "teec_it.h"

#include <setjmp.h>
#include <stdarg.h>
#include <string.h>

#include <cmocka.h>

const TEEC_UUID it_ta_uuid = TEST_TA_UUID;
const TEEC_UUID it_ta_multi_uuid = TEST_TA_MULTI_UUID;

void it_open(TEEC_Context *ctx, TEEC_Session *sess, const TEEC_UUID *uuid)
{
	uint32_t origin = 0;

	assert_int_equal(TEEC_InitializeContext(NULL, ctx), TEEC_SUCCESS);
	assert_int_equal(TEEC_OpenSession(ctx, sess, uuid, TEEC_LOGIN_PUBLIC,
					  NULL, NULL, &origin), TEEC_SUCCESS);
	assert_int_equal(origin, TEEC_ORIGIN_TRUSTED_APP);
}

void it_close(TEEC_Context *ctx, TEEC_Session *sess)
{
	TEEC_CloseSession(sess);
	TEEC_FinalizeContext(ctx);
}

TEEC_Operation it_op(uint32_t t0, uint32_t t1, uint32_t t2, uint32_t t3)
{
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(t0, t1, t2, t3);
	return op;
}
