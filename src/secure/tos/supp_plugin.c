// SPDX-License-Identifier: BSD-2-Clause
/*
 * OP-TEE's supplicant plugins: a TA asks a plugin the supplicant loaded
 * (by UUID) to run (cmd, sub_cmd) on a buffer.  The buffer crosses in APPL
 * shared memory the supplicant allocates, in OPTEE_RPC_CMD_SUPP_PLUGIN's
 * parameter layout (optee-client-device-interface.md, func 12).
 */
#include <string.h>

#include "rpc.h"
#include "sw_private.h"
#include "tee_api_defines.h"
#include "tos_private.h"
#include "vtee/optee_rpc_cmd.h"

#define OPTEE_INVOKE_PLUGIN 0
#define PLUGIN_BUF_MAX (TA_CHAN_DATA_MAX - 16)

/* The UUID travels as four 32-bit words, each four octets in memory. */
static uint32_t word(const uint8_t *uuid, int i)
{
	uint32_t w;

	memcpy(&w, uuid + 4 * i, sizeof(w));
	return w;
}

static void plugin_params(struct optee_msg_param p[4], const uint8_t *uuid,
			  uint32_t cmd, uint32_t sub_cmd,
			  const struct sw_rpc_shm *shm, uint64_t len)
{
	memset(p, 0, 4 * sizeof(*p));
	p[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	p[0].u.value = (struct optee_msg_param_value){
		OPTEE_INVOKE_PLUGIN, word(uuid, 0), word(uuid, 1) };
	p[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	p[1].u.value = (struct optee_msg_param_value){
		word(uuid, 2), word(uuid, 3), cmd };
	p[2].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INOUT;
	p[2].u.value.a = sub_cmd;
	p[3].attr = OPTEE_MSG_ATTR_TYPE_TMEM_INOUT;
	p[3].u.tmem = (struct optee_msg_param_tmem){ shm->pages[0], len,
						     shm->cookie };
}

/*
 * data holds the UUID and in_len - 16 bytes of the buffer; the answer
 * replaces them.  The normal world's out_len is taken only if it fits.
 */
void supp_plugin_syscall(struct sw_thread *thr, struct ta_chan_msg *m,
			 uint8_t *data, uint32_t in_len)
{
	uint64_t size = m->args[2], out_len;
	struct optee_msg_param p[4];
	struct sw_rpc_shm shm;
	uint8_t uuid[16];

	m->data_len = 0;
	if (in_len < 16 || !size || size > PLUGIN_BUF_MAX ||
	    in_len - 16 > size) {
		m->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	memcpy(uuid, data, 16);
	m->ret = sw_rpc_shm_alloc(thr, OPTEE_RPC_SHM_TYPE_APPL, size, &shm);
	if (m->ret)
		return;
	sw_rpc_shm_write(thr, &shm, data + 16, in_len - 16);
	plugin_params(p, uuid, (uint32_t)m->args[0], (uint32_t)m->args[1],
		      &shm, size);
	m->ret = sw_rpc_cmd(thr, OPTEE_RPC_CMD_SUPP_PLUGIN, 4, p);
	out_len = p[2].u.value.b;
	if (!m->ret && out_len > size)
		m->ret = TEE_ERROR_SHORT_BUFFER;
	if (!m->ret) {
		sw_rpc_shm_read(thr, &shm, data, out_len);
		m->data_len = (uint32_t)out_len;
	}
	m->args[0] = out_len;
	sw_rpc_shm_free(thr, &shm);
}
