/* SPDX-License-Identifier: BSD-2-Clause */
/* The property test TA (props_ta.c, include/vtee_props_ta.h). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <vtee_props_ta.h>

#ifdef PROPS_TA_GP11
#define TA_UUID		PROPS_TA_GP11_UUID
#else
#define TA_UUID		PROPS_TA_UUID
#endif
/* an instance per session; one flag set, to see a true gpd.ta.* bool */
#define TA_FLAGS	TA_FLAG_DONT_CLOSE_HANDLE_ON_CORRUPT_OBJECT
#define TA_STACK_SIZE	(12 * 1024)
#define TA_DATA_SIZE	(48 * 1024)
#define TA_VERSION	"2.5"
#define TA_DESCRIPTION	"Property test TA, vtee"

#define X(name, text) { name, USER_TA_PROP_TYPE_STRING, text },
#define TA_CURRENT_TA_EXT_PROPERTIES \
	{ "vtee.test.bool", USER_TA_PROP_TYPE_BOOL, &(const bool){ false } }, \
	{ "vtee.test.u32", USER_TA_PROP_TYPE_U32, \
	  &(const uint32_t){ PROPS_TA_EXT_U32 } }, \
	{ "vtee.test.u64", USER_TA_PROP_TYPE_U64, \
	  &(const uint64_t){ PROPS_TA_EXT_U64 } }, \
	{ "vtee.test.uuid", USER_TA_PROP_TYPE_UUID, \
	  &(const TEE_UUID)PROPS_TA_EXT_UUID }, \
	{ "vtee.test.identity", USER_TA_PROP_TYPE_IDENTITY, \
	  &(const TEE_Identity){ TEE_LOGIN_TRUSTED_APP, PROPS_TA_EXT_UUID } }, \
	{ "vtee.test.binary", USER_TA_PROP_TYPE_BINARY_BLOCK, \
	  PROPS_TA_EXT_BINARY }, \
	{ "vtee.test.empty_binary", USER_TA_PROP_TYPE_BINARY_BLOCK, "" }, \
	PROPS_TA_EXT_STRINGS

#endif /* USER_TA_HEADER_DEFINES_H */
