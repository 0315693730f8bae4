// SPDX-License-Identifier: BSD-2-Clause
/*
 * vteed: one vtee machine.  It assembles, in order, the non-secure RAM,
 * the secure world, the OP-TEE driver (probing the secure world through
 * its conduit), the device nodes and the supplicant, then waits for
 * SIGTERM or SIGINT.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "daemon.h"
#include "ns_ram.h"
#include "optee_drv.h"
#include "secure_world.h"
#include "tee_drv.h"
#include "tee_node.h"
#include "tee_sysfs.h"
#include "vtee/log.h"
#include "vtee/paths.h"

/* Physical address space for non-secure RAM; pages cost only when used. */
#define NS_RAM_SIZE (16ull << 30)

struct vteed {
	struct vteed_options opts;
	struct ns_ram *ram;
	struct secure_world *sw;
	struct optee *optee;
	struct tee_node *tee0, *teepriv0;
	struct vteed_supervisor *supplicant;
};

static int mkdir_p(const char *path, mode_t mode)
{
	char buf[512];
	size_t len = strlen(path);

	if (len >= sizeof(buf))
		return -ENAMETOOLONG;
	for (size_t i = 1; i <= len; i++) {
		if (path[i] != '/' && path[i])
			continue;
		memcpy(buf, path, i);
		buf[i] = 0;
		if (mkdir(buf, mode) && errno != EEXIST)
			return -errno;
	}
	return 0;
}

/* Is a vteed already serving this runtime dir? */
static bool node_alive(const char *runtime_dir)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	bool alive;

	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/tee0", runtime_dir);
	alive = fd >= 0 && !connect(fd, (struct sockaddr *)&sa, sizeof(sa));
	if (fd >= 0)
		close(fd);
	return alive;
}

static void report(void *arg, FILE *out)
{
	struct vteed *d = arg;
	struct tee_ioctl_version_data v = { 0 };
	struct tee_device *dev = optee_client_device(d->optee);
	char rev[32] = "?";

	dev->desc->ops->get_version(dev, &v);
	dev->desc->ops->get_tee_revision(dev, rev, sizeof(rev));
	fprintf(out, "vteed pid %d version %s\n", (int)getpid(), VTEE_VERSION);
	fprintf(out, "driver optee impl_id %u impl_caps 0x%x gen_caps 0x%x\n",
		v.impl_id, v.impl_caps, v.gen_caps);
	fprintf(out, "trusted_os revision %s\n", rev);
	fprintf(out, "supplicant pid %d\n",
		d->supplicant ? (int)vteed_supplicant_pid(d->supplicant) : 0);
	optee_report(d->optee, out);
	sw_report_status(d->sw, out);
	tee_node_report(d->tee0, out);
	tee_node_report(d->teepriv0, out);
}

static int start_secure_world(struct vteed *d)
{
	char launcher[600], secure_dir[600];
	uint8_t device_id[16];
	struct sw_config cfg = {
		.threads = d->opts.threads,
		.ram = d->ram,
		.ta_pubkey_path = d->opts.ta_key,
		.launcher_path = launcher,
		.device_id = device_id,
		.secure_dir = secure_dir,
		.debug_tas = d->opts.debug_tas,
		.n_debug_tas = d->opts.n_debug_tas,
	};
	int rc = vteed_device_id(d->opts.state_dir, device_id);

	if (rc) {
		LOG_ERR("cannot keep a device identity in %s: %s",
			d->opts.state_dir, strerror(-rc));
		return rc;
	}
	if (vtee_path_join(launcher, sizeof(launcher), d->opts.bin_dir,
			   "vtee-ta-host") ||
	    vtee_path_join(secure_dir, sizeof(secure_dir), d->opts.state_dir,
			   "secure"))
		return -ENAMETOOLONG;
	return sw_boot(&cfg, &d->sw);
}

static int start_devices(struct vteed *d)
{
	const struct optee_conduit conduit = { sw_smc, d->sw };
	int rc = optee_probe(&conduit, d->ram, &d->optee);

	if (rc) {
		LOG_ERR("OP-TEE driver: probe failed: %s", strerror(-rc));
		return rc;
	}
	rc = tee_node_create(optee_client_device(d->optee),
			     d->opts.runtime_dir, 0666, &d->tee0);
	if (!rc)
		rc = tee_node_create(optee_supp_device(d->optee),
				     d->opts.runtime_dir, 0600, &d->teepriv0);
	if (!rc)
		rc = tee_sysfs_publish(optee_client_device(d->optee),
				       d->opts.runtime_dir, "user");
	if (!rc)
		rc = tee_sysfs_publish(optee_supp_device(d->optee),
				       d->opts.runtime_dir, "user");
	if (rc)
		LOG_ERR("cannot create device nodes in %s: %s",
			d->opts.runtime_dir, strerror(-rc));
	return rc;
}

static int start(struct vteed *d)
{
	int rc;

	rc = ns_ram_create(NS_RAM_SIZE, &d->ram);
	if (!rc)
		rc = start_secure_world(d);
	if (!rc)
		rc = start_devices(d);
	if (!rc)
		rc = vteed_control_start(d->opts.runtime_dir, report, d);
	if (!rc && !d->opts.no_supplicant) {
		d->supplicant = vteed_supervise_supplicant(&d->opts);
		if (!d->supplicant)
			rc = -ECHILD;
	}
	return rc;
}

/* <runtime>/vteed.pid, for scripts that stop the machine */
static void write_pid_file(const char *runtime_dir)
{
	char path[600];
	FILE *f;

	if (vtee_path_join(path, sizeof(path), runtime_dir, "vteed.pid"))
		return;
	f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
}

static void stop(struct vteed *d)
{
	char path[600];

	vteed_supervisor_stop(d->supplicant);
	vteed_control_stop();
	tee_node_stop(d->tee0);
	tee_node_stop(d->teepriv0);
	/* TA processes and the launcher go with the secure world */
	sw_shutdown(d->sw);
	if (!vtee_path_join(path, sizeof(path), d->opts.runtime_dir,
			    "vteed.pid"))
		unlink(path);
}

static int wait_for_signal(void)
{
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigwait(&set, &sig);
	return sig;
}

static int prepare_dirs(const struct vteed_options *o, char *log_path,
			size_t len)
{
	int rc = mkdir_p(o->runtime_dir, 0755);

	if (!rc)
		rc = mkdir_p(o->state_dir, 0700);
	if (rc) {
		fprintf(stderr, "vteed: cannot create %s or %s: %s\n",
			o->runtime_dir, o->state_dir, strerror(-rc));
		return rc;
	}
	if (node_alive(o->runtime_dir)) {
		fprintf(stderr, "vteed: a vteed already serves %s\n",
			o->runtime_dir);
		return -EEXIST;
	}
	return vtee_path_join(log_path, len, o->state_dir, "vteed.log");
}

int main(int argc, char **argv)
{
	static struct vteed d;
	char log_path[600];
	sigset_t set;
	int rc = vteed_parse_options(argc, argv, &d.opts);

	if (rc)
		return rc > 0 ? EXIT_SUCCESS : 2;
	vtee_log_set_level(d.opts.log_level);
	if (prepare_dirs(&d.opts, log_path, sizeof(log_path)))
		return EXIT_FAILURE;
	if (!d.opts.foreground && vteed_background(log_path)) {
		fprintf(stderr, "vteed: cannot go to the background\n");
		return EXIT_FAILURE;
	}
	/* signals are taken by sigwait; every thread inherits the mask */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	rc = start(&d);
	if (rc) {
		LOG_ERR("vteed: not started: %s", strerror(-rc));
		vteed_failed();
		return EXIT_FAILURE;
	}
	write_pid_file(d.opts.runtime_dir);
	LOG_INFO("vteed ready: nodes in %s, %u secure threads",
		 d.opts.runtime_dir, d.opts.threads);
	vteed_ready();
	LOG_INFO("vteed: signal %d, stopping", wait_for_signal());
	stop(&d);
	return EXIT_SUCCESS;
}
