/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The asymmetric test TA's command interface (tests/ta/asym_ta.c),
 * shared with its client, tests/integration/tos/test_asym.c: key
 * generation, asymmetric operations and key derivation of libvtee_ta.so
 * in a real TA process, driven by the client's known-answer vectors.
 *
 * Two builds of one source: ASYM_TA_UUID in GP v1.3 mode and
 * ASYM_TA_GP11_UUID in GP v1.1 mode (the __GP11_* functions).
 * TA_FLAGS 0: every session is an instance of its own, so a panic case
 * kills its own instance only.
 *
 * Attribute lists (p2 of POPULATE and GENERATE, part of RUN's request)
 * are little-endian u32 words: the count, then per attribute its id and,
 * for a value attribute (bit 29 set), a and b, else the length and the
 * bytes (unpadded).
 */
#ifndef VTEE_ASYM_TA_H
#define VTEE_ASYM_TA_H

#define ASYM_TA_UUID \
	{ 0x3fee4d5c, 0xfd44, 0x423e, \
	  { 0xa6, 0xe9, 0x62, 0x7e, 0xa4, 0x2d, 0xc8, 0x28 } }
#define ASYM_TA_GP11_UUID \
	{ 0x0e84e349, 0x31ca, 0x47b6, \
	  { 0x9b, 0xd5, 0x5b, 0x3e, 0xb6, 0xf5, 0xfd, 0x5e } }

/* Key objects a session keeps, by slot */
#define ASYM_SLOTS	8

enum asym_ta_cmd {
	/*
	 * A key from its attributes, into a slot (its old object freed).
	 *   p0 VALUE_INPUT  a = slot, b = object type
	 *   p1 VALUE_INPUT  a = maxObjectSize
	 *   p2 MEMREF_INPUT the attribute list
	 * Returns Allocate's, then Populate's result.
	 */
	ASYM_CMD_POPULATE = 0,
	/*
	 * TEE_GenerateKey into a slot.
	 *   p0 VALUE_INPUT  a = slot, b = object type
	 *   p1 VALUE_INPUT  a = maxObjectSize, b = keySize
	 *   p2 MEMREF_INPUT the parameters (an attribute list)
	 */
	ASYM_CMD_GENERATE = 1,
	/*
	 * A buffer attribute of a slot's key.
	 *   p0 VALUE_INPUT   a = slot, b = attribute id
	 *   p1 MEMREF_OUTPUT the bytes (size updated, also on SHORT_BUFFER)
	 */
	ASYM_CMD_GET_ATTR = 2,
	/*
	 * One operation: allocate, set the key(s), run, free.
	 *   p0 VALUE_INPUT  a = algorithm, b = mode
	 *   p1 VALUE_INPUT  a = key slot, and (second slot + 1) << 16 for
	 *                   SetOperationKey2; b = maxKeySize
	 *   p2 MEMREF_INPUT the request: u32 derived key maxObjectSize
	 *                   (DERIVE), the parameters (an attribute list),
	 *                   u32 input length, the input
	 *   p3 MEMREF_OUTPUT (encrypt, decrypt, sign, derive) the output,
	 *                   size updated also on TEE_ERROR_SHORT_BUFFER; a
	 *                   derivation's is the secret, then the 32 bytes of
	 *                   TEE_ATTR_SM2_KEP_CONFIRMATION_OUT if asked for;
	 *      MEMREF_INPUT (verify) the signature
	 * Returns the first failure, else the operation's own result.
	 */
	ASYM_CMD_RUN = 3,
	/* p0 VALUE_INPUT a = enum asym_ta_panic: a GP panic reason.  Never
	 * returns (TEE_ERROR_TARGET_DEAD) unless the runtime misses it
	 * (TEE_ERROR_GENERIC). */
	ASYM_CMD_PANIC = 4,
};

enum asym_ta_panic {
	ASYM_PANIC_WRONG_MODE,		/* sign, VERIFY operation */
	ASYM_PANIC_WRONG_CLASS,		/* encrypt, signature one */
	ASYM_PANIC_NO_KEY,		/* sign before SetOperationKey */
	ASYM_PANIC_WRONG_KEY_TYPE,	/* an AES key for RSA */
	ASYM_PANIC_KEY_USAGE,		/* a VERIFY-only key, SIGN */
	ASYM_PANIC_DERIVE_INTO_AES,	/* DeriveKey into AES */
	ASYM_PANIC_DERIVE_BAD_POINT,	/* ECDH, a point off the curve */
	ASYM_PANIC_GENERATE_TWICE,	/* an initialized key again */
	ASYM_PANIC_GENERATE_NO_CURVE,	/* ECDSA without ECC_CURVE */
	ASYM_PANIC_GENERATE_BAD_SIZE,	/* a 160-bit AES key */
	ASYM_PANIC_VERIFY_NULL_SIG,	/* signature NULL, a length */
	ASYM_PANIC_COUNT
};

#endif /* VTEE_ASYM_TA_H */
