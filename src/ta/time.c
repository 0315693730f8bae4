// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP time.  System time is the monotonic clock (GP only asks that it
 * never goes back during the instance's life); REE time, TA persistent
 * time and waits are the trusted OS's.
 */
#include <time.h>
#include <tee_internal_api.h>

#include "syscall.h"

void TEE_GetSystemTime(TEE_Time *t)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	t->seconds = (uint32_t)ts.tv_sec;
	t->millis = (uint32_t)(ts.tv_nsec / 1000000);
}

TEE_Result TEE_Wait(uint32_t timeout)
{
	uint64_t args[6] = { timeout };

	return ta_syscall_args(TA_SYS_WAIT, args);
}

/* args[0] = seconds, args[1] = milliseconds */
static void time_from_args(TEE_Time *t, const uint64_t args[6])
{
	t->seconds = (uint32_t)args[0];
	t->millis = (uint32_t)args[1];
}

void TEE_GetREETime(TEE_Time *t)
{
	uint64_t args[6] = { 0 };
	TEE_Result res = ta_syscall_args(TA_SYS_GET_REE_TIME, args);

	if (res != TEE_SUCCESS)
		TEE_Panic(res);
	time_from_args(t, args);
}

/* On TIME_NOT_SET and TIME_NEEDS_RESET GP leaves *time zero; OVERFLOW
 * still carries the (wrapped) time. */
TEE_Result TEE_GetTAPersistentTime(TEE_Time *t)
{
	uint64_t args[6] = { 0 };
	TEE_Result res = ta_syscall_args(TA_SYS_GET_TA_TIME, args);

	if (res == TEE_SUCCESS || res == TEE_ERROR_OVERFLOW)
		time_from_args(t, args);
	else
		*t = (TEE_Time){ 0 };
	return res;
}

TEE_Result TEE_SetTAPersistentTime(const TEE_Time *t)
{
	uint64_t args[6] = { t->seconds, t->millis };

	return ta_syscall_args(TA_SYS_SET_TA_TIME, args);
}
