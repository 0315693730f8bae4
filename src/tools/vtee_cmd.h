/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The vtee command line: one subcommand per file, each a function that
 * gets argv from its own name on (argv[0] = "sign", ...) and returns the
 * process exit status.  Adding a subcommand = one file + one table row in
 * vtee.c.
 */
#ifndef VTEE_TOOLS_VTEE_CMD_H
#define VTEE_TOOLS_VTEE_CMD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Exit statuses shared by every subcommand. */
#define VTEE_EXIT_OK	0	/* done; for verify: the image is valid */
#define VTEE_EXIT_FAIL	1	/* the operation failed or was refused */
#define VTEE_EXIT_USAGE	2	/* bad command line */
/* What a subcommand's argument parser returns when the command should go
 * on (any exit status above means: stop now with it). */
#define VTEE_ARGS_OK	(-1)

struct vtee_cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;	/* one line for `vtee --help` */
};

int vtee_cmd_keygen(int argc, char **argv);
int vtee_cmd_sign(int argc, char **argv);
int vtee_cmd_verify(int argc, char **argv);
int vtee_cmd_status(int argc, char **argv);
int vtee_cmd_run(int argc, char **argv);

/* "vtee NAME: message" on stderr. */
void vtee_err(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Reads a whole regular file into a malloc()ed buffer.  0 or -errno. */
int vtee_file_read(const char *path, uint8_t **buf, size_t *len);

/* Replaces `path` atomically (temporary file + rename) by `len` octets
 * with permissions `mode`, so a reader never sees half a file.
 * 0 or -errno. */
int vtee_file_write(const char *path, const void *buf, size_t len,
		    mode_t mode);

/* vteed's status report (lines of "KIND [NAME] KEY VALUE... [FLAG...]")
 * as one JSON object on `out`.  0 or -ENOMEM. */
int vtee_status_json(const char *report, FILE *out);

#endif /* VTEE_TOOLS_VTEE_CMD_H */
