/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the in-process object tests put in place of a TA's surroundings:
 * TEE_Panic that returns to the test (assert_panics), and the trusted
 * OS's persistent-object hooks (storage.h), which only count calls.
 */
#ifndef VTEE_FAKE_TA_ENV_H
#define VTEE_FAKE_TA_ENV_H

#include <setjmp.h>
#include <stdbool.h>
#include <tee_internal_api.h>

extern jmp_buf fake_panic_jump;
extern bool fake_panic_expected;
extern TEE_Result fake_last_panic;

/* Runs `call`, which must end in TEE_Panic. */
#define assert_panics(call)						\
	do {								\
		fake_panic_expected = true;				\
		if (!setjmp(fake_panic_jump)) {				\
			call;						\
			fake_panic_expected = false;			\
			fail_msg("no panic: %s", #call);		\
		}							\
	} while (0)

/* Calls of the storage hooks, and the data size sync_info reports. */
extern unsigned int fake_pobj_closed, fake_pobj_synced, fake_pobj_restricted;
#define FAKE_POBJ_DATA_SIZE 1234

#endif /* VTEE_FAKE_TA_ENV_H */
