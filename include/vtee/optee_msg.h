/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * optee_msg: the messages the OP-TEE driver and the secure world exchange
 * through non-secure memory (revision 2.0).  A message is a struct
 * optee_msg_arg at a physical address, followed by num_params struct
 * optee_msg_param.  The secure world copies a message out of non-secure
 * memory once and validates the copy.
 */
#ifndef VTEE_OPTEE_MSG_H
#define VTEE_OPTEE_MSG_H

#include <stdint.h>

/* attr & OPTEE_MSG_ATTR_TYPE_MASK */
#define OPTEE_MSG_ATTR_TYPE_NONE		0x0
#define OPTEE_MSG_ATTR_TYPE_VALUE_INPUT		0x1
#define OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT	0x2
#define OPTEE_MSG_ATTR_TYPE_VALUE_INOUT		0x3
/* registered memory: offset into a shm the secure world knows by shm_ref */
#define OPTEE_MSG_ATTR_TYPE_RMEM_INPUT		0x5
#define OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT		0x6
#define OPTEE_MSG_ATTR_TYPE_RMEM_INOUT		0x7
/* temporary memory: a physical address (or a NONCONTIG page list) */
#define OPTEE_MSG_ATTR_TYPE_TMEM_INPUT		0x9
#define OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT		0xa
#define OPTEE_MSG_ATTR_TYPE_TMEM_INOUT		0xb
#define OPTEE_MSG_ATTR_TYPE_MASK		0xff

/* Meta parameters (OPEN_SESSION's UUIDs) come first. */
#define OPTEE_MSG_ATTR_META			(1u << 8)
/* TMEM buf_ptr is the PA of a page list, low 12 bits = offset in page 0 */
#define OPTEE_MSG_ATTR_NONCONTIG		(1u << 9)
#define OPTEE_MSG_ATTR_CACHE_SHIFT		16
#define OPTEE_MSG_ATTR_CACHE_MASK		0x7
#define OPTEE_MSG_ATTR_CACHE_PREDEFINED		0

#define OPTEE_MSG_LOGIN_PUBLIC			0
#define OPTEE_MSG_LOGIN_USER			1
#define OPTEE_MSG_LOGIN_GROUP			2
#define OPTEE_MSG_LOGIN_APPLICATION		4
#define OPTEE_MSG_LOGIN_APPLICATION_USER	5
#define OPTEE_MSG_LOGIN_APPLICATION_GROUP	6

/*
 * A non-contiguous buffer is described by 4 KiB list pages, each holding
 * 511 page addresses and, last, the PA of the next list page.
 */
#define OPTEE_MSG_NONCONTIG_PAGE_SIZE		4096
#define OPTEE_MSG_PAGES_PER_LIST \
	(OPTEE_MSG_NONCONTIG_PAGE_SIZE / sizeof(uint64_t) - 1)

struct optee_msg_param_tmem {
	uint64_t buf_ptr;
	uint64_t size;
	uint64_t shm_ref;
};

struct optee_msg_param_rmem {
	uint64_t offs;
	uint64_t size;
	uint64_t shm_ref;
};

struct optee_msg_param_value {
	uint64_t a;
	uint64_t b;
	uint64_t c;
};

struct optee_msg_param {
	uint64_t attr;
	union {
		struct optee_msg_param_tmem tmem;
		struct optee_msg_param_rmem rmem;
		struct optee_msg_param_value value;
		uint8_t octets[24];
	} u;
};

struct optee_msg_arg {
	uint32_t cmd;
	uint32_t func;
	uint32_t session;
	uint32_t cancel_id;
	uint32_t pad;
	uint32_t ret;
	uint32_t ret_origin;
	uint32_t num_params;
	struct optee_msg_param params[];
};

#define OPTEE_MSG_GET_ARG_SIZE(n) \
	(sizeof(struct optee_msg_arg) + (n) * sizeof(struct optee_msg_param))

/* The driver never sends more than this many parameters. */
#define OPTEE_MSG_MAX_PARAMS			6

#define OPTEE_MSG_CMD_OPEN_SESSION		0
#define OPTEE_MSG_CMD_INVOKE_COMMAND		1
#define OPTEE_MSG_CMD_CLOSE_SESSION		2
#define OPTEE_MSG_CMD_CANCEL			3
#define OPTEE_MSG_CMD_REGISTER_SHM		4
#define OPTEE_MSG_CMD_UNREGISTER_SHM		5
#define OPTEE_MSG_CMD_DO_BOTTOM_HALF		6
#define OPTEE_MSG_CMD_STOP_ASYNC_NOTIF		7

_Static_assert(sizeof(struct optee_msg_arg) == 32, "optee_msg_arg");
_Static_assert(sizeof(struct optee_msg_param) == 32, "optee_msg_param");
_Static_assert(OPTEE_MSG_GET_ARG_SIZE(6) == 224, "arg with 6 params");

#endif /* VTEE_OPTEE_MSG_H */
