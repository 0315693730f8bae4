/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The TEE user-space ABI, byte for byte as Linux's include/uapi/linux/tee.h
 * lays it out (Linux 6.18+: TEE_MAX_ARG_SIZE 4096, UBUF/OBJREF params,
 * SHM_REGISTER_FD and OBJECT_INVOKE).  This header is the contract between
 * every process and vtee's REE kernel: libteec, the supplicant and the
 * LD_PRELOAD shim speak exactly these structures, whether they reach a vtee
 * node or a real /dev/teeN.
 *
 * Written for vtee from the published layouts; the static assertions at the
 * end pin every size and offset.
 */
#ifndef VTEE_UAPI_TEE_H
#define VTEE_UAPI_TEE_H

#include <stdint.h>
#include <sys/ioctl.h>

#define TEE_IOC_MAGIC	0xa4
#define TEE_IOC_BASE	0

/* Upper bound on buf_len of every variable-length ioctl. */
#define TEE_MAX_ARG_SIZE	4096

/* gen_caps bits of struct tee_ioctl_version_data */
#define TEE_GEN_CAP_GP		(1u << 0)	/* GlobalPlatform compliant */
#define TEE_GEN_CAP_PRIVILEGED	(1u << 1)	/* a teepriv (supplicant) device */
#define TEE_GEN_CAP_REG_MEM	(1u << 2)	/* TEE_IOC_SHM_REGISTER works */
#define TEE_GEN_CAP_MEMREF_NULL	(1u << 3)	/* memref with c == TEE_MEMREF_NULL */
#define TEE_GEN_CAP_OBJREF	(1u << 4)	/* OBJREF params, OBJECT_INVOKE */

#define TEE_MEMREF_NULL		((uint64_t)-1)
#define TEE_OBJREF_NULL		((uint64_t)-1)

#define TEE_IMPL_ID_OPTEE	1
#define TEE_IMPL_ID_AMDTEE	2
#define TEE_IMPL_ID_TSTEE	3
#define TEE_IMPL_ID_QTEE	4

#define TEE_OPTEE_CAP_TZ	(1u << 0)

#define TEE_IOCTL_UUID_LEN	16

struct tee_ioctl_version_data {
	uint32_t impl_id;
	uint32_t impl_caps;
	uint32_t gen_caps;
};
#define TEE_IOC_VERSION _IOR(TEE_IOC_MAGIC, TEE_IOC_BASE + 0, \
			     struct tee_ioctl_version_data)

struct tee_ioctl_shm_alloc_data {
	uint64_t size;		/* in: wanted, out: page-rounded */
	uint32_t flags;		/* must be 0 */
	int32_t id;		/* out */
};
#define TEE_IOC_SHM_ALLOC _IOWR(TEE_IOC_MAGIC, TEE_IOC_BASE + 1, \
				struct tee_ioctl_shm_alloc_data)

/* Points at the variable-length argument of the ioctls below. */
struct tee_ioctl_buf_data {
	uint64_t buf_ptr;
	uint64_t buf_len;
};

/* attr values of struct tee_ioctl_param (attr & TEE_IOCTL_PARAM_ATTR_TYPE_MASK) */
#define TEE_IOCTL_PARAM_ATTR_TYPE_NONE		0
#define TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT	1
#define TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT	2
#define TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT	3
#define TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT	5
#define TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT	6
#define TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT	7
#define TEE_IOCTL_PARAM_ATTR_TYPE_UBUF_INPUT	8
#define TEE_IOCTL_PARAM_ATTR_TYPE_UBUF_OUTPUT	9
#define TEE_IOCTL_PARAM_ATTR_TYPE_UBUF_INOUT	10
#define TEE_IOCTL_PARAM_ATTR_TYPE_OBJREF_INPUT	11
#define TEE_IOCTL_PARAM_ATTR_TYPE_OBJREF_OUTPUT	12
#define TEE_IOCTL_PARAM_ATTR_TYPE_OBJREF_INOUT	13
#define TEE_IOCTL_PARAM_ATTR_TYPE_MASK		0xff
/* A meta parameter: the supplicant's request id, never the TA's data. */
#define TEE_IOCTL_PARAM_ATTR_META		0x100
#define TEE_IOCTL_PARAM_ATTR_MASK \
	(TEE_IOCTL_PARAM_ATTR_TYPE_MASK | TEE_IOCTL_PARAM_ATTR_META)

/* Login methods (equal to TEEC_LOGIN_*). */
#define TEE_IOCTL_LOGIN_PUBLIC			0
#define TEE_IOCTL_LOGIN_USER			1
#define TEE_IOCTL_LOGIN_GROUP			2
#define TEE_IOCTL_LOGIN_APPLICATION		4
#define TEE_IOCTL_LOGIN_USER_APPLICATION	5
#define TEE_IOCTL_LOGIN_GROUP_APPLICATION	6
/* Reserved for in-kernel clients; refused from user space with -EPERM. */
#define TEE_IOCTL_LOGIN_REE_KERNEL_MIN		0x80000000u
#define TEE_IOCTL_LOGIN_REE_KERNEL_MAX		0xBFFFFFFFu
#define TEE_IOCTL_LOGIN_REE_KERNEL		0x80000000u

/*
 * One parameter.  VALUE: a, b, c opaque.  MEMREF: a = offset into the shm,
 * b = size, c = shm id or TEE_MEMREF_NULL.  UBUF: a = address, b = size.
 * OBJREF: a = object id, b = flags.
 */
struct tee_ioctl_param {
	uint64_t attr;
	uint64_t a;
	uint64_t b;
	uint64_t c;
};

struct tee_ioctl_open_session_arg {
	uint8_t uuid[TEE_IOCTL_UUID_LEN];
	uint8_t clnt_uuid[TEE_IOCTL_UUID_LEN];
	uint32_t clnt_login;
	uint32_t cancel_id;
	uint32_t session;	/* out */
	uint32_t ret;		/* out */
	uint32_t ret_origin;	/* out */
	uint32_t num_params;
	struct tee_ioctl_param params[];
};
#define TEE_IOC_OPEN_SESSION _IOR(TEE_IOC_MAGIC, TEE_IOC_BASE + 2, \
				  struct tee_ioctl_buf_data)

struct tee_ioctl_invoke_arg {
	uint32_t func;
	uint32_t session;
	uint32_t cancel_id;
	uint32_t ret;		/* out */
	uint32_t ret_origin;	/* out */
	uint32_t num_params;
	struct tee_ioctl_param params[];
};
#define TEE_IOC_INVOKE _IOR(TEE_IOC_MAGIC, TEE_IOC_BASE + 3, \
			    struct tee_ioctl_buf_data)

struct tee_ioctl_cancel_arg {
	uint32_t cancel_id;
	uint32_t session;
};
#define TEE_IOC_CANCEL _IOR(TEE_IOC_MAGIC, TEE_IOC_BASE + 4, \
			    struct tee_ioctl_cancel_arg)

struct tee_ioctl_close_session_arg {
	uint32_t session;
};
#define TEE_IOC_CLOSE_SESSION _IOR(TEE_IOC_MAGIC, TEE_IOC_BASE + 5, \
				   struct tee_ioctl_close_session_arg)

/* The spelling "iocl" is Linux's own and part of the ABI's names. */
struct tee_iocl_supp_recv_arg {
	uint32_t func;		/* out */
	uint32_t num_params;	/* in: capacity, out: used */
	struct tee_ioctl_param params[];
};
#define TEE_IOC_SUPPL_RECV _IOR(TEE_IOC_MAGIC, TEE_IOC_BASE + 6, \
				struct tee_ioctl_buf_data)

struct tee_iocl_supp_send_arg {
	uint32_t ret;
	uint32_t num_params;
	struct tee_ioctl_param params[];
};
#define TEE_IOC_SUPPL_SEND _IOR(TEE_IOC_MAGIC, TEE_IOC_BASE + 7, \
				struct tee_ioctl_buf_data)

struct tee_ioctl_shm_register_fd_data {
	int64_t fd;
	uint64_t size;		/* out */
	uint32_t flags;		/* must be 0 */
	int32_t id;		/* out */
};
#define TEE_IOC_SHM_REGISTER_FD _IOWR(TEE_IOC_MAGIC, TEE_IOC_BASE + 8, \
				      struct tee_ioctl_shm_register_fd_data)

struct tee_ioctl_shm_register_data {
	uint64_t addr;
	uint64_t length;	/* in/out */
	uint32_t flags;		/* must be 0 */
	int32_t id;		/* out */
};
#define TEE_IOC_SHM_REGISTER _IOWR(TEE_IOC_MAGIC, TEE_IOC_BASE + 9, \
				   struct tee_ioctl_shm_register_data)

struct tee_ioctl_object_invoke_arg {
	uint64_t id;
	uint32_t op;
	uint32_t ret;		/* out */
	uint32_t num_params;
	uint32_t pad;
	struct tee_ioctl_param params[];
};
#define TEE_IOC_OBJECT_INVOKE _IOR(TEE_IOC_MAGIC, TEE_IOC_BASE + 10, \
				   struct tee_ioctl_buf_data)

/* The contract, pinned: a change here breaks every binary in the field. */
_Static_assert(sizeof(struct tee_ioctl_version_data) == 12, "version");
_Static_assert(sizeof(struct tee_ioctl_shm_alloc_data) == 16, "shm_alloc");
_Static_assert(sizeof(struct tee_ioctl_buf_data) == 16, "buf_data");
_Static_assert(sizeof(struct tee_ioctl_param) == 32, "param");
_Static_assert(sizeof(struct tee_ioctl_open_session_arg) == 56, "open");
_Static_assert(sizeof(struct tee_ioctl_invoke_arg) == 24, "invoke");
_Static_assert(sizeof(struct tee_ioctl_cancel_arg) == 8, "cancel");
_Static_assert(sizeof(struct tee_ioctl_close_session_arg) == 4, "close");
_Static_assert(sizeof(struct tee_iocl_supp_recv_arg) == 8, "recv");
_Static_assert(sizeof(struct tee_iocl_supp_send_arg) == 8, "send");
_Static_assert(sizeof(struct tee_ioctl_shm_register_fd_data) == 24, "regfd");
_Static_assert(sizeof(struct tee_ioctl_shm_register_data) == 24, "reg");
_Static_assert(sizeof(struct tee_ioctl_object_invoke_arg) == 24, "objinv");
_Static_assert(TEE_IOC_VERSION == 0x800ca400, "VERSION nr");
_Static_assert(TEE_IOC_SHM_ALLOC == 0xc010a401, "SHM_ALLOC nr");
_Static_assert(TEE_IOC_OPEN_SESSION == 0x8010a402, "OPEN_SESSION nr");
_Static_assert(TEE_IOC_INVOKE == 0x8010a403, "INVOKE nr");
_Static_assert(TEE_IOC_CANCEL == 0x8008a404, "CANCEL nr");
_Static_assert(TEE_IOC_CLOSE_SESSION == 0x8004a405, "CLOSE_SESSION nr");
_Static_assert(TEE_IOC_SUPPL_RECV == 0x8010a406, "SUPPL_RECV nr");
_Static_assert(TEE_IOC_SUPPL_SEND == 0x8010a407, "SUPPL_SEND nr");
_Static_assert(TEE_IOC_SHM_REGISTER_FD == 0xc018a408, "REGISTER_FD nr");
_Static_assert(TEE_IOC_SHM_REGISTER == 0xc018a409, "REGISTER nr");
_Static_assert(TEE_IOC_OBJECT_INVOKE == 0x8010a40a, "OBJECT_INVOKE nr");

#endif /* VTEE_UAPI_TEE_H */
