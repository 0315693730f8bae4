/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the asymmetric and key derivation families share: the class
 * functions' view of a family (struct ta_asym_ops), the backend that
 * keeps a family's library key, and small helpers for parameters, keys
 * and outputs.
 *
 * op_asym.c:      TEE_Asymmetric{Encrypt,Decrypt,SignDigest,VerifyDigest}
 * op_derive.c:    TEE_DeriveKey
 * op_asym_gp11.c: their GP v1.1 twins
 * op_pkey.c:      libcrypto keys (EVP_PKEY) built from GP key objects
 * op_rsa.c, op_dsa.c, op_ecdsa.c, op_eddsa.c, op_sm2_dsa.c, op_sm2_pke.c:
 *                 the signature and encryption families
 * op_dh.c, op_ecdh.c, op_sm2_kep.c, op_kdf.c: the key derivations
 * ed25519_bn.c, sm2_util.c: the computations libcrypto 3.0 lacks
 */
#ifndef VTEE_TA_OP_ASYM_H
#define VTEE_TA_OP_ASYM_H

#include <openssl/evp.h>
#include <stddef.h>
#include <stdint.h>

#include "object_attrs.h"
#include "operation.h"

/* The caller's operation parameters (TEE_Attribute array) */
struct ta_params {
	const TEE_Attribute *attrs;
	uint32_t n;
};

/*
 * A family's functions (struct ta_op_backend.ops).  The class functions
 * have checked handle, class, mode, key and buffers, and for a signature
 * algorithm with a hash the digest's length.  Results go into a buffer
 * the family allocates (*out, *out_len; malloc), which the class function
 * hands out by GP's short-buffer rule and wipes.
 *
 * encrypt/decrypt/sign: TEE_SUCCESS, TEE_ERROR_BAD_PARAMETERS (an input
 *   the key cannot take), TEE_ERROR_CIPHERTEXT_INVALID (decrypt only);
 *   anything else is a panic.
 * verify: TEE_SUCCESS, TEE_ERROR_SIGNATURE_INVALID, BAD_PARAMETERS.
 * derive: the shared secret or derived key bytes; TEE_SUCCESS or
 *   TEE_ERROR_BAD_PARAMETERS (TEE_DeriveKey panics on any error).
 *   max_len is what the derived key object holds, in bytes (the key
 *   length of a derivation that takes it from there: SM2 KEP).
 */
struct ta_asym_ops {
	/* The key as libcrypto wants it, built when the key is set (NULL:
	 * the family reads op->key[] itself) */
	EVP_PKEY *(*load)(const struct ta_operation *op);
	TEE_Result (*encrypt)(struct ta_operation *op,
			      const struct ta_params *p, const uint8_t *in,
			      size_t len, uint8_t **out, size_t *out_len);
	TEE_Result (*decrypt)(struct ta_operation *op,
			      const struct ta_params *p, const uint8_t *in,
			      size_t len, uint8_t **out, size_t *out_len);
	TEE_Result (*sign)(struct ta_operation *op, const struct ta_params *p,
			   const uint8_t *digest, size_t len, uint8_t **out,
			   size_t *out_len);
	TEE_Result (*verify)(struct ta_operation *op,
			     const struct ta_params *p, const uint8_t *digest,
			     size_t len, const uint8_t *sig, size_t sig_len);
	TEE_Result (*derive)(struct ta_operation *op,
			     const struct ta_params *p, size_t max_len,
			     uint8_t **out, size_t *out_len);
};

/*
 * The backend hooks of every asymmetric family: op->ctx is the EVP_PKEY
 * ops->load made from the key (rebuilt when the key changes, and for a
 * copy), or NULL.
 */
TEE_Result ta_asym_key_changed(struct ta_operation *op);
void ta_asym_free(struct ta_operation *op);
TEE_Result ta_asym_copy(struct ta_operation *dst,
			const struct ta_operation *src);

#define TA_ASYM_BACKEND(ops_) {					\
	.free = ta_asym_free, .copy = ta_asym_copy,			\
	.key_changed = ta_asym_key_changed, .ops = &(ops_) }

/* The EVP_PKEY of the operation's key (set: the class functions checked) */
EVP_PKEY *ta_asym_pkey(const struct ta_operation *op);
/* A libcrypto context on that key, or a panic (out of memory) */
EVP_PKEY_CTX *ta_asym_pctx(const struct ta_operation *op);

/* The parameter with that id, or NULL */
const TEE_Attribute *ta_param(const struct ta_params *p, uint32_t id);

/* A buffer of len bytes for a family's result; panics when out of
 * memory (GP has no error code for it here, like OP-TEE). */
uint8_t *ta_asym_alloc(size_t len);

/* The digest of TEE_ALG_* hash, or a panic if the library lacks it */
const EVP_MD *ta_asym_md(uint32_t hash);

/*
 * Attributes of a key object: a number as a new BIGNUM (NULL if absent;
 * panics when out of memory), a value attribute's a (def if absent).
 */
BIGNUM *ta_obj_bn(const struct ta_object *key, uint32_t id);
uint32_t ta_obj_value(const struct ta_object *key, uint32_t id,
		      uint32_t def);

/* A number as exactly len big-endian bytes (leading zeros); false if it
 * does not fit */
bool ta_bn_to_fixed(const BIGNUM *bn, uint8_t *out, size_t len);

/*
 * libcrypto keys from key objects (op_pkey.c), a key pair's private half
 * included when the object has it; NULL if libcrypto refuses the
 * numbers.  ta_pkey_ec takes OpenSSL's key type ("EC", "SM2") and group
 * name; ta_pkey_raw OpenSSL's name of a raw-value curve.
 */
EVP_PKEY *ta_pkey_rsa(const struct ta_object *key);
EVP_PKEY *ta_pkey_dsa(const struct ta_object *key);
EVP_PKEY *ta_pkey_ec(const struct ta_object *key, const char *type,
		     const char *group);
EVP_PKEY *ta_pkey_raw(const struct ta_object *key, const char *name,
		      uint32_t priv_id, uint32_t pub_id);
/* A public EC key of `bits` from a peer's coordinates (parameters);
 * NULL if the point is not on the curve */
EVP_PKEY *ta_pkey_ec_public(const char *type, const char *group,
			    uint32_t bits, const TEE_Attribute *x,
			    const TEE_Attribute *y);
/* OpenSSL's group name and the size in bits of a NIST curve
 * (TEE_ECC_CURVE_*), or NULL */
const char *ta_nist_group(uint32_t curve, uint32_t *bits);

#endif /* VTEE_TA_OP_ASYM_H */
