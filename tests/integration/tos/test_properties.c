// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP properties through the real stack: the property test TA
 * (vtee_props_ta.h), in its GP v1.3 and v1.1 builds, reads every property
 * of the three sets (the TEE set from the trusted OS, the TA set from its
 * header, the client set from its session) with every getter, and this
 * process checks each answer against what GP and docs/properties.md say:
 * the printable string and its SHORT_BUFFER size, each conversion or
 * TEE_ERROR_BAD_FORMAT, the enumerators, ITEM_NOT_FOUND and the panics.
 * The conversion grammar itself is unit-tested in
 * tests/unit/ta/test_ta_logic.c.
 */
#include <inttypes.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <tee_client_api.h>

#include "ta_client.h"
#include "vtee_props_ta.h"

/* GP values libteec has no name for */
#define ERROR_BAD_FORMAT	0xFFFF0005u
#define ERROR_ITEM_NOT_FOUND	0xFFFF0008u
#define ERROR_SHORT_BUFFER	0xFFFF0010u

#define NIL_UUID	"00000000-0000-0000-0000-000000000000"
#define EXT_UUID	"8aaaf200-2450-11e4-abe2-0002a5d5c51b"

static const TEEC_UUID uuids[2] = { PROPS_TA_UUID, PROPS_TA_GP11_UUID };
static const char *const uuid_texts[2] = {
	"5b7e2c4a-61d3-4f0e-9a2b-3c841d6e07f5",
	"0f3a9d62-7c15-4b8e-a470-d2195e8b36c1",
};

/* A machine of its own: the panic cases kill TA processes, and the
 * device identity is read from its state dir. */
static struct ta_client client;

/*
 * What one property must read as.  text: TEE_GetPropertyAsString (NULL:
 * filled in at run time).  The others, NULL where the getter must answer
 * TEE_ERROR_BAD_FORMAT: b "true"/"false"; i the integer in decimal
 * (AsU64, and AsU32 if it fits); bin the block in hex; uuid in GP's text;
 * id as "<login in decimal>:<uuid>".
 */
struct expect {
	uint32_t set;
	const char *name;
	const char *text;
	const char *b, *i, *bin, *uuid, *id;
};

#define TEE(n, t, ...) \
	{ .set = PROPS_SET_TEE, .name = (n), .text = (t), __VA_ARGS__ }
#define CLIENT(n, t, ...) \
	{ .set = PROPS_SET_CLIENT, .name = (n), .text = (t), __VA_ARGS__ }
#define TA(n, t, ...) \
	{ .set = PROPS_SET_TA, .name = (n), .text = (t), __VA_ARGS__ }

/* --- the TEE set: src/secure/tos/tee_props.c, docs/properties.md ----- */
static struct expect tee_set[] = {
	TEE("gpd.tee.apiversion", "1.3.1"),
	TEE("gpd.tee.internalCore.version", "0x01030100", .i = "16974080"),
	TEE("gpd.tee.description", "vtee: a software TEE in user space"),
	TEE("gpd.tee.deviceID", NULL),	/* the machine's */
	TEE("gpd.tee.systemTime.protectionLevel", "100", .i = "100"),
	TEE("gpd.tee.TAPersistentTime.protectionLevel", "100", .i = "100"),
	TEE("gpd.tee.arith.maxBigIntSize", "4096", .i = "4096"),
	TEE("gpd.tee.cryptography.ecc", "true", .b = "true"),
	TEE("gpd.tee.cryptography.nist", "true", .b = "true"),
	TEE("gpd.tee.cryptography.bsi-r", "false", .b = "false"),
	TEE("gpd.tee.cryptography.bsi-t", "false", .b = "false"),
	TEE("gpd.tee.cryptography.ietf", "false", .b = "false"),
	TEE("gpd.tee.cryptography.octa", "true", .b = "true"),
	TEE("gpd.tee.trustedStorage.antiRollback.protectionLevel", "100",
	    .i = "100"),
	TEE("gpd.tee.trustedStorage.rollbackDetection.protectionLevel", "100",
	    .i = "100"),
	TEE("gpd.tee.trustedos.implementation.version", "0.1.0"),
	TEE("gpd.tee.trustedos.implementation.binaryversion", "AAEAAA==",
	    .bin = "00010000"),
	/* a string: read as whatever its text can be read as */
	TEE("gpd.tee.trustedos.manufacturer", "vtee", .bin = "bed79e"),
	TEE("gpd.tee.firmware.implementation.version", "0.1.0"),
	TEE("gpd.tee.firmware.implementation.binaryversion", "AAEAAA==",
	    .bin = "00010000"),
	TEE("gpd.tee.firmware.manufacturer", "vtee", .bin = "bed79e"),
};

/* --- the client set, for a TEEC_LOGIN_PUBLIC session ------------------ */
static struct expect client_set[] = {
	CLIENT("gpd.client.identity", "0:" NIL_UUID, .id = "0:" NIL_UUID),
	CLIENT("gpd.client.endian", "0", .i = "0"),
};

/* --- the TA set: tests/ta/props/user_ta_header_defines.h -------------- */
static struct expect ta_set[] = {
	TA("gpd.ta.appID", NULL),		/* the build's */
	TA("gpd.ta.singleInstance", "false", .b = "false"),
	TA("gpd.ta.multiSession", "false", .b = "false"),
	TA("gpd.ta.instanceKeepAlive", "false", .b = "false"),
	TA("optee.ta.instanceKeepCrashed", "false", .b = "false"),
	TA("gpd.ta.dataSize", "49152", .i = "49152"),
	TA("gpd.ta.stackSize", "12288", .i = "12288"),
	TA("gpd.ta.version", "2.5"),
	TA("gpd.ta.description", "Property test TA, vtee"),
	TA("gpd.ta.endian", "0", .i = "0"),
	TA("gpd.ta.doesNotCloseHandleOnCorruptObject", "true", .b = "true"),
	/* TA_CURRENT_TA_EXT_PROPERTIES: one of each type */
	TA("vtee.test.bool", "false", .b = "false"),
	TA("vtee.test.u32", "3735928559", .i = "3735928559"),
	TA("vtee.test.u64", "81985529216486895", .i = "81985529216486895"),
	TA("vtee.test.uuid", EXT_UUID, .uuid = EXT_UUID),
	TA("vtee.test.identity", "4026531840:" EXT_UUID,
	    .id = "4026531840:" EXT_UUID),
	TA("vtee.test.binary", "aGVsbG8gd29ybGQ=",
	    .bin = "68656c6c6f20776f726c64"),
	TA("vtee.test.empty_binary", "", .bin = ""),
	/* and strings, converted by GP's rules on request */
	TA("vtee.test.string", "Hello, TEE!"),
	TA("vtee.conv.bool_upper", "TRUE", .b = "true", .bin = "4d1504"),
	TA("vtee.conv.bool_mixed", "False", .b = "false"),
	TA("vtee.conv.yes", "yes", .bin = "c9eb"),
	TA("vtee.conv.one", "1", .i = "1", .id = "1:" NIL_UUID),
	TA("vtee.conv.dec_sep", "1_000_000", .i = "1000000",
	    .id = "1000000:" NIL_UUID),
	TA("vtee.conv.kilo", "1K", .i = "1024", .bin = "d4",
	    .id = "1024:" NIL_UUID),
	TA("vtee.conv.mega", "3M", .i = "3145728", .bin = "dc",
	    .id = "3145728:" NIL_UUID),
	TA("vtee.conv.hex", "0X4_00", .i = "1024", .id = "1024:" NIL_UUID),
	TA("vtee.conv.bin", "0b100_0000_0000", .i = "1024",
	    .id = "1024:" NIL_UUID),
	TA("vtee.conv.leading_zero", "017", .i = "17", .bin = "d35e",
	    .id = "17:" NIL_UUID),
	TA("vtee.conv.u32_max", "0xFFFF_FFFF", .i = "4294967295",
	    .id = "4294967295:" NIL_UUID),
	TA("vtee.conv.u32_over", "4294967296", .i = "4294967296",
	    .bin = "e36f78f7aef6f7"),
	TA("vtee.conv.mega_over", "4096M", .i = "4294967296"),
	TA("vtee.conv.u64_over", "0x1_0000_0000_0000_0000"),
	TA("vtee.conv.int_junk", "12a", .bin = "d766"),
	TA("vtee.conv.int_neg", "-1"),
	TA("vtee.conv.int_lower_k", "1k", .bin = "d6"),
	TA("vtee.conv.uuid_upper", "8AAAF200-2450-11E4-ABE2-0002A5D5C51B",
	    .uuid = EXT_UUID),
	TA("vtee.conv.uuid_braces", "{" EXT_UUID "}"),
	TA("vtee.conv.uuid_bare", "8aaaf200245011e4abe20002a5d5c51b",
	    .bin = "f1a69a7f6d34db8e74d757b869b7b6d34d366b9779739d5b"),
	TA("vtee.conv.id_hex", "0xF000_0000:" EXT_UUID,
	    .id = "4026531840:" EXT_UUID),
	TA("vtee.conv.id_login", "4", .i = "4", .id = "4:" NIL_UUID),
	TA("vtee.conv.id_no_uuid", "4:"),
	TA("vtee.conv.b64_mime", "aGVs\r\nbG8=\n", .bin = "68656c6c6f"),
	TA("vtee.conv.b64_nopad", "aGVsbG8", .bin = "68656c6c6f"),
	TA("vtee.conv.b64_after_pad", "aGVsbG8=x"),
	TA("vtee.conv.b64_alphabet", "aGVsbG8*"),
	TA("vtee.conv.b64_short", "aGVsb"),
	TA("vtee.conv.empty", "", .bin = ""),
};

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))

static char device_id[37];	/* gpd.tee.deviceID, from the state dir */

/* ------------------------------------------------------------------ */
/* The TA's commands                                                    */
/* ------------------------------------------------------------------ */

struct got {
	uint32_t res;		/* the getter's TEE_Result */
	uint32_t len;		/* the length it reported */
	size_t size;		/* bytes it wrote */
	uint8_t out[PROPS_TA_BUF_MAX];
};

/* One getter; cap is the buffer offered, null offers none.  Asserts the
 * command itself worked. */
static struct got get(TEEC_Session *s, uint32_t set, uint32_t getter,
		      const char *name, uint32_t cap, bool null)
{
	TEEC_Operation op = { 0 };
	struct got g = { 0 };

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
					 TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_VALUE_INOUT);
	op.params[0].value.a = set;
	op.params[0].value.b = getter;
	op.params[1].tmpref.buffer = (void *)(name ? name : "");
	op.params[1].tmpref.size = name ? strlen(name) + 1 : 0;
	op.params[2].tmpref.buffer = g.out;
	op.params[2].tmpref.size = sizeof(g.out);
	op.params[3].value.a = cap;
	op.params[3].value.b = null;
	assert_int_equal(TEEC_InvokeCommand(s, PROPS_CMD_GET, &op, NULL),
			 TEEC_SUCCESS);
	g.res = op.params[3].value.a;
	g.len = op.params[3].value.b;
	g.size = op.params[2].tmpref.size;
	return g;
}

static struct got get_full(TEEC_Session *s, uint32_t set, uint32_t getter,
			   const char *name)
{
	return get(s, set, getter, name, PROPS_TA_BUF_MAX, false);
}

/* An enumerator operation; returns what the GP function returned */
static uint32_t enum_op(TEEC_Session *s, uint32_t op_id, uint32_t set,
			uint32_t *handle)
{
	TEEC_Operation op = { 0 };

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = op_id;
	op.params[0].value.b = set;
	assert_int_equal(TEEC_InvokeCommand(s, PROPS_CMD_ENUM, &op, NULL),
			 TEEC_SUCCESS);
	if (handle)
		*handle = op.params[1].value.b;
	return op.params[1].value.a;
}

/* ------------------------------------------------------------------ */
/* Expected values                                                      */
/* ------------------------------------------------------------------ */

static size_t from_hex(const char *hex, uint8_t *out)
{
	size_t n = strlen(hex) / 2;

	for (size_t i = 0; i < n; i++) {
		unsigned int v;

		assert_int_equal(sscanf(hex + 2 * i, "%2x", &v), 1);
		out[i] = (uint8_t)v;
	}
	return n;
}

/* GP's text of a UUID into the TEE_UUID layout (which TEEC_UUID shares) */
static TEEC_UUID uuid_of(const char *text)
{
	unsigned int n[8];
	TEEC_UUID u;

	assert_int_equal(strlen(text), 36);
	assert_int_equal(sscanf(text, "%8x-%4hx-%4hx-%2x%2x-%2x%2x%2x%2x%2x%2x",
				&u.timeLow, &u.timeMid, &u.timeHiAndVersion,
				&n[0], &n[1], &n[2], &n[3], &n[4], &n[5],
				&n[6], &n[7]), 11);
	for (int i = 0; i < 8; i++)
		u.clockSeqAndNode[i] = (uint8_t)n[i];
	return u;
}

static void expect_fails(const struct got *g, uint32_t res)
{
	assert_int_equal(g->res, res);
	assert_int_equal(g->size, 0);
}

/* ------------------------------------------------------------------ */
/* One property, every getter                                           */
/* ------------------------------------------------------------------ */

static void check_string(TEEC_Session *s, const struct expect *e)
{
	size_t need = strlen(e->text) + 1;
	struct got g = get_full(s, e->set, PROPS_AS_STRING, e->name);

	assert_int_equal(g.res, TEEC_SUCCESS);
	assert_int_equal(g.len, need);
	assert_int_equal(g.size, need);
	assert_string_equal((char *)g.out, e->text);
	/* one byte short, and no buffer at all: the size needed */
	g = get(s, e->set, PROPS_AS_STRING, e->name, (uint32_t)need - 1,
		false);
	expect_fails(&g, ERROR_SHORT_BUFFER);
	assert_int_equal(g.len, need);
	g = get(s, e->set, PROPS_AS_STRING, e->name, 0, true);
	expect_fails(&g, ERROR_SHORT_BUFFER);
	assert_int_equal(g.len, need);
}

static void check_bool(TEEC_Session *s, const struct expect *e)
{
	struct got g = get_full(s, e->set, PROPS_AS_BOOL, e->name);

	if (!e->b) {
		expect_fails(&g, ERROR_BAD_FORMAT);
		return;
	}
	assert_int_equal(g.res, TEEC_SUCCESS);
	assert_int_equal(g.size, 1);
	assert_int_equal(g.out[0], !strcmp(e->b, "true"));
}

static void check_integers(TEEC_Session *s, const struct expect *e)
{
	struct got g32 = get_full(s, e->set, PROPS_AS_U32, e->name);
	struct got g64 = get_full(s, e->set, PROPS_AS_U64, e->name);
	uint64_t want, v64;
	uint32_t v32;

	if (!e->i) {
		expect_fails(&g32, ERROR_BAD_FORMAT);
		expect_fails(&g64, ERROR_BAD_FORMAT);
		return;
	}
	want = strtoull(e->i, NULL, 10);
	assert_int_equal(g64.res, TEEC_SUCCESS);
	assert_int_equal(g64.size, 8);
	memcpy(&v64, g64.out, 8);
	assert_true(v64 == want);
	if (want > UINT32_MAX) {
		expect_fails(&g32, ERROR_BAD_FORMAT);
		return;
	}
	assert_int_equal(g32.res, TEEC_SUCCESS);
	assert_int_equal(g32.size, 4);
	memcpy(&v32, g32.out, 4);
	assert_int_equal(v32, want);
}

static void check_binary(TEEC_Session *s, const struct expect *e)
{
	struct got g = get_full(s, e->set, PROPS_AS_BINARY, e->name);
	uint8_t want[PROPS_TA_BUF_MAX];
	size_t n;

	if (!e->bin) {
		expect_fails(&g, ERROR_BAD_FORMAT);
		return;
	}
	n = from_hex(e->bin, want);
	assert_int_equal(g.res, TEEC_SUCCESS);
	assert_int_equal(g.len, n);
	assert_int_equal(g.size, n);
	assert_memory_equal(g.out, want, n);
	if (!n) {
		/* an empty block needs no buffer */
		g = get(s, e->set, PROPS_AS_BINARY, e->name, 0, true);
		assert_int_equal(g.res, TEEC_SUCCESS);
		assert_int_equal(g.len, 0);
		return;
	}
	g = get(s, e->set, PROPS_AS_BINARY, e->name, (uint32_t)n - 1, false);
	expect_fails(&g, ERROR_SHORT_BUFFER);
	assert_int_equal(g.len, n);
	g = get(s, e->set, PROPS_AS_BINARY, e->name, 0, true);
	expect_fails(&g, ERROR_SHORT_BUFFER);
	assert_int_equal(g.len, n);
}

static void check_uuid(TEEC_Session *s, const struct expect *e)
{
	struct got g = get_full(s, e->set, PROPS_AS_UUID, e->name);
	TEEC_UUID want;

	if (!e->uuid) {
		expect_fails(&g, ERROR_BAD_FORMAT);
		return;
	}
	want = uuid_of(e->uuid);
	assert_int_equal(g.res, TEEC_SUCCESS);
	assert_int_equal(g.size, sizeof(want));
	assert_memory_equal(g.out, &want, sizeof(want));
}

static void check_identity(TEEC_Session *s, const struct expect *e)
{
	struct got g = get_full(s, e->set, PROPS_AS_IDENTITY, e->name);
	const char *colon;
	TEEC_UUID uuid;
	uint32_t login;

	if (!e->id) {
		expect_fails(&g, ERROR_BAD_FORMAT);
		return;
	}
	colon = strchr(e->id, ':');
	uuid = uuid_of(colon + 1);
	assert_int_equal(g.res, TEEC_SUCCESS);
	assert_int_equal(g.size, 4 + sizeof(uuid));	/* TEE_Identity */
	memcpy(&login, g.out, 4);
	assert_int_equal(login, strtoul(e->id, NULL, 10));
	assert_memory_equal(g.out + 4, &uuid, sizeof(uuid));
}

static void check_property(TEEC_Session *s, const struct expect *e)
{
	print_message("  %s = \"%s\"\n", e->name, e->text);
	check_string(s, e);
	check_bool(s, e);
	check_integers(s, e);
	check_binary(s, e);
	check_uuid(s, e);
	check_identity(s, e);
}

static void check_set(struct expect *set, size_t n)
{
	for (int v = 0; v < 2; v++)
		for (size_t i = 0; i < n; i++)
			check_property(&client.ses[v], &set[i]);
}

/* ------------------------------------------------------------------ */
/* Tests                                                                */
/* ------------------------------------------------------------------ */

static void test_tee_set(void **state)
{
	(void)state;
	check_set(tee_set, COUNT(tee_set));
}

static void test_client_set(void **state)
{
	(void)state;
	check_set(client_set, COUNT(client_set));
}

static void test_ta_set(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++) {
		ta_set[0].text = ta_set[0].uuid = uuid_texts[v];
		for (size_t i = 0; i < COUNT(ta_set); i++)
			check_property(&client.ses[v], &ta_set[i]);
	}
}

/* No such property, in any set, with any getter; a NULL name with a set
 * names none either. */
static void test_not_found(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++)
		for (uint32_t set = PROPS_SET_TEE; set < PROPS_SET_ENUM; set++)
			for (uint32_t getter = PROPS_AS_STRING;
			     getter < PROPS_NAME; getter++) {
				struct got g = get_full(&client.ses[v], set,
							getter, "gpd.no.such");

				expect_fails(&g, ERROR_ITEM_NOT_FOUND);
				g = get_full(&client.ses[v], set, getter, NULL);
				expect_fails(&g, ERROR_ITEM_NOT_FOUND);
			}
}

/* The name of the enumerator's current property; false past the end */
static bool enum_name(TEEC_Session *s, char *name)
{
	struct got g = get_full(s, PROPS_SET_ENUM, PROPS_NAME, NULL);

	if (g.res == ERROR_ITEM_NOT_FOUND) {
		assert_int_equal(g.size, 0);
		return false;
	}
	assert_int_equal(g.res, TEEC_SUCCESS);
	assert_int_equal(g.len, g.size);
	assert_int_equal(strlen((char *)g.out) + 1, g.size);
	strcpy(name, (char *)g.out);
	return true;
}

/* Walks set with the enumerator: every expected property exactly once,
 * nothing else, each with the value a lookup by name gives. */
static void enumerate(TEEC_Session *s, uint32_t set,
		      const struct expect *want, size_t n)
{
	bool seen[COUNT(ta_set)] = { false };
	char name[PROPS_TA_BUF_MAX];
	size_t count = 0;

	assert_int_equal(enum_op(s, PROPS_ENUM_START, set, NULL),
			 TEEC_SUCCESS);
	while (enum_name(s, name)) {
		size_t i;
		struct got by_enum, by_name;

		for (i = 0; i < n && strcmp(want[i].name, name); i++)
			;
		if (i == n)
			fail_msg("unexpected property %s", name);
		assert_false(seen[i]);
		seen[i] = true;
		count++;
		/* the name passed with an enumerator is ignored */
		by_enum = get_full(s, PROPS_SET_ENUM, PROPS_AS_STRING,
				   "gpd.no.such");
		by_name = get_full(s, set, PROPS_AS_STRING, name);
		assert_int_equal(by_enum.res, TEEC_SUCCESS);
		assert_int_equal(by_enum.size, by_name.size);
		assert_memory_equal(by_enum.out, by_name.out, by_name.size);
		if (enum_op(s, PROPS_ENUM_NEXT, 0, NULL) != TEEC_SUCCESS)
			break;
	}
	assert_int_equal(count, n);
	/* past the end it stays there */
	assert_false(enum_name(s, name));
	assert_int_equal(enum_op(s, PROPS_ENUM_NEXT, 0, NULL),
			 ERROR_ITEM_NOT_FOUND);
	assert_int_equal(enum_op(s, PROPS_ENUM_NEXT, 0, NULL),
			 ERROR_ITEM_NOT_FOUND);
	assert_int_equal(get_full(s, PROPS_SET_ENUM, PROPS_AS_U32, NULL).res,
			 ERROR_ITEM_NOT_FOUND);
}

static void test_enumerators(void **state)
{
	(void)state;
	for (int v = 0; v < 2; v++) {
		TEEC_Session *s = &client.ses[v];
		char first[PROPS_TA_BUF_MAX], again[PROPS_TA_BUF_MAX];
		uint32_t handle = 0;
		struct got g;

		ta_set[0].text = ta_set[0].uuid = uuid_texts[v];
		assert_int_equal(enum_op(s, PROPS_ENUM_ALLOC, 0, &handle),
				 TEEC_SUCCESS);
		assert_int_not_equal(handle, 0);
		/* not started: nothing to name, read or move on from */
		assert_false(enum_name(s, first));
		assert_int_equal(enum_op(s, PROPS_ENUM_NEXT, 0, NULL),
				 ERROR_ITEM_NOT_FOUND);
		g = get_full(s, PROPS_SET_ENUM, PROPS_AS_STRING, NULL);
		expect_fails(&g, ERROR_ITEM_NOT_FOUND);

		enumerate(s, PROPS_SET_TEE, tee_set, COUNT(tee_set));
		enumerate(s, PROPS_SET_CLIENT, client_set, COUNT(client_set));
		enumerate(s, PROPS_SET_TA, ta_set, COUNT(ta_set));

		/* a name too long for the buffer: the size needed */
		assert_int_equal(enum_op(s, PROPS_ENUM_START, PROPS_SET_TEE,
					 NULL), TEEC_SUCCESS);
		assert_true(enum_name(s, first));
		g = get(s, PROPS_SET_ENUM, PROPS_NAME, NULL,
			(uint32_t)strlen(first), false);
		expect_fails(&g, ERROR_SHORT_BUFFER);
		assert_int_equal(g.len, strlen(first) + 1);
		g = get(s, PROPS_SET_ENUM, PROPS_NAME, NULL, 0, true);
		expect_fails(&g, ERROR_SHORT_BUFFER);
		assert_int_equal(g.len, strlen(first) + 1);

		/* typed getters through the enumerator */
		assert_int_equal(enum_op(s, PROPS_ENUM_START, PROPS_SET_CLIENT,
					 NULL), TEEC_SUCCESS);
		for (char name[PROPS_TA_BUF_MAX]; enum_name(s, name);) {
			uint32_t getter = strcmp(name, "gpd.client.endian") ?
					  PROPS_AS_IDENTITY : PROPS_AS_U32;

			g = get_full(s, PROPS_SET_ENUM, getter, NULL);
			assert_int_equal(g.res, TEEC_SUCCESS);
			g = get_full(s, PROPS_SET_ENUM, PROPS_AS_BOOL, NULL);
			expect_fails(&g, ERROR_BAD_FORMAT);
			if (enum_op(s, PROPS_ENUM_NEXT, 0, NULL))
				break;
		}

		/* reset: back to not started; start again from the same
		 * first property */
		assert_int_equal(enum_op(s, PROPS_ENUM_START, PROPS_SET_TEE,
					 NULL), TEEC_SUCCESS);
		assert_int_equal(enum_op(s, PROPS_ENUM_NEXT, 0, NULL),
				 TEEC_SUCCESS);
		assert_int_equal(enum_op(s, PROPS_ENUM_RESET, 0, NULL),
				 TEEC_SUCCESS);
		assert_false(enum_name(s, first));
		assert_int_equal(enum_op(s, PROPS_ENUM_NEXT, 0, NULL),
				 ERROR_ITEM_NOT_FOUND);
		assert_int_equal(enum_op(s, PROPS_ENUM_START, PROPS_SET_TEE,
					 NULL), TEEC_SUCCESS);
		assert_true(enum_name(s, again));
		assert_string_equal(again, first);
		assert_int_equal(enum_op(s, PROPS_ENUM_FREE, 0, NULL),
				 TEEC_SUCCESS);
	}
}

/* gpd.tee.deviceID is the machine's, kept across restarts */
static void test_device_id_survives_restart(void **state)
{
	struct got g;

	(void)state;
	TEEC_CloseSession(&client.ses[0]);
	TEEC_CloseSession(&client.ses[1]);
	TEEC_FinalizeContext(&client.ctx);
	assert_int_equal(machine_restart(&client.machine, SIGTERM), 0);
	assert_int_equal(TEEC_InitializeContext(NULL, &client.ctx),
			 TEEC_SUCCESS);
	for (int v = 0; v < 2; v++)
		assert_int_equal(TEEC_OpenSession(&client.ctx, &client.ses[v],
						  &uuids[v], TEEC_LOGIN_PUBLIC,
						  NULL, NULL, NULL),
				 TEEC_SUCCESS);
	g = get_full(&client.ses[0], PROPS_SET_TEE, PROPS_AS_STRING,
		     "gpd.tee.deviceID");
	assert_int_equal(g.res, TEEC_SUCCESS);
	assert_string_equal((char *)g.out, device_id);
}

/* GP's panics: each kills its instance (TARGET_DEAD, origin TEE) */
static void test_panics(void **state)
{
	static const uint32_t cases[] = { PROPS_PANIC_START_NO_SET,
					  PROPS_PANIC_FREED_ENUM,
					  PROPS_PANIC_MADE_UP_ENUM,
					  PROPS_PANIC_NULL_BLOCK_LEN };

	(void)state;
	for (int v = 0; v < 2; v++)
		for (size_t i = 0; i < COUNT(cases); i++) {
			uint32_t origin = 0;

			assert_int_equal(ta_client_invoke_victim(
						 &client, v, PROPS_CMD_PANIC,
						 cases[i], &origin),
					 TEEC_ERROR_TARGET_DEAD);
			assert_int_equal(origin, TEEC_ORIGIN_TEE);
		}
	/* the long-lived sessions are other instances, untouched */
	for (int v = 0; v < 2; v++) {
		struct got g = get_full(&client.ses[v], PROPS_SET_TA,
					PROPS_AS_STRING, "gpd.ta.version");

		assert_int_equal(g.res, TEEC_SUCCESS);
	}
}

static int read_device_id(void)
{
	static const char hex[] = "0123456789abcdef";
	char path[512];
	uint8_t id[16];
	char *p = device_id;
	FILE *f;

	snprintf(path, sizeof(path), "%s/state/device_id", client.machine.dir);
	f = fopen(path, "rb");
	if (!f)
		return -1;
	if (fread(id, 1, sizeof(id), f) != sizeof(id)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[id[i] >> 4];
		*p++ = hex[id[i] & 0xf];
	}
	*p = '\0';
	tee_set[3].text = tee_set[3].uuid = device_id;
	return 0;
}

static int setup(void **state)
{
	(void)state;
	if (ta_client_start(&client, uuids))
		return -1;
	/* the state dir has the identity once the machine has started */
	return read_device_id();
}

static int teardown(void **state)
{
	(void)state;
	return ta_client_stop(&client);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tee_set),
		cmocka_unit_test(test_client_set),
		cmocka_unit_test(test_ta_set),
		cmocka_unit_test(test_not_found),
		cmocka_unit_test(test_enumerators),
		cmocka_unit_test(test_panics),
		cmocka_unit_test(test_device_id_survives_restart),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
