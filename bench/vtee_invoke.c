// SPDX-License-Identifier: BSD-2-Clause
/*
 * Invoke latency, client -> TA -> client: with no parameters, and with an
 * INOUT memref of 4 KiB, 64 KiB or 1 MiB, from allocated shared memory
 * (zero-copy end to end) or as a temporary memref (libteec copies it in
 * and out of shared memory).  The TA is the test TA's NOP: it gets the
 * memref mapped and does not touch it, so this is the cost of carrying it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vtee_common.h"
#include "vtee_test_ta.h"

enum memref_kind { NO_MEMREF, ALLOCATED, TEMPORARY };

static int time_invokes(const struct bench_opts *o, struct bench_result *r,
			TEEC_Session *s, TEEC_Operation *op)
{
	unsigned int warm = bench_warmup(o), n = o->iterations;
	double *samples = malloc(n * sizeof(*samples));
	uint32_t origin;

	if (!samples)
		return -ENOMEM;
	for (unsigned int i = 0; i < warm + n; i++) {
		double t0 = bench_now_us();

		if (TEEC_InvokeCommand(s, TEST_CMD_NOP, op, &origin)) {
			free(samples);
			return -EIO;
		}
		if (i >= warm)
			samples[i - warm] = bench_now_us() - t0;
	}
	bench_result_latency(r, samples, n);
	free(samples);
	return 0;
}

static int invoke_case(const struct bench_opts *o, struct bench_result *r,
		       enum memref_kind kind, size_t size)
{
	TEEC_SharedMemory shm = { .size = size,
				  .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT };
	TEEC_Operation op = { 0 };
	TEEC_Context ctx;
	TEEC_Session s;
	void *buf = NULL;
	int rc = bench_session_open(&ctx, &s);

	if (rc)
		return rc;
	if (kind == ALLOCATED && TEEC_AllocateSharedMemory(&ctx, &shm)) {
		rc = -ENOMEM;
	} else if (kind == ALLOCATED) {
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, TEEC_NONE,
						 TEEC_NONE, TEEC_NONE);
		op.params[0].memref.parent = &shm;
	} else if (kind == TEMPORARY && !(buf = calloc(1, size))) {
		rc = -ENOMEM;
	} else if (kind == TEMPORARY) {
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT,
						 TEEC_NONE, TEEC_NONE,
						 TEEC_NONE);
		op.params[0].tmpref.buffer = buf;
		op.params[0].tmpref.size = size;
	}
	if (!rc)
		rc = time_invokes(o, r, &s, &op);
	if (kind == ALLOCATED && shm.buffer)
		TEEC_ReleaseSharedMemory(&shm);
	free(buf);
	bench_session_close(&ctx, &s);
	if (!rc && kind != NO_MEMREF)
		bench_result_add(r, "bytes", (double)size);
	return rc;
}

int bench_null_invoke(const struct bench_opts *o, struct bench_result *r)
{
	return invoke_case(o, r, NO_MEMREF, 0);
}

int bench_shm_4k(const struct bench_opts *o, struct bench_result *r)
{
	return invoke_case(o, r, ALLOCATED, 4096);
}

int bench_shm_1m(const struct bench_opts *o, struct bench_result *r)
{
	return invoke_case(o, r, ALLOCATED, 1 << 20);
}

int bench_temp_4k(const struct bench_opts *o, struct bench_result *r)
{
	return invoke_case(o, r, TEMPORARY, 4096);
}

int bench_temp_64k(const struct bench_opts *o, struct bench_result *r)
{
	return invoke_case(o, r, TEMPORARY, 64 << 10);
}

int bench_temp_1m(const struct bench_opts *o, struct bench_result *r)
{
	return invoke_case(o, r, TEMPORARY, 1 << 20);
}
