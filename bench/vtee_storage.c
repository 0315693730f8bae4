// SPDX-License-Identifier: BSD-2-Clause
/*
 * Trusted storage, inside a TA (the storage benchmark TA of
 * ta/include/bench_storage_ta.h), each case next to its floor measured
 * in the same run on the file system of vteed's state dir
 * (storage_floor.c):
 *  - create_1k: create + write + close of a 1 KiB object (GP's
 *    create-then-write, two updates), against open(O_CREAT) + write +
 *    fsync + close of a 1 KiB file;
 *  - create_init_1k: the same object created with its data as initial
 *    data (one update), against the same floor;
 *  - read_1k, read_1m: open + read all + close of a 1 KiB and a 1 MiB
 *    object, against open + pread + close of a file of that size (in
 *    the page cache: the floor of a read is memory, not the disk);
 *  - small_writes: 1,000 writes of 16 bytes at the end of one open
 *    object, against pwrite + fsync of 16 bytes on one open file.
 * The client times each batch (one invoke: its cost is noise next to a
 * batch's); vtee and floor batches alternate, ROUNDS each, and each side
 * reports its median round.  over_floor is vtee's time per operation
 * over the floor's: the goal is at most 3 on small writes.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tee_client_api.h>

#include "bench.h"
#include "bench_storage_ta.h"
#include "storage_floor.h"
#include "vtee/paths.h"

#define ROUNDS 3
#define CREATES 100		/* objects per create round */
#define READS_1K 1000
#define READS_1M 50
#define SMALL_WRITES 1000
#define SMALL_WRITE_BYTES 16

/* The objects' indices (bench_storage_ta.h): one range per case. */
#define IDX_CREATE 0
#define IDX_READ 0x10000
#define IDX_APPEND 0x20000

struct storage_bench {
	TEEC_Context ctx;
	TEEC_Session s;
	char floor_dir[PATH_MAX];
};

static int bench_open(const struct bench_opts *o, struct storage_bench *b)
{
	const TEEC_UUID uuid = BENCH_STORAGE_TA_UUID;
	char state[PATH_MAX];
	uint32_t origin;
	int rc;

	if (o->state_dir)
		rc = snprintf(state, sizeof(state), "%s", o->state_dir) <
			     (int)sizeof(state) ? 0 : -ENAMETOOLONG;
	else
		rc = vtee_default_state_dir(state, sizeof(state));
	if (!rc)
		rc = floor_dir_make(state, b->floor_dir, sizeof(b->floor_dir));
	if (rc) {
		fprintf(stderr, "vtee-bench: no floor directory in %s: %s "
			"(vteed's state dir: --state-dir)\n", state,
			strerror(-rc));
		return rc;
	}
	if (TEEC_InitializeContext(NULL, &b->ctx)) {
		floor_dir_remove(b->floor_dir);
		return -ENODEV;
	}
	if (TEEC_OpenSession(&b->ctx, &b->s, &uuid, TEEC_LOGIN_PUBLIC, NULL,
			     NULL, &origin)) {
		TEEC_FinalizeContext(&b->ctx);
		floor_dir_remove(b->floor_dir);
		return -EIO;
	}
	return 0;
}

static void bench_close(struct storage_bench *b)
{
	TEEC_CloseSession(&b->s);
	TEEC_FinalizeContext(&b->ctx);
	floor_dir_remove(b->floor_dir);
}

/* One command; its time in *us if us is not NULL.  0 or -EIO. */
static int ta_call(struct storage_bench *b, uint32_t cmd, TEEC_Operation *op,
		   double *us)
{
	double t0 = bench_now_us();
	uint32_t origin;
	TEEC_Result res = TEEC_InvokeCommand(&b->s, cmd, op, &origin);

	if (us)
		*us = bench_now_us() - t0;
	if (res)
		fprintf(stderr, "vtee-bench: storage command %u: 0x%08x\n",
			cmd, res);
	return res ? -EIO : 0;
}

static int ta_create(struct storage_bench *b, uint32_t first, uint32_t count,
		     void *data, size_t size, uint32_t how, double *us)
{
	TEEC_Operation op = { 0 };

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
					 TEEC_MEMREF_TEMP_INPUT,
					 TEEC_VALUE_INPUT, TEEC_NONE);
	op.params[0].value.a = first;
	op.params[0].value.b = count;
	op.params[1].tmpref.buffer = data;
	op.params[1].tmpref.size = size;
	op.params[2].value.a = how;
	return ta_call(b, BENCH_STORAGE_CMD_CREATE, &op, us);
}

static int ta_read(struct storage_bench *b, uint32_t index, uint32_t count,
		   size_t size, double *us)
{
	TEEC_Operation op = { 0 };
	int rc;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = index;
	op.params[0].value.b = count;
	rc = ta_call(b, BENCH_STORAGE_CMD_READ, &op, us);
	return !rc && op.params[1].value.a != size ? -EIO : rc;
}

static int ta_append(struct storage_bench *b, uint32_t index, uint32_t count,
		     size_t size, double *us)
{
	TEEC_Operation op = { 0 };

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = index;
	op.params[0].value.b = count;
	op.params[1].value.a = (uint32_t)size;
	return ta_call(b, BENCH_STORAGE_CMD_APPEND, &op, us);
}

static int ta_delete(struct storage_bench *b, uint32_t first, uint32_t count)
{
	TEEC_Operation op = { 0 };

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = first;
	op.params[0].value.b = count;
	return ta_call(b, BENCH_STORAGE_CMD_DELETE, &op, NULL);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), by_value);
	return v[n / 2];
}

/* The result fields every case has, MB/s too for the reads. */
static void put_rates(struct bench_result *r, unsigned int ops, size_t bytes,
		      bool mb, double *vtee_us, double *floor_us)
{
	double t = median(vtee_us, ROUNDS) / 1e6;
	double f = median(floor_us, ROUNDS) / 1e6;

	bench_result_add(r, "rounds", ROUNDS);
	bench_result_add(r, "ops_per_round", ops);
	bench_result_add(r, "bytes", (double)bytes);
	bench_result_add(r, "ops_per_s", ops / t);
	bench_result_add(r, "floor_ops_per_s", ops / f);
	if (mb) {
		bench_result_add(r, "mb_per_s", ops * (double)bytes / 1e6 / t);
		bench_result_add(r, "floor_mb_per_s",
				 ops * (double)bytes / 1e6 / f);
	}
	bench_result_add(r, "over_floor", t / f);
}

static int create_case(const struct bench_opts *o, struct bench_result *r,
		       uint32_t how)
{
	double vtee_us[ROUNDS], floor_us[ROUNDS];
	struct storage_bench b;
	char data[1024];
	int rc = bench_open(o, &b);

	if (rc)
		return rc;
	memset(data, 0x5a, sizeof(data));
	for (int i = 0; i < ROUNDS && !rc; i++) {
		rc = ta_create(&b, IDX_CREATE, CREATES, data, sizeof(data),
			       how, &vtee_us[i]);
		if (!rc)
			rc = ta_delete(&b, IDX_CREATE, CREATES);
		if (!rc)
			rc = floor_create(b.floor_dir, CREATES, data,
					  sizeof(data), &floor_us[i]);
	}
	ta_delete(&b, IDX_CREATE, CREATES);
	bench_close(&b);
	if (!rc)
		put_rates(r, CREATES, sizeof(data), false, vtee_us,
			  floor_us);
	return rc;
}

int bench_storage_create_1k(const struct bench_opts *o,
			    struct bench_result *r)
{
	return create_case(o, r, BENCH_STORAGE_CREATE_THEN_WRITE);
}

int bench_storage_create_init_1k(const struct bench_opts *o,
				 struct bench_result *r)
{
	return create_case(o, r, BENCH_STORAGE_CREATE_WITH_DATA);
}

static int read_case(const struct bench_opts *o, struct bench_result *r,
		     size_t size, unsigned int reads)
{
	double vtee_us[ROUNDS], floor_us[ROUNDS];
	struct storage_bench b;
	void *data = calloc(1, size);
	int rc = data ? bench_open(o, &b) : -ENOMEM;

	if (rc) {
		free(data);
		return rc;
	}
	rc = ta_create(&b, IDX_READ, 1, data, size,
		       BENCH_STORAGE_CREATE_WITH_DATA, NULL);
	/* untimed: the TA's read buffer grows, the file reaches the cache */
	if (!rc)
		rc = ta_read(&b, IDX_READ, 1, size, NULL);
	for (int i = 0; i < ROUNDS && !rc; i++) {
		rc = ta_read(&b, IDX_READ, reads, size, &vtee_us[i]);
		if (!rc)
			rc = floor_read(b.floor_dir, reads, size,
					&floor_us[i]);
	}
	ta_delete(&b, IDX_READ, 1);
	bench_close(&b);
	free(data);
	if (!rc)
		put_rates(r, reads, size, true, vtee_us, floor_us);
	return rc;
}

int bench_storage_read_1k(const struct bench_opts *o, struct bench_result *r)
{
	return read_case(o, r, 1024, READS_1K);
}

int bench_storage_read_1m(const struct bench_opts *o, struct bench_result *r)
{
	return read_case(o, r, 1 << 20, READS_1M);
}

int bench_storage_small_writes(const struct bench_opts *o,
			       struct bench_result *r)
{
	double vtee_us[ROUNDS], floor_us[ROUNDS];
	struct storage_bench b;
	int rc = bench_open(o, &b);

	if (rc)
		return rc;
	for (int i = 0; i < ROUNDS && !rc; i++) {
		/* a fresh empty object each round, as the floor's file */
		rc = ta_create(&b, IDX_APPEND, 1, NULL, 0,
			       BENCH_STORAGE_CREATE_WITH_DATA, NULL);
		if (!rc)
			rc = ta_append(&b, IDX_APPEND, SMALL_WRITES,
				       SMALL_WRITE_BYTES, &vtee_us[i]);
		if (!rc)
			rc = floor_append(b.floor_dir, SMALL_WRITES,
					  SMALL_WRITE_BYTES, &floor_us[i]);
	}
	ta_delete(&b, IDX_APPEND, 1);
	bench_close(&b);
	if (!rc)
		put_rates(r, SMALL_WRITES, SMALL_WRITE_BYTES, false, vtee_us,
			  floor_us);
	return rc;
}
