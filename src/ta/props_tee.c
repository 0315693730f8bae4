// SPDX-License-Identifier: BSD-2-Clause
#include "props_tee.h"

#include <stdlib.h>
#include <string.h>

#include "syscall.h"

/* An OS listing more than this is looping. */
#define TEE_PROPS_MAX	1024

struct prop_list {
	struct ta_prop *props;
	size_t len;
};

static struct prop_list fetched;
static bool complete;

/* "name\0value\0" in len bytes of buf, copied into one allocation; an
 * unknown type is taken as plain text */
static TEE_Result parse(const char *buf, size_t len, uint64_t type,
			struct ta_prop *p)
{
	const char *name_end = memchr(buf, '\0', len);
	const char *value_end;
	char *copy;

	if (!name_end)
		return TEE_ERROR_BAD_FORMAT;
	value_end = memchr(name_end + 1, '\0', len - (size_t)(name_end + 1 - buf));
	if (!value_end)
		return TEE_ERROR_BAD_FORMAT;
	copy = malloc((size_t)(value_end + 1 - buf));
	if (!copy)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(copy, buf, (size_t)(value_end + 1 - buf));
	*p = (struct ta_prop){ copy, copy + (name_end + 1 - buf),
			       type < USER_TA_PROP_TYPE_INVALID ?
			       (enum user_ta_prop_type)type :
			       USER_TA_PROP_TYPE_STRING };
	return TEE_SUCCESS;
}

static TEE_Result fetch_one(size_t i, char *buf, struct ta_prop *p)
{
	struct ta_sys s = {
		.func = TA_SYS_GET_TEE_PROP, .args = { i },
		.out = buf, .out_cap = TA_CHAN_DATA_MAX,
	};
	TEE_Result res = ta_syscall(&s);

	if (res != TEE_SUCCESS)
		return res;
	/* args[0] is now the property's type; only out_cap bytes came */
	return parse(buf, s.out_len < s.out_cap ? s.out_len : s.out_cap,
		     s.args[0], p);
}

static bool append(struct prop_list *l, const struct ta_prop *p)
{
	struct ta_prop *grown = realloc(l->props, (l->len + 1) * sizeof(*p));

	if (!grown)
		return false;
	l->props = grown;
	l->props[l->len++] = *p;
	return true;
}

static void release(struct prop_list *l)
{
	for (size_t i = 0; i < l->len; i++)
		free((char *)l->props[i].name);
	free(l->props);
}

/* All or nothing: a list cut short (e.g. asked outside an entry point)
 * is dropped and fetched again next time. */
static void fetch_all(void)
{
	struct prop_list l = { 0 };
	char *buf = malloc(TA_CHAN_DATA_MAX);
	TEE_Result res = TEE_ERROR_OUT_OF_MEMORY;
	struct ta_prop p;

	for (size_t i = 0; buf && i < TEE_PROPS_MAX; i++) {
		res = fetch_one(i, buf, &p);
		if (res != TEE_SUCCESS)
			break;
		if (!append(&l, &p)) {
			free((char *)p.name);
			res = TEE_ERROR_OUT_OF_MEMORY;
			break;
		}
	}
	free(buf);
	if (res != TEE_ERROR_ITEM_NOT_FOUND) {
		release(&l);
		return;
	}
	fetched = l;
	complete = true;
}

bool ta_props_tee_get(size_t i, struct ta_prop *p)
{
	if (!complete)
		fetch_all();
	if (i >= fetched.len)
		return false;
	*p = fetched.props[i];
	return true;
}
