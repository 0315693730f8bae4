/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The probe TA, loaded only by test_ta_launcher: it pokes at the sandbox
 * and at the runtime's API from inside a TA process.
 */
#ifndef PROBE_TA_H
#define PROBE_TA_H

/* Built three times: plain, in GP v1.1 mode, and with a constructor that
 * tries to write a file while the image loads. */
#define PROBE_TA_UUID \
	{ 0x1c6e4c8a, 0x3f0b, 0x4d6e, \
	  { 0x9a, 0x51, 0x7b, 0x2f, 0x0e, 0x6d, 0x4c, 0x31 } }
#define PROBE_TA_GP11_UUID \
	{ 0x1c6e4c8a, 0x3f0b, 0x4d6e, \
	  { 0x9a, 0x51, 0x7b, 0x2f, 0x0e, 0x6d, 0x4c, 0x32 } }
#define PROBE_TA_CTOR_UUID \
	{ 0x1c6e4c8a, 0x3f0b, 0x4d6e, \
	  { 0x9a, 0x51, 0x7b, 0x2f, 0x0e, 0x6d, 0x4c, 0x33 } }

/* What the constructor variant tries to create */
#define PROBE_CTOR_PATH "/tmp/vtee-probe-ta-ctor-must-not-exist"
/* What the other variants' constructor tries to read: no library */
#define PROBE_CTOR_READ_PATH "/etc/passwd"

enum probe_cmd {
	/* open() a file: the sandbox must kill the TA */
	PROBE_CMD_OPEN_FILE = 0,
	/* map executable memory: the sandbox must kill the TA */
	PROBE_CMD_EXEC_MAP = 1,
	/* printf() to the closed stdout: must survive */
	PROBE_CMD_PRINTF = 2,
	/* p0 VALUE_OUTPUT a = 0, or the number of the property check that
	 * failed (TA, client and TEE sets; the OS side serves 4 TEE props) */
	PROBE_CMD_PROPERTIES = 3,
	/* IMSG("probe says %d", 42) */
	PROBE_CMD_LOG = 4,
	/* p0 MEMREF_INOUT: reverse the bytes, report one byte less */
	PROBE_CMD_MEMREF = 5,
	/* p0 MEMREF_INPUT from a read-only mapping; p1 VALUE_OUTPUT a = 0 or
	 * the number of the access-rights check that failed */
	PROBE_CMD_ACCESS = 6,
	/* p0 VALUE_OUTPUT a = errno of the constructor's read-only open of
	 * PROBE_CTOR_READ_PATH (0: it succeeded) */
	PROBE_CMD_CTOR_READ = 7,
};

/* The client the test opens its session as */
#define PROBE_CLIENT_LOGIN	0x00000004	/* TEE_LOGIN_APPLICATION */
#define PROBE_CLIENT_UUID_STR	"00112233-4455-6677-8899-aabbccddeeff"

/* The TEE properties the test's OS side lists, in this order, with their
 * types (USER_TA_PROP_TYPE_*: 0 bool, 1 u32, 2 UUID, 4 string) */
#define PROBE_TEE_PROPS \
	X("gpd.tee.description", 4, "vtee test OS") \
	X("gpd.tee.arith.maxBigIntSize", 1, "2048") \
	X("gpd.tee.cryptography.ecc", 0, "true") \
	X("gpd.tee.deviceID", 2, "c0ffee00-0000-4000-8000-000000000001")

#endif /* PROBE_TA_H */
