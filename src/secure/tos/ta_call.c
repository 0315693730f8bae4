// SPDX-License-Identifier: BSD-2-Clause
/*
 * Running one entry point in a TA process.  An instance runs one entry at
 * a time (its sessions queue up behind it, as in OP-TEE); while it runs,
 * its syscalls are served on the calling secure thread.  Everything the
 * TA writes is copied out of the channel once and validated.
 */
#include <string.h>

#include "sw_private.h"
#include "tee_api_defines.h"
#include "tos_private.h"
#include "vtee/clock.h"
#include "vtee/log.h"

/* Waits until the instance is free; BUSY for a call into itself. */
static uint32_t claim(struct ta_instance *inst, struct sw_thread *thr)
{
	uint32_t res = TEE_SUCCESS;

	pthread_mutex_lock(&inst->lock);
	while (inst->busy && !inst->dead && inst->busy_thr != thr)
		pthread_cond_wait(&inst->cond, &inst->lock);
	if (inst->dead)
		res = TEE_ERROR_TARGET_DEAD;
	else if (inst->busy)
		res = TEE_ERROR_BUSY;	/* TA-to-TA back into a busy TA */
	else {
		inst->busy = true;
		inst->busy_thr = thr;
	}
	pthread_mutex_unlock(&inst->lock);
	return res;
}

static void release(struct ta_instance *inst, struct tos_session *sess)
{
	pthread_mutex_lock(&inst->lock);
	inst->busy = false;
	inst->busy_thr = NULL;
	if (sess) {
		sess->running = false;
		sess->cancel_req = false;
		sess->caller = NULL;
		sess->has_deadline = false;
	}
	pthread_cond_broadcast(&inst->cond);
	pthread_mutex_unlock(&inst->lock);
}

static void start_session_op(struct ta_instance *inst,
			     struct tos_session *sess,
			     const struct ta_entry_call *call)
{
	uint32_t cancel_id = call->cancel_id;

	if (!sess)
		return;
	pthread_mutex_lock(&inst->lock);
	sess->running = true;
	sess->op_cancel_id = cancel_id;
	sess->caller = call->caller;
	sess->has_deadline = call->caller && call->timeout_ms != 0xffffffffu;
	if (sess->has_deadline)
		sess->deadline = vtee_time_after_ms(CLOCK_MONOTONIC,
						    call->timeout_ms);
	if (cancel_id && sess->early_cancel_id == cancel_id)
		sess->cancel_req = true;
	sess->early_cancel_id = 0;
	/* GP: every entry point starts with cancellation masked */
	sess->cancel_masked = true;
	pthread_mutex_unlock(&inst->lock);
}

/* The TA broke the protocol: it dies, its callers see TARGET_DEAD. */
static uint32_t kill_for(struct ta_instance *inst, const char *why)
{
	LOG_ERR("TA %s (pid %d): %s: killed", inst->uuid_str, inst->pid, why);
	ta_process_kill(inst);
	ta_mark_dead(inst);
	return TEE_ERROR_TARGET_DEAD;
}

static bool is_output(uint32_t type)
{
	return type == TA_PARAM_VALUE_OUTPUT || type == TA_PARAM_VALUE_INOUT ||
	       type == TA_PARAM_MEMREF_OUTPUT || type == TA_PARAM_MEMREF_INOUT;
}

static void take_outputs(struct tos_params *ps, const struct ta_chan_msg *m)
{
	for (size_t i = 0; i < 4; i++) {
		struct tos_param *tp = &ps->p[i];

		if (!is_output(tp->type))
			continue;
		if (tp->type >= TA_PARAM_MEMREF_INPUT) {
			tp->mem.size = m->params[i].size;
		} else {
			tp->a = m->params[i].a;
			tp->b = m->params[i].b;
		}
	}
}

/* Serves syscalls until DONE; TARGET_DEAD if the TA dies or misbehaves. */
static uint32_t run(struct tos *tos, struct sw_thread *thr,
		    struct ta_instance *inst, struct tos_session *sess,
		    struct tos_params *ps)
{
	uint8_t *data = sw_thread_scratch(thr);
	struct ta_chan_msg m;

	ta_chan_post(inst);
	for (;;) {
		if (!ta_chan_wait(inst, -1))
			return TEE_ERROR_TARGET_DEAD;
		memcpy(&m, &inst->chan->msg, sizeof(m));
		if (m.kind == TA_MSG_DONE) {
			if (ps)
				take_outputs(ps, &m);
			return m.ret;
		}
		if (m.kind != TA_MSG_SYSCALL || m.data_len > TA_CHAN_DATA_MAX)
			return kill_for(inst, "bad channel message");
		memcpy(data, inst->chan->data, m.data_len);
		ta_syscall(tos, thr, inst, sess, &m, data);
		if (__atomic_load_n(&inst->dead, __ATOMIC_ACQUIRE))
			return TEE_ERROR_TARGET_DEAD;
		m.kind = TA_MSG_SYSCALL_RET;
		memcpy(&inst->chan->msg, &m, sizeof(m));
		if (m.data_len)
			memcpy(inst->chan->data, data, m.data_len);
		ta_chan_post(inst);
	}
}

uint32_t ta_call_entry(struct tos *tos, struct sw_thread *thr,
		       struct ta_instance *inst, struct tos_session *sess,
		       const struct ta_entry_call *call, uint32_t *origin)
{
	struct ta_chan_msg m = { .kind = TA_MSG_ENTRY, .func = call->func,
				 .cmd = call->cmd };
	struct tos_params *ps = call->ps;
	uint32_t res = claim(inst, thr);

	*origin = TEE_ORIGIN_TEE;
	if (res)
		return res;
	if (sess) {
		m.session = sess->id;
		m.client = sess->client;
	}
	if (ps) {
		m.param_types = tos_param_types(ps);
		res = ta_maps_prepare(tos, inst, ps, &m);
	}
	if (!res) {
		start_session_op(inst, sess, call);
		memcpy(&inst->chan->msg, &m, sizeof(m));
		res = run(tos, thr, inst, sess, ps);
		*origin = inst->dead ? TEE_ORIGIN_TEE : TEE_ORIGIN_TRUSTED_APP;
	}
	if (res == TEE_ERROR_TARGET_DEAD && inst->dead)
		*origin = TEE_ORIGIN_TEE;
	release(inst, sess);
	return res;
}
