// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sessions: open, invoke, close.  Both open and invoke are one ioctl whose
 * argument is a header plus four parameters (num_params is always 4, as
 * in optee_client); they share everything else (teec_call_run).
 */
#include "teec_private.h"

#include <errno.h>
#include <string.h>
#include <sys/types.h>

#include "vtee/teec_uuid.h"

#define TEEC_OPEN_BYTES	(sizeof(struct tee_ioctl_open_session_arg) + \
			 TEEC_NUM_PARAMS * sizeof(struct tee_ioctl_param))
#define TEEC_INVOKE_BYTES (sizeof(struct tee_ioctl_invoke_arg) + \
			   TEEC_NUM_PARAMS * sizeof(struct tee_ioctl_param))

/* One open or invoke: the ioctl, its argument, and where its fields are. */
struct teec_call {
	struct teec_ctx *ctx;
	TEEC_Operation *op;
	uint32_t session;	/* for cancellation: 0 while opening */
	unsigned long cmd;
	void *buf;
	size_t len;
	struct tee_ioctl_param *params;
	uint32_t *cancel_id;
	const uint32_t *ret;
	const uint32_t *ret_origin;
};

static TEEC_Result teec_result_from_errno(int rc)
{
	if (rc == -ENOMEM)
		return TEEC_ERROR_OUT_OF_MEMORY;
	if (rc == -EINVAL)
		return TEEC_ERROR_BAD_PARAMETERS;
	return TEEC_ERROR_GENERIC;
}

/* *replied: the TEE answered, so the parameters came back too. */
static TEEC_Result teec_call_ioctl(struct teec_call *c, uint32_t *origin,
				   bool *replied)
{
	struct tee_ioctl_buf_data bd = {
		.buf_ptr = (uintptr_t)c->buf,
		.buf_len = c->len,
	};
	struct teec_pending pending;
	TEEC_Result res;
	int rc;

	res = teec_pending_begin(&pending, c->op, c->ctx, c->session);
	if (res) {
		*origin = TEEC_ORIGIN_API;
		return res;
	}
	*c->cancel_id = pending.cancel_id;
	rc = tee_dev_ioctl(c->ctx->dev, c->cmd, &bd);
	teec_pending_end(&pending);
	if (rc < 0) {
		teec_log("ioctl %#lx: %s", c->cmd, strerror(-rc));
		*origin = TEEC_ORIGIN_COMMS;
		return teec_result_from_errno(rc);
	}
	*replied = true;
	*origin = *c->ret_origin;
	return *c->ret;
}

static TEEC_Result teec_call_run(struct teec_call *c, uint32_t *origin)
{
	struct teec_marshal m = { .ctx = c->ctx };
	TEEC_Result res = teec_params_in(&m, c->op, c->params);
	bool replied = false;

	if (res) {
		*origin = TEEC_ORIGIN_API;
		return res;
	}
	res = teec_call_ioctl(c, origin, &replied);
	/* outputs come back whatever the TA answered: a short buffer
	 * reports the size it needs */
	if (replied)
		teec_params_out(&m, c->op, c->params);
	teec_params_done(&m);
	return res;
}

static TEEC_Result teec_fail(uint32_t *returnOrigin, TEEC_Result res)
{
	if (returnOrigin)
		*returnOrigin = TEEC_ORIGIN_API;
	return res;
}

/* The kernel derives the client identity itself; a group login names
 * the group, a gid_t at the start of clnt_uuid. */
static TEEC_Result teec_login(struct tee_ioctl_open_session_arg *arg,
			      uint32_t method, const void *data)
{
	arg->clnt_login = method;
	if (method != TEEC_LOGIN_GROUP &&
	    method != TEEC_LOGIN_GROUP_APPLICATION)
		return TEEC_SUCCESS;
	if (!data)
		return TEEC_ERROR_BAD_PARAMETERS;
	memcpy(arg->clnt_uuid, data, sizeof(gid_t));
	return TEEC_SUCCESS;
}

TEEC_Result TEEC_OpenSession(TEEC_Context *context, TEEC_Session *session,
			     const TEEC_UUID *destination,
			     uint32_t connectionMethod,
			     const void *connectionData,
			     TEEC_Operation *operation, uint32_t *returnOrigin)
{
	_Alignas(uint64_t) uint8_t buf[TEEC_OPEN_BYTES] = { 0 };
	struct tee_ioctl_open_session_arg *arg = (void *)buf;
	struct teec_call call = {
		.ctx = teec_ctx_of(context),
		.op = operation,
		.cmd = TEE_IOC_OPEN_SESSION,
		.buf = buf,
		.len = sizeof(buf),
		.params = arg->params,
		.cancel_id = &arg->cancel_id,
		.ret = &arg->ret,
		.ret_origin = &arg->ret_origin,
	};
	TEEC_Result res;
	uint32_t origin;

	if (!call.ctx || !session || !destination)
		return teec_fail(returnOrigin, TEEC_ERROR_BAD_PARAMETERS);
	res = teec_login(arg, connectionMethod, connectionData);
	if (res)
		return teec_fail(returnOrigin, res);
	teec_uuid_octets(arg->uuid, destination);
	arg->num_params = TEEC_NUM_PARAMS;
	res = teec_call_run(&call, &origin);
	if (returnOrigin)
		*returnOrigin = origin;
	if (res == TEEC_SUCCESS) {
		session->imp.ctx = context;
		session->imp.session_id = arg->session;
	}
	return res;
}

TEEC_Result TEEC_InvokeCommand(TEEC_Session *session, uint32_t commandID,
			       TEEC_Operation *operation,
			       uint32_t *returnOrigin)
{
	_Alignas(uint64_t) uint8_t buf[TEEC_INVOKE_BYTES] = { 0 };
	struct tee_ioctl_invoke_arg *arg = (void *)buf;
	struct teec_call call = {
		.op = operation,
		.cmd = TEE_IOC_INVOKE,
		.buf = buf,
		.len = sizeof(buf),
		.params = arg->params,
		.cancel_id = &arg->cancel_id,
		.ret = &arg->ret,
		.ret_origin = &arg->ret_origin,
	};
	TEEC_Result res;
	uint32_t origin;

	if (!session)
		return teec_fail(returnOrigin, TEEC_ERROR_BAD_PARAMETERS);
	call.ctx = teec_ctx_of(session->imp.ctx);
	if (!call.ctx)
		return teec_fail(returnOrigin, TEEC_ERROR_BAD_PARAMETERS);
	call.session = session->imp.session_id;
	arg->func = commandID;
	arg->session = session->imp.session_id;
	arg->num_params = TEEC_NUM_PARAMS;
	res = teec_call_run(&call, &origin);
	if (returnOrigin)
		*returnOrigin = origin;
	return res;
}

void TEEC_CloseSession(TEEC_Session *session)
{
	struct tee_ioctl_close_session_arg arg;
	struct teec_ctx *ctx;
	int rc;

	if (!session)
		return;
	ctx = teec_ctx_of(session->imp.ctx);
	if (!ctx)
		return;
	arg.session = session->imp.session_id;
	rc = tee_dev_ioctl(ctx->dev, TEE_IOC_CLOSE_SESSION, &arg);
	if (rc < 0)
		teec_log("TEE_IOC_CLOSE_SESSION: %s", strerror(-rc));
}
