// SPDX-License-Identifier: BSD-2-Clause
#include "syscall.h"

#include <string.h>

#include "chan.h"
#include "entry.h"

static void send_call(struct ta_chan *c, const struct ta_sys *s)
{
	c->msg.kind = TA_MSG_SYSCALL;
	c->msg.func = s->func;
	memcpy(c->msg.args, s->args, sizeof(c->msg.args));
	if (s->in_len)
		memcpy(c->data, s->in, s->in_len);
	c->msg.data_len = (uint32_t)s->in_len;
	ta_chan_post();
}

static TEE_Result receive_answer(struct ta_chan *c, struct ta_sys *s)
{
	struct ta_chan_msg m;

	ta_chan_wait(&m);
	if (m.kind != TA_MSG_SYSCALL_RET)
		ta_chan_bad_message();
	memcpy(s->args, m.args, sizeof(s->args));
	s->out_len = m.data_len;
	if (s->out_cap)
		memcpy(s->out, c->data,
		       m.data_len < s->out_cap ? m.data_len : s->out_cap);
	return m.ret;
}

TEE_Result ta_syscall(struct ta_sys *s)
{
	struct ta_chan *c = ta_chan_get();

	if (!ta_rt_in_entry())
		return TEE_ERROR_BAD_STATE;
	if (s->in_len > TA_CHAN_DATA_MAX)
		return TEE_ERROR_EXCESS_DATA;
	send_call(c, s);
	return receive_answer(c, s);
}

TEE_Result ta_syscall_args(uint32_t func, uint64_t args[6])
{
	struct ta_sys s = { .func = func };
	TEE_Result res;

	memcpy(s.args, args, sizeof(s.args));
	res = ta_syscall(&s);
	memcpy(args, s.args, sizeof(s.args));
	return res;
}
