// SPDX-License-Identifier: BSD-2-Clause
#include "vtee/clock.h"

struct timespec vtee_time_after_ms(clockid_t clk, uint32_t ms)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (long)(ms % 1000) * 1000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	return ts;
}
