// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA instances and sessions, with GP's instance rules: a single-instance
 * TA has one process for every session (and refuses a second session
 * unless it is multi-session); other TAs get a process per session; a
 * keep-alive single instance outlives its last session.  A dead instance
 * is never handed out again: the next session loads a fresh one.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "storage.h"
#include "tee_api_defines.h"
#include "tos_private.h"
#include "vtee/log.h"
#include "vtee/ta_image.h"

static struct ta_instance *find_live(struct tos *tos, const uint8_t *uuid)
{
	struct ta_instance *inst;

	list_for_each_entry(inst, &tos->instances, node)
		if (inst->live && !inst->dead && !memcmp(inst->uuid, uuid, 16))
			return inst;
	return NULL;
}

/* A reference to a usable single instance, or NULL; BUSY in *res. */
static struct ta_instance *get_existing(struct tos *tos, const uint8_t *uuid,
					uint32_t *res)
{
	struct ta_instance *inst;

	pthread_mutex_lock(&tos->lock);
	inst = find_live(tos, uuid);
	if (inst && !(inst->flags & TA_FLAG_MULTI_SESSION) &&
	    inst->nsessions) {
		*res = TEE_ERROR_BUSY;
		inst = NULL;
	} else if (inst) {
		inst->refs++;
	}
	pthread_mutex_unlock(&tos->lock);
	return inst;
}

static bool debug_requested(struct tos *tos, const char *uuid_str)
{
	for (size_t i = 0; i < tos->cfg.n_debug_tas; i++)
		if (!strcmp(tos->cfg.debug_tas[i], uuid_str))
			return true;
	return false;
}

static struct ta_instance *instance_alloc(struct tos *tos,
					  const uint8_t *uuid)
{
	struct ta_instance *inst = calloc(1, sizeof(*inst));
	pthread_condattr_t attr;

	if (!inst)
		return NULL;
	memcpy(inst->uuid, uuid, 16);
	ta_image_uuid_to_str(uuid, inst->uuid_str);
	inst->sock = inst->chan_fd = inst->pidfd = -1;
	inst->refs = 1;
	pthread_mutex_init(&inst->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&inst->cond, &attr);
	pthread_condattr_destroy(&attr);
	pthread_mutex_lock(&tos->lock);
	inst->serial = ++tos->next_serial;
	list_add_tail(&inst->node, &tos->instances);
	pthread_mutex_unlock(&tos->lock);
	return inst;
}

static void instance_free(struct tos *tos, struct ta_instance *inst)
{
	pthread_mutex_lock(&tos->lock);
	list_del(&inst->node);
	if (inst->sock >= 0)
		epoll_ctl(tos->epoll_fd, EPOLL_CTL_DEL, inst->sock, NULL);
	pthread_mutex_unlock(&tos->lock);
	ta_maps_release(tos, inst);
	storage_release_owner(tos->storage, inst);
	ta_process_free(inst);
	pthread_mutex_destroy(&inst->lock);
	pthread_cond_destroy(&inst->cond);
	free(inst);
}

/* Closes the sessions a TA opened on other TAs (TA-to-TA). */
static void close_owned_by(struct tos *tos, struct sw_thread *thr,
			   struct ta_instance *owner)
{
	for (;;) {
		struct tos_session *sess, *found = NULL;

		pthread_mutex_lock(&tos->lock);
		list_for_each_entry(sess, &tos->sessions, node) {
			if (sess->owner == owner && !sess->closed) {
				sess->refs++;
				found = sess;
				break;
			}
		}
		pthread_mutex_unlock(&tos->lock);
		if (!found)
			return;
		tos_close_session_of(tos, thr, found);
	}
}

/* Ends an instance: TA_DestroyEntryPoint if it is alive, then its process. */
static void instance_destroy(struct tos *tos, struct sw_thread *thr,
			     struct ta_instance *inst)
{
	uint32_t origin;

	close_owned_by(tos, thr, inst);
	pthread_mutex_lock(&tos->lock);
	inst->exiting = true;
	pthread_mutex_unlock(&tos->lock);
	if (!inst->dead)
		ta_call_entry(tos, thr, inst, NULL,
			      &(struct ta_entry_call){ .func = TA_ENTRY_DESTROY },
			      &origin);
	instance_free(tos, inst);
}

/*
 * Drops a reference; the last one of a non-kept instance ends it.  A
 * keep-alive instance is kept by a reference of the TEE's own, which goes
 * with the last other one once the instance has died.
 */
static void instance_put(struct tos *tos, struct sw_thread *thr,
			 struct ta_instance *inst)
{
	bool keep, last;

	pthread_mutex_lock(&tos->lock);
	last = --inst->refs == 0;
	keep = (inst->flags & TA_FLAG_SINGLE_INSTANCE) &&
	       (inst->flags & TA_FLAG_INSTANCE_KEEP_ALIVE) && !inst->dead;
	if (last && keep) {
		inst->refs = 1;	/* the TEE's own reference keeps it */
		inst->kept = true;
		last = false;
	} else if (inst->kept && inst->dead && inst->refs == 1) {
		inst->refs = 0;	/* nothing left worth keeping */
		inst->kept = false;
		last = true;
	}
	if (last)
		inst->live = false;
	pthread_mutex_unlock(&tos->lock);
	if (last)
		instance_destroy(tos, thr, inst);
}

/* Loads, verifies, starts and creates a new instance of `uuid`. */
static struct ta_instance *instance_create(struct tos *tos,
					   struct sw_thread *thr,
					   const uint8_t *uuid, uint32_t *res)
{
	struct ta_instance *inst;
	int elf_fd = -1;
	uint32_t origin;

	*res = ta_load_image(tos, thr, uuid, &elf_fd);
	if (*res)
		return NULL;
	inst = instance_alloc(tos, uuid);
	if (!inst) {
		close(elf_fd);
		*res = TEE_ERROR_OUT_OF_MEMORY;
		return NULL;
	}
	*res = ta_process_spawn(tos, inst, elf_fd,
				debug_requested(tos, inst->uuid_str));
	close(elf_fd);
	if (!*res)
		*res = ta_call_entry(tos, thr, inst, NULL,
				     &(struct ta_entry_call){
					     .func = TA_ENTRY_CREATE },
				     &origin);
	if (*res) {
		instance_free(tos, inst);
		return NULL;
	}
	LOG_INFO("TA %s: instance started, pid %d, flags 0x%x",
		 inst->uuid_str, inst->pid, inst->flags);
	return inst;
}

/*
 * A kept instance of `uuid` that died while idle, with the TEE's reference
 * (now the caller's), or NULL.  Nobody else will put it: the next session
 * of its TA ends it.
 */
static struct ta_instance *take_dead_kept(struct tos *tos,
					  const uint8_t *uuid)
{
	struct ta_instance *inst, *found = NULL;

	pthread_mutex_lock(&tos->lock);
	list_for_each_entry(inst, &tos->instances, node) {
		if (inst->kept && inst->dead && inst->refs == 1 &&
		    !memcmp(inst->uuid, uuid, 16)) {
			inst->kept = false;
			inst->live = false;
			found = inst;
			break;
		}
	}
	pthread_mutex_unlock(&tos->lock);
	return found;
}

static struct ta_instance *instance_get(struct tos *tos, struct sw_thread *thr,
					const uint8_t *uuid, uint32_t *res)
{
	struct ta_instance *inst;

	while ((inst = take_dead_kept(tos, uuid)))
		instance_destroy(tos, thr, inst);
	*res = TEE_SUCCESS;
	inst = get_existing(tos, uuid, res);
	if (inst || *res)
		return inst;
	/* one load at a time: two first sessions must not race two loads */
	pthread_mutex_lock(&tos->load_lock);
	inst = get_existing(tos, uuid, res);
	if (!inst && !*res) {
		inst = instance_create(tos, thr, uuid, res);
		if (inst && (inst->flags & TA_FLAG_SINGLE_INSTANCE)) {
			pthread_mutex_lock(&tos->lock);
			inst->live = true;
			pthread_mutex_unlock(&tos->lock);
		}
	}
	pthread_mutex_unlock(&tos->load_lock);
	return inst;
}

static struct tos_session *session_new(struct tos *tos,
				       struct ta_instance *inst,
				       struct ta_instance *owner,
				       const struct ta_chan_identity *client)
{
	struct tos_session *sess = calloc(1, sizeof(*sess));

	if (!sess)
		return NULL;
	sess->inst = inst;
	sess->owner = owner;
	sess->client = *client;
	sess->refs = 1;		/* the open session's own reference */
	pthread_mutex_lock(&tos->lock);
	do {
		sess->id = ++tos->next_session_id;
	} while (!sess->id);
	list_add_tail(&sess->node, &tos->sessions);
	inst->nsessions++;
	pthread_mutex_unlock(&tos->lock);
	return sess;
}

void tos_session_put(struct tos *tos, struct sw_thread *thr,
		     struct tos_session *sess)
{
	struct ta_instance *inst = sess->inst;
	bool last;

	pthread_mutex_lock(&tos->lock);
	last = --sess->refs == 0;
	if (last) {
		list_del(&sess->node);
		inst->nsessions--;
	}
	pthread_mutex_unlock(&tos->lock);
	if (!last)
		return;
	free(sess);
	instance_put(tos, thr, inst);
}

/* Marks a session closed; false if someone closed it first. */
static bool session_mark_closed(struct tos *tos, struct tos_session *sess)
{
	bool first;

	pthread_mutex_lock(&tos->lock);
	first = !sess->closed;
	sess->closed = true;
	pthread_mutex_unlock(&tos->lock);
	return first;
}

uint32_t tos_open_session_from(struct tos *tos, struct sw_thread *thr,
			       const uint8_t ta_uuid[16],
			       const struct ta_chan_identity *client,
			       struct ta_instance *owner,
			       struct tos_params *params, uint32_t *session,
			       uint32_t *origin,
			       const struct ta_entry_call *how)
{
	struct ta_entry_call call = *how;
	struct ta_instance *inst;
	struct tos_session *sess;
	uint32_t res;

	*origin = TEE_ORIGIN_TEE;
	inst = instance_get(tos, thr, ta_uuid, &res);
	if (!inst)
		return res;
	call.func = TA_ENTRY_OPEN_SESSION;
	call.ps = params;
	sess = session_new(tos, inst, owner, client);
	if (!sess) {
		instance_put(tos, thr, inst);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	res = ta_call_entry(tos, thr, inst, sess, &call, origin);
	if (res) {
		session_mark_closed(tos, sess);
		tos_session_put(tos, thr, sess);
		return res;
	}
	*session = sess->id;
	return TEE_SUCCESS;
}

uint32_t tos_open_session(struct tos *tos, struct sw_thread *thr,
			  const uint8_t ta_uuid[16],
			  const struct ta_chan_identity *client,
			  struct tos_params *params, uint32_t cancel_id,
			  uint32_t *session, uint32_t *origin)
{
	return tos_open_session_from(tos, thr, ta_uuid, client, NULL, params,
				     session, origin,
				     &(struct ta_entry_call){
					     .cancel_id = cancel_id });
}

struct tos_session *tos_session_get_owned(struct tos *tos, uint32_t id,
					  struct ta_instance *owner)
{
	struct tos_session *sess, *found = NULL;

	pthread_mutex_lock(&tos->lock);
	list_for_each_entry(sess, &tos->sessions, node) {
		if (sess->id == id && sess->owner == owner && !sess->closed) {
			sess->refs++;
			found = sess;
			break;
		}
	}
	pthread_mutex_unlock(&tos->lock);
	return found;
}

uint32_t tos_invoke(struct tos *tos, struct sw_thread *thr, uint32_t session,
		    uint32_t cmd, uint32_t cancel_id, struct tos_params *params,
		    uint32_t *origin)
{
	struct tos_session *sess = tos_session_get_owned(tos, session, NULL);
	struct ta_entry_call call = { .func = TA_ENTRY_INVOKE, .cmd = cmd,
				      .cancel_id = cancel_id, .ps = params };
	uint32_t res;

	*origin = TEE_ORIGIN_TEE;
	if (!sess)
		return TEE_ERROR_ITEM_NOT_FOUND;
	res = ta_call_entry(tos, thr, sess->inst, sess, &call, origin);
	tos_session_put(tos, thr, sess);
	return res;
}

/*
 * Closes a session the caller holds a reference to: the TA's close entry
 * (unless it died), then the open reference and the caller's.
 */
uint32_t tos_close_session_of(struct tos *tos, struct sw_thread *thr,
			      struct tos_session *sess)
{
	uint32_t origin;

	if (!session_mark_closed(tos, sess)) {
		tos_session_put(tos, thr, sess);
		return TEE_ERROR_ITEM_NOT_FOUND;
	}
	if (!sess->inst->dead)
		ta_call_entry(tos, thr, sess->inst, sess,
			      &(struct ta_entry_call){
				      .func = TA_ENTRY_CLOSE_SESSION },
			      &origin);
	tos_session_put(tos, thr, sess);
	tos_session_put(tos, thr, sess);
	return TEE_SUCCESS;
}

uint32_t tos_close_session(struct tos *tos, struct sw_thread *thr,
			   uint32_t session)
{
	struct tos_session *sess = tos_session_get_owned(tos, session, NULL);

	if (!sess)
		return TEE_ERROR_ITEM_NOT_FOUND;
	return tos_close_session_of(tos, thr, sess);
}

uint32_t tos_cancel(struct tos *tos, struct sw_thread *thr, uint32_t session,
		    uint32_t cancel_id)
{
	struct tos_session *sess = tos_session_get_owned(tos, session, NULL);
	struct ta_instance *inst;

	if (!sess)
		return TEE_ERROR_ITEM_NOT_FOUND;
	inst = sess->inst;
	pthread_mutex_lock(&inst->lock);
	/* 0 names no operation (stock libteec): cancel what the session runs */
	if (!cancel_id || (sess->running && sess->op_cancel_id == cancel_id))
		sess->cancel_req = true;
	else
		sess->early_cancel_id = cancel_id;
	pthread_cond_broadcast(&inst->cond);
	pthread_mutex_unlock(&inst->lock);
	tos_session_put(tos, thr, sess);
	return TEE_SUCCESS;
}
