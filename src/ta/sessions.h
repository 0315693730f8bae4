/* SPDX-License-Identifier: BSD-2-Clause */
/* The instance's open sessions, keyed by the trusted OS's session id. */
#ifndef VTEE_TA_SESSIONS_H
#define VTEE_TA_SESSIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <tee_api_types.h>

struct ta_session {
	uint32_t id;
	void *ctx;		/* what TA_OpenSessionEntryPoint returned */
	TEE_Identity client;	/* gpd.client.identity of the session */
};

/* False if id is taken or memory ran out. */
bool ta_sessions_add(uint32_t id, void *ctx, const TEE_Identity *client);
struct ta_session *ta_sessions_find(uint32_t id);
void ta_sessions_remove(uint32_t id);

#endif /* VTEE_TA_SESSIONS_H */
