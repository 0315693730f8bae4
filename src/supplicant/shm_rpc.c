// SPDX-License-Identifier: BSD-2-Clause
/*
 * OPTEE_RPC_CMD_SHM_ALLOC / SHM_FREE of type APPL: shared memory the
 * secure world wants to come from user space (TA images, file data).  It
 * is allocated in the supplicant's own context, so that later memrefs to
 * it can be resolved by id against this process's table.
 *
 * The shm's fd stays open until SHM_FREE: on a vtee node it is what keeps
 * the id alive, and tee_dev_shm_release() then says it is gone.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "supp.h"
#include "vtee/optee_rpc_cmd.h"
#include "vtee/tee_dev.h"

void supp_shm_release_dev(struct supp_shm *shm, void *dev)
{
	munmap(shm->addr, shm->size);
	close(shm->fd);
	tee_dev_shm_release(dev, shm->id);
	supp_log(SUPP_LOG_DEBUG, "shm %d freed", shm->id);
}

/* Allocates `size` octets on the device and maps them.  0 or -errno. */
static int shm_dev_alloc(struct supp *s, uint64_t size, int32_t *id)
{
	struct tee_ioctl_shm_alloc_data data = { .size = size };
	void *addr;
	int fd, rc;

	fd = tee_dev_ioctl(s->dev, TEE_IOC_SHM_ALLOC, &data);
	if (fd < 0)
		return fd;
	addr = mmap(NULL, (size_t)data.size, PROT_READ | PROT_WRITE,
		    MAP_SHARED, fd, 0);
	if (addr == MAP_FAILED) {
		rc = -errno;
		close(fd);
		tee_dev_shm_release(s->dev, data.id);
		return rc;
	}
	rc = supp_shm_add(&s->shms, data.id, fd, addr, (size_t)data.size);
	if (rc) {
		munmap(addr, (size_t)data.size);
		close(fd);
		tee_dev_shm_release(s->dev, data.id);
		return rc;
	}
	*id = data.id;
	return 0;
}

/* p0 VALUE_INOUT: a = type (APPL only), b = size; out c = shm id. */
uint32_t supp_shm_alloc(struct supp *s, struct tee_ioctl_param *p, size_t n)
{
	int32_t id = -1;
	int rc;

	if (n != 1 || p[0].attr != TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT ||
	    p[0].a != OPTEE_RPC_SHM_TYPE_APPL || !p[0].b)
		return SUPP_RES_BAD_PARAMETERS;
	rc = shm_dev_alloc(s, p[0].b, &id);
	if (rc) {
		supp_log(SUPP_LOG_WARN, "SHM_ALLOC of %llu octets failed: %s",
			 (unsigned long long)p[0].b, strerror(-rc));
		return rc == -ENOMEM ? SUPP_RES_OUT_OF_MEMORY
				     : SUPP_RES_GENERIC;
	}
	supp_log(SUPP_LOG_DEBUG, "shm %d: %llu octets", id,
		 (unsigned long long)p[0].b);
	p[0].c = (uint64_t)id;
	return SUPP_RES_SUCCESS;
}

/* p0 VALUE_INPUT: a = type (APPL only), b = the id SHM_ALLOC returned. */
uint32_t supp_shm_free(struct supp *s, struct tee_ioctl_param *p, size_t n)
{
	if (n != 1 || p[0].attr != TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT ||
	    p[0].a != OPTEE_RPC_SHM_TYPE_APPL)
		return SUPP_RES_BAD_PARAMETERS;
	if (supp_shm_remove(&s->shms, p[0].b)) {
		supp_log(SUPP_LOG_WARN, "SHM_FREE of unknown shm %llu",
			 (unsigned long long)p[0].b);
		return SUPP_RES_BAD_PARAMETERS;
	}
	return SUPP_RES_SUCCESS;
}
