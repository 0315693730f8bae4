/* SPDX-License-Identifier: BSD-2-Clause */
/* vteed's own parts, around the machine it runs. */
#ifndef VTEE_DAEMON_H
#define VTEE_DAEMON_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "options.h"

struct vteed_supervisor;

/* device_id.c */
int vteed_device_id(const char *state_dir, uint8_t id[16]);

/* background.c: detach, and tell the starter when we are ready */
int vteed_background(const char *log_path);
void vteed_ready(void);
void vteed_failed(void);

/* supervisor.c: keeps vtee-supplicant running */
struct vteed_supervisor *vteed_supervise_supplicant(
	const struct vteed_options *opts);
void vteed_supervisor_stop(struct vteed_supervisor *sup);
pid_t vteed_supplicant_pid(struct vteed_supervisor *sup);

/* control.c: <runtime>/control answers `vtee status` */
typedef void (*vteed_report_fn)(void *arg, FILE *out);
int vteed_control_start(const char *runtime_dir, vteed_report_fn report,
			void *arg);
void vteed_control_stop(void);

#endif /* VTEE_DAEMON_H */
