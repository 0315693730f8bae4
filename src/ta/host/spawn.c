// SPDX-License-Identifier: BSD-2-Clause
/*
 * The child side of a spawn: from a fork of the launcher to a sandboxed
 * TA instance waiting for its first entry point.
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "host.h"
#include "ta_runtime.h"

/*
 * Die with the launcher (it exits when vteed goes away: nobody would
 * ever talk to this TA again), drop the launcher's blocked signals, show
 * the TA in ps, and keep other processes of the same user from reading
 * its memory, unless a debugger is meant to attach.
 */
static void prepare_process(const struct ta_spawn_req *req, pid_t launcher)
{
	char name[16];
	sigset_t none;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != launcher)
		_exit(1);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	snprintf(name, sizeof(name), "ta-%02x%02x%02x%02x", req->uuid[0],
		 req->uuid[1], req->uuid[2], req->uuid[3]);
	prctl(PR_SET_NAME, name);
	if (!(req->flags & TA_SPAWN_DEBUG_STOP))
		prctl(PR_SET_DUMPABLE, 0);
}

/*
 * A TA keeps its image (until loaded), its socket and /proc/self/maps;
 * the channel is mapped by now.  Sanitizer builds also keep stderr so
 * that reports from TA processes are seen.
 */
static void keep_only(const int fds[TA_SPAWN_FDS], int maps_fd)
{
	int keep[] = { fds[TA_FD_IMAGE], fds[TA_FD_SOCK], maps_fd,
#ifdef VTEE_TA_KEEP_STDERR
		       STDERR_FILENO,
#endif
	};

	if (ta_close_fds_except(keep, sizeof(keep) / sizeof(keep[0])))
		_exit(1);
}

static bool find_symbols(void *dl, struct ta_rt_image *img)
{
	const size_t *num_props = dlsym(dl, "ta_num_props");

	img->head = dlsym(dl, "ta_head");
	img->props = dlsym(dl, "ta_props");
	img->create = dlsym(dl, "TA_CreateEntryPoint");
	img->destroy = dlsym(dl, "TA_DestroyEntryPoint");
	img->open_session = dlsym(dl, "TA_OpenSessionEntryPoint");
	img->close_session = dlsym(dl, "TA_CloseSessionEntryPoint");
	img->invoke = dlsym(dl, "TA_InvokeCommandEntryPoint");
	if (!num_props || !img->head || !img->props || !img->create ||
	    !img->destroy || !img->open_session || !img->close_session ||
	    !img->invoke)
		return false;
	img->num_props = *num_props;
	return true;
}

/*
 * The image is an ELF shared object in a sealed memfd; its libraries
 * (libvtee_ta, libc) are already loaded in this process.  It is named by
 * pid, not /proc/self, and its fd stays open: a debugger reads the loaded
 * objects' names from the process and opens them itself, and
 * /proc/<pid>/fd/<n> means this memfd from anywhere, while /proc/self/...
 * would be the debugger's own fd.
 */
static bool load_image(int image_fd, struct ta_rt_image *img)
{
	char path[48];
	void *dl;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)getpid(),
		 image_fd);
	dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	return dl && find_symbols(dl, img);
}

/* Whether a tracer (a debugger) is attached, from /proc/self/status. */
static bool traced(int status_fd)
{
	char buf[2048];
	ssize_t n = pread(status_fd, buf, sizeof(buf) - 1, 0);
	const char *tp;

	if (n <= 0)
		return false;
	buf[n] = 0;
	tp = strstr(buf, "TracerPid:");
	return tp && atoi(tp + strlen("TracerPid:")) != 0;
}

/*
 * A TA started for debugging waits, loaded and with its symbols known,
 * until a debugger attaches; the debugger's own stop then holds it until
 * the user says continue.  Waiting here rather than in SIGSTOP keeps job
 * control out of the way of the debugger's stops.
 */
static void wait_for_debugger(int status_fd)
{
	while (!traced(status_fd))
		usleep(50 * 1000);
	close(status_fd);
}

noreturn void ta_child_main(const struct ta_spawn_req *req,
			    const int fds[TA_SPAWN_FDS], pid_t launcher)
{
	struct ta_rt_image img;
	struct ta_chan *chan;
	TEE_Result res;
	int maps_fd, status_fd;

	prepare_process(req, launcher);
	chan = ta_chan_map(fds[TA_FD_CHAN]);
	if (!chan)
		_exit(1);
	ta_chan_attach(chan);
	/* 0-2 are still taken (main.c), so this never lands on them */
	maps_fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
	if (maps_fd < 0)
		ta_rt_boot_failed(TEE_ERROR_GENERIC);
	keep_only(fds, maps_fd);
	/* opened before the loading sandbox, which allows no such open */
	status_fd = (req->flags & TA_SPAWN_DEBUG_STOP) ?
		    open("/proc/self/status", O_RDONLY | O_CLOEXEC) : -1;
	if (ta_sandbox_loading())
		ta_rt_boot_failed(TEE_ERROR_GENERIC);
	if (!load_image(fds[TA_FD_IMAGE], &img))
		ta_rt_boot_failed(TEE_ERROR_BAD_FORMAT);
	res = ta_rt_init(req->uuid, fds[TA_FD_SOCK], maps_fd, &img);
	if (res != TEE_SUCCESS)
		ta_rt_boot_failed(res);
	if (status_fd >= 0)
		wait_for_debugger(status_fd);
	if (ta_sandbox_running(fds[TA_FD_SOCK], maps_fd))
		ta_rt_boot_failed(TEE_ERROR_GENERIC);
	ta_rt_boot();
	ta_rt_serve();
}
