/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The input format of fuzz_object_blob, shared with its seed generator:
 * one byte that picks the object type (an index into fob_types, modulo
 * its length), then the attribute blob (src/ta/object_blob.c, format in
 * docs/objects.md) that a persistent object of that type would store.
 */
#ifndef VTEE_FUZZ_OBJECT_BLOB_H
#define VTEE_FUZZ_OBJECT_BLOB_H

#include <stdint.h>
#include <tee_api_defines_extensions.h>
#include <tee_internal_api.h>

struct fob_type {
	uint32_t type;
	uint32_t max_size;	/* an allowed maxObjectSize */
};

static const struct fob_type fob_types[] = {
	{ TEE_TYPE_DATA, 0 },
	{ TEE_TYPE_AES, 256 },
	{ TEE_TYPE_DES3, 192 },
	{ TEE_TYPE_HMAC_SHA256, 1024 },
	{ TEE_TYPE_GENERIC_SECRET, 4096 },
	{ TEE_TYPE_HKDF_IKM, 4096 },
	{ TEE_TYPE_RSA_PUBLIC_KEY, 4096 },
	{ TEE_TYPE_RSA_KEYPAIR, 4096 },
	{ TEE_TYPE_DSA_KEYPAIR, 3072 },
	{ TEE_TYPE_DH_KEYPAIR, 2048 },
	{ TEE_TYPE_ECDSA_PUBLIC_KEY, 521 },
	{ TEE_TYPE_ECDH_KEYPAIR, 521 },
	{ TEE_TYPE_SM2_PKE_KEYPAIR, 256 },
	{ TEE_TYPE_X25519_KEYPAIR, 256 },
	{ TEE_TYPE_ED25519_PUBLIC_KEY, 256 },
	{ TEE_TYPE_X448_KEYPAIR, 448 },
};

#define FOB_N_TYPES	(sizeof(fob_types) / sizeof(fob_types[0]))

#endif /* VTEE_FUZZ_OBJECT_BLOB_H */
