// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA processes: started by the pre-initialised launcher, watched for
 * death, and talked to through the shared channel page.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tee_api_defines.h"
#include "tos_private.h"
#include "vtee/futex.h"
#include "vtee/log.h"
#include "vtee/ta_launcher.h"

int ta_launcher_start(struct tos *tos)
{
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv))
		return -errno;
	pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return -errno;
	}
	if (!pid) {
		/* the launcher gets its end as fd 3 and nothing else */
		if (dup2(sv[1], TA_LAUNCHER_FD) < 0)
			_exit(127);
		execl(tos->cfg.launcher_path, "vtee-ta-host", (char *)NULL);
		_exit(127);
	}
	close(sv[1]);
	tos->launcher_pid = pid;
	tos->launcher_sock = sv[0];
	return 0;
}

void ta_launcher_stop(struct tos *tos)
{
	if (tos->launcher_sock >= 0)
		close(tos->launcher_sock);	/* EOF: the launcher exits */
	if (tos->launcher_pid > 0)
		waitpid(tos->launcher_pid, NULL, 0);
	tos->launcher_sock = -1;
	tos->launcher_pid = 0;
}

static int send_with_fds(int sock, const void *buf, size_t len,
			 const int *fds, size_t nfds)
{
	char cbuf[CMSG_SPACE(sizeof(int) * 4)] = { 0 };
	struct iovec iov = { (void *)buf, len };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *cm;

	if (nfds) {
		mh.msg_control = cbuf;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
		cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
		memcpy(CMSG_DATA(cm), fds, sizeof(int) * nfds);
	}
	return sendmsg(sock, &mh, MSG_NOSIGNAL) == (ssize_t)len ? 0 : -1;
}

/* One spawn request and its answer, serialized on the launcher socket. */
static pid_t launcher_spawn(struct tos *tos, const struct ta_spawn_req *req,
			    const int fds[3])
{
	struct ta_spawn_rep rep = { .status = -EIO };

	pthread_mutex_lock(&tos->launcher_lock);
	if (!send_with_fds(tos->launcher_sock, req, sizeof(*req), fds, 3) &&
	    recv(tos->launcher_sock, &rep, sizeof(rep), 0) != sizeof(rep))
		rep.status = -EIO;
	pthread_mutex_unlock(&tos->launcher_lock);
	return rep.status ? -1 : rep.pid;
}

static int new_channel(struct ta_instance *inst)
{
	inst->chan_fd = memfd_create("vtee-ta-chan", MFD_CLOEXEC);
	if (inst->chan_fd < 0 || ftruncate(inst->chan_fd, TA_CHAN_SIZE))
		return -1;
	inst->chan = mmap(NULL, TA_CHAN_SIZE, PROT_READ | PROT_WRITE,
			  MAP_SHARED, inst->chan_fd, 0);
	if (inst->chan == MAP_FAILED) {
		inst->chan = NULL;
		return -1;
	}
	inst->chan->magic = TA_CHAN_MAGIC;
	inst->chan->version = TA_CHAN_VERSION;
	return 0;
}

static void monitor_add(struct tos *tos, struct ta_instance *inst)
{
	struct epoll_event ev = { .events = EPOLLRDHUP | EPOLLHUP,
				  .data.u64 = inst->serial };

	epoll_ctl(tos->epoll_fd, EPOLL_CTL_ADD, inst->sock, &ev);
}

/* Reads the boot message: the TA's flags and UUID, or why it failed. */
static uint32_t read_boot(struct ta_instance *inst, int timeout_ms)
{
	struct ta_chan_msg msg;

	if (!ta_chan_wait(inst, timeout_ms))
		return TEE_ERROR_TARGET_DEAD;
	memcpy(&msg, (void *)&inst->chan->msg, sizeof(msg));
	if (msg.kind != TA_MSG_DONE || msg.func != TA_BOOT)
		return TEE_ERROR_BAD_FORMAT;
	if (msg.ret != TEE_SUCCESS)
		return msg.ret;
	if (memcmp(inst->chan->data, inst->uuid, 16))
		return TEE_ERROR_BAD_FORMAT;
	inst->flags = (uint32_t)msg.args[0];
	return TEE_SUCCESS;
}

uint32_t ta_process_spawn(struct tos *tos, struct ta_instance *inst,
			  int elf_fd, bool debug_stop)
{
	struct ta_spawn_req req = { .magic = TA_SPAWN_MAGIC,
				    .flags = debug_stop ? TA_SPAWN_DEBUG_STOP :
							  0 };
	int sv[2], fds[3];
	uint32_t res;

	memcpy(req.uuid, inst->uuid, 16);
	if (new_channel(inst) ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv))
		return TEE_ERROR_OUT_OF_MEMORY;
	inst->sock = sv[0];
	fds[0] = elf_fd;
	fds[1] = inst->chan_fd;
	fds[2] = sv[1];
	inst->pid = launcher_spawn(tos, &req, fds);
	close(sv[1]);
	if (inst->pid <= 0) {
		LOG_ERR("TA %s: the launcher could not start it",
			inst->uuid_str);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	inst->pidfd = (int)syscall(SYS_pidfd_open, inst->pid, 0);
	monitor_add(tos, inst);
	if (debug_stop)
		LOG_INFO("TA %s: pid %d stopped for a debugger "
			 "(gdb -p %d, set breakpoints, then 'continue')",
			 inst->uuid_str, inst->pid, inst->pid);
	/* a TA stopped for a debugger boots when the debugger lets it */
	res = read_boot(inst, debug_stop ? -1 : 10000);
	if (res)
		LOG_ERR("TA %s: did not boot (0x%08x)", inst->uuid_str, res);
	return res;
}

void ta_process_kill(struct ta_instance *inst)
{
	if (inst->pidfd >= 0)
		syscall(SYS_pidfd_send_signal, inst->pidfd, SIGKILL, NULL, 0);
}

void ta_process_free(struct ta_instance *inst)
{
	ta_process_kill(inst);
	if (inst->pidfd >= 0)
		close(inst->pidfd);
	if (inst->sock >= 0)
		close(inst->sock);
	if (inst->chan)
		munmap(inst->chan, TA_CHAN_SIZE);
	if (inst->chan_fd >= 0)
		close(inst->chan_fd);
}

void ta_mark_dead(struct ta_instance *inst)
{
	pthread_mutex_lock(&inst->lock);
	inst->dead = true;
	pthread_cond_broadcast(&inst->cond);
	pthread_mutex_unlock(&inst->lock);
	/* wake an OS thread waiting on the channel: it checks `dead` first */
	if (inst->chan)
		futex_bump_wake(&inst->chan->to_os_seq, true);
}

void ta_chan_post(struct ta_instance *inst)
{
	futex_bump_wake(&inst->chan->to_ta_seq, true);
}

bool ta_chan_wait(struct ta_instance *inst, int timeout_ms)
{
	uint32_t now;

	now = futex_wait_change(&inst->chan->to_os_seq, inst->seen_to_os,
				timeout_ms, true);
	if (__atomic_load_n(&inst->dead, __ATOMIC_ACQUIRE) ||
	    now == inst->seen_to_os)
		return false;
	inst->seen_to_os = now;
	return true;
}

static struct ta_instance *find_serial(struct tos *tos, uint64_t serial)
{
	struct ta_instance *inst;

	list_for_each_entry(inst, &tos->instances, node)
		if (inst->serial == serial)
			return inst;
	return NULL;
}

static void *monitor_main(void *arg)
{
	struct tos *tos = arg;
	struct epoll_event ev[16];

	for (;;) {
		int n = epoll_wait(tos->epoll_fd, ev, 16, -1);

		for (int i = 0; i < n; i++) {
			struct ta_instance *inst;

			if (ev[i].data.u64 == 0)
				return NULL;	/* the stop event */
			pthread_mutex_lock(&tos->lock);
			inst = find_serial(tos, ev[i].data.u64);
			if (inst && !inst->dead) {
				vtee_log(inst->exiting ? VTEE_LOG_DEBUG :
							 VTEE_LOG_WARN,
					 "TA %s (pid %d) %s", inst->uuid_str,
					 inst->pid, inst->exiting ? "exited" :
								    "died");
				epoll_ctl(tos->epoll_fd, EPOLL_CTL_DEL,
					  inst->sock, NULL);
				ta_mark_dead(inst);
			}
			pthread_mutex_unlock(&tos->lock);
		}
	}
}

int ta_monitor_start(struct tos *tos)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0 };

	tos->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	tos->monitor_stop_fd = eventfd(0, EFD_CLOEXEC);
	if (tos->epoll_fd < 0 || tos->monitor_stop_fd < 0 ||
	    epoll_ctl(tos->epoll_fd, EPOLL_CTL_ADD, tos->monitor_stop_fd, &ev))
		return -errno;
	if (pthread_create(&tos->monitor, NULL, monitor_main, tos))
		return -EAGAIN;
	tos->monitor_running = true;
	return 0;
}

void ta_monitor_stop(struct tos *tos)
{
	uint64_t one = 1;

	if (tos->monitor_running &&
	    write(tos->monitor_stop_fd, &one, sizeof(one)) == sizeof(one))
		pthread_join(tos->monitor, NULL);
	tos->monitor_running = false;
	if (tos->monitor_stop_fd >= 0)
		close(tos->monitor_stop_fd);
	close(tos->epoll_fd);
	tos->epoll_fd = tos->monitor_stop_fd = -1;
}
