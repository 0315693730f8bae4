// SPDX-License-Identifier: BSD-2-Clause
/*
 * Writes the seed corpus of fuzz_page_list (input format and RAM layout:
 * fuzz_page_list.h): registrations through one and two list pages, a
 * looping list, RMEM/TMEM memrefs that are zero-copy and bounced, and a
 * few requests the secure world must refuse.  Run at build time so no
 * binary file is committed.
 */
#include <stdio.h>
#include <string.h>

#include "fuzz_page_list.h"
#include "vtee/optee_msg.h"
#include "seed_file.h"

#define ENTRIES OPTEE_MSG_PAGES_PER_LIST
#define LIST_BYTES (FPL_LIST_PAGES * FPL_PAGE)

struct seed {
	uint8_t nops;
	struct fpl_op ops[FPL_MAX_OPS];
	uint64_t list[LIST_BYTES / sizeof(uint64_t)];
};

static void seed_op(struct seed *s, uint8_t kind, uint64_t pa, uint64_t size,
		    uint64_t offs, uint64_t cookie)
{
	s->ops[s->nops++] = (struct fpl_op){ .kind = kind, .pa = pa,
		.size = size, .offs = offs, .cookie = cookie };
}

/* The last op releases with copy_back and an output size of its
 * capacity plus delta (fuzz_page_list.h). */
static void seed_copy_back(struct seed *s, int8_t delta)
{
	s->ops[s->nops - 1].copy_back = 1;
	s->ops[s->nops - 1].out_size = (uint8_t)delta;
}

/* Every data page of the layout, LIST's own pages included. */
static uint64_t ram_page(size_t i)
{
	static const unsigned int pages[] = { 2, 3, 4, 5, 8, 9, 10, 11, 0, 1 };

	return FPL_PA(pages[i % (sizeof(pages) / sizeof(pages[0]))]);
}

/* The input layout: op count, the ops, then the list's bytes. */
static int seed_write(const char *dir, const char *name, const struct seed *s)
{
	uint8_t buf[1 + sizeof(s->ops) + sizeof(s->list)];
	size_t ops = s->nops * sizeof(s->ops[0]);

	buf[0] = s->nops;
	memcpy(buf + 1, s->ops, ops);
	memcpy(buf + 1 + ops, s->list, sizeof(s->list));
	return seed_file_write(dir, name, buf, 1 + ops + sizeof(s->list));
}

/* Four pages (A0 A1 A2 B0) from offset 100; RMEMs zero-copy and bounced. */
static int seed_short(const char *dir)
{
	struct seed s = { 0 };
	const uint64_t buf = FPL_PA(FPL_LIST_PAGE) + 100;

	s.list[0] = FPL_PA(FPL_A_PAGE);
	s.list[1] = FPL_PA(FPL_A_PAGE + 1);
	s.list[2] = FPL_PA(FPL_A_PAGE + 2);
	s.list[3] = FPL_PA(FPL_B_PAGE);
	seed_op(&s, FPL_REGISTER, buf, 4 * FPL_PAGE - 200, 0, 1);
	seed_op(&s, FPL_RMEM, 0, 5000, 50, 1);
	seed_op(&s, FPL_RMEM, 0, 400, 3 * FPL_PAGE - 300, 1);
	seed_copy_back(&s, -100);
	seed_op(&s, FPL_RMEM, 0, 0, 4 * FPL_PAGE - 200, 1);
	seed_op(&s, FPL_UNREGISTER, 0, 0, 0, 1);
	seed_op(&s, FPL_UNREGISTER, 0, 0, 0, 1);
	return seed_write(dir, "short_list", &s);
}

/* 611 pages through two chained list pages; a duplicate cookie. */
static int seed_chained(const char *dir)
{
	struct seed s = { 0 };
	const size_t n = ENTRIES + 100;

	for (size_t i = 0; i < n; i++)
		s.list[i < ENTRIES ? i : i + 1] = ram_page(i);
	s.list[ENTRIES] = FPL_PA(FPL_LIST_PAGE + 1);
	seed_op(&s, FPL_REGISTER, FPL_PA(FPL_LIST_PAGE), n * FPL_PAGE, 0, 7);
	seed_op(&s, FPL_REGISTER, FPL_PA(FPL_LIST_PAGE), FPL_PAGE, 0, 7);
	seed_op(&s, FPL_RMEM, 0, 2 * FPL_PAGE, (ENTRIES - 1) * FPL_PAGE + 10,
		7);
	seed_copy_back(&s, 0);
	seed_op(&s, FPL_READ_LIST, FPL_PA(FPL_LIST_PAGE), n, 0, 0);
	return seed_write(dir, "chained_lists", &s);
}

/* A list page that names itself as the next: long lists from one page. */
static int seed_loop(const char *dir)
{
	struct seed s = { 0 };
	uint64_t *page1 = s.list + FPL_PAGE / sizeof(uint64_t);

	for (size_t i = 0; i < ENTRIES; i++)
		page1[i] = ram_page(i);
	page1[ENTRIES] = FPL_PA(FPL_LIST_PAGE + 1);
	seed_op(&s, FPL_REGISTER, FPL_PA(FPL_LIST_PAGE + 1) + 8,
		1500 * FPL_PAGE, 0, 0x1234);
	seed_op(&s, FPL_RMEM, 0, 3 * FPL_PAGE, 1400 * FPL_PAGE, 0x1234);
	seed_op(&s, FPL_READ_LIST, FPL_PA(FPL_LIST_PAGE + 1), 1200, 0, 0);
	seed_op(&s, FPL_TMEM_NONCONTIG, FPL_PA(FPL_LIST_PAGE + 1) + 4000,
		2 * FPL_PAGE, 0, 0);
	seed_copy_back(&s, 1);
	s.ops[s.nops - 1].out_size = ~0ull;	/* far beyond the capacity */
	return seed_write(dir, "looping_list", &s);
}

/* Contiguous TMEM: inside a block, across two adjacent blocks, and into
 * the hole; a NONCONTIG TMEM through page 0's list. */
static int seed_tmem(const char *dir)
{
	struct seed s = { 0 };

	s.list[0] = FPL_PA(FPL_A_PAGE + 3);
	s.list[1] = FPL_PA(FPL_B_PAGE + 1);
	seed_op(&s, FPL_TMEM, FPL_PA(FPL_A_PAGE) + 10, FPL_PAGE, 0, 0);
	seed_op(&s, FPL_TMEM, FPL_PA(FPL_LIST_PAGE + 1) + 4000, 200, 0, 0);
	seed_copy_back(&s, -50);
	seed_op(&s, FPL_TMEM, FPL_PA(FPL_B_PAGE) + 10, 3 * FPL_PAGE + 100, 0,
		0);
	seed_copy_back(&s, 1);
	seed_op(&s, FPL_TMEM, FPL_PA(FPL_HOLE_PAGE) - 16, 64, 0, 0);
	seed_op(&s, FPL_TMEM_NONCONTIG, FPL_PA(FPL_LIST_PAGE) + 3000,
		FPL_PAGE + 500, 0, 0);
	seed_copy_back(&s, -128);
	return seed_write(dir, "tmem", &s);
}

/* What must be refused: an unaligned list, a page in the hole, past RAM. */
static int seed_refused(const char *dir)
{
	struct seed s = { 0 };

	s.list[0] = FPL_PA(FPL_A_PAGE);
	s.list[1] = FPL_PA(FPL_HOLE_PAGE);
	s.list[2] = FPL_PA(FPL_RAM_PAGES);
	s.list[3] = FPL_PA(FPL_B_PAGE) + 8;
	seed_op(&s, FPL_READ_LIST, FPL_PA(FPL_LIST_PAGE) + 8, 1, 0, 0);
	seed_op(&s, FPL_READ_LIST, FPL_PA(FPL_LIST_PAGE), 2, 0, 0);
	seed_op(&s, FPL_REGISTER, FPL_PA(FPL_LIST_PAGE), 3 * FPL_PAGE, 0, 2);
	seed_op(&s, FPL_REGISTER, FPL_PA(FPL_LIST_PAGE), 0, 0, 2);
	seed_op(&s, FPL_REGISTER, FPL_PA(FPL_LIST_PAGE), FPL_PAGE, 0, 2);
	seed_op(&s, FPL_RMEM, 0, ~0ull, 16, 2);
	seed_op(&s, FPL_TMEM, ~0ull - 8, 64, 0, 0);
	seed_op(&s, FPL_UNREGISTER, 0, 0, 0, 3);
	return seed_write(dir, "refused", &s);
}

int main(int argc, char **argv)
{
	if (argc != 2 || !strcmp(argv[1], "--help")) {
		fprintf(argc == 2 ? stdout : stderr,
			"Usage: seed_page_list DIR\n"
			"Writes the seed corpus of fuzz_page_list into DIR.\n");
		return argc == 2 ? 0 : 2;
	}
	return seed_short(argv[1]) | seed_chained(argv[1]) |
	       seed_loop(argv[1]) | seed_tmem(argv[1]) |
	       seed_refused(argv[1]) ? 1 : 0;
}
