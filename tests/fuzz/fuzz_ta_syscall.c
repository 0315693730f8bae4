// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target for the trusted OS's side of the TA syscall channel:
 * ta_syscall() given messages a hostile TA wrote as it liked
 * (fuzz_ta_syscall.h), and everything it reaches: TA-to-TA call parsing
 * and sessions (ta2ta.c, ta_manager.c, ta_call.c, ta_maps.c, mobj.c's
 * secure memory), SUPP_PLUGIN, TA time, TEE properties, waits and
 * cancellation, and persistent objects (ta_storage.c and trusted storage,
 * src/secure/storage, with its secure dir in a temporary directory).
 * Those files are compiled into this program; what leaves the trusted OS
 * is faked at link time:
 *  - TA processes (ta_process.c): a callee TA answers the channel at once,
 *    as the input's script says: DONE with outputs, a nested syscall,
 *    death, or a message the OS must kill it for;
 *  - TA loading (ta_load.c): found, or not;
 *  - RPCs (rpc.c): REE time, shared memory in a small real RAM, the
 *    SUPP_PLUGIN supplicant's answer from the input, and the REE FS as a
 *    file system in memory that fails, lies or flips a bit where the
 *    input says (there is no RPMB device);
 *  - the log: formatted (its reads of TA data count) and dropped.
 * Checked besides "no crash, no sanitizer report":
 *  - no byte of the channel data past the TA's data_len is read or
 *    written (ASan poison), but where an answer goes;
 *  - answers fit the channel; unknown numbers get NOT_SUPPORTED;
 *  - a malformed TA-to-TA call or plugin request (by a model written from
 *    ta_channel.h) is refused with BAD_PARAMETERS before any TA runs or
 *    any RPC goes out; a session the TA does not own is ITEM_NOT_FOUND
 *    and reaches no TA;
 *  - every entry the OS posts has types the runtime accepts and goes to a
 *    live TA; a TA that breaks the protocol is killed;
 *  - RPC shared memory is never overrun and always freed; TA time,
 *    REE time and properties answer within their types;
 *  - storage: an argument past 32 bits, a handle the TA does not own (a
 *    model follows the handles it got) and a malformed CREATE are
 *    refused with BAD_PARAMETERS, and an unknown storage fails, before
 *    any RPC; answers are their info, id, blob or data as ta_channel.h
 *    says, NEXT goes forward; CORRUPT_OBJECT only where the file system
 *    failed, lied or flipped a bit; every FS request is well formed, on
 *    files and directories it opened, all closed again; no handle or
 *    open object outlives its owner;
 *  - once the TA's sessions are closed, every session and instance it
 *    made is gone (kept-alive instances aside), and no other is touched.
 */
#include <dirent.h>
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fuzz_ta_syscall.h"
#include "ns_ram.h"
#include "ree_fs.h"
#include "rpc.h"
#include "storage_private.h"
#include "sw_private.h"
#include "tee_api_defines.h"
#include "tee_api_defines_extensions.h"
#include "tos_private.h"
#include "vtee/log.h"
#include "vtee/optee_rpc_cmd.h"
#include "vtee/ta_image.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The model and the checks are the oracle, not the code under test. */
#define ORACLE __attribute__((no_sanitize("coverage")))

#define PAGE NS_RAM_PAGE_SIZE
#define PLUGIN_BUF_MAX (TA_CHAN_DATA_MAX - 16)
/* ree_fs.c's largest request */
#define RPC_BUF_MAX ((size_t)1 << 20)
#define RPC_PAGES ((RPC_BUF_MAX + PAGE - 1) / PAGE)
#define RPC_COOKIE 0x5eed
#define MAX_FAKES 64
#define NESTED_BUDGET 3
#define REE_SEC 1700000000u
#define REE_NSEC 250000000u
#define ALL_FLAGS (FTS_FLAG_SINGLE | FTS_FLAG_MULTI | FTS_FLAG_KEEP_ALIVE)

/* A TA process, as the fakes below play it. */
struct fake_ta {
	struct ta_instance *inst;
	uint32_t entry_types;	/* param types of the entry it runs */
	uint32_t entry_func;
	unsigned int entries;
	bool in_syscall;	/* posted a SYSCALL, awaits its answer */
	bool must_die;		/* broke the protocol */
	bool killed;
	bool freed;
};

/* The machine, built once. */
static struct {
	struct ns_ram *ram;
	struct ns_ram_block *rpc_blk;	/* every RPC buffer's pages */
	struct secure_world sw;
	struct sw_thread thr;
	uint8_t *scratch;
	struct tos tos;
	struct ta_instance *hostile;	/* the TA making the syscalls */
	struct ta_instance *other;	/* owns FTS_FOREIGN_SESSION */
	struct ta_instance *target;	/* what the fixture sessions reach */
	struct tos_session *foreign, *client, *caller;
	struct fake_ta fakes[MAX_FAKES];
	size_t nfakes, nfixed;
	char base_dir[256];		/* mkdtemp'd */
	char secure_dir[300];		/* trusted storage's, inside it */
} fz;

/* The current input. */
static struct fts_env env;
static struct {
	unsigned int loads, spawns, script_pos, nested_left;
	unsigned int entries, rpcs, shm_live;
	uint64_t shm_size;
	const uint8_t *op_data;
	uint32_t op_len;
	unsigned int fs_reqs, fs_reads;
	/* persistent object handles the hostile TA got and still holds */
	uint32_t pobj[FTS_MAX_OPS];
	unsigned int npobj;
} in;

static void storage_dir_forget(void);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_ta_syscall: %s\n", what);
	storage_dir_forget();
	abort();
}

static ORACLE struct fake_ta *fake_of(const struct ta_instance *inst)
{
	if (inst->pid < 1 || (size_t)inst->pid > fz.nfakes ||
	    fz.fakes[inst->pid - 1].inst != inst)
		fail("an instance no fake process plays");
	return &fz.fakes[inst->pid - 1];
}

static ORACLE bool types_ok(uint32_t pt)
{
	if (pt >> 16)
		return false;
	for (int i = 0; i < 4; i++) {
		uint32_t t = (pt >> (4 * i)) & 0xf;

		if (t == 4 || t > TA_PARAM_MEMREF_INOUT)
			return false;
	}
	return true;
}

/* ---- the log: formatted, dropped ---- */

void vtee_log(int level, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	(void)level;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
}

/* ---- the secure thread ---- */

uint8_t *sw_thread_scratch(struct sw_thread *thr)
{
	return thr->scratch;
}

struct sw_rpc_shm *sw_thread_payload(struct sw_thread *thr)
{
	return &thr->payload;
}

/* ---- RPCs to the normal world ---- */

uint32_t sw_rpc_get_time(struct sw_thread *thr, uint64_t *sec,
			 uint32_t *nsec)
{
	(void)thr;
	in.rpcs++;
	/* a failed RPC writes nothing, as rpc.c's */
	if (env.rpc_fail & 1)
		return TEE_ERROR_COMMUNICATION;
	*sec = REE_SEC;
	*nsec = REE_NSEC;
	return TEE_SUCCESS;
}

uint32_t sw_rpc_shm_alloc(struct sw_thread *thr, uint32_t type,
			  uint64_t size, struct sw_rpc_shm *out)
{
	(void)thr;
	in.rpcs++;
	*out = (struct sw_rpc_shm){ .type = type };
	if (type != OPTEE_RPC_SHM_TYPE_APPL || !size || size > RPC_BUF_MAX)
		fail("an RPC buffer the OS should have refused to ask for");
	if (in.shm_live)
		fail("two RPC buffers at once");
	if (env.rpc_fail & 2)
		return TEE_ERROR_OUT_OF_MEMORY;
	out->cookie = RPC_COOKIE;
	out->size = size;
	out->npages = (size + PAGE - 1) / PAGE;
	out->pages = calloc(out->npages, sizeof(*out->pages));
	if (!out->pages)
		fail("out of memory");
	for (size_t i = 0; i < out->npages; i++)
		out->pages[i] = fz.rpc_blk->pa + i * PAGE;
	in.shm_live++;
	in.shm_size = size;
	return TEE_SUCCESS;
}

void sw_rpc_shm_free(struct sw_thread *thr, struct sw_rpc_shm *shm)
{
	(void)thr;
	if (shm->cookie)
		in.shm_live--;
	free(shm->pages);
	*shm = (struct sw_rpc_shm){ 0 };
}

void sw_rpc_shm_read(struct sw_thread *thr, const struct sw_rpc_shm *shm,
		     void *dst, uint64_t len)
{
	uint8_t *d = dst;

	(void)thr;
	if (len > shm->size)
		fail("read past the RPC buffer");
	/* where the answer goes: the OS may write it past the request (only
	 * in the channel's buffer: elsewhere ASan's own poison stays) */
	if (d >= fz.scratch && d < fz.scratch + TA_CHAN_DATA_MAX &&
	    len <= (uint64_t)(fz.scratch + TA_CHAN_DATA_MAX - d))
		ASAN_UNPOISON_MEMORY_REGION(dst, len);
	for (size_t i = 0; len; i++) {
		uint64_t n = len < PAGE ? len : PAGE;

		memcpy(d, ns_ram_va(fz.ram, shm->pages[i], n), n);
		d += n;
		len -= n;
	}
}

void sw_rpc_shm_write(struct sw_thread *thr, const struct sw_rpc_shm *shm,
		      const void *src, uint64_t len)
{
	const uint8_t *s = src;

	(void)thr;
	if (len > shm->size)
		fail("wrote past the RPC buffer");
	for (size_t i = 0; len; i++) {
		uint64_t n = len < PAGE ? len : PAGE;

		memcpy(ns_ram_va(fz.ram, shm->pages[i], n), s, n);
		s += n;
		len -= n;
	}
}

/* A plugin that flips the buffer's first bytes. */
static uint32_t fake_plugin(size_t n, struct optee_msg_param *params)
{
	struct optee_msg_param_tmem *tmem = &params[3].u.tmem;
	uint8_t *buf;

	if (n != 4)
		fail("a plugin RPC of another shape");
	if (in.shm_live != 1 ||
	    params[3].attr != OPTEE_MSG_ATTR_TYPE_TMEM_INOUT ||
	    tmem->buf_ptr != fz.rpc_blk->pa || tmem->size != in.shm_size ||
	    tmem->size > PLUGIN_BUF_MAX)
		fail("the plugin's buffer is not the one allocated");
	buf = ns_ram_va(fz.ram, tmem->buf_ptr, tmem->size);
	for (size_t i = 0; i < 16 && i < tmem->size; i++)
		buf[i] ^= 0x5a;
	params[2].u.value.b = env.plugin_out_len;
	return (env.rpc_fail & 4) ? TEE_ERROR_ITEM_NOT_FOUND : TEE_SUCCESS;
}

/*
 * ---- the REE FS: a file system in memory ----
 * Flat: a name is "<volume>/<file>", and a directory exists while a file
 * is in it, as the supplicant's own answers make it look.  It is small,
 * as a disk may be: past FS_FILES files or FS_BYTES bytes it is full.
 * Every request is checked as the secure world's own: well formed, with
 * memrefs inside the RPC buffer, on fds and directories it opened.
 */
#define FS_FILES	64
#define FS_BYTES	((size_t)4 << 20)
#define FS_FDS		4
#define FS_DIRS		2
#define FS_FD_BASE	3		/* the first fd or dir handle */

struct fake_file {
	bool used;
	char name[REE_FS_NAME_MAX];
	uint8_t *data;
	size_t len;
};

static struct {
	struct fake_file files[FS_FILES];
	size_t bytes;			/* of all files */
	int fd_file[FS_FDS];		/* an open fd's file; -1: closed */
	int dir_next[FS_DIRS];		/* an open dir's next file; -1 */
	char dir_name[FS_DIRS][REE_FS_NAME_MAX];
} fs;

static void fs_wipe(void)
{
	for (size_t i = 0; i < FS_FILES; i++)
		free(fs.files[i].data);
	memset(&fs, 0, sizeof(fs));
	for (size_t i = 0; i < FS_FDS; i++)
		fs.fd_file[i] = -1;
	for (size_t i = 0; i < FS_DIRS; i++)
		fs.dir_next[i] = -1;
}

static bool fs_all_closed(void)
{
	for (size_t i = 0; i < FS_FDS; i++)
		if (fs.fd_file[i] >= 0)
			return false;
	for (size_t i = 0; i < FS_DIRS; i++)
		if (fs.dir_next[i] >= 0)
			return false;
	return true;
}

/* The bytes of memref p, which must lie in the one RPC buffer. */
static uint8_t *fs_mem(const struct optee_msg_param *p, uint64_t attr)
{
	const struct optee_msg_param_tmem *t = &p->u.tmem;
	uint64_t base = fz.rpc_blk->pa;

	if (p->attr != attr || in.shm_live != 1 || t->shm_ref != RPC_COOKIE ||
	    t->buf_ptr < base || t->size > in.shm_size ||
	    t->buf_ptr - base > in.shm_size - t->size)
		fail("an FS memref outside the buffer allocated for it");
	return ns_ram_va(fz.ram, t->buf_ptr, t->size);
}

/* The name in memref p: one NUL-terminated string, filling it. */
static const char *fs_name(const struct optee_msg_param *p)
{
	const char *name = (const char *)fs_mem(p,
				OPTEE_MSG_ATTR_TYPE_TMEM_INPUT);
	uint64_t size = p->u.tmem.size;

	if (!size || size > REE_FS_NAME_MAX ||
	    memchr(name, '\0', size) != name + size - 1)
		fail("an FS name that is not one string");
	return name;
}

static int fs_find(const char *name)
{
	for (int i = 0; i < FS_FILES; i++)
		if (fs.files[i].used && !strcmp(fs.files[i].name, name))
			return i;
	return -1;
}

/* Whether file i is in directory dir. */
static bool fs_in_dir(int i, const char *dir)
{
	size_t len = strlen(dir);

	return fs.files[i].used && !strncmp(fs.files[i].name, dir, len) &&
	       fs.files[i].name[len] == '/';
}

/* The open fd (or dir handle, among n) that value v names. */
static int fs_handle(uint64_t v, const int *table, size_t n)
{
	if (v < FS_FD_BASE || v - FS_FD_BASE >= n || table[v - FS_FD_BASE] < 0)
		fail("an FS request on an fd or dir it did not open");
	return (int)(v - FS_FD_BASE);
}

/* A new fd or dir handle for item (file, or next file), into *out. */
static void fs_hand_out(int *table, size_t n, int item, uint64_t *out)
{
	for (size_t i = 0; i < n; i++) {
		if (table[i] < 0) {
			table[i] = item;
			*out = FS_FD_BASE + i;
			return;
		}
	}
	fail("more FS fds or dirs open at once than storage needs");
}

/* Resizes file f to len (new bytes zero); STORAGE_NO_SPACE when full. */
static uint32_t fs_resize(struct fake_file *f, uint64_t len)
{
	uint8_t *grown;

	if (len > f->len && len - f->len > FS_BYTES - fs.bytes)
		return TEE_ERROR_STORAGE_NO_SPACE;
	grown = realloc(f->data, len ? len : 1);
	if (!grown)
		fail("out of memory");
	if (len > f->len)
		memset(grown + f->len, 0, len - f->len);
	fs.bytes = fs.bytes - f->len + len;
	f->data = grown;
	f->len = len;
	return TEE_SUCCESS;
}

/* OPEN, CREATE: p1 the name, p2 VALUE_OUTPUT a = fd. */
static uint32_t fs_open(uint64_t cmd, struct optee_msg_param *p, bool failed,
			bool lie)
{
	const char *name = fs_name(&p[1]);
	int i = fs_find(name);

	if (p[2].attr != OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT)
		fail("an FS open without its fd's place");
	if (failed)
		return TEE_ERROR_GENERIC;
	if (i < 0 && cmd == OPTEE_RPC_FS_OPEN)
		return TEE_ERROR_ITEM_NOT_FOUND;
	if (i < 0) {
		for (i = 0; i < FS_FILES && fs.files[i].used; i++)
			;
		if (i == FS_FILES)
			return TEE_ERROR_STORAGE_NO_SPACE;
		fs.files[i].used = true;
		snprintf(fs.files[i].name, REE_FS_NAME_MAX, "%s", name);
	}
	if (cmd == OPTEE_RPC_FS_CREATE)
		fs_resize(&fs.files[i], 0);
	if (lie) {
		p[2].u.value.a = 1ull << 32 | FS_FD_BASE;	/* no fd */
		return TEE_SUCCESS;
	}
	fs_hand_out(fs.fd_file, FS_FDS, i, &p[2].u.value.a);
	return TEE_SUCCESS;
}

/* READ, WRITE: p0 b = fd, c = offset; p1 the bytes. */
static uint32_t fs_io(uint64_t cmd, struct optee_msg_param *p, bool failed,
		      bool lie)
{
	struct fake_file *f = &fs.files[fs.fd_file[fs_handle(
		p[0].u.value.b, fs.fd_file, FS_FDS)]];
	uint64_t off = p[0].u.value.c, size = p[1].u.tmem.size, got;
	uint8_t *buf = fs_mem(&p[1], cmd == OPTEE_RPC_FS_READ ?
					    OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT :
					    OPTEE_MSG_ATTR_TYPE_TMEM_INPUT);

	if (failed)
		return TEE_ERROR_GENERIC;
	if (cmd == OPTEE_RPC_FS_WRITE) {
		if (lie || !size)
			return TEE_SUCCESS;
		if (off > FS_BYTES || size > FS_BYTES - off ||
		    (off + size > f->len && fs_resize(f, off + size)))
			return TEE_ERROR_STORAGE_NO_SPACE;
		memcpy(f->data + off, buf, size);
		return TEE_SUCCESS;
	}
	got = off < f->len ? (f->len - off < size ? f->len - off : size) : 0;
	if (got)
		memcpy(buf, f->data + off, got);
	if (++in.fs_reads == env.fs_flip && got)
		buf[got / 2] ^= (uint8_t)(1u << (in.fs_reqs % 8));
	p[1].u.tmem.size = lie ? size + 1 : got;
	return TEE_SUCCESS;
}

/* OPENDIR: p1 the name, p2 VALUE_OUTPUT a = handle.  READDIR: p0 b =
 * handle; p1 the next name's place.  Missing or empty: ITEM_NOT_FOUND. */
static uint32_t fs_dir(uint64_t cmd, struct optee_msg_param *p, bool failed,
		       bool lie)
{
	const char *name;
	char *out;
	size_t len, need;
	int d, i;

	if (cmd == OPTEE_RPC_FS_OPENDIR) {
		name = fs_name(&p[1]);
		if (p[2].attr != OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT)
			fail("an FS opendir without its handle's place");
		if (failed)
			return TEE_ERROR_GENERIC;
		for (i = 0; i < FS_FILES && !fs_in_dir(i, name); i++)
			;
		if (i == FS_FILES)
			return TEE_ERROR_ITEM_NOT_FOUND;
		if (lie) {
			p[2].u.value.a = ~0ull;
			return TEE_SUCCESS;
		}
		fs_hand_out(fs.dir_next, FS_DIRS, 0, &p[2].u.value.a);
		d = (int)(p[2].u.value.a - FS_FD_BASE);
		snprintf(fs.dir_name[d], REE_FS_NAME_MAX, "%s", name);
		return TEE_SUCCESS;
	}
	d = fs_handle(p[0].u.value.b, fs.dir_next, FS_DIRS);
	out = (char *)fs_mem(&p[1], OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT);
	len = p[1].u.tmem.size;
	if (failed)
		return TEE_ERROR_GENERIC;
	for (i = fs.dir_next[d]; i < FS_FILES && !fs_in_dir(i, fs.dir_name[d]);
	     i++)
		;
	if (i == FS_FILES)
		return TEE_ERROR_ITEM_NOT_FOUND;
	name = fs.files[i].name + strlen(fs.dir_name[d]) + 1;
	need = strlen(name) + 1;
	if (lie) {	/* a name without its NUL */
		memset(out, 'x', len);
		p[1].u.tmem.size = len;
		return TEE_SUCCESS;
	}
	p[1].u.tmem.size = need;
	if (need > len)
		return TEE_ERROR_SHORT_BUFFER;
	memcpy(out, name, need);
	fs.dir_next[d] = i + 1;
	return TEE_SUCCESS;
}

static uint32_t fake_fs(size_t n, struct optee_msg_param *p)
{
	static const size_t nparams[] = {
		[OPTEE_RPC_FS_OPEN] = 3, [OPTEE_RPC_FS_CREATE] = 3,
		[OPTEE_RPC_FS_CLOSE] = 1, [OPTEE_RPC_FS_READ] = 2,
		[OPTEE_RPC_FS_WRITE] = 2, [OPTEE_RPC_FS_TRUNCATE] = 1,
		[OPTEE_RPC_FS_REMOVE] = 2, [OPTEE_RPC_FS_OPENDIR] = 3,
		[OPTEE_RPC_FS_CLOSEDIR] = 1, [OPTEE_RPC_FS_READDIR] = 2,
	};
	unsigned int req = ++in.fs_reqs;
	bool failed = req == env.fs_fail, lie = req == env.fs_lie;
	struct fake_file *f;
	uint64_t cmd;
	int i;

	if (!n || p[0].attr != OPTEE_MSG_ATTR_TYPE_VALUE_INPUT)
		fail("an FS request without its command");
	cmd = p[0].u.value.a;
	if (cmd >= sizeof(nparams) / sizeof(nparams[0]) || !nparams[cmd] ||
	    n != nparams[cmd])
		fail("an FS request trusted storage does not make");
	switch (cmd) {
	case OPTEE_RPC_FS_OPEN:
	case OPTEE_RPC_FS_CREATE:
		return fs_open(cmd, p, failed, lie);
	case OPTEE_RPC_FS_READ:
	case OPTEE_RPC_FS_WRITE:
		return fs_io(cmd, p, failed, lie);
	case OPTEE_RPC_FS_OPENDIR:
	case OPTEE_RPC_FS_READDIR:
		return fs_dir(cmd, p, failed, lie);
	case OPTEE_RPC_FS_CLOSE:	/* closed even when it "fails" */
		fs.fd_file[fs_handle(p[0].u.value.b, fs.fd_file, FS_FDS)] = -1;
		break;
	case OPTEE_RPC_FS_CLOSEDIR:
		fs.dir_next[fs_handle(p[0].u.value.b, fs.dir_next, FS_DIRS)] =
			-1;
		break;
	case OPTEE_RPC_FS_TRUNCATE:
		f = &fs.files[fs.fd_file[fs_handle(p[0].u.value.b, fs.fd_file,
						    FS_FDS)]];
		if (!failed && !lie)
			return fs_resize(f, p[0].u.value.c);
		break;
	case OPTEE_RPC_FS_REMOVE:
		i = fs_find(fs_name(&p[1]));
		if (failed || lie)
			break;
		if (i < 0)
			return TEE_ERROR_ITEM_NOT_FOUND;
		free(fs.files[i].data);
		fs.bytes -= fs.files[i].len;
		fs.files[i] = (struct fake_file){ 0 };
		break;
	}
	return failed ? TEE_ERROR_GENERIC : TEE_SUCCESS;
}

uint32_t sw_rpc_cmd(struct sw_thread *thr, uint32_t cmd, size_t n,
		    struct optee_msg_param *params)
{
	(void)thr;
	in.rpcs++;
	switch (cmd) {
	case OPTEE_RPC_CMD_SUPP_PLUGIN:
		return fake_plugin(n, params);
	case OPTEE_RPC_CMD_FS:
		return fake_fs(n, params);
	case OPTEE_RPC_CMD_RPMB:
		return TEE_ERROR_NOT_SUPPORTED;	/* no RPMB device */
	default:
		fail("an RPC no syscall makes");
	}
	return TEE_ERROR_GENERIC;
}

/* ---- TA loading and TA processes ---- */

uint32_t ta_load_image(struct tos *tos, struct sw_thread *thr,
		       const uint8_t uuid[16], int *elf_fd)
{
	unsigned int n = in.loads++;

	(void)tos;
	(void)thr;
	(void)uuid;
	*elf_fd = -1;
	return n < 8 && (env.callee.load_fails >> n & 1) ?
		       TEE_ERROR_ITEM_NOT_FOUND : TEE_SUCCESS;
}

/* A process for inst: its channel page and socket, played by a fake. */
static void fake_start(struct ta_instance *inst)
{
	int sv[2];

	if (fz.nfakes == MAX_FAKES)
		fail("too many TA processes");
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK,
		       0, sv))
		fail("socketpair");
	inst->sock = sv[0];
	inst->chan_fd = sv[1];	/* the process's end */
	inst->chan = calloc(1, sizeof(*inst->chan));
	if (!inst->chan)
		fail("out of memory");
	fz.fakes[fz.nfakes++] = (struct fake_ta){ .inst = inst };
	inst->pid = (pid_t)fz.nfakes;
}

uint32_t ta_process_spawn(struct tos *tos, struct ta_instance *inst,
			  int elf_fd, bool debug_stop)
{
	unsigned int n = in.spawns++;

	(void)tos;
	(void)elf_fd;
	(void)debug_stop;
	if (fz.nfakes == MAX_FAKES)
		return TEE_ERROR_OUT_OF_MEMORY;
	fake_start(inst);
	if (n < 8 && (env.callee.spawn_fails >> n & 1))
		return TEE_ERROR_GENERIC;
	inst->flags = env.callee.flags & ALL_FLAGS;
	return TEE_SUCCESS;
}

void ta_process_kill(struct ta_instance *inst)
{
	fake_of(inst)->killed = true;
}

void ta_process_free(struct ta_instance *inst)
{
	struct fake_ta *f;

	if (!inst->pid)
		return;		/* never started: too many processes */
	f = fake_of(inst);
	if (f->must_die && !f->killed)
		fail("a TA that broke the protocol was not killed");
	f->freed = true;
	if (inst->sock >= 0)
		close(inst->sock);
	if (inst->chan_fd >= 0)
		close(inst->chan_fd);
	free(inst->chan);
	inst->chan = NULL;
	inst->sock = inst->chan_fd = -1;
}

/* What the death monitor does when a TA's socket says EOF. */
void ta_mark_dead(struct ta_instance *inst)
{
	pthread_mutex_lock(&inst->lock);
	inst->dead = true;
	pthread_cond_broadcast(&inst->cond);
	pthread_mutex_unlock(&inst->lock);
}

bool ta_chan_wait(struct ta_instance *inst, int timeout_ms)
{
	(void)timeout_ms;
	return !__atomic_load_n(&inst->dead, __ATOMIC_ACQUIRE);
}

/* The process takes the map messages the OS announced, and no more. */
static void drain_maps(struct ta_instance *inst, uint32_t n)
{
	char b;

	for (uint32_t i = 0; i < n; i++) {
		char cbuf[CMSG_SPACE(sizeof(int))];
		struct ta_map_msg mm;
		struct iovec iov = { &mm, sizeof(mm) };
		struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
				     .msg_control = cbuf,
				     .msg_controllen = sizeof(cbuf) };
		struct cmsghdr *cm;
		int fd;

		if (recvmsg(inst->chan_fd, &mh, MSG_CMSG_CLOEXEC) !=
		    sizeof(mm))
			fail("a new map announced but not sent");
		cm = CMSG_FIRSTHDR(&mh);
		if (!cm || cm->cmsg_type != SCM_RIGHTS)
			fail("a map without its memfd");
		memcpy(&fd, CMSG_DATA(cm), sizeof(fd));
		close(fd);
		if (!mm.map_id || !mm.size)
			fail("a map of nothing");
	}
	if (recv(inst->chan_fd, &b, 1, MSG_PEEK | MSG_DONTWAIT) >= 0)
		fail("more maps sent than announced");
}

static unsigned int next_act(void)
{
	uint8_t b = env.callee.script[in.script_pos++ % FTS_SCRIPT];

	return (b & 7) % FTS_ACTS;
}

static void post_done(struct ta_chan *c, const struct fake_ta *f)
{
	struct ta_chan_msg *o = &c->msg;
	bool entry_point = f->entry_func == TA_ENTRY_OPEN_SESSION ||
			   f->entry_func == TA_ENTRY_INVOKE;

	o->kind = TA_MSG_DONE;
	o->ret = entry_point ? env.callee.ret : TEE_SUCCESS;
	o->data_len = 0;
	for (int i = 0; i < 4; i++) {
		uint32_t t = (f->entry_types >> (4 * i)) & 0xf;

		if (!(t & 2))
			continue;
		if (t >= TA_PARAM_MEMREF_INPUT) {
			o->params[i].size = env.callee.out_size[i];
		} else {
			o->params[i].a = env.callee.out_a[i];
			o->params[i].b = env.callee.out_b[i];
		}
	}
}

static void post_syscall(struct ta_chan *c, struct fake_ta *f)
{
	struct ta_chan_msg *o = &c->msg;
	uint32_t len = env.callee.nested_len;

	if (len > in.op_len)
		len = in.op_len;
	o->kind = TA_MSG_SYSCALL;
	o->func = env.callee.nested_func;
	memcpy(o->args, env.callee.nested_args, sizeof(o->args));
	if (o->func == TA_SYS_WAIT)
		o->args[0] &= ~0xffffffffull;	/* no wait sleeps here */
	o->data_len = len;
	memcpy(c->data, in.op_data, len);
	f->in_syscall = true;
}

/* The TA's turn: it answers the OS's post at once. */
void ta_chan_post(struct ta_instance *inst)
{
	struct fake_ta *f = fake_of(inst);
	struct ta_chan *c = inst->chan;
	unsigned int act = FTS_DONE;
	struct ta_chan_msg m;

	/* from here the OS reuses the secure thread's buffer for this TA */
	ASAN_UNPOISON_MEMORY_REGION(fz.scratch, TA_CHAN_DATA_MAX);
	memcpy(&m, &c->msg, sizeof(m));
	if (inst->dead)
		fail("posted to a dead TA");
	if (m.kind == TA_MSG_ENTRY) {
		if (f->in_syscall)
			fail("an entry while a syscall is unanswered");
		if (!types_ok(m.param_types))
			fail("an entry with types the TA runtime dies of");
		if (m.n_unmaps > TA_CHAN_MAX_UNMAPS)
			fail("too many unmaps");
		drain_maps(inst, m.n_new_maps);
		f->entries++;
		in.entries++;
		f->entry_types = m.param_types;
		f->entry_func = m.func;
		if (m.func == TA_ENTRY_OPEN_SESSION ||
		    m.func == TA_ENTRY_INVOKE)
			act = next_act();
	} else if (m.kind == TA_MSG_SYSCALL_RET) {
		if (!f->in_syscall)
			fail("an answer to no syscall");
		if (m.data_len > TA_CHAN_DATA_MAX)
			fail("an answer longer than the channel");
		f->in_syscall = false;
	} else {
		fail("the OS posted an unknown kind");
	}
	switch (act) {
	case FTS_NESTED:
		if (!in.nested_left)
			break;
		in.nested_left--;
		post_syscall(c, f);
		return;
	case FTS_DIE:
		ta_mark_dead(inst);
		return;
	case FTS_BAD_KIND:
		f->must_die = true;
		c->msg.kind = TA_MSG_DONE + 1 + (env.callee.ret & 0xff);
		return;
	case FTS_BAD_LEN:
		f->must_die = true;
		c->msg.kind = TA_MSG_SYSCALL;
		c->msg.func = TA_SYS_LOG;
		c->msg.data_len = TA_CHAN_DATA_MAX + 1 + (env.callee.ret >> 8);
		return;
	}
	post_done(c, f);
}

/* ---- the fixture ---- */

static struct ta_instance *fixture_instance(uint8_t tag)
{
	struct ta_instance *inst = calloc(1, sizeof(*inst));
	pthread_condattr_t attr;

	if (!inst)
		fail("out of memory");
	memset(inst->uuid, tag, sizeof(inst->uuid));
	ta_image_uuid_to_str(inst->uuid, inst->uuid_str);
	inst->pidfd = -1;
	pthread_mutex_init(&inst->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&inst->cond, &attr);
	pthread_condattr_destroy(&attr);
	inst->serial = ++fz.tos.next_serial;
	list_add_tail(&inst->node, &fz.tos.instances);
	fake_start(inst);
	return inst;
}

static struct tos_session *fixture_session(uint32_t id,
					   struct ta_instance *inst,
					   struct ta_instance *owner)
{
	struct tos_session *sess = calloc(1, sizeof(*sess));

	if (!sess)
		fail("out of memory");
	sess->id = id;
	sess->inst = inst;
	sess->owner = owner;
	sess->refs = 1;
	inst->nsessions++;
	inst->refs++;
	list_add_tail(&sess->node, &fz.tos.sessions);
	return sess;
}

/* ---- trusted storage: its secure dir, and starting it ---- */

/* Removes the files in dir, then dir. */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[512];

	if (!d)
		return;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

/* The temporary dir goes (also when the fuzzer dies of a finding). */
static void storage_dir_forget(void)
{
	char nv[sizeof(fz.secure_dir) + 4];

	if (!fz.secure_dir[0])
		return;
	snprintf(nv, sizeof(nv), "%s/nv", fz.secure_dir);
	remove_dir(nv);
	remove_dir(fz.secure_dir);
	rmdir(fz.base_dir);
	fz.secure_dir[0] = '\0';
}

static void storage_dir_remove(void)
{
	storage_free(fz.tos.storage);
	fz.tos.storage = NULL;
	fs_wipe();
	storage_dir_forget();
}

/* A temporary dir for the process, in memory when there is /dev/shm:
 * storage syncs every NV counter it raises. */
static void storage_dir_make(void)
{
	const char *base = access("/dev/shm", W_OK) ? getenv("TMPDIR") :
						      "/dev/shm";

	snprintf(fz.base_dir, sizeof(fz.base_dir), "%s/vtee-fuzz-XXXXXX",
		 base ? base : "/tmp");
	if (!mkdtemp(fz.base_dir))
		fail("cannot make a temporary directory");
	snprintf(fz.secure_dir, sizeof(fz.secure_dir), "%s/secure",
		 fz.base_dir);
	atexit(storage_dir_remove);
	__sanitizer_set_death_callback(storage_dir_forget);
}

/* Trusted storage starts again: from nothing (a new input: files and NV
 * counters go too), or from what is stored (a restart, as after a reboot:
 * every handle goes). */
static void storage_start(bool from_nothing)
{
	char nv[sizeof(fz.secure_dir) + 4];

	storage_free(fz.tos.storage);
	fz.tos.storage = NULL;
	in.npobj = 0;
	if (from_nothing) {
		fs_wipe();
		snprintf(nv, sizeof(nv), "%s/nv", fz.secure_dir);
		remove_dir(nv);
	}
	if (storage_new(fz.secure_dir, &fz.tos.storage))
		fail("cannot start trusted storage");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct tos *tos = &fz.tos;

	(void)argc;
	(void)argv;
	if (ns_ram_create((RPC_PAGES + 1) * PAGE, &fz.ram))
		fail("cannot create RAM");
	fz.rpc_blk = ns_ram_alloc(fz.ram, RPC_PAGES * PAGE, "fuzz-rpc");
	fz.scratch = malloc(TA_CHAN_DATA_MAX);
	if (!fz.rpc_blk || !fz.scratch)
		fail("out of memory");
	fz.sw.ram = fz.ram;
	fz.thr.sw = &fz.sw;
	fz.thr.scratch = fz.scratch;
	tos->cfg.ram = fz.ram;
	memset(tos->cfg.device_id, 0xd1, sizeof(tos->cfg.device_id));
	pthread_mutex_init(&tos->lock, NULL);
	pthread_mutex_init(&tos->load_lock, NULL);
	pthread_mutex_init(&tos->launcher_lock, NULL);
	list_init(&tos->instances);
	list_init(&tos->sessions);
	list_init(&tos->times);
	tos->epoll_fd = tos->monitor_stop_fd = tos->launcher_sock = -1;
	fz.hostile = fixture_instance(0x11);
	fz.other = fixture_instance(0x22);
	fz.target = fixture_instance(0x33);
	fz.foreign = fixture_session(FTS_FOREIGN_SESSION, fz.target, fz.other);
	fz.client = fixture_session(FTS_CLIENT_SESSION, fz.target, NULL);
	fz.caller = fixture_session(FTS_CALLER_SESSION, fz.hostile, NULL);
	fz.nfixed = fz.nfakes;
	storage_dir_make();
	storage_start(true);
	return 0;
}

static bool is_fixture(const struct ta_instance *inst)
{
	return inst == fz.hostile || inst == fz.other || inst == fz.target;
}

static void input_start(const uint8_t *data, size_t size)
{
	struct ta_instance *h = fz.hostile;
	struct tos_session *c = fz.caller;

	memset(&env, 0, sizeof(env));
	memcpy(&env, data, size < sizeof(env) ? size : sizeof(env));
	memset(&in, 0, sizeof(in));
	in.nested_left = NESTED_BUDGET;
	fz.tos.next_session_id = 0;
	/* the hostile TA is running an invoke of FTS_CALLER_SESSION */
	h->flags = env.hostile_flags & ALL_FLAGS;
	h->live = h->flags & FTS_FLAG_SINGLE;
	h->dead = false;
	h->busy = true;
	h->busy_thr = &fz.thr;
	fz.fakes[h->pid - 1].killed = false;
	c->running = true;
	c->cancel_req = env.cancel & 1;
	c->cancel_masked = !(env.cancel & 2);
	c->caller = NULL;
	c->has_deadline = false;
	storage_start(true);
}

/* ---- the model ---- */

static ORACLE bool is_memref(uint32_t t)
{
	return t >= TA_PARAM_MEMREF_INPUT && t <= TA_PARAM_MEMREF_INOUT;
}

/* Whether data is a well-formed struct ta_sys_ta_call and payload. */
static ORACLE bool model_call_ok(const uint8_t *data, uint32_t len)
{
	struct ta_sys_ta_call call;
	uint64_t used = sizeof(call);

	if (len < sizeof(call))
		return false;
	memcpy(&call, data, sizeof(call));
	if (!types_ok(call.param_types) || call.null_mask >> 4)
		return false;
	for (int i = 0; i < 4; i++) {
		uint32_t t = (call.param_types >> (4 * i)) & 0xf;
		uint64_t size = call.params[i].size;

		if (!is_memref(t)) {
			if (call.null_mask >> i & 1)
				return false;
			continue;
		}
		if (call.null_mask >> i & 1)
			continue;
		/* bytes start where the previous memref's padding ends; the
		 * padding may be missing at the very end */
		if (size > len - used)
			return false;
		used += (size + 7) / 8 * 8;
		if (used > len)
			used = len;
	}
	return true;
}

static ORACLE bool model_plugin_ok(const struct ta_chan_msg *m, uint32_t len)
{
	uint64_t size = m->args[2];

	return len >= 16 && size && size <= PLUGIN_BUF_MAX &&
	       len - 16 <= size;
}

/* The live session `handle` names if the hostile TA owns it. */
static ORACLE struct tos_session *model_owned(uint64_t handle)
{
	struct tos_session *s;

	if (handle > UINT32_MAX)
		return NULL;
	list_for_each_entry(s, &fz.tos.sessions, node)
		if (s->id == handle && s->owner == fz.hostile && !s->closed)
			return s;
	return NULL;
}

struct before {
	unsigned int entries, rpcs, loads, fs_reqs;
	bool owned;		/* args[0] is a TA-to-TA session it owns */
	bool pobj_owned;	/* args[0] is an object handle it holds */
};

static ORACLE void check_ta2ta(const struct ta_chan_msg *op,
			       const struct ta_chan_msg *m,
			       const uint8_t *data, uint32_t len,
			       const struct before *b)
{
	bool reached = in.entries != b->entries || in.loads != b->loads;

	if (!model_call_ok(data, len)) {
		if (m->ret != TEE_ERROR_BAD_PARAMETERS || m->data_len ||
		    m->args[1] != TEE_ORIGIN_TEE || reached)
			fail("a malformed TA-to-TA call was not refused");
		return;
	}
	if (m->ret == TEE_ERROR_BAD_PARAMETERS && !reached)
		fail("a well-formed TA-to-TA call was refused");
	if (op->func == TA_SYS_INVOKE_TA_COMMAND && !b->owned &&
	    (m->ret != TEE_ERROR_ITEM_NOT_FOUND || reached))
		fail("an invoke on a session the TA does not own");
	if (m->data_len != len && m->ret != TEE_ERROR_OUT_OF_MEMORY)
		fail("a TA-to-TA answer of another length");
	if (op->func == TA_SYS_OPEN_TA_SESSION &&
	    (m->ret ? m->args[0] != 0 : !model_owned(m->args[0])))
		fail("OPEN's handle is not the TA's new session");
}

static ORACLE void check_prop(const struct ta_chan_msg *op,
			      const struct ta_chan_msg *m)
{
	size_t name;

	if (op->args[0] > UINT32_MAX && m->ret != TEE_ERROR_ITEM_NOT_FOUND)
		fail("a property index past 32 bits found something");
	if (m->ret) {
		if (m->data_len)
			fail("a property error with data");
		return;
	}
	name = strnlen((const char *)fz.scratch, m->data_len);
	if (!name || name + 1 >= m->data_len ||
	    strnlen((const char *)fz.scratch + name + 1,
		    m->data_len - name - 1) != m->data_len - name - 2 ||
	    (m->args[0] != 0 && m->args[0] != 1 && m->args[0] != 2 &&
	     m->args[0] != 4))
		fail("a property is not \"name\\0value\\0\" of a known type");
}

/* ---- the model of persistent objects ---- */

static ORACLE bool pobj_owned(uint64_t handle)
{
	for (unsigned int i = 0; i < in.npobj; i++)
		if (in.pobj[i] == handle)
			return true;
	return false;
}

static ORACLE void pobj_got(uint64_t handle)
{
	if (!handle || handle > UINT32_MAX || pobj_owned(handle) ||
	    in.npobj == FTS_MAX_OPS)
		fail("a new object handle that is no new handle");
	in.pobj[in.npobj++] = (uint32_t)handle;
}

static ORACLE void pobj_gone(uint64_t handle)
{
	for (unsigned int i = 0; i < in.npobj; i++)
		if (in.pobj[i] == handle)
			in.pobj[i] = in.pobj[--in.npobj];
}

static ORACLE bool pobj_takes_handle(uint32_t func)
{
	return func != TA_SYS_POBJ_OPEN && func != TA_SYS_POBJ_CREATE &&
	       func != TA_SYS_POBJ_NEXT;
}

/* Whether a position, not a 32-bit number, travels in args[1]. */
static ORACLE bool pobj_position(uint32_t func)
{
	return func == TA_SYS_POBJ_READ || func == TA_SYS_POBJ_WRITE ||
	       func == TA_SYS_POBJ_TRUNCATE;
}

static ORACLE bool pobj_storage_known(uint64_t id)
{
	return id == TEE_STORAGE_PRIVATE || id == TEE_STORAGE_PRIVATE_REE ||
	       id == TEE_STORAGE_PRIVATE_RPMB;
}

/* CREATE's data: struct, id (at most 64 bytes), blob (that fits NEXT's
 * answer with any id), then no more initial data than args[2] says there
 * is in all. */
static ORACLE bool model_create_ok(const struct ta_chan_msg *op,
				   const uint8_t *data, uint32_t len)
{
	struct ta_pobj_create cr;
	uint64_t rest;

	if (len < sizeof(cr))
		return false;
	memcpy(&cr, data, sizeof(cr));
	rest = len - sizeof(cr);
	if (cr.info.id_len > 64 || cr.info.id_len > rest ||
	    cr.info.blob_len > rest - cr.info.id_len ||
	    cr.info.blob_len > TA_CHAN_DATA_MAX - sizeof(cr.info) - 64)
		return false;
	return rest - cr.info.id_len - cr.info.blob_len <= op->args[2];
}

/* Ids in enumeration order: bytes, then length. */
static ORACLE int id_order(const uint8_t *a, size_t a_len, const uint8_t *b,
			   size_t b_len)
{
	for (size_t i = 0; i < a_len && i < b_len; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return a_len < b_len ? -1 : a_len > b_len;
}

/* A successful OPEN, INFO or NEXT answer: info first, then (NEXT) the
 * id, then (OPEN, NEXT) the blob, and nothing more. */
static ORACLE struct ta_pobj_info pobj_answer(const struct ta_chan_msg *m,
					      bool with_id, bool with_blob)
{
	struct ta_pobj_info info;
	uint64_t want;

	if (m->data_len < sizeof(info))
		fail("a storage answer shorter than its info");
	memcpy(&info, fz.scratch, sizeof(info));
	want = sizeof(info) + (with_id ? info.id_len : 0) +
	       (with_blob ? (uint64_t)info.blob_len : 0);
	if (info.id_len > 64 || m->data_len != want)
		fail("a storage answer is not its info, id and blob");
	return info;
}

static ORACLE void check_pobj_ok(const struct ta_chan_msg *op,
				 const struct ta_chan_msg *m,
				 const uint8_t *data, uint32_t len)
{
	struct ta_pobj_info info;

	switch (op->func) {
	case TA_SYS_POBJ_OPEN:
		info = pobj_answer(m, false, true);
		if (info.id_len != len || info.flags != op->args[1])
			fail("OPEN's info is not the object opened");
		pobj_got(m->args[0]);
		break;
	case TA_SYS_POBJ_CREATE:
		pobj_got(m->args[0]);
		break;
	case TA_SYS_POBJ_CLOSE:
	case TA_SYS_POBJ_DELETE:
		pobj_gone(op->args[0]);
		break;
	case TA_SYS_POBJ_READ:
		if (m->data_len > op->args[2])
			fail("READ answered more than was asked");
		break;
	case TA_SYS_POBJ_INFO:
		pobj_answer(m, false, false);
		break;
	case TA_SYS_POBJ_NEXT:
		info = pobj_answer(m, true, true);
		if (op->args[1] && len <= 64 &&
		    id_order(fz.scratch + sizeof(info), info.id_len, data,
			     len) <= 0)
			fail("NEXT did not go forward");
		break;
	}
}

static ORACLE void check_pobj(const struct ta_chan_msg *op,
			      const struct ta_chan_msg *m,
			      const uint8_t *data, uint32_t len,
			      const struct before *b)
{
	bool rpc = in.rpcs != b->rpcs;

	if ((m->ret || (op->func != TA_SYS_POBJ_OPEN &&
			op->func != TA_SYS_POBJ_READ &&
			op->func != TA_SYS_POBJ_INFO &&
			op->func != TA_SYS_POBJ_NEXT)) && m->data_len)
		fail("a storage answer with data where there is none");
	if (op->args[0] > UINT32_MAX ||
	    (op->args[1] > UINT32_MAX && !pobj_position(op->func))) {
		if (m->ret != TEE_ERROR_BAD_PARAMETERS || rpc)
			fail("a storage argument past 32 bits was taken");
		return;
	}
	if (pobj_takes_handle(op->func) ? !b->pobj_owned :
					  !pobj_storage_known(op->args[0])) {
		if (!m->ret || rpc ||
		    (pobj_takes_handle(op->func) &&
		     m->ret != TEE_ERROR_BAD_PARAMETERS))
			fail("a handle the TA does not own, or a storage that "
			     "does not exist, was used");
		return;
	}
	if (op->func == TA_SYS_POBJ_CREATE && !model_create_ok(op, data, len) &&
	    (m->ret != TEE_ERROR_BAD_PARAMETERS || rpc))
		fail("a malformed CREATE was taken");
	if (!pobj_takes_handle(op->func) &&
	    op->args[0] == TEE_STORAGE_PRIVATE_RPMB &&
	    (in.fs_reqs != b->fs_reqs || !m->ret))
		fail("RPMB storage with no device answered, or used the FS");
	if (op->func == TA_SYS_POBJ_CLOSE && m->ret)
		fail("closing a handle the TA owns failed");
	/* only a normal world that fails, lies or flips bits corrupts */
	if (m->ret == TEE_ERROR_CORRUPT_OBJECT && !env.fs_fail &&
	    !env.fs_lie && !env.fs_flip)
		fail("an object turned corrupt in an honest file system");
	if (!m->ret)
		check_pobj_ok(op, m, data, len);
}

static ORACLE void check(const struct ta_chan_msg *op,
			 const struct ta_chan_msg *m, const uint8_t *data,
			 uint32_t len, const struct before *b)
{
	bool rpc = in.rpcs != b->rpcs;

	if (m->data_len > TA_CHAN_DATA_MAX)
		fail("an answer longer than the channel");
	if (in.shm_live)
		fail("an RPC buffer left allocated");
	if (!fs_all_closed())
		fail("an FS file or directory left open");
	switch (op->func) {
	case TA_SYS_LOG:
		if (m->ret || m->data_len)
			fail("LOG answers something");
		break;
	case TA_SYS_PANIC:
		if (!fz.hostile->dead || !fake_of(fz.hostile)->killed)
			fail("a panicking TA lives");
		break;
	case TA_SYS_WAIT:
		if (m->ret != TEE_SUCCESS && m->ret != TEE_ERROR_CANCEL)
			fail("WAIT's result");
		break;
	case TA_SYS_GET_CANCEL_FLAG:
	case TA_SYS_SET_CANCEL_MASK:
		if (m->ret || m->args[0] > 1)
			fail("a cancellation flag that is no flag");
		break;
	case TA_SYS_GET_REE_TIME:
		if (m->ret ? m->args[0] || m->args[1] :
			     m->args[0] != REE_SEC ||
				     m->args[1] != REE_NSEC / 1000000)
			fail("REE time is not the normal world's");
		break;
	case TA_SYS_SET_TA_TIME:
		if (m->ret != (op->args[0] > UINT32_MAX ||
					       op->args[1] > UINT32_MAX ?
				       TEE_ERROR_BAD_PARAMETERS : TEE_SUCCESS))
			fail("SET_TA_TIME's result");
		break;
	case TA_SYS_GET_TA_TIME:
		if ((m->ret == TEE_SUCCESS &&
		     (m->args[0] > UINT32_MAX || m->args[1] >= 1000)) ||
		    (m->ret == TEE_ERROR_OVERFLOW &&
		     m->args[0] <= UINT32_MAX) ||
		    (m->ret != TEE_SUCCESS && m->ret != TEE_ERROR_OVERFLOW &&
		     m->ret != TEE_ERROR_TIME_NOT_SET))
			fail("GET_TA_TIME's result");
		break;
	case TA_SYS_GET_TEE_PROP:
		check_prop(op, m);
		break;
	case TA_SYS_SUPP_PLUGIN:
		if (!model_plugin_ok(op, len)) {
			if (m->ret != TEE_ERROR_BAD_PARAMETERS || rpc ||
			    m->data_len)
				fail("a malformed plugin request passed");
		} else if (!rpc) {
			fail("a plugin request that never left");
		} else if (!m->ret && (m->data_len != m->args[0] ||
				       m->args[0] > op->args[2])) {
			fail("a plugin answer longer than its buffer");
		}
		break;
	case TA_SYS_OPEN_TA_SESSION:
	case TA_SYS_INVOKE_TA_COMMAND:
		check_ta2ta(op, m, data, len, b);
		break;
	case TA_SYS_CLOSE_TA_SESSION:
		if (m->data_len || (b->owned ? m->ret != TEE_SUCCESS :
			     m->ret != TEE_ERROR_ITEM_NOT_FOUND ||
				     in.entries != b->entries))
			fail("CLOSE's result");
		break;
	case TA_SYS_POBJ_OPEN:
	case TA_SYS_POBJ_CREATE:
	case TA_SYS_POBJ_CLOSE:
	case TA_SYS_POBJ_READ:
	case TA_SYS_POBJ_WRITE:
	case TA_SYS_POBJ_TRUNCATE:
	case TA_SYS_POBJ_INFO:
	case TA_SYS_POBJ_DELETE:
	case TA_SYS_POBJ_RENAME:
	case TA_SYS_POBJ_NEXT:
	case TA_SYS_POBJ_RESTRICT:
		check_pobj(op, m, data, len, b);
		break;
	default:
		if ((op->func == 0 || op->func > 0xffff) &&
		    (m->ret != TEE_ERROR_NOT_SUPPORTED || m->data_len))
			fail("an unknown syscall was served");
		break;
	}
	if (fake_of(fz.target)->entries)
		fail("a TA reached through a session its caller does not own");
	for (size_t i = 0; i < fz.nfakes; i++) {
		const struct fake_ta *f = &fz.fakes[i];

		if (f->must_die && !f->freed && (!f->killed || !f->inst->dead))
			fail("a TA that broke the protocol lives");
	}
}

/* Where an answer may go past the TA's data: the channel's bytes from 0
 * that the syscall may answer in. */
static ORACLE uint32_t answer_room(const struct ta_chan_msg *m)
{
	switch (m->func) {
	case TA_SYS_GET_TEE_PROP:
	case TA_SYS_POBJ_OPEN:	/* info and blob: unknown here */
	case TA_SYS_POBJ_NEXT:
		return TA_CHAN_DATA_MAX;
	case TA_SYS_POBJ_READ:
		return m->args[2] <= TA_CHAN_DATA_MAX ? (uint32_t)m->args[2] :
							0;
	case TA_SYS_POBJ_INFO:
		return sizeof(struct ta_pobj_info);
	default:
		return 0;
	}
}

/* One syscall of the hostile TA, as ta_call.c's run() serves it. */
static void run_op(const struct fts_op *op, const uint8_t *data,
		   uint32_t len)
{
	struct ta_chan_msg m = { .kind = TA_MSG_SYSCALL, .func = op->func,
				 .data_len = len };
	struct ta_chan_msg asked;
	struct before b;
	uint32_t room;

	memcpy(m.args, op->args, sizeof(m.args));
	if (m.func == TA_SYS_WAIT)
		m.args[0] &= ~0xffffffffull;	/* waits never sleep here */
	asked = m;
	memcpy(fz.scratch, data, len);
	/* past data_len: only an answer may be written there */
	room = answer_room(&m);
	if (room < len)
		room = len;
	ASAN_POISON_MEMORY_REGION(fz.scratch + room, TA_CHAN_DATA_MAX - room);
	b = (struct before){ .entries = in.entries, .rpcs = in.rpcs,
			     .loads = in.loads, .fs_reqs = in.fs_reqs,
			     .owned = model_owned(m.args[0]) != NULL,
			     .pobj_owned = m.args[0] <= UINT32_MAX &&
					   pobj_owned(m.args[0]) };
	in.op_data = data;
	in.op_len = len;
	ta_syscall(&fz.tos, &fz.thr, fz.hostile, fz.caller, &m, fz.scratch);
	/* the fake RPC RAM holds one buffer at a time: the payload buffer the
	 * thread keeps between requests goes back after each syscall */
	sw_rpc_payload_drop(&fz.thr);
	ASAN_UNPOISON_MEMORY_REGION(fz.scratch, TA_CHAN_DATA_MAX);
	check(&asked, &m, data, len, &b);
}

/* The first session still open that a non-fixture TA or the hostile TA
 * owns, with a reference; NULL if none. */
static struct tos_session *next_owned(void)
{
	struct tos_session *s, *found = NULL;

	pthread_mutex_lock(&fz.tos.lock);
	list_for_each_entry(s, &fz.tos.sessions, node) {
		if (s->owner && s->owner != fz.other && !s->closed) {
			s->refs++;
			found = s;
			break;
		}
	}
	pthread_mutex_unlock(&fz.tos.lock);
	return found;
}

/* Every handle went with its owner, and every open object with its last
 * handle; no volume is left busy. */
static ORACLE void check_storage_released(void)
{
	struct storage *s = fz.tos.storage;
	struct svol *vol;

	if (!list_empty(&s->handles))
		fail("an object handle outlived its owner");
	list_for_each_entry(vol, &s->vols, node)
		if (!list_empty(&vol->objs) || vol->busy)
			fail("an object open with no handle, or a volume busy");
}

/* As if the hostile TA's invoke ended and every TA it started went. */
static void input_end(void)
{
	struct ta_instance *inst, *itmp;
	struct tos_session *s;
	struct ta_time *t, *ttmp;

	fz.hostile->busy = false;
	fz.hostile->busy_thr = NULL;
	/* sessions TAs opened: closed as their owners' ends would */
	while ((s = next_owned()))
		tos_close_session_of(&fz.tos, &fz.thr, s);
	list_for_each_entry(s, &fz.tos.sessions, node)
		if ((s != fz.foreign && s != fz.client && s != fz.caller) ||
		    s->refs != 1 || s->closed)
			fail("a session outlived its owner, or lost one");
	/* what remains is kept alive by the TEE, and goes now */
	list_for_each_entry_safe(inst, itmp, &fz.tos.instances, node) {
		if (is_fixture(inst))
			continue;
		if ((inst->flags & (FTS_FLAG_SINGLE | FTS_FLAG_KEEP_ALIVE)) !=
			    (FTS_FLAG_SINGLE | FTS_FLAG_KEEP_ALIVE) ||
		    !inst->kept || !inst->live || inst->dead ||
		    inst->refs != 1 || inst->nsessions)
			fail("an instance outlived its sessions");
		list_del(&inst->node);
		ta_maps_release(&fz.tos, inst);
		storage_release_owner(fz.tos.storage, inst);
		ta_process_free(inst);
		pthread_mutex_destroy(&inst->lock);
		pthread_cond_destroy(&inst->cond);
		free(inst);
	}
	if (fz.hostile->refs != 1 || fz.hostile->nsessions != 1 ||
	    fz.target->refs != 2 || fz.target->nsessions != 2)
		fail("a fixture instance's counts changed");
	list_for_each_entry_safe(t, ttmp, &fz.tos.times, node) {
		list_del(&t->node);
		free(t);
	}
	for (size_t i = fz.nfixed; i < fz.nfakes; i++)
		if (!fz.fakes[i].freed)
			fail("a TA process outlived its instance");
	fz.nfakes = fz.nfixed;
	/* the hostile TA goes too, as far as storage knows */
	storage_release_owner(fz.tos.storage, fz.hostile);
	check_storage_released();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t off = sizeof(struct fts_env);

	input_start(data, size);
	for (unsigned int i = 0; i < env.nops && i < FTS_MAX_OPS; i++) {
		struct fts_op op;
		uint32_t len;

		if (size < off || size - off < sizeof(op))
			break;
		if (env.storage_restart >> i & 1)
			storage_start(false);
		memcpy(&op, data + off, sizeof(op));
		off += sizeof(op);
		len = op.data_len;
		if (len > size - off)
			len = (uint32_t)(size - off);
		if (len > TA_CHAN_DATA_MAX)
			len = TA_CHAN_DATA_MAX;
		run_op(&op, data + off, len);
		off += len;
		if (fz.hostile->dead)
			break;
	}
	input_end();
	return 0;
}
