/* SPDX-License-Identifier: BSD-2-Clause */
/* Trace levels of <trace.h>, numbered as OP-TEE numbers them. */
#ifndef VTEE_DEVKIT_TRACE_LEVELS_H
#define VTEE_DEVKIT_TRACE_LEVELS_H

#define TRACE_MIN	0
#define TRACE_ERROR	1
#define TRACE_INFO	2
#define TRACE_DEBUG	3
#define TRACE_FLOW	4
#define TRACE_MAX	TRACE_FLOW

/* The level printf-style output without a level is logged at */
#define TRACE_PRINTF_LEVEL TRACE_ERROR

#endif /* VTEE_DEVKIT_TRACE_LEVELS_H */
