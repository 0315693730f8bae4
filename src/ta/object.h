/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GP objects inside the TA runtime: the state behind a TEE_ObjectHandle.
 *
 * A transient object lives here only.  A persistent object is the same
 * structure plus the trusted OS's handle (os_handle != 0): its attributes
 * are read from storage when it is opened and are then immutable, and its
 * data stream lives in the trusted OS (storage*.c), which this runtime
 * reaches through TA_SYS_POBJ_* syscalls.
 *
 * object.c:       handles, allocation, info, usage, attribute getters
 * object_attrs.c: attribute rules per object type, Populate, Copy
 * object_blob.c:  the attribute blob persistent objects store
 */
#ifndef VTEE_TA_OBJECT_H
#define VTEE_TA_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_internal_api.h>

/* One attribute, the runtime's own copy of it. */
struct ta_attr {
	uint32_t id;
	uint32_t a, b;		/* value attribute */
	uint8_t *buf;		/* reference attribute: malloc'd copy */
	size_t len;
};

struct ta_object {
	/* objectType, objectSize, maxObjectSize, objectUsage, dataSize,
	 * dataPosition, handleFlags as GP defines them */
	TEE_ObjectInfo info;
	size_t nattrs;
	struct ta_attr *attrs;
	uint32_t handle;	/* the TEE_ObjectHandle value */
	uint32_t os_handle;	/* persistent: the trusted OS's handle */
};

/*
 * A new, empty object of `type` holding at most max_size bits (GP's
 * maxObjectSize rules per type).  TEE_SUCCESS, TEE_ERROR_NOT_SUPPORTED
 * (unknown type or size), TEE_ERROR_OUT_OF_MEMORY.
 */
TEE_Result ta_object_alloc(uint32_t type, uint32_t max_size,
			   struct ta_object **out);
/* Frees attributes (wiping secret bytes), the handle and the object. */
void ta_object_free(struct ta_object *o);
/* The object behind a handle; panics (GP) if h is not a live object
 * handle. */
struct ta_object *ta_object_get(TEE_ObjectHandle h);
/* The same, but NULL instead of a panic (for TEE_HANDLE_NULL checks). */
struct ta_object *ta_object_find(TEE_ObjectHandle h);

/*
 * The attribute blob of a persistent object: every attribute of o in a
 * self-describing, versioned byte format.  ta_object_blob_size() is the
 * exact length ta_object_blob_write() produces.  ta_object_blob_read()
 * replaces o's attributes with the blob's after checking every length and
 * that each attribute is one o's type allows (TEE_ERROR_CORRUPT_OBJECT
 * otherwise, with o left empty).
 */
size_t ta_object_blob_size(const struct ta_object *o);
void ta_object_blob_write(const struct ta_object *o, uint8_t *out);
TEE_Result ta_object_blob_read(struct ta_object *o, const uint8_t *blob,
			       size_t len);

#endif /* VTEE_TA_OBJECT_H */
