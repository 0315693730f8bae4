// SPDX-License-Identifier: BSD-2-Clause
/*
 * The vtee measurements: calls through libteec (tee_client_api.h, linked
 * as `teec`) to the vteed of $VTEE_RUNTIME_DIR.  Each is a function in a
 * file of its own, e.g. vtee_invoke.c:
 *
 *     int bench_null_invoke(const struct bench_opts *o,
 *                           struct bench_result *r);
 *
 * declared in bench.h, added to CMakeLists.txt, and registered below; its
 * result appears under "vtee" with the name given here.
 */
#include "bench.h"

const struct bench_case bench_vtee[] = {
	{ NULL, NULL }
};
