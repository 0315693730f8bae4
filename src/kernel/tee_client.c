// SPDX-License-Identifier: BSD-2-Clause
/*
 * The in-kernel client API (Linux's tee_client_*): how code inside the
 * daemon, and the ioctl front end after validation, reach a TEE driver.
 */
#include <errno.h>
#include <string.h>

#include "tee_drv.h"

#define OPS(ctx) ((ctx)->teedev->desc->ops)

/* Kernel clients have no process behind them: root, no groups. */
static const struct tee_cred kernel_cred = { 0 };

struct tee_context *tee_client_open_context(struct tee_context *start,
					    tee_match_fn match,
					    const void *data,
					    struct tee_ioctl_version_data *vers,
					    int *err)
{
	struct tee_device *teedev = start ? start->teedev : NULL;

	*err = -ENOENT;
	while ((teedev = tee_device_next(teedev))) {
		struct tee_ioctl_version_data v = { 0 };
		struct tee_context *ctx;

		teedev->desc->ops->get_version(teedev, &v);
		if (teedev->desc->flags & TEE_DESC_PRIVILEGED)
			v.gen_caps |= TEE_GEN_CAP_PRIVILEGED;
		if (!match(&v, data))
			continue;
		ctx = tee_context_open(teedev, &kernel_cred, err);
		if (ctx) {
			/* a kernel client must not block on a missing supplicant */
			ctx->supp_nowait = true;
			if (vers)
				*vers = v;
			return ctx;
		}
		if (*err == -ENOMEM)
			break;
	}
	return NULL;
}

void tee_client_close_context(struct tee_context *ctx)
{
	tee_context_close(ctx);
}

void tee_client_get_version(struct tee_context *ctx,
			    struct tee_ioctl_version_data *vers)
{
	memset(vers, 0, sizeof(*vers));
	OPS(ctx)->get_version(ctx->teedev, vers);
	if (ctx->teedev->desc->flags & TEE_DESC_PRIVILEGED)
		vers->gen_caps |= TEE_GEN_CAP_PRIVILEGED;
}

int tee_client_open_session(struct tee_context *ctx,
			    struct tee_ioctl_open_session_arg *arg,
			    struct tee_param *param)
{
	if (!OPS(ctx)->open_session)
		return -EINVAL;
	return OPS(ctx)->open_session(ctx, arg, param);
}

int tee_client_close_session(struct tee_context *ctx, uint32_t session)
{
	if (!OPS(ctx)->close_session)
		return -EINVAL;
	return OPS(ctx)->close_session(ctx, session);
}

int tee_client_system_session(struct tee_context *ctx, uint32_t session)
{
	if (!OPS(ctx)->system_session)
		return -EINVAL;
	return OPS(ctx)->system_session(ctx, session);
}

int tee_client_invoke_func(struct tee_context *ctx,
			   struct tee_ioctl_invoke_arg *arg,
			   struct tee_param *param)
{
	if (!OPS(ctx)->invoke_func)
		return -EINVAL;
	return OPS(ctx)->invoke_func(ctx, arg, param);
}

int tee_client_cancel_req(struct tee_context *ctx,
			  const struct tee_ioctl_cancel_arg *arg)
{
	if (!OPS(ctx)->cancel_req)
		return -EINVAL;
	return OPS(ctx)->cancel_req(ctx, arg->cancel_id, arg->session);
}
