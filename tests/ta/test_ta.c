// SPDX-License-Identifier: BSD-2-Clause
/*
 * The test TAs: every command of vtee_test_ta.h, doing exactly what the
 * header says, so that client-side tests can check the trusted OS's
 * handling of parameters, failures, instances and sessions.
 */
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <unistd.h>

#include <vtee_test_ta.h>

#define PT(t0, t1, t2, t3) \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##t0, TEE_PARAM_TYPE_##t1, \
			TEE_PARAM_TYPE_##t2, TEE_PARAM_TYPE_##t3)

/* Open sessions of this instance, and TEST_CMD_INSTANCE_COUNTER's count */
static uint32_t session_count;
static uint32_t counter;

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types, TEE_Param params[4],
				    void **sess_ctx)
{
	uint32_t t0 = TEE_PARAM_TYPE_GET(param_types, 0);

	if (t0 == TEE_PARAM_TYPE_VALUE_INPUT &&
	    params[0].value.a == TEST_OPEN_FAIL)
		return TEE_ERROR_ACCESS_DENIED;
	if (t0 == TEE_PARAM_TYPE_VALUE_OUTPUT)
		params[0].value.a = 0x5e55;
	*sess_ctx = NULL;
	session_count++;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx __unused)
{
	session_count--;
}

static TEE_Result value_inc(uint32_t pt, TEE_Param p[4])
{
	if (pt != PT(VALUE_INOUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].value.a += 1;
	p[0].value.b += 2;
	return TEE_SUCCESS;
}

static TEE_Result memref_inc(uint32_t pt, TEE_Param p[4])
{
	uint8_t *buf = p[0].memref.buffer;

	if (pt != PT(MEMREF_INOUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t i = 0; i < p[0].memref.size; i++)
		buf[i]++;
	return TEE_SUCCESS;
}

static TEE_Result memref_copy(uint32_t pt, TEE_Param p[4])
{
	size_t need = p[0].memref.size;

	if (pt != PT(MEMREF_INPUT, MEMREF_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (p[1].memref.size < need) {
		p[1].memref.size = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	TEE_MemMove(p[1].memref.buffer, p[0].memref.buffer, need);
	p[1].memref.size = need;
	return TEE_SUCCESS;
}

static uint32_t input_sum(uint32_t pt, const TEE_Param *p, unsigned int n)
{
	const uint8_t *bytes = p->memref.buffer;
	uint32_t sum = 0;

	switch (TEE_PARAM_TYPE_GET(pt, n)) {
	case TEE_PARAM_TYPE_VALUE_INPUT:
	case TEE_PARAM_TYPE_VALUE_INOUT:
		return p->value.a;
	case TEE_PARAM_TYPE_MEMREF_INPUT:
	case TEE_PARAM_TYPE_MEMREF_INOUT:
		for (size_t i = 0; bytes && i < p->memref.size; i++)
			sum += bytes[i];
		return sum;
	default:
		return 0;
	}
}

static TEE_Result param_types(uint32_t pt, TEE_Param p[4])
{
	uint32_t sum = 0;

	if (TEE_PARAM_TYPE_GET(pt, 3) != TEE_PARAM_TYPE_VALUE_OUTPUT)
		return TEE_ERROR_BAD_PARAMETERS;
	for (unsigned int n = 0; n < 3; n++)
		sum += input_sum(pt, &p[n], n);
	p[3].value.a = pt;
	p[3].value.b = sum;
	return TEE_SUCCESS;
}

/* A store the compiler cannot prove is to NULL; and not the sanitizer's
 * to report: the point is the hardware fault. */
__attribute__((no_sanitize("undefined")))
static void write_null(void)
{
	volatile uintptr_t zero = 0;

	*(volatile int *)zero = 1;
}

static TEE_Result wait_cmd(uint32_t pt, TEE_Param p[4])
{
	if (pt != PT(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	/* entry points start masked: b = 1 lets the client cancel the wait */
	if (p[0].value.b == 1)
		TEE_UnmaskCancellation();
	return TEE_Wait(p[0].value.a);
}

static TEE_Result spin_until_cancel(void)
{
	TEE_UnmaskCancellation();
	while (!TEE_GetCancellationFlag())
		TEE_Wait(10);
	return TEE_ERROR_CANCEL;
}

/* Forwards p0 and p1 to a TEST_TA_MULTI_UUID instance. */
static TEE_Result ta2ta(uint32_t pt, TEE_Param p[4])
{
	const TEE_UUID uuid = TEST_TA_MULTI_UUID;
	TEE_TASessionHandle sess;
	TEE_Param fwd[4] = { 0 };
	uint32_t origin;
	TEE_Result res;

	if (pt != PT(VALUE_INOUT, MEMREF_INOUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_OpenTASession(&uuid, TEE_TIMEOUT_INFINITE, 0, NULL, &sess,
				&origin);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_InvokeTACommand(sess, TEE_TIMEOUT_INFINITE,
				  TEST_CMD_VALUE_INC,
				  PT(VALUE_INOUT, NONE, NONE, NONE), p, &origin);
	fwd[0] = p[1];
	if (res == TEE_SUCCESS)
		res = TEE_InvokeTACommand(sess, TEE_TIMEOUT_INFINITE,
					  TEST_CMD_MEMREF_INC,
					  PT(MEMREF_INOUT, NONE, NONE, NONE),
					  fwd, &origin);
	p[1] = fwd[0];
	TEE_CloseTASession(sess);
	return res;
}

static TEE_Result ta2ta_size_query(uint32_t pt, TEE_Param p[4])
{
	const TEE_UUID uuid = TEST_TA_MULTI_UUID;
	TEE_TASessionHandle sess;
	TEE_Param q[4] = { 0 };
	uint32_t origin;
	TEE_Result res;

	if (pt != PT(VALUE_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_OpenTASession(&uuid, TEE_TIMEOUT_INFINITE, 0, NULL, &sess,
				&origin);
	if (res != TEE_SUCCESS)
		return res;
	p[0].value.a = TEE_InvokeTACommand(sess, TEE_TIMEOUT_INFINITE,
					   TEST_CMD_TA_DESCRIPTION,
					   PT(MEMREF_OUTPUT, NONE, NONE, NONE),
					   q, &origin);
	p[0].value.b = (uint32_t)q[0].memref.size;
	TEE_CloseTASession(sess);
	return TEE_SUCCESS;
}

static TEE_Result ta2ta_wait(uint32_t pt, TEE_Param p[4])
{
	const TEE_UUID uuid = TEST_TA_MULTI_UUID;
	TEE_TASessionHandle sess;
	TEE_Param q[4] = { 0 };
	uint32_t origin;
	TEE_Result res;

	if (pt != PT(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	TEE_UnmaskCancellation();
	res = TEE_OpenTASession(&uuid, TEE_TIMEOUT_INFINITE, 0, NULL, &sess,
				&origin);
	if (res != TEE_SUCCESS)
		return res;
	q[0].value.a = p[0].value.a;
	q[0].value.b = 1;
	res = TEE_InvokeTACommand(sess, p[0].value.b, TEST_CMD_WAIT,
				  PT(VALUE_INPUT, NONE, NONE, NONE), q,
				  &origin);
	TEE_CloseTASession(sess);
	return res;
}

static TEE_Result supp_plugin(uint32_t pt, TEE_Param p[4])
{
	TEE_UUID uuid = TEST_PLUGIN_UUID;
	size_t outlen = 0;

	if (pt != PT(VALUE_INPUT, MEMREF_INOUT, VALUE_OUTPUT, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (p[0].value.b == TEST_PLUGIN_SUB_UNKNOWN)
		uuid.clockSeqAndNode[7] ^= 0xff;
	p[2].value.a = tee_invoke_supp_plugin(&uuid, p[0].value.a,
					      p[0].value.b,
					      p[1].memref.buffer,
					      p[1].memref.size, &outlen);
	p[2].value.b = (uint32_t)outlen;
	return TEE_SUCCESS;
}

static TEE_Result time_cmd(uint32_t pt, TEE_Param p[4])
{
	TEE_Time ree, sys;

	if (pt != PT(VALUE_OUTPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	TEE_GetREETime(&ree);
	TEE_GetSystemTime(&sys);
	p[0].value.a = ree.seconds;
	p[0].value.b = ree.millis;
	p[1].value.a = sys.seconds;
	p[1].value.b = sys.millis;
	return TEE_SUCCESS;
}

static TEE_Result ta_description(uint32_t pt, TEE_Param p[4])
{
	if (pt != PT(MEMREF_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	return TEE_GetPropertyAsString(TEE_PROPSET_CURRENT_TA,
				       "gpd.ta.description",
				       p[0].memref.buffer, &p[0].memref.size);
}

static void uuid_to_octets(uint8_t o[16], const TEE_UUID *u)
{
	for (int i = 0; i < 4; i++)
		o[i] = (uint8_t)(u->timeLow >> (24 - 8 * i));
	o[4] = (uint8_t)(u->timeMid >> 8);
	o[5] = (uint8_t)u->timeMid;
	o[6] = (uint8_t)(u->timeHiAndVersion >> 8);
	o[7] = (uint8_t)u->timeHiAndVersion;
	memcpy(o + 8, u->clockSeqAndNode, 8);
}

static TEE_Result client_identity(uint32_t pt, TEE_Param p[4])
{
	uint8_t *out = p[0].memref.buffer;
	TEE_Identity id;
	TEE_Result res;

	if (pt != PT(MEMREF_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (p[0].memref.size < 20) {
		p[0].memref.size = 20;
		return TEE_ERROR_SHORT_BUFFER;
	}
	res = TEE_GetPropertyAsIdentity(TEE_PROPSET_CURRENT_CLIENT,
					"gpd.client.identity", &id);
	if (res != TEE_SUCCESS)
		return res;
	memcpy(out, &id.login, 4);
	uuid_to_octets(out + 4, &id.uuid);
	p[0].memref.size = 20;
	return TEE_SUCCESS;
}

static TEE_Result instance_counter(uint32_t pt, TEE_Param p[4])
{
	if (pt != PT(VALUE_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].value.a = ++counter;
	p[0].value.b = (uint32_t)getpid();
	return TEE_SUCCESS;
}

/* Each memory function once; the number of the first check that fails */
static uint32_t memory_checks(void)
{
	static const uint8_t pattern[4] = { 1, 2, 3, 4 };
	uint8_t *p = TEE_Malloc(16, TEE_MALLOC_FILL_ZERO);
	uint8_t *q;

	if (!p || p[0] || p[15])
		return 1;
	if (!TEE_Malloc(0, TEE_MALLOC_FILL_ZERO))
		return 2;
	TEE_MemFill(p, 0xab, 16);
	if (p[0] != 0xab || p[15] != 0xab)
		return 3;
	TEE_MemMove(p, pattern, sizeof(pattern));
	TEE_MemMove(p + 1, p, 3);	/* overlapping */
	if (p[0] != 1 || p[1] != 1 || p[2] != 2 || p[3] != 3)
		return 4;
	if (TEE_MemCompare(p, pattern, 1) != 0 ||
	    TEE_MemCompare(p, pattern, 2) >= 0 ||
	    TEE_MemCompare(pattern, p, 2) <= 0)
		return 5;
	q = TEE_Realloc(p, 4096);
	if (!q || q[0] != 1 || q[3] != 3)
		return 6;
	TEE_SetInstanceData(q);
	if (TEE_GetInstanceData() != q)
		return 7;
	TEE_SetInstanceData(NULL);
	TEE_Free(q);
	TEE_Free(NULL);
	return 0;
}

static TEE_Result memory(uint32_t pt, TEE_Param p[4])
{
	if (pt != PT(VALUE_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].value.a = memory_checks();
	return TEE_SUCCESS;
}

static uint32_t map_checks(void)
{
	uint8_t *p = tee_map_zi(8192, 0), *q;

	if (!p || p[0] || p[8191])
		return 1;
	p[100] = 7;
	if (TEE_CacheClean((char *)p, 8192) || TEE_CacheFlush((char *)p, 8192) ||
	    TEE_CacheInvalidate((char *)p, 8192))
		return 2;
	if (tee_map_zi(4096, 0x100) || tee_map_zi(0, 0))
		return 3;
	if (tee_map_zi_va((uintptr_t)p, 4096, 0))	/* taken */
		return 4;
	if (tee_unmap(p, 8192))
		return 5;
	q = tee_map_zi_va((uintptr_t)p, 4096, TEE_MEMORY_ACCESS_ANY_OWNER);
	if (q != p || q[0] || tee_unmap(q, 4096))
		return 6;
	return 0;
}

static uint32_t heap_checks(void)
{
	void *leak;
	size_t grown;

	tee_user_mem_mark_heap();
	leak = TEE_Malloc(1000, 0);
	grown = tee_user_mem_check_heap();
	TEE_Free(leak);
	return leak && grown >= 1000 ? 0 : 7;
}

static TEE_Result mem_extensions(uint32_t pt, TEE_Param p[4])
{
	uint32_t step;

	if (pt != PT(MEMREF_INOUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	step = map_checks();
	if (!step && TEE_CacheFlush(p[0].memref.buffer, p[0].memref.size))
		step = 8;
	if (!step)
		step = heap_checks();
	p[1].value.a = step;
	return TEE_SUCCESS;
}

static bool access_ok(uint32_t flags, void *buf, size_t size)
{
	return TEE_CheckMemoryAccessRights(flags, buf, size) == TEE_SUCCESS;
}

static TEE_Result check_access(uint32_t pt, TEE_Param p[4])
{
	const uint32_t rw = TEE_MEMORY_ACCESS_READ | TEE_MEMORY_ACCESS_WRITE;
	const uint32_t any = TEE_MEMORY_ACCESS_ANY_OWNER;
	void *priv = TEE_Malloc(64, TEE_MALLOC_FILL_ZERO);
	bool ok;

	if (pt != PT(MEMREF_INOUT, NONE, NONE, NONE) || !p[0].memref.size)
		return TEE_ERROR_BAD_PARAMETERS;
	ok = access_ok(any | rw, p[0].memref.buffer, p[0].memref.size) &&
	     !access_ok(rw, p[0].memref.buffer, p[0].memref.size) &&
	     access_ok(rw, priv, 64) && access_ok(any | rw, priv, 64);
	TEE_Free(priv);
	return ok ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}

static TEE_Result random_cmd(uint32_t pt, TEE_Param p[4])
{
	if (pt != PT(MEMREF_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	TEE_GenerateRandom(p[0].memref.buffer, p[0].memref.size);
	return TEE_SUCCESS;
}

static TEE_Result sessions(uint32_t pt, TEE_Param p[4])
{
	if (pt != PT(VALUE_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].value.a = session_count;
	return TEE_SUCCESS;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t pt, TEE_Param p[4])
{
	switch (cmd) {
	case TEST_CMD_NOP:
		return TEE_SUCCESS;
	case TEST_CMD_VALUE_INC:
		return value_inc(pt, p);
	case TEST_CMD_MEMREF_INC:
		return memref_inc(pt, p);
	case TEST_CMD_MEMREF_COPY:
		return memref_copy(pt, p);
	case TEST_CMD_PARAM_TYPES:
		return param_types(pt, p);
	case TEST_CMD_PANIC:
		TEE_Panic(TEST_PANIC_CODE);
	case TEST_CMD_SEGV:
		write_null();
		return TEE_ERROR_GENERIC;
	case TEST_CMD_EXIT:
		exit(3);
	case TEST_CMD_WAIT:
		return wait_cmd(pt, p);
	case TEST_CMD_SPIN_UNTIL_CANCEL:
		return spin_until_cancel();
	case TEST_CMD_TA2TA:
		return ta2ta(pt, p);
	case TEST_CMD_TA2TA_SIZE_QUERY:
		return ta2ta_size_query(pt, p);
	case TEST_CMD_TA2TA_WAIT:
		return ta2ta_wait(pt, p);
	case TEST_CMD_SUPP_PLUGIN:
		return supp_plugin(pt, p);
	case TEST_CMD_TIME:
		return time_cmd(pt, p);
	case TEST_CMD_TA_DESCRIPTION:
		return ta_description(pt, p);
	case TEST_CMD_CLIENT_IDENTITY:
		return client_identity(pt, p);
	case TEST_CMD_INSTANCE_COUNTER:
		return instance_counter(pt, p);
	case TEST_CMD_MEMORY:
		return memory(pt, p);
	case TEST_CMD_CHECK_ACCESS:
		return check_access(pt, p);
	case TEST_CMD_RANDOM:
		return random_cmd(pt, p);
	case TEST_CMD_SESSION_COUNT:
		return sessions(pt, p);
	case TEST_CMD_MEM_EXTENSIONS:
		return mem_extensions(pt, p);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
