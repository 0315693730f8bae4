/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The storage benchmark TA (bench/vtee_storage.c): each command runs a
 * batch of GP Trusted Storage operations inside the TA, so that the
 * client times the batch and not its own calls.  Objects are named
 * "bench-" and eight hex digits of their index, in TEE_STORAGE_PRIVATE.
 */
#ifndef VTEE_BENCH_STORAGE_TA_H
#define VTEE_BENCH_STORAGE_TA_H

#define BENCH_STORAGE_TA_UUID \
	{ 0x6c1f0a52, 0x93d4, 0x4e7b, \
	  { 0xb0, 0x6e, 0x2d, 0x58, 0x41, 0xc7, 0x9a, 0x13 } }

/* How CREATE fills an object */
#define BENCH_STORAGE_CREATE_THEN_WRITE	0	/* create empty, then write */
#define BENCH_STORAGE_CREATE_WITH_DATA	1	/* the data as initial data */

/* p0 value in: a = first index, b = count; p1 memref in: the data;
 * p2 value in: a = how (BENCH_STORAGE_CREATE_*).  Each object: create
 * (replacing one of that name), fill, close. */
#define BENCH_STORAGE_CMD_CREATE	1
/* p0 value in: a = index, b = count; p1 value out: a = bytes the last
 * read got.  Each time: open, read all of it, close. */
#define BENCH_STORAGE_CMD_READ		2
/* p0 value in: a = index, b = count; p1 value in: a = bytes per write.
 * Opens the object once and writes count times at its end. */
#define BENCH_STORAGE_CMD_APPEND	3
/* p0 value in: a = first index, b = count.  Deletes the objects that
 * exist. */
#define BENCH_STORAGE_CMD_DELETE	4

#endif /* VTEE_BENCH_STORAGE_TA_H */
