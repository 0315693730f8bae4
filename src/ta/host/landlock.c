// SPDX-License-Identifier: BSD-2-Clause
/*
 * Landlock for the loading stage, where it is available: while dlopen()
 * runs the image's ELF constructors, the file system is readable only
 * where shared libraries live.  Seccomp cannot look at paths, so without
 * this a constructor could read any file the vteed user can (another
 * TA's storage, keys) and hand it to its clients later.  The ruleset
 * stays in force afterwards, under the running-stage filter.
 */
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <linux/landlock.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "host.h"

#define READ_TREE (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | \
		   LANDLOCK_ACCESS_FS_READ_DIR)

/* Where the dynamic linker finds libraries a TA may still need */
static const char *const library_dirs[] = {
	"/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib",
};

/* Every right of Landlock ABI 1, and REFER from ABI 2 on: all of them
 * denied unless a rule allows them. */
static __u64 handled_rights(long abi)
{
	__u64 rights = (LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1;

	if (abi >= 2)
		rights |= LANDLOCK_ACCESS_FS_REFER;
	return rights;
}

/* A missing path or a failed rule only makes the sandbox stricter. */
static void allow(int ruleset, const char *path, __u64 access)
{
	struct landlock_path_beneath_attr rule = { .allowed_access = access };

	rule.parent_fd = open(path, O_PATH | O_CLOEXEC);
	if (rule.parent_fd < 0)
		return;
	syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH,
		&rule, 0);
	close(rule.parent_fd);
}

/* The directories of the libraries this process already loaded (a
 * build tree's lib/, for instance) */
static int allow_loaded_dir(struct dl_phdr_info *info, size_t size,
			    void *ruleset)
{
	const char *slash = strrchr(info->dlpi_name, '/');
	char dir[PATH_MAX];
	size_t len;

	(void)size;
	if (info->dlpi_name[0] != '/' || !slash)
		return 0;
	len = (size_t)(slash - info->dlpi_name);
	if (!len || len >= sizeof(dir))
		return 0;
	memcpy(dir, info->dlpi_name, len);
	dir[len] = '\0';
	allow(*(int *)ruleset, dir, READ_TREE);
	return 0;
}

int ta_landlock_loading(void)
{
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
			   LANDLOCK_CREATE_RULESET_VERSION);
	struct landlock_ruleset_attr attr;
	int ruleset, rc;

	if (abi < 1)
		return 0;	/* not in this kernel: seccomp alone */
	attr.handled_access_fs = handled_rights(abi);
	ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr,
			       sizeof(attr), 0);
	if (ruleset < 0)
		return -1;
	for (size_t i = 0; i < sizeof(library_dirs) / sizeof(library_dirs[0]);
	     i++)
		allow(ruleset, library_dirs[i], READ_TREE);
	dl_iterate_phdr(allow_loaded_dir, &ruleset);
	allow(ruleset, "/etc/ld.so.cache", LANDLOCK_ACCESS_FS_READ_FILE);
	rc = (int)syscall(SYS_landlock_restrict_self, ruleset, 0);
	close(ruleset);
	return rc ? -1 : 0;
}
