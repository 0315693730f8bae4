// SPDX-License-Identifier: BSD-2-Clause
/* The fake OS's side of the launcher protocol. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fake_os.h"

/* A spawn request carries three fds; malformed ones may carry more. */
#define MAX_FDS 4

/* In the child: sv becomes fd 3, errfd stderr, then exec. */
static void exec_launcher(const char *path, int sv, int errfd)
{
	if (dup2(errfd, STDERR_FILENO) < 0)
		_exit(126);
	if (sv == TA_LAUNCHER_FD)
		fcntl(sv, F_SETFD, 0);
	else if (dup2(sv, TA_LAUNCHER_FD) < 0)
		_exit(126);
	execl(path, "vtee-ta-host", (char *)NULL);
	_exit(127);
}

int fake_launcher_start(struct fake_launcher *l, const char *path)
{
	int sv[2], errp[2];

	memset(l, 0, sizeof(*l));
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) ||
	    pipe2(errp, O_CLOEXEC))
		return -1;
	l->pid = fork();
	if (l->pid == 0)
		exec_launcher(path, sv[1], errp[1]);
	close(sv[1]);
	close(errp[1]);
	l->sock = sv[0];
	l->err = errp[0];
	fcntl(l->err, F_SETFL, O_NONBLOCK);
	return l->pid < 0 ? -1 : 0;
}

int fake_launcher_stop(struct fake_launcher *l)
{
	int st = -1;

	close(l->sock);
	waitpid(l->pid, &st, 0);
	close(l->err);
	return st;
}

static void read_log(struct fake_launcher *l)
{
	ssize_t n;

	while (l->log_len < sizeof(l->log) - 1 &&
	       (n = read(l->err, l->log + l->log_len,
			 sizeof(l->log) - 1 - l->log_len)) > 0)
		l->log_len += (size_t)n;
	l->log[l->log_len] = '\0';
}

bool fake_launcher_logged(struct fake_launcher *l, const char *text)
{
	for (int i = 0; i < 200; i++) {
		read_log(l);
		if (strstr(l->log, text))
			return true;
		usleep(10000);
	}
	return false;
}

int fake_spawn_raw(struct fake_launcher *l, const struct ta_spawn_req *req,
		   const int *fds, size_t n_fds)
{
	char cbuf[CMSG_SPACE(MAX_FDS * sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = (void *)req, .iov_len = sizeof(*req) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct ta_spawn_rep rep;
	struct cmsghdr *c;

	if (n_fds > MAX_FDS)
		return -EINVAL;
	if (n_fds) {
		msg.msg_control = cbuf;
		msg.msg_controllen = CMSG_SPACE(n_fds * sizeof(int));
		c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(n_fds * sizeof(int));
		memcpy(CMSG_DATA(c), fds, n_fds * sizeof(int));
	}
	if (sendmsg(l->sock, &msg, 0) != sizeof(*req) ||
	    recv(l->sock, &rep, sizeof(rep), 0) != sizeof(rep))
		return -EIO;
	return rep.status ? rep.status : rep.pid;
}

/* The image as the OS hands it over: a sealed memfd. */
static int image_memfd(const char *path)
{
	int in = open(path, O_RDONLY | O_CLOEXEC);
	int fd = memfd_create("ta-image", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	char buf[65536];
	ssize_t n;

	while (in >= 0 && fd >= 0 && (n = read(in, buf, sizeof(buf))) > 0)
		if (write(fd, buf, (size_t)n) != n)
			break;
	if (in >= 0)
		close(in);
	if (fd >= 0)
		fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW |
		      F_SEAL_WRITE | F_SEAL_SEAL);
	return fd;
}

static struct ta_chan *new_channel(int *fd)
{
	struct ta_chan *c;

	*fd = memfd_create("ta-chan", MFD_CLOEXEC);
	if (*fd < 0 || ftruncate(*fd, TA_CHAN_SIZE))
		return NULL;
	c = mmap(NULL, TA_CHAN_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, *fd, 0);
	if (c == MAP_FAILED)
		return NULL;
	c->magic = TA_CHAN_MAGIC;
	c->version = TA_CHAN_VERSION;
	return c;
}

int fake_spawn(struct fake_launcher *l, const char *image_path,
	       const uint8_t uuid[16], uint32_t flags, struct fake_ta *ta)
{
	struct ta_spawn_req req = { .magic = TA_SPAWN_MAGIC, .flags = flags };
	int sv[2], fds[3];
	int res;

	memset(ta, 0, sizeof(*ta));
	memcpy(req.uuid, uuid, sizeof(req.uuid));
	fds[0] = image_memfd(image_path);
	ta->chan = new_channel(&fds[1]);
	if (fds[0] < 0 || !ta->chan ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv))
		return -EIO;
	fds[2] = sv[1];
	ta->sock = sv[0];
	res = fake_spawn_raw(l, &req, fds, 3);
	for (int i = 0; i < 3; i++)
		close(fds[i]);
	ta->pid = res > 0 ? res : 0;
	return res > 0 ? 0 : res;
}

void fake_ta_release(struct fake_ta *ta)
{
	if (ta->chan)
		munmap(ta->chan, TA_CHAN_SIZE);
	if (ta->sock > 0)
		close(ta->sock);
	memset(ta, 0, sizeof(*ta));
}

bool fake_pid_gone(pid_t pid)
{
	for (int i = 0; i < 500; i++) {
		if (kill(pid, 0) && errno == ESRCH)
			return true;
		usleep(10000);
	}
	return false;
}
