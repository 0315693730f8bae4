// SPDX-License-Identifier: BSD-2-Clause
/*
 * The four parameters of an operation, from GP's TEEC_Parameter to the
 * UAPI's tee_ioctl_param and back.
 *
 *  VALUE      a, b both ways.
 *  TEMP       copied into one block lent for the whole operation, each
 *             reference at its own offset (a = offset, b = size, c = id);
 *             outputs copied back, size set to what the TA reported.
 *  WHOLE      the parent block, direction from its flags.
 *  PARTIAL    a = offset, b = size inside the parent block.
 * Registered blocks with a shadow are copied in and out around the call.
 */
#include "teec_private.h"

#include <string.h>

#define TEEC_TMP_ALIGN	8

static uint32_t teec_type(const TEEC_Operation *op, int i)
{
	return TEEC_PARAM_TYPE_GET(op->paramTypes, i);
}

static bool teec_is_temp(uint32_t type)
{
	return type >= TEEC_MEMREF_TEMP_INPUT &&
	       type <= TEEC_MEMREF_TEMP_INOUT;
}

/* TEMP and PARTIAL kinds map onto MEMREF_INPUT/OUTPUT/INOUT in order. */
static uint64_t teec_memref_attr(uint32_t type)
{
	uint32_t dir = teec_is_temp(type) ? type - TEEC_MEMREF_TEMP_INPUT :
			type - TEEC_MEMREF_PARTIAL_INPUT;

	return TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT + dir;
}

/* Bytes a temporary reference takes in the operation's block: a NULL one
 * needs none if the device takes NULL memrefs, and an empty one still
 * gets a few bytes to point at, as GP's zero-sized blocks do. */
static TEEC_Result teec_tmp_bytes(const struct teec_ctx *ctx,
				  const TEEC_TempMemoryReference *t,
				  size_t *bytes)
{
	if (!t->buffer && t->size)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (!t->buffer && ctx->memref_null) {
		*bytes = 0;
		return TEEC_SUCCESS;
	}
	if (t->size > SIZE_MAX - TEEC_TMP_ALIGN)
		return TEEC_ERROR_OUT_OF_MEMORY;
	*bytes = t->size ? t->size : 8;
	*bytes = (*bytes + TEEC_TMP_ALIGN - 1) & ~(size_t)(TEEC_TMP_ALIGN - 1);
	return TEEC_SUCCESS;
}

/* Lays the temporary references out in one block and borrows it. */
static TEEC_Result teec_tmp_layout(struct teec_marshal *m, TEEC_Operation *op)
{
	size_t total = 0;

	for (int i = 0; i < TEEC_NUM_PARAMS; i++) {
		size_t bytes;
		TEEC_Result res;

		if (!teec_is_temp(teec_type(op, i)))
			continue;
		res = teec_tmp_bytes(m->ctx, &op->params[i].tmpref, &bytes);
		if (res)
			return res;
		if (bytes > SIZE_MAX - total)
			return TEEC_ERROR_OUT_OF_MEMORY;
		m->off[i] = total;
		total += bytes;
	}
	if (!total)
		return TEEC_SUCCESS;
	if (teec_cache_get(m->ctx, total, &m->tmp))
		return TEEC_ERROR_OUT_OF_MEMORY;
	m->have_tmp = true;
	return TEEC_SUCCESS;
}

static void teec_temp_in(struct teec_marshal *m, uint32_t type,
			 const TEEC_TempMemoryReference *t, size_t off,
			 struct tee_ioctl_param *p)
{
	uint8_t *dst = (uint8_t *)m->tmp.map.va + off;

	p->attr = teec_memref_attr(type);
	if (!t->buffer && m->ctx->memref_null) {
		p->c = TEE_MEMREF_NULL;
		return;
	}
	p->a = off;
	p->b = t->size;
	p->c = (uint64_t)m->tmp.map.id;
	if (!t->size)
		return;
	/* an output-only block is cleared: it may hold an earlier call's
	 * data, meant for another TA */
	if (type == TEEC_MEMREF_TEMP_OUTPUT)
		memset(dst, 0, t->size);
	else
		memcpy(dst, t->buffer, t->size);
}

static bool teec_shm_usable(const TEEC_SharedMemory *shm)
{
	return shm && shm->imp.flags >= TEEC_SHM_ALLOCATED &&
	       shm->imp.flags <= TEEC_SHM_FD;
}

static TEEC_Result teec_whole_in(const TEEC_RegisteredMemoryReference *r,
				 struct tee_ioctl_param *p)
{
	const TEEC_SharedMemory *shm = r->parent;
	uint32_t dir;

	if (!teec_shm_usable(shm))
		return TEEC_ERROR_BAD_PARAMETERS;
	dir = shm->flags & (TEEC_MEM_INPUT | TEEC_MEM_OUTPUT);
	if (dir == (TEEC_MEM_INPUT | TEEC_MEM_OUTPUT))
		p->attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT;
	else if (dir == TEEC_MEM_INPUT)
		p->attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT;
	else if (dir == TEEC_MEM_OUTPUT)
		p->attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT;
	else
		return TEEC_ERROR_BAD_PARAMETERS;
	p->a = 0;
	p->b = shm->size;
	p->c = (uint64_t)shm->imp.id;
	if (shm->imp.shadow_buffer && (dir & TEEC_MEM_INPUT) && shm->size)
		memcpy(shm->imp.shadow_buffer, shm->buffer, shm->size);
	return TEEC_SUCCESS;
}

static TEEC_Result teec_partial_in(uint32_t type,
				   const TEEC_RegisteredMemoryReference *r,
				   struct tee_ioctl_param *p)
{
	const TEEC_SharedMemory *shm = r->parent;
	uint32_t need = type == TEEC_MEMREF_PARTIAL_INPUT ? TEEC_MEM_INPUT :
			type == TEEC_MEMREF_PARTIAL_OUTPUT ? TEEC_MEM_OUTPUT :
			TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;

	if (!teec_shm_usable(shm) || (shm->flags & need) != need ||
	    r->offset > shm->size || r->size > shm->size - r->offset)
		return TEEC_ERROR_BAD_PARAMETERS;
	p->attr = teec_memref_attr(type);
	p->a = r->offset;
	p->b = r->size;
	p->c = (uint64_t)shm->imp.id;
	if (shm->imp.shadow_buffer && (need & TEEC_MEM_INPUT) && r->size)
		memcpy((uint8_t *)shm->imp.shadow_buffer + r->offset,
		       (const uint8_t *)shm->buffer + r->offset, r->size);
	return TEEC_SUCCESS;
}

static TEEC_Result teec_param_in(struct teec_marshal *m, TEEC_Operation *op,
				 int i, struct tee_ioctl_param *p)
{
	uint32_t type = teec_type(op, i);
	TEEC_Parameter *prm = &op->params[i];

	switch (type) {
	case TEEC_NONE:
		return TEEC_SUCCESS;
	case TEEC_VALUE_INPUT:
	case TEEC_VALUE_OUTPUT:
	case TEEC_VALUE_INOUT:
		/* the GP and UAPI value types share their numbers */
		p->attr = type;
		p->a = prm->value.a;
		p->b = prm->value.b;
		return TEEC_SUCCESS;
	case TEEC_MEMREF_TEMP_INPUT:
	case TEEC_MEMREF_TEMP_OUTPUT:
	case TEEC_MEMREF_TEMP_INOUT:
		teec_temp_in(m, type, &prm->tmpref, m->off[i], p);
		return TEEC_SUCCESS;
	case TEEC_MEMREF_WHOLE:
		return teec_whole_in(&prm->memref, p);
	case TEEC_MEMREF_PARTIAL_INPUT:
	case TEEC_MEMREF_PARTIAL_OUTPUT:
	case TEEC_MEMREF_PARTIAL_INOUT:
		return teec_partial_in(type, &prm->memref, p);
	default:
		return TEEC_ERROR_BAD_PARAMETERS;
	}
}

TEEC_Result teec_params_in(struct teec_marshal *m, TEEC_Operation *op,
			   struct tee_ioctl_param *p)
{
	TEEC_Result res;

	memset(p, 0, TEEC_NUM_PARAMS * sizeof(*p));
	if (!op)
		return TEEC_SUCCESS;
	res = teec_tmp_layout(m, op);
	for (int i = 0; !res && i < TEEC_NUM_PARAMS; i++)
		res = teec_param_in(m, op, i, &p[i]);
	if (res)
		teec_params_done(m);
	return res;
}

/* The TA reports the size it needs, which may exceed the buffer (then
 * with TEEC_ERROR_SHORT_BUFFER): copy what fits, report what it said. */
static void teec_temp_out(const struct teec_marshal *m, size_t off,
			  TEEC_TempMemoryReference *t,
			  const struct tee_ioctl_param *p)
{
	size_t n = p->b < t->size ? (size_t)p->b : t->size;

	if (t->buffer && n)
		memcpy(t->buffer, (const uint8_t *)m->tmp.map.va + off, n);
	t->size = (size_t)p->b;
}

static void teec_whole_out(TEEC_RegisteredMemoryReference *r,
			   const struct tee_ioctl_param *p)
{
	TEEC_SharedMemory *shm = r->parent;

	if (!(shm->flags & TEEC_MEM_OUTPUT))
		return;
	if (shm->imp.shadow_buffer && p->b && p->b <= shm->size)
		memcpy(shm->buffer, shm->imp.shadow_buffer, (size_t)p->b);
	r->size = (size_t)p->b;
}

static void teec_partial_out(TEEC_RegisteredMemoryReference *r,
			     const struct tee_ioctl_param *p)
{
	TEEC_SharedMemory *shm = r->parent;

	if (shm->imp.shadow_buffer && p->b && p->b <= r->size)
		memcpy((uint8_t *)shm->buffer + r->offset,
		       (const uint8_t *)shm->imp.shadow_buffer + r->offset,
		       (size_t)p->b);
	r->size = (size_t)p->b;
}

void teec_params_out(struct teec_marshal *m, TEEC_Operation *op,
		     const struct tee_ioctl_param *p)
{
	if (!op)
		return;
	for (int i = 0; i < TEEC_NUM_PARAMS; i++) {
		TEEC_Parameter *prm = &op->params[i];

		switch (teec_type(op, i)) {
		case TEEC_VALUE_OUTPUT:
		case TEEC_VALUE_INOUT:
			prm->value.a = (uint32_t)p[i].a;
			prm->value.b = (uint32_t)p[i].b;
			break;
		case TEEC_MEMREF_TEMP_OUTPUT:
		case TEEC_MEMREF_TEMP_INOUT:
			teec_temp_out(m, m->off[i], &prm->tmpref, &p[i]);
			break;
		case TEEC_MEMREF_WHOLE:
			teec_whole_out(&prm->memref, &p[i]);
			break;
		case TEEC_MEMREF_PARTIAL_OUTPUT:
		case TEEC_MEMREF_PARTIAL_INOUT:
			teec_partial_out(&prm->memref, &p[i]);
			break;
		default:
			break;
		}
	}
}

void teec_params_done(struct teec_marshal *m)
{
	if (m->have_tmp)
		teec_cache_put(m->ctx, &m->tmp);
	m->have_tmp = false;
}
