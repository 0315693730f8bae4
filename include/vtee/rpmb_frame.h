/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * OPTEE_RPC_CMD_RPMB (optee_rpc_cmd.h, func 1): what the secure world and
 * the supplicant exchange to reach an eMMC RPMB partition.  The layout is
 * OP-TEE's (core/tee/tee_rpmb_fs.c) and tee-supplicant's (rpmb.c); the
 * data frame is JEDEC's (JESD84-B51, "Replay Protected Memory Block").
 *
 *   p0 MEMREF_INPUT:  struct rpmb_req, then block-request frames
 *   p1 MEMREF_OUTPUT: struct rpmb_dev_info (GET_DEV_INFO), or frames
 *
 * struct rpmb_req and struct rpmb_dev_info are in the machine's byte
 * order (they never leave the machine); every multi-byte field of a data
 * frame is big-endian, as on the eMMC bus.
 */
#ifndef VTEE_RPMB_FRAME_H
#define VTEE_RPMB_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* rpmb_req.cmd */
#define RPMB_CMD_DATA_REQ		0	/* frames in, frames out */
#define RPMB_CMD_GET_DEV_INFO		1	/* no frames; dev_info out */

struct rpmb_req {
	uint16_t cmd;
	uint16_t dev_id;	/* which eMMC: /dev/mmcblk<dev_id>rpmb */
	uint16_t block_count;	/* frames asked for by a read, else 0 */
};
#define RPMB_REQ_SIZE			6

#define RPMB_CID_SIZE			16

struct rpmb_dev_info {
	uint8_t cid[RPMB_CID_SIZE];
	uint8_t rpmb_size_mult;	/* EXT_CSD[168]: size in 128 KiB units */
	uint8_t rel_wr_sec_c;	/* EXT_CSD[222]: reliable write, in sectors */
	uint8_t ret_code;	/* RPMB_DEV_INFO_OK or _ERROR */
};
#define RPMB_DEV_INFO_SIZE		19
#define RPMB_DEV_INFO_OK		0
#define RPMB_DEV_INFO_ERROR		1

#define RPMB_SIZE_UNIT			(128 * 1024)

/*
 * One JEDEC data frame (the 512 bytes between the bus's start and stop
 * bits).  Only bytes [RPMB_FRAME_MACED_OFF, 512) are authenticated: the
 * MAC of a message is HMAC-SHA256 over that range of each of its frames
 * in order, and it travels in the last frame's key_mac (which also
 * carries the key itself in a key-programming request).
 */
#define RPMB_FRAME_SIZE			512
#define RPMB_MAC_SIZE			32
#define RPMB_KEY_SIZE			32
#define RPMB_FRAME_DATA_SIZE		256
#define RPMB_NONCE_SIZE			16

struct rpmb_frame {
	uint8_t stuff[196];
	uint8_t key_mac[RPMB_MAC_SIZE];		/* 196 */
	uint8_t data[RPMB_FRAME_DATA_SIZE];	/* 228 */
	uint8_t nonce[RPMB_NONCE_SIZE];		/* 484 */
	uint8_t write_counter[4];		/* 500 */
	uint8_t address[2];			/* 504: in 256-byte blocks */
	uint8_t block_count[2];			/* 506 */
	uint8_t result[2];			/* 508 */
	uint8_t msg_type[2];			/* 510 */
};

#define RPMB_FRAME_MACED_OFF		228
#define RPMB_FRAME_MACED_SIZE		(RPMB_FRAME_SIZE - RPMB_FRAME_MACED_OFF)

_Static_assert(sizeof(struct rpmb_frame) == RPMB_FRAME_SIZE,
	       "a JEDEC RPMB data frame is 512 bytes");
_Static_assert(sizeof(struct rpmb_dev_info) == RPMB_DEV_INFO_SIZE,
	       "GET_DEV_INFO answers 19 bytes");
_Static_assert(sizeof(struct rpmb_req) == RPMB_REQ_SIZE,
	       "the request header is 6 bytes");

/* msg_type: requests, and the response each one gets (request << 8) */
#define RPMB_MSG_KEY_PROGRAM		0x0001
#define RPMB_MSG_COUNTER_READ		0x0002
#define RPMB_MSG_DATA_WRITE		0x0003
#define RPMB_MSG_DATA_READ		0x0004
/* Fetches the result of the last KEY_PROGRAM or DATA_WRITE. */
#define RPMB_MSG_RESULT_READ		0x0005
#define RPMB_MSG_RESP(req)		((uint16_t)((req) << 8))

/* result: the low bits say what happened ... */
#define RPMB_RES_OK			0x00
#define RPMB_RES_GENERAL_FAILURE	0x01
#define RPMB_RES_AUTH_FAILURE		0x02	/* MAC mismatch */
#define RPMB_RES_COUNTER_FAILURE	0x03	/* write counter mismatch */
#define RPMB_RES_ADDRESS_FAILURE	0x04
#define RPMB_RES_WRITE_FAILURE		0x05
#define RPMB_RES_READ_FAILURE		0x06
#define RPMB_RES_KEY_NOT_PROGRAMMED	0x07	/* the only result until then */
#define RPMB_RES_MASK			0x3f
/* ... and this bit that the write counter reached 0xffffffff: no more
 * authenticated writes, ever. */
#define RPMB_RES_COUNTER_EXPIRED	0x80

static inline uint16_t rpmb_get16(const uint8_t b[2])
{
	return (uint16_t)(b[0] << 8 | b[1]);
}

static inline uint32_t rpmb_get32(const uint8_t b[4])
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
}

static inline void rpmb_put16(uint8_t b[2], uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

static inline void rpmb_put32(uint8_t b[4], uint32_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

/* HMAC-SHA256 with key over the authenticated part (RPMB_FRAME_MACED_OFF
 * on) of n frames, as JEDEC defines the MAC of a request or answer.
 * false if the crypto library failed. */
bool rpmb_frames_mac(const uint8_t *key, const struct rpmb_frame *f,
		     size_t n, uint8_t mac[RPMB_MAC_SIZE]);

#endif /* VTEE_RPMB_FRAME_H */
