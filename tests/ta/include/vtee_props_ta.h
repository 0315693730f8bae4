/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The property test TA's command interface (tests/ta/props_ta.c), shared
 * with its client, tests/integration/tos/test_properties.c: the GP
 * property functions in a real TA process, on the three sets the trusted
 * OS, the TA header and the client session give it.  The TA only calls
 * the functions and reports what they said; every expectation is the
 * client's.
 *
 * Two builds of one source: PROPS_TA_UUID in GP v1.3 mode and
 * PROPS_TA_GP11_UUID in GP v1.1 mode, chosen with GP's own selectors
 * (TEE_CORE_API_REQUIRED_MAJOR_VERSION/_MINOR_VERSION = 1/1), so that the
 * __GP11_ property functions (32-bit lengths) run too.  TA_FLAGS: an
 * instance per session, so a panic case kills only its own session.
 */
#ifndef VTEE_PROPS_TA_H
#define VTEE_PROPS_TA_H

#define PROPS_TA_UUID \
	{ 0x5b7e2c4a, 0x61d3, 0x4f0e, \
	  { 0x9a, 0x2b, 0x3c, 0x84, 0x1d, 0x6e, 0x07, 0xf5 } }
#define PROPS_TA_GP11_UUID \
	{ 0x0f3a9d62, 0x7c15, 0x4b8e, \
	  { 0xa4, 0x70, 0xd2, 0x19, 0x5e, 0x8b, 0x36, 0xc1 } }

/* The largest string, name or binary block buffer the TA offers */
#define PROPS_TA_BUF_MAX	512

/* What a command reads from */
enum props_ta_set {
	PROPS_SET_TEE,		/* TEE_PROPSET_TEE_IMPLEMENTATION */
	PROPS_SET_CLIENT,	/* TEE_PROPSET_CURRENT_CLIENT */
	PROPS_SET_TA,		/* TEE_PROPSET_CURRENT_TA */
	PROPS_SET_ENUM,		/* the session's enumerator; no name */
};

/* Which function reads it */
enum props_ta_getter {
	PROPS_AS_STRING,	/* TEE_GetPropertyAsString */
	PROPS_AS_BOOL,
	PROPS_AS_U32,
	PROPS_AS_U64,
	PROPS_AS_BINARY,	/* TEE_GetPropertyAsBinaryBlock */
	PROPS_AS_UUID,
	PROPS_AS_IDENTITY,
	PROPS_NAME,		/* TEE_GetPropertyName (PROPS_SET_ENUM) */
};

enum props_ta_cmd {
	/*
	 * One getter call.
	 *   p0 VALUE_INPUT   a = enum props_ta_set, b = enum props_ta_getter
	 *   p1 MEMREF_INPUT  the name with its NUL; empty: a NULL name
	 *   p2 MEMREF_OUTPUT what the getter wrote: a string with its NUL,
	 *                    the block, a bool as one byte, u32 and u64 in
	 *                    host order, a TEE_UUID, a TEE_Identity
	 *   p3 VALUE_INOUT   in: a = the buffer size the TA offers to the
	 *                    string, binary and name getters (at most
	 *                    PROPS_TA_BUF_MAX), b = 1 to offer a NULL
	 *                    buffer instead; out: a = the getter's
	 *                    TEE_Result, b = the length it reported
	 * Returns TEE_SUCCESS unless the parameters are wrong.
	 */
	PROPS_CMD_GET = 0,
	/*
	 * The session's enumerator.
	 *   p0 VALUE_INPUT   a = enum props_ta_enum_op, b = enum
	 *                    props_ta_set for START
	 *   p1 VALUE_OUTPUT  a = what the function returned (ALLOC, NEXT),
	 *                    b = the handle (ALLOC)
	 */
	PROPS_CMD_ENUM = 1,
	/* p0 VALUE_INPUT a = enum props_ta_panic.  Never returns
	 * (TEE_ERROR_TARGET_DEAD) unless the runtime misses the panic
	 * (TEE_ERROR_GENERIC). */
	PROPS_CMD_PANIC = 2,
};

enum props_ta_enum_op {
	PROPS_ENUM_ALLOC,	/* TEE_AllocatePropertyEnumerator */
	PROPS_ENUM_FREE,	/* TEE_FreePropertyEnumerator */
	PROPS_ENUM_START,	/* TEE_StartPropertyEnumerator */
	PROPS_ENUM_RESET,	/* TEE_ResetPropertyEnumerator */
	PROPS_ENUM_NEXT,	/* TEE_GetNextProperty */
};

enum props_ta_panic {
	PROPS_PANIC_START_NO_SET,	/* Start with an enumerator as set */
	PROPS_PANIC_FREED_ENUM,		/* AsString with a freed one */
	PROPS_PANIC_MADE_UP_ENUM,	/* GetNextProperty of a made-up one */
	PROPS_PANIC_NULL_BLOCK_LEN,	/* AsBinaryBlock, no length pointer */
};

/*
 * The TA's own properties (TA_CURRENT_TA_EXT_PROPERTIES).  Typed ones,
 * one of each GP type:
 */
#define PROPS_TA_EXT_UUID \
	{ 0x8aaaf200, 0x2450, 0x11e4, \
	  { 0xab, 0xe2, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b } }
#define PROPS_TA_EXT_U32	0xdeadbeefu
#define PROPS_TA_EXT_U64	0x0123456789abcdefull
#define PROPS_TA_EXT_BINARY	"aGVsbG8gd29ybGQ="	/* "hello world" */

/*
 * and strings, read back through every getter: each is some getter's
 * form (or almost).  X(name, text)
 */
#define PROPS_TA_EXT_STRINGS \
	X("vtee.test.string", "Hello, TEE!") \
	X("vtee.conv.bool_upper", "TRUE") \
	X("vtee.conv.bool_mixed", "False") \
	X("vtee.conv.yes", "yes") \
	X("vtee.conv.one", "1") \
	X("vtee.conv.dec_sep", "1_000_000") \
	X("vtee.conv.kilo", "1K") \
	X("vtee.conv.mega", "3M") \
	X("vtee.conv.hex", "0X4_00") \
	X("vtee.conv.bin", "0b100_0000_0000") \
	X("vtee.conv.leading_zero", "017") \
	X("vtee.conv.u32_max", "0xFFFF_FFFF") \
	X("vtee.conv.u32_over", "4294967296") \
	X("vtee.conv.mega_over", "4096M") \
	X("vtee.conv.u64_over", "0x1_0000_0000_0000_0000") \
	X("vtee.conv.int_junk", "12a") \
	X("vtee.conv.int_neg", "-1") \
	X("vtee.conv.int_lower_k", "1k") \
	X("vtee.conv.uuid_upper", "8AAAF200-2450-11E4-ABE2-0002A5D5C51B") \
	X("vtee.conv.uuid_braces", "{8aaaf200-2450-11e4-abe2-0002a5d5c51b}") \
	X("vtee.conv.uuid_bare", "8aaaf200245011e4abe20002a5d5c51b") \
	X("vtee.conv.id_hex", \
	  "0xF000_0000:8aaaf200-2450-11e4-abe2-0002a5d5c51b") \
	X("vtee.conv.id_login", "4") \
	X("vtee.conv.id_no_uuid", "4:") \
	X("vtee.conv.b64_mime", "aGVs\r\nbG8=\n") \
	X("vtee.conv.b64_nopad", "aGVsbG8") \
	X("vtee.conv.b64_after_pad", "aGVsbG8=x") \
	X("vtee.conv.b64_alphabet", "aGVsbG8*") \
	X("vtee.conv.b64_short", "aGVsb") \
	X("vtee.conv.empty", "")

#endif /* VTEE_PROPS_TA_H */
