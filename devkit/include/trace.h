/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * TA logging with OP-TEE's macro names.  Each message goes to the trusted
 * OS (syscall TA_SYS_LOG) tagged with its level and prefixed with the TA's
 * UUID, the function and the line.
 *
 * TRACE_LEVEL decides at compile time which macros produce code.  A TA
 * build may set it directly or through CFG_TEE_TA_LOG_LEVEL (OP-TEE's
 * make variable); by default errors and info messages are kept and
 * debug/flow messages compile to nothing.
 */
#ifndef VTEE_DEVKIT_TRACE_H
#define VTEE_DEVKIT_TRACE_H

#include <compiler.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <trace_levels.h>

#ifndef TRACE_LEVEL
#ifdef CFG_TEE_TA_LOG_LEVEL
#define TRACE_LEVEL CFG_TEE_TA_LOG_LEVEL
#else
#define TRACE_LEVEL TRACE_INFO
#endif
#endif

/* Longest message sent to the trusted OS; longer ones are truncated. */
#define MAX_PRINT_SIZE		256

/*
 * func and line locate the call (func NULL: no location).  level_ok false
 * means "not tied to a level" (MSG): always logged.  Otherwise messages
 * above the runtime level (trace_get_level()) are dropped.
 */
void trace_printf(const char *func, int line, int level, bool level_ok,
		  const char *fmt, ...) __printf(5, 6);
void trace_vprintf(const char *func, int line, int level, bool level_ok,
		   const char *fmt, va_list ap) __printf(5, 0);
void trace_set_level(int level);
int trace_get_level(void);

/* Logs len bytes of buf as hex, 16 per line. */
void dhex_dump(const char *function, int line, int level, const void *buf,
	       int len);

#define trace_printf_helper(level, level_ok, ...) \
	trace_printf(__func__, __LINE__, (level), (level_ok), __VA_ARGS__)
#define trace_printf_helper_raw(level, level_ok, ...) \
	trace_printf(NULL, 0, (level), (level_ok), __VA_ARGS__)

#if TRACE_LEVEL <= 0
#define MSG(...)	(void)0
#define MSG_RAW(...)	(void)0
#else
#define MSG(...)	trace_printf_helper(0, false, __VA_ARGS__)
#define MSG_RAW(...)	trace_printf_helper_raw(0, false, __VA_ARGS__)
#endif

#if TRACE_LEVEL < TRACE_ERROR
#define EMSG(...)	(void)0
#define EMSG_RAW(...)	(void)0
#define EHEXDUMP(buf, len) (void)0
#else
#define EMSG(...)	trace_printf_helper(TRACE_ERROR, true, __VA_ARGS__)
#define EMSG_RAW(...)	trace_printf_helper_raw(TRACE_ERROR, true, __VA_ARGS__)
#define EHEXDUMP(buf, len) dhex_dump(__func__, __LINE__, TRACE_ERROR, buf, len)
#endif

#if TRACE_LEVEL < TRACE_INFO
#define IMSG(...)	(void)0
#define IMSG_RAW(...)	(void)0
#define IHEXDUMP(buf, len) (void)0
#else
#define IMSG(...)	trace_printf_helper(TRACE_INFO, true, __VA_ARGS__)
#define IMSG_RAW(...)	trace_printf_helper_raw(TRACE_INFO, true, __VA_ARGS__)
#define IHEXDUMP(buf, len) dhex_dump(__func__, __LINE__, TRACE_INFO, buf, len)
#endif

#if TRACE_LEVEL < TRACE_DEBUG
#define DMSG(...)	(void)0
#define DMSG_RAW(...)	(void)0
#define DHEXDUMP(buf, len) (void)0
#else
#define DMSG(...)	trace_printf_helper(TRACE_DEBUG, true, __VA_ARGS__)
#define DMSG_RAW(...)	trace_printf_helper_raw(TRACE_DEBUG, true, __VA_ARGS__)
#define DHEXDUMP(buf, len) dhex_dump(__func__, __LINE__, TRACE_DEBUG, buf, len)
#endif

#if TRACE_LEVEL < TRACE_FLOW
#define FMSG(...)	(void)0
#define FMSG_RAW(...)	(void)0
#define FHEXDUMP(buf, len) (void)0
#else
#define FMSG(...)	trace_printf_helper(TRACE_FLOW, true, __VA_ARGS__)
#define FMSG_RAW(...)	trace_printf_helper_raw(TRACE_FLOW, true, __VA_ARGS__)
#define FHEXDUMP(buf, len) dhex_dump(__func__, __LINE__, TRACE_FLOW, buf, len)
#endif

/* Function entry/exit tracing at flow level */
#define INMSG(...)	FMSG("> " __VA_ARGS__)
#define OUTMSG(...)	FMSG("< " __VA_ARGS__)
#define OUTRMSG(r)			\
	do {				\
		OUTMSG("r=[%x]", r);	\
		return r;		\
	} while (0)

#endif /* VTEE_DEVKIT_TRACE_H */
