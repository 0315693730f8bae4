// SPDX-License-Identifier: BSD-2-Clause
/*
 * The Internal Client API: sessions from this TA to other TAs, through the
 * trusted OS.  Memory references travel as copies inside the call payload
 * (TA-private memory is never shared with another TA):
 *
 *   struct ta_sys_ta_call, then for each memref parameter in order its
 *   memref.size bytes, each padded to a multiple of 8.
 *
 * Input and inout bytes are the caller's; output regions go out zeroed.
 * The OS answers with the same layout (offsets computed from the sizes
 * sent) and the callee's sizes in params[].size; an output whose new size
 * fits its region is copied back.  A NULL buffer travels as a bit of
 * null_mask and no bytes: the callee sees NULL too, and may answer with
 * the size it needs.
 */
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>

#include "params.h"
#include "syscall.h"
#include "uuid.h"

struct layout {
	size_t off[TEE_NUM_PARAMS];	/* of each memref's bytes */
	size_t total;
};

static bool plan(uint32_t types, const TEE_Param *p, struct layout *l)
{
	size_t off = sizeof(struct ta_sys_ta_call);

	for (unsigned int n = 0; n < TEE_NUM_PARAMS; n++) {
		size_t size;

		if (!ta_param_is_memref(types, n) || !p[n].memref.buffer)
			continue;
		size = p[n].memref.size;
		if (size > TA_CHAN_DATA_MAX || off > TA_CHAN_DATA_MAX - size)
			return false;
		l->off[n] = off;
		off += (size + 7) & ~(size_t)7;
	}
	l->total = off;
	return off <= TA_CHAN_DATA_MAX;
}

static bool is_input(uint32_t types, unsigned int n)
{
	return TEE_PARAM_TYPE_GET(types, n) != TEE_PARAM_TYPE_MEMREF_OUTPUT;
}

static uint8_t *build(const struct ta_sys_ta_call *head, const TEE_Param *p,
		      const struct layout *l)
{
	uint8_t *buf = calloc(1, l->total);
	struct ta_sys_ta_call *c = (struct ta_sys_ta_call *)buf;

	if (!buf)
		return NULL;
	*c = *head;
	for (unsigned int n = 0; n < TEE_NUM_PARAMS; n++) {
		if (!ta_param_is_memref(c->param_types, n)) {
			c->params[n].a = p[n].value.a;
			c->params[n].b = p[n].value.b;
			continue;
		}
		c->params[n].size = p[n].memref.size;
		if (!p[n].memref.buffer)
			c->null_mask |= 1u << n;
		else if (is_input(c->param_types, n))
			memcpy(buf + l->off[n], p[n].memref.buffer,
			       p[n].memref.size);
	}
	return buf;
}

static void update_memref(TEE_Param *p, size_t new_size, const uint8_t *src)
{
	if (p->memref.buffer && new_size <= p->memref.size)
		memcpy(p->memref.buffer, src, new_size);
	p->memref.size = new_size;
}

/* ans: len bytes of the OS's answer, laid out like the request */
static void update(uint32_t types, TEE_Param *p, const struct layout *l,
		   const uint8_t *ans, size_t len)
{
	const struct ta_sys_ta_call *c = (const struct ta_sys_ta_call *)ans;

	if (len < l->total)
		return;
	for (unsigned int n = 0; n < TEE_NUM_PARAMS; n++) {
		if (!ta_param_is_output(types, n))
			continue;
		if (ta_param_is_memref(types, n)) {
			update_memref(&p[n], c->params[n].size, ans + l->off[n]);
		} else {
			p[n].value.a = c->params[n].a;
			p[n].value.b = c->params[n].b;
		}
	}
}

/* One TA-to-TA syscall; args[1] comes back as the return origin. */
static TEE_Result call(uint32_t func, uint64_t args[6],
		       const struct ta_sys_ta_call *head, TEE_Param *p)
{
	TEE_Param none[TEE_NUM_PARAMS] = { 0 };
	struct layout l = { 0 };
	struct ta_sys s = { .func = func };
	TEE_Result res;

	if (!p)
		p = none;
	if (!ta_param_types_valid(head->param_types) ||
	    (p == none && head->param_types))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	args[1] = TEE_ORIGIN_TEE;
	if (!plan(head->param_types, p, &l))
		return TEE_ERROR_EXCESS_DATA;
	memcpy(s.args, args, sizeof(s.args));
	s.in = build(head, p, &l);
	s.out = malloc(l.total);
	res = TEE_ERROR_OUT_OF_MEMORY;
	if (s.in && s.out) {
		s.in_len = s.out_cap = l.total;
		res = ta_syscall(&s);
		memcpy(args, s.args, sizeof(s.args));
		update(head->param_types, p, &l, s.out,
		       s.out_len < l.total ? s.out_len : l.total);
	}
	free((void *)s.in);
	free(s.out);
	return res;
}

static void set_origin(uint32_t *origin, uint64_t value)
{
	if (origin)
		*origin = (uint32_t)value;
}

TEE_Result TEE_OpenTASession(const TEE_UUID *destination,
			     uint32_t cancellationRequestTimeout,
			     uint32_t paramTypes,
			     TEE_Param params[TEE_NUM_PARAMS],
			     TEE_TASessionHandle *session,
			     uint32_t *returnOrigin)
{
	struct ta_sys_ta_call head = {
		.timeout_ms = cancellationRequestTimeout,
		.param_types = paramTypes,
	};
	uint64_t args[6] = { 0 };
	TEE_Result res;

	ta_uuid_to_octets(head.uuid, destination);
	*session = TEE_HANDLE_NULL;
	res = call(TA_SYS_OPEN_TA_SESSION, args, &head, params);
	set_origin(returnOrigin, args[1]);
	if (res == TEE_SUCCESS)
		*session = (TEE_TASessionHandle)(uintptr_t)(uint32_t)args[0];
	return res;
}

TEE_Result TEE_InvokeTACommand(TEE_TASessionHandle session,
			       uint32_t cancellationRequestTimeout,
			       uint32_t commandID, uint32_t paramTypes,
			       TEE_Param params[TEE_NUM_PARAMS],
			       uint32_t *returnOrigin)
{
	struct ta_sys_ta_call head = {
		.timeout_ms = cancellationRequestTimeout,
		.cmd = commandID,
		.param_types = paramTypes,
	};
	uint64_t args[6] = { (uintptr_t)session };
	TEE_Result res = call(TA_SYS_INVOKE_TA_COMMAND, args, &head, params);

	set_origin(returnOrigin, args[1]);
	return res;
}

void TEE_CloseTASession(TEE_TASessionHandle session)
{
	uint64_t args[6] = { (uintptr_t)session };

	if (session != TEE_HANDLE_NULL)
		ta_syscall_args(TA_SYS_CLOSE_TA_SESSION, args);
}
