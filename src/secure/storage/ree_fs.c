// SPDX-License-Identifier: BSD-2-Clause
/*
 * The secure world's side of the supplicant's REE FS service
 * (OPTEE_RPC_CMD_FS, optee-client-device-interface.md "REE FS
 * sub-commands").  Names and data cross in APPL shared memory that the
 * supplicant allocates (SHM_ALLOC), as OP-TEE sends them: a supplicant
 * resolves memrefs only against memory it allocated itself.  The layout is
 * optee_client's, so its tee-supplicant serves these requests too.
 *
 * The secure world's RPC params are the supplicant's params: the REE
 * kernel puts its META param in front of them, and p0 here is p0 in the
 * reference.  Each answer is read once (sw_rpc_cmd copies it) and checked;
 * an impossible one is TEE_ERROR_COMMUNICATION.  Error results are passed
 * on unchanged, as OP-TEE does.
 */
#include "ree_fs.h"

#include <string.h>

#include "rpc.h"
#include "tee_api_defines.h"
#include "vtee/optee_rpc_cmd.h"

/* Bytes per READ or WRITE request: bounds the shm one call holds. */
#define REE_FS_IO_MAX ((size_t)1 << 20)

static void value_in(struct optee_msg_param *p, uint64_t cmd, uint64_t b,
		     uint64_t c)
{
	p->attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	p->u.value = (struct optee_msg_param_value){ cmd, b, c };
}

/* A memref of size bytes at offset off of shm.  off stays inside the first
 * page, which is where the names go. */
static void memref(struct optee_msg_param *p, uint64_t attr,
		   const struct sw_rpc_shm *shm, uint64_t off, uint64_t size)
{
	p->attr = attr;
	p->u.tmem = (struct optee_msg_param_tmem){ shm->pages[0] + off, size,
						   shm->cookie };
}

/* The length of name with its NUL, or 0 if it is too long. */
static size_t name_size(const char *name)
{
	size_t len = strnlen(name, REE_FS_NAME_MAX);

	return len < REE_FS_NAME_MAX ? len + 1 : 0;
}

/* A number the supplicant handed out, which this API keeps in 32 bits. */
static uint32_t u32_answer(uint64_t v, uint32_t *out)
{
	if (v > UINT32_MAX)
		return TEE_ERROR_COMMUNICATION;
	*out = (uint32_t)v;
	return TEE_SUCCESS;
}

/*
 * One FS request.  Its memref lies in the thread's kept payload buffer:
 * an answer that may mean the supplicant does not know that buffer
 * (it restarted) drops it, so the next request gets a new one.
 */
static uint32_t fs_rpc(struct sw_thread *thr, size_t n,
		       struct optee_msg_param *p)
{
	uint32_t res = sw_rpc_cmd(thr, OPTEE_RPC_CMD_FS, n, p);

	if (res == TEE_ERROR_BAD_PARAMETERS || res == TEE_ERROR_COMMUNICATION)
		sw_rpc_payload_drop(thr);
	return res;
}

/* Sends sub-command cmd with name in p1; p holds n params, the ones
 * after p1 set up by the caller. */
static uint32_t name_cmd(struct sw_thread *thr, uint32_t cmd,
			 const char *name, struct optee_msg_param *p, size_t n)
{
	size_t size = name_size(name);
	const struct sw_rpc_shm *shm;
	uint32_t res;

	if (!size)
		return TEE_ERROR_BAD_PARAMETERS;
	res = sw_rpc_payload(thr, size, &shm);
	if (res)
		return res;
	sw_rpc_shm_write(thr, shm, name, size);
	value_in(&p[0], cmd, 0, 0);
	memref(&p[1], OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, shm, 0, size);
	return fs_rpc(thr, n, p);
}

/* OPEN and CREATE: p2 VALUE_OUTPUT a = fd. */
static uint32_t open_cmd(struct sw_thread *thr, uint32_t cmd,
			 const char *name, uint32_t *fd)
{
	struct optee_msg_param p[3] = {
		[2] = { .attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT },
	};
	uint32_t res = name_cmd(thr, cmd, name, p, 3);

	return res ? res : u32_answer(p[2].u.value.a, fd);
}

uint32_t ree_fs_open(struct sw_thread *thr, const char *name, uint32_t *fd)
{
	return open_cmd(thr, OPTEE_RPC_FS_OPEN, name, fd);
}

uint32_t ree_fs_create(struct sw_thread *thr, const char *name, uint32_t *fd)
{
	return open_cmd(thr, OPTEE_RPC_FS_CREATE, name, fd);
}

/* CLOSE, TRUNCATE, CLOSEDIR: p0 alone. */
static uint32_t value_cmd(struct sw_thread *thr, uint32_t cmd, uint64_t b,
			  uint64_t c)
{
	struct optee_msg_param p;

	value_in(&p, cmd, b, c);
	return sw_rpc_cmd(thr, OPTEE_RPC_CMD_FS, 1, &p);
}

uint32_t ree_fs_close(struct sw_thread *thr, uint32_t fd)
{
	return value_cmd(thr, OPTEE_RPC_FS_CLOSE, fd, 0);
}

uint32_t ree_fs_truncate(struct sw_thread *thr, uint32_t fd, uint64_t len)
{
	return value_cmd(thr, OPTEE_RPC_FS_TRUNCATE, fd, len);
}

uint32_t ree_fs_closedir(struct sw_thread *thr, uint32_t dir)
{
	return value_cmd(thr, OPTEE_RPC_FS_CLOSEDIR, dir, 0);
}

/* One READ of want bytes into shm; *got = what came, never more. */
static uint32_t read_once(struct sw_thread *thr, uint32_t fd, uint64_t off,
			  const struct sw_rpc_shm *shm, size_t want,
			  size_t *got)
{
	struct optee_msg_param p[2];
	uint32_t res;

	value_in(&p[0], OPTEE_RPC_FS_READ, fd, off);
	memref(&p[1], OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, shm, 0, want);
	res = fs_rpc(thr, 2, p);
	if (res)
		return res;
	if (p[1].u.tmem.size > want)
		return TEE_ERROR_COMMUNICATION;
	*got = (size_t)p[1].u.tmem.size;
	return TEE_SUCCESS;
}

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* The shm of a call on len (> 0) bytes from off, chunk bytes at a time;
 * BAD_PARAMETERS if the range passes the largest offset. */
static uint32_t io_payload(struct sw_thread *thr, uint64_t off, size_t len,
			   size_t chunk, const struct sw_rpc_shm **shm)
{
	if (off > UINT64_MAX - len)
		return TEE_ERROR_BAD_PARAMETERS;
	return sw_rpc_payload(thr, chunk, shm);
}

/* One shm for the whole call, REE_FS_IO_MAX bytes per READ. */
uint32_t ree_fs_read(struct sw_thread *thr, uint32_t fd, uint64_t off,
		     void *buf, size_t len, size_t *got)
{
	size_t chunk = min_size(len, REE_FS_IO_MAX), want = 0, n = 0;
	const struct sw_rpc_shm *shm;
	uint32_t res;

	*got = 0;
	if (!len)
		return TEE_SUCCESS;
	res = io_payload(thr, off, len, chunk, &shm);
	if (res)
		return res;
	for (size_t done = 0; done < len && n == want; done += n) {
		want = min_size(len - done, chunk);
		res = read_once(thr, fd, off + done, shm, want, &n);
		if (res)
			break;
		sw_rpc_shm_read(thr, shm, (uint8_t *)buf + done, n);
		*got = done + n;	/* n < want: the end of the file */
	}
	if (res)
		*got = 0;
	return res;
}

uint32_t ree_fs_write(struct sw_thread *thr, uint32_t fd, uint64_t off,
		      const void *buf, size_t len)
{
	size_t chunk = min_size(len, REE_FS_IO_MAX), n;
	struct optee_msg_param p[2];
	const struct sw_rpc_shm *shm;
	uint32_t res;

	if (!len)
		return TEE_SUCCESS;
	res = io_payload(thr, off, len, chunk, &shm);
	if (res)
		return res;
	for (size_t done = 0; !res && done < len; done += n) {
		n = min_size(len - done, chunk);
		sw_rpc_shm_write(thr, shm, (const uint8_t *)buf + done, n);
		value_in(&p[0], OPTEE_RPC_FS_WRITE, fd, off + done);
		memref(&p[1], OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, shm, 0, n);
		res = fs_rpc(thr, 2, p);
	}
	return res;
}

uint32_t ree_fs_remove(struct sw_thread *thr, const char *name)
{
	struct optee_msg_param p[2];

	return name_cmd(thr, OPTEE_RPC_FS_REMOVE, name, p, 2);
}

/* Both names in one shm: old at 0, new right after it. */
uint32_t ree_fs_rename(struct sw_thread *thr, const char *old_name,
		       const char *new_name, bool overwrite)
{
	size_t old_size = name_size(old_name), new_size = name_size(new_name);
	char both[2 * REE_FS_NAME_MAX];	/* within the shm's first page */
	struct optee_msg_param p[3];
	const struct sw_rpc_shm *shm;
	uint32_t res;

	if (!old_size || !new_size)
		return TEE_ERROR_BAD_PARAMETERS;
	res = sw_rpc_payload(thr, old_size + new_size, &shm);
	if (res)
		return res;
	memcpy(both, old_name, old_size);
	memcpy(both + old_size, new_name, new_size);
	sw_rpc_shm_write(thr, shm, both, old_size + new_size);
	value_in(&p[0], OPTEE_RPC_FS_RENAME, overwrite, 0);
	memref(&p[1], OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, shm, 0, old_size);
	memref(&p[2], OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, shm, old_size,
	       new_size);
	return fs_rpc(thr, 3, p);
}

uint32_t ree_fs_opendir(struct sw_thread *thr, const char *name,
			uint32_t *dir)
{
	struct optee_msg_param p[3] = {
		[2] = { .attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT },
	};
	uint32_t res = name_cmd(thr, OPTEE_RPC_FS_OPENDIR, name, p, 3);

	return res ? res : u32_answer(p[2].u.value.a, dir);
}

/*
 * The name must end with its only NUL at the returned size, which must
 * fit len; a SHORT_BUFFER answer must name a size that does not.
 */
static uint32_t readdir_answer(struct sw_thread *thr,
			       const struct sw_rpc_shm *shm, uint32_t res,
			       uint64_t size, char *name, size_t len)
{
	if (res == TEE_ERROR_SHORT_BUFFER)
		return size > len ? res : TEE_ERROR_COMMUNICATION;
	if (res)
		return res;
	if (!size || size > len)
		return TEE_ERROR_COMMUNICATION;
	sw_rpc_shm_read(thr, shm, name, size);
	if (memchr(name, '\0', size) != name + size - 1) {
		name[0] = '\0';
		return TEE_ERROR_COMMUNICATION;
	}
	return TEE_SUCCESS;
}

uint32_t ree_fs_readdir(struct sw_thread *thr, uint32_t dir, char *name,
			size_t len)
{
	struct optee_msg_param p[2];
	const struct sw_rpc_shm *shm;
	uint32_t res;

	if (!len)
		return TEE_ERROR_BAD_PARAMETERS;
	len = min_size(len, REE_FS_IO_MAX);
	res = sw_rpc_payload(thr, len, &shm);
	if (res)
		return res;
	value_in(&p[0], OPTEE_RPC_FS_READDIR, dir, 0);
	memref(&p[1], OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, shm, 0, len);
	res = fs_rpc(thr, 2, p);
	return readdir_answer(thr, shm, res, p[1].u.tmem.size, name, len);
}
