/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The cryptographic library behind the operations: OpenSSL 3's libcrypto
 * (docs/crypto.md says why).  Its providers are loaded once, and every
 * algorithm an operation may use is fetched once and kept, so that no
 * operation asks the library to search (or to read a file, which the
 * running sandbox forbids) after the TA has started.
 */
#ifndef VTEE_TA_CRYPTO_LIB_H
#define VTEE_TA_CRYPTO_LIB_H

#include <openssl/evp.h>
#include <stdint.h>

/*
 * Loads the default and legacy providers (DES lives in legacy) and
 * fetches the algorithms below.  Idempotent; the launcher calls it
 * (ta_rt_preload) before it forks TA processes, so that they inherit a
 * ready library; anything else calling the lookups gets it on first use.
 */
void ta_crypto_init(void);

/* The digest of a TEE_ALG_* digest id (TEE_ALG_SHA256 ...), or NULL */
const EVP_MD *ta_crypto_md(uint32_t hash_alg);
/* A cipher by OpenSSL name ("AES-128-CBC", "DES-EDE3-ECB" ...), or NULL
 * if it is not one the runtime fetched */
const EVP_CIPHER *ta_crypto_cipher(const char *name);
/* "HMAC" or "CMAC", or NULL */
EVP_MAC *ta_crypto_mac(const char *name);

#endif /* VTEE_TA_CRYPTO_LIB_H */
