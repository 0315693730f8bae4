// SPDX-License-Identifier: BSD-2-Clause
/*
 * The secure world's memory objects (src/secure/mobj.c) over a real
 * non-secure RAM: page lists and registrations, and the TMEM/RMEM memrefs
 * a call resolves, zero-copy or bounced.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mobj.h"
#include "ns_ram.h"
#include "tee_api_defines.h"
#include "vtee/optee_msg.h"

#define PAGE NS_RAM_PAGE_SIZE
#define ENTRIES OPTEE_MSG_PAGES_PER_LIST
#define RAM_BYTES (4u << 20)

#define MAX_BLOCKS 8

struct fixture {
	struct ns_ram *ram;
	struct mobj_table *table;
	/* what the test allocated, for teardown to put back */
	struct ns_ram_block *blocks[MAX_BLOCKS];
	size_t nblocks;
};

static int setup(void **state)
{
	static struct fixture f;

	memset(&f, 0, sizeof(f));
	if (ns_ram_create(RAM_BYTES, &f.ram))
		return -1;
	f.table = mobj_table_create();
	*state = &f;
	return f.table ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	mobj_table_destroy(f->table);
	while (f->nblocks)
		ns_ram_block_put(f->ram, f->blocks[--f->nblocks]);
	ns_ram_destroy(f->ram);
	return 0;
}

static struct ns_ram_block *alloc_pages(struct fixture *f, size_t n)
{
	struct ns_ram_block *b = ns_ram_alloc(f->ram, n * PAGE, "test");

	assert_non_null(b);
	assert_true(f->nblocks < MAX_BLOCKS);
	f->blocks[f->nblocks++] = b;
	return b;
}

/* Writes pages[0..n) as a chain of list pages in `list` (enough pages),
 * each ending with the PA of the next, as the REE kernel does. */
static void list_write(struct ns_ram_block *list, const uint64_t *pages,
		       size_t n)
{
	uint64_t *entry = list->va;

	for (size_t i = 0; i < n; i++) {
		size_t lp = i / ENTRIES;

		entry[lp * (ENTRIES + 1) + i % ENTRIES] = pages[i];
		entry[lp * (ENTRIES + 1) + ENTRIES] =
			list->pa + (lp + 1) * PAGE;
	}
}

static void fill(struct ns_ram_block *b, uint8_t seed)
{
	for (size_t i = 0; i < b->size; i++)
		((uint8_t *)b->va)[i] = (uint8_t)(seed + i * 13);
}

/* ---- registration ---- */

static void test_register_many_list_pages(void **state)
{
	struct fixture *f = *state;
	const size_t n = ENTRIES + 89;
	struct ns_ram_block *list = alloc_pages(f, 2);
	struct ns_ram_block *data = alloc_pages(f, n);
	uint64_t pages[ENTRIES + 89], got[ENTRIES + 89];
	/* a range across the two list pages' entries */
	const uint64_t offs = ENTRIES * PAGE - 150;
	struct sw_mem m;

	for (size_t i = 0; i < n; i++)
		pages[i] = data->pa + i * PAGE;
	list_write(list, pages, n);
	fill(data, 1);
	assert_int_equal(mobj_read_page_list(f->ram, list->pa, n, got),
			 TEE_SUCCESS);
	assert_memory_equal(got, pages, sizeof(pages));
	assert_int_equal(mobj_register(f->table, f->ram, list->pa + 100,
				       n * PAGE - 100, 5), TEE_SUCCESS);
	assert_int_equal(mobj_count(f->table), 1);
	/* contiguous pages of one block: zero-copy, at the right bytes */
	assert_int_equal(sw_mem_from_rmem(&m, f->table, f->ram, 5, offs, 100),
			 TEE_SUCCESS);
	assert_ptr_equal(m.blk, data);
	assert_ptr_equal(m.va, (uint8_t *)data->va + 100 + offs);
	sw_mem_release(&m, f->ram, false, 0);
	assert_int_equal(sw_mem_from_rmem(&m, f->table, f->ram, 5,
					  n * PAGE - 101, 1), TEE_SUCCESS);
	assert_ptr_equal(m.va, (uint8_t *)data->va + n * PAGE - 1);
	sw_mem_release(&m, f->ram, false, 0);
	assert_int_equal(ns_ram_block_refs(data), 1);
	assert_int_equal(mobj_unregister(f->table, 5), TEE_SUCCESS);
	assert_int_equal(mobj_count(f->table), 0);
}

static void test_register_unaligned_list(void **state)
{
	struct fixture *f = *state;
	const size_t n = ENTRIES + 1;
	struct ns_ram_block *list = alloc_pages(f, 2);
	struct ns_ram_block *data = alloc_pages(f, n);
	uint64_t pages[ENTRIES + 1];

	for (size_t i = 0; i < n; i++)
		pages[i] = data->pa + i * PAGE;
	list_write(list, pages, n);
	assert_int_equal(mobj_read_page_list(f->ram, list->pa + 8, 1, pages),
			 TEE_ERROR_BAD_PARAMETERS);
	/* buf_ptr's low bits are an offset into the first page, not a
	 * misaligned list */
	assert_int_equal(mobj_register(f->table, f->ram, list->pa + PAGE + 8,
				       PAGE - 8, 1), TEE_SUCCESS);
	/* the link to the second list page is off by 8 bytes */
	((uint64_t *)list->va)[ENTRIES] += 8;
	assert_int_equal(mobj_register(f->table, f->ram, list->pa, n * PAGE,
				       2), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(mobj_count(f->table), 1);
}

/* One list entry replaced by `bad`: the registration is refused. */
static void refuse_page(struct fixture *f, struct ns_ram_block *list,
			struct ns_ram_block *data, uint64_t bad)
{
	uint64_t pages[3] = { data->pa, bad, data->pa + PAGE };

	list_write(list, pages, 3);
	assert_int_equal(mobj_register(f->table, f->ram, list->pa, 3 * PAGE,
				       7), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(mobj_count(f->table), 0);
}

static void test_register_page_outside_ram(void **state)
{
	struct fixture *f = *state;
	struct ns_ram_block *list = alloc_pages(f, 1);
	struct ns_ram_block *data = alloc_pages(f, 2);
	struct ns_ram_block *freed = alloc_pages(f, 1);
	uint64_t freed_pa = freed->pa;

	ns_ram_block_put(f->ram, freed);
	f->nblocks--;		/* put already */
	refuse_page(f, list, data, freed_pa);
	refuse_page(f, list, data, NS_RAM_BASE + RAM_BYTES);
	refuse_page(f, list, data, NS_RAM_BASE - PAGE);
	refuse_page(f, list, data, 0);
	refuse_page(f, list, data, data->pa + 8);	/* not a page */
	refuse_page(f, list, data, UINT64_MAX - PAGE + 1);
}

static void test_register_duplicate_cookie(void **state)
{
	struct fixture *f = *state;
	struct ns_ram_block *list = alloc_pages(f, 1);
	struct ns_ram_block *data = alloc_pages(f, 1);

	list_write(list, &data->pa, 1);
	assert_int_equal(mobj_register(f->table, f->ram, list->pa, PAGE, 9),
			 TEE_SUCCESS);
	assert_int_equal(mobj_register(f->table, f->ram, list->pa, PAGE, 9),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(mobj_count(f->table), 1);
	assert_int_equal(mobj_unregister(f->table, 9), TEE_SUCCESS);
	assert_int_equal(mobj_register(f->table, f->ram, list->pa, PAGE, 9),
			 TEE_SUCCESS);
	assert_int_equal(mobj_count(f->table), 1);
}

static void test_unregister_unknown_cookie(void **state)
{
	struct fixture *f = *state;
	struct ns_ram_block *list = alloc_pages(f, 1);
	struct ns_ram_block *data = alloc_pages(f, 1);

	assert_int_equal(mobj_unregister(f->table, 1),
			 TEE_ERROR_ITEM_NOT_FOUND);
	list_write(list, &data->pa, 1);
	assert_int_equal(mobj_register(f->table, f->ram, list->pa, PAGE, 1),
			 TEE_SUCCESS);
	assert_int_equal(mobj_unregister(f->table, 2),
			 TEE_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(mobj_unregister(f->table, 1), TEE_SUCCESS);
	assert_int_equal(mobj_unregister(f->table, 1),
			 TEE_ERROR_ITEM_NOT_FOUND);
}

/* ---- memrefs ---- */

static void test_rmem_out_of_range(void **state)
{
	struct fixture *f = *state;
	struct ns_ram_block *list = alloc_pages(f, 1);
	struct ns_ram_block *data = alloc_pages(f, 2);
	uint64_t pages[2] = { data->pa, data->pa + PAGE };
	struct sw_mem m;

	list_write(list, pages, 2);
	assert_int_equal(mobj_register(f->table, f->ram, list->pa, 2 * PAGE,
				       3), TEE_SUCCESS);
	/* offs + size wraps around to a small number */
	assert_int_equal(sw_mem_from_rmem(&m, f->table, f->ram, 3,
					  UINT64_MAX - 10, 100),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(sw_mem_from_rmem(&m, f->table, f->ram, 3, PAGE,
					  PAGE + 1), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(sw_mem_from_rmem(&m, f->table, f->ram, 4, 0, 1),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(sw_mem_from_rmem(&m, f->table, f->ram, 3, PAGE, PAGE),
			 TEE_SUCCESS);
	sw_mem_release(&m, f->ram, false, 0);
	assert_int_equal(ns_ram_block_refs(data), 1);
}

/*
 * One list page whose entries all name the same data page and whose next
 * pointer names itself: 2 pages of normal-world memory describe 100 MiB.
 * Registering is cheap (the page array), but copying that much is refused.
 */
static void test_self_loop_list_is_not_bounced(void **state)
{
	struct fixture *f = *state;
	struct ns_ram_block *list = alloc_pages(f, 1);
	struct ns_ram_block *data = alloc_pages(f, 1);
	uint64_t *entry = list->va;
	uint64_t size = 100ull << 20;
	struct sw_mem m;

	for (size_t i = 0; i < ENTRIES; i++)
		entry[i] = data->pa;
	entry[ENTRIES] = list->pa;
	assert_int_equal(mobj_register(f->table, f->ram, list->pa, size, 5),
			 TEE_SUCCESS);
	assert_int_equal(sw_mem_from_rmem(&m, f->table, f->ram, 5, 0, size),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(sw_mem_from_tmem(&m, f->ram, list->pa, size, true),
			 TEE_ERROR_BAD_PARAMETERS);
	/* a small window of it is still served (bounced: pages repeat) */
	assert_int_equal(sw_mem_from_rmem(&m, f->table, f->ram, 5, 0,
					  2 * PAGE), TEE_SUCCESS);
	sw_mem_release(&m, f->ram, false, 0);
	assert_int_equal(mobj_unregister(f->table, 5), TEE_SUCCESS);
}

static void test_tmem_spanning_two_blocks(void **state)
{
	struct fixture *f = *state;
	struct ns_ram_block *x = alloc_pages(f, 1), *y = alloc_pages(f, 1);
	const uint64_t pa = x->pa + PAGE - 100;
	uint8_t want[300];
	struct sw_mem m;

	assert_int_equal(y->pa, x->pa + PAGE);	/* adjacent, two blocks */
	fill(x, 3);
	fill(y, 7);
	memcpy(want, (uint8_t *)x->va + PAGE - 100, 100);
	memcpy(want + 100, y->va, 200);
	assert_int_equal(sw_mem_from_tmem(&m, f->ram, pa, 300, false),
			 TEE_SUCCESS);
	assert_null(m.blk);
	assert_non_null(m.bounce_pages);
	assert_true(m.memfd >= 0);
	assert_memory_equal(m.va, want, 300);
	/* the TA's output: only out_size bytes go back to the NS pages */
	memset(m.va, 0xee, 300);
	sw_mem_release(&m, f->ram, true, 200);
	for (size_t i = 0; i < 300; i++) {
		const uint8_t *ns = i < 100 ?
				    (uint8_t *)x->va + PAGE - 100 + i :
				    (uint8_t *)y->va + i - 100;

		assert_int_equal(*ns, i < 200 ? 0xee : want[i]);
	}
	/* without copy_back nothing returns */
	assert_int_equal(sw_mem_from_tmem(&m, f->ram, pa, 300, false),
			 TEE_SUCCESS);
	memset(m.va, 0x11, 300);
	sw_mem_release(&m, f->ram, false, 300);
	assert_int_equal(((uint8_t *)y->va)[0], 0xee);
	assert_int_equal(((uint8_t *)y->va)[150], want[250]);
}

static void test_tmem_noncontig_bounced(void **state)
{
	struct fixture *f = *state;
	struct ns_ram_block *list = alloc_pages(f, 1);
	struct ns_ram_block *data = alloc_pages(f, 2);
	uint64_t pages[2] = { data->pa + PAGE, data->pa };	/* reversed */
	struct sw_mem m;

	fill(data, 9);
	list_write(list, pages, 2);
	assert_int_equal(sw_mem_from_tmem(&m, f->ram, list->pa + 10,
					  PAGE + 20, true), TEE_SUCCESS);
	assert_null(m.blk);
	assert_memory_equal(m.va, (uint8_t *)data->va + PAGE + 10, PAGE - 10);
	assert_memory_equal((uint8_t *)m.va + PAGE - 10, data->va, 30);
	memset(m.va, 0x42, PAGE + 20);
	/* an output size beyond the capacity is clamped to it */
	sw_mem_release(&m, f->ram, true, UINT64_MAX);
	assert_int_equal(((uint8_t *)data->va)[29], 0x42);
	assert_int_not_equal(((uint8_t *)data->va)[30], 0x42);
	assert_int_equal(((uint8_t *)data->va)[PAGE + 10], 0x42);
}

static void test_null_memref(void **state)
{
	struct fixture *f = *state;
	struct sw_mem m;

	sw_mem_null(&m, 64);
	assert_null(m.va);
	assert_null(m.blk);
	assert_null(m.bounce_pages);
	assert_int_equal(m.memfd, -1);
	assert_int_equal(m.size, 64);
	assert_int_equal(m.capacity, 64);
	sw_mem_release(&m, f->ram, true, 64);
	assert_int_equal(m.memfd, -1);
	assert_int_equal(m.size, 0);
	/* PA 0 is no RAM: a NULL memref is sw_mem_null's, never a TMEM's */
	assert_int_equal(sw_mem_from_tmem(&m, f->ram, 0, 64, false),
			 TEE_ERROR_BAD_PARAMETERS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_register_many_list_pages),
		T(test_register_unaligned_list),
		T(test_register_page_outside_ram),
		T(test_register_duplicate_cookie),
		T(test_unregister_unknown_cookie),
		T(test_rmem_out_of_range),
		T(test_self_loop_list_is_not_bounced),
		T(test_tmem_spanning_two_blocks),
		T(test_tmem_noncontig_bounced),
		T(test_null_memref),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
