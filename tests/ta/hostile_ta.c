// SPDX-License-Identifier: BSD-2-Clause
/*
 * The hostile test TA (include/vtee_hostile_ta.h): a TA that writes the
 * channel itself instead of through the runtime's syscall layer, which
 * checks every argument first.  It uses the runtime's channel end only to
 * take turns (ta_chan_post and ta_chan_wait keep the runtime's view of
 * the sequence words right, so the entry point can still return).
 */
#include <string.h>
#include <tee_internal_api.h>

#include <vtee_hostile_ta.h>

#include "chan.h"

#define PT(t0, t1, t2, t3) \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##t0, TEE_PARAM_TYPE_##t1, \
			TEE_PARAM_TYPE_##t2, TEE_PARAM_TYPE_##t3)

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t pt __unused,
				    TEE_Param params[4] __unused,
				    void **sess_ctx)
{
	*sess_ctx = NULL;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx __unused)
{
}

static TEE_Result raw(uint32_t pt, TEE_Param p[4])
{
	struct ta_chan *c = ta_chan_get();
	uint8_t *out = p[1].memref.buffer;
	struct hostile_msg h;
	struct ta_chan_msg m;
	size_t n, cap;

	if (pt != PT(MEMREF_INPUT, MEMREF_OUTPUT, NONE, NONE) ||
	    p[0].memref.size < sizeof(h) || p[1].memref.size < sizeof(h))
		return TEE_ERROR_BAD_PARAMETERS;
	memcpy(&h, p[0].memref.buffer, sizeof(h));
	n = p[0].memref.size - sizeof(h);
	if (n > TA_CHAN_DATA_MAX)
		n = TA_CHAN_DATA_MAX;
	memset(&c->msg, 0, sizeof(c->msg));
	c->msg.kind = h.kind;
	c->msg.func = h.func;
	c->msg.data_len = h.data_len;
	memcpy(c->msg.args, h.args, sizeof(h.args));
	memcpy(c->data, (const uint8_t *)p[0].memref.buffer + sizeof(h), n);
	ta_chan_post();
	/* the OS answers, or kills this process */
	ta_chan_wait(&m);
	h = (struct hostile_msg){ .kind = m.kind, .func = m.func,
				  .ret = m.ret, .data_len = m.data_len };
	memcpy(h.args, m.args, sizeof(h.args));
	memcpy(out, &h, sizeof(h));
	cap = p[1].memref.size - sizeof(h);
	n = m.data_len < cap ? m.data_len : cap;
	memcpy(out + sizeof(h), c->data, n);
	p[1].memref.size = sizeof(h) + n;
	return TEE_SUCCESS;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t pt, TEE_Param p[4])
{
	switch (cmd) {
	case HOSTILE_CMD_NOP:
		return TEE_SUCCESS;
	case HOSTILE_CMD_RAW:
		return raw(pt, p);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
