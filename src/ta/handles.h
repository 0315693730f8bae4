/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Handles for objects the runtime hands to TA code.  GP handles are
 * pointers, but real TA code stores them in uint32_t, so a handle is a
 * small integer (slot + 1): never 0 (TEE_HANDLE_NULL) and far below the
 * TEE_PROPSET_* pseudo-handles.
 */
#ifndef VTEE_TA_HANDLES_H
#define VTEE_TA_HANDLES_H

#include <stdint.h>

enum ta_handle_kind {
	TA_HANDLE_PROP_ENUM = 1,
	TA_HANDLE_OBJECT = 2,		/* TEE_ObjectHandle (object.h) */
	TA_HANDLE_POBJ_ENUM = 3,	/* TEE_ObjectEnumHandle (storage_enum.c) */
	TA_HANDLE_OPERATION = 4,	/* TEE_OperationHandle (operation.h) */
};

/* 0 when out of memory or out of handles */
uint32_t ta_handle_new(enum ta_handle_kind kind, void *obj);
/* The object behind h if h is a live handle of that kind, else NULL */
void *ta_handle_get(uintptr_t h, enum ta_handle_kind kind);
void ta_handle_release(uintptr_t h);

#endif /* VTEE_TA_HANDLES_H */
