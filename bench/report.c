// SPDX-License-Identifier: BSD-2-Clause
/* Runs the measurement tables and writes them as one JSON object. */
#include <math.h>
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

/* One table as a JSON object; progress goes to stderr, since a run takes
 * seconds per case.  Returns the number of failed cases. */
static int put_cases(FILE *out, const char *name,
		     const struct bench_case *cases,
		     const struct bench_opts *o)
{
	int failed = 0;

	fprintf(out, "\"%s\": {", name);
	for (size_t i = 0; cases[i].name; i++) {
		struct bench_result r = { 0 };
		int rc;

		fprintf(stderr, "vtee-bench: %s.%s...\n", name, cases[i].name);
		rc = cases[i].run(o, &r);
		fprintf(out, "%s\"%s\": ", i ? ", " : "", cases[i].name);
		if (rc) {
			fprintf(out, "{\"error\": \"%s\"}", strerror(-rc));
			fprintf(stderr, "vtee-bench: %s.%s: %s\n", name,
				cases[i].name, strerror(-rc));
			failed++;
		} else {
			put_result(out, &r);
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

int bench_report(const struct bench_opts *o, FILE *out)
{
	int failed;

	fputc('{', out);
	failed = put_cases(out, "floors", bench_floors, o);
	fputs(", ", out);
	failed += put_cases(out, "vtee", bench_vtee, o);
	fputs(", ", out);
	put_targets(out);
	fputs("}\n", out);
	return failed ? -1 : 0;
}
