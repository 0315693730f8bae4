/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The three property sets, as lists of (name, text value, GP type):
 *
 *   TA	    gpd.ta.appID (from ta_head) and the TA's ta_props[]
 *   client gpd.client.identity and gpd.client.endian of the session whose
 *	    entry point runs (empty outside one)
 *   TEE    whatever the trusted OS lists (TA_SYS_GET_TEE_PROP), fetched
 *	    on first use
 */
#ifndef VTEE_TA_PROPS_H
#define VTEE_TA_PROPS_H

#include <stdbool.h>
#include <stddef.h>
#include <tee_api_types.h>
#include <user_ta_header.h>

#include "ta_runtime.h"

enum ta_propset {
	TA_PROPSET_TEE,
	TA_PROPSET_CLIENT,
	TA_PROPSET_TA,
};

struct ta_prop {
	const char *name;
	const char *value;	/* text form, see prop_format.h */
	enum user_ta_prop_type type;	/* its GP type */
};

/* Builds the TA set: TEE_ERROR_BAD_FORMAT for a malformed ta_props[]
 * entry, TEE_ERROR_OUT_OF_MEMORY. */
TEE_Result ta_props_init(const struct ta_rt_image *img);

/* Property i of set; false past the end.  Valid until the next call. */
bool ta_propset_get(enum ta_propset set, size_t i, struct ta_prop *p);
bool ta_propset_find(enum ta_propset set, const char *name,
		     struct ta_prop *p);

#endif /* VTEE_TA_PROPS_H */
