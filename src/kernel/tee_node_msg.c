// SPDX-License-Identifier: BSD-2-Clause
#include "tee_node_msg.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

/* The UAPI's ioctls: their argument sizes are part of the number. */
static bool known_ioctl(uint32_t cmd)
{
	switch (cmd) {
	case TEE_IOC_VERSION:
	case TEE_IOC_SHM_ALLOC:
	case TEE_IOC_OPEN_SESSION:
	case TEE_IOC_INVOKE:
	case TEE_IOC_CANCEL:
	case TEE_IOC_CLOSE_SESSION:
	case TEE_IOC_SUPPL_RECV:
	case TEE_IOC_SUPPL_SEND:
	case TEE_IOC_SHM_REGISTER_FD:
	case TEE_IOC_SHM_REGISTER:
	case TEE_IOC_OBJECT_INVOKE:
		return true;
	default:
		return false;
	}
}

int tee_node_msg_parse(uint8_t *buf, size_t len, struct tee_node_msg *out)
{
	struct vtee_node_req req;

	memset(out, 0, sizeof(*out));
	if (len < sizeof(req) || len > VTEE_NODE_MSG_MAX)
		return -EINVAL;
	memcpy(&req, buf, sizeof(req));
	if (req.arg_len > VTEE_NODE_ARG_MAX ||
	    req.user_len > TEE_MAX_ARG_SIZE ||
	    len != sizeof(req) + req.arg_len + req.user_len)
		return -EINVAL;
	out->op = req.op;
	out->shm_id = req.shm_id;
	if (req.op == VTEE_NODE_OP_SHM_RELEASE)
		return 0;
	if (req.op != VTEE_NODE_OP_IOCTL)
		return -EINVAL;
	out->ioctl_cmd = req.ioctl_cmd;
	/* no argument at all: the caller's pointer did not reach us (EFAULT
	 * later, in the core's order); a partial one is malformed */
	if (known_ioctl(req.ioctl_cmd) && req.arg_len &&
	    req.arg_len != _IOC_SIZE(req.ioctl_cmd))
		return -EINVAL;
	memcpy(out->arg_buf, buf + sizeof(req), req.arg_len);
	out->arg = req.arg_len ? out->arg_buf : NULL;
	out->arg_len = req.arg_len;
	out->user_addr = req.user_addr;
	out->user = buf + sizeof(req) + req.arg_len;
	out->user_len = req.user_len;
	return 0;
}
