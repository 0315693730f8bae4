// SPDX-License-Identifier: BSD-2-Clause
/* Runs the measurement tables and writes them as one JSON object. */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "bench.h"

void bench_result_add(struct bench_result *r, const char *key, double v)
{
	if (r->n < BENCH_MAX_FIELDS) {
		r->field[r->n].key = key;
		r->field[r->n].value = v;
		r->n++;
	}
}

/* Counts as integers, times to the nanosecond (3 decimals of a µs).
 * JSON has no NaN or infinity: a broken number is null, visibly. */
static void put_number(FILE *out, double v)
{
	if (!isfinite(v))
		fputs("null", out);
	else if (v == floor(v) && fabs(v) < 1e15)
		fprintf(out, "%.0f", v);
	else
		fprintf(out, "%.3f", v);
}

static void put_result(FILE *out, const struct bench_result *r)
{
	fputc('{', out);
	for (size_t i = 0; i < r->n; i++) {
		fprintf(out, "%s\"%s\": ", i ? ", " : "", r->field[i].key);
		put_number(out, r->field[i].value);
	}
	fputc('}', out);
}

/* Every result of this run, kept for the checks. */
#define BENCH_MAX_KEPT 64
static struct kept {
	const char *name;
	struct bench_result r;
} kept[BENCH_MAX_KEPT];
static size_t n_kept;

static void keep(const char *name, const struct bench_result *r)
{
	if (n_kept < BENCH_MAX_KEPT)
		kept[n_kept++] = (struct kept){ name, *r };
}

/* A field of a kept result, or NAN if the case failed or has none. */
static double kept_value(const char *name, const char *key)
{
	for (size_t i = 0; i < n_kept; i++) {
		if (strcmp(kept[i].name, name))
			continue;
		for (size_t j = 0; j < kept[i].r.n; j++)
			if (!strcmp(kept[i].r.field[j].key, key))
				return kept[i].r.field[j].value;
	}
	return NAN;
}

/* One table as a JSON object; progress goes to stderr, since a run takes
 * seconds per case.  Returns the number of failed cases. */
static int put_cases(FILE *out, const char *name,
		     const struct bench_case *cases,
		     const struct bench_opts *o)
{
	int failed = 0;

	bool first = true;

	fprintf(out, "\"%s\": {", name);
	for (size_t i = 0; cases[i].name; i++) {
		struct bench_result r = { 0 };
		int rc;

		if (o->only && !strstr(cases[i].name, o->only))
			continue;
		fprintf(stderr, "vtee-bench: %s.%s...\n", name, cases[i].name);
		rc = cases[i].run(o, &r);
		fprintf(out, "%s\"%s\": ", first ? "" : ", ", cases[i].name);
		first = false;
		if (rc) {
			fprintf(out, "{\"error\": \"%s\"}", strerror(-rc));
			fprintf(stderr, "vtee-bench: %s.%s: %s\n", name,
				cases[i].name, strerror(-rc));
			failed++;
		} else {
			put_result(out, &r);
			keep(cases[i].name, &r);
		}
	}
	fputc('}', out);
	return failed;
}

static void put_targets(FILE *out)
{
	fputs("\"targets\": {", out);
	for (size_t i = 0; bench_targets[i].name; i++) {
		const struct bench_target *t = &bench_targets[i];

		fprintf(out, "%s\"%s\": {\"value\": ", i ? ", " : "", t->name);
		put_number(out, t->value);
		fprintf(out, ", \"unit\": \"%s\", \"source\": \"%s\"}",
			t->unit, t->source);
	}
	fputc('}', out);
}

static void put_check(FILE *out, bool first, const char *key, double v)
{
	fprintf(out, "%s\"%s\": ", first ? "" : ", ", key);
	put_number(out, v);
}

/*
 * The goals vtee sets itself, each next to what this run measured: the
 * null invoke against the plain futex round trip of the same run (at most
 * 3x), a cold open (under 3 ms), a 64 KiB temporary memref (under 25 us),
 * the null invoke against Open-TEE's published p50, the null invoke
 * through the device shim against vtee's own path (at most 1.2x), and
 * small writes to a trusted storage object against pwrite+fsync of the
 * same bytes to a plain file (at most 3x), and bulk symmetric crypto and
 * hashing in a TA against libcrypto in a plain process on 1 MiB
 * messages (the least of the six ratios, at least 0.8).
 */
static double crypto_1m_min_over_lib(void)
{
	static const char *const cases[] = {
		"crypto_aes128_gcm_1m", "crypto_aes256_gcm_1m",
		"crypto_aes128_cbc_1m", "crypto_aes256_cbc_1m",
		"crypto_sha256_1m", "crypto_hmac_sha256_1m",
	};
	double least = INFINITY;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		double v = kept_value(cases[i], "vtee_over_lib");

		/* a failed case makes the check null */
		least = isnan(v) || isnan(least) ? NAN : fmin(least, v);
	}
	return least;
}

static void put_checks(FILE *out)
{
	double invoke = kept_value("null_invoke", "p50_us");
	double futex = kept_value("futex_round_trip", "p50_us");

	fputs("\"checks\": {", out);
	put_check(out, true, "null_invoke_p50_us", invoke);
	put_check(out, false, "futex_round_trip_p50_us", futex);
	put_check(out, false, "null_invoke_over_futex", invoke / futex);
	put_check(out, false, "goal_null_invoke_over_futex", 3);
	put_check(out, false, "open_cold_p50_us",
		  kept_value("open_cold", "p50_us"));
	put_check(out, false, "goal_open_cold_us", 3000);
	put_check(out, false, "invoke_temp_64k_p50_us",
		  kept_value("invoke_temp_64k", "p50_us"));
	put_check(out, false, "goal_invoke_temp_64k_us", 25);
	put_check(out, false, "open_tee_invoke_p50_over_vtee", 134 / invoke);
	put_check(out, false, "null_invoke_shim_over_own",
		  kept_value("null_invoke_shim", "shim_over_own"));
	put_check(out, false, "goal_null_invoke_shim_over_own", 1.2);
	put_check(out, false, "storage_small_writes_over_fsync",
		  kept_value("storage_small_writes", "over_floor"));
	put_check(out, false, "goal_storage_small_writes_over_fsync", 3);
	put_check(out, false, "crypto_1m_min_vtee_over_lib",
		  crypto_1m_min_over_lib());
	put_check(out, false, "goal_crypto_1m_vtee_over_lib", 0.8);
	fputc('}', out);
}

int bench_report(const struct bench_opts *o, FILE *out)
{
	int failed;

	fputc('{', out);
	failed = put_cases(out, "floors", bench_floors, o);
	fputs(", ", out);
	failed += put_cases(out, "vtee", bench_vtee, o);
	fputs(", ", out);
	put_targets(out);
	fputs(", ", out);
	put_checks(out);
	fputs("}\n", out);
	return failed ? -1 : 0;
}
