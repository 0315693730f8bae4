/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The SMC calling convention between the REE kernel's OP-TEE driver and the
 * secure world.  The only way into the secure world is
 *
 *     void smc(struct smc_regs *regs);
 *
 * with a0 = function id and a1..a7 arguments; on return a0 is the result
 * and a1..a7 are outputs.  Ids are OP-TEE's SMC32 ids: fast calls run to
 * completion, yielding calls run on a secure thread and may come back as
 * an RPC (a0 = OPTEE_SMC_RETURN_RPC_*) that the driver answers with
 * OPTEE_SMC_CALL_RETURN_FROM_RPC, keeping a3..a7 as they were (a3 names
 * the suspended secure thread).
 */
#ifndef VTEE_OPTEE_SMC_H
#define VTEE_OPTEE_SMC_H

#include <stdint.h>

struct smc_regs {
	uint64_t a0, a1, a2, a3, a4, a5, a6, a7;
};

/* Fast calls (owner: trusted OS end / trusted OS) */
#define OPTEE_SMC_CALLS_UID			0xBF00FF01u	/* a0..a3 = UID */
#define OPTEE_SMC_CALLS_REVISION		0xBF00FF03u	/* a0 = major, a1 = minor */
#define OPTEE_SMC_CALL_GET_OS_UUID		0xB2000000u	/* a0..a3 = UUID */
#define OPTEE_SMC_CALL_GET_OS_REVISION		0xB2000001u	/* a0 major, a1 minor, a2 build id */
#define OPTEE_SMC_GET_SHM_CONFIG		0xB2000007u
#define OPTEE_SMC_EXCHANGE_CAPABILITIES		0xB2000009u
#define OPTEE_SMC_DISABLE_SHM_CACHE		0xB200000Au
#define OPTEE_SMC_ENABLE_SHM_CACHE		0xB200000Bu
#define OPTEE_SMC_GET_THREAD_COUNT		0xB200000Fu	/* a1 = count */

/* Yielding calls */
#define OPTEE_SMC_CALL_RETURN_FROM_RPC		0x32000003u
#define OPTEE_SMC_CALL_WITH_ARG			0x32000004u	/* a1:a2 = PA of arg */
#define OPTEE_SMC_CALL_WITH_RPC_ARG		0x32000012u
#define OPTEE_SMC_CALL_WITH_REGD_ARG		0x32000013u

/* Results in a0 */
#define OPTEE_SMC_RETURN_OK			0x0u
#define OPTEE_SMC_RETURN_ETHREAD_LIMIT		0x1u
#define OPTEE_SMC_RETURN_EBUSY			0x2u
#define OPTEE_SMC_RETURN_ERESUME		0x3u
#define OPTEE_SMC_RETURN_EBADADDR		0x4u
#define OPTEE_SMC_RETURN_EBADCMD		0x5u
#define OPTEE_SMC_RETURN_ENOMEM			0x6u
#define OPTEE_SMC_RETURN_ENOTAVAIL		0x7u
#define OPTEE_SMC_RETURN_UNKNOWN_FUNCTION	0xFFFFFFFFu

/* RPC returns: 0xFFFF0000 | function */
#define OPTEE_SMC_RETURN_RPC_PREFIX		0xFFFF0000u
#define OPTEE_SMC_RETURN_IS_RPC(a0) \
	(((a0) & 0xFFFF0000u) == OPTEE_SMC_RETURN_RPC_PREFIX && \
	 (a0) != OPTEE_SMC_RETURN_UNKNOWN_FUNCTION)
#define OPTEE_SMC_RPC_FUNC(a0)			((a0) & 0xFFFFu)
/* a1 = size; answer a1:a2 = PA (0 on failure), a4:a5 = cookie */
#define OPTEE_SMC_RPC_FUNC_ALLOC		0
/* a1:a2 = cookie to free */
#define OPTEE_SMC_RPC_FUNC_FREE			2
/* nothing to do: a normal-world interrupt was pending */
#define OPTEE_SMC_RPC_FUNC_FOREIGN_INTR		4
/* a1:a2 = cookie of the shm holding an optee_msg_arg with the command */
#define OPTEE_SMC_RPC_FUNC_CMD			5
#define OPTEE_SMC_RETURN_RPC_ALLOC \
	(OPTEE_SMC_RETURN_RPC_PREFIX | OPTEE_SMC_RPC_FUNC_ALLOC)
#define OPTEE_SMC_RETURN_RPC_FREE \
	(OPTEE_SMC_RETURN_RPC_PREFIX | OPTEE_SMC_RPC_FUNC_FREE)
#define OPTEE_SMC_RETURN_RPC_FOREIGN_INTR \
	(OPTEE_SMC_RETURN_RPC_PREFIX | OPTEE_SMC_RPC_FUNC_FOREIGN_INTR)
#define OPTEE_SMC_RETURN_RPC_CMD \
	(OPTEE_SMC_RETURN_RPC_PREFIX | OPTEE_SMC_RPC_FUNC_CMD)

/* Normal-world capabilities (EXCHANGE_CAPABILITIES a1 in) */
#define OPTEE_SMC_NSEC_CAP_UNIPROCESSOR		(1u << 0)
/* Secure-world capabilities (EXCHANGE_CAPABILITIES a1 out) */
#define OPTEE_SMC_SEC_CAP_HAVE_RESERVED_SHM	(1u << 0)
#define OPTEE_SMC_SEC_CAP_UNREGISTERED_SHM	(1u << 1)
#define OPTEE_SMC_SEC_CAP_DYNAMIC_SHM		(1u << 2)
#define OPTEE_SMC_SEC_CAP_VIRTUALIZATION	(1u << 3)
#define OPTEE_SMC_SEC_CAP_MEMREF_NULL		(1u << 4)
#define OPTEE_SMC_SEC_CAP_ASYNC_NOTIF		(1u << 5)
#define OPTEE_SMC_SEC_CAP_RPC_ARG		(1u << 6)
#define OPTEE_SMC_SEC_CAP_RPMB_PROBE		(1u << 7)
#define OPTEE_SMC_SEC_CAP_PROTMEM		(1u << 8)
#define OPTEE_SMC_SEC_CAP_DYNAMIC_PROTMEM	(1u << 9)

#define OPTEE_SMC_SHM_CACHED			1

/* The UIDs, as four 32-bit words a0..a3 */
#define OPTEE_MSG_UID_0	0x384fb3e0u	/* 384fb3e0-e7f8-11e3-af63-0002a5d5c51b */
#define OPTEE_MSG_UID_1	0xe7f811e3u
#define OPTEE_MSG_UID_2	0xaf630002u
#define OPTEE_MSG_UID_3	0xa5d5c51bu
#define OPTEE_MSG_OS_OPTEE_UUID_0 0x486178e0u	/* 486178e0-e7f8-11e3-bc5e-0002a5d5c51b */
#define OPTEE_MSG_OS_OPTEE_UUID_1 0xe7f811e3u
#define OPTEE_MSG_OS_OPTEE_UUID_2 0xbc5e0002u
#define OPTEE_MSG_OS_OPTEE_UUID_3 0xa5d5c51bu

#define OPTEE_MSG_REVISION_MAJOR	2
#define OPTEE_MSG_REVISION_MINOR	0

/* Join / split a 64-bit value carried in two 32-bit registers (hi, lo). */
static inline uint64_t reg_pair_to_64(uint64_t hi, uint64_t lo)
{
	return ((hi & 0xffffffffu) << 32) | (lo & 0xffffffffu);
}

static inline void reg_pair_from_64(uint64_t v, uint64_t *hi, uint64_t *lo)
{
	*hi = v >> 32;
	*lo = v & 0xffffffffu;
}

#endif /* VTEE_OPTEE_SMC_H */
