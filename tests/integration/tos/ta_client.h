/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The client side of the tests of a test TA built twice, for GP v1.3
 * and for v1.1 (tests/ta: asym, crypto, object, props): a machine of the
 * test's own (its panic cases spawn and kill TA processes), a context,
 * and one long-lived session to each build.
 */
#ifndef VTEE_TOS_TA_CLIENT_H
#define VTEE_TOS_TA_CLIENT_H

#include <stdint.h>
#include <tee_client_api.h>

#include "machine.h"

/* The builds: index 0 is GP v1.3, 1 is v1.1 */
#define TA_CLIENT_BUILDS	2

struct ta_client {
	struct test_machine machine;
	TEEC_Context ctx;
	TEEC_Session ses[TA_CLIENT_BUILDS];	/* long-lived */
	const TEEC_UUID *uuids;			/* one per build */
};

/* Starts the machine, the context and a PUBLIC session to each build
 * (uuids must outlive c).  0, or -1 (cmocka's setup convention). */
int ta_client_start(struct ta_client *c,
		    const TEEC_UUID uuids[TA_CLIENT_BUILDS]);
/* Closes the sessions and the context and stops the machine.  0 or -1. */
int ta_client_stop(struct ta_client *c);

/*
 * Opens a new session to build v (failing the test if it cannot),
 * invokes cmd with params[0].value.a = which and closes the session: for
 * a case meant to kill its instance while the long-lived session's
 * instance (one of its own) lives on.  The invoke's result; its origin
 * in *origin.
 */
TEEC_Result ta_client_invoke_victim(struct ta_client *c, int v, uint32_t cmd,
				    uint32_t which, uint32_t *origin);

#endif /* VTEE_TOS_TA_CLIENT_H */
