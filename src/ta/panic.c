// SPDX-License-Identifier: BSD-2-Clause
/*
 * TEE_Panic: tell the OS, which kills the instance and reports
 * TEE_ERROR_TARGET_DEAD to its clients.  The OS never answers; if it is
 * not listening (no entry point running) the process just ends.
 */
#include <tee_internal_api.h>
#include <unistd.h>

#include "chan.h"
#include "syscall.h"

void TEE_Panic(TEE_Result panicCode)
{
	uint64_t args[6] = { panicCode };

	ta_syscall_args(TA_SYS_PANIC, args);
	_exit(TA_EXIT_PANIC);
}
