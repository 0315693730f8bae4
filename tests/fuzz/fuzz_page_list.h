/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The input format of fuzz_page_list, shared with its seed generator.
 *
 * The fuzzer's machine has a small non-secure RAM with a fixed layout (the
 * allocator is deterministic, and the fuzzer checks it got exactly this),
 * so a seed can name real physical addresses:
 *
 *   page  0- 1  LIST   the page-list area: the input's tail is written here
 *   page  2- 5  A      data, right after LIST (a range may span both)
 *   page  6- 7  (hole) allocated, then freed: not RAM any more
 *   page  8-10  B      data
 *   page 11     D      data, right after B
 *   page 12-15  (never allocated)
 *
 * An input is: one byte n (the number of operations, at most FPL_MAX_OPS),
 * n struct fpl_op, then the bytes that fill LIST (the rest of LIST is
 * zero).  Integers are host-endian.
 */
#ifndef VTEE_FUZZ_PAGE_LIST_H
#define VTEE_FUZZ_PAGE_LIST_H

#include <stdint.h>

#include "ns_ram.h"

#define FPL_PAGE		NS_RAM_PAGE_SIZE
#define FPL_RAM_PAGES		16
#define FPL_PA(page)		(NS_RAM_BASE + (uint64_t)(page) * FPL_PAGE)
#define FPL_LIST_PAGE		0
#define FPL_LIST_PAGES		2
#define FPL_A_PAGE		2
#define FPL_A_PAGES		4
#define FPL_HOLE_PAGE		6
#define FPL_HOLE_PAGES		2
#define FPL_B_PAGE		8
#define FPL_B_PAGES		3
#define FPL_D_PAGE		11
#define FPL_D_PAGES		1

#define FPL_MAX_OPS		8

enum fpl_kind {
	FPL_REGISTER,		/* mobj_register(pa, size, cookie) */
	FPL_UNREGISTER,		/* mobj_unregister(cookie) */
	FPL_TMEM,		/* sw_mem_from_tmem(pa, size, contiguous) */
	FPL_TMEM_NONCONTIG,	/* sw_mem_from_tmem(pa, size, noncontig) */
	FPL_RMEM,		/* sw_mem_from_rmem(cookie, offs, size) */
	FPL_READ_LIST,		/* mobj_read_page_list(pa, size pages) */
	FPL_KINDS
};

struct fpl_op {
	uint8_t kind;		/* enum fpl_kind, modulo FPL_KINDS */
	uint8_t copy_back;	/* memrefs: release with copy_back */
	uint8_t pad[6];
	uint64_t pa;
	uint64_t size;
	uint64_t offs;
	uint64_t cookie;
	/*
	 * Memrefs: the output size at release.  Near the capacity, where
	 * off-by-ones live: capacity + (int8_t)(out_size & 0xff), at least
	 * 0; or out_size itself when its top bit is set.
	 */
	uint64_t out_size;
};

_Static_assert(sizeof(struct fpl_op) == 48, "fpl_op");

#endif /* VTEE_FUZZ_PAGE_LIST_H */
