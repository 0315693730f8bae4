// SPDX-License-Identifier: BSD-2-Clause
/*
 * The crypto floors: the crypto cases' operations on OpenSSL's libcrypto
 * in this process, with nothing of vtee in between (crypto_floor.h).
 * Each does the least the library needs per operation: algorithms
 * fetched, keys loaded and contexts made once; per message an init with
 * the IV (the key schedule kept), the update, the final; per signature
 * or verification one call on a context initialised once; per
 * derivation the peer's public value made into a key, a context, the
 * derivation (what a derivation from received bytes needs).
 */
#include "crypto_floor.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "bench_crypto_ta.h"

#define DIGEST_LEN	32
#define SIG_MAX		512
#define PUB_LEN		32	/* X25519 */
#define CHECK_MAX	BENCH_CRYPTO_CHECK_MAX

struct crypto_floor {
	enum crypto_kind kind;
	size_t size;
	uint8_t *in, *out;
	uint8_t iv[BENCH_CRYPTO_CBC_IV_LEN];
	uint8_t digest[DIGEST_LEN];
	uint8_t sig[SIG_MAX];
	size_t sig_len;
	uint8_t peer[PUB_LEN];
	EVP_CIPHER *cipher;
	EVP_CIPHER_CTX *cctx;
	EVP_MD *md;
	EVP_MD_CTX *mctx;
	EVP_MAC *mac;
	EVP_MAC_CTX *macctx;
	EVP_PKEY *pkey;
	EVP_PKEY_CTX *pctx;
};

static void fill(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = BENCH_CRYPTO_FILL(i);
}

void crypto_floor_free(struct crypto_floor *f)
{
	if (!f)
		return;
	EVP_CIPHER_CTX_free(f->cctx);
	EVP_CIPHER_free(f->cipher);
	EVP_MD_CTX_free(f->mctx);
	EVP_MD_free(f->md);
	EVP_MAC_CTX_free(f->macctx);
	EVP_MAC_free(f->mac);
	EVP_PKEY_CTX_free(f->pctx);
	EVP_PKEY_free(f->pkey);
	free(f->in);
	free(f->out);
	free(f);
}

static bool cipher_new(struct crypto_floor *f, unsigned int bits,
		       const uint8_t *key)
{
	const char *gcm = bits == 256 ? "AES-256-GCM" : "AES-128-GCM";
	const char *cbc = bits == 256 ? "AES-256-CBC" : "AES-128-CBC";
	size_t nonce_len = BENCH_CRYPTO_GCM_NONCE_LEN;
	OSSL_PARAM p[2] = { OSSL_PARAM_END, OSSL_PARAM_END };

	if (bits != 128 && bits != 256)
		return false;
	f->cipher = EVP_CIPHER_fetch(NULL, f->kind == CRYPTO_AES_GCM ? gcm :
				     cbc, NULL);
	f->cctx = EVP_CIPHER_CTX_new();
	if (!f->cipher || !f->cctx)
		return false;
	if (f->kind == CRYPTO_AES_GCM)
		p[0] = OSSL_PARAM_construct_size_t(OSSL_CIPHER_PARAM_AEAD_IVLEN,
						   &nonce_len);
	if (!EVP_EncryptInit_ex2(f->cctx, f->cipher, key, NULL, p))
		return false;
	return EVP_CIPHER_CTX_set_padding(f->cctx, 0);
}

static bool mac_new(struct crypto_floor *f, unsigned int bits,
		    const uint8_t *key)
{
	OSSL_PARAM p[2] = {
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
						 "SHA256", 0),
		OSSL_PARAM_END
	};

	f->mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	f->macctx = f->mac ? EVP_MAC_CTX_new(f->mac) : NULL;
	return f->macctx && EVP_MAC_init(f->macctx, key, bits / 8, p);
}

/* A key pair, and the context of its operation, initialised. */
static bool pkey_new(struct crypto_floor *f, unsigned int bits)
{
	EVP_PKEY *peer;
	size_t len = PUB_LEN;
	bool sign = f->kind == CRYPTO_RSA_SIGN || f->kind == CRYPTO_ECDSA_SIGN;
	bool ok;

	switch (f->kind) {
	case CRYPTO_RSA_SIGN:
	case CRYPTO_RSA_VERIFY:
		f->pkey = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)bits);
		break;
	case CRYPTO_ECDSA_SIGN:
	case CRYPTO_ECDSA_VERIFY:
		f->pkey = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
		break;
	default:
		/* X25519: ours, and a peer's public value */
		f->pkey = EVP_PKEY_Q_keygen(NULL, NULL, "X25519");
		peer = EVP_PKEY_Q_keygen(NULL, NULL, "X25519");
		ok = peer && EVP_PKEY_get_raw_public_key(peer, f->peer, &len);
		EVP_PKEY_free(peer);
		return f->pkey && ok && len == PUB_LEN;
	}
	f->pctx = f->pkey ? EVP_PKEY_CTX_new_from_pkey(NULL, f->pkey, NULL) :
			    NULL;
	if (!f->pctx || EVP_PKEY_sign_init(f->pctx) <= 0)
		return false;
	if ((f->kind == CRYPTO_RSA_SIGN || f->kind == CRYPTO_RSA_VERIFY) &&
	    EVP_PKEY_CTX_set_rsa_padding(f->pctx, RSA_PKCS1_PADDING) <= 0)
		return false;
	if (EVP_PKEY_CTX_set_signature_md(f->pctx, EVP_sha256()) <= 0)
		return false;
	f->sig_len = sizeof(f->sig);
	if (EVP_PKEY_sign(f->pctx, f->sig, &f->sig_len, f->digest,
			  sizeof(f->digest)) <= 0)
		return false;
	if (sign)
		return true;
	/* a verifier: the same key, the signature just made */
	if (EVP_PKEY_verify_init(f->pctx) <= 0)
		return false;
	if (f->kind == CRYPTO_RSA_VERIFY &&
	    EVP_PKEY_CTX_set_rsa_padding(f->pctx, RSA_PKCS1_PADDING) <= 0)
		return false;
	return EVP_PKEY_CTX_set_signature_md(f->pctx, EVP_sha256()) > 0;
}

struct crypto_floor *crypto_floor_new(enum crypto_kind kind,
				      unsigned int key_bits, size_t size,
				      const uint8_t *key)
{
	struct crypto_floor *f = calloc(1, sizeof(*f));
	bool ok;

	if (!f)
		return NULL;
	f->kind = kind;
	f->size = size;
	f->in = malloc(size ? size : 1);
	f->out = malloc(size + SIG_MAX);
	if (!f->in || !f->out) {
		crypto_floor_free(f);
		return NULL;
	}
	fill(f->in, size);
	memset(f->out, 0, size + SIG_MAX);
	fill(f->iv, sizeof(f->iv));
	fill(f->digest, sizeof(f->digest));
	switch (kind) {
	case CRYPTO_AES_GCM:
	case CRYPTO_AES_CBC:
		ok = cipher_new(f, key_bits, key);
		break;
	case CRYPTO_SHA256:
		f->md = EVP_MD_fetch(NULL, "SHA256", NULL);
		f->mctx = EVP_MD_CTX_new();
		ok = f->md && f->mctx;
		break;
	case CRYPTO_HMAC_SHA256:
		ok = mac_new(f, key_bits, key);
		break;
	default:
		ok = pkey_new(f, key_bits);
		break;
	}
	if (!ok) {
		crypto_floor_free(f);
		return NULL;
	}
	return f;
}

/* One message of a cipher: init with the IV, update, final, the tag. */
static bool run_cipher(struct crypto_floor *f, uint8_t *check,
		       size_t *check_len)
{
	int n = 0, m = 0;

	if (!EVP_EncryptInit_ex2(f->cctx, NULL, NULL, f->iv, NULL) ||
	    !EVP_EncryptUpdate(f->cctx, f->out, &n, f->in, (int)f->size) ||
	    !EVP_EncryptFinal_ex(f->cctx, f->out + n, &m) ||
	    (size_t)(n + m) != f->size)
		return false;
	if (f->kind == CRYPTO_AES_CBC) {
		*check_len = f->size < CHECK_MAX ? f->size : CHECK_MAX;
		memcpy(check, f->out + f->size - *check_len, *check_len);
		return true;
	}
	*check_len = BENCH_CRYPTO_GCM_TAG_LEN;
	return EVP_CIPHER_CTX_ctrl(f->cctx, EVP_CTRL_AEAD_GET_TAG,
				   BENCH_CRYPTO_GCM_TAG_LEN, check) > 0;
}

static bool run_digest(struct crypto_floor *f, uint8_t *check,
		       size_t *check_len)
{
	unsigned int n = 0;

	*check_len = 0;
	if (!EVP_DigestInit_ex2(f->mctx, f->md, NULL) ||
	    !EVP_DigestUpdate(f->mctx, f->in, f->size) ||
	    !EVP_DigestFinal_ex(f->mctx, check, &n))
		return false;
	*check_len = n;
	return true;
}

/* The key stays: an init with no key starts a new message with it. */
static bool run_mac(struct crypto_floor *f, uint8_t *check,
		    size_t *check_len)
{
	return EVP_MAC_init(f->macctx, NULL, 0, NULL) &&
	       EVP_MAC_update(f->macctx, f->in, f->size) &&
	       EVP_MAC_final(f->macctx, check, check_len, CHECK_MAX);
}

static bool run_derive(struct crypto_floor *f)
{
	uint8_t secret[PUB_LEN];
	size_t len = sizeof(secret);
	EVP_PKEY *peer = EVP_PKEY_new_raw_public_key_ex(NULL, "X25519", NULL,
							f->peer, PUB_LEN);
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_pkey(NULL, f->pkey, NULL);
	bool ok = peer && c && EVP_PKEY_derive_init(c) > 0 &&
		  EVP_PKEY_derive_set_peer(c, peer) > 0 &&
		  EVP_PKEY_derive(c, secret, &len) > 0 && len == PUB_LEN;

	EVP_PKEY_CTX_free(c);
	EVP_PKEY_free(peer);
	return ok;
}

static bool run_one(struct crypto_floor *f, uint8_t *check,
		    size_t *check_len)
{
	size_t len = SIG_MAX;

	*check_len = 0;
	switch (f->kind) {
	case CRYPTO_AES_GCM:
	case CRYPTO_AES_CBC:
		return run_cipher(f, check, check_len);
	case CRYPTO_SHA256:
		return run_digest(f, check, check_len);
	case CRYPTO_HMAC_SHA256:
		return run_mac(f, check, check_len);
	case CRYPTO_RSA_SIGN:
	case CRYPTO_ECDSA_SIGN:
		return EVP_PKEY_sign(f->pctx, f->out, &len, f->digest,
				     sizeof(f->digest)) > 0;
	case CRYPTO_RSA_VERIFY:
	case CRYPTO_ECDSA_VERIFY:
		return EVP_PKEY_verify(f->pctx, f->sig, f->sig_len, f->digest,
				       sizeof(f->digest)) == 1;
	case CRYPTO_X25519:
		return run_derive(f);
	}
	return false;
}

int crypto_floor_run(struct crypto_floor *f, unsigned int count,
		     uint8_t *check, size_t *check_len)
{
	*check_len = 0;
	for (unsigned int i = 0; i < count; i++)
		if (!run_one(f, check, check_len))
			return -EIO;
	return 0;
}
