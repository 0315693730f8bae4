/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Helpers shared by libteec's integration tests.  They run against the
 * vteed of the shared test fixture (VTEE_RUNTIME_DIR points at it) and
 * the test TAs of tests/ta (vtee_test_ta.h).
 */
#ifndef VTEE_TEEC_IT_H
#define VTEE_TEEC_IT_H

#include <stddef.h>
#include <stdint.h>

#include "tee_client_api.h"
#include "vtee_test_ta.h"

/* TEE_ERROR_CANCEL as a TA returns it */
#define IT_TEE_ERROR_CANCEL	0xFFFF0002u

extern const TEEC_UUID it_ta_uuid;	/* TEST_TA_UUID */
extern const TEEC_UUID it_ta_multi_uuid;	/* TEST_TA_MULTI_UUID */

/* Opens a context and a PUBLIC session to uuid; asserts success. */
void it_open(TEEC_Context *ctx, TEEC_Session *sess, const TEEC_UUID *uuid);
void it_close(TEEC_Context *ctx, TEEC_Session *sess);

/* An operation with the four parameter types and nothing else set. */
TEEC_Operation it_op(uint32_t t0, uint32_t t1, uint32_t t2, uint32_t t3);

#endif /* VTEE_TEEC_IT_H */
