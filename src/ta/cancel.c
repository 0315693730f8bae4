// SPDX-License-Identifier: BSD-2-Clause
/*
 * The OS owns the cancellation state.  The local copy of the mask only
 * saves a round trip: a masked TA cannot see a cancellation anyway.
 */
#include <tee_internal_api.h>

#include "cancel.h"
#include "syscall.h"

static bool masked = true;

void ta_cancel_reset(void)
{
	masked = true;
}

/* Returns whether cancellation was masked before. */
static bool set_mask(bool mask)
{
	uint64_t args[6] = { mask };
	bool was = masked;

	if (ta_syscall_args(TA_SYS_SET_CANCEL_MASK, args) == TEE_SUCCESS)
		was = args[0] != 0;
	masked = mask;
	return was;
}

bool TEE_MaskCancellation(void)
{
	return set_mask(true);
}

bool TEE_UnmaskCancellation(void)
{
	return set_mask(false);
}

bool TEE_GetCancellationFlag(void)
{
	uint64_t args[6] = { 0 };

	if (masked)
		return false;
	if (ta_syscall_args(TA_SYS_GET_CANCEL_FLAG, args) != TEE_SUCCESS)
		return false;
	return args[0] != 0;
}
