/* SPDX-License-Identifier: BSD-2-Clause */
/* The daemon's log: one line per event, on stderr, with a level. */
#ifndef VTEE_LOG_H
#define VTEE_LOG_H

enum vtee_log_level {
	VTEE_LOG_ERROR = 1,
	VTEE_LOG_WARN = 2,
	VTEE_LOG_INFO = 3,
	VTEE_LOG_DEBUG = 4,
};

void vtee_log_set_level(int level);
int vtee_log_level(void);
/* "error", "warn", "info" or "debug". */
const char *vtee_log_level_name(int level);
/* Parses "error", "warn", "info", "debug" or 1..4; -1 if neither. */
int vtee_log_parse_level(const char *s);
void vtee_log(int level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define LOG_ERR(...)	vtee_log(VTEE_LOG_ERROR, __VA_ARGS__)
#define LOG_WARN(...)	vtee_log(VTEE_LOG_WARN, __VA_ARGS__)
#define LOG_INFO(...)	vtee_log(VTEE_LOG_INFO, __VA_ARGS__)
#define LOG_DBG(...)	vtee_log(VTEE_LOG_DEBUG, __VA_ARGS__)

#endif /* VTEE_LOG_H */
