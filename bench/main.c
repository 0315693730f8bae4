// SPDX-License-Identifier: BSD-2-Clause
/*
 * vtee-bench: measures the machine's IPC floors and vtee's calls, and
 * prints them with peers' published figures as one JSON object.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define DEFAULT_ITERATIONS 20000
#define MAX_ITERATIONS 10000000u

struct main_args {
	struct bench_opts opts;
	const char *json_out;
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: vtee-bench [--iterations N] [--json-out FILE]\n\n"
		"Measures round trips between two processes on this machine "
		"(the floors) and\ncalls to the vteed of $VTEE_RUNTIME_DIR "
		"through libteec, and prints one JSON\nobject: {\"floors\": "
		"{...}, \"vtee\": {...}, \"targets\": {...}}.  Latencies are "
		"in\nmicroseconds (p50, p99, mean, min, max); targets are "
		"peers' published figures.\nProgress goes to stderr.  "
		"null_invoke_shim runs the null invoke again through\n"
		"libvtee-preload.so, with the libteec.so.2 of "
		"$VTEE_BENCH_LIBTEEC_DIR if set (a stock\noptee_client "
		"build), else vtee's own in its raw-device mode.  The "
		"storage_* cases\nrun GP trusted storage in a TA next to "
		"the same bytes written with write+fsync\n(read with pread) "
		"to plain files in a temporary directory in vteed's state\n"
		"dir; over_floor is the ratio of their times.  The crypto_* "
		"cases run GP\ncryptographic operations in a TA next to the "
		"same operations done by\nlibcrypto in this process (lib_*); "
		"vtee_over_lib is the ratio of their\nthroughputs.\n\n"
		"  -n, --iterations N    timed round trips per latency "
		"(default %d)\n"
		"  -o, --json-out FILE   also write the JSON object to FILE\n"
		"  -s, --state-dir DIR   vteed's state dir, for the storage "
		"floors' files\n"
		"                        (default: vteed's default)\n"
		"  -c, --only TEXT       run only the cases whose name has "
		"TEXT in it\n"
		"                        (e.g. crypto_; the checks of the "
		"others are null)\n"
		"  -h, --help            show this help\n\n"
		"Exit status: 0 success, 1 a measurement failed, 2 bad command "
		"line.\n", DEFAULT_ITERATIONS);
}

static int iterations_parse(const char *s, unsigned int *n)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || !*s || *s == '-' || v < 1 || v > MAX_ITERATIONS)
		return -1;
	*n = (unsigned int)v;
	return 0;
}

/* 0 to go on, else the exit status. */
static int args_parse(int argc, char **argv, struct main_args *a)
{
	static const struct option opts[] = {
		{ "iterations", required_argument, NULL, 'n' },
		{ "json-out", required_argument, NULL, 'o' },
		{ "state-dir", required_argument, NULL, 's' },
		{ "only", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	int c;

	a->opts.iterations = DEFAULT_ITERATIONS;
	while ((c = getopt_long(argc, argv, "n:o:s:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (iterations_parse(optarg, &a->opts.iterations)) {
				fprintf(stderr, "vtee-bench: bad --iterations "
					"'%s' (1..%u)\n", optarg,
					MAX_ITERATIONS);
				return 2;
			}
			break;
		case 'o': a->json_out = optarg; break;
		case 's': a->opts.state_dir = optarg; break;
		case 'c': a->opts.only = optarg; break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "vtee-bench: unexpected argument '%s'\n",
			argv[optind]);
		return 2;
	}
	return 0;
}

static int file_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	int ok;

	if (!f) {
		fprintf(stderr, "vtee-bench: %s: %s\n", path, strerror(errno));
		return -1;
	}
	ok = fputs(text, f) >= 0;
	if (fclose(f) || !ok) {
		fprintf(stderr, "vtee-bench: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct main_args a = { 0 };
	char *json = NULL;
	size_t len = 0;
	FILE *mem;
	int rc;

	bench_shim_child_main(argc, argv);
	rc = args_parse(argc, argv, &a);
	if (rc)
		return rc;
	/* measure everything first: a half-written object is no use */
	mem = open_memstream(&json, &len);
	if (!mem) {
		perror("vtee-bench");
		return 1;
	}
	rc = bench_report(&a.opts, mem) ? 1 : 0;
	if (fclose(mem)) {
		perror("vtee-bench");
		free(json);
		return 1;
	}
	fputs(json, stdout);
	if (a.json_out && file_write(a.json_out, json))
		rc = 1;
	free(json);
	return rc;
}
