// SPDX-License-Identifier: BSD-2-Clause
/*
 * vtee status: asks a running vteed for its report over
 * <runtime dir>/control and prints it, as vteed wrote it or as JSON.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "vtee/paths.h"
#include "vtee_cmd.h"

/* A report is a few lines per TA and context; anything near this is not
 * a vteed talking. */
#define REPLY_MAX (1u << 20)
/* vteed answers at once; a daemon that does not is stuck. */
#define REPLY_TIMEOUT_S 5

struct status_args {
	char runtime_dir[4096];
	bool json;
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: vtee status [--runtime-dir DIR] [--json]\n\n"
		"Shows what the vteed of a runtime dir is doing: the daemon, "
		"the OP-TEE driver,\nthe trusted OS, the supplicant, secure "
		"threads, registered shared memory,\nloaded TAs and open "
		"contexts.\n\n"
		"  -r, --runtime-dir DIR  the vteed to ask (default: "
		"$VTEE_RUNTIME_DIR, else\n"
		"                         $XDG_RUNTIME_DIR/vtee, else "
		"/run/vtee)\n"
		"  -j, --json             print one JSON object: one member "
		"per line kind,\n"
		"                         arrays for \"ta\" and \"context\"; "
		"numbers (hex ones\n"
		"                         too) as numbers, bare trailing words "
		"as true\n"
		"  -h, --help             show this help\n\n"
		"Exit status: 0 success, 1 no vteed there or no answer, 2 bad "
		"command line.\n");
}

static int args_parse(int argc, char **argv, struct status_args *a)
{
	static const struct option opts[] = {
		{ "runtime-dir", required_argument, NULL, 'r' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	const char *dir = NULL;
	int c;

	while ((c = getopt_long(argc, argv, "r:jh", opts, NULL)) != -1) {
		switch (c) {
		case 'r': dir = optarg; break;
		case 'j': a->json = true; break;
		case 'h': usage(stdout); return VTEE_EXIT_OK;
		default: usage(stderr); return VTEE_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		vtee_err("status", "unexpected argument '%s'", argv[optind]);
		return VTEE_EXIT_USAGE;
	}
	if (dir ? snprintf(a->runtime_dir, sizeof(a->runtime_dir), "%s",
			   dir) >= (int)sizeof(a->runtime_dir) :
		  vtee_default_runtime_dir(a->runtime_dir,
					   sizeof(a->runtime_dir)) != 0) {
		vtee_err("status", "runtime dir path too long");
		return VTEE_EXIT_USAGE;
	}
	return VTEE_ARGS_OK;
}

/* A connection to the control socket, or -errno. */
static int control_connect(const char *runtime_dir)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct timeval tv = { .tv_sec = REPLY_TIMEOUT_S };
	int fd, err;

	if (vtee_path_join(sa.sun_path, sizeof(sa.sun_path), runtime_dir,
			   "control"))
		return -ENAMETOOLONG;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) ||
	    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) ||
	    connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		err = -errno;
		close(fd);
		return err;
	}
	return fd;
}

/* The whole reply, up to EOF, NUL-terminated.  0 or -errno. */
static int reply_read(int fd, char **out)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	ssize_t n;

	if (!buf)
		return -ENOMEM;
	while ((n = recv(fd, buf + len, cap - 1 - len, 0)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || (len += (size_t)n) >= REPLY_MAX) {
			int err = n >= 0 ? -EMSGSIZE :
				  errno == EAGAIN ? -ETIMEDOUT : -errno;

			free(buf);
			return err;
		}
		if (len == cap - 1) {
			char *bigger = realloc(buf, cap *= 2);

			if (!bigger) {
				free(buf);
				return -ENOMEM;
			}
			buf = bigger;
		}
	}
	buf[len] = '\0';
	*out = buf;
	return 0;
}

/* Sends "status" and reads the report.  0 or -errno. */
static int status_fetch(int fd, char **reply)
{
	static const char cmd[] = "status\n";
	ssize_t n = send(fd, cmd, sizeof(cmd) - 1, MSG_NOSIGNAL);

	if (n < 0)
		return -errno;
	if (n != (ssize_t)sizeof(cmd) - 1)
		return -EIO;
	shutdown(fd, SHUT_WR);
	return reply_read(fd, reply);
}

static int report_print(const struct status_args *a, const char *reply)
{
	if (!*reply || !strncmp(reply, "error:", 6)) {
		vtee_err("status", "vteed at %s refused: %.*s", a->runtime_dir,
			 *reply ? (int)strcspn(reply, "\n") : 12,
			 *reply ? reply : "empty answer");
		return VTEE_EXIT_FAIL;
	}
	if (a->json)
		return vtee_status_json(reply, stdout) ? VTEE_EXIT_FAIL :
							 VTEE_EXIT_OK;
	fputs(reply, stdout);
	return VTEE_EXIT_OK;
}

int vtee_cmd_status(int argc, char **argv)
{
	struct status_args a = { 0 };
	char *reply = NULL;
	int fd, rc = args_parse(argc, argv, &a);

	if (rc != VTEE_ARGS_OK)
		return rc;
	fd = control_connect(a.runtime_dir);
	if (fd < 0) {
		vtee_err("status", "no vteed is running at %s (%s/control: %s)",
			 a.runtime_dir, a.runtime_dir, strerror(-fd));
		return VTEE_EXIT_FAIL;
	}
	rc = status_fetch(fd, &reply);
	close(fd);
	if (rc) {
		vtee_err("status", "no answer from vteed at %s: %s",
			 a.runtime_dir, strerror(-rc));
		return VTEE_EXIT_FAIL;
	}
	rc = report_print(&a, reply);
	free(reply);
	return rc;
}
