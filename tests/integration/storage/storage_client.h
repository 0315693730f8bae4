/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A client of the storage test TA (tests/ta/include/vtee_storage_ta.h)
 * and a view of the files trusted storage leaves in a test machine's REE
 * file system, shared by the storage integration tests.
 */
#ifndef VTEE_STORAGE_CLIENT_H
#define VTEE_STORAGE_CLIENT_H

#include <stddef.h>
#include <stdint.h>
#include <tee_client_api.h>

#include "vtee_storage_ta.h"

#define PRIVATE		0x00000001u	/* TEE_STORAGE_PRIVATE */
#define PRIVATE_REE	0x80000000u
#define PRIVATE_RPMB	0x80000100u
#define F_READ		0x00000001u	/* TEE_DATA_FLAG_* */
#define F_WRITE		0x00000002u
#define F_META		0x00000004u
#define F_SHARE_READ	0x00000010u
#define F_SHARE_WRITE	0x00000020u
#define F_OVERWRITE	0x00000400u
#define F_ALL		(F_READ | F_WRITE | F_META)

#define RES_ACCESS_CONFLICT	0xFFFF0003u
#define RES_ITEM_NOT_FOUND	0xFFFF0008u
#define RES_CORRUPT_OBJECT	0xF0100001u
#define RES_OVERFLOW		0xFFFF300Fu
#define RES_NO_SPACE		0xFFFF3041u
#define RES_NOT_AVAILABLE	0xF0100003u
#define RES_TARGET_DEAD		0xFFFF3024u

struct sclient {
	TEEC_Context ctx;
	TEEC_Session sess;
	uint32_t origin;
};

/* Opens a session on the storage test TA (second: its twin). */
TEEC_Result sc_open(struct sclient *c, int second);
void sc_close(struct sclient *c);

TEEC_Result sc_create(struct sclient *c, uint32_t storage, const char *id,
		      uint32_t flags, const void *data, size_t len,
		      uint32_t *h);
TEEC_Result sc_create_key(struct sclient *c, const char *id, uint32_t flags,
			  const void *key, size_t len, uint32_t *h);
TEEC_Result sc_open_obj(struct sclient *c, uint32_t storage, const char *id,
			uint32_t flags, uint32_t *h);
TEEC_Result sc_close_obj(struct sclient *c, uint32_t h);
/* Reads up to cap bytes at the position; *got = bytes read. */
TEEC_Result sc_read(struct sclient *c, uint32_t h, void *buf, size_t cap,
		    size_t *got);
TEEC_Result sc_write(struct sclient *c, uint32_t h, const void *buf,
		     size_t len);
TEEC_Result sc_truncate(struct sclient *c, uint32_t h, uint32_t size);
TEEC_Result sc_seek(struct sclient *c, uint32_t h, int64_t off,
		    uint32_t whence);
/* TEE_GetObjectInfo1's dataSize and dataPosition. */
TEEC_Result sc_info(struct sclient *c, uint32_t h, uint64_t *size,
		    uint64_t *pos, uint32_t *flags);
TEEC_Result sc_delete(struct sclient *c, uint32_t h);
TEEC_Result sc_restrict(struct sclient *c, uint32_t h, uint32_t usage);
TEEC_Result sc_rename(struct sclient *c, uint32_t h, const char *id);
/* The ids enumeration returns, joined with ',' in its order. */
TEEC_Result sc_enum(struct sclient *c, uint32_t storage, char *ids,
		    size_t cap, uint32_t *count);
TEEC_Result sc_get_attr(struct sclient *c, uint32_t h, uint32_t attr,
			void *buf, size_t *len);
/* Reads the whole object `id` (opened for reading) into buf. */
TEEC_Result sc_read_all(struct sclient *c, const char *id, void *buf,
			size_t cap, size_t *got);

/* The entries of directory dir (no dot names), sorted; how many. */
int sc_list_dir(const char *dir, char names[][64], int max);

#endif /* VTEE_STORAGE_CLIENT_H */
