// SPDX-License-Identifier: BSD-2-Clause
/*
 * Going to the background the careful way: fork before any thread exists,
 * and let the starting process exit only when the machine is up (nodes
 * listening), with the daemon's status.  So `vteed && client` just works.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "daemon.h"

static int ready_fd = -1;

int vteed_background(const char *log_path)
{
	int pfd[2], fd;
	pid_t pid;
	char status;

	if (pipe2(pfd, O_CLOEXEC))
		return -errno;
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid > 0) {
		close(pfd[1]);
		/* the daemon writes one byte: 0 ready, 1 failed; EOF: died */
		if (read(pfd[0], &status, 1) != 1)
			status = 1;
		_exit(status ? EXIT_FAILURE : EXIT_SUCCESS);
	}
	close(pfd[0]);
	ready_fd = pfd[1];
	setsid();
	fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd >= 0) {
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
	fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		dup2(fd, STDIN_FILENO);
		close(fd);
	}
	return 0;
}

static void tell(char status)
{
	if (ready_fd < 0)
		return;
	if (write(ready_fd, &status, 1) != 1)
		return;
	close(ready_fd);
	ready_fd = -1;
}

void vteed_ready(void)
{
	tell(0);
}

void vteed_failed(void)
{
	tell(1);
}
