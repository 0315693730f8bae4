// SPDX-License-Identifier: BSD-2-Clause
/* Log lines on stderr, one write per line so threads never interleave. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "supp.h"

static enum supp_log_level log_level = SUPP_LOG_INFO;

static const char *const level_names[] = {
	[SUPP_LOG_ERROR] = "error",
	[SUPP_LOG_WARN] = "warn",
	[SUPP_LOG_INFO] = "info",
	[SUPP_LOG_DEBUG] = "debug",
};

/* What a line of each level starts with: info is the plain case. */
static const char *const level_tags[] = {
	[SUPP_LOG_ERROR] = "error: ",
	[SUPP_LOG_WARN] = "warning: ",
	[SUPP_LOG_INFO] = "",
	[SUPP_LOG_DEBUG] = "debug: ",
};

void supp_log_set_level(enum supp_log_level level)
{
	log_level = level;
}

int supp_log_level_parse(const char *name, enum supp_log_level *level)
{
	size_t i;

	for (i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
		if (!strcmp(name, level_names[i])) {
			*level = (enum supp_log_level)i;
			return 0;
		}
	}
	return -1;
}

void supp_log(enum supp_log_level level, const char *fmt, ...)
{
	char line[512];
	int n;
	va_list ap;

	if (level > log_level)
		return;
	n = snprintf(line, sizeof(line), "vtee-supplicant: %s",
		     level_tags[level]);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s\n", line);
}
