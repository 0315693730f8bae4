// SPDX-License-Identifier: BSD-2-Clause
/* Latency samples and what a reader wants of them: percentiles, mean. */
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "bench.h"

double bench_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Nearest rank: the smallest sample with at least p% of all at or below
 * it, so p99 of 100 samples is the 99th, not an interpolation. */
double bench_percentile(const double *sorted, size_t n, double p)
{
	size_t rank;

	if (!n)
		return 0;
	rank = (size_t)ceil(p / 100.0 * (double)n);
	if (rank < 1)
		rank = 1;
	return sorted[(rank > n ? n : rank) - 1];
}

void bench_result_latency(struct bench_result *r, double *samples_us,
			  size_t n)
{
	double sum = 0;

	qsort(samples_us, n, sizeof(*samples_us), cmp_double);
	for (size_t i = 0; i < n; i++)
		sum += samples_us[i];
	bench_result_add(r, "iterations", (double)n);
	bench_result_add(r, "p50_us", bench_percentile(samples_us, n, 50));
	bench_result_add(r, "p99_us", bench_percentile(samples_us, n, 99));
	bench_result_add(r, "mean_us", n ? sum / (double)n : 0);
	bench_result_add(r, "min_us", n ? samples_us[0] : 0);
	bench_result_add(r, "max_us", n ? samples_us[n - 1] : 0);
}
