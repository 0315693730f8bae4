// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target for the node message parser (tee_node_msg_parse): the
 * first thing the REE kernel does with a datagram any local process sent.
 * Beyond "no crash, no sanitizer report", every verdict is checked against
 * the wire contract of vtee/node_wire.h:
 *  - what is accepted is well formed (op known, lengths add up, the
 *    argument and the user window lie inside the datagram, a known ioctl's
 *    argument is absent or exactly its UAPI size);
 *  - what is refused breaks at least one rule (no valid message refused).
 * The datagram is copied to a buffer of exactly its size, so ASan sees any
 * read past its end.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "tee_node_msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQ_LEN sizeof(struct vtee_node_req)

/* The UAPI's ioctl numbers, listed here independently of the parser. */
static bool uapi_ioctl(uint32_t cmd)
{
	static const uint32_t cmds[] = {
		TEE_IOC_VERSION, TEE_IOC_SHM_ALLOC, TEE_IOC_OPEN_SESSION,
		TEE_IOC_INVOKE, TEE_IOC_CANCEL, TEE_IOC_CLOSE_SESSION,
		TEE_IOC_SUPPL_RECV, TEE_IOC_SUPPL_SEND,
		TEE_IOC_SHM_REGISTER_FD, TEE_IOC_SHM_REGISTER,
		TEE_IOC_OBJECT_INVOKE,
	};

	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (cmds[i] == cmd)
			return true;
	return false;
}

/* The contract's verdict on a datagram, from node_wire.h alone. */
static bool contract_accepts(const uint8_t *buf, size_t len)
{
	struct vtee_node_req req;

	if (len < REQ_LEN || len > VTEE_NODE_MSG_MAX)
		return false;
	memcpy(&req, buf, sizeof(req));
	if (req.arg_len > VTEE_NODE_ARG_MAX ||
	    req.user_len > TEE_MAX_ARG_SIZE ||
	    (uint64_t)len != REQ_LEN + (uint64_t)req.arg_len + req.user_len)
		return false;
	if (req.op == VTEE_NODE_OP_SHM_RELEASE)
		return true;
	if (req.op != VTEE_NODE_OP_IOCTL)
		return false;
	return !uapi_ioctl(req.ioctl_cmd) || !req.arg_len ||
	       req.arg_len == _IOC_SIZE(req.ioctl_cmd);
}

/* An accepted SHM_RELEASE carries only its id. */
static void check_release(const struct tee_node_msg *m,
			  const struct vtee_node_req *req)
{
	if (m->shm_id != req->shm_id || m->arg || m->arg_len || m->user ||
	    m->user_len || m->ioctl_cmd)
		abort();
}

/* An accepted ioctl: argument copied aligned, window inside the buffer. */
static void check_ioctl(const struct tee_node_msg *m,
			const struct vtee_node_req *req, const uint8_t *buf,
			size_t len)
{
	const uint8_t *arg_src = buf + REQ_LEN;

	if (m->ioctl_cmd != req->ioctl_cmd || m->arg_len != req->arg_len ||
	    m->arg_len > VTEE_NODE_ARG_MAX ||
	    len != REQ_LEN + m->arg_len + m->user_len)
		abort();
	if (uapi_ioctl(m->ioctl_cmd) && m->arg_len &&
	    m->arg_len != _IOC_SIZE(m->ioctl_cmd))
		abort();
	if (m->arg_len ? (m->arg != (const void *)m->arg_buf ||
			  memcmp(m->arg, arg_src, m->arg_len)) :
			 m->arg != NULL)
		abort();
	if (m->user_addr != req->user_addr || m->user_len != req->user_len ||
	    m->user != arg_src + m->arg_len ||
	    m->user + m->user_len != buf + len)
		abort();
}

static void check_accepted(const struct tee_node_msg *m, const uint8_t *buf,
			   size_t len)
{
	struct vtee_node_req req;

	memcpy(&req, buf, sizeof(req));
	if (m->op != req.op)
		abort();
	if (m->op == VTEE_NODE_OP_SHM_RELEASE)
		check_release(m, &req);
	else if (m->op == VTEE_NODE_OP_IOCTL)
		check_ioctl(m, &req, buf, len);
	else
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *buf = malloc(size ? size : 1);
	struct tee_node_msg m;
	int rc;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	rc = tee_node_msg_parse(buf, size, &m);
	if (rc != 0 && rc != -EINVAL)
		abort();
	if ((rc == 0) != contract_accepts(buf, size))
		abort();
	if (!rc)
		check_accepted(&m, buf, size);
	/* a truncated datagram (len beyond what arrived) is refused unread */
	rc = tee_node_msg_parse(buf, VTEE_NODE_MSG_MAX + 1 + size, &m);
	if (rc != -EINVAL)
		abort();
	free(buf);
	return 0;
}
