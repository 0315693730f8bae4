/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <probe_ta.h>

#if defined(PROBE_VARIANT_GP11)
#define TA_UUID		PROBE_TA_GP11_UUID
#elif defined(PROBE_VARIANT_CTOR)
#define TA_UUID		PROBE_TA_CTOR_UUID
#else
#define TA_UUID		PROBE_TA_UUID
#endif

#define TA_FLAGS	TA_FLAG_MULTI_SESSION
#define TA_STACK_SIZE	(4 * 1024)
#define TA_DATA_SIZE	(16 * 1024)
/* no TA_VERSION: the default must show */
#define TA_DESCRIPTION	"launcher probe"

/* One property of each type, for the conversions */
#define TA_CURRENT_TA_EXT_PROPERTIES \
	{ "probe.bool", USER_TA_PROP_TYPE_BOOL, &(const bool){ true } }, \
	{ "probe.u32", USER_TA_PROP_TYPE_U32, &(const uint32_t){ 0x10 } }, \
	{ "probe.u64", USER_TA_PROP_TYPE_U64, \
	  &(const uint64_t){ 0x100000000ULL } }, \
	{ "probe.hex", USER_TA_PROP_TYPE_STRING, "0x1F" }, \
	{ "probe.blob", USER_TA_PROP_TYPE_BINARY_BLOCK, "aGVsbG8=" }, \
	{ "probe.uuid", USER_TA_PROP_TYPE_UUID, &(const TEE_UUID)PROBE_TA_UUID }, \
	{ "probe.identity", USER_TA_PROP_TYPE_IDENTITY, \
	  &(const TEE_Identity){ TEE_LOGIN_APPLICATION, PROBE_TA_UUID } }

#endif /* USER_TA_HEADER_DEFINES_H */
