/* SPDX-License-Identifier: BSD-2-Clause */
/* The TEE implementation property set, as the trusted OS lists it. */
#ifndef VTEE_TA_PROPS_TEE_H
#define VTEE_TA_PROPS_TEE_H

#include "props.h"

/* Property i; the list is fetched on first use (inside an entry point)
 * and kept: TEE properties do not change. */
bool ta_props_tee_get(size_t i, struct ta_prop *p);

#endif /* VTEE_TA_PROPS_TEE_H */
