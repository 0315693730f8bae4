// SPDX-License-Identifier: BSD-2-Clause
/*
 * Writes the seed corpus of fuzz_ta_syscall (input format:
 * fuzz_ta_syscall.h): every syscall well formed, a TA-to-TA session
 * opened, invoked with values and memrefs and closed, callees that nest a
 * syscall, die or break the protocol, plugin requests, calls on sessions
 * the TA does not own, and persistent objects (created whole or in parts,
 * written, read, enumerated, renamed, restricted, deleted, reopened after
 * a storage restart, found tampered with).  Run at build time so no
 * binary file is committed.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "fuzz_ta_syscall.h"
#include "tee_api_defines.h"
#include "tee_api_defines_extensions.h"
#include "seed_file.h"

#define PT(t0, t1, t2, t3) ((t0) | (t1) << 4 | (t2) << 8 | (t3) << 12)

struct seed {
	struct fts_env env;
	uint8_t ops[8192];
	size_t len;
};

static void seed_op(struct seed *s, uint32_t func, const uint64_t args[6],
		    const void *data, uint32_t len)
{
	struct fts_op op = { .func = func, .data_len = len };

	if (args)
		memcpy(op.args, args, sizeof(op.args));
	memcpy(s->ops + s->len, &op, sizeof(op));
	s->len += sizeof(op);
	memcpy(s->ops + s->len, data, len);
	s->len += len;
	s->env.nops++;
}

/* The input is the env, then the ops: they lie back to back in s. */
_Static_assert(offsetof(struct seed, ops) == sizeof(struct fts_env),
	       "ops follow env");

static int seed_write(const char *dir, const char *name, const struct seed *s)
{
	return seed_file_write(dir, name, s, sizeof(s->env) + s->len);
}

/* One syscall with arguments only (or a short message for LOG). */
static int seed_simple(const char *dir)
{
	static const struct {
		const char *name;
		uint32_t func;
		uint64_t a0, a1;
	} calls[] = {
		{ "log", TA_SYS_LOG, 2, 0 },
		{ "panic", TA_SYS_PANIC, 0xdead, 0 },
		{ "wait", TA_SYS_WAIT, 0, 0 },
		{ "cancel_flag", TA_SYS_GET_CANCEL_FLAG, 0, 0 },
		{ "cancel_mask", TA_SYS_SET_CANCEL_MASK, 0, 0 },
		{ "ree_time", TA_SYS_GET_REE_TIME, 0, 0 },
		{ "prop_first", TA_SYS_GET_TEE_PROP, 0, 0 },
		{ "prop_device_id", TA_SYS_GET_TEE_PROP, 3, 0 },
		{ "prop_past_end", TA_SYS_GET_TEE_PROP, 100, 0 },
		{ "unknown", 0x10000, 0, 0 },
	};

	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		struct seed s = { .env.cancel = 3 };

		seed_op(&s, calls[i].func,
			(uint64_t[6]){ calls[i].a0, calls[i].a1 }, "hello", 5);
		if (seed_write(dir, calls[i].name, &s))
			return -1;
	}
	return 0;
}

static int seed_ta_time(const char *dir)
{
	struct seed s = { 0 };

	seed_op(&s, TA_SYS_GET_TA_TIME, NULL, "", 0);
	seed_op(&s, TA_SYS_SET_TA_TIME, (uint64_t[6]){ 1000, 500 }, "", 0);
	seed_op(&s, TA_SYS_GET_TA_TIME, NULL, "", 0);
	seed_op(&s, TA_SYS_SET_TA_TIME, (uint64_t[6]){ 0xffffffffu, 999 },
		"", 0);
	seed_op(&s, TA_SYS_GET_TA_TIME, NULL, "", 0);
	return seed_write(dir, "ta_time", &s);
}

static int seed_plugin(const char *dir)
{
	uint8_t req[16 + 32];
	struct seed s = { .env.plugin_out_len = 20 };

	for (size_t i = 0; i < sizeof(req); i++)
		req[i] = (uint8_t)i;
	seed_op(&s, TA_SYS_SUPP_PLUGIN, (uint64_t[6]){ 1, 2, 64 }, req,
		sizeof(req));
	seed_op(&s, TA_SYS_SUPP_PLUGIN, (uint64_t[6]){ 1, 2, 0 }, req, 16);
	seed_op(&s, TA_SYS_SUPP_PLUGIN, (uint64_t[6]){ 1, 2, 8 }, req,
		sizeof(req));
	if (seed_write(dir, "plugin", &s))
		return -1;
	s.env.rpc_fail = 4;
	s.env.plugin_out_len = 100;
	return seed_write(dir, "plugin_refused", &s);
}

/* struct ta_sys_ta_call, then the memref bytes: 16 in/out, 5 in. */
static size_t ta_call(uint8_t *out, uint32_t cmd)
{
	struct ta_sys_ta_call c = {
		.uuid = { 0x5e, 0xed },
		.timeout_ms = 0xffffffffu,
		.cmd = cmd,
		.param_types = PT(TA_PARAM_VALUE_INOUT, TA_PARAM_MEMREF_INOUT,
				  TA_PARAM_MEMREF_OUTPUT,
				  TA_PARAM_MEMREF_INPUT),
		.null_mask = 1u << 2,
	};
	size_t len = sizeof(c);

	c.params[0].a = 41;
	c.params[1].size = 16;
	c.params[2].size = 100;
	c.params[3].size = 5;
	memcpy(out, &c, sizeof(c));
	memset(out + len, 0x11, 16);
	len += 16;
	memcpy(out + len, "abcde\0\0\0", 8);
	return len + 5;
}

/* A callee: kept alive, answering with outputs, nesting a LOG. */
static void callee(struct seed *s, const uint8_t script[FTS_SCRIPT])
{
	s->env.callee.flags = FTS_FLAG_SINGLE | FTS_FLAG_MULTI |
			      FTS_FLAG_KEEP_ALIVE;
	memcpy(s->env.callee.script, script, FTS_SCRIPT);
	s->env.callee.nested_func = TA_SYS_LOG;
	s->env.callee.nested_len = 8;
	s->env.callee.out_size[1] = 12;
	s->env.callee.out_size[2] = 200;
	s->env.callee.out_a[0] = 42;
	s->env.callee.out_b[0] = 7;
}

static int seed_ta2ta(const char *dir)
{
	static const uint8_t plain[FTS_SCRIPT] = { FTS_DONE, FTS_NESTED };
	static const uint8_t dying[FTS_SCRIPT] = { FTS_DONE, FTS_DIE };
	static const uint8_t bad_kind[FTS_SCRIPT] = { FTS_DONE, FTS_BAD_KIND };
	static const uint8_t bad_len[FTS_SCRIPT] = { FTS_NESTED, FTS_BAD_LEN };
	uint8_t call[512];
	size_t len = ta_call(call, 1);
	struct seed s = { 0 };

	callee(&s, plain);
	seed_op(&s, TA_SYS_OPEN_TA_SESSION, NULL, call, (uint32_t)len);
	seed_op(&s, TA_SYS_INVOKE_TA_COMMAND, (uint64_t[6]){ 1 }, call,
		(uint32_t)len);
	seed_op(&s, TA_SYS_CLOSE_TA_SESSION, (uint64_t[6]){ 1 }, "", 0);
	seed_op(&s, TA_SYS_CLOSE_TA_SESSION, (uint64_t[6]){ 1 }, "", 0);
	if (seed_write(dir, "ta2ta", &s))
		return -1;
	memcpy(s.env.callee.script, dying, FTS_SCRIPT);
	if (seed_write(dir, "ta2ta_callee_dies", &s))
		return -1;
	memcpy(s.env.callee.script, bad_kind, FTS_SCRIPT);
	if (seed_write(dir, "ta2ta_callee_bad_kind", &s))
		return -1;
	memcpy(s.env.callee.script, bad_len, FTS_SCRIPT);
	if (seed_write(dir, "ta2ta_callee_bad_len", &s))
		return -1;
	/* the callee opens a session of its own from inside */
	memcpy(s.env.callee.script, plain, FTS_SCRIPT);
	s.env.callee.script[0] = FTS_NESTED;
	s.env.callee.nested_func = TA_SYS_OPEN_TA_SESSION;
	s.env.callee.nested_len = (uint32_t)len;
	return seed_write(dir, "ta2ta_nested_open", &s);
}

/* Sessions the hostile TA does not own, and malformed calls. */
static int seed_ta2ta_refused(const char *dir)
{
	uint8_t call[512];
	size_t len = ta_call(call, 2);
	struct seed s = { 0 };
	struct ta_sys_ta_call c;

	seed_op(&s, TA_SYS_INVOKE_TA_COMMAND,
		(uint64_t[6]){ FTS_FOREIGN_SESSION }, call, (uint32_t)len);
	seed_op(&s, TA_SYS_INVOKE_TA_COMMAND,
		(uint64_t[6]){ FTS_CLIENT_SESSION }, call, (uint32_t)len);
	seed_op(&s, TA_SYS_CLOSE_TA_SESSION,
		(uint64_t[6]){ FTS_CALLER_SESSION }, "", 0);
	seed_op(&s, TA_SYS_OPEN_TA_SESSION, NULL, call,
		(uint32_t)sizeof(c) - 1);
	memcpy(&c, call, sizeof(c));
	c.param_types = PT(4, 8, 0xf, 0);
	memcpy(call, &c, sizeof(c));
	seed_op(&s, TA_SYS_OPEN_TA_SESSION, NULL, call, (uint32_t)len);
	c.param_types = PT(TA_PARAM_MEMREF_INPUT, 0, 0, 0);
	c.null_mask = 0;
	c.params[0].size = ~0ull - 6;
	memcpy(call, &c, sizeof(c));
	seed_op(&s, TA_SYS_OPEN_TA_SESSION, NULL, call, (uint32_t)len);
	return seed_write(dir, "ta2ta_refused", &s);
}

#define RW_FLAGS (TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_ACCESS_WRITE | \
		  TEE_DATA_FLAG_ACCESS_WRITE_META)

/* CREATE of id in storage: a 4-byte blob, then data_len of total bytes
 * of initial data.  Handles count from 1 in every input. */
static void pobj_create(struct seed *s, uint32_t storage, const char *id,
			const char *data, uint32_t data_len, uint32_t total)
{
	struct ta_pobj_create cr = {
		.info = { .type = TEE_TYPE_DATA, .usage = 0xffffffffu,
			  .id_len = (uint32_t)strlen(id), .blob_len = 4 },
	};
	uint8_t msg[256];
	size_t len = 0;

	memcpy(msg, &cr, sizeof(cr));
	len += sizeof(cr);
	memcpy(msg + len, id, cr.info.id_len);
	len += cr.info.id_len;
	memcpy(msg + len, "blob", 4);
	len += 4;
	memcpy(msg + len, data, data_len);
	len += data_len;
	seed_op(s, TA_SYS_POBJ_CREATE,
		(uint64_t[6]){ storage, RW_FLAGS, total }, msg, (uint32_t)len);
}

static void pobj_op(struct seed *s, uint32_t func, uint64_t a0, uint64_t a1,
		    uint64_t a2, const char *data)
{
	seed_op(s, func, (uint64_t[6]){ a0, a1, a2 }, data,
		(uint32_t)strlen(data));
}

static int seed_pobj(const char *dir)
{
	struct seed s = { 0 };

	/* create, write past the end, read, info, close */
	pobj_create(&s, TEE_STORAGE_PRIVATE, "key-1", "hello", 5, 5);
	pobj_op(&s, TA_SYS_POBJ_WRITE, 1, 8, 0, "world");
	pobj_op(&s, TA_SYS_POBJ_READ, 1, 0, 64, "");
	pobj_op(&s, TA_SYS_POBJ_INFO, 1, 0, 0, "");
	pobj_op(&s, TA_SYS_POBJ_CLOSE, 1, 0, 0, "");
	if (seed_write(dir, "pobj_create_write_read", &s))
		return -1;
	/* open it again, enumerate from the start and past it */
	memset(&s, 0, sizeof(s));
	pobj_create(&s, TEE_STORAGE_PRIVATE_REE, "key-2", "data", 4, 4);
	pobj_op(&s, TA_SYS_POBJ_CLOSE, 1, 0, 0, "");
	pobj_op(&s, TA_SYS_POBJ_OPEN, TEE_STORAGE_PRIVATE_REE,
		TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_SHARE_READ, 0,
		"key-2");
	pobj_op(&s, TA_SYS_POBJ_NEXT, TEE_STORAGE_PRIVATE, 0, 0, "");
	pobj_op(&s, TA_SYS_POBJ_NEXT, TEE_STORAGE_PRIVATE, 1, 0, "key-2");
	pobj_op(&s, TA_SYS_POBJ_READ, 2, 1, 2, "");
	if (seed_write(dir, "pobj_open_next", &s))
		return -1;
	/* the same after a restart: the directory and the object come back
	 * from the file system; then with the object file tampered with */
	s.env.storage_restart = 1u << 2;
	if (seed_write(dir, "pobj_restart_open", &s))
		return -1;
	/* READ requests after the restart: the directory, then the object */
	s.env.fs_flip = 1;
	if (seed_write(dir, "pobj_restart_dir_tampered", &s))
		return -1;
	s.env.fs_flip = 2;
	if (seed_write(dir, "pobj_restart_obj_tampered", &s))
		return -1;
	s.env.fs_flip = 0;
	s.env.fs_lie = 20;
	if (seed_write(dir, "pobj_fs_lies", &s))
		return -1;
	s.env.fs_lie = 0;
	s.env.fs_fail = 12;
	return seed_write(dir, "pobj_fs_fails", &s);
}

static int seed_pobj_more(const char *dir)
{
	struct seed s = { 0 };

	/* initial data in two parts, then rename, truncate, restrict, delete */
	pobj_create(&s, TEE_STORAGE_PRIVATE, "part", "abc", 3, 9);
	pobj_op(&s, TA_SYS_POBJ_WRITE, 1, 3, 0, "defghi");
	pobj_op(&s, TA_SYS_POBJ_RENAME, 1, 0, 0, "whole");
	pobj_op(&s, TA_SYS_POBJ_TRUNCATE, 1, 4, 0, "");
	pobj_op(&s, TA_SYS_POBJ_RESTRICT, 1, TEE_USAGE_EXTRACTABLE, 0, "");
	pobj_op(&s, TA_SYS_POBJ_DELETE, 1, 0, 0, "");
	if (seed_write(dir, "pobj_parts_rename_delete", &s))
		return -1;
	/* a write in chunks; handles and storages that are not there */
	memset(&s, 0, sizeof(s));
	pobj_create(&s, TEE_STORAGE_PRIVATE, "chunks", "", 0, 0);
	pobj_op(&s, TA_SYS_POBJ_WRITE, 1, 0, 1, "first ");
	pobj_op(&s, TA_SYS_POBJ_WRITE, 1, 6, 0, "second");
	pobj_op(&s, TA_SYS_POBJ_READ, 7, 0, 8, "");
	pobj_op(&s, TA_SYS_POBJ_OPEN, TEE_STORAGE_PRIVATE_RPMB,
		TEE_DATA_FLAG_ACCESS_READ, 0, "chunks");
	pobj_op(&s, TA_SYS_POBJ_NEXT, 0x1234, 0, 0, "");
	return seed_write(dir, "pobj_chunks_refused", &s);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	return seed_simple(argv[1]) || seed_ta_time(argv[1]) ||
	       seed_plugin(argv[1]) || seed_ta2ta(argv[1]) ||
	       seed_ta2ta_refused(argv[1]) || seed_pobj(argv[1]) ||
	       seed_pobj_more(argv[1]) ? 1 : 0;
}
