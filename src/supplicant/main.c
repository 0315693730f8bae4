// SPDX-License-Identifier: BSD-2-Clause
/*
 * vtee-supplicant: opens the privileged TEE device, checks that an OP-TEE
 * (or vtee, which speaks OP-TEE's protocol) is behind it, starts serving
 * and waits for SIGTERM/SIGINT.  The device is opened only once the
 * options are known to be good, and stays open until the process ends: its
 * closing is what tells the kernel the supplicant is gone.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "supp.h"
#include "vtee/tee_dev.h"

/* How long SIGTERM waits for requests being served to be answered. */
#define STOP_TIMEOUT_MS		2000

static int device_check(struct tee_dev *dev, const char *path)
{
	struct tee_ioctl_version_data v = { 0 };
	int rc = tee_dev_ioctl(dev, TEE_IOC_VERSION, &v);

	if (rc < 0) {
		supp_log(SUPP_LOG_ERROR, "%s: TEE_IOC_VERSION failed: %s",
			 path, strerror(-rc));
		return -1;
	}
	if (v.impl_id != TEE_IMPL_ID_OPTEE) {
		supp_log(SUPP_LOG_ERROR, "%s: not an OP-TEE device "
			 "(implementation id %u)", path, v.impl_id);
		return -1;
	}
	return 0;
}

static int device_open(struct supp *s, const struct supp_options *o)
{
	char path[4096];
	int rc = supp_options_device(o, path, sizeof(path));

	if (rc) {
		supp_log(SUPP_LOG_ERROR, "device path too long");
		return -1;
	}
	rc = tee_dev_open(path, &s->dev);
	if (rc) {
		supp_log(SUPP_LOG_ERROR, "cannot open %s: %s", path,
			 strerror(-rc));
		return -1;
	}
	if (device_check(s->dev, path)) {
		tee_dev_close(s->dev);
		return -1;
	}
	supp_log(SUPP_LOG_INFO, "serving %s, TAs from %s", path, o->ta_dirs);
	return 0;
}

/*
 * Stop signals are taken synchronously by the main thread (sigwait), so
 * they are blocked before any other thread exists and every thread
 * inherits that.  SIGPIPE is ignored: a vanished peer is an error return,
 * not a reason to die without a log line.
 */
static void signals_block(sigset_t *stop)
{
	sigemptyset(stop);
	sigaddset(stop, SIGTERM);
	sigaddset(stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, stop, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* The REE FS service: its data dir (made at the first request) and the
 * fault knob, which must be right for a test to mean anything. */
static int fs_setup(struct supp *s, const struct supp_options *o)
{
	const char *knob = getenv("VTEE_SUPP_FS_FAULT");
	char dir[4096];
	int rc = supp_options_data_dir(o, dir, sizeof(dir));

	if (rc) {
		supp_log(SUPP_LOG_ERROR, "data dir path too long");
		return -1;
	}
	rc = supp_fs_init(&s->fs, dir);
	if (rc == -EINVAL)
		supp_log(SUPP_LOG_ERROR, "bad VTEE_SUPP_FS_FAULT '%s' "
			 "(kill:N, torn:N, eio:N or enospc:N)", knob);
	else if (rc)
		supp_log(SUPP_LOG_ERROR, "REE FS: %s", strerror(-rc));
	if (rc)
		return -1;
	if (s->fs.fault.mode != SUPP_FS_FAULT_NONE)
		supp_log(SUPP_LOG_WARN, "fault injection: "
			 "VTEE_SUPP_FS_FAULT=%s", knob);
	supp_log(SUPP_LOG_INFO, "REE FS files in %s", dir);
	return 0;
}

/* The emulated RPMB device, in the data dir.  Without it RPMB is simply
 * not served (NOT_SUPPORTED); a damaged image is served as refusals. */
static void rpmb_setup(struct supp *s, const struct supp_options *o)
{
	char dir[4096];
	int rc = supp_options_data_dir(o, dir, sizeof(dir));

	if (!rc)
		rc = supp_rpmb_open(dir, &s->rpmb);
	if (rc)
		supp_log(SUPP_LOG_ERROR, "RPMB not served: %s", strerror(-rc));
}

static int supp_setup(struct supp *s, const struct supp_options *o)
{
	int rc = supp_ta_dirs_parse(o->ta_dirs, &s->ta_dirs);

	if (rc) {
		supp_log(SUPP_LOG_ERROR, "bad TA directory list '%s'",
			 o->ta_dirs);
		return -1;
	}
	if (fs_setup(s, o)) {
		supp_ta_dirs_free(&s->ta_dirs);
		return -1;
	}
	/* plugins first, as optee_client does: their init may take time */
	rc = supp_plugins_load(&s->plugins, o->plugin_dir);
	if (rc)
		supp_log(SUPP_LOG_ERROR, "plugin dir %s: %s", o->plugin_dir,
			 strerror(-rc));
	if (device_open(s, o)) {
		supp_plugins_unload(&s->plugins);
		supp_fs_fini(&s->fs);
		supp_ta_dirs_free(&s->ta_dirs);
		return -1;
	}
	supp_shm_table_init(&s->shms, supp_shm_release_dev, s->dev);
	rpmb_setup(s, o);
	return 0;
}

int main(int argc, char **argv)
{
	static struct supp s;
	struct supp_options o;
	sigset_t stop;
	int rc = supp_options_parse(argc, argv, &o);
	int sig;

	if (rc != SUPP_ARGS_OK)
		return rc;
	supp_log_set_level(o.log_level);
	signals_block(&stop);
	if (supp_setup(&s, &o))
		return EXIT_FAILURE;
	rc = supp_loop_start(&s, o.max_threads);
	if (rc) {
		supp_log(SUPP_LOG_ERROR, "cannot start: %s", strerror(-rc));
		supp_exit(EXIT_FAILURE);
	}
	while (sigwait(&stop, &sig))
		;
	supp_log(SUPP_LOG_INFO, "%s: stopping", strsignal(sig));
	supp_loop_stop(&s, STOP_TIMEOUT_MS);
	supp_exit(EXIT_SUCCESS);
}
