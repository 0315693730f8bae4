// SPDX-License-Identifier: BSD-2-Clause
/*
 * The property test TA (include/vtee_props_ta.h): calls one GP property
 * function per command and reports its result, value and length.  Built
 * once for GP v1.3 and once, with GP's own version selectors, for v1.1
 * (the string, binary and name getters then take uint32_t lengths).
 */
#include <string.h>
#include <tee_internal_api.h>

#include <vtee_props_ta.h>

#include "ta_boilerplate.h"

#if __OPTEE_CORE_API_COMPAT_1_1
typedef uint32_t len_t;
#else
typedef size_t len_t;
#endif

/* An instance per session: the enumerator is the instance's */
static TEE_PropSetHandle enumerator = TEE_HANDLE_NULL;

void TA_CloseSessionEntryPoint(void *sess_ctx __unused)
{
	TEE_FreePropertyEnumerator(enumerator);
	enumerator = TEE_HANDLE_NULL;
}

static bool set_handle(uint32_t set, TEE_PropSetHandle *h)
{
	static const TEE_PropSetHandle sets[] = {
		[PROPS_SET_TEE] = TEE_PROPSET_TEE_IMPLEMENTATION,
		[PROPS_SET_CLIENT] = TEE_PROPSET_CURRENT_CLIENT,
		[PROPS_SET_TA] = TEE_PROPSET_CURRENT_TA,
	};

	if (set == PROPS_SET_ENUM && enumerator != TEE_HANDLE_NULL)
		*h = enumerator;
	else if (set < PROPS_SET_ENUM)
		*h = sets[set];
	else
		return false;
	return true;
}

/* The fixed-size getters: the value, its size in *len */
static TEE_Result get_scalar(TEE_PropSetHandle h, const char *name,
			     uint32_t getter, void *out, uint32_t *len)
{
	union {
		bool b;
		uint32_t u32;
		uint64_t u64;
		TEE_UUID uuid;
		TEE_Identity id;
	} v;
	TEE_Result res;

	memset(&v, 0, sizeof(v));
	switch (getter) {
	case PROPS_AS_BOOL:
		res = TEE_GetPropertyAsBool(h, name, &v.b);
		*len = sizeof(v.b);
		break;
	case PROPS_AS_U32:
		res = TEE_GetPropertyAsU32(h, name, &v.u32);
		*len = sizeof(v.u32);
		break;
	case PROPS_AS_U64:
		res = TEE_GetPropertyAsU64(h, name, &v.u64);
		*len = sizeof(v.u64);
		break;
	case PROPS_AS_UUID:
		res = TEE_GetPropertyAsUUID(h, name, &v.uuid);
		*len = sizeof(v.uuid);
		break;
	default:
		res = TEE_GetPropertyAsIdentity(h, name, &v.id);
		*len = sizeof(v.id);
		break;
	}
	if (res != TEE_SUCCESS)
		*len = 0;
	memcpy(out, &v, *len);
	return res;
}

/* The buffer getters, offered cap bytes (or a NULL buffer) */
static TEE_Result get_buffer(TEE_PropSetHandle h, const char *name,
			     uint32_t getter, void *out, len_t *len)
{
	switch (getter) {
	case PROPS_AS_STRING:
		return TEE_GetPropertyAsString(h, name, out, len);
	case PROPS_AS_BINARY:
		return TEE_GetPropertyAsBinaryBlock(h, name, out, len);
	default:
		return TEE_GetPropertyName(h, out, len);
	}
}

static TEE_Result get(uint32_t pt, TEE_Param p[4])
{
	char name[PROPS_TA_BUF_MAX], buf[PROPS_TA_BUF_MAX];
	uint32_t getter = p[0].value.b, out_len = 0;
	size_t name_len = p[1].memref.size;
	TEE_PropSetHandle h;
	TEE_Result res;

	if (pt != PT(VALUE_INPUT, MEMREF_INPUT, MEMREF_OUTPUT, VALUE_INOUT) ||
	    !set_handle(p[0].value.a, &h) || getter > PROPS_NAME ||
	    name_len > sizeof(name) || p[3].value.a > sizeof(buf) ||
	    p[2].memref.size < sizeof(buf))
		return TEE_ERROR_BAD_PARAMETERS;
	if (name_len) {
		memcpy(name, p[1].memref.buffer, name_len);
		if (name[name_len - 1] != '\0')
			return TEE_ERROR_BAD_PARAMETERS;
	}
	if (getter == PROPS_AS_STRING || getter == PROPS_AS_BINARY ||
	    getter == PROPS_NAME) {
		len_t len = p[3].value.a;

		res = get_buffer(h, name_len ? name : NULL, getter,
				 p[3].value.b ? NULL : buf, &len);
		p[3].value.b = len;
		/* what the getter wrote: all it said it needs, on success */
		out_len = res == TEE_SUCCESS ? len : 0;
	} else {
		res = get_scalar(h, name_len ? name : NULL, getter, buf,
				 &out_len);
		p[3].value.b = out_len;
	}
	memcpy(p[2].memref.buffer, buf, out_len);
	p[2].memref.size = out_len;
	p[3].value.a = res;
	return TEE_SUCCESS;
}

static TEE_Result enum_op(uint32_t pt, TEE_Param p[4])
{
	TEE_PropSetHandle set;

	if (pt != PT(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[1].value.a = TEE_SUCCESS;
	p[1].value.b = 0;
	switch (p[0].value.a) {
	case PROPS_ENUM_ALLOC:
		if (enumerator != TEE_HANDLE_NULL)
			return TEE_ERROR_BAD_STATE;
		p[1].value.a = TEE_AllocatePropertyEnumerator(&enumerator);
		p[1].value.b = (uint32_t)(uintptr_t)enumerator;
		return TEE_SUCCESS;
	case PROPS_ENUM_FREE:
		TEE_FreePropertyEnumerator(enumerator);
		enumerator = TEE_HANDLE_NULL;
		return TEE_SUCCESS;
	case PROPS_ENUM_START:
		if (enumerator == TEE_HANDLE_NULL ||
		    p[0].value.b >= PROPS_SET_ENUM ||
		    !set_handle(p[0].value.b, &set))
			return TEE_ERROR_BAD_PARAMETERS;
		TEE_StartPropertyEnumerator(enumerator, set);
		return TEE_SUCCESS;
	case PROPS_ENUM_RESET:
		if (enumerator == TEE_HANDLE_NULL)
			return TEE_ERROR_BAD_STATE;
		TEE_ResetPropertyEnumerator(enumerator);
		return TEE_SUCCESS;
	case PROPS_ENUM_NEXT:
		if (enumerator == TEE_HANDLE_NULL)
			return TEE_ERROR_BAD_STATE;
		p[1].value.a = TEE_GetNextProperty(enumerator);
		return TEE_SUCCESS;
	default:
		return TEE_ERROR_BAD_PARAMETERS;
	}
}

static TEE_Result panic(uint32_t pt, TEE_Param p[4])
{
	TEE_PropSetHandle e = TEE_HANDLE_NULL, other = TEE_HANDLE_NULL;
	char buf[64];
	len_t len = sizeof(buf);

	if (pt != PT(VALUE_INPUT, NONE, NONE, NONE) ||
	    TEE_AllocatePropertyEnumerator(&e) != TEE_SUCCESS)
		return TEE_ERROR_BAD_PARAMETERS;
	switch (p[0].value.a) {
	case PROPS_PANIC_START_NO_SET:
		if (TEE_AllocatePropertyEnumerator(&other) != TEE_SUCCESS)
			return TEE_ERROR_OUT_OF_MEMORY;
		TEE_StartPropertyEnumerator(e, other);
		break;
	case PROPS_PANIC_FREED_ENUM:
		TEE_StartPropertyEnumerator(e, TEE_PROPSET_CURRENT_TA);
		TEE_FreePropertyEnumerator(e);
		TEE_GetPropertyAsString(e, NULL, buf, &len);
		break;
	case PROPS_PANIC_MADE_UP_ENUM:
		TEE_GetNextProperty((TEE_PropSetHandle)(uintptr_t)0x7e57);
		break;
	case PROPS_PANIC_NULL_BLOCK_LEN:
		TEE_GetPropertyAsBinaryBlock(TEE_PROPSET_TEE_IMPLEMENTATION,
					     "gpd.tee.deviceID", buf, NULL);
		break;
	default:
		return TEE_ERROR_BAD_PARAMETERS;
	}
	return TEE_ERROR_GENERIC;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t pt, TEE_Param p[4])
{
	switch (cmd) {
	case PROPS_CMD_GET:
		return get(pt, p);
	case PROPS_CMD_ENUM:
		return enum_op(pt, p);
	case PROPS_CMD_PANIC:
		return panic(pt, p);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
