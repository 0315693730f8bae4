// SPDX-License-Identifier: BSD-2-Clause
/*
 * The supplicant's shm table: ids resolve only to memory it owns, memrefs
 * only inside their shm, and memory in use outlives its SHM_FREE.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "supp.h"

static int released[8];
static size_t n_released;

static void release_record(struct supp_shm *shm, void *ctx)
{
	(void)ctx;
	released[n_released++] = shm->id;
	free(shm->addr);
}

static int setup(void **state)
{
	static struct supp_shm_table t;

	n_released = 0;
	supp_shm_table_init(&t, release_record, NULL);
	*state = &t;
	return 0;
}

static void shm_add(struct supp_shm_table *t, int32_t id, size_t size)
{
	void *p = calloc(1, size);

	assert_non_null(p);
	assert_int_equal(supp_shm_add(t, id, -1, p, size), 0);
}

static struct tee_ioctl_param memref(uint64_t id, uint64_t off, uint64_t sz)
{
	return (struct tee_ioctl_param){
		.attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT,
		.a = off, .b = sz, .c = id,
	};
}

static void test_add_get_remove(void **state)
{
	struct supp_shm_table *t = *state;
	struct supp_shm *shm;

	shm_add(t, 1, 64);
	shm_add(t, 2, 128);
	assert_int_equal(supp_shm_add(t, 1, -1, NULL, 8), -EEXIST);
	assert_int_equal(supp_shm_add(t, -1, -1, NULL, 8), -EINVAL);
	shm = supp_shm_get(t, 2);
	assert_non_null(shm);
	assert_int_equal(shm->size, 128);
	supp_shm_put(t, shm);
	assert_null(supp_shm_get(t, 3));
	assert_int_equal(supp_shm_remove(t, 3), -ENOENT);
	assert_int_equal(supp_shm_remove(t, 1), 0);
	assert_int_equal(supp_shm_remove(t, 1), -ENOENT);
	assert_int_equal(supp_shm_remove(t, 2), 0);
	assert_int_equal(n_released, 2);
}

/* SHM_FREE while a request still uses the shm: unmapped after, not under. */
static void test_free_while_in_use(void **state)
{
	struct supp_shm_table *t = *state;
	struct supp_shm *shm;

	shm_add(t, 5, 32);
	shm = supp_shm_get(t, 5);
	assert_non_null(shm);
	assert_int_equal(supp_shm_remove(t, 5), 0);
	assert_int_equal(n_released, 0);
	assert_null(supp_shm_get(t, 5));	/* gone for new users */
	supp_shm_put(t, shm);
	assert_int_equal(n_released, 1);
	assert_int_equal(released[0], 5);
}

static void test_memref_bounds(void **state)
{
	struct supp_shm_table *t = *state;
	struct tee_ioctl_param p;
	struct supp_memref m;

	shm_add(t, 7, 100);
	p = memref(7, 0, 100);			/* all of it */
	assert_int_equal(supp_memref_get(t, &p, &m), 0);
	assert_int_equal(m.size, 100);
	assert_ptr_equal(m.ptr, m.shm->addr);
	supp_shm_put(t, m.shm);
	p = memref(7, 60, 40);			/* up to the last octet */
	assert_int_equal(supp_memref_get(t, &p, &m), 0);
	assert_ptr_equal(m.ptr, (uint8_t *)m.shm->addr + 60);
	supp_shm_put(t, m.shm);
	p = memref(7, 100, 0);			/* empty, at the end */
	assert_int_equal(supp_memref_get(t, &p, &m), 0);
	supp_shm_put(t, m.shm);
	p = memref(7, 60, 41);
	assert_int_equal(supp_memref_get(t, &p, &m), -ERANGE);
	p = memref(7, 101, 0);
	assert_int_equal(supp_memref_get(t, &p, &m), -ERANGE);
	p = memref(7, 0, 101);
	assert_int_equal(supp_memref_get(t, &p, &m), -ERANGE);
	p = memref(7, UINT64_MAX - 1, 2);	/* sum wraps to 0 */
	assert_int_equal(supp_memref_get(t, &p, &m), -ERANGE);
	p = memref(7, 50, UINT64_MAX);
	assert_int_equal(supp_memref_get(t, &p, &m), -ERANGE);
	assert_int_equal(supp_shm_remove(t, 7), 0);
	assert_int_equal(n_released, 1);	/* every get was put */
}

/* Ids that are not ours, however they are spelt. */
static void test_memref_foreign_ids(void **state)
{
	struct supp_shm_table *t = *state;
	struct tee_ioctl_param p;
	struct supp_memref m;

	shm_add(t, 3, 16);
	p = memref(TEE_MEMREF_NULL, 0, 0);
	assert_int_equal(supp_memref_get(t, &p, &m), -ENOENT);
	p = memref(4, 0, 0);
	assert_int_equal(supp_memref_get(t, &p, &m), -ENOENT);
	p = memref((1ull << 32) + 3, 0, 0);	/* not truncated to 3 */
	assert_int_equal(supp_memref_get(t, &p, &m), -ENOENT);
	p = memref((uint64_t)INT32_MAX + 1, 0, 0);
	assert_int_equal(supp_memref_get(t, &p, &m), -ENOENT);
	assert_int_equal(supp_shm_remove(t, 3), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_add_get_remove, setup),
		cmocka_unit_test_setup(test_free_while_in_use, setup),
		cmocka_unit_test_setup(test_memref_bounds, setup),
		cmocka_unit_test_setup(test_memref_foreign_ids, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
