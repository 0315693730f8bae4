// SPDX-License-Identifier: BSD-2-Clause
/*
 * The emulated RPMB device without a daemon: JEDEC's rules (one key,
 * the write counter, MACs, addresses), the request sizes it accepts, its
 * image surviving a re-open, and its refusal of a damaged image.  MACs
 * are computed here with OpenSSL's one-shot HMAC over copied frame
 * ranges, independently of the device's own code.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "supp.h"
#include "vtee/optee_rpc_cmd.h"
#include "vtee/rpmb_frame.h"

#define BLOCKS		1024
#define IMAGE_HDR	96
#define IMAGE_SIZE	(IMAGE_HDR + BLOCKS * 256)
#define MAX_FRAMES	4
#define SHM_ID		7
#define SHM_SIZE	8192

static const uint8_t key_a[32] = "0123456789abcdef0123456789abcdef";
static const uint8_t key_b[32] = "fedcba9876543210fedcba9876543210";
static const uint8_t nonce[16] = "a nonce, 16 byte";

struct fixture {
	char root[64];
	char dir[96];
	char image[128];
	struct supp_rpmb *dev;
};

/* A request: header and frames, as the secure world lays them out. */
struct msg {
	uint8_t buf[RPMB_REQ_SIZE + MAX_FRAMES * RPMB_FRAME_SIZE];
	size_t len;
};

static struct rpmb_frame *frame(struct msg *m, size_t i)
{
	return (struct rpmb_frame *)(m->buf + RPMB_REQ_SIZE) + i;
}

static void msg_init(struct msg *m, uint16_t cmd, uint16_t count,
		     size_t frames, uint16_t type)
{
	struct rpmb_req hdr = { .cmd = cmd, .block_count = count };

	memset(m, 0, sizeof(*m));
	memcpy(m->buf, &hdr, sizeof(hdr));
	m->len = RPMB_REQ_SIZE + frames * RPMB_FRAME_SIZE;
	for (size_t i = 0; i < frames; i++)
		rpmb_put16(frame(m, i)->msg_type, type);
}

static void mac_of(const uint8_t *key, const struct rpmb_frame *f, size_t n,
		   uint8_t out[32])
{
	uint8_t *buf = malloc(n * RPMB_FRAME_MACED_SIZE);
	unsigned int len = 0;

	assert_non_null(buf);
	for (size_t i = 0; i < n; i++)
		memcpy(buf + i * RPMB_FRAME_MACED_SIZE,
		       (const uint8_t *)&f[i] + RPMB_FRAME_MACED_OFF,
		       RPMB_FRAME_MACED_SIZE);
	assert_non_null(HMAC(EVP_sha256(), key, 32, buf,
			     n * RPMB_FRAME_MACED_SIZE, out, &len));
	assert_int_equal(len, 32);
	free(buf);
}

static void mac_check(const uint8_t *key, const struct rpmb_frame *f,
		      size_t n)
{
	uint8_t mac[32];

	mac_of(key, f, n, mac);
	assert_memory_equal(mac, f[n - 1].key_mac, 32);
}

static uint32_t xfer(struct fixture *fx, struct msg *m, void *rsp,
		     size_t rsp_size)
{
	return supp_rpmb_request(fx->dev, m->buf, m->len, rsp, rsp_size);
}

static uint16_t key_program(struct fixture *fx, const uint8_t *key)
{
	struct rpmb_frame rsp;
	struct msg m;

	msg_init(&m, RPMB_CMD_DATA_REQ, 0, 1, RPMB_MSG_KEY_PROGRAM);
	memcpy(frame(&m, 0)->key_mac, key, 32);
	assert_int_equal(xfer(fx, &m, &rsp, sizeof(rsp)), SUPP_RES_SUCCESS);
	assert_int_equal(rpmb_get16(rsp.msg_type), 0x0100);
	return rpmb_get16(rsp.result);
}

/* The counter read's result; the MAC is checked whenever it is OK. */
static uint16_t counter_read(struct fixture *fx, const uint8_t *key,
			     uint32_t *counter)
{
	struct rpmb_frame rsp;
	struct msg m;
	uint16_t res;

	msg_init(&m, RPMB_CMD_DATA_REQ, 0, 1, RPMB_MSG_COUNTER_READ);
	memcpy(frame(&m, 0)->nonce, nonce, 16);
	assert_int_equal(xfer(fx, &m, &rsp, sizeof(rsp)), SUPP_RES_SUCCESS);
	assert_int_equal(rpmb_get16(rsp.msg_type), 0x0200);
	assert_memory_equal(rsp.nonce, nonce, 16);
	res = rpmb_get16(rsp.result);
	if ((res & RPMB_RES_MASK) == RPMB_RES_OK)
		mac_check(key, &rsp, 1);
	*counter = rpmb_get32(rsp.write_counter);
	return res;
}

/* n blocks of fill, fill + 1, ... at addr with the given counter. */
static void write_msg(struct msg *m, const uint8_t *key, uint16_t addr,
		      size_t n, uint32_t counter, uint8_t fill)
{
	msg_init(m, RPMB_CMD_DATA_REQ, 0, n, RPMB_MSG_DATA_WRITE);
	for (size_t i = 0; i < n; i++) {
		struct rpmb_frame *f = frame(m, i);

		memset(f->data, fill + (int)i, 256);
		rpmb_put16(f->address, addr);
		rpmb_put16(f->block_count, (uint16_t)n);
		rpmb_put32(f->write_counter, counter);
	}
	mac_of(key, frame(m, 0), n, frame(m, n - 1)->key_mac);
}

/* Sends a write; checks the response's form and MAC; its result and the
 * counter it reports. */
static uint16_t write_send(struct fixture *fx, struct msg *m,
			   const uint8_t *key, uint32_t *counter)
{
	struct rpmb_frame rsp;
	uint16_t res;

	assert_int_equal(xfer(fx, m, &rsp, sizeof(rsp)), SUPP_RES_SUCCESS);
	assert_int_equal(rpmb_get16(rsp.msg_type), 0x0300);
	res = rpmb_get16(rsp.result);
	if ((res & RPMB_RES_MASK) == RPMB_RES_KEY_NOT_PROGRAMMED)
		return res;
	assert_int_equal(rpmb_get16(rsp.address),
			 rpmb_get16(frame(m, 0)->address));
	mac_check(key, &rsp, 1);
	*counter = rpmb_get32(rsp.write_counter);
	return res;
}

static uint16_t write_blocks(struct fixture *fx, const uint8_t *key,
			     uint16_t addr, size_t n, uint32_t counter,
			     uint8_t fill, uint32_t *new_counter)
{
	struct msg m;

	write_msg(&m, key, addr, n, counter, fill);
	return write_send(fx, &m, key, new_counter);
}

/* Reads n blocks; checks every frame's form and the MAC (unless the key
 * is missing). */
static uint16_t read_blocks(struct fixture *fx, const uint8_t *key,
			    uint16_t addr, size_t n, uint8_t *data)
{
	struct rpmb_frame rsp[MAX_FRAMES];
	struct msg m;
	uint16_t res;

	msg_init(&m, RPMB_CMD_DATA_REQ, (uint16_t)n, 1, RPMB_MSG_DATA_READ);
	memcpy(frame(&m, 0)->nonce, nonce, 16);
	rpmb_put16(frame(&m, 0)->address, addr);
	assert_int_equal(xfer(fx, &m, rsp, n * sizeof(rsp[0])),
			 SUPP_RES_SUCCESS);
	res = rpmb_get16(rsp[n - 1].result);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(rpmb_get16(rsp[i].msg_type), 0x0400);
		assert_memory_equal(rsp[i].nonce, nonce, 16);
		assert_int_equal(rpmb_get16(rsp[i].address), addr);
		assert_int_equal(rpmb_get16(rsp[i].block_count), n);
		assert_int_equal(rpmb_get16(rsp[i].result), res);
		if (data)
			memcpy(data + i * 256, rsp[i].data, 256);
	}
	if ((res & RPMB_RES_MASK) != RPMB_RES_KEY_NOT_PROGRAMMED)
		mac_check(key, rsp, n);
	return res;
}

static void dev_open(struct fixture *fx)
{
	assert_int_equal(supp_rpmb_open(fx->dir, &fx->dev), 0);
}

static void dev_reopen(struct fixture *fx)
{
	supp_rpmb_close(fx->dev);
	dev_open(fx);
}

/* The data dir does not exist yet: the first key makes it. */
static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	assert_non_null(fx);
	strcpy(fx->root, "/tmp/vtee-rpmb-test-XXXXXX");
	assert_non_null(mkdtemp(fx->root));
	snprintf(fx->dir, sizeof(fx->dir), "%s/state/tee", fx->root);
	snprintf(fx->image, sizeof(fx->image), "%s/rpmb.img", fx->dir);
	dev_open(fx);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	supp_rpmb_close(fx->dev);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->root);
	assert_int_equal(system(cmd), 0);
	free(fx);
	return 0;
}

static void test_dev_info(void **state)
{
	struct fixture *fx = *state;
	struct rpmb_dev_info info;
	uint8_t big[20];
	struct msg m;

	msg_init(&m, RPMB_CMD_GET_DEV_INFO, 0, 0, 0);
	memset(&info, 0xee, sizeof(info));
	assert_int_equal(xfer(fx, &m, &info, sizeof(info)), SUPP_RES_SUCCESS);
	assert_int_equal(info.rpmb_size_mult, 2);
	assert_int_equal(info.rel_wr_sec_c, 1);
	assert_int_equal(info.ret_code, RPMB_DEV_INFO_OK);
	assert_int_equal(info.cid[3], 'V');
	/* exactly 6 in, exactly 19 out */
	assert_int_equal(xfer(fx, &m, big, 18), SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(xfer(fx, &m, big, 20), SUPP_RES_BAD_PARAMETERS);
	m.len = 7;
	assert_int_equal(xfer(fx, &m, &info, sizeof(info)),
			 SUPP_RES_BAD_PARAMETERS);
	m.len = 5;
	assert_int_equal(xfer(fx, &m, &info, sizeof(info)),
			 SUPP_RES_BAD_PARAMETERS);
	/* one eMMC only */
	msg_init(&m, RPMB_CMD_GET_DEV_INFO, 0, 0, 0);
	m.buf[2] = 1;
	assert_int_equal(xfer(fx, &m, &info, sizeof(info)),
			 SUPP_RES_ITEM_NOT_FOUND);
}

/* Before the key: KEY_NOT_PROGRAMMED to everything, nothing on disk. */
static void test_no_key(void **state)
{
	struct fixture *fx = *state;
	uint32_t counter = 99;

	assert_int_equal(counter_read(fx, key_a, &counter),
			 RPMB_RES_KEY_NOT_PROGRAMMED);
	assert_int_equal(read_blocks(fx, key_a, 0, 1, NULL),
			 RPMB_RES_KEY_NOT_PROGRAMMED);
	assert_int_equal(write_blocks(fx, key_a, 0, 1, 0, 1, &counter),
			 RPMB_RES_KEY_NOT_PROGRAMMED);
	assert_int_equal(access(fx->image, F_OK), -1);
}

/* JEDEC: a second key programming is a general failure, and the first
 * key stays. */
static void test_key_once(void **state)
{
	struct fixture *fx = *state;
	uint32_t counter = 99;

	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	assert_int_equal(key_program(fx, key_b), RPMB_RES_GENERAL_FAILURE);
	assert_int_equal(counter_read(fx, key_a, &counter), RPMB_RES_OK);
	assert_int_equal(counter, 0);
}

static void test_round_trip(void **state)
{
	struct fixture *fx = *state;
	uint8_t data[3 * 256], expect[3 * 256];
	uint32_t counter = 0;

	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	assert_int_equal(write_blocks(fx, key_a, 5, 1, 0, 0x50, &counter),
			 RPMB_RES_OK);
	assert_int_equal(counter, 1);
	/* two frames: one reliable write of rel_wr_sec_c = 1 sector */
	assert_int_equal(write_blocks(fx, key_a, 6, 2, 1, 0x60, &counter),
			 RPMB_RES_OK);
	assert_int_equal(counter, 2);
	assert_int_equal(read_blocks(fx, key_a, 5, 3, data), RPMB_RES_OK);
	memset(expect, 0x50, 256);
	memset(expect + 256, 0x60, 256);
	memset(expect + 512, 0x61, 256);
	assert_memory_equal(data, expect, sizeof(data));
	/* never written: zeros */
	memset(expect, 0, 256);
	assert_int_equal(read_blocks(fx, key_a, BLOCKS - 1, 1, data),
			 RPMB_RES_OK);
	assert_memory_equal(data, expect, 256);
	assert_int_equal(counter_read(fx, key_a, &counter), RPMB_RES_OK);
	assert_int_equal(counter, 2);
}

static void test_wrong_mac(void **state)
{
	struct fixture *fx = *state;
	uint8_t data[256], zero[256] = { 0 };
	uint32_t counter = 0;
	struct msg m;

	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	write_msg(&m, key_a, 3, 1, 0, 0x33);
	frame(&m, 0)->data[17] ^= 1;		/* after the MAC */
	assert_int_equal(write_send(fx, &m, key_a, &counter),
			 RPMB_RES_AUTH_FAILURE);
	assert_int_equal(counter, 0);
	write_msg(&m, key_b, 3, 1, 0, 0x33);	/* answered with key_a */
	assert_int_equal(write_send(fx, &m, key_a, &counter),
			 RPMB_RES_AUTH_FAILURE);
	assert_int_equal(read_blocks(fx, key_a, 3, 1, data), RPMB_RES_OK);
	assert_memory_equal(data, zero, sizeof(data));
	assert_int_equal(counter_read(fx, key_a, &counter), RPMB_RES_OK);
	assert_int_equal(counter, 0);
}

/* A request replayed as it was sent, and counters ahead or behind. */
static void test_replay(void **state)
{
	struct fixture *fx = *state;
	uint8_t data[256];
	uint32_t counter = 0;
	struct msg first, m;

	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	write_msg(&first, key_a, 9, 1, 0, 0x90);
	assert_int_equal(write_send(fx, &first, key_a, &counter), RPMB_RES_OK);
	assert_int_equal(write_blocks(fx, key_a, 9, 1, 1, 0x91, &counter),
			 RPMB_RES_OK);
	assert_int_equal(write_send(fx, &first, key_a, &counter),
			 RPMB_RES_COUNTER_FAILURE);
	assert_int_equal(counter, 2);
	write_msg(&m, key_a, 9, 1, 7, 0x97);
	assert_int_equal(write_send(fx, &m, key_a, &counter),
			 RPMB_RES_COUNTER_FAILURE);
	assert_int_equal(read_blocks(fx, key_a, 9, 1, data), RPMB_RES_OK);
	assert_int_equal(data[0], 0x91);
}

static void test_bad_address(void **state)
{
	struct fixture *fx = *state;
	uint32_t counter = 0;

	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	assert_int_equal(write_blocks(fx, key_a, BLOCKS - 1, 2, 0, 1,
				      &counter), RPMB_RES_ADDRESS_FAILURE);
	assert_int_equal(write_blocks(fx, key_a, BLOCKS, 1, 0, 1, &counter),
			 RPMB_RES_ADDRESS_FAILURE);
	assert_int_equal(write_blocks(fx, key_a, 0xffff, 1, 0, 1, &counter),
			 RPMB_RES_ADDRESS_FAILURE);
	assert_int_equal(counter, 0);
	assert_int_equal(read_blocks(fx, key_a, BLOCKS - 2, 3, NULL),
			 RPMB_RES_ADDRESS_FAILURE);
	assert_int_equal(read_blocks(fx, key_a, BLOCKS - 1, 1, NULL),
			 RPMB_RES_OK);
	assert_int_equal(write_blocks(fx, key_a, BLOCKS - 2, 2, 0, 1,
				      &counter), RPMB_RES_OK);
}

/* More frames than a reliable write holds, or a block count that does
 * not match the frames: a device failure, not a transport one. */
static void test_write_frame_count(void **state)
{
	struct fixture *fx = *state;
	uint32_t counter = 0;
	struct msg m;

	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	assert_int_equal(write_blocks(fx, key_a, 0, 3, 0, 1, &counter),
			 RPMB_RES_GENERAL_FAILURE);
	write_msg(&m, key_a, 0, 2, 0, 1);
	rpmb_put16(frame(&m, 0)->block_count, 1);
	mac_of(key_a, frame(&m, 0), 2, frame(&m, 1)->key_mac);
	assert_int_equal(write_send(fx, &m, key_a, &counter),
			 RPMB_RES_GENERAL_FAILURE);
	assert_int_equal(counter, 0);
}

/* Sizes and types the transport cannot carry: BAD_PARAMETERS. */
static void test_malformed(void **state)
{
	struct fixture *fx = *state;
	struct rpmb_frame rsp[2];
	struct msg m;

	msg_init(&m, RPMB_CMD_DATA_REQ, 0, 1, RPMB_MSG_COUNTER_READ);
	assert_int_equal(xfer(fx, &m, rsp, 2 * sizeof(rsp[0])),
			 SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(xfer(fx, &m, rsp, 511), SUPP_RES_BAD_PARAMETERS);
	assert_int_equal(xfer(fx, &m, rsp, 0), SUPP_RES_BAD_PARAMETERS);
	m.len -= 1;
	assert_int_equal(xfer(fx, &m, rsp, sizeof(rsp[0])),
			 SUPP_RES_BAD_PARAMETERS);
	msg_init(&m, RPMB_CMD_DATA_REQ, 0, 0, 0);
	assert_int_equal(xfer(fx, &m, rsp, sizeof(rsp[0])),
			 SUPP_RES_BAD_PARAMETERS);
	/* a write answers one frame */
	write_msg(&m, key_a, 0, 1, 0, 1);
	assert_int_equal(xfer(fx, &m, rsp, 2 * sizeof(rsp[0])),
			 SUPP_RES_BAD_PARAMETERS);
	/* every frame of a request is of one type */
	write_msg(&m, key_a, 0, 2, 0, 1);
	rpmb_put16(frame(&m, 1)->msg_type, RPMB_MSG_DATA_READ);
	assert_int_equal(xfer(fx, &m, rsp, sizeof(rsp[0])),
			 SUPP_RES_BAD_PARAMETERS);
	/* a read is one frame in, and as many out as the header asks */
	msg_init(&m, RPMB_CMD_DATA_REQ, 1, 2, RPMB_MSG_DATA_READ);
	assert_int_equal(xfer(fx, &m, rsp, sizeof(rsp[0])),
			 SUPP_RES_BAD_PARAMETERS);
	msg_init(&m, RPMB_CMD_DATA_REQ, 1, 1, RPMB_MSG_DATA_READ);
	assert_int_equal(xfer(fx, &m, rsp, 2 * sizeof(rsp[0])),
			 SUPP_RES_BAD_PARAMETERS);
	msg_init(&m, RPMB_CMD_DATA_REQ, 0, 1, 0x0006);
	assert_int_equal(xfer(fx, &m, rsp, sizeof(rsp[0])),
			 SUPP_RES_BAD_PARAMETERS);
	msg_init(&m, 2, 0, 1, RPMB_MSG_COUNTER_READ);
	assert_int_equal(xfer(fx, &m, rsp, sizeof(rsp[0])),
			 SUPP_RES_BAD_PARAMETERS);
}

/* RESULT_READ gives the last write's outcome again, under a MAC. */
static void test_result_read(void **state)
{
	struct fixture *fx = *state;
	struct rpmb_frame rsp;
	uint32_t counter = 0;
	struct msg m;

	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	write_msg(&m, key_a, 4, 1, 0, 4);
	frame(&m, 0)->key_mac[0] ^= 0x80;
	assert_int_equal(write_send(fx, &m, key_a, &counter),
			 RPMB_RES_AUTH_FAILURE);
	msg_init(&m, RPMB_CMD_DATA_REQ, 0, 1, RPMB_MSG_RESULT_READ);
	assert_int_equal(xfer(fx, &m, &rsp, sizeof(rsp)), SUPP_RES_SUCCESS);
	assert_int_equal(rpmb_get16(rsp.msg_type), 0x0300);
	assert_int_equal(rpmb_get16(rsp.result), RPMB_RES_AUTH_FAILURE);
	assert_int_equal(rpmb_get16(rsp.address), 4);
	mac_check(key_a, &rsp, 1);
}

/* Key, counter and data come back from rpmb.img after a re-open. */
static void test_persistence(void **state)
{
	struct fixture *fx = *state;
	uint8_t data[2 * 256];
	uint32_t counter = 0;
	struct stat st;

	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	assert_int_equal(write_blocks(fx, key_a, 100, 2, 0, 0xa0, &counter),
			 RPMB_RES_OK);
	assert_int_equal(write_blocks(fx, key_a, 101, 1, 1, 0xb0, &counter),
			 RPMB_RES_OK);
	assert_int_equal(stat(fx->image, &st), 0);
	assert_int_equal(st.st_size, IMAGE_SIZE);
	assert_int_equal(st.st_mode & 0777, 0600);
	dev_reopen(fx);
	assert_int_equal(counter_read(fx, key_a, &counter), RPMB_RES_OK);
	assert_int_equal(counter, 2);
	assert_int_equal(key_program(fx, key_b), RPMB_RES_GENERAL_FAILURE);
	assert_int_equal(read_blocks(fx, key_a, 100, 2, data), RPMB_RES_OK);
	assert_int_equal(data[0], 0xa0);
	assert_int_equal(data[256], 0xb0);
	/* the old state's writes are refused after the re-open too */
	assert_int_equal(write_blocks(fx, key_a, 100, 1, 1, 0, &counter),
			 RPMB_RES_COUNTER_FAILURE);
}

static void image_damage(struct fixture *fx, off_t off, int truncate_to)
{
	int fd = open(fx->image, O_RDWR);
	uint8_t b;

	assert_true(fd >= 0);
	if (truncate_to >= 0) {
		assert_int_equal(ftruncate(fd, truncate_to), 0);
	} else {
		assert_int_equal(pread(fd, &b, 1, off), 1);
		b ^= 0x01;
		assert_int_equal(pwrite(fd, &b, 1, off), 1);
	}
	close(fd);
}

/* Every request of a refusing device fails, dev info included. */
static void assert_refused(struct fixture *fx)
{
	struct rpmb_dev_info info;
	struct rpmb_frame rsp;
	struct msg m;

	msg_init(&m, RPMB_CMD_GET_DEV_INFO, 0, 0, 0);
	assert_int_equal(xfer(fx, &m, &info, sizeof(info)), SUPP_RES_GENERIC);
	msg_init(&m, RPMB_CMD_DATA_REQ, 0, 1, RPMB_MSG_COUNTER_READ);
	assert_int_equal(xfer(fx, &m, &rsp, sizeof(rsp)), SUPP_RES_GENERIC);
	msg_init(&m, RPMB_CMD_DATA_REQ, 0, 1, RPMB_MSG_KEY_PROGRAM);
	assert_int_equal(xfer(fx, &m, &rsp, sizeof(rsp)), SUPP_RES_GENERIC);
}

/* A damaged image is never taken for a blank device (that would reset
 * the counter): the device refuses service, and the file is left be. */
static void test_corrupt_image(void **state)
{
	static const struct { off_t off; int truncate_to; } damage[] = {
		{ 0, -1 },			/* magic */
		{ 16, -1 },			/* write counter */
		{ 30, -1 },			/* key */
		{ 70, -1 },			/* digest */
		{ IMAGE_HDR + 5 * 256, -1 },	/* data */
		{ 0, IMAGE_SIZE - 1 },		/* short */
		{ 0, 0 },			/* empty */
	};
	struct fixture *fx = *state;
	uint32_t counter = 0;
	struct stat st;

	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	assert_int_equal(write_blocks(fx, key_a, 5, 1, 0, 5, &counter),
			 RPMB_RES_OK);
	supp_rpmb_close(fx->dev);
	for (size_t i = 0; i < sizeof(damage) / sizeof(damage[0]); i++) {
		char cmd[300];

		snprintf(cmd, sizeof(cmd), "cp '%s' '%s.good'", fx->image,
			 fx->image);
		assert_int_equal(system(cmd), 0);
		image_damage(fx, damage[i].off, damage[i].truncate_to);
		assert_int_equal(stat(fx->image, &st), 0);
		dev_open(fx);
		assert_refused(fx);
		supp_rpmb_close(fx->dev);
		snprintf(cmd, sizeof(cmd), "mv '%s.good' '%s'", fx->image,
			 fx->image);
		assert_int_equal(system(cmd), 0);
	}
	/* the sound image still serves */
	dev_open(fx);
	assert_int_equal(counter_read(fx, key_a, &counter), RPMB_RES_OK);
	assert_int_equal(counter, 1);
}

/* An image in the documented format, made here: key_a, counter. */
static void image_craft(struct fixture *fx, uint32_t counter)
{
	uint8_t *img = calloc(1, IMAGE_SIZE);
	unsigned int len = 0;
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	char path[128];
	FILE *f;

	assert_non_null(img);
	assert_non_null(md);
	memcpy(img, "vteeRPMB", 8);
	img[8] = 1;
	img[12] = 1;
	for (int i = 0; i < 4; i++)
		img[16 + i] = (uint8_t)(counter >> (8 * i));
	img[20 + 2] = 4;		/* 0x40000 */
	memcpy(img + 24, key_a, 32);
	assert_true(EVP_DigestInit_ex(md, EVP_sha256(), NULL) &&
		    EVP_DigestUpdate(md, img, 64) &&
		    EVP_DigestUpdate(md, img + IMAGE_HDR, BLOCKS * 256) &&
		    EVP_DigestFinal_ex(md, img + 64, &len));
	EVP_MD_CTX_free(md);
	snprintf(path, sizeof(path), "%s/state", fx->root);
	mkdir(path, 0700);
	mkdir(fx->dir, 0700);
	f = fopen(fx->image, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(img, 1, IMAGE_SIZE, f), IMAGE_SIZE);
	assert_int_equal(fclose(f), 0);
	free(img);
}

/* At 0xffffffff the counter has expired: every result says so, and no
 * write is accepted any more. */
static void test_counter_expiry(void **state)
{
	struct fixture *fx = *state;
	uint32_t counter = 0;

	image_craft(fx, 0xfffffffe);
	dev_reopen(fx);
	assert_int_equal(counter_read(fx, key_a, &counter), RPMB_RES_OK);
	assert_int_equal(counter, 0xfffffffe);
	assert_int_equal(write_blocks(fx, key_a, 0, 1, counter, 1, &counter),
			 RPMB_RES_OK | RPMB_RES_COUNTER_EXPIRED);
	assert_int_equal(counter, 0xffffffff);
	assert_int_equal(write_blocks(fx, key_a, 0, 1, counter, 2, &counter),
			 RPMB_RES_WRITE_FAILURE | RPMB_RES_COUNTER_EXPIRED);
	assert_int_equal(counter_read(fx, key_a, &counter),
			 RPMB_RES_OK | RPMB_RES_COUNTER_EXPIRED);
	assert_int_equal(read_blocks(fx, key_a, 0, 1, NULL),
			 RPMB_RES_OK | RPMB_RES_COUNTER_EXPIRED);
	dev_reopen(fx);
	assert_int_equal(counter_read(fx, key_a, &counter),
			 RPMB_RES_OK | RPMB_RES_COUNTER_EXPIRED);
}

/* A write that cannot be made durable is refused and leaves nothing
 * changed (the data dir is a file here, so no image can be written). */
static void test_store_failure(void **state)
{
	struct fixture *fx = *state;
	uint32_t counter = 0;
	char path[300];
	FILE *f;

	snprintf(path, sizeof(path), "%s/state", fx->root);
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(key_program(fx, key_a), RPMB_RES_WRITE_FAILURE);
	assert_int_equal(counter_read(fx, key_a, &counter),
			 RPMB_RES_KEY_NOT_PROGRAMMED);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	assert_int_equal(write_blocks(fx, key_a, 1, 1, 0, 1, &counter),
			 RPMB_RES_OK);
	/* now the image's place is taken by a directory: rename fails */
	assert_int_equal(unlink(fx->image), 0);
	assert_int_equal(mkdir(fx->image, 0700), 0);
	snprintf(path, sizeof(path), "%s/x", fx->image);
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(write_blocks(fx, key_a, 1, 1, 1, 2, &counter),
			 RPMB_RES_WRITE_FAILURE);
	assert_int_equal(counter, 1);
	assert_int_equal(counter_read(fx, key_a, &counter), RPMB_RES_OK);
	assert_int_equal(counter, 1);
}

/* A writer that reports each acknowledged counter on fd, until killed.
 * Write w (counter w before it) fills block w % 16 with w + 1. */
static void writer_child(struct fixture *fx, int fd)
{
	uint32_t counter = 0, acked;

	supp_rpmb_close(fx->dev);
	dev_open(fx);
	if (counter_read(fx, key_a, &counter) != RPMB_RES_OK)
		_exit(2);
	for (;;) {
		if (write_blocks(fx, key_a, counter % 16, 1, counter,
				 (uint8_t)(counter + 1), &acked) !=
			    RPMB_RES_OK ||
		    write(fd, &acked, sizeof(acked)) != sizeof(acked))
			_exit(3);
		counter = acked;
	}
}

/* The highest counter the child acknowledged before it died. */
static uint32_t acks_drain(int fd, uint32_t last)
{
	uint32_t ack;

	while (read(fd, &ack, sizeof(ack)) == sizeof(ack))
		last = ack;
	return last;
}

/*
 * kill -9 at arbitrary moments of a stream of writes: the image is
 * always whole, and holds every acknowledged write and at most one more.
 */
static void test_kill_during_writes(void **state)
{
	struct fixture *fx = *state;
	uint32_t acked = 0, counter;
	uint8_t data[256];

	assert_int_equal(key_program(fx, key_a), RPMB_RES_OK);
	for (int round = 0; round < 8; round++) {
		int pipefd[2], status;
		uint32_t ack;
		pid_t pid;

		assert_int_equal(pipe(pipefd), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(pipefd[0]);
			writer_child(fx, pipefd[1]);
		}
		close(pipefd[1]);
		for (int i = 0; i <= round; i++) {
			assert_int_equal(read(pipefd[0], &ack, sizeof(ack)),
					 sizeof(ack));
			acked = ack;
		}
		usleep((useconds_t)(round * 397 % 1500));
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
		acked = acks_drain(pipefd[0], acked);
		close(pipefd[0]);
		dev_reopen(fx);
		assert_int_equal(counter_read(fx, key_a, &counter),
				 RPMB_RES_OK);
		assert_true(counter == acked || counter == acked + 1);
		assert_int_equal(read_blocks(fx, key_a, (counter - 1) % 16, 1,
					     data), RPMB_RES_OK);
		assert_int_equal(data[0], (uint8_t)counter);
		assert_int_equal(data[255], (uint8_t)counter);
		acked = counter;
	}
}

/* Through the service: memrefs in the supplicant's shm, attrs checked. */
static void release_free(struct supp_shm *shm, void *ctx)
{
	(void)ctx;
	free(shm->addr);
}

static void rpmb_params(struct tee_ioctl_param *p, uint64_t in_size,
			uint64_t out_off, uint64_t out_size)
{
	memset(p, 0, 2 * sizeof(*p));
	p[0] = (struct tee_ioctl_param){
		.attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT,
		.a = 0, .b = in_size, .c = SHM_ID };
	p[1] = (struct tee_ioctl_param){
		.attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT,
		.a = out_off, .b = out_size, .c = SHM_ID };
}

static void test_serve(void **state)
{
	struct fixture *fx = *state;
	struct rpmb_req hdr = { .cmd = RPMB_CMD_GET_DEV_INFO };
	struct rpmb_dev_info info;
	struct tee_ioctl_param p[2];
	struct supp s = { .rpmb = fx->dev };
	uint8_t *shm = calloc(1, SHM_SIZE);

	assert_non_null(shm);
	supp_shm_table_init(&s.shms, release_free, NULL);
	assert_int_equal(supp_shm_add(&s.shms, SHM_ID, -1, shm, SHM_SIZE), 0);
	memcpy(shm, &hdr, sizeof(hdr));
	rpmb_params(p, 6, 4096, 19);
	assert_int_equal(supp_dispatch(&s, OPTEE_RPC_CMD_RPMB, p, 2),
			 SUPP_RES_SUCCESS);
	memcpy(&info, shm + 4096, sizeof(info));
	assert_int_equal(info.rpmb_size_mult, 2);
	/* wrong count, attrs, a foreign or NULL shm, one beyond its end */
	assert_int_equal(supp_rpmb_serve(&s, p, 1), SUPP_RES_BAD_PARAMETERS);
	rpmb_params(p, 6, 4096, 19);
	p[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT;
	assert_int_equal(supp_rpmb_serve(&s, p, 2), SUPP_RES_BAD_PARAMETERS);
	rpmb_params(p, 6, 4096, 19);
	p[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
	assert_int_equal(supp_rpmb_serve(&s, p, 2), SUPP_RES_BAD_PARAMETERS);
	rpmb_params(p, 6, 4096, 19);
	p[1].c = TEE_MEMREF_NULL;
	assert_int_equal(supp_rpmb_serve(&s, p, 2), SUPP_RES_BAD_PARAMETERS);
	rpmb_params(p, 6, 4096, 19);
	p[0].c = 99;
	assert_int_equal(supp_rpmb_serve(&s, p, 2), SUPP_RES_BAD_PARAMETERS);
	rpmb_params(p, 6, SHM_SIZE - 18, 19);
	assert_int_equal(supp_rpmb_serve(&s, p, 2), SUPP_RES_BAD_PARAMETERS);
	/* no device: not supported */
	s.rpmb = NULL;
	rpmb_params(p, 6, 4096, 19);
	assert_int_equal(supp_rpmb_serve(&s, p, 2), SUPP_RES_NOT_SUPPORTED);
	assert_int_equal(supp_shm_remove(&s.shms, SHM_ID), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_dev_info, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_key_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_wrong_mac, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_replay, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_address, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_write_frame_count, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_malformed, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_result_read, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_persistence, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_image, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_counter_expiry, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_store_failure, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_kill_during_writes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_serve, setup, teardown),
	};

	supp_log_set_level(SUPP_LOG_ERROR);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
