// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target for the trusted OS's side of the TA syscall channel:
 * ta_syscall() given messages a hostile TA wrote as it liked
 * (fuzz_ta_syscall.h), and everything it reaches: TA-to-TA call parsing
 * and sessions (ta2ta.c, ta_manager.c, ta_call.c, ta_maps.c, mobj.c's
 * secure memory), SUPP_PLUGIN, TA time, TEE properties, waits and
 * cancellation.  Those files are compiled into this program; what leaves
 * the trusted OS is faked at link time:
 *  - TA processes (ta_process.c): a callee TA answers the channel at once,
 *    as the input's script says: DONE with outputs, a nested syscall,
 *    death, or a message the OS must kill it for;
 *  - TA loading (ta_load.c): found, or not;
 *  - RPCs (rpc.c): REE time, and SUPP_PLUGIN's shared memory in a small
 *    real RAM, with the supplicant's answer from the input;
 *  - the log: formatted (its reads of TA data count) and dropped;
 *  - trusted storage, while it is not compiled in here: weak stubs.
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
 *  - once the TA's sessions are closed, every session and instance it
 *    made is gone (kept-alive instances aside), and no other is touched.
 */
#include <sanitizer/asan_interface.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fuzz_ta_syscall.h"
#include "ns_ram.h"
#include "rpc.h"
#include "sw_private.h"
#include "tee_api_defines.h"
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
#define RPC_PAGES ((PLUGIN_BUF_MAX + PAGE - 1) / PAGE)
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
} fz;

/* The current input. */
static struct fts_env env;
static struct {
	unsigned int loads, spawns, script_pos, nested_left;
	unsigned int entries, rpcs, shm_live;
	uint64_t shm_size;
	const uint8_t *op_data;
	uint32_t op_len;
} in;

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_ta_syscall: %s\n", what);
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
	if (type != OPTEE_RPC_SHM_TYPE_APPL || !size || size > PLUGIN_BUF_MAX)
		fail("an RPC buffer the OS should have refused to ask for");
	if (in.shm_live)
		fail("two RPC buffers at once");
	if (env.rpc_fail & 2)
		return TEE_ERROR_OUT_OF_MEMORY;
	out->cookie = 0x5eed;
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
	/* where the answer goes: the OS may write it past the request */
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

/* Only SUPP_PLUGIN: a plugin that flips the buffer's first bytes. */
uint32_t sw_rpc_cmd(struct sw_thread *thr, uint32_t cmd, size_t n,
		    struct optee_msg_param *params)
{
	struct optee_msg_param_tmem *tmem = &params[3].u.tmem;
	uint8_t *buf;

	(void)thr;
	in.rpcs++;
	if (cmd != OPTEE_RPC_CMD_SUPP_PLUGIN || n != 4)
		fail("an RPC no syscall makes");
	if (in.shm_live != 1 ||
	    params[3].attr != OPTEE_MSG_ATTR_TYPE_TMEM_INOUT ||
	    tmem->buf_ptr != fz.rpc_blk->pa || tmem->size != in.shm_size)
		fail("the plugin's buffer is not the one allocated");
	buf = ns_ram_va(fz.ram, tmem->buf_ptr, tmem->size);
	for (size_t i = 0; i < 16 && i < tmem->size; i++)
		buf[i] ^= 0x5a;
	params[2].u.value.b = env.plugin_out_len;
	return (env.rpc_fail & 4) ? TEE_ERROR_ITEM_NOT_FOUND : TEE_SUCCESS;
}

/*
 * Trusted storage (src/secure/storage, being built beside this target) is
 * reached from ta_syscall.c and ta_manager.c once it lands.  Until its
 * sources are compiled in here (their definitions then replace these),
 * it answers nothing and owns nothing.
 */
struct storage;

__attribute__((weak)) void ta_storage_syscall(struct tos *tos,
					      struct sw_thread *thr,
					      struct ta_instance *inst,
					      struct ta_chan_msg *m,
					      uint8_t *data, uint32_t in_len)
{
	(void)tos;
	(void)thr;
	(void)inst;
	(void)data;
	(void)in_len;
	m->ret = TEE_ERROR_NOT_SUPPORTED;
	m->data_len = 0;
}

__attribute__((weak)) void storage_release_owner(struct storage *s,
						 const void *owner)
{
	(void)s;
	(void)owner;
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
	unsigned int entries, rpcs, loads;
	bool owned;
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

static ORACLE void check(const struct ta_chan_msg *op,
			 const struct ta_chan_msg *m, const uint8_t *data,
			 uint32_t len, const struct before *b)
{
	bool rpc = in.rpcs != b->rpcs;

	if (m->data_len > TA_CHAN_DATA_MAX)
		fail("an answer longer than the channel");
	if (in.shm_live)
		fail("an RPC buffer left allocated");
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

/* One syscall of the hostile TA, as ta_call.c's run() serves it. */
static void run_op(const struct fts_op *op, const uint8_t *data,
		   uint32_t len)
{
	struct ta_chan_msg m = { .kind = TA_MSG_SYSCALL, .func = op->func,
				 .data_len = len };
	struct ta_chan_msg asked;
	struct before b;

	memcpy(m.args, op->args, sizeof(m.args));
	if (m.func == TA_SYS_WAIT)
		m.args[0] &= ~0xffffffffull;	/* waits never sleep here */
	asked = m;
	memcpy(fz.scratch, data, len);
	/* past data_len: only a property's answer may be written there */
	if (m.func != TA_SYS_GET_TEE_PROP)
		ASAN_POISON_MEMORY_REGION(fz.scratch + len,
					  TA_CHAN_DATA_MAX - len);
	b = (struct before){ .entries = in.entries, .rpcs = in.rpcs,
			     .loads = in.loads,
			     .owned = model_owned(m.args[0]) != NULL };
	in.op_data = data;
	in.op_len = len;
	ta_syscall(&fz.tos, &fz.thr, fz.hostile, fz.caller, &m, fz.scratch);
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
