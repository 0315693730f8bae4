/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A private vtee machine for tests that must break it: kill the
 * supplicant, restart it, kill the daemon.  Binaries and TAs come from
 * VTEE_BIN_DIR, VTEE_TA_DIR and VTEE_TA_PUBKEY (set by
 * vtee_integration_test()).
 */
#ifndef VTEE_TEST_MACHINE_H
#define VTEE_TEST_MACHINE_H

#include <stdbool.h>
#include <sys/types.h>

struct test_machine {
	char dir[256];
	char runtime_dir[300];
	pid_t vteed;
	pid_t supplicant;	/* one the test started, or 0 */
	const char *const *extra_args;	/* vteed's, kept for restarts */
};

/*
 * Starts `vteed --foreground` in a fresh temporary dir with extra_args
 * (NULL-terminated, may be NULL) and waits until tee0 accepts.  Points
 * VTEE_RUNTIME_DIR at it.  0 or -1.
 */
int machine_start(struct test_machine *m, const char *const *extra_args);
/* Ends vteed with sig (SIGTERM, or SIGKILL for a crash) and starts it
 * again on the same state: what was stored must still be there.  0 or
 * -1. */
int machine_restart(struct test_machine *m, int sig);
/* SIGTERM, wait, remove the dir.  Returns the daemon's exit status. */
int machine_stop(struct test_machine *m);
/* Starts vtee-supplicant for the machine (for --no-supplicant ones). */
int machine_start_supplicant(struct test_machine *m);
void machine_kill_supplicant(struct test_machine *m, int sig);
/* Waits until the machine has a supplicant attached (up to 5 s). */
bool machine_wait_supplicant(struct test_machine *m);
/* The `vtee status` report of the machine, into buf.  0 or -1. */
int machine_status(struct test_machine *m, char *buf, size_t len);

#endif /* VTEE_TEST_MACHINE_H */
