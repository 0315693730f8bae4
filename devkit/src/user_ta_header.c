// SPDX-License-Identifier: BSD-2-Clause
/*
 * Compiled into every TA, next to the TA's own sources and with the same
 * definitions.  It turns the TA's user_ta_header_defines.h (TA_UUID,
 * TA_FLAGS, TA_STACK_SIZE, TA_DATA_SIZE, optional TA_VERSION,
 * TA_DESCRIPTION and TA_CURRENT_TA_EXT_PROPERTIES) into the ta_head and
 * ta_props[] the launcher and the runtime read, and, for TAs built in GP
 * v1.1 mode, supplies the standard-named entry points around the TA's
 * __GP11_ ones.
 */
#include <tee_internal_api.h>
#include <user_ta_header.h>
#include <user_ta_header_defines.h>

#if !defined(TA_UUID) || !defined(TA_FLAGS) || !defined(TA_STACK_SIZE) || \
	!defined(TA_DATA_SIZE)
#error "user_ta_header_defines.h must define TA_UUID, TA_FLAGS, TA_STACK_SIZE and TA_DATA_SIZE"
#endif

#ifndef TA_VERSION
#define TA_VERSION "Undefined version"
#endif

#ifndef TA_DESCRIPTION
#define TA_DESCRIPTION "Undefined description"
#endif

/* GP's TA_STACK_SIZE is what the TA's own code needs; the runtime's
 * entry and trace paths run on the same stack. */
#define TA_FRAMEWORK_STACK_SIZE 2048

TA_EXPORT const struct ta_head ta_head __section(".ta_head") = {
	.uuid = TA_UUID,
	.stack_size = TA_STACK_SIZE + TA_FRAMEWORK_STACK_SIZE,
	.flags = TA_FLAGS,
	.depr_entry = UINT64_MAX,
};

#define TA_FLAG_SET(flag) (&(const bool){ (TA_FLAGS & (flag)) != 0 })

TA_EXPORT const struct user_ta_property ta_props[] = {
	{ TA_PROP_STR_SINGLE_INSTANCE, USER_TA_PROP_TYPE_BOOL,
	  TA_FLAG_SET(TA_FLAG_SINGLE_INSTANCE) },
	{ TA_PROP_STR_MULTI_SESSION, USER_TA_PROP_TYPE_BOOL,
	  TA_FLAG_SET(TA_FLAG_MULTI_SESSION) },
	{ TA_PROP_STR_KEEP_ALIVE, USER_TA_PROP_TYPE_BOOL,
	  TA_FLAG_SET(TA_FLAG_INSTANCE_KEEP_ALIVE) },
	{ TA_PROP_STR_KEEP_CRASHED, USER_TA_PROP_TYPE_BOOL,
	  TA_FLAG_SET(TA_FLAG_INSTANCE_KEEP_CRASHED) },
	{ TA_PROP_STR_DATA_SIZE, USER_TA_PROP_TYPE_U32,
	  &(const uint32_t){ TA_DATA_SIZE } },
	{ TA_PROP_STR_STACK_SIZE, USER_TA_PROP_TYPE_U32,
	  &(const uint32_t){ TA_STACK_SIZE } },
	{ TA_PROP_STR_VERSION, USER_TA_PROP_TYPE_STRING, TA_VERSION },
	{ TA_PROP_STR_DESCRIPTION, USER_TA_PROP_TYPE_STRING, TA_DESCRIPTION },
	{ TA_PROP_STR_ENDIAN, USER_TA_PROP_TYPE_U32, &(const uint32_t){ 0 } },
	{ TA_PROP_STR_DOES_NOT_CLOSE_HANDLE_ON_CORRUPT_OBJECT,
	  USER_TA_PROP_TYPE_BOOL,
	  TA_FLAG_SET(TA_FLAG_DONT_CLOSE_HANDLE_ON_CORRUPT_OBJECT) },
#ifdef TA_CURRENT_TA_EXT_PROPERTIES
	TA_CURRENT_TA_EXT_PROPERTIES
#endif
};

TA_EXPORT const size_t ta_num_props = sizeof(ta_props) / sizeof(ta_props[0]);

#if __OPTEE_CORE_API_COMPAT_1_1
/*
 * The TA defined __GP11_TA_OpenSessionEntryPoint and
 * __GP11_TA_InvokeCommandEntryPoint; the runtime calls the standard names
 * with v1.3 parameters.  The runtime's __ta_* helpers convert.
 */
#undef TA_OpenSessionEntryPoint
#undef TA_InvokeCommandEntryPoint
#undef TEE_Param

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
				    TEE_Param params[TEE_NUM_PARAMS],
				    void **sess_ctx)
{
	return __ta_open_sess(param_types, params, sess_ctx,
			      __GP11_TA_OpenSessionEntryPoint);
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t param_types,
				      TEE_Param params[TEE_NUM_PARAMS])
{
	return __ta_invoke_cmd(sess_ctx, cmd_id, param_types, params,
			       __GP11_TA_InvokeCommandEntryPoint);
}
#endif /* __OPTEE_CORE_API_COMPAT_1_1 */
