/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * An RPMB partition as the secure world sees it through the supplicant
 * (OPTEE_RPC_CMD_RPMB, JEDEC data frames): 256-byte blocks, every read
 * checked with the HMAC-SHA256 key and a fresh nonce, every write
 * authenticated with the key and the device's write counter.  The
 * supplicant carries the frames and is not trusted: a wrong MAC, nonce,
 * counter, address or result gives TEE_ERROR_SECURITY (reads) or
 * TEE_ERROR_SECURITY / TEE_ERROR_COMMUNICATION, never wrong data.
 *
 * One struct rpmb per device, shared by every secure thread; calls are
 * serialised inside (a sleeping lock, safe across RPCs).
 */
#ifndef VTEE_SECURE_RPMB_H
#define VTEE_SECURE_RPMB_H

#include <stdint.h>

struct sw_thread;
struct rpmb;

#define RPMB_BLOCK_SIZE 256

/* Allocates the state for device dev_id with the 32-byte key (derived by
 * the caller from the hardware unique key).  NULL if out of memory. */
struct rpmb *rpmb_new(uint16_t dev_id, const uint8_t key[32]);
void rpmb_free(struct rpmb *r);

/*
 * On first use (and after any failure): GET_DEV_INFO, program the key if
 * the device has none, then read the write counter authenticated, which
 * proves the device holds our key.  TEE_ERROR_STORAGE_NOT_AVAILABLE if
 * there is no RPMB service, TEE_ERROR_SECURITY if the device's key is
 * not ours.  *blocks = the partition's size in blocks.
 */
uint32_t rpmb_open(struct rpmb *r, struct sw_thread *thr, uint32_t *blocks);
/* Authenticated read of count blocks from block addr. */
uint32_t rpmb_read(struct rpmb *r, struct sw_thread *thr, uint16_t addr,
		   uint16_t count, uint8_t *buf);
/* Authenticated write; atomic for count <= the device's reliable write
 * sector count (in 256-byte blocks, as rpmb_open learnt it; larger
 * writes are split and are not atomic as a whole). */
uint32_t rpmb_write(struct rpmb *r, struct sw_thread *thr, uint16_t addr,
		    uint16_t count, const uint8_t *buf);

#endif /* VTEE_SECURE_RPMB_H */
