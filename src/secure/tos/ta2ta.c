// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA-to-TA sessions (GP's Internal Client API).  The caller's memrefs point
 * into its private memory, which no other process may map, so their bytes
 * travel in the channel and are copied into fresh secure memory for the
 * callee, and back again.  The callee sees the caller as login
 * TEE_LOGIN_TRUSTED_APP with the caller's UUID.
 */
#include <stdlib.h>
#include <string.h>

#include "tee_api_defines.h"
#include "tos_private.h"

static size_t pad8(uint64_t n)
{
	return (size_t)((n + 7) & ~7ull);
}

static bool is_memref(uint32_t type)
{
	return type == TA_PARAM_MEMREF_INPUT || type == TA_PARAM_MEMREF_OUTPUT ||
	       type == TA_PARAM_MEMREF_INOUT;
}

/*
 * GP's types only, and null_mask bits only on memrefs.  The callee's
 * runtime dies of anything else, so an unknown type passed on would let
 * one TA kill another (and every session of a single instance).
 */
static bool types_valid(uint32_t param_types, uint32_t null_mask)
{
	if (param_types >> 16 || null_mask >> 4)
		return false;
	for (size_t i = 0; i < 4; i++) {
		uint32_t type = (param_types >> (4 * i)) & 0xf;

		if (type == 4 || type > TA_PARAM_MEMREF_INOUT)
			return false;
		if ((null_mask & (1u << i)) && !is_memref(type))
			return false;
	}
	return true;
}

struct ta2ta_args {
	struct ta_sys_ta_call call;
	uint8_t *buf;		/* our copy of the channel data */
	size_t len;
	size_t offs[4];		/* where each memref's bytes are in buf */
	struct tos_params ps;
};

static void free_args(struct ta2ta_args *a, struct tos *tos)
{
	for (size_t i = 0; i < 4; i++)
		sw_mem_release(&a->ps.p[i].mem, tos->cfg.ram, false, 0);
	free(a->buf);
}

/* Parses the call and copies every memref into secure memory. */
static uint32_t parse(struct ta2ta_args *a, const uint8_t *data, size_t len)
{
	size_t off = sizeof(a->call);

	memset(&a->ps, 0, sizeof(a->ps));
	for (size_t i = 0; i < 4; i++)
		sw_mem_null(&a->ps.p[i].mem, 0);
	if (len < sizeof(a->call))
		return TEE_ERROR_BAD_PARAMETERS;
	a->buf = malloc(len);
	if (!a->buf)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(a->buf, data, len);
	a->len = len;
	memcpy(&a->call, a->buf, sizeof(a->call));
	if (!types_valid(a->call.param_types, a->call.null_mask))
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t i = 0; i < 4; i++) {
		uint32_t type = (a->call.param_types >> (4 * i)) & 0xf;
		struct tos_param *tp = &a->ps.p[i];
		uint64_t size = a->call.params[i].size;

		tp->type = type;
		tp->a = a->call.params[i].a;
		tp->b = a->call.params[i].b;
		if (!is_memref(type))
			continue;
		if (a->call.null_mask & (1u << i)) {
			sw_mem_null(&tp->mem, size);
			continue;
		}
		if (size > len - off)
			return TEE_ERROR_BAD_PARAMETERS;
		if (sw_mem_secure(&tp->mem, size))
			return TEE_ERROR_OUT_OF_MEMORY;
		memcpy(tp->mem.va, a->buf + off, size);
		a->offs[i] = off;
		off += pad8(size);
		if (off > len)
			off = len;
	}
	return TEE_SUCCESS;
}

/* Updated values, sizes and output bytes, back into the channel data. */
static void write_back(struct ta2ta_args *a, uint8_t *data)
{
	for (size_t i = 0; i < 4; i++) {
		struct tos_param *tp = &a->ps.p[i];
		uint64_t n;

		a->call.params[i].a = tp->a;
		a->call.params[i].b = tp->b;
		if (!is_memref(tp->type))
			continue;
		a->call.params[i].size = tp->mem.size;
		n = tp->mem.size < tp->mem.capacity ? tp->mem.size :
						      tp->mem.capacity;
		if (tp->type != TA_PARAM_MEMREF_INPUT && tp->mem.va)
			memcpy(a->buf + a->offs[i], tp->mem.va, n);
	}
	memcpy(a->buf, &a->call, sizeof(a->call));
	memcpy(data, a->buf, a->len);
}

/* A reference to the session `handle` names if inst opened it.  Handles
 * are 32 bits: wider values name none (rather than one they truncate to). */
static struct tos_session *owned(struct tos *tos, struct ta_instance *inst,
				 uint64_t handle)
{
	if (handle > UINT32_MAX)
		return NULL;
	return tos_session_get_owned(tos, (uint32_t)handle, inst);
}

static uint32_t invoke(struct tos *tos, struct sw_thread *thr,
		       struct ta_instance *inst, struct tos_session *caller,
		       uint64_t handle, struct ta2ta_args *a, uint32_t *origin)
{
	struct tos_session *sess = owned(tos, inst, handle);
	uint32_t res;

	*origin = TEE_ORIGIN_TEE;
	if (!sess)
		return TEE_ERROR_ITEM_NOT_FOUND;
	res = ta_call_entry(tos, thr, sess->inst, sess,
			    &(struct ta_entry_call){
				    .func = TA_ENTRY_INVOKE,
				    .cmd = a->call.cmd, .ps = &a->ps,
				    .caller = caller,
				    .timeout_ms = a->call.timeout_ms },
			    origin);
	tos_session_put(tos, thr, sess);
	return res;
}

static void close_session(struct tos *tos, struct sw_thread *thr,
			  struct ta_instance *inst, struct ta_chan_msg *m)
{
	struct tos_session *sess = owned(tos, inst, m->args[0]);

	m->data_len = 0;
	m->ret = sess ? tos_close_session_of(tos, thr, sess) :
			TEE_ERROR_ITEM_NOT_FOUND;
}

void ta2ta_syscall(struct tos *tos, struct sw_thread *thr,
		   struct ta_instance *inst, struct tos_session *caller,
		   struct ta_chan_msg *m, uint8_t *data)
{
	struct ta_chan_identity me = { .login = TEE_LOGIN_TRUSTED_APP };
	struct ta2ta_args a = { 0 };
	uint32_t origin = TEE_ORIGIN_TEE, session = 0;
	bool parsed;

	if (m->func == TA_SYS_CLOSE_TA_SESSION) {
		close_session(tos, thr, inst, m);
		return;
	}
	memcpy(me.uuid, inst->uuid, 16);
	m->ret = parse(&a, data, m->data_len);
	parsed = !m->ret;
	if (!m->ret && m->func == TA_SYS_OPEN_TA_SESSION)
		m->ret = tos_open_session_from(tos, thr, a.call.uuid, &me,
					       inst, &a.ps, &session, &origin,
					       &(struct ta_entry_call){
						       .caller = caller,
						       .timeout_ms =
							a.call.timeout_ms });
	else if (!m->ret)
		m->ret = invoke(tos, thr, inst, caller, m->args[0], &a,
				&origin);
	/* a call refused as malformed answers no payload */
	if (parsed)
		write_back(&a, data);
	else
		m->data_len = 0;
	if (m->func == TA_SYS_OPEN_TA_SESSION)
		m->args[0] = session;
	m->args[1] = origin;
	free_args(&a, tos);
}
