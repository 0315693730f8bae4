/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GP Trusted Storage in the TA runtime: persistent objects, their data
 * streams and enumerators, as calls to the trusted OS (TA_SYS_POBJ_*).
 * The generic object functions (object.c) call these for objects with
 * an os_handle.
 */
#ifndef VTEE_TA_STORAGE_H
#define VTEE_TA_STORAGE_H

#include <tee_internal_api.h>

#include "object.h"

/* Closes the OS's handle of a persistent object (o itself stays). */
void ta_pobj_close(struct ta_object *o);
/* Stores a usage restriction of a persistent object (GP keeps it):
 * TEE_SUCCESS or a storage error GP allows TEE_RestrictObjectUsage1. */
TEE_Result ta_pobj_restrict(struct ta_object *o, uint32_t usage);
/* Refreshes o->info.dataSize from the OS (another handle may have
 * written); panics if the OS does not know the handle. */
void ta_pobj_sync_info(struct ta_object *o);

#endif /* VTEE_TA_STORAGE_H */
