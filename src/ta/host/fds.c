// SPDX-License-Identifier: BSD-2-Clause
#include <stdlib.h>
#include <unistd.h>

#include "host.h"

static int by_value(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* close_range() over every gap between the sorted fds to keep */
int ta_close_fds_except(const int *keep, size_t n)
{
	int sorted[8];
	unsigned int next = 0;

	if (n > sizeof(sorted) / sizeof(sorted[0]))
		return -1;
	for (size_t i = 0; i < n; i++)
		sorted[i] = keep[i];
	qsort(sorted, n, sizeof(sorted[0]), by_value);
	for (size_t i = 0; i < n; i++) {
		if ((unsigned int)sorted[i] > next &&
		    close_range(next, (unsigned int)sorted[i] - 1, 0))
			return -1;
		next = (unsigned int)sorted[i] + 1;
	}
	return close_range(next, ~0U, 0);
}
