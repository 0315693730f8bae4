/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A TEEC_UUID as the 16 octets of RFC 4122 (big-endian fields), the form
 * the UAPI and the supplicant protocol carry.  Shared by libteec and
 * vtee-supplicant; the secure side has its own (src/ta/uuid.c).
 */
#ifndef VTEE_TEEC_UUID_H
#define VTEE_TEEC_UUID_H

#include <stdint.h>
#include <string.h>
#include <tee_client_api.h>

static inline void teec_uuid_octets(uint8_t out[16], const TEEC_UUID *u)
{
	out[0] = (uint8_t)(u->timeLow >> 24);
	out[1] = (uint8_t)(u->timeLow >> 16);
	out[2] = (uint8_t)(u->timeLow >> 8);
	out[3] = (uint8_t)u->timeLow;
	out[4] = (uint8_t)(u->timeMid >> 8);
	out[5] = (uint8_t)u->timeMid;
	out[6] = (uint8_t)(u->timeHiAndVersion >> 8);
	out[7] = (uint8_t)u->timeHiAndVersion;
	memcpy(out + 8, u->clockSeqAndNode, sizeof(u->clockSeqAndNode));
}

#endif /* VTEE_TEEC_UUID_H */
