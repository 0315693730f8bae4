/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The object test TA's command interface (tests/ta/object_ta.c), shared
 * with its client, tests/integration/tos/test_objects.c: GP transient
 * objects and attributes in a real TA process.  The logic is unit-tested
 * in depth (tests/unit/ta/test_ta_objects.c); this checks the runtime
 * library a TA links against, in both API versions, and that GP's
 * panics kill the instance.
 *
 * Two builds of one source: OBJECT_TA_UUID in GP v1.3 mode and
 * OBJECT_TA_GP11_UUID in GP v1.1 mode (__GP11_* functions).  TA_FLAGS 0:
 * every session is an instance of its own.
 */
#ifndef VTEE_OBJECT_TA_H
#define VTEE_OBJECT_TA_H

#define OBJECT_TA_UUID \
	{ 0x3ee64638, 0x9bcf, 0x46ef, \
	  { 0x8e, 0x85, 0x30, 0x03, 0x0b, 0x9b, 0xca, 0xff } }
#define OBJECT_TA_GP11_UUID \
	{ 0x3d2bce31, 0x395b, 0x4a8f, \
	  { 0x91, 0xc8, 0x1a, 0xff, 0x47, 0xec, 0x5a, 0x0a } }

enum object_ta_cmd {
	/*
	 * A secret key: allocate, populate TEE_ATTR_SECRET_VALUE, read it
	 * back.
	 *   p0 VALUE_INOUT   in: a = object type, b = maxObjectSize;
	 *                    out: a = objectSize, b = handleFlags
	 *   p1 MEMREF_INPUT  the key
	 *   p2 MEMREF_OUTPUT the key read back (its size updated, also on
	 *                    TEE_ERROR_SHORT_BUFFER)
	 * Returns the first failure of Allocate, Populate, GetObjectInfo1
	 * and GetObjectBufferAttribute.
	 */
	OBJECT_CMD_SECRET = 0,
	/*
	 * An RSA key pair (modulus, public and private exponents in p0, p1,
	 * p2) copied into a public key object.
	 *   p3 VALUE_OUTPUT  a = the public key's objectSize, b = what
	 *                    reading the private exponent from it returned
	 */
	OBJECT_CMD_RSA_PUBLIC = 1,
	/* p0 VALUE_INPUT a = enum object_ta_panic: a GP panic reason.
	 * Never returns (TEE_ERROR_TARGET_DEAD) unless the runtime misses
	 * it (TEE_ERROR_GENERIC). */
	OBJECT_CMD_PANIC = 2,
};

enum object_ta_panic {
	OBJECT_PANIC_MISSING_ATTR,	/* Populate without SECRET_VALUE */
	OBJECT_PANIC_FOREIGN_ATTR,	/* an RSA attribute for AES */
	OBJECT_PANIC_TOO_BIG,		/* a 256-bit key, maxObjectSize 128 */
	OBJECT_PANIC_POPULATE_TWICE,
	OBJECT_PANIC_NOT_EXTRACTABLE,	/* reading a secret, usage restricted */
	OBJECT_PANIC_UNINITIALIZED,	/* reading from an empty object */
	OBJECT_PANIC_WRONG_KIND,	/* the value getter for a buffer */
	OBJECT_PANIC_BAD_HANDLE,	/* closing a made-up handle */
	OBJECT_PANIC_FREED_HANDLE,	/* info of a freed object */
	OBJECT_PANIC_COPY_INCOMPATIBLE,	/* AES into HMAC */
	OBJECT_PANIC_INIT_REF_OF_VALUE,	/* TEE_InitRefAttribute(ECC_CURVE) */
	OBJECT_PANIC_COUNT
};

#endif /* VTEE_OBJECT_TA_H */
