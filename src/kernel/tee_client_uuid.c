// SPDX-License-Identifier: BSD-2-Clause
/*
 * Client UUIDs for USER and GROUP logins: RFC 4122 UUIDv5 (SHA-1) in the
 * namespace Linux chose for the TEE subsystem, over "uid=%x" / "gid=%x".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

#include "tee_drv.h"

static const uint8_t tee_client_uuid_ns[16] = {
	0x58, 0xac, 0x9c, 0xa0, 0x20, 0x86, 0x46, 0x83,
	0xa1, 0xb8, 0xec, 0x4b, 0xc0, 0x8e, 0x01, 0xb6,
};

#define TEE_UUID_NS_NAME_SIZE 128

static int uuid_v5(uint8_t out[16], const char *name)
{
	uint8_t msg[sizeof(tee_client_uuid_ns) + TEE_UUID_NS_NAME_SIZE];
	uint8_t hash[EVP_MAX_MD_SIZE];
	size_t len = strlen(name);

	memcpy(msg, tee_client_uuid_ns, sizeof(tee_client_uuid_ns));
	memcpy(msg + sizeof(tee_client_uuid_ns), name, len);
	if (!EVP_Digest(msg, sizeof(tee_client_uuid_ns) + len, hash, NULL,
			EVP_sha1(), NULL))
		return -ENOMEM;
	memcpy(out, hash, 16);
	out[6] = (out[6] & 0x0f) | 0x50;
	out[8] = (out[8] & 0x3f) | 0x80;
	return 0;
}

static bool cred_in_group(const struct tee_cred *cred, gid_t gid)
{
	if (cred->gid == gid)
		return true;
	for (size_t i = 0; i < cred->ngroups; i++)
		if (cred->groups[i] == gid)
			return true;
	return false;
}

int tee_session_calc_client_uuid(uint8_t uuid[16], uint32_t login,
				 const void *connection_data,
				 const struct tee_cred *cred)
{
	char name[TEE_UUID_NS_NAME_SIZE];
	gid_t gid;

	switch (login) {
	case TEE_IOCTL_LOGIN_PUBLIC:
	case TEE_IOCTL_LOGIN_REE_KERNEL:
		memset(uuid, 0, 16);
		return 0;
	case TEE_IOCTL_LOGIN_USER:
		snprintf(name, sizeof(name), "uid=%x", (unsigned)cred->uid);
		break;
	case TEE_IOCTL_LOGIN_GROUP:
		memcpy(&gid, connection_data, sizeof(gid));
		if (!cred_in_group(cred, gid))
			return -EPERM;
		snprintf(name, sizeof(name), "gid=%x", (unsigned)gid);
		break;
	default:
		/* the APPLICATION logins are defined but not implemented */
		return -EINVAL;
	}
	return uuid_v5(uuid, name);
}
