// SPDX-License-Identifier: BSD-2-Clause
/*
 * tee_invoke_supp_plugin (OP-TEE extension): asks a plugin of the
 * normal-world supplicant, named by UUID, to run (cmd, sub_cmd) on a
 * buffer it may overwrite.  The buffer travels as a copy in the channel
 * (TA_SYS_SUPP_PLUGIN), so it may be any memory of the TA.
 */
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "syscall.h"
#include "uuid.h"

#define PLUGIN_BUF_MAX (TA_CHAN_DATA_MAX - 16)

TEE_Result tee_invoke_supp_plugin(const TEE_UUID *uuid, uint32_t cmd,
				  uint32_t sub_cmd, void *buf, size_t len,
				  size_t *outlen)
{
	struct ta_sys s = { .func = TA_SYS_SUPP_PLUGIN,
			    .args = { cmd, sub_cmd, len } };
	uint8_t *msg;
	TEE_Result res;

	if (!uuid || (!buf && len) || !len || len > PLUGIN_BUF_MAX)
		return TEE_ERROR_BAD_PARAMETERS;
	msg = malloc(16 + len);
	if (!msg)
		return TEE_ERROR_OUT_OF_MEMORY;
	ta_uuid_to_octets(msg, uuid);
	memcpy(msg + 16, buf, len);
	s.in = msg;
	s.in_len = 16 + len;
	/* the answer lands in the caller's buffer, never beyond it */
	s.out = buf;
	s.out_cap = len;
	res = ta_syscall(&s);
	free(msg);
	if (res == TEE_SUCCESS && outlen)
		*outlen = (size_t)s.args[0];
	return res;
}
