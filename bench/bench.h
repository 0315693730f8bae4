/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vtee-bench: measurements that each fill one named result, grouped in
 * tables that main.c prints as one JSON object:
 *   {"floors": {...}, "vtee": {...}, "targets": {...}}
 *  - floors: what the machine itself costs (IPC between two processes),
 *    the lower bound any TEE call on it pays;
 *  - vtee: calls through libteec to a running vteed;
 *  - targets: published figures of peers to compare with.
 * Adding a measurement = one function in its own file + one table row.
 */
#ifndef VTEE_BENCH_H
#define VTEE_BENCH_H

#include <stddef.h>
#include <stdio.h>

struct bench_opts {
	unsigned int iterations;	/* timed round trips per latency */
	/* vteed's state dir: the storage floors' files go there (NULL:
	 * the default one, src/common/paths.c) */
	const char *state_dir;
	/* run only the cases whose name has this in it (NULL: all) */
	const char *only;
};

#define BENCH_MAX_FIELDS 16

/* One measurement's numbers, printed as {"key": value, ...}. */
struct bench_result {
	size_t n;
	struct {
		const char *key;	/* a string literal */
		double value;
	} field[BENCH_MAX_FIELDS];
};

struct bench_case {
	const char *name;
	/* Fills r; 0 or -errno (the case is then reported as failed). */
	int (*run)(const struct bench_opts *o, struct bench_result *r);
};

/* A published figure: name, value and unit, and where it comes from. */
struct bench_target {
	const char *name;
	double value;
	const char *unit;
	const char *source;
};

/* vtee_*.c: the vtee measurements */
int bench_null_invoke(const struct bench_opts *o, struct bench_result *r);
int bench_shm_4k(const struct bench_opts *o, struct bench_result *r);
int bench_shm_1m(const struct bench_opts *o, struct bench_result *r);
int bench_temp_4k(const struct bench_opts *o, struct bench_result *r);
int bench_temp_64k(const struct bench_opts *o, struct bench_result *r);
int bench_temp_1m(const struct bench_opts *o, struct bench_result *r);
int bench_open_warm(const struct bench_opts *o, struct bench_result *r);
int bench_open_cold(const struct bench_opts *o, struct bench_result *r);
int bench_throughput_1(const struct bench_opts *o, struct bench_result *r);
int bench_throughput_2(const struct bench_opts *o, struct bench_result *r);
int bench_throughput_8(const struct bench_opts *o, struct bench_result *r);
/* vtee_storage.c: trusted storage in a TA, next to write+fsync floors */
int bench_storage_create_1k(const struct bench_opts *o,
			    struct bench_result *r);
int bench_storage_create_init_1k(const struct bench_opts *o,
				 struct bench_result *r);
int bench_storage_read_1k(const struct bench_opts *o, struct bench_result *r);
int bench_storage_read_1m(const struct bench_opts *o, struct bench_result *r);
int bench_storage_small_writes(const struct bench_opts *o,
			       struct bench_result *r);
/* vtee_crypto.c: GP crypto in a TA, next to libcrypto in this process */
int bench_crypto_aes128_gcm_4k(const struct bench_opts *o,
			       struct bench_result *r);
int bench_crypto_aes128_gcm_1m(const struct bench_opts *o,
			       struct bench_result *r);
int bench_crypto_aes256_gcm_4k(const struct bench_opts *o,
			       struct bench_result *r);
int bench_crypto_aes256_gcm_1m(const struct bench_opts *o,
			       struct bench_result *r);
int bench_crypto_aes128_cbc_4k(const struct bench_opts *o,
			       struct bench_result *r);
int bench_crypto_aes128_cbc_1m(const struct bench_opts *o,
			       struct bench_result *r);
int bench_crypto_aes256_cbc_4k(const struct bench_opts *o,
			       struct bench_result *r);
int bench_crypto_aes256_cbc_1m(const struct bench_opts *o,
			       struct bench_result *r);
int bench_crypto_sha256_4k(const struct bench_opts *o, struct bench_result *r);
int bench_crypto_sha256_1m(const struct bench_opts *o, struct bench_result *r);
int bench_crypto_hmac_sha256_4k(const struct bench_opts *o,
				struct bench_result *r);
int bench_crypto_hmac_sha256_1m(const struct bench_opts *o,
				struct bench_result *r);
int bench_crypto_rsa2048_sign(const struct bench_opts *o,
			      struct bench_result *r);
int bench_crypto_rsa2048_verify(const struct bench_opts *o,
				struct bench_result *r);
int bench_crypto_ecdsa_p256_sign(const struct bench_opts *o,
				 struct bench_result *r);
int bench_crypto_ecdsa_p256_verify(const struct bench_opts *o,
				   struct bench_result *r);
int bench_crypto_x25519_derive(const struct bench_opts *o,
			       struct bench_result *r);
/* vtee_shim.c: the null invoke through libvtee-preload.so, in a child */
int bench_null_invoke_shim(const struct bench_opts *o, struct bench_result *r);
/* vtee_shim.c: runs and exits if this process is that child, else -1 */
int bench_shim_child_main(int argc, char **argv);

/* The tables, each ended by an entry with a NULL name. */
extern const struct bench_case bench_floors[];	/* floors.c */
extern const struct bench_case bench_vtee[];	/* vtee.c */
extern const struct bench_target bench_targets[];	/* targets.c */

/* report.c: a field of a result (dropped beyond BENCH_MAX_FIELDS) */
void bench_result_add(struct bench_result *r, const char *key, double v);
/* report.c: runs every table and writes the JSON object to out.  0, or
 * -1 if a case failed (its member is then {"error": "..."}). */
int bench_report(const struct bench_opts *o, FILE *out);

/* stats.c: latency samples (µs) as iterations, p50_us, p99_us, mean_us,
 * min_us, max_us.  Sorts the samples. */
void bench_result_latency(struct bench_result *r, double *samples_us,
			  size_t n);
/* The p-th percentile (0 < p <= 100, nearest rank) of sorted samples. */
double bench_percentile(const double *sorted, size_t n, double p);

/* stats.c: a monotonic clock in microseconds. */
double bench_now_us(void);

#endif /* VTEE_BENCH_H */
