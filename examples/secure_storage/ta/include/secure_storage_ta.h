/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The secure_storage TA's interface, shared by the TA and its host
 * program.  UUID and command numbers are those of OP-TEE's
 * secure_storage example, so a client written for it talks to this TA.
 */
#ifndef TA_SECURE_STORAGE_H
#define TA_SECURE_STORAGE_H

/* This TA's UUID: f4e750bb-1437-4fbf-8785-8d3580c34994 */
#define TA_SECURE_STORAGE_UUID \
	{ 0xf4e750bb, 0x1437, 0x4fbf, \
		{ 0x87, 0x85, 0x8d, 0x35, 0x80, 0xc3, 0x49, 0x94 } }

/* An object's name is its GP object id: 1 to 64 bytes */
#define TA_SECURE_STORAGE_NAME_MAX	64

/*
 * params[0] MEMREF_INPUT: the object's name
 * params[1] MEMREF_OUTPUT: receives the object's data.  A buffer too
 *           small gets TEE_ERROR_SHORT_BUFFER and the size it needs.
 * No such object: TEE_ERROR_ITEM_NOT_FOUND.
 */
#define TA_SECURE_STORAGE_CMD_READ_RAW		0
/*
 * params[0] MEMREF_INPUT: the object's name
 * params[1] MEMREF_INPUT: its data; an object of that name is replaced
 */
#define TA_SECURE_STORAGE_CMD_WRITE_RAW		1
/*
 * params[0] MEMREF_INPUT: the object's name
 * No such object: TEE_ERROR_ITEM_NOT_FOUND.
 */
#define TA_SECURE_STORAGE_CMD_DELETE		2

#endif /* TA_SECURE_STORAGE_H */
