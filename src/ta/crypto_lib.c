// SPDX-License-Identifier: BSD-2-Clause
/*
 * OpenSSL for the TA runtime (crypto_lib.h): providers, and the fetched
 * algorithms kept for the life of the process.
 */
#include <openssl/err.h>
#include <openssl/provider.h>
#include <stdbool.h>
#include <string.h>
#include <tee_internal_api.h>

#include "crypto_lib.h"
#include "ta_runtime.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct md_entry {
	uint32_t alg;
	const char *name;
	EVP_MD *md;
};

static struct md_entry mds[] = {
	{ TEE_ALG_MD5, "MD5", NULL },
	{ TEE_ALG_SHA1, "SHA1", NULL },
	{ TEE_ALG_SHA224, "SHA224", NULL },
	{ TEE_ALG_SHA256, "SHA256", NULL },
	{ TEE_ALG_SHA384, "SHA384", NULL },
	{ TEE_ALG_SHA512, "SHA512", NULL },
	{ TEE_ALG_SHA3_224, "SHA3-224", NULL },
	{ TEE_ALG_SHA3_256, "SHA3-256", NULL },
	{ TEE_ALG_SHA3_384, "SHA3-384", NULL },
	{ TEE_ALG_SHA3_512, "SHA3-512", NULL },
	{ TEE_ALG_SHAKE128, "SHAKE128", NULL },
	{ TEE_ALG_SHAKE256, "SHAKE256", NULL },
	{ TEE_ALG_SM3, "SM3", NULL },
};

struct cipher_entry {
	const char *name;
	EVP_CIPHER *cipher;
};

/* Every cipher a backend names (op_cipher*.c, op_mac*.c, op_ae*.c) */
static struct cipher_entry ciphers[] = {
	{ "AES-128-ECB", NULL }, { "AES-192-ECB", NULL },
	{ "AES-256-ECB", NULL }, { "AES-128-CBC", NULL },
	{ "AES-192-CBC", NULL }, { "AES-256-CBC", NULL },
	{ "AES-128-CTR", NULL }, { "AES-192-CTR", NULL },
	{ "AES-256-CTR", NULL }, { "AES-128-GCM", NULL },
	{ "AES-192-GCM", NULL }, { "AES-256-GCM", NULL },
	{ "DES-ECB", NULL }, { "DES-CBC", NULL },
	{ "DES-EDE3-ECB", NULL }, { "DES-EDE3-CBC", NULL },
	{ "SM4-ECB", NULL }, { "SM4-CBC", NULL }, { "SM4-CTR", NULL },
};

static struct {
	const char *name;
	EVP_MAC *mac;
} macs[] = {
	{ "HMAC", NULL },
	{ "CMAC", NULL },
};

static bool initialized;

/*
 * Loading "legacy" explicitly turns off the automatic fallback to
 * "default", so both are loaded.  A missing legacy module only costs
 * the DES algorithms (their lookups stay NULL: NOT_SUPPORTED).
 */
static void load_providers(void)
{
	OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CONFIG, NULL);
	OSSL_PROVIDER_load(NULL, "default");
	OSSL_PROVIDER_load(NULL, "legacy");
}

void ta_crypto_init(void)
{
	if (initialized)
		return;
	initialized = true;
	load_providers();
	for (size_t i = 0; i < N(mds); i++)
		mds[i].md = EVP_MD_fetch(NULL, mds[i].name, NULL);
	for (size_t i = 0; i < N(ciphers); i++)
		ciphers[i].cipher = EVP_CIPHER_fetch(NULL, ciphers[i].name,
						     NULL);
	for (size_t i = 0; i < N(macs); i++)
		macs[i].mac = EVP_MAC_fetch(NULL, macs[i].name, NULL);
	/* errors of the fetches above are answers, not pending failures */
	ERR_clear_error();
}

const EVP_MD *ta_crypto_md(uint32_t hash_alg)
{
	ta_crypto_init();
	for (size_t i = 0; i < N(mds); i++)
		if (mds[i].alg == hash_alg)
			return mds[i].md;
	return NULL;
}

const EVP_CIPHER *ta_crypto_cipher(const char *name)
{
	ta_crypto_init();
	for (size_t i = 0; i < N(ciphers); i++)
		if (!strcmp(ciphers[i].name, name))
			return ciphers[i].cipher;
	return NULL;
}

EVP_MAC *ta_crypto_mac(const char *name)
{
	ta_crypto_init();
	for (size_t i = 0; i < N(macs); i++)
		if (!strcmp(macs[i].name, name))
			return macs[i].mac;
	return NULL;
}

/* The launcher's preparation for every TA (ta_runtime.h) */
void ta_rt_preload(void)
{
	ta_crypto_init();
}
