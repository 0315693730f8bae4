// SPDX-License-Identifier: BSD-2-Clause
/*
 * fork: the table is consistent in the child (taken under the lock), and
 * the child's devices use connections of their own from then on.
 */
#include <pthread.h>

#include "shim.h"

static void prepare(void)
{
	shim_table_lock();
}

static void parent(void)
{
	shim_table_unlock();
}

static void child(void)
{
	shim_table_after_fork();
}

__attribute__((constructor)) static void shim_init(void)
{
	shim_real();
	pthread_atfork(prepare, parent, child);
}
