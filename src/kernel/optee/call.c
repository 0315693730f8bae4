// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sessions and invocations: each becomes one optee_msg_arg and one
 * yielding call.  A failure to reach the secure world is reported the
 * Linux way: the ioctl succeeds with TEEC_ERROR_COMMUNICATION, origin COMMS.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "optee_private.h"

#define OPEN_META_PARAMS 2

static struct optee_session *find_session(struct optee_context_data *data,
					  uint32_t session_id)
{
	struct optee_session *sess;

	list_for_each_entry(sess, &data->sess_list, node)
		if (sess->session_id == session_id)
			return sess;
	return NULL;
}

static void comms_failure(struct optee_msg_arg *msg)
{
	msg->ret = TEEC_ERROR_COMMUNICATION;
	msg->ret_origin = TEEC_ORIGIN_COMMS;
}

static void set_open_meta(struct optee_msg_arg *msg,
			  const struct tee_ioctl_open_session_arg *arg,
			  const uint8_t client_uuid[16])
{
	msg->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT |
			      OPTEE_MSG_ATTR_META;
	msg->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT |
			      OPTEE_MSG_ATTR_META;
	memcpy(&msg->params[0].u.value, arg->uuid, TEE_IOCTL_UUID_LEN);
	memcpy(msg->params[1].u.octets, client_uuid, TEE_IOCTL_UUID_LEN);
	msg->params[1].u.value.c = arg->clnt_login;
}

/* Records a new session; closes it again if that is impossible. */
static void add_session(struct tee_context *ctx, struct optee_msg_arg *msg)
{
	struct optee_context_data *data = ctx->data;
	struct optee_session *sess = calloc(1, sizeof(*sess));

	if (!sess) {
		optee_close_session_id(ctx, msg->session, false);
		comms_failure(msg);
		return;
	}
	sess->session_id = msg->session;
	pthread_mutex_lock(&data->mutex);
	list_add_tail(&sess->node, &data->sess_list);
	pthread_mutex_unlock(&data->mutex);
}

int optee_open_session(struct tee_context *ctx,
		       struct tee_ioctl_open_session_arg *arg,
		       struct tee_param *param)
{
	struct optee *optee = optee_of(ctx);
	uint8_t client_uuid[TEE_IOCTL_UUID_LEN];
	struct optee_msg_arg *msg;
	struct tee_shm *shm;
	int rc;

	if (arg->num_params > OPTEE_MSG_MAX_PARAMS - OPEN_META_PARAMS)
		return -EINVAL;
	rc = tee_session_calc_client_uuid(client_uuid, arg->clnt_login,
					  arg->clnt_uuid, &ctx->cred);
	if (rc)
		return rc;
	msg = optee_get_msg_arg(optee, arg->num_params + OPEN_META_PARAMS,
				&shm);
	if (!msg)
		return -ENOMEM;
	msg->cmd = OPTEE_MSG_CMD_OPEN_SESSION;
	msg->cancel_id = arg->cancel_id;
	set_open_meta(msg, arg, client_uuid);
	rc = optee_to_msg_param(msg->params + OPEN_META_PARAMS, param,
				arg->num_params);
	if (rc)
		goto out;
	if (optee_do_call_with_arg(ctx, shm, false))
		comms_failure(msg);
	else if (msg->ret == TEEC_SUCCESS)
		add_session(ctx, msg);
	optee_from_msg_param(param, arg->num_params,
			     msg->params + OPEN_META_PARAMS);
	arg->session = msg->ret == TEEC_SUCCESS ? msg->session : 0;
	arg->ret = msg->ret;
	arg->ret_origin = msg->ret_origin;
out:
	optee_free_msg_arg(optee, shm);
	return rc;
}

/* Sends CLOSE_SESSION for a session no longer in any list. */
void optee_close_session_id(struct tee_context *ctx, uint32_t session_id,
			    bool system_thread)
{
	struct optee *optee = optee_of(ctx);
	struct tee_shm *shm;
	struct optee_msg_arg *msg = optee_get_msg_arg(optee, 0, &shm);

	if (!msg)
		return;
	msg->cmd = OPTEE_MSG_CMD_CLOSE_SESSION;
	msg->session = session_id;
	optee_do_call_with_arg(ctx, shm, system_thread);
	optee_free_msg_arg(optee, shm);
}

/*
 * Whether session_id is one of ctx's; *system_thread tells how its calls
 * are queued.  With `take` the session leaves the list and the caller
 * gets it (NULL otherwise, or if not found).
 */
static bool lookup_session(struct tee_context *ctx, uint32_t session_id,
			   bool take, bool *system_thread,
			   struct optee_session **taken)
{
	struct optee_context_data *data = ctx->data;
	struct optee_session *sess;

	pthread_mutex_lock(&data->mutex);
	sess = find_session(data, session_id);
	if (sess) {
		*system_thread = sess->use_sys_thread;
		if (take)
			list_del(&sess->node);
	}
	pthread_mutex_unlock(&data->mutex);
	if (taken)
		*taken = take ? sess : NULL;
	return sess;
}

/* Takes session_id out of ctx's list; releases a system-thread claim. */
static int take_session(struct tee_context *ctx, uint32_t session_id,
			bool *system_thread)
{
	struct optee_session *sess;

	if (!lookup_session(ctx, session_id, true, system_thread, &sess))
		return -EINVAL;
	if (sess->use_sys_thread) {
		struct optee_call_queue *cq = &optee_of(ctx)->cq;

		pthread_mutex_lock(&cq->mutex);
		cq->sys_thread_req_count--;
		pthread_mutex_unlock(&cq->mutex);
	}
	free(sess);
	return 0;
}

int optee_close_session(struct tee_context *ctx, uint32_t session)
{
	bool system_thread;
	int rc = take_session(ctx, session, &system_thread);

	if (!rc)
		optee_close_session_id(ctx, session, system_thread);
	return rc;
}

void optee_close_all_sessions(struct tee_context *ctx)
{
	struct optee_context_data *data = ctx->data;

	for (;;) {
		uint32_t id;

		pthread_mutex_lock(&data->mutex);
		if (list_empty(&data->sess_list)) {
			pthread_mutex_unlock(&data->mutex);
			return;
		}
		id = list_first_entry(&data->sess_list, struct optee_session,
				      node)->session_id;
		pthread_mutex_unlock(&data->mutex);
		optee_close_session(ctx, id);
	}
}

int optee_system_session(struct tee_context *ctx, uint32_t session)
{
	struct optee_context_data *data = ctx->data;
	struct optee_call_queue *cq = &optee_of(ctx)->cq;
	struct optee_session *sess;
	int rc = -EINVAL;

	pthread_mutex_lock(&data->mutex);
	sess = find_session(data, session);
	if (sess && !sess->use_sys_thread && cq->total_thread_count > 1) {
		pthread_mutex_lock(&cq->mutex);
		cq->sys_thread_req_count++;
		pthread_mutex_unlock(&cq->mutex);
		sess->use_sys_thread = true;
		rc = 0;
	}
	pthread_mutex_unlock(&data->mutex);
	return rc;
}

int optee_invoke_func(struct tee_context *ctx,
		      struct tee_ioctl_invoke_arg *arg,
		      struct tee_param *param)
{
	struct optee *optee = optee_of(ctx);
	struct optee_msg_arg *msg;
	struct tee_shm *shm;
	bool system_thread;
	int rc;

	if (!lookup_session(ctx, arg->session, false, &system_thread, NULL))
		return -EINVAL;
	msg = optee_get_msg_arg(optee, arg->num_params, &shm);
	if (!msg)
		return arg->num_params > OPTEE_MSG_MAX_PARAMS ? -EINVAL :
								 -ENOMEM;
	msg->cmd = OPTEE_MSG_CMD_INVOKE_COMMAND;
	msg->func = arg->func;
	msg->session = arg->session;
	msg->cancel_id = arg->cancel_id;
	rc = optee_to_msg_param(msg->params, param, arg->num_params);
	if (rc)
		goto out;
	if (optee_do_call_with_arg(ctx, shm, system_thread))
		comms_failure(msg);
	optee_from_msg_param(param, arg->num_params, msg->params);
	arg->ret = msg->ret;
	arg->ret_origin = msg->ret_origin;
out:
	optee_free_msg_arg(optee, shm);
	return rc;
}

int optee_cancel_req(struct tee_context *ctx, uint32_t cancel_id,
		     uint32_t session)
{
	struct optee *optee = optee_of(ctx);
	struct optee_msg_arg *msg;
	struct tee_shm *shm;
	bool system_thread;

	/* an open in progress has no session yet: it cannot be cancelled */
	if (!lookup_session(ctx, session, false, &system_thread, NULL))
		return -EINVAL;
	msg = optee_get_msg_arg(optee, 0, &shm);
	if (!msg)
		return -ENOMEM;
	msg->cmd = OPTEE_MSG_CMD_CANCEL;
	msg->session = session;
	msg->cancel_id = cancel_id;
	optee_do_call_with_arg(ctx, shm, system_thread);
	optee_free_msg_arg(optee, shm);
	return 0;
}
