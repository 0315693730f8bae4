// SPDX-License-Identifier: BSD-2-Clause
/*
 * Every TEEC function and parameter kind against the test TA: contexts,
 * sessions, values, temporary, whole and partial memory references on
 * allocated and registered memory, short buffers and NULL references.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "teec_it.h"

/* GP's TEE_PARAM_TYPE_* as the TA sees the client's types */
#define TA_VALUE_INPUT		1
#define TA_VALUE_OUTPUT		2
#define TA_MEMREF_INPUT		5
#define TA_MEMREF_OUTPUT	6
#define TA_MEMREF_INOUT		7

struct fixture {
	TEEC_Context ctx;
	TEEC_Session sess;
};

static int setup(void **state)
{
	static struct fixture f;

	it_open(&f.ctx, &f.sess, &it_ta_uuid);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	it_close(&f->ctx, &f->sess);
	return 0;
}

static void test_contexts(void **state)
{
	TEEC_Context a, b;
	TEEC_Session s;
	TEEC_Operation op = it_op(TEEC_VALUE_INOUT, TEEC_NONE, TEEC_NONE,
				  TEEC_NONE);

	(void)state;
	assert_int_equal(TEEC_InitializeContext(NULL, NULL),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(TEEC_InitializeContext("no-such-tee", &a),
			 TEEC_ERROR_ITEM_NOT_FOUND);
	/* vteed is an OP-TEE with TrustZone as far as clients can tell */
	assert_int_equal(TEEC_InitializeContext("optee-tz", &a), TEEC_SUCCESS);
	assert_int_equal(TEEC_InitializeContext(NULL, &b), TEEC_SUCCESS);
	assert_int_not_equal(a.imp.fd, b.imp.fd);
	/* finalizing with a session still open tears it down */
	assert_int_equal(TEEC_OpenSession(&a, &s, &it_ta_uuid,
					  TEEC_LOGIN_PUBLIC, NULL, NULL, NULL),
			 TEEC_SUCCESS);
	TEEC_FinalizeContext(&a);
	assert_int_equal(TEEC_OpenSession(&b, &s, &it_ta_uuid,
					  TEEC_LOGIN_PUBLIC, NULL, NULL, NULL),
			 TEEC_SUCCESS);
	assert_int_equal(TEEC_InvokeCommand(&s, TEST_CMD_VALUE_INC, &op, NULL),
			 TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&b);
}

static void test_open_session(void **state)
{
	struct fixture *f = *state;
	static const TEEC_UUID nobody = {
		0x01234567, 0x89ab, 0xcdef,
		{ 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef },
	};
	TEEC_Operation op = it_op(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE,
				  TEEC_NONE);
	TEEC_Session s;
	uint32_t origin = 0;

	assert_int_equal(TEEC_OpenSession(&f->ctx, &s, &it_ta_uuid,
					  TEEC_LOGIN_PUBLIC, NULL, &op,
					  &origin), TEEC_SUCCESS);
	assert_int_equal(origin, TEEC_ORIGIN_TRUSTED_APP);
	assert_int_equal(op.params[0].value.a, 0x5e55);
	TEEC_CloseSession(&s);

	op = it_op(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = TEST_OPEN_FAIL;
	assert_int_equal(TEEC_OpenSession(&f->ctx, &s, &it_ta_uuid,
					  TEEC_LOGIN_PUBLIC, NULL, &op,
					  &origin), TEEC_ERROR_ACCESS_DENIED);
	assert_int_equal(origin, TEEC_ORIGIN_TRUSTED_APP);

	assert_int_equal(TEEC_OpenSession(&f->ctx, &s, &nobody,
					  TEEC_LOGIN_PUBLIC, NULL, NULL,
					  &origin), TEEC_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(origin, TEEC_ORIGIN_TEE);

	assert_int_equal(TEEC_OpenSession(&f->ctx, &s, NULL,
					  TEEC_LOGIN_PUBLIC, NULL, NULL,
					  &origin), TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(origin, TEEC_ORIGIN_API);
}

static void test_value_inc(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = it_op(TEEC_VALUE_INOUT, TEEC_NONE, TEEC_NONE,
				  TEEC_NONE);
	uint32_t origin = 0;

	op.params[0].value.a = 41;
	op.params[0].value.b = 0xfffffffe;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_VALUE_INC, &op,
					    &origin), TEEC_SUCCESS);
	assert_int_equal(origin, TEEC_ORIGIN_TRUSTED_APP);
	assert_int_equal(op.params[0].value.a, 42);
	assert_int_equal(op.params[0].value.b, 0);	/* wraps at 32 bits */
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_NOP, NULL,
					    &origin), TEEC_SUCCESS);
}

static void test_temp_inout(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = it_op(TEEC_MEMREF_TEMP_INOUT, TEEC_NONE, TEEC_NONE,
				  TEEC_NONE);
	uint8_t buf[300];

	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)i;
	op.params[0].tmpref.buffer = buf;
	op.params[0].tmpref.size = sizeof(buf);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_SUCCESS);
	for (size_t i = 0; i < sizeof(buf); i++)
		assert_int_equal(buf[i], (uint8_t)(i + 1));
	assert_int_equal(op.params[0].tmpref.size, sizeof(buf));
}

static void test_temp_in_out(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = it_op(TEEC_MEMREF_TEMP_INPUT,
				  TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
				  TEEC_NONE);
	static char in[5000], out[6000];

	memset(in, 'q', sizeof(in));
	op.params[0].tmpref.buffer = in;
	op.params[0].tmpref.size = sizeof(in);
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = sizeof(out);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_COPY,
					    &op, NULL), TEEC_SUCCESS);
	assert_memory_equal(out, in, sizeof(in));
	assert_int_equal(op.params[1].tmpref.size, sizeof(in));
}

static void test_short_buffer(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = it_op(TEEC_MEMREF_TEMP_INPUT,
				  TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
				  TEEC_NONE);
	char in[64] = "sixty-four bytes", out[10];
	uint32_t origin = 0;

	op.params[0].tmpref.buffer = in;
	op.params[0].tmpref.size = sizeof(in);
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = sizeof(out);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_COPY,
					    &op, &origin),
			 TEEC_ERROR_SHORT_BUFFER);
	assert_int_equal(origin, TEEC_ORIGIN_TRUSTED_APP);
	assert_int_equal(op.params[1].tmpref.size, sizeof(in));
	/* asking again with the size the TA gave works */
	{
		char bigger[sizeof(in)];

		op.params[1].tmpref.buffer = bigger;
		assert_int_equal(TEEC_InvokeCommand(&f->sess,
						    TEST_CMD_MEMREF_COPY, &op,
						    NULL), TEEC_SUCCESS);
		assert_memory_equal(bigger, in, sizeof(in));
	}
}

static void test_null_temp(void **state)
{
	struct fixture *f = *state;
	TEEC_Operation op = it_op(TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
				  TEEC_NONE, TEEC_NONE);
	uint32_t origin = 0;
	size_t need;

	/* a size query: NULL buffer, size 0 */
	assert_int_equal(TEEC_InvokeCommand(&f->sess,
					    TEST_CMD_TA_DESCRIPTION, &op,
					    &origin), TEEC_ERROR_SHORT_BUFFER);
	assert_int_equal(origin, TEEC_ORIGIN_TRUSTED_APP);
	need = op.params[0].tmpref.size;
	assert_true(need > 0);
	{
		char desc[need];

		op.params[0].tmpref.buffer = desc;
		assert_int_equal(TEEC_InvokeCommand(&f->sess,
						    TEST_CMD_TA_DESCRIPTION,
						    &op, NULL), TEEC_SUCCESS);
		assert_int_equal(op.params[0].tmpref.size, need);
		assert_int_equal(desc[need - 1], '\0');
	}
	/* NULL with a size is refused before anything is sent */
	op.params[0].tmpref.buffer = NULL;
	op.params[0].tmpref.size = 16;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_TA_DESCRIPTION,
					    &op, &origin),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(origin, TEEC_ORIGIN_API);
}

/* MEMREF_INC through WHOLE then PARTIAL on one block. */
static void check_whole_and_partial(TEEC_Session *sess, TEEC_SharedMemory *shm,
				    uint8_t *mem)
{
	TEEC_Operation op = it_op(TEEC_MEMREF_WHOLE, TEEC_NONE, TEEC_NONE,
				  TEEC_NONE);

	memset(mem, 10, shm->size);
	op.params[0].memref.parent = shm;
	assert_int_equal(TEEC_InvokeCommand(sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_SUCCESS);
	assert_int_equal(mem[0], 11);
	assert_int_equal(mem[shm->size - 1], 11);
	assert_int_equal(op.params[0].memref.size, shm->size);

	op = it_op(TEEC_MEMREF_PARTIAL_INOUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = shm;
	op.params[0].memref.offset = 100;
	op.params[0].memref.size = 50;
	assert_int_equal(TEEC_InvokeCommand(sess, TEST_CMD_MEMREF_INC, &op,
					    NULL), TEEC_SUCCESS);
	assert_int_equal(mem[99], 11);
	assert_int_equal(mem[100], 12);
	assert_int_equal(mem[149], 12);
	assert_int_equal(mem[150], 11);
	assert_int_equal(op.params[0].memref.size, 50);

	/* partial input to partial output inside the same block */
	op = it_op(TEEC_MEMREF_PARTIAL_INPUT, TEEC_MEMREF_PARTIAL_OUTPUT,
		   TEEC_NONE, TEEC_NONE);
	op.params[0].memref = (TEEC_RegisteredMemoryReference){ shm, 50, 100 };
	op.params[1].memref = (TEEC_RegisteredMemoryReference){ shm, 60, 200 };
	assert_int_equal(TEEC_InvokeCommand(sess, TEST_CMD_MEMREF_COPY, &op,
					    NULL), TEEC_SUCCESS);
	assert_int_equal(op.params[1].memref.size, 50);
	assert_memory_equal(mem + 200, mem + 100, 50);

	/* outside the block */
	op.params[1].memref.offset = shm->size - 10;
	assert_int_equal(TEEC_InvokeCommand(sess, TEST_CMD_MEMREF_COPY, &op,
					    NULL), TEEC_ERROR_BAD_PARAMETERS);
}

static void test_allocated_shm(void **state)
{
	struct fixture *f = *state;
	TEEC_SharedMemory shm = { .size = 4096 + 512,
				  .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT };
	TEEC_SharedMemory empty = { .size = 0, .flags = TEEC_MEM_INPUT };

	assert_int_equal(TEEC_AllocateSharedMemory(&f->ctx, &shm),
			 TEEC_SUCCESS);
	assert_non_null(shm.buffer);
	check_whole_and_partial(&f->sess, &shm, shm.buffer);
	TEEC_ReleaseSharedMemory(&shm);
	assert_null(shm.buffer);
	assert_int_equal(shm.size, 0);
	/* a zero-sized block is valid */
	assert_int_equal(TEEC_AllocateSharedMemory(&f->ctx, &empty),
			 TEEC_SUCCESS);
	TEEC_ReleaseSharedMemory(&empty);
	assert_int_equal(TEEC_AllocateSharedMemory(NULL, &shm),
			 TEEC_ERROR_BAD_PARAMETERS);
}

static void test_registered_shm(void **state)
{
	struct fixture *f = *state;
	static uint8_t mem[1000];
	TEEC_SharedMemory shm = { .buffer = mem, .size = sizeof(mem),
				  .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT };

	assert_int_equal(TEEC_RegisterSharedMemory(&f->ctx, &shm),
			 TEEC_SUCCESS);
	check_whole_and_partial(&f->sess, &shm, mem);
	TEEC_ReleaseSharedMemory(&shm);
	assert_ptr_equal(shm.buffer, mem);
}

/* Read-only client memory can be shared as input. */
static void test_registered_readonly(void **state)
{
	struct fixture *f = *state;
	long page = sysconf(_SC_PAGESIZE);
	uint8_t *ro = mmap(NULL, page, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	TEEC_SharedMemory shm = { .buffer = ro, .size = 64,
				  .flags = TEEC_MEM_INPUT };
	TEEC_Operation op = it_op(TEEC_MEMREF_WHOLE, TEEC_MEMREF_TEMP_OUTPUT,
				  TEEC_NONE, TEEC_NONE);
	uint8_t out[64];

	assert_true(ro != MAP_FAILED);
	memset(ro, 0x5a, 64);
	assert_int_equal(mprotect(ro, page, PROT_READ), 0);
	assert_int_equal(TEEC_RegisterSharedMemory(&f->ctx, &shm),
			 TEEC_SUCCESS);
	op.params[0].memref.parent = &shm;
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = sizeof(out);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_MEMREF_COPY,
					    &op, NULL), TEEC_SUCCESS);
	assert_memory_equal(out, ro, sizeof(out));
	TEEC_ReleaseSharedMemory(&shm);
	munmap(ro, page);
}

static void test_param_types(void **state)
{
	struct fixture *f = *state;
	TEEC_SharedMemory shm = { .size = 16,
				  .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT };
	TEEC_Operation op = it_op(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INPUT,
				  TEEC_MEMREF_WHOLE, TEEC_VALUE_OUTPUT);
	uint8_t bytes[4] = { 1, 2, 3, 4 };

	assert_int_equal(TEEC_AllocateSharedMemory(&f->ctx, &shm),
			 TEEC_SUCCESS);
	memset(shm.buffer, 2, 16);
	op.params[0].value.a = 1000;
	op.params[1].tmpref.buffer = bytes;
	op.params[1].tmpref.size = sizeof(bytes);
	op.params[2].memref.parent = &shm;
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_PARAM_TYPES,
					    &op, NULL), TEEC_SUCCESS);
	assert_int_equal(op.params[3].value.a,
			 TA_VALUE_INPUT | TA_MEMREF_INPUT << 4 |
			 TA_MEMREF_INOUT << 8 | TA_VALUE_OUTPUT << 12);
	assert_int_equal(op.params[3].value.b, 1000 + 10 + 32);

	op = it_op(TEEC_NONE, TEEC_MEMREF_PARTIAL_OUTPUT, TEEC_NONE,
		   TEEC_VALUE_OUTPUT);
	op.params[1].memref = (TEEC_RegisteredMemoryReference){ &shm, 8, 4 };
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_PARAM_TYPES,
					    &op, NULL), TEEC_SUCCESS);
	assert_int_equal(op.params[3].value.a,
			 TA_MEMREF_OUTPUT << 4 | TA_VALUE_OUTPUT << 12);
	assert_int_equal(op.params[3].value.b, 0);
	TEEC_ReleaseSharedMemory(&shm);

	/* 4 and 8..11 are not parameter types */
	op = it_op(4, TEEC_NONE, TEEC_NONE, TEEC_VALUE_OUTPUT);
	assert_int_equal(TEEC_InvokeCommand(&f->sess, TEST_CMD_PARAM_TYPES,
					    &op, NULL),
			 TEEC_ERROR_BAD_PARAMETERS);
}

/* A memfd is no protected-memory dma-buf of the TEE. */
static void test_register_fd(void **state)
{
	struct fixture *f = *state;
	TEEC_SharedMemory shm = { .flags = TEEC_MEM_INPUT };
	int fd = memfd_create("not-a-dma-buf", MFD_CLOEXEC);

	assert_true(fd >= 0);
	assert_int_equal(TEEC_RegisterSharedMemoryFileDescriptor(&f->ctx, &shm,
								 fd),
			 TEEC_ERROR_NOT_SUPPORTED);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contexts),
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_open_session),
		T(test_value_inc),
		T(test_temp_inout),
		T(test_temp_in_out),
		T(test_short_buffer),
		T(test_null_temp),
		T(test_allocated_shm),
		T(test_registered_shm),
		T(test_registered_readonly),
		T(test_param_types),
		T(test_register_fd),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
