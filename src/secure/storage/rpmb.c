// SPDX-License-Identifier: BSD-2-Clause
/*
 * The secure world's RPMB client (rpmb.h) over OPTEE_RPC_CMD_RPMB.
 *
 * Each operation is one exchange through the supplicant: the request and
 * the response share one APPL shm, the request at offset 0 and the
 * response on the next page boundary, as OP-TEE lays them out.  The
 * response is copied out of normal-world memory once; then its type,
 * its MAC over all frames, its result, and every field that must echo
 * the request (nonce, address, block count) or follow from it (the write
 * counter, up by exactly one) are checked before a byte of it is used.
 *
 * Two things remain the normal world's to see or do, as on hardware:
 * the key travels in clear once, when a blank device is programmed; and
 * the device may refuse service.  Neither yields wrong data.
 */
#include "rpmb.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "ns_ram.h"
#include "rpc.h"
#include "tee_api_defines.h"
#include "vtee/optee_rpc_cmd.h"
#include "vtee/rpmb_frame.h"

/* Frames one read asks for at most; a longer read is split (reads need
 * no atomicity, and this bounds the shm and the copies). */
#define RPMB_READ_FRAMES	64
/* JEDEC's largest authenticated write (8 KiB); a device claiming more
 * is held to this. */
#define RPMB_WRITE_FRAMES_MAX	32
/* Addresses are 16 bits. */
#define RPMB_ADDR_LIMIT		65536u

struct rpmb {
	/* the sleeping lock: busy, under lock, waited for on cond */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool busy;

	uint16_t dev_id;
	uint8_t key[RPMB_KEY_SIZE];

	/* What the last open learnt.  Any failure clears ready, so the
	 * next call opens again and re-reads the counter before it could
	 * write with a stale one. */
	bool ready;
	uint32_t blocks;
	uint16_t write_frames;	/* frames per atomic write */
	uint32_t counter;
};

/* ------------------------------------------------------------ lock */

/* Waits (sleeping, so an RPC may run while held) for the device. */
static void rpmb_claim(struct rpmb *r)
{
	pthread_mutex_lock(&r->lock);
	while (r->busy)
		pthread_cond_wait(&r->cond, &r->lock);
	r->busy = true;
	pthread_mutex_unlock(&r->lock);
}

/* A caller's own mistake says nothing about the device. */
static uint32_t rpmb_release(struct rpmb *r, uint32_t res)
{
	pthread_mutex_lock(&r->lock);
	if (res != TEE_SUCCESS && res != TEE_ERROR_BAD_PARAMETERS)
		r->ready = false;
	r->busy = false;
	pthread_cond_signal(&r->cond);
	pthread_mutex_unlock(&r->lock);
	return res;
}

/* ------------------------------------------------------- transport */

/* The kernel finds the response by its address inside the shm, so the
 * shm's pages must follow each other; vtee's always do. */
static bool shm_contiguous(const struct sw_rpc_shm *shm)
{
	for (size_t i = 1; i < shm->npages; i++)
		if (shm->pages[i] != shm->pages[0] + i * NS_RAM_PAGE_SIZE)
			return false;
	return true;
}

/*
 * One round trip.  TEE_ERROR_COMMUNICATION if the RPC failed: whether a
 * write then happened is unknown (the caller's next open finds out).
 */
static uint32_t rpmb_exchange(struct sw_thread *thr, const void *req,
			      size_t req_size, void *rsp, size_t rsp_size)
{
	size_t rsp_page = (req_size + NS_RAM_PAGE_SIZE - 1) / NS_RAM_PAGE_SIZE;
	struct optee_msg_param p[2] = { 0 };
	struct sw_rpc_shm shm, view;
	uint32_t res;

	res = sw_rpc_shm_alloc(thr, OPTEE_RPC_SHM_TYPE_APPL,
			       rsp_page * NS_RAM_PAGE_SIZE + rsp_size, &shm);
	if (res)
		return res;
	if (!shm_contiguous(&shm)) {
		sw_rpc_shm_free(thr, &shm);
		return TEE_ERROR_COMMUNICATION;
	}
	/* the response's part of the shm, as a shm of its own */
	view = shm;
	view.pages += rsp_page;
	view.npages -= rsp_page;
	view.size = rsp_size;
	sw_rpc_shm_write(thr, &shm, req, req_size);
	p[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_INPUT;
	p[0].u.tmem = (struct optee_msg_param_tmem){ shm.pages[0], req_size,
						     shm.cookie };
	p[1].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT;
	p[1].u.tmem = (struct optee_msg_param_tmem){ view.pages[0], rsp_size,
						     shm.cookie };
	res = sw_rpc_cmd(thr, OPTEE_RPC_CMD_RPMB, 2, p);
	if (res == TEE_SUCCESS)
		sw_rpc_shm_read(thr, &view, rsp, rsp_size);
	else
		res = TEE_ERROR_COMMUNICATION;
	sw_rpc_shm_free(thr, &shm);
	return res;
}

/* A request of n frames of one type; NULL if out of memory.  The frames
 * follow the 6-byte header, so they are reached through frame_at(). */
static uint8_t *request_new(const struct rpmb *r, uint16_t cmd,
			    uint16_t block_count, size_t n, uint16_t type)
{
	struct rpmb_req hdr = { cmd, r->dev_id, block_count };
	uint8_t *req = calloc(1, RPMB_REQ_SIZE + n * RPMB_FRAME_SIZE);

	if (!req)
		return NULL;
	memcpy(req, &hdr, sizeof(hdr));
	for (size_t i = 0; i < n; i++)
		rpmb_put16(((struct rpmb_frame *)(req + RPMB_REQ_SIZE))[i]
				   .msg_type, type);
	return req;
}

/* struct rpmb_frame is all bytes: any address is aligned for it. */
static struct rpmb_frame *frame_at(uint8_t *req, size_t i)
{
	return (struct rpmb_frame *)(req + RPMB_REQ_SIZE) + i;
}

static size_t request_size(size_t n)
{
	return RPMB_REQ_SIZE + n * RPMB_FRAME_SIZE;
}

/* ------------------------------------------------------ the checks */

/* What an authenticated result means to the caller. */
static uint32_t result_to_tee(uint16_t result)
{
	switch (result & RPMB_RES_MASK) {
	case RPMB_RES_OK:
		return TEE_SUCCESS;
	case RPMB_RES_AUTH_FAILURE:	/* our request was altered */
	case RPMB_RES_COUNTER_FAILURE:	/* or replayed, or we are stale */
		return TEE_ERROR_SECURITY;
	case RPMB_RES_WRITE_FAILURE:
		return result & RPMB_RES_COUNTER_EXPIRED ?
			       TEE_ERROR_STORAGE_NO_SPACE : TEE_ERROR_GENERIC;
	default:
		return TEE_ERROR_GENERIC;
	}
}

/*
 * The checks every answer of n frames gets: each frame's type, then the
 * MAC over all, then the result.  A device without a key cannot MAC:
 * its KEY_NOT_PROGRAMMED comes back as TEE_ERROR_ITEM_NOT_FOUND, which
 * only rpmb_open may take as more than an attack.
 */
static uint32_t answer_check(const struct rpmb *r, const struct rpmb_frame *f,
			     size_t n, uint16_t req_type)
{
	uint16_t result = rpmb_get16(f[n - 1].result);
	uint8_t mac[RPMB_MAC_SIZE];

	for (size_t i = 0; i < n; i++)
		if (rpmb_get16(f[i].msg_type) != RPMB_MSG_RESP(req_type))
			return TEE_ERROR_SECURITY;
	if ((result & RPMB_RES_MASK) == RPMB_RES_KEY_NOT_PROGRAMMED)
		return TEE_ERROR_ITEM_NOT_FOUND;
	if (!rpmb_frames_mac(r->key, f, n, mac))
		return TEE_ERROR_GENERIC;
	if (CRYPTO_memcmp(mac, f[n - 1].key_mac, RPMB_MAC_SIZE))
		return TEE_ERROR_SECURITY;
	return result_to_tee(result);
}

/* After open, a device that says it has no key has been swapped or
 * reset: that is not "not found". */
static uint32_t no_key_is_attack(uint32_t res)
{
	return res == TEE_ERROR_ITEM_NOT_FOUND ? TEE_ERROR_SECURITY : res;
}

/* ------------------------------------------------------- operations */

static uint32_t dev_info_get(struct rpmb *r, struct sw_thread *thr)
{
	struct rpmb_dev_info info;
	uint8_t *req = request_new(r, RPMB_CMD_GET_DEV_INFO, 0, 0, 0);
	uint32_t res, frames;

	if (!req)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = rpmb_exchange(thr, req, RPMB_REQ_SIZE, &info, sizeof(info));
	free(req);
	/* no supplicant service, no device, a device refusing: all mean
	 * there is no RPMB to use */
	if (res == TEE_ERROR_OUT_OF_MEMORY)
		return res;
	if (res || info.ret_code != RPMB_DEV_INFO_OK || !info.rpmb_size_mult)
		return TEE_ERROR_STORAGE_NOT_AVAILABLE;
	r->blocks = (uint32_t)info.rpmb_size_mult *
		    (RPMB_SIZE_UNIT / RPMB_FRAME_DATA_SIZE);
	if (r->blocks > RPMB_ADDR_LIMIT)
		r->blocks = RPMB_ADDR_LIMIT;
	/* rel_wr_sec_c counts 512-byte sectors: two frames each */
	frames = 2u * info.rel_wr_sec_c;
	r->write_frames = (uint16_t)(frames < 1 ? 1 :
				     frames > RPMB_WRITE_FRAMES_MAX ?
				     RPMB_WRITE_FRAMES_MAX : frames);
	return TEE_SUCCESS;
}

static uint32_t counter_read(struct rpmb *r, struct sw_thread *thr)
{
	uint8_t nonce[RPMB_NONCE_SIZE];
	struct rpmb_frame rsp;
	uint8_t *req;
	uint32_t res;

	if (RAND_bytes(nonce, sizeof(nonce)) != 1)
		return TEE_ERROR_GENERIC;
	req = request_new(r, RPMB_CMD_DATA_REQ, 0, 1, RPMB_MSG_COUNTER_READ);
	if (!req)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(frame_at(req, 0)->nonce, nonce, sizeof(nonce));
	res = rpmb_exchange(thr, req, request_size(1), &rsp, sizeof(rsp));
	free(req);
	if (!res)
		res = answer_check(r, &rsp, 1, RPMB_MSG_COUNTER_READ);
	if (!res && CRYPTO_memcmp(rsp.nonce, nonce, sizeof(nonce)))
		res = TEE_ERROR_SECURITY;	/* an old answer */
	if (!res)
		r->counter = rpmb_get32(rsp.write_counter);
	return res;
}

/* The answer carries no MAC (there was no key): the counter read that
 * follows is what proves the device now holds ours. */
static uint32_t key_program(struct rpmb *r, struct sw_thread *thr)
{
	struct rpmb_frame rsp;
	uint8_t *req;
	uint32_t res;

	req = request_new(r, RPMB_CMD_DATA_REQ, 0, 1, RPMB_MSG_KEY_PROGRAM);
	if (!req)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(frame_at(req, 0)->key_mac, r->key, RPMB_KEY_SIZE);
	res = rpmb_exchange(thr, req, request_size(1), &rsp, sizeof(rsp));
	OPENSSL_cleanse(req, request_size(1));
	free(req);
	if (res)
		return res;
	if (rpmb_get16(rsp.msg_type) != RPMB_MSG_RESP(RPMB_MSG_KEY_PROGRAM))
		return TEE_ERROR_SECURITY;
	return (rpmb_get16(rsp.result) & RPMB_RES_MASK) == RPMB_RES_OK ?
		       TEE_SUCCESS : TEE_ERROR_GENERIC;
}

static uint32_t device_open(struct rpmb *r, struct sw_thread *thr)
{
	uint32_t res = dev_info_get(r, thr);

	if (res)
		return res;
	res = counter_read(r, thr);
	if (res == TEE_ERROR_ITEM_NOT_FOUND) {
		res = key_program(r, thr);
		if (!res)
			res = no_key_is_attack(counter_read(r, thr));
	}
	r->ready = res == TEE_SUCCESS;
	return res;
}

static uint32_t device_ready(struct rpmb *r, struct sw_thread *thr)
{
	return r->ready ? TEE_SUCCESS : device_open(r, thr);
}

/*
 * Every frame of a read answer echoes the request, under the MAC.  The
 * block count is not compared: optee_client's emulated device writes it
 * in host byte order, and under the MAC and our fresh nonce it cannot
 * be forged anyway.
 */
static uint32_t read_answer_check(const struct rpmb_frame *f, size_t n,
				  const uint8_t *nonce, uint16_t addr)
{
	for (size_t i = 0; i < n; i++)
		if (CRYPTO_memcmp(f[i].nonce, nonce, RPMB_NONCE_SIZE) ||
		    rpmb_get16(f[i].address) != addr ||
		    (rpmb_get16(f[i].result) & RPMB_RES_MASK) != RPMB_RES_OK)
			return TEE_ERROR_SECURITY;
	return TEE_SUCCESS;
}

static uint32_t read_chunk(struct rpmb *r, struct sw_thread *thr,
			   uint16_t addr, uint16_t n, uint8_t *buf)
{
	uint8_t nonce[RPMB_NONCE_SIZE];
	struct rpmb_frame *rsp = NULL;
	uint8_t *req = NULL;
	uint32_t res = TEE_ERROR_OUT_OF_MEMORY;

	if (RAND_bytes(nonce, sizeof(nonce)) != 1)
		return TEE_ERROR_GENERIC;
	req = request_new(r, RPMB_CMD_DATA_REQ, n, 1, RPMB_MSG_DATA_READ);
	rsp = calloc(n, sizeof(*rsp));
	if (req && rsp) {
		memcpy(frame_at(req, 0)->nonce, nonce, sizeof(nonce));
		rpmb_put16(frame_at(req, 0)->address, addr);
		res = rpmb_exchange(thr, req, request_size(1), rsp,
				    n * sizeof(*rsp));
	}
	if (!res)
		res = no_key_is_attack(answer_check(r, rsp, n,
						    RPMB_MSG_DATA_READ));
	if (!res)
		res = read_answer_check(rsp, n, nonce, addr);
	for (size_t i = 0; !res && i < n; i++)
		memcpy(buf + i * RPMB_BLOCK_SIZE, rsp[i].data,
		       RPMB_BLOCK_SIZE);
	free(req);
	free(rsp);
	return res;
}

/* One authenticated write of n <= write_frames blocks: all or none. */
static uint32_t write_chunk(struct rpmb *r, struct sw_thread *thr,
			    uint16_t addr, uint16_t n, const uint8_t *buf)
{
	struct rpmb_frame rsp;
	uint8_t *req = request_new(r, RPMB_CMD_DATA_REQ, 0, n,
				   RPMB_MSG_DATA_WRITE);
	uint32_t res;

	if (!req)
		return TEE_ERROR_OUT_OF_MEMORY;
	for (size_t i = 0; i < n; i++) {
		struct rpmb_frame *f = frame_at(req, i);

		memcpy(f->data, buf + i * RPMB_BLOCK_SIZE, RPMB_BLOCK_SIZE);
		rpmb_put16(f->address, addr);
		rpmb_put16(f->block_count, n);
		rpmb_put32(f->write_counter, r->counter);
	}
	res = TEE_ERROR_GENERIC;
	if (rpmb_frames_mac(r->key, frame_at(req, 0), n,
		       frame_at(req, n - 1)->key_mac))
		res = rpmb_exchange(thr, req, request_size(n), &rsp,
				    sizeof(rsp));
	free(req);
	if (!res)
		res = no_key_is_attack(answer_check(r, &rsp, 1,
						    RPMB_MSG_DATA_WRITE));
	if (!res && (rpmb_get16(rsp.address) != addr ||
		     rpmb_get32(rsp.write_counter) != r->counter + 1))
		res = TEE_ERROR_SECURITY;
	if (!res)
		r->counter++;
	return res;
}

/* ------------------------------------------------------------- API */

struct rpmb *rpmb_new(uint16_t dev_id, const uint8_t key[32])
{
	struct rpmb *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	pthread_mutex_init(&r->lock, NULL);
	pthread_cond_init(&r->cond, NULL);
	r->dev_id = dev_id;
	memcpy(r->key, key, RPMB_KEY_SIZE);
	return r;
}

void rpmb_free(struct rpmb *r)
{
	if (!r)
		return;
	pthread_cond_destroy(&r->cond);
	pthread_mutex_destroy(&r->lock);
	OPENSSL_cleanse(r->key, sizeof(r->key));
	free(r);
}

uint32_t rpmb_open(struct rpmb *r, struct sw_thread *thr, uint32_t *blocks)
{
	uint32_t res;

	rpmb_claim(r);
	res = device_ready(r, thr);
	if (!res)
		*blocks = r->blocks;
	return rpmb_release(r, res);
}

/* count blocks from addr lie on the device (known once it is open). */
static bool range_ok(const struct rpmb *r, uint16_t addr, uint16_t count)
{
	return count && (uint32_t)addr + count <= r->blocks;
}

/* Claims the device for count blocks from addr: ready and the range on
 * it, or why not.  The caller releases it either way. */
static uint32_t claim_blocks(struct rpmb *r, struct sw_thread *thr,
			     uint16_t addr, uint16_t count)
{
	uint32_t res;

	rpmb_claim(r);
	res = device_ready(r, thr);
	if (!res && !range_ok(r, addr, count))
		res = TEE_ERROR_BAD_PARAMETERS;
	return res;
}

uint32_t rpmb_read(struct rpmb *r, struct sw_thread *thr, uint16_t addr,
		   uint16_t count, uint8_t *buf)
{
	uint32_t res = claim_blocks(r, thr, addr, count);

	while (!res && count) {
		uint16_t n = count < RPMB_READ_FRAMES ? count :
							RPMB_READ_FRAMES;

		res = read_chunk(r, thr, addr, n, buf);
		addr += n;
		count -= n;
		buf += (size_t)n * RPMB_BLOCK_SIZE;
	}
	return rpmb_release(r, res);
}

uint32_t rpmb_write(struct rpmb *r, struct sw_thread *thr, uint16_t addr,
		    uint16_t count, const uint8_t *buf)
{
	uint32_t res = claim_blocks(r, thr, addr, count);

	while (!res && count) {
		uint16_t n = count < r->write_frames ? count : r->write_frames;

		res = write_chunk(r, thr, addr, n, buf);
		addr += n;
		count -= n;
		buf += (size_t)n * RPMB_BLOCK_SIZE;
	}
	return rpmb_release(r, res);
}
