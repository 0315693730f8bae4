/* SPDX-License-Identifier: BSD-2-Clause */
/* What the crypto test TA's files share (crypto_ta*.c). */
#ifndef CRYPTO_TA_H
#define CRYPTO_TA_H

#include <tee_internal_api.h>
#include <tee_api_defines_extensions.h>

/* GP v1.1 lengths are 32 bits */
#ifdef CRYPTO_TA_GP11
typedef uint32_t len_t;
#else
typedef size_t len_t;
#endif

/* A transient secret key object of `type` holding key[len]; panics
 * (there is nothing to test if the object layer fails) */
TEE_ObjectHandle crypto_ta_key(uint32_t type, const void *key, size_t len);
/* An operation, already keyed with key (NULL: none); panics on failure */
TEE_OperationHandle crypto_ta_op(uint32_t alg, uint32_t mode, uint32_t max,
				 uint32_t type, const void *key, size_t len);

TEE_Result crypto_ta_run(uint32_t pt, TEE_Param p[4]);
TEE_Result crypto_ta_rule(uint32_t pt, TEE_Param p[4]);
TEE_Result crypto_ta_panic(uint32_t pt, TEE_Param p[4]);

#endif /* CRYPTO_TA_H */
