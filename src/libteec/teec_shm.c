// SPDX-License-Identifier: BSD-2-Clause
/*
 * Shared memory blocks.  An allocated block is the TEE's own memory mapped
 * into the client (SHM_ALLOC + mmap of the returned fd), so the client and
 * the TA touch the same pages: nothing is ever copied.  A registered block
 * is zero copy too when the device can register user memory (REG_MEM);
 * otherwise it gets an allocated shadow, and operations copy the client's
 * buffer into it and back out (teec_param.c).
 *
 * The shm fd stays open until release: on a vtee node that fd is what the
 * block's life hangs on until the library says it is done with it.
 */
#include "teec_private.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int teec_map_alloc(struct teec_ctx *ctx, size_t size, struct teec_map *m)
{
	struct tee_ioctl_shm_alloc_data data = { .size = size };
	int fd = tee_dev_ioctl(ctx->dev, TEE_IOC_SHM_ALLOC, &data);
	void *va;

	if (fd < 0)
		return fd;
	/* -1 means "no shm" to everyone; a device must never hand it out */
	if (data.id < 0) {
		close(fd);
		return -EPROTO;
	}
	va = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (va == MAP_FAILED) {
		close(fd);
		tee_dev_shm_release(ctx->dev, data.id);
		return -ENOMEM;
	}
	*m = (struct teec_map){ .va = va, .size = size, .fd = fd,
				.id = data.id };
	return 0;
}

void teec_map_free(struct teec_ctx *ctx, struct teec_map *m)
{
	munmap(m->va, m->size);
	close(m->fd);
	tee_dev_shm_release(ctx->dev, m->id);
}

/* Records what a block is made of; the fd names its context from now on. */
static TEEC_Result teec_shm_keep(struct teec_ctx *ctx, TEEC_SharedMemory *shm,
				 uint32_t kind, const struct teec_map *m)
{
	if (teec_registry_add(m->fd, ctx)) {
		teec_log("no memory to track shm %d", m->id);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	shm->imp.id = m->id;
	shm->imp.alloced_size = m->size;
	shm->imp.shadow_buffer = kind == TEEC_SHM_SHADOWED ? m->va : NULL;
	shm->imp.registered_fd = m->fd;
	shm->imp.flags = kind;
	return TEEC_SUCCESS;
}

/* GP treats a zero-sized block as valid; it still needs some memory. */
static size_t teec_shm_bytes(const TEEC_SharedMemory *shm)
{
	return shm->size ? shm->size : 8;
}

TEEC_Result TEEC_AllocateSharedMemory(TEEC_Context *context,
				      TEEC_SharedMemory *shm)
{
	struct teec_ctx *ctx = teec_ctx_of(context);
	struct teec_map m;
	TEEC_Result res;
	int rc;

	if (!ctx || !shm)
		return TEEC_ERROR_BAD_PARAMETERS;
	rc = teec_map_alloc(ctx, teec_shm_bytes(shm), &m);
	if (rc < 0) {
		teec_log("TEE_IOC_SHM_ALLOC of %zu bytes: %s",
			 teec_shm_bytes(shm), strerror(-rc));
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	res = teec_shm_keep(ctx, shm, TEEC_SHM_ALLOCATED, &m);
	if (res) {
		teec_map_free(ctx, &m);
		return res;
	}
	shm->buffer = m.va;
	return TEEC_SUCCESS;
}

/* The client's own pages, registered in place (REG_MEM devices). */
static int teec_shm_register_direct(struct teec_ctx *ctx,
				    TEEC_SharedMemory *shm, struct teec_map *m)
{
	struct tee_ioctl_shm_register_data data = {
		.addr = (uintptr_t)shm->buffer,
		.length = teec_shm_bytes(shm),
	};
	int fd = tee_dev_ioctl(ctx->dev, TEE_IOC_SHM_REGISTER, &data);

	if (fd < 0)
		return fd;
	if (data.id < 0) {
		close(fd);
		return -EPROTO;
	}
	/* a registered shm's fd cannot be mapped: va stays NULL */
	*m = (struct teec_map){ .size = data.length, .fd = fd, .id = data.id };
	return 0;
}

TEEC_Result TEEC_RegisterSharedMemory(TEEC_Context *context,
				      TEEC_SharedMemory *shm)
{
	struct teec_ctx *ctx = teec_ctx_of(context);
	uint32_t kind = TEEC_SHM_REGISTERED;
	struct teec_map m;
	TEEC_Result res;
	int rc = -EOPNOTSUPP;

	if (!ctx || !shm || !shm->buffer)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (ctx->reg_mem)
		rc = teec_shm_register_direct(ctx, shm, &m);
	/* memory the device cannot pin (read-only, say) still works
	 * through a shadow */
	if (rc < 0) {
		kind = TEEC_SHM_SHADOWED;
		rc = teec_map_alloc(ctx, teec_shm_bytes(shm), &m);
	}
	if (rc < 0) {
		teec_log("cannot share %zu bytes: %s", teec_shm_bytes(shm),
			 strerror(-rc));
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	res = teec_shm_keep(ctx, shm, kind, &m);
	if (res && kind == TEEC_SHM_SHADOWED) {
		teec_map_free(ctx, &m);
	} else if (res) {
		close(m.fd);
		tee_dev_shm_release(ctx->dev, m.id);
	}
	return res;
}

TEEC_Result TEEC_RegisterSharedMemoryFileDescriptor(TEEC_Context *context,
						    TEEC_SharedMemory *shm,
						    int fd)
{
	struct teec_ctx *ctx = teec_ctx_of(context);
	struct tee_ioctl_shm_register_fd_data data = { .fd = fd };
	struct teec_map m;
	TEEC_Result res;
	int rc;

	if (!ctx || !shm || fd < 0)
		return TEEC_ERROR_BAD_PARAMETERS;
	rc = tee_dev_ioctl(ctx->dev, TEE_IOC_SHM_REGISTER_FD, &data);
	if (rc < 0) {
		teec_log("TEE_IOC_SHM_REGISTER_FD: %s", strerror(-rc));
		return rc == -ENOMEM ? TEEC_ERROR_OUT_OF_MEMORY :
		       TEEC_ERROR_NOT_SUPPORTED;
	}
	m = (struct teec_map){ .size = data.size, .fd = rc, .id = data.id };
	res = teec_shm_keep(ctx, shm, TEEC_SHM_FD, &m);
	if (res) {
		close(m.fd);
		tee_dev_shm_release(ctx->dev, m.id);
		return res;
	}
	shm->buffer = NULL;
	shm->size = data.size;
	return TEEC_SUCCESS;
}

static void teec_shm_unmap(TEEC_SharedMemory *shm)
{
	if (shm->imp.flags == TEEC_SHM_ALLOCATED) {
		munmap(shm->buffer, shm->imp.alloced_size);
		/* GP: an allocated block's buffer and size are cleared */
		shm->buffer = NULL;
		shm->size = 0;
	} else if (shm->imp.flags == TEEC_SHM_SHADOWED) {
		munmap(shm->imp.shadow_buffer, shm->imp.alloced_size);
	}
}

void TEEC_ReleaseSharedMemory(TEEC_SharedMemory *shm)
{
	struct teec_ctx *ctx;
	int fd;

	if (!shm || shm->imp.flags < TEEC_SHM_ALLOCATED ||
	    shm->imp.flags > TEEC_SHM_FD)
		return;
	fd = shm->imp.registered_fd;
	/* NULL when the context was finalized first: its device, and every
	 * shm of it, is gone already */
	ctx = teec_registry_get(fd);
	/* before close(): the fd number may be reused at once */
	teec_registry_del(fd);
	teec_shm_unmap(shm);
	close(fd);
	if (ctx)
		tee_dev_shm_release(ctx->dev, shm->imp.id);
	shm->imp.id = -1;
	shm->imp.alloced_size = 0;
	shm->imp.shadow_buffer = NULL;
	shm->imp.registered_fd = -1;
	shm->imp.flags = 0;
}
