/* SPDX-License-Identifier: BSD-2-Clause */
/* Channel parameters <-> the TEE_Param array an entry point sees. */
#ifndef VTEE_TA_PARAMS_H
#define VTEE_TA_PARAMS_H

#include <stdbool.h>
#include <tee_api_types.h>

#include "vtee/ta_channel.h"

/* Whether each of the four types is a TEE_PARAM_TYPE_* and the bits
 * above them are clear. */
bool ta_param_types_valid(uint32_t param_types);
bool ta_param_is_memref(uint32_t param_types, unsigned int n);
/* Whether the entry point may change parameter n (OUTPUT or INOUT) */
bool ta_param_is_output(uint32_t param_types, unsigned int n);

/*
 * Points each memref at its client mapping.  False if a type is invalid,
 * a map id is unknown or a memref does not lie within its mapping.
 */
bool ta_params_from_chan(uint32_t param_types,
			 const struct ta_chan_param in[TEE_NUM_PARAMS],
			 TEE_Param out[TEE_NUM_PARAMS]);

/* Writes back what the entry point may have changed: output values and
 * output memref sizes. */
void ta_params_to_chan(uint32_t param_types,
		       const TEE_Param in[TEE_NUM_PARAMS],
		       struct ta_chan_param out[TEE_NUM_PARAMS]);

#endif /* VTEE_TA_PARAMS_H */
