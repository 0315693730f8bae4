// SPDX-License-Identifier: BSD-2-Clause
/*
 * The TA's main loop: wait for the OS to post an entry point, bring in the
 * client memory it names, run the entry point, post the results.
 */
#include <string.h>
#include <unistd.h>

#include "access.h"
#include "cancel.h"
#include "crypto_lib.h"
#include "entry.h"
#include "maps.h"
#include "params.h"
#include "props.h"
#include "sessions.h"
#include "uuid.h"
#include "vtee/ta_launcher.h"

/* More new mappings than an operation has parameters (times some slack)
 * in one message means the OS is confused. */
#define TA_NEW_MAPS_MAX	64

static const struct ta_rt_image *image;
static int chan_sock = -1;
static bool in_entry;
static const TEE_Identity *current_client;

bool ta_rt_in_entry(void)
{
	return in_entry;
}

const TEE_Identity *ta_rt_current_client(void)
{
	return current_client;
}

const struct ta_rt_image *ta_rt_image(void)
{
	return image;
}

TEE_Result ta_rt_init(const uint8_t uuid[16], int sock, int maps_fd,
		      const struct ta_rt_image *img)
{
	uint8_t octets[16];

	ta_uuid_to_octets(octets, &img->head->uuid);
	if (memcmp(octets, uuid, sizeof(octets)))
		return TEE_ERROR_BAD_FORMAT;
	image = img;
	chan_sock = sock;
	ta_access_init(maps_fd);
	/* normally done in the launcher already (ta_rt_preload) */
	ta_crypto_init();
	return ta_props_init(img);
}

static void post_boot(TEE_Result res, const struct ta_head *head)
{
	struct ta_chan *c = ta_chan_get();

	memset(&c->msg, 0, sizeof(c->msg));
	c->msg.kind = TA_MSG_DONE;
	c->msg.func = TA_BOOT;
	c->msg.ret = res;
	if (head) {
		c->msg.args[0] = head->flags;
		c->msg.args[1] = head->stack_size;
		ta_uuid_to_octets(c->data, &head->uuid);
		c->msg.data_len = 16;
	}
	ta_chan_post();
}

void ta_rt_boot(void)
{
	post_boot(TEE_SUCCESS, image->head);
}

noreturn void ta_rt_boot_failed(TEE_Result res)
{
	post_boot(res, NULL);
	_exit(1);
}

static TEE_Result open_session(const struct ta_chan_msg *m, TEE_Param *p)
{
	TEE_Identity client = { .login = m->client.login };
	void *ctx = NULL;
	TEE_Result res;

	if (ta_sessions_find(m->session))
		ta_chan_bad_message();
	ta_uuid_from_octets(&client.uuid, m->client.uuid);
	current_client = &client;
	res = image->open_session(m->param_types, p, &ctx);
	current_client = NULL;
	if (res == TEE_SUCCESS && !ta_sessions_add(m->session, ctx, &client)) {
		image->close_session(ctx);
		res = TEE_ERROR_OUT_OF_MEMORY;
	}
	return res;
}

static struct ta_session *session_of(const struct ta_chan_msg *m)
{
	struct ta_session *s = ta_sessions_find(m->session);

	if (!s)
		ta_chan_bad_message();
	current_client = &s->client;
	return s;
}

static TEE_Result close_session(const struct ta_chan_msg *m)
{
	struct ta_session *s = session_of(m);

	image->close_session(s->ctx);
	ta_sessions_remove(m->session);
	return TEE_SUCCESS;
}

static TEE_Result invoke(const struct ta_chan_msg *m, TEE_Param *p)
{
	struct ta_session *s = session_of(m);

	return image->invoke(s->ctx, m->cmd, m->param_types, p);
}

static TEE_Result dispatch(const struct ta_chan_msg *m, TEE_Param *p)
{
	switch (m->func) {
	case TA_ENTRY_CREATE:
		return image->create();
	case TA_ENTRY_DESTROY:
		image->destroy();
		return TEE_SUCCESS;
	case TA_ENTRY_OPEN_SESSION:
		return open_session(m, p);
	case TA_ENTRY_CLOSE_SESSION:
		return close_session(m);
	case TA_ENTRY_INVOKE:
		return invoke(m, p);
	default:
		ta_chan_bad_message();
	}
}

/* Unmaps first: the OS may reuse an id it just dropped. */
static void update_maps(const struct ta_chan_msg *m)
{
	if (m->n_unmaps > TA_CHAN_MAX_UNMAPS || m->n_new_maps > TA_NEW_MAPS_MAX)
		ta_chan_bad_message();
	for (uint32_t i = 0; i < m->n_unmaps; i++)
		ta_maps_drop(m->unmaps[i]);
	ta_maps_receive(chan_sock, m->n_new_maps);
}

static void post_done(const struct ta_chan_msg *m, const TEE_Param *p,
		      TEE_Result res)
{
	struct ta_chan *c = ta_chan_get();

	c->msg.kind = TA_MSG_DONE;
	c->msg.func = m->func;
	c->msg.session = m->session;
	c->msg.ret = res;
	c->msg.data_len = 0;
	ta_params_to_chan(m->param_types, p, c->msg.params);
	ta_chan_post();
}

static void run_entry(const struct ta_chan_msg *m)
{
	TEE_Param p[TEE_NUM_PARAMS] = { 0 };
	TEE_Result res;

	if (m->kind != TA_MSG_ENTRY)
		ta_chan_bad_message();
	update_maps(m);
	if (!ta_params_from_chan(m->param_types, m->params, p))
		ta_chan_bad_message();
	ta_cancel_reset();
	in_entry = true;
	res = dispatch(m, p);
	in_entry = false;
	current_client = NULL;
	post_done(m, p, res);
	if (m->func == TA_ENTRY_DESTROY)
		_exit(0);
}

noreturn void ta_rt_serve(void)
{
	struct ta_chan_msg m;

	for (;;) {
		ta_chan_wait(&m);
		run_entry(&m);
	}
}
