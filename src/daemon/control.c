// SPDX-License-Identifier: BSD-2-Clause
/*
 * <runtime>/control: a stream socket, owner only, that answers one
 * command per connection.  "status" returns the machine's report.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "daemon.h"
#include "vtee/paths.h"

static struct {
	int fd;
	int stop[2];
	pthread_t thread;
	vteed_report_fn report;
	void *arg;
	char path[108];
} ctl = { .fd = -1 };

static void answer(int fd)
{
	char cmd[32] = { 0 };
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	FILE *out;

	/* a client that says nothing gets nothing: do not hang on it */
	if (poll(&pfd, 1, 1000) != 1 || recv(fd, cmd, sizeof(cmd) - 1, 0) <= 0)
		return;
	out = fdopen(dup(fd), "w");
	if (!out)
		return;
	if (!strncmp(cmd, "status", 6))
		ctl.report(ctl.arg, out);
	else
		fprintf(out, "error: unknown command\n");
	fclose(out);
}

static void *control_main(void *unused)
{
	struct pollfd pfd[2] = { { .fd = ctl.fd, .events = POLLIN },
				 { .fd = ctl.stop[0], .events = POLLIN } };

	(void)unused;
	for (;;) {
		int fd;

		if (poll(pfd, 2, -1) < 0 && errno != EINTR)
			return NULL;
		if (pfd[1].revents)
			return NULL;
		fd = accept4(ctl.fd, NULL, NULL, SOCK_CLOEXEC);
		if (fd >= 0) {
			answer(fd);
			close(fd);
		}
	}
}

int vteed_control_start(const char *runtime_dir, vteed_report_fn report,
			void *arg)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };

	if (vtee_path_join(ctl.path, sizeof(ctl.path), runtime_dir, "control"))
		return -ENAMETOOLONG;
	ctl.report = report;
	ctl.arg = arg;
	ctl.fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (ctl.fd < 0 || pipe2(ctl.stop, O_CLOEXEC))
		return -errno;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", ctl.path);
	unlink(ctl.path);
	if (bind(ctl.fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    chmod(ctl.path, 0600) || listen(ctl.fd, 8))
		return -errno;
	return -pthread_create(&ctl.thread, NULL, control_main, NULL);
}

void vteed_control_stop(void)
{
	if (ctl.fd < 0)
		return;
	if (write(ctl.stop[1], "x", 1) == 1)
		pthread_join(ctl.thread, NULL);
	close(ctl.fd);
	close(ctl.stop[0]);
	close(ctl.stop[1]);
	unlink(ctl.path);
	ctl.fd = -1;
}
