// SPDX-License-Identifier: BSD-2-Clause
/*
 * The secure world's RPMB client against the supplicant's emulated
 * device, in one process: the client's RPC layer (sw_rpc_*) is faked
 * here and hands each request straight to supp_rpmb_request().  The fake
 * can also play a hostile normal world: flip a bit, replay an old answer,
 * drop a write, or forge fields and even re-MAC them with the key (which
 * no real attacker has) to show each field check on its own.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "rpc.h"
#include "rpmb.h"
#include "supp.h"
#include "tee_api_defines.h"
#include "vtee/optee_rpc_cmd.h"
#include "vtee/rpmb_frame.h"

#define PAGE		4096
#define DEV_BLOCKS	1024
#define DEV_ID		0

/* The client only passes its thread along; any object will do. */
struct sw_thread {
	int unused;
};

static const uint8_t key[32] = "the client's 32-byte RPMB key!!";
static const uint8_t other_key[32] = "somebody else's RPMB key.......";

enum fake_mode {
	FAKE_HONEST,
	FAKE_NO_SERVICE,	/* a supplicant without RPMB */
	FAKE_RPC_FAILS,		/* the RPC itself fails (supplicant died) */
	FAKE_FLIP_BIT,		/* one bit of the answer, MAC not redone */
	FAKE_RECORD,		/* honest, and keeps the answer */
	FAKE_REPLAY,		/* the kept answer instead of the device's */
	FAKE_NONCE,		/* forged, re-MACed with the key */
	FAKE_ADDRESS,
	FAKE_COUNTER_SAME,	/* a write answer whose counter did not move */
	FAKE_TYPE,
	FAKE_NO_KEY,		/* claims KEY_NOT_PROGRAMMED */
};

static struct {
	struct supp_rpmb *dev;
	enum fake_mode mode;
	uint16_t target;	/* tamper only with answers to this request */
	uint8_t kept[64 * RPMB_FRAME_SIZE];
	size_t kept_len;
	unsigned int counter_reads;
	unsigned int shm_live;
	pthread_mutex_t lock;
} fake = { .lock = PTHREAD_MUTEX_INITIALIZER };

static char root[64];
static struct sw_thread thread_a, thread_b;

/* --------------------------------------------------- the fake RPC */

uint32_t sw_rpc_shm_alloc(struct sw_thread *thr, uint32_t type,
			  uint64_t size, struct sw_rpc_shm *out)
{
	size_t npages = (size + PAGE - 1) / PAGE;
	uint8_t *mem = calloc(npages, PAGE);

	(void)thr;
	assert_int_equal(type, OPTEE_RPC_SHM_TYPE_APPL);
	assert_non_null(mem);
	*out = (struct sw_rpc_shm){ .cookie = (uintptr_t)mem, .size = size,
				    .npages = npages, .type = type };
	out->pages = calloc(npages, sizeof(*out->pages));
	assert_non_null(out->pages);
	for (size_t i = 0; i < npages; i++)
		out->pages[i] = (uintptr_t)mem + i * PAGE;
	__atomic_add_fetch(&fake.shm_live, 1, __ATOMIC_RELAXED);
	return TEE_SUCCESS;
}

void sw_rpc_shm_free(struct sw_thread *thr, struct sw_rpc_shm *shm)
{
	(void)thr;
	free((void *)(uintptr_t)shm->cookie);
	free(shm->pages);
	*shm = (struct sw_rpc_shm){ 0 };
	__atomic_sub_fetch(&fake.shm_live, 1, __ATOMIC_RELAXED);
}

void sw_rpc_shm_read(struct sw_thread *thr, const struct sw_rpc_shm *shm,
		     void *dst, uint64_t len)
{
	(void)thr;
	memcpy(dst, (void *)(uintptr_t)shm->pages[0], len);
}

void sw_rpc_shm_write(struct sw_thread *thr, const struct sw_rpc_shm *shm,
		      const void *src, uint64_t len)
{
	(void)thr;
	memcpy((void *)(uintptr_t)shm->pages[0], src, len);
}

static void remac(struct rpmb_frame *f, size_t n)
{
	uint8_t buf[64 * RPMB_FRAME_MACED_SIZE];
	unsigned int len = 0;

	for (size_t i = 0; i < n; i++)
		memcpy(buf + i * RPMB_FRAME_MACED_SIZE,
		       (uint8_t *)&f[i] + RPMB_FRAME_MACED_OFF,
		       RPMB_FRAME_MACED_SIZE);
	assert_non_null(HMAC(EVP_sha256(), key, 32, buf,
			     n * RPMB_FRAME_MACED_SIZE, f[n - 1].key_mac,
			     &len));
}

/* Forges one field of every frame, then makes the MAC fit again. */
static void forge(struct rpmb_frame *f, size_t n, enum fake_mode mode)
{
	for (size_t i = 0; i < n; i++) {
		switch (mode) {
		case FAKE_NONCE:
			f[i].nonce[3] ^= 0x10;
			break;
		case FAKE_ADDRESS:
			rpmb_put16(f[i].address, rpmb_get16(f[i].address) + 1);
			break;
		case FAKE_COUNTER_SAME:
			rpmb_put32(f[i].write_counter,
				   rpmb_get32(f[i].write_counter) - 1);
			break;
		case FAKE_TYPE:
			rpmb_put16(f[i].msg_type, 0x0500);
			break;
		default:
			break;
		}
	}
	remac(f, n);
}

static uint16_t request_type(const uint8_t *req, size_t size)
{
	if (size < RPMB_REQ_SIZE + RPMB_FRAME_SIZE)
		return 0;
	return rpmb_get16(((const struct rpmb_frame *)(req + RPMB_REQ_SIZE))
				  ->msg_type);
}

/* The answer as the mode has it; returns the RPC's result. */
static uint32_t fake_answer(const uint8_t *req, size_t req_size,
			    uint8_t *rsp, size_t rsp_size)
{
	uint16_t type = request_type(req, req_size);
	bool hit = fake.target == type;
	size_t n = rsp_size / RPMB_FRAME_SIZE;
	uint32_t res;

	if (fake.mode == FAKE_NO_SERVICE)
		return TEE_ERROR_NOT_SUPPORTED;
	if (hit && fake.mode == FAKE_RPC_FAILS)
		return TEE_ERROR_COMMUNICATION;
	if (hit && fake.mode == FAKE_REPLAY) {
		assert_int_equal(fake.kept_len, rsp_size);
		memcpy(rsp, fake.kept, rsp_size);
		return TEE_SUCCESS;
	}
	res = supp_rpmb_request(fake.dev, req, req_size, rsp, rsp_size);
	if (res || !hit)
		return res;
	switch (fake.mode) {
	case FAKE_RECORD:
		assert_true(rsp_size <= sizeof(fake.kept));
		memcpy(fake.kept, rsp, rsp_size);
		fake.kept_len = rsp_size;
		break;
	case FAKE_FLIP_BIT:
		rsp[rsp_size - RPMB_FRAME_SIZE + 300] ^= 0x04;
		break;
	case FAKE_NO_KEY:
		memset(rsp, 0, rsp_size);
		for (size_t i = 0; i < n; i++)
			rpmb_put16(((struct rpmb_frame *)rsp)[i].msg_type,
				   RPMB_MSG_RESP(type));
		rpmb_put16(((struct rpmb_frame *)rsp)[n - 1].result,
			   RPMB_RES_KEY_NOT_PROGRAMMED);
		break;
	case FAKE_HONEST:
		break;
	default:
		forge((struct rpmb_frame *)rsp, n, fake.mode);
		break;
	}
	return res;
}

/* Checks the params as the kernel would need them, then answers. */
uint32_t sw_rpc_cmd(struct sw_thread *thr, uint32_t cmd, size_t n,
		    struct optee_msg_param *p)
{
	uint8_t *req, *rsp;
	uint32_t res;

	(void)thr;
	assert_int_equal(cmd, OPTEE_RPC_CMD_RPMB);
	assert_int_equal(n, 2);
	assert_int_equal(p[0].attr, OPTEE_MSG_ATTR_TYPE_TMEM_INPUT);
	assert_int_equal(p[1].attr, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT);
	/* both in the shm the cookie names, the response page-aligned */
	assert_int_equal(p[0].u.tmem.buf_ptr, p[0].u.tmem.shm_ref);
	assert_int_equal(p[1].u.tmem.shm_ref, p[0].u.tmem.shm_ref);
	assert_int_equal((p[1].u.tmem.buf_ptr - p[0].u.tmem.buf_ptr) % PAGE,
			 0);
	assert_true(p[1].u.tmem.buf_ptr >=
		    p[0].u.tmem.buf_ptr + p[0].u.tmem.size);
	req = (uint8_t *)(uintptr_t)p[0].u.tmem.buf_ptr;
	rsp = (uint8_t *)(uintptr_t)p[1].u.tmem.buf_ptr;
	pthread_mutex_lock(&fake.lock);
	if (request_type(req, p[0].u.tmem.size) == RPMB_MSG_COUNTER_READ)
		fake.counter_reads++;
	res = fake_answer(req, p[0].u.tmem.size, rsp, p[1].u.tmem.size);
	pthread_mutex_unlock(&fake.lock);
	return res;
}

/* ------------------------------------------------------- fixture */

static void dev_open(void)
{
	char dir[96];

	snprintf(dir, sizeof(dir), "%s/data", root);
	assert_int_equal(supp_rpmb_open(dir, &fake.dev), 0);
}

static int setup(void **state)
{
	strcpy(root, "/tmp/vtee-rpmb-client-XXXXXX");
	assert_non_null(mkdtemp(root));
	dev_open();
	fake.mode = FAKE_HONEST;
	fake.target = 0;
	fake.counter_reads = 0;
	*state = rpmb_new(DEV_ID, key);
	assert_non_null(*state);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	rpmb_free(*state);
	supp_rpmb_close(fake.dev);
	assert_int_equal(fake.shm_live, 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static void fill(uint8_t *buf, size_t blocks, uint8_t seed)
{
	for (size_t i = 0; i < blocks * RPMB_BLOCK_SIZE; i++)
		buf[i] = (uint8_t)(seed + i * 7 + i / RPMB_BLOCK_SIZE);
}

static void opened(struct rpmb *r)
{
	uint32_t blocks = 0;

	assert_int_equal(rpmb_open(r, &thread_a, &blocks), TEE_SUCCESS);
	assert_int_equal(blocks, DEV_BLOCKS);
}

/* The device's own view of its counter, asked with the key. */
static uint32_t device_counter(void)
{
	uint8_t req[RPMB_REQ_SIZE + RPMB_FRAME_SIZE] = { 0 };
	struct rpmb_frame rsp, *f = (struct rpmb_frame *)(req + RPMB_REQ_SIZE);

	rpmb_put16(f->msg_type, RPMB_MSG_COUNTER_READ);
	assert_int_equal(supp_rpmb_request(fake.dev, req, sizeof(req), &rsp,
					   sizeof(rsp)), TEE_SUCCESS);
	assert_int_equal(rpmb_get16(rsp.result), RPMB_RES_OK);
	return rpmb_get32(rsp.write_counter);
}

/* ------------------------------------------------------------ tests */

/* A blank device gets the key, then writes and reads come back. */
static void test_round_trip(void **state)
{
	struct rpmb *r = *state;
	uint8_t in[5 * RPMB_BLOCK_SIZE], out[5 * RPMB_BLOCK_SIZE];

	opened(r);
	assert_int_equal(device_counter(), 0);
	fill(in, 5, 1);
	/* 5 blocks: reliable writes of 2, 2 and 1 */
	assert_int_equal(rpmb_write(r, &thread_a, 10, 5, in), TEE_SUCCESS);
	assert_int_equal(device_counter(), 3);
	assert_int_equal(rpmb_read(r, &thread_a, 10, 5, out), TEE_SUCCESS);
	assert_memory_equal(in, out, sizeof(in));
	assert_int_equal(rpmb_read(r, &thread_b, 12, 1, out), TEE_SUCCESS);
	assert_memory_equal(in + 2 * RPMB_BLOCK_SIZE, out, RPMB_BLOCK_SIZE);
}

/* Reads longer than one exchange, and the device's last block. */
static void test_long_read(void **state)
{
	struct rpmb *r = *state;
	size_t n = 130;
	uint8_t *in = malloc(n * RPMB_BLOCK_SIZE);
	uint8_t *out = malloc(n * RPMB_BLOCK_SIZE);

	assert_non_null(in);
	assert_non_null(out);
	opened(r);
	fill(in, n, 9);
	assert_int_equal(rpmb_write(r, &thread_a, DEV_BLOCKS - n, (uint16_t)n,
				    in), TEE_SUCCESS);
	assert_int_equal(rpmb_read(r, &thread_a, DEV_BLOCKS - n, (uint16_t)n,
				   out), TEE_SUCCESS);
	assert_memory_equal(in, out, n * RPMB_BLOCK_SIZE);
	free(in);
	free(out);
}

static void test_bad_range(void **state)
{
	struct rpmb *r = *state;
	uint8_t buf[2 * RPMB_BLOCK_SIZE] = { 0 };

	opened(r);
	assert_int_equal(rpmb_read(r, &thread_a, DEV_BLOCKS - 1, 2, buf),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(rpmb_write(r, &thread_a, DEV_BLOCKS, 1, buf),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(rpmb_write(r, &thread_a, 0, 0, buf),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(device_counter(), 0);
}

static void test_no_service(void **state)
{
	struct rpmb *r = *state;
	uint32_t blocks;
	uint8_t buf[RPMB_BLOCK_SIZE];

	fake.mode = FAKE_NO_SERVICE;
	assert_int_equal(rpmb_open(r, &thread_a, &blocks),
			 TEE_ERROR_STORAGE_NOT_AVAILABLE);
	assert_int_equal(rpmb_read(r, &thread_a, 0, 1, buf),
			 TEE_ERROR_STORAGE_NOT_AVAILABLE);
}

/* A device holding somebody else's key is not ours. */
static void test_foreign_key(void **state)
{
	struct rpmb *r = *state, *other = rpmb_new(DEV_ID, other_key);
	uint32_t blocks;

	assert_non_null(other);
	assert_int_equal(rpmb_open(other, &thread_a, &blocks), TEE_SUCCESS);
	rpmb_free(other);
	assert_int_equal(rpmb_open(r, &thread_a, &blocks), TEE_ERROR_SECURITY);
}

/* Tampering with the answer to request `target` on the next call. */
static void tamper(enum fake_mode mode, uint16_t target)
{
	fake.mode = mode;
	fake.target = target;
}

static void test_flip_bit(void **state)
{
	struct rpmb *r = *state;
	uint8_t buf[RPMB_BLOCK_SIZE];

	opened(r);
	fill(buf, 1, 3);
	tamper(FAKE_FLIP_BIT, RPMB_MSG_DATA_READ);
	assert_int_equal(rpmb_read(r, &thread_a, 0, 1, buf),
			 TEE_ERROR_SECURITY);
	tamper(FAKE_FLIP_BIT, RPMB_MSG_DATA_WRITE);
	assert_int_equal(rpmb_write(r, &thread_a, 0, 1, buf),
			 TEE_ERROR_SECURITY);
	tamper(FAKE_FLIP_BIT, RPMB_MSG_COUNTER_READ);
	assert_int_equal(rpmb_write(r, &thread_a, 0, 1, buf),
			 TEE_ERROR_SECURITY);
}

/* An old read answer (its nonce is old) for a new read. */
static void test_replayed_read(void **state)
{
	struct rpmb *r = *state;
	uint8_t old[RPMB_BLOCK_SIZE], now[RPMB_BLOCK_SIZE];

	opened(r);
	fill(old, 1, 1);
	assert_int_equal(rpmb_write(r, &thread_a, 7, 1, old), TEE_SUCCESS);
	tamper(FAKE_RECORD, RPMB_MSG_DATA_READ);
	assert_int_equal(rpmb_read(r, &thread_a, 7, 1, now), TEE_SUCCESS);
	fill(now, 1, 2);
	tamper(FAKE_HONEST, 0);
	assert_int_equal(rpmb_write(r, &thread_a, 7, 1, now), TEE_SUCCESS);
	tamper(FAKE_REPLAY, RPMB_MSG_DATA_READ);
	memset(now, 0, sizeof(now));
	assert_int_equal(rpmb_read(r, &thread_a, 7, 1, now),
			 TEE_ERROR_SECURITY);
	assert_int_equal(now[0], 0);		/* nothing handed out */
}

/* A write dropped and answered with an old write's answer. */
static void test_replayed_write(void **state)
{
	struct rpmb *r = *state;
	uint8_t buf[RPMB_BLOCK_SIZE];

	opened(r);
	fill(buf, 1, 5);
	tamper(FAKE_RECORD, RPMB_MSG_DATA_WRITE);
	assert_int_equal(rpmb_write(r, &thread_a, 1, 1, buf), TEE_SUCCESS);
	tamper(FAKE_REPLAY, RPMB_MSG_DATA_WRITE);
	assert_int_equal(rpmb_write(r, &thread_a, 1, 1, buf),
			 TEE_ERROR_SECURITY);
	assert_int_equal(device_counter(), 1);
}

/* A counter read answered with an old one (old nonce). */
static void test_replayed_counter(void **state)
{
	struct rpmb *r = *state;
	uint8_t buf[RPMB_BLOCK_SIZE] = { 0 };
	uint32_t blocks;

	tamper(FAKE_RECORD, RPMB_MSG_COUNTER_READ);
	opened(r);
	tamper(FAKE_RPC_FAILS, RPMB_MSG_DATA_WRITE);
	assert_int_equal(rpmb_write(r, &thread_a, 1, 1, buf),
			 TEE_ERROR_COMMUNICATION);
	tamper(FAKE_REPLAY, RPMB_MSG_COUNTER_READ);
	assert_int_equal(rpmb_open(r, &thread_a, &blocks), TEE_ERROR_SECURITY);
}

/*
 * Fields forged and re-MACed with the key, which only shows that each
 * check stands on its own: the nonce, the address, the block count, the
 * write counter's step, the message type.
 */
static void test_forged_fields(void **state)
{
	static const struct { enum fake_mode mode; uint16_t target; } f[] = {
		{ FAKE_NONCE, RPMB_MSG_DATA_READ },
		{ FAKE_NONCE, RPMB_MSG_COUNTER_READ },
		{ FAKE_ADDRESS, RPMB_MSG_DATA_READ },
		{ FAKE_ADDRESS, RPMB_MSG_DATA_WRITE },
		{ FAKE_COUNTER_SAME, RPMB_MSG_DATA_WRITE },
		{ FAKE_TYPE, RPMB_MSG_DATA_READ },
		{ FAKE_TYPE, RPMB_MSG_DATA_WRITE },
		{ FAKE_NO_KEY, RPMB_MSG_DATA_READ },
		{ FAKE_NO_KEY, RPMB_MSG_DATA_WRITE },
	};
	struct rpmb *r = *state;
	uint8_t buf[2 * RPMB_BLOCK_SIZE];

	opened(r);
	fill(buf, 2, 4);
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		uint32_t res;

		tamper(f[i].mode, f[i].target);
		if (f[i].target == RPMB_MSG_DATA_READ)
			res = rpmb_read(r, &thread_a, 3, 2, buf);
		else
			res = rpmb_write(r, &thread_a, 3, 2, buf);
		assert_int_equal(res, TEE_ERROR_SECURITY);
	}
}

/* After any failure the counter is read again before the next write,
 * and the write then succeeds. */
static void test_resync_after_error(void **state)
{
	struct rpmb *r = *state;
	uint8_t in[RPMB_BLOCK_SIZE], out[RPMB_BLOCK_SIZE];
	unsigned int reads;

	opened(r);
	fill(in, 1, 8);
	/* the write reached the device, its answer did not come back */
	tamper(FAKE_FLIP_BIT, RPMB_MSG_DATA_WRITE);
	assert_int_equal(rpmb_write(r, &thread_a, 2, 1, in),
			 TEE_ERROR_SECURITY);
	assert_int_equal(device_counter(), 1);
	tamper(FAKE_HONEST, 0);
	reads = fake.counter_reads;
	fill(in, 1, 9);
	assert_int_equal(rpmb_write(r, &thread_a, 2, 1, in), TEE_SUCCESS);
	assert_int_equal(fake.counter_reads, reads + 1);
	assert_int_equal(device_counter(), 2);
	assert_int_equal(rpmb_read(r, &thread_a, 2, 1, out), TEE_SUCCESS);
	assert_memory_equal(in, out, sizeof(in));
	/* and none when nothing failed */
	assert_int_equal(rpmb_write(r, &thread_a, 2, 1, in), TEE_SUCCESS);
	assert_int_equal(fake.counter_reads, reads + 1);
}

/* The device outlives the supplicant: a new client over a re-opened
 * device finds the key, the counter and the data. */
static void test_restart(void **state)
{
	struct rpmb *r = *state;
	uint8_t in[3 * RPMB_BLOCK_SIZE], out[3 * RPMB_BLOCK_SIZE];

	opened(r);
	fill(in, 3, 6);
	assert_int_equal(rpmb_write(r, &thread_a, 40, 3, in), TEE_SUCCESS);
	supp_rpmb_close(fake.dev);
	dev_open();
	rpmb_free(r);
	r = *state = rpmb_new(DEV_ID, key);
	assert_non_null(r);
	opened(r);
	assert_int_equal(device_counter(), 2);
	assert_int_equal(rpmb_read(r, &thread_a, 40, 3, out), TEE_SUCCESS);
	assert_memory_equal(in, out, sizeof(in));
}

struct writer {
	struct rpmb *r;
	uint16_t addr;
	uint32_t res;
};

static void *writer_run(void *arg)
{
	struct writer *w = arg;
	struct sw_thread thr;
	uint8_t buf[RPMB_BLOCK_SIZE];

	for (int i = 0; i < 25 && !w->res; i++) {
		memset(buf, (int)(w->addr + i), sizeof(buf));
		w->res = rpmb_write(w->r, &thr, w->addr, 1, buf);
	}
	return NULL;
}

/* Secure threads take turns on the device: every write lands once. */
static void test_concurrent_writes(void **state)
{
	struct rpmb *r = *state;
	struct writer w[4];
	pthread_t t[4];
	uint8_t buf[RPMB_BLOCK_SIZE];

	opened(r);
	for (int i = 0; i < 4; i++) {
		w[i] = (struct writer){ r, (uint16_t)(100 + i), 0 };
		assert_int_equal(pthread_create(&t[i], NULL, writer_run, &w[i]),
				 0);
	}
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(w[i].res, TEE_SUCCESS);
	}
	assert_int_equal(device_counter(), 100);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(rpmb_read(r, &thread_a, (uint16_t)(100 + i), 1,
					   buf), TEE_SUCCESS);
		assert_int_equal(buf[0], (uint8_t)(100 + i + 24));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_long_read, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bad_range, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_no_service, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_foreign_key, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_flip_bit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replayed_read, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_replayed_write, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_replayed_counter, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_forged_fields, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_resync_after_error, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_restart, setup, teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_writes, setup,
						teardown),
	};

	supp_log_set_level(SUPP_LOG_ERROR);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
