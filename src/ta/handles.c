// SPDX-License-Identifier: BSD-2-Clause
#include "handles.h"

#include <stdlib.h>

/* Far below 0xFFFFFFFD, the lowest pseudo-handle */
#define TA_HANDLES_MAX	(1u << 24)

struct slot {
	enum ta_handle_kind kind;	/* 0: free */
	void *obj;
};

static struct slot *slots;
static uint32_t n_slots;

static uint32_t free_slot(void)
{
	struct slot *grown;

	for (uint32_t i = 0; i < n_slots; i++)
		if (!slots[i].kind)
			return i;
	if (n_slots == TA_HANDLES_MAX)
		return UINT32_MAX;
	grown = realloc(slots, (n_slots + 1) * sizeof(*slots));
	if (!grown)
		return UINT32_MAX;
	slots = grown;
	slots[n_slots].kind = 0;
	return n_slots++;
}

uint32_t ta_handle_new(enum ta_handle_kind kind, void *obj)
{
	uint32_t i = free_slot();

	if (i == UINT32_MAX)
		return 0;
	slots[i] = (struct slot){ .kind = kind, .obj = obj };
	return i + 1;
}

static struct slot *slot_of(uintptr_t h)
{
	if (!h || h > n_slots || !slots[h - 1].kind)
		return NULL;
	return &slots[h - 1];
}

void *ta_handle_get(uintptr_t h, enum ta_handle_kind kind)
{
	struct slot *s = slot_of(h);

	return s && s->kind == kind ? s->obj : NULL;
}

void ta_handle_release(uintptr_t h)
{
	struct slot *s = slot_of(h);

	if (s)
		s->kind = 0;
}
