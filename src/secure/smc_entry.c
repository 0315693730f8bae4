// SPDX-License-Identifier: BSD-2-Clause
/*
 * The secure world's SMC entry: fast calls answered at once, yielding
 * calls run on a secure thread.
 */
#include "sw_private.h"
#include "vtee/optee_msg.h"

/* The trusted OS's version, as GET_OS_REVISION reports it. */
#define SW_OS_MAJOR	0
#define SW_OS_MINOR	1

static const uint32_t sw_sec_caps =
	OPTEE_SMC_SEC_CAP_DYNAMIC_SHM | OPTEE_SMC_SEC_CAP_MEMREF_NULL;

static void set4(struct smc_regs *r, uint64_t a0, uint64_t a1, uint64_t a2,
		 uint64_t a3)
{
	*r = (struct smc_regs){ .a0 = a0, .a1 = a1, .a2 = a2, .a3 = a3 };
}

static bool fast_call(struct secure_world *sw, struct smc_regs *r)
{
	switch ((uint32_t)r->a0) {
	case OPTEE_SMC_CALLS_UID:
		set4(r, OPTEE_MSG_UID_0, OPTEE_MSG_UID_1, OPTEE_MSG_UID_2,
		     OPTEE_MSG_UID_3);
		return true;
	case OPTEE_SMC_CALLS_REVISION:
		set4(r, OPTEE_MSG_REVISION_MAJOR, OPTEE_MSG_REVISION_MINOR, 0,
		     0);
		return true;
	case OPTEE_SMC_CALL_GET_OS_UUID:
		set4(r, OPTEE_MSG_OS_OPTEE_UUID_0, OPTEE_MSG_OS_OPTEE_UUID_1,
		     OPTEE_MSG_OS_OPTEE_UUID_2, OPTEE_MSG_OS_OPTEE_UUID_3);
		return true;
	case OPTEE_SMC_CALL_GET_OS_REVISION:
		set4(r, SW_OS_MAJOR, SW_OS_MINOR, 0, 0);
		return true;
	case OPTEE_SMC_EXCHANGE_CAPABILITIES:
		/* a3 = 0: no preallocated RPC args, the driver uses WITH_ARG */
		set4(r, OPTEE_SMC_RETURN_OK, sw_sec_caps, 0, 0);
		return true;
	case OPTEE_SMC_GET_THREAD_COUNT:
		set4(r, OPTEE_SMC_RETURN_OK, sw->nthreads, 0, 0);
		return true;
	case OPTEE_SMC_GET_SHM_CONFIG:
		/* no static carveout: every shm is dynamic */
		set4(r, OPTEE_SMC_RETURN_ENOTAVAIL, 0, 0, 0);
		return true;
	case OPTEE_SMC_DISABLE_SHM_CACHE: {
		uint64_t cookie = 0, hi, lo;
		uint32_t res = sw_threads_uncache_one(sw, &cookie);

		reg_pair_from_64(cookie, &hi, &lo);
		set4(r, res, hi, lo, 0);
		return true;
	}
	case OPTEE_SMC_ENABLE_SHM_CACHE:
		sw_threads_enable_cache(sw);
		set4(r, OPTEE_SMC_RETURN_OK, 0, 0, 0);
		return true;
	default:
		return false;
	}
}

void sw_smc(void *cookie, struct smc_regs *regs)
{
	struct secure_world *sw = cookie;

	if (fast_call(sw, regs))
		return;
	switch ((uint32_t)regs->a0) {
	case OPTEE_SMC_CALL_WITH_ARG:
		sw_thread_std_call(sw, regs);
		break;
	case OPTEE_SMC_CALL_RETURN_FROM_RPC:
		sw_thread_resume(sw, regs);
		break;
	default:
		/* WITH_RPC_ARG / WITH_REGD_ARG need SEC_CAP_RPC_ARG: not offered */
		*regs = (struct smc_regs){
			.a0 = OPTEE_SMC_RETURN_UNKNOWN_FUNCTION };
		break;
	}
}
