/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GlobalPlatform TEE Client API v1.0, as implemented by vtee's libteec.
 *
 * Names and values are the ones GlobalPlatform defines.  The structures
 * keep the member types and order of OP-TEE's optee_client header, private
 * parts included, so that sources and binaries built against that header
 * work with this library (libteec.so.2) unchanged.  Members under `imp`
 * belong to the implementation: a client application must not touch them.
 */
#ifndef TEE_CLIENT_API_H
#define TEE_CLIENT_API_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Memory references one operation carries at most. */
#define TEEC_CONFIG_PAYLOAD_REF_COUNT	4

/* No limit of its own: the TEE refuses what it cannot hold. */
#define TEEC_CONFIG_SHAREDMEM_MAX_SIZE	ULONG_MAX

/* Parameter types (TEEC_Operation.paramTypes, 4 bits each) */
#define TEEC_NONE			0x00000000
#define TEEC_VALUE_INPUT		0x00000001
#define TEEC_VALUE_OUTPUT		0x00000002
#define TEEC_VALUE_INOUT		0x00000003
#define TEEC_MEMREF_TEMP_INPUT		0x00000005
#define TEEC_MEMREF_TEMP_OUTPUT		0x00000006
#define TEEC_MEMREF_TEMP_INOUT		0x00000007
#define TEEC_MEMREF_WHOLE		0x0000000C
#define TEEC_MEMREF_PARTIAL_INPUT	0x0000000D
#define TEEC_MEMREF_PARTIAL_OUTPUT	0x0000000E
#define TEEC_MEMREF_PARTIAL_INOUT	0x0000000F

/* Directions of a shared memory block (TEEC_SharedMemory.flags) */
#define TEEC_MEM_INPUT			0x00000001
#define TEEC_MEM_OUTPUT			0x00000002

/* Return codes */
#define TEEC_SUCCESS			0x00000000
#define TEEC_ERROR_STORAGE_NOT_AVAILABLE 0xF0100003
#define TEEC_ERROR_GENERIC		0xFFFF0000
#define TEEC_ERROR_ACCESS_DENIED	0xFFFF0001
#define TEEC_ERROR_CANCEL		0xFFFF0002
#define TEEC_ERROR_ACCESS_CONFLICT	0xFFFF0003
#define TEEC_ERROR_EXCESS_DATA		0xFFFF0004
#define TEEC_ERROR_BAD_FORMAT		0xFFFF0005
#define TEEC_ERROR_BAD_PARAMETERS	0xFFFF0006
#define TEEC_ERROR_BAD_STATE		0xFFFF0007
#define TEEC_ERROR_ITEM_NOT_FOUND	0xFFFF0008
#define TEEC_ERROR_NOT_IMPLEMENTED	0xFFFF0009
#define TEEC_ERROR_NOT_SUPPORTED	0xFFFF000A
#define TEEC_ERROR_NO_DATA		0xFFFF000B
#define TEEC_ERROR_OUT_OF_MEMORY	0xFFFF000C
#define TEEC_ERROR_BUSY			0xFFFF000D
#define TEEC_ERROR_COMMUNICATION	0xFFFF000E
#define TEEC_ERROR_SECURITY		0xFFFF000F
#define TEEC_ERROR_SHORT_BUFFER		0xFFFF0010
#define TEEC_ERROR_EXTERNAL_CANCEL	0xFFFF0011
#define TEEC_ERROR_TARGET_DEAD		0xFFFF3024
#define TEEC_ERROR_STORAGE_NO_SPACE	0xFFFF3041

/*
 * Codes of the TEE Internal API a client may see come back from a TA.
 * OP-TEE's client header spells them too; a TA-side header that defines
 * them first wins.
 */
#ifndef TEE_ERROR_EXTERNAL_CANCEL
#define TEE_ERROR_EXTERNAL_CANCEL	0xFFFF0011
#endif
#ifndef TEE_ERROR_OVERFLOW
#define TEE_ERROR_OVERFLOW		0xFFFF300F
#endif
#ifndef TEE_ERROR_TARGET_DEAD
#define TEE_ERROR_TARGET_DEAD		0xFFFF3024
#endif
#ifndef TEE_ERROR_STORAGE_NO_SPACE
#define TEE_ERROR_STORAGE_NO_SPACE	0xFFFF3041
#endif
#ifndef TEE_ERROR_MAC_INVALID
#define TEE_ERROR_MAC_INVALID		0xFFFF3071
#endif
#ifndef TEE_ERROR_SIGNATURE_INVALID
#define TEE_ERROR_SIGNATURE_INVALID	0xFFFF3072
#endif
#ifndef TEE_ERROR_TIME_NOT_SET
#define TEE_ERROR_TIME_NOT_SET		0xFFFF5000
#endif
#ifndef TEE_ERROR_TIME_NEEDS_RESET
#define TEE_ERROR_TIME_NEEDS_RESET	0xFFFF5001
#endif

/* Where a return code comes from */
#define TEEC_ORIGIN_API			0x00000001
#define TEEC_ORIGIN_COMMS		0x00000002
#define TEEC_ORIGIN_TEE			0x00000003
#define TEEC_ORIGIN_TRUSTED_APP		0x00000004

/* Login methods of TEEC_OpenSession */
#define TEEC_LOGIN_PUBLIC		0x00000000
#define TEEC_LOGIN_USER			0x00000001
#define TEEC_LOGIN_GROUP		0x00000002
#define TEEC_LOGIN_APPLICATION		0x00000004
#define TEEC_LOGIN_USER_APPLICATION	0x00000005
#define TEEC_LOGIN_GROUP_APPLICATION	0x00000006

/* paramTypes from the four parameter types, and back */
#define TEEC_PARAM_TYPES(p0, p1, p2, p3) \
	((p0) | ((p1) << 4) | ((p2) << 8) | ((p3) << 12))
#define TEEC_PARAM_TYPE_GET(t, i)	(((t) >> ((i) * 4)) & 0xF)

typedef uint32_t TEEC_Result;

/* A TEE context: one open TEE device. */
typedef struct {
	struct {
		int fd;			/* the device */
		bool reg_mem;		/* it can register user memory */
		bool memref_null;	/* it takes NULL memory references */
	} imp;
} TEEC_Context;

/* An RFC 4122 UUID naming a Trusted Application. */
typedef struct {
	uint32_t timeLow;
	uint16_t timeMid;
	uint16_t timeHiAndVersion;
	uint8_t clockSeqAndNode[8];
} TEEC_UUID;

/* A block of memory shared with the TEE, allocated or registered. */
typedef struct {
	void *buffer;
	size_t size;
	uint32_t flags;		/* TEEC_MEM_INPUT | TEEC_MEM_OUTPUT */
	struct {
		int id;			/* the TEE's shm id, -1 for none */
		size_t alloced_size;	/* bytes of the mapping */
		void *shadow_buffer;	/* copy of a registered buffer */
		int registered_fd;	/* the shm's fd, -1 for none */
		uint32_t flags;		/* how the block was made */
	} imp;
} TEEC_SharedMemory;

/* Memory shared for the duration of one operation only. */
typedef struct {
	void *buffer;
	size_t size;
} TEEC_TempMemoryReference;

/* All (MEMREF_WHOLE) or part of a TEEC_SharedMemory block. */
typedef struct {
	TEEC_SharedMemory *parent;
	size_t size;
	size_t offset;
} TEEC_RegisteredMemoryReference;

/* Two integers passed by value. */
typedef struct {
	uint32_t a;
	uint32_t b;
} TEEC_Value;

typedef union {
	TEEC_TempMemoryReference tmpref;
	TEEC_RegisteredMemoryReference memref;
	TEEC_Value value;
} TEEC_Parameter;

/* A session with a Trusted Application. */
typedef struct {
	struct {
		TEEC_Context *ctx;
		uint32_t session_id;
	} imp;
} TEEC_Session;

/*
 * The parameters of an open or invoke.  `started` must be set to 0 by the
 * client before each use if it may cancel the operation; the library sets
 * it to 1 when the operation goes to the TEE.
 */
typedef struct {
	uint32_t started;
	uint32_t paramTypes;
	TEEC_Parameter params[TEEC_CONFIG_PAYLOAD_REF_COUNT];
	struct {
		TEEC_Session *session;
	} imp;
} TEEC_Operation;

/* name: NULL for the default TEE, or "optee-tz" for an OP-TEE one. */
TEEC_Result TEEC_InitializeContext(const char *name, TEEC_Context *context);
void TEEC_FinalizeContext(TEEC_Context *context);

TEEC_Result TEEC_OpenSession(TEEC_Context *context, TEEC_Session *session,
			     const TEEC_UUID *destination,
			     uint32_t connectionMethod,
			     const void *connectionData,
			     TEEC_Operation *operation,
			     uint32_t *returnOrigin);
void TEEC_CloseSession(TEEC_Session *session);
TEEC_Result TEEC_InvokeCommand(TEEC_Session *session, uint32_t commandID,
			       TEEC_Operation *operation,
			       uint32_t *returnOrigin);
void TEEC_RequestCancellation(TEEC_Operation *operation);

TEEC_Result TEEC_RegisterSharedMemory(TEEC_Context *context,
				      TEEC_SharedMemory *sharedMem);
TEEC_Result TEEC_AllocateSharedMemory(TEEC_Context *context,
				      TEEC_SharedMemory *sharedMem);
void TEEC_ReleaseSharedMemory(TEEC_SharedMemory *sharedMemory);

/*
 * Extension (OP-TEE): shares the dma-buf `fd` of a protected-memory heap
 * of this TEE.  buffer becomes NULL and size the buffer's size.
 * TEEC_ERROR_NOT_SUPPORTED when the device cannot register fds.
 */
TEEC_Result TEEC_RegisterSharedMemoryFileDescriptor(TEEC_Context *context,
						    TEEC_SharedMemory *sharedMem,
						    int fd);

#ifdef __cplusplus
}
#endif

#endif /* TEE_CLIENT_API_H */
