// SPDX-License-Identifier: BSD-2-Clause
/*
 * The client side of the two-build test TAs' tests (ta_client.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ta_client.h"

int ta_client_start(struct ta_client *c,
		    const TEEC_UUID uuids[TA_CLIENT_BUILDS])
{
	c->uuids = uuids;
	if (machine_start(&c->machine, NULL) ||
	    TEEC_InitializeContext(NULL, &c->ctx) != TEEC_SUCCESS)
		return -1;
	for (int v = 0; v < TA_CLIENT_BUILDS; v++)
		if (TEEC_OpenSession(&c->ctx, &c->ses[v], &uuids[v],
				     TEEC_LOGIN_PUBLIC, NULL, NULL,
				     NULL) != TEEC_SUCCESS)
			return -1;
	return 0;
}

int ta_client_stop(struct ta_client *c)
{
	for (int v = 0; v < TA_CLIENT_BUILDS; v++)
		TEEC_CloseSession(&c->ses[v]);
	TEEC_FinalizeContext(&c->ctx);
	return machine_stop(&c->machine) == 0 ? 0 : -1;
}

TEEC_Result ta_client_invoke_victim(struct ta_client *c, int v, uint32_t cmd,
				    uint32_t which, uint32_t *origin)
{
	TEEC_Operation op = { .paramTypes = TEEC_PARAM_TYPES(
			TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE) };
	TEEC_Session victim;
	TEEC_Result res;

	assert_int_equal(TEEC_OpenSession(&c->ctx, &victim, &c->uuids[v],
					  TEEC_LOGIN_PUBLIC, NULL, NULL, NULL),
			 TEEC_SUCCESS);
	op.params[0].value.a = which;
	res = TEEC_InvokeCommand(&victim, cmd, &op, origin);
	TEEC_CloseSession(&victim);
	return res;
}
