/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What every TA shared object carries besides its code, emitted by the
 * dev kit's user_ta_header.c from the TA's user_ta_header_defines.h:
 *
 *   ta_head	      UUID, stack size and TA_FLAGS (section .ta_head)
 *   ta_props[]	      the TA's properties (gpd.ta.* and the TA's own)
 *   ta_num_props     how many
 *
 * The launcher reads all three with dlsym(), so they have default
 * visibility even though the rest of a TA is hidden.
 */
#ifndef VTEE_DEVKIT_USER_TA_HEADER_H
#define VTEE_DEVKIT_USER_TA_HEADER_H

#include <tee_api_types.h>

/* TA_FLAGS bits */
#define TA_FLAG_USER_MODE		0	/* no longer meaningful */
#define TA_FLAG_EXEC_DDR		0	/* no longer meaningful */
#define TA_FLAG_SINGLE_INSTANCE		(1u << 2)
#define TA_FLAG_MULTI_SESSION		(1u << 3)
#define TA_FLAG_INSTANCE_KEEP_ALIVE	(1u << 4)  /* survives the last close */
#define TA_FLAG_SECURE_DATA_PATH	(1u << 5)
#define TA_FLAG_REMAP_SUPPORT		0	/* no longer meaningful */
#define TA_FLAG_CACHE_MAINTENANCE	(1u << 7)
#define TA_FLAG_CONCURRENT		(1u << 8)  /* pseudo-TAs only */
#define TA_FLAG_DEVICE_ENUM		(1u << 9)
#define TA_FLAG_DEVICE_ENUM_SUPP	(1u << 10)
#define TA_FLAG_DONT_CLOSE_HANDLE_ON_CORRUPT_OBJECT (1u << 11)
#define TA_FLAG_DEVICE_ENUM_TEE_STORAGE_PRIVATE (1u << 12)
#define TA_FLAG_INSTANCE_KEEP_CRASHED	(1u << 13) /* not restarted after a crash */
#define TA_FLAGS_MASK			((1u << 14) - 1)

struct ta_head {
	TEE_UUID uuid;
	uint32_t stack_size;	/* TA_STACK_SIZE + room for the runtime */
	uint32_t flags;		/* TA_FLAGS */
	uint64_t depr_entry;	/* unused; UINT64_MAX */
};

/* Names of the properties user_ta_header.c emits */
#define TA_PROP_STR_SINGLE_INSTANCE	"gpd.ta.singleInstance"
#define TA_PROP_STR_MULTI_SESSION	"gpd.ta.multiSession"
#define TA_PROP_STR_KEEP_ALIVE		"gpd.ta.instanceKeepAlive"
#define TA_PROP_STR_KEEP_CRASHED	"optee.ta.instanceKeepCrashed"
#define TA_PROP_STR_DATA_SIZE		"gpd.ta.dataSize"
#define TA_PROP_STR_STACK_SIZE		"gpd.ta.stackSize"
#define TA_PROP_STR_VERSION		"gpd.ta.version"
#define TA_PROP_STR_DESCRIPTION		"gpd.ta.description"
#define TA_PROP_STR_ENDIAN		"gpd.ta.endian"
#define TA_PROP_STR_DOES_NOT_CLOSE_HANDLE_ON_CORRUPT_OBJECT \
	"gpd.ta.doesNotCloseHandleOnCorruptObject"

/* What user_ta_property.value points at */
enum user_ta_prop_type {
	USER_TA_PROP_TYPE_BOOL,		/* bool */
	USER_TA_PROP_TYPE_U32,		/* uint32_t */
	USER_TA_PROP_TYPE_UUID,		/* TEE_UUID */
	USER_TA_PROP_TYPE_IDENTITY,	/* TEE_Identity */
	USER_TA_PROP_TYPE_STRING,	/* NUL-terminated string */
	USER_TA_PROP_TYPE_BINARY_BLOCK,	/* NUL-terminated base64 string */
	USER_TA_PROP_TYPE_U64,		/* uint64_t */
	USER_TA_PROP_TYPE_INVALID,
};

struct user_ta_property {
	const char *name;
	enum user_ta_prop_type type;
	const void *value;
};

extern const struct ta_head ta_head;
extern const struct user_ta_property ta_props[];
extern const size_t ta_num_props;

#endif /* VTEE_DEVKIT_USER_TA_HEADER_H */
