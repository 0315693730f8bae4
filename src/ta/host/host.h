/* SPDX-License-Identifier: BSD-2-Clause */
/* vtee-ta-host: the launcher's parts (see vtee/ta_launcher.h). */
#ifndef VTEE_TA_HOST_H
#define VTEE_TA_HOST_H

#include <stddef.h>
#include <stdnoreturn.h>
#include <sys/types.h>

#include "vtee/ta_launcher.h"

/* The three fds of a spawn request, in the order they arrive */
enum ta_spawn_fd {
	TA_FD_IMAGE,
	TA_FD_CHAN,
	TA_FD_SOCK,
	TA_SPAWN_FDS,
};

/* Turns the forked child into the TA instance; never returns. */
noreturn void ta_child_main(const struct ta_spawn_req *req,
			    const int fds[TA_SPAWN_FDS], pid_t launcher);

/* Closes every fd but the n in keep.  0 or -1. */
int ta_close_fds_except(const int *keep, size_t n);

/* The sandbox while the image loads: no new processes, no network, no
 * writing to the file system.  0 or -1. */
int ta_sandbox_loading(void);
/* Part of it: reading files only where libraries are (Landlock, if the
 * kernel has it).  Needs no_new_privs.  0 or -1. */
int ta_landlock_loading(void);
/* The sandbox the TA runs in: only the calls the runtime makes.  0 or -1. */
int ta_sandbox_running(int sock_fd, int maps_fd);

#endif /* VTEE_TA_HOST_H */
