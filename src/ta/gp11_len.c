// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP v1.1's 32-bit [inout] lengths (gp11_len.h).
 */
#include <tee_internal_api.h>

#include "gp11_len.h"

size_t ta_gp11_len_in(const uint32_t *len32)
{
	if (!len32)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return *len32;
}

void ta_gp11_len_out(uint32_t *len32, size_t len)
{
	if (len > UINT32_MAX)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	*len32 = (uint32_t)len;
}
