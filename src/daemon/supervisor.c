// SPDX-License-Identifier: BSD-2-Clause
/*
 * Keeps the default machine's vtee-supplicant running: started after the
 * nodes exist, restarted when it dies (the REE kernel has already failed
 * its pending requests), with a brake if it keeps dying.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "daemon.h"
#include "vtee/log.h"
#include "vtee/paths.h"

#define RESTART_BURST 5		/* deaths within RESTART_WINDOW s... */
#define RESTART_WINDOW 10	/* ...stop the restarts */

struct vteed_supervisor {
	const struct vteed_options *opts;
	pthread_t thread;
	pthread_mutex_t lock;
	pid_t pid;
	bool stopping;
};

/* The REE file system's files live in <state dir>/tee, next to the rest
 * of the machine's persistent state. */
static pid_t start_supplicant(const struct vteed_options *o)
{
	const char *level = vtee_log_level_name(o->log_level);
	char exe[600], data_dir[600];
	const char *argv[] = {
		"vtee-supplicant", "--runtime-dir", o->runtime_dir,
		"--ta-dir", o->ta_dir, "--log-level", level,
		"--data-dir", data_dir,
		o->plugin_dir[0] ? "--plugin-dir" : NULL, o->plugin_dir, NULL,
	};
	pid_t pid;

	if (vtee_path_join(exe, sizeof(exe), o->bin_dir, "vtee-supplicant") ||
	    vtee_path_join(data_dir, sizeof(data_dir), o->state_dir, "tee"))
		return -1;
	pid = fork();
	if (pid)
		return pid;
	execv(exe, (char *const *)argv);
	_exit(127);
}

static void *supervise(void *arg)
{
	struct vteed_supervisor *sup = arg;
	time_t deaths[RESTART_BURST] = { 0 };
	unsigned int n = 0;

	for (;;) {
		int status;
		pid_t pid = sup->pid;

		if (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			continue;
		pthread_mutex_lock(&sup->lock);
		if (sup->stopping) {
			pthread_mutex_unlock(&sup->lock);
			return NULL;
		}
		LOG_WARN("vtee-supplicant (pid %d) exited (status 0x%x)", pid,
			 status);
		deaths[n++ % RESTART_BURST] = time(NULL);
		if (n >= RESTART_BURST &&
		    time(NULL) - deaths[n % RESTART_BURST] < RESTART_WINDOW) {
			LOG_ERR("vtee-supplicant keeps dying: not restarted; "
				"TAs cannot be loaded until one connects");
			sup->pid = 0;
			pthread_mutex_unlock(&sup->lock);
			return NULL;
		}
		/* a short pause: the old context must be released first */
		usleep(50 * 1000);
		sup->pid = start_supplicant(sup->opts);
		pthread_mutex_unlock(&sup->lock);
		if (sup->pid < 0)
			return NULL;
		LOG_INFO("vtee-supplicant restarted, pid %d", sup->pid);
	}
}

struct vteed_supervisor *vteed_supervise_supplicant(
	const struct vteed_options *opts)
{
	struct vteed_supervisor *sup = calloc(1, sizeof(*sup));

	if (!sup)
		return NULL;
	sup->opts = opts;
	pthread_mutex_init(&sup->lock, NULL);
	sup->pid = start_supplicant(opts);
	if (sup->pid < 0 ||
	    pthread_create(&sup->thread, NULL, supervise, sup)) {
		free(sup);
		return NULL;
	}
	LOG_INFO("vtee-supplicant started, pid %d", sup->pid);
	return sup;
}

pid_t vteed_supplicant_pid(struct vteed_supervisor *sup)
{
	pid_t pid;

	pthread_mutex_lock(&sup->lock);
	pid = sup->pid;
	pthread_mutex_unlock(&sup->lock);
	return pid;
}

void vteed_supervisor_stop(struct vteed_supervisor *sup)
{
	if (!sup)
		return;
	pthread_mutex_lock(&sup->lock);
	sup->stopping = true;
	if (sup->pid > 0)
		kill(sup->pid, SIGTERM);
	pthread_mutex_unlock(&sup->lock);
	pthread_join(sup->thread, NULL);
	pthread_mutex_destroy(&sup->lock);
	free(sup);
}
