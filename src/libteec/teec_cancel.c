// SPDX-License-Identifier: BSD-2-Clause
/*
 * Cancellation.  Every operation in flight is on a process-wide list with
 * the session it runs in and a cancel_id of its own, so that
 * TEEC_RequestCancellation from another thread names exactly that
 * operation (TEE_IOC_CANCEL {cancel_id, session}) rather than whatever
 * else runs in the session.  The list lock is held across the CANCEL
 * ioctl: the operation cannot finish, and its context cannot go, while
 * the cancel is on its way.
 *
 * GP also lets a client cancel an operation it has not started yet (its
 * `started` field set to 0).  The library marks such an operation in
 * `started` itself, the only member the client initializes, and the
 * operation then fails with TEEC_ERROR_CANCEL when it is started.
 */
#include "teec_private.h"

#include <string.h>

/* `started` of an operation cancelled before it started ("CANC") */
#define TEEC_STARTED_CANCELLED	0x434e4143u

static pthread_mutex_t teec_cancel_lock = PTHREAD_MUTEX_INITIALIZER;
static struct teec_pending *teec_pending_list;
static uint32_t teec_cancel_last;

TEEC_Result teec_pending_begin(struct teec_pending *p, TEEC_Operation *op,
			       struct teec_ctx *ctx, uint32_t session)
{
	uint32_t was;

	*p = (struct teec_pending){ .op = op, .ctx = ctx, .session = session };
	if (!op)
		return TEEC_SUCCESS;
	pthread_mutex_lock(&teec_cancel_lock);
	was = op->started;
	op->started = 1;
	if (was == TEEC_STARTED_CANCELLED) {
		pthread_mutex_unlock(&teec_cancel_lock);
		p->op = NULL;
		return TEEC_ERROR_CANCEL;
	}
	/* 0 is what clients without ids (optee_client) send: skip it */
	if (++teec_cancel_last == 0)
		teec_cancel_last = 1;
	p->cancel_id = teec_cancel_last;
	p->next = teec_pending_list;
	teec_pending_list = p;
	pthread_mutex_unlock(&teec_cancel_lock);
	return TEEC_SUCCESS;
}

void teec_pending_end(struct teec_pending *p)
{
	if (!p->op)
		return;
	pthread_mutex_lock(&teec_cancel_lock);
	for (struct teec_pending **pp = &teec_pending_list; *pp;
	     pp = &(*pp)->next) {
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	}
	pthread_mutex_unlock(&teec_cancel_lock);
}

static void teec_cancel_send(const struct teec_pending *p)
{
	struct tee_ioctl_cancel_arg arg = {
		.cancel_id = p->cancel_id,
		.session = p->session,
	};
	int rc = tee_dev_ioctl(p->ctx->dev, TEE_IOC_CANCEL, &arg);

	if (rc < 0)
		teec_log("TEE_IOC_CANCEL: %s", strerror(-rc));
}

void TEEC_RequestCancellation(TEEC_Operation *op)
{
	struct teec_pending *p;

	if (!op)
		return;
	pthread_mutex_lock(&teec_cancel_lock);
	for (p = teec_pending_list; p && p->op != op; p = p->next)
		;
	if (p)
		teec_cancel_send(p);
	else if (op->started == 0)
		op->started = TEEC_STARTED_CANCELLED;
	pthread_mutex_unlock(&teec_cancel_lock);
}
