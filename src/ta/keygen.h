/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Key generation inside the TA runtime: what TEE_GenerateKey
 * (object_generate.c) shares with the per-family generators.
 *
 * object_generate.c: the GP function, its checks, secret keys
 * keygen_rsa.c:      RSA key pairs, computed with BIGNUM (any size)
 * keygen_dlog.c:     DSA and DH key pairs on given domain parameters
 * keygen_ec.c:       NIST curves, SM2, X25519, Ed25519, X448
 *
 * A generator gets the caller's parameters already checked against the
 * type's rules (ids, repetitions, mandatory ones, sizes that fit
 * maxObjectSize) and fills a struct ta_keygen with every attribute of the
 * key, in the form TEE_PopulateTransientObject stores: numbers big-endian
 * without leading zero bytes, fixed-length values as they are.  It
 * answers TEE_ERROR_BAD_PARAMETERS for parameter values that make no key
 * (GP's "incorrect or inconsistent attribute value"); anything else but
 * TEE_SUCCESS becomes a panic.
 */
#ifndef VTEE_TA_KEYGEN_H
#define VTEE_TA_KEYGEN_H

#include <openssl/bn.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_internal_api.h>

#include "object_attrs.h"

/* The caller's parameters (views of its buffers, numbers without their
 * leading zero bytes) */
struct ta_keygen_in {
	uint32_t type;			/* TEE_TYPE_* */
	uint32_t bits;			/* keySize */
	const struct ta_attr *params;
	size_t n;
};

/* The generated attributes, owned (ta_keygen_wipe frees them) */
struct ta_keygen {
	struct ta_attr attrs[TA_OBJ_ATTRS_MAX];
	size_t n;
};

/* The parameter with that id, or NULL */
const struct ta_attr *ta_keygen_param(const struct ta_keygen_in *in,
				      uint32_t id);
/* The parameter as a new BIGNUM (NULL if absent or out of memory: the
 * caller checks presence first) */
BIGNUM *ta_keygen_param_bn(const struct ta_keygen_in *in, uint32_t id);

/* Appending to the result; TEE_ERROR_OUT_OF_MEMORY */
TEE_Result ta_keygen_add_buf(struct ta_keygen *k, uint32_t id,
			     const void *buf, size_t len);
TEE_Result ta_keygen_add_bn(struct ta_keygen *k, uint32_t id,
			    const BIGNUM *bn);
void ta_keygen_add_value(struct ta_keygen *k, uint32_t id, uint32_t a,
			 uint32_t b);
/* Wipes and frees every buffer of k. */
void ta_keygen_wipe(struct ta_keygen *k);

TEE_Result ta_keygen_rsa(const struct ta_keygen_in *in, struct ta_keygen *out);
TEE_Result ta_keygen_dsa(const struct ta_keygen_in *in, struct ta_keygen *out);
TEE_Result ta_keygen_dh(const struct ta_keygen_in *in, struct ta_keygen *out);
TEE_Result ta_keygen_nist(const struct ta_keygen_in *in,
			  struct ta_keygen *out);
TEE_Result ta_keygen_sm2(const struct ta_keygen_in *in, struct ta_keygen *out);
/* X25519, Ed25519, X448: the raw private and public values */
TEE_Result ta_keygen_raw(const struct ta_keygen_in *in, struct ta_keygen *out);

#endif /* VTEE_TA_KEYGEN_H */
