// SPDX-License-Identifier: BSD-2-Clause
#include "sessions.h"

#include <stdlib.h>

static struct ta_session *sessions;
static size_t n_sessions;

struct ta_session *ta_sessions_find(uint32_t id)
{
	for (size_t i = 0; i < n_sessions; i++)
		if (sessions[i].id == id)
			return &sessions[i];
	return NULL;
}

bool ta_sessions_add(uint32_t id, void *ctx, const TEE_Identity *client)
{
	struct ta_session *grown;

	if (ta_sessions_find(id))
		return false;
	grown = realloc(sessions, (n_sessions + 1) * sizeof(*sessions));
	if (!grown)
		return false;
	sessions = grown;
	sessions[n_sessions++] = (struct ta_session){
		.id = id, .ctx = ctx, .client = *client,
	};
	return true;
}

void ta_sessions_remove(uint32_t id)
{
	struct ta_session *s = ta_sessions_find(id);

	if (s)
		*s = sessions[--n_sessions];
}
