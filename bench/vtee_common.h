/* SPDX-License-Identifier: BSD-2-Clause */
/* What the vtee measurements share: a context and session on a test TA. */
#ifndef VTEE_BENCH_VTEE_COMMON_H
#define VTEE_BENCH_VTEE_COMMON_H

#include <tee_client_api.h>

#include "bench.h"

/* Context plus a session on the multi-instance test TA (its own process,
 * so concurrent sessions run in parallel).  0 or -EIO. */
int bench_session_open(TEEC_Context *ctx, TEEC_Session *s);
void bench_session_close(TEEC_Context *ctx, TEEC_Session *s);

/* Untimed calls first, as for the floors. */
unsigned int bench_warmup(const struct bench_opts *o);

#endif /* VTEE_BENCH_VTEE_COMMON_H */
