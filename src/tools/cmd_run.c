// SPDX-License-Identifier: BSD-2-Clause
/*
 * vtee run: runs an unmodified program with the device shim preloaded, so
 * its /dev/teeN and /dev/teeprivN are vtee's nodes.
 */
#include <errno.h>
#include <link.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vtee_cmd.h"

static void usage(FILE *out)
{
	fprintf(out,
"Usage: vtee run [--runtime-dir DIR] [--] PROGRAM [ARG]...\n"
"Runs PROGRAM with libvtee-preload.so in LD_PRELOAD: when it opens\n"
"/dev/teeN or /dev/teeprivN it reaches the vtee node of that name.\n"
"  --runtime-dir DIR  the machine to use (sets VTEE_RUNTIME_DIR)\n"
"  --help             this text\n"
"The shim is looked for in $VTEE_PRELOAD, else beside this program's\n"
"lib directory (../lib/libvtee-preload.so).\n");
}

/* The shim: $VTEE_PRELOAD, or <dir of vtee>/../lib/libvtee-preload.so. */
static int find_shim(char *buf, size_t len)
{
	const char *env = getenv("VTEE_PRELOAD");
	char exe[512];
	ssize_t n;

	if (env && *env)
		return snprintf(buf, len, "%s", env) < (int)len ? 0 : -1;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return -1;
	exe[n] = 0;
	if (snprintf(buf, len, "%s/../lib/libvtee-preload.so", dirname(exe)) >=
	    (int)len)
		return -1;
	return access(buf, R_OK);
}

#ifdef __SANITIZE_ADDRESS__
static int find_asan(struct dl_phdr_info *info, size_t size, void *out)
{
	(void)size;
	if (!strstr(info->dlpi_name, "/libasan.so"))
		return 0;
	*(const char **)out = info->dlpi_name;
	return 1;
}

/*
 * A sanitizer build's shim is instrumented, and AddressSanitizer's runtime
 * must come before it in the preload list: this vtee is instrumented too,
 * so the runtime it has loaded is the one.
 */
static const char *sanitizer_runtime(void)
{
	const char *path = NULL;

	dl_iterate_phdr(find_asan, &path);
	return path;
}
#else
static const char *sanitizer_runtime(void)
{
	return NULL;
}
#endif

/* LD_PRELOAD with the shim first, keeping whatever was there. */
static int set_preload(const char *shim)
{
	const char *old = getenv("LD_PRELOAD"), *rt = sanitizer_runtime();
	char buf[2048];

	if (snprintf(buf, sizeof(buf), "%s%s%s%s%s", rt ? rt : "",
		     rt ? ":" : "", shim, old && *old ? ":" : "",
		     old ? old : "") >= (int)sizeof(buf))
		return -1;
	return setenv("LD_PRELOAD", buf, 1);
}

int vtee_cmd_run(int argc, char **argv)
{
	char shim[600];
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			return VTEE_EXIT_OK;
		}
		if (!strcmp(argv[i], "--runtime-dir") && i + 1 < argc) {
			setenv("VTEE_RUNTIME_DIR", argv[++i], 1);
			continue;
		}
		usage(stderr);
		return VTEE_EXIT_USAGE;
	}
	if (i >= argc) {
		usage(stderr);
		return VTEE_EXIT_USAGE;
	}
	if (find_shim(shim, sizeof(shim))) {
		vtee_err("run", "cannot find libvtee-preload.so "
			 "(set VTEE_PRELOAD)");
		return VTEE_EXIT_FAIL;
	}
	if (set_preload(shim)) {
		vtee_err("run", "LD_PRELOAD would be too long");
		return VTEE_EXIT_FAIL;
	}
	execvp(argv[i], argv + i);
	vtee_err("run", "%s: %s", argv[i], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}
