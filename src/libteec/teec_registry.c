// SPDX-License-Identifier: BSD-2-Clause
/*
 * From an fd to the library's context state.  A TEEC_Context holds only
 * the device's fd (OP-TEE's layout has no room for more) and a
 * TEEC_SharedMemory only its own shm fd, yet releasing a shm must tell the
 * context's device.  Both fds are open and unique in the process for as
 * long as their object lives, so one table indexed by fd answers both.
 */
#include "teec_private.h"

#include <errno.h>
#include <stdlib.h>

static pthread_rwlock_t teec_registry_lock = PTHREAD_RWLOCK_INITIALIZER;
static struct teec_ctx **teec_registry_tab;
static size_t teec_registry_len;

/* Under the write lock: room for index fd. */
static int teec_registry_grow(int fd)
{
	size_t len = teec_registry_len ? teec_registry_len : 64;
	struct teec_ctx **tab;

	while (len <= (size_t)fd)
		len *= 2;
	if (len == teec_registry_len)
		return 0;
	tab = realloc(teec_registry_tab, len * sizeof(*tab));
	if (!tab)
		return -ENOMEM;
	for (size_t i = teec_registry_len; i < len; i++)
		tab[i] = NULL;
	teec_registry_tab = tab;
	teec_registry_len = len;
	return 0;
}

int teec_registry_add(int fd, struct teec_ctx *ctx)
{
	int rc;

	pthread_rwlock_wrlock(&teec_registry_lock);
	rc = teec_registry_grow(fd);
	if (!rc)
		teec_registry_tab[fd] = ctx;
	pthread_rwlock_unlock(&teec_registry_lock);
	return rc;
}

void teec_registry_del(int fd)
{
	pthread_rwlock_wrlock(&teec_registry_lock);
	if (fd >= 0 && (size_t)fd < teec_registry_len)
		teec_registry_tab[fd] = NULL;
	pthread_rwlock_unlock(&teec_registry_lock);
}

struct teec_ctx *teec_registry_get(int fd)
{
	struct teec_ctx *ctx = NULL;

	pthread_rwlock_rdlock(&teec_registry_lock);
	if (fd >= 0 && (size_t)fd < teec_registry_len)
		ctx = teec_registry_tab[fd];
	pthread_rwlock_unlock(&teec_registry_lock);
	return ctx;
}

void teec_registry_forget(struct teec_ctx *ctx)
{
	pthread_rwlock_wrlock(&teec_registry_lock);
	for (size_t i = 0; i < teec_registry_len; i++)
		if (teec_registry_tab[i] == ctx)
			teec_registry_tab[i] = NULL;
	pthread_rwlock_unlock(&teec_registry_lock);
}

struct teec_ctx *teec_ctx_of(const TEEC_Context *context)
{
	return context ? teec_registry_get(context->imp.fd) : NULL;
}
