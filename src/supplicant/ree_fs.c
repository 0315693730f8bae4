// SPDX-License-Identifier: BSD-2-Clause
/*
 * OPTEE_RPC_CMD_FS: the REE file system, in optee_client's layout
 * (optee-client-device-interface.md, "REE FS sub-commands").  The secure
 * world keeps its encrypted, authenticated files here; nothing read back
 * is trusted by it, so this service only has to keep the requests inside
 * the data dir and the fds it opened (ree_fs_path.c, ree_fs_handles.c).
 *
 * The data dir is made (0700) at the first request, as optee_client does;
 * if it cannot be, every request is STORAGE_NOT_AVAILABLE until it can.
 *
 * VTEE_SUPP_FS_FAULT=<mode>:<n> is a test knob (docs/supplicant.md):
 * requests are counted from 1, and at request n the supplicant dies
 * ("kill"), or tears a WRITE in half and dies ("torn"), or from then on
 * fails every WRITE, TRUNCATE and CREATE as with EIO or ENOSPC.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ree_fs_private.h"
#include "vtee/optee_rpc_cmd.h"

static void die_by_sigkill(void)
{
	kill(getpid(), SIGKILL);
}

int supp_fs_fault_parse(const char *spec, struct supp_fs_fault *f)
{
	static const char *const names[] = {
		[SUPP_FS_FAULT_KILL] = "kill:",
		[SUPP_FS_FAULT_TORN] = "torn:",
		[SUPP_FS_FAULT_EIO] = "eio:",
		[SUPP_FS_FAULT_ENOSPC] = "enospc:",
	};
	unsigned long long at;
	char *end;

	*f = (struct supp_fs_fault){ .mode = SUPP_FS_FAULT_NONE };
	if (!spec || !*spec)
		return 0;
	for (size_t m = SUPP_FS_FAULT_KILL; m <= SUPP_FS_FAULT_ENOSPC; m++) {
		size_t len = strlen(names[m]);

		if (strncmp(spec, names[m], len))
			continue;
		/* digits only: strtoull would take " 3", "+3" or "-3" */
		if (spec[len] < '0' || spec[len] > '9')
			return -EINVAL;
		errno = 0;
		at = strtoull(spec + len, &end, 10);
		if (errno || *end || !at)
			return -EINVAL;
		*f = (struct supp_fs_fault){ (enum supp_fs_fault_mode)m, at };
		return 0;
	}
	return -EINVAL;
}

int supp_fs_init(struct supp_fs *fs, const char *data_dir)
{
	int rc;

	memset(fs, 0, sizeof(*fs));
	rc = supp_fs_fault_parse(getenv("VTEE_SUPP_FS_FAULT"), &fs->fault);
	if (rc)
		return rc;
	fs->data_dir = strdup(data_dir);
	if (!fs->data_dir)
		return -ENOMEM;
	pthread_mutex_init(&fs->lock, NULL);
	fs->root = -1;
	fs_handles_init(&fs->files);
	fs_handles_init(&fs->dirs);
	fs->die = die_by_sigkill;
	return 0;
}

void supp_fs_fini(struct supp_fs *fs)
{
	fs_handles_fini(&fs->files);
	fs_handles_fini(&fs->dirs);
	if (fs->root >= 0)
		close(fs->root);
	pthread_mutex_destroy(&fs->lock);
	free(fs->data_dir);
	fs->data_dir = NULL;
}

/* The data dir's fd, made and opened at first use; -1 if it cannot be
 * (or if supp_fs_init() never ran: a zeroed state must not mean fd 0). */
static int fs_root(struct supp_fs *fs)
{
	int root;

	if (!fs->data_dir)
		return -1;
	pthread_mutex_lock(&fs->lock);
	if (fs->root < 0) {
		fs->root = fs_root_open(fs->data_dir);
		if (fs->root < 0)
			supp_log(SUPP_LOG_ERROR, "data dir %s: %s",
				 fs->data_dir, strerror(-fs->root));
	}
	root = fs->root;
	pthread_mutex_unlock(&fs->lock);
	return root;
}

bool fs_params_are(const struct fs_req *r, size_t n, uint64_t attr1,
		   uint64_t attr2)
{
	return r->n == n &&
	       r->p[0].attr == TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT &&
	       (n < 2 || r->p[1].attr == attr1) &&
	       (n < 3 || r->p[2].attr == attr2);
}

uint32_t fs_errno_res(int err)
{
	switch (err) {
	case ENOSPC:
		return SUPP_RES_STORAGE_NO_SPACE;
	case ENOENT:
		return SUPP_RES_ITEM_NOT_FOUND;
	default:
		return SUPP_RES_GENERIC;
	}
}

static bool fault_now(const struct fs_req *r, enum supp_fs_fault_mode mode)
{
	return r->fs->fault.mode == mode && r->seq == r->fs->fault.at;
}

int fs_fault_errno(const struct fs_req *r)
{
	const struct supp_fs_fault *f = &r->fs->fault;

	if (r->seq < f->at)
		return 0;
	if (f->mode == SUPP_FS_FAULT_EIO)
		return EIO;
	return f->mode == SUPP_FS_FAULT_ENOSPC ? ENOSPC : 0;
}

bool fs_fault_torn(const struct fs_req *r)
{
	return fault_now(r, SUPP_FS_FAULT_TORN);
}

void fs_die(const struct fs_req *r)
{
	supp_log(SUPP_LOG_WARN, "VTEE_SUPP_FS_FAULT: dying at FS request %llu",
		 (unsigned long long)r->seq);
	r->fs->die();
}

/* "kill" at its request, and "torn" at a request that is no WRITE. */
static bool fault_kills(const struct fs_req *r)
{
	return fault_now(r, SUPP_FS_FAULT_KILL) ||
	       (fs_fault_torn(r) &&
		(!r->n || r->p[0].a != OPTEE_RPC_FS_WRITE));
}

struct fs_op {
	const char *name;
	uint32_t (*serve)(struct fs_req *r);
};

static const struct fs_op fs_ops[] = {
	[OPTEE_RPC_FS_OPEN] = { "OPEN", fs_open },
	[OPTEE_RPC_FS_CREATE] = { "CREATE", fs_create },
	[OPTEE_RPC_FS_CLOSE] = { "CLOSE", fs_close },
	[OPTEE_RPC_FS_READ] = { "READ", fs_read },
	[OPTEE_RPC_FS_WRITE] = { "WRITE", fs_write },
	[OPTEE_RPC_FS_TRUNCATE] = { "TRUNCATE", fs_truncate },
	[OPTEE_RPC_FS_REMOVE] = { "REMOVE", fs_remove },
	[OPTEE_RPC_FS_RENAME] = { "RENAME", fs_rename },
	[OPTEE_RPC_FS_OPENDIR] = { "OPENDIR", fs_opendir },
	[OPTEE_RPC_FS_CLOSEDIR] = { "CLOSEDIR", fs_closedir },
	[OPTEE_RPC_FS_READDIR] = { "READDIR", fs_readdir },
};

static bool is_value(uint64_t attr)
{
	return attr >= TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT &&
	       attr <= TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT;
}

/*
 * The checks come in optee_client's order: p0 must be a value, then the
 * data dir must exist (STORAGE_NOT_AVAILABLE), then the sub-command must
 * be known and its params right (BAD_PARAMETERS).
 */
uint32_t supp_ree_fs(struct supp *s, struct tee_ioctl_param *p, size_t n)
{
	struct fs_req r = { .s = s, .fs = &s->fs, .p = p, .n = n };
	const struct fs_op *op;
	uint32_t res;

	r.seq = __atomic_add_fetch(&s->fs.requests, 1, __ATOMIC_RELAXED);
	if (fault_kills(&r)) {
		fs_die(&r);
		return SUPP_RES_GENERIC;
	}
	if (!n || !is_value(p[0].attr))
		return SUPP_RES_BAD_PARAMETERS;
	r.root = fs_root(&s->fs);
	if (r.root < 0)
		return SUPP_RES_STORAGE_NOT_AVAILABLE;
	if (p[0].a >= sizeof(fs_ops) / sizeof(fs_ops[0]))
		return SUPP_RES_BAD_PARAMETERS;
	op = &fs_ops[p[0].a];
	res = op->serve(&r);
	supp_log(SUPP_LOG_DEBUG, "FS %s: 0x%08x", op->name, res);
	return res;
}
