// SPDX-License-Identifier: BSD-2-Clause
/*
 * Contexts: finding a TEE device and letting it go.
 *
 * Devices are tried in order: $VTEE_TEEC_DEVICE alone if it is set (tests
 * point it at one node or at a real /dev/tee0), else the vtee node
 * <runtime dir>/tee0, then the kernel's /dev/tee0 ... /dev/tee9.  The
 * first GlobalPlatform device that suits `name` wins.
 */
#include "teec_private.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vtee/paths.h"

#define TEEC_KERNEL_DEVICES	10

/* name NULL takes any GP device; "optee-tz" an OP-TEE one; no other
 * name matches anything (as in optee_client). */
static bool teec_device_suits(const struct tee_ioctl_version_data *v,
			      const char *name)
{
	if (!(v->gen_caps & TEE_GEN_CAP_GP))
		return false;
	if (!name)
		return true;
	return !strcmp(name, "optee-tz") && v->impl_id == TEE_IMPL_ID_OPTEE &&
	       (v->impl_caps & TEE_OPTEE_CAP_TZ);
}

static struct teec_ctx *teec_ctx_new(struct tee_dev *dev,
				     const struct tee_ioctl_version_data *v)
{
	struct teec_ctx *ctx = calloc(1, sizeof(*ctx));

	if (!ctx)
		return NULL;
	ctx->dev = dev;
	ctx->reg_mem = v->gen_caps & TEE_GEN_CAP_REG_MEM;
	ctx->memref_null = v->gen_caps & TEE_GEN_CAP_MEMREF_NULL;
	pthread_mutex_init(&ctx->cache_lock, NULL);
	if (teec_registry_add(tee_dev_fd(dev), ctx)) {
		pthread_mutex_destroy(&ctx->cache_lock);
		free(ctx);
		return NULL;
	}
	return ctx;
}

/* TEEC_SUCCESS with the context set up, or why this device will not do. */
static TEEC_Result teec_try_device(const char *path, const char *name,
				   TEEC_Context *context)
{
	struct tee_ioctl_version_data v;
	struct teec_ctx *ctx;
	struct tee_dev *dev;
	int rc = tee_dev_open(path, &dev);

	if (rc < 0)
		return TEEC_ERROR_ITEM_NOT_FOUND;
	rc = tee_dev_ioctl(dev, TEE_IOC_VERSION, &v);
	if (rc < 0 || !teec_device_suits(&v, name)) {
		if (rc < 0)
			teec_log("%s: TEE_IOC_VERSION failed: %s", path,
				 strerror(-rc));
		tee_dev_close(dev);
		return TEEC_ERROR_ITEM_NOT_FOUND;
	}
	ctx = teec_ctx_new(dev, &v);
	if (!ctx) {
		tee_dev_close(dev);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	context->imp.fd = tee_dev_fd(dev);
	context->imp.reg_mem = ctx->reg_mem;
	context->imp.memref_null = ctx->memref_null;
	return TEEC_SUCCESS;
}

static TEEC_Result teec_try_vtee_node(const char *name, TEEC_Context *context)
{
	char dir[PATH_MAX], path[PATH_MAX];

	if (vtee_default_runtime_dir(dir, sizeof(dir)) ||
	    vtee_path_join(path, sizeof(path), dir, "tee0"))
		return TEEC_ERROR_ITEM_NOT_FOUND;
	return teec_try_device(path, name, context);
}

TEEC_Result TEEC_InitializeContext(const char *name, TEEC_Context *context)
{
	const char *forced = getenv("VTEE_TEEC_DEVICE");
	TEEC_Result res;
	char path[32];

	if (!context)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (forced && *forced)
		return teec_try_device(forced, name, context);
	res = teec_try_vtee_node(name, context);
	for (int n = 0; res == TEEC_ERROR_ITEM_NOT_FOUND &&
			n < TEEC_KERNEL_DEVICES; n++) {
		snprintf(path, sizeof(path), "/dev/tee%d", n);
		res = teec_try_device(path, name, context);
	}
	if (res)
		teec_log("no TEE device for \"%s\"", name ? name : "(default)");
	return res;
}

/* Closing the device ends every session and shm of the context, as the
 * kernel does when a /dev/tee fd is released. */
void TEEC_FinalizeContext(TEEC_Context *context)
{
	struct teec_ctx *ctx = teec_ctx_of(context);

	if (!ctx)
		return;
	teec_registry_forget(ctx);
	teec_cache_fini(ctx);
	tee_dev_close(ctx->dev);
	pthread_mutex_destroy(&ctx->cache_lock);
	free(ctx);
	context->imp.fd = -1;
}
