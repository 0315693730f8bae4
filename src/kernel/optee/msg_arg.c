// SPDX-License-Identifier: BSD-2-Clause
/*
 * Message args and page lists live in non-secure memory the driver owns.
 * Arg pages are recycled so that a call allocates nothing.
 */
#include <string.h>

#include "ns_ram.h"
#include "optee_private.h"

struct optee_msg_arg *optee_get_msg_arg(struct optee *optee,
					uint32_t num_params,
					struct tee_shm **shm_ret)
{
	struct optee_arg_cache *cache = &optee->args;
	struct tee_shm *shm = NULL;
	size_t sz = OPTEE_MSG_GET_ARG_SIZE(num_params);

	if (num_params > OPTEE_MSG_MAX_PARAMS)
		return NULL;
	pthread_mutex_lock(&cache->mutex);
	if (cache->nfree)
		shm = cache->free[--cache->nfree];
	pthread_mutex_unlock(&cache->mutex);
	if (!shm)
		shm = tee_shm_alloc_priv_buf(optee->ctx, NS_RAM_PAGE_SIZE);
	if (!shm)
		return NULL;
	memset(shm->kaddr, 0, sz);
	((struct optee_msg_arg *)shm->kaddr)->num_params = num_params;
	*shm_ret = shm;
	return shm->kaddr;
}

void optee_free_msg_arg(struct optee *optee, struct tee_shm *shm)
{
	struct optee_arg_cache *cache = &optee->args;

	pthread_mutex_lock(&cache->mutex);
	if (cache->nfree < sizeof(cache->free) / sizeof(cache->free[0])) {
		cache->free[cache->nfree++] = shm;
		shm = NULL;
	}
	pthread_mutex_unlock(&cache->mutex);
	if (shm)
		tee_shm_free(shm);
}

/*
 * A NONCONTIG page list for shm: 4 KiB list pages of 511 page PAs, each
 * ending with the PA of the next list page.  Our shms are PA-contiguous,
 * but the secure world must not rely on it, so it gets the honest list.
 */
struct tee_shm *optee_build_page_list(struct optee *optee,
				      struct tee_shm *shm)
{
	size_t npages = shm->size / NS_RAM_PAGE_SIZE;
	size_t nlists = (npages + OPTEE_MSG_PAGES_PER_LIST - 1) /
			OPTEE_MSG_PAGES_PER_LIST;
	struct tee_shm *pl;

	pl = tee_shm_alloc_priv_buf(optee->ctx, nlists * NS_RAM_PAGE_SIZE);
	if (!pl)
		return NULL;
	for (size_t i = 0; i < npages; i++) {
		size_t list = i / OPTEE_MSG_PAGES_PER_LIST;
		uint64_t *entries = (uint64_t *)((uint8_t *)pl->kaddr +
						 list * NS_RAM_PAGE_SIZE);

		entries[i % OPTEE_MSG_PAGES_PER_LIST] =
			shm->paddr + i * NS_RAM_PAGE_SIZE;
		if (list + 1 < nlists)
			entries[OPTEE_MSG_PAGES_PER_LIST] =
				pl->paddr + (list + 1) * NS_RAM_PAGE_SIZE;
	}
	return pl;
}
