/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The trusted OS's TA launcher ("vtee-ta-host").
 *
 * vteed starts one launcher process at boot, handing it one end of an
 * AF_UNIX SOCK_SEQPACKET socket pair as fd 3.  The launcher has already
 * loaded the TA runtime (libvtee_ta), so starting a TA costs one fork(),
 * not an exec and a dynamic link.  For each TA instance the trusted OS
 * sends a struct ta_spawn_req with three fds (SCM_RIGHTS, in this order):
 *
 *   [0] the verified TA image: a sealed, read-only memfd holding the ELF
 *       shared object (the signed header already stripped),
 *   [1] the channel memfd (struct ta_chan, see ta_channel.h),
 *   [2] the TA's end of the channel socket pair.
 *
 * The launcher forks.  The child closes every other fd, maps the channel,
 * dlopen()s the image, installs its seccomp filter and posts the boot
 * message on the channel (TA_MSG_DONE, func TA_BOOT): ret = TEE_SUCCESS
 * with args[0] = the TA's TA_FLAGS, args[1] = its stack size and data =
 * the 16 octets of its UUID (RFC order); or an error (TEE_ERROR_BAD_FORMAT
 * if the image does not load or lacks the entry points) and exit.
 * The parent answers the trusted OS with a struct ta_spawn_rep.
 */
#ifndef VTEE_TA_LAUNCHER_H
#define VTEE_TA_LAUNCHER_H

#include <stdint.h>

#define TA_LAUNCHER_FD		3
#define TA_SPAWN_MAGIC		0x4e575053u	/* "SPWN" */

/* ENTRY func of the boot message (not a GP entry point). */
#define TA_BOOT			0

/* ta_spawn_req.flags */
#define TA_SPAWN_DEBUG_STOP	0x1u	/* child stops itself (SIGSTOP) after
					 * loading, before the sandbox, so a
					 * debugger can attach with symbols */

struct ta_spawn_req {
	uint32_t magic;
	uint32_t flags;
	uint8_t uuid[16];	/* for log lines and the process title */
};

struct ta_spawn_rep {
	int32_t status;		/* 0 or -errno */
	int32_t pid;		/* the TA process */
};

#endif /* VTEE_TA_LAUNCHER_H */
