// SPDX-License-Identifier: BSD-2-Clause
#include "vtee_common.h"

#include <errno.h>

#include "vtee_test_ta.h"

int bench_session_open(TEEC_Context *ctx, TEEC_Session *s)
{
	const TEEC_UUID uuid = TEST_TA_MULTI_UUID;
	uint32_t origin;

	if (TEEC_InitializeContext(NULL, ctx))
		return -ENODEV;
	if (TEEC_OpenSession(ctx, s, &uuid, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin)) {
		TEEC_FinalizeContext(ctx);
		return -EIO;
	}
	return 0;
}

void bench_session_close(TEEC_Context *ctx, TEEC_Session *s)
{
	TEEC_CloseSession(s);
	TEEC_FinalizeContext(ctx);
}

unsigned int bench_warmup(const struct bench_opts *o)
{
	return o->iterations / 10 < 1000 ? o->iterations / 10 : 1000;
}
