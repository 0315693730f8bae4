// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sanitizer builds only: make the sanitizers fit the TA sandbox.
 *
 * LeakSanitizer checks at exit() by stopping the process with a
 * ptrace()ing helper thread; a TA process may neither clone() nor
 * ptrace(), so a TA calling exit() would die of SIGSYS instead of
 * exiting.  TA processes skip the check; the launcher keeps it.
 *
 * Reports decide on colour with an ioctl() on stderr, which the sandbox
 * refuses (SIGSYS) before the report says anything.  Without colour the
 * report's first lines (the error and the faulting address) get out;
 * symbolizing the stack then opens files, which ends the process.
 */
#include <unistd.h>

static pid_t launcher_pid;

__attribute__((constructor)) static void remember_launcher(void)
{
	launcher_pid = getpid();
}

int __lsan_is_turned_off(void);
const char *__asan_default_options(void);
const char *__ubsan_default_options(void);

int __lsan_is_turned_off(void)
{
	return getpid() != launcher_pid;
}

const char *__asan_default_options(void)
{
	return "color=never";
}

const char *__ubsan_default_options(void)
{
	return "color=never";
}
