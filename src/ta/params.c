// SPDX-License-Identifier: BSD-2-Clause
#include "params.h"

#include "maps.h"

bool ta_param_types_valid(uint32_t param_types)
{
	if (param_types >> 16)
		return false;
	for (unsigned int n = 0; n < TEE_NUM_PARAMS; n++) {
		uint32_t t = TEE_PARAM_TYPE_GET(param_types, n);

		if (t == 4 || t > TEE_PARAM_TYPE_MEMREF_INOUT)
			return false;
	}
	return true;
}

bool ta_param_is_memref(uint32_t param_types, unsigned int n)
{
	return TEE_PARAM_TYPE_GET(param_types, n) >= TEE_PARAM_TYPE_MEMREF_INPUT;
}

bool ta_param_is_output(uint32_t param_types, unsigned int n)
{
	/* OUTPUT and INOUT have bit 1 set, for values and memrefs alike */
	return TEE_PARAM_TYPE_GET(param_types, n) & 2;
}

/* A NULL memref (map id 0) keeps its size: a client may ask for the
 * size an output needs by passing no buffer. */
static bool memref_from_chan(const struct ta_chan_param *in, TEE_Param *out)
{
	const struct ta_map *m;

	out->memref.buffer = NULL;
	out->memref.size = in->size;
	if (!in->map_id)
		return true;
	m = ta_maps_find(in->map_id);
	if (!m || in->offset > m->size || in->size > m->size - in->offset)
		return false;
	out->memref.buffer = m->base + in->offset;
	return true;
}

bool ta_params_from_chan(uint32_t param_types,
			 const struct ta_chan_param in[TEE_NUM_PARAMS],
			 TEE_Param out[TEE_NUM_PARAMS])
{
	if (!ta_param_types_valid(param_types))
		return false;
	for (unsigned int n = 0; n < TEE_NUM_PARAMS; n++) {
		if (ta_param_is_memref(param_types, n)) {
			if (!memref_from_chan(&in[n], &out[n]))
				return false;
		} else {
			out[n].value.a = in[n].a;
			out[n].value.b = in[n].b;
		}
	}
	return true;
}

void ta_params_to_chan(uint32_t param_types,
		       const TEE_Param in[TEE_NUM_PARAMS],
		       struct ta_chan_param out[TEE_NUM_PARAMS])
{
	for (unsigned int n = 0; n < TEE_NUM_PARAMS; n++) {
		if (!ta_param_is_output(param_types, n))
			continue;
		if (ta_param_is_memref(param_types, n)) {
			out[n].size = in[n].memref.size;
		} else {
			out[n].a = in[n].value.a;
			out[n].b = in[n].value.b;
		}
	}
}
