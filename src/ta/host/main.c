// SPDX-License-Identifier: BSD-2-Clause
/*
 * vtee-ta-host: the trusted OS's TA launcher (vtee/ta_launcher.h).
 *
 * Serves spawn requests on fd 3 one at a time: fork, answer with the
 * child's pid.  Reaps its children as they die (logging abnormal ends,
 * the only trace a seccomp kill leaves) and exits when fd 3 reaches EOF,
 * which takes every TA with it (PR_SET_PDEATHSIG in the children).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "host.h"
#include "ta_runtime.h"

enum { RECV_EOF, RECV_OK, RECV_BAD };

static void close_fds(const int *fds, size_t n)
{
	for (size_t i = 0; i < n; i++)
		close(fds[i]);
}

/* Room for more fds than a request has, so that extra ones are seen
 * (and closed) rather than silently kept open. */
#define FDS_MAX 8

/* The fds of an SCM_RIGHTS message; returns how many arrived. */
static size_t take_fds(struct msghdr *msg, int fds[FDS_MAX])
{
	struct cmsghdr *c = CMSG_FIRSTHDR(msg);
	size_t n;

	if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
		return 0;
	n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
	memcpy(fds, CMSG_DATA(c), n * sizeof(int));
	return n;
}

static int receive_request(struct ta_spawn_req *req, int fds[FDS_MAX])
{
	char cbuf[CMSG_SPACE(FDS_MAX * sizeof(int))]
		__attribute__((aligned(8)));
	struct iovec iov = { .iov_base = req, .iov_len = sizeof(*req) };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	ssize_t len;
	size_t n;

	do
		len = recvmsg(TA_LAUNCHER_FD, &msg, MSG_CMSG_CLOEXEC);
	while (len < 0 && errno == EINTR);
	if (len <= 0)
		return RECV_EOF;
	n = take_fds(&msg, fds);
	if (len != sizeof(*req) || n != TA_SPAWN_FDS ||
	    (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) ||
	    req->magic != TA_SPAWN_MAGIC) {
		close_fds(fds, n);
		return RECV_BAD;
	}
	return RECV_OK;
}

static bool reply(int32_t status, pid_t pid)
{
	struct ta_spawn_rep rep = { .status = status, .pid = pid };

	return send(TA_LAUNCHER_FD, &rep, sizeof(rep), MSG_NOSIGNAL) ==
	       sizeof(rep);
}

static bool spawn(const struct ta_spawn_req *req, int fds[TA_SPAWN_FDS])
{
	pid_t launcher = getpid();
	pid_t pid = fork();
	int err = errno;

	if (pid == 0)
		ta_child_main(req, fds, launcher);
	close_fds(fds, TA_SPAWN_FDS);
	if (pid < 0)
		return reply(-err, 0);
	return reply(0, pid);
}

static void reap(int sfd)
{
	struct signalfd_siginfo si;
	pid_t pid;
	int st;

	while (read(sfd, &si, sizeof(si)) == sizeof(si))
		;
	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		if (WIFSIGNALED(st))
			fprintf(stderr, "vtee-ta-host: TA process %d killed by signal %d (%s)\n",
				pid, WTERMSIG(st), strsignal(WTERMSIG(st)));
		else if (WIFEXITED(st) && WEXITSTATUS(st))
			fprintf(stderr, "vtee-ta-host: TA process %d exited with status %d\n",
				pid, WEXITSTATUS(st));
	}
}

/* SIGCHLD as a readable fd, so one poll() serves requests and deaths. */
static int child_events(void)
{
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &chld, NULL))
		return -1;
	return signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
}

/* One request; false when the trusted OS is gone. */
static bool serve_request(void)
{
	struct ta_spawn_req req;
	int fds[FDS_MAX];

	switch (receive_request(&req, fds)) {
	case RECV_OK:
		return spawn(&req, fds);
	case RECV_BAD:
		return reply(-EINVAL, 0);
	default:
		return false;
	}
}

/*
 * Fds 0-2 taken (by /dev/null if vteed left them closed), so that no
 * received fd lands on them: a TA may write() to 0-2 (see sandbox.c).
 */
static bool standard_fds_taken(void)
{
	for (int fd = 0; fd <= STDERR_FILENO; fd++)
		if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", O_RDWR) != fd)
			return false;
	return true;
}

static void usage(void)
{
	printf("Usage: vtee-ta-host\n"
	       "The pre-initialised launcher of TA processes.  vteed starts it\n"
	       "with a socket on fd %d and asks it for one sandboxed process per\n"
	       "TA instance (include/vtee/ta_launcher.h); it is not run by hand.\n"
	       "  --help  this text\n", TA_LAUNCHER_FD);
}

int main(int argc, char **argv)
{
	struct pollfd pfd[2] = {
		{ .fd = TA_LAUNCHER_FD, .events = POLLIN },
		{ .events = POLLIN },
	};

	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage();
		return 0;
	}
	if (fcntl(TA_LAUNCHER_FD, F_GETFD) < 0) {
		fprintf(stderr, "vtee-ta-host: no socket on fd %d; vteed starts this program\n",
			TA_LAUNCHER_FD);
		return 2;
	}
	if (!standard_fds_taken())
		return 1;
	ta_rt_preload();
	pfd[1].fd = child_events();
	if (pfd[1].fd < 0) {
		perror("vtee-ta-host: signalfd");
		return 1;
	}
	for (;;) {
		if (poll(pfd, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		if (pfd[1].revents)
			reap(pfd[1].fd);
		if (pfd[0].revents && !serve_request())
			return 0;
	}
}
