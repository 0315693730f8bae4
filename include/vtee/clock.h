/* SPDX-License-Identifier: BSD-2-Clause */
/* Deadlines on a clock, for timed waits. */
#ifndef VTEE_CLOCK_H
#define VTEE_CLOCK_H

#include <stdint.h>
#include <time.h>

/* The time `ms` milliseconds from now on clock `clk`. */
struct timespec vtee_time_after_ms(clockid_t clk, uint32_t ms);

#endif /* VTEE_CLOCK_H */
