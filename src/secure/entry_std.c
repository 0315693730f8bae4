// SPDX-License-Identifier: BSD-2-Clause
/*
 * A yielding call's message.  The optee_msg_arg lives in non-secure
 * memory the normal world can change at any time, so it is copied once
 * into secure memory, validated there, and only results are written back.
 */
#include <string.h>

#include "mobj.h"
#include "ns_ram.h"
#include "sw_private.h"
#include "tee_api_defines.h"
#include "tos/tos.h"

#define MSG_MAX_PARAMS 6
#define OPEN_META 2

struct msg_copy {
	struct optee_msg_arg hdr;
	struct optee_msg_param params[MSG_MAX_PARAMS];
};

static void write_result(struct optee_msg_arg *ns, uint32_t ret,
			 uint32_t origin)
{
	ns->ret = ret;
	ns->ret_origin = origin;
}

static uint32_t msg_type(const struct optee_msg_param *mp)
{
	return mp->attr & OPTEE_MSG_ATTR_TYPE_MASK;
}

static uint32_t mem_from_msg(struct secure_world *sw, struct tos_param *tp,
			     const struct optee_msg_param *mp)
{
	uint32_t type = msg_type(mp);
	bool noncontig = mp->attr & OPTEE_MSG_ATTR_NONCONTIG;

	if (type >= OPTEE_MSG_ATTR_TYPE_TMEM_INPUT) {
		tp->type = TA_PARAM_MEMREF_INPUT +
			   (type - OPTEE_MSG_ATTR_TYPE_TMEM_INPUT);
		if (!mp->u.tmem.buf_ptr && !noncontig) {
			sw_mem_null(&tp->mem, mp->u.tmem.size);
			return TEE_SUCCESS;
		}
		return sw_mem_from_tmem(&tp->mem, sw->ram, mp->u.tmem.buf_ptr,
					mp->u.tmem.size, noncontig);
	}
	tp->type = TA_PARAM_MEMREF_INPUT + (type - OPTEE_MSG_ATTR_TYPE_RMEM_INPUT);
	return sw_mem_from_rmem(&tp->mem, sw->mobjs, sw->ram,
				mp->u.rmem.shm_ref, mp->u.rmem.offs,
				mp->u.rmem.size);
}

static uint32_t param_from_msg(struct secure_world *sw, struct tos_param *tp,
			       const struct optee_msg_param *mp)
{
	uint32_t type = msg_type(mp);

	sw_mem_null(&tp->mem, 0);
	/* only the cache bits may accompany a client param */
	if (mp->attr & ~(uint64_t)(OPTEE_MSG_ATTR_TYPE_MASK |
				   OPTEE_MSG_ATTR_NONCONTIG |
				   (OPTEE_MSG_ATTR_CACHE_MASK <<
				    OPTEE_MSG_ATTR_CACHE_SHIFT)))
		return TEE_ERROR_BAD_PARAMETERS;
	switch (type) {
	case OPTEE_MSG_ATTR_TYPE_NONE:
		tp->type = TA_PARAM_NONE;
		return TEE_SUCCESS;
	case OPTEE_MSG_ATTR_TYPE_VALUE_INPUT:
	case OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT:
	case OPTEE_MSG_ATTR_TYPE_VALUE_INOUT:
		tp->type = TA_PARAM_VALUE_INPUT +
			   (type - OPTEE_MSG_ATTR_TYPE_VALUE_INPUT);
		/* GP values are 32-bit */
		tp->a = (uint32_t)mp->u.value.a;
		tp->b = (uint32_t)mp->u.value.b;
		return TEE_SUCCESS;
	case OPTEE_MSG_ATTR_TYPE_RMEM_INPUT:
	case OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT:
	case OPTEE_MSG_ATTR_TYPE_RMEM_INOUT:
	case OPTEE_MSG_ATTR_TYPE_TMEM_INPUT:
	case OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT:
	case OPTEE_MSG_ATTR_TYPE_TMEM_INOUT:
		return mem_from_msg(sw, tp, mp);
	default:
		return TEE_ERROR_BAD_PARAMETERS;
	}
}

static void release_params(struct secure_world *sw, struct tos_params *ps,
			   size_t n, bool copy_back)
{
	for (size_t i = 0; i < n; i++) {
		struct tos_param *tp = &ps->p[i];
		bool out = tp->type == TA_PARAM_MEMREF_OUTPUT ||
			   tp->type == TA_PARAM_MEMREF_INOUT;

		sw_mem_release(&tp->mem, sw->ram, copy_back && out,
			       tp->mem.size);
	}
}

static uint32_t params_from_msg(struct secure_world *sw, struct tos_params *ps,
				const struct optee_msg_param *mp, size_t n)
{
	memset(ps, 0, sizeof(*ps));
	for (size_t i = 0; i < 4; i++)
		sw_mem_null(&ps->p[i].mem, 0);
	if (n > 4)
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t i = 0; i < n; i++) {
		uint32_t res = param_from_msg(sw, &ps->p[i], &mp[i]);

		if (res) {
			release_params(sw, ps, i, false);
			return res;
		}
	}
	return TEE_SUCCESS;
}

/* Results back into the NS message: values and memref sizes. */
static void params_to_msg(struct optee_msg_param *ns,
			  const struct tos_params *ps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct tos_param *tp = &ps->p[i];

		switch (tp->type) {
		case TA_PARAM_VALUE_OUTPUT:
		case TA_PARAM_VALUE_INOUT:
			ns[i].u.value.a = tp->a;
			ns[i].u.value.b = tp->b;
			ns[i].u.value.c = 0;
			break;
		case TA_PARAM_MEMREF_OUTPUT:
		case TA_PARAM_MEMREF_INOUT:
			ns[i].u.tmem.size = tp->mem.size;
			break;
		default:
			break;
		}
	}
}

static bool is_meta_value(const struct optee_msg_param *mp)
{
	return mp->attr == (OPTEE_MSG_ATTR_TYPE_VALUE_INPUT |
			    OPTEE_MSG_ATTR_META);
}

static void open_session(struct sw_thread *thr, struct msg_copy *m,
			 struct optee_msg_arg *ns)
{
	struct secure_world *sw = thr->sw;
	struct ta_chan_identity client;
	uint8_t ta_uuid[16];
	struct tos_params ps;
	uint32_t res, session = 0, origin = TEE_ORIGIN_TEE;
	size_t n = m->hdr.num_params;

	if (n < OPEN_META || !is_meta_value(&m->params[0]) ||
	    !is_meta_value(&m->params[1])) {
		write_result(ns, TEE_ERROR_BAD_PARAMETERS, TEE_ORIGIN_TEE);
		return;
	}
	memcpy(ta_uuid, &m->params[0].u.value, 16);
	memcpy(client.uuid, m->params[1].u.octets, 16);
	client.login = (uint32_t)m->params[1].u.value.c;
	res = params_from_msg(sw, &ps, m->params + OPEN_META, n - OPEN_META);
	if (!res) {
		res = tos_open_session(sw->tos, thr, ta_uuid, &client, &ps,
				       m->hdr.cancel_id, &session, &origin);
		params_to_msg(ns->params + OPEN_META, &ps, n - OPEN_META);
		release_params(sw, &ps, n - OPEN_META, true);
	}
	ns->session = res ? 0 : session;
	write_result(ns, res, origin);
}

static void invoke(struct sw_thread *thr, struct msg_copy *m,
		   struct optee_msg_arg *ns)
{
	struct secure_world *sw = thr->sw;
	struct tos_params ps;
	uint32_t res, origin = TEE_ORIGIN_TEE;
	size_t n = m->hdr.num_params;

	res = params_from_msg(sw, &ps, m->params, n);
	if (!res) {
		res = tos_invoke(sw->tos, thr, m->hdr.session, m->hdr.func,
				 m->hdr.cancel_id, &ps, &origin);
		params_to_msg(ns->params, &ps, n);
		release_params(sw, &ps, n, true);
	}
	write_result(ns, res, origin);
}

static void register_shm(struct secure_world *sw, struct msg_copy *m,
			 struct optee_msg_arg *ns)
{
	const struct optee_msg_param *mp = &m->params[0];
	uint32_t res = TEE_ERROR_BAD_PARAMETERS;

	if (m->hdr.num_params == 1 &&
	    mp->attr == (OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT |
			 OPTEE_MSG_ATTR_NONCONTIG))
		res = mobj_register(sw->mobjs, sw->ram, mp->u.tmem.buf_ptr,
				    mp->u.tmem.size, mp->u.tmem.shm_ref);
	write_result(ns, res, TEE_ORIGIN_TEE);
}

static void unregister_shm(struct secure_world *sw, struct msg_copy *m,
			   struct optee_msg_arg *ns)
{
	uint32_t res = TEE_ERROR_BAD_PARAMETERS;

	if (m->hdr.num_params == 1 &&
	    m->params[0].attr == OPTEE_MSG_ATTR_TYPE_RMEM_INPUT)
		res = mobj_unregister(sw->mobjs, m->params[0].u.rmem.shm_ref);
	write_result(ns, res, TEE_ORIGIN_TEE);
}

void sw_entry_std(struct sw_thread *thr, uint64_t arg_pa)
{
	struct secure_world *sw = thr->sw;
	struct optee_msg_arg *ns = ns_ram_va(sw->ram, arg_pa, sizeof(*ns));
	struct msg_copy m;
	uint32_t n;

	if (!ns)
		return;
	n = __atomic_load_n(&ns->num_params, __ATOMIC_RELAXED);
	if (n > MSG_MAX_PARAMS ||
	    !ns_ram_va(sw->ram, arg_pa, OPTEE_MSG_GET_ARG_SIZE(n))) {
		write_result(ns, TEE_ERROR_BAD_PARAMETERS, TEE_ORIGIN_TEE);
		return;
	}
	memcpy(&m, ns, OPTEE_MSG_GET_ARG_SIZE(n));
	m.hdr.num_params = n;
	switch (m.hdr.cmd) {
	case OPTEE_MSG_CMD_OPEN_SESSION:
		open_session(thr, &m, ns);
		break;
	case OPTEE_MSG_CMD_INVOKE_COMMAND:
		invoke(thr, &m, ns);
		break;
	case OPTEE_MSG_CMD_CLOSE_SESSION:
		write_result(ns, tos_close_session(sw->tos, thr,
						   m.hdr.session),
			     TEE_ORIGIN_TEE);
		break;
	case OPTEE_MSG_CMD_CANCEL:
		write_result(ns, tos_cancel(sw->tos, thr, m.hdr.session,
						   m.hdr.cancel_id),
			     TEE_ORIGIN_TEE);
		break;
	case OPTEE_MSG_CMD_REGISTER_SHM:
		register_shm(sw, &m, ns);
		break;
	case OPTEE_MSG_CMD_UNREGISTER_SHM:
		unregister_shm(sw, &m, ns);
		break;
	default:
		write_result(ns, TEE_ERROR_NOT_IMPLEMENTED, TEE_ORIGIN_TEE);
		break;
	}
}
