// SPDX-License-Identifier: BSD-2-Clause
/*
 * The reverse TA's client: has the TA reverse a string and report its
 * description, checks every answer, and exits non-zero on the first
 * wrong one, so that it doubles as a test.  Uses nothing but the GP TEE
 * Client API.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>

/* The GlobalPlatform TEE Client API */
#include <tee_client_api.h>

/* The TA's UUID and commands */
#include <reverse_ta.h>

static TEEC_Result invoke(TEEC_Session *sess, uint32_t cmd, uint32_t type,
			  void *buf, size_t *size)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(type, TEEC_NONE, TEEC_NONE,
					 TEEC_NONE);
	op.params[0].tmpref.buffer = buf;
	op.params[0].tmpref.size = *size;
	res = TEEC_InvokeCommand(sess, cmd, &op, &origin);
	*size = op.params[0].tmpref.size;
	return res;
}

/* The TA must turn text into its mirror image. */
static void check_reverse(TEEC_Session *sess, const char *text)
{
	char buf[64], want[64];
	size_t n = strlen(text), i;
	TEEC_Result res;

	for (i = 0; i < n; i++)
		want[i] = text[n - 1 - i];
	memcpy(buf, text, n);
	res = invoke(sess, TA_REVERSE_CMD_REVERSE, TEEC_MEMREF_TEMP_INOUT,
		     buf, &n);
	if (res != TEEC_SUCCESS)
		errx(1, "REVERSE failed with code 0x%x", res);
	if (n != strlen(text) || memcmp(buf, want, n))
		errx(1, "REVERSE of \"%s\" gave \"%.*s\"", text, (int)n, buf);
	printf("%s -> %.*s\n", text, (int)n, buf);
}

/* The description comes from the TA's user_ta_header_defines.h through
 * the dev kit's property table; a short buffer learns the size needed. */
static void check_describe(TEEC_Session *sess)
{
	char buf[128];
	size_t n = 4;
	TEEC_Result res;

	res = invoke(sess, TA_REVERSE_CMD_DESCRIBE, TEEC_MEMREF_TEMP_OUTPUT,
		     buf, &n);
	if (res != TEEC_ERROR_SHORT_BUFFER ||
	    n != sizeof(TA_REVERSE_DESCRIPTION))
		errx(1, "DESCRIBE into 4 bytes: code 0x%x, size %zu", res, n);

	n = sizeof(buf);
	res = invoke(sess, TA_REVERSE_CMD_DESCRIBE, TEEC_MEMREF_TEMP_OUTPUT,
		     buf, &n);
	if (res != TEEC_SUCCESS)
		errx(1, "DESCRIBE failed with code 0x%x", res);
	if (n != sizeof(TA_REVERSE_DESCRIPTION) ||
	    memcmp(buf, TA_REVERSE_DESCRIPTION, n))
		errx(1, "DESCRIBE gave \"%.*s\"", (int)n, buf);
	printf("The TA says: %s\n", buf);
}

int main(void)
{
	TEEC_Context ctx;
	TEEC_Session sess;
	TEEC_UUID uuid = TA_REVERSE_UUID;
	TEEC_Result res;
	uint32_t origin;

	res = TEEC_InitializeContext(NULL, &ctx);
	if (res != TEEC_SUCCESS)
		errx(1, "TEEC_InitializeContext failed with code 0x%x", res);
	res = TEEC_OpenSession(&ctx, &sess, &uuid, TEEC_LOGIN_PUBLIC, NULL,
			       NULL, &origin);
	if (res != TEEC_SUCCESS)
		errx(1, "TEEC_OpenSession failed with code 0x%x origin 0x%x",
		     res, origin);

	check_reverse(&sess, "stressed");
	check_reverse(&sess, "A man, a plan, a canal: Panama?");
	check_describe(&sess);

	TEEC_CloseSession(&sess);
	TEEC_FinalizeContext(&ctx);
	return 0;
}
