// SPDX-License-Identifier: BSD-2-Clause
#include "machine.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v && *v ? v : fallback;
}

static void sleep_ms(int ms)
{
	nanosleep(&(struct timespec){ ms / 1000, (ms % 1000) * 1000000L },
		  NULL);
}

static bool connectable(const char *path, int type)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
	bool ok;

	ok = fd >= 0 &&
	     snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path) <
		     (int)sizeof(sa.sun_path) &&
	     !connect(fd, (struct sockaddr *)&sa, sizeof(sa));
	if (fd >= 0)
		close(fd);
	return ok;
}

static bool wants_no_supplicant(const struct test_machine *m)
{
	for (int i = 0; m->extra_args && m->extra_args[i]; i++)
		if (!strcmp(m->extra_args[i], "--no-supplicant"))
			return true;
	return false;
}

/* The value the test gave vteed's option `name`, else fallback. */
static const char *extra_arg(const struct test_machine *m, const char *name,
			     const char *fallback)
{
	for (int i = 0; m->extra_args && m->extra_args[i]; i++)
		if (!strcmp(m->extra_args[i], name) && m->extra_args[i + 1])
			return m->extra_args[i + 1];
	return fallback;
}

/* vteed is up: a stock supplicant to test must be started by hand. */
static int booted(struct test_machine *m)
{
	if (!getenv("VTEE_TEST_STOCK_SUPPLICANT") || wants_no_supplicant(m))
		return 0;
	if (machine_start_supplicant(m) || !machine_wait_supplicant(m))
		return -1;
	return 0;
}

/* Starts vteed on m's directory and waits until it serves. */
static int boot(struct test_machine *m)
{
	const char *const *extra_args = m->extra_args;
	const char *bin = env_or("VTEE_BIN_DIR", ".");
	char exe[512], state[320], node[400];
	const char *argv[32];
	int n = 0;

	snprintf(state, sizeof(state), "%s/state", m->dir);
	snprintf(exe, sizeof(exe), "%s/vteed", bin);
	argv[n++] = exe;
	argv[n++] = "--foreground";
	argv[n++] = "--runtime-dir";
	argv[n++] = m->runtime_dir;
	argv[n++] = "--state-dir";
	argv[n++] = state;
	argv[n++] = "--ta-dir";
	argv[n++] = env_or("VTEE_TA_DIR", ".");
	argv[n++] = "--ta-key";
	argv[n++] = env_or("VTEE_TA_PUBKEY", "ta-dev-pub.pem");
	for (int i = 0; extra_args && extra_args[i] && n < 29; i++)
		argv[n++] = extra_args[i];
	/* with a stock supplicant to test, it replaces vteed's own */
	if (getenv("VTEE_TEST_STOCK_SUPPLICANT") && !wants_no_supplicant(m))
		argv[n++] = "--no-supplicant";
	argv[n] = NULL;
	m->vteed = fork();
	if (m->vteed == 0) {
		/* a test that fails halfway must not leave its machine */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		execv(exe, (char *const *)argv);
		_exit(127);
	}
	/* the control socket comes up after both nodes: then all is ready */
	snprintf(node, sizeof(node), "%s/control", m->runtime_dir);
	for (int i = 0; i < 500; i++) {
		if (connectable(node, SOCK_STREAM)) {
			setenv("VTEE_RUNTIME_DIR", m->runtime_dir, 1);
			return booted(m);
		}
		if (waitpid(m->vteed, NULL, WNOHANG) == m->vteed)
			break;
		sleep_ms(10);
	}
	fprintf(stderr, "machine: vteed did not come up\n");
	return -1;
}

int machine_start(struct test_machine *m, const char *const *extra_args)
{
	memset(m, 0, sizeof(*m));
	m->extra_args = extra_args;
	snprintf(m->dir, sizeof(m->dir), "/tmp/vtee-test-XXXXXX");
	if (!mkdtemp(m->dir))
		return -1;
	snprintf(m->runtime_dir, sizeof(m->runtime_dir), "%s/run", m->dir);
	return boot(m);
}

int machine_restart(struct test_machine *m, int sig)
{
	machine_kill_supplicant(m, SIGKILL);
	if (m->vteed > 0) {
		kill(m->vteed, sig);
		waitpid(m->vteed, NULL, 0);
	}
	m->vteed = 0;
	return boot(m);
}

/* optee_client's unmodified tee-supplicant, reaching the machine's
 * teepriv0 through the device shim (by hand: docs/porting-optee.md). */
static void exec_stock_supplicant(struct test_machine *m, const char *stock,
				  const char *data_dir)
{
	const char *bin = env_or("VTEE_BIN_DIR", ".");
	char preload[600];

	snprintf(preload, sizeof(preload), "%s/../lib/libvtee-preload.so", bin);
	setenv("LD_PRELOAD", preload, 1);
	setenv("VTEE_RUNTIME_DIR", m->runtime_dir, 1);
	execl(stock, "tee-supplicant", "-f", data_dir, "-l",
	      extra_arg(m, "--ta-dir", env_or("VTEE_TA_DIR", ".")), "-p",
	      extra_arg(m, "--plugin-dir", "/nonexistent"), (char *)NULL);
}

int machine_start_supplicant(struct test_machine *m)
{
	const char *bin = env_or("VTEE_BIN_DIR", ".");
	const char *stock = getenv("VTEE_TEST_STOCK_SUPPLICANT");
	char exe[512], data_dir[320];

	snprintf(exe, sizeof(exe), "%s/vtee-supplicant", bin);
	/* where vteed's own supplicant keeps the REE file system */
	snprintf(data_dir, sizeof(data_dir), "%s/state/tee", m->dir);
	m->supplicant = fork();
	if (m->supplicant == 0) {
		/* SIGKILL: a test may have stopped it with SIGSTOP */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (stock)
			exec_stock_supplicant(m, stock, data_dir);
		else
			execl(exe, "vtee-supplicant", "--runtime-dir",
			      m->runtime_dir, "--ta-dir",
			      env_or("VTEE_TA_DIR", "."), "--data-dir",
			      data_dir, (char *)NULL);
		_exit(127);
	}
	return m->supplicant > 0 ? 0 : -1;
}

void machine_kill_supplicant(struct test_machine *m, int sig)
{
	if (m->supplicant <= 0)
		return;
	kill(m->supplicant, sig);
	waitpid(m->supplicant, NULL, 0);
	m->supplicant = 0;
}

int machine_status(struct test_machine *m, char *buf, size_t len)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	size_t got = 0;
	ssize_t n;

	if (fd < 0 ||
	    snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/control",
		     m->runtime_dir) >= (int)sizeof(sa.sun_path) ||
	    connect(fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    send(fd, "status\n", 7, 0) != 7) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while (got + 1 < len && (n = recv(fd, buf + got, len - got - 1, 0)) > 0)
		got += (size_t)n;
	buf[got] = 0;
	close(fd);
	return 0;
}

/* Waits until the status report contains `line` (up to 5 s). */
static bool wait_status(struct test_machine *m, const char *line)
{
	char status[8192];

	for (int i = 0; i < 500; i++) {
		if (!machine_status(m, status, sizeof(status)) &&
		    strstr(status, line))
			return true;
		sleep_ms(10);
	}
	return false;
}

bool machine_wait_supplicant(struct test_machine *m)
{
	char want[64];

	/* the supplicant's context shows on teepriv0, with its pid when the
	 * test started it (an old one may still be listed, closing) */
	if (m->supplicant > 0)
		snprintf(want, sizeof(want), "context teepriv0 pid %d ",
			 (int)m->supplicant);
	else
		snprintf(want, sizeof(want), "context teepriv0");
	return wait_status(m, want);
}

int machine_stop(struct test_machine *m)
{
	char cmd[300];
	int status = -1;

	machine_kill_supplicant(m, SIGTERM);
	if (m->vteed > 0) {
		kill(m->vteed, SIGTERM);
		waitpid(m->vteed, &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			fprintf(stderr, "machine: vteed ended with %s %d\n",
				WIFSIGNALED(status) ? "signal" : "status",
				WIFSIGNALED(status) ? WTERMSIG(status) :
						      WEXITSTATUS(status));
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", m->dir);
	if (system(cmd))
		fprintf(stderr, "machine: could not remove %s\n", m->dir);
	return status;
}
