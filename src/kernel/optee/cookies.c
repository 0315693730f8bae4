// SPDX-License-Identifier: BSD-2-Clause
/*
 * shm_ref cookies.  Linux hands the secure world kernel pointers; vtee
 * hands it table indices, so a cookie coming back is looked up, never
 * dereferenced: a confused secure world cannot make the driver touch
 * memory that is not a live shm.
 */
#include <stdlib.h>

#include "optee_private.h"

void optee_cookies_init(struct optee_cookies *c)
{
	pthread_mutex_init(&c->mutex, NULL);
	c->slots = NULL;
	c->len = 0;
}

uint64_t optee_cookie_add(struct optee_cookies *c, struct tee_shm *shm)
{
	size_t i;

	pthread_mutex_lock(&c->mutex);
	for (i = 0; i < c->len && c->slots[i]; i++)
		;
	if (i == c->len) {
		size_t len = c->len ? c->len * 2 : 64;
		struct tee_shm **slots = realloc(c->slots,
						 len * sizeof(*slots));

		if (!slots) {
			pthread_mutex_unlock(&c->mutex);
			return 0;
		}
		for (size_t j = c->len; j < len; j++)
			slots[j] = NULL;
		c->slots = slots;
		c->len = len;
	}
	c->slots[i] = shm;
	pthread_mutex_unlock(&c->mutex);
	return i + 1;
}

struct tee_shm *optee_cookie_lookup(struct optee_cookies *c, uint64_t cookie)
{
	struct tee_shm *shm = NULL;

	pthread_mutex_lock(&c->mutex);
	if (cookie >= 1 && cookie <= c->len)
		shm = c->slots[cookie - 1];
	pthread_mutex_unlock(&c->mutex);
	return shm;
}

struct tee_shm *optee_cookie_remove(struct optee_cookies *c, uint64_t cookie)
{
	struct tee_shm *shm = NULL;

	pthread_mutex_lock(&c->mutex);
	if (cookie >= 1 && cookie <= c->len) {
		shm = c->slots[cookie - 1];
		c->slots[cookie - 1] = NULL;
	}
	pthread_mutex_unlock(&c->mutex);
	return shm;
}
