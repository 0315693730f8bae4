// SPDX-License-Identifier: BSD-2-Clause
/*
 * The ioctl front end of the TEE subsystem.  Validation runs in Linux's
 * order so that every malformed call fails with the errno Linux gives:
 * missing driver op, the argument copy, buf_len bounds, the header copy,
 * the exact length, the params one by one, and (open only) the login.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "tee_drv.h"
#include "tee_ioctl.h"

#define OPS(ctx) ((ctx)->teedev->desc->ops)

int tee_copy_from_user(void *dst, const struct tee_uwin *uw, uint64_t uaddr,
		       size_t len)
{
	uint64_t end, win_end = uw ? uw->addr + uw->len : 0;

	if (!uw || uaddr < uw->addr ||
	    __builtin_add_overflow(uaddr, len, &end) || end > win_end)
		return -EFAULT;
	memcpy(dst, uw->bytes + (uaddr - uw->addr), len);
	return 0;
}

int tee_copy_to_user(const struct tee_uwin *uw, uint64_t uaddr,
		     const void *src, size_t len)
{
	uint64_t end, win_end = uw ? uw->addr + uw->len : 0;

	if (!uw || uaddr < uw->addr ||
	    __builtin_add_overflow(uaddr, len, &end) || end > win_end)
		return -EFAULT;
	memcpy(uw->bytes + (uaddr - uw->addr), src, len);
	return 0;
}

static int tee_ioctl_version(struct tee_context *ctx, void *arg)
{
	struct tee_ioctl_version_data vers;

	tee_client_get_version(ctx, &vers);
	if (!arg)
		return -EFAULT;
	memcpy(arg, &vers, sizeof(vers));
	return 0;
}

static int tee_ioctl_shm_alloc(struct tee_context *ctx, void *arg,
			       int *out_fd)
{
	struct tee_ioctl_shm_alloc_data data;
	struct tee_shm *shm;
	int err;

	if (!arg)
		return -EFAULT;
	memcpy(&data, arg, sizeof(data));
	if (data.flags)
		return -EINVAL;
	shm = tee_shm_alloc_user_buf(ctx, data.size, &err);
	if (!shm)
		return err;
	data.id = shm->id;
	data.size = shm->size;
	memcpy(arg, &data, sizeof(data));
	/* the fd reference: held until the owner releases it */
	shm->fd_held = true;
	*out_fd = tee_shm_memfd(shm);
	return 0;
}

/*
 * User pages cannot be pinned across a node, so vtee does not offer
 * registration (and never advertises TEE_GEN_CAP_REG_MEM); a driver
 * without it answers -ENOTSUPP (524) in Linux, which leaks to user space.
 */
#define ENOTSUPP 524

static int tee_ioctl_shm_register(void *arg)
{
	struct tee_ioctl_shm_register_data data;

	if (!arg)
		return -EFAULT;
	memcpy(&data, arg, sizeof(data));
	if (data.flags)
		return -EINVAL;
	return -ENOTSUPP;
}

/* Only dma-bufs of this device's protected heaps qualify; vtee has none,
 * and Linux turns every registration failure into -EINVAL. */
static int tee_ioctl_shm_register_fd(void *arg)
{
	return arg ? -EINVAL : -EFAULT;
}

static void put_memrefs(struct tee_param *params, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (tee_param_is_memref(&params[i]) && params[i].u.memref.shm)
			tee_shm_put(params[i].u.memref.shm);
}

static int memref_from_user(struct tee_context *ctx, struct tee_param *p,
			    const struct tee_ioctl_param *ip)
{
	struct tee_shm *shm;
	uint64_t end;

	if (ip->c == TEE_MEMREF_NULL) {
		if (!ctx->cap_memref_null)
			return -EINVAL;
		p->u.memref = (struct tee_param_memref){ ip->a, ip->b, NULL };
		return 0;
	}
	shm = tee_shm_get_from_id(ctx, (int)ip->c);
	if (!shm || (uint64_t)(int)ip->c != ip->c)
		goto err;
	if (__builtin_add_overflow(ip->a, ip->b, &end) || end > shm->size)
		goto err;
	p->u.memref = (struct tee_param_memref){ ip->a, ip->b, shm };
	return 0;
err:
	if (shm)
		tee_shm_put(shm);
	return -EINVAL;
}

/* x86-64's user address space (TASK_SIZE_MAX with 4-level paging). */
#define USER_SPACE_END 0x00007ffffffff000ull

static bool user_range_ok(uint64_t addr, uint64_t size)
{
	uint64_t end;

	return !__builtin_add_overflow(addr, size, &end) &&
	       end <= USER_SPACE_END;
}

static int param_from_user(struct tee_context *ctx, struct tee_param *p,
			   const struct tee_ioctl_param *ip)
{
	if (ip->attr & ~(uint64_t)TEE_IOCTL_PARAM_ATTR_MASK)
		return -EINVAL;
	p->attr = ip->attr;
	switch (ip->attr & TEE_IOCTL_PARAM_ATTR_TYPE_MASK) {
	case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT:
		p->u.value = (struct tee_param_value){ ip->a, ip->b, ip->c };
		return 0;
	case TEE_IOCTL_PARAM_ATTR_TYPE_NONE:
	case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_OBJREF_OUTPUT:
		return 0;
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
		return memref_from_user(ctx, p, ip);
	case TEE_IOCTL_PARAM_ATTR_TYPE_UBUF_INPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_UBUF_OUTPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_UBUF_INOUT:
		/* access_ok: the range must lie in user space; the driver
		 * decides whether it takes user buffers at all */
		if (!user_range_ok(ip->a, ip->b))
			return -EFAULT;
		p->u.value = (struct tee_param_value){ ip->a, ip->b, 0 };
		return 0;
	case TEE_IOCTL_PARAM_ATTR_TYPE_OBJREF_INPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_OBJREF_INOUT:
		p->u.value = (struct tee_param_value){ ip->a, ip->b, 0 };
		return 0;
	default:
		return -EINVAL;
	}
}

/* Parses n params from user memory; on error every reference is put. */
static int params_from_user(struct tee_context *ctx, struct tee_param *params,
			    size_t n, const struct tee_uwin *uw, uint64_t uaddr)
{
	for (size_t i = 0; i < n; i++) {
		struct tee_ioctl_param ip;
		int rc = tee_copy_from_user(&ip, uw, uaddr + i * sizeof(ip),
					    sizeof(ip));

		if (!rc)
			rc = param_from_user(ctx, &params[i], &ip);
		if (rc) {
			put_memrefs(params, i);
			return rc;
		}
	}
	return 0;
}

/* Copies outputs back: values, memref sizes; nothing for META params. */
static int params_to_user(const struct tee_uwin *uw, uint64_t uaddr,
			  const struct tee_param *params, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t at = uaddr + i * sizeof(struct tee_ioctl_param);
		const struct tee_param *p = &params[i];
		int rc = 0;

		switch (p->attr) {
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT:
			rc = tee_copy_to_user(uw, at + 8, &p->u.value, 24);
			break;
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT: {
			uint64_t size = p->u.memref.size;

			rc = tee_copy_to_user(uw, at + 16, &size, 8);
			break;
		}
		default:
			break;
		}
		if (rc)
			return rc;
	}
	return 0;
}

/*
 * The shared steps 1-7 of every variable-length ioctl: fetch buf_data,
 * bound buf_len, read the header, check the exact length, parse params.
 */
struct tee_varg {
	struct tee_ioctl_buf_data buf;
	size_t hdr_size;
	uint32_t num_params;
	struct tee_param *params;
};

static int varg_fetch_buf(const void *arg, struct tee_varg *va,
			  size_t hdr_size)
{
	if (!arg)
		return -EFAULT;
	memcpy(&va->buf, arg, sizeof(va->buf));
	va->hdr_size = hdr_size;
	if (va->buf.buf_len > TEE_MAX_ARG_SIZE || va->buf.buf_len < hdr_size)
		return -EINVAL;
	return 0;
}

static int varg_parse_params(struct tee_context *ctx, struct tee_varg *va,
			     const struct tee_uwin *uw, bool exact)
{
	uint64_t need = va->hdr_size +
			(uint64_t)va->num_params * sizeof(struct tee_ioctl_param);

	if (exact ? need != va->buf.buf_len : need > va->buf.buf_len)
		return -EINVAL;
	if (!va->num_params)
		return 0;
	va->params = calloc(va->num_params, sizeof(*va->params));
	if (!va->params)
		return -ENOMEM;
	return params_from_user(ctx, va->params, va->num_params, uw,
				va->buf.buf_ptr + va->hdr_size);
}

/*
 * Steps 2-7 for OPEN_SESSION, INVOKE and SUPPL_RECV: the buffer, its
 * header (hdr_size bytes into hdr), the param count at num_off in it, and
 * the params.  On failure nothing is held.
 */
static int varg_start(struct tee_context *ctx, const void *uarg,
		      const struct tee_uwin *uw, struct tee_varg *va,
		      void *hdr, size_t hdr_size, size_t num_off)
{
	int rc = varg_fetch_buf(uarg, va, hdr_size);

	if (rc)
		return rc;
	if (tee_copy_from_user(hdr, uw, va->buf.buf_ptr, hdr_size))
		return -EFAULT;
	memcpy(&va->num_params, (uint8_t *)hdr + num_off,
	       sizeof(va->num_params));
	rc = varg_parse_params(ctx, va, uw, true);
	if (rc) {
		free(va->params);
		va->params = NULL;
	}
	return rc;
}

static void varg_done(struct tee_varg *va, bool params_held)
{
	if (params_held)
		put_memrefs(va->params, va->num_params);
	free(va->params);
}

static bool login_is_kernel(uint32_t login)
{
	return login >= TEE_IOCTL_LOGIN_REE_KERNEL_MIN &&
	       login <= TEE_IOCTL_LOGIN_REE_KERNEL_MAX;
}

static int write_open_result(const struct tee_uwin *uw, uint64_t at,
			     const struct tee_ioctl_open_session_arg *arg)
{
	return tee_copy_to_user(uw, at + 40, &arg->session, 12);
}

static int tee_ioctl_open_session(struct tee_context *ctx, const void *uarg,
				  const struct tee_uwin *uw)
{
	struct tee_ioctl_open_session_arg arg;
	struct tee_varg va = { 0 };
	bool have_session = false;
	int rc;

	if (!OPS(ctx)->open_session)
		return -EINVAL;
	rc = varg_start(ctx, uarg, uw, &va, &arg, sizeof(arg),
			offsetof(struct tee_ioctl_open_session_arg,
				 num_params));
	if (rc)
		return rc;
	if (login_is_kernel(arg.clnt_login)) {
		rc = -EPERM;
		goto out;
	}
	rc = tee_client_open_session(ctx, &arg, va.params);
	if (rc)
		goto out;
	have_session = true;
	rc = write_open_result(uw, va.buf.buf_ptr, &arg);
	if (!rc)
		rc = params_to_user(uw, va.buf.buf_ptr + sizeof(arg), va.params,
				    va.num_params);
out:
	/* a session the caller cannot learn about must not leak */
	if (rc && have_session)
		tee_client_close_session(ctx, arg.session);
	varg_done(&va, true);
	return rc;
}

static int tee_ioctl_invoke(struct tee_context *ctx, const void *uarg,
			    const struct tee_uwin *uw)
{
	struct tee_ioctl_invoke_arg arg;
	struct tee_varg va = { 0 };
	int rc;

	if (!OPS(ctx)->invoke_func)
		return -EINVAL;
	rc = varg_start(ctx, uarg, uw, &va, &arg, sizeof(arg),
			offsetof(struct tee_ioctl_invoke_arg, num_params));
	if (rc)
		return rc;
	rc = tee_client_invoke_func(ctx, &arg, va.params);
	if (!rc)
		rc = tee_copy_to_user(uw, va.buf.buf_ptr + 12, &arg.ret, 8);
	if (!rc)
		rc = params_to_user(uw, va.buf.buf_ptr + sizeof(arg), va.params,
				    va.num_params);
	varg_done(&va, true);
	return rc;
}

static int tee_ioctl_cancel(struct tee_context *ctx, const void *arg)
{
	struct tee_ioctl_cancel_arg c;

	if (!OPS(ctx)->cancel_req)
		return -EINVAL;
	if (!arg)
		return -EFAULT;
	memcpy(&c, arg, sizeof(c));
	return tee_client_cancel_req(ctx, &c);
}

static int tee_ioctl_close_session(struct tee_context *ctx, const void *arg)
{
	struct tee_ioctl_close_session_arg c;

	if (!OPS(ctx)->close_session)
		return -EINVAL;
	if (!arg)
		return -EFAULT;
	memcpy(&c, arg, sizeof(c));
	return tee_client_close_session(ctx, c.session);
}

/* The supplicant sees every param in full: a, b, c and the shm id. */
static int params_to_supp(const struct tee_uwin *uw, uint64_t uaddr,
			  const struct tee_param *params, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct tee_param *p = &params[i];
		struct tee_ioctl_param ip = { .attr = p->attr };

		if (tee_param_is_memref(p)) {
			ip.a = p->u.memref.shm_offs;
			ip.b = p->u.memref.size;
			ip.c = p->u.memref.shm ? (uint64_t)p->u.memref.shm->id :
						 TEE_MEMREF_NULL;
		} else if ((p->attr & TEE_IOCTL_PARAM_ATTR_TYPE_MASK) !=
			   TEE_IOCTL_PARAM_ATTR_TYPE_NONE) {
			ip.a = p->u.value.a;
			ip.b = p->u.value.b;
			ip.c = p->u.value.c;
		}
		if (tee_copy_to_user(uw, uaddr + i * sizeof(ip), &ip,
				     sizeof(ip)))
			return -EFAULT;
	}
	return 0;
}

static int tee_ioctl_supp_recv(struct tee_context *ctx, const void *uarg,
			       const struct tee_uwin *uw)
{
	struct tee_iocl_supp_recv_arg hdr;
	struct tee_varg va = { 0 };
	uint32_t func, num_params;
	int rc;

	if (!OPS(ctx)->supp_recv)
		return -EINVAL;
	/* RECV reads only num_params of its header; func is output */
	rc = varg_start(ctx, uarg, uw, &va, &hdr, sizeof(hdr),
			offsetof(struct tee_iocl_supp_recv_arg, num_params));
	if (rc)
		return rc;
	num_params = va.num_params;
	rc = OPS(ctx)->supp_recv(ctx, &func, &num_params, va.params);
	if (!rc) {
		hdr = (struct tee_iocl_supp_recv_arg){ func, num_params };
		rc = tee_copy_to_user(uw, va.buf.buf_ptr, &hdr, sizeof(hdr));
	}
	if (!rc)
		rc = params_to_supp(uw, va.buf.buf_ptr + sizeof(hdr), va.params,
				    num_params);
	/* the driver handed out its own references in the params it wrote */
	varg_done(&va, false);
	return rc;
}

/* SEND: only output values and output memref sizes come back. */
static int params_from_supp(struct tee_param *params, size_t n,
			    const struct tee_uwin *uw, uint64_t uaddr)
{
	for (size_t i = 0; i < n; i++) {
		struct tee_ioctl_param ip;
		struct tee_param *p = &params[i];

		if (tee_copy_from_user(&ip, uw, uaddr + i * sizeof(ip),
				       sizeof(ip)))
			return -EFAULT;
		if (ip.attr & ~(uint64_t)TEE_IOCTL_PARAM_ATTR_MASK)
			return -EINVAL;
		p->attr = ip.attr;
		switch (ip.attr & TEE_IOCTL_PARAM_ATTR_TYPE_MASK) {
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT:
			p->u.value = (struct tee_param_value){ ip.a, ip.b, ip.c };
			break;
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
		case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
			p->u.memref = (struct tee_param_memref){ ip.a, ip.b,
								 NULL };
			break;
		default:
			break;
		}
	}
	return 0;
}

static int tee_ioctl_supp_send(struct tee_context *ctx, const void *uarg,
			       const struct tee_uwin *uw)
{
	struct tee_iocl_supp_send_arg hdr;
	struct tee_varg va = { 0 };
	int rc;

	if (!OPS(ctx)->supp_send)
		return -EINVAL;
	rc = varg_fetch_buf(uarg, &va, sizeof(hdr));
	if (rc)
		return rc;
	if (tee_copy_from_user(&hdr, uw, va.buf.buf_ptr, sizeof(hdr)))
		return -EFAULT;
	/* SEND alone accepts a buffer larger than its params */
	if (sizeof(hdr) + (uint64_t)hdr.num_params *
			  sizeof(struct tee_ioctl_param) > va.buf.buf_len)
		return -EINVAL;
	va.params = hdr.num_params ? calloc(hdr.num_params,
					    sizeof(*va.params)) : NULL;
	if (hdr.num_params && !va.params)
		return -ENOMEM;
	rc = params_from_supp(va.params, hdr.num_params, uw,
			      va.buf.buf_ptr + sizeof(hdr));
	if (!rc)
		rc = OPS(ctx)->supp_send(ctx, hdr.ret, hdr.num_params,
					 va.params);
	free(va.params);
	return rc;
}

long tee_ioctl(struct tee_context *ctx, unsigned int cmd, void *arg,
	       const struct tee_uwin *uw, int *out_fd)
{
	switch (cmd) {
	case TEE_IOC_VERSION:
		return tee_ioctl_version(ctx, arg);
	case TEE_IOC_SHM_ALLOC:
		return tee_ioctl_shm_alloc(ctx, arg, out_fd);
	case TEE_IOC_SHM_REGISTER:
		return tee_ioctl_shm_register(arg);
	case TEE_IOC_SHM_REGISTER_FD:
		return tee_ioctl_shm_register_fd(arg);
	case TEE_IOC_OPEN_SESSION:
		return tee_ioctl_open_session(ctx, arg, uw);
	case TEE_IOC_INVOKE:
		return tee_ioctl_invoke(ctx, arg, uw);
	case TEE_IOC_CANCEL:
		return tee_ioctl_cancel(ctx, arg);
	case TEE_IOC_CLOSE_SESSION:
		return tee_ioctl_close_session(ctx, arg);
	case TEE_IOC_SUPPL_RECV:
		return tee_ioctl_supp_recv(ctx, arg, uw);
	case TEE_IOC_SUPPL_SEND:
		return tee_ioctl_supp_send(ctx, arg, uw);
	case TEE_IOC_OBJECT_INVOKE:
		/* no OP-TEE driver has object_invoke_func */
		return -EINVAL;
	default:
		return -EINVAL;
	}
}
