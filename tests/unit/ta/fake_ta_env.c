// SPDX-License-Identifier: BSD-2-Clause
#include "fake_ta_env.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "object.h"
#include "storage.h"

jmp_buf fake_panic_jump;
bool fake_panic_expected;
TEE_Result fake_last_panic;
unsigned int fake_pobj_closed, fake_pobj_synced, fake_pobj_restricted;

void TEE_Panic(TEE_Result panicCode)
{
	if (!fake_panic_expected)
		fail_msg("unexpected TEE_Panic(0x%08x)", panicCode);
	fake_last_panic = panicCode;
	fake_panic_expected = false;
	longjmp(fake_panic_jump, 1);
}

void ta_pobj_close(struct ta_object *o)
{
	fake_pobj_closed++;
	o->os_handle = 0;
}

void ta_pobj_sync_info(struct ta_object *o)
{
	fake_pobj_synced++;
	o->info.dataSize = FAKE_POBJ_DATA_SIZE;
}

TEE_Result ta_pobj_restrict(struct ta_object *o, uint32_t usage)
{
	(void)o;
	(void)usage;
	fake_pobj_restricted++;
	return TEE_SUCCESS;
}
