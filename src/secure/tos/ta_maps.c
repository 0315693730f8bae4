// SPDX-License-Identifier: BSD-2-Clause
/*
 * What each TA process has mapped.  Client shared memory stays mapped in
 * the TA between calls (a memref costs no syscall the second time); a
 * mapping is dropped when its RAM block has no owner left but us, when a
 * bounce or secure buffer's call is over, or when the cache is full.
 */
#include <string.h>
#include <sys/socket.h>

#include "ns_ram.h"
#include "tee_api_defines.h"
#include "tos_private.h"

#define BOUNCE_KEY_BIT (1ull << 63)

static void drop(struct tos *tos, struct ta_map *m, struct ta_chan_msg *msg)
{
	if (msg->n_unmaps < TA_CHAN_MAX_UNMAPS)
		msg->unmaps[msg->n_unmaps++] = m->map_id;
	if (m->blk)
		ns_ram_block_put(tos->cfg.ram, m->blk);
	memset(m, 0, sizeof(*m));
}

/* Maps no longer worth keeping; only as many as fit in one message. */
static void drop_stale(struct tos *tos, struct ta_maps *maps,
		       struct ta_chan_msg *msg)
{
	for (size_t i = 0; i < TA_MAPS_MAX; i++) {
		struct ta_map *m = &maps->e[i];

		if (!m->key || msg->n_unmaps == TA_CHAN_MAX_UNMAPS)
			continue;
		if ((m->key & BOUNCE_KEY_BIT) ||
		    (m->blk && ns_ram_block_refs(m->blk) == 1))
			drop(tos, m, msg);
	}
}

static struct ta_map *find(struct ta_maps *maps, uint64_t key)
{
	for (size_t i = 0; i < TA_MAPS_MAX; i++)
		if (maps->e[i].key == key)
			return &maps->e[i];
	return NULL;
}

/* A free slot, evicting the least recently used not in this call. */
static struct ta_map *slot(struct tos *tos, struct ta_maps *maps,
			   struct ta_chan_msg *msg)
{
	struct ta_map *lru = NULL, *m = find(maps, 0);

	if (m)
		return m;
	for (size_t i = 0; i < TA_MAPS_MAX; i++)
		if (maps->e[i].last_use != maps->tick &&
		    (!lru || maps->e[i].last_use < lru->last_use))
			lru = &maps->e[i];
	if (!lru || msg->n_unmaps == TA_CHAN_MAX_UNMAPS)
		return NULL;
	drop(tos, lru, msg);
	return lru;
}

static int send_map(int sock, const struct ta_map_msg *mm, int fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { (void *)mm, sizeof(*mm) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = cbuf,
			     .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);

	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof(int));
	return sendmsg(sock, &mh, MSG_NOSIGNAL) == sizeof(*mm) ? 0 : -1;
}

static uint32_t map_one(struct tos *tos, struct ta_instance *inst,
			const struct sw_mem *mem, struct ta_chan_msg *msg,
			uint32_t *map_id)
{
	struct ta_maps *maps = &inst->maps;
	struct ta_map *m = find(maps, mem->key);
	struct ta_map_msg mm;

	if (!m) {
		m = slot(tos, maps, msg);
		if (!m)
			return TEE_ERROR_OUT_OF_MEMORY;
		mm = (struct ta_map_msg){ .map_id = ++maps->next_id ?
						    maps->next_id :
						    ++maps->next_id,
					  .writable = 1,
					  .size = mem->memfd_size };
		if (send_map(inst->sock, &mm, mem->memfd))
			return TEE_ERROR_TARGET_DEAD;
		m->key = mem->key;
		m->map_id = mm.map_id;
		m->blk = mem->blk;
		if (m->blk)
			ns_ram_block_get(m->blk);
		msg->n_new_maps++;
	}
	m->last_use = maps->tick;
	*map_id = m->map_id;
	return TEE_SUCCESS;
}

uint32_t ta_maps_prepare(struct tos *tos, struct ta_instance *inst,
			 const struct tos_params *ps, struct ta_chan_msg *msg)
{
	msg->n_new_maps = 0;
	msg->n_unmaps = 0;
	inst->maps.tick++;
	drop_stale(tos, &inst->maps, msg);
	for (size_t i = 0; i < 4; i++) {
		const struct tos_param *tp = &ps->p[i];
		struct ta_chan_param *cp = &msg->params[i];
		uint32_t res;

		memset(cp, 0, sizeof(*cp));
		if (tp->type == TA_PARAM_VALUE_INPUT ||
		    tp->type == TA_PARAM_VALUE_OUTPUT ||
		    tp->type == TA_PARAM_VALUE_INOUT) {
			cp->a = tp->a;
			cp->b = tp->b;
			continue;
		}
		if (tp->type == TA_PARAM_NONE)
			continue;
		cp->size = tp->mem.size;
		if (tp->mem.memfd < 0)
			continue;	/* a NULL memref: map id 0 */
		res = map_one(tos, inst, &tp->mem, msg, &cp->map_id);
		if (res)
			return res;
		cp->offset = tp->mem.memfd_off;
	}
	return TEE_SUCCESS;
}

void ta_maps_release(struct tos *tos, struct ta_instance *inst)
{
	for (size_t i = 0; i < TA_MAPS_MAX; i++) {
		struct ta_map *m = &inst->maps.e[i];

		if (m->blk)
			ns_ram_block_put(tos->cfg.ram, m->blk);
		memset(m, 0, sizeof(*m));
	}
}
