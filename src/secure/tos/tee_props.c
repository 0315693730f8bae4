// SPDX-License-Identifier: BSD-2-Clause
/*
 * The TEE implementation property set (TEE_PROPSET_TEE_IMPLEMENTATION):
 * every property GP TEE Internal Core API v1.3.1 defines for it, with the
 * type GP gives it.  Values travel as text in GP's printable form; the TA
 * runtime converts them to the type the TA asks for, by GP's rules
 * (src/ta/prop_format.h).  docs/properties.md says why each value is what
 * it is.
 */
#include <stdio.h>
#include <string.h>

#include "tee_api_defines.h"
#include "tos_private.h"
#include "vtee/ta_image.h"

/* OP-TEE's USER_TA_PROP_TYPE_* numbering */
enum {
	PROP_BOOL = 0,
	PROP_U32 = 1,
	PROP_UUID = 2,
	PROP_STRING = 4,
	PROP_BINARY = 5,
};

/*
 * vtee's version (CMakeLists.txt's project()), as text and as GP's
 * binary versions: major, minor, patch and 0, big-endian, in base64.
 */
#define TOS_VERSION		"0.1.0"
#define TOS_BINARY_VERSION	"AAEAAA=="	/* 00 01 00 00 */

struct tee_prop {
	const char *name;
	uint32_t type;
	const char *value;	/* NULL: computed */
};

static const struct tee_prop tee_props[] = {
	/* GP's version strings; apiversion is kept for v1.1 TAs */
	{ "gpd.tee.apiversion", PROP_STRING, "1.3.1" },
	{ "gpd.tee.internalCore.version", PROP_U32, "0x01030100" },
	{ "gpd.tee.description", PROP_STRING,
	  "vtee: a software TEE in user space" },
	{ "gpd.tee.deviceID", PROP_UUID, NULL },
	/* both clocks are the host kernel's, an REE's (100) */
	{ "gpd.tee.systemTime.protectionLevel", PROP_U32, "100" },
	{ "gpd.tee.TAPersistentTime.protectionLevel", PROP_U32, "100" },
	{ "gpd.tee.arith.maxBigIntSize", PROP_U32, "4096" },
	/* curves: NIST P-192..P-521 and SM2, not Brainpool, not Curve448 */
	{ "gpd.tee.cryptography.ecc", PROP_BOOL, "true" },
	{ "gpd.tee.cryptography.nist", PROP_BOOL, "true" },
	{ "gpd.tee.cryptography.bsi-r", PROP_BOOL, "false" },
	{ "gpd.tee.cryptography.bsi-t", PROP_BOOL, "false" },
	{ "gpd.tee.cryptography.ietf", PROP_BOOL, "false" },
	{ "gpd.tee.cryptography.octa", PROP_BOOL, "true" },
	/* rollback is detected, but by files the host kernel guards (100);
	 * antiRollback is GP v1.1's name for rollbackDetection */
	{ "gpd.tee.trustedStorage.antiRollback.protectionLevel", PROP_U32,
	  "100" },
	{ "gpd.tee.trustedStorage.rollbackDetection.protectionLevel",
	  PROP_U32, "100" },
	{ "gpd.tee.trustedos.implementation.version", PROP_STRING,
	  TOS_VERSION },
	{ "gpd.tee.trustedos.implementation.binaryversion", PROP_BINARY,
	  TOS_BINARY_VERSION },
	{ "gpd.tee.trustedos.manufacturer", PROP_STRING, "vtee" },
	/* the secure world around the trusted OS is the same build */
	{ "gpd.tee.firmware.implementation.version", PROP_STRING,
	  TOS_VERSION },
	{ "gpd.tee.firmware.implementation.binaryversion", PROP_BINARY,
	  TOS_BINARY_VERSION },
	{ "gpd.tee.firmware.manufacturer", PROP_STRING, "vtee" },
};

uint32_t tee_prop_get(const struct tos *tos, uint32_t index, char *out,
		      size_t len, size_t *used, uint32_t *type)
{
	const struct tee_prop *p;
	char uuid[37];
	const char *value;
	int n;

	if (index >= sizeof(tee_props) / sizeof(tee_props[0]))
		return TEE_ERROR_ITEM_NOT_FOUND;
	p = &tee_props[index];
	value = p->value;
	if (!value) {
		ta_image_uuid_to_str(tos->cfg.device_id, uuid);
		value = uuid;
	}
	/* "name\0value\0" */
	n = snprintf(out, len, "%s%c%s", p->name, 0, value);
	if (n < 0 || (size_t)n + 1 > len)
		return TEE_ERROR_SHORT_BUFFER;
	*used = (size_t)n + 1;
	*type = p->type;
	return TEE_SUCCESS;
}
