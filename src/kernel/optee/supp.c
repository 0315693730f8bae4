// SPDX-License-Identifier: BSD-2-Clause
/*
 * The supplicant queue.  Secure-world RPCs the kernel cannot serve become
 * requests in a FIFO; the supplicant takes them with SUPPL_RECV and answers
 * with SUPPL_SEND.  With a META first param the supplicant is asynchronous
 * (many threads, answers matched by request id); without, it must
 * strictly alternate RECV and SEND.  When the supplicant goes away every
 * pending request fails with TEEC_ERROR_COMMUNICATION: nothing hangs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "optee_private.h"

struct optee_supp_req {
	struct list_node node;
	int id;
	bool in_queue;
	bool done;
	struct tee_context *ctx;	/* whose call asked */
	uint32_t func;
	uint32_t ret;
	size_t num_params;
	struct tee_param *param;
	pthread_cond_t c;
};

#define META_ATTR (TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT | \
		   TEE_IOCTL_PARAM_ATTR_META)

void optee_supp_init(struct optee_supp *supp)
{
	pthread_mutex_init(&supp->mutex, NULL);
	pthread_cond_init(&supp->reqs_c, NULL);
	list_init(&supp->reqs);
	supp->ctx = NULL;
	supp->req_id = -1;
	supp->ids = NULL;
	supp->ids_len = 0;
}

static int supp_id_alloc(struct optee_supp *supp, struct optee_supp_req *req)
{
	size_t id;

	for (id = 1; id < supp->ids_len && supp->ids[id]; id++)
		;
	if (id >= supp->ids_len) {
		size_t len = supp->ids_len ? supp->ids_len * 2 : 16;
		struct optee_supp_req **ids = realloc(supp->ids,
						      len * sizeof(*ids));

		if (!ids)
			return -ENOMEM;
		for (size_t i = supp->ids_len; i < len; i++)
			ids[i] = NULL;
		supp->ids = ids;
		supp->ids_len = len;
	}
	supp->ids[id] = req;
	req->id = (int)id;
	return 0;
}

static void supp_complete(struct optee_supp_req *req, uint32_t ret)
{
	req->ret = ret;
	req->done = true;
	pthread_cond_signal(&req->c);
}

/* Fails every queued and in-service request; detaches the supplicant. */
void optee_supp_release(struct optee_supp *supp)
{
	pthread_mutex_lock(&supp->mutex);
	for (size_t id = 1; id < supp->ids_len; id++) {
		struct optee_supp_req *req = supp->ids[id];

		if (!req)
			continue;
		if (req->in_queue) {
			list_del(&req->node);
			req->in_queue = false;
		}
		supp->ids[id] = NULL;
		supp_complete(req, TEEC_ERROR_COMMUNICATION);
	}
	supp->ctx = NULL;
	supp->req_id = -1;
	/* receivers blocked in RECV see the context gone */
	pthread_cond_broadcast(&supp->reqs_c);
	pthread_mutex_unlock(&supp->mutex);
}

/*
 * The caller's context is gone (its process died while the call waited).
 * With no supplicant to take them, its queued requests could wait
 * forever, holding a secure thread each: they fail now, as Linux gives
 * up an interrupted wait when no supplicant is there.
 */
void optee_supp_abandon(struct optee_supp *supp, struct tee_context *ctx)
{
	pthread_mutex_lock(&supp->mutex);
	for (size_t id = 1; !supp->ctx && id < supp->ids_len; id++) {
		struct optee_supp_req *req = supp->ids[id];

		if (!req || req->ctx != ctx || !req->in_queue)
			continue;
		list_del(&req->node);
		req->in_queue = false;
		supp->ids[id] = NULL;
		supp_complete(req, TEEC_ERROR_COMMUNICATION);
	}
	pthread_mutex_unlock(&supp->mutex);
}

uint32_t optee_supp_thrd_req(struct tee_context *ctx, uint32_t func,
			     size_t num_params, struct tee_param *param)
{
	struct optee_supp *supp = &optee_of(ctx)->supp;
	struct optee_supp_req req = {
		.ctx = ctx, .func = func, .num_params = num_params,
		.param = param,
	};
	uint32_t ret;

	pthread_mutex_lock(&supp->mutex);
	if ((!supp->ctx && ctx->supp_nowait) || supp_id_alloc(supp, &req)) {
		pthread_mutex_unlock(&supp->mutex);
		return TEEC_ERROR_COMMUNICATION;
	}
	pthread_cond_init(&req.c, NULL);
	list_add_tail(&req.node, &supp->reqs);
	req.in_queue = true;
	pthread_cond_broadcast(&supp->reqs_c);
	while (!req.done)
		pthread_cond_wait(&req.c, &supp->mutex);
	ret = req.ret;
	pthread_mutex_unlock(&supp->mutex);
	pthread_cond_destroy(&req.c);
	return ret;
}

/* Requests waiting for a RECV, and requests received but not answered. */
void optee_supp_report(struct optee_supp *supp, FILE *out)
{
	unsigned int queued = 0, taken = 0;

	pthread_mutex_lock(&supp->mutex);
	for (size_t id = 1; id < supp->ids_len; id++)
		if (supp->ids[id] && supp->ids[id]->in_queue)
			queued++;
		else if (supp->ids[id])
			taken++;
	pthread_mutex_unlock(&supp->mutex);
	fprintf(out, "supplicant_requests queued %u taken %u\n", queued,
		taken);
}

/* RECV input: NONE or exactly META, at least one; memrefs are refused. */
static int check_recv_params(uint32_t num_params, struct tee_param *param)
{
	int rc = num_params ? 0 : -EINVAL;

	for (uint32_t i = 0; i < num_params; i++) {
		if (tee_param_is_memref(&param[i]) && param[i].u.memref.shm) {
			tee_shm_put(param[i].u.memref.shm);
			param[i].u.memref.shm = NULL;
		}
		if (param[i].attr != TEE_IOCTL_PARAM_ATTR_TYPE_NONE &&
		    param[i].attr != TEE_IOCTL_PARAM_ATTR_META)
			rc = -EINVAL;
	}
	return rc;
}

/* The first queued request; NULL when the supplicant is detached. */
static struct optee_supp_req *supp_wait_req(struct optee_supp *supp,
					    struct tee_context *ctx)
{
	while (supp->ctx == ctx && !ctx->releasing && list_empty(&supp->reqs))
		pthread_cond_wait(&supp->reqs_c, &supp->mutex);
	if (supp->ctx != ctx || ctx->releasing)
		return NULL;
	return list_first_entry(&supp->reqs, struct optee_supp_req, node);
}

static void req_to_supp_params(const struct optee_supp_req *req,
			       struct tee_param *param)
{
	for (size_t i = 0; i < req->num_params; i++) {
		param[i] = req->param[i];
		if (param[i].attr == TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT)
			param[i].u.value = (struct tee_param_value){ 0, 0, 0 };
	}
}

int optee_supp_recv(struct tee_context *ctx, uint32_t *func,
		    uint32_t *num_params, struct tee_param *param)
{
	struct optee_supp *supp = &optee_of(ctx)->supp;
	struct optee_supp_req *req;
	uint32_t meta;
	int rc = check_recv_params(*num_params, param);

	if (rc)
		return rc;
	meta = param[0].attr == TEE_IOCTL_PARAM_ATTR_META;
	pthread_mutex_lock(&supp->mutex);
	if (!meta && supp->req_id != -1) {
		/* sync mode: RECV again before SEND mixes the modes */
		pthread_mutex_unlock(&supp->mutex);
		return -EINVAL;
	}
	req = supp_wait_req(supp, ctx);
	if (!req) {
		pthread_mutex_unlock(&supp->mutex);
		return -EINTR;
	}
	if (*num_params - meta < req->num_params) {
		/* it does not fit: the request stays queued */
		pthread_mutex_unlock(&supp->mutex);
		return -EINVAL;
	}
	list_del(&req->node);
	req->in_queue = false;
	if (!meta)
		supp->req_id = req->id;
	*func = req->func;
	*num_params = (uint32_t)req->num_params + meta;
	if (meta)
		param[0] = (struct tee_param){
			.attr = META_ATTR,
			.u.value = { .a = (uint64_t)req->id } };
	req_to_supp_params(req, param + meta);
	pthread_mutex_unlock(&supp->mutex);
	return 0;
}

static void supp_params_to_req(struct optee_supp_req *req,
			       const struct tee_param *param)
{
	for (size_t i = 0; i < req->num_params; i++) {
		struct tee_param *p = &req->param[i];

		switch (p->attr) {
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT:
			p->u.value = param[i].u.value;
			break;
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
			p->u.memref.size = param[i].u.memref.size;
			break;
		default:
			break;
		}
	}
}

int optee_supp_send(struct tee_context *ctx, uint32_t ret,
		    uint32_t num_params, struct tee_param *param)
{
	struct optee_supp *supp = &optee_of(ctx)->supp;
	struct optee_supp_req *req = NULL;
	uint32_t meta = num_params && param[0].attr == META_ATTR;
	int64_t id;

	pthread_mutex_lock(&supp->mutex);
	id = meta ? (int64_t)param[0].u.value.a : supp->req_id;
	if (id > 0 && (uint64_t)id < supp->ids_len)
		req = supp->ids[id];
	if (!req || req->in_queue) {
		pthread_mutex_unlock(&supp->mutex);
		return -ENOENT;
	}
	if (num_params - meta != req->num_params) {
		pthread_mutex_unlock(&supp->mutex);
		return -EINVAL;
	}
	supp->ids[id] = NULL;
	if (!meta)
		supp->req_id = -1;
	supp_params_to_req(req, param + meta);
	supp_complete(req, ret);
	pthread_mutex_unlock(&supp->mutex);
	return 0;
}
