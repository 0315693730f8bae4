// SPDX-License-Identifier: BSD-2-Clause
/*
 * Throughput: N client threads of one process, each with its own session
 * (its own TA process), invoking as fast as they can for a fixed time.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>

#include "vtee_common.h"
#include "vtee_test_ta.h"

#define RUN_SECONDS 2.0
#define MAX_THREADS 8

struct worker {
	TEEC_Context *ctx;
	atomic_bool *go;
	unsigned long calls;
	int rc;
};

static void *worker_main(void *arg)
{
	const TEEC_UUID uuid = TEST_TA_MULTI_UUID;
	struct worker *w = arg;
	TEEC_Session s;
	uint32_t origin;
	double end;

	w->rc = TEEC_OpenSession(w->ctx, &s, &uuid, TEEC_LOGIN_PUBLIC, NULL,
				 NULL, &origin) ? -EIO : 0;
	while (!w->rc && !atomic_load(w->go))
		;
	end = bench_now_us() + RUN_SECONDS * 1e6;
	while (!w->rc && bench_now_us() < end) {
		if (TEEC_InvokeCommand(&s, TEST_CMD_NOP, NULL, &origin))
			w->rc = -EIO;
		w->calls++;
	}
	if (w->rc != -EIO || w->calls)
		TEEC_CloseSession(&s);
	return NULL;
}

static int throughput(struct bench_result *r, unsigned int n)
{
	struct worker w[MAX_THREADS];
	pthread_t th[MAX_THREADS];
	atomic_bool go = false;
	TEEC_Context ctx;
	unsigned long calls = 0;
	int rc = 0;

	if (TEEC_InitializeContext(NULL, &ctx))
		return -ENODEV;
	for (unsigned int i = 0; i < n; i++) {
		w[i] = (struct worker){ .ctx = &ctx, .go = &go };
		pthread_create(&th[i], NULL, worker_main, &w[i]);
	}
	atomic_store(&go, true);
	for (unsigned int i = 0; i < n; i++) {
		pthread_join(th[i], NULL);
		calls += w[i].calls;
		rc = rc ? rc : w[i].rc;
	}
	TEEC_FinalizeContext(&ctx);
	if (rc)
		return rc;
	bench_result_add(r, "threads", n);
	bench_result_add(r, "invokes_per_s", (double)calls / RUN_SECONDS);
	return 0;
}

int bench_throughput_1(const struct bench_opts *o, struct bench_result *r)
{
	(void)o;
	return throughput(r, 1);
}

int bench_throughput_2(const struct bench_opts *o, struct bench_result *r)
{
	(void)o;
	return throughput(r, 2);
}

int bench_throughput_8(const struct bench_opts *o, struct bench_result *r)
{
	(void)o;
	return throughput(r, 8);
}
