// SPDX-License-Identifier: BSD-2-Clause
/*
 * OP-TEE-style TA logging.  Each message is formatted here as
 *   "func:line text"
 * (no trailing newline) and sent to the trusted OS with TA_SYS_LOG,
 * tagged with its level.  The OS prefixes the TA's identity itself: a TA
 * cannot speak in another's name.  Messages outside an entry point are
 * dropped: the OS is not listening then.
 */
#include <stdio.h>
#include <string.h>
#include <trace.h>

#include "entry.h"
#include "syscall.h"

/* Compile-time TRACE_LEVEL already filtered; this is the runtime knob. */
static int trace_level = TRACE_MAX;

void trace_set_level(int level)
{
	trace_level = level;
}

int trace_get_level(void)
{
	return trace_level;
}

static size_t prefix(char *buf, size_t size, const char *func, int line)
{
	int n = func ? snprintf(buf, size, "%s:%d ", func, line) : 0;

	return n < 0 ? 0 : ((size_t)n < size ? (size_t)n : size - 1);
}

void trace_vprintf(const char *func, int line, int level, bool level_ok,
		   const char *fmt, va_list ap)
{
	char buf[MAX_PRINT_SIZE];
	struct ta_sys s = { .func = TA_SYS_LOG, .args = { (uint64_t)level } };
	size_t len;

	if (!ta_rt_in_entry() || (level_ok && level > trace_level))
		return;
	len = prefix(buf, sizeof(buf), func, line);
	vsnprintf(buf + len, sizeof(buf) - len, fmt, ap);
	len = strlen(buf);
	if (len && buf[len - 1] == '\n')
		len--;
	s.in = buf;
	s.in_len = len;
	ta_syscall(&s);
}

void trace_printf(const char *func, int line, int level, bool level_ok,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	trace_vprintf(func, line, level, level_ok, fmt, ap);
	va_end(ap);
}

void dhex_dump(const char *function, int line, int level, const void *buf,
	       int len)
{
	const uint8_t *p = buf;

	for (int off = 0; off < len; off += 16) {
		char hex[16 * 3 + 1] = "";
		size_t n = 0;

		for (int i = off; i < len && i < off + 16; i++)
			n += (size_t)snprintf(hex + n, sizeof(hex) - n, " %02x",
					      p[i]);
		trace_printf(function, line, level, true, "%04x:%s", off, hex);
	}
}
