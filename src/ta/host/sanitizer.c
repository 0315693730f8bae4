// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sanitizer builds only.  LeakSanitizer checks at exit() by stopping the
 * process with a ptrace()ing helper thread; a TA process may neither
 * clone() nor ptrace(), so a TA calling exit() would die of SIGSYS
 * instead of exiting.  TA processes skip the check; the launcher keeps it.
 */
#include <unistd.h>

static pid_t launcher_pid;

__attribute__((constructor)) static void remember_launcher(void)
{
	launcher_pid = getpid();
}

int __lsan_is_turned_off(void);

int __lsan_is_turned_off(void)
{
	return getpid() != launcher_pid;
}
