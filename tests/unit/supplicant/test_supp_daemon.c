// SPDX-License-Identifier: BSD-2-Clause
/*
 * The vtee-supplicant process against a fake vtee node (node_wire.h): it
 * answers TEE_IOC_VERSION and lets every SUPPL_RECV block, as an idle
 * REE kernel does.  Shows how the daemon ends: SIGTERM with a thread
 * blocked in RECV exits 0 at once; the node going away exits 1; a device
 * that is not OP-TEE is refused.
 */
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "vtee/node_wire.h"

#define CONN_MAX	16

struct node {
	char dir[64];
	char path[96];
	char log[96];
	int listen_fd;
	int conn[CONN_MAX];
	size_t n_conn;
	unsigned int recvs;	/* SUPPL_RECVs held unanswered */
	uint32_t impl_id;	/* what VERSION reports */
	pid_t pid;
};

static int node_setup(void **state)
{
	struct node *n = calloc(1, sizeof(*n));
	struct sockaddr_un sa = { .sun_family = AF_UNIX };

	assert_non_null(n);
	strcpy(n->dir, "/tmp/vtee-supp-daemon-XXXXXX");
	assert_non_null(mkdtemp(n->dir));
	snprintf(n->path, sizeof(n->path), "%s/teepriv0", n->dir);
	snprintf(n->log, sizeof(n->log), "%s/log", n->dir);
	strcpy(sa.sun_path, n->path);
	n->listen_fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	assert_true(n->listen_fd >= 0);
	assert_int_equal(bind(n->listen_fd, (struct sockaddr *)&sa,
			      sizeof(sa)), 0);
	assert_int_equal(listen(n->listen_fd, 8), 0);
	n->impl_id = TEE_IMPL_ID_OPTEE;
	*state = n;
	return 0;
}

static void conns_close(struct node *n)
{
	while (n->n_conn)
		close(n->conn[--n->n_conn]);
}

static int node_teardown(void **state)
{
	struct node *n = *state;

	conns_close(n);
	close(n->listen_fd);
	unlink(n->path);
	unlink(n->log);
	rmdir(n->dir);
	free(n);
	return 0;
}

static void supp_spawn(struct node *n)
{
	n->pid = fork();
	assert_true(n->pid >= 0);
	if (n->pid == 0) {
		if (!freopen(n->log, "w", stderr))
			_exit(98);
		execl(SUPP_BIN, SUPP_BIN, "--device", n->path, "--ta-dir",
		      n->dir, (char *)NULL);
		_exit(99);
	}
}

static void reply(int fd, int32_t rc, const void *arg, uint32_t arg_len)
{
	uint8_t msg[sizeof(struct vtee_node_rep) + 16];
	struct vtee_node_rep rep = { .rc = rc, .arg_len = arg_len };

	memcpy(msg, &rep, sizeof(rep));
	memcpy(msg + sizeof(rep), arg, arg_len);
	assert_true(send(fd, msg, sizeof(rep) + arg_len, MSG_NOSIGNAL) > 0);
}

/* One message from connection i: its hello, or an ioctl. */
static void conn_serve(struct node *n, size_t i)
{
	uint8_t msg[VTEE_NODE_MSG_MAX];
	struct tee_ioctl_version_data v = { n->impl_id, TEE_OPTEE_CAP_TZ,
		TEE_GEN_CAP_PRIVILEGED | TEE_GEN_CAP_MEMREF_NULL };
	struct vtee_node_welcome w = { .token = { 7 } };
	struct vtee_node_req req;
	ssize_t len = recv(n->conn[i], msg, sizeof(msg), 0);

	if (len <= 0) {
		close(n->conn[i]);
		n->conn[i] = n->conn[--n->n_conn];
		return;
	}
	if (len == sizeof(struct vtee_node_hello)) {
		assert_true(send(n->conn[i], &w, sizeof(w), MSG_NOSIGNAL) > 0);
		return;
	}
	memcpy(&req, msg, sizeof(req));
	if (req.ioctl_cmd == TEE_IOC_VERSION)
		reply(n->conn[i], 0, &v, sizeof(v));
	else if (req.ioctl_cmd == TEE_IOC_SUPPL_RECV)
		n->recvs++;	/* held: nothing is queued */
	else
		reply(n->conn[i], -EINVAL, NULL, 0);
}

/* Serves the node for up to ms, or until the supplicant holds a RECV. */
static void node_run(struct node *n, int ms)
{
	struct pollfd p[CONN_MAX + 1];
	size_t i, count;

	while (ms > 0 && !n->recvs) {
		p[0] = (struct pollfd){ .fd = n->listen_fd, .events = POLLIN };
		for (i = 0; i < n->n_conn; i++)
			p[i + 1] = (struct pollfd){ .fd = n->conn[i],
						    .events = POLLIN };
		count = n->n_conn;
		if (poll(p, count + 1, 50) <= 0) {
			ms -= 50;
			continue;
		}
		if ((p[0].revents & POLLIN) && n->n_conn < CONN_MAX)
			n->conn[n->n_conn++] = accept4(n->listen_fd, NULL, NULL,
						       SOCK_CLOEXEC);
		for (i = count; i-- > 0;)
			if (p[i + 1].revents)
				conn_serve(n, i);
	}
}

/* The supplicant's exit status, if it ends within ms; -1 otherwise. */
static int supp_wait(struct node *n, int ms)
{
	int status;

	for (; ms > 0; ms -= 20) {
		if (waitpid(n->pid, &status, WNOHANG) == n->pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
		usleep(20000);
	}
	kill(n->pid, SIGKILL);
	waitpid(n->pid, &status, 0);
	return -1;
}

static bool log_has(const struct node *n, const char *text)
{
	char buf[4096];
	FILE *f = fopen(n->log, "r");
	size_t len;

	assert_non_null(f);
	len = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[len] = '\0';
	if (!strstr(buf, text))
		fprintf(stderr, "log lacks \"%s\":\n%s", text, buf);
	return strstr(buf, text) != NULL;
}

static void test_sigterm_exits_0(void **state)
{
	struct node *n = *state;

	supp_spawn(n);
	node_run(n, 5000);
	assert_int_equal(n->recvs, 1);
	kill(n->pid, SIGTERM);
	assert_int_equal(supp_wait(n, 3000), 0);
	assert_true(log_has(n, "vtee-supplicant: serving"));
	assert_true(log_has(n, "stopping"));
}

static void test_node_gone_exits_1(void **state)
{
	struct node *n = *state;

	supp_spawn(n);
	node_run(n, 5000);
	assert_int_equal(n->recvs, 1);
	conns_close(n);
	assert_int_equal(supp_wait(n, 3000), 1);
	assert_true(log_has(n, "vtee-supplicant: error: TEE_IOC_SUPPL_RECV "
			    "failed"));
}

static void test_not_optee_refused(void **state)
{
	struct node *n = *state;

	n->impl_id = TEE_IMPL_ID_AMDTEE;
	supp_spawn(n);
	node_run(n, 1000);
	assert_int_equal(supp_wait(n, 3000), 1);
	assert_int_equal(n->recvs, 0);
	assert_true(log_has(n, "not an OP-TEE device"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sigterm_exits_0,
						node_setup, node_teardown),
		cmocka_unit_test_setup_teardown(test_node_gone_exits_1,
						node_setup, node_teardown),
		cmocka_unit_test_setup_teardown(test_not_optee_refused,
						node_setup, node_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
