/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The test TAs' command interface, shared by the TA sources and the
 * client-side tests.  One source (tests/ta/test_ta.c) builds four TAs that
 * differ only in UUID and TA_FLAGS, so the trusted OS's instance rules can
 * be tested: see the table below.
 */
#ifndef VTEE_TEST_TA_H
#define VTEE_TEST_TA_H

/* SINGLE_INSTANCE | MULTI_SESSION: one process serves every session. */
#define TEST_TA_UUID \
	{ 0x572b41d1, 0x822e, 0x416c, \
	  { 0x9e, 0x43, 0x98, 0xa4, 0xf5, 0xc1, 0xc3, 0xdb } }
/* flags 0: every session gets its own instance (process). */
#define TEST_TA_MULTI_UUID \
	{ 0xdd28bbe3, 0x3bd3, 0x449d, \
	  { 0x8d, 0x19, 0x50, 0x32, 0x52, 0x1e, 0xeb, 0xa5 } }
/* SINGLE_INSTANCE only: a second concurrent session gets TEE_ERROR_BUSY. */
#define TEST_TA_SINGLE_UUID \
	{ 0x578bbc8d, 0x00c7, 0x4f73, \
	  { 0x89, 0xe2, 0x9a, 0x00, 0x00, 0xdf, 0x9c, 0xae } }
/* SINGLE_INSTANCE | MULTI_SESSION | INSTANCE_KEEP_ALIVE. */
#define TEST_TA_KEEPALIVE_UUID \
	{ 0xc361861a, 0x4daf, 0x4ad7, \
	  { 0xa1, 0xe0, 0x39, 0x82, 0xb9, 0x9f, 0x16, 0xf7 } }

/* The test supplicant plugin (tests/plugins), by UUID. */
#define TEST_PLUGIN_UUID \
	{ 0x93b926fc, 0xe035, 0x4ff4, \
	  { 0x97, 0xb5, 0x39, 0x9e, 0x8d, 0x61, 0xb0, 0x4e } }
/* Its commands: reverse the buffer; write a greeting (SHORT_BUFFER with
 * the size it needs if the buffer is too small); refuse. */
#define TEST_PLUGIN_REVERSE	1
#define TEST_PLUGIN_GREET	2
#define TEST_PLUGIN_REFUSE	3
#define TEST_PLUGIN_OVERCLAIM	4
#define TEST_PLUGIN_SUB_UNKNOWN	0xdead
#define TEST_PLUGIN_GREETING	"hello from the normal world"

enum test_ta_cmd {
	/* no params */
	TEST_CMD_NOP = 0,
	/* p0 VALUE_INOUT: a += 1, b += 2 */
	TEST_CMD_VALUE_INC = 1,
	/* p0 MEMREF_INOUT: every byte += 1 */
	TEST_CMD_MEMREF_INC = 2,
	/*
	 * p0 MEMREF_INPUT, p1 MEMREF_OUTPUT: copy p0 to p1.  If p1 is smaller
	 * than p0: p1.size = p0.size and TEE_ERROR_SHORT_BUFFER.
	 */
	TEST_CMD_MEMREF_COPY = 3,
	/* any params; p3 must be VALUE_OUTPUT: p3.a = the paramTypes seen,
	 * p3.b = sum of all input/inout memref bytes + value a's */
	TEST_CMD_PARAM_TYPES = 4,
	/* TEE_Panic(TEST_PANIC_CODE) */
	TEST_CMD_PANIC = 5,
	/* writes through a NULL pointer */
	TEST_CMD_SEGV = 6,
	/* the process exits (exit(3)) in the middle of a command */
	TEST_CMD_EXIT = 7,
	/*
	 * p0 VALUE_INPUT a = ms, b = 1 to TEE_UnmaskCancellation() first
	 * (GP starts every entry point masked): returns what TEE_Wait(a)
	 * returned
	 */
	TEST_CMD_WAIT = 8,
	/* unmasks cancellation, spins (with TEE_Wait(10)) until
	 * TEE_GetCancellationFlag() is true: TEE_ERROR_CANCEL */
	TEST_CMD_SPIN_UNTIL_CANCEL = 9,
	/*
	 * TA-to-TA: p0 VALUE_INOUT, p1 MEMREF_INOUT.  Opens a session on
	 * TEST_TA_MULTI_UUID, forwards VALUE_INC (p0) and MEMREF_INC (p1)
	 * through TEE_InvokeTACommand, closes it.  p0/p1 come back as the
	 * callee left them.
	 */
	TEST_CMD_TA2TA = 10,
	/* p0 VALUE_OUTPUT a = REE time s, b = ms; p1 VALUE_OUTPUT a = system
	 * time s, b = ms */
	TEST_CMD_TIME = 11,
	/* p0 MEMREF_OUTPUT: TEE_GetPropertyAsString(CURRENT_TA,
	 * "gpd.ta.description"), NUL included; SHORT_BUFFER with size */
	TEST_CMD_TA_DESCRIPTION = 12,
	/* p0 MEMREF_OUTPUT (20 bytes): gpd.client.identity as login (u32,
	 * host order) then the 16 UUID octets (TEE_UUID memory layout
	 * converted to RFC byte order) */
	TEST_CMD_CLIENT_IDENTITY = 13,
	/* p0 VALUE_OUTPUT a = ++counter (a global of the instance), b = pid */
	TEST_CMD_INSTANCE_COUNTER = 14,
	/* p0 VALUE_OUTPUT a = 0 if every TEE_Malloc/Realloc/MemMove/
	 * MemCompare/MemFill/InstanceData check passed, else the failing
	 * check's number */
	TEST_CMD_MEMORY = 15,
	/* p0 MEMREF_INOUT: p0 VALUE... TEE_CheckMemoryAccessRights on p0's
	 * buffer (ANY_OWNER|READ|WRITE must pass; without ANY_OWNER must
	 * fail) and on a private heap buffer (the reverse):
	 * TEE_SUCCESS or TEE_ERROR_GENERIC */
	TEST_CMD_CHECK_ACCESS = 16,
	/* p0 MEMREF_OUTPUT: TEE_GenerateRandom */
	TEST_CMD_RANDOM = 17,
	/* p0 VALUE_OUTPUT a = number of sessions the instance has open */
	TEST_CMD_SESSION_COUNT = 18,
	/*
	 * TA-to-TA size query: asks a TEST_TA_MULTI_UUID instance for its
	 * TEST_CMD_TA_DESCRIPTION with a NULL buffer of size 0.  p0
	 * VALUE_OUTPUT a = the result the callee gave, b = the size it asked
	 * for.
	 */
	TEST_CMD_TA2TA_SIZE_QUERY = 19,
	/*
	 * TA-to-TA wait: unmasks its own cancellation, then invokes
	 * TEST_CMD_WAIT (unmasked) on a TEST_TA_MULTI_UUID instance.  p0
	 * VALUE_INPUT a = wait ms, b = cancellationRequestTimeout ms
	 * (0xffffffff: none); returns what the callee returned.
	 */
	TEST_CMD_TA2TA_WAIT = 20,
	/*
	 * tee_invoke_supp_plugin(TEST_PLUGIN_UUID, p0.a, p0.b, p1 buffer):
	 * p0 VALUE_INPUT a = cmd, b = sub_cmd; p1 MEMREF_INOUT; p2
	 * VALUE_OUTPUT a = the result, b = outlen.  Sub_cmd
	 * TEST_PLUGIN_SUB_UNKNOWN asks a UUID no plugin has instead.
	 */
	TEST_CMD_SUPP_PLUGIN = 21,
	/*
	 * OP-TEE's memory extensions: tee_map_zi (zeroed, writable; bad
	 * flags give NULL), tee_map_zi_va at a free address and not over a
	 * mapping, tee_unmap, TEE_CacheClean/Flush/Invalidate on that memory
	 * and on p0 (client memory), and the heap mark and check.  p0
	 * MEMREF_INOUT; p1 VALUE_OUTPUT a = the first step that failed, 0.
	 */
	TEST_CMD_MEM_EXTENSIONS = 22,
};

#define TEST_PANIC_CODE 0xdead0001u

/* OpenSession: if p0 is VALUE_INPUT with a == TEST_OPEN_FAIL, the open
 * fails with TEE_ERROR_ACCESS_DENIED; otherwise p0 VALUE_OUTPUT (if given)
 * gets a = 0x5e55 */
#define TEST_OPEN_FAIL 0xbad0u

#endif /* VTEE_TEST_TA_H */
