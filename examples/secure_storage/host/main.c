// SPDX-License-Identifier: BSD-2-Clause
/*
 * The secure_storage client: has the TA write, read or delete an object
 * in trusted storage, by name.  With no command it runs a demo that
 * creates an object, reads it back, checks it and deletes it, and exits
 * non-zero if anything is not as it should be.  Uses nothing but the GP
 * TEE Client API.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The GlobalPlatform TEE Client API */
#include <tee_client_api.h>

/* The TA's UUID and commands */
#include <secure_storage_ta.h>

#define DEMO_NAME "secure_storage_demo"
#define DEMO_TEXT "This text went through the TA into trusted storage."

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: secure_storage [COMMAND]\n"
		"Keeps named objects in the trusted storage of the "
		"secure_storage TA.\n"
		"With no command, a demo: creates an object, reads it back, "
		"checks it and\ndeletes it.\n\n"
		"Commands:\n"
		"  write NAME TEXT   store TEXT as object NAME (an object of "
		"that name is\n"
		"                    replaced)\n"
		"  read NAME         print object NAME's data, then a newline\n"
		"  delete NAME       delete object NAME\n"
		"  -h, --help        show this help\n\n"
		"NAME is 1 to %d bytes.  The vteed of $VTEE_RUNTIME_DIR "
		"(or the default one)\nserves the calls.\n\n"
		"Exit status: 0 success, 1 failure (e.g. no object of that "
		"name), 2 bad\ncommand line.\n", TA_SECURE_STORAGE_NAME_MAX);
}

/* The names of the results this program may meet. */
static const char *result_name(TEEC_Result res)
{
	switch (res) {
	case TEEC_SUCCESS: return "TEEC_SUCCESS";
	case TEEC_ERROR_GENERIC: return "TEEC_ERROR_GENERIC";
	case TEEC_ERROR_ACCESS_DENIED: return "TEEC_ERROR_ACCESS_DENIED";
	case TEEC_ERROR_BAD_PARAMETERS: return "TEEC_ERROR_BAD_PARAMETERS";
	case TEEC_ERROR_ITEM_NOT_FOUND: return "TEEC_ERROR_ITEM_NOT_FOUND";
	case TEEC_ERROR_OUT_OF_MEMORY: return "TEEC_ERROR_OUT_OF_MEMORY";
	case TEEC_ERROR_COMMUNICATION: return "TEEC_ERROR_COMMUNICATION";
	case TEEC_ERROR_ACCESS_CONFLICT: return "TEEC_ERROR_ACCESS_CONFLICT";
	case TEEC_ERROR_STORAGE_NO_SPACE: return "TEEC_ERROR_STORAGE_NO_SPACE";
	case TEEC_ERROR_STORAGE_NOT_AVAILABLE:
		return "TEEC_ERROR_STORAGE_NOT_AVAILABLE";
	case TEEC_ERROR_TARGET_DEAD: return "TEEC_ERROR_TARGET_DEAD";
	case 0xF0100001: return "TEE_ERROR_CORRUPT_OBJECT";
	default: return "an error";
	}
}

/* A call that failed: what it was, and why. */
static void __attribute__((noreturn))
fail(const char *what, const char *name, TEEC_Result res, uint32_t origin)
{
	if (res == TEEC_ERROR_ITEM_NOT_FOUND)
		errx(1, "no object named \"%s\"", name);
	if (res == 0xF0100001)
		errx(1, "object \"%s\" is corrupt: its stored bytes were "
		     "altered, truncated or rolled back", name);
	errx(1, "%s \"%s\" failed: %s (0x%08x, origin %u)", what, name,
	     result_name(res), res, origin);
}

static void open_ta(TEEC_Context *ctx, TEEC_Session *sess)
{
	TEEC_UUID uuid = TA_SECURE_STORAGE_UUID;
	TEEC_Result res;
	uint32_t origin;

	res = TEEC_InitializeContext(NULL, ctx);
	if (res != TEEC_SUCCESS)
		errx(1, "cannot reach the TEE (%s): is vteed running, and "
		     "VTEE_RUNTIME_DIR its runtime dir?", result_name(res));
	res = TEEC_OpenSession(ctx, sess, &uuid, TEEC_LOGIN_PUBLIC, NULL,
			       NULL, &origin);
	if (res != TEEC_SUCCESS)
		errx(1, "cannot open a session on the secure_storage TA: %s "
		     "(0x%08x, origin %u)", result_name(res), res, origin);
}

static void close_ta(TEEC_Context *ctx, TEEC_Session *sess)
{
	TEEC_CloseSession(sess);
	TEEC_FinalizeContext(ctx);
}

static void object_write(TEEC_Session *sess, const char *name,
			 const void *data, size_t len)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_INPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)name;
	op.params[0].tmpref.size = strlen(name);
	op.params[1].tmpref.buffer = (void *)data;
	op.params[1].tmpref.size = len;
	res = TEEC_InvokeCommand(sess, TA_SECURE_STORAGE_CMD_WRITE_RAW, &op,
				 &origin);
	if (res != TEEC_SUCCESS)
		fail("writing object", name, res, origin);
}

/*
 * The object's data, malloc'd, in *data and *len; TEEC_SUCCESS or the
 * failure.  A buffer too small learns from the TA the size it needs;
 * the object may grow in between, hence the loop.
 */
static TEEC_Result object_read(TEEC_Session *sess, const char *name,
			       char **data, size_t *len, uint32_t *origin)
{
	size_t size = 256, tried;
	TEEC_Result res;

	*data = NULL;
	do {
		TEEC_Operation op;
		char *buf = realloc(*data, size ? size : 1);

		if (!buf) {
			free(*data);
			return TEEC_ERROR_OUT_OF_MEMORY;
		}
		*data = buf;
		memset(&op, 0, sizeof(op));
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
						 TEEC_MEMREF_TEMP_OUTPUT,
						 TEEC_NONE, TEEC_NONE);
		op.params[0].tmpref.buffer = (void *)name;
		op.params[0].tmpref.size = strlen(name);
		op.params[1].tmpref.buffer = buf;
		op.params[1].tmpref.size = size;
		res = TEEC_InvokeCommand(sess, TA_SECURE_STORAGE_CMD_READ_RAW,
					 &op, origin);
		tried = size;
		size = op.params[1].tmpref.size;
	} while (res == TEEC_ERROR_SHORT_BUFFER && size > tried);
	if (res != TEEC_SUCCESS) {
		free(*data);
		*data = NULL;
		return res;
	}
	*len = size;
	return TEEC_SUCCESS;
}

static TEEC_Result object_delete(TEEC_Session *sess, const char *name,
				 uint32_t *origin)
{
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)name;
	op.params[0].tmpref.size = strlen(name);
	return TEEC_InvokeCommand(sess, TA_SECURE_STORAGE_CMD_DELETE, &op,
				  origin);
}

/* Write, read back and compare, delete, and check it is gone. */
static void demo(TEEC_Session *sess)
{
	uint32_t origin;
	TEEC_Result res;
	size_t len;
	char *data;

	printf("Writing object \"%s\": \"%s\"\n", DEMO_NAME, DEMO_TEXT);
	object_write(sess, DEMO_NAME, DEMO_TEXT, strlen(DEMO_TEXT));

	res = object_read(sess, DEMO_NAME, &data, &len, &origin);
	if (res != TEEC_SUCCESS)
		fail("reading object", DEMO_NAME, res, origin);
	if (len != strlen(DEMO_TEXT) || memcmp(data, DEMO_TEXT, len))
		errx(1, "read back \"%.*s\", not what was written", (int)len,
		     data);
	printf("Read it back: the same %zu bytes\n", len);
	free(data);

	res = object_delete(sess, DEMO_NAME, &origin);
	if (res != TEEC_SUCCESS)
		fail("deleting object", DEMO_NAME, res, origin);
	res = object_read(sess, DEMO_NAME, &data, &len, &origin);
	if (res != TEEC_ERROR_ITEM_NOT_FOUND)
		errx(1, "object \"%s\" still reads after its deletion (%s)",
		     DEMO_NAME, result_name(res));
	printf("Deleted it: reading it again finds no such object\n");
}

static void name_check(const char *name)
{
	size_t n = strlen(name);

	if (n < 1 || n > TA_SECURE_STORAGE_NAME_MAX) {
		warnx("an object name is 1 to %d bytes, not %zu",
		      TA_SECURE_STORAGE_NAME_MAX, n);
		exit(2);
	}
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;
	TEEC_Context ctx;
	TEEC_Session sess;
	TEEC_Result res = TEEC_SUCCESS;
	uint32_t origin = 0;
	size_t len;
	char *data;

	if (cmd && (!strcmp(cmd, "-h") || !strcmp(cmd, "--help"))) {
		usage(stdout);
		return 0;
	}
	if (!(argc == 1 ||
	      (argc == 4 && !strcmp(cmd, "write")) ||
	      (argc == 3 && !strcmp(cmd, "read")) ||
	      (argc == 3 && !strcmp(cmd, "delete")))) {
		usage(stderr);
		return 2;
	}
	if (cmd)
		name_check(argv[2]);

	open_ta(&ctx, &sess);
	if (!cmd) {
		demo(&sess);
	} else if (!strcmp(cmd, "write")) {
		object_write(&sess, argv[2], argv[3], strlen(argv[3]));
	} else if (!strcmp(cmd, "read")) {
		res = object_read(&sess, argv[2], &data, &len, &origin);
		if (res != TEEC_SUCCESS)
			fail("reading object", argv[2], res, origin);
		fwrite(data, 1, len, stdout);
		putchar('\n');
		free(data);
	} else {
		res = object_delete(&sess, argv[2], &origin);
		if (res != TEEC_SUCCESS)
			fail("deleting object", argv[2], res, origin);
	}
	close_ta(&ctx, &sess);
	return fflush(stdout) ? 1 : 0;
}
