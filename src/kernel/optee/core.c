// SPDX-License-Identifier: BSD-2-Clause
/*
 * Probing the secure world and the two devices: tee0 for clients and
 * teepriv0 for the supplicant (at most one context at a time).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "optee_private.h"

static void optee_get_version(struct tee_device *teedev,
			      struct tee_ioctl_version_data *vers)
{
	struct optee *optee = teedev->drvdata;

	vers->impl_id = TEE_IMPL_ID_OPTEE;
	vers->impl_caps = TEE_OPTEE_CAP_TZ;
	vers->gen_caps = TEE_GEN_CAP_GP;
	/* REG_MEM stays off: user pages cannot be pinned across a node */
	if (optee->sec_caps & OPTEE_SMC_SEC_CAP_MEMREF_NULL)
		vers->gen_caps |= TEE_GEN_CAP_MEMREF_NULL;
}

static int optee_get_tee_revision(struct tee_device *teedev, char *buf,
				  size_t len)
{
	struct optee *optee = teedev->drvdata;
	int n = optee->os_build ?
		snprintf(buf, len, "%u.%u (%08x)", optee->os_major,
			 optee->os_minor, optee->os_build) :
		snprintf(buf, len, "%u.%u", optee->os_major, optee->os_minor);

	return (n < 0 || (size_t)n >= len) ? -ENOSPC : 0;
}

static int optee_open(struct tee_context *ctx)
{
	struct optee *optee = optee_of(ctx);
	struct optee_context_data *data;

	if (ctx->teedev == optee->supp_teedev) {
		int rc = 0;

		pthread_mutex_lock(&optee->supp.mutex);
		if (optee->supp.ctx)
			rc = -EBUSY;
		else
			optee->supp.ctx = ctx;
		pthread_mutex_unlock(&optee->supp.mutex);
		if (rc)
			return rc;
	}
	data = calloc(1, sizeof(*data));
	if (!data) {
		if (ctx->teedev == optee->supp_teedev)
			optee_supp_release(&optee->supp);
		return -ENOMEM;
	}
	pthread_mutex_init(&data->mutex, NULL);
	list_init(&data->sess_list);
	ctx->data = data;
	ctx->cap_memref_null = optee->sec_caps & OPTEE_SMC_SEC_CAP_MEMREF_NULL;
	return 0;
}

static void optee_close_context(struct tee_context *ctx)
{
	struct optee *optee = optee_of(ctx);

	/* first: a call of ctx stuck on an absent supplicant holds a secure
	 * thread that closing the sessions may need */
	if (ctx->teedev != optee->supp_teedev)
		optee_supp_abandon(&optee->supp, ctx);
	optee_close_all_sessions(ctx);
	if (ctx->teedev == optee->supp_teedev) {
		pthread_mutex_lock(&optee->supp.mutex);
		bool ours = optee->supp.ctx == ctx;

		pthread_mutex_unlock(&optee->supp.mutex);
		if (ours)
			optee_supp_release(&optee->supp);
	}
}

static void optee_release(struct tee_context *ctx)
{
	struct optee_context_data *data = ctx->data;

	pthread_mutex_destroy(&data->mutex);
	free(data);
}

static size_t optee_num_sessions(struct tee_context *ctx)
{
	struct optee_context_data *data = ctx->data;
	struct optee_session *sess;
	size_t n = 0;

	pthread_mutex_lock(&data->mutex);
	list_for_each_entry(sess, &data->sess_list, node)
		n++;
	pthread_mutex_unlock(&data->mutex);
	return n;
}

static const struct tee_driver_ops optee_clnt_ops = {
	.get_version = optee_get_version,
	.open = optee_open,
	.close_context = optee_close_context,
	.release = optee_release,
	.open_session = optee_open_session,
	.close_session = optee_close_session,
	.system_session = optee_system_session,
	.invoke_func = optee_invoke_func,
	.cancel_req = optee_cancel_req,
	.shm_register = optee_shm_register,
	.shm_unregister = optee_shm_unregister,
	.num_sessions = optee_num_sessions,
	.get_tee_revision = optee_get_tee_revision,
};

static const struct tee_desc optee_clnt_desc = {
	.name = "optee-clnt",
	.ops = &optee_clnt_ops,
};

static const struct tee_driver_ops optee_supp_ops = {
	.get_version = optee_get_version,
	.open = optee_open,
	.close_context = optee_close_context,
	.release = optee_release,
	.supp_recv = optee_supp_recv,
	.supp_send = optee_supp_send,
	.shm_register = optee_shm_register,
	.shm_unregister = optee_shm_unregister,
	.get_tee_revision = optee_get_tee_revision,
};

static const struct tee_desc optee_supp_desc = {
	.name = "optee-supp",
	.ops = &optee_supp_ops,
	.flags = TEE_DESC_PRIVILEGED,
};

static struct smc_regs fast_call(const struct optee_conduit *c, uint64_t fn,
				 uint64_t a1)
{
	struct smc_regs regs = { .a0 = fn, .a1 = a1 };

	c->smc(c->cookie, &regs);
	return regs;
}

/* The checks Linux makes, in its order; -ENODEV if not a usable OP-TEE. */
static int probe_secure_world(struct optee *optee)
{
	const struct optee_conduit *c = &optee->conduit;
	struct smc_regs r = fast_call(c, OPTEE_SMC_CALLS_UID, 0);
	uint32_t nsec_caps = sysconf(_SC_NPROCESSORS_ONLN) == 1 ?
			     OPTEE_SMC_NSEC_CAP_UNIPROCESSOR : 0;
	int threads;

	if (r.a0 != OPTEE_MSG_UID_0 || r.a1 != OPTEE_MSG_UID_1 ||
	    r.a2 != OPTEE_MSG_UID_2 || r.a3 != OPTEE_MSG_UID_3)
		return -ENODEV;
	r = fast_call(c, OPTEE_SMC_CALLS_REVISION, 0);
	if (r.a0 != OPTEE_MSG_REVISION_MAJOR)
		return -ENODEV;
	r = fast_call(c, OPTEE_SMC_GET_THREAD_COUNT, 0);
	threads = r.a0 == OPTEE_SMC_RETURN_OK ? (int)r.a1 : 0;
	r = fast_call(c, OPTEE_SMC_EXCHANGE_CAPABILITIES, nsec_caps);
	if (r.a0 != OPTEE_SMC_RETURN_OK ||
	    !(r.a1 & OPTEE_SMC_SEC_CAP_DYNAMIC_SHM))
		return -ENODEV;
	optee->sec_caps = (uint32_t)r.a1;
	r = fast_call(c, OPTEE_SMC_CALL_GET_OS_REVISION, 0);
	optee->os_major = (uint32_t)r.a0;
	optee->os_minor = (uint32_t)r.a1;
	optee->os_build = (uint32_t)r.a2;
	optee_cq_init(&optee->cq, threads);
	return 0;
}

/*
 * DISABLE_SHM_CACHE until the secure world has nothing cached, freeing
 * each buffer it hands back; EBUSY: a thread still uses one, try again.
 */
static void optee_disable_shm_cache(struct optee *optee)
{
	for (int tries = 0; tries < 1000;) {
		struct smc_regs r = fast_call(&optee->conduit,
					      OPTEE_SMC_DISABLE_SHM_CACHE, 0);
		struct tee_shm *shm;

		if (r.a0 == OPTEE_SMC_RETURN_ENOTAVAIL)
			return;
		if (r.a0 == OPTEE_SMC_RETURN_EBUSY) {
			tries++;
			usleep(1000);
			continue;
		}
		if (r.a0 != OPTEE_SMC_RETURN_OK)
			return;
		shm = optee_cookie_remove(&optee->cookies,
					  reg_pair_to_64(r.a1, r.a2));
		if (shm)
			tee_shm_free(shm);
	}
}

static int create_devices(struct optee *optee, struct ns_ram *ram)
{
	int err;

	optee->teedev = tee_device_alloc(&optee_clnt_desc, "tee0", ram, optee);
	optee->supp_teedev = tee_device_alloc(&optee_supp_desc, "teepriv0",
					      ram, optee);
	if (!optee->teedev || !optee->supp_teedev)
		return -ENOMEM;
	/* the driver's own context, for its private memory */
	optee->ctx = tee_context_open(optee->teedev,
				      &(struct tee_cred){ 0 }, &err);
	if (!optee->ctx)
		return err;
	optee->ctx->supp_nowait = true;
	if (tee_device_register(optee->teedev) ||
	    tee_device_register(optee->supp_teedev))
		return -ENOSPC;
	return 0;
}

int optee_probe(const struct optee_conduit *conduit, struct ns_ram *ram,
		struct optee **out)
{
	struct optee *optee = calloc(1, sizeof(*optee));
	int rc;

	if (!optee)
		return -ENOMEM;
	optee->conduit = *conduit;
	optee_supp_init(&optee->supp);
	optee_cookies_init(&optee->cookies);
	pthread_mutex_init(&optee->args.mutex, NULL);
	rc = probe_secure_world(optee);
	if (!rc)
		rc = create_devices(optee, ram);
	if (!rc) {
		/* nothing stale, then let secure threads keep their buffers */
		optee_disable_shm_cache(optee);
		fast_call(&optee->conduit, OPTEE_SMC_ENABLE_SHM_CACHE, 0);
	}
	if (rc) {
		optee_remove(optee);
		return rc;
	}
	*out = optee;
	return 0;
}

void optee_remove(struct optee *optee)
{
	if (!optee)
		return;
	if (optee->ctx)
		optee_disable_shm_cache(optee);
	if (optee->teedev)
		tee_device_unregister(optee->teedev);
	if (optee->supp_teedev)
		tee_device_unregister(optee->supp_teedev);
	while (optee->args.nfree)
		tee_shm_free(optee->args.free[--optee->args.nfree]);
	if (optee->ctx)
		tee_context_close(optee->ctx);
	tee_device_free(optee->teedev);
	tee_device_free(optee->supp_teedev);
	free(optee->cookies.slots);
	free(optee->supp.ids);
	free(optee);
}

struct tee_device *optee_client_device(struct optee *optee)
{
	return optee->teedev;
}

struct tee_device *optee_supp_device(struct optee *optee)
{
	return optee->supp_teedev;
}

void optee_report(struct optee *optee, FILE *out)
{
	optee_supp_report(&optee->supp, out);
}
