// SPDX-License-Identifier: BSD-2-Clause
/*
 * Writes the seed corpus of fuzz_node_msg: a handful of valid node request
 * datagrams (vtee/node_wire.h), one per file, covering each shape the
 * parser accepts.  Run at build time so no binary file is committed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vtee/node_wire.h"
#include "seed_file.h"

struct seed {
	uint8_t bytes[VTEE_NODE_MSG_MAX];
	size_t len;
};

/* Appends the header; arg and user bytes follow via seed_put(). */
static void seed_start(struct seed *s, uint32_t op, uint32_t cmd,
		       uint32_t arg_len, uint32_t user_len, int32_t shm_id)
{
	struct vtee_node_req req = {
		.op = op, .ioctl_cmd = cmd, .arg_len = arg_len,
		.user_len = user_len, .shm_id = shm_id,
		.user_addr = user_len ? 0x7f1234560000ull : 0,
	};

	memcpy(s->bytes, &req, sizeof(req));
	s->len = sizeof(req);
}

static void seed_put(struct seed *s, const void *p, size_t n)
{
	memcpy(s->bytes + s->len, p, n);
	s->len += n;
}

static int seed_write(const char *dir, const char *name, const struct seed *s)
{
	return seed_file_write(dir, name, s->bytes, s->len);
}

/* An ioctl whose argument is a tee_ioctl_buf_data naming a user window of
 * `len` bytes that starts with `head`. */
static void seed_buf_ioctl(struct seed *s, uint32_t cmd, const void *head,
			   size_t head_len, size_t len)
{
	struct tee_ioctl_buf_data bd = { .buf_ptr = 0x7f1234560000ull,
					 .buf_len = len };
	uint8_t window[TEE_MAX_ARG_SIZE] = { 0 };

	memcpy(window, head, head_len);
	seed_start(s, VTEE_NODE_OP_IOCTL, cmd, sizeof(bd), (uint32_t)len, 0);
	seed_put(s, &bd, sizeof(bd));
	seed_put(s, window, len);
}

static int write_seeds(const char *dir)
{
	struct tee_ioctl_version_data ver = { 0 };
	struct tee_ioctl_open_session_arg open = { .num_params = 2 };
	struct tee_ioctl_invoke_arg inv = { .func = 1, .num_params = 1 };
	uint8_t odd[5] = { 1, 2, 3, 4, 5 };
	struct seed s;
	int rc = 0;

	seed_start(&s, VTEE_NODE_OP_IOCTL, TEE_IOC_VERSION, sizeof(ver), 0, 0);
	seed_put(&s, &ver, sizeof(ver));
	rc |= seed_write(dir, "version", &s);
	seed_buf_ioctl(&s, TEE_IOC_OPEN_SESSION, &open, sizeof(open),
		       sizeof(open) + 2 * sizeof(struct tee_ioctl_param));
	rc |= seed_write(dir, "open_session", &s);
	seed_buf_ioctl(&s, TEE_IOC_INVOKE, &inv, sizeof(inv),
		       sizeof(inv) + sizeof(struct tee_ioctl_param));
	rc |= seed_write(dir, "invoke", &s);
	seed_start(&s, VTEE_NODE_OP_IOCTL, TEE_IOC_CANCEL, 0, 0, 0);
	rc |= seed_write(dir, "cancel_no_arg", &s);
	seed_start(&s, VTEE_NODE_OP_IOCTL, 0xdeadbeefu, sizeof(odd), 0, 0);
	seed_put(&s, odd, sizeof(odd));
	rc |= seed_write(dir, "unknown_ioctl", &s);
	seed_start(&s, VTEE_NODE_OP_SHM_RELEASE, 0, 0, 0, 3);
	rc |= seed_write(dir, "shm_release", &s);
	/* the largest message: libFuzzer's input size limit follows it */
	seed_start(&s, VTEE_NODE_OP_IOCTL, 0x1234u, VTEE_NODE_ARG_MAX,
		   TEE_MAX_ARG_SIZE, 0);
	memset(s.bytes + s.len, 0x5a, VTEE_NODE_ARG_MAX + TEE_MAX_ARG_SIZE);
	s.len += VTEE_NODE_ARG_MAX + TEE_MAX_ARG_SIZE;
	rc |= seed_write(dir, "largest", &s);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 2 || !strcmp(argv[1], "--help")) {
		fprintf(argc == 2 ? stdout : stderr,
			"Usage: seed_node_msg DIR\n"
			"Writes valid node request datagrams into DIR, the "
			"seed corpus of fuzz_node_msg.\n");
		return argc == 2 ? 0 : 2;
	}
	return write_seeds(argv[1]) ? 1 : 0;
}
