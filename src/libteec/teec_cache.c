// SPDX-License-Identifier: BSD-2-Clause
/*
 * Blocks for temporary memory references.  A fresh SHM_ALLOC, mmap and
 * release per invoke would triple the round trips of a small call, so each
 * context keeps a few blocks and lends one per operation (all of an
 * operation's temporary references share it).  Blocks grow in powers of
 * two, so a client with steady sizes stops allocating after its first
 * calls; beyond TEEC_CACHE_SLOTS concurrent operations, or for very large
 * references, a block is allocated for the one call.
 */
#include "teec_private.h"

#include <errno.h>
#include <unistd.h>

static size_t teec_cache_block_size(size_t need)
{
	size_t size = (size_t)sysconf(_SC_PAGESIZE);

	while (size < need)
		size *= 2;
	return size;
}

/* Under the lock: the smallest idle block holding need bytes, else an
 * empty slot, else the smallest idle block (to grow), else -1. */
static int teec_cache_pick(struct teec_ctx *ctx, size_t need)
{
	int fit = -1, empty = -1, idle = -1;

	for (int i = 0; i < TEEC_CACHE_SLOTS; i++) {
		const struct teec_slot *s = &ctx->cache[i];

		if (s->busy)
			continue;
		if (!s->map.va) {
			if (empty < 0)
				empty = i;
		} else if (s->map.size >= need) {
			if (fit < 0 || s->map.size < ctx->cache[fit].map.size)
				fit = i;
		} else if (idle < 0 || s->map.size < ctx->cache[idle].map.size) {
			idle = i;
		}
	}
	if (fit >= 0)
		return fit;
	return empty >= 0 ? empty : idle;
}

/* Fills a reserved slot with a block of at least need bytes, dropping
 * the smaller block it may hold. */
static int teec_cache_fill(struct teec_ctx *ctx, int i, size_t need)
{
	struct teec_slot *s = &ctx->cache[i];
	struct teec_map old = s->map;
	struct teec_map m;
	int rc;

	if (old.va)
		teec_map_free(ctx, &old);
	rc = teec_map_alloc(ctx, teec_cache_block_size(need), &m);
	pthread_mutex_lock(&ctx->cache_lock);
	if (rc) {
		s->map = (struct teec_map){ .fd = -1, .id = -1 };
		s->busy = false;
	} else {
		s->map = m;
	}
	pthread_mutex_unlock(&ctx->cache_lock);
	return rc;
}

int teec_cache_get(struct teec_ctx *ctx, size_t need, struct teec_tmp *tmp)
{
	struct teec_slot *s;
	int i = -1;
	int rc;

	if (need <= TEEC_CACHE_BLOCK_MAX) {
		pthread_mutex_lock(&ctx->cache_lock);
		i = teec_cache_pick(ctx, need);
		if (i >= 0)
			ctx->cache[i].busy = true;
		pthread_mutex_unlock(&ctx->cache_lock);
	}
	tmp->slot = i;
	if (i < 0)
		return teec_map_alloc(ctx, need, &tmp->map);
	s = &ctx->cache[i];
	/* a busy slot is ours alone: its map may be read unlocked */
	if (!s->map.va || s->map.size < need) {
		rc = teec_cache_fill(ctx, i, need);
		if (rc)
			return rc;
	}
	tmp->map = s->map;
	return 0;
}

void teec_cache_put(struct teec_ctx *ctx, struct teec_tmp *tmp)
{
	if (tmp->slot < 0) {
		teec_map_free(ctx, &tmp->map);
		return;
	}
	pthread_mutex_lock(&ctx->cache_lock);
	ctx->cache[tmp->slot].busy = false;
	pthread_mutex_unlock(&ctx->cache_lock);
}

/* At FinalizeContext, when no operation can be running any more. */
void teec_cache_fini(struct teec_ctx *ctx)
{
	for (int i = 0; i < TEEC_CACHE_SLOTS; i++)
		if (ctx->cache[i].map.va)
			teec_map_free(ctx, &ctx->cache[i].map);
}
