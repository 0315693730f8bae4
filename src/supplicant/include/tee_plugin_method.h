/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A supplicant plugin: a shared object named <uuid>.plugin in the
 * supplicant's plugin directory, exporting `plugin_method`.  TAs reach it
 * with tee_invoke_supp_plugin(uuid, cmd, sub_cmd, buf, len, &outlen).
 * The layout is optee_client's, so its plugins build unchanged.
 */
#ifndef TEE_PLUGIN_METHOD_H
#define TEE_PLUGIN_METHOD_H

#include <stddef.h>
#include <tee_client_api.h>

struct plugin_method {
	const char *name;		/* for log lines */
	TEEC_UUID uuid;			/* what TAs ask for */
	/* called once when the supplicant loads the plugin */
	TEEC_Result (*init)(void);
	/*
	 * One request: `data` holds in_len bytes from the TA and may be
	 * overwritten (up to in_len bytes); *out_len says how many bytes of
	 * it are the answer.
	 */
	TEEC_Result (*invoke)(unsigned int cmd, unsigned int sub_cmd,
			      void *data, size_t in_len, size_t *out_len);
};

#endif /* TEE_PLUGIN_METHOD_H */
