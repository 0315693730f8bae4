// SPDX-License-Identifier: BSD-2-Clause
#include "options.h"

#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vtee/log.h"
#include "vtee/paths.h"

static void usage(FILE *out)
{
	fprintf(out,
"Usage: vteed [OPTION]...\n"
"Run a vtee machine: the REE kernel with its device nodes (tee0, teepriv0),\n"
"the OP-TEE driver, and the secure world with its trusted OS.\n"
"\n"
"  --runtime-dir DIR  device nodes and the class/tee view\n"
"                     (default $VTEE_RUNTIME_DIR, $XDG_RUNTIME_DIR/vtee\n"
"                     or /run/vtee)\n"
"  --state-dir DIR    persistent state: device identity, log, the\n"
"                     supplicant's REE file system (tee/)\n"
"                     (default $XDG_STATE_HOME/vtee, ~/.local/state/vtee\n"
"                     or /var/lib/vtee for root)\n"
"  --ta-dir DIRS      where the supplicant finds <uuid>.ta files,\n"
"                     colon-separated (default %s)\n"
"  --ta-key FILE      PEM public key TAs must be signed with\n"
"                     (default %s)\n"
"  --plugin-dir DIR   the supplicant loads the *.plugin there\n"
"  --threads N        secure threads, 1..64 (default 8)\n"
"  --no-supplicant    do not start vtee-supplicant: bring your own\n"
"  --debug-ta UUID    start that TA's process stopped, for gdb to attach\n"
"                     (repeatable)\n"
"  --foreground       stay in the foreground, log to stderr\n"
"  --log-level L      error, warn, info (default) or debug\n"
"  --help             this text\n"
"  --version          print the version\n",
		VTEE_DEFAULT_TA_DIR, VTEE_DEFAULT_TA_KEY);
}

enum { OPT_RUNTIME = 256, OPT_STATE, OPT_TA_DIR, OPT_TA_KEY, OPT_PLUGINS,
       OPT_THREADS,
       OPT_NO_SUPP, OPT_DEBUG_TA, OPT_FOREGROUND, OPT_LOG, OPT_HELP,
       OPT_VERSION };

static const struct option long_opts[] = {
	{ "runtime-dir", required_argument, NULL, OPT_RUNTIME },
	{ "state-dir", required_argument, NULL, OPT_STATE },
	{ "ta-dir", required_argument, NULL, OPT_TA_DIR },
	{ "ta-key", required_argument, NULL, OPT_TA_KEY },
	{ "plugin-dir", required_argument, NULL, OPT_PLUGINS },
	{ "threads", required_argument, NULL, OPT_THREADS },
	{ "no-supplicant", no_argument, NULL, OPT_NO_SUPP },
	{ "debug-ta", required_argument, NULL, OPT_DEBUG_TA },
	{ "foreground", no_argument, NULL, OPT_FOREGROUND },
	{ "log-level", required_argument, NULL, OPT_LOG },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static int copy_opt(char *dst, size_t len, const char *src, const char *name)
{
	if (snprintf(dst, len, "%s", src) >= (int)len) {
		fprintf(stderr, "vteed: --%s: path too long\n", name);
		return -1;
	}
	return 0;
}

static int set_defaults(struct vteed_options *o)
{
	char exe[512];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	memset(o, 0, sizeof(*o));
	o->threads = 8;
	o->log_level = VTEE_LOG_INFO;
	if (n <= 0)
		return -1;
	exe[n] = 0;
	snprintf(o->bin_dir, sizeof(o->bin_dir), "%s", dirname(exe));
	snprintf(o->ta_dir, sizeof(o->ta_dir), "%s", VTEE_DEFAULT_TA_DIR);
	snprintf(o->ta_key, sizeof(o->ta_key), "%s", VTEE_DEFAULT_TA_KEY);
	if (vtee_default_runtime_dir(o->runtime_dir, sizeof(o->runtime_dir)) ||
	    vtee_default_state_dir(o->state_dir, sizeof(o->state_dir)))
		return -1;
	return 0;
}

static int parse_threads(struct vteed_options *o, const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*end || n < 1 || n > 64) {
		fprintf(stderr, "vteed: --threads: want 1..64, got '%s'\n", arg);
		return -1;
	}
	o->threads = (unsigned int)n;
	return 0;
}

static int one_option(struct vteed_options *o, int c, const char *arg)
{
	switch (c) {
	case OPT_RUNTIME:
		return copy_opt(o->runtime_dir, sizeof(o->runtime_dir), arg,
				"runtime-dir");
	case OPT_STATE:
		return copy_opt(o->state_dir, sizeof(o->state_dir), arg,
				"state-dir");
	case OPT_TA_DIR:
		return copy_opt(o->ta_dir, sizeof(o->ta_dir), arg, "ta-dir");
	case OPT_TA_KEY:
		return copy_opt(o->ta_key, sizeof(o->ta_key), arg, "ta-key");
	case OPT_PLUGINS:
		return copy_opt(o->plugin_dir, sizeof(o->plugin_dir), arg,
				"plugin-dir");
	case OPT_THREADS:
		return parse_threads(o, arg);
	case OPT_NO_SUPP:
		o->no_supplicant = true;
		return 0;
	case OPT_DEBUG_TA:
		if (o->n_debug_tas == VTEED_MAX_DEBUG_TAS) {
			fprintf(stderr, "vteed: too many --debug-ta\n");
			return -1;
		}
		o->debug_tas[o->n_debug_tas++] = arg;
		return 0;
	case OPT_FOREGROUND:
		o->foreground = true;
		return 0;
	case OPT_LOG:
		o->log_level = vtee_log_parse_level(arg);
		if (o->log_level < 0)
			fprintf(stderr, "vteed: --log-level: unknown '%s'\n",
				arg);
		return o->log_level < 0 ? -1 : 0;
	default:
		fprintf(stderr, "Try 'vteed --help'.\n");
		return -1;
	}
}

int vteed_parse_options(int argc, char **argv, struct vteed_options *o)
{
	int c;

	if (set_defaults(o)) {
		fprintf(stderr, "vteed: cannot work out default paths\n");
		return -1;
	}
	while ((c = getopt_long(argc, argv, "", long_opts, NULL)) != -1) {
		if (c == OPT_HELP) {
			usage(stdout);
			return 1;
		}
		if (c == OPT_VERSION) {
			printf("vteed %s\n", VTEE_VERSION);
			return 1;
		}
		if (one_option(o, c, optarg))
			return -1;
	}
	if (optind < argc) {
		fprintf(stderr, "vteed: unexpected argument '%s'\n",
			argv[optind]);
		return -1;
	}
	return 0;
}
