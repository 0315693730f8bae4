// SPDX-License-Identifier: BSD-2-Clause
/* The instance's one global pointer (GP 4.11): the process is the
 * instance, so a static is exactly as long-lived as GP asks. */
#include <tee_internal_api.h>

static const void *instance_data;

void TEE_SetInstanceData(const void *instanceData)
{
	instance_data = instanceData;
}

const void *TEE_GetInstanceData(void)
{
	return instance_data;
}
