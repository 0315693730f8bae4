// SPDX-License-Identifier: BSD-2-Clause
/*
 * Contexts: one per open device fd (or in-kernel client).  Closing runs the
 * driver's close_context at once (sessions go away); the context itself
 * lives until its last reference, which shms hold too.
 */
#include <errno.h>
#include <stdlib.h>

#include "tee_drv.h"

struct tee_context *tee_context_open(struct tee_device *teedev,
				     const struct tee_cred *cred, int *err)
{
	struct tee_context *ctx = calloc(1, sizeof(*ctx));

	if (!ctx) {
		*err = -ENOMEM;
		return NULL;
	}
	ctx->teedev = teedev;
	ctx->cred = *cred;
	atomic_init(&ctx->refcount, 1);
	atomic_fetch_add(&teedev->num_users, 1);
	*err = teedev->desc->ops->open(ctx);
	if (*err) {
		atomic_fetch_sub(&teedev->num_users, 1);
		free(ctx);
		return NULL;
	}
	return ctx;
}

void tee_context_get(struct tee_context *ctx)
{
	atomic_fetch_add_explicit(&ctx->refcount, 1, memory_order_relaxed);
}

void tee_context_put(struct tee_context *ctx)
{
	struct tee_device *teedev = ctx->teedev;

	if (atomic_fetch_sub_explicit(&ctx->refcount, 1,
				      memory_order_acq_rel) != 1)
		return;
	teedev->desc->ops->release(ctx);
	atomic_fetch_sub(&teedev->num_users, 1);
	free(ctx);
}

void tee_context_close(struct tee_context *ctx)
{
	const struct tee_driver_ops *ops = ctx->teedev->desc->ops;

	ctx->releasing = true;
	if (ops->close_context)
		ops->close_context(ctx);
	tee_shm_release_all_fds(ctx);
	tee_context_put(ctx);
}

size_t tee_context_num_sessions(struct tee_context *ctx)
{
	const struct tee_driver_ops *ops = ctx->teedev->desc->ops;

	return ops->num_sessions ? ops->num_sessions(ctx) : 0;
}
