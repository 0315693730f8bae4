// SPDX-License-Identifier: BSD-2-Clause
/*
 * Shared-memory objects.  Ids come from a per-device table and start at 1;
 * a lookup also requires the caller's context to own the object.  The
 * object lives while any reference does: the owner's fd reference and one
 * per in-flight parameter.  Each object is its own ns_ram block (memfd).
 */
#include <errno.h>
#include <stdlib.h>

#include "ns_ram.h"
#include "tee_drv.h"

static int shm_id_alloc(struct tee_device *teedev, struct tee_shm *shm)
{
	size_t id;

	pthread_mutex_lock(&teedev->mutex);
	for (id = 1; id < teedev->shm_ids_len && teedev->shm_ids[id]; id++)
		;
	if (id >= teedev->shm_ids_len) {
		size_t len = teedev->shm_ids_len ? teedev->shm_ids_len * 2 : 64;
		struct tee_shm **ids = len <= INT32_MAX ?
			realloc(teedev->shm_ids, len * sizeof(*ids)) : NULL;

		if (!ids) {
			pthread_mutex_unlock(&teedev->mutex);
			return -ENOMEM;
		}
		for (size_t i = teedev->shm_ids_len; i < len; i++)
			ids[i] = NULL;
		teedev->shm_ids = ids;
		teedev->shm_ids_len = len;
	}
	teedev->shm_ids[id] = shm;
	shm->id = (int)id;
	pthread_mutex_unlock(&teedev->mutex);
	return 0;
}

static struct tee_shm *shm_alloc(struct tee_context *ctx, size_t size,
				 uint32_t flags, int *err)
{
	struct tee_shm *shm = calloc(1, sizeof(*shm));

	if (!shm) {
		*err = -ENOMEM;
		return NULL;
	}
	shm->blk = ns_ram_alloc(ctx->teedev->ram, size, "tee_shm");
	if (!shm->blk) {
		*err = errno == EINVAL ? -EINVAL : -ENOMEM;
		free(shm);
		return NULL;
	}
	shm->ctx = ctx;
	shm->teedev = ctx->teedev;
	shm->paddr = shm->blk->pa;
	shm->kaddr = shm->blk->va;
	shm->size = shm->blk->size;
	shm->flags = flags;
	shm->id = -1;
	atomic_init(&shm->refcount, 1);
	tee_context_get(ctx);
	return shm;
}

static void shm_destroy(struct tee_shm *shm)
{
	struct tee_context *ctx = shm->ctx;
	const struct tee_driver_ops *ops = ctx->teedev->desc->ops;

	if ((shm->flags & TEE_SHM_DYNAMIC) && ops->shm_unregister)
		ops->shm_unregister(ctx, shm);
	ns_ram_block_put(ctx->teedev->ram, shm->blk);
	free(shm);
	tee_context_put(ctx);
}

struct tee_shm *tee_shm_alloc_user_buf(struct tee_context *ctx, size_t size,
				       int *err)
{
	const struct tee_driver_ops *ops = ctx->teedev->desc->ops;
	struct tee_shm *shm;

	if (!size) {
		*err = -EINVAL;
		return NULL;
	}
	shm = shm_alloc(ctx, size, TEE_SHM_DYNAMIC | TEE_SHM_POOL, err);
	if (!shm)
		return NULL;
	/* the secure world learns the pages before the id is visible */
	*err = ops->shm_register ? ops->shm_register(ctx, shm) : 0;
	if (!*err)
		*err = shm_id_alloc(ctx->teedev, shm);
	if (*err) {
		if (!ops->shm_register)
			shm->flags &= ~TEE_SHM_DYNAMIC;
		tee_shm_put(shm);
		return NULL;
	}
	return shm;
}

struct tee_shm *tee_shm_alloc_kernel_buf(struct tee_context *ctx, size_t size)
{
	const struct tee_driver_ops *ops = ctx->teedev->desc->ops;
	struct tee_shm *shm;
	int err;

	shm = shm_alloc(ctx, size, TEE_SHM_DYNAMIC | TEE_SHM_POOL, &err);
	if (shm && ops->shm_register && ops->shm_register(ctx, shm)) {
		shm->flags &= ~TEE_SHM_DYNAMIC;
		tee_shm_put(shm);
		return NULL;
	}
	return shm;
}

struct tee_shm *tee_shm_alloc_priv_buf(struct tee_context *ctx, size_t size)
{
	int err;

	return shm_alloc(ctx, size, TEE_SHM_PRIV | TEE_SHM_POOL, &err);
}

struct tee_shm *tee_shm_get_from_id(struct tee_context *ctx, int id)
{
	struct tee_device *teedev = ctx->teedev;
	struct tee_shm *shm = NULL;

	pthread_mutex_lock(&teedev->mutex);
	if (id > 0 && (size_t)id < teedev->shm_ids_len) {
		shm = teedev->shm_ids[id];
		if (shm && shm->ctx == ctx)
			tee_shm_get(shm);
		else
			shm = NULL;
	}
	pthread_mutex_unlock(&teedev->mutex);
	return shm;
}

void tee_shm_get(struct tee_shm *shm)
{
	atomic_fetch_add_explicit(&shm->refcount, 1, memory_order_relaxed);
}

void tee_shm_put(struct tee_shm *shm)
{
	struct tee_device *teedev = shm->teedev;

	/*
	 * The id leaves the table under the device mutex before the object
	 * dies, so tee_shm_get_from_id() never revives a dying object.
	 */
	pthread_mutex_lock(&teedev->mutex);
	if (atomic_fetch_sub_explicit(&shm->refcount, 1,
				      memory_order_acq_rel) != 1) {
		pthread_mutex_unlock(&teedev->mutex);
		return;
	}
	if (shm->id > 0)
		teedev->shm_ids[shm->id] = NULL;
	pthread_mutex_unlock(&teedev->mutex);
	shm_destroy(shm);
}

void tee_shm_free(struct tee_shm *shm)
{
	tee_shm_put(shm);
}

/* Takes the fd reference out of shm, if it still holds it. */
static bool take_fd_ref(struct tee_device *teedev, struct tee_shm *shm)
{
	bool held;

	pthread_mutex_lock(&teedev->mutex);
	held = shm->fd_held;
	shm->fd_held = false;
	pthread_mutex_unlock(&teedev->mutex);
	return held;
}

int tee_shm_release_fd(struct tee_context *ctx, int id)
{
	struct tee_shm *shm = tee_shm_get_from_id(ctx, id);

	if (!shm)
		return -EINVAL;
	if (take_fd_ref(ctx->teedev, shm))
		tee_shm_put(shm);
	tee_shm_put(shm);
	return 0;
}

void tee_shm_release_all_fds(struct tee_context *ctx)
{
	struct tee_device *teedev = ctx->teedev;

	for (size_t id = 1;; id++) {
		struct tee_shm *shm;
		size_t len;

		pthread_mutex_lock(&teedev->mutex);
		len = teedev->shm_ids_len;
		shm = id < len ? teedev->shm_ids[id] : NULL;
		if (shm && (shm->ctx != ctx || !shm->fd_held))
			shm = NULL;
		if (shm)
			shm->fd_held = false;
		pthread_mutex_unlock(&teedev->mutex);
		if (id >= len)
			return;
		if (shm)
			tee_shm_put(shm);
	}
}

void *tee_shm_get_va(struct tee_shm *shm, size_t offs)
{
	return offs < shm->size ? (uint8_t *)shm->kaddr + offs : NULL;
}

int tee_shm_get_pa(struct tee_shm *shm, size_t offs, uint64_t *pa)
{
	if (offs >= shm->size)
		return -EINVAL;
	*pa = shm->paddr + offs;
	return 0;
}

int tee_shm_memfd(const struct tee_shm *shm)
{
	return shm->blk->memfd;
}
