// SPDX-License-Identifier: BSD-2-Clause
#include "vtee/paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* snprintf's result, checked: the whole path or an error. */
static int put(size_t len, int n)
{
	return (n < 0 || (size_t)n >= len) ? -ENAMETOOLONG : 0;
}

int vtee_path_join(char *buf, size_t len, const char *dir, const char *name)
{
	return put(len, snprintf(buf, len, "%s/%s", dir, name));
}

int vtee_default_runtime_dir(char *buf, size_t len)
{
	const char *dir = getenv("VTEE_RUNTIME_DIR");

	if (dir && *dir)
		return put(len, snprintf(buf, len, "%s", dir));
	dir = getenv("XDG_RUNTIME_DIR");
	if (dir && *dir)
		return vtee_path_join(buf, len, dir, "vtee");
	return put(len, snprintf(buf, len, "/run/vtee"));
}

int vtee_default_state_dir(char *buf, size_t len)
{
	const char *dir = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (dir && *dir)
		return vtee_path_join(buf, len, dir, "vtee");
	/* root keeps system state where a distribution's daemon would */
	if (geteuid() != 0 && home && *home)
		return put(len,
			   snprintf(buf, len, "%s/.local/state/vtee", home));
	return put(len, snprintf(buf, len, "/var/lib/vtee"));
}
