/* SPDX-License-Identifier: BSD-2-Clause */
/* The reverse TA's interface, shared by the TA and its host program. */
#ifndef TA_REVERSE_H
#define TA_REVERSE_H

/* This TA's UUID: 3203b121-fece-4a27-ae2c-47a5072353f6 */
#define TA_REVERSE_UUID \
	{ 0x3203b121, 0xfece, 0x4a27, \
		{ 0xae, 0x2c, 0x47, 0xa5, 0x07, 0x23, 0x53, 0xf6 } }

/* The TA's gpd.ta.description property, which CMD_DESCRIBE returns */
#define TA_REVERSE_DESCRIPTION "Reverses strings: vtee's OP-TEE-style example"

/* params[0] MEMREF_INOUT: bytes the TA reverses in place */
#define TA_REVERSE_CMD_REVERSE		0
/*
 * params[0] MEMREF_OUTPUT: receives the description, NUL included.  A
 * buffer too small gets TEE_ERROR_SHORT_BUFFER and the size it needs.
 */
#define TA_REVERSE_CMD_DESCRIBE		1

#endif /* TA_REVERSE_H */
