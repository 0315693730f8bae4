/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The storage test TA: each command is one GP Trusted Storage call (or a
 * short sequence), so that tests/integration/tos/test_storage.c can drive
 * the API from a client.  Object handles are the TA's own GP handles,
 * passed back and forth as values.  Two UUIDs, one source: two TAs, to
 * show that they cannot reach each other's objects.
 */
#ifndef VTEE_STORAGE_TA_H
#define VTEE_STORAGE_TA_H

#define STORAGE_TA_UUID \
	{ 0x3a0d2e6b, 0x5c1f, 0x4d8e, \
	  { 0x9b, 0x27, 0x61, 0x0f, 0xa4, 0x3c, 0x88, 0x15 } }
#define STORAGE_TA2_UUID \
	{ 0x8e4b7c19, 0x02d6, 0x4f3a, \
	  { 0xa5, 0x91, 0x3e, 0x7d, 0x20, 0xc6, 0x4b, 0xe2 } }

/* p0 value in: a = storage id, b = flags; p1 memref in: id;
 * p2 memref in: initial data (NULL: none); p3 value out: a = handle */
#define STORAGE_CMD_CREATE		1
/* as CREATE, with p2 = the bytes of an AES key: the object is created
 * from a transient AES object holding it (TEE_ATTR_SECRET_VALUE), with
 * no initial data */
#define STORAGE_CMD_CREATE_KEY		2
/* p0 value in: a = storage id, b = flags; p1 memref in: id;
 * p2 value out: a = handle */
#define STORAGE_CMD_OPEN		3
/* p0 value in: a = handle */
#define STORAGE_CMD_CLOSE		4
/* p0 value in: a = handle; p1 memref out: the bytes read */
#define STORAGE_CMD_READ		5
/* p0 value in: a = handle; p1 memref in: the bytes to write */
#define STORAGE_CMD_WRITE		6
/* p0 value in: a = handle, b = new size */
#define STORAGE_CMD_TRUNCATE		7
/* p0 value in: a = handle, b = whence; p1 value in: the offset as a
 * signed 64-bit number, a = low and b = high 32 bits */
#define STORAGE_CMD_SEEK		8
/* p0 value in: a = handle; p1 memref out: TEE_ObjectInfo */
#define STORAGE_CMD_INFO		9
/* p0 value in: a = handle (TEE_CloseAndDeletePersistentObject1) */
#define STORAGE_CMD_DELETE		10
/* p0 value in: a = handle; p1 memref in: the new id */
#define STORAGE_CMD_RENAME		11
/* p0 value in: a = storage id; p1 memref out: for each object in
 * enumeration order, a uint32_t id length, the id, and a uint32_t data
 * size; p2 value out: a = objects */
#define STORAGE_CMD_ENUM		12
/* p0 value in: a = handle, b = attribute id; p1 memref out: its bytes */
#define STORAGE_CMD_GET_ATTR		13
/* The enumerator functions one by one, for their state rules: p0 value
 * in: a = storage id; p1 value out: a = result of GetNext before Start,
 * b = result of GetNext after Reset */
#define STORAGE_CMD_ENUM_STATES		14
/* p0 value in: a = handle, b = usage (TEE_RestrictObjectUsage1) */
#define STORAGE_CMD_RESTRICT		15

#endif /* VTEE_STORAGE_TA_H */
