// SPDX-License-Identifier: BSD-2-Clause
/*
 * The call queue: callers waiting for a free secure thread.  Thread
 * accounting comes from GET_THREAD_COUNT; when the secure world still
 * answers ETHREAD_LIMIT (it may count differently), the caller waits for
 * the next finished call and retries, as Linux does.  While system sessions
 * exist one thread is kept back for them, and their waiters go first.
 */
#include "optee_private.h"

void optee_cq_init(struct optee_call_queue *cq, int thread_count)
{
	pthread_mutex_init(&cq->mutex, NULL);
	list_init(&cq->waiters);
	cq->total_thread_count = thread_count;
	cq->free_thread_count = thread_count;
	cq->sys_thread_req_count = 0;
}

static bool cq_can_take_thread(struct optee_call_queue *cq, bool sys_thread)
{
	int threshold = (cq->sys_thread_req_count && !sys_thread) ? 1 : 0;

	return !cq->total_thread_count ||
	       cq->free_thread_count > threshold;
}

void optee_cq_wait_init(struct optee_call_queue *cq,
			struct optee_call_waiter *w, bool sys_thread)
{
	pthread_mutex_lock(&cq->mutex);
	/* on the list first, so a completion between tries is not lost */
	pthread_cond_init(&w->c, NULL);
	w->completed = false;
	w->sys_thread = sys_thread;
	list_add_tail(&w->node, &cq->waiters);
	while (!cq_can_take_thread(cq, sys_thread)) {
		while (!w->completed)
			pthread_cond_wait(&w->c, &cq->mutex);
		w->completed = false;
	}
	if (cq->total_thread_count)
		cq->free_thread_count--;
	pthread_mutex_unlock(&cq->mutex);
}

void optee_cq_wait_for_completion(struct optee_call_queue *cq,
				  struct optee_call_waiter *w)
{
	pthread_mutex_lock(&cq->mutex);
	while (!w->completed)
		pthread_cond_wait(&w->c, &cq->mutex);
	w->completed = false;
	/* to the tail: others that waited longer get the next thread */
	list_del(&w->node);
	list_add_tail(&w->node, &cq->waiters);
	pthread_mutex_unlock(&cq->mutex);
}

/* Wakes one waiter other than `self`, system-session waiters first. */
static void cq_complete_one(struct optee_call_queue *cq,
			    struct optee_call_waiter *self)
{
	struct optee_call_waiter *w, *pick = NULL;

	list_for_each_entry(w, &cq->waiters, node) {
		if (w == self || w->completed)
			continue;
		if (w->sys_thread) {
			pick = w;
			break;
		}
		if (!pick)
			pick = w;
	}
	if (pick) {
		pick->completed = true;
		pthread_cond_signal(&pick->c);
	}
}

void optee_cq_wait_final(struct optee_call_queue *cq,
			 struct optee_call_waiter *w)
{
	pthread_mutex_lock(&cq->mutex);
	list_del(&w->node);
	if (cq->total_thread_count)
		cq->free_thread_count++;
	cq_complete_one(cq, NULL);
	/* a wakeup meant for us must not be lost: pass it on */
	if (w->completed)
		cq_complete_one(cq, NULL);
	pthread_mutex_unlock(&cq->mutex);
	pthread_cond_destroy(&w->c);
}
