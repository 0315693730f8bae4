/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RPC commands the secure world sends to the normal world inside an
 * OPTEE_SMC_RPC_FUNC_CMD (optee_msg_arg.cmd).  The REE kernel's OP-TEE
 * driver serves some itself (GET_TIME, NOTIFICATION, SUSPEND, KERNEL shm)
 * and forwards the rest to the supplicant as TEE_IOC_SUPPL_RECV requests
 * with func = the command number below.  Parameter indices do not count
 * the supplicant's META parameter.
 */
#ifndef VTEE_OPTEE_RPC_CMD_H
#define VTEE_OPTEE_RPC_CMD_H

/*
 * Load a TA.  p0 VALUE_INPUT: a, b = the 16 UUID octets (memory order).
 * p1 MEMREF_OUTPUT: the image.  A NULL or too small p1 is a size query:
 * SUCCESS (NULL) or SHORT_BUFFER with the size in p1's size.  A missing
 * file is TEE_ERROR_ITEM_NOT_FOUND.
 */
#define OPTEE_RPC_CMD_LOAD_TA		0
#define OPTEE_RPC_CMD_RPMB		1	/* legacy RPMB frames */
/*
 * The REE file system.  p0 VALUE_INPUT: a = one of the sub-commands below,
 * b and c as it says; names are NUL-terminated in a MEMREF_INPUT, relative
 * to the supplicant's data directory.  fd and dir are numbers the
 * supplicant handed out.
 *   OPEN, CREATE  p1 name; p2 VALUE_OUTPUT a = fd
 *   CLOSE         p0.b = fd
 *   READ          p0.b = fd, p0.c = offset; p1 MEMREF_OUTPUT (size: read)
 *   WRITE         p0.b = fd, p0.c = offset; p1 MEMREF_INPUT
 *   TRUNCATE      p0.b = fd, p0.c = length
 *   REMOVE        p1 name
 *   RENAME        p0.b = overwrite; p1 old name, p2 new name
 *   OPENDIR       p1 name; p2 VALUE_OUTPUT a = dir
 *   CLOSEDIR      p0.b = dir
 *   READDIR       p0.b = dir; p1 MEMREF_OUTPUT (size: strlen + 1)
 */
#define OPTEE_RPC_CMD_FS		2
#define OPTEE_RPC_FS_OPEN		0
#define OPTEE_RPC_FS_CREATE		1
#define OPTEE_RPC_FS_CLOSE		2
#define OPTEE_RPC_FS_READ		3
#define OPTEE_RPC_FS_WRITE		4
#define OPTEE_RPC_FS_TRUNCATE		5
#define OPTEE_RPC_FS_REMOVE		6
#define OPTEE_RPC_FS_RENAME		7
#define OPTEE_RPC_FS_OPENDIR		8
#define OPTEE_RPC_FS_CLOSEDIR		9
#define OPTEE_RPC_FS_READDIR		10
/* p0 VALUE_OUTPUT: a = seconds, b = nanoseconds of REE wall-clock time. */
#define OPTEE_RPC_CMD_GET_TIME		3
/* p0 VALUE_INPUT: a = WAIT/SEND, b = key, c = timeout ms (0: none). */
#define OPTEE_RPC_CMD_NOTIFICATION	4
#define OPTEE_RPC_NOTIFICATION_WAIT	0
#define OPTEE_RPC_NOTIFICATION_SEND	1
/* p0 VALUE_INPUT: a = milliseconds to sleep. */
#define OPTEE_RPC_CMD_SUSPEND		5
/*
 * Allocate shared memory.  p0 VALUE_INPUT: a = type, b = size, c = align.
 * Out (to the secure world): p0 TMEM_OUTPUT with the buffer.  To the
 * supplicant (type APPL): p0 VALUE_INOUT, out c = the shm id it allocated
 * in its own context.
 */
#define OPTEE_RPC_CMD_SHM_ALLOC		6
/* p0 VALUE_INPUT: a = type, b = cookie (to the supplicant: its shm id). */
#define OPTEE_RPC_CMD_SHM_FREE		7
#define OPTEE_RPC_CMD_GPROF		9
#define OPTEE_RPC_CMD_SOCKET		10
#define OPTEE_RPC_CMD_FTRACE		11
#define OPTEE_RPC_CMD_SUPP_PLUGIN	12
#define OPTEE_RPC_CMD_BENCH_REG		20
#define OPTEE_RPC_CMD_I2C_TRANSFER	21
#define OPTEE_RPC_CMD_RPMB_PROBE_RESET	22
#define OPTEE_RPC_CMD_RPMB_PROBE_NEXT	23
#define OPTEE_RPC_CMD_RPMB_FRAMES	24

/* Shared-memory types of SHM_ALLOC / SHM_FREE */
#define OPTEE_RPC_SHM_TYPE_APPL		0	/* from the supplicant */
#define OPTEE_RPC_SHM_TYPE_KERNEL	1	/* from the REE kernel */

#endif /* VTEE_OPTEE_RPC_CMD_H */
