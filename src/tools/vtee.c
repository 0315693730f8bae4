// SPDX-License-Identifier: BSD-2-Clause
/* vtee: the command line of the vtee TEE.  Dispatches to subcommands. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vtee_cmd.h"

static const struct vtee_cmd cmds[] = {
	{ "keygen", vtee_cmd_keygen, "generate a TA signing key pair" },
	{ "sign", vtee_cmd_sign, "sign a TA (ELF shared object -> .ta)" },
	{ "verify", vtee_cmd_verify, "check a signed TA and show its header" },
	{ "status", vtee_cmd_status, "show what a running vteed is doing" },
	{ "run", vtee_cmd_run,
	  "run a program with /dev/tee* reaching vtee (LD_PRELOAD shim)" },
};

void vtee_err(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "vtee %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "Usage: vtee COMMAND [OPTIONS]...\n"
		   "       vtee COMMAND --help\n\n"
		   "Commands:\n");
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(f, "  %-10s %s\n", cmds[i].name, cmds[i].summary);
	fprintf(f, "\nOptions:\n"
		   "  -h, --help     show this help\n"
		   "      --version  show the version\n\n"
		   "Exit status: 0 success, 1 failure, 2 bad command line.\n");
}

static const struct vtee_cmd *cmd_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(cmds[i].name, name))
			return &cmds[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const struct vtee_cmd *cmd;

	if (argc < 2) {
		usage(stderr);
		return VTEE_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return VTEE_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("vtee %s\n", VTEE_VERSION);
		return VTEE_EXIT_OK;
	}
	cmd = cmd_find(argv[1]);
	if (!cmd) {
		fprintf(stderr, "vtee: unknown command '%s' (see vtee --help)\n",
			argv[1]);
		return VTEE_EXIT_USAGE;
	}
	return cmd->run(argc - 1, argv + 1);
}
