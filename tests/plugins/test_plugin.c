// SPDX-License-Identifier: BSD-2-Clause
/* A supplicant plugin for the tests: the commands of vtee_test_ta.h. */
#include <string.h>
#include <tee_plugin_method.h>

#include "vtee_test_ta.h"

static TEEC_Result init(void)
{
	return TEEC_SUCCESS;
}

static TEEC_Result invoke(unsigned int cmd, unsigned int sub_cmd,
			  void *data, size_t in_len, size_t *out_len)
{
	char *buf = data;

	(void)sub_cmd;
	switch (cmd) {
	case TEST_PLUGIN_REVERSE:
		for (size_t i = 0; i < in_len / 2; i++) {
			char c = buf[i];

			buf[i] = buf[in_len - 1 - i];
			buf[in_len - 1 - i] = c;
		}
		*out_len = in_len;
		return TEEC_SUCCESS;
	case TEST_PLUGIN_GREET:
		*out_len = sizeof(TEST_PLUGIN_GREETING);
		if (in_len < sizeof(TEST_PLUGIN_GREETING))
			return TEEC_ERROR_SHORT_BUFFER;
		memcpy(buf, TEST_PLUGIN_GREETING, sizeof(TEST_PLUGIN_GREETING));
		return TEEC_SUCCESS;
	case TEST_PLUGIN_OVERCLAIM:
		/* a broken plugin: claims more than the buffer holds */
		*out_len = in_len + 1;
		return TEEC_SUCCESS;
	default:
		return TEEC_ERROR_ACCESS_DENIED;
	}
}

struct plugin_method plugin_method = {
	.name = "vtee-test",
	.uuid = TEST_PLUGIN_UUID,
	.init = init,
	.invoke = invoke,
};
