/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A fake TEE behind a fake node, for libteec's unit tests: VERSION,
 * SHM_ALLOC (memfds), SHM_REGISTER (this process's own memory), sessions,
 * and a handful of the test TA's commands (vtee_test_ta.h), enough to check
 * what libteec puts in every parameter and what it makes of the answers.
 */
#ifndef VTEE_TEST_FAKE_TEE_H
#define VTEE_TEST_FAKE_TEE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "fake_node.h"

#define FAKE_TEE_SHMS	256

struct fake_shm {
	bool live;
	void *va;
	size_t size;
	bool mapped;		/* va is the fake's own mapping */
};

struct fake_tee {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct fake_node *fn;
	struct tee_ioctl_version_data version;
	struct fake_shm shm[FAKE_TEE_SHMS];	/* index = id; 0 unused */
	int shm_allocs;
	int shm_registers;
	int shm_releases;
	uint32_t sessions;	/* last session id handed out */
	int open_sessions;
	int invokes;
	/* the last open and invoke as they arrived */
	struct tee_ioctl_open_session_arg last_open;
	struct tee_ioctl_invoke_arg last_invoke;
	struct tee_ioctl_param last_params[4];
	/* cancellation */
	struct tee_ioctl_cancel_arg last_cancel;
	int cancels;
	int spinning;
};

void fake_tee_start(struct fake_tee *t, uint32_t gen_caps);
void fake_tee_stop(struct fake_tee *t);
int fake_tee_live_shms(struct fake_tee *t);

#endif /* VTEE_TEST_FAKE_TEE_H */
