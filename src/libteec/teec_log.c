// SPDX-License-Identifier: BSD-2-Clause
/*
 * Diagnostics.  A library must not write to a program's streams unasked,
 * so messages appear only when VTEE_TEEC_DEBUG is set.
 */
#include "teec_private.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void teec_log(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	if (!getenv("VTEE_TEEC_DEBUG"))
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* one write per message, so threads do not interleave */
	fprintf(stderr, "libteec: %s\n", line);
}
