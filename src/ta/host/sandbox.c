// SPDX-License-Identifier: BSD-2-Clause
/*
 * The TA process's seccomp filters (libseccomp), in two stages.  The
 * reasons for every entry are in docs/ta-sandbox.md.
 *
 * Loading: dlopen() runs the image's ELF constructors, TA code, before
 * the runtime is in charge.  A deny-list filter already stops what a TA
 * must never do: start programs or processes, use the network, write to
 * the file system, reach into other processes, or slip past seccomp.
 * dlopen itself still needs to open and map files read-only; Landlock
 * (landlock.c) limits that to where libraries live.
 *
 * Running: an allow-list of exactly what the runtime and libc's malloc
 * need; anything else kills the process.
 */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "host.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Denied while loading (and, being absent from the allow-list, later). */
static const int loading_denied[] = {
	/* new programs and processes; the TA is one thread */
	SCMP_SYS(execve), SCMP_SYS(execveat), SCMP_SYS(fork),
	SCMP_SYS(vfork), SCMP_SYS(clone), SCMP_SYS(clone3),
	/* the network, and local sockets to other daemons */
	SCMP_SYS(socket), SCMP_SYS(socketpair), SCMP_SYS(connect),
	SCMP_SYS(bind), SCMP_SYS(listen), SCMP_SYS(accept),
	SCMP_SYS(accept4),
	/* other processes */
	SCMP_SYS(ptrace), SCMP_SYS(process_vm_readv),
	SCMP_SYS(process_vm_writev), SCMP_SYS(kill), SCMP_SYS(tkill),
	SCMP_SYS(pidfd_open), SCMP_SYS(pidfd_getfd),
	/* io_uring operations bypass seccomp */
	SCMP_SYS(io_uring_setup), SCMP_SYS(io_uring_enter),
	SCMP_SYS(io_uring_register),
	/* changing the file system */
	SCMP_SYS(creat), SCMP_SYS(openat2), SCMP_SYS(rename),
	SCMP_SYS(renameat), SCMP_SYS(renameat2), SCMP_SYS(unlink),
	SCMP_SYS(unlinkat), SCMP_SYS(mkdir), SCMP_SYS(mkdirat),
	SCMP_SYS(rmdir), SCMP_SYS(link), SCMP_SYS(linkat),
	SCMP_SYS(symlink), SCMP_SYS(symlinkat), SCMP_SYS(mknod),
	SCMP_SYS(mknodat), SCMP_SYS(chmod), SCMP_SYS(fchmod),
	SCMP_SYS(fchmodat), SCMP_SYS(chown), SCMP_SYS(fchown),
	SCMP_SYS(lchown), SCMP_SYS(fchownat), SCMP_SYS(truncate),
	SCMP_SYS(ftruncate), SCMP_SYS(utime), SCMP_SYS(utimes),
	SCMP_SYS(utimensat), SCMP_SYS(futimesat), SCMP_SYS(setxattr),
	SCMP_SYS(lsetxattr), SCMP_SYS(fsetxattr), SCMP_SYS(removexattr),
	SCMP_SYS(lremovexattr), SCMP_SYS(fremovexattr),
	SCMP_SYS(name_to_handle_at), SCMP_SYS(open_by_handle_at),
	/* namespaces and mounts */
	SCMP_SYS(mount), SCMP_SYS(umount2), SCMP_SYS(pivot_root),
	SCMP_SYS(chroot), SCMP_SYS(unshare), SCMP_SYS(setns),
	/* kernel attack surface no TA needs */
	SCMP_SYS(bpf), SCMP_SYS(perf_event_open), SCMP_SYS(userfaultfd),
	SCMP_SYS(keyctl), SCMP_SYS(add_key), SCMP_SYS(request_key),
};

/* open flags that write or create */
static const int write_flags[] = { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC };

static int deny_write_opens(scmp_filter_ctx ctx)
{
	for (size_t i = 0; i < N(write_flags); i++) {
		int f = write_flags[i];

		if (seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(open), 1,
				     SCMP_A1(SCMP_CMP_MASKED_EQ, f, f)) ||
		    seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS,
				     SCMP_SYS(openat), 1,
				     SCMP_A2(SCMP_CMP_MASKED_EQ, f, f)))
			return -1;
	}
	return 0;
}

static int load(scmp_filter_ctx ctx, int rc)
{
	if (!rc)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	return rc ? -1 : 0;
}

int ta_sandbox_loading(void)
{
	scmp_filter_ctx ctx;
	int rc = 0;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || ta_landlock_loading())
		return -1;
	ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!ctx)
		return -1;
	for (size_t i = 0; i < N(loading_denied) && !rc; i++)
		rc = seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS,
				      loading_denied[i], 0);
	if (!rc)
		rc = deny_write_opens(ctx);
	/* signals only to itself (abort() raises SIGABRT this way) */
	if (!rc)
		rc = seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS,
				      SCMP_SYS(tgkill), 1,
				      SCMP_A0(SCMP_CMP_NE, getpid(), 0));
	return load(ctx, rc);
}

/* Allowed while running, whatever the arguments. */
static const int running_allowed[] = {
	/* memory: libc's malloc, unmapping client memory */
	SCMP_SYS(brk), SCMP_SYS(munmap), SCMP_SYS(mremap), SCMP_SYS(madvise),
	/* the channel, and the OS's answer to a wait */
	SCMP_SYS(futex),
	/* closing received memfds once mapped */
	SCMP_SYS(close),
	/* time (normally the vDSO), sleeping */
	SCMP_SYS(clock_gettime), SCMP_SYS(clock_getres),
	SCMP_SYS(gettimeofday), SCMP_SYS(clock_nanosleep),
	SCMP_SYS(nanosleep),
	/* TEE_GenerateRandom */
	SCMP_SYS(getrandom),
	/* ending: DESTROY, a panic nobody hears, a TA calling exit() */
	SCMP_SYS(exit), SCMP_SYS(exit_group),
	/* signal delivery (a stopped and continued TA), abort(); ASan asks
	 * for the alternate stack before every noreturn call */
	SCMP_SYS(rt_sigreturn), SCMP_SYS(rt_sigprocmask),
	SCMP_SYS(restart_syscall), SCMP_SYS(sigaltstack),
	/* harmless self queries, spin-lock back-off */
	SCMP_SYS(getpid), SCMP_SYS(gettid), SCMP_SYS(sched_yield),
};

static int allow_with_args(scmp_filter_ctx ctx, int sock_fd, int maps_fd)
{
	/* new mappings never executable: the code is loaded by now */
	return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1,
				SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)) ||
	       seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1,
				SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)) ||
	       /* client memory arrives on the channel socket */
	       seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(recvmsg), 1,
				SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)sock_fd, 0)) ||
	       /* TEE_CheckMemoryAccessRights */
	       seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(pread64), 1,
				SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)maps_fd, 0)) ||
	       /* stdout/stderr: closed (EBADF) unless a sanitizer reports */
	       seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(write), 1,
				SCMP_A0(SCMP_CMP_LE, STDERR_FILENO, 0)) ||
	       seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1,
				SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid(), 0)) ||
	       /* stdio stats its fd before the first output: refuse
		* softly, so a stray printf() is not fatal */
	       seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM),
				SCMP_SYS(newfstatat), 0) ||
	       seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(fstat), 0);
}

/*
 * Sanitizer builds: a report symbolizes its stack by reading the process's
 * own files.  Refuse that softly, so the report prints in full (addresses
 * without names) instead of dying halfway of SIGSYS.
 */
static int soften_for_sanitizers(scmp_filter_ctx ctx)
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
	static const int calls[] = { SCMP_SYS(open), SCMP_SYS(openat),
				     SCMP_SYS(readlink), SCMP_SYS(readlinkat) };

	for (size_t i = 0; i < N(calls); i++)
		if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), calls[i], 0))
			return -1;
#else
	(void)ctx;
#endif
	return 0;
}

int ta_sandbox_running(int sock_fd, int maps_fd)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
	int rc = 0;

	if (!ctx)
		return -1;
	for (size_t i = 0; i < N(running_allowed) && !rc; i++)
		rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, running_allowed[i], 0);
	if (!rc)
		rc = allow_with_args(ctx, sock_fd, maps_fd);
	if (!rc)
		rc = soften_for_sanitizers(ctx);
	return load(ctx, rc);
}
