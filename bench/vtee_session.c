// SPDX-License-Identifier: BSD-2-Clause
/*
 * Opening sessions.  Warm: open and close on a keep-alive TA whose process
 * is running.  Cold: open on a TA with an instance per session, so each
 * open loads the image through the supplicant, verifies its signature,
 * starts a process from the launcher and runs its create entry point.
 */
#include <errno.h>
#include <stdlib.h>

#include "vtee_common.h"
#include "vtee_test_ta.h"

static int time_opens(const struct bench_opts *o, struct bench_result *r,
		      const TEEC_UUID *uuid, unsigned int n)
{
	double *samples = malloc(n * sizeof(*samples));
	TEEC_Context ctx;
	TEEC_Session keep, s;
	uint32_t origin;
	int rc = 0;

	(void)o;
	if (!samples || TEEC_InitializeContext(NULL, &ctx)) {
		free(samples);
		return -ENODEV;
	}
	/* a keep-alive TA is started once, untimed */
	if (TEEC_OpenSession(&ctx, &keep, uuid, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin))
		rc = -EIO;
	else
		TEEC_CloseSession(&keep);
	for (unsigned int i = 0; i < n && !rc; i++) {
		double t0 = bench_now_us(), t1;

		if (TEEC_OpenSession(&ctx, &s, uuid, TEEC_LOGIN_PUBLIC, NULL,
				     NULL, &origin)) {
			rc = -EIO;
			break;
		}
		t1 = bench_now_us();
		TEEC_CloseSession(&s);
		samples[i] = t1 - t0;
	}
	if (!rc)
		bench_result_latency(r, samples, n);
	TEEC_FinalizeContext(&ctx);
	free(samples);
	return rc;
}

int bench_open_warm(const struct bench_opts *o, struct bench_result *r)
{
	const TEEC_UUID uuid = TEST_TA_KEEPALIVE_UUID;

	return time_opens(o, r, &uuid, o->iterations / 10 + 1);
}

int bench_open_cold(const struct bench_opts *o, struct bench_result *r)
{
	const TEEC_UUID uuid = TEST_TA_MULTI_UUID;

	return time_opens(o, r, &uuid, 200);
}
