// SPDX-License-Identifier: BSD-2-Clause
#include "props.h"

#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "prop_format.h"
#include "props_tee.h"
#include "uuid.h"

static struct ta_prop *ta_set;
static size_t ta_set_len;

static TEE_Result add_ta_prop(const struct user_ta_property *up,
			      struct ta_prop *p)
{
	char *text;

	if (!up->name || !up->value || up->type >= USER_TA_PROP_TYPE_INVALID)
		return TEE_ERROR_BAD_FORMAT;
	text = ta_prop_to_text(up->type, up->value);
	if (!text)
		return TEE_ERROR_OUT_OF_MEMORY;
	*p = (struct ta_prop){ .name = up->name, .value = text,
			       .type = up->type };
	return TEE_SUCCESS;
}

TEE_Result ta_props_init(const struct ta_rt_image *img)
{
	char uuid[TA_UUID_STR_SIZE];
	TEE_Result res;

	ta_set = calloc(img->num_props + 1, sizeof(*ta_set));
	if (!ta_set)
		return TEE_ERROR_OUT_OF_MEMORY;
	ta_uuid_to_str(uuid, &img->head->uuid);
	ta_set[0] = (struct ta_prop){ "gpd.ta.appID", strdup(uuid),
				      USER_TA_PROP_TYPE_UUID };
	if (!ta_set[0].value)
		return TEE_ERROR_OUT_OF_MEMORY;
	for (size_t i = 0; i < img->num_props; i++) {
		res = add_ta_prop(&img->props[i], &ta_set[i + 1]);
		if (res != TEE_SUCCESS)
			return res;
	}
	ta_set_len = img->num_props + 1;
	return TEE_SUCCESS;
}

static bool client_get(size_t i, struct ta_prop *p)
{
	static char identity[TA_PROP_IDENTITY_TEXT_SIZE];
	const TEE_Identity *client = ta_rt_current_client();

	if (!client)
		return false;
	switch (i) {
	case 0:
		ta_prop_identity_to_text(identity, client);
		*p = (struct ta_prop){ "gpd.client.identity", identity,
				       USER_TA_PROP_TYPE_IDENTITY };
		return true;
	case 1:
		*p = (struct ta_prop){ "gpd.client.endian", "0",
				       USER_TA_PROP_TYPE_U32 };
		return true;
	default:
		return false;
	}
}

bool ta_propset_get(enum ta_propset set, size_t i, struct ta_prop *p)
{
	switch (set) {
	case TA_PROPSET_TA:
		if (i >= ta_set_len)
			return false;
		*p = ta_set[i];
		return true;
	case TA_PROPSET_CLIENT:
		return client_get(i, p);
	case TA_PROPSET_TEE:
		return ta_props_tee_get(i, p);
	}
	return false;
}

bool ta_propset_find(enum ta_propset set, const char *name,
		     struct ta_prop *p)
{
	for (size_t i = 0; ta_propset_get(set, i, p); i++)
		if (!strcmp(p->name, name))
			return true;
	return false;
}
