// SPDX-License-Identifier: BSD-2-Clause
/* The RPMB frames' MAC, as the device and its user both compute it. */
#include <openssl/core_names.h>
#include <openssl/evp.h>

#include "vtee/rpmb_frame.h"

bool rpmb_frames_mac(const uint8_t *key, const struct rpmb_frame *f,
		     size_t n, uint8_t mac[RPMB_MAC_SIZE])
{
	char digest[] = "SHA256";
	OSSL_PARAM params[] = {
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
						 digest, 0),
		OSSL_PARAM_construct_end(),
	};
	EVP_MAC *alg = EVP_MAC_fetch(NULL, "HMAC", NULL);
	EVP_MAC_CTX *ctx = alg ? EVP_MAC_CTX_new(alg) : NULL;
	size_t len = 0;
	bool ok = ctx && EVP_MAC_init(ctx, key, RPMB_KEY_SIZE, params);

	for (size_t i = 0; ok && i < n; i++)
		ok = EVP_MAC_update(ctx, (const uint8_t *)&f[i] +
					 RPMB_FRAME_MACED_OFF,
				    RPMB_FRAME_MACED_SIZE);
	ok = ok && EVP_MAC_final(ctx, mac, &len, RPMB_MAC_SIZE) &&
	     len == RPMB_MAC_SIZE;
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(alg);
	return ok;
}
