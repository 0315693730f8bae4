// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target for the secure world's reading of non-secure memory
 * (src/secure/mobj.c): page lists, REGISTER_SHM, and TMEM/RMEM memrefs,
 * the parts that follow physical addresses a normal world chose.
 *
 * The input (fuzz_page_list.h) fills the page-list area of a small RAM and
 * names a few operations with arbitrary addresses, sizes, offsets and
 * cookies.  Each operation is checked against a model of the machine that
 * knows which pages are RAM:
 *  - it is accepted exactly when the model says it is valid;
 *  - every page the secure world accepted is page aligned and allocated;
 *  - a memref's bytes are the RAM bytes it names, and releasing it writes
 *    back (bounced, copy_back) or has written (zero-copy) exactly the
 *    bytes inside its output size, nothing else in RAM;
 *  - block references and the registration count come back as expected.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_page_list.h"
#include "mobj.h"
#include "tee_api_defines.h"
#include "vtee/optee_msg.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PAGE FPL_PAGE
#define RAM_BYTES (FPL_RAM_PAGES * FPL_PAGE)
#define LIST_ENTRIES OPTEE_MSG_PAGES_PER_LIST
/* mobj.h's documented limit: no registration describes more than 1 GiB. */
#define MOBJ_MAX_BYTES (1ull << 30)
/* Memref sizes the fuzzer uses (see memref_size()). */
#define MEMREF_MAX (64ull * PAGE)
#define MEMREF_MAX_PAGES (MEMREF_MAX / PAGE + 1)
/* Most pages one FPL_READ_LIST reads. */
#define READ_MAX 2048

enum { BLK_LIST, BLK_A, BLK_B, BLK_D, NBLK };

/*
 * The model and the checks are the oracle, not the code under test: their
 * comparisons would only feed libFuzzer noise, and instrumenting their
 * per-byte loops costs most of the run time.
 */
#define ORACLE __attribute__((no_sanitize("coverage")))

/* The machine: built once, its RAM contents reset for every input. */
static struct {
	struct ns_ram *ram;
	struct ns_ram_block *blk[NBLK];
	uint8_t initial[RAM_BYTES];	/* every input starts from this */
	uint8_t expect[RAM_BYTES];	/* RAM after a memref's release */
} fz;

/* One run's registrations, as the model knows them. */
struct reg {
	uint64_t cookie;
	uint64_t size;
	uint64_t first_off;
	uint64_t *pages;
};

static struct {
	struct mobj_table *table;
	struct reg regs[FPL_MAX_OPS];
	size_t nregs;
} run;

/* A memref's bytes: byte j is at pages[(first_off + j) / PAGE] + ... */
struct span {
	const uint64_t *pages;
	uint64_t first_off;
	uint64_t size;
};

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_page_list: %s\n", what);
	abort();
}

/* ---- the model: which physical pages are RAM, and their bytes ---- */

static ORACLE struct ns_ram_block *model_block(uint64_t pa)
{
	for (int i = 0; i < NBLK; i++)
		if (pa >= fz.blk[i]->pa && pa - fz.blk[i]->pa < fz.blk[i]->size)
			return fz.blk[i];
	return NULL;
}

static ORACLE bool model_page(uint64_t pa)
{
	return pa % PAGE == 0 && model_block(pa);
}

static ORACLE uint8_t *model_byte(uint64_t pa)
{
	struct ns_ram_block *b = model_block(pa);

	if (!b)
		fail("a checked address left RAM");
	return (uint8_t *)b->va + (pa - b->pa);
}

/* Every page of [pa, pa + len) is RAM (len 0: pa's page). */
static ORACLE bool model_range(uint64_t pa, uint64_t len)
{
	uint64_t end, last;

	if (__builtin_add_overflow(pa, len, &end) || pa < NS_RAM_BASE ||
	    end > FPL_PA(FPL_RAM_PAGES))
		return false;
	last = len ? end - 1 : pa;
	for (uint64_t p = pa - pa % PAGE; p <= last; p += PAGE)
		if (!model_block(p))
			return false;
	return true;
}

/* A NONCONTIG page list as optee_msg.h defines it: LIST_ENTRIES page
 * addresses per list page, then the address of the next list page. */
static ORACLE bool model_list(uint64_t list_pa, size_t n,
			      uint64_t *pages)
{
	uint64_t list[LIST_ENTRIES + 1];

	for (size_t i = 0; i < n; i++) {
		if (i % LIST_ENTRIES == 0) {
			if (!model_page(list_pa))
				return false;
			memcpy(list, model_byte(list_pa), sizeof(list));
			list_pa = list[LIST_ENTRIES];
		}
		pages[i] = list[i % LIST_ENTRIES];
		if (!model_page(pages[i]))
			return false;
	}
	return true;
}

static size_t spanned(uint64_t first_off, uint64_t size)
{
	return (size_t)((first_off + size + PAGE - 1) / PAGE);
}

static ORACLE uint64_t span_addr(const struct span *s, uint64_t j)
{
	uint64_t at = s->first_off + j;

	return s->pages[at / PAGE] + at % PAGE;
}

/* What a "TA" writes at the byte that lands on pa: the same value however
 * often a list names that page. */
static ORACLE uint8_t tag(uint64_t pa)
{
	return (uint8_t)(pa ^ (pa >> 8) ^ (pa >> 16) ^ 0x5a);
}

/*
 * Memref sizes: small enough that a bounce (which costs its size in memory
 * and copying) stays cheap, except that a size with the top bit set is
 * kept as is, to probe the overflow and limit checks.
 */
static uint64_t memref_size(uint64_t raw)
{
	return raw >> 63 ? raw : raw % (MEMREF_MAX + 1);
}

/* The TA's output size (see struct fpl_op). */
static uint64_t out_size_of(const struct fpl_op *op, uint64_t capacity)
{
	int8_t delta = (int8_t)(op->out_size & 0xff);

	if (op->out_size >> 63)
		return op->out_size;
	if (delta < 0 && (uint64_t)-delta > capacity)
		return 0;
	return capacity + (uint64_t)(int64_t)delta;
}

static struct reg *reg_find(uint64_t cookie)
{
	for (size_t i = 0; i < run.nregs; i++)
		if (run.regs[i].cookie == cookie)
			return &run.regs[i];
	return NULL;
}

/* ---- checks on what the secure world produced ---- */

static ORACLE void check_refs(void)
{
	for (int i = 0; i < NBLK; i++)
		if (ns_ram_block_refs(fz.blk[i]) != 1)
			fail("a block reference leaked");
	if (mobj_count(run.table) != run.nregs)
		fail("registration count differs from the model");
}

static ORACLE void check_zero_copy(const struct sw_mem *m)
{
	const struct ns_ram_block *b = m->blk;
	bool ours = false;

	for (int i = 0; i < NBLK; i++)
		ours |= b == fz.blk[i];
	if (!ours || m->memfd_off > b->size || m->size > b->size -
	    m->memfd_off || m->va != (uint8_t *)b->va + m->memfd_off ||
	    m->memfd != b->memfd || m->memfd_size != b->size)
		fail("zero-copy memref outside its block");
}

static ORACLE void check_bounced(const struct sw_mem *m,
				 const struct span *s)
{
	if (!m->bounce_pages || m->bounce_first_off != s->first_off ||
	    m->memfd_size < m->size || m->blk)
		fail("bounced memref malformed");
	for (size_t i = 0; i < spanned(s->first_off, s->size); i++)
		if (!model_page(m->bounce_pages[i]) ||
		    m->bounce_pages[i] != s->pages[i])
			fail("bounce page not the RAM page named");
}

/* The memref holds the bytes it names, where it says it holds them. */
static ORACLE void check_memref(const struct sw_mem *m, const struct span *s)
{
	const uint8_t *va = m->va;

	if (m->size != s->size || m->capacity != s->size)
		fail("memref size changed");
	if (m->blk)
		check_zero_copy(m);
	else if (m->memfd >= 0)
		check_bounced(m, s);
	else if (s->size || m->va)
		fail("NULL memref for a non-empty range");
	for (uint64_t j = 0; j < s->size; j++) {
		uint64_t pa = span_addr(s, j);

		if (m->blk && pa != m->blk->pa + m->memfd_off + j)
			fail("zero-copy memref over non-contiguous pages");
		if (va[j] != *model_byte(pa))
			fail("memref bytes differ from RAM");
	}
}

static uint8_t *ram_at(uint8_t *image, const struct ns_ram_block *b)
{
	return image + (b->pa - NS_RAM_BASE);
}

static ORACLE void ram_snapshot(void)
{
	for (int i = 0; i < NBLK; i++)
		memcpy(ram_at(fz.expect, fz.blk[i]), fz.blk[i]->va,
		       fz.blk[i]->size);
}

/* After the release RAM must be the expected image: the bytes written
 * carry their tag, all others are as they were. */
static ORACLE void ram_compare(void)
{
	for (int i = 0; i < NBLK; i++)
		if (memcmp(fz.blk[i]->va, ram_at(fz.expect, fz.blk[i]),
			   fz.blk[i]->size))
			fail("release wrote the wrong RAM bytes");
}

/* Plays the TA (fills the memref), releases it, checks what RAM got. */
static ORACLE void release_check(struct sw_mem *m, const struct span *s,
				 const struct fpl_op *op)
{
	uint64_t out = out_size_of(op, s->size);
	uint64_t limit = out < s->size ? out : s->size;
	uint8_t *va = m->va;

	if (!m->blk && !(m->memfd >= 0 && op->copy_back))
		limit = 0;
	if (m->blk)
		limit = s->size;	/* the TA wrote the RAM itself */
	ram_snapshot();
	for (uint64_t j = 0; j < s->size; j++) {
		uint64_t pa = span_addr(s, j);

		va[j] = tag(pa);
		if (j < limit)
			fz.expect[pa - NS_RAM_BASE] = tag(pa);
	}
	sw_mem_release(m, fz.ram, op->copy_back, out);
	if (m->blk || m->bounce_pages || m->va || m->memfd != -1)
		fail("release left the memref holding something");
	ram_compare();
}

static void check_verdict(uint32_t res, bool expect, uint32_t refusal)
{
	if (expect && res != TEE_SUCCESS)
		fail("a valid request was refused");
	if (!expect && res != refusal)
		fail("an invalid request was accepted or refused wrongly");
}

/* ---- the operations ---- */

static void op_register(const struct fpl_op *op)
{
	struct reg r = { .cookie = op->cookie, .size = op->size,
			 .first_off = op->pa % PAGE };
	bool expect = op->size && op->size <= MOBJ_MAX_BYTES;
	uint32_t res;

	if (expect) {
		size_t n = spanned(r.first_off, r.size);

		r.pages = malloc(n * sizeof(*r.pages));
		if (!r.pages)
			fail("out of memory");
		expect = model_list(op->pa - r.first_off, n, r.pages) &&
			 !reg_find(op->cookie);
	}
	res = mobj_register(run.table, fz.ram, op->pa, op->size, op->cookie);
	check_verdict(res, expect, TEE_ERROR_BAD_PARAMETERS);
	if (res == TEE_SUCCESS)
		run.regs[run.nregs++] = r;
	else
		free(r.pages);
}

static void op_unregister(const struct fpl_op *op)
{
	struct reg *r = reg_find(op->cookie);
	uint32_t res = mobj_unregister(run.table, op->cookie);

	check_verdict(res, r != NULL, TEE_ERROR_ITEM_NOT_FOUND);
	if (r) {
		free(r->pages);
		*r = run.regs[--run.nregs];
	}
}

static void memref_done(uint32_t res, bool expect, struct sw_mem *m,
			const struct span *s, const struct fpl_op *op)
{
	check_verdict(res, expect, TEE_ERROR_BAD_PARAMETERS);
	if (res != TEE_SUCCESS)
		return;
	check_memref(m, s);
	release_check(m, s, op);
}

static void op_tmem(const struct fpl_op *op)
{
	uint64_t pages[FPL_RAM_PAGES + 1];
	uint64_t size = memref_size(op->size), first_off = op->pa % PAGE;
	struct span s = { pages, first_off, size };
	bool expect = model_range(op->pa, size);
	struct sw_mem m;
	uint32_t res;

	/* a valid range is inside RAM, so pages[] holds it */
	for (size_t i = 0; expect && i < spanned(first_off, size); i++)
		pages[i] = op->pa - first_off + i * PAGE;
	res = sw_mem_from_tmem(&m, fz.ram, op->pa, size, false);
	memref_done(res, expect, &m, &s, op);
}

static void op_tmem_noncontig(const struct fpl_op *op)
{
	uint64_t pages[MEMREF_MAX_PAGES];
	uint64_t size = memref_size(op->size), first_off = op->pa % PAGE;
	struct span s = { pages, first_off, size };
	bool expect = size && size <= MEMREF_MAX;
	struct sw_mem m;
	uint32_t res;

	if (expect)
		expect = model_list(op->pa - first_off,
				    spanned(first_off, size), pages);
	res = sw_mem_from_tmem(&m, fz.ram, op->pa, size, true);
	memref_done(res, expect, &m, &s, op);
}

/* An empty RMEM still names its byte when that byte is in the buffer. */
static ORACLE void check_empty_rmem(const struct sw_mem *m,
				    const struct reg *r, uint64_t at)
{
	if (m->blk && (at / PAGE >= spanned(r->first_off, r->size) ||
		       m->va != model_byte(r->pages[at / PAGE] + at % PAGE)))
		fail("empty RMEM names the wrong place");
}

static void op_rmem(const struct fpl_op *op)
{
	struct reg *r = reg_find(op->cookie);
	uint64_t size = memref_size(op->size), end, at = 0;
	bool expect = r && !__builtin_add_overflow(op->offs, size, &end) &&
		      end <= r->size;
	struct span s = { NULL, 0, size };
	struct sw_mem m;
	uint32_t res;

	if (expect) {
		at = r->first_off + op->offs;
		s.first_off = at % PAGE;
		s.pages = size ? r->pages + at / PAGE : NULL;
	}
	res = sw_mem_from_rmem(&m, run.table, fz.ram, op->cookie, op->offs,
			       size);
	if (res == TEE_SUCCESS && expect && !size)
		check_empty_rmem(&m, r, at);
	memref_done(res, expect, &m, &s, op);
}

static void op_read_list(const struct fpl_op *op)
{
	static uint64_t got[READ_MAX], want[READ_MAX];
	size_t n = (size_t)(op->size % (READ_MAX + 1));
	bool expect = model_list(op->pa, n, want);
	uint32_t res = mobj_read_page_list(fz.ram, op->pa, n, got);

	check_verdict(res, expect, TEE_ERROR_BAD_PARAMETERS);
	for (size_t i = 0; res == TEE_SUCCESS && i < n; i++)
		if (!model_page(got[i]) || got[i] != want[i])
			fail("accepted a page that is not the RAM page listed");
}

/* ---- one input ---- */

static ORACLE void ram_reset(const uint8_t *list, size_t len)
{
	for (int i = 0; i < NBLK; i++)
		memcpy(fz.blk[i]->va, ram_at(fz.initial, fz.blk[i]),
		       fz.blk[i]->size);
	if (len > fz.blk[BLK_LIST]->size)
		len = fz.blk[BLK_LIST]->size;
	memcpy(fz.blk[BLK_LIST]->va, list, len);
}

static void run_op(const struct fpl_op *op)
{
	static void (*const ops[FPL_KINDS])(const struct fpl_op *) = {
		[FPL_REGISTER] = op_register,
		[FPL_UNREGISTER] = op_unregister,
		[FPL_TMEM] = op_tmem,
		[FPL_TMEM_NONCONTIG] = op_tmem_noncontig,
		[FPL_RMEM] = op_rmem,
		[FPL_READ_LIST] = op_read_list,
	};

	ops[op->kind % FPL_KINDS](op);
	check_refs();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t nops, avail;

	if (!size)
		return 0;
	avail = (size - 1) / sizeof(struct fpl_op);
	nops = data[0] % (FPL_MAX_OPS + 1);
	if (nops > avail)
		nops = avail;
	ram_reset(data + 1 + nops * sizeof(struct fpl_op),
		  size - 1 - nops * sizeof(struct fpl_op));
	run.table = mobj_table_create();
	if (!run.table)
		fail("out of memory");
	for (size_t i = 0; i < nops; i++) {
		struct fpl_op op;

		memcpy(&op, data + 1 + i * sizeof(op), sizeof(op));
		run_op(&op);
	}
	mobj_table_destroy(run.table);
	while (run.nregs)
		free(run.regs[--run.nregs].pages);
	return 0;
}

/* ---- the machine ---- */

static struct ns_ram_block *alloc_at(size_t first_page, size_t npages)
{
	struct ns_ram_block *b = ns_ram_alloc(fz.ram, npages * PAGE, "fuzz");

	if (!b || b->pa != FPL_PA(first_page))
		fail("RAM layout differs from fuzz_page_list.h");
	return b;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct ns_ram_block *hole;

	(void)argc;
	(void)argv;
	if (ns_ram_create(RAM_BYTES, &fz.ram))
		fail("cannot create RAM");
	fz.blk[BLK_LIST] = alloc_at(FPL_LIST_PAGE, FPL_LIST_PAGES);
	fz.blk[BLK_A] = alloc_at(FPL_A_PAGE, FPL_A_PAGES);
	hole = alloc_at(FPL_HOLE_PAGE, FPL_HOLE_PAGES);
	fz.blk[BLK_B] = alloc_at(FPL_B_PAGE, FPL_B_PAGES);
	fz.blk[BLK_D] = alloc_at(FPL_D_PAGE, FPL_D_PAGES);
	ns_ram_block_put(fz.ram, hole);
	/* data pages hold a pattern, LIST starts as zeros */
	for (size_t k = FPL_A_PAGE * PAGE; k < RAM_BYTES; k++)
		fz.initial[k] = (uint8_t)((NS_RAM_BASE + k) * 7 >> 3);
	return 0;
}
