// SPDX-License-Identifier: BSD-2-Clause
#include "vtee/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int log_level = VTEE_LOG_INFO;
static const char *const level_names[] = {
	[VTEE_LOG_ERROR] = "error", [VTEE_LOG_WARN] = "warn",
	[VTEE_LOG_INFO] = "info", [VTEE_LOG_DEBUG] = "debug",
};

void vtee_log_set_level(int level)
{
	log_level = level;
}

int vtee_log_level(void)
{
	return log_level;
}

const char *vtee_log_level_name(int level)
{
	return level_names[level < VTEE_LOG_ERROR ? VTEE_LOG_ERROR :
			   level > VTEE_LOG_DEBUG ? VTEE_LOG_DEBUG : level];
}

int vtee_log_parse_level(const char *s)
{
	for (int l = VTEE_LOG_ERROR; l <= VTEE_LOG_DEBUG; l++)
		if (!strcmp(s, level_names[l]))
			return l;
	if (s[0] >= '1' && s[0] <= '4' && !s[1])
		return s[0] - '0';
	return -1;
}

void vtee_log(int level, const char *fmt, ...)
{
	char line[1024];
	struct timespec ts;
	va_list ap;
	int n;

	if (level > log_level)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	n = snprintf(line, sizeof(line), "%ld.%06ld %s: ", (long)ts.tv_sec,
		     ts.tv_nsec / 1000, level_names[level]);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	/* one write per line, so lines of concurrent threads never mix */
	fprintf(stderr, "%s\n", line);
}
