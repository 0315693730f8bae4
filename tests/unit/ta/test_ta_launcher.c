// SPDX-License-Identifier: BSD-2-Clause
/*
 * vtee-ta-host and libvtee_ta, driven by a fake trusted OS (fake_os.h):
 * real launcher, real forked TA processes, real sandbox; test TAs loaded
 * unsigned.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/landlock.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "fake_os.h"
#include "probe/probe_ta.h"
#include "vtee_test_ta.h"

/* TEE_* values the checks compare with */
#define SUCCESS			0x00000000u
#define ACCESS_DENIED		0xFFFF0001u
#define CANCEL			0xFFFF0002u
#define BAD_FORMAT		0xFFFF0005u
#define SHORT_BUFFER		0xFFFF0010u
#define LOGIN_APPLICATION	4u

#define PT(t0, t1, t2, t3) ((t0) | (t1) << 4 | (t2) << 8 | (t3) << 12)
#define VI TA_PARAM_VALUE_INPUT
#define VO TA_PARAM_VALUE_OUTPUT
#define VIO TA_PARAM_VALUE_INOUT
#define MI TA_PARAM_MEMREF_INPUT
#define MO TA_PARAM_MEMREF_OUTPUT
#define MIO TA_PARAM_MEMREF_INOUT

static const uint8_t test_ta_uuid[16] = {
	0x57, 0x2b, 0x41, 0xd1, 0x82, 0x2e, 0x41, 0x6c,
	0x9e, 0x43, 0x98, 0xa4, 0xf5, 0xc1, 0xc3, 0xdb };
static const uint8_t probe_uuid[16] = {
	0x1c, 0x6e, 0x4c, 0x8a, 0x3f, 0x0b, 0x4d, 0x6e,
	0x9a, 0x51, 0x7b, 0x2f, 0x0e, 0x6d, 0x4c, 0x31 };
static const uint8_t probe_gp11_uuid[16] = {
	0x1c, 0x6e, 0x4c, 0x8a, 0x3f, 0x0b, 0x4d, 0x6e,
	0x9a, 0x51, 0x7b, 0x2f, 0x0e, 0x6d, 0x4c, 0x32 };
static const uint8_t probe_ctor_uuid[16] = {
	0x1c, 0x6e, 0x4c, 0x8a, 0x3f, 0x0b, 0x4d, 0x6e,
	0x9a, 0x51, 0x7b, 0x2f, 0x0e, 0x6d, 0x4c, 0x33 };
/* PROBE_CLIENT_UUID_STR */
static const uint8_t client_uuid[16] = {
	0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
	0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };

static struct fake_launcher launcher;

static struct ta_chan_msg msg(uint32_t func, uint32_t session, uint32_t cmd,
			      uint32_t types)
{
	return (struct ta_chan_msg){ .func = func, .session = session,
				     .cmd = cmd, .param_types = types };
}

static uint32_t run(struct fake_ta *ta, struct ta_chan_msg *m)
{
	assert_true(fake_entry(ta, m));
	assert_int_equal(m->kind, TA_MSG_DONE);
	return m->ret;
}

static void boot(struct fake_ta *ta, const char *so, const uint8_t uuid[16],
		 struct ta_chan_msg *b)
{
	assert_int_equal(fake_spawn(&launcher, so, uuid, 0, ta), 0);
	assert_true(fake_boot(ta, b));
	assert_int_equal(b->kind, TA_MSG_DONE);
	assert_int_equal(b->func, TA_BOOT);
}

/* Boots, creates the instance and opens session 1 as client. */
static void start(struct fake_ta *ta, const char *so, const uint8_t uuid[16],
		  uint32_t login, const uint8_t client[16])
{
	struct ta_chan_msg m;

	boot(ta, so, uuid, &m);
	assert_int_equal(m.ret, SUCCESS);
	assert_memory_equal(ta->chan->data, uuid, 16);
	m = msg(TA_ENTRY_CREATE, 0, 0, 0);
	assert_int_equal(run(ta, &m), SUCCESS);
	m = msg(TA_ENTRY_OPEN_SESSION, 1, 0, 0);
	m.client.login = login;
	memcpy(m.client.uuid, client, 16);
	assert_int_equal(run(ta, &m), SUCCESS);
}

static void destroy(struct fake_ta *ta)
{
	struct ta_chan_msg m = msg(TA_ENTRY_CLOSE_SESSION, 1, 0, 0);
	pid_t pid = ta->pid;

	assert_int_equal(run(ta, &m), SUCCESS);
	m = msg(TA_ENTRY_DESTROY, 0, 0, 0);
	assert_int_equal(run(ta, &m), SUCCESS);
	assert_true(fake_ta_dies(ta));
	fake_ta_release(ta);
	assert_true(fake_pid_gone(pid));
}

/* A memfd of size bytes holding pattern i & 0xff, mapped here too */
static int client_buffer(size_t size, uint8_t **view)
{
	int fd = memfd_create("client", MFD_CLOEXEC);

	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)size), 0);
	*view = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	assert_true(*view != MAP_FAILED);
	for (size_t i = 0; i < size; i++)
		(*view)[i] = (uint8_t)i;
	return fd;
}

static void memref(struct ta_chan_msg *m, unsigned int n, uint32_t map,
		   uint64_t offset, uint64_t size)
{
	m->params[n].map_id = map;
	m->params[n].offset = offset;
	m->params[n].size = size;
}

static uint32_t invoke(struct fake_ta *ta, uint32_t cmd, uint32_t types,
		       struct ta_chan_msg *m)
{
	m->func = TA_ENTRY_INVOKE;
	m->session = 1;
	m->cmd = cmd;
	m->param_types = types;
	return run(ta, m);
}

static void logged_death(struct fake_ta *ta, const char *how)
{
	char line[96];

	snprintf(line, sizeof(line), "TA process %d %s", ta->pid, how);
	assert_true(fake_ta_dies(ta));
	assert_true(fake_launcher_logged(&launcher, line));
	assert_true(fake_pid_gone(ta->pid));
	fake_ta_release(ta);
}

static void test_boot_message(void **state)
{
	struct fake_ta ta;
	struct ta_chan_msg b;

	(void)state;
	boot(&ta, TEST_TA_SO, test_ta_uuid, &b);
	assert_int_equal(b.ret, SUCCESS);
	assert_int_equal(b.args[0], 0xc);	/* SINGLE_INSTANCE|MULTI_SESSION */
	assert_int_equal(b.args[1], 8 * 1024 + 2048);
	assert_int_equal(b.data_len, 16);
	assert_memory_equal(ta.chan->data, test_ta_uuid, 16);
	b = msg(TA_ENTRY_CREATE, 0, 0, 0);
	assert_int_equal(run(&ta, &b), SUCCESS);
	b = msg(TA_ENTRY_OPEN_SESSION, 1, 0, PT(VO, 0, 0, 0));
	assert_int_equal(run(&ta, &b), SUCCESS);
	assert_int_equal(b.params[0].a, 0x5e55);
	b = msg(TA_ENTRY_OPEN_SESSION, 2, 0, PT(VI, 0, 0, 0));
	b.params[0].a = TEST_OPEN_FAIL;
	assert_int_equal(run(&ta, &b), ACCESS_DENIED);
	destroy(&ta);
}

static void test_values_and_memrefs(void **state)
{
	struct ta_chan_msg m = { 0 };
	struct fake_ta ta;
	uint8_t *a, *b;
	int fa = client_buffer(4096, &a), fb = client_buffer(256, &b);

	(void)state;
	start(&ta, TEST_TA_SO, test_ta_uuid, 0, client_uuid);
	m.params[0].a = 10;
	m.params[0].b = 20;
	assert_int_equal(invoke(&ta, TEST_CMD_VALUE_INC, PT(VIO, 0, 0, 0), &m),
			 SUCCESS);
	assert_int_equal(m.params[0].a, 11);
	assert_int_equal(m.params[0].b, 22);

	m = (struct ta_chan_msg){ .n_new_maps = 1 };
	fake_send_map(&ta, 1, fa, 4096, true);
	memref(&m, 0, 1, 16, 100);
	assert_int_equal(invoke(&ta, TEST_CMD_MEMREF_INC, PT(MIO, 0, 0, 0), &m),
			 SUCCESS);
	assert_int_equal(a[15], 15);
	assert_int_equal(a[16], 17);
	assert_int_equal(a[115], 116);
	assert_int_equal(a[116], 116);

	/* a second mapping; too small, then large enough */
	m = (struct ta_chan_msg){ .n_new_maps = 1 };
	fake_send_map(&ta, 2, fb, 256, true);
	memref(&m, 0, 1, 0, 64);
	memref(&m, 1, 2, 0, 10);
	assert_int_equal(invoke(&ta, TEST_CMD_MEMREF_COPY, PT(MI, MO, 0, 0), &m),
			 SHORT_BUFFER);
	assert_int_equal(m.params[1].size, 64);
	m = (struct ta_chan_msg){ 0 };
	memref(&m, 0, 1, 0, 64);
	memref(&m, 1, 2, 100, 156);
	assert_int_equal(invoke(&ta, TEST_CMD_MEMREF_COPY, PT(MI, MO, 0, 0), &m),
			 SUCCESS);
	assert_int_equal(m.params[1].size, 64);
	assert_memory_equal(b + 100, a, 64);

	/* dropping map 2 and reusing its id for other memory */
	close(fb);
	munmap(b, 256);
	fb = client_buffer(32, &b);
	m = (struct ta_chan_msg){ .n_unmaps = 1, .unmaps = { 2 },
				  .n_new_maps = 1 };
	fake_send_map(&ta, 2, fb, 32, true);
	memref(&m, 0, 2, 0, 32);
	assert_int_equal(invoke(&ta, TEST_CMD_MEMREF_INC, PT(MIO, 0, 0, 0), &m),
			 SUCCESS);
	assert_int_equal(b[31], 32);

	m = (struct ta_chan_msg){ 0 };
	m.params[0].a = 5;
	memref(&m, 1, 2, 0, 3);		/* bytes 1, 2, 3 */
	assert_int_equal(invoke(&ta, TEST_CMD_PARAM_TYPES,
				PT(VI, MI, VO, VO), &m), SUCCESS);
	assert_int_equal(m.params[3].a, PT(VI, MI, VO, VO));
	assert_int_equal(m.params[3].b, 5 + 1 + 2 + 3);
	destroy(&ta);
	close(fa);
	close(fb);
}

static void test_api_commands(void **state)
{
	struct ta_chan_msg m = { .n_new_maps = 1 };
	struct fake_ta ta;
	uint8_t *buf;
	int fd = client_buffer(256, &buf);

	(void)state;
	start(&ta, TEST_TA_SO, test_ta_uuid, LOGIN_APPLICATION, client_uuid);
	fake_send_map(&ta, 1, fd, 256, true);
	memref(&m, 0, 1, 0, 4);
	assert_int_equal(invoke(&ta, TEST_CMD_TA_DESCRIPTION, PT(MO, 0, 0, 0),
				&m), SHORT_BUFFER);
	assert_int_equal(m.params[0].size, sizeof("vtee test TA"));
	m.n_new_maps = 0;
	memref(&m, 0, 1, 0, 64);
	assert_int_equal(invoke(&ta, TEST_CMD_TA_DESCRIPTION, PT(MO, 0, 0, 0),
				&m), SUCCESS);
	assert_string_equal((char *)buf, "vtee test TA");

	memref(&m, 0, 1, 0, 20);
	assert_int_equal(invoke(&ta, TEST_CMD_CLIENT_IDENTITY, PT(MO, 0, 0, 0),
				&m), SUCCESS);
	assert_int_equal(*(uint32_t *)buf, LOGIN_APPLICATION);
	assert_memory_equal(buf + 4, client_uuid, 16);

	assert_int_equal(invoke(&ta, TEST_CMD_TIME, PT(VO, VO, 0, 0), &m),
			 SUCCESS);
	assert_true(labs((long)m.params[0].a - (long)time(NULL)) < 5);

	assert_int_equal(invoke(&ta, TEST_CMD_INSTANCE_COUNTER, PT(VO, 0, 0, 0),
				&m), SUCCESS);
	assert_int_equal(invoke(&ta, TEST_CMD_INSTANCE_COUNTER, PT(VO, 0, 0, 0),
				&m), SUCCESS);
	assert_int_equal(m.params[0].a, 2);
	assert_int_equal(m.params[0].b, ta.pid);

	assert_int_equal(invoke(&ta, TEST_CMD_MEMORY, PT(VO, 0, 0, 0), &m),
			 SUCCESS);
	assert_int_equal(m.params[0].a, 0);

	memref(&m, 0, 1, 8, 64);
	assert_int_equal(invoke(&ta, TEST_CMD_CHECK_ACCESS, PT(MIO, 0, 0, 0),
				&m), SUCCESS);

	memref(&m, 0, 1, 8, 64);
	m.params[1].a = 99;
	assert_int_equal(invoke(&ta, TEST_CMD_MEM_EXTENSIONS,
				PT(MIO, VO, 0, 0), &m), SUCCESS);
	assert_int_equal(m.params[1].a, 0);

	memset(buf, 0, 64);
	memref(&m, 0, 1, 0, 64);
	assert_int_equal(invoke(&ta, TEST_CMD_RANDOM, PT(MO, 0, 0, 0), &m),
			 SUCCESS);
	assert_false(buf[0] == 0 && !memcmp(buf, buf + 1, 63));

	m = msg(TA_ENTRY_OPEN_SESSION, 3, 0, 0);
	assert_int_equal(run(&ta, &m), SUCCESS);
	assert_int_equal(invoke(&ta, TEST_CMD_SESSION_COUNT, PT(VO, 0, 0, 0),
				&m), SUCCESS);
	assert_int_equal(m.params[0].a, 2);
	m = msg(TA_ENTRY_CLOSE_SESSION, 3, 0, 0);
	assert_int_equal(run(&ta, &m), SUCCESS);
	assert_int_equal(invoke(&ta, TEST_CMD_SESSION_COUNT, PT(VO, 0, 0, 0),
				&m), SUCCESS);
	assert_int_equal(m.params[0].a, 1);
	destroy(&ta);
	close(fd);
}

static void test_wait_and_cancel(void **state)
{
	struct ta_chan_msg m = { 0 };
	struct fake_ta ta;

	(void)state;
	start(&ta, TEST_TA_SO, test_ta_uuid, 0, client_uuid);
	m.params[0].a = 5;
	assert_int_equal(invoke(&ta, TEST_CMD_WAIT, PT(VI, 0, 0, 0), &m),
			 SUCCESS);
	ta.cancel_requested = true;
	assert_int_equal(invoke(&ta, TEST_CMD_SPIN_UNTIL_CANCEL, 0, &m), CANCEL);
	/* the next entry starts masked again: the wait is not cancelled */
	m.params[0].a = 5;
	assert_int_equal(invoke(&ta, TEST_CMD_WAIT, PT(VI, 0, 0, 0), &m),
			 SUCCESS);
	destroy(&ta);
}

static void test_ta_to_ta(void **state)
{
	struct ta_chan_msg m = { .n_new_maps = 1 };
	struct fake_ta ta;
	uint8_t *buf;
	int fd = client_buffer(64, &buf);

	(void)state;
	start(&ta, TEST_TA_SO, test_ta_uuid, 0, client_uuid);
	fake_send_map(&ta, 1, fd, 64, true);
	m.params[0].a = 1;
	m.params[0].b = 2;
	memref(&m, 1, 1, 4, 10);
	assert_int_equal(invoke(&ta, TEST_CMD_TA2TA, PT(VIO, MIO, 0, 0), &m),
			 SUCCESS);
	assert_int_equal(m.params[0].a, 2);
	assert_int_equal(m.params[0].b, 4);
	assert_int_equal(buf[4], 5);
	assert_int_equal(buf[13], 14);
	assert_int_equal(buf[14], 14);
	assert_int_equal(ta.ta2ta_calls, 4);	/* open, 2 invokes, close */
	destroy(&ta);
	close(fd);
}

static void test_panic(void **state)
{
	struct ta_chan_msg m = { 0 };
	struct fake_ta ta;

	(void)state;
	start(&ta, TEST_TA_SO, test_ta_uuid, 0, client_uuid);
	m = msg(TA_ENTRY_INVOKE, 1, TEST_CMD_PANIC, 0);
	assert_false(fake_entry(&ta, &m));
	assert_true(ta.panicked);
	assert_int_equal(ta.panic_code, TEST_PANIC_CODE);
	logged_death(&ta, "killed by signal 9");
}

/* A crash or an exit() ends only that instance. */
static void test_crash_is_isolated(void **state)
{
	struct fake_ta bystander, victim;
	struct ta_chan_msg m;

	(void)state;
	start(&bystander, TEST_TA_SO, test_ta_uuid, 0, client_uuid);
	start(&victim, TEST_TA_SO, test_ta_uuid, 0, client_uuid);
	m = msg(TA_ENTRY_INVOKE, 1, TEST_CMD_SEGV, 0);
	assert_false(fake_entry(&victim, &m));
	logged_death(&victim, "killed by signal");
	start(&victim, TEST_TA_SO, test_ta_uuid, 0, client_uuid);
	m = msg(TA_ENTRY_INVOKE, 1, TEST_CMD_EXIT, 0);
	assert_false(fake_entry(&victim, &m));
	logged_death(&victim, "exited with status 3");
	m = msg(TA_ENTRY_INVOKE, 1, TEST_CMD_NOP, 0);
	assert_int_equal(run(&bystander, &m), SUCCESS);
	destroy(&bystander);
}

/* A memref outside its mapping is a message the TA refuses to obey. */
static void test_bad_memref(void **state)
{
	struct ta_chan_msg m;
	struct fake_ta ta;
	uint8_t *buf;
	int fd = client_buffer(4096, &buf);

	(void)state;
	start(&ta, TEST_TA_SO, test_ta_uuid, 0, client_uuid);
	m = msg(TA_ENTRY_INVOKE, 1, TEST_CMD_MEMREF_INC, PT(MIO, 0, 0, 0));
	m.n_new_maps = 1;
	fake_send_map(&ta, 1, fd, 4096, true);
	memref(&m, 0, 1, 4000, 200);
	assert_false(fake_entry(&ta, &m));
	logged_death(&ta, "exited with status 2");
	close(fd);
}

static void test_sandbox_kills(void **state)
{
	struct ta_chan_msg m = { 0 };
	struct fake_ta ta;

	(void)state;
	start(&ta, PROBE_SO, probe_uuid, 0, client_uuid);
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
	/* sanitizer builds refuse file access softly (see sandbox.c) */
	assert_int_equal(invoke(&ta, PROBE_CMD_OPEN_FILE, 0, &m),
			 ACCESS_DENIED);
	destroy(&ta);
#else
	assert_false(fake_entry(&ta, &(struct ta_chan_msg){
		.func = TA_ENTRY_INVOKE, .session = 1,
		.cmd = PROBE_CMD_OPEN_FILE }));
	logged_death(&ta, "killed by signal 31");
#endif

	start(&ta, PROBE_SO, probe_uuid, 0, client_uuid);
	assert_false(fake_entry(&ta, &(struct ta_chan_msg){
		.func = TA_ENTRY_INVOKE, .session = 1,
		.cmd = PROBE_CMD_EXEC_MAP }));
	logged_death(&ta, "killed by signal 31");

	/* stdio on the closed stdout is refused softly, not fatally */
	start(&ta, PROBE_SO, probe_uuid, 0, client_uuid);
	assert_int_equal(invoke(&ta, PROBE_CMD_PRINTF, 0, &m), SUCCESS);
	destroy(&ta);
}

static void test_log(void **state)
{
	struct ta_chan_msg m = { 0 };
	struct fake_ta ta;

	(void)state;
	start(&ta, PROBE_SO, probe_uuid, 0, client_uuid);
	assert_int_equal(invoke(&ta, PROBE_CMD_LOG, 0, &m), SUCCESS);
	/* the OS adds who is speaking; the TA says only where it is */
	assert_int_equal(strncmp(ta.last_log, "TA_InvokeCommandEntryPoint:",
				 27), 0);
	assert_non_null(strstr(ta.last_log, " probe says 42"));
	assert_int_equal(ta.last_log[strlen(ta.last_log) - 1], '2');
	assert_int_equal(ta.last_log_level, 2);	/* TRACE_INFO */
	destroy(&ta);
}

static void check_properties(const char *so, const uint8_t uuid[16])
{
	struct ta_chan_msg m = { 0 };
	struct fake_ta ta;

	start(&ta, so, uuid, PROBE_CLIENT_LOGIN, client_uuid);
	assert_int_equal(invoke(&ta, PROBE_CMD_PROPERTIES, PT(VO, 0, 0, 0), &m),
			 SUCCESS);
	assert_int_equal(m.params[0].a, 0);
	destroy(&ta);
}

static void test_properties(void **state)
{
	(void)state;
	check_properties(PROBE_SO, probe_uuid);
	check_properties(PROBE_GP11_SO, probe_gp11_uuid);
}

/* A GP v1.1 TA sees 32-bit memref sizes and can shrink them. */
static void test_gp11_params(void **state)
{
	struct ta_chan_msg m = { .n_new_maps = 1 };
	struct fake_ta ta;
	uint8_t *buf;
	int fd = client_buffer(16, &buf);

	(void)state;
	start(&ta, PROBE_GP11_SO, probe_gp11_uuid, 0, client_uuid);
	fake_send_map(&ta, 1, fd, 16, true);
	memref(&m, 0, 1, 0, 4);
	assert_int_equal(invoke(&ta, PROBE_CMD_MEMREF, PT(MIO, 0, 0, 0), &m),
			 SUCCESS);
	assert_int_equal(m.params[0].size, 3);
	assert_int_equal(buf[0], 3);
	assert_int_equal(buf[3], 0);
	destroy(&ta);
	close(fd);
}

static void test_access_rights(void **state)
{
	struct ta_chan_msg m = { .n_new_maps = 1 };
	struct fake_ta ta;
	uint8_t *buf;
	int fd = client_buffer(8192, &buf);

	(void)state;
	start(&ta, PROBE_SO, probe_uuid, 0, client_uuid);
	fake_send_map(&ta, 1, fd, 8192, false);
	memref(&m, 0, 1, 100, 5000);
	m.params[1].a = 99;
	assert_int_equal(invoke(&ta, PROBE_CMD_ACCESS, PT(MI, VO, 0, 0), &m),
			 SUCCESS);
	assert_int_equal(m.params[1].a, 0);
	destroy(&ta);
	close(fd);
}

static bool have_landlock(void)
{
	return syscall(SYS_landlock_create_ruleset, NULL, 0,
		       LANDLOCK_CREATE_RULESET_VERSION) >= 1;
}

/* While loading, files are readable only where libraries live. */
static void test_loading_reads(void **state)
{
	struct ta_chan_msg m = { 0 };
	struct fake_ta ta;

	(void)state;
	assert_int_equal(access(PROBE_CTOR_READ_PATH, R_OK), 0);
	start(&ta, PROBE_SO, probe_uuid, 0, client_uuid);
	assert_int_equal(invoke(&ta, PROBE_CMD_CTOR_READ, PT(VO, 0, 0, 0), &m),
			 SUCCESS);
	assert_int_equal(m.params[0].a, have_landlock() ? EACCES : 0);
	destroy(&ta);
}

/* ELF constructors run before the runtime's sandbox, but not unfiltered. */
static void test_loading_filter(void **state)
{
	struct ta_chan_msg b;
	struct fake_ta ta;

	(void)state;
	unlink(PROBE_CTOR_PATH);
	assert_int_equal(fake_spawn(&launcher, PROBE_CTOR_SO, probe_ctor_uuid,
				    0, &ta), 0);
	assert_false(fake_boot(&ta, &b));
	logged_death(&ta, "killed by signal 31");
	assert_int_equal(access(PROBE_CTOR_PATH, F_OK), -1);
}

static void expect_bad_format(const char *so, const uint8_t uuid[16])
{
	struct ta_chan_msg b;
	struct fake_ta ta;

	boot(&ta, so, uuid, &b);
	assert_int_equal(b.ret, BAD_FORMAT);
	logged_death(&ta, "exited with status 1");
}

static void test_bad_images(void **state)
{
	char path[] = "/tmp/vtee-not-a-ta-XXXXXX";
	int fd = mkstemp(path);
	struct ta_spawn_req req = { .magic = TA_SPAWN_MAGIC };
	int fds[2];

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "not an ELF file\n", 16), 16);
	close(fd);
	expect_bad_format(path, test_ta_uuid);
	unlink(path);
	/* a real TA, but not the one asked for */
	expect_bad_format(TEST_TA_SO, probe_uuid);

	assert_int_equal(pipe2(fds, O_CLOEXEC), 0);
	assert_int_equal(fake_spawn_raw(&launcher, &req, fds, 2), -EINVAL);
	assert_int_equal(fake_spawn_raw(&launcher, &req,
					(int[]){ fds[0], fds[1], fds[0], fds[1] },
					4), -EINVAL);
	req.magic = 0;
	assert_int_equal(fake_spawn_raw(&launcher, &req, fds, 0), -EINVAL);
	close(fds[0]);
	close(fds[1]);
}

static char process_state(pid_t pid)
{
	char path[32], buf[256], *end;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return '?';
	buf[fread(buf, 1, sizeof(buf) - 1, f)] = '\0';
	fclose(f);
	end = strrchr(buf, ')');
	return end && end[1] ? end[2] : '?';
}

static void test_debug_stop(void **state)
{
	struct fake_ta ta;
	struct ta_chan_msg m;
	int i;

	(void)state;
	assert_int_equal(fake_spawn(&launcher, TEST_TA_SO, test_ta_uuid,
				    TA_SPAWN_DEBUG_STOP, &ta), 0);
	/* loaded, but it waits for a debugger: no boot message */
	for (i = 0; i < 30; i++) {
		usleep(10000);
		assert_int_equal(ta.chan->to_os_seq, 0);
	}
	assert_int_not_equal(process_state(ta.pid), 'Z');
	/* a tracer appears (as gdb -p would): the TA boots */
	assert_int_equal(ptrace(PTRACE_SEIZE, ta.pid, NULL, NULL), 0);
	assert_true(fake_boot(&ta, &m));
	assert_int_equal(m.ret, SUCCESS);
	assert_int_equal(ptrace(PTRACE_INTERRUPT, ta.pid, NULL, NULL), 0);
	assert_int_equal(waitpid(ta.pid, NULL, __WALL), ta.pid);
	assert_int_equal(ptrace(PTRACE_DETACH, ta.pid, NULL, NULL), 0);
	m = msg(TA_ENTRY_CREATE, 0, 0, 0);
	assert_int_equal(run(&ta, &m), SUCCESS);
	m = msg(TA_ENTRY_OPEN_SESSION, 1, 0, 0);
	assert_int_equal(run(&ta, &m), SUCCESS);
	destroy(&ta);
}

/* Without vteed nobody can use a TA: the launcher ends, and its TAs. */
static void test_launcher_exit(void **state)
{
	struct fake_ta ta;
	int st;

	(void)state;
	start(&ta, TEST_TA_SO, test_ta_uuid, 0, client_uuid);
	st = fake_launcher_stop(&launcher);
	launcher.pid = 0;
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_true(fake_ta_dies(&ta));
	fake_ta_release(&ta);
}

static int setup(void **state)
{
	(void)state;
	return fake_launcher_start(&launcher, LAUNCHER_PATH);
}

static int teardown(void **state)
{
	(void)state;
	if (launcher.pid)
		fake_launcher_stop(&launcher);
	fprintf(stderr, "launcher log:\n%s", launcher.log);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boot_message),
		cmocka_unit_test(test_values_and_memrefs),
		cmocka_unit_test(test_api_commands),
		cmocka_unit_test(test_wait_and_cancel),
		cmocka_unit_test(test_ta_to_ta),
		cmocka_unit_test(test_panic),
		cmocka_unit_test(test_crash_is_isolated),
		cmocka_unit_test(test_bad_memref),
		cmocka_unit_test(test_sandbox_kills),
		cmocka_unit_test(test_log),
		cmocka_unit_test(test_properties),
		cmocka_unit_test(test_gp11_params),
		cmocka_unit_test(test_access_rights),
		cmocka_unit_test(test_loading_reads),
		cmocka_unit_test(test_loading_filter),
		cmocka_unit_test(test_bad_images),
		cmocka_unit_test(test_debug_stop),
		cmocka_unit_test(test_launcher_exit),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
