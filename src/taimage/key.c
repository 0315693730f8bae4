// SPDX-License-Identifier: BSD-2-Clause
/* Keys: reading them from PEM files, and what the format accepts. */
#include <errno.h>
#include <stdio.h>

#include <openssl/err.h>
#include <openssl/pem.h>

#include "ta_image_internal.h"
#include "vtee/ta_image.h"

int ta_image_key_check(EVP_PKEY *key)
{
	int size;

	if (!key || !EVP_PKEY_is_a(key, "RSA"))
		return TA_IMAGE_E_KEY;
	size = EVP_PKEY_get_size(key);
	if (size < (int)TA_IMAGE_SIG_MIN || size > (int)TA_IMAGE_SIG_MAX)
		return TA_IMAGE_E_KEY;
	return 0;
}

/*
 * Refuses to ask for a passphrase: keys are used by builds and daemons,
 * where OpenSSL's default prompt on the terminal would hang, not help.
 */
static int no_passphrase(char *buf, int size, int rwflag, void *u)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)u;
	return -1;
}

static EVP_PKEY *pem_load(const char *path, bool private_key)
{
	FILE *f = fopen(path, "re");
	EVP_PKEY *key;

	if (!f)
		return NULL;
	key = private_key ? PEM_read_PrivateKey(f, NULL, no_passphrase, NULL)
			  : PEM_read_PUBKEY(f, NULL, no_passphrase, NULL);
	fclose(f);
	if (!key) {
		ERR_clear_error();
		errno = EBADMSG;
	}
	return key;
}

EVP_PKEY *ta_image_load_pubkey(const char *pem_path)
{
	return pem_load(pem_path, false);
}

EVP_PKEY *ta_image_load_privkey(const char *pem_path)
{
	return pem_load(pem_path, true);
}
