/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Types of the GlobalPlatform TEE Internal Core API v1.3.1, and the v1.1
 * variants (__GP11_*) that <tee_api_compat.h> substitutes for TAs built in
 * v1.1 mode.  Both sets always exist so that the runtime and the dev
 * kit's entry wrappers can convert between them.
 *
 * Handles are pointers to incomplete structs; vtee hands out values that
 * fit in 32 bits, because TA code casts them to uint32_t.
 */
#ifndef VTEE_DEVKIT_TEE_API_TYPES_H
#define VTEE_DEVKIT_TEE_API_TYPES_H

#include <compiler.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_api_defines.h>

typedef uint32_t TEE_Result;
typedef uint32_t TEE_ErrorOrigin;

/* In memory the fields are host-endian; RFC 4122 order is the string
 * order: timeLow, timeMid, timeHiAndVersion, clockSeqAndNode[0..7]. */
typedef struct {
	uint32_t timeLow;
	uint16_t timeMid;
	uint16_t timeHiAndVersion;
	uint8_t clockSeqAndNode[8];
} TEE_UUID;

/* A client: login is a TEE_LOGIN_* value, uuid is nil when not relevant */
typedef struct {
	uint32_t login;
	TEE_UUID uuid;
} TEE_Identity;

/* One operation parameter; paramTypes says which member is meaningful. */
typedef union {
	struct {
		void *buffer;
		size_t size;
	} memref;
	struct {
		uint32_t a;
		uint32_t b;
	} value;
} TEE_Param;

/* The v1.1 parameter: a 32-bit memref size */
typedef union {
	struct {
		void *buffer;
		uint32_t size;
	} memref;
	struct {
		uint32_t a;
		uint32_t b;
	} value;
} __GP11_TEE_Param;

typedef struct __TEE_TASessionHandle *TEE_TASessionHandle;
/* A TEE_PROPSET_* pseudo-handle or a property enumerator */
typedef struct __TEE_PropSetHandle *TEE_PropSetHandle;
typedef struct __TEE_ObjectHandle *TEE_ObjectHandle;
typedef struct __TEE_ObjectEnumHandle *TEE_ObjectEnumHandle;
typedef struct __TEE_OperationHandle *TEE_OperationHandle;

/* Storage */
typedef uint32_t TEE_ObjectType;
typedef uint32_t TEE_Whence;

typedef struct {
	uint32_t objectType;
	uint32_t objectSize;
	uint32_t maxObjectSize;
	uint32_t objectUsage;
	size_t dataSize;
	size_t dataPosition;
	uint32_t handleFlags;
} TEE_ObjectInfo;

/* v1.1 object info: 32-bit data sizes; the v1.1 names keySize and
 * maxKeySize alias the later objectSize and maxObjectSize */
typedef struct {
	uint32_t objectType;
	__extension__ union {
		uint32_t keySize;
		uint32_t objectSize;
	};
	__extension__ union {
		uint32_t maxKeySize;
		uint32_t maxObjectSize;
	};
	uint32_t objectUsage;
	uint32_t dataSize;
	uint32_t dataPosition;
	uint32_t handleFlags;
} __GP11_TEE_ObjectInfo;

typedef struct {
	uint32_t attributeID;
	union {
		struct {
			void *buffer;
			size_t length;
		} ref;
		struct {
			uint32_t a, b;
		} value;
	} content;
} TEE_Attribute;

/* v1.1 attribute: a 32-bit buffer length */
typedef struct {
	uint32_t attributeID;
	union {
		struct {
			void *buffer;
			uint32_t length;
		} ref;
		struct {
			uint32_t a, b;
		} value;
	} content;
} __GP11_TEE_Attribute;

/* Cryptographic operations */
typedef uint32_t TEE_OperationMode;

typedef struct {
	uint32_t algorithm;
	uint32_t operationClass;
	uint32_t mode;
	uint32_t digestLength;
	uint32_t maxKeySize;
	uint32_t keySize;
	uint32_t requiredKeyUsage;
	uint32_t handleState;
} TEE_OperationInfo;

typedef struct {
	uint32_t keySize;
	uint32_t requiredKeyUsage;
} TEE_OperationInfoKey;

typedef struct {
	uint32_t algorithm;
	uint32_t operationClass;
	uint32_t mode;
	uint32_t digestLength;
	uint32_t maxKeySize;
	uint32_t handleState;
	uint32_t operationState;
	uint32_t numberOfKeys;
	TEE_OperationInfoKey keyInformation[];
} TEE_OperationInfoMultiple;

/* Time */
typedef struct {
	uint32_t seconds;
	uint32_t millis;
} TEE_Time;

/* Arithmetic: arrays of uint32_t sized with TEE_BigIntSizeInU32() etc. */
typedef uint32_t TEE_BigInt;
typedef uint32_t TEE_BigIntFMM;
typedef uint32_t TEE_BigIntFMMContext;

/* Memory reference direction flags */
#define TEE_MEM_INPUT		0x00000001
#define TEE_MEM_OUTPUT		0x00000002

#define TEE_MEMREF_0_USED	0x00000001
#define TEE_MEMREF_1_USED	0x00000002
#define TEE_MEMREF_2_USED	0x00000004
#define TEE_MEMREF_3_USED	0x00000008

#endif /* VTEE_DEVKIT_TEE_API_TYPES_H */
