// SPDX-License-Identifier: BSD-2-Clause
/*
 * The services a TA asks of its OS.  Arguments come from a copy of the
 * channel message; the answer is written into that copy.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rpc.h"
#include "tee_api_defines.h"
#include "tos_private.h"
#include "vtee/clock.h"
#include "vtee/log.h"

#define WAIT_FOREVER 0xffffffffu

static void sys_log(struct ta_instance *inst, struct ta_chan_msg *m,
		    const uint8_t *data)
{
	int level = (int)m->args[0];
	/* TA trace levels: 1 error, 2 info, 3 debug, 4 flow */
	int ours = level <= 1 ? VTEE_LOG_ERROR :
		   level == 2 ? VTEE_LOG_INFO : VTEE_LOG_DEBUG;
	int len = m->data_len > 512 ? 512 : (int)m->data_len;

	vtee_log(ours, "TA %.8s: %.*s", inst->uuid_str, len,
		 (const char *)data);
	m->ret = TEE_SUCCESS;
	m->data_len = 0;
}

static bool past(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > t->tv_sec ||
	       (now.tv_sec == t->tv_sec && now.tv_nsec >= t->tv_nsec);
}

/*
 * The caller's fields are read without its instance's lock: they are
 * flags that only ever go from false to true during the call, and a late
 * read costs one more poll.
 */
bool tos_session_cancelled(const struct tos_session *sess)
{
	const struct tos_session *caller;

	if (!sess || sess->cancel_masked)
		return false;
	if (sess->cancel_req || (sess->has_deadline && past(&sess->deadline)))
		return true;
	caller = sess->caller;
	return caller && __atomic_load_n(&caller->cancel_req,
					 __ATOMIC_RELAXED) &&
	       !__atomic_load_n(&caller->cancel_masked, __ATOMIC_RELAXED);
}

/* How long a wait may sleep before looking again: a caller's
 * cancellation does not wake this instance, so it is polled. */
#define CALLER_POLL_MS 20

/* TEE_Wait: sleeps on the instance, woken by cancellation or death. */
static void sys_wait(struct ta_instance *inst, struct tos_session *sess,
		     struct ta_chan_msg *m)
{
	uint32_t ms = (uint32_t)m->args[0];
	/* inst->cond runs on CLOCK_MONOTONIC: a clock step must not shorten
	 * a wait */
	struct timespec deadline = vtee_time_after_ms(CLOCK_MONOTONIC, ms);
	int rc = 0;

	pthread_mutex_lock(&inst->lock);
	while (!tos_session_cancelled(sess) && !inst->dead && rc != ETIMEDOUT) {
		struct timespec wake = deadline;

		if (sess && (sess->caller || sess->has_deadline)) {
			struct timespec poll = vtee_time_after_ms(
				CLOCK_MONOTONIC, CALLER_POLL_MS);

			if (ms == WAIT_FOREVER || poll.tv_sec < wake.tv_sec ||
			    (poll.tv_sec == wake.tv_sec &&
			     poll.tv_nsec < wake.tv_nsec))
				wake = poll;
		} else if (ms == WAIT_FOREVER) {
			pthread_cond_wait(&inst->cond, &inst->lock);
			continue;
		}
		if (pthread_cond_timedwait(&inst->cond, &inst->lock, &wake) ==
			    ETIMEDOUT && ms != WAIT_FOREVER && past(&deadline))
			rc = ETIMEDOUT;
	}
	m->ret = tos_session_cancelled(sess) ? TEE_ERROR_CANCEL : TEE_SUCCESS;
	pthread_mutex_unlock(&inst->lock);
}

static void sys_cancel_flag(struct ta_instance *inst,
			    struct tos_session *sess, struct ta_chan_msg *m)
{
	pthread_mutex_lock(&inst->lock);
	m->args[0] = tos_session_cancelled(sess);
	pthread_mutex_unlock(&inst->lock);
	m->ret = TEE_SUCCESS;
}

static void sys_cancel_mask(struct ta_instance *inst,
			    struct tos_session *sess, struct ta_chan_msg *m)
{
	bool mask = m->args[0] != 0;

	m->ret = TEE_SUCCESS;
	if (!sess) {
		m->args[0] = 1;
		return;
	}
	pthread_mutex_lock(&inst->lock);
	m->args[0] = sess->cancel_masked;
	sess->cancel_masked = mask;
	pthread_mutex_unlock(&inst->lock);
}

/* A failed RPC writes nothing: the TA gets zeros, not our stack. */
static void sys_ree_time(struct sw_thread *thr, struct ta_chan_msg *m)
{
	uint64_t sec = 0;
	uint32_t nsec = 0;

	m->ret = sw_rpc_get_time(thr, &sec, &nsec);
	m->args[0] = sec;
	m->args[1] = nsec / 1000000;
}

static struct ta_time *find_time(struct tos *tos, const uint8_t *uuid)
{
	struct ta_time *t;

	list_for_each_entry(t, &tos->times, node)
		if (!memcmp(t->uuid, uuid, 16))
			return t;
	return NULL;
}

static int64_t realtime_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * TA persistent time runs with the host clock from the moment the TA set
 * it.  It is kept for the life of the daemon; after a restart it is not
 * set, which GP's TIME_NOT_SET tells the TA.  A time to set is a TEE_Time:
 * seconds and milliseconds of 32 bits each (which keeps the sums below far
 * from overflowing); wider values come from no TEE_Time.
 */
static void sys_ta_time(struct tos *tos, struct ta_instance *inst,
			struct ta_chan_msg *m, bool set)
{
	struct ta_time *t;
	int64_t now = realtime_ms(), value;

	if (set && (m->args[0] > UINT32_MAX || m->args[1] > UINT32_MAX)) {
		m->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	pthread_mutex_lock(&tos->lock);
	t = find_time(tos, inst->uuid);
	if (set) {
		if (!t && (t = calloc(1, sizeof(*t)))) {
			memcpy(t->uuid, inst->uuid, 16);
			list_add_tail(&t->node, &tos->times);
		}
		if (t)
			t->offset_ms = (int64_t)m->args[0] * 1000 +
				       (int64_t)m->args[1] - now;
		m->ret = t ? TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
	} else if (!t) {
		m->ret = TEE_ERROR_TIME_NOT_SET;
	} else {
		value = now + t->offset_ms;
		m->args[0] = (uint64_t)(value / 1000);
		m->args[1] = (uint64_t)(value % 1000);
		m->ret = value / 1000 > UINT32_MAX ? TEE_ERROR_OVERFLOW :
						     TEE_SUCCESS;
	}
	pthread_mutex_unlock(&tos->lock);
}

static void sys_tee_prop(struct tos *tos, struct ta_chan_msg *m,
			 uint8_t *data)
{
	size_t used = 0;
	uint32_t type = 0;

	/* an index wider than 32 bits names no property (not the one it
	 * would truncate to) */
	if (m->args[0] > UINT32_MAX) {
		m->ret = TEE_ERROR_ITEM_NOT_FOUND;
		m->args[0] = 0;
		return;
	}
	m->ret = tee_prop_get(tos, (uint32_t)m->args[0], (char *)data,
			      TA_CHAN_DATA_MAX, &used, &type);
	m->args[0] = type;
	m->data_len = (uint32_t)used;
}

void ta_syscall(struct tos *tos, struct sw_thread *thr,
		struct ta_instance *inst, struct tos_session *sess,
		struct ta_chan_msg *m, uint8_t *data)
{
	uint32_t in_len = m->data_len;

	m->data_len = 0;
	switch (m->func) {
	case TA_SYS_LOG:
		m->data_len = in_len;
		sys_log(inst, m, data);
		break;
	case TA_SYS_PANIC:
		LOG_ERR("TA %s (pid %d) panicked with code 0x%08x",
			inst->uuid_str, inst->pid, (uint32_t)m->args[0]);
		ta_process_kill(inst);
		ta_mark_dead(inst);
		break;
	case TA_SYS_WAIT:
		sys_wait(inst, sess, m);
		break;
	case TA_SYS_GET_CANCEL_FLAG:
		sys_cancel_flag(inst, sess, m);
		break;
	case TA_SYS_SET_CANCEL_MASK:
		sys_cancel_mask(inst, sess, m);
		break;
	case TA_SYS_GET_REE_TIME:
		sys_ree_time(thr, m);
		break;
	case TA_SYS_GET_TA_TIME:
	case TA_SYS_SET_TA_TIME:
		sys_ta_time(tos, inst, m, m->func == TA_SYS_SET_TA_TIME);
		break;
	case TA_SYS_GET_TEE_PROP:
		sys_tee_prop(tos, m, data);
		break;
	case TA_SYS_SUPP_PLUGIN:
		supp_plugin_syscall(thr, m, data, in_len);
		break;
	case TA_SYS_OPEN_TA_SESSION:
	case TA_SYS_INVOKE_TA_COMMAND:
	case TA_SYS_CLOSE_TA_SESSION:
		m->data_len = in_len;
		ta2ta_syscall(tos, thr, inst, sess, m, data);
		break;
	case TA_SYS_POBJ_OPEN:
	case TA_SYS_POBJ_CREATE:
	case TA_SYS_POBJ_CLOSE:
	case TA_SYS_POBJ_READ:
	case TA_SYS_POBJ_WRITE:
	case TA_SYS_POBJ_TRUNCATE:
	case TA_SYS_POBJ_INFO:
	case TA_SYS_POBJ_DELETE:
	case TA_SYS_POBJ_RENAME:
	case TA_SYS_POBJ_NEXT:
	case TA_SYS_POBJ_RESTRICT:
		ta_storage_syscall(tos, thr, inst, m, data, in_len);
		break;
	default:
		m->ret = TEE_ERROR_NOT_SUPPORTED;
		break;
	}
}
