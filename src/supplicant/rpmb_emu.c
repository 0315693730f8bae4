// SPDX-License-Identifier: BSD-2-Clause
/*
 * OPTEE_RPC_CMD_RPMB served by an emulated eMMC RPMB partition, in the
 * frames the secure world would send to a real one (rpmb_frame.h).
 *
 * It behaves as JEDEC's device does, not as a convenience: the key can
 * be programmed once; every authenticated write must carry the device's
 * write counter and a MAC with the key, and bumps the counter by one;
 * reads echo the caller's nonce under a MAC.  Unlike tee-supplicant's
 * emulation the partition survives restarts (rpmb_image.c): every
 * accepted key or write is durable before it is answered.  An image that
 * cannot be read back whole is never replaced by a blank device, since
 * that would reset the write counter and let old data be replayed; the
 * device then refuses every request until someone looks (docs/
 * supplicant.md, "Emulated RPMB").
 *
 * One device (dev_id 0), requests served one at a time.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "rpmb_emu.h"
#include "supp.h"

/* EXT_CSD[222]: one 512-byte sector, so two frames per reliable write */
#define RPMB_EMU_REL_WR_SEC_C	1
#define RPMB_EMU_WRITE_FRAMES	(2 * RPMB_EMU_REL_WR_SEC_C)

/*
 * CID: manufacturer 0x00, BGA, OEM 0x00, product "VTEEMU", revision 1.0,
 * serial "vtee", October 2022, then CRC7 << 1 | 1.  Not a real part's.
 */
static const uint8_t rpmb_emu_cid[RPMB_CID_SIZE] = {
	0x00, 0x01, 0x00, 'V', 'T', 'E', 'E', 'M', 'U', 0x10,
	'v', 't', 'e', 'e', 0xa9, 0xa3,
};

struct supp_rpmb {
	pthread_mutex_t lock;
	char dir[PATH_MAX];
	char path[PATH_MAX];
	/* the image could not be trusted, or a write's fate is unknown */
	bool refused;
	struct rpmb_emu_state st;
	/* the last KEY_PROGRAM or DATA_WRITE, for a RESULT_READ */
	uint16_t last_type;
	uint16_t last_result;
	uint16_t last_address;
};

/* A result as the device reports it: with the expiry bit once the write
 * counter can go no further. */
static uint16_t result_of(const struct supp_rpmb *d, uint16_t code)
{
	if (d->st.counter == UINT32_MAX)
		code |= RPMB_RES_COUNTER_EXPIRED;
	return code;
}

static void refuse(struct supp_rpmb *d, const char *why)
{
	d->refused = true;
	supp_log(SUPP_LOG_ERROR, "RPMB: %s %s; refusing every RPMB request "
		 "(see docs/supplicant.md, \"Emulated RPMB\")", d->path, why);
}

/*
 * Makes the state durable.  RPMB_RES_OK, or WRITE_FAILURE when the old
 * image is still the one on disk (the caller rolls back).  When even
 * that is unknown the device stops serving, since its next answer could
 * contradict the disk.
 */
static uint16_t state_store(struct supp_rpmb *d)
{
	switch (rpmb_image_store(d->dir, d->path, &d->st)) {
	case RPMB_IMAGE_STORED:
		return RPMB_RES_OK;
	case RPMB_IMAGE_NOT_STORED:
		supp_log(SUPP_LOG_ERROR, "RPMB: cannot write %s", d->path);
		return RPMB_RES_WRITE_FAILURE;
	default:
		refuse(d, "may or may not hold the last write");
		return RPMB_RES_WRITE_FAILURE;
	}
}

static uint16_t key_program(struct supp_rpmb *d, const struct rpmb_frame *f)
{
	uint16_t res;

	if (d->st.key_set)
		return RPMB_RES_GENERAL_FAILURE;	/* once, ever */
	memcpy(d->st.key, f->key_mac, RPMB_KEY_SIZE);
	d->st.key_set = true;
	res = state_store(d);
	if (res != RPMB_RES_OK) {
		d->st.key_set = false;
		memset(d->st.key, 0, RPMB_KEY_SIZE);
	}
	return res;
}

/* The checks in the order JEDEC gives them; data is written only if all
 * pass. */
static uint16_t write_check(const struct supp_rpmb *d,
			    const struct rpmb_frame *f, size_t n)
{
	uint16_t addr = rpmb_get16(f[0].address);
	uint8_t mac[RPMB_MAC_SIZE];

	if (!d->st.key_set)
		return RPMB_RES_KEY_NOT_PROGRAMMED;
	if (d->st.counter == UINT32_MAX)
		return RPMB_RES_WRITE_FAILURE;
	if (n > RPMB_EMU_WRITE_FRAMES || rpmb_get16(f[0].block_count) != n)
		return RPMB_RES_GENERAL_FAILURE;
	if (addr + n > RPMB_EMU_BLOCKS)
		return RPMB_RES_ADDRESS_FAILURE;
	if (!rpmb_frames_mac(d->st.key, f, n, mac))
		return RPMB_RES_GENERAL_FAILURE;
	if (CRYPTO_memcmp(mac, f[n - 1].key_mac, RPMB_MAC_SIZE))
		return RPMB_RES_AUTH_FAILURE;
	if (rpmb_get32(f[0].write_counter) != d->st.counter)
		return RPMB_RES_COUNTER_FAILURE;
	return RPMB_RES_OK;
}

static uint16_t data_write(struct supp_rpmb *d, const struct rpmb_frame *f,
			   size_t n)
{
	uint8_t old[RPMB_EMU_WRITE_FRAMES * RPMB_FRAME_DATA_SIZE];
	uint8_t *blocks;
	uint16_t res = write_check(d, f, n);

	if (res != RPMB_RES_OK)
		return res;
	blocks = d->st.data + rpmb_get16(f[0].address) * RPMB_FRAME_DATA_SIZE;
	memcpy(old, blocks, n * RPMB_FRAME_DATA_SIZE);
	for (size_t i = 0; i < n; i++)
		memcpy(blocks + i * RPMB_FRAME_DATA_SIZE, f[i].data,
		       RPMB_FRAME_DATA_SIZE);
	d->st.counter++;
	res = state_store(d);
	if (res != RPMB_RES_OK) {
		d->st.counter--;
		memcpy(blocks, old, n * RPMB_FRAME_DATA_SIZE);
	}
	return res;
}

/* The answer to a RESULT_READ: the outcome of the last key programming
 * or write (a write's under a MAC, with the counter as it now is). */
static void result_frame(const struct supp_rpmb *d, struct rpmb_frame *rsp)
{
	memset(rsp, 0, sizeof(*rsp));
	rpmb_put16(rsp->msg_type, d->last_type);
	rpmb_put16(rsp->result, result_of(d, d->last_result));
	if (d->last_type != RPMB_MSG_RESP(RPMB_MSG_DATA_WRITE) ||
	    !d->st.key_set)
		return;
	rpmb_put16(rsp->address, d->last_address);
	rpmb_put32(rsp->write_counter, d->st.counter);
	rpmb_frames_mac(d->st.key, rsp, 1, rsp->key_mac);
}

static void counter_read(const struct supp_rpmb *d,
			 const struct rpmb_frame *req, struct rpmb_frame *rsp)
{
	memset(rsp, 0, sizeof(*rsp));
	rpmb_put16(rsp->msg_type, RPMB_MSG_RESP(RPMB_MSG_COUNTER_READ));
	memcpy(rsp->nonce, req->nonce, RPMB_NONCE_SIZE);
	if (!d->st.key_set) {
		rpmb_put16(rsp->result, RPMB_RES_KEY_NOT_PROGRAMMED);
		return;
	}
	rpmb_put32(rsp->write_counter, d->st.counter);
	rpmb_put16(rsp->result, result_of(d, RPMB_RES_OK));
	rpmb_frames_mac(d->st.key, rsp, 1, rsp->key_mac);
}

/* n frames from the request's address, each carrying the nonce, the
 * address and n; the last one the MAC over all. */
static void data_read(const struct supp_rpmb *d, const struct rpmb_frame *req,
		      struct rpmb_frame *rsp, size_t n)
{
	uint16_t addr = rpmb_get16(req->address);
	uint16_t res = RPMB_RES_OK;

	if (!d->st.key_set)
		res = RPMB_RES_KEY_NOT_PROGRAMMED;
	else if (addr + n > RPMB_EMU_BLOCKS)
		res = RPMB_RES_ADDRESS_FAILURE;
	memset(rsp, 0, n * sizeof(*rsp));
	for (size_t i = 0; i < n; i++) {
		rpmb_put16(rsp[i].msg_type, RPMB_MSG_RESP(RPMB_MSG_DATA_READ));
		memcpy(rsp[i].nonce, req->nonce, RPMB_NONCE_SIZE);
		rpmb_put16(rsp[i].address, addr);
		rpmb_put16(rsp[i].block_count, (uint16_t)n);
		rpmb_put16(rsp[i].result, result_of(d, res));
		if (res == RPMB_RES_OK)
			memcpy(rsp[i].data, d->st.data + (addr + i) *
				RPMB_FRAME_DATA_SIZE, RPMB_FRAME_DATA_SIZE);
	}
	if (d->st.key_set)
		rpmb_frames_mac(d->st.key, rsp, n, rsp[n - 1].key_mac);
}

/*
 * One exchange as tee-supplicant drives the eMMC: the request frames,
 * then (for a key or a write) a RESULT_READ whose answer is the response.
 * Only the frame counts the message type needs are accepted.
 */
static uint32_t data_request(struct supp_rpmb *d, uint16_t block_count,
			     const struct rpmb_frame *req, size_t nreq,
			     struct rpmb_frame *rsp, size_t nrsp)
{
	uint16_t type = rpmb_get16(req[0].msg_type);

	for (size_t i = 1; i < nreq; i++)
		if (rpmb_get16(req[i].msg_type) != type)
			return SUPP_RES_BAD_PARAMETERS;
	if (type != RPMB_MSG_DATA_WRITE && nreq != 1)
		return SUPP_RES_BAD_PARAMETERS;
	if (type != RPMB_MSG_DATA_READ && nrsp != 1)
		return SUPP_RES_BAD_PARAMETERS;
	switch (type) {
	case RPMB_MSG_KEY_PROGRAM:
	case RPMB_MSG_DATA_WRITE:
		d->last_type = RPMB_MSG_RESP(type);
		d->last_address = rpmb_get16(req[0].address);
		d->last_result = type == RPMB_MSG_KEY_PROGRAM ?
				 key_program(d, req) :
				 data_write(d, req, nreq);
		/* fall through */
	case RPMB_MSG_RESULT_READ:
		result_frame(d, rsp);
		return SUPP_RES_SUCCESS;
	case RPMB_MSG_COUNTER_READ:
		counter_read(d, req, rsp);
		return SUPP_RES_SUCCESS;
	case RPMB_MSG_DATA_READ:
		if (block_count && block_count != nrsp)
			return SUPP_RES_BAD_PARAMETERS;
		data_read(d, req, rsp, nrsp);
		return SUPP_RES_SUCCESS;
	default:
		return SUPP_RES_BAD_PARAMETERS;
	}
}

static uint32_t dev_info(void *rsp, size_t rsp_size)
{
	struct rpmb_dev_info info = {
		.rpmb_size_mult = RPMB_EMU_SIZE_MULT,
		.rel_wr_sec_c = RPMB_EMU_REL_WR_SEC_C,
		.ret_code = RPMB_DEV_INFO_OK,
	};

	if (rsp_size != RPMB_DEV_INFO_SIZE)
		return SUPP_RES_BAD_PARAMETERS;
	memcpy(info.cid, rpmb_emu_cid, RPMB_CID_SIZE);
	memcpy(rsp, &info, sizeof(info));
	return SUPP_RES_SUCCESS;
}

/* Frame counts from byte sizes; 0 if a size is not whole frames. */
static size_t frame_count(size_t size)
{
	if (!size || size % RPMB_FRAME_SIZE ||
	    size / RPMB_FRAME_SIZE > RPMB_EMU_BLOCKS)
		return 0;
	return size / RPMB_FRAME_SIZE;
}

static uint32_t request_locked(struct supp_rpmb *d, const struct rpmb_req *hdr,
			       const uint8_t *req, size_t req_size, void *rsp,
			       size_t rsp_size)
{
	size_t nreq = frame_count(req_size - RPMB_REQ_SIZE);
	size_t nrsp = frame_count(rsp_size);

	if (d->refused)
		return SUPP_RES_GENERIC;
	if (hdr->dev_id != 0)
		return SUPP_RES_ITEM_NOT_FOUND;	/* one eMMC, number 0 */
	if (hdr->cmd == RPMB_CMD_GET_DEV_INFO)
		return req_size == RPMB_REQ_SIZE ? dev_info(rsp, rsp_size) :
						   SUPP_RES_BAD_PARAMETERS;
	if (hdr->cmd != RPMB_CMD_DATA_REQ || !nreq || !nrsp)
		return SUPP_RES_BAD_PARAMETERS;
	/* a frame is all bytes: any address will do */
	return data_request(d, hdr->block_count,
			    (const struct rpmb_frame *)(req + RPMB_REQ_SIZE),
			    nreq, rsp, nrsp);
}

uint32_t supp_rpmb_request(struct supp_rpmb *d, const void *req,
			   size_t req_size, void *rsp, size_t rsp_size)
{
	struct rpmb_req hdr;
	uint32_t res;

	if (req_size < RPMB_REQ_SIZE)
		return SUPP_RES_BAD_PARAMETERS;
	memcpy(&hdr, req, sizeof(hdr));
	pthread_mutex_lock(&d->lock);
	res = request_locked(d, &hdr, req, req_size, rsp, rsp_size);
	pthread_mutex_unlock(&d->lock);
	return res;
}

int supp_rpmb_open(const char *dir, struct supp_rpmb **out)
{
	struct supp_rpmb *d = calloc(1, sizeof(*d));
	int rc;

	if (!d)
		return -ENOMEM;
	if (snprintf(d->dir, sizeof(d->dir), "%s", dir) >=
		    (int)sizeof(d->dir) ||
	    snprintf(d->path, sizeof(d->path), "%s/%s", dir,
		     RPMB_EMU_IMAGE) >= (int)sizeof(d->path)) {
		free(d);
		return -ENAMETOOLONG;
	}
	pthread_mutex_init(&d->lock, NULL);
	d->last_result = RPMB_RES_GENERAL_FAILURE;	/* nothing to report */
	rc = rpmb_image_load(d->path, &d->st);
	if (rc == -ENOENT) {
		memset(&d->st, 0, sizeof(d->st));	/* a new device */
		supp_log(SUPP_LOG_INFO, "RPMB: %s will be created on first "
			 "key programming", d->path);
	} else if (rc) {
		refuse(d, rc == -EBADMSG ? "is corrupt" : strerror(-rc));
	} else {
		supp_log(SUPP_LOG_INFO, "RPMB: %s, %s, write counter %u",
			 d->path, d->st.key_set ? "key programmed" : "no key",
			 d->st.counter);
	}
	*out = d;
	return 0;
}

void supp_rpmb_close(struct supp_rpmb *d)
{
	if (!d)
		return;
	pthread_mutex_destroy(&d->lock);
	OPENSSL_cleanse(&d->st, sizeof(d->st));
	free(d);
}

/*
 * p0 MEMREF_INPUT: the request; p1 MEMREF_OUTPUT: the response.  Both
 * may lie in one shm (OP-TEE puts them there), so the request is copied
 * out before a byte of the response is written, and the response is
 * built apart and copied in whole.
 */
uint32_t supp_rpmb_serve(struct supp *s, struct tee_ioctl_param *p, size_t n)
{
	struct supp_memref in, out;
	uint8_t *req = NULL, *rsp = NULL;
	uint32_t res = SUPP_RES_BAD_PARAMETERS;

	if (!s->rpmb)
		return SUPP_RES_NOT_SUPPORTED;
	if (n != 2 || p[0].attr != TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT ||
	    p[1].attr != TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT ||
	    supp_memref_get(&s->shms, &p[0], &in))
		return SUPP_RES_BAD_PARAMETERS;
	if (supp_memref_get(&s->shms, &p[1], &out)) {
		supp_shm_put(&s->shms, in.shm);
		return SUPP_RES_BAD_PARAMETERS;
	}
	/* nothing bigger than the whole device's frames makes sense */
	if (in.size <= RPMB_REQ_SIZE + RPMB_EMU_BLOCKS * RPMB_FRAME_SIZE &&
	    out.size <= RPMB_EMU_BLOCKS * RPMB_FRAME_SIZE) {
		req = malloc(in.size ? in.size : 1);
		rsp = calloc(1, out.size ? out.size : 1);
		res = req && rsp ? SUPP_RES_SUCCESS : SUPP_RES_OUT_OF_MEMORY;
	}
	if (res == SUPP_RES_SUCCESS) {
		memcpy(req, in.ptr, in.size);
		res = supp_rpmb_request(s->rpmb, req, in.size, rsp, out.size);
	}
	if (res == SUPP_RES_SUCCESS)
		memcpy(out.ptr, rsp, out.size);
	free(req);
	free(rsp);
	supp_shm_put(&s->shms, in.shm);
	supp_shm_put(&s->shms, out.shm);
	return res;
}
