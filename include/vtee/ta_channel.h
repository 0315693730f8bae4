/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The syscall channel between the trusted OS and one TA process.
 *
 * Each TA instance runs in its own sandboxed process.  The trusted OS and
 * the TA share one memfd (struct ta_chan, TA_CHAN_SIZE bytes) and hold the
 * two ends of an AF_UNIX SOCK_SEQPACKET socket pair.  The socket carries
 * only file descriptors (memfds of memory the TA may map, struct
 * ta_map_msg) and tells each side when the other dies (EOF).  Everything
 * else goes through the shared page, half duplex, strictly alternating:
 *
 *   TOS:  post TA_MSG_ENTRY        (run an entry point)
 *   TA:   post TA_MSG_SYSCALL      (ask the OS for a service) ...
 *   TOS:  post TA_MSG_SYSCALL_RET  ... any number of times, then
 *   TA:   post TA_MSG_DONE         (the entry point returned)
 *
 * "Post" means: write msg (and data), then increment the receiver's
 * sequence word with release ordering and FUTEX_WAKE it.  The receiver
 * waits (FUTEX_WAIT) until the word differs from the value it last saw.
 *
 * The TA is untrusted: the trusted OS copies msg out of the page once,
 * then validates the copy; it never reads a field twice.  The TA must
 * treat the OS the same way only for robustness: the OS is its TCB.
 *
 * Memory the TA may see is named by map ids.  Before posting an ENTRY that
 * uses a new map id, the OS sends one ta_map_msg per new mapping on the
 * socket (with the memfd as SCM_RIGHTS) and sets msg.n_new_maps; the TA
 * receives exactly that many before it reads the params.  msg.n_unmaps ids
 * in msg.unmaps[] are mappings the TA must drop first.
 */
#ifndef VTEE_TA_CHANNEL_H
#define VTEE_TA_CHANNEL_H

#include <stdint.h>

#define TA_CHAN_MAGIC		0x4e484354u	/* "TCHN" */
#define TA_CHAN_VERSION		1
#define TA_CHAN_SIZE		(128 * 1024)	/* the shared memfd */
#define TA_CHAN_DATA_MAX	(TA_CHAN_SIZE - 4096)
#define TA_CHAN_MAX_UNMAPS	16

enum ta_msg_kind {
	TA_MSG_ENTRY = 1,	/* TOS -> TA */
	TA_MSG_SYSCALL = 2,	/* TA -> TOS */
	TA_MSG_SYSCALL_RET = 3,	/* TOS -> TA */
	TA_MSG_DONE = 4,	/* TA -> TOS */
};

/* ENTRY: msg.func */
enum ta_entry {
	TA_ENTRY_CREATE = 1,		/* TA_CreateEntryPoint */
	TA_ENTRY_DESTROY = 2,		/* TA_DestroyEntryPoint; then exit(0) */
	TA_ENTRY_OPEN_SESSION = 3,	/* TA_OpenSessionEntryPoint */
	TA_ENTRY_CLOSE_SESSION = 4,	/* TA_CloseSessionEntryPoint */
	TA_ENTRY_INVOKE = 5,		/* TA_InvokeCommandEntryPoint */
};

/*
 * SYSCALL: msg.func, arguments in msg.args[], payload in data.  The OS
 * answers SYSCALL_RET with msg.ret (a TEE_Result), results in msg.args[]
 * and payload in data.  Unknown numbers get TEE_ERROR_NOT_SUPPORTED.
 */
enum ta_syscall {
	/* args[0] = trace level; data = the message (data_len bytes, no NUL). */
	TA_SYS_LOG = 1,
	/* args[0] = panic code.  Never answered: the OS kills the process and
	 * the session's callers see TEE_ERROR_TARGET_DEAD. */
	TA_SYS_PANIC = 2,
	/* args[0] = timeout in ms (0xffffffff: forever).  ret = TEE_SUCCESS,
	 * or TEE_ERROR_CANCEL if cancelled while unmasked. */
	TA_SYS_WAIT = 3,
	/* ret = TEE_SUCCESS; args[0] = 1 if the current operation has been
	 * cancelled and cancellation is unmasked, else 0. */
	TA_SYS_GET_CANCEL_FLAG = 4,
	/* args[0] = 1 to mask, 0 to unmask.  args[0] out = previous mask. */
	TA_SYS_SET_CANCEL_MASK = 5,
	/* REE time: args[0] = seconds, args[1] = milliseconds (out). */
	TA_SYS_GET_REE_TIME = 6,
	/* TA persistent time.  GET: args[0] = s, args[1] = ms (out); ret may be
	 * TEE_ERROR_TIME_NOT_SET / TIME_NEEDS_RESET.  SET: args in. */
	TA_SYS_GET_TA_TIME = 7,
	TA_SYS_SET_TA_TIME = 8,
	/*
	 * TEE property set, by index: args[0] = index (in).  Out: data =
	 * "name\0value\0", args[0] = property type (USER_TA_PROP_TYPE_*).
	 * ret = TEE_ERROR_ITEM_NOT_FOUND past the last one.
	 */
	TA_SYS_GET_TEE_PROP = 9,
	/*
	 * TA-to-TA.  OPEN: data = struct ta_sys_ta_call; out: args[0] =
	 * session handle, args[1] = return origin, data = updated
	 * ta_sys_ta_call (params).  INVOKE: same with args[0] = session
	 * in.  CLOSE: args[0] = session.  Memref payloads travel inside
	 * data after the struct (they are copies: TA-private memory is never
	 * shared with another TA).
	 */
	TA_SYS_OPEN_TA_SESSION = 10,
	TA_SYS_INVOKE_TA_COMMAND = 11,
	TA_SYS_CLOSE_TA_SESSION = 12,
	/*
	 * OP-TEE's tee_invoke_supp_plugin: args[0] = cmd, args[1] = sub_cmd,
	 * args[2] = the buffer's size; data = the plugin's 16 UUID octets
	 * (RFC order), then the buffer's bytes (data_len - 16 of them, at most
	 * args[2]).  Out: args[0] = the plugin's out_len; data = the buffer
	 * as the plugin left it (up to args[2] bytes).
	 */
	TA_SYS_SUPP_PLUGIN = 13,
	/*
	 * Persistent objects (GP Trusted Storage), kept by the trusted OS.
	 * Handles are the OS's, per instance.  A data position travels in
	 * args; data bytes travel in data.
	 *
	 * OPEN: args[0] = storage id, args[1] = GP flags; data = object id.
	 *   Out: args[0] = handle; data = struct ta_pobj_info + attr blob.
	 * CREATE: args[0] = storage id, args[1] = GP flags, args[2] = total
	 *   initial data bytes; data = struct ta_pobj_create, id, attr blob
	 *   (at most TA_CHAN_DATA_MAX - sizeof(struct ta_pobj_info) - 64
	 *   bytes, so that NEXT's answer fits with any id), then the
	 *   initial data (all of it, or the first part: the object
	 *   then stays invisible while WRITEs at the end append the rest, and
	 *   the one that completes args[2] bytes makes it exist).
	 *   Out: args[0] = handle.
	 * CLOSE, DELETE (close and delete): args[0] = handle.
	 * READ: args[0] = handle, args[1] = position, args[2] = bytes
	 *   wanted (at most TA_CHAN_DATA_MAX).  Out: data.
	 * WRITE: args[0] = handle, args[1] = position; data = the bytes.
	 * TRUNCATE: args[0] = handle, args[1] = new size.
	 * INFO: args[0] = handle.  Out: data = struct ta_pobj_info.
	 * RENAME: args[0] = handle; data = the new id.
	 * RESTRICT: args[0] = handle, args[1] = usage bits to keep (the
	 *   stored usage becomes its AND with them).
	 * NEXT (enumeration, in id order): args[0] = storage id, args[1] =
	 *   1 if data holds the previous id (0: start).  Out: data = struct
	 *   ta_pobj_info, the id (info.id_len bytes), the attr blob; or
	 *   TEE_ERROR_ITEM_NOT_FOUND after the last one.
	 */
	TA_SYS_POBJ_OPEN = 14,
	TA_SYS_POBJ_CREATE = 15,
	TA_SYS_POBJ_CLOSE = 16,
	TA_SYS_POBJ_READ = 17,
	TA_SYS_POBJ_WRITE = 18,
	TA_SYS_POBJ_TRUNCATE = 19,
	TA_SYS_POBJ_INFO = 20,
	TA_SYS_POBJ_DELETE = 21,
	TA_SYS_POBJ_RENAME = 22,
	TA_SYS_POBJ_NEXT = 23,
	TA_SYS_POBJ_RESTRICT = 24,
};

/* What the OS keeps of a persistent object besides its data. */
struct ta_pobj_info {
	uint32_t type;		/* TEE_TYPE_* */
	uint32_t object_size;	/* key size in bits */
	uint32_t max_object_size;
	uint32_t usage;		/* TEE_USAGE_* */
	uint32_t flags;		/* the GP flags it was opened with (OPEN),
				 * or 0 */
	uint32_t id_len;	/* NEXT: bytes of id that follow */
	uint32_t blob_len;	/* bytes of attribute blob that follow */
	uint32_t pad;
	uint64_t data_size;
};

/* CREATE's arguments; id_len bytes of id and blob_len of blob follow. */
struct ta_pobj_create {
	struct ta_pobj_info info;
};

/* GP parameter types, as TEE_PARAM_TYPE_* */
#define TA_PARAM_NONE		0
#define TA_PARAM_VALUE_INPUT	1
#define TA_PARAM_VALUE_OUTPUT	2
#define TA_PARAM_VALUE_INOUT	3
#define TA_PARAM_MEMREF_INPUT	5
#define TA_PARAM_MEMREF_OUTPUT	6
#define TA_PARAM_MEMREF_INOUT	7

/* A value (a, b) or a memref (map id, offset into the mapping, size).  A
 * NULL memref has map_id 0.  The TA writes back values and memref sizes. */
struct ta_chan_param {
	uint32_t a;
	uint32_t b;
	uint32_t map_id;
	uint32_t pad;
	uint64_t offset;
	uint64_t size;
};

/* Client identity (TEE_Identity): login and UUID, as GP defines them. */
struct ta_chan_identity {
	uint32_t login;
	uint8_t uuid[16];
};

struct ta_chan_msg {
	uint32_t kind;		/* enum ta_msg_kind */
	uint32_t func;		/* enum ta_entry or enum ta_syscall */
	uint32_t session;	/* the OS's session id (ENTRY) */
	uint32_t cmd;		/* INVOKE: command id */
	uint32_t param_types;	/* TEE_PARAM_TYPES packing */
	uint32_t ret;		/* DONE / SYSCALL_RET: TEE_Result */
	uint32_t n_new_maps;	/* ENTRY: ta_map_msgs queued on the socket */
	uint32_t n_unmaps;	/* ENTRY: ids in unmaps[] to drop first */
	uint32_t unmaps[TA_CHAN_MAX_UNMAPS];
	struct ta_chan_identity client;	/* OPEN_SESSION */
	struct ta_chan_param params[4];
	uint64_t args[6];	/* SYSCALL / SYSCALL_RET */
	uint32_t data_len;	/* bytes used in ta_chan.data */
	uint32_t pad;
};

struct ta_chan {
	/* Set by the OS before the TA starts; read-only afterwards. */
	uint32_t magic;
	uint32_t version;
	uint32_t pad0[14];
	/* Futex words, each on its own cache line. */
	uint32_t to_ta_seq;
	uint32_t pad1[15];
	uint32_t to_os_seq;
	uint32_t pad2[15];
	struct ta_chan_msg msg;
	uint8_t data[TA_CHAN_DATA_MAX] __attribute__((aligned(64)));
};

_Static_assert(sizeof(struct ta_chan) <= TA_CHAN_SIZE, "ta_chan fits");

/* On the socket, OS -> TA: "map_id now names this memfd" (fd attached). */
struct ta_map_msg {
	uint32_t map_id;	/* >= 1 */
	uint32_t writable;	/* map PROT_READ|PROT_WRITE, else PROT_READ */
	uint64_t size;		/* bytes of the memfd to map */
};

/* TA-to-TA call arguments (in ta_chan.data), followed by the memref bytes
 * of every non-NULL memref param in order (each padded to 8 bytes). */
struct ta_sys_ta_call {
	uint8_t uuid[16];	/* OPEN: target TA */
	uint32_t timeout_ms;	/* 0xffffffff: none */
	uint32_t cmd;		/* INVOKE */
	uint32_t param_types;
	/* bit n: memref n has a NULL buffer (GP's size query): no bytes
	 * travel, and the callee sees NULL with that size */
	uint32_t null_mask;
	struct {
		uint32_t a;
		uint32_t b;
		uint64_t size;	/* memref: bytes (in), updated size (out) */
	} params[4];
};

#endif /* VTEE_TA_CHANNEL_H */
