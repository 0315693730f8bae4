// SPDX-License-Identifier: BSD-2-Clause
/* Translating the core's params to optee_msg params and back. */
#include <errno.h>

#include "optee_private.h"

static int memref_to_msg(struct optee_msg_param *mp, const struct tee_param *p)
{
	uint32_t dir = (uint32_t)(p->attr - TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT);
	struct tee_shm *shm = p->u.memref.shm;

	if (!shm) {
		/* a NULL memref: TMEM at address 0 */
		mp->attr = OPTEE_MSG_ATTR_TYPE_TMEM_INPUT + dir;
		mp->u.tmem = (struct optee_msg_param_tmem){ 0, p->u.memref.size,
							    0 };
		return 0;
	}
	if (shm->flags & TEE_SHM_DYNAMIC) {
		mp->attr = OPTEE_MSG_ATTR_TYPE_RMEM_INPUT + dir;
		mp->u.rmem = (struct optee_msg_param_rmem){
			p->u.memref.shm_offs, p->u.memref.size,
			shm->sec_world_id };
		return 0;
	}
	mp->attr = OPTEE_MSG_ATTR_TYPE_TMEM_INPUT + dir;
	mp->u.tmem = (struct optee_msg_param_tmem){
		shm->paddr + p->u.memref.shm_offs, p->u.memref.size,
		shm->sec_world_id };
	return 0;
}

int optee_to_msg_param(struct optee_msg_param *mp,
		       const struct tee_param *params, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct tee_param *p = &params[i];

		/* the exact attr: META, UBUF and OBJREF are refused here */
		switch (p->attr) {
		case TEE_IOCTL_PARAM_ATTR_TYPE_NONE:
			mp[i].attr = OPTEE_MSG_ATTR_TYPE_NONE;
			break;
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT:
			mp[i].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT +
				     (p->attr -
				      TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT);
			mp[i].u.value = (struct optee_msg_param_value){
				p->u.value.a, p->u.value.b, p->u.value.c };
			break;
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
			memref_to_msg(&mp[i], p);
			break;
		default:
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * Outputs come back by the types the caller sent, not by whatever attr
 * the secure world wrote: values for value outputs, sizes for memref
 * outputs.
 */
void optee_from_msg_param(struct tee_param *params, size_t n,
			  const struct optee_msg_param *mp)
{
	for (size_t i = 0; i < n; i++) {
		struct tee_param *p = &params[i];

		switch (p->attr) {
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT:
			p->u.value = (struct tee_param_value){
				mp[i].u.value.a, mp[i].u.value.b,
				mp[i].u.value.c };
			break;
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
			p->u.memref.size = mp[i].u.tmem.size;
			break;
		default:
			break;
		}
	}
}
