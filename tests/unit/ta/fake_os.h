/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Just enough of the trusted OS to drive vtee-ta-host and real TA
 * processes in a unit test: the launcher protocol (vtee/ta_launcher.h),
 * the channel (vtee/ta_channel.h) and a few canned syscall answers.
 */
#ifndef FAKE_OS_H
#define FAKE_OS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "vtee/ta_channel.h"
#include "vtee/ta_launcher.h"

struct fake_launcher {
	pid_t pid;
	int sock;		/* our end of its fd 3 */
	int err;		/* its stderr */
	char log[16384];	/* what it printed so far */
	size_t log_len;
};

struct fake_ta {
	pid_t pid;
	int sock;		/* the OS end of the channel socket */
	struct ta_chan *chan;
	uint32_t seen;		/* to_os_seq consumed */
	/* cancellation state, as the OS keeps it */
	bool cancel_requested;
	bool masked;
	/* what the TA did through syscalls */
	char last_log[512];
	uint64_t last_log_level;
	bool panicked;
	uint64_t panic_code;
	unsigned int ta2ta_calls;
};

/* The session id the fake OS gives TA-to-TA sessions */
#define FAKE_TA2TA_SESSION	77

int fake_launcher_start(struct fake_launcher *l, const char *path);
/* Closes fd 3 and returns the launcher's wait status. */
int fake_launcher_stop(struct fake_launcher *l);
/* Whether the launcher printed text within about two seconds */
bool fake_launcher_logged(struct fake_launcher *l, const char *text);

/* Spawns the TA in image_path; the launcher's reply status (0 or -errno). */
int fake_spawn(struct fake_launcher *l, const char *image_path,
	       const uint8_t uuid[16], uint32_t flags, struct fake_ta *ta);
/* Raw request: magic and fd count as given (for malformed requests). */
int fake_spawn_raw(struct fake_launcher *l, const struct ta_spawn_req *req,
		   const int *fds, size_t n_fds);
/* The boot message; false if the TA died first. */
bool fake_boot(struct fake_ta *ta, struct ta_chan_msg *boot);
/* Queues a mapping of memfd for the next entry (set n_new_maps). */
void fake_send_map(struct fake_ta *ta, uint32_t id, int memfd, uint64_t size,
		   bool writable);
/* Runs the entry in *m (kind set here), serving syscalls; *m becomes the
 * DONE message.  False if the TA died instead. */
bool fake_entry(struct fake_ta *ta, struct ta_chan_msg *m);
/* Whether the TA's socket reports EOF within about five seconds */
bool fake_ta_dies(struct fake_ta *ta);
void fake_ta_release(struct fake_ta *ta);
/* Whether pid no longer exists (reaped) within about five seconds */
bool fake_pid_gone(pid_t pid);

#endif /* FAKE_OS_H */
