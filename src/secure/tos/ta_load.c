// SPDX-License-Identifier: BSD-2-Clause
/*
 * Loading a TA: the supplicant reads <uuid>.ta (LOAD_TA, with its size
 * query), the bytes are copied into secure memory before anything looks at
 * them, the signed header is verified there, and the ELF is sealed into a
 * read-only memfd for the launcher.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rpc.h"
#include "tee_api_defines.h"
#include "tos_private.h"
#include "vtee/log.h"
#include "vtee/optee_rpc_cmd.h"
#include "vtee/ta_image.h"

#define TA_FILE_MAX (sizeof(struct ta_image_hdr) + TA_IMAGE_HASH_SIZE + \
		     TA_IMAGE_SIG_MAX + TA_IMAGE_MAX_ELF_SIZE)

static void load_ta_params(struct optee_msg_param p[2], const uint8_t *uuid,
			   uint64_t buf_pa, uint64_t size, uint64_t cookie)
{
	memset(p, 0, 2 * sizeof(*p));
	p[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	memcpy(&p[0].u.value.a, uuid, 8);
	memcpy(&p[0].u.value.b, uuid + 8, 8);
	p[1].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT;
	p[1].u.tmem = (struct optee_msg_param_tmem){ buf_pa, size, cookie };
}

/* Size query, shared memory from the supplicant, then the bytes. */
static uint32_t fetch_image(struct sw_thread *thr, const uint8_t *uuid,
			    uint8_t **buf, size_t *len)
{
	struct optee_msg_param p[2];
	struct sw_rpc_shm shm;
	uint64_t size;
	uint32_t res;

	load_ta_params(p, uuid, 0, 0, 0);
	res = sw_rpc_cmd(thr, OPTEE_RPC_CMD_LOAD_TA, 2, p);
	if (res != TEE_SUCCESS && res != TEE_ERROR_SHORT_BUFFER)
		return res;
	size = p[1].u.tmem.size;
	if (!size || size > TA_FILE_MAX)
		return TEE_ERROR_SECURITY;
	res = sw_rpc_shm_alloc(thr, OPTEE_RPC_SHM_TYPE_APPL, size, &shm);
	if (res)
		return res;
	load_ta_params(p, uuid, shm.pages[0], size, shm.cookie);
	res = sw_rpc_cmd(thr, OPTEE_RPC_CMD_LOAD_TA, 2, p);
	if (!res && p[1].u.tmem.size != size)
		res = TEE_ERROR_SECURITY;	/* the file changed under us */
	if (!res) {
		*buf = malloc(size);
		res = *buf ? TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
	}
	if (!res) {
		sw_rpc_shm_read(thr, &shm, *buf, size);
		*len = size;
	}
	sw_rpc_shm_free(thr, &shm);
	return res;
}

static uint32_t verify_result(int err)
{
	switch (err) {
	case 0:
		return TEE_SUCCESS;
	case TA_IMAGE_E_ELF:
		return TEE_ERROR_BAD_FORMAT;
	case TA_IMAGE_E_NOMEM:
		return TEE_ERROR_OUT_OF_MEMORY;
	case TA_IMAGE_E_KEY:
	case TA_IMAGE_E_CRYPTO:
		return TEE_ERROR_GENERIC;
	default:
		return TEE_ERROR_SECURITY;
	}
}

static int sealed_memfd(const uint8_t *data, size_t len)
{
	int fd = memfd_create("vtee-ta-image", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	size_t done = 0;

	if (fd < 0)
		return -1;
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)n;
	}
	if (fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK |
				   F_SEAL_GROW | F_SEAL_SEAL)) {
		close(fd);
		return -1;
	}
	return fd;
}

uint32_t ta_load_image(struct tos *tos, struct sw_thread *thr,
		       const uint8_t uuid[16], int *elf_fd)
{
	struct ta_image img;
	uint8_t *buf = NULL;
	size_t len = 0;
	uint32_t res = fetch_image(thr, uuid, &buf, &len);
	char name[37];
	int err;

	ta_image_uuid_to_str(uuid, name);
	if (res) {
		LOG_ERR("TA %s: not loaded: %s", name,
			res == TEE_ERROR_ITEM_NOT_FOUND ? "no such TA" :
			"the supplicant could not deliver it");
		return res;
	}
	err = ta_image_parse(buf, len, &img);
	if (!err)
		err = ta_image_verify(&img, tos->pubkey);
	if (!err)
		err = ta_image_check_uuid(&img, uuid);
	res = verify_result(err);
	if (res) {
		LOG_ERR("TA %s: refused: %s", name, ta_image_strerror(err));
	} else {
		*elf_fd = sealed_memfd(img.elf, img.elf_size);
		if (*elf_fd < 0)
			res = TEE_ERROR_OUT_OF_MEMORY;
	}
	free(buf);
	return res;
}
