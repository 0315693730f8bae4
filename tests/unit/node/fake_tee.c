// SPDX-License-Identifier: BSD-2-Clause
#include "fake_tee.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "vtee_test_ta.h"

/* TEE_ERROR_* values the fake TA answers with */
#define FAKE_TEE_ERROR_GENERIC		0xFFFF0000u
#define FAKE_TEE_ERROR_ACCESS_DENIED	0xFFFF0001u
#define FAKE_TEE_ERROR_CANCEL		0xFFFF0002u
#define FAKE_TEE_ERROR_BAD_PARAMETERS	0xFFFF0006u
#define FAKE_TEE_ERROR_SHORT_BUFFER	0xFFFF0010u
#define FAKE_ORIGIN_TEE			3u
#define FAKE_ORIGIN_TA			4u

#define FAKE_PARAMS_OFF_OPEN	sizeof(struct tee_ioctl_open_session_arg)
#define FAKE_PARAMS_OFF_INVOKE	sizeof(struct tee_ioctl_invoke_arg)

/* Under the lock: the bytes a memref parameter names, or NULL. */
static uint8_t *fake_tee_memref(struct fake_tee *t,
				const struct tee_ioctl_param *p, bool *bad)
{
	struct fake_shm *s;

	if (p->c == TEE_MEMREF_NULL) {
		*bad |= !(t->version.gen_caps & TEE_GEN_CAP_MEMREF_NULL);
		return NULL;
	}
	if (p->c == 0 || p->c >= FAKE_TEE_SHMS || !t->shm[p->c].live) {
		*bad = true;
		return NULL;
	}
	s = &t->shm[p->c];
	if (p->a > s->size || p->b > s->size - p->a) {
		*bad = true;
		return NULL;
	}
	return (uint8_t *)s->va + p->a;
}

static uint32_t fake_tee_attr(const struct tee_ioctl_param *p)
{
	return (uint32_t)(p->attr & TEE_IOCTL_PARAM_ATTR_TYPE_MASK);
}

static void fake_tee_spin(struct fake_tee *t, uint32_t session,
			  uint32_t cancel_id, uint32_t *ret)
{
	struct timespec until;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 20;
	t->spinning++;
	pthread_cond_broadcast(&t->cond);
	*ret = FAKE_TEE_ERROR_GENERIC;
	while (pthread_cond_timedwait(&t->cond, &t->lock, &until) == 0) {
		if (t->last_cancel.session == session &&
		    t->last_cancel.cancel_id == cancel_id) {
			*ret = FAKE_TEE_ERROR_CANCEL;
			break;
		}
	}
	t->spinning--;
}

static void fake_tee_copy(uint8_t *m[4], struct tee_ioctl_param *p,
			  uint32_t *ret)
{
	if (p[1].b < p[0].b) {
		p[1].b = p[0].b;
		*ret = FAKE_TEE_ERROR_SHORT_BUFFER;
		return;
	}
	if (p[0].b)
		memcpy(m[1], m[0], p[0].b);
	p[1].b = p[0].b;
}

/* p3.a: the four types as GP packs them; p3.b: input bytes + values. */
static void fake_tee_types(uint8_t *m[4], struct tee_ioctl_param *p)
{
	uint64_t types = 0, sum = 0;

	for (int i = 0; i < 4; i++) {
		uint32_t type = fake_tee_attr(&p[i]);

		types |= (uint64_t)type << (4 * i);
		if (type == TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT ||
		    type == TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT)
			sum += p[i].a;
		if ((type == TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT ||
		     type == TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT) && m[i])
			for (uint64_t j = 0; j < p[i].b; j++)
				sum += m[i][j];
	}
	p[3].a = types;
	p[3].b = sum;
}

/* Under the lock: one command of the test TA. */
static void fake_tee_command(struct fake_tee *t, uint32_t cmd,
			     uint32_t session, uint32_t cancel_id,
			     uint8_t *m[4], struct tee_ioctl_param *p,
			     uint32_t *ret)
{
	*ret = 0;
	switch (cmd) {
	case TEST_CMD_NOP:
		break;
	case TEST_CMD_VALUE_INC:
		p[0].a += 1;
		p[0].b += 2;
		break;
	case TEST_CMD_MEMREF_INC:
		for (uint64_t j = 0; m[0] && j < p[0].b; j++)
			m[0][j]++;
		break;
	case TEST_CMD_MEMREF_COPY:
		fake_tee_copy(m, p, ret);
		break;
	case TEST_CMD_PARAM_TYPES:
		fake_tee_types(m, p);
		break;
	case TEST_CMD_SPIN_UNTIL_CANCEL:
		fake_tee_spin(t, session, cancel_id, ret);
		break;
	default:
		*ret = FAKE_TEE_ERROR_BAD_PARAMETERS;
	}
}

/* Resolves the memrefs of p; -EINVAL as the kernel gives for a bad one. */
static int fake_tee_resolve(struct fake_tee *t, struct tee_ioctl_param *p,
			    uint8_t *m[4])
{
	bool bad = false;

	for (int i = 0; i < 4; i++) {
		uint32_t type = fake_tee_attr(&p[i]);

		m[i] = NULL;
		if (type >= TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT &&
		    type <= TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT)
			m[i] = fake_tee_memref(t, &p[i], &bad);
	}
	return bad ? -EINVAL : 0;
}

static void fake_tee_invoke(struct fake_tee *t, const struct fake_req *req,
			    struct fake_rep *rep)
{
	struct tee_ioctl_invoke_arg arg;
	struct tee_ioctl_param p[4];
	uint8_t *m[4];

	if (req->hdr.user_len != FAKE_PARAMS_OFF_INVOKE + sizeof(p)) {
		rep->rc = -EINVAL;
		return;
	}
	memcpy(&arg, req->win, sizeof(arg));
	memcpy(p, req->win + sizeof(arg), sizeof(p));
	t->invokes++;
	t->last_invoke = arg;
	memcpy(t->last_params, p, sizeof(p));
	rep->rc = fake_tee_resolve(t, p, m);
	if (rep->rc)
		return;
	fake_tee_command(t, arg.func, arg.session, arg.cancel_id, m, p,
			 &arg.ret);
	arg.ret_origin = FAKE_ORIGIN_TA;
	memcpy(rep->win, &arg, sizeof(arg));
	memcpy(rep->win + sizeof(arg), p, sizeof(p));
	rep->user_len = req->hdr.user_len;
}

static void fake_tee_open(struct fake_tee *t, const struct fake_req *req,
			  struct fake_rep *rep)
{
	struct tee_ioctl_open_session_arg arg;
	struct tee_ioctl_param p[4];

	if (req->hdr.user_len != FAKE_PARAMS_OFF_OPEN + sizeof(p)) {
		rep->rc = -EINVAL;
		return;
	}
	memcpy(&arg, req->win, sizeof(arg));
	memcpy(p, req->win + sizeof(arg), sizeof(p));
	t->last_open = arg;
	memcpy(t->last_params, p, sizeof(p));
	if (arg.clnt_login >= TEE_IOCTL_LOGIN_APPLICATION) {
		rep->rc = -EINVAL;	/* as tee_session_calc_client_uuid */
		return;
	}
	arg.ret_origin = FAKE_ORIGIN_TA;
	if (fake_tee_attr(&p[0]) == TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT &&
	    p[0].a == TEST_OPEN_FAIL) {
		arg.ret = FAKE_TEE_ERROR_ACCESS_DENIED;
	} else {
		if (fake_tee_attr(&p[0]) ==
		    TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT)
			p[0].a = 0x5e55;
		arg.ret = 0;
		arg.session = ++t->sessions;
		t->open_sessions++;
	}
	memcpy(rep->win, &arg, sizeof(arg));
	memcpy(rep->win + sizeof(arg), p, sizeof(p));
	rep->user_len = req->hdr.user_len;
}

static int fake_tee_new_id(struct fake_tee *t)
{
	for (int id = 1; id < FAKE_TEE_SHMS; id++)
		if (!t->shm[id].live)
			return id;
	return -ENOMEM;
}

static void fake_tee_shm_alloc(struct fake_tee *t, const struct fake_req *req,
			       struct fake_rep *rep)
{
	struct tee_ioctl_shm_alloc_data d;
	long page = sysconf(_SC_PAGESIZE);
	int id = fake_tee_new_id(t);
	void *va;

	memcpy(&d, req->arg, sizeof(d));
	d.size = (d.size + page - 1) / page * page;
	rep->fd = memfd_create("fake-tee-shm", MFD_CLOEXEC);
	if (id < 0 || rep->fd < 0 || ftruncate(rep->fd, (off_t)d.size)) {
		rep->rc = -ENOMEM;
		return;
	}
	va = mmap(NULL, d.size, PROT_READ | PROT_WRITE, MAP_SHARED, rep->fd, 0);
	if (va == MAP_FAILED) {
		rep->rc = -ENOMEM;
		return;
	}
	t->shm[id] = (struct fake_shm){ true, va, d.size, true };
	t->shm_allocs++;
	d.id = id;
	memcpy(rep->arg, &d, sizeof(d));
	rep->arg_len = sizeof(d);
	rep->flags = VTEE_NODE_REP_FD;
}

/* Registered memory is the client's own: in this process, just use it. */
static void fake_tee_shm_register(struct fake_tee *t,
				  const struct fake_req *req,
				  struct fake_rep *rep)
{
	struct tee_ioctl_shm_register_data d;
	int id = fake_tee_new_id(t);

	if (!(t->version.gen_caps & TEE_GEN_CAP_REG_MEM)) {
		rep->rc = -EINVAL;
		return;
	}
	memcpy(&d, req->arg, sizeof(d));
	rep->fd = memfd_create("fake-tee-reg", MFD_CLOEXEC);
	if (id < 0 || rep->fd < 0) {
		rep->rc = -ENOMEM;
		return;
	}
	t->shm[id] = (struct fake_shm){ true, (void *)(uintptr_t)d.addr,
					d.length, false };
	t->shm_registers++;
	d.id = id;
	memcpy(rep->arg, &d, sizeof(d));
	rep->arg_len = sizeof(d);
	rep->flags = VTEE_NODE_REP_FD;
}

static void fake_tee_shm_release(struct fake_tee *t, int32_t id)
{
	if (id <= 0 || id >= FAKE_TEE_SHMS || !t->shm[id].live)
		return;
	if (t->shm[id].mapped)
		munmap(t->shm[id].va, t->shm[id].size);
	t->shm[id].live = false;
	t->shm_releases++;
}

static void fake_tee_ioctl(struct fake_tee *t, const struct fake_req *req,
			   struct fake_rep *rep)
{
	struct tee_ioctl_cancel_arg cancel;

	switch (req->hdr.ioctl_cmd) {
	case TEE_IOC_VERSION:
		memcpy(rep->arg, &t->version, sizeof(t->version));
		rep->arg_len = sizeof(t->version);
		break;
	case TEE_IOC_SHM_ALLOC:
		fake_tee_shm_alloc(t, req, rep);
		break;
	case TEE_IOC_SHM_REGISTER:
		fake_tee_shm_register(t, req, rep);
		break;
	case TEE_IOC_OPEN_SESSION:
		fake_tee_open(t, req, rep);
		break;
	case TEE_IOC_INVOKE:
		fake_tee_invoke(t, req, rep);
		break;
	case TEE_IOC_CANCEL:
		memcpy(&cancel, req->arg, sizeof(cancel));
		t->last_cancel = cancel;
		t->cancels++;
		pthread_cond_broadcast(&t->cond);
		break;
	case TEE_IOC_CLOSE_SESSION:
		t->open_sessions--;
		break;
	default:
		rep->rc = -EINVAL;
	}
}

static void fake_tee_handle(void *priv, const struct fake_req *req,
			    struct fake_rep *rep)
{
	struct fake_tee *t = priv;

	pthread_mutex_lock(&t->lock);
	if (req->hdr.op == VTEE_NODE_OP_SHM_RELEASE)
		fake_tee_shm_release(t, req->hdr.shm_id);
	else
		fake_tee_ioctl(t, req, rep);
	pthread_mutex_unlock(&t->lock);
}

void fake_tee_start(struct fake_tee *t, uint32_t gen_caps)
{
	memset(t, 0, sizeof(*t));
	pthread_mutex_init(&t->lock, NULL);
	pthread_cond_init(&t->cond, NULL);
	t->version = (struct tee_ioctl_version_data){
		.impl_id = TEE_IMPL_ID_OPTEE,
		.impl_caps = TEE_OPTEE_CAP_TZ,
		.gen_caps = gen_caps,
	};
	t->fn = fake_node_start(fake_tee_handle, t);
}

void fake_tee_stop(struct fake_tee *t)
{
	fake_node_stop(t->fn);
	for (int id = 1; id < FAKE_TEE_SHMS; id++)
		fake_tee_shm_release(t, id);
	pthread_cond_destroy(&t->cond);
	pthread_mutex_destroy(&t->lock);
}

int fake_tee_live_shms(struct fake_tee *t)
{
	int n = 0;

	pthread_mutex_lock(&t->lock);
	for (int id = 1; id < FAKE_TEE_SHMS; id++)
		n += t->shm[id].live;
	pthread_mutex_unlock(&t->lock);
	return n;
}
