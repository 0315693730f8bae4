// SPDX-License-Identifier: BSD-2-Clause
/* vtee-supplicant's command line and the defaults behind it. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "supp.h"
#include "vtee/paths.h"

#define SUPP_EXIT_USAGE		2

/* A slow request (a TA read from a slow disk) may keep a thread; this many
 * let the rest go on while staying far below any process limit. */
#define DEFAULT_MAX_THREADS	8
#define MAX_MAX_THREADS		64

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: vtee-supplicant [OPTIONS]\n\n"
		"Serves the secure world of a vtee (or OP-TEE) TEE: loads TAs "
		"from the TA\ndirectories, allocates the shared memory it "
		"asks for and keeps its\nfiles (the REE file system).\n\n"
		"  -t, --ta-dir DIRS      colon-separated TA directories, "
		"searched in order for\n"
		"                         <uuid>.ta (default: $VTEE_TA_DIR, "
		"else\n"
		"                         " VTEE_SUPP_TA_DIR ")\n"
		"  -p, --plugin-dir DIR   load every *.plugin there (supplicant "
		"plugins;\n"
		"                         default: none)\n"
		"  -f, --data-dir DIR     the REE file system's files, its "
		"directory made\n"
		"                         (0700) when first needed (default: "
		"<state dir>/tee:\n"
		"                         $XDG_STATE_HOME/vtee/tee, "
		"~/.local/state/vtee/tee,\n"
		"                         or for root /var/lib/vtee/tee)\n"
		"  -d, --device PATH      the privileged TEE device to serve "
		"(default:\n"
		"                         <runtime dir>/teepriv0)\n"
		"  -r, --runtime-dir DIR  vtee's runtime dir (default: "
		"$VTEE_RUNTIME_DIR,\n"
		"                         else $XDG_RUNTIME_DIR/vtee, else "
		"/run/vtee)\n"
		"  -j, --max-threads N    serve at most N requests at once, "
		"1..%d (default %d)\n"
		"  -l, --log-level LEVEL  error, warn, info or debug "
		"(default info)\n"
		"  -h, --help             show this help\n\n"
		"Logs go to stderr.  SIGTERM or SIGINT: answer the requests "
		"being served\n(for up to 2 s) and exit 0.  Exit 1: the device "
		"failed or went away;\n2: bad command line.\n",
		MAX_MAX_THREADS, DEFAULT_MAX_THREADS);
}

static int threads_parse(const char *s, unsigned int *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || *s == '\0' || v < 1 || v > MAX_MAX_THREADS)
		return -1;
	*out = (unsigned int)v;
	return 0;
}

static void defaults_set(struct supp_options *o)
{
	const char *env = getenv("VTEE_TA_DIR");

	*o = (struct supp_options){
		.ta_dirs = env && *env ? env : VTEE_SUPP_TA_DIR,
		.max_threads = DEFAULT_MAX_THREADS,
		.log_level = SUPP_LOG_INFO,
	};
}

static int bad_value(const char *opt, const char *val)
{
	fprintf(stderr, "vtee-supplicant: bad %s '%s' (see --help)\n", opt,
		val);
	return SUPP_EXIT_USAGE;
}

int supp_options_parse(int argc, char **argv, struct supp_options *o)
{
	static const struct option opts[] = {
		{ "ta-dir", required_argument, NULL, 't' },
		{ "plugin-dir", required_argument, NULL, 'p' },
		{ "data-dir", required_argument, NULL, 'f' },
		{ "device", required_argument, NULL, 'd' },
		{ "runtime-dir", required_argument, NULL, 'r' },
		{ "max-threads", required_argument, NULL, 'j' },
		{ "log-level", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	int c;

	defaults_set(o);
	while ((c = getopt_long(argc, argv, "t:p:f:d:r:j:l:h", opts, NULL)) !=
	       -1) {
		switch (c) {
		case 't': o->ta_dirs = optarg; break;
		case 'p': o->plugin_dir = optarg; break;
		case 'f': o->data_dir = optarg; break;
		case 'd': o->device = optarg; break;
		case 'r': o->runtime_dir = optarg; break;
		case 'j':
			if (threads_parse(optarg, &o->max_threads))
				return bad_value("--max-threads", optarg);
			break;
		case 'l':
			if (supp_log_level_parse(optarg, &o->log_level))
				return bad_value("--log-level", optarg);
			break;
		case 'h': usage(stdout); return EXIT_SUCCESS;
		default: usage(stderr); return SUPP_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "vtee-supplicant: unexpected argument '%s'\n",
			argv[optind]);
		return SUPP_EXIT_USAGE;
	}
	return SUPP_ARGS_OK;
}

int supp_options_device(const struct supp_options *o, char *buf, size_t len)
{
	char dir[4096];
	int rc;

	if (o->device) {
		if (strlen(o->device) >= len)
			return -ENAMETOOLONG;
		strcpy(buf, o->device);
		return 0;
	}
	if (o->runtime_dir) {
		if (strlen(o->runtime_dir) >= sizeof(dir))
			return -ENAMETOOLONG;
		strcpy(dir, o->runtime_dir);
	} else {
		rc = vtee_default_runtime_dir(dir, sizeof(dir));
		if (rc)
			return rc;
	}
	return vtee_path_join(buf, len, dir, "teepriv0");
}

int supp_options_data_dir(const struct supp_options *o, char *buf,
			  size_t len)
{
	char state[4096];
	int rc;

	if (o->data_dir) {
		if (strlen(o->data_dir) >= len)
			return -ENAMETOOLONG;
		strcpy(buf, o->data_dir);
		return 0;
	}
	rc = vtee_default_state_dir(state, sizeof(state));
	return rc ? rc : vtee_path_join(buf, len, state, "tee");
}
