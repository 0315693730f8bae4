/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef VTEE_DAEMON_OPTIONS_H
#define VTEE_DAEMON_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#define VTEED_MAX_DEBUG_TAS 16

struct vteed_options {
	char runtime_dir[256];
	char state_dir[256];
	char ta_dir[1024];		/* colon-separated, for the supplicant */
	char ta_key[512];		/* PEM public key TAs must be signed with */
	char plugin_dir[512];		/* supplicant plugins; "": none */
	char bin_dir[512];		/* where vtee-supplicant and vtee-ta-host are */
	unsigned int threads;
	bool foreground;
	bool no_supplicant;
	int log_level;
	const char *debug_tas[VTEED_MAX_DEBUG_TAS];
	size_t n_debug_tas;
};

/* Fills opts from argv and the environment.  Returns 0, 1 after --help
 * or --version (exit 0), or -1 after an error message (exit 2). */
int vteed_parse_options(int argc, char **argv, struct vteed_options *opts);

#endif /* VTEE_DAEMON_OPTIONS_H */
